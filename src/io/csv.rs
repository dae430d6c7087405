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

// ---------------------------------------------------------------------------------------------
// Export

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

fn export_row(board: &Board, it: &Item) -> [String; 27] {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let score = |s: Option<f64>| opt(s.filter(|s| s.is_finite()).map(|s| format!("{s:.2}")));
    let wsjf = it.wsjf.as_ref();
    let rice = it.rice.as_ref();
    [
        board.item_key(it.id),
        it.title.clone(),
        kind_label(it.kind).to_string(),
        it.status.clone(),
        opt(it.points.map(|p| p.to_string())),
        it.moscow.map_or("", priority_label).to_string(),
        it.moscow.map_or("", Moscow::name).to_string(),
        it.tags.join(" "),
        opt(it
            .sprint
            .and_then(|s| board.sprint(s))
            .map(|s| s.name.clone())),
        it.assignee.clone(),
        opt(it.parent.map(|p| board.item_key(p))),
        it.description.clone(),
        it.acceptance.join("\n"),
        opt(it.blocked.clone()),
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

fn kind_label(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Story => "Story",
        ItemKind::Bug => "Bug",
        ItemKind::Task => "Task",
        ItemKind::Spike => "Spike",
        ItemKind::Epic => "Epic",
    }
}

/// Jira's priority for a MoSCoW value.
fn priority_label(m: Moscow) -> &'static str {
    match m {
        Moscow::Must => "Highest",
        Moscow::Should => "High",
        Moscow::Could => "Medium",
        Moscow::Wont => "Low",
    }
}

fn impact_label(i: Impact) -> &'static str {
    match i {
        Impact::Minimal => "Minimal",
        Impact::Low => "Low",
        Impact::Medium => "Medium",
        Impact::High => "High",
        Impact::Massive => "Massive",
    }
}

// ---------------------------------------------------------------------------------------------
// Import

