//! What a board path names: a link resolved to its target (a dangling one refused), and only a
//! regular file read (a FIFO, a socket, a device or a directory is refused before it is opened).

use super::StoreError;
use super::mmap::{MAP_FROM, Mapped, Text};
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The file a board path names: a symbolic link is followed to its target (which must exist), so
/// the lock, temp files, backups and conflict copies go beside the real file.
pub fn resolve(path: &Path) -> Result<PathBuf, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|_| StoreError::DanglingLink {
                path: path.to_path_buf(),
                target: fs::read_link(path).unwrap_or_default(),
            })
        }
        _ => Ok(path.to_path_buf()),
    }
}

pub(super) fn kind_of(t: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a file"
    }
}

/// Refuses anything that is not a regular file before reading it (a FIFO would block forever).
pub(super) fn check_regular(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(m.file_type()),
        }),
        _ => Ok(()),
    }
}

/// The board file's text: a large file mapped (see `mmap.rs`), a small one read into memory.
pub(super) fn read_text(path: &Path) -> Result<Text, StoreError> {
    let read_error = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => StoreError::Missing {
            path: path.to_path_buf(),
        },
        _ => StoreError::Read {
            path: path.to_path_buf(),
            source,
        },
    };
    check_regular(path)?;
    // Non-blocking, and checked again on the open file: what was checked is what is read.
    let mut file = File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() >= MAP_FROM
        && let Some(mapped) = Mapped::new(&file, meta.len())
    {
        // SIMD first (a 63 MB board in ~3 ms instead of ~12, before the parse can start); std's
        // check only to say where a file that is not UTF-8 stops being so.
        let checked = match simdutf8::basic::from_utf8(mapped.bytes()) {
            Ok(_) => Ok(()),
            Err(_) => std::str::from_utf8(mapped.bytes()).map(|_| ()),
        };
        // Cut short while it was checked: read it again, as it is now.
        if !mapped.cut() {
            return match checked {
                Ok(()) => Ok(Text::mapped(mapped)),
                Err(e) => Err(not_utf8(path, &mapped.bytes()[..e.valid_up_to()])),
            };
        }
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    io::Read::read_to_end(&mut file, &mut bytes).map_err(read_error)?;
    String::from_utf8(bytes)
        .map(Text::owned)
        .map_err(|e| not_utf8(path, &e.as_bytes()[..e.utf8_error().valid_up_to()]))
}

/// Where the text stops being UTF-8 (`valid` is what comes before).
fn not_utf8(path: &Path, valid: &[u8]) -> StoreError {
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    StoreError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message: "not UTF-8 text".to_string(),
    }
}
