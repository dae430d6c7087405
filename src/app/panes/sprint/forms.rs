//! The sprint board's forms: blocked (with a reason), assign, the workflow and a sprint's name, goal,
//! dates and capacity; and what Enter does with each.

use crate::app::form::Field;
use crate::app::{App, Effect, Form, FormKind, Mode};
use crate::model::{Edit, Item, Sprint, rules};
use jiff::civil::Date;

impl App {
    /// Saves a sprint-pane form (blocked reason, assignee, new sprint).
    pub(crate) fn submit_sprint_form(&mut self, mut form: Form) -> Vec<Effect> {
        let today = self.today;
        match form.kind {
            FormKind::Blocked(id) | FormKind::Assign(id) => {
                let Some(mut item) = self.board.item(id).cloned() else {
                    return Vec::new();
                };
                let key = self.board.item_key(id);
                let label = if let FormKind::Blocked(_) = form.kind {
                    let reason = form.value("Reason");
                    if reason.is_empty() {
                        form.set_error("Reason", "say what it is waiting for".into());
                        self.mode = Mode::Form(Box::new(form));
                        return Vec::new();
                    }
                    item.blocked = Some(reason);
                    format!("Block {key}")
                } else {
                    item.assignee = form.value("Assignee");
                    if item.assignee.is_empty() {
                        format!("Unassign {key}")
                    } else {
                        format!("Assign {key} to {}", item.assignee)
                    }
                };
                item.updated = today;
                self.change(Edit::UpdateItem(Box::new(item)), label)
            }
            FormKind::Workflow => {
                let parsed = form.workflow_values(&self.board.settings);
                let Some((columns, settings)) = parsed else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                match rules::set_workflow(&self.board, columns, settings) {
                    Ok(edit) => {
                        let effects = self.change(edit, "Change the workflow".into());
                        self.sprint.column = self
                            .sprint
                            .column
                            .min(self.board.columns.len().saturating_sub(1));
                        effects
                    }
                    Err(e) => {
                        form.set_error("Columns", e.to_string());
                        self.mode = Mode::Form(Box::new(form));
                        Vec::new()
                    }
                }
            }
            FormKind::EditSprint(id) => {
                let Some(current) = self.board.sprint(id).cloned() else {
                    return Vec::new();
                };
                match form.sprint_values(&current) {
                    Some(sprint) => {
                        let label = format!("Edit {}", sprint.name);
                        self.change(Edit::UpdateSprint(Box::new(sprint)), label)
                    }
                    None => {
                        self.mode = Mode::Form(Box::new(form));
                        Vec::new()
                    }
                }
            }
            FormKind::NewSprint => match form
                .sprint_values(&rules::suggest_sprint(&self.board, today))
            {
                Some(sprint) => {
                    let label = format!("Plan {} ({} – {})", sprint.name, sprint.start, sprint.end);
                    let edit = rules::add_sprint(&self.board, sprint);
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
                "Reason",
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
        let hint = format!("team: {}", people.join(", "));
        Form {
            kind: FormKind::Assign(item.id),
            title: format!("Assign {} — empty unassigns", board.item_key(item.id)),
            fields: vec![Field::new("Assignee", hint, &item.assignee)],
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
                    "Columns",
                    "left to right, comma-separated; a number after a name is its WIP limit",
                    &columns.join(", "),
                ),
                Field::new(
                    "Full column",
                    "refuse the move, warn and allow it, or ask",
                    policy,
                ),
                Field::new(
                    "Standup",
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
            .value("Columns")
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (name, limit) = match part.rsplit_once(' ') {
                Some((name, n)) if n.parse::<u32>().is_ok() => (name.trim(), n.parse::<u32>().ok()),
                _ => (part, None),
            };
            columns.push(crate::model::Column::new(name, limit));
        }
        let policy = match self.value("Full column").to_lowercase().as_str() {
            "refuse" | "" => Some(crate::model::WipPolicy::Refuse),
            "warn" => Some(crate::model::WipPolicy::Warn),
            "ask" => Some(crate::model::WipPolicy::Ask),
            other => {
                self.set_error(
                    "Full column",
                    format!("\"{other}\" is not refuse, warn or ask"),
                );
                None
            }
        };
        let minutes = self.value("Standup");
        let minutes = match minutes.parse::<u32>() {
            Ok(m) if (1..=120).contains(&m) => Some(m),
            _ => {
                self.set_error("Standup", format!("\"{minutes}\" is not 1–120 minutes"));
                None
            }
        };
        if columns.len() < 2 {
            self.set_error("Columns", "a workflow needs at least two columns".into());
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
                Field::new("Name", "", &template.name),
                Field::new(
                    "Goal",
                    "what the sprint is for, in a sentence",
                    &template.goal,
                ),
                Field::new("Start", "YYYY-MM-DD", &template.start.to_string()),
                Field::new("End", "YYYY-MM-DD, the last day", &template.end.to_string()),
                Field::new(
                    "Capacity",
                    "points the team expects to finish",
                    &template.capacity.to_string(),
                ),
            ],
            focus: 1,
        }
    }

    /// The sprint the form describes, or `None` with the errors marked.
    pub fn sprint_values(&mut self, template: &Sprint) -> Option<Sprint> {
        for f in &mut self.fields {
            f.error = None;
        }
        let date = |form: &mut Form, label: &str| -> Option<Date> {
            let v = form.value(label);
            match v.parse::<Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    form.set_error(label, format!("\"{v}\" is not a date (YYYY-MM-DD)"));
                    None
                }
            }
        };
        let name = self.value("Name");
        if name.is_empty() {
            self.set_error("Name", "a sprint needs a name".into());
        }
        let start = date(self, "Start");
        let end = date(self, "End");
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.set_error("End", format!("ends {e}, before it starts {s}"));
        }
        let capacity = self.value("Capacity");
        let capacity = match capacity.parse::<u32>() {
            Ok(c) => Some(c),
            Err(_) => {
                self.set_error(
                    "Capacity",
                    format!("\"{capacity}\" is not a number of points"),
                );
                None
            }
        };
        if let Some(bad) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = bad;
            return None;
        }
        Some(Sprint {
            name,
            goal: self.value("Goal"),
            start: start?,
            end: end?,
            capacity: capacity?,
            ..template.clone()
        })
    }
}
