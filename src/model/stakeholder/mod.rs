//! Stakeholders, the power/interest grid, update cadence and dated notes.

mod edited_note;
mod register;

pub use edited_note::*;
pub use register::*;

use super::ids::{EntryId, ItemId, NoteId, StakeholderId};
use super::{Board, value};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    #[default]
    Meeting,
    Decision,
    Request,
    Risk,
    /// What a standup went through (written when it ends: `model::flow::standup_note`).
    Standup,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Meeting,
        NoteKind::Decision,
        NoteKind::Request,
        NoteKind::Risk,
        NoteKind::Standup,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Meeting => "meeting",
            NoteKind::Decision => "decision",
            NoteKind::Request => "request",
            NoteKind::Risk => "risk",
            NoteKind::Standup => "standup",
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
            // A cadence past the calendar (8,000,000 days) means never due, not a panic.
            Some(last) => value::add_days(last, i64::from(self.cadence_days)).unwrap_or(Date::MAX),
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

/// Why a change to a stakeholder or a note was refused; the message is shown as is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeopleError {
    #[error("no stakeholder with id {0}")]
    NoStakeholder(u32),
    #[error("no note with id {0}")]
    NoNote(u32),
    #[error("a stakeholder needs a name")]
    EmptyName,
    #[error("{what} {value} is not between 1 and 5")]
    OutOfScale { what: &'static str, value: u8 },
    #[error("a cadence of {0} days is not between 1 and 365")]
    Cadence(u32),
    #[error("a note cannot be empty")]
    EmptyNote,
    #[error("{date} is in the future: a note records what happened (today is {today})")]
    FutureNote { date: Date, today: Date },
    #[error("{name} already has {what} {value}, the {edge}")]
    AtEdge {
        name: String,
        what: &'static str,
        value: u8,
        edge: &'static str,
    },
}

/// Power and interest run from 1 to 5.
pub const SCALE: std::ops::RangeInclusive<u8> = value::SCALE;

/// Cadences from daily to yearly.
pub const CADENCE: std::ops::RangeInclusive<u32> = value::CADENCE_DAYS;

impl NoteKind {
    /// A meeting is an update: it resets the stakeholder's cadence.
    pub fn counts_as_update(self) -> bool {
        self == NoteKind::Meeting
    }
}

impl Board {
    /// A note and the stakeholder it belongs to.
    pub fn note(&self, id: NoteId) -> Option<(&Stakeholder, &Note)> {
        self.all_notes().find(|(_, n)| n.id == id)
    }

    /// Every note, newest first (by date, then the newest id), with its stakeholder.
    pub fn notes_newest_first(&self) -> Vec<(&Stakeholder, &Note)> {
        let mut notes: Vec<(&Stakeholder, &Note)> = self.all_notes().collect();
        notes.sort_by_key(|(_, n)| std::cmp::Reverse((n.date, n.id)));
        notes
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
mod tests;
