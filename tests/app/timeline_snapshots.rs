//! Whole-screen snapshots of the timeline pane on the sample board of 2026-11-28: the gantt at day,
//! week and month zoom at 80×24 and 200×60, the budget view, the risk register, the details panel and
//! the critical path. Drawn without colour, as `NO_COLOR` does, so weekend shading shows as `·` in the
//! text; one test checks the coloured theme shades the same cells with a background instead.

use crate::common;

use common::keys::press as press_code;

use cairn::app::{App, Pane};
use cairn::commands::sample_board;
use common::screen::{render, screen};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

const TODAY: Date = date(2026, 11, 28);

/// Presses the key of a character.
fn press(app: &mut App, c: char) {
    press_code(app, KeyCode::Char(c));
}

/// The sample board on the timeline (key `3`), without colour; then `keys`.
fn timeline(keys: &str) -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.color = false;
    press(&mut app, '3');
    assert_eq!(app.pane, Pane::Timeline);
    for c in keys.chars() {
        press(&mut app, c);
    }
    app
}

/// Fails, showing the screen, unless each of `wanted` is on it.
fn shows(screen: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(screen.contains(w), "{w:?} is not on the screen:\n{screen}");
    }
}

/// The line an entry's name is on.
fn line<'a>(screen: &'a str, name: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name:?} is not on the screen:\n{screen}"))
}

/// Every entry name, whole or cut with `…`, is on its own row at this size.
fn names_readable(s: &str, min_chars: usize) {
    for name in [
        "Discovery",
        "Build",
        "PCI DSS assessment",
        "Hardening",
        "Beta to 5% of traffic",
        "Pilot: ramp to 50%",
        "Checkout 2.0 GA",
        "Legacy checkout",
    ] {
        let prefix: String = name.chars().take(min_chars).collect();
        line(s, &prefix);
    }
}

/// Today's `▼` carries its word on the side with room (months come first).
fn today_marked(s: &str) {
    let row = line(s, "▼");
    assert!(
        row.contains("▼today") || row.contains("today▼"),
        "today is named beside ▼:\n{s}"
    );
}

/// Column of the today line (`│` under `▼`), from the `▼` on the month row.
fn today_column(s: &str) -> usize {
    let row = line(s, "▼");
    row.chars().position(|c| c == '▼').expect("▼")
}

#[test]
fn week_80x24() {
    let s = screen(&timeline(""), 80, 24);
    shows(&s, &["weeks", "Sprints", "▼", "today 2026-11-28"]);
    names_readable(&s, 9);
    assert!(line(&s, "▬ Build").contains('›'), "Build is selected");
    today_marked(&s);
    insta::assert_snapshot!("timeline_week_80x24", s);
}

#[test]
fn week_200x60() {
    let s = screen(&timeline(""), 200, 60);
    shows(&s, &["▼", "│Dec 2026", "[Sprint 23", "[Sprint 24"]);
    names_readable(&s, 30);
    shows(line(&s, "▬ PCI DSS assessment"), &["$ over", "! risk"]);
    shows(line(&s, "◇ Beta to 5% of traffic"), &["! risk"]);
    line(&s, "◆ Checkout 2.0 GA");
    today_marked(&s);
    insta::assert_snapshot!("timeline_week_200x60", s);
}

#[test]
fn day_80x24() {
    let s = screen(&timeline("+"), 80, 24);
    shows(&s, &["days", "▼", "·"]);
    names_readable(&s, 9);
    today_marked(&s);
    insta::assert_snapshot!("timeline_day_80x24", s);
}

#[test]
fn day_200x60() {
    let s = screen(&timeline("+"), 200, 60);
    shows(&s, &["days", "▼"]);
    names_readable(&s, 30);
    // Weekends are shaded on the empty rows under the entries: `···` a day at day zoom.
    assert!(s.contains("···"), "weekends shaded:\n{s}");
    // The today line runs down the chart below the label.
    let col = today_column(&s);
    let below: Vec<char> = s
        .lines()
        .skip(12)
        .take(20)
        .filter_map(|l| l.chars().nth(col))
        .collect();
    assert!(
        below.iter().filter(|c| **c == '│').count() > 10,
        "the today line under ▼ (column {col}): {below:?}\n{s}"
    );
    today_marked(&s);
    insta::assert_snapshot!("timeline_day_200x60", s);
}

