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
}

impl Document {
    pub fn new(board: Board) -> Document {
        Document {
            board,
            history: History::default(),
            revision: 0,
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
        let mut done = ops(&edit);
        self.history.apply(&mut self.board, edit, label, place)?;
        if let Some(extra) = also(&self.board) {
            // Recorded as part of the same step; a refused extra leaves the step as it was.
            let more = ops(&extra);
            if self.history.fold_into_last(&mut self.board, extra).is_ok() {
                done.extend(more);
            }
        }
        self.revision += 1;
        self.changes.record(self.revision, done);
        Ok(())
    }

    /// Undoes (`redo` false) or redoes the last step: its label and place, an error, or `None` with nothing to
    /// replay.
    pub fn replay(&mut self, redo: bool) -> Option<Result<Replayed, EditError>> {
        let what = self.history.next(redo).map(ops);
        let done = if redo {
            self.history.redo(&mut self.board)
        } else {
            self.history.undo(&mut self.board)
        };
        if matches!(done, Some(Ok(_))) {
            self.revision += 1;
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
        self.changes.record(self.revision, vec![Op::All]);
        Ok(())
    }

    /// Replaces the board with what is on disk now; the history no longer applies to it.
    pub fn replace(&mut self, board: Board) {
        self.board = board;
        self.history.clear();
        self.revision += 1;
        self.changes.record(self.revision, vec![Op::All]);
    }

    /// The board to change outside an edit (a test's set-up): the caches build again.
    pub fn board_mut(&mut self) -> &mut Board {
        self.revision += 1;
        self.changes.record(self.revision, vec![Op::All]);
        &mut self.board
    }
}
