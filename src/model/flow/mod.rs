//! Flow: each item's status history (the days it entered each column, and its blocked periods),
//! and what is read from it: cycle time and its percentiles, item age, the cumulative flow diagram
//! and the sprint's scope change.
//!
//! Every status change and every block goes through `enter_column` and `set_blocked`, so the
//! history, `status`, `status_since` and `done` never disagree. A board written before the history
//! existed keeps an empty list (nothing is built at load); `steps` derives the history those fields
//! imply, and the first change to such an item writes that down before its own step.

mod cfd;
mod cycle;
mod scope;
mod standup;
#[cfg(test)]
mod tests;

pub use cfd::{CfdDay, cumulative_flow};
pub use cycle::{
    Age, CycleStats, DEFAULT_CYCLE_SAMPLE, Done, Mark, age, cycle_days, cycle_stats, done_entry,
    insert_done, latest_done, nearest_rank, stats_of,
};
pub use scope::{ScopeChange, scope_change, scope_change_of};
pub use standup::{StandupRecord, TEAM, moved_on, standup_note, standup_text};

use super::Item;
use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// One step of an item's history, written in the file as one short line of text
/// (`"2026-11-02 in Doing"`, `"2026-11-03 blocked: waiting on the API"`, `"2026-11-05 unblocked"`),
/// so a list of them merges as a set (two clones that each add a step keep both).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Entered the column on the day.
    Entered { on: Date, column: String },
    /// Flagged blocked on the day, for the reason.
    Blocked { on: Date, reason: String },
    /// No longer blocked from the day.
    Unblocked { on: Date },
}

impl Step {
    pub fn on(&self) -> Date {
        match self {
            Step::Entered { on, .. } | Step::Blocked { on, .. } | Step::Unblocked { on } => *on,
        }
    }

    /// Moves the step's day with `f` (a board's dates moved together).
    pub fn shift_date(&mut self, f: impl FnOnce(&mut Date)) {
        match self {
            Step::Entered { on, .. } | Step::Blocked { on, .. } | Step::Unblocked { on } => f(on),
        }
    }

    /// The step as the file writes it.
    pub fn to_line(&self) -> String {
        match self {
            Step::Entered { on, column } => format!("{on} in {column}"),
            Step::Blocked { on, reason } => format!("{on} blocked: {reason}"),
            Step::Unblocked { on } => format!("{on} unblocked"),
        }
    }

    /// Reads a line `to_line` wrote; the error says what was expected.
    pub fn parse(line: &str) -> Result<Step, String> {
        let bad = || {
            format!(
                "\"{line}\" is not a history step (\"YYYY-MM-DD in <column>\", \
                 \"YYYY-MM-DD blocked: <reason>\" or \"YYYY-MM-DD unblocked\")"
            )
        };
        let (day, rest) = line.split_once(' ').ok_or_else(bad)?;
        let on: Date = day.parse().map_err(|_| bad())?;
        if let Some(column) = rest.strip_prefix("in ") {
            return Ok(Step::Entered {
                on,
                column: column.to_string(),
            });
        }
        if let Some(reason) = rest.strip_prefix("blocked: ") {
            return Ok(Step::Blocked {
                on,
                reason: reason.to_string(),
            });
        }
        if rest == "unblocked" {
            return Ok(Step::Unblocked { on });
        }
        Err(bad())
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_line())
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Step, D::Error> {
        let line = Cow::<str>::deserialize(d)?;
        Step::parse(&line).map_err(serde::de::Error::custom)
    }
}

/// The workflow an item moves through, as far as the history needs it.
#[derive(Clone, Copy, Debug)]
pub struct Workflow<'a> {
    pub first: &'a str,
    pub done: &'a str,
}

impl<'a> Workflow<'a> {
    pub fn of(board: &'a super::Board) -> Workflow<'a> {
        Workflow {
            first: board.first_column(),
            done: board.done_column(),
        }
    }
}

/// The history an item's stored fields imply, for an item saved before the history was kept: it
/// entered its column on `status_since` (nothing when that is the first column, where every item
/// starts), done on `done`.
fn implied(item: &Item, flow: Workflow) -> Vec<Step> {
    if item.status == flow.first {
        return Vec::new();
    }
    let on = if item.status == flow.done {
        item.done.unwrap_or(item.status_since)
    } else {
        item.status_since
    };
    vec![Step::Entered {
        on,
        column: item.status.clone(),
    }]
}

/// The item's history in date order (a merge may interleave two sides' steps): the stored one, or
/// the one its fields imply when none is stored. Borrowed when it is already in order.
pub fn steps<'i>(item: &'i Item, flow: Workflow) -> Cow<'i, [Step]> {
    if item.history.is_empty() {
        return Cow::Owned(implied(item, flow));
    }
    if item.history.is_sorted_by_key(Step::on) {
        return Cow::Borrowed(&item.history);
    }
    let mut v = item.history.clone();
    v.sort_by_key(Step::on);
    Cow::Owned(v)
}

