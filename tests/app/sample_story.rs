//! The sample board tells one story whatever day it is opened: its dates move with today (see
//! `store::sample_board`) and its free text names no calendar date that would stay behind, the goal
//! points at the milestone the timeline has, there are enough closed sprints for a forecast that is
//! not a rough guess, and the active sprint is under way with about its capacity committed.

use crate::common;

use cairn::app::{App, Pane};
use cairn::commands::sample_board;
use cairn::model::forecast::{ENOUGH_SPRINTS, Forecast, forecasts, progress};
use cairn::model::{Board, EntryKind, SprintState, recent_velocities};
use common::keys::press;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

/// Days the sample is opened on: the week it was written for, months later, months earlier.
const TODAYS: [Date; 3] = [date(2026, 12, 1), date(2027, 3, 15), date(2026, 6, 30)];

/// Every free-text field of the board, with where it is.
fn texts(board: &Board) -> Vec<(String, String)> {
    let mut out = vec![
        ("vision".to_string(), board.project.vision.clone()),
        ("goal".to_string(), board.project.goal.clone()),
    ];
    for i in &board.items {
        let at = board.item_key(i.id);
        out.push((format!("{at} title"), i.title.clone()));
        out.push((format!("{at} description"), i.description.clone()));
        out.extend(
            i.acceptance
                .iter()
                .map(|a| (format!("{at} acceptance"), a.clone())),
        );
        out.extend(
            i.blocked
                .iter()
                .map(|b| (format!("{at} blocked"), b.clone())),
        );
    }
    for s in &board.sprints {
        out.push((format!("{} goal", s.name), s.goal.clone()));
    }
    for e in &board.timeline {
        out.push((format!("entry {}", e.id.0), e.name.clone()));
    }
    for r in &board.risks {
        out.push((format!("risk {} title", r.id.0), r.title.clone()));
        out.push((format!("risk {} mitigation", r.id.0), r.mitigation.clone()));
    }
    for s in &board.stakeholders {
        out.push((format!("{} cares about", s.name), s.cares_about.clone()));
        for n in &s.notes {
            out.push((format!("{} note {}", s.name, n.id.0), n.text.clone()));
        }
    }
    out
}

