//! Project settings (issue 13, point 2): one form from the palette and the timeline's key; every
//! change is one undoable step; a new key prefix says what changes and asks first; bad input is
//! marked beside its field and changes nothing; the new sprint length survives save → load and a
//! v2 board without it still loads, byte for byte.

use crate::common;

use cairn::app::{Action, App, Effect, Form, Mode, Pane};
use cairn::commands::sample_board;
use cairn::model::{Board, value};
use common::keys::press_keys;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

const TODAY: Date = date(2026, 11, 28);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        other => panic!(
            "a form is open, not {other:?}",
            other = std::mem::discriminant(other)
        ),
    }
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Focuses the field labelled `label` and replaces its text with `text`.
fn set(app: &mut App, label: &str, text: &str) {
    for _ in 0..=form(app).fields.len() {
        if form(app).fields[form(app).focus].id.label() == label {
            // Ctrl-U clears to the start, then the new text.
            let clear = common::keys::event(KeyCode::Char('u'));
            let clear = ratatui::crossterm::event::KeyEvent {
                modifiers: ratatui::crossterm::event::KeyModifiers::CONTROL,
                ..clear
            };
            app.update(Action::Type(clear));
            press_keys(app, text);
            return;
        }
        app.update(Action::NextField);
    }
    panic!("the settings form has no {label} field");
}

fn open(app: &mut App) {
    app.update(Action::ProjectSettings);
    assert_eq!(
        form(app).title,
        format!("Project settings — {}", app.doc.board.project.name)
    );
}

#[test]
fn the_form_holds_every_setting_and_opens_from_the_palette_and_the_timeline() {
    let mut a = app();
    open(&mut a);
    let labels: Vec<&str> = form(&a).fields.iter().map(|f| f.id.label()).collect();
    assert_eq!(
        labels,
        [
            "Name",
            "Key prefix",
            "Vision",
            "Product goal",
            "Budget",
            "Currency",
            "Sprint length",
            "Standup",
            "Standup at",
            "Cycle sample"
        ]
    );
    let values: Vec<String> = form(&a).fields.iter().map(|f| f.value()).collect();
    let p = &a.doc.board.project;
    assert_eq!(values[0], p.name);
    assert_eq!(values[1], p.key);
    assert_eq!(values[2], p.vision);
    assert_eq!(values[3], p.goal);
    assert_eq!(values[6], "14");
    assert_eq!(values[7], "15");
    a.update(Action::Cancel);

    // The palette finds it by name and runs it.
    a.update(Action::Palette);
    press_keys(&mut a, "project settings");
    a.update(Action::Confirm);
    assert!(
        matches!(a.mode, Mode::Form(_)),
        "the palette opened the form"
    );
    a.update(Action::Cancel);

    // `,` on the timeline and on the budget.
    a.update(Action::ShowTimeline);
    common::keys::press(&mut a, KeyCode::Char(','));
    assert!(matches!(a.mode, Mode::Form(_)), ", on the timeline");
    a.update(Action::Cancel);
    a.update(Action::Budget);
    common::keys::press(&mut a, KeyCode::Char(','));
    assert!(matches!(a.mode, Mode::Form(_)), ", on the budget");
    assert_eq!(a.pane, Pane::Timeline);
}

#[test]
fn a_change_is_one_undoable_step_and_survives_save_and_load() {
    let mut a = app();
    let before = a.doc.board.clone();
    open(&mut a);
    set(&mut a, "Name", "Payments");
    set(&mut a, "Vision", "Checkout in one tap");
    set(&mut a, "Product goal", "Card payments in Q1");
    set(&mut a, "Budget", "250k");
    set(&mut a, "Currency", "USD");
    set(&mut a, "Sprint length", "10");
    set(&mut a, "Standup", "20");
    assert_eq!(a.update(Action::Confirm), vec![Effect::Changed]);
    let b = &a.doc.board;
    let mut want = before.clone();
    want.project.name = "Payments".into();
    want.project.vision = "Checkout in one tap".into();
    want.project.goal = "Card payments in Q1".into();
    want.project.budget = 250_000;
    want.project.currency = "USD".into();
    want.settings.sprint_days = 10;
    want.settings.standup_minutes = 20;
    assert_eq!(b.project, want.project);
    assert_eq!(b.settings, want.settings);
    // Nothing else changed (today's burndown point is recorded with every change).
    want.sprints = b.sprints.clone();
    assert!(*b == want, "exactly those fields changed");
    assert_eq!(status(&a), "Change the project settings of Payments");

    // The goal and vision head the backlog and the status report.
    a.update(Action::ShowBacklog);
    let shown = screen(&a, 80, 24);
    assert!(
        shown.contains("│Goal: Card payments in Q1 · Vision: Checkout in one tap"),
        "{shown}"
    );
    let report = cairn::io::report::status_report(&a.doc.board, TODAY);
    assert!(report.contains("Vision: Checkout in one tap"), "{report}");
    assert!(
        report.contains("Current goal: Card payments in Q1"),
        "{report}"
    );
    let b = &a.doc.board;

    // Saved and loaded again, byte for byte.
    let text = cairn::store::to_ron(b).expect("serialises");
    assert!(text.contains("sprint_days: 10"), "{text}");
    let back = cairn::store::from_ron(&text, std::path::Path::new("b.ron")).expect("loads");
    assert_eq!(back, *b);
    assert_eq!(cairn::store::to_ron(&back).expect("serialises"), text);

    // One undo takes all of it back; redo brings it again.
    a.update(Action::Undo);
    assert!(a.doc.board == before, "undo restores the board");
    assert_eq!(status(&a), "Undid: Change the project settings of Payments");
    a.update(Action::Redo);
    assert!(a.doc.board == want, "redo applies it again");

    // A new sprint lasts the new length.
    let next = cairn::model::rules::suggest_sprint(&a.doc.board, TODAY);
    assert_eq!(next.length_days(), 10);
}

