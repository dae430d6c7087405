//! What the panes read of every item, kept in step with the changes instead of read again from the
//! board after each one: the rank order (ids by rank and ranks by id, the done flag beside each),
//! every epic's roll-up, which items wait on each item, and the active sprint's cards per column.
//! Built from the board once (at the start, after a reload or a merge, after a new order of the whole
//! backlog); after that each change costs what it changed (`app::changes`): a rank move rotates the
//! few ranks between where the item was and where it went, an edit of one item takes its old facts
//! out and puts the new ones in. Dense tables by item id (ids are small numbers).

use super::Document;
use super::changes::Op;
use crate::model::rules::Rollup;
use crate::model::{Board, Item, ItemId, SprintId};
use std::collections::HashMap;

const NONE: u32 = u32::MAX;
/// Set beside an id in `rows` when the item is in the done column.
const DONE: u32 = 1 << 31;

/// What the index keeps of one item: what its epic's roll-up, the links and the sprint board need.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fact {
    parent: Option<ItemId>,
    points: u32,
    done: bool,
    sprint: Option<SprintId>,
    /// The workflow column it is in (`NONE`: a status no column has).
    column: u32,
    blocked_by: Box<[ItemId]>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ItemIndex {
    revision: Option<u64>,
    /// By rank: the item's id, with `DONE` set when it is done.
    rows: Vec<u32>,
    /// By id: the item's rank (`NONE`: not on the board).
    ranks: Vec<u32>,
    /// By id.
    facts: Vec<Option<Fact>>,
    /// By epic id.
    rollups: Vec<Rollup>,
    /// Which items wait on each item (in no order: `blocks` sorts them by rank).
    blocks: HashMap<ItemId, Vec<ItemId>>,
    active: Option<SprintId>,
    /// The active sprint's cards of each column, in rank order.
    cards: Vec<Vec<ItemId>>,
    /// The points of the active sprint's cards that are not done (its burndown's figure).
    remaining: u32,
    /// The points of all the active sprint's cards (its scope line).
    total: u32,
    columns: Vec<String>,
}

/// Boards from this size gather their items' facts on two threads.
const GATHER_APART: usize = 20_000;

/// Every item's facts in rank order. Reading them is the cost of a rebuild (each item is a cache
/// miss at 100k), so a large board is read in two halves at once.
fn gather(board: &Board, columns: &[String]) -> Vec<(ItemId, Fact)> {
    let done = board.done_column();
    let read = |items: &[std::sync::Arc<Item>]| -> Vec<(ItemId, Fact)> {
        items
            .iter()
            .map(|it| (it.id, fact_of(columns, done, it)))
            .collect()
    };
    let items = &board.items[..];
    if items.len() < GATHER_APART {
        return read(items);
    }
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|s| {
        let later = s.spawn(|| read(second));
        let mut all = read(first);
        match later.join() {
            Ok(rest) => all.extend(rest),
            Err(_) => all.extend(read(second)),
        }
        all
    })
}

fn fact_of(columns: &[String], done: &str, it: &Item) -> Fact {
    let column = columns
        .iter()
        .position(|c| *c == it.status)
        .map_or(NONE, |c| c as u32);
    Fact {
        parent: it.parent.filter(|&p| p != it.id),
        points: u32::from(it.points.unwrap_or(0)),
        done: it.status == done,
        sprint: it.sprint,
        column,
        blocked_by: it.blocked_by.clone().into_boxed_slice(),
    }
}

fn slot<T: Default + Clone>(v: &mut Vec<T>, at: usize) -> &mut T {
    if v.len() <= at {
        v.resize(at + 1, T::default());
    }
    &mut v[at]
}

