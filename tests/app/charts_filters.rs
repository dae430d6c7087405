//! Issue 12, points 10, 15, 29 and 30, on the sample board as a user sees it: the gantt's month row
//! at several todays, zooms and widths; the filters' one naming rule with `a,b` and `-key:value` in
//! every pane that has them; the burndown's legend and y range; the budget and risk tables' labels
//! and ellipses. Snapshots at 80×24, 120×40 and 200×60.

use crate::common;

use cairn::app::timeline::Zoom;
use cairn::app::{Action, App, Mode, Pane};
use cairn::commands::sample_board;
use common::keys::press;
use common::screen::{screen, screen_into};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 12, 1);
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn app_on(today: Date) -> App {
    let mut app = App::new(sample_board(today), "b.ron", today);
    app.color = false;
    app
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

/// `/`, the text, Enter, in the pane on show (a filter already there is cleared first).
fn filter(app: &mut App, text: &str) {
    app.update(Action::Filter);
    app.update(Action::Cancel);
    app.update(Action::Filter);
    type_text(app, text);
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal));
}

// ---------------------------------------------------------------- point 10: the month row

/// The gantt at `zoom` on `today`, drawn at `width`×`height`; checks every month (every year at
/// month zoom, and every month on the tick row) has its mark at the column of its first day.
fn months_at_their_first_day(today: Date, zoom: Zoom, width: u16, height: u16) -> String {
    let mut app = app_on(today);
    keys(&mut app, "3");
    match zoom {
        Zoom::Day => keys(&mut app, "+"),
        Zoom::Month => keys(&mut app, "-"),
        Zoom::Week => {}
    }
    assert_eq!(app.timeline.zoom, zoom);
    let s = screen_into(&mut app, width, height);
    let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
    let ticks_at = lines
        .iter()
        .position(|l| {
            let t: String = l.iter().collect();
            t.starts_with(&format!("│ {}", zoom.name()))
        })
        .unwrap_or_else(|| panic!("no tick row:\n{s}"));
    let (months, ticks) = (&lines[ticks_at - 1], &lines[ticks_at]);
    let chart_x = ticks
        .iter()
        .skip(2)
        .position(|c| *c == '│')
        .expect("divider")
        + 3;
    let chart_w = usize::from(width) - 1 - chart_x;
    let origin = app.timeline_origin_for(app.viewport.chart_days);
    let (c, d) = zoom.scale();
    let col =
        |day: Date| (i64::from((day - origin).get_days()) * i64::from(c)).div_euclid(i64::from(d));
    let why = |what: String| format!("{what}: {zoom:?} {width}×{height} today {today}\n{s}");
    let mut day = origin;
    let last = origin
        .checked_add(jiff::Span::new().days(i64::from(app.viewport.chart_days)))
        .expect("a date");
    let mut named = 0;
    while day <= last {
        let x = col(day);
        if (0..chart_w as i64).contains(&x) {
            let at = chart_x + x as usize;
            let year_start = day.day_of_year() == 1;
            if zoom != Zoom::Month && day.day() == 1 || zoom == Zoom::Month && year_start {
                let mark = months[at];
                assert!(
                    mark == '│' || mark == '▼',
                    "{}",
                    why(format!("{day} at column {at}: {mark:?}"))
                );
                let name = if zoom == Zoom::Month {
                    day.strftime("%Y").to_string()
                } else {
                    day.strftime("%b").to_string()
                };
                let rest: String = months[at..(at + 14).min(months.len())].iter().collect();
                if chart_w - (x as usize) >= 10 {
                    assert!(
                        rest.contains(&name),
                        "{}",
                        why(format!("{day} named: {rest:?}"))
                    );
                }
                named += 1;
            }
            if zoom == Zoom::Month && day.day() == 1 {
                assert_eq!(ticks[at], '│', "{}", why(format!("{day} on the tick row")));
                let name: String = ticks[at + 1..(at + 4).min(ticks.len())].iter().collect();
                if chart_w - (x as usize) >= 5 {
                    assert_eq!(
                        name,
                        day.strftime("%b").to_string(),
                        "{}",
                        why(String::new())
                    );
                }
            }
        }
        day = day.tomorrow().expect("a date");
    }
    if zoom == Zoom::Week {
        assert!(named >= 1, "{}", why("no month starts on screen".into()));
    }
    // Today's mark is where the today line runs.
    let tx = months
        .iter()
        .position(|c| *c == '▼')
        .expect("▼ on the month row");
    let below = lines[ticks_at + 2..lines.len() - 3]
        .iter()
        .filter(|l| l.get(tx) == Some(&'│'))
        .count();
    assert!(
        below > 3,
        "{}",
        why(format!("the today line under ▼ at {tx}"))
    );
    s
}

