//! Changes to the register as pure functions returning `Edit`s: add, update, delete and move
//! stakeholders on the grid; add, update, link and delete their notes.

use super::{CADENCE, Note, NoteKind, PeopleError, SCALE, Stakeholder};
use crate::model::{Board, Edit, EntryId, ItemId, NoteId, StakeholderId};
use jiff::civil::Date;

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
/// Whether `shift_on_grid` would move the stakeholder (for the hints, drawn every frame: without
/// the copy of the stakeholder and every note the edit carries).
pub fn can_shift_on_grid(board: &Board, id: StakeholderId, power: i8, interest: i8) -> bool {
    let within = |value: u8, by: i8| {
        u8::try_from(i16::from(value) + i16::from(by)).is_ok_and(|v| SCALE.contains(&v))
    };
    person(board, id).is_ok_and(|s| within(s.power, power) && within(s.interest, interest))
}

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
