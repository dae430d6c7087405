//! The pathological board: a generated board with a very full active sprint and many stakeholder
//! notes, the shape where per-key work that grows with the board shows (issue 18's table: 100k
//! items, 5,000 sprint cards, 20,000 notes).

use super::generate;
use crate::model::{Board, ItemKind, NoteId};
use std::sync::Arc;

/// `generate(items, seed)` with `sprint_cards` open items in the active sprint (spread over the
/// workflow's columns before the done column) and `notes` stakeholder notes in all (the generator's
/// notes repeated with new ids). Counts already reached are kept as they are.
pub fn pathological(items: usize, sprint_cards: usize, notes: usize, seed: u64) -> Board {
    let mut board = generate(items, seed);
    let done = board.done_column().to_string();
    let open: Vec<String> = board
        .columns
        .iter()
        .map(|c| c.name.clone())
        .filter(|c| *c != done)
        .collect();
    if let Some(active) = board.active_sprint().map(|s| s.id) {
        let mut cards = board.sprint_items(active).count();
        let mut k = 0;
        for it in board.items.iter_mut() {
            if cards >= sprint_cards {
                break;
            }
            if it.sprint.is_none() && it.kind != ItemKind::Epic && it.status != done {
                let it = Arc::make_mut(it);
                it.sprint = Some(active);
                if !open.is_empty() {
                    it.status = open[k % open.len()].clone();
                }
                k += 1;
                cards += 1;
            }
        }
    }
    let people = board.stakeholders.len();
    let have: usize = board.stakeholders.iter().map(|s| s.notes.len()).sum();
    if people > 0 && have > 0 && notes > have {
        let template: Vec<_> = board
            .stakeholders
            .iter()
            .flat_map(|s| s.notes.iter().cloned())
            .collect();
        let mut next = board.counters.note;
        for k in 0..notes - have {
            let mut n = template[k % template.len()].clone();
            n.id = NoteId(next);
            next += 1;
            board.stakeholders[k % people].notes.push(n);
        }
        board.counters.note = next;
        for s in &mut board.stakeholders {
            s.notes.sort_by_key(|n| (n.date, n.id));
        }
    }
    board
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pathological_board_has_what_it_asks_for_and_validates() {
        let b = pathological(2_000, 300, 900, 1);
        let active = b.active_sprint().expect("active").id;
        assert_eq!(b.sprint_items(active).count(), 300);
        let notes: usize = b.stakeholders.iter().map(|s| s.notes.len()).sum();
        assert_eq!(notes, 900);
        assert_eq!(b.validate(), vec![]);
    }
}
