//! Odd files: anything but a regular file is refused before it is read (a FIFO never hangs); a
//! byte order mark is accepted; the version is read the way the parser reads it; CRLF line endings
//! survive a save and comments are announced; every temp file cairn makes is cleaned at the next
//! start; import is linear in the rows.

use crate::common::hostile::*;
use cairn::io::generate::generate;
use cairn::model::{Edit, Item, ItemId, ItemKind};
use cairn::store::{self, Store};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// `cairn ARGS` that must end within 5 s (a FIFO once hung it forever); returns its output.
fn bounded(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    let mut c = sb.cairn(args);
    c.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().expect("cairn runs");
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("cairn {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// Point 18: a FIFO, a socket, a directory and a device as the board: every command says what it
/// is and exits 1 at once.
#[test]
fn anything_but_a_regular_file_is_refused_before_reading() {
    let sb = Sandbox::new();
    let fifo = sb.path("fifo.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let socket = sb.path("socket.ron");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("a socket");
    let dir = sb.path("dir.ron");
    fs::create_dir(&dir).expect("mkdir");
    for (path, kind) in [
        (fifo.as_path(), "FIFO"),
        (socket.as_path(), "socket"),
        (dir.as_path(), "directory"),
        (Path::new("/dev/null"), "device"),
    ] {
        for args in [
            vec!["check", "--file", s(path)],
            vec!["--file", s(path)],
            vec!["export", "--format", "json", "--file", s(path)],
        ] {
            let o = bounded(&sb, &args);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains(kind) && stderr(&o).contains("not a regular file"),
                "{args:?}: {}",
                stderr(&o)
            );
        }
    }
}

fn sample_text(sb: &Sandbox) -> (std::path::PathBuf, String) {
    let path = sb.path("board.ron");
    let o = run(sb.cairn(&["generate", "--items", "12", "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(&path).expect("reads");
    (path, text)
}

/// Point 19: a board saved by Notepad (with a UTF-8 byte order mark) loads.
#[test]
fn a_byte_order_mark_is_accepted() {
    let sb = Sandbox::new();
    let (path, text) = sample_text(&sb);
    fs::write(&path, format!("\u{feff}{text}")).expect("writes");
    let o = run(sb.cairn(&["check", "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Point 20: a `version: 3` in a comment or a string is not the schema version.
#[test]
fn the_version_is_the_top_level_field_only() {
    let sb = Sandbox::new();
    let (path, text) = sample_text(&sb);
    let commented = format!("// copied from a board with version: 3\n/* version: 9 */\n{text}");
    fs::write(&path, commented).expect("writes");
    let o = run(sb.cairn(&["check", "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        store::peek_version(&text),
        Some(cairn::model::SCHEMA_VERSION)
    );
}

/// Point 21: CRLF endings are kept by a save (git sees the changed lines only); a file with
/// comments says, once, that saving drops them.
#[test]
fn line_endings_are_kept_and_comments_are_announced() {
    let sb = Sandbox::new();
    let (path, text) = sample_text(&sb);
    let crlf = text.replace('\n', "\r\n");
    fs::write(&path, &crlf).expect("writes");
    let csv = sb.path("items.csv");
    fs::write(&csv, "Summary\nAdded on Windows\n").expect("csv");
    let o = run(sb.cairn(&["import", "csv", s(&csv), "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
    let after = fs::read_to_string(&path).expect("reads");
    assert!(after.contains("Added on Windows"));
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "every line ends in CRLF"
    );
    let before_lines: Vec<&str> = crlf.split("\r\n").collect();
    let after_lines: Vec<&str> = after.split("\r\n").collect();
    let same = before_lines
        .iter()
        .filter(|l| after_lines.contains(l))
        .count();
    assert!(same * 10 > before_lines.len() * 9, "most lines unchanged");

    fs::write(&path, format!("// the team's board\n{text}")).expect("writes");
    let o = run(sb.cairn(&["import", "csv", s(&csv), "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stderr(&o).matches("has comments").count(),
        1,
        "{}",
        stderr(&o)
    );
    assert!(!store::has_comments(
        &fs::read_to_string(&path).expect("reads")
    ));
    let kept = store::list_backups(&path);
    let newest = store::backup_bytes(kept.last().expect("a backup")).expect("reads");
    let newest = String::from_utf8(newest).expect("utf-8");
    assert!(
        newest.starts_with("// the team's board"),
        "the original is in backups/"
    );
}

/// Point 22 (and the crash suite's check): temp files of every kind cairn writes, by this
/// version and older ones, beside the board and in `backups/`, go at the next start; nothing else.
#[test]
fn every_temp_file_cairn_makes_is_cleaned_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    drop(Store::create(&path, &generate(5, 1), false).expect("creates"));
    let backups = store::backup_dir(&path);
    fs::create_dir_all(&backups).expect("mkdir");
    let ours = [
        dir.path().join(".board.ron.Ab12Cd.tmp"),
        dir.path().join(".board.ron.Ab12Cd34.tmp"),
        dir.path()
            .join(".board.conflict-20261128T101010Z.ron.x1Y2z3.tmp"),
        backups.join(".board.ron.Zz99Yy88.tmp"),
    ];
    let theirs = [
        dir.path().join(".board-2.ron.Ab12Cd34.tmp"),
        dir.path().join("notes.tmp"),
        dir.path().join(".board.ron.with-dash.tmp"),
    ];
    for p in ours.iter().chain(&theirs) {
        fs::write(p, "half").expect("writes");
    }
    // A link under a temp file's name is not removed (nor followed).
    let link = dir.path().join(".board.ron.LiNk0001.tmp");
    std::os::unix::fs::symlink(&path, &link).expect("symlink");
    let opened = Store::open(&path, None).expect("opens");
    let mut cleaned = opened.cleaned.clone();
    cleaned.sort();
    let mut want = ours.to_vec();
    want.sort();
    assert_eq!(cleaned, want);
    assert!(theirs.iter().all(|p| p.exists()));
    assert!(fs::symlink_metadata(&link).is_ok() && path.exists());
}

/// Point 25: adding 100,000 items in one batch (what `import` does) is linear: well under the
/// seconds the per-row duplicate scan took.
#[test]
fn adding_a_hundred_thousand_items_is_linear() {
    let mut board = generate(10, 1);
    let first = board.counters.item + 1;
    let edits: Vec<Edit> = (0..100_000u32)
        .map(|n| Edit::InsertItem {
            index: usize::MAX,
            item: Box::new(Item::new(
                ItemId(first + n),
                ItemKind::Task,
                format!("Row {n}"),
                "To do".to_string(),
                jiff::civil::date(2026, 11, 28),
            )),
        })
        .collect();
    let start = Instant::now();
    let undo = board.apply(Edit::Batch(edits)).expect("applies");
    let took = start.elapsed();
    assert_eq!(board.items.len(), 100_010);
    assert!(took < Duration::from_secs(3), "100k inserts took {took:?}");
    drop(undo);
    // A duplicate id in the batch is still refused, and the batch leaves no trace.
    let dup = board.items[0].as_ref().clone();
    let len = board.items.len();
    assert!(
        board
            .apply(Edit::Batch(vec![Edit::InsertItem {
                index: 0,
                item: Box::new(dup)
            }]))
            .is_err()
    );
    assert_eq!(board.items.len(), len);
}
