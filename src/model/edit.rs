//! The one change type: every change to a board is an `Edit`, and applying one returns its inverse.
//!
//! Undo/redo keeps two stacks of edits; tests replay them; nothing else mutates a `Board`.

use super::{
    Board, Column, Counters, EntryId, Item, ItemId, Person, Project, Risk, RiskId, Settings,
    Sprint, SprintId, Stakeholder, StakeholderId, TimelineEntry,
};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// One change to a board. Serialisable, so the edit journal (`store::journal`) can keep each change
/// as one line; `Replace` (a whole merged board) is never journaled: the saver writes it out.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Replace the item with the same id.
    UpdateItem(Box<Item>),
    /// Insert a new item at a rank (0 = top).
    InsertItem {
        index: usize,
        item: Box<Item>,
    },
    RemoveItem(ItemId),
    /// Move an item to a rank.
    MoveItem {
        id: ItemId,
        to: usize,
    },
    /// Put the whole backlog in this order (a permutation of the current ids).
    Reorder(Vec<ItemId>),
    UpdateSprint(Box<Sprint>),
    InsertSprint {
        index: usize,
        sprint: Box<Sprint>,
    },
    RemoveSprint(SprintId),
    UpdateEntry(Box<TimelineEntry>),
    InsertEntry {
        index: usize,
        entry: Box<TimelineEntry>,
    },
    RemoveEntry(EntryId),
    UpdateRisk(Box<Risk>),
    InsertRisk {
        index: usize,
        risk: Box<Risk>,
    },
    RemoveRisk(RiskId),
    /// Replace a stakeholder (their notes included).
    UpdateStakeholder(Box<Stakeholder>),
    InsertStakeholder {
        index: usize,
        stakeholder: Box<Stakeholder>,
    },
    RemoveStakeholder(StakeholderId),
    SetProject(Box<Project>),
    SetColumns(Vec<Column>),
    SetSettings(Settings),
    SetCounters(Counters),
    /// Replace the saved views (adding, renaming or deleting one); the inverse puts the old list back.
    SetViews(Vec<super::SavedView>),
    /// Replace the team (`model::team`).
    SetTeam(Vec<Person>),
    /// Replace which sprints take their capacity from the team.
    SetTeamSprints(BTreeSet<SprintId>),
    /// Replace the sprints' recorded scope (`Board::sprint_scope`).
    SetSprintScope(Vec<super::SprintScope>),
    /// Replace the conflicts a merge left (resolving one takes it off; undo brings it back).
    SetConflicts(Vec<super::merge::Conflict>),
    /// Several edits as one step; all or nothing.
    Batch(Vec<Edit>),
    /// The whole board at once (an outside change merged in): the inverse puts the old board back.
    #[serde(skip)]
    Replace(Box<Board>),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no {kind} with id {id}")]
    Missing { kind: &'static str, id: u32 },
    #[error("a {kind} with id {id} already exists")]
    Duplicate { kind: &'static str, id: u32 },
    #[error("the new order is not a permutation of the backlog")]
    NotAPermutation,
    /// A value outside the limits the forms keep (`model::value`), which the next load would refuse.
    #[error("{0}")]
    Limit(String),
}

/// Something kept in a list by id.
trait Keyed {
    const KIND: &'static str;
    /// Looked up from where the last lookup found one (`NEAR`): the backlog, which is long and
    /// edited where the cursor is.
    const NEAR: bool = false;
    fn key(&self) -> u32;
}

macro_rules! keyed {
    ($t:ty, $kind:literal) => {
        impl Keyed for $t {
            const KIND: &'static str = $kind;
            fn key(&self) -> u32 {
                self.id.0
            }
        }
    };
}
impl Keyed for Item {
    const KIND: &'static str = "item";
    const NEAR: bool = true;
    fn key(&self) -> u32 {
        self.id.0
    }
}

impl<T: Keyed> Keyed for std::sync::Arc<T> {
    const KIND: &'static str = T::KIND;
    const NEAR: bool = T::NEAR;
    fn key(&self) -> u32 {
        (**self).key()
    }
}
keyed!(Sprint, "sprint");
keyed!(TimelineEntry, "timeline entry");
keyed!(Risk, "risk");
keyed!(Stakeholder, "stakeholder");

thread_local! {
    /// Where the last edit of an item found it. Edits come where the user is (the row under the
    /// cursor, the card beside the last one), so the next lookup starts there and searches
    /// outward: a change at row 50,000 of a 100k backlog looks at a few items, not 50,000 (each
    /// behind its own pointer, so a cache miss apiece). The answer is the same from any start.
    static NEAR: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn position<T: Keyed>(list: &[T], id: u32) -> Result<usize, EditError> {
    let missing = EditError::Missing { kind: T::KIND, id };
    if !T::NEAR {
        return list.iter().position(|x| x.key() == id).ok_or(missing);
    }
    let n = list.len();
    let start = NEAR.with(std::cell::Cell::get).min(n.saturating_sub(1));
    // start, start+1, start-1, start+2, …: every index once.
    let at = (0..n)
        .flat_map(|d| [start.checked_add(d), start.checked_sub(d + 1)])
        .flatten()
        .filter(|&i| i < n)
        .take(n)
        .find(|&i| list[i].key() == id)
        .ok_or(missing)?;
    NEAR.with(|c| c.set(at));
    Ok(at)
}

/// Replaces the element with the same id; returns the old one.
fn update<T: Keyed>(list: &mut [T], new: T) -> Result<T, EditError> {
    let at = position(list, new.key())?;
    Ok(std::mem::replace(&mut list[at], new))
}

fn insert<T: Keyed>(list: &mut Vec<T>, index: usize, new: T) -> Result<u32, EditError> {
    let id = new.key();
    if list.iter().any(|x| x.key() == id) {
        return Err(EditError::Duplicate { kind: T::KIND, id });
    }
    list.insert(index.min(list.len()), new);
    Ok(id)
}

fn remove<T: Keyed>(list: &mut Vec<T>, id: u32) -> Result<(usize, T), EditError> {
    let at = position(list, id)?;
    Ok((at, list.remove(at)))
}

impl Board {
    /// Applies an edit and returns the edit that undoes it. On error the board is unchanged.
    /// A value outside the limits the forms keep is refused (`EditError::Limit`), so a board that
    /// saved always loads again.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        self.check_limits(&edit).map_err(EditError::Limit)?;
        self.apply_within_limits(edit)
    }

    /// `apply` once the limits are checked; rolling back a batch restores old values through here.
    fn apply_within_limits(&mut self, edit: Edit) -> Result<Edit, EditError> {
        use Edit::*;
        Ok(match edit {
            UpdateItem(item) => UpdateItem(Box::new(Arc::unwrap_or_clone(update(
                &mut self.items,
                Arc::new(*item),
            )?))),
            InsertItem { index, item } => {
                RemoveItem(ItemId(insert(&mut self.items, index, Arc::new(*item))?))
            }
            RemoveItem(id) => {
                let (index, item) = remove(&mut self.items, id.0)?;
                InsertItem {
                    index,
                    item: Box::new(Arc::unwrap_or_clone(item)),
                }
            }
            MoveItem { id, to } => {
                let (from, item) = remove(&mut self.items, id.0)?;
                self.items.insert(to.min(self.items.len()), item);
                MoveItem { id, to: from }
            }
            Reorder(order) => Reorder(self.reorder(order)?),
            UpdateSprint(s) => UpdateSprint(Box::new(update(&mut self.sprints, *s)?)),
            InsertSprint { index, sprint } => {
                RemoveSprint(SprintId(insert(&mut self.sprints, index, *sprint)?))
            }
            RemoveSprint(id) => {
                let (index, sprint) = remove(&mut self.sprints, id.0)?;
                InsertSprint {
                    index,
                    sprint: Box::new(sprint),
                }
            }
            UpdateEntry(e) => UpdateEntry(Box::new(update(&mut self.timeline, *e)?)),
            InsertEntry { index, entry } => {
                RemoveEntry(EntryId(insert(&mut self.timeline, index, *entry)?))
            }
            RemoveEntry(id) => {
                let (index, entry) = remove(&mut self.timeline, id.0)?;
                InsertEntry {
                    index,
                    entry: Box::new(entry),
                }
            }
            UpdateRisk(r) => UpdateRisk(Box::new(update(&mut self.risks, *r)?)),
            InsertRisk { index, risk } => {
                RemoveRisk(RiskId(insert(&mut self.risks, index, *risk)?))
            }
            RemoveRisk(id) => {
                let (index, risk) = remove(&mut self.risks, id.0)?;
                InsertRisk {
                    index,
                    risk: Box::new(risk),
                }
            }
            UpdateStakeholder(s) => {
                UpdateStakeholder(Box::new(update(&mut self.stakeholders, *s)?))
            }
            InsertStakeholder { index, stakeholder } => RemoveStakeholder(StakeholderId(insert(
                &mut self.stakeholders,
                index,
                *stakeholder,
            )?)),
            RemoveStakeholder(id) => {
                let (index, stakeholder) = remove(&mut self.stakeholders, id.0)?;
                InsertStakeholder {
                    index,
                    stakeholder: Box::new(stakeholder),
                }
            }
            SetProject(p) => SetProject(Box::new(std::mem::replace(&mut self.project, *p))),
            SetColumns(c) => SetColumns(std::mem::replace(&mut self.columns, c)),
            SetSettings(s) => SetSettings(std::mem::replace(&mut self.settings, s)),
            SetCounters(c) => SetCounters(std::mem::replace(&mut self.counters, c)),
            SetViews(v) => SetViews(std::mem::replace(&mut self.views, v)),
            SetTeam(t) => SetTeam(std::mem::replace(&mut self.team, t)),
            SetTeamSprints(t) => SetTeamSprints(std::mem::replace(&mut self.team_sprints, t)),
            SetSprintScope(s) => SetSprintScope(std::mem::replace(&mut self.sprint_scope, s)),
            SetConflicts(c) => SetConflicts(std::mem::replace(&mut self.conflicts, c)),
            Replace(b) => Replace(Box::new(std::mem::replace(self, *b))),
            Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                // The item ids, while only inserts run: an import checks each new id in O(1), not
                // by a scan of the backlog (which made 100k rows quadratic).
                let mut ids: Option<std::collections::HashSet<u32>> = None;
                for e in edits {
                    let applied = match e {
                        InsertItem { index, item } => {
                            let ids = ids
                                .get_or_insert_with(|| self.items.iter().map(|i| i.id.0).collect());
                            let id = item.id;
                            if ids.insert(id.0) {
                                self.items
                                    .insert(index.min(self.items.len()), Arc::new(*item));
                                Ok(RemoveItem(id))
                            } else {
                                Err(EditError::Duplicate {
                                    kind: <Arc<Item> as Keyed>::KIND,
                                    id: id.0,
                                })
                            }
                        }
                        e => {
                            ids = None;
                            self.apply(e)
                        }
                    };
                    match applied {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Roll back what was applied so a failed batch leaves no trace.
                            for inv in inverses.into_iter().rev() {
                                let _ = self.apply_within_limits(inv);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Batch(inverses)
            }
        })
    }

    /// Puts items in `order`; returns the previous order.
    fn reorder(&mut self, order: Vec<ItemId>) -> Result<Vec<ItemId>, EditError> {
        if order.len() != self.items.len() {
            return Err(EditError::NotAPermutation);
        }
        let previous: Vec<ItemId> = self.items.iter().map(|i| i.id).collect();
        let mut by_id: HashMap<ItemId, Arc<Item>> = std::mem::take(&mut self.items)
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let mut reordered = Vec::with_capacity(order.len());
        for id in &order {
            match by_id.remove(id) {
                Some(item) => reordered.push(item),
                None => break,
            }
        }
        if reordered.len() != order.len() {
            // Not a permutation: put everything back as it was.
            reordered.extend(by_id.into_values());
            let mut restore: HashMap<ItemId, Arc<Item>> =
                reordered.into_iter().map(|i| (i.id, i)).collect();
            self.items = previous
                .iter()
                .filter_map(|id| restore.remove(id))
                .collect();
            return Err(EditError::NotAPermutation);
        }
        self.items = reordered;
        Ok(previous)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemKind;
    use jiff::civil::date;

    fn board_with(n: u32) -> Board {
        let mut b = Board::new("Test", "T");
        for id in 1..=n {
            b.items.push(std::sync::Arc::new(Item::new(
                ItemId(id),
                ItemKind::Story,
                format!("item {id}"),
                "To do",
                date(2026, 1, 1),
            )));
        }
        b
    }

    fn ids(b: &Board) -> Vec<u32> {
        b.items.iter().map(|i| i.id.0).collect()
    }

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let original = board_with(4);
        let mut changed_item = Item::clone(&original.items[1]);
        changed_item.title = "changed".into();
        let edits = vec![
            Edit::UpdateItem(Box::new(changed_item)),
            Edit::InsertItem {
                index: 1,
                item: Box::new(Item::new(
                    ItemId(9),
                    ItemKind::Bug,
                    "new",
                    "To do",
                    date(2026, 1, 2),
                )),
            },
            Edit::RemoveItem(ItemId(3)),
            Edit::MoveItem {
                id: ItemId(4),
                to: 0,
            },
            Edit::Reorder(vec![ItemId(4), ItemId(3), ItemId(2), ItemId(1)]),
            Edit::SetCounters(Counters {
                item: 50,
                ..Counters::default()
            }),
            Edit::Batch(vec![
                Edit::RemoveItem(ItemId(1)),
                Edit::MoveItem {
                    id: ItemId(2),
                    to: 5,
                },
            ]),
        ];
        for edit in edits {
            let mut b = original.clone();
            let inverse = b.apply(edit.clone()).expect("applies");
            // Counters are not among a board's records (`Board`'s equality leaves them out).
            assert!(
                b != original || b.counters != original.counters,
                "{edit:?} changed nothing"
            );
            let redo = b.apply(inverse).expect("inverse applies");
            assert_eq!(b, original, "{edit:?} not undone");
            assert_eq!(
                b.counters, original.counters,
                "{edit:?}'s counters not undone"
            );
            b.apply(redo).expect("redo applies");
            let mut again = original.clone();
            again.apply(edit).expect("applies");
            assert_eq!(b, again, "redo differs");
        }
    }

    #[test]
    fn move_clamps_and_reports_the_old_rank() {
        let mut b = board_with(3);
        let inv = b
            .apply(Edit::MoveItem {
                id: ItemId(1),
                to: 99,
            })
            .expect("moves");
        assert_eq!(ids(&b), vec![2, 3, 1]);
        assert_eq!(
            inv,
            Edit::MoveItem {
                id: ItemId(1),
                to: 0
            }
        );
    }

    #[test]
    fn failed_batch_leaves_the_board_unchanged() {
        let mut b = board_with(3);
        let before = b.clone();
        let err = b
            .apply(Edit::Batch(vec![
                Edit::RemoveItem(ItemId(1)),
                Edit::RemoveItem(ItemId(7)),
            ]))
            .expect_err("7 is missing");
        assert_eq!(
            err,
            EditError::Missing {
                kind: "item",
                id: 7
            }
        );
        assert_eq!(b, before);
    }

    #[test]
    fn reorder_must_be_a_permutation() {
        let mut b = board_with(3);
        let before = b.clone();
        assert_eq!(
            b.apply(Edit::Reorder(vec![ItemId(1), ItemId(2), ItemId(9)])),
            Err(EditError::NotAPermutation)
        );
        assert_eq!(b, before);
        assert_eq!(
            b.apply(Edit::Reorder(vec![ItemId(1)])),
            Err(EditError::NotAPermutation)
        );
        let dup = Item::new(ItemId(2), ItemKind::Task, "dup", "To do", date(2026, 1, 1));
        assert!(matches!(
            b.apply(Edit::InsertItem {
                index: 0,
                item: Box::new(dup)
            }),
            Err(EditError::Duplicate { .. })
        ));
    }
}
