//! CSV export and import of backlog items, with Jira-style headers.
//!
//! Export writes one row per item in rank order. Import reads what Jira, GitHub Projects, Trello
//! and cairn itself export, and plans the change as one `Edit` for the caller to apply (and undo).
//! Both are pure: the caller reads and writes the files.

use crate::model::{
    Board, Edit, Impact, Item, ItemId, ItemKind, Moscow, Rice, SprintId, SprintState, Wsjf,
    fibonacci_at_least,
};
use csv::StringRecord;
use jiff::civil::Date;
use std::collections::HashMap;
use std::fmt;

mod dialect;
mod export;
mod layout;
#[cfg(test)]
mod tests;

use dialect::*;
pub use export::{export_items, neutralise, restore_neutralised};
use layout::*;

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

/// What importing a CSV file would do.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// One `Edit::Batch` that sets the counters and adds every good row at the bottom of the
    /// backlog; an empty batch when there is nothing to add.
    pub edit: Edit,
    /// Ids of the new items, in file order.
    pub added: Vec<ItemId>,
    /// Rows left out, with the reason.
    pub skipped: Vec<RowIssue>,
    /// Rows imported with a caveat (a value rounded, guessed or dropped).
    pub warnings: Vec<RowIssue>,
}

/// Reads a CSV export (Jira, GitHub Projects, Trello or cairn) and plans adding its rows at the
/// bottom of the backlog. Rows that do not fit are listed in `skipped`, never half-imported.
pub fn plan_import(board: &Board, data: &[u8], today: Date) -> Result<Import, CsvError> {
    // Excel and Trello write a UTF-8 byte order mark; it is not part of the first header.
    let data = data
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(data);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let header = reader.headers().map_err(|e| parse_error(&e, 1))?.clone();
    if header.is_empty() || header.iter().all(|h| h.trim().is_empty()) {
        return Err(CsvError::Empty);
    }
    let layout = Layout::new(&header)?;
    // cairn's own export: its formula guards come off again, so a round trip keeps every title.
    let ours = header.iter().map(str::trim).eq(EXPORT_HEADERS);

    let mut rows: Vec<(u64, Row)> = Vec::new();
    let mut skipped = Vec::new();
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
        let id = ItemId(board.counters.item.saturating_add(count(rows.len())));
        let restored: StringRecord;
        let record = if ours {
            restored = record.iter().map(restore_neutralised).collect();
            &restored
        } else {
            &record
        };
        match layout.row(board, record, id, today) {
            Ok(row) => rows.push((line, row)),
            Err(message) => skipped.push(RowIssue { line, message }),
        }
    }

    let warnings = link_epics(&mut rows);
    let added: Vec<ItemId> = rows.iter().map(|(_, r)| r.item.id).collect();
    let edit = if rows.is_empty() {
        Edit::Batch(Vec::new())
    } else {
        let mut counters = board.counters.clone();
        counters.item = counters.item.saturating_add(count(rows.len()));
        let mut edits = Vec::with_capacity(rows.len() + 1);
        edits.push(Edit::SetCounters(counters));
        edits.extend(rows.into_iter().map(|(_, r)| Edit::InsertItem {
            index: usize::MAX,
            item: Box::new(r.item),
        }));
        Edit::Batch(edits)
    };
    Ok(Import {
        edit,
        added,
        skipped,
        warnings,
    })
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

/// One good row: the item, plus what is needed to link it to its epic once all rows are read.
pub(super) struct Row {
    item: Item,
    warnings: Vec<String>,
    key: Option<String>,
    epic: Option<String>,
}

/// True when `from`'s chain of parents (so far) reaches `to`.
fn comes_back(parents: &HashMap<ItemId, ItemId>, from: ItemId, to: ItemId) -> bool {
    let mut at = Some(from);
    for _ in 0..=parents.len() {
        match at {
            Some(p) if p == to => return true,
            Some(p) => at = parents.get(&p).copied(),
            None => return false,
        }
    }
    false
}

/// Gives items the parent named in their Epic Link when that epic is a row of the same file (by
/// Issue key), and returns every row's warnings in line order.
fn link_epics(rows: &mut [(u64, Row)]) -> Vec<RowIssue> {
    let keys: HashMap<String, (ItemId, ItemKind)> = rows
        .iter()
        .filter_map(|(_, r)| Some((r.key.as_ref()?.to_lowercase(), (r.item.id, r.item.kind))))
        .collect();
    let mut parents: HashMap<ItemId, ItemId> = HashMap::new();
    let mut warnings = Vec::new();
    for (line, row) in rows.iter_mut() {
        if let Some(epic) = &row.epic {
            match keys.get(&epic.to_lowercase()) {
                Some(&(parent, _)) if parent == row.item.id => row.warnings.push(format!(
                    "Epic Link \"{epic}\" is the row itself; left unlinked"
                )),
                // An epic under an epic that is (through others) under it would be a cycle.
                Some(&(parent, ItemKind::Epic)) if !comes_back(&parents, parent, row.item.id) => {
                    row.item.parent = Some(parent);
                    parents.insert(row.item.id, parent);
                }
                Some(&(_, ItemKind::Epic)) => row.warnings.push(format!(
                    "Epic Link \"{epic}\" would make a cycle of epics; left unlinked"
                )),
                Some(&(_, kind)) => row.warnings.push(format!(
                    "Epic Link \"{epic}\" is a {}, not an epic; left unlinked",
                    kind.name()
                )),
                None => row.warnings.push(format!(
                    "Epic Link \"{epic}\" is not another row of this file; left unlinked"
                )),
            }
        }
        warnings.extend(row.warnings.drain(..).map(|message| RowIssue {
            line: *line,
            message,
        }));
    }
    warnings
}
