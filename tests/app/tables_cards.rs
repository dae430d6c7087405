//! The backlog table, item details and sprint cards read well at 80×24, 120×40 and 200×60 (issue
//! 12, points 24, 25 and 27): columns get room by priority and cut with `…`, the selection's facts
//! are always on screen, details scroll (keys and wheel) and say what is below, and cards use their
//! rows for the title with one meta format the board's footer explains.

use crate::common;

use cairn::app::{Action, App, Pane, SprintScreen};
use cairn::commands::sample_board;
use cairn::input::{action_for_key, action_for_mouse};
use common::keys::press;
use common::screen::{screen, screen_into};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn ctrl(app: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let action = action_for_key(app, key).expect("the key is bound");
    app.update(action);
}

fn shows(screen: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(screen.contains(w), "{w:?} is not on the screen:\n{screen}");
    }
}

/// The table's rows (between the header row and the bottom border) of the backlog block.
fn table_rows(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .skip_while(|l| !l.contains("│#"))
        .skip(1)
        .take_while(|l| l.starts_with('│') && l.contains("CRN-"))
        .collect()
}

// Point 24: the backlog table.

#[test]
fn backlog_table_80x24_cuts_with_an_ellipsis_and_keeps_the_selections_facts() {
    let app = app();
    let s = screen(&app, 80, 24);
    let rows = table_rows(&s);
    assert!(rows.len() > 10, "{s}");
    // A title that does not fit ends in `…` (CRN-22's title is longer than the column).
    let selected = rows.iter().find(|l| l.contains("CRN-22")).expect("CRN-22");
    assert!(selected.contains('…'), "{selected}");
    // The facts the narrow table has no room for are on the line under it.
    let it = app.selected_item().expect("a selection");
    let sprint = it
        .sprint
        .and_then(|id| app.doc.board.sprint(id))
        .map(|s| s.name.clone())
        .expect("CRN-22 is in a sprint");
    shows(&s, &["CRN-22 · Doing · 3 pts · ", &sprint, &it.assignee]);
    insta::assert_snapshot!("backlog_table_80x24", s);
}

#[test]
fn the_facts_line_follows_the_selection() {
    let mut app = app();
    press(&mut app, KeyCode::Char('j'));
    let it = app.selected_item().expect("a selection").clone();
    let key = app.doc.board.item_key(it.id);
    let s = screen(&app, 80, 24);
    shows(&s, &[&format!("{key} · {} · ", it.status)]);
}

#[test]
fn backlog_table_120x40_shows_sprint_assignee_and_tags() {
    let s = screen(&app(), 120, 40);
    let header = s.lines().find(|l| l.contains("│#")).expect("a header");
    for column in ["Title", "Status", "Sprint", "Assignee", "Tags"] {
        assert!(header.contains(column), "{column}: {header}");
    }
    shows(&s, &["Tomasz Nowak"]);
    // Everything is in the table: no facts line is needed.
    assert!(!s.contains("CRN-22 · Doing"), "{s}");
    insta::assert_snapshot!("backlog_table_120x40", s);
}

#[test]
fn backlog_table_200x60_gives_tags_the_room_titles_do_not_need() {
    let app = app();
    let s = screen(&app, 200, 60);
    // Tags get the room the titles leave, more than the old fixed 18 columns; what is cut says so.
    let mut longer = 0;
    for line in table_rows(&s) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        let key = cells.iter().find(|c| c.starts_with("CRN-")).expect("a key");
        let item = app
            .doc
            .board
            .items
            .iter()
            .find(|i| app.doc.board.item_key(i.id) == *key)
            .expect("the item");
        let tags = item.tags.join(" ");
        let table = line.split("││").next().expect("the table's part");
        // Cut tags end in `+n` (how many more) or, for a tag that does not fit, `…`.
        let said = table.contains(&tags) || table.contains('…') || table.contains(" +");
        assert!(said, "{tags:?} cut without saying so: {line}");
        if table.contains(&tags) && tags.chars().count() > 18 {
            longer += 1;
        }
    }
    assert!(longer > 0, "no tags wider than 18 columns:\n{s}");
    insta::assert_snapshot!("backlog_table_200x60", s);
}

