//! A large board read on two cores: the items list, half of a 100k board's parse, is cut in two at
//! an item boundary and its second half read on a second thread while this one reads the rest.
//!
//! The exact text `to_ron` writes makes the cut safe to find by looking: the top-level fields are
//! the only lines indented by two spaces, every item starts with a line `    (` followed by
//! `      id: N,`, and no string holds a raw newline (they are written escaped). Items are written
//! in id order, so the second half is every item from the cut's id (the pivot) on. This thread reads
//! the whole board as usual but stops the items list at the cut and leaves the pivot's ids and
//! above out of the rank (so the file layout sees a sound board of the first half); then the second
//! half is put in at the places the full rank gives them.
//!
//! Anything unexpected (a file that is not in id order, a rank that leaves items out or names one
//! twice, a problem the layout finds) gives `None`, and the caller reads the text in one piece, so
//! every answer and every message is the one-piece read's. The tests check both give equal boards.

use super::lexer::Parser;
use super::{Bail, List, Result};
#[cfg(test)]
use crate::model::Board;
use crate::model::Item;
use crate::store::format::FromFile;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Visitor};
use std::sync::Arc;

/// Boards smaller than this are read in one piece: a thread costs more than it saves.
pub(super) const SPLIT_FROM: usize = 4 << 20;

/// Where the cut is, and what the first thread saw of the rank.
pub(super) struct Hooks {
    /// The `[` of the top-level `rank` and `items` lists, and the `]` that closes `items`.
    rank_open: usize,
    items_open: usize,
    items_close: usize,
    /// The `(` of the first item of the second half, and its id.
    cut: usize,
    pivot: u32,
    /// The rank as it is in the file.
    rank: Vec<u32>,
    /// The first thread's items list stopped at the cut.
    cut_hit: bool,
}

/// Finds the cut: an item boundary near the middle of the items list.
fn find(text: &str) -> Option<Hooks> {
    let rank_open = text.find("\n  rank: [\n")? + "\n  rank: ".len();
    let items_open = rank_open + text[rank_open..].find("\n  items: [\n")? + "\n  items: ".len();
    // The list after the items is the sprints (always written): found from the end, not through
    // the 60 MB of items.
    let sprints = text.rfind("\n  sprints: [")?;
    if sprints <= items_open || !text[..sprints].ends_with("\n  ],") {
        return None;
    }
    let items_close = sprints - "],".len();
    // The first thread also reads everything around the items: the cut gives each the same bytes.
    let around = text.len() - (items_close - items_open);
    let middle = ((items_open + items_close).saturating_sub(around) / 2).max(items_open);
    const BOUNDARY: &str = "\n    ),\n    (\n      id: ";
    let at = middle + text.get(middle..items_close)?.find(BOUNDARY)?;
    let cut = at + "\n    ),\n    ".len();
    let digits = &text[at + BOUNDARY.len()..];
    let end = digits.find(|c: char| !c.is_ascii_digit())?;
    let pivot = digits[..end].parse().ok()?;
    Some(Hooks {
        rank_open,
        items_open,
        items_close,
        cut,
        pivot,
        rank: Vec::new(),
        cut_hit: false,
    })
}

/// The board, read on two threads; `None` when the text is not for this (read it in one piece).
pub(super) fn board(text: &str) -> Option<FromFile> {
    let hooks = find(text)?;
    let (cut, items_close, pivot) = (hooks.cut, hooks.items_close, hooks.pivot);
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(move || second_half(text, cut, items_close));
        let mut p = Parser::new(text);
        p.hooks = Some(hooks);
        p.skip_ws();
        let first = FromFile::deserialize(&mut p)
            .ok()
            .filter(|_| {
                p.skip_ws();
                p.pos == p.bytes.len()
            })
            .map(|b| (b, p.hooks.take()));
        (first, second.join().ok().flatten())
    });
    let (FromFile(Ok(mut board)), Some(hooks)) = first? else {
        return None;
    };
    if !hooks.cut_hit || board.items.iter().any(|i| i.id.0 >= pivot) {
        return None;
    }
    let second = second?;
    board.items = merge(&hooks.rank, pivot, std::mem::take(&mut board.items), second)?;
    board.repair_counters();
    Some(FromFile(Ok(board)))
}

/// The items in the rank's order: those below the pivot as the first thread put them (the layout
/// gave them in the order of the rank it saw: the rank without the pivot and above), the rest from
/// the second half. `None` unless the rank names every item of the second half once.
fn merge(
    rank: &[u32],
    pivot: u32,
    first: Vec<Arc<Item>>,
    second: Second,
) -> Option<Vec<Arc<Item>>> {
    let Second {
        ids,
        items: mut slots,
    } = second;
    let below = rank.iter().filter(|&&id| id < pivot).count();
    if below != first.len() || rank.len() != below + slots.len() {
        return None;
    }
    let mut first = first.into_iter();
    let mut items = Vec::with_capacity(rank.len());
    for &id in rank {
        if id < pivot {
            items.push(first.next()?);
        } else {
            // cairn hands out dense ids: an item is usually as far from the pivot as its id.
            let at = match ids.get((id - pivot) as usize) {
                Some(&found) if found == id => (id - pivot) as usize,
                _ => ids.binary_search(&id).ok()?,
            };
            items.push(slots[at].take()?);
        }
    }
    Some(items)
}

/// The second half: its ids (rising) and its items.
struct Second {
    ids: Vec<u32>,
    items: Vec<Option<Arc<Item>>>,
}

