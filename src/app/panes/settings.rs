//! The project settings form: name, key prefix, vision, product goal, budget, currency, sprint length
//! and standup timebox and time. Saving is one undoable step (`SetProject`, `SetSettings` or both); a new key
//! prefix re-keys every item, so it says what changes and asks first.

use crate::app::form::{Field, FieldId};
use crate::app::{App, Effect, Form, FormKind, Mode};
use crate::model::{Board, Edit, Project, Settings, value, words};

impl App {
    /// Opens the settings form (from the palette, or its key on the timeline and budget).
    pub(crate) fn open_settings(&mut self) -> Vec<Effect> {
        if self.writable() {
            self.mode = Mode::Form(Box::new(Form::settings(&self.doc.board)));
        }
        Vec::new()
    }

    /// Saves the settings form: nothing invalid reaches the board; a key change asks first.
    pub(crate) fn submit_settings_form(&mut self, mut form: Form) -> Vec<Effect> {
        let board = &self.doc.board;
        let Some((project, settings)) = form.settings_values(board) else {
            self.mode = Mode::Form(Box::new(form));
            return Vec::new();
        };
        let mut edits = Vec::new();
        if project != board.project {
            edits.push(Edit::SetProject(Box::new(project.clone())));
        }
        if settings != board.settings {
            edits.push(Edit::SetSettings(settings));
        }
        let edit = match edits.len() {
            0 => {
                self.info("No changes");
                return Vec::new();
            }
            1 => edits.remove(0),
            _ => Edit::Batch(edits),
        };
        let label = format!("Change the project settings of {}", project.name);
        if project.key != board.project.key && !board.items.is_empty() {
            self.mode = Mode::ConfirmChange {
                question: rekey_question(board, &project.key),
                edit: Box::new(edit),
                label,
                kept: format!(
                    "Kept: the settings are unchanged and items keep {}-",
                    board.project.key
                ),
            };
            return Vec::new();
        }
        self.change(edit, label)
    }
}

/// "CRN-12 becomes PAY-12 for all 35 items (links and references by key too): change the key?"
pub fn rekey_question(board: &Board, new_key: &str) -> String {
    let example = board.items.first().map_or(1, |i| i.id.0);
    let old = &board.project.key;
    let all = if board.items.len() == 1 {
        "the only item".to_string()
    } else {
        format!("all {}", words::count(board.items.len(), "item"))
    };
    format!(
        "New key prefix: {old}-{example} becomes {new_key}-{example} for {all}, everywhere keys are \
         shown and in exports; text that mentions {old}-{example} is not rewritten. Change it?"
    )
}

impl Form {
    /// The project settings, as they are now.
    pub fn settings(board: &Board) -> Form {
        let p = &board.project;
        let s = &board.settings;
        let budget = if p.budget == 0 {
            String::new()
        } else {
            p.budget.to_string()
        };
        Form {
            kind: FormKind::Settings,
            title: format!("Project settings — {}", p.name),
            fields: vec![
                Field::new(FieldId::Name, "the project's name", &p.name),
                Field::new(
                    FieldId::Key,
                    "1–10 letters, the prefix of item keys (CRN in CRN-12)",
                    &p.key,
                ),
                Field::new(
                    FieldId::Vision,
                    "why the product exists, one line",
                    &p.vision,
                ),
                Field::new(
                    FieldId::ProductGoal,
                    "what the team works towards now",
                    &p.goal,
                ),
                Field::new(
                    FieldId::Budget,
                    "the total, e.g. 120000, 120k, 1.5M",
                    &budget,
                ),
                Field::new(FieldId::Currency, "EUR, USD, £ …", &p.currency),
                Field::new(
                    FieldId::SprintLength,
                    "days a new sprint lasts (1–60)",
                    &s.sprint_days.to_string(),
                ),
                Field::new(
                    FieldId::Standup,
                    "minutes for the daily standup (1–120)",
                    &s.standup_minutes.to_string(),
                ),
                Field::new(
                    FieldId::StandupAt,
                    "when it starts on weekdays, e.g. 09:30 (empty: no fixed time; for calendars)",
                    &s.standup_at
                        .map(|t| t.strftime("%H:%M").to_string())
                        .unwrap_or_default(),
                ),
                Field::new(
                    FieldId::CycleSample,
                    "latest done items the cycle time draws from (1–1000)",
                    &s.cycle_sample.to_string(),
                ),
            ],
            focus: 0,
        }
    }

    /// The project and settings the form describes, or `None` with every bad field marked.
    pub fn settings_values(&mut self, board: &Board) -> Option<(Project, Settings)> {
        for f in &mut self.fields {
            f.error = None;
        }
        let mut project = board.project.clone();
        let mut settings = board.settings.clone();
        let mut errors: Vec<(FieldId, String)> = Vec::new();
        let mut take = |id: FieldId, r: Result<(), String>| {
            if let Err(e) = r {
                errors.push((id, e));
            }
        };
        let text = |id: FieldId, max: usize, what: &str| {
            let v = self.value(id);
            value::check_length(what, &v, max).map(|()| v)
        };
        take(
            FieldId::Name,
            value::parse_project_name(&self.value(FieldId::Name)).map(|v| project.name = v),
        );
        take(
            FieldId::Key,
            value::parse_project_key(&self.value(FieldId::Key)).map(|v| project.key = v),
        );
        take(
            FieldId::Vision,
            text(FieldId::Vision, value::MAX_TEXT, "the vision").map(|v| project.vision = v),
        );
        take(
            FieldId::ProductGoal,
            text(FieldId::ProductGoal, value::MAX_TEXT, "the product goal")
                .map(|v| project.goal = v),
        );
        take(
            FieldId::Budget,
            value::parse_money(&self.value(FieldId::Budget)).map(|v| project.budget = v),
        );
        let currency = self.value(FieldId::Currency);
        take(
            FieldId::Currency,
            if currency.is_empty() {
                Err("say the currency, e.g. EUR".into())
            } else {
                value::check_length("the currency", &currency, value::MAX_NAME)
                    .map(|()| project.currency = currency)
            },
        );
        take(
            FieldId::SprintLength,
            value::parse_sprint_days(&self.value(FieldId::SprintLength))
                .map(|v| settings.sprint_days = v),
        );
        take(
            FieldId::Standup,
            value::parse_standup_minutes(&self.value(FieldId::Standup))
                .map(|v| settings.standup_minutes = v),
        );
        take(
            FieldId::StandupAt,
            value::parse_standup_at(&self.value(FieldId::StandupAt))
                .map(|v| settings.standup_at = v),
        );
        take(
            FieldId::CycleSample,
            value::parse_cycle_sample(&self.value(FieldId::CycleSample))
                .map(|v| settings.cycle_sample = v),
        );
        if let Some(first) = errors.first().map(|(id, _)| *id) {
            self.focus = self.fields.iter().position(|f| f.id == first).unwrap_or(0);
        }
        let ok = errors.is_empty();
        for (id, e) in errors {
            self.set_error(id, e);
        }
        ok.then_some((project, settings))
    }
}
