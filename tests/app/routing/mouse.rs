//! Clicks, through the areas the last frame measured: a sprint card, a gantt row, a stakeholder.

use super::*;

/// Where `needle` starts on the screen, as (column, row) in cells.
fn at(screen: &str, needle: &str) -> (u16, u16) {
    for (y, line) in screen.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle} is not on the screen:\n{screen}");
}

fn click(app: &mut App, (x, y): (u16, u16)) {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let event = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let action = cairn::input::action_for_mouse(app, event).expect("the click lands on something");
    app.update(action);
}

/// Clicks select in every list: a sprint card (in any column), a gantt row, a stakeholder.
#[test]
fn a_click_selects_a_card_or_a_stakeholder() {
    use crate::common::screen::screen_into;
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    let screen = screen_into(&mut app, 160, 48);
    let target = app.doc.board.parse_item_key("CRN-17").expect("CRN-17");
    assert_ne!(app.selected_card(), Some(target));
    click(&mut app, at(&screen, "CRN-17"));
    assert_eq!(
        app.selected_card(),
        Some(target),
        "the click selects the card in Done"
    );
    let done = app.doc.board.column_index("Done").expect("a Done column");
    assert_eq!(app.sprint.column, done);
    // A gantt row, by its entry's name.
    press(&mut app, KeyCode::Char('3'));
    let screen = screen_into(&mut app, 160, 48);
    let hardening = app
        .doc
        .board
        .timeline
        .iter()
        .find(|e| e.name == "Hardening")
        .map(|e| e.id)
        .expect("the sample's Hardening phase");
    assert_ne!(app.selected_entry().map(|e| e.id), Some(hardening));
    click(&mut app, at(&screen, "Hardening"));
    assert_eq!(app.selected_entry().map(|e| e.id), Some(hardening));
    press(&mut app, KeyCode::Char('4'));
    let screen = screen_into(&mut app, 160, 48);
    let name = "Sofia Marin";
    // Its row, not the summary line above the table that also names the person.
    click(&mut app, at(&screen, &format!("{name}     ")));
    assert_eq!(app.selected_person().map(|s| s.name.as_str()), Some(name));
}
