//! The bridges to the tools around cairn (issue 16, points 3–5), through the built binary and
//! checked with parsers of their own: the calendar with the `icalendar` crate's parser, the HTML
//! report with `scraper` (html5ever) and a real headless browser, `check --json` with serde_json,
//! the completion script with bash itself.

mod common;

use cairn::model::forecast::{Forecast, forecast};
use common::cli::{TODAY, cairn, sample};
use icalendar::{Component, DatePerhapsTime};
use std::fs;
use std::path::{Path, PathBuf};

/// Runs cairn with `args` on `board`: (exit code, stdout, stderr).
fn run(dir: &Path, board: &Path, args: &[&str]) -> (i32, String, String) {
    let out = cairn(dir)
        .arg("--file")
        .arg(board)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn export(dir: &Path, board: &Path, format: &str) -> String {
    let (code, out, err) = run(dir, board, &["export", "--format", format]);
    assert_eq!(code, 0, "export {format}: {err}");
    assert_eq!(err, "", "export {format} says nothing on stderr");
    out
}

/// Changes the board file through the library (load, change, save).
fn edit(board: &Path, change: impl FnOnce(&mut cairn::model::Board)) {
    let mut b = cairn::store::read(board).expect("loads");
    change(&mut b);
    fs::write(board, cairn::store::to_ron(&b).expect("serialises")).expect("writes");
}

fn parse_ics(text: &str) -> icalendar::Calendar {
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("parses as iCalendar");
    parsed.into()
}

fn day(d: &DatePerhapsTime) -> String {
    match d {
        DatePerhapsTime::Date(d) => d.to_string(),
        DatePerhapsTime::DateTime(t) => panic!("an all-day event, not {t:?}"),
    }
}

fn next_day(d: jiff::civil::Date) -> String {
    d.tomorrow().expect("a next day").to_string()
}

#[test]
fn the_calendar_holds_every_sprint_milestone_and_update_and_parses_back() {
    let (dir, board) = sample();
    let text = export(dir.path(), &board, "ics");
    // The lexical rules an independent parser may forgive: CRLF, lines of at most 75 octets.
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let cal = parse_ics(&text);
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert!(
        cal.property_value("PRODID")
            .is_some_and(|p| p.contains("cairn"))
    );
    let b = cairn::store::read(&board).expect("loads");
    let today: jiff::civil::Date = TODAY.parse().unwrap();
    let events: Vec<&icalendar::Event> = cal.events().collect();
    let points: Vec<_> = b.timeline.iter().filter(|e| e.kind.is_point()).collect();
    assert_eq!(
        b.settings.standup_at, None,
        "the sample has no standup time"
    );
    assert_eq!(
        events.len(),
        b.sprints.len() + points.len() + b.stakeholders.len(),
        "one event per sprint, milestone or release, and stakeholder"
    );
    let by_uid = |uid: String| {
        events
            .iter()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("an event {uid}"))
    };
    for e in &events {
        assert!(e.get_timestamp().is_some(), "DTSTAMP on every event");
    }
    for s in &b.sprints {
        let e = by_uid(format!("sprint-{}.crn@cairn", s.id));
        assert_eq!(e.get_summary(), Some(s.name.as_str()));
        assert_eq!(day(&e.get_start().expect("start")), s.start.to_string());
        // DTEND of an all-day event is the day after its last (RFC 5545 §3.6.1).
        assert_eq!(day(&e.get_end().expect("end")), next_day(s.end));
        if !s.goal.is_empty() {
            let d = e.get_description().expect("a description");
            assert!(d.contains(&s.goal), "the goal, unescaped: {d}");
        }
    }
    for m in &points {
        let e = by_uid(format!("{}-{}.crn@cairn", m.kind.name(), m.id));
        assert!(e.get_summary().is_some_and(|s| s.ends_with(&m.name)));
        assert_eq!(day(&e.get_start().expect("start")), m.start.to_string());
        assert_eq!(day(&e.get_end().expect("end")), next_day(m.start));
        let d = e.get_description().expect("a description");
        match forecast(&b, m, today) {
            Forecast::Dates { p85, .. } => {
                assert!(d.contains(&format!("85% forecast: {p85}")), "{d}")
            }
            other => assert!(d.contains(&other.describe()), "{d}"),
        }
    }
    for s in &b.stakeholders {
        let e = by_uid(format!("update-{}.crn@cairn", s.id));
        assert_eq!(e.get_summary(), Some(format!("Update {}", s.name).as_str()));
        let due = s.next_update(today).max(today);
        assert_eq!(day(&e.get_start().expect("start")), due.to_string());
        if let Some(n) = s.days_overdue(today).filter(|n| *n > 0) {
            let d = e.get_description().expect("a description");
            assert!(d.contains(&format!("{n} day")), "{d}");
        }
    }
}

