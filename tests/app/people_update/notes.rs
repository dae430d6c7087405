//! Notes: what counts as an update, the note form, details and the note timeline, notes from the
//! editor, links to items and entries, and the report.

use super::*;

#[test]
fn a_meeting_note_counts_as_an_update_and_other_notes_do_not() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(
        app.doc
            .board
            .stakeholder(RAFAEL)
            .and_then(|s| s.days_overdue(TODAY)),
        Some(14)
    );
    assert_eq!(
        stakeholders_due(&app.doc.board.stakeholders, TODAY).len(),
        2
    );

    // A decision: noted, but Rafael is still overdue.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        form(&app).kind,
        FormKind::People(PeopleForm::Note {
            who: RAFAEL,
            note: None
        })
    );
    type_text(&mut app, "Approved the PSP fee model");
    focus(&mut app, "Kind");
    replace_focused(&mut app, "dec");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let r = app.doc.board.stakeholder(RAFAEL).expect("there");
    let n = r.notes.last().expect("added last: the newest");
    assert_eq!(
        (n.id, n.date, n.kind, n.text.as_str()),
        (
            NoteId(17),
            TODAY,
            NoteKind::Decision,
            "Approved the PSP fee model"
        )
    );
    assert_eq!(
        r.days_overdue(TODAY),
        Some(14),
        "a decision is not an update"
    );
    assert_eq!(app.people.note, Some(NoteId(17)), "l would link it");
    assert_eq!(
        status(&app),
        "Add a decision note for Rafael Duarte — l links it to the work"
    );
    let after_decision = app.doc.board.clone();

    // A meeting: today it counts as the update Rafael was owed.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Monthly budget review");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let r = app.doc.board.stakeholder(RAFAEL).expect("there");
    assert_eq!(r.last_update, Some(TODAY));
    assert_eq!(r.days_overdue(TODAY), None);
    assert_eq!(r.next_update(TODAY), date(2026, 12, 28), "30 days on");
    assert_eq!(
        stakeholders_due(&app.doc.board.stakeholders, TODAY).len(),
        1
    );
    assert_eq!(names(&app)[0], "Sofia Marin", "Rafael is no longer first");
    undo_redo(
        &mut app,
        &after_decision,
        "Add a meeting note for Rafael Duarte (counts as an update)",
    );
    app.update(Action::Undo);
    assert_eq!(app.doc.board, before);

    // A meeting dated before his last update changes nothing about the cadence.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Old call");
    focus(&mut app, "Date");
    replace_focused(&mut app, "2026-10-01");
    app.update(Action::Confirm);
    assert_eq!(
        app.doc
            .board
            .stakeholder(RAFAEL)
            .and_then(|s| s.last_update),
        Some(date(2026, 10, 15))
    );
}

#[test]
fn the_note_form_refuses_an_empty_note_a_future_date_and_an_unknown_kind() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, KeyCode::Char('n'));
    // The kind is one of the kinds: typing a word that is none of them leaves a valid kind.
    focus(&mut app, "Kind");
    replace_focused(&mut app, "gossip");
    let kind = form(&app).fields[form(&app).focus].value();
    assert!(cairn::model::NoteKind::parse(&kind).is_some(), "{kind}");
    focus(&mut app, "Date");
    replace_focused(&mut app, "2026-11-29");
    assert!(app.update(Action::Confirm).is_empty());
    let errors: Vec<Option<String>> = form(&app).fields.iter().map(|f| f.error.clone()).collect();
    assert_eq!(
        errors,
        [
            Some("a note cannot be empty".to_string()),
            None,
            Some("2026-11-29 is after today (2026-11-28)".to_string()),
        ]
    );
    assert_eq!(app.doc.board, before);
}

