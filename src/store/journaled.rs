//! The store's side of the edit journal (`journal`): a journal a crash left is replayed when the
//! board opens, and every save tells the journal what it put in the file.

use super::journal::{self, Journal};
use super::{Fingerprint, Store, StoreError};
use crate::model::Board;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The run's journal, shared by the thread that appends edits and the saver that writes the board.
pub type SharedJournal = Arc<Mutex<Journal>>;

/// Reads the board at `path` with the changes its journal holds (what the user of a crashed or
/// still running cairn saw), and what replaying them did; nothing is written.
pub fn read_with_journal(path: &Path) -> Result<(Board, Option<String>), StoreError> {
    super::resolve(path)?; // a dangling link says so, not "no board here"
    let text = super::read_text(path)?;
    let mut board = super::from_ron(&text, path)?;
    if std::fs::symlink_metadata(journal::journal_path(path)).is_err() {
        return Ok((board, None)); // no journal: no need to hash the file to find it names it
    }
    let hash = super::content_hash(text.as_bytes());
    let said = journal::recover(path, &mut board, text.len() as u64, hash)
        .filter(|r| r.report.total() > 0 || r.has_rejects())
        .map(|r| {
            let rep = &r.report;
            let mut s = format!(
                "{}: {} from its journal, not yet in the file, included",
                path.display(),
                crate::model::words::count(rep.applied + rep.merged, "change")
            );
            if let Some(rejects) = r.rejects() {
                s.push_str(&format!(
                    "; {rejects} left out (cairn keeps them in a file when it next opens the board)"
                ));
            }
            s
        });
    Ok((board, said))
}

impl Store {
    /// The journal of this run; `None` when read-only or when a journal a crash left could not be
    /// dealt with (it is kept as it was, and saves go to the file only).
    pub fn journal(&self) -> Option<SharedJournal> {
        self.journal.clone()
    }

    /// The revision of the run the next save writes (the journal's `Saving` line names it).
    pub fn set_revision(&mut self, rev: u64) {
        self.revision = rev;
    }

    /// Replays a journal a crash left onto the board just read. A writer saves the result (the
    /// file as it was goes to the backups first), keeps what no longer applies in a file beside
    /// the board and starts its own journal; a read-only run only shows the changes.
    /// True when the board holds changes the file does not (the save of them failed).
    pub(super) fn take_journal(&mut self, board: &mut Board) -> bool {
        let Some(fp) = self.fingerprint.clone() else {
            return false;
        };
        let recovered = journal::recover(&self.path, board, fp.len, fp.hash);
        if self.read_only.is_some() {
            if let Some(r) = recovered.filter(|r| r.report.total() > 0) {
                self.notices.push(format!(
                    "{} (not saved: this cairn is read-only)",
                    r.describe(&self.path, None)
                ));
            }
            return false;
        }
        let mut unsaved = false;
        let mut keep_old = false;
        if let Some(r) = &recovered {
            let rejected = match journal::reject(&self.path, r) {
                Ok(p) => p,
                Err(e) => {
                    keep_old = true;
                    self.notices.push(format!(
                        "The journal's rejected changes could not be kept ({e})"
                    ));
                    None
                }
            };
            if r.changed()
                && let Err(e) = self.save(board)
            {
                keep_old = true;
                unsaved = true;
                self.notices
                    .push(format!("Recovered changes are not saved yet: {e}"));
            }
            self.notices
                .push(r.describe(&self.path, rejected.as_deref()));
        }
        if keep_old {
            // The old journal still holds what is not safe elsewhere: this run writes none.
            self.notices.push(format!(
                "{} is kept as it is; this run saves to the board file only",
                journal::journal_path(&self.path).display()
            ));
            return unsaved;
        }
        self.start_journal();
        false
    }

    /// This run's journal, for the board file as it is now (a leftover beside it is removed: it
    /// was replayed, or the board is new).
    pub(super) fn start_journal(&mut self) {
        let Some(fp) = &self.fingerprint else {
            return;
        };
        let mut j = Journal::new(&self.path, fp.len, fp.hash);
        if let Err(e) = j.remove() {
            self.notices.push(format!(
                "{} cannot be replaced ({e}); this run saves to the board file only",
                j.path().display()
            ));
            return;
        }
        self.journal = Some(Arc::new(Mutex::new(j)));
    }

    /// Before the board file is replaced with `bytes`: the journal says what it will hold.
    pub(super) fn journal_saving(&mut self, len: u64, hash: u64) {
        let rev = self.revision;
        if let Some(j) = &self.journal
            && let Err(e) = lock(j).saving(rev, len, hash)
        {
            // Without the line a crash after the rename replays onto a changed file, which
            // finds the edits already there.
            self.notices
                .push(format!("The journal could not be written ({e})"));
        }
    }

    /// The board file now holds the save of this revision.
    pub(super) fn journal_saved(&mut self, fp: &Fingerprint) {
        let rev = self.revision;
        if let Some(j) = &self.journal {
            let _ = lock(j).saved(rev, fp.len, fp.hash);
        }
    }

    /// Saves go to a conflict copy, which the journal does not follow: it stops.
    pub(super) fn journal_stop(&mut self) {
        if let Some(j) = &self.journal {
            let _ = lock(j).stop();
        }
    }

    /// The file was read again: the journal starts over from it.
    pub(super) fn journal_reset(&mut self) {
        if let (Some(j), Some(fp)) = (&self.journal, &self.fingerprint) {
            let _ = lock(j).reset(fp.len, fp.hash);
        }
    }
}

/// The journal, even after a thread panicked holding it (its state is a file and a list).
pub fn lock(j: &SharedJournal) -> std::sync::MutexGuard<'_, Journal> {
    j.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
