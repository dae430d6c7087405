//! Stakeholders, the power/interest grid, update cadence and dated notes.

use super::ids::{EntryId, ItemId, NoteId, StakeholderId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    #[default]
    Meeting,
    Decision,
    Request,
    Risk,
}

impl NoteKind {
    pub const ALL: [NoteKind; 4] = [
        NoteKind::Meeting,
        NoteKind::Decision,
        NoteKind::Request,
        NoteKind::Risk,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Meeting => "meeting",
            NoteKind::Decision => "decision",
            NoteKind::Request => "request",
            NoteKind::Risk => "risk",
        }
    }

    pub fn parse(s: &str) -> Option<NoteKind> {
        NoteKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: NoteId,
    pub date: Date,
    pub kind: NoteKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<EntryId>,
}

/// Where a stakeholder sits on the power/interest grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quadrant {
    ManageClosely,
    KeepSatisfied,
    KeepInformed,
    Monitor,
}

impl Quadrant {
    pub fn name(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "manage closely",
            Quadrant::KeepSatisfied => "keep satisfied",
            Quadrant::KeepInformed => "keep informed",
            Quadrant::Monitor => "monitor",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: StakeholderId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// 1 (none) – 5 (decides); 3 and above counts as high.
    pub power: u8,
    /// 1 (none) – 5 (follows every detail); 3 and above counts as high.
    pub interest: u8,
    /// Days between updates they should get.
    pub cadence_days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// What they care about, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cares_about: String,
    /// Notes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// Power or interest at or above this counts as high on the grid.
pub const HIGH: u8 = 3;

impl Stakeholder {
    pub fn quadrant(&self) -> Quadrant {
        match (self.power >= HIGH, self.interest >= HIGH) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }

    /// The day the next update is due; today when they never had one.
    pub fn next_update(&self, today: Date) -> Date {
        match self.last_update {
            None => today,
            Some(last) => last
                .checked_add(jiff::Span::new().days(i64::from(self.cadence_days)))
                .unwrap_or(Date::MAX),
        }
    }

    /// Days past the due date (0 when due today), `None` when not yet due.
    pub fn days_overdue(&self, today: Date) -> Option<i32> {
        let due = self.next_update(today);
        (due <= today).then(|| (today - due).get_days())
    }

    pub fn latest_note(&self) -> Option<&Note> {
        self.notes.iter().max_by_key(|n| (n.date, n.id))
    }
}

/// Stakeholders due or overdue for an update on `today`, most overdue first.
pub fn stakeholders_due(stakeholders: &[Stakeholder], today: Date) -> Vec<(&Stakeholder, i32)> {
    let mut due: Vec<(&Stakeholder, i32)> = stakeholders
        .iter()
        .filter_map(|s| s.days_overdue(today).map(|d| (s, d)))
        .collect();
    due.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn person(id: u32, power: u8, interest: u8, cadence: u32, last: Option<Date>) -> Stakeholder {
        Stakeholder {
            id: StakeholderId(id),
            name: format!("P{id}"),
            role: String::new(),
            organisation: String::new(),
            power,
            interest,
            cadence_days: cadence,
            last_update: last,
            contact: String::new(),
            cares_about: String::new(),
            notes: vec![],
        }
    }

    #[test]
    fn quadrants_split_at_three() {
        assert_eq!(person(1, 5, 5, 7, None).quadrant(), Quadrant::ManageClosely);
        assert_eq!(person(1, 3, 2, 7, None).quadrant(), Quadrant::KeepSatisfied);
        assert_eq!(person(1, 2, 3, 7, None).quadrant(), Quadrant::KeepInformed);
        assert_eq!(person(1, 1, 1, 7, None).quadrant(), Quadrant::Monitor);
    }

    #[test]
    fn due_when_cadence_has_passed_most_overdue_first() {
        let today = date(2026, 3, 20);
        let list = vec![
            person(1, 5, 5, 7, Some(date(2026, 3, 13))), // due today
            person(2, 5, 5, 7, Some(date(2026, 3, 14))), // due tomorrow
            person(3, 5, 5, 14, Some(date(2026, 3, 1))), // 5 days over
            person(4, 5, 5, 14, None),                   // never updated: due now
        ];
        let due: Vec<(u32, i32)> = stakeholders_due(&list, today)
            .iter()
            .map(|(s, d)| (s.id.0, *d))
            .collect();
        assert_eq!(due, vec![(3, 5), (1, 0), (4, 0)]);
    }
}
