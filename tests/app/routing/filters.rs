//! `/` filters the pane you are in: the sprint board's cards, the timeline's entries, the backlog.

use super::*;

/// `/` on the sprint board filters its cards (text, assignee, tag), not the backlog; Esc clears.
#[test]
fn slash_on_the_sprint_board_filters_its_cards() {
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    let all = app.sprint_card_count();
    assert!(all > 3, "the sample sprint has cards");
    let unfiltered = text(&render(&app, 120, 40));
    let figures = unfiltered
        .lines()
        .find(|l| l.contains("committed"))
        .expect("the sprint's figures")
        .to_string();
    press(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.mode, Mode::Filter(_)));
    assert_eq!(app.pane, Pane::Sprint, "the filter is the board's");
    let person = app
        .doc
        .board
        .active_sprint()
        .and_then(|s| {
            app.doc
                .board
                .sprint_items(s.id)
                .find(|i| !i.assignee.is_empty())
        })
        .map(|i| {
            i.assignee
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string()
        })
        .expect("someone is assigned");
    typed(&mut app, &person);
    let shown = app.sprint_card_count();
    assert!(shown > 0 && shown < all, "{shown} of {all} for {person}");
    let sprint = app.doc.board.active_sprint().expect("active").id;
    for col in 0..app.doc.board.columns.len() {
        for id in app.column_cards(col) {
            let it = app.doc.board.item(id).expect("card");
            assert_eq!(it.sprint, Some(sprint));
        }
    }
    assert!(
        app.backlog.filter.is_empty(),
        "the backlog's filter is untouched"
    );
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains(&format!("Filter: {person}")), "{screen}");
    assert!(
        screen.contains(&format!("{shown} of {all} cards match \"{person}\"")),
        "{screen}"
    );
    assert!(
        screen.contains(&figures),
        "the sprint's figures are the whole sprint's, not the filter's:\n{figures}\n{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        status(&app),
        format!("{shown} cards match \"{person}\" — Esc clears")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.sprint_card_count(),
        all,
        "Esc clears the board's filter"
    );
}

/// `/` in the timeline filters its entries by name, owner or kind.
#[test]
fn slash_in_the_timeline_filters_its_entries() {
    let mut app = app();
    press(&mut app, KeyCode::Char('3'));
    let all = app.timeline_rows().len();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "milestone");
    let rows = app.timeline_rows();
    assert!(
        !rows.is_empty() && rows.len() < all,
        "{} of {all}",
        rows.len()
    );
    for id in &rows {
        let e = app.doc.board.entry(*id).expect("entry");
        assert_eq!(e.kind.name(), "milestone", "{}", e.name);
    }
    assert_eq!(app.pane, Pane::Timeline);
    assert!(app.backlog.filter.is_empty());
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains(&format!(
            "{} of {all} entries match \"milestone\"",
            rows.len()
        )),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline_rows().len(), all);
}

/// `/` in the backlog still filters the backlog.
#[test]
fn slash_in_the_backlog_filters_the_backlog() {
    let mut app = app();
    let all = app.backlog.visible.len();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "kind:bug");
    assert!(app.backlog.visible.len() < all);
    assert_eq!(app.pane, Pane::Backlog);
}
