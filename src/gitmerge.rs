//! `cairn merge BASE OURS THEIRS [-o OUT]`: the board's three-way merge (`model::merge`) on files,
//! as git calls a merge driver (`%O %A %B`, the result written to `%A`); and `cairn git setup`,
//! which tells git to use it for the board.

use crate::io::Failure;
use crate::model::merge::{Conflict, merge};
use crate::store;
use std::io::Write;
use std::path::Path;

fn read(path: &Path, side: &str) -> Result<crate::model::Board, Failure> {
    store::read(path).map_err(|e| {
        Failure::usage(format!(
            "cairn merge: {side} ({}) cannot be read: {e}; nothing was written",
            path.display()
        ))
    })
}

/// One conflict on one line: `CRN-12 title: ours "A", theirs "B" (was "C")`.
pub fn conflict_line(c: &Conflict) -> String {
    let v = |s: &Option<String>| {
        s.as_deref()
            .map_or("(none)".to_string(), |s| format!("{s:?}"))
    };
    format!(
        "{} {}: ours {}, theirs {} (was {})",
        c.what,
        c.field,
        v(&c.ours),
        v(&c.theirs),
        v(&c.base)
    )
}

/// Merges the three files and writes the result (atomically, keeping the file's mode: `store::write_over`).
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let (b, o, t) = (
        read(base, "BASE")?,
        read(ours, "OURS")?,
        read(theirs, "THEIRS")?,
    );
    let merged = merge(&b, &o, &t);
    if !merged.problems.is_empty() {
        let mut lines = vec![format!(
            "cairn merge: the merged board would not be sound, so nothing was written ({} stays as it was):",
            ours.display()
        )];
        lines.extend(merged.problems.iter().map(|p| format!("  {p}")));
        return Err(Failure { lines, code: 1 });
    }
    let out = output.unwrap_or(ours);
    let text = store::to_ron(&merged.board)
        .map_err(|e| Failure::usage(format!("cairn merge: cannot write the board: {e}")))?;
    store::write_over(out, text.as_bytes()).map_err(|e| {
        Failure::usage(format!(
            "cairn merge: {}: {e}; nothing was written",
            out.display()
        ))
    })?;
    let mut said = Vec::new();
    for r in &merged.renumbered {
        said.push(format!("cairn merge: {r}"));
    }
    if merged.conflicts.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for line in &said {
            let _ = writeln!(stderr, "{line}");
        }
        return Ok(());
    }
    said.push(format!(
        "cairn merge: {} recorded in {} (it holds ours; resolve them in cairn):",
        crate::model::words::count(merged.conflicts.len(), "conflict"),
        out.display()
    ));
    said.extend(
        merged
            .conflicts
            .iter()
            .map(|c| format!("  {}", conflict_line(c))),
    );
    Err(Failure {
        lines: said,
        code: 1,
    })
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, Failure> {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Failure::data(format!("cairn git setup: cannot run git: {e}")))
}

/// The driver line git runs: this cairn, by its full path (so a clone needs no PATH set up).
fn driver_command() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.canonicalize().ok())
        .map_or_else(|| "cairn".to_string(), |p| p.display().to_string());
    let exe = if exe.contains(' ') {
        format!("'{exe}'")
    } else {
        exe
    };
    format!("{exe} merge %O %A %B")
}

/// `cairn git setup`: the board's line in the repository's `.gitattributes` and the driver in this
/// clone's config; each only when missing, and what was done is said.
pub fn setup(board: &Path) -> Result<(), Failure> {
    let board = std::path::absolute(board)
        .map_err(|e| Failure::data(format!("{}: {e}", board.display())))?;
    let dir = board.parent().unwrap_or(Path::new("/"));
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if !top.status.success() {
        return Err(Failure::data(format!(
            "cairn git setup: {} is not in a git repository (run `git init` there first, or pass \
             --file with the board in your clone)",
            board.display()
        )));
    }
    let top = std::path::PathBuf::from(String::from_utf8_lossy(&top.stdout).trim());
    let real = board.canonicalize().unwrap_or(board.clone());
    let top_real = top.canonicalize().unwrap_or(top.clone());
    let rel = real
        .strip_prefix(&top_real)
        .map_err(|_| Failure::data(format!("{} is outside {}", board.display(), top.display())))?;
    let pattern = rel
        .to_string_lossy()
        .replace('\\', "/")
        .replace(' ', "[[:space:]]");
    let mut said = Vec::new();
    add_line(
        &top.join(".gitattributes"),
        &format!("{pattern} merge=cairn"),
        "so every clone merges the board with cairn",
        &mut said,
    )?;
    // The edit journal and the lock are this machine's: never committed.
    for ignored in [".*.ron.journal", ".*.ron.lock"] {
        add_line(
            &top.join(".gitignore"),
            ignored,
            "cairn's journal and lock stay on this machine",
            &mut said,
        )?;
    }
    let driver = driver_command();
    let now = git(&top, &["config", "--get", "merge.cairn.driver"])?;
    let now = String::from_utf8_lossy(&now.stdout).trim().to_string();
    if now == driver {
        said.push("This clone already merges with cairn (merge.cairn.driver is set)".to_string());
    } else {
        for (key, value) in [
            ("merge.cairn.name", "cairn board merge"),
            ("merge.cairn.driver", driver.as_str()),
        ] {
            let out = git(&top, &["config", key, value])?;
            if !out.status.success() {
                return Err(Failure::data(format!(
                    "cairn git setup: git config {key} failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                )));
            }
        }
        said.push(format!(
            "Set merge.cairn.driver to `{driver}` in this clone's git config (git does not carry \
             it in a commit: run `cairn git setup` once in each clone)"
        ));
    }
    let mut stdout = std::io::stdout().lock();
    for line in said {
        let _ = writeln!(stdout, "{line}");
    }
    Ok(())
}

/// Appends `line` to the file at `path` unless it is there; says which.
fn add_line(path: &Path, line: &str, why: &str, said: &mut Vec<String>) -> Result<(), Failure> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    if text.lines().any(|l| l.trim() == line) {
        said.push(format!("{} already has `{line}`", path.display()));
        return Ok(());
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(line);
    new.push('\n');
    std::fs::write(path, new)
        .map_err(|e| Failure::data(format!("{}: {e}; nothing else was changed", path.display())))?;
    said.push(format!(
        "Added `{line}` to {} (commit it: {why})",
        path.display()
    ));
    Ok(())
}