#[test]
fn details_open_with_enter_and_e_d_act_on_the_selected_note() {
    let mut app = app();
    press(&mut app, KeyCode::Char('j')); // Sofia: notes 6, 7, 8
    press(&mut app, KeyCode::Enter);
    assert!(app.people.details);
    assert_eq!(app.people.note, None, "the stakeholder first");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.people.note, Some(NoteId(8)), "then her newest note");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.people.note, Some(NoteId(7)));

    let before = app.doc.board.clone();
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(
        form(&app).kind,
        FormKind::People(PeopleForm::Note {
            who: SOFIA,
            note: Some(NoteId(7))
        })
    );
    focus(&mut app, "Kind");
    replace_focused(&mut app, "risk");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let (_, n) = app.doc.board.note(NoteId(7)).expect("there");
    assert_eq!(n.kind, NoteKind::Risk);
    assert_eq!(
        n.text,
        "QSA kick-off. The assessor expects more evidence-review days than quoted."
    );
    undo_redo(&mut app, &before, "Edit a risk note of Sofia Marin");

    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![Effect::Changed]);
    assert!(app.doc.board.note(NoteId(7)).is_none());
    assert!(
        app.doc.board.stakeholder(SOFIA).is_some(),
        "only the note went"
    );
    assert_eq!(app.people.note, None, "back on the stakeholder");
    undo_redo(&mut app, &before, "Delete a meeting note of Sofia Marin");
    press(&mut app, KeyCode::Esc);
    assert!(!app.people.details);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(
        form(&app).kind,
        FormKind::People(PeopleForm::Edit(SOFIA)),
        "outside the details, e edits the stakeholder"
    );
}

#[test]
fn the_note_timeline_filters_by_kind_and_opens_a_note() {
    let mut app = app();
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.people.screen, Screen::Notes);
    let all = app.timeline_notes();
    assert_eq!(all.len(), 16);
    let dates: Vec<Date> = all.iter().map(|(_, n)| n.date).collect();
    assert!(dates.is_sorted_by(|a, b| a >= b), "newest first");
    assert_eq!(app.people.note, Some(all[0].1.id));

    press(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.mode, Mode::Filter(_)));
    type_text(&mut app, "kind:decision since:month");
    let shown: Vec<(NoteId, NoteKind, Date)> = app
        .timeline_notes()
        .iter()
        .map(|(_, n)| (n.id, n.kind, n.date))
        .collect();
    assert!(!shown.is_empty());
    assert!(
        shown
            .iter()
            .all(|(_, k, d)| *k == NoteKind::Decision && *d >= date(2026, 11, 1)),
        "{shown:?}"
    );
    assert_eq!(shown.len(), 2, "what we decided this month: {shown:?}");
    app.update(Action::Confirm);
    assert_eq!(
        status(&app),
        "2 notes match \"kind:decision since:month\" — Esc clears"
    );
    assert_eq!(app.people.note, Some(shown[0].0));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.people.note, Some(shown[1].0));

    press(&mut app, KeyCode::Enter);
    assert!(
        app.people.details,
        "Enter opens the stakeholder of the note"
    );
    let (who, _) = app.doc.board.note(shown[1].0).expect("there");
    assert_eq!(selected(&app), who.id);
    assert_eq!(app.people.note, Some(shown[1].0), "with the note selected");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.people.screen, Screen::Notes, "back to the timeline");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline_notes().len(), 16, "Esc clears the filter");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.people.screen, Screen::Register);

    // n in the timeline adds to the selected note's stakeholder.
    press(&mut app, KeyCode::Char('t'));
    let first_who = app
        .doc
        .board
        .note(app.people.note.expect("a note is selected"))
        .expect("there")
        .0
        .id;
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        form(&app).kind,
        FormKind::People(PeopleForm::Note {
            who: first_who,
            note: None
        })
    );
}

