//! The edit journal, `.board.ron.journal` beside the board: every change of a run appended as one
//! line (the `Edit` and its inverse) and made durable with `fdatasync` before the screen says
//! saved, while the board file itself is rewritten in the background as before. The editor
//! swap-file idea with SQLite's discipline:
//!
//! - the first line names the board file's contents the edits apply to (length and xxh3);
//! - every line carries the xxh3 of its text, so a torn last line (a crash mid-write) is told from
//!   a whole one and cut off, never a reason to refuse the board;
//! - before a save replaces the board file, a `Saving` line names the contents it writes, and once
//!   the rename is done a `Saved` line follows: a start finds the last line naming the file as it
//!   is and replays only the edits after it, exactly;
//! - a file changed since (a `git pull` while cairn was not running) gets the edits after the last
//!   completed save replayed as operations (`model::replay`), and what no longer applies is kept
//!   in a recovery file beside the board, never dropped;
//! - on a clean quit, once the board is saved, the journal is removed.
//!
//! Only the holder of the board's lock writes it; it takes the board's mode and owner, and
//! `cairn git setup` keeps it out of git.

mod read;

pub use read::{Recovered, recover, reject};

use super::atomic::{self, Faults, Like, Target};
use crate::model::Edit;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The journal's format; a journal of another version is kept aside, not replayed.
pub const VERSION: u32 = 1;

/// Past this size the journal is rewritten after a save with only what the save did not cover.
const COMPACT_AT: u64 = 8 << 20;

/// `.board.ron.journal` beside `board.ron`.
pub fn journal_path(board: &Path) -> PathBuf {
    let name = board
        .file_name()
        .map_or_else(|| "board".into(), |n| n.to_string_lossy());
    board.with_file_name(format!(".{name}.journal"))
}

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Line {
    /// The first line: the board file's contents the edits apply to.
    Board { version: u32, len: u64, hash: u64 },
    /// A change made at revision `rev` of the run, and the edit that undid it then (the base of a
    /// replay onto a changed file).
    Edit { rev: u64, edit: Edit, undo: Edit },
    /// The board file is about to be replaced by the save of revision `rev`, with these contents.
    Saving { rev: u64, len: u64, hash: u64 },
    /// That save is in place.
    Saved { rev: u64 },
}

/// The text of a line: the xxh3 of its RON, a space, the RON (one line: RON escapes newlines in
/// strings), a newline.
pub fn encode(line: &Line) -> Result<String, ron::Error> {
    let body = ron::to_string(line)?;
    Ok(format!(
        "{:016x} {body}\n",
        xxhash_rust::xxh3::xxh3_64(body.as_bytes())
    ))
}

/// The line in `text` (without its newline), if it is whole and unchanged.
pub fn decode(text: &str) -> Option<Line> {
    let (sum, body) = text.split_once(' ')?;
    let sum = u64::from_str_radix(sum, 16).ok()?;
    (sum == xxhash_rust::xxh3::xxh3_64(body.as_bytes()))
        .then(|| ron::from_str(body).ok())
        .flatten()
}

/// The journal of this run, for the board whose contents on disk are `len`/`hash`.
#[derive(Debug)]
pub struct Journal {
    board: PathBuf,
    path: PathBuf,
    base: (u64, u64),
    file: Option<File>,
    /// Edit lines since the last completed save: what a compaction keeps.
    kept: Vec<(u64, String)>,
    size: u64,
    /// Stopped: the board went to a conflict copy, which the journal does not follow.
    off: bool,
    faults: Faults,
}

