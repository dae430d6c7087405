//! The stakeholders pane driven by actions, without a terminal, on the sample board of 2026-11-28.
//! Every change goes through `App::update`, is one undoable step that undo reverses exactly, and
//! cadence and overdue are worked out against the fixed "today".
//!
//! The sample's register, due first: Rafael Duarte (overdue 14d, P5 I2), Sofia Marin (overdue 3d,
//! P4 I5), Oliver Grant (due in 4d), Kwame Mensah (5d), Helen Achterberg (6d), Nadia Haddad (12d).

use cairn::app::picker::{Purpose, Target};
use cairn::app::stakeholders::{Screen, Sort};
use cairn::app::{Action, App, Effect, FormKind, Mode, Pane, PeopleForm};
use cairn::commands::sample_board;
use cairn::input::{Key, action_for_key};
use cairn::model::stakeholder::note_template;
use cairn::model::{Board, EntryId, NoteId, NoteKind, Quadrant, StakeholderId, stakeholders_due};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);
const HELEN: StakeholderId = StakeholderId(1);
const RAFAEL: StakeholderId = StakeholderId(2);
const SOFIA: StakeholderId = StakeholderId(3);
const NADIA: StakeholderId = StakeholderId(6);

/// The sample board on the stakeholders pane.
fn app() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::ShowStakeholders);
    assert_eq!(app.pane, Pane::Stakeholders);
    app
}

fn key(c: char) -> KeyEvent {
    let modifiers = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

/// Presses a key through the keymap, as the terminal would.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let event = match code {
        KeyCode::Char(c) => key(c),
        other => KeyEvent::new(other, KeyModifiers::NONE),
    };
    let action =
        action_for_key(app, event).unwrap_or_else(|| panic!("{code:?} does something here"));
    app.update(action)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(key(c)));
    }
}

fn status(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn is_error(app: &App) -> bool {
    app.status.as_ref().is_some_and(|s| s.error)
}

fn form(app: &App) -> &cairn::app::Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("expected a form to be open"),
    }
}

/// Clears the focused field and types `text`.
fn replace_focused(app: &mut App, text: &str) {
    let f = form(app);
    let len = f.fields[f.focus].value().chars().count() + 2;
    for _ in 0..len {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    type_text(app, text);
}

fn focus(app: &mut App, label: &str) {
    for _ in 0..20 {
        let f = form(app);
        if f.fields[f.focus].label == label {
            return;
        }
        app.update(Action::NextField);
    }
    panic!("no field {label}");
}

fn names(app: &App) -> Vec<String> {
    app.people_order().iter().map(|s| s.name.clone()).collect()
}

fn selected(app: &App) -> StakeholderId {
    app.selected_person().expect("someone is selected").id
}

/// Undo puts `before` back exactly and names the step; redo applies it again; then undo once more.
fn undo_redo(app: &mut App, before: &Board, label: &str) {
    let after = app.board.clone();
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert!(
        app.board == *before,
        "undo of \"{label}\" restores the board"
    );
    assert_eq!(status(app), format!("Undid: {label}"));
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed]);
    assert!(app.board == after, "redo of \"{label}\" applies it again");
    app.update(Action::Undo);
    assert_eq!(app.board, *before);
}

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
    let before = app.board.clone();
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
    let p = app.board.stakeholder(new).expect("added with the next id");
    assert_eq!(
        (p.role.as_str(), p.power, p.interest, p.cadence_days),
        ("Head of Marketing", 2, 5, 7)
    );
    assert_eq!(p.quadrant(), Quadrant::KeepInformed);
    assert_eq!(p.last_update, None);
    assert_eq!(app.board.counters.stakeholder, 8);
    assert_eq!(selected(&app), new, "the new stakeholder is selected");
    assert_eq!(p.days_overdue(TODAY), Some(0), "never updated: due now");
    assert_eq!(stakeholders_due(&app.board.stakeholders, TODAY).len(), 3);
    assert_eq!(status(&app), "Add Priya Raman (keep informed)");
    undo_redo(&mut app, &before, "Add Priya Raman (keep informed)");
}

#[test]
fn the_stakeholder_form_refuses_what_is_not_valid() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, KeyCode::Char('a'));
    focus(&mut app, "Power");
    replace_focused(&mut app, "7");
    focus(&mut app, "Last update");
    type_text(&mut app, "2026-02-30");
    assert!(app.update(Action::Confirm).is_empty());
    let f = form(&app);
    let error = |label: &str| {
        f.fields
            .iter()
            .find(|x| x.label == label)
            .and_then(|x| x.error.clone())
    };
    assert_eq!(error("Name").as_deref(), Some("a stakeholder needs a name"));
    assert_eq!(error("Power").as_deref(), Some("\"7\" is not 1–5"));
    assert_eq!(
        error("Last update").as_deref(),
        Some("\"2026-02-30\" is not a date")
    );
    assert_eq!(
        f.fields[f.focus].label, "Name",
        "the first bad field has the focus"
    );
    assert_eq!(app.board, before, "nothing saved");
    app.update(Action::Cancel);
    assert_eq!(status(&app), "Cancelled: nothing changed");
}

