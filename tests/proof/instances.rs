//! Two or more cairns on one board, and changes from outside while one runs.
//!
//! - Eight cairns started at the same instant (each waits on a gate file, then all exec at once),
//!   over several rounds: exactly one writer, the others read-only. The writer is then killed with
//!   `kill -9`, and the next round's writer proves the lock went with it.
//! - An outside edit (written to a temp file and renamed over the board, as `git pull` does) is
//!   never overwritten, over seeded random interleavings of keys, autosaves, outside edits and
//!   reloads (Ctrl-l): the project name only the outside edits change is always the last one written.
//!
//! `CAIRN_INSTANCE_ROUNDS=N` (default 3) and `CAIRN_OUTSIDE_STEPS=N` (default 40) run longer forms.

use cairn::store;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::tmux::*;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn generate(path: &Path, items: usize) {
    let made = Command::new(CAIRN)
        .args(["generate", "--items", &items.to_string(), "--seed", "3"])
        .arg("--file")
        .arg(path)
        .arg("--force")
        .output()
        .expect("cairn generate runs");
    assert!(made.status.success(), "{made:?}");
}

#[test]
fn simultaneous_launches_make_exactly_one_writer() {
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start("simultaneous") else {
        return;
    };
    let path = t.board();
    generate(&path, 200);
    let rounds = env_number("CAIRN_INSTANCE_ROUNDS", 3);
    const AT_ONCE: usize = 8;
    for round in 0..rounds {
        let gate = t.dir.path().join(format!("go{round}"));
        let names: Vec<String> = (0..AT_ONCE).map(|i| format!("r{round}i{i}")).collect();
        let wait = format!(
            "while [ ! -e '{}' ]; do sleep 0.01; done; {}",
            gate.display(),
            t.cairn_command(&path, &[])
        );
        for name in &names {
            t.open_sh(name, 100, 30, &wait);
        }
        fs::write(&gate, "").expect("open the gate");
        let screens: Vec<String> = names
            .iter()
            .map(|n| {
                t.wait_for(n, "the board, saved or read-only", |s| {
                    s.contains("of 200 items · ")
                        && (s.contains("READ-ONLY")
                            || s.lines().last().is_some_and(|l| l.contains("saved")))
                })
            })
            .collect();
        let writers: Vec<&String> = names
            .iter()
            .zip(&screens)
            .filter(|(_, s)| !s.contains("READ-ONLY"))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(writers.len(), 1, "round {round}: writers {writers:?}");
        // The read-only ones quit; the writer dies by kill -9 and must not keep the lock.
        for name in names.iter().filter(|n| *n != writers[0]) {
            t.keys(name, &["q"]);
            assert_eq!(t.wait_exit(name), "status 0", "{name}");
        }
        signal("-9", cairn_in(t.pane_pid(writers[0])));
        assert_eq!(t.wait_exit(writers[0]), "signal 9");
        for name in &names {
            let _ = t.run(&["kill-session", "-t", name]);
        }
    }
    // After the last kill -9, a single cairn is the writer at once.
    t.open("last", 100, 30);
    let screen = t.see_with_status("last", "of 200 items · ", "saved");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    t.keys("last", &["q"]);
    assert_eq!(t.wait_exit("last"), "status 0");
    eprintln!(
        "{rounds} rounds of {AT_ONCE} simultaneous launches: one writer each, lock released after kill -9"
    );
}

/// Writes `name` as the project's name the way `git pull` does: a new file renamed over the board.
fn outside_edit(path: &Path, name: &str) -> Vec<u8> {
    let mut board = store::read(path).expect("the board loads");
    board.project.name = name.to_string();
    let bytes = store::to_ron(&board).expect("serialises").into_bytes();
    let temp = path.with_file_name("incoming.ron");
    fs::write(&temp, &bytes).expect("writes");
    fs::rename(&temp, path).expect("renames over the board");
    bytes
}

/// Keys that change the board (never the project's name).
const CHANGES: &[&[&str]] = &[&["J"], &["K"], &["m"], &["j", "J"], &["k", "m"]];

