//! The board file kept safe: atomic saves, rotating backups, one writer at a time, and no blind
//! overwrite of a file someone else changed.

mod atomic;
mod backup;
mod beside;
mod error;
mod fast;
mod format;
pub mod journal;
mod journaled;
mod layout;
mod lock;
mod migrate;
#[allow(unsafe_code)]
mod mmap;
mod outside;
mod paths;
mod recovery;
mod save;
mod textcache;
pub mod viewstate;

pub use atomic::{Faults, clean_leftovers};
pub use backup::{
    KEEP as BACKUPS_KEPT, Listed as ListedBackup, Restored, backup_bytes, backup_dir,
    describe as describe_backups, list as list_backups, listing as backups_listing, read_backup,
    restore as restore_backup,
};
pub use beside::{make_dir_beside, write_new_beside, write_over};
pub use error::StoreError;
pub use journaled::{SharedJournal, lock as lock_journal, read_with_journal};
pub use lock::{lock_path, writer_gone};
pub use outside::Outside;
pub use paths::resolve;

pub use format::{from_ron, from_ron_reference, has_comments, peek_version, to_ron};
use lock::{Lock, take_lock, unwritable};
use paths::{check_regular, read_text};
pub use recovery::write_recovery;

use crate::model::Board;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The sample board a first run starts from.
pub const SAMPLE_BOARD: &str = include_str!("../../assets/sample-board.ron");

/// The embedded sample board, its dates moved so that its active sprint is under way `today`.
pub fn sample_board(today: jiff::civil::Date) -> Board {
    let mut board = from_ron(SAMPLE_BOARD, Path::new("assets/sample-board.ron"))
        .unwrap_or_else(|e| panic!("the embedded sample board is broken: {e}"));
    board.shift_dates((today - SAMPLE_ANCHOR).get_days());
    board
}

/// The day the sample board was written for.
pub const SAMPLE_ANCHOR: jiff::civil::Date = jiff::civil::date(2026, 11, 28);

/// The coarsest modification-time tick of a filesystem cairn may meet (FAT's 2 s).
const COARSE_CLOCK: std::time::Duration = std::time::Duration::from_secs(3);

/// What was last read from or written to the file, to notice someone else changing it.
#[derive(Clone, Debug, PartialEq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

/// The hash of a board file's contents: stable across runs and builds (the journal's header names
/// the board it applies to by it), and fast (xxh3: a 65 MB board in a few milliseconds).
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

impl Fingerprint {
    fn of(path: &Path, bytes: &[u8]) -> Fingerprint {
        Fingerprint::known(path, bytes.len() as u64, content_hash(bytes))
    }

    /// The file at `path` now, whose contents are known to be `len` bytes with this hash.
    fn known(path: &Path, len: u64, hash: u64) -> Fingerprint {
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        Fingerprint {
            len,
            modified,
            hash,
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
    /// Changes replayed from a journal a crash left could not be saved yet: the board holds them.
    pub unsaved: bool,
}

/// The board file of this run: its path, its lock and what we last knew of its contents.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The advisory lock; `None` when another cairn holds it (read-only).
    lock: Option<File>,
    /// Why this one must not write, when it must not.
    read_only: Option<String>,
    /// Read-only because another cairn holds the lock.
    busy: bool,
    fingerprint: Option<Fingerprint>,
    backed_up: bool,
    backup_reported: bool,
    /// The file was read with CRLF line endings; saves keep them.
    crlf: bool,
    notices: Vec<String>,
    conflict: Option<PathBuf>,
    /// The board as this run last read or wrote it: the base of a merge with an outside change.
    last: Option<Board>,
    /// The hash of an outside change that could not be merged, so it is said once.
    refused: Option<u64>,
    faults: Faults,
    backup_faults: Faults,
    /// The edit journal of this run (`journal`), once the board is open for writing.
    journal: Option<SharedJournal>,
    /// The run's revision the next save writes.
    revision: u64,
    /// The last save's text by item, so the next one serialises only what changed.
    texts: textcache::TextCache,
}

/// Parses the board and fingerprints the text at the same time (on two threads: at 100k items
/// each takes tens of milliseconds of the start-up).
/// Also says whether the text is exactly what a save writes (then it has no comments).
fn parse_and_fingerprint(
    path: &Path,
    text: &str,
) -> Result<(Board, Fingerprint, bool), StoreError> {
    std::thread::scope(|s| {
        let fingerprint = s.spawn(|| Fingerprint::of(path, text.as_bytes()));
        let board = format::from_ron_noting_exact(text, path);
        let fingerprint = fingerprint
            .join()
            .unwrap_or_else(|_| Fingerprint::of(path, text.as_bytes()));
        board.map(|(b, exact)| (b, fingerprint, exact))
    })
}

/// Loads and validates a board without locking it (for `check` and `export`), with the changes
/// its journal holds, so they see what the user sees (`read_with_journal` also says what those were).
pub fn read(path: &Path) -> Result<Board, StoreError> {
    read_with_journal(path).map(|(board, _)| board)
}

/// Line endings of the file as read: a board written with CRLF keeps them.
fn uses_crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
}

