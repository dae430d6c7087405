//! The report on a small but complete board at a fixed date, section by section.

use super::markdown::cell;
use super::markdown::thousands;
use super::*;
use crate::model::{
    EntryId, EntryKind, Item, NoteKind, Sprint, SprintState, TimelineEntry, sprint_at_risk,
};
use crate::model::{
    ItemId, ItemKind, Moscow, Note, NoteId, Risk, RiskId, RiskStatus, SprintId, Stakeholder,
    StakeholderId, Wsjf,
};
use jiff::civil::date;
use std::collections::BTreeMap;

const TODAY: Date = date(2026, 3, 20);

fn sprint(id: u32, start: Date, end: Date, state: SprintState, completed: u32) -> Sprint {
    Sprint {
        id: SprintId(id),
        name: format!("Sprint {id}"),
        goal: String::new(),
        start,
        end,
        capacity: 25,
        state,
        committed: None,
        remaining: BTreeMap::new(),
        completed: (state == SprintState::Closed).then_some(completed),
    }
}

fn entry(id: u32, name: &str, kind: EntryKind, start: Date, end: Date) -> TimelineEntry {
    TimelineEntry {
        id: EntryId(id),
        name: name.to_string(),
        kind,
        start,
        end,
        depends_on: vec![],
        items: vec![],
        owner: String::new(),
        planned_cost: 0,
        actual_cost: 0,
    }
}

fn risk(id: u32, title: &str, p: u8, i: u8, status: RiskStatus) -> Risk {
    Risk {
        id: RiskId(id),
        title: title.to_string(),
        probability: p,
        impact: i,
        owner: String::new(),
        mitigation: String::new(),
        status,
        raised: date(2026, 1, 10),
        items: vec![],
        entries: vec![],
    }
}

fn person(id: u32, name: &str, cadence: u32, last: Option<Date>) -> Stakeholder {
    Stakeholder {
        id: StakeholderId(id),
        name: name.to_string(),
        role: String::new(),
        organisation: String::new(),
        power: 5,
        interest: 5,
        cadence_days: cadence,
        last_update: last,
        contact: String::new(),
        cares_about: String::new(),
        notes: vec![],
    }
}

fn note(id: u32, day: Date, kind: NoteKind, text: &str, items: &[u32]) -> Note {
    Note {
        id: NoteId(id),
        date: day,
        kind,
        text: text.to_string(),
        items: items.iter().map(|&i| ItemId(i)).collect(),
        entries: vec![],
    }
}