/// The table's columns are fitted once per board revision and width (a fit reads up to 500 items):
/// a move keeps them, and a change that needs a wider column, or another width, fits them again.
#[test]
fn the_backlog_columns_follow_a_change_and_a_width_but_not_a_move() {
    let mut app = app();
    let assignee = |s: &str| {
        let header = s
            .lines()
            .find(|l| l.contains("Assignee"))
            .expect("a header");
        let start = header.find("Assignee").expect("Assignee");
        header[start..].find("Tags").expect("Tags after Assignee")
    };
    let before = screen_into(&mut app, 200, 60);
    let fitted = app
        .viewport
        .backlog_columns
        .expect("fitted on the first frame");
    press(&mut app, KeyCode::Char('j'));
    screen_into(&mut app, 200, 60);
    assert_eq!(
        app.viewport.backlog_columns,
        Some(fitted),
        "a move fits nothing"
    );
    // A name longer than any on the board, given to the selected item through its form.
    press(&mut app, KeyCode::Char('e'));
    common::keys::focus(&mut app, "Assignee");
    ctrl(&mut app, 'u');
    common::keys::press_keys(&mut app, "Maximiliana Oyelaran-Quist");
    press(&mut app, KeyCode::Enter);
    let after = screen_into(&mut app, 200, 60);
    assert!(
        assignee(&after) > assignee(&before),
        "the Assignee column widened for the longer name:\n{after}"
    );
    assert!(after.contains("Maximiliana Oyel"), "{after}");
    let wide = app.viewport.backlog_columns.expect("fitted");
    screen_into(&mut app, 120, 40);
    let narrow = app.viewport.backlog_columns.expect("fitted");
    assert_eq!(narrow.width, 118, "fitted again to the narrower table");
    assert_ne!(wide.width, narrow.width);
}

// Point 25: item details scroll.

/// CRN-22 with its details open below the table (Enter), drawn once so the app knows their size.
fn details_open(w: u16, h: u16) -> App {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(app.backlog.details);
    screen_into(&mut app, w, h);
    app
}

/// Scrolls the details down to their end, drawing after each key as the runner does; returns
/// every screen on the way.
fn scroll_to_end(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let mut screens = vec![screen_into(app, w, h)];
    for _ in 0..40 {
        ctrl(app, 'e');
        let s = screen_into(app, w, h);
        if screens.last() == Some(&s) {
            break;
        }
        screens.push(s);
    }
    screens
}

#[test]
fn backlog_details_scroll_to_the_description_criteria_and_notes_at_80x24() {
    let mut app = details_open(80, 24);
    let first = screen_into(&mut app, 80, 24);
    assert!(
        first.contains("more lines (Ctrl-e)"),
        "says more is below:\n{first}"
    );
    let it = app.selected_item().expect("CRN-22").clone();
    assert!(!first.contains("Acceptance criteria"), "{first}");
    let screens = scroll_to_end(&mut app, 80, 24);
    let all = screens.join("\n");
    let words = |text: &str| {
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    shows(&all, &["Acceptance criteria", &words(&it.description)]);
    if let Some(reason) = &it.blocked {
        shows(&all, &[&words(reason)]);
    }
    if !app.doc.board.notes_about_item(it.id).is_empty() {
        shows(&all, &["Stakeholder notes"]);
    }
    let last = screens.last().expect("a screen");
    assert!(
        !last.contains("more lines (Ctrl-e)"),
        "the end is the end:\n{last}"
    );
    assert!(last.contains("above (Ctrl-y)"), "{last}");
    insta::assert_snapshot!("backlog_details_end_80x24", last);
    // Back up to the top with ctrl-y.
    for _ in 0..40 {
        ctrl(&mut app, 'y');
    }
    assert_eq!(app.backlog.details_scroll.top, 0);
}

#[test]
fn backlog_details_120x40_scroll_and_stop_at_the_end() {
    let mut app = app();
    // At 120 columns the details are below the table too (Enter).
    press(&mut app, KeyCode::Enter);
    let screens = scroll_to_end(&mut app, 120, 40);
    assert!(
        screens.len() > 1,
        "there is more below at 120x40:\n{}",
        screens[0]
    );
    insta::assert_snapshot!("backlog_details_top_120x40", screens[0]);
    let top = app.backlog.details_scroll.top;
    ctrl(&mut app, 'e');
    assert_eq!(
        app.backlog.details_scroll.top, top,
        "no further than the end"
    );
    assert_eq!(app.viewport.details_lines - app.viewport.details_rows, top);
}

#[test]
fn details_at_200x60_beside_the_table_scroll_with_the_keys() {
    let mut app = app();
    // Wide enough for the details beside the table without Enter.
    let s = screen_into(&mut app, 200, 60);
    assert!(app.viewport.details.width > 0, "{s}");
    insta::assert_snapshot!("backlog_details_beside_200x60", s);
}

#[test]
fn a_new_selection_starts_its_details_at_the_top() {
    let mut app = details_open(80, 24);
    ctrl(&mut app, 'e');
    assert!(app.backlog.details_scroll.top > 0);
    let first = app.selected_item().map(|i| i.id);
    press(&mut app, KeyCode::Char('j'));
    let now = app.selected_item().map(|i| i.id);
    assert_ne!(first, now);
    assert_eq!(app.backlog.details_scroll.top_for(now), 0);
    // And back on the first item, it starts at the top as well.
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.backlog.details_scroll.top_for(first), 0);
}