impl Store {
    fn new(path: &Path, lock: Lock) -> Store {
        let busy = matches!(lock, Lock::Busy);
        let (lock, read_only) = match lock {
            Lock::Held(f) => match unwritable(path) {
                // We may not write here: free the lock for whoever can.
                Some(why) => (None, Some(why)),
                None => (Some(f), None),
            },
            Lock::Busy => (None, Some("another cairn has this board open".to_string())),
            Lock::Unavailable(why) => (None, Some(why)),
        };
        Store {
            path: path.to_path_buf(),
            lock,
            read_only,
            busy,
            fingerprint: None,
            backed_up: false,
            backup_reported: false,
            crlf: false,
            notices: Vec::new(),
            conflict: None,
            last: None,
            refused: None,
            faults: Faults::default(),
            backup_faults: Faults::default(),
            journal: None,
            revision: 0,
            texts: Default::default(),
        }
    }

    /// Opens a board for the TUI. Without the lock, or where it cannot be saved, it opens read-only
    /// (`read_only_reason` says why). A missing file is created from `sample` when one is given. A file
    /// that does not load, is not a regular file or is a dangling link is an error and is left untouched.
    pub fn open(path: &Path, sample: Option<&Board>) -> Result<Opened, StoreError> {
        let path = &resolve(path)?;
        check_regular(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            fs::create_dir_all(dir).map_err(|e| StoreError::write(dir, e))?;
        }
        let mut store = Store::new(path, take_lock(path));
        let cleaned = if store.lock.is_some() {
            clean_leftovers(path)
        } else {
            Vec::new()
        };
        match (read_text(path), sample) {
            (Err(StoreError::Missing { .. }), Some(sample)) => {
                if let Some(why) = &store.read_only {
                    return Err(StoreError::ReadOnly {
                        path: path.clone(),
                        why: why.clone(),
                    });
                }
                store.backed_up = true; // nothing to back up yet
                store.save(sample)?;
                store.start_journal();
                Ok(Opened {
                    store,
                    board: sample.clone(),
                    created: true,
                    cleaned,
                    unsaved: false,
                })
            }
            (Err(e), _) => Err(e),
            (Ok(text), _) => {
                let (mut board, fingerprint, exact) = parse_and_fingerprint(path, &text)?;
                store.fingerprint = Some(fingerprint);
                store.crlf = uses_crlf(&text);
                store.last = Some(board.clone());
                if store.read_only.is_none() && !exact {
                    store.note_comments(&text);
                }
                drop(text);
                let unsaved = store.take_journal(&mut board);
                Ok(Opened {
                    store,
                    board,
                    created: false,
                    cleaned,
                    unsaved,
                })
            }
        }
    }

