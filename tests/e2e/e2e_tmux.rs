//! End to end, as a person uses it: the real `cairn` binary in a real terminal (a private tmux server),
//! driven with keystrokes, checked by what is on the screen and what is on disk afterwards.
//!
//! Each test has its own temp dir `T`, its own tmux socket `T/sock` and config `T/tmux.conf`, and runs
//! cairn with a clean environment whose HOME and XDG directories are inside `T`. Without tmux the
//! tests say they were skipped, except under CI (`CI` set), where that is a failure.

use cairn::model::Board;
use std::fs;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common;

use common::tmux::*;

/// Autosave runs ~300 ms after a change; this leaves it ample time.
const AFTER_AUTOSAVE: Duration = Duration::from_millis(1200);

/// The rank shown in the backlog table for the row of `key` (`│›   2  CRN-50 story …` gives 2).
fn rank_on_screen(screen: &str, key: &str) -> Option<usize> {
    let line = screen.lines().find(|l| l.contains(&format!(" {key} ")))?;
    let rest = line
        .trim_start_matches('│')
        .trim_start_matches('›')
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn find<'a>(board: &'a Board, title: &str) -> Option<(usize, &'a cairn::model::Item)> {
    board
        .items
        .iter()
        .enumerate()
        .find(|(_, i)| i.title == title)
        .map(|(n, i)| (n, &**i))
}

#[test]
fn add_move_undo_quit_and_the_item_is_on_disk_and_on_screen_again() {
    let Some(t) = Tmux::start("add_move_undo_quit") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    let screen = t.see("main", "was created from the sample board");
    assert!(screen.contains("1 Backlog") && screen.contains("✓ saved"));
    let sample = read_board(&path);
    let first = sample.items[0].id;

    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.type_text("main", "E2E smoke item");
    t.see("main", "E2E smoke item");
    t.keys("main", &["Enter"]);
    let screen = t.see("main", "Add CRN-50 \"E2E smoke item\"");
    let row = screen
        .lines()
        .find(|l| l.contains(" CRN-50 "))
        .expect("the new row is in the table");
    assert!(row.contains("E2E smoke item") && row.contains('›'), "{row}");
    assert_eq!(
        rank_on_screen(&screen, "CRN-50"),
        Some(2),
        "added below the selection"
    );

    t.keys("main", &["J"]);
    let screen = t.see("main", "Move CRN-50 down");
    assert_eq!(rank_on_screen(&screen, "CRN-50"), Some(3), "{screen}");

    t.keys("main", &["u"]);
    let screen = t.wait_for("main", "the undo, saved", |s| {
        s.contains("Undid: Move CRN-50 down") && s.contains("✓ saved")
    });
    assert_eq!(rank_on_screen(&screen, "CRN-50"), Some(2), "{screen}");

    t.keys("main", &["q"]);
    assert_eq!(
        t.wait_exit("main"),
        "status 0",
        "q ends cairn with status 0"
    );

    let board = read_board(&path);
    let (rank, item) = find(&board, "E2E smoke item").expect("the new item is in the file");
    assert_eq!(board.item_key(item.id), "CRN-50");
    assert_eq!(rank, 1, "the rank after undo: second, below the first item");
    assert_eq!(board.items[0].id, first);
    assert_eq!(board.items.len(), sample.items.len() + 1);

    t.open("again", 120, 40);
    let screen = t.see_with_status("again", "E2E smoke item", "✓ saved");
    assert_eq!(rank_on_screen(&screen, "CRN-50"), Some(2), "{screen}");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");
}

