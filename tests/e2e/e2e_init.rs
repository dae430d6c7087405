//! End to end, the first day (issue 13, point 1): `cairn init` in a shell, then the board it wrote
//! opened in the TUI; and the first run of the TUI with no board, which asks before anything is
//! written: an empty board (name and key prefilled from the directory), the sample, or nothing.

use crate::common;

use common::tmux::*;
use std::fs;
use std::path::{Path, PathBuf};

/// The harness's environment without `CAIRN_SAMPLE`, so the first-run question is asked.
fn asking(t: &Tmux, board: &Path) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut words = vec!["exec env -i".to_string()];
    words.extend(
        t.env_args()
            .iter()
            .filter(|a| !a.starts_with("CAIRN_SAMPLE="))
            .map(|a| quote(a)),
    );
    words.push(quote(CAIRN));
    words.push("--file".into());
    words.push(quote(board.to_str().expect("a UTF-8 temp path")));
    words.join(" ")
}

fn payments(t: &Tmux) -> PathBuf {
    let dir = t.dir.path().join("payments");
    fs::create_dir_all(&dir).expect("the project's directory");
    dir.join("board.ron")
}

#[test]
fn cairn_init_in_a_shell_then_the_tui_opens_the_empty_board() {
    let Some(t) = Tmux::start("cairn_init_in_a_shell") else {
        return;
    };
    let board = payments(&t);
    let run = t.cairn_command(&board, &[]);
    let init = run.trim_start_matches("exec ").replace(
        &format!("'{CAIRN}' --file"),
        &format!("'{CAIRN}' init --file"),
    );
    // init, init again (refused), then open the board it wrote.
    let script = format!("{init}; echo \"init: $?\"; {init}; echo \"again: $?\"; sleep 600");
    t.open_sh("shell", 100, 30, &script);
    let screen = t.see("shell", "again: 1");
    assert!(screen.contains("Created an empty board"), "{screen}");
    assert!(screen.contains("payments (PAYM) — 0 items"), "{screen}");
    assert!(screen.contains("init: 0"), "{screen}");
    assert!(screen.contains("a board is already there"), "{screen}");
    let written = fs::read_to_string(&board).expect("the board");

    t.open_file("main", 80, 24, &board);
    let screen = t.see("main", "Getting started");
    assert!(screen.contains("payments · Backlog — 0 items"), "{screen}");
    assert!(!screen.contains("sample board"), "{screen}");
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
    assert_eq!(fs::read_to_string(&board).expect("the board"), written);
}

#[test]
fn the_first_run_asks_and_starts_an_empty_board() {
    let Some(t) = Tmux::start("the_first_run_asks_for_an_empty_board") else {
        return;
    };
    let board = payments(&t);
    t.open_sh("main", 80, 24, &asking(&t, &board));
    let screen = t.see("main", "Welcome to cairn");
    assert!(screen.contains("Start an empty board"), "{screen}");
    assert!(screen.contains("Explore the sample board"), "{screen}");
    assert!(!board.exists(), "nothing is written before the answer");
    // The question waits without using the CPU (it once redrew and polled four times a second).
    let pid = t.cairn_pid("main");
    let (before, start) = (cpu_time(pid), std::time::Instant::now());
    std::thread::sleep(std::time::Duration::from_secs(2));
    let used = cpu_time(pid) - before;
    assert!(
        used < start.elapsed() / 1000,
        "the question used {used:?} of CPU in 2 s"
    );

    t.keys("main", &["Enter"]);
    let screen = t.see("main", "Name  payments");
    assert!(
        screen.contains("Key   PAYM"),
        "prefilled from the directory:\n{screen}"
    );
    // A bad key is refused with a message, and nothing is written.
    t.keys("main", &["Tab"]);
    t.type_text("main", "p4y");
    t.keys("main", &["Enter"]);
    let screen = t.see("main", "letters only");
    assert!(!board.exists(), "{screen}");
    t.keys("main", &["BSpace", "BSpace"]);
    t.type_text("main", "ay");
    t.keys("main", &["Enter"]);
    let screen = t.see("main", "Welcome to payments (PAY), a new empty board");
    assert!(screen.contains("Getting started"), "{screen}");
    for (pane, says) in [
        ("2", "n plan a sprint"),
        ("3", "a add a milestone"),
        ("4", "a add a stakeholder"),
    ] {
        t.keys("main", &[pane]);
        let screen = t.see("main", "Getting started");
        assert!(screen.contains(says), "pane {pane}:\n{screen}");
    }
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
    let b = read_board(&board);
    assert_eq!(
        (b.project.name.as_str(), b.project.key.as_str()),
        ("payments", "PAY")
    );
    assert!(b.items.is_empty());
}

#[test]
fn the_first_run_explores_the_sample_or_quits_without_a_board() {
    let Some(t) = Tmux::start("the_first_run_explores_the_sample") else {
        return;
    };
    let board = payments(&t);
    // q: nothing is created.
    t.open_sh("quit", 80, 24, &asking(&t, &board));
    t.see("quit", "Welcome to cairn");
    t.keys("quit", &["q"]);
    assert_eq!(t.wait_exit("quit"), "status 0");
    assert!(!board.exists(), "quitting the question creates nothing");

    // s: the sample, marked as such in the header until it is renamed.
    t.open_sh("main", 120, 40, &asking(&t, &board));
    t.see("main", "Welcome to cairn");
    t.keys("main", &["s"]);
    let screen = t.see("main", "was created from the sample board");
    assert!(
        screen.contains("sample board ·"),
        "the header says so:\n{screen}"
    );
    assert_eq!(read_board(&board).project.name, "Checkout");

    // Renamed in the project settings (`,` on the timeline), it is the user's board.
    t.keys("main", &["3", ","]);
    t.see("main", "Project settings — Checkout");
    t.type_text("main", "Payments");
    t.keys("main", &["Enter"]);
    let screen = t.see("main", "Change the project settings of Payments");
    assert!(!screen.contains("sample board"), "{screen}");
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
    assert_eq!(read_board(&board).project.name, "Payments");
}