/// A small but complete board on 2026-03-20.
fn board() -> Board {
    let mut b = Board::new("Checkout", "CRN");
    b.project.vision = "Paying should take\none minute.".into();
    b.project.goal = "Launch the new checkout to all EU shops".into();
    b.project.budget = 500_000;

    // Items 1–15 in rank order; 1 and 4 done. Points by id.
    let pts = [5, 8, 5, 3, 2, 8, 8, 8, 13, 13, 1, 2, 3, 5, 8];
    for (n, p) in (1u32..).zip(pts) {
        let mut it = Item::new(
            ItemId(n),
            ItemKind::Story,
            format!("Item {n}"),
            "To do",
            date(2026, 1, 1),
        );
        it.points = Some(p);
        b.items.push(std::sync::Arc::new(it));
    }
    std::sync::Arc::make_mut(&mut b.items[1]).title = "Login | signup\nflow".into();
    std::sync::Arc::make_mut(&mut b.items[1]).moscow = Some(Moscow::Must);
    std::sync::Arc::make_mut(&mut b.items[1]).wsjf = Some(Wsjf {
        business_value: 8,
        time_criticality: 5,
        risk_reduction: 2,
        job_size: 3,
    });
    for i in [0, 3] {
        std::sync::Arc::make_mut(&mut b.items[i]).status = "Done".into();
    }
    for i in [0, 1, 2, 3] {
        std::sync::Arc::make_mut(&mut b.items[i]).sprint = Some(SprintId(5));
    }

    // Closed sprints (14 days each) and the active one.
    let closed = [
        (1, date(2025, 12, 29), 5),
        (2, date(2026, 1, 12), 12),
        (3, date(2026, 1, 26), 18),
        (4, date(2026, 2, 9), 21),
    ];
    for (id, start, done) in closed {
        let end = start.checked_add(jiff::Span::new().days(13)).expect("date");
        b.sprints
            .push(sprint(id, start, end, SprintState::Closed, done));
    }
    let mut active = sprint(
        5,
        date(2026, 3, 9),
        date(2026, 3, 22),
        SprintState::Active,
        0,
    );
    active.goal = "Card payments end to end".into();
    active.committed = Some(21);
    b.sprints.push(active);

    // Timeline.
    let mut discovery = entry(
        1,
        "Discovery",
        EntryKind::Phase,
        date(2026, 1, 5),
        date(2026, 2, 15),
    );
    discovery.planned_cost = 100_000;
    discovery.actual_cost = 95_000;
    let mut build = entry(
        2,
        "Build",
        EntryKind::Phase,
        date(2026, 2, 16),
        date(2026, 5, 31),
    );
    build.planned_cost = 300_000;
    build.actual_cost = 250_000;
    let mut alpha = entry(
        3,
        "Alpha",
        EntryKind::Milestone,
        date(2026, 3, 10),
        date(2026, 3, 10),
    );
    alpha.items = vec![ItemId(3), ItemId(5)];
    let mut beta = entry(
        4,
        "Beta",
        EntryKind::Release,
        date(2026, 4, 15),
        date(2026, 4, 15),
    );
    beta.items = vec![ItemId(6), ItemId(7), ItemId(8)];
    let mut ga = entry(
        5,
        "GA",
        EntryKind::Release,
        date(2026, 4, 1),
        date(2026, 4, 1),
    );
    ga.items = vec![ItemId(9), ItemId(10)];
    ga.depends_on = vec![EntryId(2)];
    let mut kickoff = entry(
        6,
        "Kickoff",
        EntryKind::Milestone,
        date(2026, 1, 5),
        date(2026, 1, 5),
    );
    kickoff.items = vec![ItemId(1)];
    b.timeline = vec![beta, discovery, build, alpha, ga, kickoff];

    // Risks.
    let mut key_dev = risk(2, "Key developer leaves", 4, 5, RiskStatus::Mitigating);
    key_dev.owner = "Ana".into();
    key_dev.mitigation = "Pair on checkout".into();
    b.risks = vec![
        risk(1, "Vendor delay", 2, 3, RiskStatus::Open),
        key_dev,
        risk(3, "Old closed risk", 5, 5, RiskStatus::Closed),
        risk(4, "PSP contract", 3, 3, RiskStatus::Open),
    ];

    // Stakeholders and their notes.
    let mut maria = person(1, "Maria Lopez", 7, Some(date(2026, 3, 8)));
    maria.role = "Sponsor".into();
    maria.notes = vec![
        note(
            1,
            date(2026, 2, 8),
            NoteKind::Decision,
            "Drop SSO from the MVP",
            &[],
        ),
        note(
            2,
            date(2026, 3, 17),
            NoteKind::Decision,
            "Ship beta to 50 users",
            &[6],
        ),
    ];
    let mut tom = person(2, "Tom", 14, Some(date(2026, 3, 6)));
    tom.power = 2;
    tom.notes = vec![
        note(3, date(2026, 3, 18), NoteKind::Meeting, "Weekly sync", &[]),
        note(
            4,
            date(2026, 3, 19),
            NoteKind::Request,
            "Add CSV export\nfor finance",
            &[11, 12],
        ),
    ];
    b.stakeholders = vec![
        maria,
        tom,
        person(3, "Zed", 30, Some(date(2026, 3, 10))),
        person(4, "Newbie", 14, None),
    ];
    b
}

