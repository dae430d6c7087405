//! The planning view: the backlog (items in no sprint, not done, not epics) beside the next planned
//! sprint. `s` or Enter pulls the selected item in or sends it back; the capacity gauge warns when over.

use crate::app::{Action, App, Effect};
use crate::model::evm::{MustShare, next_release_must};
use crate::model::{Board, ItemId, ItemKind, SprintId, rules};
use std::borrow::Cow;

/// The planning view's two lists, kept for the board of `key` (revision, planned sprint).
#[derive(Debug, Default)]
pub struct PlanLists {
    key: Option<(u64, Option<SprintId>)>,
    left: Vec<ItemId>,
    right: Vec<ItemId>,
    /// The next release's Must share (it reads every item of the release's work).
    release_must: Option<(String, MustShare)>,
}

/// Candidates (in no sprint, not done, not epics) and the planned sprint's items, in rank order,
/// into the two buffers (cleared first).
fn fill(board: &Board, planned: Option<SprintId>, left: &mut Vec<ItemId>, right: &mut Vec<ItemId>) {
    left.clear();
    right.clear();
    for it in &board.items {
        if it.sprint.is_none() && !board.is_done(it) && it.kind != ItemKind::Epic {
            left.push(it.id);
        } else if it.sprint.is_some() && it.sprint == planned {
            right.push(it.id);
        }
    }
}

/// The next release's Must share from the start of the `planned` sprint.
fn release_must(board: &Board, planned: Option<SprintId>) -> Option<(String, MustShare)> {
    let start = board.sprint(planned?)?.start;
    next_release_must(board, start)
}

impl App {
    /// The sprint being planned: the planned sprint that starts first.
    pub fn planned_sprint(&self) -> Option<SprintId> {
        rules::next_planned(&self.doc.board)
    }

    /// The two lists of the planning view, in rank order: candidates and the planned sprint's items.
    pub fn planning_lists(&self) -> (Vec<ItemId>, Vec<ItemId>) {
        let (left, right) = self.planning_rows();
        (left.into_owned(), right.into_owned())
    }

    fn plan_key(&self) -> (u64, Option<SprintId>) {
        (self.doc.revision, self.planned_sprint())
    }

    /// The two lists walked from the items again when the board changed since (before a frame of
    /// the planning view, in the same buffers): the keys between changes only read them.
    pub fn refresh_planning(&mut self) {
        let key = self.plan_key();
        if self.sprint.plan.key == Some(key) {
            return;
        }
        let mut plan = std::mem::take(&mut self.sprint.plan);
        fill(&self.doc.board, key.1, &mut plan.left, &mut plan.right);
        plan.release_must = release_must(&self.doc.board, key.1);
        plan.key = Some(key);
        self.sprint.plan = plan;
    }

    /// The two lists as kept for this board, else walked now.
    pub fn planning_rows(&self) -> (Cow<'_, [ItemId]>, Cow<'_, [ItemId]>) {
        let key = self.plan_key();
        let plan = &self.sprint.plan;
        if plan.key == Some(key) {
            return (Cow::Borrowed(&plan.left), Cow::Borrowed(&plan.right));
        }
        let (mut left, mut right) = (Vec::new(), Vec::new());
        fill(&self.doc.board, key.1, &mut left, &mut right);
        (Cow::Owned(left), Cow::Owned(right))
    }

    /// The Must share of the next release after the planned sprint starts, as kept for this board.
    pub fn planning_release_must(&self) -> Option<(String, MustShare)> {
        let plan = &self.sprint.plan;
        if plan.key == Some(self.plan_key()) {
            return plan.release_must.clone();
        }
        release_must(&self.doc.board, self.planned_sprint())
    }

