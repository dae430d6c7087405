//! End to end, views that stick (issue 13, point 5): filter the backlog and the sprint board, save
//! one filter as a view, quit, start again: each list has its filter back and the backlog names its
//! view; the state is in the user's data dir (never the board), and a broken state file is said
//! once in the log and ignored.

use crate::common;

use common::tmux::*;
use std::fs;

#[test]
fn filters_and_a_saved_view_come_back_after_a_restart() {
    let Some(t) = Tmux::start("filters_come_back_after_a_restart") else {
        return;
    };
    t.open("main", 80, 24);
    t.see("main", "Backlog —");
    t.keys("main", &["/"]);
    t.type_text("main", "kind:bug");
    t.see("main", "Ctrl-s save as view");
    t.keys("main", &["C-s"]);
    t.see("main", "Save the backlog view \"kind:bug\"");
    t.type_text("main", "Ana's bugs");
    t.keys("main", &["Enter"]);
    t.see("main", "╰ view \"Ana's bugs\" ─");
    // The sprint board's own filter, not saved as a view.
    t.keys("main", &["2"]);
    t.see("main", "Sprint board —");
    t.keys("main", &["/"]);
    t.type_text("main", "payments");
    t.keys("main", &["Enter"]);
    t.see("main", "match \"payments\"");
    t.keys("main", &["1"]);
    t.see("main", "Backlog —");
    t.keys("main", &["q"]);
    assert_eq!(t.wait_exit("main"), "status 0");

    let views = t.dir.path().join("data/cairn/views");
    let files: Vec<_> = fs::read_dir(&views).expect("the views dir").collect();
    assert_eq!(files.len(), 1, "one state file for the one board");
    let state = fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(state.contains("filter: \"payments\""), "{state}");
    let board = fs::read_to_string(t.board()).unwrap();
    assert!(
        board.contains("name: \"Ana\\'s bugs\""),
        "the view is in the board:\n{board}"
    );
    assert_eq!(
        board.matches("pane: ").count(),
        1,
        "only the saved view is in the board"
    );
    assert!(!board.contains("show_done"), "no view state in the board");

    t.open("again", 80, 24);
    let screen = t.see("again", "╰ view \"Ana's bugs\" ─");
    assert!(screen.contains("Backlog — filter \"kind:bug\""), "{screen}");
    t.keys("again", &["2"]);
    t.see("again", "match \"payments\"");
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");

    // A broken state file: the board opens as it is, and the log says why once.
    let path = files[0].as_ref().unwrap().path();
    fs::write(&path, "(panes: {Backlog: (filter: 3").unwrap();
    t.open("broken", 80, 24);
    let screen = t.see("broken", "Backlog —");
    assert!(!screen.contains("filter \""), "{screen}");
    t.keys("broken", &["M"]);
    t.see("broken", "were not restored");
    t.keys("broken", &["Escape"]);
    t.see("broken", "? help  q quit"); // closed: Escape and a key read together are Alt-key
    t.keys("broken", &["q"]);
    assert_eq!(t.wait_exit("broken"), "status 0");
}
