//! Saves that serialise only what changed. The store keeps the text of its last save and, for each
//! item in it, the item's shared pointer and where its block is in that text. An edit replaces the
//! `Arc<Item>` it changes and leaves every other one as it was, so on the next save an item whose
//! pointer is the same has the same text: its block is copied, and only new or changed items go
//! through ron. The rest of the board (project, sprints, timeline, risks, stakeholders…, 5% of a
//! generated board) is kept with its text and compared: when it is the same (an edit of items), its
//! text is taken as it was, else it is serialised again whole.
//!
//! The cache holds each `Arc` it has text for: while it does, no other item can be given that
//! address, and the item cannot be changed in place (`Arc::make_mut` copies a shared item, and
//! `Arc::get_mut` refuses one), so a pointer that matches always means the same contents. Every save
//! rebuilds the list from the board it writes, so an item no longer on the board is let go then.
//!
//! The result is byte for byte what `to_ron` writes (`tests` below and `tests/backups.rs` hold it):
//! ron's pretty output indents a value only by its depth, and a string never holds a raw newline
//! (ron escapes it), so an item written on its own and indented by two levels is the item as it is
//! in the whole file.

use super::format::{item_to_ron, to_ron_without_items};
use super::layout::rest_of;
use super::{Store, StoreError};
use crate::model::{Board, Item, ItemId};
use std::fmt::Write as _;
use std::sync::Arc;

/// Where the two lists go in the text of the rest of the board.
const LISTS: &str = "\n  rank: [],\n  items: [],\n";
/// The indent of an item's lines in the file: inside the board (1) and its list of items (2).
const INDENT: &str = "    ";

/// The last save's text, the board besides its items then and that part's text, and, in id order,
/// the items it holds with their blocks in it.
#[derive(Default)]
pub(crate) struct TextCache {
    text: Arc<String>,
    rest: Option<(Board, String)>,
    items: Vec<Entry>,
}

/// An item the text holds: its id (kept here: looking it up through the pointer would touch every
/// item's memory on each save), its pointer, and its block `text[start..end]`.
struct Entry {
    id: ItemId,
    item: Arc<Item>,
    start: usize,
    end: usize,
}

impl std::fmt::Debug for TextCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextCache")
            .field("bytes", &self.text.len())
            .field("items", &self.items.len())
            .finish()
    }
}

impl TextCache {
    /// `board` as `to_ron` writes it, taking the text of every item it already has.
    pub(crate) fn serialise(&mut self, board: &Board) -> Result<Arc<String>, ron::Error> {
        let old_text = std::mem::take(&mut self.text);
        let old = std::mem::take(&mut self.items);
        let rest = match self.rest.take() {
            Some((was, text)) if was.same_besides_items(board) => (was, text),
            _ => (rest_of(board), to_ron_without_items(board)?),
        };
        if board.items.is_empty() {
            self.text = Arc::new(rest.1.clone());
            self.rest = Some(rest);
            return Ok(Arc::clone(&self.text));
        }
        let Some(at) = rest.1.find(LISTS) else {
            // Not the shape this module knows: the whole board through ron, nothing kept.
            return super::to_ron(board).map(Arc::new);
        };
        let mut out = String::with_capacity(old_text.len().max(rest.1.len()) + 4096);
        out.push_str(&rest.1[..at]);
        out.push_str("\n  rank: [\n");
        // Each item's id, read once, with its place in the rank: sorted, the order of the file's
        // items (by id; equal ids, which `validate` refuses, in rank order as `to_ron` has them).
        let mut order: Vec<(ItemId, usize)> = Vec::with_capacity(board.items.len());
        for (at, it) in board.items.iter().enumerate() {
            let _ = writeln!(out, "{INDENT}{},", it.id.0);
            order.push((it.id, at));
        }
        order.sort_unstable();
        out.push_str("  ],\n  items: [\n");
        let mut items = Vec::with_capacity(order.len());
        let mut scratch = String::new();
        let mut old = old.into_iter().peekable();
        for (id, at) in order {
            let it = &board.items[at];
            while old.next_if(|e| e.id < id).is_some() {}
            let start = out.len();
            let item = match old.next_if(|e| e.id == id && Arc::ptr_eq(&e.item, it)) {
                Some(e) => {
                    out.push_str(&old_text[e.start..e.end]);
                    e.item
                }
                None => {
                    scratch.clear();
                    item_to_ron(it, &mut scratch)?;
                    indented(&mut out, &scratch);
                    Arc::clone(it)
                }
            };
            items.push(Entry {
                id,
                item,
                start,
                end: out.len(),
            });
        }
        out.push_str("  ],");
        out.push_str(&rest.1[at + LISTS.len() - 1..]);
        drop(old);
        self.text = Arc::new(out);
        self.items = items;
        self.rest = Some(rest);
        Ok(Arc::clone(&self.text))
    }
}

