//! Whole-screen snapshots of the sprint pane: the board (wide, standard and too narrow for every
//! column), the burndown, the close-sprint question and the new-sprint form with an error. Drawn by
//! `ui::draw` on a `TestBackend` and kept as plain text (one line a row, trailing spaces trimmed) so a
//! review can read them. The date and file name are fixed, so nothing changes from run to run.

use crate::common;

use common::keys::{press, press_keys as type_keys};

use cairn::app::{App, Mode};
use cairn::commands::sample_board;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

const TODAY: Date = date(2026, 11, 28);

/// The sample board on the sprint pane (key `2`).
fn sprint_pane() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    press(&mut app, KeyCode::Char('2'));
    app
}

/// The sprint pane with the first card of Doing (CRN-22) selected.
fn doing_selected() -> App {
    let mut app = sprint_pane();
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.sprint.column, 1);
    app
}

/// Fails, showing the screen, unless each of `wanted` is on it.
fn shows(screen: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(screen.contains(w), "{w:?} is not on the screen:\n{screen}");
    }
}

/// The only line marked as selected with `›`.
fn marked_line(screen: &str) -> &str {
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains('›')).collect();
    assert_eq!(marked.len(), 1, "one selected card:\n{screen}");
    marked[0]
}

#[test]
fn board_80x24() {
    let s = screen(&doing_selected(), 80, 24);
    assert!(marked_line(&s).contains("›CRN-22"), "{s}");
    shows(
        &s,
        &["To do 1", "Doing 2/3", "Review 2/2", "Done 5", "⛔ blocked"],
    );
    assert!(!s.contains("more column"), "every column fits:\n{s}");
    insta::assert_snapshot!("sprint_board_80x24", s);
}

#[test]
fn board_160x48() {
    let s = screen(&doing_selected(), 160, 48);
    assert!(marked_line(&s).contains("›CRN-22"), "{s}");
    shows(
        &s,
        &[
            "Doing 2/3 · 8 pts",
            "Review 2/2 · 8 pts",
            "3p · 4/4d · Tomasz Nowak",
            "OVER capacity by 3",
        ],
    );
    insta::assert_snapshot!("sprint_board_160x48", s);
}

#[test]
fn board_60x20_scrolls_to_the_selected_column() {
    let mut app = sprint_pane();
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('l'));
    }
    assert_eq!(app.sprint.column, 3, "Done");
    let s = screen(&app, 60, 20);
    assert!(marked_line(&s).contains("›CRN-17"), "{s}");
    shows(&s, &["← 1", "Done 5"]);
    assert!(!s.contains("To do 1"), "To do is scrolled out:\n{s}");
    insta::assert_snapshot!("sprint_board_60x20_done_selected", s);
}

fn burndown() -> App {
    let mut app = sprint_pane();
    press(&mut app, KeyCode::Char('b'));
    assert!(app.sprint.burndown());
    app
}

#[test]
fn burndown_100x30() {
    let s = screen(&burndown(), 100, 30);
    shows(
        &s,
        &[
            "Burndown — Sprint 23",
            "Day 13 of 14: 18 of 28 points left (ideal by now 2 points; +5 pts added, −2 pts removed",
            "Velocity (average of the last 3: 24.0)",
        ],
    );
    insta::assert_snapshot!("sprint_burndown_100x30", s);
}

#[test]
fn burndown_80x24() {
    let s = screen(&burndown(), 80, 24);
    shows(&s, &["Burndown — Sprint 23", "AT RISK", "Velocity"]);
    insta::assert_snapshot!("sprint_burndown_80x24", s);
}

fn close_question() -> App {
    let mut app = sprint_pane();
    press(&mut app, KeyCode::Char('c'));
    assert!(matches!(app.mode, Mode::CloseSprint { .. }));
    app
}

/// The close question: what was done, what is left, and the three answers.
#[test]
fn close_sprint_question_100x30() {
    let s = screen(&close_question(), 100, 30);
    shows(
        &s,
        &[
            "Close Sprint 23",
            "Sprint 23: 13 points done — its velocity.",
            "Unfinished: 5 items, 18 points.",
            "Where does the unfinished work go?",
            "b back to the top of the backlog",
            "n into Sprint 24",
            "b to the backlog  n to the next sprint  e one by one  Esc cancel",
        ],
    );
    insta::assert_snapshot!("sprint_close_question_100x30", s);
}

/// Every answer fits inside the popup at every size (a wrapped line once pushed the last one out).
#[test]
fn close_sprint_question_shows_every_answer() {
    for (width, height) in [(80, 24), (100, 30), (160, 48)] {
        let s = screen(&close_question(), width, height);
        shows(
            &s,
            &[
                "Unfinished: 5 items, 18 points.",
                "back to the top of the backlog",
                "into Sprint 24",
                "Esc keep the sprint open",
            ],
        );
    }
}

#[test]
fn new_sprint_form_with_a_bad_date_100x30() {
    let mut app = sprint_pane();
    press(&mut app, KeyCode::Char('n'));
    // The focus starts on Goal; Tab to Start, clear it, type a day that does not exist.
    press(&mut app, KeyCode::Tab);
    for _ in 0.."2026-12-14".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_keys(&mut app, "2026-02-30");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    let s = screen(&app, 100, 30);
    shows(
        &s,
        &[
            "Plan a sprint",
            "Sprint 25",
            "›Start     2026-02-30",
            "✗ \"2026-02-30\" is not a date (YYYY-MM-DD, today, or +3d / -1w from today)",
            "2026-12-27",
        ],
    );
    insta::assert_snapshot!("sprint_new_form_with_a_bad_date_100x30", s);
}

