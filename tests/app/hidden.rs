//! A key never changes what its view hides: the charts cover the sprint board's cards, the budget
//! the gantt's entries, the note timeline the register's stakeholder. In each, every key bound to an
//! action on the hidden thing leaves the board as it was, opens nothing, and says where it works
//! (`L` in the burndown once moved a card nobody could see).

use crate::common;

use cairn::app::{App, Mode};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use common::keys::event;
use common::screen::screen_into;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

const TODAY: Date = date(2026, 12, 1);

/// The view, reached by keys, and the keys acting on what it hides (as the default keymap binds them).
const HIDING: &[(&str, &str, &str, &str)] = &[
    ("the burndown", "2lb", "LHxAs", "in the burndown"),
    (
        "an earlier sprint's burndown",
        "2lbh",
        "LHxAs",
        "in the burndown",
    ),
    (
        "the sprint's cumulative flow",
        "2lF",
        "LHxAs",
        "in the burndown",
    ),
    (
        "the board's cumulative flow",
        "2lFF",
        "LHxAs",
        "in the burndown",
    ),
    ("the budget", "3j$", "<>{}ed", "in the budget"),
    ("the note timeline", "4t", "HJKL", "in the note timeline"),
];

fn open(keys: &str) -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    screen_into(&mut app, 120, 40);
    for c in keys.chars() {
        let action = action_for_key(&app, event(KeyCode::Char(c))).expect("bound");
        app.update(action);
        screen_into(&mut app, 120, 40);
    }
    app
}

#[test]
fn no_key_changes_what_its_view_hides() {
    for (view, reach, keys, said) in HIDING {
        for c in keys.chars() {
            let mut app = open(reach);
            let (board, screen) = (app.doc.board.clone(), app.screen());
            let Some(action) = action_for_key(&app, event(KeyCode::Char(c))) else {
                panic!("{view}: {c} is bound");
            };
            app.update(action.clone());
            screen_into(&mut app, 120, 40);
            assert!(
                app.doc.board == board,
                "{view}: {c} ({action:?}) changed the board"
            );
            assert!(
                matches!(app.mode, Mode::Normal),
                "{view}: {c} opened an overlay"
            );
            assert_eq!(app.screen(), screen, "{view}: {c} left the view");
            let status = app
                .run
                .status
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            assert!(status.contains(said), "{view}: {c} said {status:?}");
        }
    }
}