#[test]
fn edit_a_stakeholder_and_undo_it() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(form(&app).kind, FormKind::People(PeopleForm::Edit(RAFAEL)));
    assert_eq!(form(&app).fields[0].value(), "Rafael Duarte");
    focus(&mut app, "Cadence");
    replace_focused(&mut app, "14");
    focus(&mut app, "Cares about");
    replace_focused(&mut app, "Fees per transaction");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let r = app.board.stakeholder(RAFAEL).expect("there");
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
    assert_eq!(app.board, before);
}

#[test]
fn delete_a_stakeholder_with_their_notes_and_bring_them_back() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![Effect::Changed]);
    assert!(app.board.stakeholder(SOFIA).is_none());
    assert!(
        app.board.note(NoteId(8)).is_none(),
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
    undo_redo(
        &mut app,
        &before,
        "Delete Sofia Marin and their 3 notes (u brings it back)",
    );
}

#[test]
fn a_meeting_note_counts_as_an_update_and_other_notes_do_not() {
    let mut app = app();
    let before = app.board.clone();
    assert_eq!(
        app.board
            .stakeholder(RAFAEL)
            .and_then(|s| s.days_overdue(TODAY)),
        Some(14)
    );
    assert_eq!(stakeholders_due(&app.board.stakeholders, TODAY).len(), 2);

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
    let r = app.board.stakeholder(RAFAEL).expect("there");
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
    let after_decision = app.board.clone();

    // A meeting: today it counts as the update Rafael was owed.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Monthly budget review");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let r = app.board.stakeholder(RAFAEL).expect("there");
    assert_eq!(r.last_update, Some(TODAY));
    assert_eq!(r.days_overdue(TODAY), None);
    assert_eq!(r.next_update(TODAY), date(2026, 12, 28), "30 days on");
    assert_eq!(stakeholders_due(&app.board.stakeholders, TODAY).len(), 1);
    assert_eq!(names(&app)[0], "Sofia Marin", "Rafael is no longer first");
    undo_redo(
        &mut app,
        &after_decision,
        "Add a meeting note for Rafael Duarte (counts as an update)",
    );
    app.update(Action::Undo);
    assert_eq!(app.board, before);

    // A meeting dated before his last update changes nothing about the cadence.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Old call");
    focus(&mut app, "Date");
    replace_focused(&mut app, "2026-10-01");
    app.update(Action::Confirm);
    assert_eq!(
        app.board.stakeholder(RAFAEL).and_then(|s| s.last_update),
        Some(date(2026, 10, 15))
    );
}

#[test]
fn the_note_form_refuses_an_empty_note_a_future_date_and_an_unknown_kind() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, KeyCode::Char('n'));
    focus(&mut app, "Kind");
    replace_focused(&mut app, "gossip");
    focus(&mut app, "Date");
    replace_focused(&mut app, "2026-11-29");
    assert!(app.update(Action::Confirm).is_empty());
    let errors: Vec<Option<String>> = form(&app).fields.iter().map(|f| f.error.clone()).collect();
    assert_eq!(
        errors,
        [
            Some("a note cannot be empty".to_string()),
            Some("\"gossip\" is not meeting, decision, request or risk".to_string()),
            Some("2026-11-29 is after today (2026-11-28)".to_string()),
        ]
    );
    assert_eq!(app.board, before);
}

