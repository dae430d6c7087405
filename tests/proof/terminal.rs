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

enum End {
    Panic,
    Error,
    Signal(&'static str),
}

fn ends_cleanly(test: &str, end: End, expected_status: &str) {
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
        "while [ ! -e '{gate}' ]; do sleep 0.02; done; {run}; echo $? > '{status}'; exec sleep 600",
        gate = gate.display(),
        status = status.display()
    );
    t.open_sh("main", 120, 40, &script);
    let tty = t.pane_format("main", "#{pane_tty}");
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
