//! The subcommands and flags for the tools around cairn: `check --quiet`/`--json` for scripts and
//! CI, `export --output` (atomic), `completions` and `man`.

use super::{Failure, out};
use crate::store::{self, StoreError};
use serde::Serialize;
use std::path::Path;

/// How `cairn check` says its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckOutput {
    /// Lines for people: the board's summary and `ok` on stdout, problems on stderr.
    Text,
    /// Nothing at all: the exit code says it.
    Quiet,
    /// One JSON object on stdout, whatever the result.
    Json,
}

/// `cairn check --json`'s answer.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub ok: bool,
    pub path: String,
    pub errors: Vec<CheckError>,
}

/// One problem: where in the file (when it has a place) and what.
#[derive(Debug, Serialize)]
pub struct CheckError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl CheckError {
    fn said(message: impl Into<String>) -> CheckError {
        CheckError {
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

/// The problems of a board that did not load, each with its place in the file when it has one.
fn errors_of(path: &Path, e: &StoreError) -> Vec<CheckError> {
    match e {
        StoreError::Parse {
            line, col, message, ..
        } => vec![CheckError {
            line: Some(*line),
            column: Some(*col),
            message: message.clone(),
        }],
        StoreError::Invalid { problems, .. } => {
            problems.iter().map(|p| CheckError::said(&p.0)).collect()
        }
        // The path is the report's own field; the message says the rest.
        e => {
            let said = e.to_string();
            let path = format!("{}: ", path.display());
            vec![CheckError::said(said.strip_prefix(&path).unwrap_or(&said))]
        }
    }
}

/// `cairn check` in each of its outputs; exit 1 when the board is not sound or a merge left
/// conflicts to resolve.
pub fn check(path: &Path, how: CheckOutput) -> Result<(), Failure> {
    let read = store::read_with_journal(path);
    if how == CheckOutput::Text {
        return super::check_text(path, read);
    }
    let errors = match &read {
        Err(e) => errors_of(path, e),
        Ok((board, _)) => board
            .conflicts
            .iter()
            .map(|c| {
                CheckError::said(format!(
                    "unresolved merge conflict: {}",
                    crate::gitmerge::conflict_line(c)
                ))
            })
            .collect(),
    };
    // Freed with the process, not item by item (a sixth of `check` at 100k).
    std::mem::forget(read);
    let ok = errors.is_empty();
    if how == CheckOutput::Json {
        let report = CheckReport {
            ok,
            path: path.display().to_string(),
            errors,
        };
        let mut json = serde_json::to_string_pretty(&report)
            .map_err(|e| Failure::data(format!("cannot write the JSON: {e}")))?;
        json.push('\n');
        out(&json)?;
    }
    if ok {
        Ok(())
    } else {
        Err(Failure {
            lines: Vec::new(),
            code: 1,
        })
    }
}

/// An export's text to stdout, or to `output` atomically: a temp file beside it, renamed over, so
/// a failed write leaves the file as it was (or nothing), never a partial export.
pub fn deliver(text: &str, output: Option<&Path>) -> Result<(), Failure> {
    let Some(path) = output else {
        return out(text);
    };
    if path.as_os_str().is_empty() {
        return Err(Failure::usage("error: --output needs a file name"));
    }
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(Failure::data(format!(
            "{}: a directory; --output needs a file name (nothing was written)",
            path.display()
        )));
    }
    store::write_over(path, text.as_bytes()).map_err(|e| {
        Failure::data(format!(
            "{}: cannot write the export: {e} (nothing was written)",
            path.display()
        ))
    })
}

/// `cairn completions SHELL`: the completion script on stdout.
pub fn completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    use clap::CommandFactory;
    let mut cmd = crate::cli::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "cairn", &mut buf);
    out(&String::from_utf8_lossy(&buf))
}

/// `cairn man`: the man page (roff) on stdout.
pub fn man() -> Result<(), Failure> {
    use clap::CommandFactory;
    // The page's NAME line is `cairn \- <about>`: the about without its own leading name.
    let cmd = crate::cli::Cli::command().about(
        "a keyboard-first planning board in the terminal: backlog, sprint board, timeline and \
         stakeholder notes in one file",
    );
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .map_err(|e| Failure::data(format!("cannot write the man page: {e}")))?;
    out(&String::from_utf8_lossy(&buf))
}
