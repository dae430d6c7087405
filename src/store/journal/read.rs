//! A journal left by a run that did not end cleanly (a crash, a `kill -9`, a power cut), read and
//! replayed onto the board as the file has it now.

use super::{Line, VERSION, decode, journal_path};
use crate::model::replay::{self, Report};
use crate::model::words::count;
use crate::model::{Board, Edit};
use std::fs::OpenOptions;
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// What replaying a journal did.
#[derive(Debug, Default)]
pub struct Recovered {
    /// The journal named the file as it is: its edits were replayed exactly as they were made.
    pub exact: bool,
    pub report: Report,
    /// A torn last line (a write the crash interrupted) was cut off.
    pub torn: bool,
    /// Lines past a damaged one, as they were: kept, not replayed.
    pub unreadable: Vec<String>,
}

impl Recovered {
    /// The board differs from the file.
    pub fn changed(&self) -> bool {
        self.report.applied + self.report.merged > 0
    }

    /// Something must go to a recovery file.
    pub fn has_rejects(&self) -> bool {
        !self.report.refused.is_empty() || !self.unreadable.is_empty()
    }

    /// "1 change that no longer applies", "3 changes that no longer apply": what was not replayed
    /// (refused or unreadable), `None` when everything was.
    pub fn rejects(&self) -> Option<String> {
        let n = self.report.refused.len() + self.unreadable.len();
        let verb = if n == 1 { "applies" } else { "apply" };
        (n > 0).then(|| format!("{} that no longer {verb}", count(n, "change")))
    }

    /// One sentence for the status bar or stderr.
    pub fn describe(&self, board: &Path, rejected: Option<&Path>) -> String {
        let r = &self.report;
        let name = board.file_name().map_or_else(
            || board.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let mut said = if self.exact {
            format!(
                "Recovered {} from the journal: cairn stopped before {name} was saved",
                count(r.applied, "change")
            )
        } else {
            let mut s = format!(
                "{name} changed while cairn was not running: {} from the journal replayed onto it",
                count(r.applied + r.merged, "change")
            );
            if r.merged > 0 {
                s.push_str(&format!(" ({} merged with the file's)", r.merged));
            }
            if r.already > 0 {
                s.push_str(&format!(", {} already there", r.already));
            }
            s
        };
        if !r.conflicts.is_empty() {
            said.push_str(&format!(
                "; {} to decide on the conflicts screen",
                count(r.conflicts.len(), "conflict")
            ));
        }
        if let Some(rejects) = self.rejects() {
            let kept = rejected.map_or_else(
                || "could not be kept in a file (see the log)".to_string(),
                |p| format!("kept in {}", p.display()),
            );
            let why = r
                .refused
                .first()
                .map_or_else(|| "unreadable".to_string(), |(why, _)| why.clone());
            said.push_str(&format!("; {rejects} ({why}): {kept}"));
        }
        if self.torn {
            said.push_str(
                "; a last change the crash cut in half was dropped (it was never shown as saved)",
            );
        }
        said
    }
}

/// Reads the journal beside `path` and replays it onto `board`, whose file holds `len` bytes with
/// xxh3 `hash`. `None` when there is no journal or it holds no change. Nothing is written.
pub fn recover(path: &Path, board: &mut Board, len: u64, hash: u64) -> Option<Recovered> {
    let bytes = read_journal(&journal_path(path)).ok()?;
    let mut rec = Recovered::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut parts = bytes.split(|b| *b == b'\n').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        if last {
            // What follows the last newline: empty, or a line the crash cut short.
            rec.torn = !part.is_empty();
            break;
        }
        match std::str::from_utf8(part).ok().and_then(decode) {
            Some(line) => lines.push(line),
            None if parts.peek().is_some_and(|p| p.is_empty()) => {
                rec.torn = true; // the last whole-looking line is damaged: cut off like a torn one
            }
            None => {
                rec.unreadable
                    .push(String::from_utf8_lossy(part).into_owned());
                rec.unreadable.extend(
                    parts
                        .filter(|p| !p.is_empty())
                        .map(|p| String::from_utf8_lossy(p).into_owned()),
                );
                break;
            }
        }
    }
    match lines.first() {
        Some(Line::Board { version, .. }) if *version == VERSION => {}
        Some(_) => {
            // Another format (a newer cairn's journal): kept whole, not replayed.
            rec.unreadable = String::from_utf8_lossy(&bytes)
                .lines()
                .map(str::to_string)
                .collect();
            return Some(rec);
        }
        None if rec.unreadable.is_empty() => return None,
        None => return Some(rec),
    }
    // The last line naming the file as it is now: the edits after it are exactly what is missing.
    let anchor = lines.iter().enumerate().rev().find_map(|(at, l)| match *l {
        Line::Board {
            len: l, hash: h, ..
        } if (l, h) == (len, hash) => Some((at, 0)),
        Line::Saving {
            rev,
            len: l,
            hash: h,
        } if (l, h) == (len, hash) => Some((at, rev)),
        _ => None,
    });
    rec.exact = anchor.is_some();
    let (from, after) = anchor.unwrap_or_else(|| {
        // Changed since: what the last completed save did not cover.
        let saved = lines.iter().rev().find_map(|l| match l {
            Line::Saved { rev } => Some(*rev),
            _ => None,
        });
        (0, saved.unwrap_or(0))
    });
    let edits = lines.into_iter().skip(from).filter_map(|l| match l {
        Line::Edit { rev, edit, undo } if rev > after => Some((edit, undo)),
        _ => None,
    });
    for (edit, undo) in edits {
        if rec.exact {
            let kept = edit.clone();
            match board.apply(edit) {
                Ok(_) => rec.report.applied += 1,
                Err(e) => rec.report.refused.push((e.to_string(), kept)),
            }
        } else {
            replay::onto_changed(board, edit, undo, &mut rec.report);
        }
    }
    let conflicts = std::mem::take(&mut rec.report.conflicts);
    for c in &conflicts {
        if !board.conflicts.contains(c) {
            board.conflicts.push(c.clone());
        }
    }
    rec.report.conflicts = conflicts;
    (rec.report.total() > 0 || rec.has_rejects() || rec.torn).then_some(rec)
}

