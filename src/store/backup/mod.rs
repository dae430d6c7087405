//! Rotating backups: before the first save of each run, the file as it was is compressed (zstd) and
//! written atomically to `backups/<stem>-<UTC time>.ron.zst` beside it (the board's mode and owner),
//! and only the newest copies that load are kept. Backups of older cairns (`.ron`, uncompressed) are
//! listed, kept, rotated and restored alike. Only files named exactly for this board are ever
//! counted or removed, and a `backups` that is a link or not a directory is refused, never followed.
//! `restore.rs` lists them for `cairn backups` and puts one back for `cairn restore`.

mod restore;

pub use restore::{Listed, Restored, describe, listing, restore};

use super::atomic::{self, Faults, Like, Target};
use super::{StoreError, from_ron};
use crate::model::Board;
use std::fs::{self, DirBuilder};
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

/// How many backups are kept per board.
pub const KEEP: usize = 10;

/// The zstd level. Measured on a generated 100k board (64 MB): level 3 keeps 1/11 of it (ten
/// backups: 58 MB) in ≈ 0.2 s of the saver thread; level 1 is 20% faster for 1% more, level 5 keeps
/// 1/14 but takes four times as long.
const LEVEL: i32 = 3;

/// What a compressed backup's name ends with; an uncompressed one (older cairns) ends `.ron`.
const COMPRESSED: &str = ".ron.zst";

pub fn backup_dir(path: &Path) -> PathBuf {
    atomic::parent(path).join("backups")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned())
}

/// `<stem>-YYYYMMDDTHHMMSS.ffffffZ.ron.zst`, the name `backup` gives (or `.ron`, the name older
/// cairns gave), and nothing else.
fn is_backup_of(name: &str, stem: &str) -> bool {
    time_of(name, stem).is_some()
}

/// The UTC time in a backup's name (`YYYYMMDDTHHMMSS.ffffffZ`), if it is a backup of `stem`.
fn time_of<'n>(name: &'n str, stem: &str) -> Option<&'n str> {
    let time = name.strip_prefix(stem)?.strip_prefix('-')?;
    let time = time
        .strip_suffix(COMPRESSED)
        .or_else(|| time.strip_suffix(".ron"))?;
    let b = time.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 23
        && digits(0..8)
        && b[8] == b'T'
        && digits(9..15)
        && b[15] == b'.'
        && digits(16..22)
        && b[22] == b'Z';
    ok.then_some(time)
}

/// The board file a backup holds: decompressed when it is a `.ron.zst`, as it is otherwise.
pub fn backup_bytes(backup: &Path) -> io::Result<Vec<u8>> {
    let bytes = fs::read(backup)?;
    if !backup.to_string_lossy().ends_with(COMPRESSED) {
        return Ok(bytes);
    }
    zstd::stream::decode_all(&bytes[..]).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not a whole zstd file ({e})"),
        )
    })
}