#[test]
fn every_month_is_labelled_at_its_first_day_on_screen() {
    let todays = [
        date(2026, 12, 1),
        date(2026, 11, 28),
        date(2027, 3, 15),
        date(2027, 1, 1),
        date(2027, 2, 27),
        date(2026, 12, 3),
    ];
    for today in todays {
        for zoom in [Zoom::Day, Zoom::Week, Zoom::Month] {
            for (w, h) in SIZES.into_iter().chain([(100, 30), (160, 48)]) {
                months_at_their_first_day(today, zoom, w, h);
            }
        }
    }
}

#[test]
fn the_issue_cases_of_the_month_row() {
    // 80 and 120 columns on Dec 1: December at today's column, not a week later.
    for (w, h) in [(80, 24), (120, 40)] {
        let s = months_at_their_first_day(TODAY, Zoom::Week, w, h);
        assert!(s.contains("▼Dec 2026"), "{s}");
        assert!(s.contains("│Nov"), "November named too:\n{s}");
    }
    let s = months_at_their_first_day(TODAY, Zoom::Week, 200, 60);
    assert!(s.contains("│Nov 2026"), "{s}");
    let s = months_at_their_first_day(date(2027, 3, 15), Zoom::Week, 80, 24);
    assert!(s.contains("│Mar 2027"), "{s}");
}

#[test]
fn gantt_snapshots() {
    for (w, h) in SIZES {
        let s = months_at_their_first_day(TODAY, Zoom::Week, w, h);
        insta::assert_snapshot!(format!("charts_gantt_week_{w}x{h}"), s);
    }
}

// ---------------------------------------------------------------- point 15: the filters

fn visible_statuses(app: &App) -> Vec<String> {
    app.backlog
        .visible
        .iter()
        .map(|&p| app.doc.board.items[p].status.clone())
        .collect()
}

#[test]
fn the_backlog_filter_names_columns_by_their_name_or_a_unique_prefix() {
    let mut app = app_on(TODAY);
    let todo = app
        .doc
        .board
        .items
        .iter()
        .filter(|i| i.status == "To do")
        .count();
    assert!(todo > 0);
    for typed in ["status:todo", "status:TODO", "status:to", "status:To-do"] {
        filter(&mut app, typed);
        let shown = visible_statuses(&app);
        assert_eq!(shown.len(), todo, "{typed}: every To do item");
        assert!(shown.iter().all(|s| s == "To do"), "{typed}: {shown:?}");
    }
    filter(&mut app, "status:done");
    assert!(visible_statuses(&app).iter().all(|s| s == "Done"));
    assert!(!app.backlog.visible.is_empty());

    // Doing or Done: the filter asks instead of matching both.
    filter(&mut app, "status:do");
    assert!(app.backlog.visible.is_empty());
    assert_eq!(
        app.backlog.filter.unknown,
        vec!["status:do (Doing or Done?)"]
    );
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("status:do (Doing or Done?)"),
        "said on the filter line:\n{s}"
    );
}

