//! The stakeholder register: order and sorting, the filter, and adding, editing and deleting a
//! stakeholder through the form.

use super::*;

#[test]
fn the_register_lists_those_due_first_and_sorts_three_ways() {
    let mut app = app();
    assert_eq!(
        names(&app),
        [
            "Rafael Duarte",
            "Sofia Marin",
            "Oliver Grant",
            "Kwame Mensah",
            "Helen Achterberg",
            "Nadia Haddad"
        ]
    );
    assert_eq!(selected(&app), RAFAEL, "the first row before any key");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), SOFIA);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(selected(&app), NADIA);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.people.sort, Sort::Name);
    assert_eq!(names(&app)[0], "Helen Achterberg");
    assert_eq!(status(&app), "Register sorted by name");
    assert_eq!(
        selected(&app),
        NADIA,
        "the selection follows the stakeholder"
    );
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.people.sort, Sort::Quadrant);
    let quadrants: Vec<Quadrant> = app.people_order().iter().map(|s| s.quadrant()).collect();
    assert!(quadrants.is_sorted(), "{quadrants:?}");
    assert_eq!(names(&app)[..2], ["Helen Achterberg", "Sofia Marin"]);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.people.sort, Sort::Due);
}

#[test]
fn add_a_stakeholder_through_the_form_and_undo_it() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert!(press(&mut app, KeyCode::Char('a')).is_empty());
    assert_eq!(form(&app).kind, FormKind::People(PeopleForm::Add));
    type_text(&mut app, "Priya Raman");
    focus(&mut app, "Role");
    type_text(&mut app, "Head of Marketing");
    focus(&mut app, "Power");
    replace_focused(&mut app, "2");
    focus(&mut app, "Interest");
    replace_focused(&mut app, "5");
    focus(&mut app, "Cadence");
    replace_focused(&mut app, "7");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    let new = StakeholderId(7);
    let p = app
        .doc
        .board
        .stakeholder(new)
        .expect("added with the next id");
    assert_eq!(
        (p.role.as_str(), p.power, p.interest, p.cadence_days),
        ("Head of Marketing", 2, 5, 7)
    );
    assert_eq!(p.quadrant(), Quadrant::KeepInformed);
    assert_eq!(p.last_update, None);
    assert_eq!(app.doc.board.counters.stakeholder, 8);
    assert_eq!(selected(&app), new, "the new stakeholder is selected");
    assert_eq!(p.days_overdue(TODAY), Some(0), "never updated: due now");
    assert_eq!(
        stakeholders_due(&app.doc.board.stakeholders, TODAY).len(),
        3
    );
    assert_eq!(status(&app), "Add Priya Raman (keep informed)");
    undo_redo(&mut app, &before, "Add Priya Raman (keep informed)");
}

#[test]
fn the_stakeholder_form_refuses_what_is_not_valid() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, KeyCode::Char('a'));
    focus(&mut app, "Power");
    replace_focused(&mut app, "7");
    assert_eq!(
        form(&app).fields[form(&app).focus].value(),
        "3",
        "power is 1–5: 7 is not among the choices"
    );
    focus(&mut app, "Last update");
    type_text(&mut app, "2026-02-30");
    assert!(app.update(Action::Confirm).is_empty());
    let f = form(&app);
    let error = |label: &str| {
        f.fields
            .iter()
            .find(|x| x.id.label() == label)
            .and_then(|x| x.error.clone())
    };
    assert_eq!(error("Name").as_deref(), Some("a stakeholder needs a name"));
    assert_eq!(error("Power"), None);
    assert_eq!(
        error("Last update").as_deref(),
        Some("\"2026-02-30\" is not a date (YYYY-MM-DD, today, or +3d / -1w from today)"),
        "the same words as every form's dates"
    );
    assert_eq!(
        f.fields[f.focus].id.label(),
        "Name",
        "the first bad field has the focus"
    );
    assert_eq!(app.doc.board, before, "nothing saved");
    app.update(Action::Cancel);
    assert_eq!(status(&app), "Cancelled: nothing changed");
}

#[test]
fn edit_a_stakeholder_and_undo_it() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(form(&app).kind, FormKind::People(PeopleForm::Edit(RAFAEL)));
    assert_eq!(form(&app).fields[0].value(), "Rafael Duarte");
    focus(&mut app, "Cadence");
    replace_focused(&mut app, "14");
    focus(&mut app, "Cares about");
    replace_focused(&mut app, "Fees per transaction");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let r = app.doc.board.stakeholder(RAFAEL).expect("there");
    assert_eq!(
        (r.cadence_days, r.cares_about.as_str()),
        (14, "Fees per transaction")
    );
    assert_eq!(
        r.notes,
        before.stakeholder(RAFAEL).expect("there").notes,
        "notes kept"
    );
    assert_eq!(
        r.days_overdue(TODAY),
        Some(30),
        "a shorter cadence: more overdue"
    );
    undo_redo(&mut app, &before, "Edit Rafael Duarte");

    press(&mut app, KeyCode::Char('e'));
    app.update(Action::Confirm);
    assert_eq!(status(&app), "No changes");
    assert_eq!(app.doc.board, before);
}

#[test]
fn delete_a_stakeholder_with_their_notes_and_bring_them_back() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, KeyCode::Char('j'));
    // Her notes would go with her: d asks first and says so; n keeps everything.
    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![]);
    assert!(
        matches!(&app.mode, Mode::ConfirmDelete { what, .. } if what == "Sofia Marin and their 3 notes")
    );
    assert_eq!(press(&mut app, KeyCode::Char('n')), vec![]);
    assert_eq!(app.doc.board, before, "n keeps her");
    assert_eq!(status(&app), "Kept: Sofia Marin and their 3 notes");
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(press(&mut app, KeyCode::Char('y')), vec![Effect::Changed]);
    assert!(app.doc.board.stakeholder(SOFIA).is_none());
    assert!(
        app.doc.board.note(NoteId(8)).is_none(),
        "her notes went with her"
    );
    assert_eq!(
        status(&app),
        "Delete Sofia Marin and their 3 notes (u brings it back)"
    );
    assert_eq!(
        app.selected_person().map(|s| s.name.as_str()),
        Some("Oliver Grant"),
        "the selection stays on her row"
    );
    undo_redo(&mut app, &before, "Delete Sofia Marin and their 3 notes");
}

#[test]
fn the_register_filter_keeps_the_matching_stakeholders() {
    let mut app = app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "closely");
    assert_eq!(names(&app), ["Sofia Marin", "Helen Achterberg"]);
    assert_eq!(
        selected(&app),
        SOFIA,
        "the selection moves onto what is shown"
    );
    app.update(Action::Cancel);
    assert_eq!(names(&app).len(), 6, "Esc while typing clears it");
}
