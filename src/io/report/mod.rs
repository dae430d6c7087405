//! The Markdown status report a project manager pastes into an email or a wiki page.
//!
//! Pure: it reads a board and "today" and returns text, the same text for the same input. It
//! embeds two charts as Mermaid (`charts.rs`, `mermaid.rs`): the active sprint's burndown and the
//! timeline; `html_report_since` gives the same report as one HTML page, the charts as SVG. The
//! Markdown is plain enough to read as text: short paragraphs, bullet lists and GitHub-flavoured
//! tables whose columns are padded so they line up in a monospaced font. Free text that lands in a
//! table cell has its line breaks collapsed and its `|` escaped, so no title can break a table.

//!
//! `write_report` is the one function here that touches the disk: the `r` key in the stakeholders
//! pane keeps each report under `<board dir>/reports/<board>-status-<date>.md` (`-2`, `-3` for
//! more the same day), and the board's newest one before today is "the last report" the decisions
//! and requests are counted from.

pub mod charts;
mod due;
mod epics;
mod health;
mod html;
mod markdown;
mod mermaid;
mod people;
mod plan;
mod svg;
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
    let blocks: Vec<String> = report_blocks(board, today, last_report)
        .iter()
        .map(|b| match b {
            Block::Text(text) => text.clone(),
            Block::Gantt(g) => mermaid::gantt(g),
            Block::Burndown(b) => mermaid::burndown(b),
        })
        .collect();
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The status report as one self-contained HTML page: the same blocks as the Markdown report,
/// the charts drawn as inline SVG.
pub fn html_report_since(board: &Board, today: Date, last_report: Option<Date>) -> String {
    let title = format!("{} — status report {today}", board.project.name);
    html::page(&title, &report_blocks(board, today, last_report))
}

/// A piece of the report: Markdown text, or a chart each format draws its own way.
enum Block {
    Text(String),
    Gantt(charts::Gantt),
    Burndown(charts::Burndown),
}

/// The report's blocks in order: the charts follow the sprint's numbers and open the timeline.
fn report_blocks(board: &Board, today: Date, last_report: Option<Date>) -> Vec<Block> {
    let text = |blocks: Vec<String>| blocks.into_iter().map(Block::Text);
    let mut blocks = Vec::new();
    blocks.extend(text(title(board, today)));
    blocks.extend(text(sprint_section(board, today)));
    blocks.extend(charts::Burndown::of(board, today).map(Block::Burndown));
    blocks.extend(text(due::due_section(board, today)));
    if let Some(g) = charts::Gantt::of(board, today) {
        blocks.push(Block::Text("## Timeline".to_string()));
        blocks.push(Block::Gantt(g));
    }
    blocks.extend(text(milestones_section(board, today)));
    blocks.extend(text(budget_section(board, today)));
    blocks.extend(text(health::health_section(board, today)));
    blocks.extend(text(risks_section(board)));
    blocks.extend(text(epics::epics_section(board)));
    blocks.extend(text(backlog_section(board)));
    blocks.extend(text(decisions_section(board, today, last_report)));
    blocks.extend(text(stakeholders_section(board, today)));
    blocks
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
