//! Changing backlog items: the add and edit forms and what they refuse, points, MoSCoW, the
//! description, delete and undo.

use super::*;

#[test]
fn add_item_through_the_form() {
    let mut app = app();
    let before = app.doc.board.clone();
    let above = select(&mut app, "CRN-22");
    app.update(Action::AddItem);
    assert_eq!(form(&app).kind, FormKind::AddItem);
    type_text(&mut app, "Retry webhooks idempotently");
    let effects = app.update(Action::Confirm);
    assert_eq!(effects, vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "the form closed");

    let new = ItemId(50);
    assert_eq!(app.doc.board.items.len(), before.items.len() + 1);
    assert_eq!(app.doc.board.items[0].id, above);
    let item = &app.doc.board.items[1];
    assert_eq!(item.id, new, "added below the selection with the next id");
    assert_eq!(item.title, "Retry webhooks idempotently");
    assert_eq!(item.kind, ItemKind::Story, "the default kind");
    assert_eq!(item.status, "To do", "the first column");
    assert_eq!((item.points, item.moscow, item.sprint), (None, None, None));
    assert_eq!((item.created, item.updated), (TODAY, TODAY));
    assert_eq!(app.doc.board.counters.item, 51);
    assert_eq!(app.backlog.selected, Some(new), "the new item is selected");
    assert_eq!(app.doc.board.validate(), vec![]);
    let label = "Add CRN-50 \"Retry webhooks idempotently\"";
    assert_eq!(status(&app), label);
    undo_redo(&mut app, &before, label);
}

#[test]
fn edit_item_changes_title_and_points() {
    let mut app = app();
    let before = app.doc.board.clone();
    let id = select(&mut app, "CRN-22");
    app.update(Action::EditItem);
    assert_eq!(form(&app).kind, FormKind::EditItem(id));
    replace_focused(&mut app, "Webhook retries send duplicate emails");
    focus_field(&mut app, POINTS);
    replace_focused(&mut app, "5");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));

    let mut expected = before.item(id).expect("CRN-22").clone();
    expected.title = "Webhook retries send duplicate emails".into();
    expected.points = Some(5);
    expected.updated = TODAY;
    assert_eq!(
        app.doc.board.item(id),
        Some(&expected),
        "only title, points and updated"
    );
    assert_eq!(
        app.doc.board.item_index(id),
        before.item_index(id),
        "same rank"
    );
    assert_burndown_current(&app.doc.board);
    assert_eq!(status(&app), "Edit CRN-22");
    undo_redo(&mut app, &before, "Edit CRN-22");
}

#[test]
fn edit_form_without_changes_changes_nothing_for_every_sample_item() {
    let mut app = app();
    let before = app.doc.board.clone();
    let ids: Vec<ItemId> = before.items.iter().map(|i| i.id).collect();
    for id in ids {
        app.update(Action::GoToItem(id));
        app.update(Action::EditItem);
        assert_eq!(app.update(Action::Confirm), vec![], "{id:?}");
        assert!(matches!(app.mode, Mode::Normal), "{id:?}: the form closed");
        assert_eq!(
            status(&app),
            "No changes",
            "{}: the form reads back what it showed",
            before.item_key(id)
        );
    }
    assert_eq!(app.doc.board, before);
}

#[test]
fn invalid_form_values_keep_the_form_open_and_change_nothing() {
    let mut app = app();
    let before = app.doc.board.clone();
    let id = select(&mut app, "CRN-22");
    app.update(Action::EditItem);
    // The kind is a closed set: a word that is none of them leaves a kind, so no error there.
    focus_field(&mut app, KIND);
    replace_focused(&mut app, "saga");
    assert_eq!(form(&app).fields[KIND].value(), "story");
    focus_field(&mut app, TITLE);
    replace_focused(&mut app, "");
    focus_field(&mut app, POINTS);
    replace_focused(&mut app, "4");
    assert_eq!(app.update(Action::Confirm), vec![]);

    let f = form(&app);
    assert_eq!(f.kind, FormKind::EditItem(id), "still open");
    assert_eq!(f.focus, TITLE, "the first bad field has the focus");
    let title_error = f.fields[TITLE].error.as_deref().expect("title error");
    assert_eq!(title_error, "a title cannot be empty");
    let points_error = f.fields[POINTS].error.as_deref().expect("points error");
    assert!(points_error.contains("Fibonacci"), "{points_error}");
    assert!(
        f.fields
            .iter()
            .enumerate()
            .all(|(n, field)| field.error.is_some() == (n == TITLE || n == POINTS)),
        "no other field is marked"
    );
    assert_eq!(app.doc.board, before);

    // Typing in a marked field clears its mark; Esc leaves without a trace.
    type_text(&mut app, "x");
    assert_eq!(form(&app).fields[TITLE].error, None);
    assert!(form(&app).fields[POINTS].error.is_some());
    app.update(Action::Cancel);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.doc.board, before);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Nothing to undo");

    // The add form too: nothing is inserted, not even the id counter moves.
    app.update(Action::AddItem);
    type_text(&mut app, "Half-baked");
    focus_field(&mut app, POINTS);
    type_text(&mut app, "4");
    assert_eq!(app.update(Action::Confirm), vec![]);
    let f = form(&app);
    assert_eq!(f.kind, FormKind::AddItem);
    assert_eq!(f.focus, POINTS);
    assert!(f.fields[POINTS].error.is_some());
    assert_eq!(app.doc.board, before);
}