#[test]
fn the_grid_moves_the_selection_and_hjkl_move_the_stakeholder() {
    let mut app = app();
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(app.people.screen, Screen::Grid);
    assert_eq!(selected(&app), RAFAEL, "keep satisfied, top left");
    press(&mut app, KeyCode::Right);
    assert_eq!(
        selected(&app),
        HELEN,
        "manage closely: the most powerful first"
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), SOFIA);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.selected_person().map(|s| s.quadrant()),
        Some(Quadrant::KeepInformed),
        "on down into the quadrant below"
    );
    press(&mut app, KeyCode::Left);
    assert_eq!(selected(&app), NADIA, "monitor");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.selected_person().map(|s| s.name.as_str()),
        Some("Oliver Grant"),
        "up into keep satisfied, from its bottom"
    );

    // L: more interest moves Oliver from keep satisfied to manage closely.
    let before = app.board.clone();
    assert_eq!(press(&mut app, KeyCode::Char('L')), vec![Effect::Changed]);
    let o = app.selected_person().expect("Oliver");
    assert_eq!(
        (o.power, o.interest, o.quadrant()),
        (4, 3, Quadrant::ManageClosely)
    );
    assert_eq!(
        status(&app),
        "Oliver Grant: interest 2 → 3, now manage closely"
    );
    undo_redo(
        &mut app,
        &before,
        "Oliver Grant: interest 2 → 3, now manage closely",
    );
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(
        status(&app),
        "Oliver Grant: power 4 → 5, still keep satisfied"
    );
    press(&mut app, KeyCode::Char('K'));
    assert!(is_error(&app));
    assert_eq!(
        status(&app),
        "Oliver Grant already has power 5, the highest"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('J'));
    }
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(status(&app), "Oliver Grant: interest 2 → 1, still monitor");
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(
        status(&app),
        "Oliver Grant already has interest 1, the lowest"
    );
    assert_eq!(
        app.selected_person().map(|s| s.quadrant()),
        Some(Quadrant::Monitor)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.people.screen, Screen::Register, "Esc leaves the grid");
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

    let before = app.board.clone();
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
    let (_, n) = app.board.note(NoteId(7)).expect("there");
    assert_eq!(n.kind, NoteKind::Risk);
    assert_eq!(
        n.text,
        "QSA kick-off. The assessor expects more evidence-review days than quoted."
    );
    undo_redo(&mut app, &before, "Edit a risk note of Sofia Marin");

    assert_eq!(press(&mut app, KeyCode::Char('d')), vec![Effect::Changed]);
    assert!(app.board.note(NoteId(7)).is_none());
    assert!(app.board.stakeholder(SOFIA).is_some(), "only the note went");
    assert_eq!(app.people.note, None, "back on the stakeholder");
    undo_redo(
        &mut app,
        &before,
        "Delete a meeting note of Sofia Marin (u brings it back)",
    );
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
    assert!(matches!(app.mode, Mode::PeopleFilter(_)));
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
    let (who, _) = app.board.note(shown[1].0).expect("there");
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

    let before = app.board.clone();
    let written =
        "kind: request\ndate: 2026-11-27\n\nWants the fee report\nby Friday.\n# a comment\n";
    let back = Action::NoteEdited {
        stakeholder: RAFAEL,
        note: None,
        text: written.to_string(),
    };
    assert_eq!(app.update(back), vec![Effect::Changed]);
    let n = app.board.note(NoteId(17)).expect("added").1;
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
    let n = app.board.note(NoteId(17)).expect("added").1;
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
    assert_eq!(app.board, before);
}

#[test]
fn l_links_the_note_to_items_and_entries_and_the_item_sees_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Asked for a fee dashboard");
    app.update(Action::Confirm);
    let before = app.board.clone();
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
        app.board.items.len() + app.board.timeline.len(),
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
    let n = app.board.note(note).expect("there").1;
    let crn23 = app.board.parse_item_key("CRN-23").expect("on the board");
    assert_eq!(n.items, vec![crn23]);
    assert_eq!(n.entries, vec![EntryId(4)]);
    assert!(
        app.board
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
        app.board
            .note(note)
            .is_some_and(|(_, n)| n.items.is_empty())
    );
}

#[test]
fn r_writes_the_report_through_the_runner() {
    let mut app = app();
    let before = app.board.clone();
    assert_eq!(
        press(&mut app, KeyCode::Char('r')),
        vec![Effect::WriteReport { edit: false }]
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('R')),
        vec![Effect::WriteReport { edit: true }]
    );
    assert_eq!(app.board, before, "writing a report changes nothing");
}

#[test]
fn every_key_of_the_pane_is_in_help_and_works_only_here() {
    let app = app();
    let help = app.keymap.help(Pane::Stakeholders);
    let rows: Vec<(String, &str)> = help.into_iter().flat_map(|(_, r)| r).collect();
    for (k, action) in [
        ("a", Action::AddStakeholder),
        ("e", Action::EditStakeholder),
        ("d", Action::DeleteStakeholder),
        ("n", Action::AddNote),
        ("E", Action::NoteInEditor),
        ("l", Action::LinkNote),
        ("v", Action::GridView),
        ("t", Action::NoteTimeline),
        ("s", Action::SortStakeholders),
        ("K", Action::MorePower),
        ("J", Action::LessPower),
        ("L", Action::MoreInterest),
        ("H", Action::LessInterest),
        ("r", Action::WriteReport),
        ("R", Action::WriteReportAndEdit),
    ] {
        let key = Key::parse(k).expect("a key");
        assert_eq!(
            app.keymap.lookup(Pane::Stakeholders, key),
            Some(&action),
            "{k}"
        );
        assert!(
            rows.iter()
                .any(|(keys, about)| keys == k && *about == action.about()),
            "{k} is in help: {rows:?}"
        );
        assert!(!action.about().is_empty() && action.name().is_some());
    }
    let mut backlog = App::new(sample_board(TODAY), "b.ron", TODAY);
    backlog.update(Action::NoteTimeline);
    assert_eq!(
        status(&backlog),
        format!(
            "{} works in the stakeholders pane (press 4)",
            Action::NoteTimeline.about()
        )
    );
}

#[test]
fn read_only_refuses_every_change_and_still_browses() {
    let mut app = app();
    app.set_read_only();
    let before = app.board.clone();
    for k in ['a', 'e', 'd', 'n', 'L', 'K'] {
        press(&mut app, KeyCode::Char(k));
        assert!(matches!(app.mode, Mode::Normal), "{k} opened nothing");
    }
    assert!(press(&mut app, KeyCode::Char('E')).is_empty());
    assert!(status(&app).starts_with("Read-only"), "{}", status(&app));
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.board, before);
}