/// The journal's bytes, never through a link and never blocking on a FIFO planted there.
fn read_journal(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes what could not be replayed to a new `<stem>.journal-rejected-<time>.ron` beside the
/// board: each change as cairn keeps it, after a comment saying why it no longer applies.
pub fn reject(path: &Path, rec: &Recovered) -> Result<Option<PathBuf>, String> {
    if !rec.has_rejects() {
        return Ok(None);
    }
    let mut text = format!(
        "// Changes from the journal of {} that could not be replayed onto the board as it is now.\n\
         // Each is a cairn edit (RON), after why it no longer applies; nothing else was lost.\n",
        path.display()
    );
    let pretty = ron::ser::PrettyConfig::new();
    for (why, edit) in &rec.report.refused {
        let body = ron::ser::to_string_pretty::<Edit>(edit, pretty.clone())
            .unwrap_or_else(|e| format!("(cannot be written: {e})"));
        text.push_str(&format!("\n// {why}\n{body}\n"));
    }
    if !rec.unreadable.is_empty() {
        text.push_str("\n// Lines of the journal that could not be read, as they were:\n");
        for line in &rec.unreadable {
            text.push_str(&format!("// {line}\n"));
        }
    }
    let stem = path
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy());
    let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    for n in 1..=20 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let out = path.with_file_name(format!("{stem}.journal-rejected-{time}{suffix}.ron"));
        match super::super::beside::write_new_beside(path, &out, text.as_bytes()) {
            Ok(()) => return Ok(Some(out)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: {e}", out.display())),
        }
    }
    Err("no free name for the rejected changes".to_string())
}
