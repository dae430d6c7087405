//! The risk register: add, edit, close and link a risk, the marker on the gantt, and moves inside
//! the register.

use super::*;

#[test]
fn risk_register_add_edit_close_link_and_the_marker() {
    let mut app = app();
    press(&mut app, 'r');
    let before = app.doc.board.clone();
    let ids: Vec<RiskId> = app.risk_rows().into_owned();
    assert_eq!(ids, [RiskId(1), RiskId(2), RiskId(3), RiskId(4), RiskId(5)]);
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1));
    assert!(gantt_line(&app, "Risk register").contains("4 open, 1 high"));

    // Add: a probability off the scale cannot even be typed (the field offers 1–5), then a good
    // one goes in first.
    press(&mut app, 'a');
    type_text(&mut app, "Adyen outage during the beta");
    let shown = field_value(&app, PROBABILITY);
    replace_field(&mut app, PROBABILITY, "7");
    assert_eq!(field_value(&app, PROBABILITY), shown, "7 is not a choice");
    assert!(app.doc.board == before);
    replace_field(&mut app, PROBABILITY, "4");
    replace_field(&mut app, IMPACT, "5");
    replace_field(&mut app, MITIGATION, "Fallback PSP behind the flag");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    let new = RiskId(6);
    assert_eq!(
        status(&app),
        "Add risk \"Adyen outage during the beta\" (exposure 20)"
    );
    assert_eq!(app.risk_rows()[0], new, "highest exposure first");
    assert_eq!(app.selected_risk().unwrap().id, new);
    let r = app.doc.board.risk(new).unwrap();
    assert_eq!(
        (r.probability, r.impact, r.status, r.raised),
        (4, 5, RiskStatus::Open, TODAY)
    );
    assert_eq!(app.doc.board.counters.risk, 7);
    let added = app.doc.board.clone();
    undo_redo(
        &mut app,
        &before,
        &added,
        "Add risk \"Adyen outage during the beta\" (exposure 20)",
    );

    // Link it to Hardening and an item: Hardening gets the ! marker (not linked, no marker).
    assert!(!plan::entries_at_high_risk(&app.doc.board).contains(&HARDENING));
    press(&mut app, 'L');
    assert_eq!(
        picker(&app).title,
        "Risk \"Adyen outage during the beta\" threatens"
    );
    tick(&mut app, "hardening", "Hardening");
    tick(&mut app, "webhook", "CRN-22");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Link risk \"Adyen outage during the beta\" to 1 entry and 1 item"
    );
    let r = app.doc.board.risk(new).unwrap();
    assert_eq!(
        (r.entries.clone(), r.items.clone()),
        (vec![HARDENING], vec![item_id(&app, "CRN-22")])
    );
    assert!(plan::entries_at_high_risk(&app.doc.board).contains(&HARDENING));
    let linked = app.doc.board.clone();
    undo_redo(
        &mut app,
        &added,
        &linked,
        "Link risk \"Adyen outage during the beta\" to 1 entry and 1 item",
    );
    press_code(&mut app, KeyCode::Esc);
    assert!(gantt_line(&app, "▬ Hardening").contains("! risk"));
    press(&mut app, 'r');

    // Edit: impact 2 brings exposure to 8, under the high mark (15): the marker goes.
    press(&mut app, 'e');
    assert!(form(&app).title.starts_with("Edit risk"));
    replace_field(&mut app, IMPACT, "2");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "Edit risk \"Adyen outage during the beta\"");
    assert_eq!(app.doc.board.risk(new).unwrap().exposure(), 8);
    assert!(!plan::entries_at_high_risk(&app.doc.board).contains(&HARDENING));
    let edited = app.doc.board.clone();
    undo_redo(
        &mut app,
        &linked,
        &edited,
        "Edit risk \"Adyen outage during the beta\"",
    );

    // Close the QSA risk (mitigating, 15): PCI and Beta lose the marker; x again reopens it.
    press(&mut app, 'g');
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1));
    press(&mut app, 'x');
    assert_eq!(
        status(&app),
        "Close risk \"QSA finds cardholder data in scope beyond SAQ A-EP\""
    );
    assert_eq!(
        app.doc.board.risk(RiskId(1)).unwrap().status,
        RiskStatus::Closed
    );
    assert_eq!(
        app.risk_rows()[4..],
        [RiskId(1), RiskId(5)],
        "closed ones after the open ones"
    );
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1), "still selected");
    assert!(plan::entries_at_high_risk(&app.doc.board).is_empty());
    let closed = app.doc.board.clone();
    undo_redo(
        &mut app,
        &edited,
        &closed,
        "Close risk \"QSA finds cardholder data in scope beyond SAQ A-EP\"",
    );
    press_code(&mut app, KeyCode::Esc);
    let pci = gantt_line(&app, "▬ PCI DSS assessment");
    assert!(!pci.contains('!'), "no marker for a closed risk: {pci}");
    press(&mut app, 'r');
    press(&mut app, 'x');
    assert_eq!(
        status(&app),
        "Reopen risk \"QSA finds cardholder data in scope beyond SAQ A-EP\""
    );
    assert!(plan::entries_at_high_risk(&app.doc.board).contains(&PCI));

    // Delete the new risk; undo brings it back.
    let board = app.doc.board.clone();
    press(&mut app, 'g');
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1), "15 beats 8");
    while app.selected_risk().unwrap().id != new {
        press(&mut app, 'j');
    }
    press(&mut app, 'd');
    assert!(app.doc.board.risk(new).is_none());
    app.update(Action::Undo);
    assert!(app.doc.board == board);
}

#[test]
fn the_marker_needs_an_open_high_risk() {
    let mut app = app();
    press(&mut app, '$');
    press(&mut app, '$');
    // Mitigating and 3×5 = 15: high. Beta and PCI carry it, as symbols at 80 columns.
    assert!(gantt_line(&app, "◇ Beta to 5%").contains("! risk"));
    let s = screen(&app, 80, 24);
    let beta = s
        .lines()
        .find(|l| l.contains("◇ Beta"))
        .expect("Beta at 80×24");
    assert!(beta.contains('!'), "{beta}");
    // Risk 2 (4×3 = 12) threatens Hardening: not high, no marker.
    assert!(!gantt_line(&app, "▬ Hardening").contains('!'));
}

#[test]
fn week_moves_in_the_risk_register_behave_like_day_moves() {
    // < and > from the register go back to the gantt and move the selected entry there; the week
    // moves should do the same rather than move an entry the register hides.
    for (label, ev) in [
        ("<", event(KeyCode::Char('<'))),
        ("Shift-←", KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT)),
        ("{", event(KeyCode::Char('{'))),
    ] {
        let mut app = app();
        press(&mut app, 'r');
        send(&mut app, ev);
        assert_eq!(
            app.timeline.sub,
            Sub::Gantt,
            "{label} in the register shows the gantt, where the move is seen"
        );
    }
}
