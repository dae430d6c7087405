//! Saved views (issue 13, point 5): a list's filter saved under a name in the board, one undoable
//! step each to save, replace, rename and delete; picked again from the list's views picker or the
//! palette; the view's name in the list's frame while the filter is the view's; bad names marked
//! beside the field; each list's last view restored from the per-board state, an unreadable filter
//! kept as text with its hint. The board with views survives save → load byte for byte.

use crate::common;

use cairn::app::palette::Entry;
use cairn::app::{Action, App, Effect, Form, Mode, Pane, stakeholders};
use cairn::commands::sample_board;
use cairn::model::{Board, SavedView, ViewPane};
use cairn::store::viewstate::{PaneView, ViewState};
use common::keys::press_keys;
use common::screen::screen;
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("a form is open"),
    }
}

fn view(name: &str, pane: ViewPane, filter: &str) -> SavedView {
    SavedView {
        name: name.into(),
        pane,
        filter: filter.into(),
    }
}

/// Types `filter` into the list's filter line and keeps it.
fn filter(app: &mut App, text: &str) {
    app.update(Action::Filter);
    app.update(Action::Cancel); // clears what was there
    app.update(Action::Filter);
    press_keys(app, text);
    app.update(Action::Confirm);
}

/// Saves the list's filter as `name` (Ctrl-s, the name, Enter).
fn save(app: &mut App, name: &str) -> Vec<Effect> {
    app.update(Action::SaveView);
    press_keys(app, name);
    app.update(Action::Confirm)
}

#[test]
fn saving_a_view_is_one_undoable_step_and_names_the_list() {
    let mut a = app();
    let before = a.doc.board.clone();
    filter(&mut a, "kind:bug");
    // Ctrl-s while the filter is typed, as from the list.
    a.update(Action::Filter);
    a.update(Action::SaveView);
    assert_eq!(form(&a).title, "Save the backlog view \"kind:bug\"");
    press_keys(&mut a, "  Ana's bugs ");
    let effects = a.update(Action::Confirm);
    assert!(effects.contains(&Effect::Changed), "{effects:?}");
    assert!(matches!(a.mode, Mode::Normal));
    assert_eq!(
        a.doc.board.views,
        vec![view("Ana's bugs", ViewPane::Backlog, "kind:bug")]
    );
    assert_eq!(status(&a), "Save the backlog view \"Ana's bugs\"");
    assert_eq!(
        a.active_view(ViewPane::Backlog).map(|v| v.name.as_str()),
        Some("Ana's bugs")
    );
    let after = a.doc.board.clone();
    a.update(Action::Undo);
    assert_eq!(a.doc.board, before, "undo takes the view away");
    assert_eq!(status(&a), "Undid: Save the backlog view \"Ana's bugs\"");
    a.update(Action::Redo);
    assert_eq!(a.doc.board, after, "redo brings it back");
}

#[test]
fn an_empty_name_is_refused_beside_the_field_and_changes_nothing() {
    let mut a = app();
    filter(&mut a, "kind:bug");
    let before = a.doc.board.clone();
    let effects = save(&mut a, "   ");
    assert!(effects.is_empty());
    let f = form(&a);
    assert_eq!(
        f.fields[0].error.as_deref(),
        Some("give the view a name, e.g. Ana's bugs")
    );
    assert_eq!(a.doc.board, before);
    // A filter longer than a view keeps is refused beside the name.
    a.update(Action::Cancel); // the form
    let long = format!("kind:bug {}", "x".repeat(200));
    filter(&mut a, &long);
    save(&mut a, "Long");
    assert_eq!(
        form(&a).fields[0].error.as_deref(),
        Some("the filter is 209 characters long; the most is 200: shorten it to save it")
    );
    assert_eq!(a.doc.board, before);
    // With no filter there is nothing to save: said, no form.
    let mut b = app();
    b.update(Action::SaveView);
    assert!(matches!(b.mode, Mode::Normal));
    assert_eq!(
        status(&b),
        "The backlog has no filter to save: type one first (/)"
    );
    // A screen without a filter says so.
    b.update(Action::Burndown);
    b.update(Action::SaveView);
    assert_eq!(
        status(&b),
        "No filter in the burndown: nothing to save as a view"
    );
}

