use super::*;
use crate::model::Edit;
use jiff::civil::date;

fn person(id: u32, power: u8, interest: u8, cadence: u32, last: Option<Date>) -> Stakeholder {
    Stakeholder {
        id: StakeholderId(id),
        name: format!("P{id}"),
        role: String::new(),
        organisation: String::new(),
        power,
        interest,
        cadence_days: cadence,
        last_update: last,
        contact: String::new(),
        cares_about: String::new(),
        notes: vec![],
    }
}

#[test]
fn quadrants_split_at_three() {
    assert_eq!(person(1, 5, 5, 7, None).quadrant(), Quadrant::ManageClosely);
    assert_eq!(person(1, 3, 2, 7, None).quadrant(), Quadrant::KeepSatisfied);
    assert_eq!(person(1, 2, 3, 7, None).quadrant(), Quadrant::KeepInformed);
    assert_eq!(person(1, 1, 1, 7, None).quadrant(), Quadrant::Monitor);
}

#[test]
fn due_when_cadence_has_passed_most_overdue_first() {
    let today = date(2026, 3, 20);
    let list = vec![
        person(1, 5, 5, 7, Some(date(2026, 3, 13))), // due today
        person(2, 5, 5, 7, Some(date(2026, 3, 14))), // due tomorrow
        person(3, 5, 5, 14, Some(date(2026, 3, 1))), // 5 days over
        person(4, 5, 5, 14, None),                   // never updated: due now
    ];
    let due: Vec<(u32, i32)> = stakeholders_due(&list, today)
        .iter()
        .map(|(s, d)| (s.id.0, *d))
        .collect();
    assert_eq!(due, vec![(3, 5), (1, 0), (4, 0)]);
}

fn board(people: Vec<Stakeholder>) -> Board {
    let mut b = Board::new("Test", "T");
    b.stakeholders = people;
    b.repair_counters();
    b
}

/// Applies an edit, checks its inverse restores the board exactly, and returns the new board.
fn applied(b: &Board, edit: Edit) -> Board {
    let mut after = b.clone();
    let inverse = after.apply(edit).expect("applies");
    let mut undone = after.clone();
    undone.apply(inverse).expect("inverse applies");
    assert_eq!(&undone, b, "undo restores the board");
    after
}

#[test]
fn add_edit_and_delete_a_stakeholder() {
    let today = date(2026, 3, 20);
    let b = board(vec![person(1, 5, 5, 7, None)]);
    let mut new = person(99, 2, 4, 14, Some(today));
    new.name = "  ".into();
    assert_eq!(
        add_stakeholder(&b, new.clone()),
        Err(PeopleError::EmptyName)
    );
    new.name = "Ada".into();
    new.power = 6;
    assert!(matches!(
        add_stakeholder(&b, new.clone()),
        Err(PeopleError::OutOfScale {
            what: "power",
            value: 6
        })
    ));
    new.power = 2;
    new.cadence_days = 0;
    assert_eq!(
        add_stakeholder(&b, new.clone()),
        Err(PeopleError::Cadence(0))
    );
    new.cadence_days = 14;
    let (edit, id) = add_stakeholder(&b, new).expect("adds");
    assert_eq!(id, StakeholderId(2), "the next id from the counters");
    let b = applied(&b, edit);
    assert_eq!(b.counters.stakeholder, 3);
    assert_eq!(
        b.stakeholder(id).map(|s| s.quadrant()),
        Some(Quadrant::KeepInformed)
    );

    let mut edited = b.stakeholder(id).expect("added").clone();
    edited.role = "CFO".into();
    edited.notes.clear();
    let (edit, _) = add_note(&b, id, today, NoteKind::Risk, "worried", today).expect("note");
    let b = applied(&b, edit);
    let b = applied(&b, update_stakeholder(&b, edited).expect("edits"));
    let s = b.stakeholder(id).expect("still there");
    assert_eq!(
        (s.role.as_str(), s.notes.len()),
        ("CFO", 1),
        "an edit keeps the notes"
    );

    let b = applied(&b, delete_stakeholder(&b, id).expect("deletes"));
    assert!(b.stakeholder(id).is_none());
    assert_eq!(
        delete_stakeholder(&b, id),
        Err(PeopleError::NoStakeholder(2))
    );
}

#[test]
fn grid_moves_stay_on_the_scale() {
    let b = board(vec![person(1, 3, 1, 7, None)]);
    let id = StakeholderId(1);
    let b = applied(&b, shift_on_grid(&b, id, -1, 0).expect("down"));
    assert_eq!(
        b.stakeholder(id).map(Stakeholder::quadrant),
        Some(Quadrant::Monitor)
    );
    let err = shift_on_grid(&b, id, 0, -1).expect_err("interest is already 1");
    assert_eq!(err.to_string(), "P1 already has interest 1, the lowest");
    let mut b = b;
    for _ in 0..4 {
        b = applied(&b, shift_on_grid(&b, id, 0, 1).expect("right"));
    }
    assert_eq!(b.stakeholder(id).map(|s| s.interest), Some(5));
    assert!(shift_on_grid(&b, id, 0, 1).is_err());
}

