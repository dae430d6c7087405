//! Items out for a bulk update of their source: only those changed since a date, `Issue key`
//! first (Jira's "update existing issues" CSV import matches rows by it; a row without a key is
//! an item made in cairn, which Jira creates).

use super::export::{kind_label, neutralise};
use super::*;

/// The columns of the update export after `Issue key` and before the repeated `Labels`.
const HEADERS: [&str; 8] = [
    "Issue key",
    "Summary",
    "Issue Type",
    "Status",
    "Story Points",
    "Priority",
    "Sprint",
    "Parent",
];

/// The columns after the labels.
const TAIL: [&str; 4] = ["Assignee", "Description", "Updated", "Resolved"];

/// The items changed on or after `since`, in rank order.
pub fn changed_since(board: &Board, since: Date) -> Vec<&Item> {
    board
        .items
        .iter()
        .map(AsRef::as_ref)
        .filter(|it| it.updated >= since)
        .collect()
}

/// Writes `items` as CSV for the source's bulk update: `Issue key` (the source key, empty for an
/// item made in cairn), the fields a re-import reads back, and one `Labels` column per label (as
/// Jira writes and reads them).
pub fn export_update(
    board: &Board,
    items: &[&Item],
    out: impl std::io::Write,
) -> Result<(), CsvError> {
    let labels = items
        .iter()
        .map(|it| it.tags.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = HEADERS.to_vec();
    header.extend(std::iter::repeat_n("Labels", labels));
    header.extend(TAIL);
    w.write_record(&header)?;
    let key = |id: ItemId| {
        board
            .item(id)
            .and_then(|it| it.external.as_ref())
            .map(|x| x.key.clone())
            .unwrap_or_default()
    };
    for it in items {
        let mut row = vec![
            key(it.id),
            neutralise(&it.title),
            kind_label(it.kind).to_string(),
            neutralise(&it.status),
            it.points.map(|p| p.to_string()).unwrap_or_default(),
            it.priority.as_deref().map(neutralise).unwrap_or_default(),
            it.sprint
                .and_then(|s| board.sprint(s))
                .map(|s| neutralise(&s.name))
                .unwrap_or_default(),
            it.parent.map(key).unwrap_or_default(),
        ];
        row.extend((0..labels).map(|n| it.tags.get(n).map(|t| neutralise(t)).unwrap_or_default()));
        row.extend([
            neutralise(&it.assignee),
            neutralise(&it.description),
            it.updated.to_string(),
            it.done.map(|d| d.to_string()).unwrap_or_default(),
        ]);
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}
