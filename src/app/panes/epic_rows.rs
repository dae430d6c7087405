//! The backlog grouped by epic: each epic followed by its children (indented, nested epics under
//! their epic), then the items with no epic, each group in rank order. An epic the filter (or
//! hide-done) leaves out still heads the rows of its children that show, dimmed. One pass over the
//! board per change, no hashing of the whole board.

use crate::model::{Board, ItemId, ItemKind};
use std::collections::BTreeSet;

/// How one grouped row is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Levels of epics above it.
    pub depth: u8,
    /// An epic row: collapsed (`Some(rows it hides)`) or open (`None`).
    pub folded: Option<u32>,
    /// Shown only as the heading of its children: the filter or hide-done leaves it out itself.
    pub context: bool,
}

const NONE: u32 = u32::MAX;
/// Deeper nesting than any real board has: a parent loop written into a file ends here.
const MAX_DEPTH: u8 = 16;

/// The buffers a grouping works in, kept between changes (a grouped backlog's `J` or fold then
/// allocates nothing: they are sized to the board once).
#[derive(Debug, Default)]
pub struct Scratch {
    pos_of: Vec<u32>,
    /// 0: not in the list, 1: shown, 2: the epic of something shown.
    included: Vec<u8>,
    first: Vec<u32>,
    next: Vec<u32>,
    roots: Vec<usize>,
    loose: Vec<usize>,
    emitted: Vec<bool>,
    stack: Vec<(usize, u8)>,
    folding: Vec<(usize, u8)>,
}

/// Clears `v` and fills it with `n` copies of `value`, in the buffer it already has.
fn reset<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    v.clear();
    v.resize(n, value);
}

/// The grouped order of `shown` (positions in `board.items` the filter lets through, in rank
/// order) and how each row is drawn. Children of a `collapsed` epic are left out and counted.
pub fn group(
    board: &Board,
    shown: &[usize],
    collapsed: &BTreeSet<ItemId>,
) -> (Vec<usize>, Vec<Shape>) {
    let (mut rows, mut shapes) = (Vec::new(), Vec::new());
    group_into(
        board,
        shown,
        collapsed,
        &mut Scratch::default(),
        &mut rows,
        &mut shapes,
    );
    (rows, shapes)
}

/// [`group`] into `rows` and `shapes` (cleared first), working in `scratch`.
pub fn group_into(
    board: &Board,
    shown: &[usize],
    collapsed: &BTreeSet<ItemId>,
    scratch: &mut Scratch,
    rows: &mut Vec<usize>,
    shapes: &mut Vec<Shape>,
) {
    let n = board.items.len();
    let Scratch {
        pos_of,
        included,
        first,
        next,
        roots,
        loose,
        emitted,
        stack,
        folding,
    } = scratch;
    reset(pos_of, board.item_id_bound(), NONE);
    for (p, it) in board.items.iter().enumerate() {
        pos_of[it.id.0 as usize] = p as u32;
    }
    // The position of an item's epic, when it has one on the board.
    let parent = |p: usize| -> Option<usize> {
        let it = &board.items[p];
        let q = *pos_of.get(it.parent?.0 as usize)?;
        (q != NONE && q as usize != p && board.items[q as usize].kind == ItemKind::Epic)
            .then_some(q as usize)
    };
    reset(included, n, 0u8);
    for &p in shown {
        included[p] = 1;
    }
    for &p in shown {
        let mut at = parent(p);
        while let Some(q) = at.filter(|&q| included[q] == 0) {
            included[q] = 2;
            at = parent(q);
        }
    }
    // Children in rank order: built from the bottom up.
    reset(first, n, NONE);
    reset(next, n, NONE);
    roots.clear();
    for p in (0..n).rev().filter(|&p| included[p] != 0) {
        match parent(p) {
            Some(q) => {
                next[p] = first[q];
                first[q] = p as u32;
            }
            None => roots.push(p),
        }
    }
    roots.reverse();
    // The epics first, then the loose items, each in rank order.
    loose.clear();
    roots.retain(|&p| {
        let epic = board.items[p].kind == ItemKind::Epic;
        if !epic {
            loose.push(p);
        }
        epic
    });
    roots.append(loose);
    rows.clear();
    shapes.clear();
    reset(emitted, n, false);
    stack.clear();
    for &root in roots.iter() {
        stack.push((root, 0));
        while let Some((p, depth)) = stack.pop() {
            if std::mem::replace(&mut emitted[p], true) {
                continue;
            }
            let it = &board.items[p];
            let epic = it.kind == ItemKind::Epic;
            let fold = epic && collapsed.contains(&it.id);
            let folded = fold.then(|| fold_away(first, next, p, emitted, folding));
            rows.push(p);
            shapes.push(Shape {
                depth,
                folded,
                context: included[p] == 2,
            });
            if fold || depth >= MAX_DEPTH {
                continue;
            }
            let at = stack.len();
            let mut c = first[p];
            while c != NONE {
                stack.push((c as usize, depth + 1));
                c = next[c as usize];
            }
            stack[at..].reverse();
        }
    }
    // Anything a loop of parents kept from every root, at the end rather than lost.
    for p in (0..n).filter(|&p| included[p] != 0 && !emitted[p]) {
        rows.push(p);
        shapes.push(Shape {
            context: included[p] == 2,
            ..Shape::default()
        });
    }
}