impl Journal {
    /// The journal for `board` as it is on disk now; nothing is written until the first edit.
    pub fn new(board: &Path, len: u64, hash: u64) -> Journal {
        Journal {
            board: board.to_path_buf(),
            path: journal_path(board),
            base: (len, hash),
            file: None,
            kept: Vec::new(),
            size: 0,
            off: false,
            faults: Faults::default(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Tests: the Nth file operation of each following write fails as if the disk were full.
    pub fn inject_faults(&mut self, faults: Faults) {
        self.faults = faults;
    }

    /// Appends changes and makes them durable; false when the journal is stopped (nothing written).
    pub fn append(&mut self, entries: Vec<(u64, Edit, Edit)>) -> io::Result<bool> {
        if self.off {
            return Ok(false);
        }
        let mut text = String::new();
        let mut lines = Vec::with_capacity(entries.len());
        for (rev, edit, undo) in entries {
            let line = encode(&Line::Edit { rev, edit, undo }).map_err(io::Error::other)?;
            text.push_str(&line);
            lines.push((rev, line));
        }
        self.write_durably(&text)?;
        self.kept.extend(lines);
        Ok(true)
    }

    /// Says, before the board file is replaced by the save of `rev`, what it will hold.
    pub fn saving(&mut self, rev: u64, len: u64, hash: u64) -> io::Result<()> {
        if self.off || self.file.is_none() {
            return Ok(()); // no edits journaled: nothing a start would replay
        }
        let line = encode(&Line::Saving { rev, len, hash }).map_err(io::Error::other)?;
        self.write_durably(&line)
    }

    /// The save of `rev` is in place with these contents: what it covers is not needed any more.
    pub fn saved(&mut self, rev: u64, len: u64, hash: u64) -> io::Result<()> {
        self.base = (len, hash);
        self.kept.retain(|(r, _)| *r > rev);
        if self.off {
            // Stopped after a failed write: the board file now holds what it had, and more.
            return self.remove();
        }
        if self.file.is_none() {
            return Ok(());
        }
        if self.size > COMPACT_AT {
            return self.rewrite();
        }
        // Not synced: the next append's sync carries it, and a start without it replays the
        // same edits onto the same contents from the `Saving` line.
        let line = encode(&Line::Saved { rev }).map_err(io::Error::other)?;
        let file = self.file.as_mut().expect("open");
        file.write_all(line.as_bytes())?;
        self.size += line.len() as u64;
        Ok(())
    }

    /// The board was read again from disk (`len`/`hash`): the journal starts over.
    pub fn reset(&mut self, len: u64, hash: u64) -> io::Result<()> {
        self.base = (len, hash);
        self.kept.clear();
        self.remove()
    }

    /// Stops journaling (the board is being saved to a conflict copy) and removes the journal.
    pub fn stop(&mut self) -> io::Result<()> {
        self.off = true;
        self.kept.clear();
        self.remove()
    }

    /// A write failed: what the journal holds stays (each line whole), it takes no more, and the
    /// next save of the board removes it.
    pub fn fail(&mut self) {
        self.off = true;
    }

    /// The board is saved and the run ends: the journal goes.
    pub fn remove(&mut self) -> io::Result<()> {
        self.file = None;
        self.size = 0;
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn header(&self) -> io::Result<String> {
        let (len, hash) = self.base;
        encode(&Line::Board {
            version: VERSION,
            len,
            hash,
        })
        .map_err(io::Error::other)
    }

    fn step(&mut self, op: &str) -> io::Result<()> {
        self.faults.step(op)
    }

    /// Appends `text` and syncs it; the first write of a run creates the file (with the board's
    /// mode and owner, never through a link) and syncs the directory that holds it.
    fn write_durably(&mut self, text: &str) -> io::Result<()> {
        self.faults.reset();
        let created = self.file.is_none();
        if created {
            let header = self.header()?;
            let _ = fs::remove_file(&self.path); // a leftover was replayed when the board opened
            self.step("create")?;
            let file = atomic::create_new(&self.path)?;
            if let Some(like) = Like::of(&self.board) {
                let _ = atomic::adopt(&file, like.beside());
            }
            self.file = Some(file);
            self.size = 0;
            self.write_all(&header)?;
        }
        self.write_all(text)?;
        self.step("sync")?;
        self.file.as_ref().expect("open").sync_data()?;
        if created {
            self.step("sync the directory")?;
            File::open(atomic::parent(&self.path))?.sync_all()?;
        }
        Ok(())
    }

    fn write_all(&mut self, text: &str) -> io::Result<()> {
        self.step("write")?;
        let file = self.file.as_mut().expect("open");
        if let Err(e) = file.write_all(text.as_bytes()) {
            // A partial line would be cut off at the next start; one after it would not be read.
            let _ = file.set_len(self.size);
            let _ = file.seek(io::SeekFrom::Start(self.size));
            return Err(e);
        }
        self.size += text.len() as u64;
        Ok(())
    }

    /// The journal again with only what the last save did not cover (atomically: a temp file
    /// renamed over it).
    fn rewrite(&mut self) -> io::Result<()> {
        let mut text = self.header()?;
        for (_, line) in &self.kept {
            text.push_str(line);
        }
        let target = Target {
            path: &self.path,
            board: &self.board,
            like: Like::of(&self.board).map(Like::beside),
            replace: true,
        };
        atomic::write(&target, text.as_bytes(), &mut Faults::default())?;
        let file = OpenOptions::new()
            .append(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&self.path)?;
        self.file = Some(file);
        self.size = text.len() as u64;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
