//! Which items are on a cycle of "blocked by": strongly connected components (Tarjan's algorithm,
//! without recursion) over the items and their blocked-by links, so a board with many links is
//! checked in one pass over them, not one walk of the board per link.

use super::ids::IdMap;
use crate::model::Board;

/// For each item (by its place in `board.items`), whether it waits on itself through others. A link
/// to the item itself or to an item that is not there does not count (they are reported apart).
pub fn on_blocked_by_cycle(board: &Board) -> Vec<bool> {
    let n = board.items.len();
    let mut on = vec![false; n];
    if board.items.iter().all(|i| i.blocked_by.is_empty()) {
        return on;
    }
    let at = IdMap::collect(
        board
            .items
            .iter()
            .enumerate()
            .map(|(p, i)| (i.id.0, p as u32)),
    );
    let next: Vec<Vec<usize>> = board
        .items
        .iter()
        .map(|i| {
            i.blocked_by
                .iter()
                .filter(|b| **b != i.id)
                .filter_map(|b| at.get(b.0).map(|p| p as usize))
                .collect()
        })
        .collect();
    const NONE: usize = usize::MAX;
    let (mut index, mut low) = (vec![NONE; n], vec![0usize; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut counter) = (Vec::new(), 0usize);
    // The walk's frames: the node and how far through its links it is.
    let mut frames: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if index[start] != NONE || next[start].is_empty() {
            continue;
        }
        frames.push((start, 0));
        index[start] = counter;
        low[start] = counter;
        counter += 1;
        stack.push(start);
        on_stack[start] = true;
        while let Some(&mut (v, ref mut k)) = frames.last_mut() {
            if let Some(&w) = next[v].get(*k) {
                *k += 1;
                if index[w] == NONE {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    frames.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    for w in component {
                        on[w] = true;
                    }
                }
            }
        }
    }
    on
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemId, ItemKind};
    use jiff::civil::date;
    use std::sync::Arc;

    fn board(links: &[(u32, &[u32])], n: u32) -> Board {
        let mut b = Board::new("T", "T");
        for id in 1..=n {
            let mut it = Item::new(ItemId(id), ItemKind::Story, "x", "To do", date(2026, 1, 1));
            if let Some((_, to)) = links.iter().find(|(from, _)| *from == id) {
                it.blocked_by = to.iter().map(|t| ItemId(*t)).collect();
            }
            b.items.push(Arc::new(it));
        }
        b
    }

    /// The definition the loader used before: an item is on a cycle when one of the items it
    /// waits on waits on it, directly or through others.
    fn by_walking(b: &Board) -> Vec<bool> {
        b.items
            .iter()
            .map(|it| {
                it.blocked_by
                    .iter()
                    .any(|x| *x != it.id && crate::model::rules::waits_on(b, *x, it.id))
            })
            .collect()
    }

    #[test]
    fn items_on_a_cycle_are_found_and_those_that_only_wait_on_one_are_not() {
        // 1 → 2 → 3 → 1 is a cycle; 4 waits on it; 5 waits on itself; 6 on a missing item.
        let b = board(
            &[
                (1, &[2]),
                (2, &[3]),
                (3, &[1]),
                (4, &[1]),
                (5, &[5]),
                (6, &[99]),
            ],
            7,
        );
        let got = on_blocked_by_cycle(&b);
        assert_eq!(got, vec![true, true, true, false, false, false, false]);
        assert_eq!(got, by_walking(&b));
    }

    #[test]
    fn it_agrees_with_walking_the_links_on_random_boards() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..200 {
            let n = rng.u32(2..30);
            let mut links: Vec<(u32, Vec<u32>)> = Vec::new();
            for from in 1..=n {
                if rng.bool() {
                    let to = (0..rng.usize(1..3)).map(|_| rng.u32(1..=n + 1)).collect();
                    links.push((from, to));
                }
            }
            let refs: Vec<(u32, &[u32])> = links.iter().map(|(f, t)| (*f, &t[..])).collect();
            let b = board(&refs, n);
            assert_eq!(on_blocked_by_cycle(&b), by_walking(&b), "{links:?}");
        }
    }

    #[test]
    fn a_long_chain_is_no_cycle_and_costs_one_pass() {
        // 20,000 items each waiting on the next: the walk per link was quadratic (and more).
        let n = 20_000;
        let mut b = Board::new("T", "T");
        for id in 1..=n {
            let mut it = Item::new(ItemId(id), ItemKind::Story, "x", "To do", date(2026, 1, 1));
            if id < n {
                it.blocked_by = vec![ItemId(id + 1)];
            }
            b.items.push(Arc::new(it));
        }
        assert!(on_blocked_by_cycle(&b).iter().all(|c| !c));
        let mut last = b.items[(n - 1) as usize].as_ref().clone();
        last.blocked_by = vec![ItemId(1)];
        b.items[(n - 1) as usize] = Arc::new(last);
        assert!(
            on_blocked_by_cycle(&b).iter().all(|c| *c),
            "closing the chain makes one cycle"
        );
    }
}
