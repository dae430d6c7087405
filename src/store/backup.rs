//! Rotating backups: before the first save of each run, the file as it was is copied to
//! `backups/<name>-<UTC time>.ron` beside it, and only the newest copies are kept.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many backups are kept per board.
pub const KEEP: usize = 10;

pub fn backup_dir(path: &Path) -> PathBuf {
    path.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned())
}

/// The backups of `path`, oldest first.
pub fn list(path: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-", stem(path));
    let mut found: Vec<PathBuf> = fs::read_dir(backup_dir(path))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().is_some_and(|n| {
                        let n = n.to_string_lossy();
                        n.starts_with(&prefix) && n.ends_with(".ron")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    // Names carry a sortable UTC time, so name order is age order.
    found.sort();
    found
}

/// Copies `path` into the backup directory (if it exists) and prunes to the newest `KEEP`.
pub fn backup(path: &Path) -> io::Result<Option<PathBuf>> {
    if !path.exists() {
        return Ok(None);
    }
    let dir = backup_dir(path);
    fs::create_dir_all(&dir)?;
    let target = loop {
        // Microsecond UTC times sort by age; two backups in one microsecond wait for the next.
        let time = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%S%.6fZ")
            .to_string();
        let candidate = dir.join(format!("{}-{time}.ron", stem(path)));
        if !candidate.exists() {
            break candidate;
        }
    };
    fs::copy(path, &target)?;
    let all = list(path);
    for old in &all[..all.len().saturating_sub(KEEP)] {
        let _ = fs::remove_file(old);
    }
    Ok(Some(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_ten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("board.ron");
        assert_eq!(backup(&path).expect("no file, no backup"), None);
        for n in 0..13 {
            fs::write(&path, format!("v{n}")).expect("write");
            backup(&path).expect("backs up");
        }
        let kept = list(&path);
        assert_eq!(kept.len(), KEEP);
        assert_eq!(
            fs::read_to_string(kept.last().expect("newest")).expect("read"),
            "v12"
        );
        assert_eq!(fs::read_to_string(&kept[0]).expect("oldest kept"), "v3");
    }
}
