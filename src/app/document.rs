//! The document: the board, its history and a revision counter. The only owner of change, undo and
//! redo: every change to the board in a run goes through `apply`, `undo`, `redo` or `replace`, and
//! each moves the revision on, which autosave and the caches compare.

use super::History;
use super::changes::{Changes, Op, ops};
use super::history::Replayed;
use super::place::Place;
use crate::model::{Board, Edit, EditError};

#[derive(Debug)]
pub struct Document {
    pub board: Board,
    pub history: History,
    /// Count of changes made this run (edits, undos, redos, reloads).
    pub revision: u64,
    /// What each recent revision changed, for the caches that follow the changes (`app::changes`).
    pub changes: Changes,
    /// Changes not yet handed to the edit journal, oldest first; `None` when nothing journals
    /// (read-only, tests), so nothing is kept.
    pub outbox: Option<Vec<Logged>>,
}

/// A change as the edit journal takes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Logged {
    /// The edit made at `rev`, and the edit that undoes it.
    Change { rev: u64, edit: Edit, undo: Edit },
    /// A change the journal does not hold (a whole merged board): durable once the board is saved.
    Whole { rev: u64 },
}

impl Document {
    pub fn new(board: Board) -> Document {
        Document {
            board,
            history: History::default(),
            revision: 0,
            outbox: None,
            changes: Changes::default(),
        }
    }

    /// Applies `edit` as one undoable step, folding in what `also` derives from the changed board
    /// (today's burndown point), so one undo takes both back.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: String,
        place: Place,
        also: impl FnOnce(&Board) -> Option<Edit>,
    ) -> Result<(), EditError> {
        let journaled = self.outbox.is_some().then(|| edit.clone());
        let mut done = ops(&edit);
        self.history.apply(&mut self.board, edit, label, place)?;
        let mut journaled = journaled.map(|e| vec![e]);
        if let Some(extra) = also(&self.board) {
            // Recorded as part of the same step; a refused extra leaves the step as it was.
            let copy = journaled.as_ref().map(|_| extra.clone());
            let more = ops(&extra);
            if self.history.fold_into_last(&mut self.board, extra).is_ok() {
                done.extend(more);
                if let (Some(j), Some(extra)) = (journaled.as_mut(), copy) {
                    j.push(extra);
                }
            }
        }
        self.revision += 1;
        self.changes.record(self.revision, done);
        if let Some(mut edits) = journaled {
            let edit = match edits.len() {
                1 => edits.remove(0),
                _ => Edit::Batch(edits),
            };
            self.log(edit, false);
        }
        Ok(())
    }

    /// Hands the change just made to the journal: `edit`, and the inverse now on top of the undo
    /// stack (of the redo stack after an undo).
    fn log(&mut self, edit: Edit, undone: bool) {
        let undo = match self.history.next(undone) {
            Some(Edit::Replace(_)) => return self.log_whole(),
            e => e.cloned(),
        };
        if let (Some(out), Some(undo)) = (self.outbox.as_mut(), undo) {
            out.push(Logged::Change {
                rev: self.revision,
                edit,
                undo,
            });
        }
    }

    /// Undoes (`redo` false) or redoes the last step: its label and place, an error, or `None` with nothing to
    /// replay.
    pub fn replay(&mut self, redo: bool) -> Option<Result<Replayed, EditError>> {
        // A whole board (undoing a merge) is not copied: the journal takes it as `Whole`.
        let journaled = self
            .outbox
            .is_some()
            .then(|| match self.history.next(redo) {
                Some(Edit::Replace(_)) => Some(None),
                e => e.cloned().map(Some),
            })
            .flatten();
        let what = self.history.next(redo).map(ops);
        let done = if redo {
            self.history.redo(&mut self.board)
        } else {
            self.history.undo(&mut self.board)
        };
        if matches!(done, Some(Ok(_))) {
            self.revision += 1;
            match journaled {
                // An undo's inverse goes on the redo stack, a redo's on the undo stack.
                Some(Some(edit)) => self.log(edit, !redo),
                Some(None) => self.log_whole(),
                None => {}
            }
            self.changes.record(self.revision, what.unwrap_or_default());
        }
        done
    }

    /// Takes in a board merged with an outside change as one undoable step: undo puts back the
    /// board as it was before the merge, and the steps before it stay usable.
    pub fn merge_in(
        &mut self,
        merged: Board,
        label: String,
        place: Place,
    ) -> Result<(), EditError> {
        self.history.apply(
            &mut self.board,
            Edit::Replace(Box::new(merged)),
            label,
            place,
        )?;
        self.revision += 1;
        self.log_whole();
        self.changes.record(self.revision, vec![Op::All]);
        Ok(())
    }

    fn log_whole(&mut self) {
        if let Some(out) = self.outbox.as_mut() {
            out.push(Logged::Whole { rev: self.revision });
        }
    }

    /// Replaces the board with what is on disk now; the history no longer applies to it.
    pub fn replace(&mut self, board: Board) {
        self.board = board;
        self.history.clear();
        self.revision += 1;
        if let Some(out) = self.outbox.as_mut() {
            out.clear(); // made on the board that was replaced; the journal starts over too
        }
        self.changes.record(self.revision, vec![Op::All]);
    }

    /// The board to change outside an edit (a test's set-up): the caches build again.
    pub fn board_mut(&mut self) -> &mut Board {
        self.revision += 1;
        self.changes.record(self.revision, vec![Op::All]);
        &mut self.board
    }
}