/// The items from the cut to the end of the list, in strictly rising id order from the pivot.
fn second_half(text: &str, cut: usize, items_close: usize) -> Option<Second> {
    let mut p = Parser::new(text);
    p.pos = cut;
    let items = Vec::<Arc<Item>>::deserialize(Rest(&mut p)).ok()?;
    let ids: Vec<u32> = items.iter().map(|i| i.id.0).collect();
    let rising = ids.windows(2).all(|w| w[0] < w[1]);
    (rising && p.pos == items_close + 1).then(|| Second {
        ids,
        items: items.into_iter().map(Some).collect(),
    })
}

/// The rest of a list whose `[` was read already.
struct Rest<'a, 'de>(&'a mut Parser<'de>);

impl<'de> de::Deserializer<'de> for Rest<'_, 'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_seq(List {
            p: self.0,
            close: b']',
            done: false,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// The top-level `rank` on the first thread: every id is kept in `Hooks::rank`, and those of the
/// second half are left out of what the layout sees.
pub(super) struct Rank<'a, 'de> {
    pub(super) p: &'a mut Parser<'de>,
    pub(super) done: bool,
}

impl<'de> de::SeqAccess<'de> for Rank<'_, 'de> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        while !self.done {
            let at = self.p.pos;
            let id = u32::try_from(self.p.unsigned()?).map_err(|_| Bail)?;
            let hooks = self.p.hooks.as_mut().ok_or(Bail)?;
            hooks.rank.push(id);
            if id < hooks.pivot {
                self.p.pos = at;
                let value = seed.deserialize(&mut *self.p)?;
                self.done = self.p.after_element(b']')?;
                return Ok(Some(value));
            }
            self.done = self.p.after_element(b']')?;
        }
        Ok(None)
    }
}

/// The top-level `items` on the first thread: it ends at the cut, and the text goes on after the
/// list's `]`.
pub(super) struct Cut<'a, 'de> {
    pub(super) p: &'a mut Parser<'de>,
    pub(super) done: bool,
}

impl<'de> de::SeqAccess<'de> for Cut<'_, 'de> {
    type Error = Bail;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.done {
            return Ok(None);
        }
        let hooks = self.p.hooks.as_mut().ok_or(Bail)?;
        if self.p.pos == hooks.cut {
            hooks.cut_hit = true;
            self.p.pos = hooks.items_close + 1;
            self.done = true;
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.p)?;
        self.done = self.p.after_element(b']')?;
        Ok(Some(value))
    }
}

impl Drop for Rank<'_, '_> {
    fn drop(&mut self) {
        if !self.done {
            self.p.pos = usize::MAX / 2;
        }
    }
}

impl Drop for Cut<'_, '_> {
    fn drop(&mut self) {
        if !self.done {
            self.p.pos = usize::MAX / 2;
        }
    }
}

/// Which of the two lists, if any, a list opened at `at` is.
pub(super) enum Special {
    Rank,
    Items,
}

pub(super) fn special(p: &Parser<'_>, at: usize) -> Option<Special> {
    let hooks = p.hooks.as_ref().filter(|_| p.depth == 1)?;
    if at == hooks.rank_open {
        Some(Special::Rank)
    } else if at == hooks.items_open {
        Some(Special::Items)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::to_ron;

    /// The board in one piece and through the split: equal, to the byte once written again.
    fn same(text: &str) -> Option<Board> {
        let whole = super::super::whole::<FromFile>(text)
            .expect("fast")
            .0
            .expect("sound");
        let split = board(text)?.0.expect("sound");
        assert_eq!(split, whole);
        assert_eq!(split.counters, whole.counters);
        assert_eq!(
            to_ron(&split).expect("serialises"),
            to_ron(&whole).expect("serialises")
        );
        Some(split)
    }

    #[test]
    fn a_board_read_in_two_halves_is_the_board_read_in_one() {
        for (n, seed) in [(1_000, 1), (10_000, 2), (300, 3)] {
            let board = crate::io::generate::generate(n, seed);
            let text = to_ron(&board).expect("serialises");
            let read = same(&text).expect("split");
            assert_eq!(read.items.len(), n);
            assert_eq!(to_ron(&read).expect("serialises"), text);
        }
        let sample = to_ron(&crate::store::sample_board(jiff::civil::date(2026, 12, 1)))
            .expect("serialises");
        same(&sample).expect("the sample splits");
    }

    #[test]
    fn what_the_split_does_not_expect_is_read_in_one_piece() {
        let board = crate::io::generate::generate(200, 4);
        let text = to_ron(&board).expect("serialises");
        let hooks = find(&text).expect("a cut");
        // Two items swapped across the cut: not in id order.
        let first =
            text[hooks.items_open..].find("\n    (\n").expect("an item") + hooks.items_open + 1;
        let end = text[first..].find("\n    ),\n").expect("its end") + first + "\n    ),\n".len();
        let item = text[first..end].to_string();
        let mut moved = text.clone();
        moved.replace_range(first..end, "");
        let close = moved.find("\n  ],\n  sprints").expect("items end") + 1;
        moved.insert_str(close, &item);
        assert!(board_or_none(&moved).is_none());
        let whole = super::super::whole::<FromFile>(&moved).expect("fast").0;
        assert_eq!(whole.expect("sound").items.len(), 200);
        // A rank that leaves an item out: the layout puts it last, the split gives way.
        let line = format!("\n    {},", board.items[0].id.0);
        let left_out = text.replacen(&line, "", 1);
        assert!(board_or_none(&left_out).is_none());
        let whole = super::super::whole::<FromFile>(&left_out).expect("fast").0;
        assert_eq!(
            whole.expect("sound").items.last().map(|i| i.id),
            Some(board.items[0].id)
        );
    }

    fn board_or_none(text: &str) -> Option<Board> {
        board(text).and_then(|b| b.0.ok())
    }
}
