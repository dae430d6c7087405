//! The epics section: each open epic's progress from its children (the one roll-up the backlog and
//! the details show), so a stakeholder sees which big pieces of work are close to done.

use super::TOP_ITEMS;
use super::markdown::{Align, percent, table};
use crate::model::{Board, ItemKind, rules};

/// `## Epics`: the epics not yet done, in rank order, with their children done of total (count and
/// points); nothing when the board has no open epic.
pub(super) fn epics_section(board: &Board) -> Vec<String> {
    let open: Vec<_> = board
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Epic && !board.is_done(i))
        .collect();
    if open.is_empty() {
        return Vec::new();
    }
    let all = rules::rollups(board);
    let rows: Vec<Vec<String>> = open
        .iter()
        .take(TOP_ITEMS)
        .map(|e| {
            let r = all.get(e.id.0 as usize).copied().unwrap_or_default();
            let share = percent(u64::from(r.done_points), u64::from(r.points))
                .or_else(|| percent(u64::from(r.done), u64::from(r.total)))
                .map_or_else(|| "—".to_string(), |p| format!("{p}%"));
            vec![
                board.item_key(e.id),
                e.title.clone(),
                format!("{}/{}", r.done, r.total),
                format!("{}/{}", r.done_points, r.points),
                share,
            ]
        })
        .collect();
    let mut blocks = vec![
        "## Epics".to_string(),
        table(
            &[
                ("Key", Align::Left),
                ("Epic", Align::Left),
                ("Items done", Align::Right),
                ("Points done", Align::Right),
                ("Done", Align::Right),
            ],
            &rows,
        ),
    ];
    if open.len() > TOP_ITEMS {
        blocks.push(format!(
            "Showing {TOP_ITEMS} of {} open epics, in rank order.",
            open.len()
        ));
    }
    blocks
}
