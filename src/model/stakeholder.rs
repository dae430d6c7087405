//! Stakeholders, the power/interest grid, update cadence and dated notes.

use super::ids::{EntryId, ItemId, NoteId, StakeholderId};
use super::{Board, Edit};
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
pub const SCALE: std::ops::RangeInclusive<u8> = 1..=5;

/// Cadences from daily to yearly.
pub const CADENCE: std::ops::RangeInclusive<u32> = 1..=365;

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

fn person(board: &Board, id: StakeholderId) -> Result<&Stakeholder, PeopleError> {
    board
        .stakeholder(id)
        .ok_or(PeopleError::NoStakeholder(id.0))
}

/// The fields a person can type are within their ranges.
pub fn check_stakeholder(s: &Stakeholder) -> Result<(), PeopleError> {
    if s.name.trim().is_empty() {
        return Err(PeopleError::EmptyName);
    }
    for (what, value) in [("power", s.power), ("interest", s.interest)] {
        if !SCALE.contains(&value) {
            return Err(PeopleError::OutOfScale { what, value });
        }
    }
    if !CADENCE.contains(&s.cadence_days) {
        return Err(PeopleError::Cadence(s.cadence_days));
    }
    Ok(())
}

/// Adds a stakeholder (its id and notes are taken from the board's counters, not from `s`) at the
/// end of the register; returns the edit and the new id.
pub fn add_stakeholder(
    board: &Board,
    mut s: Stakeholder,
) -> Result<(Edit, StakeholderId), PeopleError> {
    check_stakeholder(&s)?;
    let id = StakeholderId(board.counters.stakeholder);
    let mut counters = board.counters.clone();
    counters.stakeholder += 1;
    s.id = id;
    s.notes.clear();
    let index = board.stakeholders.len();
    Ok((
        Edit::Batch(vec![
            Edit::SetCounters(counters),
            Edit::InsertStakeholder {
                index,
                stakeholder: Box::new(s),
            },
        ]),
        id,
    ))
}

/// Replaces a stakeholder's details; their notes stay as they are on the board.
pub fn update_stakeholder(board: &Board, mut s: Stakeholder) -> Result<Edit, PeopleError> {
    check_stakeholder(&s)?;
    s.notes = person(board, s.id)?.notes.clone();
    Ok(Edit::UpdateStakeholder(Box::new(s)))
}

/// Removes a stakeholder with their notes (undo brings both back).
pub fn delete_stakeholder(board: &Board, id: StakeholderId) -> Result<Edit, PeopleError> {
    person(board, id)?;
    Ok(Edit::RemoveStakeholder(id))
}

/// Moves a stakeholder on the grid: power and interest change by the deltas, within 1–5.
pub fn shift_on_grid(
    board: &Board,
    id: StakeholderId,
    power: i8,
    interest: i8,
) -> Result<Edit, PeopleError> {
    let mut s = person(board, id)?.clone();
    let step = |value: u8, by: i8, what: &'static str| -> Result<u8, PeopleError> {
        let to = i16::from(value) + i16::from(by);
        match u8::try_from(to) {
            Ok(v) if SCALE.contains(&v) => Ok(v),
            _ => Err(PeopleError::AtEdge {
                name: s.name.clone(),
                what,
                value,
                edge: if by > 0 { "highest" } else { "lowest" },
            }),
        }
    };
    s.power = step(s.power, power, "power")?;
    s.interest = step(s.interest, interest, "interest")?;
    Ok(Edit::UpdateStakeholder(Box::new(s)))
}

/// Puts `note` into `s` (replacing the one with its id), keeps notes oldest first, and counts a
/// meeting as an update.
fn file_note(s: &mut Stakeholder, note: Note) {
    if note.kind.counts_as_update() && s.last_update.is_none_or(|d| d < note.date) {
        s.last_update = Some(note.date);
    }
    match s.notes.iter_mut().find(|n| n.id == note.id) {
        Some(old) => *old = note,
        None => s.notes.push(note),
    }
    s.notes.sort_by_key(|n| (n.date, n.id));
}

fn check_note(note: &Note, today: Date) -> Result<(), PeopleError> {
    if note.text.trim().is_empty() {
        return Err(PeopleError::EmptyNote);
    }
    if note.date > today {
        return Err(PeopleError::FutureNote {
            date: note.date,
            today,
        });
    }
    Ok(())
}

