//! Timeline entries (phases, milestones, releases) and the budget rules that read them.

use super::ids::{EntryId, ItemId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryKind {
    #[default]
    Phase,
    Milestone,
    Release,
}

impl EntryKind {
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Phase => "phase",
            EntryKind::Milestone => "milestone",
            EntryKind::Release => "release",
        }
    }

    /// Milestones and releases are points in time; phases span dates.
    pub fn is_point(self) -> bool {
        !matches!(self, EntryKind::Phase)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    pub id: EntryId,
    pub name: String,
    pub kind: EntryKind,
    pub start: Date,
    /// Last day; equal to `start` for a milestone or release.
    pub end: Date,
    /// Entries that must end before this one starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<EntryId>,
    /// Backlog items this entry delivers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Planned cost, in the project's currency.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub planned_cost: u64,
    /// Actual cost to date, in the project's currency.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub actual_cost: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// How far a phase is through its time and its money on a given day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Burn {
    pub planned: u64,
    pub actual: u64,
    /// Share of the entry's days elapsed, 0.0–1.0.
    pub time_elapsed: f64,
    /// Share of the planned cost spent (may exceed 1.0).
    pub spent: f64,
    /// The entry's days, and how many of them have passed.
    pub days: u64,
    pub days_elapsed: u64,
}

/// `part / whole` as a whole percentage, rounded half up, in integers (so 96.5% is 97% everywhere,
/// whatever the float would have made of it); `None` when `whole` is zero. Every percentage the
/// budget, the timeline and the report show comes from here.
pub fn percent(part: u64, whole: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u128::from(part), u128::from(whole));
    u64::try_from((part * 200 + whole) / (whole * 2)).ok()
}

impl Burn {
    /// Spending runs ahead of time by more than the tolerance (e.g. 80% spent at 50% of the time).
    pub fn is_overspending(&self) -> bool {
        self.actual > self.planned || self.spent > self.time_elapsed + 0.2
    }

    /// The share of the planned cost spent, as shown: `None` when nothing was planned.
    pub fn spent_percent(&self) -> Option<u64> {
        percent(self.actual, self.planned)
    }

    /// The share of the days elapsed, as shown.
    pub fn time_percent(&self) -> u64 {
        percent(self.days_elapsed, self.days).unwrap_or(0)
    }
}

impl TimelineEntry {
    pub fn duration_days(&self) -> i32 {
        (self.end - self.start).get_days() + 1
    }

    /// Budget burn on `today`: spend against time elapsed.
    pub fn burn(&self, today: Date) -> Burn {
        let days = self.duration_days().max(1);
        let days_elapsed = if today < self.start {
            0
        } else if today > self.end {
            days
        } else {
            ((today - self.start).get_days() + 1).min(days)
        };
        let elapsed = f64::from(days_elapsed) / f64::from(days);
        let spent = if self.planned_cost == 0 {
            if self.actual_cost > 0 {
                f64::INFINITY
            } else {
                0.0
            }
        } else {
            self.actual_cost as f64 / self.planned_cost as f64
        };
        Burn {
            planned: self.planned_cost,
            actual: self.actual_cost,
            time_elapsed: elapsed,
            spent,
            days: days as u64,
            days_elapsed: days_elapsed as u64,
        }
    }

    /// Dependencies of this entry that end on or after its start (the plan is broken there).
    pub fn broken_dependencies<'a>(&self, all: &'a [TimelineEntry]) -> Vec<&'a TimelineEntry> {
        super::plan::broken_dependencies_of(all, self)
    }
}

/// Planned and actual cost over all entries.
pub fn budget_totals(entries: &[TimelineEntry]) -> (u64, u64) {
    entries.iter().fold((0, 0), |(p, a), e| {
        (
            p.saturating_add(e.planned_cost),
            a.saturating_add(e.actual_cost),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn phase(id: u32, start: Date, end: Date, planned: u64, actual: u64) -> TimelineEntry {
        TimelineEntry {
            id: EntryId(id),
            name: format!("P{id}"),
            kind: EntryKind::Phase,
            start,
            end,
            depends_on: vec![],
            items: vec![],
            owner: String::new(),
            planned_cost: planned,
            actual_cost: actual,
        }
    }

    #[test]
    fn percentages_round_half_up_in_integers() {
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(965, 1000), Some(97)); // 0.965 * 100.0 formats as 96
        assert_eq!(percent(825, 1000), Some(83));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(3, 2), Some(150));
        assert_eq!(percent(u64::MAX, u64::MAX), Some(100));
        let b = phase(1, date(2026, 1, 1), date(2026, 1, 8), 1000, 965).burn(date(2026, 1, 3));
        assert_eq!((b.spent_percent(), b.time_percent()), (Some(97), 38)); // 3 of 8 days
        let b = phase(1, date(2026, 1, 1), date(2026, 1, 8), 0, 5).burn(date(2026, 2, 1));
        assert_eq!((b.spent_percent(), b.time_percent()), (None, 100));
    }

    #[test]
    fn burn_flags_spend_ahead_of_time() {
        // 10 days, day 5 → 50% elapsed; 80% spent → over.
        let p = phase(1, date(2026, 1, 1), date(2026, 1, 10), 1000, 800);
        let b = p.burn(date(2026, 1, 5));
        assert_eq!(b.time_elapsed, 0.5);
        assert_eq!(b.spent, 0.8);
        assert!(b.is_overspending());
        let ok = phase(2, date(2026, 1, 1), date(2026, 1, 10), 1000, 500).burn(date(2026, 1, 5));
        assert!(!ok.is_overspending());
        assert_eq!(p.burn(date(2025, 12, 1)).time_elapsed, 0.0);
        assert_eq!(p.burn(date(2026, 2, 1)).time_elapsed, 1.0);
    }

    #[test]
    fn totals_and_broken_dependencies() {
        let a = phase(1, date(2026, 1, 1), date(2026, 1, 10), 100, 50);
        let mut b = phase(2, date(2026, 1, 10), date(2026, 1, 20), 200, 0);
        b.depends_on = vec![EntryId(1)];
        let all = vec![a, b.clone()];
        assert_eq!(budget_totals(&all), (300, 50));
        assert_eq!(
            b.broken_dependencies(&all).len(),
            1,
            "starts the day its dependency ends"
        );
        b.start = date(2026, 1, 11);
        assert!(b.broken_dependencies(&all).is_empty());
    }
}