/// Folds away the rows below `p` (all levels): marks them as placed and says how many.
fn fold_away(
    first: &[u32],
    next: &[u32],
    p: usize,
    placed: &mut [bool],
    stack: &mut Vec<(usize, u8)>,
) -> u32 {
    let mut count = 0;
    stack.clear();
    stack.push((p, 0u8));
    while let Some((q, depth)) = stack.pop() {
        let mut c = first[q];
        while c != NONE && depth < MAX_DEPTH {
            let here = c as usize;
            c = next[here];
            if !std::mem::replace(&mut placed[here], true) {
                count += 1;
                stack.push((here, depth + 1));
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemId};
    use jiff::civil::date;
    use std::sync::Arc;

    fn board() -> Board {
        let mut b = Board::new("T", "T");
        let mk = |id: u32, kind: ItemKind, parent: Option<u32>| {
            let mut i = Item::new(
                ItemId(id),
                kind,
                format!("i{id}"),
                "To do",
                date(2026, 1, 1),
            );
            i.parent = parent.map(ItemId);
            Arc::new(i)
        };
        // Rank: a loose story, a child of epic 3, epic 3, epic 4 (under 3), its child, epic 6.
        b.items = vec![
            mk(1, ItemKind::Story, None),
            mk(2, ItemKind::Story, Some(3)),
            mk(3, ItemKind::Epic, None),
            mk(4, ItemKind::Epic, Some(3)),
            mk(5, ItemKind::Bug, Some(4)),
            mk(6, ItemKind::Epic, None),
        ];
        b
    }

    fn ids(b: &Board, rows: &[usize]) -> Vec<u32> {
        rows.iter().map(|&p| b.items[p].id.0).collect()
    }

    #[test]
    fn epics_head_their_children_and_loose_items_come_last() {
        let b = board();
        let all: Vec<usize> = (0..6).collect();
        let (rows, shapes) = group(&b, &all, &BTreeSet::new());
        assert_eq!(ids(&b, &rows), vec![3, 2, 4, 5, 6, 1]);
        let depths: Vec<u8> = shapes.iter().map(|s| s.depth).collect();
        assert_eq!(depths, vec![0, 1, 1, 2, 0, 0]);
        let (rows, shapes) = group(&b, &all, &BTreeSet::from([ItemId(3)]));
        assert_eq!(ids(&b, &rows), vec![3, 6, 1]);
        assert_eq!(shapes[0].folded, Some(3));
    }

    #[test]
    fn a_filtered_out_epic_still_heads_its_shown_children() {
        let b = board();
        let (rows, shapes) = group(&b, &[4], &BTreeSet::new());
        assert_eq!(ids(&b, &rows), vec![3, 4, 5]);
        assert_eq!(
            shapes.iter().map(|s| s.context).collect::<Vec<_>>(),
            vec![true, true, false]
        );
    }
}