#[test]
fn either_and_negation_in_the_backlog_and_the_sprint_board() {
    let mut app = app_on(TODAY);
    // Counted among every item: done ones shown too (the backlog hides them by default).
    app.backlog.show_done = true;
    let b = app.doc.board.clone();
    let count = |f: &dyn Fn(&cairn::model::Item) -> bool| b.items.iter().filter(|i| f(i)).count();
    filter(&mut app, "-status:done");
    assert_eq!(app.backlog.visible.len(), count(&|i| i.status != "Done"));
    filter(&mut app, "kind:bug,task");
    assert_eq!(
        app.backlog.visible.len(),
        count(&|i| matches!(
            i.kind,
            cairn::model::ItemKind::Bug | cairn::model::ItemKind::Task
        ))
    );
    filter(&mut app, "-kind:epic -status:done,todo");
    assert_eq!(
        app.backlog.visible.len(),
        count(&|i| i.kind != cairn::model::ItemKind::Epic
            && i.status != "Done"
            && i.status != "To do")
    );
    filter(&mut app, "status:todo,doing");
    assert!(
        visible_statuses(&app)
            .iter()
            .all(|s| s == "To do" || s == "Doing")
    );

    // The sprint board reads its line the same way.
    keys(&mut app, "2");
    assert_eq!(app.pane, Pane::Sprint);
    let all = app.sprint_card_count();
    filter(&mut app, "-status:done");
    let done_cards = app.column_cards(app.doc.board.columns.len() - 1).len();
    assert_eq!(done_cards, 0, "no Done cards");
    assert!(app.sprint_card_count() < all);
    filter(&mut app, "status:do");
    assert_eq!(app.sprint_card_count(), 0);
    assert_eq!(
        app.sprint.filter.unknown,
        vec!["status:do (Doing or Done?)"]
    );
}

#[test]
fn the_note_timeline_reads_kinds_by_the_same_rule() {
    let mut app = app_on(TODAY);
    keys(&mut app, "4t");
    let all = app.timeline_notes().len();
    filter(&mut app, "kind:DECISION,request");
    let kinds: Vec<_> = app.timeline_notes().iter().map(|(_, n)| n.kind).collect();
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| matches!(
        k,
        cairn::model::NoteKind::Decision | cairn::model::NoteKind::Request
    )));
    filter(&mut app, "-kind:meeting");
    let shown = app.timeline_notes();
    assert!(
        shown
            .iter()
            .all(|(_, n)| n.kind != cairn::model::NoteKind::Meeting)
    );
    assert!(shown.len() < all);
    filter(&mut app, "-since:14d");
    assert_eq!(
        app.people.notes.unknown,
        vec!["-since:14d"],
        "not since reads as a mistake"
    );
    filter(&mut app, "kind:de");
    assert!(app.people.notes.unknown.is_empty(), "a unique prefix");
}

#[test]
fn the_help_lists_the_filter_syntax() {
    let mut app = app_on(TODAY);
    keys(&mut app, "?");
    let s = screen(&app, 100, 200);
    for w in [
        "status:todo",
        "kind:bug,task means either",
        "-status:done and -word leave out",
    ] {
        assert!(s.contains(w), "{w:?} in the help:\n{s}");
    }
}

#[test]
fn filter_snapshots() {
    let mut app = app_on(TODAY);
    filter(&mut app, "status:do");
    insta::assert_snapshot!("charts_filter_ambiguous_80x24", screen(&app, 80, 24));
    filter(&mut app, "-status:done kind:bug,story");
    insta::assert_snapshot!("charts_filter_either_not_120x40", screen(&app, 120, 40));
}

// ---------------------------------------------------------------- point 29: the burndown

fn burndown(today: Date) -> App {
    let mut app = app_on(today);
    keys(&mut app, "2b");
    assert!(app.sprint.burndown());
    app
}

