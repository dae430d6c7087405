//! Getting boards in and out: JSON (full fidelity), CSV items (Jira-style headers), an iCalendar
//! file (sprints, milestones, the standup, stakeholder updates), the Markdown status
//! report, and the synthetic board generator for benchmarks and demos.

pub mod csv;
mod failure;
pub mod generate;
pub mod ics;
pub mod report;
mod terminal;

use crate::model::Board;

pub use failure::Failure;
pub use terminal::terminal_safe;

/// The whole board as pretty JSON, items in rank order, with the same field names as the RON file.
pub fn to_json(board: &Board) -> serde_json::Result<String> {
    let mut s = serde_json::to_string_pretty(board)?;
    s.push('\n');
    Ok(s)
}