#[test]
fn outside_edits_are_never_overwritten() {
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start("outside_edits") else {
        return;
    };
    let path = t.board();
    generate(&path, 3000);
    let steps = env_number("CAIRN_OUTSIDE_STEPS", 40);
    let seed = env_number("CAIRN_OUTSIDE_SEED", 5);
    let mut rng = fastrand::Rng::with_seed(seed);
    t.open("main", 120, 40);
    t.see_with_status("main", "of 3000 items · ", "saved");
    let original = store::read(&path).expect("loads").project.name;
    // Theirs, and whether cairn has reloaded it since. An outside change is merged into the open
    // board and saved (issue 14, point 4): the file changes again, and theirs must be in it.
    let mut theirs: Option<(String, Vec<u8>)> = None;
    let mut reloaded = false;
    let (mut edits, mut reloads, mut keys) = (0, 0, 0);
    let check = |theirs: &Option<(String, Vec<u8>)>, reloaded: bool, step: u64| {
        let on_disk = store::read(&path).expect("the board loads");
        match theirs {
            None => assert_eq!(on_disk.project.name, original, "step {step}"),
            Some((name, bytes)) => {
                assert_eq!(&on_disk.project.name, name, "step {step}: overwritten");
                // Before a reload, the file is theirs or theirs merged with cairn's rank moves:
                // every item of theirs is still there.
                if !reloaded && fs::read(&path).expect("reads") != *bytes {
                    let theirs = store::from_ron(std::str::from_utf8(bytes).expect("UTF-8"), &path)
                        .expect("theirs loads");
                    assert_eq!(on_disk.items.len(), theirs.items.len(), "step {step}");
                }
            }
        }
    };
    for step in 0..steps {
        match rng.u8(0..10) {
            0..=4 => {
                t.keys("main", CHANGES[rng.usize(..CHANGES.len())]);
                keys += 1;
            }
            5..=7 => {
                let name = format!("Outside edit {step}");
                let bytes = outside_edit(&path, &name);
                theirs = Some((name, bytes));
                reloaded = false;
                edits += 1;
            }
            8 => {
                t.keys("main", &["C-l"]);
                t.see("main", "Reloaded");
                reloaded = true;
                reloads += 1;
                // Clear the message, so the next reload is seen anew.
                t.keys("main", &["Escape"]);
            }
            _ => std::thread::sleep(Duration::from_millis(400)), // an autosave
        }
        std::thread::sleep(Duration::from_millis(rng.u64(0..350)));
        check(&theirs, reloaded, step);
    }
    t.keys("main", &["q"]);
    // q after a conflict may ask first; quit anyway.
    let start = Instant::now();
    while t.pane_format("main", "#{pane_dead}") != "1" && start.elapsed() < PATIENCE {
        if t.screen("main").contains("y/n") {
            t.keys("main", &["y"]);
        }
        std::thread::sleep(POLL);
    }
    t.wait_exit("main");
    check(&theirs, reloaded, steps);
    let conflicts = fs::read_dir(t.dir.path())
        .expect("lists")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains(".conflict-"))
        })
        .count();
    // Each outside edit changes the project's name, which cairn never does: all of them merge,
    // so none makes a conflict copy (before issue 14 each one did).
    assert_eq!(
        conflicts, 0,
        "a mergeable outside edit made a conflict copy"
    );
    eprintln!(
        "{steps} steps (seed {seed}): {keys} key changes, {edits} outside edits, {reloads} reloads, \
         {conflicts} conflict copies; no outside edit overwritten"
    );
}

/// A read-only second cairn catches up (issue 12, point 33): `Ctrl-l` reloads what the writer
/// saved while staying read-only; once the writer quits it says the board is free, and `Ctrl-l`
/// makes it the writer, whose next change reaches the disk.
#[test]
fn a_read_only_cairn_reloads_and_takes_over_when_the_writer_quits() {
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start("takeover") else {
        return;
    };
    let path = t.board();
    generate(&path, 50);
    t.open("writer", 100, 30);
    t.see_with_status("writer", "of 50 items · ", "✓ saved");
    t.open("reader", 100, 30);
    t.see("reader", "READ-ONLY — another cairn has this board open");

    // The writer adds an item; the reader's Ctrl-l shows it, still read-only.
    t.keys("writer", &["a"]);
    t.type_text("writer", "Seen by the reader");
    t.keys("writer", &["Enter"]);
    t.see_with_status("writer", "of 51 items · ", "✓ saved");
    t.keys("reader", &["C-l"]);
    let s = t.see("reader", "of 51 items · ");
    assert!(s.contains("READ-ONLY"), "still read-only:\n{s}");
    t.see("reader", "still read-only");

    // The writer quits: the reader says so within a few seconds, with the key.
    t.keys("writer", &["q"]);
    assert_eq!(t.wait_exit("writer"), "status 0");
    t.see(
        "reader",
        "The other cairn has closed this board: Ctrl-l reloads it",
    );
    t.keys("reader", &["C-l"]);
    let s = t.see("reader", "this cairn is now the writer");
    assert!(!s.contains("READ-ONLY —"), "the banner is gone:\n{s}");

    // Its changes are saved now.
    t.keys("reader", &["a"]);
    t.type_text("reader", "Saved by the new writer");
    t.keys("reader", &["Enter"]);
    t.see_with_status("reader", "of 52 items · ", "✓ saved");
    let board = read_board(&path);
    assert!(
        board
            .items
            .iter()
            .any(|i| i.title == "Saved by the new writer"),
        "the new writer's change is on disk"
    );
    t.keys("reader", &["q"]);
    assert_eq!(t.wait_exit("reader"), "status 0");
}