#[test]
fn an_autosaved_item_survives_kill_9() {
    let Some(t) = Tmux::start("kill_9") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.type_text("main", "Survives kill -9");
    t.see("main", "Survives kill -9");
    t.keys("main", &["Enter"]);
    t.see("main", "Add CRN-50 \"Survives kill -9\"");
    let added = Instant::now();
    let pid = t.cairn_pid("main");
    std::thread::sleep(AFTER_AUTOSAVE.saturating_sub(added.elapsed()));
    let screen = t.screen("main");
    assert!(screen.contains("✓ saved"), "autosaved by now:\n{screen}");

    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success(), "kill -9 {pid}");
    assert_eq!(t.wait_exit("main"), "signal 9");

    let board = read_board(&path);
    let (_, item) = find(&board, "Survives kill -9").expect("the autosaved item is in the file");
    assert_eq!(board.item_key(item.id), "CRN-50");
    let leftovers: Vec<String> = fs::read_dir(t.dir.path())
        .expect("list T")
        .map(|e| {
            e.expect("a dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with(".b.ron.") && n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");

    // The lock died with the process: the next cairn may write.
    t.open("again", 120, 40);
    let screen = t.see_with_status("again", "Survives kill -9", "✓ saved");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");
}

#[test]
fn a_second_cairn_on_the_same_file_is_read_only() {
    let Some(t) = Tmux::start("read_only") else {
        return;
    };
    let path = t.board();
    t.open("first", 120, 40);
    t.see("first", "was created from the sample board");
    let before = fs::read(&path).expect("the board was written");

    t.open("second", 120, 40);
    t.see_with_status("second", "READ-ONLY", "read-only");

    t.keys("second", &["a"]);
    let screen = t.see("second", "Read-only: another cairn has this board open");
    assert!(!screen.contains("New item"), "no form opens:\n{screen}");
    t.keys("second", &["J"]);
    std::thread::sleep(AFTER_AUTOSAVE);
    let screen = t.screen("second");
    assert!(!screen.contains("Move CRN-"), "nothing moved:\n{screen}");
    assert_eq!(
        fs::read(&path).expect("reads"),
        before,
        "the file is untouched"
    );

    t.keys("second", &["q"]);
    assert_eq!(t.wait_exit("second"), "status 0");
    assert_eq!(
        fs::read(&path).expect("reads"),
        before,
        "the file is untouched"
    );

    let screen = t.screen("first");
    assert!(
        screen.contains("✓ saved") && !screen.contains("READ-ONLY"),
        "{screen}"
    );
    t.keys("first", &["q"]);
    assert_eq!(t.wait_exit("first"), "status 0");
}

#[test]
fn small_and_large_terminals() {
    let Some(t) = Tmux::start("sizes") else {
        return;
    };
    t.open("small", 80, 24);
    let screen = t.wait_for("small", "the header and a saved status bar", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.first().is_some_and(|l| l.contains("1 Backlog"))
            && lines.last().is_some_and(|l| l.contains("saved"))
    });
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines.len(), 24, "{screen}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{screen}");
    // Done items are hidden by default, and the title says how many.
    assert!(
        screen.contains("Backlog — 18 of 49 items · 31 done hidden"),
        "{screen}"
    );
    t.keys("small", &["q"]);
    assert_eq!(t.wait_exit("small"), "status 0");

    t.open("large", 200, 60);
    let screen = t.wait_for("large", "the details panel", |s| {
        s.contains("Acceptance criteria") && s.contains("Kind ")
    });
    // Beside the table: on the table's own lines, to the right of it.
    let title = screen
        .lines()
        .find(|l| l.contains("Backlog — 18 of 49 items"))
        .expect("the backlog title");
    assert!(
        title.contains("╭ CRN-22"),
        "details of the selected item: {title}"
    );
    let criteria = screen
        .lines()
        .find(|l| l.contains("Acceptance criteria"))
        .expect("acceptance criteria");
    let column = criteria[..criteria.find("Acceptance criteria").expect("found")]
        .chars()
        .count();
    assert!(
        column > 120,
        "right of the table, at column {column}: {criteria}"
    );
    assert!(
        criteria.starts_with('│'),
        "a table row on the same line: {criteria}"
    );
    t.keys("large", &["q"]);
    assert_eq!(t.wait_exit("large"), "status 0");
}

/// Kills a process when dropped, if it still runs.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let pid = self.0.to_string();
        if running(&pid) {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
        }
    }
}

/// Closing the terminal (a closed window, a dropped ssh session) sends SIGHUP, which cairn answers by
/// saving and exiting. crossterm 0.29 spins on a closed tty inside `event::poll` (crossterm#793), so
/// events are read on their own thread and the loop still sees the SIGHUP: the last change reaches
/// the disk, the lock is released and nothing is left running.
#[test]
fn closing_the_terminal_saves_and_ends_cairn() {
    let Some(t) = Tmux::start("closing_the_terminal") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    let pid = t.cairn_pid("main");
    let _reaper = KillOnDrop(pid);
    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.type_text("main", "Saved on hangup");
    t.keys("main", &["Enter"]);
    t.see("main", "Add CRN-50 \"Saved on hangup\"");
    t.ok(&["kill-session", "-t", "main"]);

    let start = Instant::now();
    while running(&pid.to_string()) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(POLL);
    }
    assert!(
        !running(&pid.to_string()),
        "cairn {pid} still runs 3 s after its terminal closed"
    );
    let board = read_board(&path);
    assert!(
        find(&board, "Saved on hangup").is_some(),
        "the change is saved"
    );
    t.open("again", 120, 40);
    let screen = t.see_with_status("again", "Saved on hangup", "✓ saved");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
}

