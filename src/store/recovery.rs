//! The last resort when the board cannot be saved: the whole board in a recovery file, beside the
//! board when possible, else in the user's data directory, else in `$TMPDIR`; never over anything.

use super::atomic::{self, Faults, Like, Target};
use crate::model::Board;
use std::path::{Path, PathBuf};

/// Writes `board` to a new `<stem>.recovery-<time>.ron`; returns where it went, or every failure.
pub fn write_recovery(path: &Path, board: &Board) -> Result<PathBuf, String> {
    let text = super::to_ron(board).map_err(|e| e.to_string())?;
    let stem = path
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy());
    let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    let name = format!("{stem}.recovery-{time}.ron");
    let like = Like::of(path).map(Like::beside);
    let mut dirs = vec![atomic::parent(path).to_path_buf()];
    if let Some(d) = directories::ProjectDirs::from("", "", "cairn") {
        dirs.push(d.data_dir().to_path_buf());
    }
    dirs.push(std::env::temp_dir());
    let mut failures = Vec::new();
    for (n, dir) in dirs.into_iter().enumerate() {
        // The board's own directory is never re-created (it may have been removed on purpose).
        if n > 0 {
            let _ = std::fs::create_dir_all(&dir);
        }
        // A name already taken (a link planted there) is skipped, never written through.
        for n in 1..=5 {
            let target_path = match n {
                1 => dir.join(&name),
                n => dir.join(format!("{stem}.recovery-{time}-{n}.ron")),
            };
            let target = Target {
                path: &target_path,
                board: path,
                like,
                replace: false,
            };
            match atomic::write(&target, text.as_bytes(), &mut Faults::default()) {
                Ok(()) => return Ok(target_path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    failures.push(format!("{}: {e}", target_path.display()));
                    break;
                }
            }
        }
    }
    Err(failures.join("; "))
}
