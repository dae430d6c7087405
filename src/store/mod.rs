//! The board file kept safe: atomic saves, rotating backups, one writer at a time, and no blind
//! overwrite of a file someone else changed.

mod atomic;
mod backup;
mod error;
mod fast;
mod format;
mod migrate;

pub use atomic::{Faults, clean_leftovers};
pub use backup::{KEEP as BACKUPS_KEPT, backup_dir, list as list_backups};
pub use error::StoreError;
pub use format::{from_ron, from_ron_reference, peek_version, to_ron};

use crate::model::Board;
use std::fs::{self, File, TryLockError};
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The sample board a first run starts from.
pub const SAMPLE_BOARD: &str = include_str!("../../assets/sample-board.ron");

/// What was last read from or written to the file, to notice someone else changing it.
#[derive(Clone, Debug, PartialEq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

impl Fingerprint {
    fn of(path: &Path, bytes: &[u8]) -> Fingerprint {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            hash: hash(bytes),
        }
    }
}

/// How a save ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The board file now holds the board.
    Written,
    /// The file had been changed by someone else: it was left as they wrote it, and ours went here.
    Conflict { ours: PathBuf },
}

/// A board opened for the TUI.
pub struct Opened {
    pub store: Store,
    pub board: Board,
    /// The file did not exist and was created from the sample board.
    pub created: bool,
    /// Temp files of an earlier crashed save that were removed.
    pub cleaned: Vec<PathBuf>,
}

/// The board file of this run: its path, its lock and what we last knew of its contents.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The advisory lock; `None` when another cairn holds it (read-only).
    lock: Option<File>,
    read_only: bool,
    fingerprint: Option<Fingerprint>,
    backed_up: bool,
    conflict: Option<PathBuf>,
    faults: Faults,
}

/// `.board.ron.lock` beside `board.ron`: a separate file, since saving replaces the board's inode.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "board".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.lock"))
}

enum Lock {
    Held(File),
    Busy,
    /// The lock file cannot be made (e.g. a read-only directory); saving will say why.
    Unavailable,
}

fn take_lock(path: &Path) -> Lock {
    let file = match File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(path))
    {
        Ok(f) => f,
        Err(_) => return Lock::Unavailable,
    };
    match file.try_lock() {
        Ok(()) => Lock::Held(file),
        Err(TryLockError::WouldBlock) => Lock::Busy,
        Err(TryLockError::Error(_)) => Lock::Unavailable,
    }
}

fn read_text(path: &Path) -> Result<String, StoreError> {
    let bytes = fs::read(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => StoreError::Missing {
            path: path.to_path_buf(),
        },
        _ => StoreError::Read {
            path: path.to_path_buf(),
            source,
        },
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            col,
            message: "not UTF-8 text".to_string(),
        }
    })
}

/// Parses the board and fingerprints the text at the same time (on two threads: at 100k items
/// each takes tens of milliseconds of the start-up).
fn parse_and_fingerprint(path: &Path, text: &str) -> Result<(Board, Fingerprint), StoreError> {
    std::thread::scope(|s| {
        let fingerprint = s.spawn(|| Fingerprint::of(path, text.as_bytes()));
        let board = from_ron(text, path);
        let fingerprint = fingerprint
            .join()
            .unwrap_or_else(|_| Fingerprint::of(path, text.as_bytes()));
        board.map(|b| (b, fingerprint))
    })
}

/// Loads and validates a board without locking it (for `check` and `export`).
pub fn read(path: &Path) -> Result<Board, StoreError> {
    from_ron(&read_text(path)?, path)
}

impl Store {
    fn new(path: &Path, lock: Lock) -> Store {
        let (lock, read_only) = match lock {
            Lock::Held(f) => (Some(f), false),
            Lock::Busy => (None, true),
            Lock::Unavailable => (None, false),
        };
        Store {
            path: path.to_path_buf(),
            lock,
            read_only,
            fingerprint: None,
            backed_up: false,
            conflict: None,
            faults: Faults::default(),
        }
    }