/// `block` (an item on its own) as it stands in the list: each line indented, then `,` and a newline.
fn indented(out: &mut String, block: &str) {
    for line in block.split('\n') {
        out.push_str(INDENT);
        out.push_str(line);
        out.push('\n');
    }
    out.pop();
    out.push_str(",\n");
}

impl Store {
    /// `board` as `to_ron` writes it, re-serialising only the items changed since this store's last
    /// serialising (the saver thread's save: a few milliseconds after one change at 100k items).
    pub fn serialise(&mut self, board: &Board) -> Result<Arc<String>, StoreError> {
        self.texts
            .serialise(board)
            .map_err(|e| StoreError::Serialise {
                path: self.path.clone(),
                message: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edit;

    fn same(cache: &mut TextCache, board: &Board) {
        let want = crate::store::to_ron(board).expect("serialises");
        let got = cache.serialise(board).expect("serialises");
        assert!(*got == want, "the cache's text differs from to_ron's");
    }

    #[test]
    fn every_save_equals_to_ron_through_edits() {
        let mut board = crate::io::generate::generate(300, 7);
        let mut cache = TextCache::default();
        same(&mut cache, &board);
        same(&mut cache, &board); // all from the cache
        let mut it = board.items[5].as_ref().clone();
        it.title.push_str(" \"quoted\"\nand a second line");
        board
            .apply(Edit::UpdateItem(Box::new(it)))
            .expect("applies");
        same(&mut cache, &board);
        let last = board.items[board.items.len() - 1].id;
        board
            .apply(Edit::MoveItem { id: last, to: 0 })
            .expect("applies");
        same(&mut cache, &board);
        let gone = board.items[10].id;
        board.apply(Edit::RemoveItem(gone)).expect("applies");
        same(&mut cache, &board);
        board.project.name.push_str(" renamed");
        same(&mut cache, &board);
        board.sprints[0].goal.push_str(" and more");
        same(&mut cache, &board);
        board.stakeholders[0].name.push_str(" Jr.");
        same(&mut cache, &board);
        board.counters.item += 10; // not in the file
        same(&mut cache, &board);
        board.items.clear();
        same(&mut cache, &board);
        same(&mut cache, &crate::io::generate::generate(50, 3));
    }

    #[test]
    fn generated_1k_and_10k_boards_equal_to_ron_cold_and_after_a_change() {
        for n in [1_000, 10_000] {
            let mut board = crate::io::generate::generate(n, 1);
            let mut cache = TextCache::default();
            same(&mut cache, &board);
            let mut it = board.items[n / 2].as_ref().clone();
            it.description = "changed".into();
            board
                .apply(Edit::UpdateItem(Box::new(it)))
                .expect("applies");
            same(&mut cache, &board);
        }
    }

    #[test]
    fn the_sample_board_and_an_empty_one_equal_to_ron() {
        let mut cache = TextCache::default();
        same(&mut cache, &Board::new("Empty", "E"));
        let sample = crate::store::sample_board(jiff::civil::date(2026, 12, 1));
        same(&mut cache, &sample);
        same(&mut cache, &sample);
    }

    #[test]
    fn a_pointer_let_go_is_never_taken_for_its_old_item() {
        // The cache holds the pointer, so the old item's address is not free to be reused while it
        // has text for it; once the board no longer has the item, the next save lets it go.
        let mut board = crate::io::generate::generate(20, 1);
        let mut cache = TextCache::default();
        same(&mut cache, &board);
        let first = Arc::clone(&board.items[0]);
        assert_eq!(Arc::strong_count(&first), 3, "the board, the cache and us");
        let mut it = first.as_ref().clone();
        it.title = "changed".into();
        board.items[0] = Arc::new(it);
        same(&mut cache, &board);
        assert_eq!(Arc::strong_count(&first), 1, "let go by the save after");
    }

    /// An item with every optional field set, its strings as awkward as ron's escaping gets.
    fn full(mut it: Item, text: &str) -> Item {
        use crate::model::{EntryId, Impact, ItemId, Moscow, Rice, SprintId, Wsjf};
        it.title = format!("{text} \"t\" \\ {text}");
        it.description = format!("line one\n\tline two\r\n{text}\u{1b}[0m\u{0}");
        it.acceptance = vec![text.into(), String::new(), "r#\"raw\"#".into()];
        it.points = Some(255);
        it.moscow = Some(Moscow::Wont);
        it.wsjf = Some(Wsjf {
            business_value: 1,
            time_criticality: 2,
            risk_reduction: 3,
            job_size: 0,
        });
        it.rice = Some(Rice {
            reach: u32::MAX,
            impact: Impact::Massive,
            confidence: 100,
            effort: u16::MAX,
        });
        it.sprint = Some(SprintId(1));
        it.assignee = "Zoë 🦀".into();
        it.tags = vec!["a b".into(), "é".into(), text.into()];
        it.parent = Some(ItemId(1));
        it.milestone = Some(EntryId(1));
        it.blocked = Some(format!("why: {text}"));
        it.blocked_by = vec![ItemId(1), ItemId(2)];
        it.relates_to = vec![ItemId(3)];
        it.done = Some(it.created);
        it.due = Some(it.updated);
        it
    }

    #[test]
    fn an_item_with_every_field_equals_to_ron() {
        let mut board = crate::io::generate::generate(30, 2);
        let mut cache = TextCache::default();
        for (n, text) in ["plain", "", "}\n  ),\n    (", "\u{2028}\u{feff}\u{200d}"]
            .into_iter()
            .enumerate()
        {
            board.items[n] = Arc::new(full(board.items[n].as_ref().clone(), text));
            same(&mut cache, &board);
        }
        same(&mut cache, &board);
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        ))]

        /// Any string in any item, changed in any order with saves in between: each save's text is
        /// `to_ron`'s.
        #[test]
        fn saves_between_any_edits_equal_to_ron(
            seed in 0u64..20,
            edits in prop::collection::vec((0usize..40, any::<String>(), 0u8..4), 1..12),
        ) {
            let mut board = crate::io::generate::generate(40, seed);
            let mut cache = TextCache::default();
            for (at, text, what) in edits {
                let at = at % board.items.len().max(1);
                match what {
                    0 => board.items[at] = Arc::new(full(board.items[at].as_ref().clone(), &text)),
                    1 => Arc::make_mut(&mut board.items[at]).title = text,
                    2 => {
                        let id = board.items[at].id;
                        board.apply(Edit::MoveItem { id, to: 0 }).expect("moves");
                    }
                    _ => board.project.name = text,
                }
                let want = crate::store::to_ron(&board).expect("serialises");
                let got = cache.serialise(&board).expect("serialises");
                prop_assert!(*got == want);
            }
        }
    }
}