/// Adds a note to a stakeholder (a meeting moves their last update to its date); returns the
/// edit and the new note's id.
pub fn add_note(
    board: &Board,
    who: StakeholderId,
    date: Date,
    kind: NoteKind,
    text: &str,
    today: Date,
) -> Result<(Edit, NoteId), PeopleError> {
    let mut s = person(board, who)?.clone();
    let id = NoteId(board.counters.note);
    let note = Note {
        id,
        date,
        kind,
        text: text.trim().to_string(),
        items: Vec::new(),
        entries: Vec::new(),
    };
    check_note(&note, today)?;
    let mut counters = board.counters.clone();
    counters.note += 1;
    file_note(&mut s, note);
    Ok((
        Edit::Batch(vec![
            Edit::SetCounters(counters),
            Edit::UpdateStakeholder(Box::new(s)),
        ]),
        id,
    ))
}

/// Replaces a note (its text, kind, date or links); a meeting counts as an update.
pub fn update_note(
    board: &Board,
    who: StakeholderId,
    mut note: Note,
    today: Date,
) -> Result<Edit, PeopleError> {
    let mut s = person(board, who)?.clone();
    if !s.notes.iter().any(|n| n.id == note.id) {
        return Err(PeopleError::NoNote(note.id.0));
    }
    note.text = note.text.trim().to_string();
    check_note(&note, today)?;
    file_note(&mut s, note);
    Ok(Edit::UpdateStakeholder(Box::new(s)))
}

/// Links a note to exactly these items and timeline entries (ids not on the board are dropped).
pub fn link_note(
    board: &Board,
    who: StakeholderId,
    id: NoteId,
    items: Vec<ItemId>,
    entries: Vec<EntryId>,
) -> Result<Edit, PeopleError> {
    let mut s = person(board, who)?.clone();
    let note = s
        .notes
        .iter_mut()
        .find(|n| n.id == id)
        .ok_or(PeopleError::NoNote(id.0))?;
    let mut items: Vec<ItemId> = items
        .into_iter()
        .filter(|i| board.item(*i).is_some())
        .collect();
    let mut entries: Vec<EntryId> = entries
        .into_iter()
        .filter(|e| board.entry(*e).is_some())
        .collect();
    items.sort();
    items.dedup();
    entries.sort();
    entries.dedup();
    note.items = items;
    note.entries = entries;
    Ok(Edit::UpdateStakeholder(Box::new(s)))
}

/// Removes one note; the stakeholder's last update stays as it was.
pub fn delete_note(board: &Board, who: StakeholderId, id: NoteId) -> Result<Edit, PeopleError> {
    let mut s = person(board, who)?.clone();
    let before = s.notes.len();
    s.notes.retain(|n| n.id != id);
    if s.notes.len() == before {
        return Err(PeopleError::NoNote(id.0));
    }
    Ok(Edit::UpdateStakeholder(Box::new(s)))
}

/// A note written in `$EDITOR`: optional `kind:` and `date:` lines at the top, lines starting with
/// `#` left out, the rest is the text. What could not be read is said in `problems`; the text is
/// always kept, so nothing typed is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditedNote {
    pub kind: Option<NoteKind>,
    pub date: Option<Date>,
    pub text: String,
    pub problems: Vec<String>,
}

/// The text `$EDITOR` opens for a note; `parse_edited_note` reads it back.
pub fn note_template(name: &str, kind: NoteKind, date: Date, text: &str) -> String {
    format!(
        "kind: {}\ndate: {date}\n\n{text}{}\n# A note about {name}, below the kind and date lines (kind is meeting, decision,\n\
         # request or risk; a meeting counts as an update). Lines starting with # are left out;\n\
         # an empty note is not saved.\n",
        kind.name(),
        if text.is_empty() { "" } else { "\n" },
    )
}

