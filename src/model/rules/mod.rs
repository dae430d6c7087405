//! The board's rules as pure functions: each reads the board and returns the `Edit` to apply,
//! or says why the change is not allowed. Nothing here mutates the board.

mod epics;
mod items;
mod links;
mod people;
mod sprints;
mod workflow;

pub use epics::*;
pub use items::*;
pub use links::*;
pub use people::*;
pub use sprints::*;
pub use workflow::*;

use super::{Board, Item, ItemId};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("no item {0}")]
    NoItem(String),
    #[error("no sprint {0}")]
    NoSprint(u32),
    #[error("no workflow column named \"{0}\"")]
    NoColumn(String),
    #[error("\"{column}\" is at its WIP limit of {limit}")]
    WipLimit { column: String, limit: u32 },
    #[error("sprint \"{0}\" is closed")]
    SprintClosed(String),
    #[error("sprint \"{0}\" is already active: close it first")]
    AnotherActive(String),
    #[error("sprint \"{name}\" is {state}, not {expected}")]
    WrongState {
        name: String,
        state: &'static str,
        expected: &'static str,
    },
    #[error("{0} is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)")]
    NotFibonacci(u32),
    #[error("a title cannot be empty")]
    EmptyTitle,
    #[error("there is no active sprint: start one on the sprint board")]
    NoActiveSprint,
    #[error("{0}")]
    Workflow(String),
    #[error("{0}")]
    Link(String),
}

fn item(board: &Board, id: ItemId) -> Result<&Item, RuleError> {
    board
        .item(id)
        .ok_or_else(|| RuleError::NoItem(board.item_key(id)))
}

#[cfg(test)]
mod tests;
