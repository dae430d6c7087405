//! One writer: an advisory lock on `.board.ron.lock` beside the resolved board, taken without
//! following a link or blocking on a planted FIFO; and why a board cannot be written, when it cannot.

use super::atomic;
use std::fs::{self, File, TryLockError};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// `.board.ron.lock` beside `board.ron`: a separate file, since saving replaces the board's inode.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "board".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.lock"))
}

pub(super) enum Lock {
    Held(File),
    Busy,
    /// The lock cannot be taken for another reason (a read-only directory, a lock file that is a link
    /// or cannot be opened): the board opens read-only, and this says why.
    Unavailable(String),
}

/// Opens the lock file without following a link and without blocking (a FIFO planted there).
fn open_lock(lock: &Path, write: bool) -> io::Result<File> {
    let mut options = File::options();
    options
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    if write {
        options.write(true).create(true).truncate(false).mode(0o666);
    }
    options.open(lock)
}

pub(super) fn take_lock(path: &Path) -> Lock {
    let lock = lock_path(path);
    // A lock file we may not write (someone else's) is still locked through a read-only handle.
    let file = open_lock(&lock, true).or_else(|e| match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem if lock.exists() => {
            open_lock(&lock, false)
        }
        _ => Err(e),
    });
    let file = match file {
        Ok(f) => f,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Lock::Unavailable(format!(
                "the lock file {} is a symbolic link; cairn does not follow it",
                lock.display()
            ));
        }
        Err(e) => {
            return Lock::Unavailable(format!("cannot open the lock file {}: {e}", lock.display()));
        }
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Lock::Unavailable(format!(
            "the lock file {} is not a regular file",
            lock.display()
        ));
    }
    match file.try_lock() {
        Ok(()) => {
            if let Some(like) = atomic::Like::of(path) {
                let _ = atomic::adopt(&file, like.beside());
            }
            Lock::Held(file)
        }
        Err(TryLockError::WouldBlock) => Lock::Busy,
        Err(TryLockError::Error(e)) => {
            Lock::Unavailable(format!("cannot lock {}: {e}", lock.display()))
        }
    }
}

/// Why the board at `path` cannot be saved by us, if it cannot: a directory we may not write in
/// (or that is gone), or a board we may not write (or that has no write permission at all: a
/// `chmod 444` is a request, also to root).
pub(super) fn unwritable(path: &Path) -> Option<String> {
    use rustix::fs::{Access, access};
    let dir = atomic::parent(path);
    if let Err(e) = access(dir, Access::WRITE_OK | Access::EXEC_OK) {
        return Some(format!(
            "cannot save in {}: {}",
            dir.display(),
            io::Error::from(e)
        ));
    }
    let meta = fs::metadata(path).ok()?;
    if meta.mode() & 0o222 == 0 {
        return Some(format!(
            "{} is not writable (mode {:o})",
            path.display(),
            meta.mode() & 0o777
        ));
    }
    if let Err(e) = access(path, Access::WRITE_OK) {
        return Some(format!(
            "you cannot write {}: {}",
            path.display(),
            io::Error::from(e)
        ));
    }
    None
}

/// True when no other cairn holds the board's lock now (the lock is taken and let go at once).
pub fn writer_gone(path: &Path) -> bool {
    matches!(take_lock(path), Lock::Held(_))
}