#[test]
fn the_burndown_legend_covers_no_day_and_added_scope_is_in_range() {
    // Late in the sample's active sprint, with a day of added scope above the commitment.
    let today = date(2026, 11, 28);
    let mut app = burndown(today);
    let sprint = app.doc.board.active_sprint().expect("active").id;
    let s = app
        .doc
        .board
        .sprints
        .iter_mut()
        .find(|s| s.id == sprint)
        .expect("sprint");
    let day = s
        .start
        .checked_add(jiff::Span::new().days(6))
        .expect("a day");
    s.remaining.insert(day, 41);
    for (w, h) in SIZES {
        let text = screen(&app, w, h);
        let rows: Vec<&str> = text.lines().collect();
        let legend = rows
            .iter()
            .position(|l| l.contains("••• ideal"))
            .expect("legend");
        assert!(rows[legend].contains("⣀⣀⣀ remaining"), "{text}");
        // No braille on the legend's row: it is a row of its own.
        assert!(
            !rows[legend]
                .replace("⣀⣀⣀ remaining", "")
                .replace("⣀⣀⣀ done", "")
                .chars()
                .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
            "{w}×{h}: the legend shares a row with the chart:\n{text}"
        );
        let top: u32 = rows[legend + 1]
            .trim_start_matches('│')
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{w}×{h}: a y label under the legend:\n{text}"));
        assert!(
            top > 41,
            "{w}×{h}: the y range holds the highest day (41): {top}\n{text}"
        );
    }
    let app = burndown(today);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("(ideal by now 2 points; +5 pts added, −2"),
        "{text}"
    );
}

#[test]
fn burndown_snapshots() {
    let app = burndown(date(2026, 11, 28));
    for (w, h) in [(120, 40), (200, 60)] {
        insta::assert_snapshot!(format!("charts_burndown_{w}x{h}"), screen(&app, w, h));
    }
}

// ---------------------------------------------------------------- point 30: budget and risks

/// Every `name` shows whole or as a prefix cut with `…`, on a row of its own.
fn whole_or_cut(s: &str, names: &[String], what: &str) {
    for name in names {
        let head: String = name.chars().take(6).collect();
        let row = s
            .lines()
            .skip_while(|l| !l.contains("Phase") && !l.contains("P×I"))
            .find(|l| l.contains(&head))
            .unwrap_or_else(|| panic!("{what}: {name:?} is not on the screen:\n{s}"));
        if row.contains(name.as_str()) {
            continue;
        }
        let at = row.find(&head).expect("found");
        let cell: String = row[at..].chars().take_while(|c| *c != '…').collect();
        assert!(
            row[at..].contains('…') && name.starts_with(cell.trim_end()),
            "{what}: {name:?} is cut without …: {row:?}\n{s}"
        );
    }
}

#[test]
fn budget_and_risk_tables_label_every_figure_and_cut_with_an_ellipsis() {
    let mut app = app_on(TODAY);
    keys(&mut app, "3$");
    let phases: Vec<String> = app
        .doc
        .board
        .timeline
        .iter()
        .filter(|e| e.planned_cost > 0)
        .map(|e| e.name.clone())
        .collect();
    for w in [80, 90, 100, 120, 160, 200] {
        let s = screen(&app, w, 30);
        let head = s.lines().find(|l| l.contains("Phase")).expect("a header");
        for label in ["Planned", "Actual", "Spent", "Time", "Status"] {
            assert!(head.contains(label), "{w}: {label} header:\n{s}");
        }
        let total = s
            .lines()
            .find(|l| l.contains("Project"))
            .expect("project row");
        assert!(
            total.contains("budget left"),
            "{w}: the last figure says what it is:\n{s}"
        );
        whole_or_cut(&s, &phases, &format!("budget at {w}"));
    }
    keys(&mut app, "$r");
    let risks: Vec<String> = app
        .doc
        .board
        .risks
        .iter()
        .map(|r| r.title.clone())
        .collect();
    let owners: Vec<String> = app
        .doc
        .board
        .risks
        .iter()
        .map(|r| r.owner.clone())
        .collect();
    for w in [80, 90, 100, 120, 160, 200] {
        let s = screen(&app, w, 30);
        whole_or_cut(&s, &risks, &format!("risks at {w}"));
        whole_or_cut(&s, &owners, &format!("risk owners at {w}"));
    }
}

#[test]
fn budget_and_risk_snapshots() {
    let mut app = app_on(TODAY);
    keys(&mut app, "3$");
    insta::assert_snapshot!("charts_budget_120x40", screen(&app, 120, 40));
    keys(&mut app, "$r");
    insta::assert_snapshot!("charts_risks_120x40", screen(&app, 120, 40));
}
