//! What the conflicts look like: the header of every pane, the palette's command, the screen at
//! 80x24 and 120x40.

use crate::common::keys::press;
use crate::common::screen::screen;
use crate::conflicts::{app, find, status};
use cairn::app::{Action, App, Mode, Pane};
use cairn::commands::sample_board;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

const TODAY: Date = date(2026, 12, 1);

#[test]
fn the_header_of_every_pane_says_so_and_the_palette_opens_the_screen() {
    let mut a = app();
    let n = a.doc.board.conflicts.len();
    for show in [
        Action::ShowBacklog,
        Action::ShowSprint,
        Action::ShowTimeline,
        Action::ShowStakeholders,
    ] {
        a.update(show);
        let pane: Pane = a.pane;
        let top = screen(&a, 120, 40).lines().next().unwrap().to_string();
        assert!(
            top.contains(&format!("⚠ {n} conflicts from a merge · C resolves")),
            "{pane:?}: {top}"
        );
        let top = screen(&a, 80, 24).lines().next().unwrap().to_string();
        assert!(
            top.contains(&format!("⚠ {n} conflicts · C")),
            "{pane:?}: {top}"
        );
    }
    assert_eq!(Action::named("conflicts"), Some(Action::Conflicts));
    a.update(Action::Conflicts);
    assert!(matches!(a.mode, Mode::Conflicts(0)));
    a.update(Action::Cancel);
    assert!(matches!(a.mode, Mode::Normal));

    // A board without conflicts: no mark, and the command says there is nothing to do.
    let mut plain = App::new(sample_board(TODAY), "b.ron", TODAY);
    assert!(
        !screen(&plain, 120, 40)
            .lines()
            .next()
            .unwrap()
            .contains('⚠')
    );
    plain.update(Action::Conflicts);
    assert!(matches!(plain.mode, Mode::Normal));
    assert_eq!(status(&plain), "The board has no conflicts from a merge");
}

#[test]
fn conflicts_screen_80x24_and_120x40() {
    let mut a = app();
    press(&mut a, KeyCode::Char('C'));
    press(&mut a, KeyCode::Char('j'));
    insta::assert_snapshot!("conflicts_80x24", screen(&a, 80, 24));
    insta::assert_snapshot!("conflicts_120x40", screen(&a, 120, 40));
    // The dropped link: only ours, and the screen says why.
    let at = find(&a.doc.board, "CRN-25", "blocked_by");
    a.mode = Mode::Conflicts(at);
    insta::assert_snapshot!("conflicts_dropped_link_80x24", screen(&a, 80, 24));
}

#[test]
fn conflicts_header_80x24_and_120x40() {
    let a = app();
    let head = |w, h| screen(&a, w, h).lines().next().unwrap().to_string();
    insta::assert_snapshot!("conflicts_header_80x24", head(80, 24));
    insta::assert_snapshot!("conflicts_header_120x40", head(120, 40));
}
