//! "Due soon or overdue": open items with a due date that is past, today or within
//! `DUE_SOON_DAYS`, most overdue first — dates a stakeholder was promised.

use super::markdown::inline;
use crate::model::{Board, DUE_SOON_DAYS, DueState};
use jiff::civil::Date;

/// The section, or nothing when no open item is near its due date.
pub(super) fn due_section(board: &Board, today: Date) -> Vec<String> {
    let mut near: Vec<(Date, String)> = board
        .items
        .iter()
        .filter_map(|it| {
            let state = it.due_state(today, board.is_done(it))?;
            let due = it.due?;
            let mark = if matches!(state, DueState::Overdue(_)) {
                " **at risk**"
            } else {
                ""
            };
            Some((
                due,
                format!(
                    "- {} {} — {} (due {due}){mark}",
                    board.item_key(it.id),
                    inline(&it.title),
                    state.describe()
                ),
            ))
        })
        .collect();
    if near.is_empty() {
        return Vec::new();
    }
    near.sort_by_key(|(due, _)| *due);
    vec![
        "## Due soon or overdue".to_string(),
        format!(
            "Open items past their due date or due within {DUE_SOON_DAYS} days:\n{}",
            near.into_iter()
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    ]
}