/// A multi-line paste into the add form is one title, not keys: `Fix login⏎dd⏎` used to add the item,
/// delete it and then delete the next one (bracketed paste was never enabled).
#[test]
fn a_pasted_newline_is_never_a_key() {
    let Some(t) = Tmux::start("paste") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    let before = read_board(&path);
    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.ok(&["set-buffer", "-b", "p", "Fix login\ndd\nq\n"]);
    // -p: as a bracketed paste, which tmux sends only when the program asked for it.
    t.ok(&["paste-buffer", "-p", "-d", "-b", "p", "-t", "main"]);
    t.see("main", "Fix login dd q");
    t.keys("main", &["Enter"]);
    t.see("main", "Add CRN-50 \"Fix login dd q\"");
    std::thread::sleep(AFTER_AUTOSAVE);
    let after = read_board(&path);
    assert_eq!(
        after.items.len(),
        before.items.len() + 1,
        "one item added, none deleted"
    );
    assert!(find(&after, "Fix login dd q").is_some());
    // A paste outside a text field changes nothing.
    t.ok(&["set-buffer", "-b", "p", "dd\n"]);
    t.ok(&["paste-buffer", "-p", "-d", "-b", "p", "-t", "main"]);
    t.see("main", "Nothing here takes text: the paste was ignored");
    t.keys("main", &["q"]);
    t.wait_exit("main");
    assert_eq!(read_board(&path).items.len(), before.items.len() + 1);
}

/// A 10,000-character paste is taken in at once (issue 12, point 19): with crossterm reading the
/// tty in small chunks, its end used to stay unread until another key arrived.
#[test]
fn a_long_paste_arrives_whole_without_another_key() {
    let Some(t) = Tmux::start("long_paste") else {
        return;
    };
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    t.keys("main", &["4"]);
    t.see("main", "Stakeholders");
    t.keys("main", &["n"]);
    t.see("main", "Enter saves");
    let mut text = String::new();
    while text.len() < 10_000 {
        text.push_str("We agreed the beta goes to five percent of traffic first. ");
    }
    text.push_str("ENDMARK");
    // Loaded from a file: a command line this long is over tmux's limit.
    let file = t.dir.path().join("paste.txt");
    std::fs::write(&file, &text).expect("write the paste");
    t.ok(&["load-buffer", "-b", "p", file.to_str().expect("UTF-8 path")]);
    t.ok(&["paste-buffer", "-p", "-d", "-b", "p", "-t", "main"]);
    // No key after the paste: the focused field shows the text around its end.
    t.see("main", "ENDMARK");
    t.keys("main", &["Escape"]);
    // The form closed before the next key: an Escape and a key read together are Alt-key.
    t.wait_for("main", "the form closed", |s| !s.contains("Enter saves"));
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
}

/// A first-time user at 80×24 sees how to get help in the welcome, and then the key hints (issue
/// 12, point 23): the message makes way on the next key, and the message log shows it whole.
#[test]
fn a_first_run_at_80x24_shows_the_help_key_then_the_hints() {
    let Some(t) = Tmux::start("first_run_80") else {
        return;
    };
    t.open("main", 80, 24);
    let screen = t.see("main", "Welcome — ? shows the keys");
    let bar = screen.lines().last().unwrap_or_default();
    assert!(
        bar.contains("… M all"),
        "the cut welcome names the log key: {bar}"
    );
    t.keys("main", &["j"]);
    let screen = t.wait_for("main", "the hints", |s| {
        s.lines()
            .last()
            .is_some_and(|l| l.contains("a add") && l.contains("? help"))
    });
    assert!(!screen.contains("Welcome"), "{screen}");
    t.keys("main", &["M"]);
    let screen = t.see("main", "Messages — 1 this run");
    // Wrapped in the popup: its words, read across the lines.
    let words: Vec<&str> = screen
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|w| !w.is_empty())
        .collect();
    assert!(
        words
            .join(" ")
            .contains("was created from the sample board"),
        "the whole welcome is in the log:\n{screen}"
    );
    t.keys("main", &["Escape"]);
    // The log closed before the next key: an Escape and a key read together are Alt-key.
    t.wait_for("main", "the log closed", |s| !s.contains("Messages — "));
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
}
