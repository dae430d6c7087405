//! How cairn reads the terminal: a waiting cairn takes no CPU, and while `$EDITOR` has the terminal
//! every key typed goes to the editor, none to cairn's reader.

use std::fs;
use std::time::{Duration, Instant};

use crate::common;

use common::tmux::*;

/// A cairn waiting for a key used to spend ~22 ms of CPU a second: its reader waited in 40 ms
/// slices, and crossterm ends each wait in a busy loop of zero-timeout polls for the last fraction of
/// a millisecond. That took a core beside every key on a 2-core machine, and a laptop's battery.
#[test]
fn a_cairn_waiting_for_a_key_uses_no_cpu() {
    let Some(t) = Tmux::start("a_cairn_waiting_for_a_key_uses_no_cpu") else {
        return;
    };
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    let pid = t.cairn_pid("main");
    // The first save, the git check and the timeline's warm-up happen in the first second.
    std::thread::sleep(Duration::from_millis(1500));
    let (before, start) = (cpu_time(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(4));
    let used = cpu_time(pid) - before;
    let waited = start.elapsed();
    // A wake-up every 250 ms (the clock, the save's timer) costs well under 1 ms a second.
    assert!(
        used < waited / 100,
        "cairn used {used:?} of CPU in {waited:?} while waiting for a key (at most 1% is fine)"
    );
}

/// `E` gives the terminal to `$EDITOR`; an editor that reads the terminal (here a shell `read`, as
/// vi and nano do) must get every key typed, and cairn must take its description when it exits.
#[test]
fn the_editor_gets_every_key_typed_while_it_runs() {
    let Some(t) = Tmux::start("the_editor_gets_every_key_typed_while_it_runs") else {
        return;
    };
    let editor = t.dir.path().join("editor.sh");
    fs::write(
        &editor,
        "#!/bin/sh\nprintf 'editor> '\nIFS= read -r line </dev/tty\nprintf '%s\\n' \"$line\" > \"$1\"\n",
    )
    .expect("writes the editor");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).expect("chmod");
    let var = format!("EDITOR={}", editor.display());
    t.open_sh("main", 120, 40, &t.cairn_command(&t.board(), &[&var]));
    t.see("main", "was created from the sample board");
    t.keys("main", &["E"]);
    t.see("main", "editor>");
    // Typed one key at a time, as a person types, each a chance for a reader that still runs.
    let words = "typed in the editor, every key";
    for c in words.chars() {
        t.type_text("main", &c.to_string());
        std::thread::sleep(Duration::from_millis(15));
    }
    t.keys("main", &["Enter"]);
    t.see_with_status("main", "Backlog", "✓ saved");
    let start = Instant::now();
    loop {
        let board = read_board(&t.board());
        if board.items.iter().any(|i| i.description.trim() == words) {
            break;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "no item has the description typed in the editor; the screen was:\n{}",
            t.screen("main")
        );
        std::thread::sleep(POLL);
    }
    // The keys went to the editor: none reached cairn (no filter opened, no item moved).
    let screen = t.screen("main");
    assert!(!screen.contains("filter \""), "{screen}");
}
