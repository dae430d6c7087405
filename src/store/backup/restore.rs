//! `cairn backups` and `cairn restore`: the backups of a board, newest first, and one of them put
//! back over the board — checked to load first, the board as it is now backed up first, written
//! atomically with the board's mode and owner, and only while no other cairn has the board open.

use super::{backup_bytes, backup_keeping, list, stem, time_of};
use crate::store::atomic::Faults;
use crate::store::lock::{Lock, take_lock};
use crate::store::{StoreError, from_ron, lock_path, resolve, write_over};
use std::fs;
use std::path::{Path, PathBuf};

/// A backup as `cairn backups` lists it.
#[derive(Clone, Debug)]
pub struct Listed {
    /// 1 for the newest: what `cairn restore N` takes.
    pub number: usize,
    pub path: PathBuf,
    /// When it was made, from its name: `2026-12-01 17:30:15 UTC`.
    pub made: String,
    /// Its size on disk.
    pub size: u64,
    /// How many items the board in it has, or why it does not load.
    pub items: Result<usize, String>,
}

/// What a restore did.
#[derive(Clone, Debug)]
pub struct Restored {
    pub from: PathBuf,
    pub items: usize,
    /// Where the board as it was before the restore went (none when there was no board).
    pub previous: Option<PathBuf>,
}

fn made(time: &str) -> String {
    // `YYYYMMDDTHHMMSS.ffffffZ`, checked by `time_of`.
    format!(
        "{}-{}-{} {}:{}:{} UTC",
        &time[0..4],
        &time[4..6],
        &time[6..8],
        &time[9..11],
        &time[11..13],
        &time[13..15]
    )
}

/// The backups of `path`, newest first, each loaded to count its items (a 100k-item backup takes
/// about a third of a second).
pub fn describe(path: &Path) -> Result<Vec<Listed>, StoreError> {
    let path = resolve(path)?;
    let stem = stem(&path);
    let mut all = list(&path);
    all.reverse();
    Ok(all
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Listed {
                number: n + 1,
                made: time_of(&name, &stem).map(made).unwrap_or_default(),
                size: fs::metadata(&p).map_or(0, |m| m.len()),
                items: loaded(&p).map(|(_, n)| n),
                path: p,
            }
        })
        .collect())
}

/// The board file a backup holds and its item count, or why it cannot be put back (a message).
fn loaded(backup: &Path) -> Result<(Vec<u8>, usize), String> {
    let bytes = backup_bytes(backup).map_err(|e| format!("cannot be read: {e}"))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| "is not UTF-8 text".to_string())?;
    let board = from_ron(text, backup).map_err(|e| format!("does not load: {e}"))?;
    let items = board.items.len();
    drop(board);
    Ok((bytes, items))
}

/// The backup `which` names: its number in `describe`'s list (1 = newest) or its file name.
fn pick(path: &Path, which: &str) -> Result<PathBuf, String> {
    let mut all = list(path);
    all.reverse();
    let found = match which.parse::<usize>() {
        Ok(n) if n >= 1 => all.get(n - 1).cloned(),
        Ok(_) => None,
        Err(_) => {
            let name = Path::new(which).file_name();
            all.into_iter().find(|p| p.file_name() == name)
        }
    };
    found.ok_or_else(|| {
        let n = list(path).len();
        format!(
            "no backup {which} of {}: it has {} (`cairn backups` lists them)",
            path.display(),
            crate::model::words::count(n, "backup")
        )
    })
}