#[test]
fn saving_under_a_taken_name_asks_to_replace_it_and_undo_brings_the_old_one_back() {
    let mut a = app();
    filter(&mut a, "kind:bug");
    save(&mut a, "Triage");
    filter(&mut a, "moscow:must");
    let before = a.doc.board.clone();
    let effects = save(&mut a, "triage");
    assert!(effects.is_empty(), "asks first");
    let Mode::ConfirmChange { question, .. } = &a.mode else {
        panic!("a question is open");
    };
    assert_eq!(
        question,
        "The backlog already has a view \"Triage\" (filter \"kind:bug\"). Replace it with \"moscow:must\"?"
    );
    a.update(Action::No);
    assert_eq!(a.doc.board, before, "no: the old view stays");
    assert_eq!(status(&a), "Kept: the view \"Triage\" is unchanged");
    save(&mut a, "triage");
    let effects = a.update(Action::Yes);
    assert!(effects.contains(&Effect::Changed));
    assert_eq!(
        a.doc.board.views,
        vec![view("triage", ViewPane::Backlog, "moscow:must")]
    );
    a.update(Action::Undo);
    assert_eq!(a.doc.board, before);
    // The same name in another list is another view.
    a.update(Action::ShowSprint);
    filter(&mut a, "kind:bug");
    save(&mut a, "Triage");
    assert_eq!(a.doc.board.views.len(), 2);
    assert_eq!(
        a.doc.board.views[1],
        view("Triage", ViewPane::Sprint, "kind:bug")
    );
}

#[test]
fn the_views_picker_shows_renames_and_deletes_the_lists_views() {
    let mut a = app();
    filter(&mut a, "kind:bug");
    save(&mut a, "Bugs");
    filter(&mut a, "moscow:must");
    save(&mut a, "Musts");
    a.update(Action::Cancel); // the filter goes
    assert_eq!(a.backlog.filter.text, "");
    a.update(Action::Views);
    let Mode::Palette(p) = &a.mode else {
        panic!("the views picker is open");
    };
    assert_eq!(p.title(), " Saved views of the backlog ");
    let names: Vec<&str> = p.matches.iter().map(Entry::label).collect();
    assert_eq!(names, ["Bugs", "Musts"]);
    a.update(Action::Confirm);
    assert_eq!(a.backlog.filter.text, "kind:bug");
    assert_eq!(status(&a), "View \"Bugs\" of the backlog: kind:bug");
    assert_eq!(
        a.active_view(ViewPane::Backlog).map(|v| v.name.as_str()),
        Some("Bugs")
    );

    // Rename: a name another view has is refused beside the field.
    a.update(Action::Views);
    a.update(Action::RenameView);
    assert_eq!(form(&a).title, "Rename the backlog view \"Bugs\"");
    let clear = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    a.update(Action::Type(clear));
    press_keys(&mut a, "musts");
    a.update(Action::Confirm);
    assert_eq!(
        form(&a).fields[0].error.as_deref(),
        Some("the backlog already has a view \"musts\"")
    );
    a.update(Action::Type(clear));
    press_keys(&mut a, "Ana's bugs");
    let effects = a.update(Action::Confirm);
    assert!(effects.contains(&Effect::Changed));
    assert_eq!(a.doc.board.views[0].name, "Ana's bugs");
    assert_eq!(
        a.active_view(ViewPane::Backlog).map(|v| v.name.as_str()),
        Some("Ana's bugs"),
        "the list still shows the renamed view"
    );

    // Delete: undoable, and the picker stays open on what is left.
    let before = a.doc.board.clone();
    a.update(Action::Views);
    let effects = a.update(Action::DeleteView);
    assert!(effects.contains(&Effect::Changed));
    assert_eq!(
        a.doc.board.views,
        vec![view("Musts", ViewPane::Backlog, "moscow:must")]
    );
    assert_eq!(
        status(&a),
        "Delete the view \"Ana's bugs\" (u brings it back)"
    );
    assert!(matches!(&a.mode, Mode::Palette(p) if p.matches.len() == 1));
    a.update(Action::Cancel);
    a.update(Action::Undo);
    assert_eq!(a.doc.board, before);
}

#[test]
fn a_list_without_views_says_how_to_make_one() {
    let mut a = app();
    a.update(Action::ShowTimeline);
    a.update(Action::Views);
    assert!(matches!(a.mode, Mode::Normal));
    assert_eq!(
        status(&a),
        "No saved views of the timeline yet: filter it (/), then save the filter (Ctrl-s)"
    );
}

