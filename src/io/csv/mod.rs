//! CSV export and import of backlog items, with Jira-style headers.
//!
//! Export writes one row per item in rank order. Import reads what Jira, GitHub Projects, Trello
//! and cairn itself export, and plans the change as one `Edit` for the caller to apply (and undo).
//! Both are pure: the caller reads and writes the files.

use crate::model::{
    Board, Edit, External, Impact, Item, ItemId, ItemKind, Moscow, Rice, Source, SprintId,
    SprintState, Wsjf, fibonacci_at_least,
};
use csv::StringRecord;
use jiff::civil::Date;
use std::collections::HashMap;
use std::fmt;

mod dialect;
mod export;
mod layout;
mod reimport;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_reimport;
mod update;

use dialect::*;
pub use export::{export_items, neutralise, restore_neutralised};
use layout::*;
use reimport::Has;
pub use update::{changed_since, export_update};

/// The header row `export_items` writes, in order.
pub const EXPORT_HEADERS: [&str; 27] = [
    "Issue key",
    "Summary",
    "Issue Type",
    "Status",
    "Story Points",
    "Priority",
    "MoSCoW",
    "Labels",
    "Sprint",
    "Assignee",
    "Epic Link",
    "Description",
    "Acceptance Criteria",
    "Blocked",
    "Created",
    "Updated",
    "Resolved",
    "Business Value",
    "Time Criticality",
    "Risk Reduction",
    "Job Size",
    "WSJF",
    "Reach",
    "Impact",
    "Confidence",
    "Effort",
    "RICE",
];

/// Why a CSV file could not be written or read at all. Row-level problems are `RowIssue`s instead.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The file is not UTF-8 or not CSV.
    #[error("line {line}: {message}")]
    Parse { line: u64, message: String },
    #[error("the file is empty: expected a header row naming the columns")]
    Empty,
    #[error(
        "no title column: expected one of Summary, Title, Card Name or Name; the header has {}",
        quoted_list(.found)
    )]
    NoTitleColumn { found: Vec<String> },
    #[error("cannot write CSV: {0}")]
    Write(#[from] csv::Error),
    #[error("cannot write CSV: {0}")]
    Io(#[from] std::io::Error),
}

fn quoted_list(names: &[String]) -> String {
    if names.is_empty() {
        return "no columns".to_string();
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

/// A row that was skipped, or imported with a caveat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowIssue {
    /// 1-based line in the CSV file where the row starts.
    pub line: u64,
    pub message: String,
}

impl fmt::Display for RowIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// How to read a file: what the command line asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Give items without a MoSCoW value one from their priority (the mapping is reported).
    pub moscow_from_priority: bool,
}

/// What importing a CSV file would do.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// One `Edit::Batch` that sets the counters, adds every new row at the bottom of the backlog,
    /// updates the items the file already had (by their source key) and records the import's
    /// date; an empty batch when there is nothing to change.
    pub edit: Edit,
    /// Ids of the new items, in file order.
    pub added: Vec<ItemId>,
    /// Ids of the items a row changed, in file order.
    pub updated: Vec<ItemId>,
    /// Rows whose item already had every value the file gives.
    pub unchanged: usize,
    /// Rows left out, with the reason.
    pub skipped: Vec<RowIssue>,
    /// Rows imported with a caveat (a value rounded, guessed or dropped).
    pub warnings: Vec<RowIssue>,
    /// With `--moscow-from-priority`: each priority that gave a MoSCoW value, and how many rows.
    pub moscow_mapping: Vec<(String, Moscow, usize)>,
}

impl Import {
    /// `12 added, 30 updated, 3 unchanged, 1 skipped (line 17: …)`.
    pub fn report(&self) -> String {
        let skipped = match self.skipped.as_slice() {
            [] => String::new(),
            [one] => format!(" ({one})"),
            many => {
                let lines: Vec<String> = many.iter().map(|s| s.line.to_string()).collect();
                format!(" (lines {})", lines.join(", "))
            }
        };
        format!(
            "{} added, {} updated, {} unchanged, {} skipped{skipped}",
            self.added.len(),
            self.updated.len(),
            self.unchanged,
            self.skipped.len()
        )
    }

    /// `MoSCoW from priority: Highest → must (2 items), Low → could (1 item)`, when it was used.
    pub fn mapping(&self) -> Option<String> {
        if self.moscow_mapping.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .moscow_mapping
            .iter()
            .map(|(p, m, n)| {
                format!(
                    "{p} → {} ({})",
                    m.name(),
                    crate::model::words::count(*n, "item")
                )
            })
            .collect();
        Some(format!("MoSCoW from priority: {}", parts.join(", ")))
    }
}

/// Reads a CSV export (Jira, GitHub Projects, Trello or cairn) and plans adding its rows at the
/// bottom of the backlog. Rows that do not fit are listed in `skipped`, never half-imported.
pub fn plan_import(board: &Board, data: &[u8], today: Date) -> Result<Import, CsvError> {
    plan_import_with(board, data, today, &Options::default())
}

