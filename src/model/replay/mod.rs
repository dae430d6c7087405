//! Journaled edits replayed onto a board that changed since they were made (a `git pull` while
//! cairn was not running): each edit is taken as an operation on the record it names, with the
//! record as it was before the edit (from its inverse) as the base of a three-way merge with the
//! record as the file has it now.
//!
//! - the file has the record as the edit left it: already there, nothing to do;
//! - the file has it as it was before the edit: the edit applies as it was made;
//! - the file changed it too: the fields merge (`merge::value`), a field both changed keeps ours
//!   and becomes a conflict on the board (the conflicts screen resolves it);
//! - the record is gone from the file, or an id the edit adds is taken by another record: the edit
//!   no longer applies and is refused with the reason; the caller keeps it in a recovery file.

use super::merge::{self, Conflict, value};
use super::{Board, Edit, EntryId, Item, ItemId, Risk, RiskId, Sprint, SprintId, Stakeholder};
use super::{StakeholderId, TimelineEntry};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// What a replay did.
#[derive(Debug, Default)]
pub struct Report {
    /// Applied as they were made.
    pub applied: usize,
    /// The file had them already.
    pub already: usize,
    /// Merged field by field with a change in the file.
    pub merged: usize,
    /// Fields both changed: ours kept, theirs on record.
    pub conflicts: Vec<Conflict>,
    /// What no longer applies, with why.
    pub refused: Vec<(String, Edit)>,
}

impl Report {
    /// Every edit the replay looked at.
    pub fn total(&self) -> usize {
        self.applied + self.already + self.merged + self.refused.len()
    }
}

/// A kind of record kept in a list by id, as an edit names it.
trait Record: Serialize + DeserializeOwned + PartialEq + Clone {
    /// The list's name in the board's serde form (the merge's conflict path).
    const LIST: &'static str;
    fn id(&self) -> u32;
    fn find(board: &Board, id: u32) -> Option<Self>;
    fn name(board: &Board, id: u32) -> String;
    fn update(self) -> Edit;
    fn insert(self, index: usize) -> Edit;
    fn remove(id: u32) -> Edit;
}

macro_rules! record {
    ($t:ty, $list:literal, $id:ident, $find:ident, $upd:ident, $ins:ident, $field:ident, $rem:ident, $name:expr) => {
        impl Record for $t {
            const LIST: &'static str = $list;
            fn id(&self) -> u32 {
                self.id.0
            }
            fn find(board: &Board, id: u32) -> Option<Self> {
                board.$find($id(id)).cloned()
            }
            fn name(board: &Board, id: u32) -> String {
                let name: fn(&Board, u32) -> String = $name;
                name(board, id)
            }
            fn update(self) -> Edit {
                Edit::$upd(Box::new(self))
            }
            fn insert(self, index: usize) -> Edit {
                Edit::$ins {
                    index,
                    $field: Box::new(self),
                }
            }
            fn remove(id: u32) -> Edit {
                Edit::$rem($id(id))
            }
        }
    };
}

record!(
    Item,
    "items",
    ItemId,
    item,
    UpdateItem,
    InsertItem,
    item,
    RemoveItem,
    |b, id| b.item_key(ItemId(id))
);
record!(
    Sprint,
    "sprints",
    SprintId,
    sprint,
    UpdateSprint,
    InsertSprint,
    sprint,
    RemoveSprint,
    |b, id| b
        .sprint(SprintId(id))
        .map_or(format!("sprint {id}"), merge::name::sprint)
);
record!(
    TimelineEntry,
    "timeline",
    EntryId,
    entry,
    UpdateEntry,
    InsertEntry,
    entry,
    RemoveEntry,
    |b, id| b
        .entry(EntryId(id))
        .map_or(format!("timeline entry {id}"), merge::name::entry)
);
record!(
    Risk,
    "risks",
    RiskId,
    risk,
    UpdateRisk,
    InsertRisk,
    risk,
    RemoveRisk,
    |b, id| b
        .risk(RiskId(id))
        .map_or(format!("risk {id}"), merge::name::risk)
);
record!(
    Stakeholder,
    "stakeholders",
    StakeholderId,
    stakeholder,
    UpdateStakeholder,
    InsertStakeholder,
    stakeholder,
    RemoveStakeholder,
    |b, id| b
        .stakeholder(StakeholderId(id))
        .map_or(format!("stakeholder {id}"), |s| s.name.clone())
);

