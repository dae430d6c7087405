//! The note a standup leaves: who spoke, what moved, what was flagged blocked and why, and the time
//! it took against its timebox, dated and linked to the items it touched. Kept on the team's own
//! entry in the stakeholder register (`TEAM`, added with the first standup note), so it is in the
//! note timeline with every other note.

use super::{Step, Workflow, steps};
use crate::model::stakeholder::{PeopleError, check_stakeholder};
use crate::model::{Board, Edit, ItemId, Note, NoteId, NoteKind, Stakeholder, StakeholderId};
use jiff::civil::Date;

/// The register entry standup notes are kept on.
pub const TEAM: &str = "Team";

/// What a standup went through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StandupRecord {
    /// Time taken and the timebox, in seconds.
    pub took: u64,
    pub timebox: u64,
    /// Who spoke (the people of the stops walked), in the walk's order.
    pub spoke: Vec<String>,
    /// The cards talked about.
    pub discussed: Vec<ItemId>,
}

fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// The sprint cards that entered a column on `day`, with the column.
pub fn moved_on(board: &Board, day: Date) -> Vec<(ItemId, String)> {
    let Some(s) = board.active_sprint() else {
        return Vec::new();
    };
    let flow = Workflow::of(board);
    board
        .sprint_items(s.id)
        .filter(|i| i.status_since == day && i.created != day)
        .map(|i| {
            let last = steps(i, flow).iter().rev().find_map(|st| match st {
                Step::Entered { on, column } if *on == day => Some(column.clone()),
                _ => None,
            });
            (i.id, last.unwrap_or_else(|| i.status.clone()))
        })
        .collect()
}

/// The note's text, one line a part.
pub fn standup_text(board: &Board, r: &StandupRecord, day: Date) -> String {
    let keys = |ids: &mut dyn Iterator<Item = String>| {
        let v: Vec<String> = ids.collect();
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    let over = if r.took > r.timebox {
        " — over the timebox"
    } else {
        ""
    };
    let moved = moved_on(board, day);
    let blocked: Vec<(ItemId, String)> = r
        .discussed
        .iter()
        .filter_map(|id| board.item(*id))
        .filter_map(|i| Some((i.id, i.blocked.clone()?)))
        .collect();
    [
        format!(
            "Standup took {} of {}{over}",
            clock(r.took),
            clock(r.timebox)
        ),
        format!("Spoke: {}", keys(&mut r.spoke.iter().cloned())),
        format!(
            "Moved: {}",
            keys(
                &mut moved
                    .iter()
                    .map(|(id, to)| format!("{} → {to}", board.item_key(*id)))
            )
        ),
        format!(
            "Blocked: {}",
            keys(
                &mut blocked
                    .iter()
                    .map(|(id, why)| format!("{} ({why})", board.item_key(*id)))
            )
        ),
        format!(
            "Discussed: {}",
            keys(&mut r.discussed.iter().map(|id| board.item_key(*id)))
        ),
    ]
    .join("\n")
}

/// The edit that writes the standup's note on `day`: on the team's register entry (added first when
/// there is none), linked to the items it discussed or moved. One step.
pub fn standup_note(board: &Board, r: &StandupRecord, day: Date) -> Result<Edit, PeopleError> {
    let mut items: Vec<ItemId> = r.discussed.clone();
    for (moved, _) in moved_on(board, day) {
        if !items.contains(&moved) {
            items.push(moved);
        }
    }
    let note = Note {
        id: NoteId(board.counters.note),
        date: day,
        kind: NoteKind::Standup,
        text: standup_text(board, r, day),
        items,
        entries: Vec::new(),
    };
    let (mut counters, mut team) = match board.stakeholders.iter().find(|s| s.name == TEAM) {
        Some(s) => (board.counters.clone(), s.clone()),
        None => {
            check_stakeholder(&team_entry())?;
            let mut c = board.counters.clone();
            let mut t = team_entry();
            t.id = StakeholderId(c.stakeholder);
            c.stakeholder += 1;
            (c, t)
        }
    };
    counters.note += 1;
    team.notes.push(note);
    // A standup is the team's update: its entry is not due for one after it.
    team.last_update = Some(day);
    let place = if board.stakeholders.iter().any(|s| s.id == team.id) {
        Edit::UpdateStakeholder(Box::new(team))
    } else {
        Edit::InsertStakeholder {
            index: board.stakeholders.len(),
            stakeholder: Box::new(team),
        }
    };
    Ok(Edit::Batch(vec![Edit::SetCounters(counters), place]))
}

fn team_entry() -> Stakeholder {
    Stakeholder {
        id: StakeholderId(0),
        name: TEAM.to_string(),
        role: "the delivery team (standup notes)".to_string(),
        organisation: String::new(),
        power: 3,
        interest: 5,
        cadence_days: 14,
        last_update: None,
        contact: String::new(),
        cares_about: String::new(),
        notes: Vec::new(),
    }
}