#[test]
fn without_details_on_show_the_keys_say_how_to_show_them() {
    let mut app = app();
    screen_into(&mut app, 80, 24);
    ctrl(&mut app, 'e');
    let said = app
        .run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("No details on show"), "{said:?}");
    assert_eq!(app.backlog.details_scroll.top, 0);
}

#[test]
fn the_wheel_over_the_details_scrolls_them_and_elsewhere_the_list() {
    let mut app = details_open(80, 24);
    let d = app.viewport.details;
    let wheel = |x, y| MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let over = action_for_mouse(&app, wheel(d.x + 2, d.y + 2));
    assert_eq!(over, Some(Action::ScrollDetails(3)));
    app.update(Action::ScrollDetails(3));
    assert_eq!(app.backlog.details_scroll.top, 3);
    let above = action_for_mouse(&app, wheel(d.x + 2, d.y.saturating_sub(3)));
    assert_eq!(above, Some(Action::Scroll(3)));
}

#[test]
fn sprint_card_details_scroll_too() {
    let mut app = app();
    app.pane = Pane::Sprint;
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.sprint.screen, SprintScreen::Card));
    let screens = scroll_to_end(&mut app, 80, 24);
    assert!(screens[0].contains("more lines (Ctrl-e)"), "{}", screens[0]);
    assert!(app.sprint.details_scroll.top > 0);
    shows(&screens.join("\n"), &["Acceptance criteria"]);
    insta::assert_snapshot!(
        "sprint_card_details_end_80x24",
        screens.last().expect("a screen")
    );
    // Another card starts at the top.
    press(&mut app, KeyCode::Char('j'));
    let card = app.selected_card();
    assert_eq!(app.sprint.details_scroll.top_for(card), 0);
}

// Point 27: sprint cards.

fn sprint_board() -> App {
    let mut app = app();
    app.pane = Pane::Sprint;
    app
}

/// Every card's facts line on the screen: the lines holding `Np · Nd`.
fn facts_lines(screen: &str) -> usize {
    screen.matches("p · ").count()
}

#[test]
fn sprint_cards_80x24_one_meta_format_with_a_legend_and_headers_apart() {
    let app = sprint_board();
    let s = screen(&app, 80, 24);
    let sprint = app.doc.board.active_sprint().expect("an active sprint").id;
    let cards = app.doc.board.sprint_items(sprint).count();
    assert!(cards > 0);
    // One format for every card on screen (`5p · 9d · Ana`), and the footer says what it means.
    assert!(facts_lines(&s) > 0, "{s}");
    assert!(!cards_of(&s).contains(" pts · "), "one format only:\n{s}");
    shows(&s, &["points · days in", "assignee"]);
    // Headers keep a gap: no header runs into the next one.
    let header = s.lines().find(|l| l.contains("To do")).expect("headers");
    assert!(
        !header.contains("pts Done") && !header.contains("pts Review"),
        "{header}"
    );
    // A blocked card keeps its assignee.
    let board = &app.doc.board;
    for it in board.sprint_items(sprint).filter(|i| i.is_blocked()) {
        let first = it.assignee.split_whitespace().next().unwrap_or("");
        let line = s
            .lines()
            .find(|l| l.contains("⛔") && l.contains("p · "))
            .expect("a blocked card");
        assert!(line.contains(first), "{first} missing: {line}");
    }
    insta::assert_snapshot!("sprint_cards_80x24", s);
}

#[test]
fn a_column_with_room_wraps_its_titles_over_more_lines() {
    let app = sprint_board();
    let s = screen(&app, 80, 24);
    // The first column's one card shows more of its title than one line holds.
    let board = &app.doc.board;
    let first = board.columns[0].name.clone();
    let sprint = board.active_sprint().expect("active").id;
    let card = board
        .sprint_items(sprint)
        .find(|i| i.status == first)
        .expect("a card in the first column");
    let words: Vec<&str> = card.title.split_whitespace().collect();
    let last_word = words[words.len().min(4) - 1];
    let column: String = s
        .lines()
        .map(|l| l.chars().skip(1).take(18).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        column.contains(last_word),
        "{last_word:?} not in:\n{column}"
    );
}

#[test]
fn sprint_cards_120x40_and_200x60() {
    let app = sprint_board();
    let s = screen(&app, 120, 40);
    assert!(!cards_of(&s).contains(" pts · "), "one format only:\n{s}");
    shows(&s, &["points · days in"]);
    insta::assert_snapshot!("sprint_cards_120x40", s);
    let s = screen(&app, 200, 60);
    assert!(!cards_of(&s).contains(" pts · "), "one format only:\n{s}");
    insta::assert_snapshot!("sprint_cards_200x60", s);
}

/// The board below its columns' headers: the cards (the sprint's header above says `pts`).
fn cards_of(s: &str) -> &str {
    s.split_once("To do ").map_or(s, |(_, cards)| cards)
}
