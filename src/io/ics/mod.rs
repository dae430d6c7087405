//! The calendar export (`cairn export --format ics`): an iCalendar file (RFC 5545) a calendar
//! subscribes to or imports.
//!
//! Pure: a board and "today" give the same text every time. What it holds:
//! - each sprint as an all-day span (its last day included: DTEND is the day after, §3.6.1);
//! - each milestone and release as an all-day event, its 85% forecast in the description;
//! - the standup, when the settings give it a time (`standup_at`), as an event recurring every
//!   weekday, as long as the standup timebox, at that local ("floating") time;
//! - each stakeholder's next update as an all-day event on its due day (today once overdue).
//!
//! Every event's UID comes from the board's ids (`sprint-3.crn@cairn`), so importing a newer
//! export updates the events instead of adding copies; DTSTAMP is today's midnight UTC, so the
//! same board on the same day exports byte for byte the same file.

mod text;

use crate::model::forecast::{Forecast, forecasts};
use crate::model::{Board, words};
use jiff::civil::{Date, Time, Weekday};
use text::{escape, push_line};

/// The board's calendar on `today`, as iCalendar text (CRLF line ends).
pub fn calendar(board: &Board, today: Date) -> String {
    let mut cal = Cal {
        out: String::new(),
        stamp: format!("{}T000000Z", compact(today)),
        domain: format!("{}@cairn", board.project.key.to_ascii_lowercase()),
    };
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!("PRODID:-//cairn//cairn ", env!("CARGO_PKG_VERSION"), "//EN"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut cal.out, line);
    }
    push_line(
        &mut cal.out,
        &format!("X-WR-CALNAME:{}", escape(&board.project.name)),
    );
    sprints(&mut cal, board);
    milestones(&mut cal, board, today);
    if let Some(at) = board.settings.standup_at {
        standup(&mut cal, board, today, at);
    }
    updates(&mut cal, board, today);
    push_line(&mut cal.out, "END:VCALENDAR");
    cal.out
}

struct Cal {
    out: String,
    stamp: String,
    domain: String,
}

/// What one all-day event says.
struct AllDay<'a> {
    uid: String,
    first: Date,
    last: Date,
    summary: String,
    description: String,
    category: &'a str,
    /// Busy (a milestone) or free (a sprint's span, which should not block a day).
    busy: bool,
}

impl Cal {
    fn line(&mut self, line: &str) {
        push_line(&mut self.out, line);
    }

    fn all_day(&mut self, e: AllDay<'_>) {
        // A day past the calendar's end (a cadence of millions of days) has no day after: no event.
        let Some(after) = e.last.tomorrow().ok() else {
            return;
        };
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}.{}", e.uid, self.domain));
        self.line(&format!("DTSTAMP:{}", self.stamp));
        self.line(&format!("DTSTART;VALUE=DATE:{}", compact(e.first)));
        self.line(&format!("DTEND;VALUE=DATE:{}", compact(after)));
        self.line(&format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            self.line(&format!("DESCRIPTION:{}", escape(&e.description)));
        }
        self.line(&format!("CATEGORIES:{}", escape(e.category)));
        self.line(if e.busy {
            "TRANSP:OPAQUE"
        } else {
            "TRANSP:TRANSPARENT"
        });
        self.line("END:VEVENT");
    }
}

/// `20261201`: the DATE form (§3.3.4).
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn sprints(cal: &mut Cal, board: &Board) {
    for s in &board.sprints {
        let mut description = Vec::new();
        if !s.goal.trim().is_empty() {
            description.push(format!("Goal: {}", s.goal.trim()));
        }
        description.push(format!(
            "{} sprint, {} days, capacity {}",
            s.state.name(),
            s.length_days(),
            words::count(s.capacity as usize, "point")
        ));
        if let Some(done) = s.completed {
            description.push(format!(
                "Completed: {}",
                words::count(done as usize, "point")
            ));
        }
        cal.all_day(AllDay {
            uid: format!("sprint-{}", s.id),
            first: s.start,
            last: s.end.max(s.start),
            summary: s.name.clone(),
            description: description.join("\n"),
            category: "Sprint",
            busy: false,
        });
    }
}