/// The text of one section: from its heading up to the next `## `.
fn section<'a>(report: &'a str, heading: &str) -> &'a str {
    let start = report
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading:?} in:\n{report}"));
    let rest = &report[start + 1..];
    match rest[1..].find("\n## ") {
        Some(end) => &rest[..end + 2],
        None => rest,
    }
}

fn row_containing<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
}

#[test]
fn sections_come_in_order() {
    let r = status_report(&board(), TODAY);
    assert!(
        r.starts_with("# Checkout — status report 2026-03-20\n\n"),
        "{r}"
    );
    assert!(r.contains("Vision: Paying should take one minute.\n"));
    assert!(r.contains("Current goal: Launch the new checkout to all EU shops\n"));
    let headings: Vec<&str> = r.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        vec![
            "## Sprint",
            "## Milestones",
            "## Budget",
            "## Risks",
            "## Backlog — top 10",
            "## Decisions and requests",
            "## Stakeholders due for an update",
        ]
    );
    assert!(r.ends_with("|\n") && !r.ends_with("\n\n"));
    assert!(!r.contains("\n\n\n"), "no double blank lines");
}

#[test]
fn sprint_shows_commitment_and_verdict() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Sprint");
    assert!(
        s.contains("Sprint 5: 2026-03-09 to 2026-03-22, 2 days left."),
        "{s}"
    );
    assert!(s.contains("Goal: Card payments end to end"), "{s}");
    assert!(s.contains("- Committed: 21 points\n"), "{s}");
    assert!(
        s.contains("- Done: 8 points (38% of the commitment)"),
        "{s}"
    );
    assert!(s.contains("- Remaining: 13 points"), "{s}");
    assert!(s.contains("- Time elapsed: 12 of 14 days (86%)"), "{s}");
    // Ideal remaining 21 × 2/14 = 3; 13 > 3 + 4.2.
    assert!(
        s.contains("- Verdict: at risk (13 remaining, ideal by now 3.0)"),
        "{s}"
    );
    assert!(
        s.contains("- Velocity of the last 3 closed sprints: 12, 18, 21 (average 17.0)"),
        "{s}"
    );

    // Finish the rest: on track.
    let mut b = board();
    for i in [1, 2] {
        std::sync::Arc::make_mut(&mut b.items[i]).status = "Done".into();
    }
    let r = status_report(&b, TODAY);
    assert!(
        section(&r, "## Sprint").contains("- Verdict: on track (0 remaining"),
        "{r}"
    );
}

#[test]
fn sprint_verdict_boundary() {
    // 10 days, 5 elapsed, 20 committed: ideal 10, tolerance 4.
    assert!(!sprint_at_risk(20, 14, 5, 10));
    assert!(sprint_at_risk(20, 15, 5, 10));
    assert!(!sprint_at_risk(0, 0, 5, 10));
    assert!(!sprint_at_risk(20, 20, 0, 10), "nothing elapsed yet");
}