#[test]
fn month_80x24() {
    let s = screen(&timeline("-"), 80, 24);
    shows(&s, &["months", "▼", "│Jan"]);
    names_readable(&s, 9);
    today_marked(&s);
    insta::assert_snapshot!("timeline_month_80x24", s);
}

#[test]
fn month_200x60() {
    let s = screen(&timeline("-"), 200, 60);
    shows(&s, &["months", "▼", "│Jan", "│Mar"]);
    names_readable(&s, 30);
    today_marked(&s);
    insta::assert_snapshot!("timeline_month_200x60", s);
}

#[test]
fn weekends_have_a_background_in_colour() {
    let mut app = timeline("+");
    app.color = true;
    let buf = render(&app, 120, 30);
    // The last row of the chart, above the legend and the status bar, has no entry on it.
    let text = common::screen::text(&buf);
    let y = text
        .lines()
        .position(|l| l.contains("█ done"))
        .expect("the legend")
        - 1;
    let shaded = (0..buf.area.width)
        .filter(|&x| buf[(x, y as u16)].bg != Color::Reset)
        .count();
    assert!(
        shaded >= 6,
        "two weekend days (6 cells) shaded on row {y}:\n{text}"
    );
}

#[test]
fn budget_80x24() {
    let s = screen(&timeline("$"), 80, 24);
    shows(&s, &["Budget", "Planned", "Actual", "Project"]);
    insta::assert_snapshot!("timeline_budget_80x24", s);
}

#[test]
fn budget_200x60() {
    let s = screen(&timeline("$"), 200, 60);
    shows(&s, &["Owner", "Dates", "Project"]);
    shows(line(&s, "│  PCI DSS assessment"), &["$ ahead of time"]);
    insta::assert_snapshot!("timeline_budget_200x60", s);
}

#[test]
fn risks_80x24() {
    let s = screen(&timeline("r"), 80, 24);
    shows(&s, &["Risk register", "4 open, 1 high", "! 15"]);
    insta::assert_snapshot!("timeline_risks_80x24", s);
}

#[test]
fn risks_200x60() {
    let s = screen(&timeline("r"), 200, 60);
    shows(&s, &["Mitigation", "Threatens", "closed"]);
    insta::assert_snapshot!("timeline_risks_200x60", s);
}

#[test]
fn risk_details_120x30() {
    let mut app = timeline("r");
    press_code(&mut app, KeyCode::Enter);
    let s = screen(&app, 120, 30);
    shows(&s, &["Exposure", "15 = probability 3 × impact 5 (high)"]);
    insta::assert_snapshot!("timeline_risk_details_120x30", s);
}

#[test]
fn details_100x30() {
    // Beta: a milestone with items, a forecast, a dependency and two risks.
    let mut app = timeline("jjj");
    press_code(&mut app, KeyCode::Enter);
    let s = screen(&app, 100, 30);
    shows(
        &s,
        &[
            "Details",
            "Beta to 5% of traffic",
            "Depends on",
            "Progress",
            "Forecast",
            "Risks",
            "Items",
        ],
    );
    insta::assert_snapshot!("timeline_details_100x30", s);
}

#[test]
fn details_80x24() {
    let mut app = timeline("j");
    press_code(&mut app, KeyCode::Enter);
    let s = screen(&app, 80, 24);
    shows(&s, &["PCI DSS assessment", "Budget"]);
    insta::assert_snapshot!("timeline_details_80x24", s);
}

#[test]
fn critical_path_120x30() {
    let s = screen(&timeline("c"), 120, 30);
    shows(&s, &["┃ critical path"]);
    for name in [
        "▬ Discovery",
        "▬ Build",
        "▬ Hardening",
        "▬ Pilot",
        "◆ Checkout 2.0 GA",
        "◇ Beta",
    ] {
        assert!(line(&s, name).contains('┃'), "{name} is on the path:\n{s}");
    }
    assert!(
        !line(&s, "▬ PCI DSS").contains('┃'),
        "PCI is not on the longest chain"
    );
    insta::assert_snapshot!("timeline_critical_120x30", s);
}
