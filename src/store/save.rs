//! The write of the board file: the contents compared first, the file's identity again just before
//! the rename, our version beside theirs when they differ.

use super::{Fingerprint, Saved, Store, StoreError, atomic, backup, backup_dir};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What tells one version of a file from another without reading it: a rename over it changes
/// the inode, a write in place the modification time (in nanoseconds where the filesystem has them).
fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>, u64)> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let ino = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let ino = 0;
    Some((meta.len(), meta.modified().ok(), ino))
}

impl Store {
    pub(super) fn with_line_endings<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.crlf {
            std::borrow::Cow::Owned(text.replace('\n', "\r\n"))
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// The write itself; `None` when the file was changed by someone else (looked at before the
    /// write and again just before the rename), with nothing written.
    pub(super) fn write_board(&mut self, text: &str) -> Result<Option<Saved>, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                why: why.clone(),
            });
        }
        let bytes = self.with_line_endings(text);
        let bytes = bytes.as_bytes();
        let like = atomic::Like::of(&self.path);
        if self.conflict.is_some() {
            return self.save_aside(bytes, like).map(Some);
        }
        // The file's identity before its contents are compared: if it is still the same just
        // before the rename, nobody replaced or rewrote it while ours was written.
        let seen = stamp(&self.path);
        if self.changed_on_disk() {
            return Ok(None);
        }
        if !self.backed_up {
            // Once per run: tried again with each save until one is made or the board is saved
            // (then the file it would keep is gone), reported once, never in the way of the save.
            match backup::backup(&self.path, &mut self.backup_faults) {
                Ok(_) => self.backed_up = true,
                Err(e) if !self.backup_reported => {
                    self.backup_reported = true;
                    self.notices.push(format!(
                        "No backup of {} could be made in {} ({e}); the board is still saved",
                        self.path.display(),
                        backup_dir(&self.path).display()
                    ));
                }
                Err(_) => {}
            }
        }
        let (len, hash) = (bytes.len() as u64, super::content_hash(bytes));
        self.journal_saving(len, hash);
        let target = atomic::Target {
            path: &self.path,
            board: &self.path,
            like,
            replace: true,
        };
        // Looked at again once ours is written, just before it replaces the file: a save of a big
        // board takes long enough for a `git pull` to land in between. (One `stat`: the window left
        // is microseconds, which no writer that does not take cairn's lock can be kept out of.)
        let mut faults = std::mem::take(&mut self.faults);
        let changed = || stamp(&self.path) != seen;
        let written = atomic::write_unless(&target, bytes, &mut faults, &changed);
        self.faults = faults;
        match written {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(e) => {
                // A failure after the rename (the directory fsync) leaves our board in place:
                // remember it as ours, or the next save would take it for someone else's change.
                if fs::read(&self.path).is_ok_and(|now| now == bytes) {
                    self.fingerprint = Some(Fingerprint::of(&self.path, bytes));
                    self.backed_up = true;
                }
                return Err(StoreError::write(&self.path, e));
            }
        }
        self.backed_up = true;
        let fingerprint = Fingerprint::known(&self.path, len, hash);
        self.journal_saved(&fingerprint);
        self.fingerprint = Some(fingerprint);
        self.last = None; // `save` knows the board; text alone is no base for a merge
        self.refused = None;
        Ok(Some(Saved::Written))
    }

    /// Our board beside theirs: a new conflict copy, or the one this run already made.
    pub(super) fn save_aside(
        &mut self,
        bytes: &[u8],
        like: Option<atomic::Like>,
    ) -> Result<Saved, StoreError> {
        let (ours, replace) = match &self.conflict {
            Some(p) => (p.clone(), true),
            None => (self.conflict_path(), false),
        };
        let target = atomic::Target {
            path: &ours,
            board: &self.path,
            like: like.map(atomic::Like::beside),
            replace,
        };
        atomic::write(&target, bytes, &mut self.faults).map_err(|e| StoreError::write(&ours, e))?;
        self.journal_stop();
        self.conflict = Some(ours.clone());
        Ok(Saved::Conflict { ours })
    }

    /// A conflict copy's name nobody has taken: `board.conflict-<time>.ron`, then `-2`, `-3`…
    pub(super) fn conflict_path(&self) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "board".into(), |s| s.to_string_lossy());
        let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let p = self
                .path
                .with_file_name(format!("{stem}.conflict-{time}{suffix}.ron"));
            if fs::symlink_metadata(&p).is_err() {
                return p;
            }
            n += 1;
        }
    }
}
