//! The document: the board, its history and a revision counter. The only owner of change, undo and
//! redo: every change to the board in a run goes through `apply`, `undo`, `redo` or `replace`, and
//! each moves the revision on, which autosave and the caches compare.

use super::History;
use super::history::Replayed;
use super::place::Place;
use crate::model::{Board, Edit, EditError};

#[derive(Debug)]
pub struct Document {
    pub board: Board,
    pub history: History,
    /// Count of changes made this run (edits, undos, redos, reloads).
    pub revision: u64,
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
        self.history.apply(&mut self.board, edit, label, place)?;
        let mut journaled = journaled.map(|e| vec![e]);
        if let Some(extra) = also(&self.board) {
            // Recorded as part of the same step; a refused extra leaves the step as it was.
            let copy = journaled.as_ref().map(|_| extra.clone());
            if self.history.fold_into_last(&mut self.board, extra).is_ok()
                && let (Some(j), Some(extra)) = (journaled.as_mut(), copy)
            {
                j.push(extra);
            }
        }
        self.revision += 1;
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
        let undo = match self.history.next_edit(undone) {
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
            .then(|| match self.history.next_edit(redo) {
                Some(Edit::Replace(_)) => Some(None),
                e => e.cloned().map(Some),
            })
            .flatten();
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
    }
}