#[test]
fn milestones_in_date_order_with_flags() {
    let r = status_report(&board(), TODAY);
    let m = section(&r, "## Milestones");
    let order: Vec<usize> = ["Kickoff", "Alpha", "GA", "Beta"]
        .iter()
        .map(|n| m.find(&format!("| {n} ")).expect("listed"))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{m}");
    assert!(!m.contains("| Build "), "phases are not milestones: {m}");

    let kickoff = row_containing(m, "Kickoff");
    assert!(kickoff.contains("5/5 pts, 1/1 item done"), "{kickoff}");
    assert!(kickoff.contains("74 days ago"), "{kickoff}");
    assert!(kickoff.contains("| done"), "{kickoff}");

    let alpha = row_containing(m, "Alpha");
    assert!(alpha.contains("0/7 pts, 0/2 items done"), "{alpha}");
    assert!(alpha.contains("10 days ago"), "{alpha}");
    assert!(alpha.contains("| late"), "{alpha}");

    // GA and Beta: the flag follows the forecast the timeline pane shows too.
    for (name, e) in [("| GA ", EntryId(5)), ("| Beta ", EntryId(4))] {
        let row = row_containing(m, name);
        let entry = b_entry(e);
        let f = crate::model::forecast::forecast(&board(), &entry, TODAY);
        let crate::model::forecast::Forecast::Dates { p50, p85, .. } = f else {
            panic!("{name}: dates expected, got {f:?}");
        };
        assert!(
            row.contains(&p50.to_string()) && row.contains(&p85.to_string()),
            "{row}"
        );
        let verdict = if p85 > entry.start {
            "at risk"
        } else {
            "on track"
        };
        assert!(row.contains(&format!("| {verdict}")), "{row}");
    }
    assert!(row_containing(m, "| GA ").contains("in 12 days"), "{m}");
    assert!(
        row_containing(m, "| GA ").contains("; broken dependency"),
        "{m}"
    );

    assert!(
        m.contains("- GA (release, 2026-04-01) depends on Build (phase), which ends 2026-05-31."),
        "{m}"
    );
    assert!(
        m.contains("velocities of the last 4 closed sprints drawn at random, 2000 times"),
        "{m}"
    );
    assert!(!m.contains("rough guess"), "four sprints are enough: {m}");
}

/// A timeline entry of the test board.
fn b_entry(id: EntryId) -> TimelineEntry {
    board().entry(id).expect("on the board").clone()
}

#[test]
fn milestones_without_velocity() {
    let mut b = board();
    b.sprints.retain(|s| s.state != SprintState::Closed);
    let r = status_report(&b, TODAY);
    let m = section(&r, "## Milestones");
    assert!(row_containing(m, "Beta").contains("no velocity yet"), "{m}");
    assert!(row_containing(m, "Alpha").contains("late"), "{m}");
    assert!(
        section(&r, "## Sprint").contains("- Velocity: no closed sprint yet"),
        "{r}"
    );
}

#[test]
fn budget_flags_overspending_and_totals() {
    let r = status_report(&board(), TODAY);
    let b = section(&r, "## Budget");
    let discovery = row_containing(b, "Discovery");
    assert!(discovery.contains("EUR 100,000"), "{discovery}");
    assert!(discovery.contains("EUR 95,000"), "{discovery}");
    assert!(discovery.contains("95%"), "{discovery}");
    assert!(!discovery.contains("overspending"), "{discovery}");
    // Build: 33 of 105 days (31%), 83% spent.
    let build = row_containing(b, "Build");
    assert!(build.contains("EUR 300,000"), "{build}");
    assert!(build.contains(" 83% |"), "{build}");
    assert!(build.contains("31%"), "{build}");
    assert!(build.contains("overspending"), "{build}");
    let total = row_containing(b, "Total");
    assert!(total.contains("EUR 400,000"), "{total}");
    assert!(total.contains("EUR 345,000"), "{total}");
    assert!(b.contains("- Project budget: EUR 500,000"), "{b}");
    assert!(
        b.contains("- Planned: EUR 400,000 (80% of the budget; EUR 100,000 not yet allocated)"),
        "{b}"
    );
    assert!(
        b.contains("- Spent to date: EUR 345,000 (69% of the budget)"),
        "{b}"
    );
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1_000), "1,000");
    assert_eq!(thousands(1_234_567), "1,234,567");
}

#[test]
fn open_risks_by_exposure_only() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Risks");
    let at = |t: &str| s.find(t).unwrap_or_else(|| panic!("{t} missing: {s}"));
    assert!(at("Key developer leaves") < at("PSP contract"));
    assert!(at("PSP contract") < at("Vendor delay"));
    assert!(!s.contains("Old closed risk"), "{s}");
    let top = row_containing(s, "Key developer leaves");
    assert!(top.contains("20 high"), "{top}");
    assert!(top.contains("4×5"), "{top}");
    assert!(top.contains("Ana"), "{top}");
    assert!(top.contains("mitigating"), "{top}");
    assert!(top.contains("Pair on checkout"), "{top}");
}