impl ItemIndex {
    /// Brings the index up to `doc`'s revision: from the changes since it was built, or (a new
    /// board, a new order, changes forgotten) from the board.
    pub fn refresh(&mut self, doc: &Document) {
        if self.revision == Some(doc.revision) {
            return;
        }
        let followed = self
            .revision
            .and_then(|r| doc.changes.since(r))
            .is_some_and(|ops| self.follow(&doc.board, ops));
        if !followed {
            self.rebuild(&doc.board);
        }
        let active = doc.board.active_sprint().map(|s| s.id);
        if active != self.active {
            self.active = active;
            self.rebuild_cards();
        }
        self.revision = Some(doc.revision);
    }

    /// Up to date with the board of `revision`.
    pub fn is_at(&self, revision: u64) -> bool {
        self.revision == Some(revision)
    }

    /// Everything again from the board.
    pub fn rebuild(&mut self, board: &Board) {
        *self = ItemIndex {
            columns: board.columns.iter().map(|c| c.name.clone()).collect(),
            active: board.active_sprint().map(|s| s.id),
            ..ItemIndex::default()
        };
        self.rows.reserve(board.items.len());
        if let Some(max) = board.items.iter().map(|it| it.id.0).max() {
            // As `slot` fills them (the tables then equal those that followed changes).
            self.ranks.resize(max as usize + 1, 0);
            self.facts.resize(max as usize + 1, None);
        }
        for (p, (id, fact)) in gather(board, &self.columns).into_iter().enumerate() {
            self.ranks[id.0 as usize] = p as u32;
            self.rows.push(id.0);
            self.put(id, p, fact);
        }
        self.rebuild_cards();
    }

    fn fact_of(&self, board: &Board, it: &Item) -> Fact {
        fact_of(&self.columns, board.done_column(), it)
    }

    /// Counts `fact` in for the item `id` at rank `p` (roll-up, links, done flag; not the cards).
    fn put(&mut self, id: ItemId, p: usize, fact: Fact) {
        if let Some(e) = fact.parent {
            slot(&mut self.rollups, e.0 as usize).count(fact.points, fact.done, true);
        }
        for b in &fact.blocked_by {
            self.blocks.entry(*b).or_default().push(id);
        }
        self.rows[p] = id.0 | if fact.done { DONE } else { 0 };
        if self.open_card(&fact) {
            self.remaining += fact.points;
        }
        if self.active_card(&fact) {
            self.total += fact.points;
        }
        *slot(&mut self.facts, id.0 as usize) = Some(fact);
    }

    /// Takes the item's facts out again; returns them.
    fn take(&mut self, id: ItemId) -> Option<Fact> {
        let fact = self.facts.get_mut(id.0 as usize)?.take()?;
        if self.open_card(&fact) {
            self.remaining = self.remaining.saturating_sub(fact.points);
        }
        if self.active_card(&fact) {
            self.total = self.total.saturating_sub(fact.points);
        }
        if let Some(e) = fact.parent {
            slot(&mut self.rollups, e.0 as usize).count(fact.points, fact.done, false);
        }
        for b in &fact.blocked_by {
            if let Some(list) = self.blocks.get_mut(b) {
                list.retain(|x| *x != id);
                if list.is_empty() {
                    self.blocks.remove(b);
                }
            }
        }
        Some(fact)
    }

    /// A card of the active sprint (its points count in `total`).
    fn active_card(&self, f: &Fact) -> bool {
        f.sprint.is_some() && f.sprint == self.active
    }

    /// An open card of the active sprint (its points count in `remaining`).
    fn open_card(&self, f: &Fact) -> bool {
        !f.done && f.sprint.is_some() && f.sprint == self.active
    }

    fn rank_of(&self, id: ItemId) -> u32 {
        self.ranks.get(id.0 as usize).copied().unwrap_or(NONE)
    }

    fn renumber(&mut self, from: usize, to: usize) {
        for p in from..to.min(self.rows.len()) {
            let id = (self.rows[p] & !DONE) as usize;
            self.ranks[id] = p as u32;
        }
    }

