//! The report's sections about people: decisions and requests since the last report, and the
//! stakeholders due for an update.

use super::RECENT_DAYS;
use super::markdown::*;
use crate::model::{Board, NoteKind, stakeholders_due};
use jiff::civil::Date;

pub(super) fn decisions_section(
    board: &Board,
    today: Date,
    last_report: Option<Date>,
) -> Vec<String> {
    let mut blocks = vec!["## Decisions and requests".to_string()];
    let first = last_report.unwrap_or_else(|| {
        today
            .checked_sub(jiff::Span::new().days(RECENT_DAYS))
            .unwrap_or(Date::MIN)
    });
    let when = match last_report {
        Some(d) => format!("since the last report ({d})"),
        None => format!("in the last {RECENT_DAYS} days"),
    };
    let mut notes: Vec<_> = board
        .all_notes()
        .filter(|(_, n)| matches!(n.kind, NoteKind::Decision | NoteKind::Request))
        .filter(|(_, n)| (first..=today).contains(&n.date))
        .collect();
    notes.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.1.id.cmp(&a.1.id)));
    // The standups held in the same days, from the notes they left.
    let standups: Vec<Date> = board
        .all_notes()
        .filter(|(_, n)| n.kind == NoteKind::Standup && (first..=today).contains(&n.date))
        .map(|(_, n)| n.date)
        .collect();
    let standups = standups.iter().max().map(|latest| {
        format!(
            "{} {when}, the latest on {latest}.",
            plural(standups.len(), "standup")
        )
    });
    if notes.is_empty() {
        blocks.push(format!("None {when}."));
        blocks.extend(standups);
        return blocks;
    }
    blocks.extend(standups);
    let decisions = notes
        .iter()
        .filter(|(_, n)| n.kind == NoteKind::Decision)
        .count();
    blocks.push(format!(
        "{} and {} {when}, newest first:",
        plural(decisions, "decision"),
        plural(notes.len() - decisions, "request")
    ));
    let rows: Vec<Vec<String>> = notes
        .iter()
        .map(|(s, n)| {
            let mut links: Vec<String> = n.items.iter().map(|&id| board.item_key(id)).collect();
            links.extend(
                n.entries
                    .iter()
                    .filter_map(|&id| board.entry(id))
                    .map(|e| e.name.clone()),
            );
            vec![
                n.date.to_string(),
                n.kind.name().to_string(),
                s.name.clone(),
                n.text.clone(),
                if links.is_empty() {
                    "—".to_string()
                } else {
                    links.join(", ")
                },
            ]
        })
        .collect();
    blocks.push(table(
        &[
            ("Date", Align::Left),
            ("Kind", Align::Left),
            ("Stakeholder", Align::Left),
            ("Note", Align::Left),
            ("About", Align::Left),
        ],
        &rows,
    ));
    blocks
}

pub(super) fn stakeholders_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Stakeholders due for an update".to_string()];
    if board.stakeholders.is_empty() {
        blocks.push("No stakeholders on the board.".to_string());
        return blocks;
    }
    let due = stakeholders_due(&board.stakeholders, today);
    if due.is_empty() {
        blocks.push("Nobody is due for an update.".to_string());
        return blocks;
    }
    let rows: Vec<Vec<String>> = due
        .iter()
        .map(|&(s, overdue)| {
            vec![
                s.name.clone(),
                or_dash(&s.role),
                s.quadrant().name().to_string(),
                if overdue == 0 {
                    "due today".to_string()
                } else {
                    format!("{} overdue", days(overdue))
                },
                s.last_update
                    .map_or_else(|| "never".to_string(), |d| d.to_string()),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            ("Stakeholder", Align::Left),
            ("Role", Align::Left),
            ("Quadrant", Align::Left),
            ("Overdue", Align::Left),
            ("Last update", Align::Left),
        ],
        &rows,
    ));
    blocks
}
