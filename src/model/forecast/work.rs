//! What a timeline entry's links stand for ([`Work`]) and how far along that work is ([`Progress`]).

use super::super::{Board, ItemId, ItemKind, TimelineEntry};
use std::collections::HashSet;

/// The work linked to an entry, in points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub items: usize,
    pub open_items: usize,
}

impl Progress {
    pub fn remaining(&self) -> u32 {
        self.total - self.done
    }

    /// Done points over linked points, 0–100; `None` without linked points.
    pub fn percent(&self) -> Option<u32> {
        (self.total > 0).then(|| self.done * 100 / self.total)
    }
}

/// What the items linked to a timeline entry stand for: an epic stands for its children (the items
/// whose `parent` is the epic, and an epic among them for its own), anything else for itself. An epic
/// with no children stands for itself. The one rule behind every count of a timeline entry's work:
/// the gantt's bars, the details, the forecasts and the report.
#[derive(Clone, Debug, Default)]
pub struct Work {
    /// By item id (dense): an epic's first child and each child's next sibling, `NONE` for none.
    first: Vec<u32>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Work {
    /// The epics' children on `board`, in board order; one pass, no hashing.
    pub fn of(board: &Board) -> Work {
        let top = board.item_id_bound();
        let mut epic = vec![false; top];
        for i in board.items.iter().filter(|i| i.kind == ItemKind::Epic) {
            epic[i.id.0 as usize] = true;
        }
        let mut w = Work {
            first: vec![NONE; top],
            next: vec![NONE; top],
        };
        for i in board.items.iter().rev() {
            if let Some(p) = i.parent
                && epic.get(p.0 as usize).copied().unwrap_or(false)
                && p != i.id
            {
                w.next[i.id.0 as usize] = w.first[p.0 as usize];
                w.first[p.0 as usize] = i.id.0;
            }
        }
        w
    }

    /// What `expand` depends on, as numbers (for a fingerprint of the board's epics).
    pub fn layout(&self) -> impl Iterator<Item = u64> + '_ {
        self.first.iter().chain(&self.next).map(|&v| u64::from(v))
    }

    fn children(&self, id: ItemId) -> impl Iterator<Item = ItemId> + '_ {
        let mut at = self.first.get(id.0 as usize).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (at != NONE).then(|| {
                let here = at;
                at = self.next[here as usize];
                ItemId(here)
            })
        })
    }

    /// The item has children whose work it stands for (an epic with children).
    pub fn has_children(&self, id: ItemId) -> bool {
        self.children(id).next().is_some()
    }

    /// The items `linked` stands for, in order, without the check that each comes once (cheaper,
    /// for callers that count each item once themselves, as `points_ahead` does). A parent loop
    /// written by hand into a file ends at a depth no real board has.
    pub fn expand_unchecked(&self, linked: &[ItemId]) -> Vec<ItemId> {
        const DEPTH: u8 = 16;
        let mut out = Vec::with_capacity(linked.len());
        let mut stack: Vec<(ItemId, u8)> = linked.iter().rev().map(|&i| (i, 0)).collect();
        while let Some((id, depth)) = stack.pop() {
            let before = stack.len();
            if depth < DEPTH {
                stack.extend(self.children(id).map(|c| (c, depth + 1)));
            }
            if stack.len() == before {
                out.push(id);
            } else {
                stack[before..].reverse();
            }
        }
        out
    }

    /// The items `linked` stands for, each once, in order (epics replaced by their children).
    pub fn expand(&self, linked: &[ItemId]) -> Vec<ItemId> {
        let mut out = Vec::with_capacity(linked.len());
        let mut seen = HashSet::new();
        let mut stack: Vec<ItemId> = linked.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            let before = stack.len();
            stack.extend(self.children(id));
            if stack.len() == before {
                out.push(id);
            } else {
                stack[before..].reverse();
            }
        }
        out
    }
}

/// Done and total points of `work` (what an entry's links stand for, see [`Work`]), with `lookup`
/// giving an item's points and whether it is done (`None` for an id not on the board).
pub fn progress_with(work: &[ItemId], lookup: impl Fn(ItemId) -> Option<(u32, bool)>) -> Progress {
    let mut p = Progress::default();
    for (points, done) in work.iter().filter_map(|&id| lookup(id)) {
        p.total += points;
        p.items += 1;
        if done {
            p.done += points;
        } else {
            p.open_items += 1;
        }
    }
    p
}

/// Done and total points of the work linked to `entry` (an epic's through its children).
pub fn progress(board: &Board, entry: &TimelineEntry) -> Progress {
    let work = Work::of(board).expand(&entry.items);
    progress_with(&work, |id| {
        board
            .item(id)
            .map(|i| (i.points_or_zero(), board.is_done(i)))
    })
}
