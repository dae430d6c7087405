//! The sprint board's actions: move between columns and cards, move a card along the workflow (WIP
//! limits apply), flag it blocked, assign it, plan, start and close sprints.

mod planning;
pub mod standup;

use crate::app::form::Field;
use crate::app::{Action, App, Effect, Form, FormKind, Mode, SprintScreen};
use crate::model::{Edit, Item, ItemId, Sprint, SprintState, rules};
use jiff::civil::Date;

impl App {
    /// The active sprint's cards in a workflow column that the board's filter lets through, in rank
    /// order.
    pub fn column_cards(&self, column: usize) -> Vec<ItemId> {
        let (Some(sprint), Some(col)) =
            (self.board.active_sprint(), self.board.columns.get(column))
        else {
            return Vec::new();
        };
        let filter = &self.sprint.filter;
        self.board
            .sprint_items(sprint.id)
            .filter(|i| i.status == col.name)
            .filter(|i| filter.is_empty() || filter.matches(&self.board, i))
            .map(|i| i.id)
            .collect()
    }

    /// How many of the active sprint's cards the board's filter lets through.
    pub fn sprint_card_count(&self) -> usize {
        (0..self.board.columns.len())
            .map(|c| self.column_cards(c).len())
            .sum()
    }

    /// The selected card: the remembered one while it is still in the column, else the column's first.
    pub fn selected_card(&self) -> Option<ItemId> {
        let cards = self.column_cards(self.sprint.column);
        match self.sprint.card {
            Some(id) if cards.contains(&id) => Some(id),
            _ => cards.first().copied(),
        }
    }

    fn card_item(&self) -> Option<&Item> {
        self.selected_card().and_then(|id| self.board.item(id))
    }

    pub(crate) fn sprint_action(&mut self, action: Action) -> Vec<Effect> {
        match self.sprint.screen {
            SprintScreen::Planning => self.planning_action(action),
            SprintScreen::Standup(_) => self.standup_action(action),
            _ => self.sprint_board_action(action),
        }
    }

    /// The sprint the burndown shows: the one picked with h/l, else the active one.
    pub fn viewed_sprint(&self) -> Option<&Sprint> {
        let viewing = match self.sprint.screen {
            SprintScreen::Burndown { viewing } => viewing,
            _ => None,
        };
        viewing
            .and_then(|id| self.board.sprint(id))
            .or_else(|| self.board.active_sprint())
    }

    /// Sprints that have a burndown (started ones), oldest first.
    fn started_sprints(&self) -> Vec<crate::model::SprintId> {
        let mut s: Vec<&Sprint> = self
            .board
            .sprints
            .iter()
            .filter(|s| s.state != SprintState::Planned)
            .collect();
        s.sort_by_key(|s| (s.start, s.id));
        s.into_iter().map(|s| s.id).collect()
    }