/// The words of `text` that name a calendar date: a month, a weekday, a holiday, a quarter or a year.
fn calendar_words(text: &str) -> Vec<String> {
    const NAMES: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Christmas",
        "Easter",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            NAMES.contains(w)
                || (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
                    && w.chars().all(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_words_name_no_date_that_the_shift_leaves_behind() {
    assert_eq!(
        calendar_words("due 14 Dec, by Friday, in Q1 2027; Marta and Mayra may"),
        ["Dec", "Friday", "Q1", "2027"],
        "the check itself finds dates and only dates"
    );
    for today in TODAYS {
        let board = sample_board(today);
        let dated: Vec<_> = texts(&board)
            .into_iter()
            .filter_map(|(at, text)| {
                let words = calendar_words(&text);
                (!words.is_empty()).then(|| format!("{at}: {words:?} in {text:?}"))
            })
            .collect();
        assert!(dated.is_empty(), "on {today}:\n{}", dated.join("\n"));
    }
}

#[test]
fn keys_named_in_the_text_are_on_the_board() {
    let board = sample_board(TODAYS[0]);
    for (at, text) in texts(&board) {
        for key in text.match_indices("CRN-").map(|(i, _)| &text[i..]) {
            let n: String = key[4..].chars().take_while(char::is_ascii_digit).collect();
            let id = n.parse::<u32>().expect("a number after CRN-");
            assert!(
                board.items.iter().any(|i| i.id.0 == id),
                "{at} names CRN-{id}, which is not on the board"
            );
        }
    }
}

#[test]
fn the_goal_names_the_milestone_the_timeline_has() {
    for today in TODAYS {
        let board = sample_board(today);
        assert!(
            board.project.goal.contains("at the beta"),
            "{}",
            board.project.goal
        );
        let betas: Vec<_> = board
            .timeline
            .iter()
            .filter(|e| e.kind == EntryKind::Milestone && e.name.starts_with("Beta"))
            .collect();
        assert_eq!(betas.len(), 1, "one beta milestone");
        let beta = betas[0];
        assert!(
            beta.start > today,
            "on {today} the beta ({}) is still ahead",
            beta.start
        );
        let sprint = board.active_sprint().expect("an active sprint");
        let next = board
            .sprints
            .iter()
            .find(|s| s.state == SprintState::Planned)
            .expect("a planned sprint");
        assert!(
            sprint.end < beta.start
                && beta.start <= next.end.saturating_add(jiff::Span::new().days(1)),
            "on {today} the beta ({}) comes at the end of {} ({}–{})",
            beta.start,
            next.name,
            next.start,
            next.end
        );
    }
}

#[test]
fn forecasts_rest_on_enough_sprints() {
    for today in TODAYS {
        let board = sample_board(today);
        let velocities = recent_velocities(&board.sprints, 10);
        assert!(velocities.len() >= ENOUGH_SPRINTS, "{velocities:?}");
        let all = forecasts(&board, today);
        let mut dated = 0;
        for e in board.timeline.iter().filter(|e| e.kind.is_point()) {
            let f = &all[&e.id];
            assert!(!f.is_rough(), "{}: {}", e.name, f.describe());
            dated += usize::from(matches!(f, Forecast::Dates { .. }));
        }
        assert!(dated >= 2, "{dated} milestones with dates on {today}");
    }
}

#[test]
fn the_build_phase_counts_its_epics_work() {
    let board = sample_board(TODAYS[0]);
    let build = board
        .timeline
        .iter()
        .find(|e| e.name == "Build")
        .expect("a Build phase");
    let p = progress(&board, build);
    let percent = p.percent().expect("points linked to Build");
    assert!(
        (50..100).contains(&percent),
        "Build is {percent}% done ({p:?})"
    );
}

/// The active sprint contains today and carries its capacity and a little more: CRN-22, a beta blocker
/// found mid-sprint, was taken in on top of the commitment (its description says so, and the
/// burndown rises on the day it came in).
#[test]
fn the_active_sprint_is_under_way_and_a_little_over_capacity() {
    for today in TODAYS {
        let board = sample_board(today);
        let sprint = board.active_sprint().expect("an active sprint");
        assert!(sprint.contains(today), "{} on {today}", sprint.name);
        let points: u32 = board
            .sprint_items(sprint.id)
            .map(|i| i.points_or_zero())
            .sum();
        let cap = sprint.capacity;
        assert!(
            points > cap && points * 5 <= cap * 6,
            "{points} points in a sprint of capacity {cap}"
        );
        let committed = sprint.committed.expect("a commitment");
        assert!(committed <= cap, "committed {committed} of {cap}");
        let added: Vec<_> = board
            .sprint_items(sprint.id)
            .filter(|i| i.created > sprint.start)
            .collect();
        assert_eq!(added.len(), 1, "one item added mid-sprint");
        assert!(
            added[0].description.contains("on top of the commitment"),
            "{}",
            added[0].description
        );
        let rises = sprint
            .remaining
            .values()
            .zip(sprint.remaining.values().skip(1))
            .filter(|(a, b)| b > a)
            .count();
        assert_eq!(rises, 1, "the burndown rises once: {:?}", sprint.remaining);
        for s in board
            .sprints
            .iter()
            .filter(|s| s.state == SprintState::Closed)
        {
            let v = s.completed.expect("a velocity");
            assert!(
                v <= s.capacity && v * 5 >= s.capacity * 4,
                "{} finished {v} of {}",
                s.name,
                s.capacity
            );
            assert!(
                s.end < sprint.start,
                "{} is over before {}",
                s.name,
                sprint.name
            );
        }
    }
}

/// `Mmm DD`, the short date of the gantt's labels.
fn is_short_date(s: &[char]) -> bool {
    s.len() == 6
        && s[..3].iter().all(|c| c.is_ascii_alphabetic())
        && s[3] == ' '
        && s[4..].iter().all(char::is_ascii_digit)
}

/// The off-screen labels on `screen` (`← Sep 14 2026`, `Dec 17 2026 →`): (left, right) counts; fails
/// on a label without its year.
fn off_screen_labels(screen: &str) -> (usize, usize) {
    let (mut left, mut right) = (0, 0);
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for at in 0..chars.len() {
            if chars[at..].starts_with(&['←', ' ']) && chars.len() >= at + 8 {
                let date = &chars[at + 2..at + 8];
                if is_short_date(date) {
                    let year: String = chars[at + 8..].iter().take(5).collect();
                    assert!(
                        year.len() == 5 && year[1..].chars().all(|c| c.is_ascii_digit()),
                        "no year in {line:?}"
                    );
                    left += 1;
                }
            }
            if chars[at..].starts_with(&[' ', '→']) && at >= 11 {
                let date = &chars[at - 11..at - 5];
                let year: String = chars[at - 4..at].iter().collect();
                if is_short_date(date) && year.chars().all(|c| c.is_ascii_digit()) {
                    right += 1;
                } else {
                    assert!(!is_short_date(&chars[at - 6..at]), "no year in {line:?}");
                }
            }
        }
    }
    (left, right)
}

/// An entry off the left or right edge of the gantt is labelled with its date and year: the month
/// header above cannot say which year a date beyond the screen is in. At week and day zoom, at 80x24
/// and 120x40; never over the forecast's marks.
#[test]
fn off_screen_labels_carry_the_year() {
    let today = TODAYS[0];
    let mut app = App::new(sample_board(today), "b.ron", today);
    app.color = false;
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.pane, Pane::Timeline);
    let week = screen(&app, 80, 24);
    assert!(week.contains("← Sep 14 2026"), "{week}");
    // Where a dated label would cover the forecast's marks, the arrow alone says "later".
    let ga = week
        .lines()
        .find(|l| l.contains("Checkout 2.0 GA"))
        .expect("the GA row");
    assert!(ga.contains('●') && ga.ends_with(" →│"), "{week}");
    let (mut left, mut right) = off_screen_labels(&week);
    let wide = off_screen_labels(&screen(&app, 120, 40));
    press(&mut app, KeyCode::Char('+'));
    let day = screen(&app, 80, 24);
    assert!(day.contains("Dec 17 2026 →"), "{day}");
    for (l, r) in [wide, off_screen_labels(&day)] {
        (left, right) = (left + l, right + r);
    }
    assert!(
        left >= 3 && right >= 3,
        "{left} left and {right} right labels"
    );
}
