//! Atomic replacement of a file: write a temp file in the same directory, fsync it, rename it over the
//! old one, fsync the directory. A crash at any point leaves either the old file or the new one.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
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

    fn step(&mut self, op: &str) -> io::Result<()> {
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

    fn reset(&mut self) {
        self.count = 0;
    }
}

/// The prefix of temp files for `path`: `.board.ron.` for `board.ron`.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "board".into(), |n| n.to_string_lossy());
    format!(".{name}.")
}

pub const TEMP_SUFFIX: &str = ".tmp";

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `bytes` atomically, keeping the old file's permissions.
pub fn write_atomic(path: &Path, bytes: &[u8], faults: &mut Faults) -> io::Result<()> {
    faults.reset();
    let dir = parent(path);
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    faults.step("create temp file")?;
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    faults.step("write")?;
    temp.write_all(bytes)?;
    faults.step("fsync file")?;
    temp.as_file().sync_all()?;
    faults.step("set permissions")?;
    fs::set_permissions(temp.path(), permissions.unwrap_or_else(default_permissions))?;
    faults.step("rename")?;
    // On error the temp file is dropped and removed; the old file is untouched.
    temp.persist(path).map_err(|e| e.error)?;
    faults.step("fsync directory")?;
    File::open(dir)?.sync_all()
}

#[cfg(unix)]
fn default_permissions() -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> Permissions {
    fs::metadata(".")
        .map(|m| m.permissions())
        .unwrap_or_else(|_| unreachable!())
}

/// Removes temp files a crashed save left beside `path`. Returns what was removed.
pub fn clean_leftovers(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(parent(path)) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix)
            && name.ends_with(TEMP_SUFFIX)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed.push(entry.path());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failing_step_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        fs::write(&path, "old").expect("write");
        let mut probe = Faults::default();
        write_atomic(&path, b"probe", &mut probe).expect("writes");
        fs::write(&path, "old").expect("write");
        let steps = probe.operations();
        assert_eq!(steps, 6);
        for n in 1..steps {
            let mut faults = Faults::fail_at(n);
            let err = write_atomic(&path, b"new", &mut faults).expect_err("fails");
            assert_eq!(err.kind(), io::ErrorKind::StorageFull);
            // The last step (directory fsync) fails after the rename: the new file is complete.
            assert_eq!(fs::read_to_string(&path).expect("read"), "old", "step {n}");
            assert!(
                clean_leftovers(&path).is_empty(),
                "step {n} left a temp file"
            );
        }
        write_atomic(&path, b"new", &mut Faults::default()).expect("writes");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_survive_a_save() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, Permissions::from_mode(0o600)).expect("chmod");
        write_atomic(&path, b"new", &mut Faults::default()).expect("writes");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn leftovers_are_cleaned() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        fs::write(dir.path().join(".b.ron.abc123.tmp"), "half").expect("write");
        fs::write(dir.path().join("other.tmp"), "keep").expect("write");
        assert_eq!(clean_leftovers(&path).len(), 1);
        assert!(dir.path().join("other.tmp").exists());
    }
}
