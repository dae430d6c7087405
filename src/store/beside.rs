//! New files beside the board that are not the board (the status reports in `reports/`): the
//! board's mode and owner, written atomically as the board is, and never over a file already there.

use super::atomic::{self, Faults, Like, Target};
use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;

/// Makes `dir` (beside `board`) if it is missing, searchable by whoever may read the board; a
/// `dir` that is a link or not a directory is refused.
pub fn make_dir_beside(board: &Path, dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not a directory", dir.display()),
            ));
        }
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        Err(_) => {}
    }
    let like = Like::of(board);
    DirBuilder::new()
        .mode(like.map_or(0o777, |l| l.dir().mode))
        .create(dir)?;
    if let Some(l) = like {
        let _ = atomic::adopt(&fs::File::open(dir)?, l.dir());
    }
    Ok(())
}

/// Writes `bytes` to the new file `path` with the board's read and write bits and owner. A name
/// already taken is an `AlreadyExists` error and the file there is left as it is.
pub fn write_new_beside(board: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = Target {
        path,
        board,
        like: Like::of(board).map(Like::beside),
        replace: false,
    };
    atomic::write(&target, bytes, &mut Faults::default())
}

/// Writes `bytes` over the file `path` atomically (a temp file beside it, renamed over), keeping
/// the file's mode and owner when it exists (`cairn merge` writing git's `%A`).
pub fn write_over(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = Target {
        path,
        board: path,
        like: Like::of(path),
        replace: true,
    };
    atomic::write(&target, bytes, &mut Faults::default())
}