    fn refuse_read_only(&self) -> Result<(), StoreError> {
        match &self.read_only {
            Some(_) if self.busy => Err(StoreError::Locked {
                path: self.path.clone(),
                lock: lock_path(&self.path),
            }),
            Some(why) => Err(StoreError::ReadOnly {
                path: self.path.clone(),
                why: why.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Opens an existing board to change it from a subcommand: the lock is required.
    pub fn open_to_write(path: &Path) -> Result<(Store, Board), StoreError> {
        let path = &resolve(path)?;
        check_regular(path)?;
        let mut store = Store::new(path, take_lock(path));
        store.refuse_read_only()?;
        let text = read_text(path)?;
        let (mut board, fingerprint, exact) = parse_and_fingerprint(path, &text)?;
        store.fingerprint = Some(fingerprint);
        store.crlf = uses_crlf(&text);
        store.last = Some(board.clone());
        if !exact {
            store.note_comments(&text);
        }
        drop(text);
        store.take_journal(&mut board);
        Ok((store, board))
    }

    /// Writes a new board file; an existing one is only replaced with `force` (and backed up first).
    pub fn create(path: &Path, board: &Board, force: bool) -> Result<Store, StoreError> {
        let path = &resolve(path)?;
        if fs::symlink_metadata(path).is_ok() && !force {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        check_regular(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            fs::create_dir_all(dir).map_err(|e| StoreError::write(dir, e))?;
        }
        let mut store = Store::new(path, take_lock(path));
        store.refuse_read_only()?;
        if let Ok(text) = read_text(path) {
            store.fingerprint = Some(Fingerprint::of(path, text.as_bytes()));
        }
        store.save(board)?;
        Ok(store)
    }

    /// Says once that a hand-edited file's comments do not survive a save.
    fn note_comments(&mut self, text: &str) {
        // Most boards have no `//` or `/*` at all, and finding none is one fast search for `/`.
        let slash_slash = text
            .match_indices('/')
            .any(|(i, _)| matches!(text.as_bytes().get(i + 1), Some(b'/' | b'*')));
        if slash_slash && format::has_comments(text) {
            self.notices.push(format!(
                "{} has comments: saving drops them (the file as it is now goes to {} first)",
                self.path.display(),
                backup_dir(&self.path).display()
            ));
        }
    }

    /// The board file (a link resolved to its target).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this one must not write: another cairn holds the lock, or the board cannot be
    /// saved where it is.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why the board opened read-only, if it did.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Things to say once (a backup that could not be made, comments a save drops), oldest first.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
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

    /// Makes the following backups fail at the given step (tests of the backup path).
    #[doc(hidden)]
    pub fn inject_backup_faults(&mut self, faults: Faults) {
        self.backup_faults = faults;
    }

    /// Saves the board (see `save_text`).
    pub fn save(&mut self, board: &Board) -> Result<Saved, StoreError> {
        let text = self.serialise(board)?;
        self.save_board_text(board, &text)
    }

    /// Saves `text`, which is `board` serialised (see `save_text`); the board is the base of the
    /// next merge with an outside change.
    pub fn save_board_text(&mut self, board: &Board, text: &str) -> Result<Saved, StoreError> {
        let saved = self.save_text(text)?;
        if saved == Saved::Written {
            self.last = Some(board.clone());
        }
        Ok(saved)
    }

    /// Writes serialised board text: atomically, after a backup on the first save of the run, and never
    /// over a file someone else changed since we read or wrote it (ours goes to a conflict copy instead).
    pub fn save_text(&mut self, text: &str) -> Result<Saved, StoreError> {
        match self.write_board(text)? {
            Some(saved) => Ok(saved),
            None => {
                let bytes = self.with_line_endings(text);
                self.save_aside(bytes.as_bytes(), atomic::Like::of(&self.path))
            }
        }
    }

    /// Saves `board` serialised as `text` unless someone else changed the file (then `None`, and
    /// nothing is written: merge theirs in and save again). After a conflict copy, ours goes there.
    pub fn save_unless_changed(
        &mut self,
        board: &Board,
        text: &str,
    ) -> Result<Option<Saved>, StoreError> {
        let saved = self.write_board(text)?;
        if saved == Some(Saved::Written) {
            self.last = Some(board.clone());
        }
        Ok(saved)
    }

    /// Reads the file again, accepting what is on disk now (after a conflict, say).
    pub fn reload(&mut self) -> Result<Board, StoreError> {
        let text = read_text(&self.path)?;
        let (board, fingerprint, _) = parse_and_fingerprint(&self.path, &text)?;
        self.fingerprint = Some(fingerprint);
        self.crlf = uses_crlf(&text);
        self.conflict = None;
        self.refused = None;
        self.last = Some(board.clone());
        self.journal_reset();
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
        // Size and time alone decide only for a time long past: on a filesystem with a coarse clock a
        // same-size write within the same tick keeps both (then, and when either moved, the
        // contents decide, so a mere `touch` is not a conflict).
        let settled = fp.modified.is_some_and(|m| {
            SystemTime::now()
                .duration_since(m)
                .is_ok_and(|age| age > COARSE_CLOCK)
        });
        if settled && meta.len() == fp.len && meta.modified().ok() == fp.modified {
            return false;
        }
        fs::read(&self.path).map_or(true, |bytes| content_hash(&bytes) != fp.hash)
    }
}
