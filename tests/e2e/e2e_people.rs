//! End to end in the stakeholders pane, as a person uses it: the real `cairn` binary in a private
//! tmux server. A note added with `n` is saved, is there after reopening, shows in the Markdown status
//! report (`cairn export --format md`), and `r` writes the report beside the board and says where.

use cairn::model::{NoteKind, StakeholderId};
use std::process::Command;

use crate::common;

use common::tmux::*;

const RAFAEL: StakeholderId = StakeholderId(2);
const NOTE: &str = "Approved the PSP fee model for the beta";

#[test]
fn a_note_added_with_n_is_kept_and_reported() {
    let Some(t) = Tmux::start("a_note_added_with_n_is_kept_and_reported") else {
        return;
    };
    let path = t.board();
    t.open("main", 100, 30);
    t.see("main", "was created from the sample board");
    t.keys("main", &["4"]);
    let screen = t.see("main", "Stakeholders — 6 · due first");
    assert!(
        screen.contains("› Rafael Duarte"),
        "the most overdue first:\n{screen}"
    );

    t.keys("main", &["n"]);
    t.see("main", "Note for Rafael Duarte");
    t.type_text("main", NOTE);
    t.keys("main", &["Tab"]);
    t.keys("main", &["BSpace"; 7]);
    t.type_text("main", "decision");
    t.keys("main", &["Enter"]);
    t.see("main", "Add a decision note for Rafael Duarte");

    t.keys("main", &["r"]);
    let screen = t.see("main", "Report written to");
    let report = path
        .parent()
        .expect("a dir")
        .join("reports/b-status-2026-11-28.md");
    let written = std::fs::read_to_string(&report).expect("r wrote the report beside the board");
    assert!(written.contains(NOTE), "{written}");
    assert!(
        screen.contains("b-status-2026-11-28.md"),
        "the path is shown:\n{screen}"
    );
    // Again the same day: a second file, and the message says the first is kept.
    t.keys("main", &["r"]);
    let screen = t.see("main", "reports/b-status-2026-11-28-2.md (1st kept)");
    assert!(
        report.with_file_name("b-status-2026-11-28-2.md").exists(),
        "{screen}"
    );
    assert_eq!(
        std::fs::read_to_string(&report).expect("still there"),
        written,
        "the first report is untouched"
    );

    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");

    let board = read_board(&path);
    let rafael = board.stakeholder(RAFAEL).expect("Rafael is in the file");
    let note = rafael.notes.last().expect("the note was saved");
    assert_eq!((note.text.as_str(), note.kind), (NOTE, NoteKind::Decision));
    assert_eq!(note.date, jiff::civil::date(2026, 11, 28));

    t.open("again", 100, 30);
    // It reopens where it was left, on the stakeholders (whose register shows the latest note).
    t.see("again", "Stakeholders — 6 · due first");
    t.keys("again", &["4", "Enter"]);
    let screen = t.see("again", "Nov 28 2026 decision");
    assert!(screen.contains(NOTE), "{screen}");
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");

    let out = Command::new(CAIRN)
        .args(["export", "--format", "md", "--file"])
        .arg(&path)
        .env("CAIRN_TODAY", "2026-11-28")
        .env("HOME", t.dir.path().join("home"))
        .env("XDG_DATA_HOME", t.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", t.dir.path().join("config"))
        .output()
        .expect("cairn export runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    let decisions = md
        .split("## Decisions and requests")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the decisions section");
    let row = decisions
        .lines()
        .find(|l| l.contains(NOTE))
        .unwrap_or_else(|| panic!("the note is in the report:\n{md}"));
    assert!(
        row.starts_with("| 2026-11-28 | decision | Rafael Duarte"),
        "{row}"
    );
    assert!(
        decisions.contains("in the last 30 days"),
        "today's own report is not \"the last report\":\n{decisions}"
    );
}