/// Replays `edit` (whose inverse when it was made is `undo`) onto `board` as described above.
pub fn onto_changed(board: &mut Board, edit: Edit, undo: Edit, report: &mut Report) {
    use Edit::*;
    match (edit, undo) {
        (Batch(edits), Batch(undos)) if edits.len() == undos.len() => {
            // The inverse of a batch undoes its edits last first.
            for (e, u) in edits.into_iter().zip(undos.into_iter().rev()) {
                onto_changed(board, e, u, report);
            }
        }
        (UpdateItem(new), UpdateItem(old)) => update(board, *new, *old, report),
        (UpdateSprint(new), UpdateSprint(old)) => update(board, *new, *old, report),
        (UpdateEntry(new), UpdateEntry(old)) => update(board, *new, *old, report),
        (UpdateRisk(new), UpdateRisk(old)) => update(board, *new, *old, report),
        (UpdateStakeholder(new), UpdateStakeholder(old)) => update(board, *new, *old, report),
        (InsertItem { index, item }, _) => insert(board, index, *item, report),
        (InsertSprint { index, sprint }, _) => insert(board, index, *sprint, report),
        (InsertEntry { index, entry }, _) => insert(board, index, *entry, report),
        (InsertRisk { index, risk }, _) => insert(board, index, *risk, report),
        (InsertStakeholder { index, stakeholder }, _) => insert(board, index, *stakeholder, report),
        (RemoveItem(_), InsertItem { item, .. }) => remove(board, *item, report),
        (RemoveSprint(_), InsertSprint { sprint, .. }) => remove(board, *sprint, report),
        (RemoveEntry(_), InsertEntry { entry, .. }) => remove(board, *entry, report),
        (RemoveRisk(_), InsertRisk { risk, .. }) => remove(board, *risk, report),
        (RemoveStakeholder(_), InsertStakeholder { stakeholder, .. }) => {
            remove(board, *stakeholder, report)
        }
        (MoveItem { id, to }, _) => match board.items.iter().position(|i| i.id == id) {
            None => refuse(board, report, MoveItem { id, to }, |b| {
                format!("{} is no longer on the board", b.item_key(id))
            }),
            Some(at) if at == to.min(board.items.len() - 1) => report.already += 1,
            Some(_) => apply(board, MoveItem { id, to }, report),
        },
        (Reorder(order), _) => {
            let edit = Reorder(reordered(board, &order));
            if let Reorder(now) = &edit
                && board.items.iter().map(|i| i.id).eq(now.iter().copied())
            {
                report.already += 1;
            } else {
                apply(board, edit, report);
            }
        }
        (SetProject(new), SetProject(old)) => set(
            board,
            "project",
            *new,
            *old,
            |b| &b.project,
            |v| SetProject(Box::new(v)),
            report,
        ),
        (SetColumns(new), SetColumns(old)) => set(
            board,
            "columns",
            new,
            old,
            |b| &b.columns,
            SetColumns,
            report,
        ),
        (SetSettings(new), SetSettings(old)) => set(
            board,
            "settings",
            new,
            old,
            |b| &b.settings,
            SetSettings,
            report,
        ),
        (SetViews(new), SetViews(old)) => {
            set(board, "views", new, old, |b| &b.views, SetViews, report)
        }
        (SetTeam(new), SetTeam(old)) => set(board, "team", new, old, |b| &b.team, SetTeam, report),
        (SetTeamSprints(new), SetTeamSprints(old)) => set(
            board,
            "team_sprints",
            new,
            old,
            |b| &b.team_sprints,
            SetTeamSprints,
            report,
        ),
        (SetSprintScope(new), SetSprintScope(old)) => set(
            board,
            "sprint_scope",
            new,
            old,
            |b| &b.sprint_scope,
            SetSprintScope,
            report,
        ),
        (SetConflicts(new), SetConflicts(old)) => set(
            board,
            "conflicts",
            new,
            old,
            |b| &b.conflicts,
            SetConflicts,
            report,
        ),
        // The counters follow the records on the next load; the larger of each stands.
        (SetCounters(new), _) => {
            let mut c = board.counters.clone();
            c.item = c.item.max(new.item);
            c.sprint = c.sprint.max(new.sprint);
            c.entry = c.entry.max(new.entry);
            c.risk = c.risk.max(new.risk);
            c.stakeholder = c.stakeholder.max(new.stakeholder);
            c.note = c.note.max(new.note);
            apply(board, SetCounters(c), report);
        }
        (edit, _) => refuse(board, report, edit, |_| {
            "the journal's record of it does not match the edit".to_string()
        }),
    }
}

/// Applies `edit` as it was made and counts it; one the board refuses is kept with why.
fn apply(board: &mut Board, edit: Edit, report: &mut Report) {
    if applies(board, edit, report) {
        report.applied += 1;
    }
}

