//! The Markdown status report a project manager pastes into an email or a wiki page.
//!
//! Pure: it reads a board and "today" and returns text, the same text for the same input. The
//! Markdown is plain enough to read as text: short paragraphs, bullet lists and GitHub-flavoured
//! tables whose columns are padded so they line up in a monospaced font. Free text that lands in a
//! table cell has its line breaks collapsed and its `|` escaped, so no title can break a table.

//!
//! `write_report` is the one function here that touches the disk: the `r` key in the stakeholders
//! pane keeps each report under `<board dir>/reports/<board>-status-<date>.md` (`-2`, `-3` for
//! more the same day), and the board's newest one before today is "the last report" the decisions
//! and requests are counted from.

mod due;
mod epics;
mod health;
mod markdown;
mod people;
mod plan;
#[cfg(test)]
mod tests;

use crate::model::Board;
use jiff::civil::Date;
use people::{decisions_section, stakeholders_section};
use plan::{
    backlog_section, budget_section, milestones_section, risks_section, sprint_section, title,
};
use std::path::{Path, PathBuf};

/// Without an earlier report, decisions and requests dated this many days before today, or later
/// up to today, are listed.
pub const RECENT_DAYS: i64 = 30;

/// How many closed sprints velocity (and the milestone forecast) is averaged over.
pub const VELOCITY_SPRINTS: usize = 3;

/// How many not-done backlog items the report lists.
pub const TOP_ITEMS: usize = 10;

/// Table columns are padded to line up, but never wider than this: a long cell just makes its own
/// row longer instead of widening every row.
const PAD_CAP: usize = 40;

/// The stakeholder status report for `board` on `today`, as Markdown ending in a newline; decisions
/// and requests of the last `RECENT_DAYS` days.
pub fn status_report(board: &Board, today: Date) -> String {
    status_report_since(board, today, None)
}

/// The status report, with the decisions and requests noted since `last_report` (that day
/// included, so nothing falls between two reports), or of the last `RECENT_DAYS` days without one.
pub fn status_report_since(board: &Board, today: Date, last_report: Option<Date>) -> String {
    let mut blocks = Vec::new();
    blocks.extend(title(board, today));
    blocks.extend(sprint_section(board, today));
    blocks.extend(due::due_section(board, today));
    blocks.extend(milestones_section(board, today));
    blocks.extend(budget_section(board, today));
    blocks.extend(health::health_section(board, today));
    blocks.extend(risks_section(board));
    blocks.extend(epics::epics_section(board));
    blocks.extend(backlog_section(board));
    blocks.extend(decisions_section(board, today, last_report));
    blocks.extend(stakeholders_section(board, today));
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write the report to {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where reports of the board in `board_file` are kept: `reports/` beside it.
pub fn reports_dir(board_file: &Path) -> PathBuf {
    match board_file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join("reports"),
        _ => PathBuf::from("reports"),
    }
}

/// The name every report of the board starts with: `<board stem>-status-`.
fn prefix(board_file: &Path) -> String {
    let stem = board_file
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy());
    format!("{stem}-status-")
}

/// The file the `nth` report of `day` is written to: `reports/<board>-status-<day>.md`, then
/// `…-<day>-2.md`, `…-<day>-3.md` for more the same day.
pub fn report_file(board_file: &Path, day: Date, nth: u32) -> PathBuf {
    let suffix = if nth > 1 {
        format!("-{nth}")
    } else {
        String::new()
    };
    reports_dir(board_file).join(format!("{}{day}{suffix}.md", prefix(board_file)))
}

/// The day of a report file's name: the board's own (`<board>-status-<day>[-n].md`) or one an
/// older cairn wrote before reports carried the board's name (`status-<day>.md`).
fn report_day(name: &str, prefix: &str) -> Option<Date> {
    let rest = name
        .strip_prefix(prefix)
        .or_else(|| name.strip_prefix("status-"))?
        .strip_suffix(".md")?;
    let (day, nth) = rest.split_at_checked(10)?;
    let counted = nth.is_empty()
        || nth
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    counted.then(|| day.parse::<Date>().ok()).flatten()
}

/// The date of the board's newest report from before `today`, if any.
pub fn last_report(board_file: &Path, today: Date) -> Option<Date> {
    let prefix = prefix(board_file);
    std::fs::read_dir(reports_dir(board_file))
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| report_day(e.file_name().to_str()?, &prefix))
        .filter(|d| *d < today)
        .max()
}

/// A report written: where, and how many of the board's reports of that day there now are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub nth: u32,
}

impl Written {
    /// `Report written to reports/…`, saying when it is not the day's first (the earlier ones are
    /// kept); the folder is the one beside the board, so the short path says where.
    pub fn describe(&self) -> String {
        let name = self.path.file_name().map(Path::new).unwrap_or(&self.path);
        let path = Path::new("reports").join(name);
        let path = path.display();
        match self.nth {
            1 => format!("Report written to {path}"),
            2 => format!("Report written to {path} (1st kept)"),
            _ => format!("Report written to {path} (earlier ones kept)"),
        }
    }
}

/// The most reports of one board kept for one day; more is a mistake (a key held down).
const PER_DAY: u32 = 99;

/// Writes today's report beside the board, never over an earlier one (a second one the same day is
/// `…-2.md`), with the board's mode and owner, atomically as the store writes the board.
pub fn write_report(board_file: &Path, board: &Board, today: Date) -> Result<Written, ReportError> {
    let dir = reports_dir(board_file);
    let failed = |path: &Path, source| ReportError::Write {
        path: path.to_path_buf(),
        source,
    };
    crate::store::make_dir_beside(board_file, &dir).map_err(|e| failed(&dir, e))?;
    let text = status_report_since(board, today, last_report(board_file, today));
    for nth in 1..=PER_DAY {
        let path = report_file(board_file, today, nth);
        match crate::store::write_new_beside(board_file, &path, text.as_bytes()) {
            Ok(()) => return Ok(Written { path, nth }),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(failed(&path, e)),
        }
    }
    let path = report_file(board_file, today, PER_DAY);
    Err(failed(
        &path,
        std::io::Error::other(format!("{PER_DAY} reports today already")),
    ))
}