/// Header names each field is read from, lower case; the first alias present wins.
const TITLE: &[&str] = &["summary", "title", "card name", "name"];
const DESCRIPTION: &[&str] = &["description", "body", "card description"];
const KIND: &[&str] = &["issue type", "type"];
const STATUS: &[&str] = &["status", "list name", "state", "list"];
const POINTS: &[&str] = &[
    "story points",
    "custom field (story points)",
    "custom field (story point estimate)",
    "estimate",
    "points",
    "size",
];
const MOSCOW: &[&str] = &["moscow"];
const PRIORITY: &[&str] = &["priority"];
const TAGS: &[&str] = &["labels", "label", "tags"];
const ASSIGNEE: &[&str] = &["assignee", "assignees", "members"];
const SPRINT: &[&str] = &["sprint", "iteration"];
const ACCEPTANCE: &[&str] = &["acceptance criteria"];
const BLOCKED: &[&str] = &["blocked"];
const CREATED: &[&str] = &["created", "created at"];
const RESOLVED: &[&str] = &["resolved"];
const KEY: &[&str] = &["issue key", "key"];
const EPIC: &[&str] = &["epic link", "custom field (epic link)"];
const BUSINESS_VALUE: &[&str] = &["business value"];
const TIME_CRITICALITY: &[&str] = &["time criticality"];
const RISK_REDUCTION: &[&str] = &["risk reduction"];
const JOB_SIZE: &[&str] = &["job size"];
const REACH: &[&str] = &["reach"];
const IMPACT: &[&str] = &["impact"];
const CONFIDENCE: &[&str] = &["confidence"];
const EFFORT: &[&str] = &["effort"];

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
        match layout.row(board, &record, id, today) {
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
struct Row {
    item: Item,
    warnings: Vec<String>,
    key: Option<String>,
    epic: Option<String>,
}

/// Gives items the parent named in their Epic Link when that epic is a row of the same file (by
/// Issue key), and returns every row's warnings in line order.
fn link_epics(rows: &mut [(u64, Row)]) -> Vec<RowIssue> {
    let keys: HashMap<String, ItemId> = rows
        .iter()
        .filter_map(|(_, r)| Some((r.key.as_ref()?.to_lowercase(), r.item.id)))
        .collect();
    let mut warnings = Vec::new();
    for (line, row) in rows.iter_mut() {
        if let Some(epic) = &row.epic {
            match keys.get(&epic.to_lowercase()) {
                Some(&parent) if parent != row.item.id => row.item.parent = Some(parent),
                _ => row.warnings.push(format!(
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

/// Where each field is in the file: column indexes, in alias order then file order.
struct Layout {
    /// Header names as written in the file (trimmed), for messages.
    names: Vec<String>,
    title: Vec<usize>,
    description: Vec<usize>,
    kind: Vec<usize>,
    status: Vec<usize>,
    points: Vec<usize>,
    moscow: Vec<usize>,
    priority: Vec<usize>,
    tags: Vec<usize>,
    assignee: Vec<usize>,
    sprint: Vec<usize>,
    acceptance: Vec<usize>,
    blocked: Vec<usize>,
    created: Vec<usize>,
    resolved: Vec<usize>,
    key: Vec<usize>,
    epic: Vec<usize>,
    wsjf: [Vec<usize>; 4],
    rice: [Vec<usize>; 4],
}

/// A non-empty, trimmed value, with the name of its column (for messages).
struct Cell<'r> {
    header: &'r str,
    value: &'r str,
}

impl Layout {
    fn new(header: &StringRecord) -> Result<Layout, CsvError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
            .map(str::to_string)
            .collect();
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        let lower = lower.as_slice();
        let find = |aliases: &[&str]| -> Vec<usize> {
            aliases
                .iter()
                .flat_map(|a| (0..lower.len()).filter(move |&i| lower[i] == *a))
                .collect()
        };
        let title = find(TITLE);
        if title.is_empty() {
            return Err(CsvError::NoTitleColumn { found: names });
        }
        Ok(Layout {
            title,
            description: find(DESCRIPTION),
            kind: find(KIND),
            status: find(STATUS),
            points: find(POINTS),
            moscow: find(MOSCOW),
            priority: find(PRIORITY),
            tags: find(TAGS),
            assignee: find(ASSIGNEE),
            sprint: find(SPRINT),
            acceptance: find(ACCEPTANCE),
            blocked: find(BLOCKED),
            created: find(CREATED),
            resolved: find(RESOLVED),
            key: find(KEY),
            epic: find(EPIC),
            wsjf: [
                find(BUSINESS_VALUE),
                find(TIME_CRITICALITY),
                find(RISK_REDUCTION),
                find(JOB_SIZE),
            ],
            rice: [find(REACH), find(IMPACT), find(CONFIDENCE), find(EFFORT)],
            names,
        })
    }

    /// The first non-empty value among `cols`.
    fn cell<'r>(&'r self, row: &'r StringRecord, cols: &[usize]) -> Option<Cell<'r>> {
        cols.iter().find_map(|&i| {
            let value = row.get(i)?.trim();
            let header = self.names.get(i)?;
            (!value.is_empty()).then_some(Cell { header, value })
        })
    }

    fn value<'r>(&'r self, row: &'r StringRecord, cols: &[usize]) -> Option<&'r str> {
        self.cell(row, cols).map(|c| c.value)
    }

    /// Every non-empty value among `cols`, in file order (Jira repeats Labels and Sprint).
    fn values<'r>(&self, row: &'r StringRecord, cols: &[usize]) -> Vec<&'r str> {
        let mut cols = cols.to_vec();
        cols.sort_unstable();
        cols.iter()
            .filter_map(|&i| row.get(i).map(str::trim))
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Builds the item for one row, or says why the row cannot be imported.
    fn row(
        &self,
        board: &Board,
        row: &StringRecord,
        id: ItemId,
        today: Date,
    ) -> Result<Row, String> {
        let mut warnings = Vec::new();
        let title = self
            .value(row, &self.title)
            .ok_or_else(|| "empty title".to_string())?;
        let status = map_status(board, self.value(row, &self.status).unwrap_or(""))?;
        let points = match self.cell(row, &self.points) {
            Some(c) => parse_points(&c, &mut warnings)?,
            None => None,
        };
        let wsjf = self.wsjf(row, &mut warnings)?;
        let rice = self.rice(row, &mut warnings)?;

        let kind = match self.value(row, &self.kind) {
            Some(v) => parse_kind(v).unwrap_or_else(|| {
                warnings.push(format!("unknown issue type \"{v}\"; imported as a story"));
                ItemKind::Story
            }),
            None => ItemKind::Story,
        };
        let mut item = Item::new(id, kind, title, status, today);
        item.description = self.value(row, &self.description).unwrap_or("").to_string();
        item.points = points;
        item.wsjf = wsjf;
        item.rice = rice;
        item.moscow = self.moscow(row, &mut warnings);
        item.tags = split_tags(&self.values(row, &self.tags));
        item.assignee = self
            .value(row, &self.assignee)
            .and_then(|v| v.split(',').map(str::trim).find(|v| !v.is_empty()))
            .unwrap_or("")
            .to_string();
        item.sprint = self.sprint(board, row, &mut warnings);
        item.acceptance = self
            .value(row, &self.acceptance)
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        item.blocked = self.value(row, &self.blocked).map(str::to_string);
        if let Some(created) = self.value(row, &self.created).and_then(parse_date) {
            item.created = created;
        }
        if item.status == board.done_column() {
            let resolved = self.value(row, &self.resolved).and_then(parse_date);
            item.done = Some(resolved.unwrap_or(today));
        }
        // The limits the forms and load keep (lengths, score ranges, dates), in their words.
        crate::model::value::check_item(&item)?;
        Ok(Row {
            item,
            warnings,
            key: self.value(row, &self.key).map(str::to_string),
            epic: self.value(row, &self.epic).map(str::to_string),
        })
    }

    /// The MoSCoW column when it has a value, else the Priority column.
    fn moscow(&self, row: &StringRecord, warnings: &mut Vec<String>) -> Option<Moscow> {
        if let Some(v) = self.value(row, &self.moscow) {
            let m = parse_moscow(v);
            if m.is_none() {
                warnings.push(format!(
                    "MoSCoW \"{v}\" is not must, should, could or won't; left unset"
                ));
            }
            return m;
        }
        let v = self.value(row, &self.priority)?;
        let m = priority_moscow(v);
        if let Err(()) = m {
            warnings.push(format!(
                "priority \"{v}\" has no MoSCoW equivalent; MoSCoW left unset"
            ));
        }
        m.ok().flatten()
    }

    /// The latest sprint named in the row that is an open sprint of the board.
    fn sprint(
        &self,
        board: &Board,
        row: &StringRecord,
        warnings: &mut Vec<String>,
    ) -> Option<SprintId> {
        let names = self.values(row, &self.sprint);
        let found = names.iter().rev().find_map(|name| {
            board
                .sprints
                .iter()
                .find(|s| {
                    s.state != SprintState::Closed
                        && s.name.trim().to_lowercase() == name.to_lowercase()
                })
                .map(|s| s.id)
        });
        if found.is_none()
            && let Some(name) = names.last()
        {
            warnings.push(format!(
                "sprint \"{name}\" is not an open sprint of this board; left in the backlog"
            ));
        }
        found
    }

    fn wsjf(&self, row: &StringRecord, warnings: &mut Vec<String>) -> Result<Option<Wsjf>, String> {
        let [bv, tc, rr, js] = &self.wsjf;
        let values = [
            self.number::<u8>(row, bv)?,
            self.number::<u8>(row, tc)?,
            self.number::<u8>(row, rr)?,
            self.number::<u8>(row, js)?,
        ];
        Ok(match values {
            [
                Some(business_value),
                Some(time_criticality),
                Some(risk_reduction),
                Some(job_size),
            ] => Some(Wsjf {
                business_value,
                time_criticality,
                risk_reduction,
                job_size,
            }),
            [None, None, None, None] => None,
            _ => {
                warnings.push(
                    "WSJF needs Business Value, Time Criticality, Risk Reduction and Job Size; \
                     left unscored"
                        .to_string(),
                );
                None
            }
        })
    }

    fn rice(&self, row: &StringRecord, warnings: &mut Vec<String>) -> Result<Option<Rice>, String> {
        let [reach, impact, confidence, effort] = &self.rice;
        let reach = self.number::<u32>(row, reach)?;
        let impact = match self.cell(row, impact) {
            Some(c) => Some(parse_impact(c.value).ok_or_else(|| {
                format!(
                    "{} \"{}\" is not Minimal, Low, Medium, High or Massive",
                    c.header, c.value
                )
            })?),
            None => None,
        };
        let confidence = match self.cell(row, confidence) {
            Some(c) => {
                let trimmed = Cell {
                    header: c.header,
                    value: c.value.trim_end_matches('%').trim_end(),
                };
                let n = number::<u8>(&trimmed)?;
                if n > 100 {
                    return Err(format!("{} \"{}\" is over 100%", c.header, c.value));
                }
                Some(n)
            }
            None => None,
        };
        let effort = self.number::<u16>(row, effort)?;
        Ok(match (reach, impact, confidence, effort) {
            (Some(reach), Some(impact), Some(confidence), Some(effort)) => Some(Rice {
                reach,
                impact,
                confidence,
                effort,
            }),
            (None, None, None, None) => None,
            _ => {
                warnings.push(
                    "RICE needs Reach, Impact, Confidence and Effort; left unscored".to_string(),
                );
                None
            }
        })
    }

    fn number<T: TryFrom<u64>>(
        &self,
        row: &StringRecord,
        cols: &[usize],
    ) -> Result<Option<T>, String> {
        self.cell(row, cols).map(|c| number(&c)).transpose()
    }
}

/// A whole number that fits `T` (`8` or `8.0`).
fn number<T: TryFrom<u64>>(c: &Cell<'_>) -> Result<T, String> {
    let n = c.value.parse::<u64>().ok().or_else(|| {
        let f = c.value.parse::<f64>().ok()?;
        // Whole, non-negative and below 2^53, so the cast is exact.
        (f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f < 1e15).then_some(f as u64)
    });
    let n = n.ok_or_else(|| format!("{} \"{}\" is not a whole number", c.header, c.value))?;
    T::try_from(n).map_err(|_| format!("{} \"{}\" is too large", c.header, c.value))
}

/// Story points on the Fibonacci scale; other numbers up to 89 round up, with a warning.
fn parse_points(c: &Cell<'_>, warnings: &mut Vec<String>) -> Result<Option<u8>, String> {
    let (header, raw) = (c.header, c.value);
    let n = raw
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("{header} \"{raw}\" is not a number"))?;
    if n < 0.0 {
        return Err(format!("{header} \"{raw}\" is negative"));
    }
    if n > 89.0 {
        return Err(format!(
            "{header} \"{raw}\" is above 89, the top of the Fibonacci scale"
        ));
    }
    // 0 ≤ n ≤ 89 here, so the cast is exact.
    let whole = n.ceil() as u32;
    let fib = fibonacci_at_least(whole)
        .ok_or_else(|| format!("{header} \"{raw}\" is above 89, the top of the Fibonacci scale"))?;
    if (f64::from(fib) - n).abs() > f64::EPSILON {
        warnings.push(format!(
            "{header} {raw} is not on the Fibonacci scale; rounded up to {fib}"
        ));
    }
    Ok(Some(fib))
}

/// Maps a status to a workflow column: by name first, then by common synonyms.
fn map_status(board: &Board, value: &str) -> Result<String, String> {
    let columns = &board.columns;
    if value.is_empty() {
        return Ok(board.first_column().to_string());
    }
    let wanted = value.to_lowercase();
    if let Some(c) = columns
        .iter()
        .find(|c| c.name.trim().to_lowercase() == wanted)
    {
        return Ok(c.name.clone());
    }
    let named = |name: &str| {
        columns
            .iter()
            .find(|c| c.name.trim().eq_ignore_ascii_case(name))
    };
    let synonym = wanted
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let column = match synonym.as_str() {
        "to do" | "todo" | "open" | "backlog" | "new" | "selected for development" => {
            columns.first()
        }
        "in progress" | "doing" | "in development" | "started" => {
            named("doing").or_else(|| columns.get(1))
        }
        "in review" | "review" | "code review" | "qa" | "testing" => {
            named("review").or_else(|| columns.len().checked_sub(2).and_then(|i| columns.get(i)))
        }
        "done" | "closed" | "resolved" | "complete" | "completed" => columns.last(),
        _ => None,
    };
    column.map(|c| c.name.clone()).ok_or_else(|| {
        let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
        format!("unknown status \"{value}\" (columns: {})", names.join(", "))
    })
}

fn parse_kind(value: &str) -> Option<ItemKind> {
    if let Some(kind) = ItemKind::parse(value) {
        return Some(kind);
    }
    match value.trim().to_lowercase().as_str() {
        "sub-task" | "subtask" | "sub task" => Some(ItemKind::Task),
        "improvement" | "new feature" | "feature" | "user story" => Some(ItemKind::Story),
        _ => None,
    }
}

/// `must`, `Must have`, `M`, `won't`, `Won’t have`…
fn parse_moscow(value: &str) -> Option<Moscow> {
    let v = value.trim().to_lowercase().replace('\u{2019}', "'");
    let v = v.strip_suffix(" have").unwrap_or(&v);
    Moscow::parse(v)
}

/// MoSCoW from a Jira or GitHub priority: `Ok(None)` for "no priority", `Err` when unknown.
fn priority_moscow(value: &str) -> Result<Option<Moscow>, ()> {
    Ok(Some(match value.trim().to_lowercase().as_str() {
        "highest" | "blocker" | "critical" | "p0" | "urgent" => Moscow::Must,
        "high" | "major" | "p1" => Moscow::Should,
        "medium" | "p2" => Moscow::Could,
        "low" | "lowest" | "minor" | "trivial" | "p3" | "p4" => Moscow::Wont,
        "" | "none" | "-" => return Ok(None),
        _ => return Err(()),
    }))
}

fn parse_impact(value: &str) -> Option<Impact> {
    crate::model::value::parse_impact(value).ok()
}

/// `YYYY-MM-DD`, or a date-time that starts with one.
fn parse_date(value: &str) -> Option<Date> {
    value.trim().get(..10)?.parse().ok()
}

/// Trello's label colours, written after a label's name: `Urgent (red)`.
const TRELLO_COLOURS: [&str; 11] = [
    "green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black", "null",
];

fn is_trello_colour(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    let base = s
        .strip_suffix("_dark")
        .or_else(|| s.strip_suffix("_light"))
        .unwrap_or(&s);
    TRELLO_COLOURS.contains(&base)
}

/// Tags from label cells: split on commas and whitespace, Trello colours dropped, duplicates
/// removed (the first stays).
fn split_tags(cells: &[&str]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for part in cells.iter().flat_map(|c| c.split(',')) {
        let mut part = part.trim();
        if let Some(open) = part.rfind('(')
            && let Some(colour) = part[open + 1..].strip_suffix(')')
            && is_trello_colour(colour)
        {
            part = &part[..open];
        }
        for tag in part.split_whitespace() {
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Counters, Sprint};
    use jiff::civil::date;
    use std::collections::BTreeMap;

    const TODAY: Date = date(2026, 3, 10);

    fn sprint(id: u32, name: &str, state: SprintState) -> Sprint {
        Sprint {
            id: SprintId(id),
            name: name.to_string(),
            goal: String::new(),
            start: date(2026, 3, 2),
            end: date(2026, 3, 15),
            capacity: 20,
            state,
            committed: None,
            remaining: BTreeMap::new(),
            completed: None,
        }
    }

    fn empty_board() -> Board {
        let mut b = Board::new("Cairn", "CRN");
        b.sprints.push(sprint(1, "Sprint 1", SprintState::Closed));
        b.sprints.push(sprint(2, "Sprint 2", SprintState::Active));
        b.counters.sprint = 3;
        b
    }

    /// A board with two items filled in as much as possible, and one bare item.
    fn full_board() -> Board {
        let mut b = empty_board();
        let mut epic = Item::new(
            ItemId(1),
            ItemKind::Epic,
            "Checkout",
            "Doing",
            date(2026, 1, 2),
        );
        epic.moscow = Some(Moscow::Must);
        epic.rice = Some(Rice {
            reach: 2000,
            impact: Impact::High,
            confidence: 80,
            effort: 3,
        });
        let mut story = Item::new(ItemId(2), ItemKind::Spike, "Pay, \"fast\"", "Done", TODAY);
        story.description = "First line\nsecond, with a comma".into();
        story.acceptance = vec!["card works".into(), "wallet works".into()];
        story.points = Some(8);
        story.moscow = Some(Moscow::Wont);
        story.wsjf = Some(Wsjf {
            business_value: 8,
            time_criticality: 5,
            risk_reduction: 2,
            job_size: 3,
        });
        story.sprint = Some(SprintId(2));
        story.assignee = "Alice Smith".into();
        story.tags = vec!["payments".into(), "ui".into()];
        story.parent = Some(ItemId(1));
        story.blocked = Some("waiting for the bank".into());
        story.created = date(2026, 2, 1);
        story.done = Some(date(2026, 3, 5));
        let bare = Item::new(ItemId(3), ItemKind::Bug, "Crash on start", "To do", TODAY);
        b.items = vec![
            std::sync::Arc::new(epic),
            std::sync::Arc::new(story),
            std::sync::Arc::new(bare),
        ];
        b.counters.item = 4;
        b
    }

    fn import(board: &Board, csv: &str) -> Import {
        plan_import(board, csv.as_bytes(), TODAY).expect("the CSV is readable")
    }

    /// The items the import would add, in order.
    fn items(import: &Import) -> Vec<Item> {
        let Edit::Batch(edits) = &import.edit else {
            panic!("not a batch: {:?}", import.edit);
        };
        edits
            .iter()
            .filter_map(|e| match e {
                Edit::InsertItem { index, item } => {
                    assert_eq!(*index, usize::MAX, "added at the bottom");
                    Some((**item).clone())
                }
                _ => None,
            })
            .collect()
    }

    fn lines(issues: &[RowIssue]) -> Vec<u64> {
        issues.iter().map(|i| i.line).collect()
    }

    #[test]
    fn export_writes_jira_headers_and_one_row_per_item() {
        let b = full_board();
        let mut out = Vec::new();
        export_items(&b, &mut out).expect("writes");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header = reader.headers().expect("header").clone();
        assert_eq!(header.iter().collect::<Vec<_>>(), EXPORT_HEADERS.to_vec());
        let rows: Vec<StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
        assert_eq!(rows.len(), 3);
        let get = |row: &StringRecord, name: &str| {
            let at = EXPORT_HEADERS
                .iter()
                .position(|h| *h == name)
                .expect("a header");
            row.get(at).expect("a field").to_string()
        };
        let (epic, story, bare) = (&rows[0], &rows[1], &rows[2]);
        assert_eq!(get(story, "Issue key"), "CRN-2");
        assert_eq!(get(story, "Issue Type"), "Spike");
        assert_eq!(get(story, "Priority"), "Low");
        assert_eq!(get(epic, "Priority"), "Highest");
        assert_eq!(get(story, "MoSCoW"), "won't");
        assert_eq!(get(story, "Labels"), "payments ui");
        assert_eq!(get(story, "Sprint"), "Sprint 2");
        assert_eq!(get(story, "Epic Link"), "CRN-1");
        assert_eq!(
            get(story, "Acceptance Criteria"),
            "card works\nwallet works"
        );
        assert_eq!(get(story, "Created"), "2026-02-01");
        assert_eq!(get(story, "Resolved"), "2026-03-05");
        assert_eq!(get(story, "WSJF"), "5.00");
        assert_eq!(get(epic, "RICE"), "1066.67");
        assert_eq!(get(epic, "Impact"), "High");
        for empty in [
            "Story Points",
            "Priority",
            "Sprint",
            "Resolved",
            "WSJF",
            "RICE",
        ] {
            assert_eq!(get(bare, empty), "", "{empty}");
        }
    }

    #[test]
    fn export_then_import_round_trips() {
        let b = full_board();
        let mut out = Vec::new();
        export_items(&b, &mut out).expect("writes");
        let imp = plan_import(&b, &out, date(2026, 4, 1)).expect("reads its own export");
        assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
        assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
        assert_eq!(imp.added, vec![ItemId(4), ItemId(5), ItemId(6)]);
        let got = items(&imp);
        for (new, old) in got.iter().zip(&b.items) {
            assert_eq!(new.title, old.title);
            assert_eq!(new.kind, old.kind);
            assert_eq!(new.status, old.status);
            assert_eq!(new.points, old.points);
            assert_eq!(new.moscow, old.moscow);
            assert_eq!(new.tags, old.tags);
            assert_eq!(new.assignee, old.assignee);
            assert_eq!(new.description, old.description);
            assert_eq!(new.acceptance, old.acceptance);
            assert_eq!(new.wsjf, old.wsjf);
            assert_eq!(new.rice, old.rice);
            assert_eq!(new.sprint, old.sprint);
            assert_eq!(new.blocked, old.blocked);
            assert_eq!(new.created, old.created);
            assert_eq!(new.done, old.done);
        }
        assert_eq!(
            got[1].parent,
            Some(ItemId(4)),
            "epic link follows the new id"
        );
        assert_eq!(got[1].updated, date(2026, 4, 1));
    }

    #[test]
    fn reads_a_jira_export() {
        let csv = "\
Summary,Issue key,Issue Type,Status,Priority,Labels,Labels,Custom field (Story Points),\
Assignee,Created,Resolved,Epic Link
Login page,PROJ-1,Story,To Do,High,auth,frontend,3.0,Alice Smith,2026-01-05 09:30,,PROJ-9
Fix crash,PROJ-2,Bug,In Progress,Highest,crash,,5,Bob,05/Jan/26 9:30 AM,,
Write docs,PROJ-3,Sub-task,Done,Lowest,docs,docs,2,,2026-01-07 11:00,2026-02-01 12:00,
Checkout,PROJ-9,Epic,Selected for Development,Medium,,,,,2026-01-01 08:00,,
Polish,PROJ-4,New Feature,Code Review,Nice to have,,,0.5,,,,PROJ-9
";
        let imp = import(&empty_board(), csv);
        assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
        let got = items(&imp);
        let kinds: Vec<ItemKind> = got.iter().map(|i| i.kind).collect();
        use ItemKind::*;
        assert_eq!(kinds, vec![Story, Bug, Task, Epic, Story]);
        let statuses: Vec<&str> = got.iter().map(|i| i.status.as_str()).collect();
        assert_eq!(statuses, vec!["To do", "Doing", "Done", "To do", "Review"]);
        let moscow: Vec<Option<Moscow>> = got.iter().map(|i| i.moscow).collect();
        use Moscow::*;
        assert_eq!(
            moscow,
            vec![Some(Should), Some(Must), Some(Wont), Some(Could), None]
        );
        assert_eq!(got[0].tags, vec!["auth", "frontend"]);
        assert_eq!(got[2].tags, vec!["docs"], "duplicates dropped");
        let points: Vec<Option<u8>> = got.iter().map(|i| i.points).collect();
        assert_eq!(points, vec![Some(3), Some(5), Some(2), None, Some(1)]);
        assert_eq!(got[0].assignee, "Alice Smith");
        assert_eq!(got[0].created, date(2026, 1, 5));
        assert_eq!(got[1].created, TODAY, "not an ISO date");
        assert_eq!((got[0].done, got[2].done), (None, Some(date(2026, 2, 1))));
        assert_eq!(
            got[0].parent,
            Some(got[3].id),
            "linked to PROJ-9 in the same file"
        );
        assert_eq!(got[4].parent, Some(got[3].id));
        let warnings: Vec<(u64, &str)> = imp
            .warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            vec![
                (
                    6,
                    "Custom field (Story Points) 0.5 is not on the Fibonacci scale; rounded up to 1"
                ),
                (
                    6,
                    "priority \"Nice to have\" has no MoSCoW equivalent; MoSCoW left unset"
                ),
            ]
        );
    }

    #[test]
    fn reads_a_github_projects_export() {
        let csv = "\
Title,URL,Assignees,Status,Labels,Estimate,Iteration,Type
Dark mode,https://github.com/o/r/issues/1,\"octocat, hubot\",Todo,\"bug, ui\",3,Sprint 2,Bug
Search,https://github.com/o/r/issues/2,,In Progress,,8,Iteration 9,
Export,https://github.com/o/r/issues/3,monalisa,Done,\"enhancement ui, ui\",,,Chore
";
        let imp = import(&empty_board(), csv);
        assert!(imp.skipped.is_empty(), "{:?}", imp.skipped);
        let got = items(&imp);
        assert_eq!(got[0].title, "Dark mode");
        assert_eq!(got[0].kind, ItemKind::Bug);
        assert_eq!(got[0].assignee, "octocat");
        assert_eq!(got[0].tags, vec!["bug", "ui"]);
        assert_eq!(got[0].sprint, Some(SprintId(2)));
        assert_eq!(got[0].points, Some(3));
        assert_eq!(got[1].status, "Doing");
        assert_eq!(got[1].sprint, None);
        assert_eq!(got[1].kind, ItemKind::Story);
        assert_eq!(got[2].status, "Done");
        assert_eq!(got[2].done, Some(TODAY));
        assert_eq!(got[2].tags, vec!["enhancement", "ui"]);
        assert_eq!(lines(&imp.warnings), vec![3, 4]);
        assert!(
            imp.warnings[0].message.contains("\"Iteration 9\""),
            "{:?}",
            imp.warnings
        );
        assert_eq!(
            imp.warnings[1].message,
            "unknown issue type \"Chore\"; imported as a story"
        );
    }

    #[test]
    fn reads_a_trello_export() {
        let csv = "\
\u{feff}Card ID,Card Name,Card URL,Card Description,Labels,Members,List ID,List Name,Board Name
c1,Plan launch,https://trello.com/c/1,\"Line one
Line two\",\"Marketing (green), Urgent (red_dark), (sky)\",\"Dana, Eve\",l1,doing,Launch
c2,Book venue,https://trello.com/c/2,,,,l2,Backlog,Launch
c3,Retro,https://trello.com/c/3,,,,l3,Icebox,Launch
";
        let imp = import(&empty_board(), csv);
        let got = items(&imp);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].title, "Plan launch");
        assert_eq!(got[0].description, "Line one\nLine two");
        assert_eq!(got[0].tags, vec!["Marketing", "Urgent"]);
        assert_eq!(got[0].assignee, "Dana");
        assert_eq!(got[0].status, "Doing");
        assert_eq!(got[1].status, "To do");
        assert_eq!(
            imp.skipped,
            vec![RowIssue {
                line: 5,
                message: "unknown status \"Icebox\" (columns: To do, Doing, Review, Done)".into()
            }]
        );
    }

    #[test]
    fn bad_rows_are_skipped_with_their_line_and_reason() {
        let csv = "\
Summary,Status,Story Points
Good one,To do,3
Bad points,To do,abc
Odd status,Blocked-ish,1
Too few,To do
,To do,2
\"Two
lines\",Doing,4
Too big,Review,100
Negative,Review,-1
";
        let imp = import(&empty_board(), csv);
        let skipped: Vec<(u64, &str)> = imp
            .skipped
            .iter()
            .map(|s| (s.line, s.message.as_str()))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (3, "Story Points \"abc\" is not a number"),
                (
                    4,
                    "unknown status \"Blocked-ish\" (columns: To do, Doing, Review, Done)"
                ),
                (5, "has 2 fields, the header has 3"),
                (6, "empty title"),
                (
                    9,
                    "Story Points \"100\" is above 89, the top of the Fibonacci scale"
                ),
                (10, "Story Points \"-1\" is negative"),
            ]
        );
        let got = items(&imp);
        let titles: Vec<&str> = got.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, vec!["Good one", "Two\nlines"]);
        assert_eq!(got[1].points, Some(5), "4 rounds up to 5");
        assert_eq!(
            imp.warnings,
            vec![RowIssue {
                line: 7,
                message: "Story Points 4 is not on the Fibonacci scale; rounded up to 5".into()
            }]
        );
    }

    #[test]
    fn bad_scores_skip_the_row_and_half_scores_warn() {
        let csv = "\
Summary,Business Value,Time Criticality,Risk Reduction,Job Size,Reach,Impact,Confidence,Effort
Bad value,8,x,1,1,,,,
Bad impact,,,,,10,Huge,50,1
Too sure,,,,,10,High,150,1
Half,8,,,,,,,
Percent,,,,,10,massive,80%,2
";
        let imp = import(&empty_board(), csv);
        let skipped: Vec<(u64, &str)> = imp
            .skipped
            .iter()
            .map(|s| (s.line, s.message.as_str()))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (2, "Time Criticality \"x\" is not a whole number"),
                (
                    3,
                    "Impact \"Huge\" is not Minimal, Low, Medium, High or Massive"
                ),
                (4, "Confidence \"150\" is over 100%"),
            ]
        );
        let got = items(&imp);
        assert_eq!(got[0].wsjf, None);
        assert_eq!(lines(&imp.warnings), vec![5]);
        assert_eq!(
            got[1].rice,
            Some(Rice {
                reach: 10,
                impact: Impact::Massive,
                confidence: 80,
                effort: 2
            })
        );
    }

    #[test]
    fn applying_the_import_adds_the_good_rows_at_the_bottom() {
        let mut b = full_board();
        let before = b.clone();
        let imp = import(
            &b,
            "Name,List,Size,Sprint\nOne,Review,2,sprint 2\nTwo,,,Sprint 1\nBad,Nowhere,,\n",
        );
        assert_eq!(imp.added, vec![ItemId(4), ItemId(5)]);
        assert_eq!(lines(&imp.skipped), vec![4]);
        assert_eq!(lines(&imp.warnings), vec![3], "Sprint 1 is closed");
        let undo = b.apply(imp.edit).expect("applies");
        let ids: Vec<u32> = b.items.iter().map(|i| i.id.0).collect();
        assert_eq!(ids, vec![1, 2, 3, 4, 5]);
        assert_eq!(b.counters.item, 6);
        assert_eq!(b.items[3].status, "Review");
        assert_eq!(b.items[3].sprint, Some(SprintId(2)));
        assert_eq!(b.items[4].status, "To do");
        assert!(b.validate().is_empty(), "{:?}", b.validate());
        b.apply(undo).expect("undoes");
        assert_eq!(b, before);
    }

    #[test]
    fn status_synonyms_fall_back_to_positions() {
        let mut b = Board::new("Custom", "CU");
        b.columns = ["Ideas", "Building", "Checking", "Shipped"]
            .map(|n| crate::model::Column::new(n, None))
            .to_vec();
        let imp = import(
            &b,
            "Title,State\na,open\nb,in-progress\nc,QA\nd,closed\ne,SHIPPED\n",
        );
        let statuses: Vec<String> = items(&imp).into_iter().map(|i| i.status).collect();
        assert_eq!(
            statuses,
            vec!["Ideas", "Building", "Checking", "Shipped", "Shipped"]
        );
    }

    #[test]
    fn nothing_to_import_is_not_an_error() {
        let b = full_board();
        let imp = import(&b, "Summary,Status\n,To do\n");
        assert!(imp.added.is_empty());
        assert_eq!(imp.edit, Edit::Batch(Vec::new()));
        assert_eq!(lines(&imp.skipped), vec![2]);
        let imp = import(&b, "Summary\n");
        assert!(imp.added.is_empty() && imp.skipped.is_empty());
    }

    #[test]
    fn unreadable_files_are_errors() {
        let b = empty_board();
        let err = plan_import(&b, b"Summary,Status\nok,To do\nbad \xff,To do\n", TODAY)
            .expect_err("not UTF-8");
        assert!(matches!(err, CsvError::Parse { line: 3, .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("line 3: field 1 is not valid UTF-8"),
            "{err}"
        );

        let err = plan_import(&b, b"Key, Status ,Points\n", TODAY).expect_err("no title");
        assert_eq!(
            err.to_string(),
            "no title column: expected one of Summary, Title, Card Name or Name; \
             the header has \"Key\", \"Status\", \"Points\""
        );
        assert!(matches!(plan_import(&b, b"", TODAY), Err(CsvError::Empty)));
    }

    #[test]
    fn ids_continue_from_the_counters() {
        let mut b = empty_board();
        b.counters = Counters {
            item: 40,
            ..Counters::default()
        };
        let imp = import(&b, " SUMMARY \nx\ny\n");
        assert_eq!(imp.added, vec![ItemId(40), ItemId(41)]);
        let Edit::Batch(edits) = &imp.edit else {
            panic!("not a batch");
        };
        assert_eq!(
            edits.first(),
            Some(&Edit::SetCounters(Counters {
                item: 42,
                ..Counters::default()
            }))
        );
    }
}
