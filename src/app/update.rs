//! `App::update`: every action arrives here and is dispatched in a fixed order: the open overlay
//! (form, palette, picker, question, filter line, help), then the active pane's current screen, then
//! the global commands. Each layer answers handled or not; a follow-up action comes back as
//! `Effect::Then` and is carried out by the loop here, never by a handler calling `update`. Changes to
//! the board go through `change`, which records the step for undo and asks the runner to save.

use super::{Action, App, Effect, Mode, Pane, SaveState};
use crate::model::{Edit, rules};
use std::collections::VecDeque;

/// Most follow-ups one action may cause: a loop between handlers is a bug, never a hang.
const MAX_STEPS: usize = 16;

impl App {
    /// Carries out one action and returns what the runner must do (save, open $EDITOR, quit).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        // A key that says nothing new takes the last message away (it stays in the log).
        let pressed = is_a_key(&action).then(|| self.message_seq());
        let mut effects = Vec::new();
        let mut queue = VecDeque::from([action]);
        let mut steps = 0;
        while let Some(next) = queue.pop_front() {
            steps += 1;
            if steps > MAX_STEPS {
                break;
            }
            for effect in self.dispatch(next) {
                match effect {
                    Effect::Then(follow_up) => queue.push_back(follow_up),
                    other => effects.push(other),
                }
            }
        }
        self.keep_views(&mut effects);
        self.refresh_index();
        if effects.contains(&Effect::Changed) {
            let here = self.here();
            self.doc.history.settle(here);
        }
        if let Some(before) = pressed {
            self.after_key(before);
        }
        effects
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Tick(now) = action {
            self.clock = now;
            let expired = self.expire_message(now);
            let timer = self.standup_tick();
            return if expired || timer {
                vec![Effect::Redraw]
            } else {
                Vec::new()
            };
        }
        if let Action::Paste(text) = action {
            return self.paste(text);
        }
        if let Some(effects) = self.views_first(&action) {
            return effects;
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => self.normal(action),
            Mode::Form(form) => match (form.kind, &action) {
                (super::FormKind::Conflict(at), Action::Cancel) => self.cancel_conflict_form(at),
                _ => self.form(*form, action),
            },
            Mode::Filter(input) => self.filter_input(input, action),
            // Scrolled text: the help, and the message log (whose newest line is at the bottom,
            // so up looks further back).
            Mode::Help(scroll) => {
                if let Some(to) = scrolled(scroll, &action, Action::Help, false) {
                    self.mode = Mode::Help(to);
                }
                Vec::new()
            }
            Mode::Messages(scroll) => {
                if let Some(to) = scrolled(scroll, &action, Action::Messages, true) {
                    self.mode = Mode::Messages(to);
                }
                Vec::new()
            }
            Mode::Conflicts(at) => self.conflicts_screen(at, action),
            Mode::Palette(palette) => self.palette(*palette, action),
            Mode::Picker(picker) => self.picker(*picker, action),
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
            Mode::CloseSprint { sprint, next, walk } => {
                self.close_question(sprint, next, walk, action)
            }
            Mode::ConfirmWip { item, column } => match action {
                Action::Yes => self.move_card_over_limit(item, column),
                _ => {
                    self.info("Not moved: the column stays within its limit");
                    Vec::new()
                }
            },
            Mode::ConfirmDelete {
                what,
                edit,
                label,
                then,
            } => match action {
                Action::Yes => {
                    let mut effects = self.delete(*edit, label);
                    if let Some(next) = then.filter(|_| effects.contains(&Effect::Changed)) {
                        effects.push(Effect::Then(*next));
                    }
                    effects
                }
                _ => {
                    self.info(format!("Kept: {what}"));
                    Vec::new()
                }
            },
            Mode::ConfirmDeleteEpic {
                what,
                children,
                keep,
                all,
                label,
            } => match action {
                Action::Yes => self.delete(*keep, label),
                Action::DeleteWithChildren => {
                    // Nested epics' children go too: the label counts every item that goes.
                    let gone = match all.as_ref() {
                        crate::model::Edit::Batch(edits) => edits
                            .iter()
                            .filter(|e| matches!(e, crate::model::Edit::RemoveItem(_)))
                            .count(),
                        _ => 1,
                    } - 1;
                    let with = match gone {
                        1 if children == 1 => "its child".to_string(),
                        n if n == children => format!("its {n} children"),
                        n => format!("the {} under it", crate::model::words::count(n, "item")),
                    };
                    self.delete(*all, format!("{label} and {with}"))
                }
                _ => {
                    self.info(format!("Kept: {what}"));
                    Vec::new()
                }
            },
            Mode::ConfirmChange {
                question: _,
                edit,
                label,
                kept,
            } => match action {
                Action::Yes => self.change(*edit, label),
                _ => {
                    self.info(kept);
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
    pub(crate) fn change(&mut self, edit: Edit, label: String) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        self.remember_row();
        let today = self.run.today;
        let place = self.here();
        // The index follows the edit as soon as it is applied, so today's burndown point reads the
        // sprint's remaining points from it instead of walking the backlog.
        let ops = super::changes::ops(&edit);
        let before = self.doc.revision;
        let index = &mut self.index;
        let mut followed = false;
        let recorded = self.doc.apply(edit, label.clone(), place, |board| {
            followed = index.follow_edit(board, before, &ops);
            rules::record_day_with(board, today, |s| {
                match (index.remaining(s), index.total(s)) {
                    (Some(r), Some(t)) if followed => (r, t),
                    _ => (board.remaining_points(s), board.sprint_points(s)),
                }
            })
        });
        if followed {
            self.index.settle(&self.doc, before, ops.len());
        }
        if let Err(e) = recorded {
            self.error(format!("{label}: {e}"));
            return Vec::new();
        }
        self.after_change(label);
        vec![Effect::Changed]
    }

    /// A change that deletes something: as `change`, and the status line says undo brings it back
    /// (the step itself is labelled without the hint, so undo says "Undid: Delete CRN-3 …").
    pub(crate) fn delete(&mut self, edit: Edit, label: String) -> Vec<Effect> {
        let effects = self.change(edit, label.clone());
        if effects.contains(&Effect::Changed) {
            let undo = self.keymap.hint(&Action::Undo);
            self.info(format!("{label} ({undo} brings it back)"));
        }
        effects
    }

    /// A delete that takes `what` with it asks first (the question says what goes; yes deletes
    /// and then runs `then`). With nothing going with it (`None`), or read-only, the edit comes
    /// back to be applied at once.
    pub(crate) fn ask_to_delete(
        &mut self,
        what: Option<String>,
        edit: Edit,
        label: &str,
        then: Option<Action>,
    ) -> Result<(), Edit> {
        match what {
            Some(what) if self.writable() => {
                self.mode = Mode::ConfirmDelete {
                    what,
                    edit: Box::new(edit),
                    label: label.to_string(),
                    then: then.map(Box::new),
                };
                Ok(())
            }
            _ => Err(edit),
        }
    }

    fn after_change(&mut self, message: String) {
        if self.run.save != SaveState::ReadOnly && !matches!(self.run.save, SaveState::Failed(_)) {
            self.run.save = SaveState::Unsaved;
        }
        self.refresh_visible();
        self.info(message);
    }

    /// No overlay is open: a command of another pane goes to that pane first; then the screen on
    /// show answers, then the global commands.
    fn normal(&mut self, action: Action) -> Vec<Effect> {
        // Board-wide: the same form from every pane and screen.
        if action == Action::ProjectSettings {
            return self.open_settings();
        }
        if action == Action::MyItems {
            return self.my_items();
        }
        if !action.works_in(self.pane)
            && let Some(&home) = action.panes().first()
        {
            self.show(home);
        }
        if self.screen_offers(&action) {
            return match self.pane {
                Pane::Backlog => self.backlog_screen(action),
                Pane::Sprint => self.sprint_action(action),
                Pane::Timeline => self.timeline_action(action),
                Pane::Stakeholders => self.stakeholders_action(action),
            };
        }
        self.global(action)
    }

    /// Switches panes; a sprint card's details close with the board they were opened on.
    pub(crate) fn show(&mut self, pane: Pane) {
        self.pane = pane;
    }

    /// What works everywhere; anything else does nothing on this screen, and says so.
    pub(crate) fn global(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        match action {
            Quit => {
                if matches!(self.run.save, SaveState::Failed(_)) {
                    self.mode = Mode::ConfirmQuit;
                    return Vec::new();
                }
                return vec![Effect::Quit];
            }
            Help => self.mode = Mode::Help(0),
            Messages => self.mode = Mode::Messages(0),
            Conflicts => return self.open_conflicts(),
            Palette => {
                self.mode =
                    Mode::Palette(Box::new(super::Palette::new(&self.doc.board, &self.keymap)))
            }
            Undo => return self.replay(false),
            Redo => return self.replay(true),
            Cancel => self.run.status = None,
            ShowBacklog => self.show(Pane::Backlog),
            ShowSprint => self.show(Pane::Sprint),
            ShowTimeline => self.show(Pane::Timeline),
            ShowStakeholders => self.show(Pane::Stakeholders),
            NextPane => self.show(self.pane.next()),
            PrevPane => self.show(self.pane.prev()),
            GoToItem(id) => {
                self.show(Pane::Backlog);
                // Folded under an epic, filtered out or done and hidden: shown again.
                self.reveal(id);
            }
            GoToStakeholder(id) => {
                self.show(Pane::Stakeholders);
                self.people.screen = super::panes::stakeholders::Screen::Register;
                self.people.selected = Some(id);
                self.people.note = None;
                let hidden = self.doc.board.stakeholder(id).is_some_and(|s| {
                    !super::panes::stakeholders::matches_filter(s, &self.people.filter)
                });
                if hidden {
                    self.people.filter.clear();
                }
            }
            GoToEntry(id) => {
                self.show(Pane::Timeline);
                self.timeline.sub = super::panes::timeline::Sub::Gantt;
                self.timeline.selected = Some(id);
                let shown = self
                    .timeline_order()
                    .iter()
                    .any(|&p| self.doc.board.timeline.get(p).is_some_and(|e| e.id == id));
                if !shown {
                    self.timeline.filter.clear();
                }
            }
            GoToRisk(id) => {
                self.show(Pane::Timeline);
                self.timeline.sub = super::panes::timeline::Sub::Risks;
                self.timeline.risk = Some(id);
            }
            Reload => return vec![Effect::Reload],
            Click(target) => self.click(target),
            DescriptionEdited(..) => return self.backlog_action(action),
            NoteEdited { .. } => return self.stakeholders_action(action),
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// Says that a command does nothing on the screen on show (and where it does work).
    pub(crate) fn not_here(&mut self, action: &Action) {
        if action.name().is_none() {
            return;
        }
        let here = self.screen().describe();
        let back = self.keymap.hint(&Action::Cancel);
        self.info(format!("{}: not {here} ({back} goes back)", action.about()));
    }

    /// Undo (`redo` false) or redo the last step, saying which.
    fn replay(&mut self, redo: bool) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        self.remember_row();
        let (verb, noun) = if redo {
            ("Redid", "redo")
        } else {
            ("Undid", "undo")
        };
        let done = self.doc.replay(redo);
        match done {
            None => self.info(format!("Nothing to {noun}")),
            Some(Err(e)) => self.error(format!("Cannot {noun}: {e}")),
            Some(Ok((label, place))) => {
                let said = format!("{verb}: {label}");
                self.after_change(said.clone());
                // Where it happened, so the user sees what changed back.
                self.go_back_to(place);
                self.info(said);
                return vec![Effect::Changed];
            }
        }
        Vec::new()
    }
}

/// An action the user made (a key, a click, a paste), not the clock or an editor coming back.
fn is_a_key(action: &Action) -> bool {
    !matches!(
        action,
        Action::Tick(_) | Action::DescriptionEdited(..) | Action::NoteEdited { .. }
    )
}

/// Where a scrolled text goes on `action` (`None`: it closes). `toggle` is the command that opened
/// it; `from_bottom` counts `scroll` up from the end.
fn scrolled(scroll: usize, action: &Action, toggle: Action, from_bottom: bool) -> Option<usize> {
    let step: isize = match action {
        Action::Cancel | Action::Quit | Action::Confirm => return None,
        a if *a == toggle => return None,
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => 10,
        Action::PageUp => -10,
        _ => 0,
    };
    let step = if from_bottom { -step } else { step };
    Some(scroll.saturating_add_signed(step))
}