/// The selected card's title lines, from the marker down to its facts line (`3p · 4d · …`), each
/// cut where its column ends (two spaces or a border), joined with spaces.
fn selected_card_title(screen: &str) -> String {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let row = lines
        .iter()
        .position(|l| l.contains(&'›'))
        .expect("the marker");
    let x = lines[row]
        .iter()
        .position(|c| *c == '›')
        .expect("the marker");
    let mut parts = Vec::new();
    for line in &lines[row..] {
        let cell: String = line.iter().skip(x).collect();
        let cell = cell.split("  ").next().unwrap_or("");
        let cell = cell.split('│').next().unwrap_or("").trim_end();
        if cell.contains("p · ") || cell.is_empty() {
            break;
        }
        parts.push(cell.to_string());
    }
    parts.join(" ")
}

/// Every card title too long for its card ends in `…`; the selected one must too, so a person can
/// tell the title goes on (the marker takes a column). A title that fits the card's lines is whole.
#[test]
fn the_selected_cards_cut_title_ends_in_an_ellipsis() {
    for (width, height) in [(80, 24), (160, 48), (60, 20), (100, 16)] {
        let app = doing_selected();
        let s = screen(&app, width, height);
        let title = selected_card_title(&s);
        assert!(
            title.starts_with("›CRN-22 Webhook"),
            "{width}×{height}: {title}"
        );
        let whole = app
            .doc
            .board
            .item(cairn::model::ItemId(22))
            .expect("CRN-22")
            .title
            .clone();
        assert!(
            title == format!("›CRN-22 {whole}") || title.ends_with('…'),
            "{width}×{height}: {title:?}\n{s}"
        );
    }
}

/// The burndown has two lines, the ideal and the actual; in plain text (and for a person who does not
/// see the colours) only a legend tells them apart.
#[test]
fn the_burndown_lines_are_labelled() {
    for (width, height) in [(80, 24), (100, 30)] {
        let s = screen(&burndown(), width, height);
        let legend = |name: &str| {
            s.lines()
                .any(|l| l.contains(name) && !l.contains("ideal by now"))
        };
        assert!(
            legend("ideal") && legend("remaining"),
            "{width}×{height}: no legend\n{s}"
        );
    }
}

/// Under the `Warn` policy a move past the limit happens, and the column says so in words.
#[test]
fn over_the_wip_limit_is_said_in_words() {
    let mut app = doing_selected();
    app.doc.board.settings.wip_policy = cairn::model::WipPolicy::Warn;
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(
        app.run.status.as_ref().map(|s| s.text.as_str()),
        Some("Move CRN-22 to Review")
    );
    for (width, height) in [(80, 24), (160, 48)] {
        let s = screen(&app, width, height);
        shows(&s, &["Review 3/2 OVER", "Doing 1/3"]);
        assert!(
            marked_line(&s).contains("›CRN-22"),
            "the card is followed:\n{s}"
        );
    }
}

/// Standup mode: the timer against the timebox, the current stop's card, the walk; then person by
/// person. The timer reads 0:00 because no tick has run (ticks come from the runner's clock).
#[test]
fn standup_80x24_and_by_person_120x30() {
    let mut app = sprint_pane();
    press(&mut app, KeyCode::Char('S'));
    let s = screen(&app, 80, 24);
    shows(
        &s,
        &[
            "Standup — right to left",
            "0:00 of 15:00",
            "Now: Ana Ribeiro",
            "› CRN-21 Review",
        ],
    );
    insta::assert_snapshot!("sprint_standup_80x24", s);
    // CRN-21 (Ana) and CRN-19 (Priya) discussed right to left; person by person counts its own
    // stops, so nothing is ticked there yet (the cards say they were discussed).
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char('p'));
    let s = screen(&app, 120, 30);
    shows(
        &s,
        &[
            "person by person",
            "0 of 5 stops",
            "Priya Nair (2 cards)",
            "discussed",
        ],
    );
    insta::assert_snapshot!("sprint_standup_by_person_120x30", s);
}

/// The planning view: candidates beside the planned sprint, the gauge and its sentence; after
/// pulling in more than the capacity, the sentence says OVER in words.
#[test]
fn planning_80x24_and_over_capacity_120x30() {
    let mut app = sprint_pane();
    press(&mut app, KeyCode::Char('P'));
    let s = screen(&app, 80, 24);
    shows(
        &s,
        &[
            "Planning Sprint 24",
            "Planned 16 of 28 points capacity",
            "Backlog — 7 candidates",
            "Sprint 24 — 3 items, 16 pts",
        ],
    );
    insta::assert_snapshot!("sprint_planning_80x24", s);
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('s'));
        // A pull past the capacity is asked about: yes.
        if matches!(app.mode, cairn::app::Mode::ConfirmChange { .. }) {
            press(&mut app, KeyCode::Char('y'));
        }
    }
    let s = screen(&app, 120, 30);
    shows(&s, &["OVER capacity by"]);
    insta::assert_snapshot!("sprint_planning_over_capacity_120x30", s);
}
