//! The Markdown status report a project manager pastes into an email or a wiki page.
//!
//! Pure: it reads a board and "today" and returns text, the same text for the same input. The
//! Markdown is plain enough to read as text: short paragraphs, bullet lists and GitHub-flavoured
//! tables whose columns are padded so they line up in a monospaced font. Free text that lands in a
//! table cell has its line breaks collapsed and its `|` escaped, so no title can break a table.

//!
//! `write_report` is the one function here that touches the disk: the `r` key in the stakeholders
//! pane keeps each report under `<board dir>/reports/status-<date>.md`, and the newest one before
//! today is "the last report" the decisions and requests are counted from.

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
    blocks.extend(milestones_section(board, today));
    blocks.extend(budget_section(board, today));
    blocks.extend(risks_section(board));
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

/// The file a report of `day` is written to.
pub fn report_file(board_file: &Path, day: Date) -> PathBuf {
    reports_dir(board_file).join(format!("status-{day}.md"))
}

/// The date of the newest report in `dir` from before `today` (`status-YYYY-MM-DD.md`), if any.
pub fn last_report(dir: &Path, today: Date) -> Option<Date> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name();
            let day = name
                .to_str()?
                .strip_prefix("status-")?
                .strip_suffix(".md")?;
            day.parse::<Date>().ok()
        })
        .filter(|d| *d < today)
        .max()
}

/// Writes today's report beside the board (replacing one written earlier today) and returns its
/// path. Written to a temp file and renamed, so a reader never sees half a report.
pub fn write_report(board_file: &Path, board: &Board, today: Date) -> Result<PathBuf, ReportError> {
    let dir = reports_dir(board_file);
    let path = report_file(board_file, today);
    let failed = |source| ReportError::Write {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(failed)?;
    let text = status_report_since(board, today, last_report(&dir, today));
    let mut tmp = tempfile::Builder::new()
        .prefix(".status-")
        .suffix(".md.tmp")
        .tempfile_in(&dir)
        .map_err(failed)?;
    std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(failed)?;
    tmp.persist(&path).map_err(|e| failed(e.error))?;
    Ok(path)
}
