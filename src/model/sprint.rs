//! Sprints: time boxes with a goal, a capacity, a burndown record and, once closed, a velocity.

use super::ids::{ItemId, SprintId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SprintState {
    #[default]
    Planned,
    Active,
    Closed,
}

impl SprintState {
    pub fn name(self) -> &'static str {
        match self {
            SprintState::Planned => "planned",
            SprintState::Active => "active",
            SprintState::Closed => "closed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sprint {
    pub id: SprintId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    pub start: Date,
    pub end: Date,
    /// Points the team expects to be able to finish.
    pub capacity: u32,
    pub state: SprintState,
    /// Points committed when the sprint started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<u32>,
    /// Remaining points at the end of each day the board was used (the burndown).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub remaining: BTreeMap<Date, u32>,
    /// Points finished when the sprint closed (its velocity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<u32>,
}

/// What a sprint's scope was at its start and how it moved since, kept beside the sprint
/// (`Board::sprint_scope`, matched by the sprint's id): the committed items, the total points each
/// day (the burn-up's scope line) and, once closed, its report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SprintScope {
    /// The sprint's id.
    pub id: SprintId,
    /// The items it held when it started and their points then, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committed_items: Vec<(ItemId, u32)>,
    /// Its total points from each day they changed (a step line: the value holds until the next).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub points: BTreeMap<Date, u32>,
    /// What the close recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<SprintReport>,
}

/// A sprint's figures at its close, in points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SprintReport {
    pub committed: u32,
    pub added: u32,
    pub removed: u32,
    pub completed: u32,
    /// Unfinished points carried to another sprint.
    pub carried: u32,
    /// Unfinished points returned to the backlog.
    pub returned: u32,
}

impl SprintReport {
    /// `committed 20 · added 8 · removed 3 · completed 18 · carried over 5 · to the backlog 2`.
    pub fn describe(&self) -> String {
        format!(
            "committed {} · added {} · removed {} · completed {} · carried over {} · to the backlog {}",
            self.committed, self.added, self.removed, self.completed, self.carried, self.returned
        )
    }
}

impl Sprint {
    /// Length in days, counting both ends.
    pub fn length_days(&self) -> i32 {
        (self.end - self.start).get_days() + 1
    }

    /// True when `day` falls inside the sprint.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }
}

/// Velocities (completed points) of the last `n` closed sprints, oldest first.
pub fn recent_velocities(sprints: &[Sprint], n: usize) -> Vec<u32> {
    let mut closed: Vec<&Sprint> = sprints
        .iter()
        .filter(|s| s.state == SprintState::Closed)
        .collect();
    closed.sort_by_key(|s| s.end);
    let skip = closed.len().saturating_sub(n);
    closed[skip..]
        .iter()
        .map(|s| s.completed.unwrap_or(0))
        .collect()
}

/// Mean velocity of the last `n` closed sprints, `None` when no sprint has closed.
pub fn average_velocity(sprints: &[Sprint], n: usize) -> Option<f64> {
    let v = recent_velocities(sprints, n);
    if v.is_empty() {
        return None;
    }
    Some(v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64)
}

/// True when the sprint's remaining points exceed the ideal burndown by more than 20% of the
/// commitment. The ideal remaining after `elapsed` of `length` days is `committed × (1 − elapsed /
/// length)`; the comparison is done in integers (× 5 × length) so the boundary is exact.
pub fn sprint_at_risk(committed: u32, remaining: u32, elapsed: i32, length: i32) -> bool {
    let length = i64::from(length.max(1));
    let elapsed = i64::from(elapsed).clamp(0, length);
    let committed = i64::from(committed);
    5 * length * i64::from(remaining) > 5 * committed * (length - elapsed) + committed * length
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    pub(crate) fn closed(id: u32, end: Date, completed: u32) -> Sprint {
        Sprint {
            id: SprintId(id),
            name: format!("S{id}"),
            goal: String::new(),
            start: end.checked_sub(jiff::Span::new().days(13)).expect("date"),
            end,
            capacity: 30,
            state: SprintState::Closed,
            committed: Some(30),
            remaining: BTreeMap::new(),
            completed: Some(completed),
        }
    }

    #[test]
    fn velocity_takes_the_latest_closed_sprints_in_date_order() {
        let mut sprints = vec![
            closed(3, date(2026, 3, 14), 30),
            closed(1, date(2026, 2, 14), 10),
            closed(2, date(2026, 2, 28), 20),
        ];
        let mut active = closed(4, date(2026, 3, 28), 99);
        active.state = SprintState::Active;
        sprints.push(active);
        assert_eq!(recent_velocities(&sprints, 2), vec![20, 30]);
        assert_eq!(recent_velocities(&sprints, 10), vec![10, 20, 30]);
        assert_eq!(average_velocity(&sprints, 3), Some(20.0));
        assert_eq!(average_velocity(&[], 3), None);
    }

    #[test]
    fn length_counts_both_ends() {
        let s = closed(1, date(2026, 2, 14), 10);
        assert_eq!(s.length_days(), 14);
        assert!(s.contains(date(2026, 2, 1)));
        assert!(!s.contains(date(2026, 2, 15)));
    }
}