fn milestones(cal: &mut Cal, board: &Board, today: Date) {
    let forecast = forecasts(board, today);
    for e in board.timeline.iter().filter(|e| e.kind.is_point()) {
        let f = forecast.get(&e.id).cloned().unwrap_or(Forecast::NoWork);
        let mut description = vec![match &f {
            Forecast::Dates { p85, .. } => format!("85% forecast: {p85}"),
            Forecast::Beyond { .. } => "85% forecast: not within a year".to_string(),
            other => format!("85% forecast: {}", other.describe()),
        }];
        if matches!(f, Forecast::Dates { .. }) {
            description.push(format!("Forecast: {}", f.describe()));
        }
        if f.is_late_for(e.start) {
            description.push(format!("At risk: the 85% forecast is after {}", e.start));
        }
        if !e.owner.trim().is_empty() {
            description.push(format!("Owner: {}", e.owner.trim()));
        }
        let kind = e.kind.name();
        cal.all_day(AllDay {
            uid: format!("{kind}-{}", e.id),
            first: e.start,
            last: e.start,
            summary: format!("{}{}: {}", kind[..1].to_uppercase(), &kind[1..], e.name),
            description: description.join("\n"),
            category: if kind == "release" {
                "Release"
            } else {
                "Milestone"
            },
            busy: true,
        });
    }
}

/// The standup every weekday at `at`, starting on the first weekday of the active sprint (or of
/// today without one).
fn standup(cal: &mut Cal, board: &Board, today: Date, at: Time) {
    let mut first = board.active_sprint().map_or(today, |s| s.start);
    while matches!(first.weekday(), Weekday::Saturday | Weekday::Sunday) {
        first = first.tomorrow().unwrap_or(first);
    }
    cal.line("BEGIN:VEVENT");
    cal.line(&format!("UID:standup.{}", cal.domain));
    cal.line(&format!("DTSTAMP:{}", cal.stamp));
    cal.line(&format!(
        "DTSTART:{}T{:02}{:02}00",
        compact(first),
        at.hour(),
        at.minute()
    ));
    cal.line(&format!(
        "DURATION:PT{}M",
        board.settings.standup_minutes.max(1)
    ));
    cal.line("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    cal.line(&format!(
        "SUMMARY:{}",
        escape(&format!("Standup — {}", board.project.name))
    ));
    cal.line(&format!(
        "DESCRIPTION:{}",
        escape(&format!(
            "Daily standup, {} minutes",
            board.settings.standup_minutes
        ))
    ));
    cal.line("CATEGORIES:Standup");
    cal.line("END:VEVENT");
}

/// Each stakeholder's next update, on its due day, or today once it is overdue.
fn updates(cal: &mut Cal, board: &Board, today: Date) {
    for s in &board.stakeholders {
        let due = s.next_update(today);
        let mut description = vec![match s.days_overdue(today) {
            None => format!("Due {due}"),
            Some(0) => "Due today".to_string(),
            Some(n) => format!("Overdue since {due} ({})", words::count(n as usize, "day")),
        }];
        description.push(format!(
            "Every {}",
            words::count(s.cadence_days as usize, "day")
        ));
        if !s.role.trim().is_empty() {
            description.push(format!("Role: {}", s.role.trim()));
        }
        if !s.contact.trim().is_empty() {
            description.push(format!("Contact: {}", s.contact.trim()));
        }
        if !s.cares_about.trim().is_empty() {
            description.push(format!("Cares about: {}", s.cares_about.trim()));
        }
        let day = due.max(today);
        cal.all_day(AllDay {
            uid: format!("update-{}", s.id),
            first: day,
            last: day,
            summary: format!("Update {}", s.name),
            description: description.join("\n"),
            category: "Stakeholder update",
            busy: false,
        });
    }
}
