//! The house rule "files small and named for what they hold": no `.rs` file in `src/`, `tests/` or
//! `benches/` is over 500 lines. A file that grows past it fails here, by name, to be split by what
//! it holds (STYLE.md: one file per pane and per widget, a file past 500 lines is split).

use super::*;

/// The most lines a source file may have.
const MOST_LINES: usize = 500;

/// Every `.rs` file under `dir`, at any depth, in path order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_is_over_500_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    for known in ["src/lib.rs", "tests/cli/file_sizes.rs", "benches/store.rs"] {
        assert!(files.contains(&root.join(known)), "the walk missed {known}");
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let text =
                fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let lines = text.lines().count();
            let name = path.strip_prefix(root).unwrap_or(path).display();
            (lines > MOST_LINES).then(|| format!("{name}: {lines} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MOST_LINES} lines, to split by what they hold:\n{}",
        long.join("\n")
    );
}