    /// Opens a board for the TUI. Without the lock it opens read-only. A missing file is created from
    /// `sample` when one is given. A file that does not load is an error and is left untouched.
    pub fn open(path: &Path, sample: Option<&Board>) -> Result<Opened, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| StoreError::write(dir, e))?;
        }
        let mut store = Store::new(path, take_lock(path));
        let cleaned = if store.lock.is_some() {
            clean_leftovers(path)
        } else {
            Vec::new()
        };
        match (read_text(path), sample) {
            (Err(StoreError::Missing { .. }), Some(sample)) if !store.read_only => {
                store.backed_up = true; // nothing to back up yet
                store.save(sample)?;
                Ok(Opened {
                    store,
                    board: sample.clone(),
                    created: true,
                    cleaned,
                })
            }
            (Err(e), _) => Err(e),
            (Ok(text), _) => {
                let (board, fingerprint) = parse_and_fingerprint(path, &text)?;
                store.fingerprint = Some(fingerprint);
                Ok(Opened {
                    store,
                    board,
                    created: false,
                    cleaned,
                })
            }
        }
    }

    /// Opens an existing board to change it from a subcommand: the lock is required.
    pub fn open_to_write(path: &Path) -> Result<(Store, Board), StoreError> {
        let store = Store::new(path, take_lock(path));
        if store.read_only {
            return Err(StoreError::Locked {
                path: path.to_path_buf(),
                lock: lock_path(path),
            });
        }
        let mut store = store;
        let (board, fingerprint) = parse_and_fingerprint(path, &read_text(path)?)?;
        store.fingerprint = Some(fingerprint);
        Ok((store, board))
    }

    /// Writes a new board file; an existing one is only replaced with `force` (and backed up first).
    pub fn create(path: &Path, board: &Board, force: bool) -> Result<Store, StoreError> {
        if path.exists() && !force {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| StoreError::write(dir, e))?;
        }
        let mut store = Store::new(path, take_lock(path));
        if store.read_only {
            return Err(StoreError::Locked {
                path: path.to_path_buf(),
                lock: lock_path(path),
            });
        }
        if let Ok(text) = read_text(path) {
            store.fingerprint = Some(Fingerprint::of(path, text.as_bytes()));
        }
        store.save(board)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when another cairn holds the lock: this one must not write.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Where our copy went when the file was changed by someone else, if it was.
    pub fn conflict_copy(&self) -> Option<&Path> {
        self.conflict.as_deref()
    }

    /// Makes the following saves fail at the given step (tests of the save path).
    #[doc(hidden)]
    pub fn inject_faults(&mut self, faults: Faults) {
        self.faults = faults;
    }

    /// Saves the board (see `save_text`).
    pub fn save(&mut self, board: &Board) -> Result<Saved, StoreError> {
        let text = to_ron(board).map_err(|e| StoreError::Serialise {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        self.save_text(&text)
    }

    /// Writes serialised board text: atomically, after a backup on the first save of the run, and never
    /// over a file someone else changed since we read or wrote it (ours goes to a conflict copy instead).
    pub fn save_text(&mut self, text: &str) -> Result<Saved, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let bytes = text.as_bytes();
        if self.conflict.is_some() || self.changed_on_disk() {
            let ours = self
                .conflict
                .clone()
                .unwrap_or_else(|| self.conflict_path());
            atomic::write_atomic(&ours, bytes, &mut self.faults)
                .map_err(|e| StoreError::write(&ours, e))?;
            self.conflict = Some(ours.clone());
            return Ok(Saved::Conflict { ours });
        }
        if !self.backed_up {
            backup::backup(&self.path).map_err(|e| StoreError::write(backup_dir(&self.path), e))?;
            self.backed_up = true;
        }
        if let Err(e) = atomic::write_atomic(&self.path, bytes, &mut self.faults) {
            // A failure after the rename (the directory fsync) leaves our board in place: remember
            // it as ours, or the next save would take it for someone else's change.
            if fs::read(&self.path).is_ok_and(|now| now == bytes) {
                self.fingerprint = Some(Fingerprint::of(&self.path, bytes));
            }
            return Err(StoreError::write(&self.path, e));
        }
        self.fingerprint = Some(Fingerprint::of(&self.path, bytes));
        Ok(Saved::Written)
    }

    /// Reads the file again, accepting what is on disk now (after a conflict, say).
    pub fn reload(&mut self) -> Result<Board, StoreError> {
        let (board, fingerprint) = parse_and_fingerprint(&self.path, &read_text(&self.path)?)?;
        self.fingerprint = Some(fingerprint);
        self.conflict = None;
        Ok(board)
    }

    /// True when the file on disk is no longer what we last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        let Some(fp) = &self.fingerprint else {
            // We never saw the file: anything there now was put there by someone else.
            return self.path.exists();
        };
        let Ok(meta) = fs::metadata(&self.path) else {
            return false; // deleted: nothing of theirs to keep
        };
        if meta.len() == fp.len && meta.modified().ok() == fp.modified {
            return false;
        }
        // Size or time moved: compare contents, so a mere `touch` is not a conflict.
        fs::read(&self.path).map_or(true, |bytes| hash(&bytes) != fp.hash)
    }

    fn conflict_path(&self) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "board".into(), |s| s.to_string_lossy());
        let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
        self.path
            .with_file_name(format!("{stem}.conflict-{time}.ron"))
    }
}