#[test]
fn backlog_lists_the_first_ten_not_done() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Backlog — top 10");
    let keys: Vec<&str> = s
        .lines()
        .filter_map(|l| l.split('|').nth(2).map(str::trim))
        .filter(|k| k.starts_with("CRN-"))
        .collect();
    assert_eq!(
        keys,
        vec![
            "CRN-2", "CRN-3", "CRN-5", "CRN-6", "CRN-7", "CRN-8", "CRN-9", "CRN-10", "CRN-11",
            "CRN-12"
        ]
    );
    let login = row_containing(s, "CRN-2 ");
    assert!(login.starts_with("|    2 | CRN-2 "), "rank kept: {login}");
    assert!(login.contains("Login \\| signup flow"), "{login}");
    assert!(login.contains("| must "), "{login}");
    assert!(login.contains("5.0 |"), "{login}");
    assert!(s.contains("| WSJF |"), "{s}");
    assert!(s.contains("Showing 10 of 13 open items"), "{s}");
}

#[test]
fn pipes_and_newlines_cannot_break_a_table() {
    let r = status_report(&board(), TODAY);
    for table in r.split("\n\n").filter(|b| b.starts_with('|')) {
        let columns: Vec<usize> = table
            .lines()
            .map(|l| l.replace("\\|", "").matches('|').count())
            .collect();
        assert!(columns.iter().all(|&c| c == columns[0]), "{table}");
    }
    assert_eq!(cell("a | b\r\nc"), "a \\| b c");
}

#[test]
fn recent_decisions_and_requests_newest_first() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Decisions and requests");
    assert!(!s.contains("Drop SSO"), "40 days old: {s}");
    assert!(!s.contains("Weekly sync"), "meetings are not listed: {s}");
    let request = s.find("Add CSV export for finance").expect("request");
    let decision = s.find("Ship beta to 50 users").expect("decision");
    assert!(request < decision, "newest first: {s}");
    let row = row_containing(s, "Ship beta");
    assert!(row.contains("2026-03-17 | decision | Maria Lopez"), "{row}");
    assert!(row.contains("CRN-6"), "{row}");
    assert!(
        row_containing(s, "CSV export").contains("CRN-11, CRN-12"),
        "{s}"
    );
    assert!(
        s.contains("1 decision and 1 request in the last 30 days, newest first:"),
        "{s}"
    );

    // The window's edge: exactly RECENT_DAYS ago is in, one more is out.
    let mut b = board();
    b.stakeholders[0].notes[0].date = date(2026, 2, 18);
    let s = status_report(&b, TODAY);
    assert!(section(&s, "## Decisions and requests").contains("Drop SSO"));
    b.stakeholders[0].notes[0].date = date(2026, 2, 17);
    let s = status_report(&b, TODAY);
    assert!(!section(&s, "## Decisions and requests").contains("Drop SSO"));
}

#[test]
fn stakeholders_due_with_days() {
    let r = status_report(&board(), TODAY);
    let s = section(&r, "## Stakeholders due for an update");
    let maria = row_containing(s, "Maria Lopez");
    assert!(maria.contains("Sponsor"), "{maria}");
    assert!(maria.contains("manage closely"), "{maria}");
    assert!(maria.contains("5 days overdue"), "{maria}");
    assert!(maria.contains("2026-03-08"), "{maria}");
    let tom = row_containing(s, "Tom");
    assert!(tom.contains("due today"), "{tom}");
    assert!(tom.contains("keep informed"), "{tom}");
    assert!(row_containing(s, "Newbie").contains("never"), "{s}");
    assert!(!s.contains("Zed"), "not due: {s}");
    assert!(s.find("Maria").expect("m") < s.find("Newbie").expect("n"));
}

#[test]
fn the_same_board_gives_the_same_report() {
    let b = board();
    assert_eq!(status_report(&b, TODAY), status_report(&b, TODAY));
    assert_eq!(status_report(&b, TODAY), status_report(&b.clone(), TODAY));
}

