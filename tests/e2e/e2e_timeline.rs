//! End to end on the timeline, as a person uses it: the real `cairn` binary in a real terminal (a
//! private tmux server in a temp dir, see tests/common/tmux.rs), on the sample board of 2026-11-28.
//! `>` on an entry moves it a day; after `q` and a new start the file and the screen both have the
//! new dates.

use cairn::model::EntryId;
use jiff::civil::date;

use crate::common;

use common::tmux::*;

const HARDENING: EntryId = EntryId(5);

#[test]
fn shift_an_entry_a_day_and_it_stays_moved() {
    let Some(t) = Tmux::start("shift_an_entry_a_day") else {
        return;
    };
    // Unique names: the server is private, but a name says whose it is in `ps`.
    let first = format!("cairn-e2e-timeline-{}", std::process::id());
    let again = format!("{first}-again");
    let path = t.board();
    t.open(&first, 120, 40);
    t.see(&first, "was created from the sample board");

    t.keys(&first, &["3"]);
    let screen = t.see(&first, "Timeline — 8 entries");
    assert!(
        screen.contains("› ▬ Build"),
        "Build, the first entry not over, is selected:\n{screen}"
    );
    // Down twice: PCI DSS assessment, then Hardening (Dec 7 – Jan 15).
    t.keys(&first, &["j", "j"]);
    t.see(&first, "› ▬ Hardening");
    t.keys(&first, &["Enter"]);
    t.see(&first, "2026-12-07 → 2027-01-15 (40 days)");

    t.type_text(&first, ">");
    let screen = t.see_with_status(
        &first,
        "2026-12-08 → 2027-01-16 (40 days)",
        "Move \"Hardening\" a day later",
    );
    assert!(
        screen.contains("› ▬ Hardening"),
        "still selected:\n{screen}"
    );

    t.keys(&first, &["q"]);
    assert_eq!(
        t.wait_exit(&first),
        "status 0",
        "q saves and ends cairn with status 0"
    );
    let text = std::fs::read_to_string(&path).expect("the board file");
    assert!(
        text.contains("start: \"2026-12-08\"") && text.contains("end: \"2027-01-16\""),
        "the RON file has the new dates"
    );
    let board = read_board(&path);
    let e = board.entry(HARDENING).expect("Hardening is in the file");
    assert_eq!((e.start, e.end), (date(2026, 12, 8), date(2027, 1, 16)));
    let build = board.entry(EntryId(2)).expect("Build");
    assert_eq!(
        (build.start, build.end),
        (date(2026, 9, 14), date(2026, 12, 4)),
        "nothing else moved"
    );

    t.open(&again, 120, 40);
    t.see(&again, "1 Backlog");
    t.keys(&again, &["3"]);
    t.see(&again, "Timeline — 8 entries");
    t.keys(&again, &["j", "j", "Enter"]);
    let screen = t.see(&again, "2026-12-08 → 2027-01-16 (40 days)");
    assert!(screen.contains("› ▬ Hardening"), "{screen}");
    t.keys(&again, &["q"]);
    assert_eq!(t.wait_exit(&again), "status 0");
}
