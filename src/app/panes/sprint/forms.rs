//! The sprint board's forms: blocked (with a reason), assign, the workflow and a sprint's name, goal,
//! dates and capacity; and what Enter does with each.

use crate::app::form::Field;
use crate::app::form::FieldId;
use crate::app::{App, Effect, Form, FormKind, Mode};
use crate::model::value;
use crate::model::{Edit, Item, Sprint, rules};
use jiff::civil::Date;

impl App {
    /// Saves a sprint-pane form (blocked reason, assignee, new sprint).
    pub(crate) fn submit_sprint_form(&mut self, mut form: Form) -> Vec<Effect> {
        let today = self.run.today;
        match form.kind {
            FormKind::Blocked(id) | FormKind::Assign(id) => {
                let Some(mut item) = self.doc.board.item(id).cloned() else {
                    return Vec::new();
                };
                let key = self.doc.board.item_key(id);
                let label = if let FormKind::Blocked(_) = form.kind {
                    let reason = form.value(FieldId::Reason);
                    if reason.is_empty() {
                        form.set_error(FieldId::Reason, "say what it is waiting for".into());
                        self.mode = Mode::Form(Box::new(form));
                        return Vec::new();
                    }
                    let flow = crate::model::flow::Workflow::of(&self.doc.board);
                    crate::model::flow::set_blocked(&mut item, Some(reason), flow, self.run.today);
                    format!("Block {key}")
                } else {
                    let new = form.fields.iter().any(|f| f.is_new_person());
                    item.assignee = form.value(FieldId::Assignee);
                    if item.assignee.is_empty() {
                        format!("Unassign {key}")
                    } else if new {
                        format!("Assign {key} to {} (new person)", item.assignee)
                    } else {
                        format!("Assign {key} to {}", item.assignee)
                    }
                };
                item.updated = today;
                self.change(Edit::UpdateItem(Box::new(item)), label)
            }
            FormKind::Workflow => {
                let parsed = form.workflow_values(&self.doc.board.settings);
                let Some((columns, settings)) = parsed else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                match rules::set_workflow(&self.doc.board, columns, settings) {
                    Ok(edit) => {
                        let effects = self.change(edit, "Change the workflow".into());
                        self.sprint.column = self
                            .sprint
                            .column
                            .min(self.doc.board.columns.len().saturating_sub(1));
                        effects
                    }
                    Err(e) => {
                        form.set_error(FieldId::Columns, e.to_string());
                        self.mode = Mode::Form(Box::new(form));
                        Vec::new()
                    }
                }
            }
            FormKind::EditSprint(id) => {
                let Some(current) = self.doc.board.sprint(id).cloned() else {
                    return Vec::new();
                };
                match form.sprint_values(&current, today) {
                    Some(sprint) => {
                        let label = format!("Edit {}", sprint.name);
                        let edit = rules::update_sprint(&self.doc.board, sprint);
                        self.change(edit, label)
                    }
                    None => {
                        self.mode = Mode::Form(Box::new(form));
                        Vec::new()
                    }
                }
            }
            FormKind::NewSprint => match form
                .sprint_values(&rules::suggest_sprint(&self.doc.board, today), today)
            {
                Some(sprint) => {
                    let label = format!("Plan {} ({} – {})", sprint.name, sprint.start, sprint.end);
                    let edit = rules::add_sprint(&self.doc.board, sprint);
                    self.change(edit, label)
                }
                None => {
                    self.mode = Mode::Form(Box::new(form));
                    Vec::new()
                }
            },
            _ => Vec::new(),
        }
    }
}

impl Form {
    pub fn blocked(board: &crate::model::Board, item: &Item) -> Form {
        Form {
            kind: FormKind::Blocked(item.id),
            title: format!(
                "Block {} — what is it waiting for?",
                board.item_key(item.id)
            ),
            fields: vec![Field::new(
                FieldId::Reason,
                "e.g. waiting on the payment provider's sandbox",
                "",
            )],
            focus: 0,
        }
    }

    pub fn assign(board: &crate::model::Board, item: &Item) -> Form {
        let mut people: Vec<&str> = Vec::new();
        for i in board
            .active_sprint()
            .map(|s| board.sprint_items(s.id))
            .into_iter()
            .flatten()
        {
            if !i.assignee.is_empty() && !people.contains(&i.assignee.as_str()) {
                people.push(&i.assignee);
            }
        }
        // The roster when there is one, else who has cards in the sprint.
        if !board.team.is_empty() {
            people = board.team.iter().map(|p| p.name.as_str()).collect();
        }
        let hint = format!("team: {}", people.join(", "));
        Form {
            kind: FormKind::Assign(item.id),
            title: format!("Assign {} — empty unassigns", board.item_key(item.id)),
            fields: vec![Field::person(
                FieldId::Assignee,
                hint,
                &item.assignee,
                board,
            )],
            focus: 0,
        }
    }

