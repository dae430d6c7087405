//! Every figure on a one-line summary says what it counts: the backlog's cut line, the sprint
//! board's header and its columns' headers (which, short of room, all shorten the same way).

use crate::common;

use cairn::app::{Action, App};
use cairn::commands::sample_board;
use cairn::model::words::count;
use common::keys::press_keys;
use common::screen::screen_into;
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

/// The screen's line that contains `what`.
fn line_with(s: &str, what: &str) -> String {
    s.lines()
        .find(|l| l.contains(what))
        .unwrap_or_else(|| panic!("no line with {what:?}:\n{s}"))
        .to_string()
}

#[test]
fn the_cut_line_gives_each_count_its_unit() {
    let mut app = app();
    press_keys(&mut app, "L");
    let cut = app.cut().expect("a cut line").into_owned();
    let total = cut.above_points + cut.below_points;
    let words = format!(
        "{}/{total} pts above · {} below",
        cut.above_points,
        count(cut.below, "item")
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen_into(&mut app, w, h);
        let line = line_with(&s, "pts above");
        assert!(line.contains(&words), "{words:?} at {w}x{h}:\n{line}");
        insta::assert_snapshot!(format!("units_cut_line_{w}x{h}"), s);
    }
}

#[test]
fn the_sprint_header_says_points_for_every_figure() {
    let mut app = app();
    app.update(Action::ShowSprint);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let s = screen_into(&mut app, w, h);
        for figure in [
            "pts done",
            "pts remaining",
            "capacity 28 pts",
            "−2 pts removed",
        ] {
            assert!(s.contains(figure), "{figure:?} at {w}x{h}:\n{s}");
        }
    }
}

#[test]
fn column_headers_shorten_together_and_only_as_far_as_needed() {
    let mut app = app();
    app.update(Action::ShowSprint);
    // Doing and Review have WIP limits (2/3, 2/2); To do and Done have none.
    let headers = |app: &mut App, w: u16, h: u16| {
        let s = screen_into(app, w, h);
        (line_with(&s, "To do "), s)
    };
    let (wide, s) = headers(&mut app, 200, 60);
    for h in [
        "To do 1 · 2 pts",
        "Doing 2/3 · 8 pts",
        "Review 2/2 · 8 pts",
        "Done 5 · 13 pts",
    ] {
        assert!(wide.contains(h), "{h:?} at 200x60:\n{wide}");
    }
    insta::assert_snapshot!("units_sprint_200x60", s);
    let (middle, s) = headers(&mut app, 120, 40);
    assert!(middle.contains("Review 2/2 · 8 pts"), "{middle}");
    assert!(middle.contains("To do 1 · 2 pts"), "{middle}");
    insta::assert_snapshot!("units_sprint_120x40", s);
    // At 80 columns "Review 2/2 · 8 pts" does not fit: every column says `· 8p` instead, none less.
    let (narrow, s) = headers(&mut app, 80, 24);
    for h in [
        "To do 1 · 2p",
        "Doing 2/3 · 8p",
        "Review 2/2 · 8p",
        "Done 5 · 13p",
    ] {
        assert!(narrow.contains(h), "{h:?} at 80x24:\n{narrow}");
    }
    assert!(
        !narrow.contains("pts"),
        "one form for every column:\n{narrow}"
    );
    insta::assert_snapshot!("units_sprint_80x24", s);
}