#[test]
fn the_palette_lists_every_view_and_shows_its_list() {
    let mut a = app();
    a.update(Action::ShowStakeholders);
    a.update(Action::NoteTimeline);
    filter(&mut a, "kind:decision");
    save(&mut a, "Decisions");
    a.update(Action::Cancel);
    assert_eq!(a.people.notes.text, "");
    a.update(Action::ShowBacklog);
    a.update(Action::Palette);
    press_keys(&mut a, "view: decis");
    let Mode::Palette(p) = &a.mode else {
        panic!("the palette is open");
    };
    assert_eq!(
        p.chosen().map(Entry::label),
        Some("view: Decisions (note timeline)")
    );
    a.update(Action::Confirm);
    assert_eq!(a.pane, Pane::Stakeholders);
    assert_eq!(a.people.screen, stakeholders::Screen::Notes);
    assert_eq!(a.people.notes.text, "kind:decision");
    assert!(a.active_view(ViewPane::Notes).is_some());
}

#[test]
fn the_frame_names_the_view_until_the_filter_is_edited() {
    let mut a = app();
    filter(&mut a, "kind:bug");
    save(&mut a, "Ana's bugs");
    let s = screen(&a, 120, 40);
    assert!(
        s.lines().nth(1).unwrap().contains("· view \"Ana's bugs\""),
        "{s}"
    );
    insta::assert_snapshot!("saved_view_title_120x40", s);
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("╰ view \"Ana's bugs\" ─"),
        "no room in the title: on the bottom edge\n{s}"
    );
    insta::assert_snapshot!("saved_view_title_80x24", s);
    a.update(Action::Filter);
    press_keys(&mut a, " -login");
    a.update(Action::Confirm);
    assert!(a.active_view(ViewPane::Backlog).is_none());
    assert!(!screen(&a, 120, 40).contains("view \"Ana's bugs\""));
    // The sprint board's frame names its view too.
    a.update(Action::ShowSprint);
    filter(&mut a, "kind:bug");
    save(&mut a, "Sprint bugs");
    let s = screen(&a, 120, 40);
    assert!(s.contains("view \"Sprint bugs\""), "{s}");
    // At 80 columns the legend keeps its place; the view's name is whole or not there.
    let s = screen(&a, 80, 24);
    assert!(!s.contains("· view"), "{s}");
    assert!(
        s.contains("points · days in column/started · assignee"),
        "{s}"
    );
    // The note timeline's frame too.
    a.update(Action::ShowStakeholders);
    a.update(Action::NoteTimeline);
    filter(&mut a, "kind:decision");
    save(&mut a, "Decisions");
    let s = screen(&a, 120, 40);
    assert!(s.contains("view \"Decisions\""), "{s}");
}

#[test]
fn the_views_picker_at_80x24_and_120x40() {
    let mut a = app();
    filter(&mut a, "kind:bug");
    save(&mut a, "Ana's bugs");
    filter(&mut a, "moscow:must -status:done");
    save(&mut a, "Must do, still open — the release's scope");
    a.update(Action::Views);
    let small = screen(&a, 80, 24);
    assert!(small.contains("Ctrl-r rename  Ctrl-d delete"), "{small}");
    insta::assert_snapshot!("views_picker_80x24", small);
    insta::assert_snapshot!("views_picker_120x40", screen(&a, 120, 40));
}

