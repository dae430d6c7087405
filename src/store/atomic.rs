//! Atomic writing of a file: write a temp file in the same directory, fsync it, give it the board's
//! mode and owner, move it into place, fsync the directory. A crash at any point leaves either the old
//! file or the new one, and a temp file the next start recognises and removes.
//!
//! Files are created exclusively and never through a symbolic link (`O_CREAT|O_EXCL|O_NOFOLLOW`); a
//! new file (a conflict copy, a backup, a recovery file) is moved into place without replacing
//! anything there (`link`, then `unlink` of the temp), so a link planted under its name is refused.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Injected failures for tests: the Nth file operation of a write fails as if the disk were full.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    fail_at: Option<usize>,
    count: usize,
}

impl Faults {
    /// Fail the `n`th operation (1-based) of every following write.
    pub fn fail_at(n: usize) -> Faults {
        Faults {
            fail_at: Some(n),
            count: 0,
        }
    }

    pub(super) fn step(&mut self, op: &str) -> io::Result<()> {
        self.count += 1;
        if self.fail_at == Some(self.count) {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                format!("injected failure at {op} (No space left on device)"),
            ));
        }
        Ok(())
    }

    /// How many operations the last write performed.
    pub fn operations(&self) -> usize {
        self.count
    }

    pub(super) fn reset(&mut self) {
        self.count = 0;
    }
}

/// The mode and owner a file cairn writes beside the board takes: the board's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Like {
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
}

impl Like {
    /// The board's mode and owner, if it exists.
    pub fn of(board: &Path) -> Option<Like> {
        fs::metadata(board).ok().map(|m| Like {
            mode: m.mode() & 0o7777,
            uid: m.uid(),
            gid: m.gid(),
        })
    }

    /// For files other than the board itself: its read and write bits, nothing more.
    pub fn beside(self) -> Like {
        Like {
            mode: self.mode & 0o666,
            ..self
        }
    }

    /// For a directory beside the board (`backups/`): searchable by whoever may read the board.
    pub fn dir(self) -> Like {
        let read = self.mode & 0o444;
        Like {
            mode: (self.mode & 0o666) | (read >> 2),
            ..self
        }
    }
}

/// Gives `file` the owner (when allowed: only root may give a file away) and then the mode of `like`.
pub fn adopt(file: &File, like: Like) -> io::Result<()> {
    let meta = file.metadata()?;
    if (meta.uid(), meta.gid()) != (like.uid, like.gid) {
        // Not root: the file stays ours, which is all a user can do.
        let _ = std::os::unix::fs::fchown(file, Some(like.uid), Some(like.gid));
    }
    file.set_permissions(Permissions::from_mode(like.mode))
}

/// The prefix of temp files for the board `path`: `.board.ron.` for `board.ron`.
pub fn temp_prefix(board: &Path) -> String {
    let name = board
        .file_name()
        .map_or_else(|| "board".into(), |n| n.to_string_lossy());
    format!(".{name}.")
}

pub const TEMP_SUFFIX: &str = ".tmp";

pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Creates `path` exclusively, never through a link; the mode asked for is reduced by the umask.
pub fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// A new temp file beside `target`, named for `board` so the next start can recognise it.
fn temp_file(target: &Path, board: &Path) -> io::Result<(PathBuf, File)> {
    let dir = parent(target);
    let prefix = temp_prefix(board);
    loop {
        let name = format!("{prefix}{}{TEMP_SUFFIX}", random_name());
        let path = dir.join(name);
        match create_new(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

fn random_name() -> String {
    (0..8).map(|_| fastrand::alphanumeric()).collect()
}

/// Where and how a file is written.
pub struct Target<'a> {
    /// The file to write.
    pub path: &'a Path,
    /// The board it belongs to: its temp files carry the board's name.
    pub board: &'a Path,
    /// The mode and owner to give it (`None`: the umask's, and ours).
    pub like: Option<Like>,
    /// Replace a file already there (the board itself, our own conflict copy); otherwise an existing
    /// name, a planted link included, is an error.
    pub replace: bool,
}

/// Writes `bytes` to the target atomically.
pub fn write(target: &Target, bytes: &[u8], faults: &mut Faults) -> io::Result<()> {
    write_unless(target, bytes, faults, &|| false).map(|_| ())
}

/// `write`, unless `changed()` says just before the rename that the target is no longer what the
/// caller last saw (someone replaced it while ours was written): then nothing is replaced and the
/// answer is false.
pub fn write_unless(
    target: &Target,
    bytes: &[u8],
    faults: &mut Faults,
    changed: &dyn Fn() -> bool,
) -> io::Result<bool> {
    faults.reset();
    faults.step("create temp file")?;
    let (temp, mut file) = temp_file(target.path, target.board)?;
    let result = finish(target, &temp, &mut file, bytes, faults, changed);
    if !matches!(result, Ok(true)) {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn finish(
    target: &Target,
    temp: &Path,
    file: &mut File,
    bytes: &[u8],
    faults: &mut Faults,
    changed: &dyn Fn() -> bool,
) -> io::Result<bool> {
    faults.step("write")?;
    file.write_all(bytes)?;
    faults.step("fsync file")?;
    file.sync_all()?;
    faults.step("set permissions")?;
    if let Some(like) = target.like {
        adopt(file, like)?;
    }
    if changed() {
        return Ok(false);
    }
    faults.step("rename")?;
    if target.replace {
        fs::rename(temp, target.path)?;
    } else {
        place_new(temp, target.path)?;
    }
    faults.step("fsync directory")?;
    File::open(parent(target.path))?.sync_all()?;
    Ok(true)
}

/// Moves `temp` to `path` only if nothing is there: a hard link fails on any existing name.
fn place_new(temp: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(temp, path) {
        Ok(()) => fs::remove_file(temp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: check, then rename (the window is ours alone).
        Err(_) if fs::symlink_metadata(path).is_err() => fs::rename(temp, path),
        Err(e) => Err(e),
    }
}

/// Is `name` a temp file cairn makes for the board named `board_name`? `.board.ron.XXXXXXXX.tmp`
/// (six random characters in older versions), and the conflict copies' temp files of older versions
/// (`.board.conflict-<time>.ron.XXXXXX.tmp`).
fn is_temp_name(name: &str, board: &Path) -> bool {
    let Some(middle) = name
        .strip_prefix(&temp_prefix(board))
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
    else {
        let stem = board
            .file_stem()
            .map_or_else(|| "board".into(), |s| s.to_string_lossy());
        return name.starts_with(&format!(".{stem}.conflict-"))
            && name.ends_with(TEMP_SUFFIX)
            && name.contains(".ron.");
    };
    middle.len() >= 6 && middle.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes temp files a crashed write left beside `board` and in its `backups/`: only regular files
/// with the names cairn gives them. Returns what was removed.
pub fn clean_leftovers(board: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let dirs = [
        parent(board).to_path_buf(),
        super::backup::backup_dir(board),
    ];
    for dir in dirs {
        // Never into a `backups` that is a link.
        if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let regular = entry.file_type().is_ok_and(|t| t.is_file());
            if regular && is_temp_name(&name, board) && fs::remove_file(entry.path()).is_ok() {
                removed.push(entry.path());
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(path: &Path) -> Target<'_> {
        Target {
            path,
            board: path,
            like: Like::of(path),
            replace: true,
        }
    }

    #[test]
    fn every_failing_step_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        fs::write(&path, "old").expect("write");
        let mut probe = Faults::default();
        write(&board(&path), b"probe", &mut probe).expect("writes");
        fs::write(&path, "old").expect("write");
        let steps = probe.operations();
        assert_eq!(steps, 6);
        for n in 1..steps {
            let mut faults = Faults::fail_at(n);
            let err = write(&board(&path), b"new", &mut faults).expect_err("fails");
            assert_eq!(err.kind(), io::ErrorKind::StorageFull);
            // The last step (directory fsync) fails after the rename: the new file is complete.
            assert_eq!(fs::read_to_string(&path).expect("read"), "old", "step {n}");
            assert!(
                clean_leftovers(&path).is_empty(),
                "step {n} left a temp file"
            );
        }
        write(&board(&path), b"new", &mut Faults::default()).expect("writes");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
    }

    #[test]
    fn permissions_survive_a_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, Permissions::from_mode(0o600)).expect("chmod");
        write(&board(&path), b"new", &mut Faults::default()).expect("writes");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_new_file_never_replaces_what_is_there() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.recovery.ron");
        std::os::unix::fs::symlink(dir.path().join("victim"), &path).expect("symlink");
        let new = Target {
            path: &path,
            board: &path,
            like: None,
            replace: false,
        };
        let err = write(&new, b"x", &mut Faults::default()).expect_err("refused");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(!dir.path().join("victim").exists());
        assert!(clean_leftovers(&path).is_empty());
    }

    #[test]
    fn leftovers_are_cleaned() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        fs::write(dir.path().join(".b.ron.abc123.tmp"), "half").expect("write");
        fs::write(
            dir.path()
                .join(".b.conflict-20261128T101010Z.ron.ab12cd.tmp"),
            "x",
        )
        .expect("write");
        fs::write(dir.path().join(".b.ron.not-ours.tmp"), "keep").expect("write");
        fs::write(dir.path().join("other.tmp"), "keep").expect("write");
        assert_eq!(clean_leftovers(&path).len(), 2);
        assert!(dir.path().join("other.tmp").exists());
        assert!(dir.path().join(".b.ron.not-ours.tmp").exists());
    }
}