/// Puts the backup `which` back over the board at `path`. Nothing changes unless the backup loads,
/// the lock is ours and the board as it is now was backed up (when there is one).
pub fn restore(path: &Path, which: &str) -> Result<Restored, String> {
    let path = resolve(path).map_err(|e| e.to_string())?;
    let _lock = match take_lock(&path) {
        Lock::Held(f) => f,
        Lock::Busy => {
            return Err(format!(
                "{}: open in another cairn (lock held on {}); quit it before restoring a backup — nothing was changed",
                path.display(),
                lock_path(&path).display()
            ));
        }
        Lock::Unavailable(why) => {
            return Err(format!(
                "{}: cannot restore a backup: {why}",
                path.display()
            ));
        }
    };
    let from = pick(&path, which)?;
    let (bytes, items) =
        loaded(&from).map_err(|why| format!("{} {why}; the board is unchanged", from.display()))?;
    fold_journal(&path)?;
    let previous = backup_keeping(&path, &mut Faults::default(), Some(&from)).map_err(|e| {
        format!(
            "{}: cannot back up the board before restoring ({e}); nothing was changed",
            path.display()
        )
    })?;
    write_over(&path, &bytes).map_err(|e| StoreError::write(&path, e).to_string())?;
    Ok(Restored {
        from,
        items,
        previous,
    })
}

/// A journal a crash left holds changes the file lacks: they go into the board first, so the
/// backup made before the restore is the board as its user last saw it, and the journal (which
/// names the board being replaced) goes. One that cannot be replayed is moved aside, not dropped.
fn fold_journal(path: &Path) -> Result<(), String> {
    let journal = crate::store::journal::journal_path(path);
    if std::fs::symlink_metadata(&journal).is_err() {
        return Ok(());
    }
    match crate::store::read_with_journal(path) {
        Ok((board, Some(_))) => {
            let text = crate::store::to_ron(&board).map_err(|e| e.to_string())?;
            write_over(path, text.as_bytes())
                .map_err(|e| StoreError::write(path, e).to_string())?;
            std::fs::remove_file(&journal).map_err(|e| format!("{}: {e}", journal.display()))
        }
        Ok((_, None)) => {
            std::fs::remove_file(&journal).map_err(|e| format!("{}: {e}", journal.display()))
        }
        Err(_) => {
            let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
            let aside = journal.with_file_name(format!(
                "{}.journal-{time}",
                path.file_stem()
                    .map_or_else(|| "board".into(), |s| s.to_string_lossy())
            ));
            std::fs::rename(&journal, &aside).map_err(|e| format!("{}: {e}", journal.display()))
        }
    }
}

/// A size in bytes as people read it: `812 B`, `4.2 KB`, `5.6 MB`.
fn size(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} KB", n as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", n as f64 / 1e6),
        _ => format!("{:.1} GB", n as f64 / 1e9),
    }
}

/// What `cairn backups` prints.
pub fn listing(path: &Path) -> Result<String, StoreError> {
    use crate::model::words::count;
    let all = describe(path)?;
    let path = resolve(path)?;
    if all.is_empty() {
        return Ok(format!(
            "No backups of {} yet: cairn makes one in {} before the first save of each run.\n",
            path.display(),
            super::backup_dir(&path).display()
        ));
    }
    let mut text = format!(
        "{} of {}, newest first (`cairn restore N` puts one back):\n",
        count(all.len(), "backup"),
        path.display()
    );
    for b in &all {
        let items = match &b.items {
            Ok(n) => count(*n, "item"),
            Err(why) => why.clone(),
        };
        let name = b.path.file_name().unwrap_or_default().to_string_lossy();
        text.push_str(&format!(
            "{:>3}  {}  {:>8}  {items}  {name}\n",
            b.number,
            b.made,
            size(b.size)
        ));
    }
    Ok(text)
}

impl Restored {
    /// What `cairn restore` says.
    pub fn said(&self, path: &Path) -> String {
        let previous = self.previous.as_ref().map_or_else(
            || " (there was no board to back up)".to_string(),
            |p| format!("; the board as it was is in {}", p.display()),
        );
        format!(
            "Restored {} from {} ({}){previous}.\n",
            path.display(),
            self.from.display(),
            crate::model::words::count(self.items, "item")
        )
    }
}
