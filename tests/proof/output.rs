//! What reaches the terminal and other programs: the board's control characters never reach a
//! terminal raw (the file keeps them exactly); CSV cells a spreadsheet would run are neutralised and
//! come back exact on import; the Markdown report cannot be broken or injected by a title; a closed
//! pipe ends quietly; a bug in a subcommand still exits 1 with a message.

use crate::common::hostile::*;
use cairn::io::generate::generate;
use cairn::store::{self, Store};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

const OSC_TITLE: &str = "\u{1b}]0;pwned\u{7}";
const OSC_CLIPBOARD: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";

/// A board whose project name and titles carry escapes (and, with `invalid`, a problem naming one).
fn hostile_board(sb: &Sandbox, invalid: bool) -> PathBuf {
    let path = sb.path("board.ron");
    let mut board = generate(5, 1);
    board.project.name = format!("Evil{OSC_TITLE}");
    let mut first = board.items[0].as_ref().clone();
    first.title = format!("Copy{OSC_CLIPBOARD} this\u{9b}31m");
    if invalid {
        first.points = Some(4);
    }
    board.items[0] = std::sync::Arc::new(first);
    let text = store::to_ron(&board).expect("ron");
    fs::write(&path, text).expect("writes");
    path
}

/// Runs `cairn ARGS` with its stdout (and stdin, stderr) on a terminal, through `script`; returns
/// everything the terminal received.
fn on_a_terminal(sb: &Sandbox, args: &[&str], stdin_null: bool) -> String {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let redirect = if stdin_null { " < /dev/null" } else { "" };
    let cmd = format!("'{CAIRN}' {}{redirect}", quoted.join(" "));
    let mut c = Command::new("script");
    c.args(["-q", "-e", "-c", &cmd, "/dev/null"]);
    for (k, v) in sb.cairn(&[]).get_envs() {
        if let Some(v) = v {
            c.env(k, v);
        }
    }
    c.stdin(Stdio::null());
    let o = c.output().expect("script runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn no_raw_escapes(what: &str, text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'),
        "{what}: control characters reached the terminal: {text:?}"
    );
}