#[test]
fn each_list_gets_its_last_view_back_and_a_lost_tag_keeps_its_hint() {
    let mut a = app();
    a.doc
        .board
        .views
        .push(view("Bugs", ViewPane::Backlog, "kind:bug"));
    let mut state = ViewState {
        show_done: true,
        ..ViewState::default()
    };
    state.panes.insert(
        ViewPane::Backlog,
        PaneView {
            filter: "kind:bug".into(),
            view: Some("Bugs".into()),
        },
    );
    state.panes.insert(
        ViewPane::Sprint,
        PaneView {
            filter: "tag:gone".into(),
            view: None,
        },
    );
    state.panes.insert(
        ViewPane::Stakeholders,
        PaneView {
            filter: "adyen".into(),
            view: None,
        },
    );
    a.restore_views(Some(state.clone()));
    assert!(a.backlog.show_done);
    assert_eq!(a.backlog.filter.text, "kind:bug");
    assert!(
        a.backlog.visible.len() < a.doc.board.items.len(),
        "the filter applies"
    );
    assert_eq!(
        a.active_view(ViewPane::Backlog).map(|v| v.name.as_str()),
        Some("Bugs")
    );
    assert_eq!(a.sprint.filter.text, "tag:gone", "kept as text");
    assert_eq!(
        a.sprint.filter.unknown,
        ["tag:gone"],
        "with its hint, as typed"
    );
    assert_eq!(a.people.filter, "adyen");
    let kept = a.view_state();
    assert_eq!(
        (kept.panes, kept.show_done),
        (state.panes.clone(), state.show_done),
        "what is kept is what came back"
    );

    // From now on a changed view asks to be kept, once, and not while it is typed.
    a.update(Action::Filter);
    let typing = common::keys::press(&mut a, ratatui::crossterm::event::KeyCode::Char('x'));
    assert!(
        !typing.iter().any(|e| matches!(e, Effect::ViewState(_))),
        "{typing:?}"
    );
    let kept = a.update(Action::Confirm);
    let Some(Effect::ViewState(now)) = kept.first() else {
        panic!("the new view is kept: {kept:?}");
    };
    assert_eq!(now.panes[&ViewPane::Backlog].filter, "kind:bugx");
    assert_eq!(
        now.panes[&ViewPane::Backlog].view,
        None,
        "no longer the view"
    );
    assert!(a.update(Action::Down).is_empty(), "nothing new to keep");

    // A run with no state file yet starts plain and keeps its first change.
    let mut b = app();
    b.restore_views(None);
    assert!(!b.backlog.show_done);
    filter(&mut b, "kind:bug");
    assert_eq!(b.view_state().panes.len(), 1);
}

#[test]
fn a_board_with_views_saves_and_loads_byte_for_byte() {
    let mut a = app();
    filter(&mut a, "kind:bug");
    save(&mut a, "Ana's bugs");
    a.update(Action::ShowStakeholders);
    a.update(Action::NoteTimeline);
    filter(&mut a, "kind:decision since:month");
    save(&mut a, "Recent decisions");
    let b = &a.doc.board;
    let text = cairn::store::to_ron(b).expect("serialises");
    assert!(text.contains("views: ["), "{text}");
    assert!(text.contains("pane: Notes"), "{text}");
    let path = std::path::Path::new("b.ron");
    let back = cairn::store::from_ron(&text, path).expect("loads");
    assert_eq!(back, *b);
    assert_eq!(cairn::store::to_ron(&back).expect("serialises"), text);
    // A board without views writes no `views` at all.
    let plain = cairn::store::to_ron(&sample_board(TODAY)).expect("serialises");
    assert!(!plain.contains("views: ["));
}

#[test]
fn a_v2_board_from_before_views_loads_and_saves_without_views() {
    let path = std::path::Path::new("tests/data/board-v2.ron");
    let b: Board = cairn::store::read(path).expect("a v2 board loads");
    assert!(b.views.is_empty());
    // Saved in version 3's layout, as the settings suite's golden file has it: no `views` added.
    let text = cairn::store::to_ron(&b).expect("serialises");
    assert!(!text.contains("views:"));
    assert_eq!(
        text,
        std::fs::read_to_string("tests/data/board-v2-migrated.ron").expect("the golden file")
    );
}

#[test]
fn a_board_with_a_view_named_twice_or_unnamed_is_refused_on_load_with_the_view_named() {
    let mut b = sample_board(TODAY);
    b.views = vec![
        view("Bugs", ViewPane::Backlog, "kind:bug"),
        view("bugs", ViewPane::Backlog, "kind:bug"),
        view(" ", ViewPane::Sprint, ""),
    ];
    let text = cairn::store::to_ron(&b).expect("serialises");
    let e = cairn::store::from_ron(&text, std::path::Path::new("b.ron"))
        .expect_err("refused")
        .to_string();
    assert!(
        e.contains(
            "saved view 2 of the backlog (\"bugs\"): another view of the backlog has this name"
        ),
        "{e}"
    );
    assert!(e.contains("(and 1 more problem"), "{e}");
    let problems: Vec<String> = b.validate().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "saved view 2 of the backlog (\"bugs\"): another view of the backlog has this name",
            "saved view 3 of the sprint board (\" \"): give the view a name, e.g. Ana's bugs",
        ]
    );
    // And no edit can put one there.
    let mut a = app();
    let bad = cairn::model::Edit::SetViews(vec![view("", ViewPane::Backlog, "x")]);
    assert!(a.doc.board.apply(bad).is_err());
    let _ = &mut a;
}
