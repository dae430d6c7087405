//! `cairn merge BASE OURS THEIRS [-o OUT]`: the board's three-way merge (`model::merge`) on files,
//! as git calls a merge driver (`%O %A %B`, the result written to `%A`).

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

/// Merges the three files and writes the result (atomically: a temp file beside it, renamed over).
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
    write_atomically(out, text.as_bytes()).map_err(|e| {
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

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
