//! The report's two pictures as data: the timeline (phases, milestones and releases, today) and
//! the active sprint's burndown. `mermaid.rs` writes them as Mermaid for the Markdown report,
//! `svg.rs` draws them as inline SVG for the HTML one, so both show the same numbers.

use crate::model::forecast::forecast;
use crate::model::{Board, EntryKind};
use jiff::civil::Date;

/// At most this many timeline entries are drawn (the earliest-ending first after the ones still
/// open); the caption says how many were left out.
pub const MAX_BARS: usize = 40;

/// One bar or diamond on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub name: String,
    pub kind: EntryKind,
    pub start: Date,
    /// Last day (inclusive); `start` for a milestone or release.
    pub end: Date,
    pub state: BarState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarState {
    /// Over: a phase that ended, a milestone whose work is done.
    Done,
    /// Under way today.
    Active,
    /// Ahead and on track.
    Ahead,
    /// A milestone whose 85% forecast is after its date.
    AtRisk,
}

/// The timeline chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Gantt {
    pub bars: Vec<Bar>,
    pub today: Date,
    /// Entries not drawn (past `MAX_BARS`).
    pub left_out: usize,
}

impl Gantt {
    /// The board's timeline on `today`, in date order; `None` without entries.
    pub fn of(board: &Board, today: Date) -> Option<Gantt> {
        if board.timeline.is_empty() {
            return None;
        }
        let mut entries: Vec<_> = board.timeline.iter().collect();
        entries.sort_by_key(|e| (e.start, e.end, e.id));
        let left_out = entries.len().saturating_sub(MAX_BARS);
        if left_out > 0 {
            // Keep what is still to come, then the most recent of what is over.
            let mut keep: Vec<_> = entries.iter().copied().filter(|e| e.end >= today).collect();
            keep.truncate(MAX_BARS);
            let room = MAX_BARS - keep.len();
            let past: Vec<_> = entries.iter().copied().filter(|e| e.end < today).collect();
            keep.extend(past.iter().rev().take(room).copied());
            keep.sort_by_key(|e| (e.start, e.end, e.id));
            entries = keep;
        }
        let bars = entries
            .into_iter()
            .map(|e| {
                let state = if e.kind.is_point() {
                    let f = forecast(board, e, today);
                    if f == crate::model::forecast::Forecast::Done {
                        BarState::Done
                    } else if f.is_late_for(e.start) {
                        BarState::AtRisk
                    } else if e.start < today {
                        BarState::Done
                    } else {
                        BarState::Ahead
                    }
                } else if e.end < today {
                    BarState::Done
                } else if e.start <= today {
                    BarState::Active
                } else {
                    BarState::Ahead
                };
                Bar {
                    name: e.name.clone(),
                    kind: e.kind,
                    start: e.start,
                    end: e.end.max(e.start),
                    state,
                }
            })
            .collect();
        Some(Gantt {
            bars,
            today,
            left_out,
        })
    }

    /// The first and last day drawn: every bar, and today.
    pub fn span(&self) -> (Date, Date) {
        let first = self
            .bars
            .iter()
            .map(|b| b.start)
            .min()
            .unwrap_or(self.today);
        let last = self.bars.iter().map(|b| b.end).max().unwrap_or(self.today);
        (first.min(self.today), last.max(self.today))
    }
}

/// The active sprint's burndown, day by day from its start to today (or its end).
#[derive(Clone, Debug, PartialEq)]
pub struct Burndown {
    pub sprint: String,
    pub days: Vec<Date>,
    /// Points remaining at the end of each day (the last one recorded, carried forward).
    pub actual: Vec<u32>,
    /// The straight line from the commitment to nothing on the last day.
    pub ideal: Vec<f64>,
    /// The commitment: the top of the y-axis is at least this.
    pub committed: u32,
    /// The sprint's length in days.
    pub length: i32,
}

impl Burndown {
    /// The active sprint's burndown on `today`; `None` without an active sprint or before it starts.
    pub fn of(board: &Board, today: Date) -> Option<Burndown> {
        let s = board.active_sprint()?;
        if today < s.start {
            return None;
        }
        let committed = s.committed.unwrap_or_else(|| board.sprint_points(s.id));
        let length = s.length_days().max(1);
        let last = today.min(s.end);
        let now = board.remaining_points(s.id);
        let mut days = Vec::new();
        let mut actual = Vec::new();
        let mut ideal = Vec::new();
        let mut carried = committed;
        let mut day = s.start;
        let mut k = 1;
        while day <= last && k <= length {
            if let Some(r) = s.remaining.get(&day) {
                carried = *r;
            }
            // Today's point is what the board says now, recorded or not.
            let value = if day == today { now } else { carried };
            days.push(day);
            actual.push(value);
            ideal.push(f64::from(committed) * f64::from(length - k) / f64::from(length));
            let Ok(next) = day.tomorrow() else { break };
            day = next;
            k += 1;
        }
        Some(Burndown {
            sprint: s.name.clone(),
            days,
            actual,
            ideal,
            committed,
            length,
        })
    }

    /// The top of the y-axis: the commitment or the most remaining, at least 1.
    pub fn top(&self) -> u32 {
        self.actual
            .iter()
            .copied()
            .chain([self.committed])
            .max()
            .unwrap_or(0)
            .max(1)
    }
}