pub fn parse_edited_note(raw: &str) -> EditedNote {
    let mut out = EditedNote {
        kind: None,
        date: None,
        text: String::new(),
        problems: Vec::new(),
    };
    let mut body: Vec<&str> = Vec::new();
    let mut header = true;
    for line in raw.lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        if header {
            let lower = line.trim().to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("kind:") {
                match NoteKind::parse(v) {
                    Some(k) => out.kind = Some(k),
                    None => out.problems.push(format!(
                        "kind \"{}\" is not meeting, decision, request or risk",
                        v.trim()
                    )),
                }
                continue;
            }
            if let Some(v) = lower.strip_prefix("date:") {
                match v.trim().parse::<Date>() {
                    Ok(d) => out.date = Some(d),
                    Err(_) => out
                        .problems
                        .push(format!("date \"{}\" is not YYYY-MM-DD", v.trim())),
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            header = false;
        }
        body.push(line.trim_end());
    }
    while body.last().is_some_and(|l| l.is_empty()) {
        body.pop();
    }
    out.text = body.join("\n");
    out
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

    fn board(people: Vec<Stakeholder>) -> Board {
        let mut b = Board::new("Test", "T");
        b.stakeholders = people;
        b.repair_counters();
        b
    }

    /// Applies an edit, checks its inverse restores the board exactly, and returns the new board.
    fn applied(b: &Board, edit: Edit) -> Board {
        let mut after = b.clone();
        let inverse = after.apply(edit).expect("applies");
        let mut undone = after.clone();
        undone.apply(inverse).expect("inverse applies");
        assert_eq!(&undone, b, "undo restores the board");
        after
    }

    #[test]
    fn add_edit_and_delete_a_stakeholder() {
        let today = date(2026, 3, 20);
        let b = board(vec![person(1, 5, 5, 7, None)]);
        let mut new = person(99, 2, 4, 14, Some(today));
        new.name = "  ".into();
        assert_eq!(
            add_stakeholder(&b, new.clone()),
            Err(PeopleError::EmptyName)
        );
        new.name = "Ada".into();
        new.power = 6;
        assert!(matches!(
            add_stakeholder(&b, new.clone()),
            Err(PeopleError::OutOfScale {
                what: "power",
                value: 6
            })
        ));
        new.power = 2;
        new.cadence_days = 0;
        assert_eq!(
            add_stakeholder(&b, new.clone()),
            Err(PeopleError::Cadence(0))
        );
        new.cadence_days = 14;
        let (edit, id) = add_stakeholder(&b, new).expect("adds");
        assert_eq!(id, StakeholderId(2), "the next id from the counters");
        let b = applied(&b, edit);
        assert_eq!(b.counters.stakeholder, 3);
        assert_eq!(
            b.stakeholder(id).map(|s| s.quadrant()),
            Some(Quadrant::KeepInformed)
        );

        let mut edited = b.stakeholder(id).expect("added").clone();
        edited.role = "CFO".into();
        edited.notes.clear();
        let (edit, _) = add_note(&b, id, today, NoteKind::Risk, "worried", today).expect("note");
        let b = applied(&b, edit);
        let b = applied(&b, update_stakeholder(&b, edited).expect("edits"));
        let s = b.stakeholder(id).expect("still there");
        assert_eq!(
            (s.role.as_str(), s.notes.len()),
            ("CFO", 1),
            "an edit keeps the notes"
        );

        let b = applied(&b, delete_stakeholder(&b, id).expect("deletes"));
        assert!(b.stakeholder(id).is_none());
        assert_eq!(
            delete_stakeholder(&b, id),
            Err(PeopleError::NoStakeholder(2))
        );
    }

    #[test]
    fn grid_moves_stay_on_the_scale() {
        let b = board(vec![person(1, 3, 1, 7, None)]);
        let id = StakeholderId(1);
        let b = applied(&b, shift_on_grid(&b, id, -1, 0).expect("down"));
        assert_eq!(
            b.stakeholder(id).map(Stakeholder::quadrant),
            Some(Quadrant::Monitor)
        );
        let err = shift_on_grid(&b, id, 0, -1).expect_err("interest is already 1");
        assert_eq!(err.to_string(), "P1 already has interest 1, the lowest");
        let mut b = b;
        for _ in 0..4 {
            b = applied(&b, shift_on_grid(&b, id, 0, 1).expect("right"));
        }
        assert_eq!(b.stakeholder(id).map(|s| s.interest), Some(5));
        assert!(shift_on_grid(&b, id, 0, 1).is_err());
    }

    #[test]
    fn a_meeting_note_counts_as_an_update_and_others_do_not() {
        let today = date(2026, 3, 20);
        let b = board(vec![person(1, 5, 5, 7, Some(date(2026, 3, 1)))]);
        let id = StakeholderId(1);
        assert_eq!(
            b.stakeholder(id).and_then(|s| s.days_overdue(today)),
            Some(12)
        );

        let (edit, n1) =
            add_note(&b, id, today, NoteKind::Decision, "Go with Adyen", today).expect("adds");
        let b = applied(&b, edit);
        let s = b.stakeholder(id).expect("there");
        assert_eq!(
            s.last_update,
            Some(date(2026, 3, 1)),
            "a decision is not an update"
        );
        assert_eq!(s.days_overdue(today), Some(12));

        let (edit, n2) = add_note(
            &b,
            id,
            date(2026, 3, 18),
            NoteKind::Meeting,
            " Weekly ",
            today,
        )
        .expect("adds");
        let b = applied(&b, edit);
        let s = b.stakeholder(id).expect("there");
        assert_eq!(
            s.last_update,
            Some(date(2026, 3, 18)),
            "a meeting is an update"
        );
        assert_eq!(s.days_overdue(today), None, "due again on the 25th");
        assert_eq!(s.next_update(today), date(2026, 3, 25));
        let ids: Vec<NoteId> = s.notes.iter().map(|n| n.id).collect();
        assert_eq!(ids, vec![n2, n1], "oldest first");
        assert_eq!(s.notes[0].text, "Weekly", "trimmed");
        assert_eq!(b.counters.note, n2.0 + 1);

        // An older meeting does not move the last update back.
        let (edit, _) =
            add_note(&b, id, date(2026, 3, 2), NoteKind::Meeting, "old", today).expect("adds");
        let b = applied(&b, edit);
        assert_eq!(
            b.stakeholder(id).and_then(|s| s.last_update),
            Some(date(2026, 3, 18))
        );

        assert_eq!(
            add_note(&b, id, today, NoteKind::Risk, " ", today),
            Err(PeopleError::EmptyNote)
        );
        assert!(matches!(
            add_note(&b, id, date(2026, 3, 21), NoteKind::Risk, "later", today),
            Err(PeopleError::FutureNote { .. })
        ));
        assert_eq!(
            add_note(&b, StakeholderId(9), today, NoteKind::Risk, "x", today),
            Err(PeopleError::NoStakeholder(9))
        );
        let newest: Vec<NoteId> = b.notes_newest_first().iter().map(|(_, n)| n.id).collect();
        assert_eq!(newest[..2], [n1, n2]);
    }

    #[test]
    fn edit_link_and_delete_a_note() {
        let today = date(2026, 3, 20);
        let mut b = board(vec![person(1, 5, 5, 30, Some(date(2026, 3, 1)))]);
        b.items.push(std::sync::Arc::new(crate::model::Item::new(
            ItemId(4),
            crate::model::ItemKind::Story,
            "x",
            "To do",
            today,
        )));
        b.repair_counters();
        let id = StakeholderId(1);
        let (edit, n) = add_note(&b, id, today, NoteKind::Request, "Wants X", today).expect("adds");
        let b = applied(&b, edit);
        let mut note = b.note(n).expect("found").1.clone();
        note.kind = NoteKind::Meeting;
        note.date = date(2026, 3, 10);
        let b = applied(&b, update_note(&b, id, note, today).expect("edits"));
        assert_eq!(
            b.stakeholder(id).and_then(|s| s.last_update),
            Some(date(2026, 3, 10))
        );

        let edit = link_note(
            &b,
            id,
            n,
            vec![ItemId(4), ItemId(77), ItemId(4)],
            vec![EntryId(3)],
        )
        .expect("links");
        let b = applied(&b, edit);
        let note = b.note(n).expect("found").1;
        assert_eq!(
            note.items,
            vec![ItemId(4)],
            "unknown ids and duplicates are dropped"
        );
        assert!(note.entries.is_empty());
        assert_eq!(
            b.notes_about_item(ItemId(4)).len(),
            1,
            "the item sees the note"
        );

        let b = applied(&b, delete_note(&b, id, n).expect("deletes"));
        assert!(b.note(n).is_none());
        assert_eq!(
            b.stakeholder(id).and_then(|s| s.last_update),
            Some(date(2026, 3, 10)),
            "deleting a note keeps the last update"
        );
        assert_eq!(delete_note(&b, id, n), Err(PeopleError::NoNote(n.0)));
    }

    #[test]
    fn an_edited_note_reads_back_and_keeps_text_it_cannot_place() {
        let t = note_template("Helen", NoteKind::Decision, date(2026, 3, 20), "");
        let parsed = parse_edited_note(&format!("{t}\nShip the beta.\n\nSecond para.\n"));
        assert_eq!(parsed.kind, Some(NoteKind::Decision));
        assert_eq!(parsed.date, Some(date(2026, 3, 20)));
        assert_eq!(parsed.text, "Ship the beta.\n\nSecond para.");
        assert!(parsed.problems.is_empty());

        let again = note_template("Helen", NoteKind::Risk, date(2026, 3, 2), &parsed.text);
        assert_eq!(parse_edited_note(&again).text, parsed.text, "a round trip");

        let bad = parse_edited_note(
            "kind: gossip\ndate: 2026-02-30\nCall notes\nkind: is not a header here\n",
        );
        assert_eq!((bad.kind, bad.date), (None, None));
        assert_eq!(bad.problems.len(), 2, "{:?}", bad.problems);
        assert_eq!(bad.text, "Call notes\nkind: is not a header here");
        assert_eq!(parse_edited_note("# only comments\n\n").text, "");
    }
}