/// Writes down the implied history of an item that has none stored, before a step is added to it.
fn materialise(item: &mut Item, flow: Workflow) {
    if item.history.is_empty() {
        item.history = implied(item, flow);
    }
}

/// Moves `item` into `column` on `today`: the one function every status change calls. Sets the
/// status, the day it entered it and the done day, and records the step. Nothing happens when it is
/// already there.
pub fn enter_column(item: &mut Item, column: &str, flow: Workflow, today: Date) {
    if item.status == column {
        return;
    }
    materialise(item, flow);
    item.status = column.to_string();
    item.status_since = today;
    item.done = (column == flow.done).then_some(today);
    item.history.push(Step::Entered {
        on: today,
        column: column.to_string(),
    });
}

/// Flags `item` blocked for `reason` (or clears the flag with `None`) on `today`, recording the
/// period: the one function every block and unblock calls. A new reason on a blocked item records
/// it as a new period from today.
pub fn set_blocked(item: &mut Item, reason: Option<String>, flow: Workflow, today: Date) {
    if item.blocked == reason {
        return;
    }
    materialise(item, flow);
    match &reason {
        Some(r) => item.history.push(Step::Blocked {
            on: today,
            reason: r.clone(),
        }),
        None => item.history.push(Step::Unblocked { on: today }),
    }
    item.blocked = reason;
}

/// A column renamed in the workflow: the history names it by its new name.
pub fn rename_column(item: &mut Item, old: &str, new: &str) {
    for s in &mut item.history {
        if let Step::Entered { column, .. } = s
            && column == old
        {
            *column = new.to_string();
        }
    }
}

/// One blocked period: from, to (`None` while it lasts), why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockedPeriod {
    pub from: Date,
    pub to: Option<Date>,
    pub reason: String,
}

/// The item's blocked periods, oldest first, from its history.
pub fn blocked_periods(item: &Item, flow: Workflow) -> Vec<BlockedPeriod> {
    let mut out: Vec<BlockedPeriod> = Vec::new();
    for s in steps(item, flow).iter() {
        match s {
            Step::Blocked { on, reason } => {
                if let Some(open) = out.last_mut().filter(|p| p.to.is_none()) {
                    open.to = Some(*on);
                }
                out.push(BlockedPeriod {
                    from: *on,
                    to: None,
                    reason: reason.clone(),
                });
            }
            Step::Unblocked { on } => {
                if let Some(open) = out.last_mut().filter(|p| p.to.is_none()) {
                    open.to = Some(*on);
                }
            }
            Step::Entered { .. } => {}
        }
    }
    out
}

/// Days a blocked item has been blocked on `today`, when the history says since when.
pub fn blocked_days(item: &Item, flow: Workflow, today: Date) -> Option<i32> {
    item.blocked.as_ref()?;
    let open = blocked_periods(item, flow)
        .into_iter()
        .rev()
        .find(|p| p.to.is_none())?;
    Some((today - open.from).get_days().max(0))
}

/// The first day the item entered a column after the first (it started), if it has.
pub fn started(item: &Item, flow: Workflow) -> Option<Date> {
    steps(item, flow).iter().find_map(|s| match s {
        Step::Entered { on, column } if column != flow.first => Some(*on),
        _ => None,
    })
}

/// The column the item was in at the end of `day`, `None` before it was created.
pub fn column_on<'i>(
    item: &'i Item,
    steps: &'i [Step],
    first: &'i str,
    day: Date,
) -> Option<&'i str> {
    if day < item.created {
        return None;
    }
    let mut at = first;
    for s in steps {
        if s.on() > day {
            break;
        }
        if let Step::Entered { column, .. } = s {
            at = column;
        }
    }
    Some(at)
}