#[test]
fn set_points() {
    let mut app = app();
    let before = app.doc.board.clone();
    let id = select(&mut app, "CRN-30");
    app.update(Action::SetPoints);
    let f = form(&app);
    assert_eq!(f.kind, FormKind::Points(id));
    assert_eq!(f.fields[0].value(), "2", "the current points");
    replace_focused(&mut app, "4");
    app.update(Action::Confirm);
    assert!(form(&app).fields[0].error.is_some(), "4 is refused");
    assert_eq!(app.doc.board, before);
    replace_focused(&mut app, "8");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let item = app.doc.board.item(id).expect("CRN-30");
    assert_eq!((item.points, item.updated), (Some(8), TODAY));
    assert_eq!(status(&app), "8 points for CRN-30");
    undo_redo(&mut app, &before, "8 points for CRN-30");
}

#[test]
fn delete_item_removes_its_links_and_undo_brings_them_back() {
    let mut app = app();
    let before = app.doc.board.clone();
    let id = select(&mut app, "CRN-19");
    let linked = |b: &Board| {
        (
            b.items
                .iter()
                .filter(|i| i.blocked_by.contains(&id))
                .count(),
            b.timeline.iter().filter(|e| e.items.contains(&id)).count(),
            b.risks.iter().filter(|r| r.items.contains(&id)).count(),
            b.all_notes().filter(|(_, n)| n.items.contains(&id)).count(),
        )
    };
    assert_eq!(linked(&before), (1, 1, 0, 1), "CRN-24, a milestone, a note");
    assert_eq!(app.update(Action::DeleteItem), vec![Effect::Changed]);
    assert_eq!(app.doc.board.item(id), None);
    assert_eq!(app.doc.board.items.len(), before.items.len() - 1);
    assert_eq!(linked(&app.doc.board), (0, 0, 0, 0), "every link is gone");
    assert_eq!(app.doc.board.validate(), vec![]);
    assert_burndown_current(&app.doc.board);
    let label = "Delete CRN-19 \"Pay with Apple Pay on Safari and iOS\"";
    // The status line says how to get it back; undo says what it undid, without the hint.
    assert_eq!(status(&app), format!("{label} (u brings it back)"));
    undo_redo(&mut app, &before, label);
    assert_eq!(linked(&app.doc.board), (1, 1, 0, 1));

    // An epic: deleting it asks first (keep its children, losing their parent, or delete them
    // too); yes deletes the epic alone, and undo gives them their parent back.
    let epic = select(&mut app, "CRN-3");
    let children = app
        .doc
        .board
        .items
        .iter()
        .filter(|i| i.parent == Some(epic))
        .count();
    assert!(children > 1);
    assert_eq!(app.update(Action::DeleteItem), vec![]);
    let Mode::ConfirmDeleteEpic {
        what, children: n, ..
    } = &app.mode
    else {
        panic!("an epic with children asks first");
    };
    assert_eq!(what, "CRN-3 \"Wallets and local payment methods\"");
    assert_eq!(*n, children, "the question says how many children");
    assert!(app.doc.board == before, "nothing changed yet");
    assert_eq!(app.update(Action::Yes), vec![Effect::Changed]);
    assert!(app.doc.board.items.iter().all(|i| i.parent != Some(epic)));
    assert_eq!(app.doc.board.validate(), vec![]);
    undo_redo(
        &mut app,
        &before,
        "Delete CRN-3 \"Wallets and local payment methods\"",
    );
}

#[test]
fn cycle_moscow() {
    let mut app = app();
    let before = app.doc.board.clone();
    let id = select(&mut app, "CRN-22");
    assert_eq!(app.update(Action::CycleMoscow), vec![Effect::Changed]);
    let item = app.doc.board.item(id).expect("CRN-22");
    assert_eq!((item.moscow, item.updated), (Some(Moscow::Should), TODAY));
    assert_eq!(status(&app), "MoSCoW of CRN-22: should");
    undo_redo(&mut app, &before, "MoSCoW of CRN-22: should");

    let wont = select(&mut app, "CRN-35");
    app.update(Action::CycleMoscow);
    assert_eq!(app.doc.board.item(wont).expect("CRN-35").moscow, None);
    undo_redo(&mut app, &before, "MoSCoW of CRN-35: none");
}

#[test]
fn description_edited() {
    let mut app = app();
    let before = app.doc.board.clone();
    let id = id(&app, "CRN-22");
    let effects = app.update(Action::DescriptionEdited(
        id,
        "Send one email per order.\n\n".into(),
    ));
    assert_eq!(effects, vec![Effect::Changed]);
    let item = app.doc.board.item(id).expect("CRN-22");
    assert_eq!(item.description, "Send one email per order.", "trimmed");
    assert_eq!(item.updated, TODAY);
    assert_eq!(status(&app), "Edit the description of CRN-22");
    undo_redo(&mut app, &before, "Edit the description of CRN-22");

    let same = before.item(id).expect("CRN-22").description.clone();
    assert_eq!(app.update(Action::DescriptionEdited(id, same)), vec![]);
    assert_eq!(status(&app), "Description unchanged");
    assert_eq!(app.doc.board, before);
}