/// True when `edit` applied; else it is kept in the report with the board's reason.
fn applies(board: &mut Board, edit: Edit, report: &mut Report) -> bool {
    let kept = edit.clone();
    match board.apply(edit) {
        Ok(_) => true,
        Err(e) => {
            report.refused.push((e.to_string(), kept));
            false
        }
    }
}

fn refuse(board: &Board, report: &mut Report, edit: Edit, why: impl FnOnce(&Board) -> String) {
    report.refused.push((why(board), edit));
}

fn update<T: Record>(board: &mut Board, new: T, old: T, report: &mut Report) {
    let id = new.id();
    let Some(now) = T::find(board, id) else {
        let why = format!("{} was deleted in the file", T::name(board, id));
        report.refused.push((why, new.update()));
        return;
    };
    let path = vec![T::LIST.to_string(), format!("#{id}")];
    let what = T::name(board, id);
    onto(board, &now, new, &old, path, &what, T::update, report);
}

fn insert<T: Record>(board: &mut Board, index: usize, new: T, report: &mut Report) {
    match T::find(board, new.id()) {
        Some(now) if now == new => report.already += 1,
        Some(_) => {
            let why = format!(
                "its number is taken in the file by {}",
                T::name(board, new.id())
            );
            report.refused.push((why, new.insert(index)));
        }
        None => apply(board, new.insert(index), report),
    }
}

fn remove<T: Record>(board: &mut Board, old: T, report: &mut Report) {
    let id = old.id();
    match T::find(board, id) {
        None => report.already += 1,
        Some(now) if now == old => apply(board, T::remove(id), report),
        Some(_) => {
            let why = format!(
                "{} was changed in the file, so it was not deleted",
                T::name(board, id)
            );
            report.refused.push((why, T::remove(id)));
        }
    }
}

/// A whole value (the project, the columns…): three-way as a record is.
fn set<T: Serialize + DeserializeOwned + PartialEq + Clone>(
    board: &mut Board,
    field: &str,
    new: T,
    old: T,
    get: impl Fn(&Board) -> &T,
    edit: impl Fn(T) -> Edit,
    report: &mut Report,
) {
    let now = get(board).clone();
    let what = format!("the {field}");
    onto(
        board,
        &now,
        new,
        &old,
        vec![field.to_string()],
        &what,
        edit,
        report,
    );
}

/// `new`, made over `old`, onto the value as the file has it `now`: already there, applied as
/// made, or merged field by field with the file's change (at `path`, the merge's conflict path; a
/// field both changed keeps ours and is a conflict on the board).
#[allow(clippy::too_many_arguments)]
fn onto<T: Serialize + DeserializeOwned + PartialEq>(
    board: &mut Board,
    now: &T,
    new: T,
    old: &T,
    path: Vec<String>,
    what: &str,
    edit: impl Fn(T) -> Edit,
    report: &mut Report,
) {
    if *now == new {
        report.already += 1;
    } else if now == old {
        apply(board, edit(new), report);
    } else {
        match three_way(old, &new, now, path) {
            Some((merged, found)) => {
                if applies(board, edit(merged), report) {
                    report.merged += 1;
                    report
                        .conflicts
                        .extend(found.iter().map(|f| merge::describe_found(board, f)));
                }
            }
            None => {
                let why = format!("{what} could not be merged with the file's");
                report.refused.push((why, edit(new)));
            }
        }
    }
}

/// `base` → `ours` merged with `base` → `theirs` on the serde form; `None` if the result is not a `T`.
fn three_way<T: Serialize + DeserializeOwned>(
    base: &T,
    ours: &T,
    theirs: &T,
    mut path: Vec<String>,
) -> Option<(T, Vec<value::Found>)> {
    let v = |x: &T| serde_json::to_value(x).ok();
    let (b, o, t) = (v(base)?, v(ours)?, v(theirs)?);
    let mut found = Vec::new();
    let merged = value::merge(Some(&b), Some(&o), Some(&t), &mut path, &mut found)?;
    serde_json::from_value(merged).ok().map(|m| (m, found))
}

/// `order` made to fit the board as it is now: the items it names take the places those items
/// hold now, in its order; items it does not name (added in the file) keep their places.
fn reordered(board: &Board, order: &[ItemId]) -> Vec<ItemId> {
    let named: std::collections::HashSet<ItemId> = order.iter().copied().collect();
    let present: std::collections::HashSet<ItemId> = board.items.iter().map(|i| i.id).collect();
    let mut ours = order.iter().copied().filter(|id| present.contains(id));
    board
        .items
        .iter()
        .map(|i| {
            if named.contains(&i.id) {
                ours.next().unwrap_or(i.id)
            } else {
                i.id
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