/// As `plan_import`, with the command line's options. A row whose key (Jira's `Issue key`, a
/// GitHub issue, a Trello card) is already on the board updates that item instead of adding one.
pub fn plan_import_with(
    board: &Board,
    data: &[u8],
    today: Date,
    options: &Options,
) -> Result<Import, CsvError> {
    // Excel and Trello write a UTF-8 byte order mark; it is not part of the first header.
    let data = data
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(data);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter(data))
        .from_reader(data);
    let header = reader.headers().map_err(|e| parse_error(&e, 1))?.clone();
    if header.is_empty() || header.iter().all(|h| h.trim().is_empty()) {
        return Err(CsvError::Empty);
    }
    let layout = Layout::new(&header)?;
    // cairn's own export: its formula guards come off again, so a round trip keeps every title.
    let ours = header.iter().map(str::trim).eq(EXPORT_HEADERS);
    let source = layout.source();
    let mut known = reimport::Known::new(board, ours);

    let mut rows: Vec<(u64, Row)> = Vec::new();
    let mut skipped = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut next = board.counters.item;
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(parse_error(&e, reader.position().line())),
        }
        let line = record
            .position()
            .map_or_else(|| reader.position().line(), csv::Position::line);
        if record.len() != header.len() {
            skipped.push(RowIssue {
                line,
                message: format!(
                    "has {}, the header has {}",
                    fields(record.len()),
                    header.len()
                ),
            });
            continue;
        }
        let restored: StringRecord;
        let record = if ours {
            restored = record.iter().map(restore_neutralised).collect();
            &restored
        } else {
            &record
        };
        let mut row = match layout.row(board, record, ItemId(next), today, options) {
            Ok(row) => row,
            Err(message) => {
                skipped.push(RowIssue { line, message });
                continue;
            }
        };
        if let Some(key) = &row.key {
            if let Some(first) = seen.get(&key.to_lowercase()) {
                skipped.push(RowIssue {
                    line,
                    message: format!("the same key {key} as line {first}"),
                });
                continue;
            }
            seen.insert(key.to_lowercase(), line);
        }
        // A row the board does not know by its key may be an item made in cairn (exported
        // without a key, created by the source's bulk update) or a row without a key imported
        // before: the one such item with its title is it.
        let adopted = match (&row.key, ours) {
            (Some(key), false) if known.get(key).is_none() => known.adopt(&row.item.title),
            (None, false) => known.adopt(&row.item.title),
            _ => None,
        };
        if let (Some(id), Some(key)) = (adopted, &row.key) {
            row.warnings.push(format!(
                "{key} is {}, made in cairn with the same title; updated, not added again",
                board.item_key(id)
            ));
        }
        match row.key.as_deref().and_then(|k| known.get(k)).or(adopted) {
            Some(id) => {
                row.item.id = id;
                row.existing = true;
            }
            None => next = next.saturating_add(1),
        }
        if !ours {
            row.item.external = row.key.clone().map(|key| External { source, key });
        }
        rows.push((line, row));
    }

    let warnings = reimport::link_parents(board, &known, &mut rows, layout.has().parent);
    Ok(reimport::plan(
        board,
        rows,
        &layout.has(),
        skipped,
        warnings,
        today,
    ))
}

/// `,` unless the header line has more `;` (Excel in much of Europe) or tabs outside quotes.
fn delimiter(data: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut tabs, mut quoted) = (0, 0, 0, false);
    for &b in data {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            b'\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > commas && tabs > semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn fields(n: usize) -> String {
    if n == 1 {
        "1 field".to_string()
    } else {
        format!("{n} fields")
    }
}

fn parse_error(e: &csv::Error, fallback_line: u64) -> CsvError {
    let line = e.position().map_or(fallback_line, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!(
            "field {} is not valid UTF-8 text (save the file as UTF-8 and import it again)",
            err.field() + 1
        ),
        csv::ErrorKind::Io(io) => format!("cannot read the CSV data: {io}"),
        _ => format!("cannot read the CSV data: {e}"),
    };
    CsvError::Parse { line, message }
}

/// One good row: the item, plus what is needed to match it to the board and link it to its
/// parent once all rows are read.
pub(super) struct Row {
    pub(super) item: Item,
    pub(super) warnings: Vec<String>,
    /// Its key in the source (cairn's own key for cairn's export).
    pub(super) key: Option<String>,
    /// Jira's numeric `Issue id`, which its `Parent` column may name.
    pub(super) source_id: Option<String>,
    /// The parent's column and its key or issue id, as the file names it.
    pub(super) parent: Option<(String, String)>,
    /// Every sprint the row names (Jira repeats the column for each sprint an issue was in).
    pub(super) sprints: Vec<String>,
    /// When the source last changed it (`Updated`).
    pub(super) source_updated: Option<Date>,
    /// The priority and the MoSCoW it gave, with `--moscow-from-priority`.
    pub(super) moscow_from: Option<(String, Moscow)>,
    /// True when the row's key is an item already on the board (`item.id` is that item's).
    pub(super) existing: bool,
}