/// Point 12: `check` (a problem naming the item), `export --format csv|md` to a terminal and the
/// non-terminal fallback: escapes shown as text. Piped, the export keeps the text exact.
#[test]
fn the_boards_control_characters_never_reach_a_terminal() {
    if Command::new("script").arg("-V").output().is_err() {
        cannot_run(
            "control characters",
            "`script` (util-linux) is not installed",
        );
        return;
    }
    let sb = Sandbox::new();
    let path = hostile_board(&sb, true);
    let o = run(sb.cairn(&["check", "--file", s(&path)]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Copy\\u{1b}]52"), "{}", stderr(&o));
    no_raw_escapes("check's stderr", &stderr(&o));

    let path = hostile_board(&sb, false);
    let file = s(&path);
    for args in [
        vec!["check", "--file", file],
        vec!["export", "--format", "csv", "--file", file],
        vec!["export", "--format", "md", "--file", file],
        vec!["export", "--format", "json", "--file", file],
    ] {
        let seen = on_a_terminal(&sb, &args, false);
        assert!(
            seen.contains("Evil") || seen.contains("Copy"),
            "{args:?}: {seen}"
        );
        no_raw_escapes(&format!("{args:?}"), &seen);
    }
    let seen = on_a_terminal(&sb, &["--file", file], true);
    assert!(seen.contains("Evil"), "{seen}");
    no_raw_escapes("the non-terminal fallback", &seen);

    let piped = run(sb.cairn(&["export", "--format", "csv", "--file", file]));
    assert!(
        stdout(&piped).contains(OSC_CLIPBOARD),
        "a pipe gets the exact text"
    );
    let kept = store::read(&path).expect("loads");
    assert!(
        kept.items[0].title.contains(OSC_CLIPBOARD),
        "the board keeps the text"
    );
}

const FORMULAS: [&str; 8] = [
    "=HYPERLINK(\"http://evil\",\"x\")",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tTabbed",
    "'=already quoted",
    "''=twice",
    "'plain apostrophe",
];

/// Point 13: formula cells get a leading `'` on export; importing cairn's export takes exactly that
/// off, so every title comes back as it was.
#[test]
fn csv_cells_that_would_run_are_neutralised_and_round_trip() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    let board = cairn::model::Board::new("Formulas", "F");
    drop(Store::create(&path, &board, false).expect("creates"));
    let csv = sb.path("in.csv");
    let mut w = String::from("Summary,Assignee\n");
    for f in FORMULAS {
        w.push_str(&format!(
            "\"{}\",\"{}\"\n",
            f.replace('"', "\"\""),
            "=cmd|' /C calc'!A0"
        ));
    }
    fs::write(&csv, w).expect("csv");
    let o = run(sb.cairn(&["import", "csv", s(&csv), "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
    let exported = run(sb.cairn(&["export", "--format", "csv", "--file", s(&path)]));
    let text = stdout(&exported);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.expect("a row");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    let out = sb.path("out.csv");
    fs::write(&out, &text).expect("writes");
    let second = sb.path("second.ron");
    drop(Store::create(&second, &board, false).expect("creates"));
    let o = run(sb.cairn(&["import", "csv", s(&out), "--file", s(&second)]));
    assert!(o.status.success(), "{}", stderr(&o));
    let titles = |p: &Path| -> Vec<String> {
        store::read(p)
            .expect("loads")
            .items
            .iter()
            .map(|i| i.title.clone())
            .collect()
    };
    assert_eq!(
        titles(&second),
        titles(&path),
        "the round trip keeps every title"
    );
    let help = run(sb.cairn(&["export", "--help"]));
    assert!(stdout(&help).contains("formula"), "--help says so");
}

/// Point 14: titles with table pipes, headings, HTML, backticks and line breaks neither break the
/// report's tables nor inject anything.
#[test]
fn titles_cannot_break_or_inject_into_the_markdown_report() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    let mut board = generate(40, 3);
    let nasty = [
        "a | b | c",
        "# Heading",
        "<script>alert(1)</script>",
        "`code` and ```fence",
        "two\nlines\r\nhere",
        "[link](javascript:alert(1))",
        "**bold** _em_ ~~strike~~",
    ];
    for (i, t) in nasty.iter().enumerate() {
        let mut it = board.items[i].as_ref().clone();
        it.title = (*t).to_string();
        it.status = board.columns[0].name.clone(); // not done: in the report's top of the backlog
        it.done = None;
        board.items[i] = std::sync::Arc::new(it);
    }
    fs::write(&path, store::to_ron(&board).expect("ron")).expect("writes");
    let o = run(sb.cairn(&["export", "--format", "md", "--file", s(&path)]));
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(!md.contains("<script>"), "raw HTML in the report");
    assert!(!md.lines().any(|l| l.starts_with("# Heading")));
    // Every table row has as many cells as its header.
    let mut columns = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        match columns {
            None => columns = Some(cells),
            Some(n) => assert_eq!(cells, n, "a broken table row: {line}"),
        }
    }
    for t in [
        "a \\| b \\| c",
        "\\<script\\>",
        "\\`code\\`",
        "two lines here",
    ] {
        assert!(md.contains(t), "{t} not in the report:\n{md}");
    }
}

/// Point 15: `cairn export | head` ends quietly, status 0, nothing on stderr.
#[test]
fn a_closed_pipe_ends_quietly() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    drop(Store::create(&path, &generate(3000, 1), false).expect("creates"));
    for format in ["json", "csv", "md"] {
        let mut child = sb
            .cairn(&["export", "--format", format, "--file", s(&path)])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut head = [0u8; 16];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut head)
            .expect("reads the head");
        // The reader is gone (dropped above); the rest of the write meets a closed pipe.
        let o = child.wait_with_output().expect("ends");
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{format}: said something");
    }
}

/// Point 23, the part of the command line: a panic in a subcommand exits 1 with a message, not 101.
#[test]
fn a_panic_in_a_subcommand_exits_1_with_a_message() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    drop(Store::create(&path, &generate(3, 1), false).expect("creates"));
    let mut c = sb.cairn(&["check", "--file", s(&path)]);
    c.env("CAIRN_TEST_FAIL", "panic-command");
    let o = run(c);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("cairn hit a bug"), "{}", stderr(&o));
}