    /// The selected item of each side: the remembered one while it is still there, else the first.
    pub fn planning_selection(&self) -> (Option<ItemId>, Option<ItemId>) {
        let (left, right) = self.planning_rows();
        let pick = |list: &[ItemId], remembered: Option<ItemId>| match remembered {
            Some(id) if list.contains(&id) => Some(id),
            _ => list.first().copied(),
        };
        (
            pick(&left, self.sprint.plan_left_item),
            pick(&right, self.sprint.plan_right_item),
        )
    }

    pub(crate) fn planning_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let (sel_left, sel_right) = self.planning_selection();
        let (left, right) = self.planning_rows();
        let (list, selected) = if self.sprint.plan_right {
            (&right, sel_right)
        } else {
            (&left, sel_left)
        };
        let row = selected
            .and_then(|id| list.iter().position(|x| *x == id))
            .unwrap_or(0);
        let moved = crate::app::cursor::motion(&action, row, list.len(), self.viewport.page);
        let moved = moved.and_then(|to| list.get(to).copied());
        // What `s` selects next, so a few presses plan a sprint.
        let next = selected.and_then(|id| list.iter().skip_while(|x| **x != id).nth(1).copied());
        drop((left, right));
        if matches!(
            action,
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_)
        ) {
            let id = moved;
            if self.sprint.plan_right {
                self.sprint.plan_right_item = id;
            } else {
                self.sprint.plan_left_item = id;
            }
            return Vec::new();
        }
        match action {
            ColumnLeft => self.sprint.plan_right = false,
            ColumnRight => self.sprint.plan_right = true,
            Plan | Cancel => self.sprint.screen = crate::app::SprintScreen::Board,
            Team => self.open_team(),
            DeleteSprint => return self.delete_planned_sprint(),
            SendToSprint | Details => {
                let (Some(id), Some(sprint)) = (selected, self.planned_sprint()) else {
                    self.info("Nothing selected");
                    return Vec::new();
                };
                // Said as the backlog's `s` says it: where the item goes and from where.
                let key = self.doc.board.item_key(id);
                let target = (!self.sprint.plan_right).then_some(sprint);
                let from = self.doc.board.item(id).and_then(|i| i.sprint);
                let label = format!(
                    "{key}: {} → {}",
                    crate::app::panes::backlog::sprint_label(&self.doc.board, from),
                    crate::app::panes::backlog::sprint_label(&self.doc.board, target)
                );
                match rules::assign_sprint(&self.doc.board, id, target, self.run.today) {
                    Ok(edit) => {
                        let effects = self.change_into_sprint(id, target, edit, label);
                        if self.sprint.plan_right {
                            self.sprint.plan_right_item = next;
                        } else {
                            self.sprint.plan_left_item = next;
                        }
                        return effects;
                    }
                    Err(e) => self.error(e.to_string()),
                }
            }
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// Deletes the sprint being planned. Its items go back to the backlog, so with items in it the
    /// user is asked first and told how many go back; undo brings the sprint and its plan back.
    pub(crate) fn delete_planned_sprint(&mut self) -> Vec<Effect> {
        let board = &self.doc.board;
        let Some(id) = self.planned_sprint() else {
            let why = match board.active_sprint() {
                Some(s) => format!(
                    "No planned sprint to delete ({} is running: {} closes it)",
                    s.name,
                    self.keymap.hint(&Action::CloseSprint)
                ),
                None => "No planned sprint to delete".to_string(),
            };
            self.info(why);
            return Vec::new();
        };
        let name = board.sprint(id).map(|s| s.name.clone()).unwrap_or_default();
        let items = board.sprint_items(id).count();
        match rules::delete_sprint(board, id) {
            Ok(edit) => {
                let with = match items {
                    0 => String::new(),
                    1 => " (its 1 item goes back to the backlog)".to_string(),
                    n => format!(" (its {n} items go back to the backlog)"),
                };
                let label = format!("Delete {name}{with}");
                let what = (items > 0).then(|| format!("{name}{with}"));
                match self.ask_to_delete(what, edit, &label, None) {
                    Ok(()) => Vec::new(),
                    Err(edit) => self.delete(edit, label),
                }
            }
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }
}
