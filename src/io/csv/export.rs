//! Items out as CSV rows, every cell a spreadsheet would run as a formula neutralised.

use super::*;

/// Writes every item, in rank order, as CSV with Jira-style headers (see `EXPORT_HEADERS`).
pub fn export_items(board: &Board, out: impl std::io::Write) -> Result<(), CsvError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(EXPORT_HEADERS)?;
    for item in &board.items {
        w.write_record(export_row(board, item))?;
    }
    w.flush()?;
    Ok(())
}

pub(super) fn export_row(board: &Board, it: &Item) -> [String; 27] {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let score = |s: Option<f64>| opt(s.filter(|s| s.is_finite()).map(|s| format!("{s:.2}")));
    let wsjf = it.wsjf.as_ref();
    let rice = it.rice.as_ref();
    [
        board.item_key(it.id),
        neutralise(&it.title),
        kind_label(it.kind).to_string(),
        neutralise(&it.status),
        opt(it.points.map(|p| p.to_string())),
        opt(it.priority.as_deref().map(neutralise)),
        it.moscow.map_or("", Moscow::name).to_string(),
        neutralise(&it.tags.join(" ")),
        opt(it
            .sprint
            .and_then(|s| board.sprint(s))
            .map(|s| neutralise(&s.name))),
        neutralise(&it.assignee),
        opt(it.parent.map(|p| board.item_key(p))),
        neutralise(&it.description),
        neutralise(&it.acceptance.join("\n")),
        opt(it.blocked.as_deref().map(neutralise)),
        it.created.to_string(),
        it.updated.to_string(),
        opt(it.done.map(|d| d.to_string())),
        opt(wsjf.map(|w| w.business_value.to_string())),
        opt(wsjf.map(|w| w.time_criticality.to_string())),
        opt(wsjf.map(|w| w.risk_reduction.to_string())),
        opt(wsjf.map(|w| w.job_size.to_string())),
        score(wsjf.and_then(Wsjf::score)),
        opt(rice.map(|r| r.reach.to_string())),
        opt(rice.map(|r| impact_label(r.impact).to_string())),
        opt(rice.map(|r| r.confidence.to_string())),
        opt(rice.map(|r| r.effort.to_string())),
        score(rice.and_then(Rice::score)),
    ]
}

pub(super) fn kind_label(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Story => "Story",
        ItemKind::Bug => "Bug",
        ItemKind::Task => "Task",
        ItemKind::Spike => "Spike",
        ItemKind::Epic => "Epic",
    }
}

pub(super) fn impact_label(i: Impact) -> &'static str {
    match i {
        Impact::Minimal => "Minimal",
        Impact::Low => "Low",
        Impact::Medium => "Medium",
        Impact::High => "High",
        Impact::Massive => "Massive",
    }
}

/// Would a spreadsheet read this cell as a formula? It starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (OWASP's list), or is such a cell already neutralised (so the round trip is exact).
fn runs_as_formula(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => true,
        Some(b'\'') => runs_as_formula(&text[1..]),
        _ => false,
    }
}

/// A text cell a spreadsheet will show as text: a leading `'` before anything it would run.
pub fn neutralise(text: &str) -> String {
    if runs_as_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Undoes `neutralise` (for cairn's own export read back): exactly the `'` it added.
pub fn restore_neutralised(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => text,
    }
}
