//! Epics: what an epic's children add up to, and which parents an item may have. One roll-up for
//! every place an epic's progress shows (the backlog row, the details, the report).

use super::RuleError;
use crate::model::{Board, Edit, Item, ItemId, ItemKind};
use std::collections::HashSet;

/// An epic's progress: its direct children's count and points, done of total. A nested epic counts
/// as one child (done when it is in the done column) with its own points, so an epic's figures
/// never count a grandchild twice; the nested epic shows its own roll-up on its own row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rollup {
    pub done: u32,
    pub total: u32,
    pub done_points: u32,
    pub points: u32,
}

impl Rollup {
    fn add(&mut self, child: &Item, done: bool) {
        let pts = u32::from(child.points.unwrap_or(0));
        self.total += 1;
        self.points += pts;
        if done {
            self.done += 1;
            self.done_points += pts;
        }
    }

    /// Counts a child of `points` in (`add`) or out again: for a table kept up to date with the
    /// changes (`app::index`).
    pub fn count(&mut self, points: u32, done: bool, add: bool) {
        let step = |x: &mut u32, by: u32| {
            *x = if add { *x + by } else { x.saturating_sub(by) };
        };
        step(&mut self.total, 1);
        step(&mut self.points, points);
        if done {
            step(&mut self.done, 1);
            step(&mut self.done_points, points);
        }
    }

    /// `3/7 done · 13/34 pts`; `no children` for an epic without any.
    pub fn describe(&self) -> String {
        if self.total == 0 {
            return "no children".to_string();
        }
        format!(
            "{}/{} done · {}/{} pts",
            self.done, self.total, self.done_points, self.points
        )
    }
}

/// The roll-up of one epic (a walk of the board: for one item's details or the report; a list of
/// rows uses [`rollups`]).
pub fn rollup(board: &Board, epic: ItemId) -> Rollup {
    let mut r = Rollup::default();
    for child in board
        .items
        .iter()
        .filter(|i| i.parent == Some(epic) && i.id != epic)
    {
        r.add(child, board.is_done(child));
    }
    r
}

/// Every epic's roll-up in one pass, indexed by item id (dense; a non-epic's is empty).
pub fn rollups(board: &Board) -> Vec<Rollup> {
    let mut all = Vec::new();
    let done = board.done_column();
    for child in board.items.iter() {
        add_to_rollups(&mut all, child, child.status == done);
    }
    all
}

/// Counts `child` (done or not) into its epic's roll-up in `all`, a table by item id that grows as
/// needed: for a caller that walks the items anyway (the backlog's rows) and builds the table in
/// the same pass.
pub fn add_to_rollups(all: &mut Vec<Rollup>, child: &Item, done: bool) {
    if let Some(p) = child.parent
        && p != child.id
    {
        let at = p.0 as usize;
        if all.len() <= at {
            all.resize(at + 1, Rollup::default());
        }
        all[at].add(child, done);
    }
}

/// Why `parent` cannot be the parent of `child` (whose kind is `kind` after the edit), in words for
/// the form field: it must be an epic on the board, not the item itself, and not one of its own
/// descendants (that would make a cycle).
pub fn check_parent(board: &Board, child: ItemId, parent: ItemId) -> Result<(), String> {
    let key = board.item_key(parent);
    let Some(p) = board.item(parent) else {
        return Err(format!("there is no item {key}"));
    };
    if parent == child {
        return Err(format!("{key} cannot be its own parent"));
    }
    if p.kind != ItemKind::Epic {
        return Err(format!(
            "{key} is a {}: only an epic can be a parent",
            p.kind.name()
        ));
    }
    if is_under(board, parent, child) {
        return Err(format!(
            "{key} is under {}: that would make a cycle",
            board.item_key(child)
        ));
    }
    Ok(())
}

/// True when `item`'s chain of parents reaches `ancestor` (a loop written into a file by hand ends
/// the walk at a depth no real board has).
pub fn is_under(board: &Board, item: ItemId, ancestor: ItemId) -> bool {
    let mut at = board.item(item).and_then(|i| i.parent);
    for _ in 0..board.items.len().min(64) {
        match at {
            Some(p) if p == ancestor => return true,
            Some(p) => at = board.item(p).and_then(|i| i.parent),
            None => return false,
        }
    }
    false
}

/// How many items have `epic` as their parent.
pub fn children_count(board: &Board, epic: ItemId) -> usize {
    board
        .items
        .iter()
        .filter(|i| i.parent == Some(epic) && i.id != epic)
        .count()
}

