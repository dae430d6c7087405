//! The cumulative flow diagram's data: for each day, how many items were in each column at its end,
//! read from the status history.

use super::{Step, Workflow, steps};
use crate::model::{Board, Item};
use jiff::civil::Date;

/// One day of the diagram: items per workflow column, in the board's column order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CfdDay {
    pub day: Date,
    pub counts: Vec<u32>,
}

/// The diagram of `items` from `from` to `to` (both ends). An item counts from the day it was
/// created (in the first column until its history says otherwise); a column the workflow no longer
/// has is not counted. Each item's history is walked once (differences per column), so the cost is
/// the items' steps plus days × columns.
pub fn cumulative_flow<'a>(
    board: &Board,
    items: impl Iterator<Item = &'a Item>,
    from: Date,
    to: Date,
) -> Vec<CfdDay> {
    let flow = Workflow::of(board);
    let days = ((to - from).get_days() + 1).max(0) as usize;
    let columns = board.columns.len();
    let mut diff = vec![vec![0i64; days + 1]; columns];
    let slot = |d: Date| ((d - from).get_days().clamp(0, days as i32)) as usize;
    for it in items {
        let steps = steps(it, flow);
        let mut at = board.column_index(flow.first);
        let mut since = it.created;
        let mut mark = |col: Option<usize>, a: Date, b: Option<Date>| {
            if let Some(c) = col {
                let (a, b) = (slot(a), b.map_or(days, slot));
                if a < b {
                    diff[c][a] += 1;
                    diff[c][b] -= 1;
                }
            }
        };
        for s in steps.iter() {
            if let Step::Entered { on, column } = s {
                let on = (*on).max(it.created);
                mark(at, since, Some(on));
                at = board.column_index(column);
                since = on;
            }
        }
        mark(at, since, None);
    }
    let mut running = vec![0i64; columns];
    (0..days)
        .map(|d| {
            let day = crate::model::value::add_days(from, d as i64).unwrap_or(to);
            let counts = (0..columns)
                .map(|c| {
                    running[c] += diff[c][d];
                    running[c].max(0) as u32
                })
                .collect();
            CfdDay { day, counts }
        })
        .collect()
}
