//! The terminal after cairn, in a real pseudo-terminal (a tmux pane): a panic, an error return,
//! SIGTERM and SIGHUP each leave the tty settings as they were (`stty -g` before and after), the
//! cursor shown, the alternate screen and mouse reporting off, and the change made just before on
//! disk. The panic and the error come from the `CAIRN_TEST_FAIL` hook (src/tui/test_hook.rs).

use cairn::store;
use std::fs;
use std::process::Command;
use std::time::Instant;

use crate::common::tmux::*;

fn stty(tty: &str) -> String {
    let out = Command::new("stty")
        .args(["-F", tty, "-g"])
        .output()
        .expect("stty runs");
    assert!(out.status.success(), "stty -F {tty}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Waits for the pane's shell to run (it makes `GATE.ready`): only then has tmux finished setting up
/// the terminal (IUTF8 and the rest), so `stty -g` reads the settings cairn must give back.
fn wait_ready(gate: &std::path::Path) {
    let ready = gate.with_extension("ready");
    let start = Instant::now();
    while !ready.exists() {
        assert!(start.elapsed() < PATIENCE, "the pane's shell did not start");
        std::thread::sleep(POLL);
    }
}

enum End {
    Panic,
    Error,
    Signal(&'static str),
}

fn ends_cleanly(test: &str, end: End, expected_status: &str) {
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start(test) else {
        return;
    };
    let path = t.board();
    let gate = t.dir.path().join("go");
    let status = t.dir.path().join("status");
    let extra: &[&str] = match end {
        End::Panic => &["CAIRN_TEST_FAIL=panic"],
        End::Error => &["CAIRN_TEST_FAIL=error"],
        End::Signal(_) => &[],
    };
    let run = t.cairn_command(&path, extra);
    let run = run.trim_start_matches("exec ");
    // The shell stays after cairn, so the terminal is still there to be looked at.
    let script = format!(
        ": > '{gate}.ready'; while [ ! -e '{gate}' ]; do sleep 0.02; done; {run}; echo $? > '{status}'; exec sleep 600",
        gate = gate.display(),
        status = status.display()
    );
    t.open_sh("main", 120, 40, &script);
    let tty = t.pane_format("main", "#{pane_tty}");
    wait_ready(&gate);
    let before = stty(&tty);
    fs::write(&gate, "").expect("open the gate");
    t.see("main", "was created from the sample board");
    assert_ne!(stty(&tty), before, "cairn puts the terminal in raw mode");
    assert_eq!(t.pane_format("main", "#{alternate_on}"), "1");
    let sample = store::read(&path).expect("loads");
    let pid = cairn_in(t.pane_pid("main"));

    t.keys("main", &["J"]); // a change; the hook fails right after it, a signal comes at once
    if let End::Signal(sig) = end {
        t.see("main", "Move CRN-");
        signal(sig, pid);
    }
    let start = Instant::now();
    while !status.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "{test}: cairn did not end; the screen was:\n{}",
            t.screen("main")
        );
        std::thread::sleep(POLL);
    }
    std::thread::sleep(POLL); // the status file is written; let the shell reach its sleep
    let code = fs::read_to_string(&status).expect("reads");
    assert_eq!(code.trim(), expected_status, "{test}: exit status");
    assert_eq!(stty(&tty), before, "{test}: tty settings not restored");
    assert_eq!(
        t.pane_format("main", "#{cursor_flag}"),
        "1",
        "{test}: cursor hidden"
    );
    assert_eq!(
        t.pane_format("main", "#{alternate_on}"),
        "0",
        "{test}: still in the alternate screen"
    );
    assert_eq!(
        t.pane_format("main", "#{mouse_any_flag}"),
        "0",
        "{test}: mouse still reported"
    );
    let board = store::read(&path).expect("loads");
    assert_ne!(
        board.items, sample.items,
        "{test}: the change is not on disk"
    );
    if matches!(end, End::Panic | End::Error) {
        let recovery: Vec<_> = fs::read_dir(t.dir.path())
            .expect("lists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().contains("b.recovery-"))
            .collect();
        assert_eq!(recovery.len(), 1, "{test}: one recovery file");
        assert_eq!(store::read(&recovery[0]).expect("loads").items, board.items);
    }
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_change() {
    ends_cleanly("panic", End::Panic, "1");
}

#[test]
fn an_error_return_restores_the_terminal_and_keeps_the_change() {
    ends_cleanly("error", End::Error, "1");
}

#[test]
fn sigterm_restores_the_terminal_and_saves() {
    ends_cleanly("sigterm", End::Signal("-TERM"), "0");
}

#[test]
fn sighup_restores_the_terminal_and_saves() {
    ends_cleanly("sighup", End::Signal("-HUP"), "0");
}

#[test]
fn sigint_restores_the_terminal_and_saves() {
    ends_cleanly("sigint", End::Signal("-INT"), "0");
}

#[test]
fn sigquit_restores_the_terminal_and_saves() {
    ends_cleanly("sigquit", End::Signal("-QUIT"), "0");
}

#[test]
fn sigusr1_restores_the_terminal_and_saves() {
    ends_cleanly("sigusr1", End::Signal("-USR1"), "0");
}

/// Runs cairn on `board` in a pane `main` behind a gate, the shell staying after it; returns the
/// tty, its settings before cairn, the status file and cairn's pid.
fn start_gated(t: &Tmux, board: &std::path::Path) -> (String, String, std::path::PathBuf, u32) {
    let gate = t.dir.path().join("go");
    let status = t.dir.path().join("status");
    let run = t.cairn_command(board, &[]);
    let run = run.trim_start_matches("exec ");
    let script = format!(
        ": > '{gate}.ready'; while [ ! -e '{gate}' ]; do sleep 0.02; done; {run}; echo $? > '{status}'; exec sleep 600",
        gate = gate.display(),
        status = status.display()
    );
    t.open_sh("main", 120, 40, &script);
    let tty = t.pane_format("main", "#{pane_tty}");
    wait_ready(&gate);
    let before = stty(&tty);
    fs::write(&gate, "").expect("open the gate");
    t.see("main", "Backlog");
    let pid = cairn_in(t.pane_pid("main"));
    (tty, before, status, pid)
}

fn wait_status(t: &Tmux, status: &std::path::Path) -> String {
    let start = Instant::now();
    while !status.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "cairn did not end; the screen was:\n{}",
            t.screen("main")
        );
        std::thread::sleep(POLL);
    }
    std::thread::sleep(POLL);
    fs::read_to_string(status)
        .expect("reads")
        .trim()
        .to_string()
}

/// Point 17: `SIGTSTP` and `Ctrl-Z` give the shell its terminal back (cooked, cursor shown, main
/// screen, no mouse) and stop; `SIGCONT` (what `fg` sends) takes it again: raw mode, the alternate
/// screen redrawn, keys read at once.
#[test]
fn suspend_gives_the_terminal_back_and_fg_takes_it_again() {
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start("suspend") else {
        return;
    };
    let path = t.board();
    let (tty, before, status, pid) = start_gated(&t, &path);
    let raw = stty(&tty);
    assert_ne!(raw, before);
    for (round, how) in ["SIGTSTP", "Ctrl-Z"].iter().enumerate() {
        if round == 0 {
            signal("-TSTP", pid);
        } else {
            t.keys("main", &["C-z"]);
        }
        let start = Instant::now();
        while stat(&pid.to_string()).is_none_or(|(state, _)| state != 'T') {
            assert!(start.elapsed() < PATIENCE, "{how}: cairn did not stop");
            std::thread::sleep(POLL);
        }
        assert_eq!(stty(&tty), before, "{how}: tty settings not given back");
        assert_eq!(t.pane_format("main", "#{alternate_on}"), "0", "{how}");
        assert_eq!(t.pane_format("main", "#{cursor_flag}"), "1", "{how}");
        assert_eq!(t.pane_format("main", "#{mouse_any_flag}"), "0", "{how}");
        signal("-CONT", pid);
        t.wait_for("main", "the board redrawn after fg", |s| {
            s.contains("Backlog")
        });
        assert_eq!(t.pane_format("main", "#{alternate_on}"), "1", "{how}");
        assert_eq!(stty(&tty), raw, "{how}: not raw again");
        // A key is read at once (no Enter): the help overlay opens, and closes.
        t.keys("main", &["?"]);
        t.see("main", "Esc closes");
        t.keys("main", &["Escape"]);
        // Back in the list (the hints say so) before the next key: an Esc and a key arriving
        // together read as Alt+key.
        t.wait_for("main", "the help closed", |s| !s.contains("Esc closes"));
    }
    t.keys("main", &["J"]);
    t.see("main", "Move CRN-");
    t.keys("main", &["q"]);
    assert_eq!(wait_status(&t, &status), "0");
    assert_eq!(stty(&tty), before);
}

/// Point 10: the board's directory removed while cairn runs: the saves fail, and on quit the
/// board with every change goes to the data directory, whose path is printed.
#[test]
fn a_removed_directory_sends_the_recovery_to_the_data_dir() {
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start("removed_dir") else {
        return;
    };
    let dir = t.dir.path().join("boards");
    fs::create_dir(&dir).expect("mkdir");
    let path = dir.join("b.ron");
    let (_, _, status, _) = start_gated(&t, &path);
    t.see_with_status("main", "Backlog", "saved");
    fs::remove_dir_all(&dir).expect("rm -r the board's directory");
    t.keys("main", &["J"]);
    t.wait_for("main", "the failed save", |s| s.contains("NOT SAVED"));
    t.keys("main", &["q"]); // asks first: the last save failed
    std::thread::sleep(POLL * 4);
    t.keys("main", &["y"]);
    assert_eq!(wait_status(&t, &status), "1");
    let data = t.dir.path().join("data/cairn");
    let recovery: Vec<_> = fs::read_dir(&data)
        .expect("the data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains("b.recovery-"))
        .collect();
    assert_eq!(recovery.len(), 1, "one recovery file in {}", data.display());
    let board = store::read(&recovery[0]).expect("loads");
    assert!(!board.items.is_empty());
    let screen = t.screen("main");
    assert!(
        screen.contains("b.recovery-"),
        "the path is printed:\n{screen}"
    );
    assert!(!dir.exists(), "the removed directory was not re-created");
}
