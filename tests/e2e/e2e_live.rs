//! End to end, outside changes merged live (issue 14, point 4): the board file replaced by a rename
//! (as `git pull` does) while cairn is open with a change of its own: both changes are on screen
//! and on disk within a second, no conflict copy is made, and `u` undoes the merge only. A file
//! with conflict markers written over the board is left as it is, ours goes to a conflict copy, and
//! the status bar says why.

use crate::common;

use common::tmux::*;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const KLARNA: &str = "title: \"Pay later with Klarna\"";

/// Writes `text` beside the board and renames it over, as git and cairn do.
fn replace(board: &Path, text: &str) {
    let tmp = board.with_file_name(".incoming.tmp");
    fs::write(&tmp, text).expect("write the incoming file");
    fs::rename(&tmp, board).expect("rename it over the board");
}

fn conflict_copies(dir: &Path) -> usize {
    fs::read_dir(dir)
        .expect("the board's dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains(".conflict-"))
        })
        .count()
}

/// The item the screen says was moved to the top ("Move CRN-21 to the top").
fn moved(screen: &str) -> String {
    let at = screen.find("Move CRN-").expect("the move is said") + "Move ".len();
    screen[at..]
        .split_whitespace()
        .next()
        .expect("a key")
        .to_string()
}

#[test]
fn a_rename_over_the_board_is_merged_with_the_open_change_and_undone_alone() {
    let Some(t) = Tmux::start("outside_change_merged_live") else {
        return;
    };
    let board = t.board();
    t.open("main", 80, 24);
    t.see("main", "Backlog —");
    // Ours: the second row to the top (saved or not yet: both must merge).
    t.keys("main", &["j", "T"]);
    let ours = moved(&t.see("main", "to the top"));
    // Theirs: another item's title, written from outside on the file as it is now.
    let text = fs::read_to_string(&board).expect("the board");
    assert!(text.contains(KLARNA), "the sample has the Klarna item");
    let started = Instant::now();
    replace(
        &board,
        &text.replace(KLARNA, "title: \"Pay later with Klarna (theirs)\""),
    );

    let screen = t.see_with_status("main", "Klarna (theirs)", "Merged");
    let on_screen = started.elapsed();
    assert!(
        screen.contains("Merged 1 change from disk: CRN-32 title"),
        "the message names what came in:\n{screen}"
    );
    assert!(
        screen.contains(&format!("1 {ours} ")),
        "our move is still on screen:\n{screen}"
    );
    // On disk: both changes, and no conflict copy.
    let deadline = Instant::now() + PATIENCE;
    let on_disk = loop {
        let b = read_board(&board);
        let theirs = b
            .items
            .iter()
            .any(|i| i.title == "Pay later with Klarna (theirs)");
        if theirs && b.item_key(b.items[0].id) == ours {
            break started.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "both changes never reached the disk"
        );
        std::thread::sleep(POLL);
    };
    assert!(
        on_screen < Duration::from_secs(1) && on_disk < Duration::from_millis(1500),
        "merged on screen in {on_screen:?}, on disk in {on_disk:?}"
    );
    assert_eq!(conflict_copies(t.dir.path()), 0, "no conflict copy");

    // `u` undoes the merge only: their title goes, our move stays.
    t.keys("main", &["u"]);
    let screen = t.see_with_status("main", "Pay later with Klarna ", "Undid: Merged");
    assert!(!screen.contains("(theirs)"), "{screen}");
    assert!(screen.contains(&format!("1 {ours} ")), "{screen}");
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
    let b = read_board(&board);
    assert_eq!(b.item_key(b.items[0].id), ours, "our move is kept");
    assert!(b.items.iter().any(|i| i.title == "Pay later with Klarna"));
}

#[test]
fn conflict_markers_over_the_board_keep_ours_and_say_why() {
    let Some(t) = Tmux::start("outside_change_with_conflict_markers") else {
        return;
    };
    let board = t.board();
    t.open("main", 120, 40);
    t.see("main", "Backlog —");
    let text = fs::read_to_string(&board).expect("the board");
    let at = text.find(KLARNA).expect("the Klarna item");
    let marked = format!(
        "{}<<<<<<< ours\n{KLARNA}\n=======\n>>>>>>> theirs\n{}",
        &text[..at],
        &text[at..]
    );
    replace(&board, &marked);
    t.see("main", "could not be merged (it does not load");
    // Ours changes after it: the save goes to a conflict copy, theirs stays as written.
    t.keys("main", &["j", "T"]);
    let ours = moved(&t.see("main", "to the top"));
    t.see_with_status("main", "saved aside", "could not be merged");
    assert_eq!(fs::read_to_string(&board).expect("the board"), marked);
    assert_eq!(conflict_copies(t.dir.path()), 1);
    let copy = fs::read_dir(t.dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().contains(".conflict-"))
        .expect("the copy")
        .path();
    let b = read_board(&copy);
    assert_eq!(b.item_key(b.items[0].id), ours, "the copy holds our change");
    t.keys("main", &["q"]);
    let _ = t.wait_exit("main");
}

/// Where the directory cannot be watched (`CAIRN_WATCH=poll` stands in), the file is read every
/// second, and a same-size change is still seen (by its hash); a read-only second cairn follows the
/// file the same way.
#[test]
fn polling_and_a_read_only_second_cairn_follow_the_file() {
    let Some(t) = Tmux::start("outside_change_polled") else {
        return;
    };
    let board = t.board();
    t.open("main", 80, 24);
    t.see("main", "Backlog —");
    t.open_sh(
        "poll",
        120,
        40,
        &t.cairn_command(&board, &["CAIRN_WATCH=poll"]),
    );
    t.see("poll", "Read-only");
    let text = fs::read_to_string(&board).expect("the board");
    // Same size: "Klarna" becomes "KLARNA".
    replace(
        &board,
        &text.replace(KLARNA, "title: \"Pay later with KLARNA\""),
    );
    t.see_with_status("main", "Pay later with KLARNA", "Merged 1 change");
    t.see_with_status("poll", "Pay later with KLARNA", "Took 1 change from disk");
    assert_eq!(conflict_copies(t.dir.path()), 0);
    t.keys("poll", &["q"]);
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
}

/// A board in a git work tree whose clone has no `merge.cairn.driver` says so once; one outside any
/// repository says nothing (every other e2e test).
#[test]
fn a_board_in_git_without_the_driver_says_so_once() {
    let Some(t) = Tmux::start("git_without_driver") else {
        return;
    };
    let git = std::process::Command::new("git")
        .args(["init", "-q"])
        .arg(t.dir.path())
        .env("HOME", t.dir.path().join("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no git");
        return;
    }
    t.open("main", 120, 40);
    t.see("main", "Backlog —");
    t.keys("main", &["Escape"]); // the welcome message goes; the hint waits for a quiet status bar
    t.see(
        "main",
        "This board is in git without cairn's merge driver: run `cairn git setup` once in this clone",
    );
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");
}