/// Loads and validates the board a backup holds (compressed or not).
pub fn read_backup(backup: &Path) -> Result<Board, StoreError> {
    let bytes = backup_bytes(backup).map_err(|source| StoreError::Read {
        path: backup.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::Parse {
        path: backup.to_path_buf(),
        line: 1,
        col: 1,
        message: "not UTF-8 text".into(),
    })?;
    from_ron(&text, backup)
}

/// The `backups` directory if it is a real one; an error saying why not otherwise.
fn real_dir(dir: &Path) -> io::Result<Option<PathBuf>> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(io::Error::other(format!(
            "{} is a symbolic link; cairn does not follow it",
            dir.display()
        ))),
        Ok(m) if !m.is_dir() => Err(io::Error::other(format!(
            "{} is not a directory",
            dir.display()
        ))),
        Ok(_) => Ok(Some(dir.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The backups of `path`, oldest first.
pub fn list(path: &Path) -> Vec<PathBuf> {
    let Ok(Some(dir)) = real_dir(&backup_dir(path)) else {
        return Vec::new();
    };
    let stem = stem(path);
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter(|e| is_backup_of(&e.file_name().to_string_lossy(), &stem))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    // Names carry a sortable UTC time, so name order is age order.
    found.sort();
    found
}

/// Writes a compressed copy of `path` (if it exists) into the backup directory and prunes to the
/// newest `KEEP` that load.
pub fn backup(path: &Path, faults: &mut Faults) -> io::Result<Option<PathBuf>> {
    backup_keeping(path, faults, None)
}

/// `backup`, never pruning `keep` (the backup a restore is putting back).
fn backup_keeping(
    path: &Path,
    faults: &mut Faults,
    keep: Option<&Path>,
) -> io::Result<Option<PathBuf>> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let bytes = zstd::bulk::compress(&bytes, LEVEL)?;
    let like = Like::of(path);
    let dir = backup_dir(path);
    if real_dir(&dir)?.is_none() {
        let mode = like.map_or(0o777, |l| l.dir().mode);
        DirBuilder::new().mode(mode).create(&dir)?;
        if let Some(l) = like {
            let d = fs::File::open(&dir)?;
            let _ = atomic::adopt(&d, l.dir());
        }
    }
    let target = loop {
        // Microsecond UTC times sort by age; two backups in one microsecond wait for the next.
        let time = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%S%.6fZ")
            .to_string();
        let candidate = dir.join(format!("{}-{time}{COMPRESSED}", stem(path)));
        if fs::symlink_metadata(&candidate).is_err() {
            break candidate;
        }
    };
    let t = Target {
        path: &target,
        board: path,
        like: like.map(Like::beside),
        replace: false,
    };
    if let Err(e) = atomic::write(&t, &bytes, faults) {
        // Only the directory's fsync fails after the move: the backup is whole and ours.
        if fs::symlink_metadata(&target).is_err() {
            return Err(e);
        }
    }
    prune(path, &target, keep);
    Ok(Some(target))
}

/// Keeps the newest `KEEP` backups that load; older ones go. A backup that does not load (an empty
/// or cut-off copy from an older cairn) is never counted among those kept. Loading a 100k-item
/// backup takes a quarter of a second, so each is checked once: the ones found good are listed
/// (name, size, time) in `backups/.<board>.verified`, and the one just written is good by making.
fn prune(path: &Path, written: &Path, keep: Option<&Path>) {
    let all = list(path);
    if all.len() <= KEEP {
        return; // nothing would go
    }
    let index = verified_index(path);
    let known: Vec<String> = fs::read_to_string(&index)
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let mut good: Vec<String> = Vec::new();
    for backup in all.iter().rev() {
        if good.len() >= KEEP {
            if keep != Some(backup.as_path()) {
                let _ = fs::remove_file(backup);
            }
            continue;
        }
        let Some(entry) = index_entry(backup) else {
            continue;
        };
        if backup == written || known.contains(&entry) || read_backup(backup).is_ok() {
            good.push(entry);
        }
    }
    let mut text = good.join("\n");
    text.push('\n');
    let t = Target {
        path: &index,
        board: path,
        like: Like::of(path).map(Like::beside),
        replace: true,
    };
    let _ = atomic::write(&t, text.as_bytes(), &mut Faults::default());
}

/// `backups/.board.ron.verified`: not a backup's name, nor a temp file's.
fn verified_index(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "board".into(), |n| n.to_string_lossy());
    backup_dir(path).join(format!(".{name}.verified"))
}

/// A backup as the index lists it: its name, size and modification time (a changed file is
/// checked again).
fn index_entry(backup: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let m = fs::symlink_metadata(backup).ok()?;
    let name = backup.file_name()?.to_string_lossy();
    Some(format!(
        "{name} {} {}.{}",
        m.len(),
        m.mtime(),
        m.mtime_nsec()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_exactly() {
        assert!(is_backup_of("board-20261128T101010.123456Z.ron", "board"));
        assert!(is_backup_of(
            "board-20261128T101010.123456Z.ron.zst",
            "board"
        ));
        assert!(!is_backup_of("board-20261128T101010.123456Z.zst", "board"));
        assert!(!is_backup_of(
            "board-20261128T101010.123456Z.ron.zst.tmp",
            "board"
        ));
        assert!(!is_backup_of(
            "board-2-20261128T101010.123456Z.ron",
            "board"
        ));
        assert!(!is_backup_of("board-archive.ron", "board"));
        assert!(!is_backup_of(
            "board-20261128T101010.123456Z.ron.tmp",
            "board"
        ));
    }
}