#[test]
fn uids_stay_when_the_board_changes_so_a_reimport_updates() {
    let (dir, board) = sample();
    let uids = |text: &str| -> Vec<String> {
        parse_ics(text)
            .events()
            .map(|e| e.get_uid().expect("a UID").to_string())
            .collect()
    };
    let first = export(dir.path(), &board, "ics");
    assert_eq!(
        first,
        export(dir.path(), &board, "ics"),
        "the same day, the same file"
    );
    let before = uids(&first);
    let mut unique = before.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), before.len(), "every UID once");
    edit(&board, |b| {
        b.sprints[0].name = "Sprint 21, renamed; with \"quotes\"".into();
        b.timeline
            .iter_mut()
            .for_each(|e| e.name.push_str(" (moved)"));
        b.timeline.reverse();
    });
    let second = export(dir.path(), &board, "ics");
    let mut after = uids(&second);
    after.sort();
    assert_eq!(after, unique, "the same UIDs after renames and reorders");
    let cal = parse_ics(&second);
    let renamed = cal
        .events()
        .find(|e| e.get_uid() == Some("sprint-1.crn@cairn"))
        .expect("sprint 1");
    assert_eq!(
        renamed.get_summary(),
        Some("Sprint 21, renamed; with \"quotes\"")
    );
}

#[test]
fn the_standup_recurs_every_weekday_once_it_has_a_time() {
    let (dir, board) = sample();
    edit(&board, |b| {
        b.settings.standup_at = Some(jiff::civil::time(9, 30, 0, 0));
        b.settings.standup_minutes = 20;
    });
    let text = export(dir.path(), &board, "ics");
    let cal = parse_ics(&text);
    let standup: Vec<_> = cal
        .events()
        .filter(|e| e.get_uid() == Some("standup.crn@cairn"))
        .collect();
    assert_eq!(standup.len(), 1, "one recurring event");
    let e = standup[0];
    assert_eq!(
        e.property_value("RRULE"),
        Some("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    );
    assert_eq!(e.property_value("DURATION"), Some("PT20M"));
    match e.get_start().expect("a start") {
        DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Floating(t)) => {
            // The active sprint (Sprint 23) starts on Thursday 2026-11-19.
            assert_eq!(
                t.to_string(),
                "2026-11-19 09:30:00",
                "local time, the sprint's first weekday"
            );
        }
        other => panic!("a floating local time, not {other:?}"),
    }
}

#[test]
fn an_export_path_that_cannot_be_written_is_named_and_nothing_is_left() {
    let (dir, board) = sample();
    let file = dir.path().join("not-a-dir");
    fs::write(&file, "x").unwrap();
    let sub = dir.path().join("reports");
    fs::create_dir(&sub).unwrap();
    for format in ["ics", "html", "md", "json", "csv"] {
        for target in [
            file.join("out"),
            sub.clone(),
            PathBuf::from("/proc/cairn-export"),
        ] {
            let t = target.display().to_string();
            let (code, out, err) = run(
                dir.path(),
                &board,
                &["export", "--format", format, "-o", &t],
            );
            assert_eq!(code, 1, "{format} to {t}: {err}");
            assert_eq!(out, "", "nothing on stdout");
            assert!(err.contains(&t), "the message names {t}: {err}");
        }
    }
    let left: Vec<_> = fs::read_dir(&sub).unwrap().collect();
    assert!(left.is_empty(), "nothing partial left in {}", sub.display());
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".b.ron.lock")
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["b.ron", "not-a-dir", "reports"],
        "no temp file beside the board"
    );
    // A path that can be written gets the whole export, the same as stdout.
    let ok = dir.path().join("cal.ics");
    let (code, out, err) = run(
        dir.path(),
        &board,
        &["export", "--format", "ics", "-o", ok.to_str().unwrap()],
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(
        fs::read_to_string(&ok).unwrap(),
        export(dir.path(), &board, "ics")
    );
}