#[test]
fn a_note_from_the_editor_reads_kind_and_date_and_keeps_every_word() {
    let mut app = app();
    let effects = press(&mut app, KeyCode::Char('E'));
    let [
        Effect::EditNote {
            stakeholder,
            note,
            text,
        },
    ] = effects.as_slice()
    else {
        panic!("E asks for $EDITOR: {effects:?}");
    };
    assert_eq!((*stakeholder, *note), (RAFAEL, None));
    assert_eq!(
        *text,
        note_template("Rafael Duarte", NoteKind::Meeting, TODAY, "")
    );

    let before = app.doc.board.clone();
    let written =
        "kind: request\ndate: 2026-11-27\n\nWants the fee report\nby Friday.\n# a comment\n";
    let back = Action::NoteEdited {
        stakeholder: RAFAEL,
        note: None,
        text: written.to_string(),
    };
    assert_eq!(app.update(back), vec![Effect::Changed]);
    let n = app.doc.board.note(NoteId(17)).expect("added").1;
    assert_eq!(
        (n.kind, n.date, n.text.as_str()),
        (
            NoteKind::Request,
            date(2026, 11, 27),
            "Wants the fee report\nby Friday."
        )
    );
    undo_redo(&mut app, &before, "Add a request note for Rafael Duarte");

    // A kind it cannot read: the text is saved anyway, as a meeting, and the status says so.
    let back = Action::NoteEdited {
        stakeholder: RAFAEL,
        note: None,
        text: "kind: chat\nCalled about fees".to_string(),
    };
    assert_eq!(app.update(back), vec![Effect::Changed]);
    let n = app.doc.board.note(NoteId(17)).expect("added").1;
    assert_eq!(
        (n.kind, n.text.as_str()),
        (NoteKind::Meeting, "Called about fees")
    );
    assert!(is_error(&app));
    assert!(
        status(&app).contains("kind \"chat\" is not meeting"),
        "{}",
        status(&app)
    );
    app.update(Action::Undo);

    // E on a selected note edits it in place.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    let effects = press(&mut app, KeyCode::Char('E'));
    let [
        Effect::EditNote {
            note: Some(id),
            text,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert!(
        text.contains("Nightly reconciliation of Adyen settlements"),
        "{text}"
    );
    let back = Action::NoteEdited {
        stakeholder: RAFAEL,
        note: Some(*id),
        text: text.clone(),
    };
    assert!(app.update(back).is_empty());
    assert_eq!(status(&app), "Note unchanged");
    let empty = Action::NoteEdited {
        stakeholder: RAFAEL,
        note: None,
        text: "# nothing\n".to_string(),
    };
    assert!(app.update(empty).is_empty());
    assert_eq!(status(&app), "Empty note: nothing saved");
    assert_eq!(app.doc.board, before);
}

#[test]
fn l_links_the_note_to_items_and_entries_and_the_item_sees_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Asked for a fee dashboard");
    app.update(Action::Confirm);
    let before = app.doc.board.clone();
    let note = NoteId(17);
    press(&mut app, KeyCode::Char('l'));
    let Mode::Picker(p) = &app.mode else {
        panic!("l opens the picker");
    };
    assert_eq!(
        p.purpose,
        Purpose::NoteLinks {
            stakeholder: RAFAEL,
            note
        },
        "the note just added"
    );
    assert_eq!(p.ticked(), 0);
    assert_eq!(
        p.choices.len(),
        app.doc.board.items.len() + app.doc.board.timeline.len(),
        "every item and entry can be picked"
    );
    type_text(&mut app, "CRN-23");
    app.update(Action::Check);
    let Mode::Picker(p) = &mut app.mode else {
        panic!("still picking");
    };
    p.input = ratatui_textarea::TextArea::default();
    p.refresh();
    type_text(&mut app, "Beta to 5");
    app.update(Action::Check);
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let n = app.doc.board.note(note).expect("there").1;
    let crn23 = app
        .doc
        .board
        .parse_item_key("CRN-23")
        .expect("on the board");
    assert_eq!(n.items, vec![crn23]);
    assert_eq!(n.entries, vec![EntryId(4)]);
    assert!(
        app.doc
            .board
            .notes_about_item(crn23)
            .iter()
            .any(|(s, n)| s.id == RAFAEL && n.id == note),
        "the item's details list the note"
    );
    assert_eq!(
        status(&app),
        "Link a note of Rafael Duarte to CRN-23, Beta to 5% of traffic"
    );
    undo_redo(
        &mut app,
        &before,
        "Link a note of Rafael Duarte to CRN-23, Beta to 5% of traffic",
    );

    // The picker opens with the links ticked; unticking all of them unlinks.
    app.update(Action::Redo);
    press(&mut app, KeyCode::Char('l'));
    let Mode::Picker(p) = &app.mode else {
        panic!("picker");
    };
    assert_eq!(p.ticked(), 2);
    assert_eq!(
        p.chosen(),
        vec![Target::Entry(EntryId(4)), Target::Item(crn23)]
    );
    app.update(Action::Check);
    app.update(Action::Down);
    app.update(Action::Check);
    app.update(Action::Confirm);
    assert_eq!(status(&app), "Unlink a note of Rafael Duarte from the work");
    assert!(
        app.doc
            .board
            .note(note)
            .is_some_and(|(_, n)| n.items.is_empty())
    );
}

#[test]
fn r_writes_the_report_through_the_runner() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(
        press(&mut app, KeyCode::Char('r')),
        vec![Effect::WriteReport { edit: false }]
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('R')),
        vec![Effect::WriteReport { edit: true }]
    );
    assert_eq!(app.doc.board, before, "writing a report changes nothing");
}
