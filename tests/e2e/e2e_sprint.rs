//! End to end on the sprint board, as a person uses it: the real `cairn` binary in a real terminal (a
//! private tmux server), driven with keystrokes, checked by what is on the screen and on disk.
//!
//! The test has its own temp dir `T`, its own tmux socket `T/sock` and config `T/tmux.conf`, and runs
//! cairn with a clean environment whose HOME and XDG directories are inside `T`. Without tmux it says
//! it was skipped, except under CI (`CI` set), where that is a failure. The tmux harness is in
//! tests/common.

use cairn::model::{SprintId, SprintState};
use jiff::civil::date;

use crate::common;

use common::tmux::*;

/// The sample's sprints: 23 is active on 2026-11-28, 24 is planned next.
const SPRINT_23: SprintId = SprintId(3);
const SPRINT_24: SprintId = SprintId(4);

#[test]
fn move_a_card_close_the_sprint_and_it_stays_closed() {
    let Some(t) = Tmux::start("move_a_card_close_the_sprint") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");

    t.keys("main", &["2"]);
    let screen = t.see("main", "Sprint board — Sprint 23");
    // The first column's first card is selected: To do's only card.
    assert!(
        screen.contains("To do 1") && screen.contains("›CRN-25"),
        "CRN-25 selected in To do:\n{screen}"
    );

    t.keys("main", &["L"]);
    let screen = t.see("main", "Move CRN-25 to Doing");
    assert!(
        screen.contains("Doing 3/3") && screen.contains("›CRN-25"),
        "the card moved and is still selected:\n{screen}"
    );

    t.keys("main", &["c"]);
    let screen = t.see("main", "Where does the unfinished work go?");
    assert!(screen.contains("Close Sprint 23"), "{screen}");
    t.keys("main", &["b"]);
    let screen = t.see(
        "main",
        "Close Sprint 23: velocity 13 points, unfinished work to the top of the backlog",
    );
    assert!(screen.contains("No active sprint."), "{screen}");

    t.keys("main", &["q"]);
    assert_eq!(
        t.wait_exit("main"),
        "status 0",
        "q saves and ends cairn with status 0"
    );

    let board = read_board(&path);
    let s23 = board.sprint(SPRINT_23).expect("Sprint 23 is in the file");
    assert_eq!(s23.state, SprintState::Closed);
    assert_eq!(s23.completed, Some(13), "its velocity");
    assert_eq!(board.active_sprint(), None);
    let crn25 = board
        .parse_item_key("CRN-25")
        .expect("CRN-25 is in the file");
    let rank = board.item_index(crn25).expect("CRN-25 has a rank");
    let item = board.item(crn25).expect("CRN-25");
    assert_eq!(item.status, "Doing", "the move was saved");
    assert_eq!(item.status_since, date(2026, 11, 28));
    assert_eq!(item.sprint, None, "out of the closed sprint");
    // The five unfinished items went to the top of the backlog, in their order: CRN-25 was last.
    assert!(
        rank < 5,
        "CRN-25 near the top of the backlog, at rank {rank}"
    );
    assert!(
        board.items[..5].iter().all(|i| i.sprint.is_none()),
        "the top five are the unfinished items, out of any sprint"
    );

    t.open("again", 120, 40);
    t.see("again", "1 Backlog");
    t.keys("again", &["2"]);
    let screen = t.see("again", "No active sprint.");
    assert!(
        screen.contains("Planned sprints") && screen.contains("Sprint 24 · Nov 30 – Dec 13"),
        "Sprint 24 is listed as planned:\n{screen}"
    );
    assert!(
        !screen.contains("Sprint board — Sprint 23"),
        "Sprint 23 is not active any more:\n{screen}"
    );
    assert_eq!(
        board.sprint(SPRINT_24).map(|s| s.state),
        Some(SprintState::Planned)
    );
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");
}
