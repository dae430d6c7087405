//! Unlimited undo/redo for a run: two stacks of edits. Each step keeps the edit that reverses it, so
//! nothing clones the board.

use super::place::Place;
use crate::model::{Board, Edit, EditError};

/// A change as the user knows it ("Move CRN-12 up"), where it was made, and the edit that reverses
/// it. `before` is what was on show when it was made (where an undo goes back to), `after` what was
/// on show once the action was done (where a redo goes: the added item, the next row).
#[derive(Clone, Debug)]
struct Step {
    label: String,
    before: Place,
    after: Option<Place>,
    edit: Edit,
}

/// What an undo or redo did: the step's label and where it was made.
pub type Replayed = (String, Place);

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Applies `edit` to the board and remembers how to undo it. Clears the redo stack.
    pub fn apply(
        &mut self,
        board: &mut Board,
        edit: Edit,
        label: impl Into<String>,
        place: Place,
    ) -> Result<(), EditError> {
        let inverse = board.apply(edit)?;
        self.undo.push(Step {
            label: label.into(),
            before: place,
            after: None,
            edit: inverse,
        });
        self.redo.clear();
        Ok(())
    }

    /// Applies `edit` as part of the last step (undoing that step undoes both).
    pub fn fold_into_last(&mut self, board: &mut Board, edit: Edit) -> Result<(), EditError> {
        let Some(last) = self.undo.last_mut() else {
            return Err(EditError::NotAPermutation);
        };
        let inverse = board.apply(edit)?;
        let previous = std::mem::replace(&mut last.edit, Edit::Batch(Vec::new()));
        last.edit = Edit::Batch(vec![inverse, previous]);
        Ok(())
    }

    /// Records what is on show after the action that made the last step, once.
    pub fn settle(&mut self, here: Place) {
        if let Some(last) = self.undo.last_mut()
            && last.after.is_none()
        {
            last.after = Some(here);
        }
    }

    /// Undoes the last step; returns its label and the place it was made from.
    pub fn undo(&mut self, board: &mut Board) -> Option<Result<Replayed, EditError>> {
        replay(&mut self.undo, &mut self.redo, board, false)
    }

    /// Redoes the last undone step; returns its label and the place its action ended on.
    pub fn redo(&mut self, board: &mut Board) -> Option<Result<Replayed, EditError>> {
        replay(&mut self.redo, &mut self.undo, board, true)
    }

    /// The edit an undo (`redo` false) or a redo would apply next.
    pub fn next(&self, redo: bool) -> Option<&Edit> {
        let stack = if redo { &self.redo } else { &self.undo };
        stack.last().map(|s| &s.edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Forgets everything (after the board was reloaded from disk).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// Applies the top step of `from` and keeps its inverse on `to`; a step that fails stays where it was.
fn replay(
    from: &mut Vec<Step>,
    to: &mut Vec<Step>,
    board: &mut Board,
    redo: bool,
) -> Option<Result<Replayed, EditError>> {
    let step = from.pop()?;
    Some(match board.apply(step.edit.clone()) {
        Ok(inverse) => {
            let place = if redo {
                step.after.unwrap_or(step.before)
            } else {
                step.before
            };
            to.push(Step {
                label: step.label.clone(),
                before: step.before,
                after: step.after,
                edit: inverse,
            });
            Ok((step.label, place))
        }
        Err(e) => {
            from.push(step);
            Err(e)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemId, ItemKind};
    use jiff::civil::date;

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut b = Board::new("T", "T");
        let original = b.clone();
        let mut h = History::default();
        for id in 1..=3 {
            let item = Item::new(ItemId(id), ItemKind::Task, "x", "To do", date(2026, 1, 1));
            h.apply(
                &mut b,
                Edit::InsertItem {
                    index: 0,
                    item: Box::new(item),
                },
                format!("Add {id}"),
                Place::Backlog(None),
            )
            .expect("applies");
        }
        let after = b.clone();
        assert_eq!(h.undo(&mut b).expect("a step").expect("undoes").0, "Add 3");
        assert_eq!(b.items.len(), 2);
        assert_eq!(h.redo(&mut b).expect("a step").expect("redoes").0, "Add 3");
        assert_eq!(b, after);
        while let Some(r) = h.undo(&mut b) {
            r.expect("undoes");
        }
        assert_eq!(b, original);
        assert!(h.undo(&mut b).is_none());
        h.redo(&mut b).expect("a step").expect("redoes");
        let item = Item::new(ItemId(9), ItemKind::Task, "y", "To do", date(2026, 1, 1));
        h.apply(
            &mut b,
            Edit::InsertItem {
                index: 0,
                item: Box::new(item),
            },
            "Add 9",
            Place::Backlog(None),
        )
        .expect("applies");
        assert!(h.redo(&mut b).is_none(), "a new change clears redo");
    }
}