    /// The workflow as one line (`To do, Doing 3, Review 2, Done`) and the full-column policy.
    pub fn workflow(board: &crate::model::Board) -> Form {
        let columns: Vec<String> = board
            .columns
            .iter()
            .map(|c| match c.wip_limit {
                Some(l) => format!("{} {l}", c.name),
                None => c.name.clone(),
            })
            .collect();
        let policy = match board.settings.wip_policy {
            crate::model::WipPolicy::Refuse => "refuse",
            crate::model::WipPolicy::Warn => "warn",
            crate::model::WipPolicy::Ask => "ask",
        };
        Form {
            kind: FormKind::Workflow,
            title: "Workflow".into(),
            fields: vec![
                Field::new(
                    FieldId::Columns,
                    "left to right, comma-separated; a number after a name is its WIP limit",
                    &columns.join(", "),
                ),
                Field::choice(
                    FieldId::FullColumn,
                    "what a move into a full column does",
                    &["refuse", "warn", "ask"],
                    policy,
                ),
                Field::new(
                    FieldId::Standup,
                    "minutes for the daily standup",
                    &board.settings.standup_minutes.to_string(),
                ),
            ],
            focus: 0,
        }
    }

    /// The columns and policy the workflow form describes, or `None` with the errors marked.
    pub fn workflow_values(
        &mut self,
        settings: &crate::model::Settings,
    ) -> Option<(Vec<crate::model::Column>, crate::model::Settings)> {
        for f in &mut self.fields {
            f.error = None;
        }
        let mut columns = Vec::new();
        for part in self
            .value(FieldId::Columns)
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (name, limit) = match part.rsplit_once(' ') {
                Some((name, n)) if n.parse::<u32>().is_ok() => (name.trim(), n),
                _ => (part, ""),
            };
            match value::parse_wip_limit(limit) {
                Ok(limit) => columns.push(crate::model::Column::new(name, limit)),
                Err(e) => self.set_error(FieldId::Columns, format!("{name}: {e}")),
            }
        }
        if self.fields.iter().any(|f| f.error.is_some()) {
            return None;
        }
        let policy = match self.value(FieldId::FullColumn).to_lowercase().as_str() {
            "refuse" | "" => Some(crate::model::WipPolicy::Refuse),
            "warn" => Some(crate::model::WipPolicy::Warn),
            "ask" => Some(crate::model::WipPolicy::Ask),
            other => {
                self.set_error(
                    FieldId::FullColumn,
                    format!("\"{other}\" is not refuse, warn or ask"),
                );
                None
            }
        };
        let minutes = value::parse_standup_minutes(&self.value(FieldId::Standup))
            .map_err(|e| self.set_error(FieldId::Standup, e))
            .ok();
        if columns.len() < 2 {
            self.set_error(
                FieldId::Columns,
                "a workflow needs at least two columns".into(),
            );
            return None;
        }
        let settings = crate::model::Settings {
            wip_policy: policy?,
            standup_minutes: minutes?,
            ..settings.clone()
        };
        Some((columns, settings))
    }

    pub fn new_sprint(template: &Sprint) -> Form {
        Form {
            kind: FormKind::NewSprint,
            title: "Plan a sprint".into(),
            fields: vec![
                Field::new(FieldId::Name, "", &template.name),
                Field::new(
                    FieldId::Goal,
                    "what the sprint is for, in a sentence",
                    &template.goal,
                ),
                Field::new(
                    FieldId::Start,
                    value::DATE_HINT,
                    &template.start.to_string(),
                ),
                Field::new(
                    FieldId::End,
                    "the last day: a date, or +2w from the start",
                    &template.end.to_string(),
                ),
                Field::new(
                    FieldId::Capacity,
                    "points the team expects to finish",
                    &template.capacity.to_string(),
                ),
            ],
            focus: 1,
        }
    }

    /// The sprint the form describes, or `None` with the errors marked.
    /// Dates take `2026-12-14`, `today`, `+3d` or `-1w` (from `today`); an end of `+2w` counts from
    /// the start.
    pub fn sprint_values(&mut self, template: &Sprint, today: Date) -> Option<Sprint> {
        for f in &mut self.fields {
            f.error = None;
        }
        let date = |form: &mut Form, id: FieldId, base: Date| -> Option<Date> {
            value::parse_date(&form.value(id), base)
                .map_err(|e| form.set_error(id, e))
                .ok()
        };
        let name = self.value(FieldId::Name);
        if name.is_empty() {
            self.set_error(FieldId::Name, "a sprint needs a name".into());
        }
        let start = date(self, FieldId::Start, today);
        let end = date(self, FieldId::End, start.unwrap_or(today));
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.set_error(FieldId::End, format!("ends {e}, before it starts {s}"));
        }
        let capacity = value::parse_capacity(&self.value(FieldId::Capacity))
            .map_err(|e| self.set_error(FieldId::Capacity, e))
            .ok();
        if let Some(bad) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = bad;
            return None;
        }
        Some(Sprint {
            name,
            goal: self.value(FieldId::Goal),
            start: start?,
            end: end?,
            capacity: capacity?,
            ..template.clone()
        })
    }
}