#[test]
fn a_new_key_prefix_says_what_changes_and_asks_first() {
    let mut a = app();
    let before = a.doc.board.clone();
    let n = before.items.len();
    let first = before.items[0].id.0;
    open(&mut a);
    set(&mut a, "Key prefix", "pay");
    assert_eq!(a.update(Action::Confirm), vec![]);
    let Mode::ConfirmChange { question, .. } = &a.mode else {
        panic!("a key change asks first");
    };
    assert!(
        question.contains(&format!(
            "CRN-{first} becomes PAY-{first} for all {n} items"
        )),
        "{question}"
    );
    // The question is on screen at 80x24.
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("becomes PAY-"), "{shown}");
    // No keeps everything.
    a.update(Action::No);
    assert!(a.doc.board == before, "the board is as it was");
    assert!(status(&a).contains("items keep CRN-"), "{}", status(&a));

    // Yes re-keys, in one undoable step.
    open(&mut a);
    set(&mut a, "Key prefix", "pay");
    a.update(Action::Confirm);
    assert_eq!(a.update(Action::Yes), vec![Effect::Changed]);
    assert_eq!(a.doc.board.project.key, "PAY");
    let id = before.items[0].id;
    assert_eq!(a.doc.board.item_key(id), format!("PAY-{first}"));
    a.update(Action::Undo);
    assert!(a.doc.board == before, "the board is as it was");
}

#[test]
fn bad_input_is_marked_beside_its_field_and_changes_nothing() {
    for (label, text, says) in [
        ("Name", "", "a project name cannot be empty"),
        ("Key prefix", "", "cannot be empty"),
        ("Key prefix", "P4Y", "letters only"),
        ("Key prefix", "ABCDEFGHIJK", "1–10"),
        ("Budget", "lots", "is not an amount"),
        ("Currency", "", "say the currency"),
        ("Sprint length", "0", "1–60"),
        ("Sprint length", "90", "1–60"),
        ("Standup", "500", "1–120"),
    ] {
        let mut a = app();
        let before = a.doc.board.clone();
        open(&mut a);
        set(&mut a, label, text);
        assert_eq!(a.update(Action::Confirm), vec![], "{label}={text:?}");
        let f = form(&a);
        let field = &f.fields[f.focus];
        assert_eq!(field.id.label(), label, "the bad field has focus");
        let error = field.error.clone().unwrap_or_default();
        assert!(error.contains(says), "{label}={text:?}: {error}");
        assert!(a.doc.board == before, "{label}={text:?} changed nothing");
        // The message is on screen beside the field at 80x24.
        let shown = screen(&a, 80, 24);
        assert!(shown.contains(&says[..says.len().min(12)]), "{shown}");
    }
    // The same limits hold on load.
    let mut b = sample_board(TODAY);
    b.project.key = "C-1".into();
    b.settings.sprint_days = 0;
    let problems: Vec<String> = b.validate().iter().map(|p| p.to_string()).collect();
    assert!(
        problems.iter().any(|p| p.contains("letters only")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("sprint length")),
        "{problems:?}"
    );
    assert_eq!(value::parse_project_key(" crn "), Ok("CRN".into()));
}

#[test]
fn no_change_says_so_and_records_nothing() {
    let mut a = app();
    open(&mut a);
    assert_eq!(a.update(Action::Confirm), vec![]);
    assert_eq!(status(&a), "No changes");
    assert_eq!(a.update(Action::Undo), vec![], "nothing to undo");
}

#[test]
fn a_v2_board_from_before_the_settings_loads_and_saves_unchanged() {
    let path = std::path::Path::new("tests/data/board-v2.ron");
    let text = std::fs::read_to_string(path).expect("the v2 board");
    assert!(
        !text.contains("sprint_days"),
        "written before sprint length existed"
    );
    let b: Board = cairn::store::read(path).expect("a v2 board loads");
    assert_eq!(b.settings.sprint_days, 14, "the default sprint length");
    // Saved in version 3's layout (each collection by id, the rank beside it, no counters), and
    // read back as the same board.
    let migrated = cairn::store::to_ron(&b).expect("serialises");
    let golden = "tests/data/board-v2-migrated.ron";
    if std::env::var_os("CAIRN_UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, &migrated).expect("writes the golden file");
    }
    assert_eq!(
        migrated,
        std::fs::read_to_string(golden).expect("the golden file")
    );
    assert!(migrated.starts_with("(\n  version: 3,\n"));
    let back = cairn::store::from_ron(&migrated, path).expect("loads");
    assert_eq!(back, b);
    let ranks = |b: &Board| b.items.iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ranks(&back), ranks(&b), "the backlog keeps its rank");
}
