//! `App::update`: every action arrives here, by mode. Changes to the board go through `change`, which
//! records the step for undo and asks the runner to save.

use super::{Action, App, Effect, Form, FormKind, Mode, Palette, Pane, SaveState};
use crate::model::{Edit, Item, rules};
use ratatui_textarea::TextArea;

impl App {
    /// Carries out one action and returns what the runner must do (save, open $EDITOR, quit).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Tick {
            if self.standup.is_some() {
                return self.standup_action(Action::Tick);
            }
            return Vec::new();
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => self.normal(action),
            Mode::Form(form) => self.form(*form, action),
            Mode::Filter(input) => self.filter_input(input, action),
            Mode::Help(scroll) => {
                self.mode = match action {
                    Action::Cancel | Action::Help | Action::Quit | Action::Confirm => Mode::Normal,
                    Action::Down => Mode::Help(scroll + 1),
                    Action::Up => Mode::Help(scroll.saturating_sub(1)),
                    Action::PageDown => Mode::Help(scroll + 10),
                    Action::PageUp => Mode::Help(scroll.saturating_sub(10)),
                    _ => Mode::Help(scroll),
                };
                Vec::new()
            }
            Mode::Palette(palette) => self.palette(*palette, action),
            Mode::Picker(picker) => self.picker(*picker, action),
            // Stakeholders
            Mode::PeopleFilter(input) => self.people_filter_input(input, action),
            Mode::RankPreview(order) => match action {
                Action::Confirm => {
                    let n = order.len();
                    self.change(Edit::Reorder(order), format!("Rank {n} items by score"))
                }
                Action::Cancel | Action::No => {
                    self.info("Rank by score cancelled: the order is unchanged");
                    Vec::new()
                }
                _ => {
                    self.mode = Mode::RankPreview(order);
                    Vec::new()
                }
            },
            Mode::CloseSprint { sprint, next } => match action {
                Action::Answer('b') => self.close_sprint(sprint, rules::Leftovers::TopOfBacklog),
                Action::Answer('n') if next.is_some() => {
                    self.close_sprint(sprint, rules::Leftovers::Sprint(next.unwrap_or(sprint)))
                }
                Action::Cancel | Action::No => {
                    self.info("The sprint stays open");
                    Vec::new()
                }
                _ => {
                    self.mode = Mode::CloseSprint { sprint, next };
                    Vec::new()
                }
            },
            Mode::ConfirmWip { item, column } => match action {
                Action::Yes => self.move_card_over_limit(item, column),
                _ => {
                    self.info("Not moved: the column stays within its limit");
                    Vec::new()
                }
            },
            Mode::ConfirmQuit => match action {
                Action::Yes | Action::Quit => vec![Effect::Quit],
                _ => {
                    self.info("Not quitting: changes are kept and the save is retried");
                    Vec::new()
                }
            },
        }
    }

    /// Applies a change through the history (and today's burndown point with it), then refreshes the view.
    pub(super) fn change(&mut self, edit: Edit, label: String) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        self.remember_row();
        if let Err(e) = self.history.apply(&mut self.board, edit, label.clone()) {
            self.error(format!("{label}: {e}"));
            return Vec::new();
        }
        if let Some(burndown) = rules::record_remaining(&self.board, self.today) {
            // Recorded as part of the same step, so undo takes it back too.
            let _ = self.history.fold_into_last(&mut self.board, burndown);
        }
        self.after_change(label);
        vec![Effect::Changed]
    }

    fn after_change(&mut self, message: String) {
        self.changes += 1;
        if self.save != SaveState::ReadOnly && !matches!(self.save, SaveState::Failed(_)) {
            self.save = SaveState::Unsaved;
        }
        self.refresh_visible();
        self.info(message);
    }

    fn normal(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        if super::sprint::is_sprint_list_key(self, &action) {
            return self.sprint_action(action);
        }
        if self.pane == Pane::Timeline && super::timeline::takes(self, &action) {
            return self.timeline_action(action);
        }
        if self.pane == Pane::Stakeholders && super::stakeholders::takes(self, &action) {
            return self.stakeholders_action(action);
        }
        match action {
            Quit => {
                if matches!(self.save, SaveState::Failed(_)) {
                    self.mode = Mode::ConfirmQuit;
                    return Vec::new();
                }
                return vec![Effect::Quit];
            }
            Help => self.mode = Mode::Help(0),
            Palette => {
                self.mode = Mode::Palette(Box::new(super::Palette::new(&self.board, &self.keymap)))
            }
            Filter => {
                self.pane = Pane::Backlog;
                let mut input = TextArea::new(vec![self.backlog.filter.text.clone()]);
                input.move_cursor(ratatui_textarea::CursorMove::End);
                self.backlog.anchor = self.backlog.selected;
                self.mode = Mode::Filter(Box::new(input));
            }
            Undo => return self.replay(false),
            Redo => return self.replay(true),
            Cancel | StandupNext | StandupByPerson
                if self.pane == Pane::Sprint && self.standup.is_some() =>
            {
                return self.sprint_action(action);
            }
            Cancel
                if self.pane == Pane::Sprint && (self.sprint.planning || self.sprint.burndown) =>
            {
                self.sprint.planning = false;
                self.sprint.burndown = false;
            }
            Cancel => {
                if !self.backlog.filter.is_empty() && self.pane == Pane::Backlog {
                    self.set_filter(String::new());
                    self.info("Filter cleared");
                } else if self.backlog.details && self.pane == Pane::Backlog {
                    self.backlog.details = false;
                } else {
                    self.status = None;
                }
            }
            ShowBacklog => self.pane = Pane::Backlog,
            ShowSprint => self.pane = Pane::Sprint,
            ShowTimeline => self.pane = Pane::Timeline,
            ShowStakeholders => self.pane = Pane::Stakeholders,
            NextPane => self.pane = self.pane.next(),
            PrevPane => self.pane = self.pane.prev(),
            Down => self.move_selection(1),
            Up => self.move_selection(-1),
            PageDown => self.move_selection(self.page.get().max(1) as i64),
            PageUp => self.move_selection(-(self.page.get().max(1) as i64)),
            Top => self.move_selection(i64::MIN / 2),
            Bottom => self.move_selection(i64::MAX / 2),
            Scroll(n) => self.move_selection(i64::from(n)),
            SelectRow(row) => {
                if let Some(id) = self.row_id(row) {
                    self.backlog.selected = Some(id);
                }
            }
            Details => self.backlog.details = !self.backlog.details,
            GoToItem(id) => {
                self.pane = Pane::Backlog;
                self.backlog.selected = Some(id);
                if self.selected_row().is_none() {
                    self.set_filter(String::new());
                    self.backlog.selected = Some(id);
                }
            }
            Reload => return vec![Effect::Reload],
            ToggleScoring => {
                let mut settings = self.board.settings.clone();
                settings.scoring = settings.scoring.toggled();
                let label = format!("Score by {}", settings.scoring.name());
                return self.change(Edit::SetSettings(settings), label);
            }
            DescriptionEdited(..) => return self.backlog_action(action),
            other
                if !self.keymap.bound_in(self.pane, &other)
                    && self.keymap.home(&other).is_some() =>
            {
                self.wrong_pane(&other)
            }
            other if self.pane == Pane::Backlog => return self.backlog_action(other),
            other if self.pane == Pane::Sprint => return self.sprint_action(other),
            other if self.pane == Pane::Timeline => return self.timeline_action(other),
            other => return self.stakeholders_action(other),
        }
        Vec::new()
    }

    /// Says where a command of another pane works (it came from the palette or a rebound key).
    pub(super) fn wrong_pane(&mut self, action: &Action) {
        if action.name().is_none() {
            return;
        }
        match self.keymap.home(action) {
            Some(pane) => {
                let where_ = match pane {
                    Pane::Backlog => "in the backlog",
                    Pane::Sprint => "on the sprint board",
                    Pane::Timeline => "in the timeline",
                    Pane::Stakeholders => "in the stakeholders pane",
                };
                self.info(format!(
                    "{} works {where_} (press {})",
                    action.about(),
                    pane.index() + 1
                ));
            }
            None => self.info(format!("{} does nothing here", action.about())),
        }
    }

    fn move_selection(&mut self, by: i64) {
        if self.pane != Pane::Backlog {
            // At most one row per thing the pane lists; the pane stops earlier when it fits.
            let limit = match self.pane {
                Pane::Sprint => self
                    .board
                    .active_sprint()
                    .map_or(0, |s| self.board.sprint_items(s.id).count()),
                Pane::Timeline => self.board.timeline.len(),
                _ => self.board.stakeholders.len(),
            };
            let s = &mut self.scroll[self.pane.index()];
            *s = (*s as i64 + by).clamp(0, limit.saturating_sub(1) as i64) as usize;
            return;
        }
        let len = self.backlog.visible.len();
        if len == 0 {
            return;
        }
        let row = self.selected_row().unwrap_or(0) as i64;
        let to = (row + by).clamp(0, len as i64 - 1) as usize;
        self.backlog.selected = self.row_id(to);
    }

    /// Undo (`redo` false) or redo the last step, saying which.
    fn replay(&mut self, redo: bool) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        self.remember_row();
        let (done, verb, noun) = if redo {
            (self.history.redo(&mut self.board), "Redid", "redo")
        } else {
            (self.history.undo(&mut self.board), "Undid", "undo")
        };
        match done {
            None => self.info(format!("Nothing to {noun}")),
            Some(Err(e)) => self.error(format!("Cannot {noun}: {e}")),
            Some(Ok(label)) => {
                self.after_change(format!("{verb}: {label}"));
                return vec![Effect::Changed];
            }
        }
        Vec::new()
    }

    fn set_filter(&mut self, text: String) {
        self.backlog.filter = super::Filter::parse(&text);
        self.refresh_visible();
    }

    fn filter_input(&mut self, mut input: Box<TextArea<'static>>, action: Action) -> Vec<Effect> {
        match action {
            Action::Confirm => {
                self.backlog.anchor = None;
                let n = self.backlog.visible.len();
                if !self.backlog.filter.is_empty() {
                    self.info(format!(
                        "{n} items match \"{}\" — Esc clears",
                        self.backlog.filter.text
                    ));
                }
                return Vec::new();
            }
            Action::Cancel => {
                self.set_filter(String::new());
                self.backlog.anchor = None;
                return Vec::new();
            }
            Action::Type(key) => {
                input.input(key);
                self.set_filter(input.lines().join(" "));
            }
            // Arrows move the selection while typing, so one can filter and pick without leaving.
            Action::Down | Action::Up => {
                self.normal(action).into_iter().for_each(drop);
                self.backlog.anchor = self.backlog.selected;
            }
            _ => {}
        }
        self.mode = Mode::Filter(input);
        Vec::new()
    }

    fn palette(&mut self, mut palette: Palette, action: Action) -> Vec<Effect> {
        match action {
            Action::Cancel => return Vec::new(),
            Action::Confirm => {
                return match palette.chosen().cloned() {
                    Some(super::palette::Entry::Command { action, .. }) => self.update(action),
                    Some(super::palette::Entry::Item { id, .. }) => {
                        self.update(Action::GoToItem(id))
                    }
                    None => Vec::new(),
                };
            }
            Action::Down => palette.down(),
            Action::Up => palette.up(),
            Action::Type(key) => {
                palette.input.input(key);
                palette.refresh(&self.board, &self.keymap);
            }
            _ => {}
        }
        self.mode = Mode::Palette(Box::new(palette));
        Vec::new()
    }

    fn picker(&mut self, mut picker: super::Picker, action: Action) -> Vec<Effect> {
        use super::picker::Purpose;
        match action {
            Action::Cancel => {
                self.info("Cancelled: no links changed");
                return Vec::new();
            }
            Action::Confirm => {
                let chosen = picker.chosen();
                return match picker.purpose {
                    Purpose::NoteLinks { stakeholder, note } => {
                        self.apply_note_links(stakeholder, note, chosen)
                    }
                    purpose => self.apply_timeline_picks(purpose, chosen),
                };
            }
            Action::Down => picker.down(),
            Action::Up => picker.up(),
            Action::PageDown => (0..10).for_each(|_| picker.down()),
            Action::PageUp => (0..10).for_each(|_| picker.up()),
            Action::Check => picker.toggle(),
            Action::Type(key) => {
                picker.input.input(key);
                picker.refresh();
            }
            _ => {}
        }
        self.mode = Mode::Picker(Box::new(picker));
        Vec::new()
    }

    fn form(&mut self, mut form: Form, action: Action) -> Vec<Effect> {
        match action {
            Action::Cancel => {
                self.info("Cancelled: nothing changed");
                return Vec::new();
            }
            Action::NextField => form.next(),
            Action::PrevField => form.prev(),
            Action::Type(key) => {
                let field = form.focused();
                field.input.input(key);
                field.error = None;
            }
            Action::Confirm => return self.submit(form),
            _ => {}
        }
        self.mode = Mode::Form(Box::new(form));
        Vec::new()
    }

    fn submit(&mut self, mut form: Form) -> Vec<Effect> {
        let today = self.today;
        match form.kind {
            FormKind::Blocked(_)
            | FormKind::Assign(_)
            | FormKind::NewSprint
            | FormKind::EditSprint(_)
            | FormKind::Workflow => self.submit_sprint_form(form),
            FormKind::Timeline(_) => self.submit_timeline_form(form),
            FormKind::People(_) => self.submit_people_form(form),
            FormKind::AddItem => {
                let index = self
                    .selected_item()
                    .and_then(|i| self.board.item_index(i.id))
                    .map_or(0, |r| r + 1);
                let (edit, id) = match rules::add_item(
                    &self.board,
                    crate::model::ItemKind::Story,
                    "untitled",
                    index,
                    today,
                ) {
                    Ok(x) => x,
                    Err(e) => {
                        self.error(e.to_string());
                        return Vec::new();
                    }
                };
                let Edit::Batch(mut parts) = edit else {
                    return Vec::new();
                };
                let Some(Edit::InsertItem { item, .. }) = parts.last_mut() else {
                    return Vec::new();
                };
                if !form.fill(&self.board, item, today) {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                }
                let label = format!("Add {} \"{}\"", self.board.item_key(id), item.title);
                let effects = self.change(Edit::Batch(parts), label);
                self.backlog.selected = Some(id);
                self.refresh_visible();
                effects
            }
            FormKind::EditItem(id) => {
                let Some(mut item) = self.board.item(id).cloned() else {
                    return Vec::new();
                };
                let before = item.clone();
                if !form.fill(&self.board, &mut item, today) {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                }
                let unchanged = Item {
                    updated: item.updated,
                    ..before
                };
                if unchanged == item {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!("Edit {}", self.board.item_key(id));
                self.change(Edit::UpdateItem(Box::new(item)), label)
            }
            FormKind::Points(id) => {
                let Some(points) = form.points_value() else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                match rules::set_points(&self.board, id, points.map(u32::from), today) {
                    Ok(edit) => {
                        let shown = points.map_or("no".to_string(), |p| p.to_string());
                        let label = format!("{} points for {}", shown, self.board.item_key(id));
                        self.change(edit, label)
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        Vec::new()
                    }
                }
            }
        }
    }
}
