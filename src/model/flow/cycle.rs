//! Cycle time and item age. Cycle time is the done day minus the start day (the first day the item
//! entered a column after the first), in calendar days; from the last N items done, its 50th and
//! 85th percentiles by the nearest-rank method.

use super::{Step, Workflow, started, steps};
use crate::model::{Board, Item};
use jiff::civil::Date;

/// How many of the latest done items the percentiles draw from, unless the board says otherwise.
pub const DEFAULT_CYCLE_SAMPLE: u32 = 30;

/// An item's cycle time in days: done − started. `None` while it is not done, and for an item whose
/// history was not recorded (saved before cairn kept it: its start day is not known).
pub fn cycle_days(item: &Item, flow: Workflow) -> Option<i32> {
    if item.status != flow.done || item.history.is_empty() {
        return None;
    }
    let done = item.done.or_else(|| {
        steps(item, flow).iter().rev().find_map(|s| match s {
            Step::Entered { on, column } if column == flow.done => Some(*on),
            _ => None,
        })
    })?;
    let start = started(item, flow)?;
    Some((done - start).get_days().max(0))
}

/// The nearest-rank percentile of `sorted` (ascending): the value at rank ⌈p/100 × n⌉, 1-based.
/// `None` for an empty list.
pub fn nearest_rank(sorted: &[i32], p: u32) -> Option<i32> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let rank = (p.min(100) as usize * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// The board's cycle-time percentiles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CycleStats {
    /// How many done items they draw from.
    pub n: usize,
    pub p50: Option<i32>,
    pub p85: Option<i32>,
}

/// One done item of the cycle-time sample: its done day, id and cycle time in days.
pub type Done = (Date, u32, i32);

/// The item's entry in a cycle-time sample, when it is done with a known cycle time.
pub fn done_entry(item: &Item, flow: Workflow) -> Option<Done> {
    Some((item.done?, item.id.0, cycle_days(item, flow)?))
}

/// The latest `keep` items done with a known cycle time, latest done day first (a tie by id).
pub fn latest_done(board: &Board, keep: usize) -> Vec<Done> {
    let flow = Workflow::of(board);
    let mut done: Vec<Done> = board
        .items
        .iter()
        .filter_map(|i| done_entry(i, flow))
        .collect();
    done.sort_unstable_by_key(|d| std::cmp::Reverse((d.0, d.1)));
    done.truncate(keep);
    done
}

/// Puts `entry` where it goes in a sample that `latest_done` ordered.
pub fn insert_done(sample: &mut Vec<Done>, entry: Done) {
    let key = |d: &Done| std::cmp::Reverse((d.0, d.1));
    let at = sample.partition_point(|d| key(d) < key(&entry));
    sample.insert(at, entry);
}

/// P50 and P85 of the first `sample` entries of `latest` (as `latest_done` orders them).
pub fn stats_of(latest: &[Done], sample: u32) -> CycleStats {
    let mut days: Vec<i32> = latest
        .iter()
        .take(sample.max(1) as usize)
        .map(|d| d.2)
        .collect();
    days.sort_unstable();
    CycleStats {
        n: days.len(),
        p50: nearest_rank(&days, 50),
        p85: nearest_rank(&days, 85),
    }
}

/// P50 and P85 cycle time of the last `sample` items done (latest done day first; a tie by id).
pub fn cycle_stats(board: &Board, sample: u32) -> CycleStats {
    stats_of(&latest_done(board, sample.max(1) as usize), sample)
}

/// How an open item's age stands against the board's cycle time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Fine,
    /// Older than the P50 cycle time.
    PastP50,
    /// Older than the P85 cycle time.
    PastP85,
}

impl Mark {
    /// The glyph a card shows (so the mark reads without colour).
    pub fn glyph(self) -> &'static str {
        match self {
            Mark::Fine => "",
            Mark::PastP50 => "▲",
            Mark::PastP85 => "▲▲",
        }
    }
}

/// An open item's age on a day: in its column, and since it started (`None` before it has).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Age {
    pub in_column: i32,
    pub overall: Option<i32>,
    pub mark: Mark,
}

impl Age {
    /// `3/9d` (days in the column / since it started), `3d` before it started, and the mark's
    /// glyph.
    pub fn short(&self) -> String {
        let mut s = match self.overall {
            Some(o) => format!("{}/{o}d", self.in_column),
            None => format!("{}d", self.in_column),
        };
        s.push_str(self.mark.glyph());
        s
    }
}

/// The age of an item that is not done on `today`, marked against `stats`; `None` when done.
pub fn age(item: &Item, flow: Workflow, stats: &CycleStats, today: Date) -> Option<Age> {
    if item.status == flow.done {
        return None;
    }
    let in_column = (today - item.status_since).get_days().max(0);
    let overall = started(item, flow).map(|s| (today - s).get_days().max(0));
    let mark = match (overall, stats.p50, stats.p85) {
        (Some(a), _, Some(p85)) if a > p85 => Mark::PastP85,
        (Some(a), Some(p50), _) if a > p50 => Mark::PastP50,
        _ => Mark::Fine,
    };
    Some(Age {
        in_column,
        overall,
        mark,
    })
}
