//! The plan sections of the report: sprint, milestones, budget, risks and backlog.

use super::*;

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
            "## Timeline",
            "## Milestones",
            "## Budget",
            "## Health",
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
    assert!(
        m.contains("rough guess"),
        "four sprints are under five: {m}"
    );
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
