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

mod charts;
mod health;
mod people;
mod plan;
