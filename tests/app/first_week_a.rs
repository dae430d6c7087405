//! Issue 12, points 1–3 (a product owner's first week): `s` says where an item goes and toggles
//! back to where it was; rank by score orders open work only; the palette opens the item (or
//! stakeholder, entry, risk) that was asked for.

use crate::common;

use cairn::app::palette::Entry;
use cairn::app::{Action, App, Effect, Mode};
use cairn::commands::sample_board;
use cairn::model::{Board, ItemId, Scoring, rules};
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

/// The sample board with room in every sprint: for the tests of where `s` sends an item, not of
/// what it does to capacity (point 7, in `first_week_c`).
fn roomy() -> App {
    let mut board = sample_board(TODAY);
    for s in &mut board.sprints {
        s.capacity = 200;
    }
    App::new(board, "b.ron", TODAY)
}

fn id(app: &App, key: &str) -> ItemId {
    app.doc
        .board
        .parse_item_key(key)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
}

fn select(app: &mut App, key: &str) -> ItemId {
    let id = id(app, key);
    app.update(Action::GoToItem(id));
    assert_eq!(app.backlog.selected, Some(id), "{key} selected");
    id
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn undo_redo(app: &mut App, before: &Board, label: &str) {
    let after = app.doc.board.clone();
    app.update(Action::Undo);
    assert_eq!(&app.doc.board, before, "undo puts the board back");
    assert!(
        status(app).contains(label),
        "{:?} names {label:?}",
        status(app)
    );
    app.update(Action::Redo);
    assert_eq!(app.doc.board, after, "redo applies it again");
}

// ---- 2. Rank by score -------------------------------------------------------------------------

#[test]
fn rank_by_score_orders_open_work_and_keeps_done_and_unscored_below() {
    // Two open items lose their score, so every group is there.
    let mut board = sample_board(TODAY);
    let open: Vec<usize> = (0..board.items.len())
        .filter(|&n| !board.is_done(&board.items[n]))
        .take(2)
        .collect();
    for n in open {
        std::sync::Arc::make_mut(&mut board.items[n]).wsjf = None;
    }
    let mut app = App::new(board, "b.ron", TODAY);
    let b = app.doc.board.clone();
    let proposed = rules::rank_by_score(&b, Scoring::Wsjf);
    let groups = rules::rank_groups(&b, Scoring::Wsjf);
    assert!(groups.done > 0 && groups.unscored > 0, "{groups:?}");
    let is_done = |id: &ItemId| b.is_done(b.item(*id).expect("item"));
    let scored = |id: &ItemId| b.item(*id).expect("item").score(Scoring::Wsjf).is_some();
    // Open scored work first, highest first; no done item among it.
    let head = &proposed[..groups.scored];
    assert!(head.iter().all(|i| !is_done(i) && scored(i)));
    let scores: Vec<f64> = head
        .iter()
        .map(|i| {
            b.item(*i)
                .and_then(|it| it.score(Scoring::Wsjf))
                .unwrap_or(0.0)
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // Then the open items without a score, then the done ones, each in today's relative order.
    let rank = |i: &ItemId| b.item_index(*i).expect("rank");
    let unscored = &proposed[groups.scored..groups.scored + groups.unscored];
    assert!(unscored.iter().all(|i| !is_done(i) && !scored(i)));
    assert!(unscored.windows(2).all(|w| rank(&w[0]) < rank(&w[1])));
    let done = &proposed[groups.scored + groups.unscored..];
    assert_eq!(done.len(), groups.done);
    assert!(done.iter().all(is_done));
    assert!(done.windows(2).all(|w| rank(&w[0]) < rank(&w[1])));
    for key in ["CRN-13", "CRN-10", "CRN-5"] {
        let at = proposed
            .iter()
            .position(|i| *i == id(&app, key))
            .expect("ranked");
        assert!(
            at >= groups.scored + groups.unscored,
            "{key} is done: below open work"
        );
    }

    // The preview says what the ranking does, at 80 and 120 columns.
    app.update(Action::RankByScore);
    assert!(matches!(&app.mode, Mode::RankPreview(o) if *o == proposed));
    let summary = format!(
        "{} open items by score; {} without a score and {} done keep their order below",
        groups.scored, groups.unscored, groups.done
    );
    assert!(screen(&app, 120, 40).contains(&summary), "{summary}");
    assert!(screen(&app, 80, 24).contains(&format!("{} open items by score", groups.scored)));
    let before = app.doc.board.clone();
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    undo_redo(&mut app, &before, "by score");
}

#[test]
fn rank_summary_words_agree_with_numbers() {
    use cairn::model::rules::RankGroups;

    let g = |scored, unscored, done| RankGroups {
        scored,
        unscored,
        done,
    };
    assert_eq!(g(3, 0, 0).summary(), "3 open items by score");
    assert_eq!(
        g(1, 0, 1).summary(),
        "1 open item by score; 1 done keeps its order below"
    );
    assert_eq!(
        g(12, 8, 15).summary(),
        "12 open items by score; 8 without a score and 15 done keep their order below"
    );
}

// ---- 1. `s` sends to the sprint and back --------------------------------------------------------

/// The sprint an item is in, by name ("" for the backlog).
fn sprint_of(app: &App, key: &str) -> String {
    let b = &app.doc.board;
    b.item(id(app, key))
        .and_then(|i| i.sprint)
        .and_then(|s| b.sprint(s))
        .map_or(String::new(), |s| s.name.clone())
}

#[test]
fn s_says_where_an_item_goes_and_toggles_back_to_its_planned_sprint() {
    let mut app = roomy();
    assert_eq!(
        sprint_of(&app, "CRN-28"),
        "Sprint 24",
        "planned for the next sprint"
    );
    let before = app.doc.board.clone();
    select(&mut app, "CRN-28");
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(sprint_of(&app, "CRN-28"), "Sprint 23");
    assert_eq!(status(&app), "CRN-28: Sprint 24 → Sprint 23 (active)");
    // At 80 columns the Sprint column is hidden: the status line says it.
    assert!(screen(&app, 80, 24).contains("CRN-28: Sprint 24 → Sprint 23 (active)"));
    undo_redo(&mut app, &before, "CRN-28: Sprint 24 → Sprint 23 (active)");

    // Again: back to Sprint 24, not out of every sprint.
    let in_active = app.doc.board.clone();
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(sprint_of(&app, "CRN-28"), "Sprint 24");
    assert_eq!(status(&app), "CRN-28: Sprint 23 (active) → Sprint 24");
    undo_redo(
        &mut app,
        &in_active,
        "CRN-28: Sprint 23 (active) → Sprint 24",
    );
    let plan = |b: &Board| b.items.iter().map(|i| (i.id, i.sprint)).collect::<Vec<_>>();
    assert!(
        plan(&app.doc.board) == plan(&before),
        "the plan is as it was"
    );

    // An item from the backlog goes back to the backlog.
    select(&mut app, "CRN-30");
    assert_eq!(sprint_of(&app, "CRN-30"), "");
    app.update(Action::SendToSprint);
    assert_eq!(status(&app), "CRN-30: backlog → Sprint 23 (active)");
    app.update(Action::SendToSprint);
    assert_eq!(status(&app), "CRN-30: Sprint 23 (active) → backlog");
    assert_eq!(sprint_of(&app, "CRN-30"), "");
}

#[test]
fn s_refuses_epics_and_says_why() {
    let mut app = app();
    let epic = app
        .doc
        .board
        .items
        .iter()
        .find(|i| i.kind == cairn::model::ItemKind::Epic)
        .map(|i| app.doc.board.item_key(i.id))
        .expect("the sample board has epics");
    let before = app.doc.board.clone();
    select(&mut app, &epic);
    assert_eq!(app.update(Action::SendToSprint), vec![]);
    assert_eq!(app.doc.board, before, "nothing changes");
    assert!(
        status(&app).contains("is an epic: epics are not sent to a sprint"),
        "{}",
        status(&app)
    );
}

#[test]
fn s_on_the_sprint_board_puts_the_card_back_where_it_came_from() {
    let mut app = roomy();
    select(&mut app, "CRN-28");
    app.update(Action::SendToSprint);
    app.update(Action::ShowSprint);
    let card = id(&app, "CRN-28");
    // Walk the columns to the card, the way a user would.
    app.sprint.card = Some(card);
    app.sprint.column = 0;
    assert_eq!(app.selected_card(), Some(card), "CRN-28 is on the board");
    let before = app.doc.board.clone();
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(sprint_of(&app, "CRN-28"), "Sprint 24");
    assert_eq!(status(&app), "CRN-28: Sprint 23 (active) → Sprint 24");
    undo_redo(&mut app, &before, "CRN-28: Sprint 23 (active) → Sprint 24");
}

// ---- 3. The palette opens what was asked for ----------------------------------------------------

/// Opens the palette, types `query` and returns the keys of the first `n` item matches, in order,
/// plus the first match's label.
fn palette(app: &mut App, query: &str) -> (Vec<String>, String) {
    app.update(Action::Palette);
    type_text(app, query);
    let Mode::Palette(p) = &app.mode else {
        panic!("the palette is open");
    };
    let keys = p
        .matches
        .iter()
        .filter_map(|e| match e {
            Entry::Item { id, .. } => Some(app.doc.board.item_key(*id)),
            _ => None,
        })
        .collect();
    let first = p
        .matches
        .first()
        .map_or(String::new(), |e| e.label().to_string());
    (keys, first)
}

#[test]
fn palette_puts_the_exact_key_first_then_key_prefixes_in_numeric_order() {
    for query in ["go to CRN-30", "goto crn-30", "Go To 30", "CRN-30", "30"] {
        let mut app = app();
        let (keys, _) = palette(&mut app, query);
        assert_eq!(
            keys.first().map(String::as_str),
            Some("CRN-30"),
            "{query}: {keys:?}"
        );
        assert_eq!(app.update(Action::Confirm), vec![]);
        assert_eq!(
            app.backlog.selected,
            Some(id(&app, "CRN-30")),
            "{query} opens CRN-30"
        );
    }
    // CRN-29's title says "EUR 30": it comes after the key match.
    let (keys, _) = palette(&mut app(), "30");
    assert!(
        keys.iter().position(|k| k == "CRN-29") > Some(0),
        "{keys:?}"
    );

    let (keys, _) = palette(&mut app(), "CRN-1");
    let expected: Vec<String> = std::iter::once(1)
        .chain(10..=19)
        .map(|n| format!("CRN-{n}"))
        .collect();
    assert_eq!(keys[..11], expected[..], "CRN-1, then CRN-10 … CRN-19");
    let mut app = app();
    palette(&mut app, "go to CRN-1");
    app.update(Action::Confirm);
    assert_eq!(app.backlog.selected, Some(id(&app, "CRN-1")));
}

#[test]
fn palette_finds_stakeholders_entries_and_risks_and_opens_them_in_their_pane() {
    use cairn::app::Pane;
    let base = app();
    let b = &base.doc.board;
    let person = b.stakeholders.last().expect("stakeholders");
    let entry = b.timeline.last().expect("timeline entries");
    let risk = b.risks.last().expect("risks");

    let mut app = app();
    let (_, first) = palette(&mut app, &person.name);
    assert!(first.contains(&person.name), "{first}");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert_eq!(app.pane, Pane::Stakeholders);
    assert_eq!(app.people.selected, Some(person.id));

    let mut app = self::app();
    app.people.filter = "nobody matches this".into();
    palette(&mut app, &person.name);
    app.update(Action::Confirm);
    assert_eq!(app.people.selected, Some(person.id));
    assert!(
        app.people.filter.is_empty(),
        "a filter that hides them is cleared"
    );

    let mut app = self::app();
    let (_, first) = palette(&mut app, &format!("go to {}", entry.name));
    assert!(first.contains(&entry.name), "{first}");
    app.update(Action::Confirm);
    assert_eq!(app.pane, Pane::Timeline);
    assert_eq!(app.timeline.selected, Some(entry.id));

    let mut app = self::app();
    let (_, first) = palette(&mut app, &risk.title);
    assert!(first.contains(&risk.title), "{first}");
    app.update(Action::Confirm);
    assert_eq!(app.pane, Pane::Timeline);
    assert_eq!(app.timeline.risk, Some(risk.id));
    assert_eq!(
        app.timeline.sub,
        cairn::app::panes::timeline::Sub::Risks,
        "the risk register is shown"
    );
}