#[test]
fn a_meeting_note_counts_as_an_update_and_others_do_not() {
    let today = date(2026, 3, 20);
    let b = board(vec![person(1, 5, 5, 7, Some(date(2026, 3, 1)))]);
    let id = StakeholderId(1);
    assert_eq!(
        b.stakeholder(id).and_then(|s| s.days_overdue(today)),
        Some(12)
    );

    let (edit, n1) =
        add_note(&b, id, today, NoteKind::Decision, "Go with Adyen", today).expect("adds");
    let b = applied(&b, edit);
    let s = b.stakeholder(id).expect("there");
    assert_eq!(
        s.last_update,
        Some(date(2026, 3, 1)),
        "a decision is not an update"
    );
    assert_eq!(s.days_overdue(today), Some(12));

    let (edit, n2) = add_note(
        &b,
        id,
        date(2026, 3, 18),
        NoteKind::Meeting,
        " Weekly ",
        today,
    )
    .expect("adds");
    let b = applied(&b, edit);
    let s = b.stakeholder(id).expect("there");
    assert_eq!(
        s.last_update,
        Some(date(2026, 3, 18)),
        "a meeting is an update"
    );
    assert_eq!(s.days_overdue(today), None, "due again on the 25th");
    assert_eq!(s.next_update(today), date(2026, 3, 25));
    let ids: Vec<NoteId> = s.notes.iter().map(|n| n.id).collect();
    assert_eq!(ids, vec![n2, n1], "oldest first");
    assert_eq!(s.notes[0].text, "Weekly", "trimmed");
    assert_eq!(b.counters.note, n2.0 + 1);

    // An older meeting does not move the last update back.
    let (edit, _) =
        add_note(&b, id, date(2026, 3, 2), NoteKind::Meeting, "old", today).expect("adds");
    let b = applied(&b, edit);
    assert_eq!(
        b.stakeholder(id).and_then(|s| s.last_update),
        Some(date(2026, 3, 18))
    );

    assert_eq!(
        add_note(&b, id, today, NoteKind::Risk, " ", today),
        Err(PeopleError::EmptyNote)
    );
    assert!(matches!(
        add_note(&b, id, date(2026, 3, 21), NoteKind::Risk, "later", today),
        Err(PeopleError::FutureNote { .. })
    ));
    assert_eq!(
        add_note(&b, StakeholderId(9), today, NoteKind::Risk, "x", today),
        Err(PeopleError::NoStakeholder(9))
    );
    let newest: Vec<NoteId> = b.notes_newest_first().iter().map(|(_, n)| n.id).collect();
    assert_eq!(newest[..2], [n1, n2]);
}

#[test]
fn edit_link_and_delete_a_note() {
    let today = date(2026, 3, 20);
    let mut b = board(vec![person(1, 5, 5, 30, Some(date(2026, 3, 1)))]);
    b.items.push(std::sync::Arc::new(crate::model::Item::new(
        ItemId(4),
        crate::model::ItemKind::Story,
        "x",
        "To do",
        today,
    )));
    b.repair_counters();
    let id = StakeholderId(1);
    let (edit, n) = add_note(&b, id, today, NoteKind::Request, "Wants X", today).expect("adds");
    let b = applied(&b, edit);
    let mut note = b.note(n).expect("found").1.clone();
    note.kind = NoteKind::Meeting;
    note.date = date(2026, 3, 10);
    let b = applied(&b, update_note(&b, id, note, today).expect("edits"));
    assert_eq!(
        b.stakeholder(id).and_then(|s| s.last_update),
        Some(date(2026, 3, 10))
    );

    let edit = link_note(
        &b,
        id,
        n,
        vec![ItemId(4), ItemId(77), ItemId(4)],
        vec![EntryId(3)],
    )
    .expect("links");
    let b = applied(&b, edit);
    let note = b.note(n).expect("found").1;
    assert_eq!(
        note.items,
        vec![ItemId(4)],
        "unknown ids and duplicates are dropped"
    );
    assert!(note.entries.is_empty());
    assert_eq!(
        b.notes_about_item(ItemId(4)).len(),
        1,
        "the item sees the note"
    );

    let b = applied(&b, delete_note(&b, id, n).expect("deletes"));
    assert!(b.note(n).is_none());
    assert_eq!(
        b.stakeholder(id).and_then(|s| s.last_update),
        Some(date(2026, 3, 10)),
        "deleting a note keeps the last update"
    );
    assert_eq!(delete_note(&b, id, n), Err(PeopleError::NoNote(n.0)));
}

#[test]
fn an_edited_note_reads_back_and_keeps_text_it_cannot_place() {
    let t = note_template("Helen", NoteKind::Decision, date(2026, 3, 20), "");
    let parsed = parse_edited_note(&format!("{t}\nShip the beta.\n\nSecond para.\n"));
    assert_eq!(parsed.kind, Some(NoteKind::Decision));
    assert_eq!(parsed.date, Some(date(2026, 3, 20)));
    assert_eq!(parsed.text, "Ship the beta.\n\nSecond para.");
    assert!(parsed.problems.is_empty());

    let again = note_template("Helen", NoteKind::Risk, date(2026, 3, 2), &parsed.text);
    assert_eq!(parse_edited_note(&again).text, parsed.text, "a round trip");

    let bad = parse_edited_note(
        "kind: gossip\ndate: 2026-02-30\nCall notes\nkind: is not a header here\n",
    );
    assert_eq!((bad.kind, bad.date), (None, None));
    assert_eq!(bad.problems.len(), 2, "{:?}", bad.problems);
    assert_eq!(bad.text, "Call notes\nkind: is not a header here");
    assert_eq!(parse_edited_note("# only comments\n\n").text, "");
}

#[test]
fn a_cadence_past_the_calendar_is_never_due_and_never_panics() {
    let s = person(1, 3, 3, 8_000_000, Some(date(2026, 1, 1)));
    assert_eq!(s.next_update(date(2026, 3, 1)), Date::MAX);
    assert_eq!(s.days_overdue(date(2026, 3, 1)), None);
    assert_eq!(
        stakeholders_due(std::slice::from_ref(&s), date(2026, 3, 1)),
        vec![]
    );
}