/// Deletes an epic and its children (theirs too, nested), every link to any of them detached, as
/// one edit in one pass over the board. The plain `delete_item` keeps the children, detached.
pub fn delete_epic_with_children(board: &Board, epic: ItemId) -> Result<Edit, RuleError> {
    super::item(board, epic)?;
    let mut doomed: HashSet<ItemId> = HashSet::from([epic]);
    // Parents come before or after their children in rank: repeat until nothing new joins (each
    // round is a level of nesting; a loop in the file cannot run on, the set stops growing).
    loop {
        let before = doomed.len();
        for i in &board.items {
            if i.parent.is_some_and(|p| doomed.contains(&p)) {
                doomed.insert(i.id);
            }
        }
        if doomed.len() == before {
            break;
        }
    }
    let gone = |ids: &[ItemId]| ids.iter().any(|i| doomed.contains(i));
    let mut edits = Vec::new();
    for other in board.items.iter().filter(|i| !doomed.contains(&i.id)) {
        let parent_gone = other.parent.is_some_and(|p| doomed.contains(&p));
        if parent_gone || gone(&other.blocked_by) || gone(&other.relates_to) {
            let mut o = Item::clone(other);
            o.blocked_by.retain(|b| !doomed.contains(b));
            o.relates_to.retain(|b| !doomed.contains(b));
            if parent_gone {
                o.parent = None;
            }
            edits.push(Edit::UpdateItem(Box::new(o)));
        }
    }
    for e in board.timeline.iter().filter(|e| gone(&e.items)) {
        let mut e = e.clone();
        e.items.retain(|i| !doomed.contains(i));
        edits.push(Edit::UpdateEntry(Box::new(e)));
    }
    for r in board.risks.iter().filter(|r| gone(&r.items)) {
        let mut r = r.clone();
        r.items.retain(|i| !doomed.contains(i));
        edits.push(Edit::UpdateRisk(Box::new(r)));
    }
    for s in board
        .stakeholders
        .iter()
        .filter(|s| s.notes.iter().any(|n| gone(&n.items)))
    {
        let mut s = s.clone();
        for n in &mut s.notes {
            n.items.retain(|i| !doomed.contains(i));
        }
        edits.push(Edit::UpdateStakeholder(Box::new(s)));
    }
    // In rank order, so undo puts each back where it was.
    edits.extend(
        board
            .items
            .iter()
            .filter(|i| doomed.contains(&i.id))
            .map(|i| Edit::RemoveItem(i.id)),
    );
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn board() -> Board {
        let mut b = Board::new("T", "T");
        let today = date(2026, 12, 1);
        let done = b.done_column().to_string();
        let mk = |id: u32, kind: ItemKind, parent: Option<u32>, pts: u8, done: bool| {
            let mut i = Item::new(ItemId(id), kind, format!("item {id}"), "To do", today);
            i.parent = parent.map(ItemId);
            i.points = Some(pts);
            if done {
                i.status = "Done".into();
            }
            std::sync::Arc::new(i)
        };
        b.items = vec![
            mk(1, ItemKind::Epic, None, 0, false),
            mk(2, ItemKind::Story, Some(1), 3, true),
            mk(3, ItemKind::Story, Some(1), 5, false),
            mk(4, ItemKind::Epic, Some(1), 8, false),
            mk(5, ItemKind::Bug, Some(4), 2, true),
        ];
        assert_eq!(done, "Done");
        b.counters.item = 6;
        b
    }

    #[test]
    fn an_epic_rolls_up_its_direct_children() {
        let b = board();
        let one = rollup(&b, ItemId(1));
        assert_eq!(
            one,
            Rollup {
                done: 1,
                total: 3,
                done_points: 3,
                points: 16
            }
        );
        assert_eq!(one.describe(), "1/3 done · 3/16 pts");
        let all = rollups(&b);
        assert_eq!(all[1], one);
        assert_eq!(all[4].describe(), "1/1 done · 2/2 pts");
        assert_eq!(all[2].describe(), "no children");
    }

    #[test]
    fn a_parent_is_an_epic_that_is_not_the_item_nor_below_it() {
        let b = board();
        assert_eq!(check_parent(&b, ItemId(3), ItemId(4)), Ok(()));
        assert!(
            check_parent(&b, ItemId(3), ItemId(2))
                .expect_err("story")
                .contains("only an epic")
        );
        assert!(
            check_parent(&b, ItemId(1), ItemId(1))
                .expect_err("self")
                .contains("own parent")
        );
        assert!(
            check_parent(&b, ItemId(1), ItemId(4))
                .expect_err("cycle")
                .contains("cycle")
        );
        assert!(check_parent(&b, ItemId(1), ItemId(9)).is_err());
    }

    #[test]
    fn deleting_an_epic_with_its_children_is_one_undoable_edit() {
        let mut b = board();
        let before = b.clone();
        let edit = delete_epic_with_children(&b, ItemId(1)).expect("edit");
        let inverse = b.apply(edit).expect("apply");
        assert!(b.items.is_empty());
        b.apply(inverse).expect("undo");
        assert_eq!(b, before);
    }
}