#[test]
fn an_empty_board_gives_a_sensible_report() {
    let b = Board::new("Empty", "E");
    let r = status_report(&b, TODAY);
    assert!(r.starts_with("# Empty — status report 2026-03-20\n\n## Sprint\n"));
    assert!(r.contains("## Sprint\n\nNo active sprint.\n"), "{r}");
    assert!(
        r.contains("No milestones or releases on the timeline."),
        "{r}"
    );
    assert!(r.contains("No phases on the timeline."), "{r}");
    assert!(
        r.contains("No project budget set; the timeline plans EUR 0 and EUR 0 is spent."),
        "{r}"
    );
    assert!(r.contains("## Risks\n\nNo open risks.\n"), "{r}");
    assert!(r.contains("No open items in the backlog."), "{r}");
    assert!(r.contains("None in the last 30 days."), "{r}");
    let since = status_report_since(&b, TODAY, Some(date(2026, 3, 6)));
    assert!(
        since.contains("None since the last report (2026-03-06)."),
        "{since}"
    );
    assert!(r.contains("No stakeholders on the board.\n"), "{r}");
    assert!(r.ends_with(".\n"));
    assert!(!r.contains('|'), "no empty tables: {r}");
}

#[test]
fn decisions_since_the_last_report_include_its_day() {
    let mut b = board();
    b.stakeholders[0].notes[1].entries = vec![EntryId(4)];
    let r = status_report_since(&b, TODAY, Some(date(2026, 3, 17)));
    let s = section(&r, "## Decisions and requests");
    assert!(
        s.contains("1 decision and 1 request since the last report (2026-03-17), newest first:"),
        "{s}"
    );
    assert!(
        row_containing(s, "Ship beta").contains("CRN-6, Beta"),
        "entries too: {s}"
    );
    let r = status_report_since(&b, TODAY, Some(date(2026, 3, 18)));
    let s = section(&r, "## Decisions and requests");
    assert!(!s.contains("Ship beta"), "before the last report: {s}");
    let r = status_report_since(&b, TODAY, Some(date(2026, 1, 1)));
    assert!(
        section(&r, "## Decisions and requests").contains("Drop SSO"),
        "an old last report reaches further back than 30 days"
    );
}

#[test]
fn reports_are_written_beside_the_board_and_the_last_one_is_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("board.ron");
    let b = board();
    assert_eq!(
        last_report(&reports_dir(&file), TODAY),
        None,
        "no folder yet"
    );
    let first = write_report(&file, &b, date(2026, 3, 10)).expect("written");
    assert_eq!(
        first,
        dir.path().join("reports").join("status-2026-03-10.md")
    );
    let text = std::fs::read_to_string(&first).expect("readable");
    assert_eq!(text, status_report_since(&b, date(2026, 3, 10), None));

    std::fs::write(dir.path().join("reports/notes.md"), "not a report").expect("write");
    assert_eq!(
        last_report(&reports_dir(&file), TODAY),
        Some(date(2026, 3, 10))
    );
    assert_eq!(
        last_report(&reports_dir(&file), date(2026, 3, 10)),
        None,
        "today's own report is not the last one"
    );
    let second = write_report(&file, &b, TODAY).expect("written");
    let text = std::fs::read_to_string(&second).expect("readable");
    assert!(
        text.contains("since the last report (2026-03-10)"),
        "{text}"
    );
    // Written again the same day: replaced, and still counted from the 10th.
    let again = write_report(&file, &b, TODAY).expect("written");
    assert_eq!(again, second);
    assert_eq!(std::fs::read_to_string(&again).expect("readable"), text);
    let names: Vec<String> = std::fs::read_dir(dir.path().join("reports"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "no temp files left: {names:?}");
    assert_eq!(reports_dir(Path::new("b.ron")), PathBuf::from("reports"));
}