    /// Follows `ops` on the board they made; false when they cannot be followed (then the caller
    /// builds again).
    fn follow<'a>(&mut self, board: &Board, ops: impl Iterator<Item = &'a Op>) -> bool {
        let mut touched: Vec<ItemId> = Vec::new();
        for op in ops {
            match *op {
                Op::Item(id) => touched.push(id),
                Op::Insert { index, id } => {
                    if self.rank_of(id) != NONE {
                        return false;
                    }
                    let at = index.min(self.rows.len());
                    self.rows.insert(at, id.0);
                    *slot(&mut self.ranks, id.0 as usize) = at as u32;
                    self.renumber(at, self.rows.len());
                    touched.push(id);
                }
                Op::Remove(id) => {
                    let p = self.rank_of(id);
                    if p == NONE {
                        return false;
                    }
                    self.rows.remove(p as usize);
                    self.ranks[id.0 as usize] = NONE;
                    self.renumber(p as usize, self.rows.len());
                    touched.push(id);
                }
                Op::Move { id, to } => {
                    let from = self.rank_of(id) as usize;
                    if from >= self.rows.len() {
                        return false;
                    }
                    let to = to.min(self.rows.len() - 1);
                    if from < to {
                        self.rows[from..=to].rotate_left(1);
                    } else {
                        self.rows[to..=from].rotate_right(1);
                    }
                    self.renumber(from.min(to), from.max(to) + 1);
                    touched.push(id);
                }
                Op::Order | Op::Columns | Op::All => return false,
                Op::Other => {}
            }
        }
        if self.rows.len() != board.items.len() {
            return false;
        }
        touched.sort_unstable();
        touched.dedup();
        // Out of the cards first, so the lists left are in rank order for the insertions.
        for &id in &touched {
            let old = self.take(id);
            if let Some(f) = old.filter(|f| f.sprint.is_some() && f.sprint == self.active)
                && let Some(list) = self.cards.get_mut(f.column as usize)
            {
                list.retain(|x| *x != id);
            }
        }
        for &id in &touched {
            let p = self.rank_of(id);
            if p == NONE {
                continue;
            }
            let Some(it) = board.items.get(p as usize).filter(|i| i.id == id) else {
                return false;
            };
            let fact = self.fact_of(board, it);
            if fact.sprint.is_some() && fact.sprint == self.active {
                let ranks = &self.ranks;
                if let Some(list) = self.cards.get_mut(fact.column as usize) {
                    let at = list.partition_point(|x| ranks[x.0 as usize] < p);
                    list.insert(at, id);
                }
            }
            self.put(id, p as usize, fact);
        }
        true
    }

    /// The active sprint's cards per column from the facts.
    fn rebuild_cards(&mut self) {
        self.cards = vec![Vec::new(); self.columns.len()];
        self.remaining = 0;
        self.total = 0;
        let Some(active) = self.active else { return };
        for &r in &self.rows {
            let id = r & !DONE;
            if let Some(Some(f)) = self.facts.get(id as usize)
                && f.sprint == Some(active)
            {
                if !f.done {
                    self.remaining += f.points;
                }
                self.total += f.points;
                if let Some(list) = self.cards.get_mut(f.column as usize) {
                    list.push(ItemId(id));
                }
            }
        }
    }

    /// Follows one edit's `ops` on the board it was just applied to, inside `Document::apply`
    /// (before the document records it), so what the step folds in (today's burndown point) can
    /// read the index. `settle` finishes it once the document has recorded the step.
    pub fn follow_edit(&mut self, board: &Board, revision: u64, ops: &[Op]) -> bool {
        let ok = self.is_at(revision)
            && board.active_sprint().map(|s| s.id) == self.active
            && self.follow(board, ops.iter());
        if !ok {
            self.revision = None;
        }
        ok
    }

    /// After `follow_edit` followed the step's first `followed` ops: up to date with `doc` when
    /// what else the step did changed no item (else built again at the next refresh).
    pub fn settle(&mut self, doc: &Document, before: u64, followed: usize) {
        let rest_is_other = doc
            .changes
            .since(before)
            .is_some_and(|mut ops| ops.by_ref().skip(followed).all(|op| *op == Op::Other));
        self.revision = rest_is_other.then_some(doc.revision);
        let active = doc.board.active_sprint().map(|s| s.id);
        if self.revision.is_some() && active != self.active {
            self.active = active;
            self.rebuild_cards();
        }
    }

    /// The active sprint's points not done, when `sprint` is the sprint the index follows.
    pub fn remaining(&self, sprint: SprintId) -> Option<u32> {
        (self.active == Some(sprint)).then_some(self.remaining)
    }

    /// The active sprint's points, done or not, when `sprint` is the sprint the index follows.
    pub fn total(&self, sprint: SprintId) -> Option<u32> {
        (self.active == Some(sprint)).then_some(self.total)
    }

    /// The rank of `id` (`None`: not on the board).
    pub fn rank(&self, id: ItemId) -> Option<usize> {
        Some(self.rank_of(id))
            .filter(|&p| p != NONE)
            .map(|p| p as usize)
    }

    /// Whether the item at rank `p` is done.
    pub fn done_at(&self, p: usize) -> bool {
        self.rows.get(p).is_some_and(|r| r & DONE != 0)
    }

    /// How many items there are (the board's length, as the index knows it).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The ranks of the items shown with done ones hidden (`hide_done`) or not, into `shown`
    /// (cleared first); returns how many were hidden. A walk of a dense table, not of the items.
    pub fn shown(&self, hide_done: bool, shown: &mut Vec<usize>) -> usize {
        shown.clear();
        if !hide_done {
            shown.extend(0..self.rows.len());
            return 0;
        }
        shown.extend(
            self.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| **r & DONE == 0)
                .map(|(p, _)| p),
        );
        self.rows.len() - shown.len()
    }

    /// An epic's roll-up.
    pub fn rollup(&self, epic: ItemId) -> Rollup {
        self.rollups
            .get(epic.0 as usize)
            .copied()
            .unwrap_or_default()
    }

    /// The items that wait on `id`, in rank order.
    pub fn blocks(&self, id: ItemId) -> Vec<ItemId> {
        let mut list = self.blocks.get(&id).cloned().unwrap_or_default();
        list.sort_by_key(|x| self.rank_of(*x));
        list
    }

    /// The active sprint's cards in the column at `column`, in rank order.
    pub fn cards(&self, column: usize) -> &[ItemId] {
        self.cards.get(column).map_or(&[], Vec::as_slice)
    }

    /// The index as a full build from `board` makes it (for the tests: incremental = rebuilt).
    pub fn rebuilt(board: &Board, revision: u64) -> ItemIndex {
        let mut fresh = ItemIndex::default();
        fresh.rebuild(board);
        fresh.revision = Some(revision);
        fresh
    }

    /// Equal to `other` in everything it answers (the links in rank order; an emptied roll-up as
    /// one never counted).
    pub fn same_as(&self, other: &ItemIndex) -> bool {
        let trim = |v: &[Rollup]| {
            let n = v
                .iter()
                .rposition(|r| *r != Rollup::default())
                .map_or(0, |n| n + 1);
            v[..n].to_vec()
        };
        let facts = |v: &[Option<Fact>]| {
            let n = v.iter().rposition(Option::is_some).map_or(0, |n| n + 1);
            v[..n].to_vec()
        };
        let links = |x: &ItemIndex| {
            let mut all: Vec<(ItemId, Vec<ItemId>)> =
                x.blocks.keys().map(|k| (*k, x.blocks(*k))).collect();
            all.sort();
            all
        };
        self.rows == other.rows
            && (0..self.rows.len()).all(|p| {
                let id = (self.rows[p] & !DONE) as usize;
                self.ranks[id] == p as u32 && other.ranks[id] == p as u32
            })
            && facts(&self.facts) == facts(&other.facts)
            && trim(&self.rollups) == trim(&other.rollups)
            && links(self) == links(other)
            && self.active == other.active
            && self.cards == other.cards
            && self.remaining == other.remaining
            && self.total == other.total
            && self.columns == other.columns
    }
}