    /// The board's own keys (also used by standup mode on the current card).
    pub(crate) fn sprint_board_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let today = self.today;
        if self.sprint.burndown() && matches!(action, ColumnLeft | ColumnRight) {
            // In the burndown, h/l look at earlier or later sprints.
            let all = self.started_sprints();
            let at = self
                .viewed_sprint()
                .and_then(|v| all.iter().position(|id| *id == v.id));
            let to = match (at, action == ColumnRight) {
                (Some(n), true) => (n + 1).min(all.len().saturating_sub(1)),
                (Some(n), false) => n.saturating_sub(1),
                (None, _) => all.len().saturating_sub(1),
            };
            self.sprint.screen = SprintScreen::Burndown {
                viewing: all.get(to).copied(),
            };
            return Vec::new();
        }
        let columns = self.board.columns.len().max(1);
        match action {
            ColumnLeft | ColumnRight => {
                let row = self.card_row();
                self.sprint.column = if action == ColumnLeft {
                    self.sprint.column.saturating_sub(1)
                } else {
                    (self.sprint.column + 1).min(columns - 1)
                };
                // Keep about the same height, so h/l walks across a row of cards.
                let cards = self.column_cards(self.sprint.column);
                self.sprint.card = cards.get(row.min(cards.len().saturating_sub(1))).copied();
            }
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) => {
                let cards = self.column_cards(self.sprint.column);
                if cards.is_empty() {
                    return Vec::new();
                }
                let row = self.card_row() as i64;
                let page = (self.viewport.page / 3).max(1) as i64;
                let to = match action {
                    Down => row + 1,
                    Up => row - 1,
                    Top => 0,
                    Bottom => cards.len() as i64,
                    PageDown => row + page,
                    PageUp => row - page,
                    Scroll(n) => row + i64::from(n),
                    _ => row,
                };
                self.sprint.card = Some(cards[to.clamp(0, cards.len() as i64 - 1) as usize]);
            }
            CardLeft | CardRight => return self.move_card(action == CardRight),
            Details => match self.sprint.screen {
                SprintScreen::Card => self.sprint.screen = SprintScreen::Board,
                _ if self.selected_card().is_some() => self.sprint.screen = SprintScreen::Card,
                _ => self.info("No card selected"),
            },
            Filter => self.open_filter(),
            Cancel => {
                if matches!(self.sprint.screen, SprintScreen::Board) {
                    self.sprint.filter = crate::app::Filter::default();
                    self.info("Filter cleared");
                } else {
                    self.sprint.screen = SprintScreen::Board;
                }
            }
            ToggleBlocked => {
                let Some(item) = self.card_item().cloned() else {
                    self.info("No card selected");
                    return Vec::new();
                };
                let key = self.board.item_key(item.id);
                if item.blocked.is_some() {
                    let mut it = item;
                    it.blocked = None;
                    it.updated = today;
                    return self.change(Edit::UpdateItem(Box::new(it)), format!("Unblock {key}"));
                }
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::blocked(&self.board, &item)));
                }
            }
            Assign => match self.card_item().cloned() {
                Some(item) if self.writable() => {
                    self.mode = Mode::Form(Box::new(Form::assign(&self.board, &item)));
                }
                Some(_) => {}
                None => self.info("No card selected"),
            },
            Burndown => {
                self.sprint.screen = if self.sprint.burndown() {
                    SprintScreen::Board
                } else {
                    SprintScreen::Burndown { viewing: None }
                };
            }
            Standup => self.start_standup(),
            EditSprint => {
                let target = self.board.active_sprint().or_else(|| {
                    rules::next_planned(&self.board).and_then(|id| self.board.sprint(id))
                });
                match target.cloned() {
                    Some(s) if self.writable() => {
                        let mut form = Form::new_sprint(&s);
                        form.kind = FormKind::EditSprint(s.id);
                        form.title = format!("Edit {}", s.name);
                        self.mode = Mode::Form(Box::new(form));
                    }
                    Some(_) => {}
                    None => self.info(format!(
                        "No active or planned sprint to edit: {} plans one",
                        self.keymap.hint(&NewSprint)
                    )),
                }
            }
            Workflow => {
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::workflow(&self.board)));
                }
            }
            Plan => match rules::next_planned(&self.board) {
                Some(_) => self.sprint.screen = SprintScreen::Planning,
                None => self.info(format!(
                    "No planned sprint: {} plans one, then {} plans its work",
                    self.keymap.hint(&NewSprint),
                    self.keymap.hint(&Plan)
                )),
            },
            NewSprint => {
                if self.writable() {
                    let template = rules::suggest_sprint(&self.board, today);
                    self.mode = Mode::Form(Box::new(Form::new_sprint(&template)));
                }
            }
            StartSprint => match rules::next_planned(&self.board) {
                None => self.info(format!(
                    "No planned sprint to start: {} plans one",
                    self.keymap.hint(&NewSprint)
                )),
                Some(id) => match rules::start_sprint(&self.board, id, today) {
                    Ok(edit) => {
                        let name = self
                            .board
                            .sprint(id)
                            .map_or(String::new(), |s| s.name.clone());
                        let points = self.board.sprint_points(id);
                        self.sprint.column = 0;
                        self.sprint.card = None;
                        return self
                            .change(edit, format!("Start {name} with {points} points committed"));
                    }
                    Err(e) => self.error(e.to_string()),
                },
            },
            CloseSprint => match self.board.active_sprint() {
                None => self.info("No active sprint to close"),
                Some(s) => {
                    let sprint = s.id;
                    let next = rules::next_planned(&self.board);
                    let unfinished = self
                        .board
                        .sprint_items(sprint)
                        .filter(|i| !self.board.is_done(i))
                        .count();
                    if unfinished == 0 {
                        return self.close_sprint(sprint, rules::Leftovers::TopOfBacklog);
                    }
                    if self.writable() {
                        self.mode = Mode::CloseSprint { sprint, next };
                    }
                }
            },
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// Row of the selected card in its column.
    fn card_row(&self) -> usize {
        let cards = self.column_cards(self.sprint.column);
        self.selected_card()
            .and_then(|id| cards.iter().position(|c| *c == id))
            .unwrap_or(0)
    }

    fn move_card(&mut self, right: bool) -> Vec<Effect> {
        let Some(item) = self.card_item().cloned() else {
            self.info("No card selected");
            return Vec::new();
        };
        let Some(from) = self.board.column_index(&item.status) else {
            return Vec::new();
        };
        let to = if right {
            from + 1
        } else {
            from.wrapping_sub(1)
        };
        let Some(column) = self.board.columns.get(to).map(|c| c.name.clone()) else {
            let end = if right { "last" } else { "first" };
            self.info(format!(
                "{} is in the {end} column",
                self.board.item_key(item.id)
            ));
            return Vec::new();
        };
        match rules::set_status(&self.board, item.id, &column, self.today) {
            Ok(edit) => {
                let label = format!("Move {} to {column}", self.board.item_key(item.id));
                let effects = self.change(edit, label);
                // The card is followed into its new column.
                self.sprint.column = to;
                self.sprint.card = Some(item.id);
                effects
            }
            Err(crate::model::RuleError::WipLimit { .. })
                if self.board.settings.wip_policy == crate::model::WipPolicy::Ask =>
            {
                self.mode = Mode::ConfirmWip {
                    item: item.id,
                    column: to,
                };
                Vec::new()
            }
            Err(e) => {
                self.error(format!("{}: {e}", self.board.item_key(item.id)));
                Vec::new()
            }
        }
    }

    /// Moves a card past a full column after a yes.
    pub(crate) fn move_card_over_limit(&mut self, id: ItemId, to: usize) -> Vec<Effect> {
        let Some(column) = self.board.columns.get(to).map(|c| c.name.clone()) else {
            return Vec::new();
        };
        match rules::set_status_over_limit(&self.board, id, &column, self.today) {
            Ok(edit) => {
                let label = format!(
                    "Move {} to {column} (over its WIP limit)",
                    self.board.item_key(id)
                );
                let effects = self.change(edit, label);
                self.sprint.column = to;
                self.sprint.card = Some(id);
                effects
            }
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }

    pub(crate) fn close_sprint(
        &mut self,
        sprint: crate::model::SprintId,
        leftovers: rules::Leftovers,
    ) -> Vec<Effect> {
        match rules::close_sprint(&self.board, sprint, self.today, leftovers) {
            Ok(edit) => {
                let name = self
                    .board
                    .sprint(sprint)
                    .map_or(String::new(), |s| s.name.clone());
                let done = self.board.done_points(sprint);
                let unfinished = self.board.remaining_points(sprint) > 0
                    || self
                        .board
                        .sprint_items(sprint)
                        .any(|i| !self.board.is_done(i));
                let moved = match leftovers {
                    _ if !unfinished => "everything done".to_string(),
                    rules::Leftovers::TopOfBacklog => {
                        "unfinished work to the top of the backlog".to_string()
                    }
                    rules::Leftovers::Sprint(n) => {
                        format!(
                            "unfinished work to {}",
                            self.board
                                .sprint(n)
                                .map_or("the next sprint", |s| s.name.as_str())
                        )
                    }
                };
                self.change(
                    edit,
                    format!("Close {name}: velocity {done} points, {moved}"),
                )
            }
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }

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
