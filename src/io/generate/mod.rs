//! Realistic synthetic boards for benchmarks, tests and demos: deterministic for a seed, with sprints,
//! timeline entries, risks, stakeholders and notes that scale with the number of items.

use crate::model::{
    Board, Column, Counters, EntryId, EntryKind, Impact, Item, ItemId, ItemKind, Moscow, Note,
    NoteId, NoteKind, Rice, Risk, RiskId, RiskStatus, SCHEMA_VERSION, Settings, Sprint, SprintId,
    SprintState, Stakeholder, StakeholderId, TimelineEntry, Wsjf,
};
use jiff::Span;
use jiff::civil::{Date, date};
use std::collections::BTreeMap;

/// Generated boards are anchored on this day (the active sprint contains it), so a seed always gives the
/// same bytes whatever the clock says.
pub const ANCHOR: Date = date(2026, 11, 28);

mod profile;
mod words;
pub use profile::{PATHOLOGICAL, Profile, ProfileError, pathological};
use words::{CONTEXTS, PEOPLE, TAGS, THINGS, VERBS};

fn pick<'a>(rng: &mut fastrand::Rng, xs: &'a [&'a str]) -> &'a str {
    xs[rng.usize(..xs.len())]
}

fn days(n: i64) -> Span {
    Span::new().days(n)
}

fn add(d: Date, n: i64) -> Date {
    d.checked_add(days(n)).unwrap_or(d)
}

/// `generate`'s board with its dates moved so that its active sprint is under way `today` (what
/// `cairn generate` writes: a board generated today is current today).
pub fn generate_at(items: usize, seed: u64, today: Date) -> Board {
    let mut board = generate(items, seed);
    board.shift_dates((today - ANCHOR).get_days());
    board
}

/// A board with `items` items, deterministic for `seed`, its active sprint under way on [`ANCHOR`].
pub fn generate(items: usize, seed: u64) -> Board {
    build(items, seed, None)
}

/// `generate`'s board, with exactly `notes` stakeholder notes when given (else one per 20 items, at
/// least one per stakeholder). Everything but the notes is the same board for the same seed.
fn build(items: usize, seed: u64, notes: Option<usize>) -> Board {
    let mut rng = fastrand::Rng::with_seed(seed);
    let n_sprints = (items / 50).max(3);
    let n_entries = (items / 100).max(4);
    let n_risks = (items / 200).max(3);
    let n_people = (items / 500).max(4);
    let n_epics = (items / 40).max(1);

    // Sprints: two weeks each, the last but one active (it contains the anchor), the last planned.
    let active_index = n_sprints - 2;
    let active_start = add(ANCHOR, -12);
    let mut sprints: Vec<Sprint> = (0..n_sprints)
        .map(|k| {
            let start = add(active_start, 14 * (k as i64 - active_index as i64));
            let state = match k.cmp(&active_index) {
                std::cmp::Ordering::Less => SprintState::Closed,
                std::cmp::Ordering::Equal => SprintState::Active,
                std::cmp::Ordering::Greater => SprintState::Planned,
            };
            Sprint {
                id: SprintId(k as u32 + 1),
                name: format!("Sprint {}", k + 1),
                goal: format!("Ship the {} improvements", pick(&mut rng, THINGS)),
                start,
                end: add(start, 13),
                capacity: 20 + rng.u32(0..=15),
                state,
                committed: None,
                remaining: BTreeMap::new(),
                completed: None,
            }
        })
        .collect();

    // Items: sprint work first in closed sprints (done), then the active sprint, then the backlog. Each
    // sprint takes items until its points reach a target near its capacity (a closed sprint's velocity
    // 85–100% of it, the active sprint's commitment 90–110%); an item that would overshoot stays in the
    // backlog.
    let targets: Vec<(u32, u32)> = sprints
        .iter()
        .map(|s| {
            let (lo, hi) = if s.state == SprintState::Closed {
                (85, 100)
            } else {
                (90, 110)
            };
            (s.capacity * lo / 100, s.capacity * hi / 100)
        })
        .collect();
    let mut filling = 0usize;
    let mut filled = 0u32;
    let mut in_active = 0usize;
    let columns = Column::defaults();
    let mut list = Vec::with_capacity(items);
    for k in 0..items {
        let id = ItemId(k as u32 + 1);
        let kind = if k < n_epics {
            ItemKind::Epic
        } else {
            match rng.u8(0..10) {
                0..=5 => ItemKind::Story,
                6 | 7 => ItemKind::Bug,
                8 => ItemKind::Task,
                _ => ItemKind::Spike,
            }
        };
        let title = format!(
            "{} {} {}",
            pick(&mut rng, VERBS),
            pick(&mut rng, THINGS),
            pick(&mut rng, CONTEXTS)
        );
        let created = add(ANCHOR, -(rng.i64(20..400)));
        let mut it = Item::new(id, kind, title, "To do", created);
        let points: u8 = [1, 2, 3, 5, 8, 13][rng.usize(0..6)];
        let mut sprint = None;
        if kind != ItemKind::Epic && filling <= active_index {
            let (lo, hi) = targets[filling];
            if filled + u32::from(points) <= hi {
                sprint = Some(filling);
                filled += u32::from(points);
                if filled >= lo {
                    filling += 1;
                    filled = 0;
                }
            }
        }
        if rng.u8(0..10) < 6 {
            it.description = format!(
                "As a shopper I want the {} to work {} so that I can pay without friction.",
                pick(&mut rng, THINGS),
                pick(&mut rng, CONTEXTS)
            );
        }
        if rng.u8(0..10) < 4 {
            it.acceptance = vec![
                format!(
                    "Given a {} when I pay then the order is confirmed",
                    pick(&mut rng, THINGS)
                ),
                "Errors are shown beside the field that caused them".to_string(),
            ];
        }
        if kind != ItemKind::Epic {
            it.points = Some(points);
            it.parent = Some(ItemId(rng.u32(1..=n_epics as u32)));
        }
        it.moscow = match rng.u8(0..10) {
            0..=2 => Some(Moscow::Must),
            3..=5 => Some(Moscow::Should),
            6 | 7 => Some(Moscow::Could),
            8 => Some(Moscow::Wont),
            _ => None,
        };
        if rng.u8(0..10) < 7 {
            it.wsjf = Some(Wsjf {
                business_value: rng.u8(1..=20),
                time_criticality: rng.u8(1..=20),
                risk_reduction: rng.u8(1..=13),
                job_size: rng.u8(1..=13),
            });
        } else {
            it.rice = Some(Rice {
                reach: rng.u32(100..20_000),
                impact: [
                    Impact::Minimal,
                    Impact::Low,
                    Impact::Medium,
                    Impact::High,
                    Impact::Massive,
                ][rng.usize(0..5)],
                confidence: [50, 80, 100][rng.usize(0..3)],
                effort: rng.u16(1..=12),
            });
        }
        let n_tags = rng.usize(0..3);
        for _ in 0..n_tags {
            let t = pick(&mut rng, TAGS).to_string();
            if !it.tags.contains(&t) {
                it.tags.push(t);
            }
        }
        if let Some(s) = sprint {
            let sp = &sprints[s];
            it.sprint = Some(sp.id);
            it.assignee = pick(&mut rng, PEOPLE).to_string();
            if sp.state == SprintState::Closed {
                let done = add(sp.start, rng.i64(2..14));
                it.status = columns[3].name.clone();
                it.status_since = done;
                it.done = Some(done);
                it.updated = done;
                it.created = it.created.min(sp.start);
            } else {
                // Spread over the columns, within the WIP limits of Doing (3) and Review (2).
                // Every column from the first four cards on.
                let col = match in_active % 6 {
                    0 | 4 => 3,
                    1 => 1,
                    3 => 2,
                    _ => 0,
                };
                in_active += 1;
                let col = if col == 1 && list_count(&list, sp.id, "Doing") >= 3
                    || col == 2 && list_count(&list, sp.id, "Review") >= 2
                {
                    0
                } else {
                    col
                };
                it.status = columns[col].name.clone();
                let since = add(sp.start, rng.i64(0..12));
                it.status_since = since;
                it.updated = since;
                it.created = it.created.min(sp.start);
                if col == 3 {
                    it.done = Some(since);
                }
                if rng.u8(0..20) == 0 {
                    it.blocked = Some("Waiting on the payment provider's sandbox".to_string());
                }
            }
        }
        list.push(it);
    }

    // Sprint figures: commitment, velocity and a burndown that follows the done dates.
    for sp in &mut sprints {
        let mine: Vec<&Item> = list.iter().filter(|i| i.sprint == Some(sp.id)).collect();
        sprint_figures(sp, &mine);
    }

    // Timeline: phases in sequence, each followed by a milestone, the last one a release.
    let first_day = sprints.first().map_or(ANCHOR, |s| s.start);
    let span_days = ((add(ANCHOR, 120) - first_day).get_days().max(30)) as i64;
    let step = (span_days / n_entries as i64).max(2);
    let mut timeline = Vec::with_capacity(n_entries);
    for k in 0..n_entries {
        let id = EntryId(k as u32 + 1);
        let start = add(first_day, step * k as i64);
        let kind = if k == n_entries - 1 {
            EntryKind::Release
        } else if k % 3 == 2 {
            EntryKind::Milestone
        } else {
            EntryKind::Phase
        };
        let end = if kind.is_point() {
            start
        } else {
            add(start, step - 1)
        };
        let planned = if kind == EntryKind::Phase {
            rng.u64(20..200) * 1000
        } else {
            0
        };
        let elapsed = if ANCHOR > end {
            1.0
        } else if ANCHOR < start {
            0.0
        } else {
            0.5
        };
        let actual = (planned as f64 * elapsed * (0.7 + rng.f64() * 0.6)) as u64;
        timeline.push(TimelineEntry {
            id,
            name: format!(
                "{} {}",
                if kind == EntryKind::Phase {
                    "Build"
                } else {
                    "Ship"
                },
                pick(&mut rng, THINGS)
            ),
            kind,
            start,
            end,
            depends_on: if k > 0 {
                vec![EntryId(k as u32)]
            } else {
                vec![]
            },
            items: Vec::new(),
            owner: pick(&mut rng, PEOPLE).to_string(),
            planned_cost: planned,
            actual_cost: actual,
        });
    }
    // Dependencies must end before what depends on them starts: milestones sit a day after their phase.
    for k in 1..timeline.len() {
        let prev_end = timeline[k - 1].end;
        if timeline[k].start <= prev_end {
            let len = (timeline[k].end - timeline[k].start).get_days() as i64;
            timeline[k].start = add(prev_end, 1);
            timeline[k].end = add(timeline[k].start, len);
        }
    }
    let milestones: Vec<usize> = (0..timeline.len())
        .filter(|&k| timeline[k].kind.is_point())
        .collect();
    // Open work goes to a milestone still ahead, done work to one on or after its done day: a past
    // milestone is not late for work nobody could still do before it.
    for it in list.iter_mut().filter(|i| i.kind != ItemKind::Epic) {
        if rng.u8(0..4) == 0 {
            let from = it.done.unwrap_or(add(ANCHOR, 1));
            let ahead: Vec<usize> = milestones
                .iter()
                .copied()
                .filter(|&k| timeline[k].start >= from)
                .collect();
            if !ahead.is_empty() {
                let m = ahead[rng.usize(0..ahead.len())];
                it.milestone = Some(timeline[m].id);
                timeline[m].items.push(it.id);
            }
        }
    }

    let risks = (0..n_risks)
        .map(|k| Risk {
            id: RiskId(k as u32 + 1),
            title: format!(
                "{} {} slips",
                pick(&mut rng, THINGS),
                pick(&mut rng, CONTEXTS)
            ),
            probability: rng.u8(1..=5),
            impact: rng.u8(1..=5),
            owner: pick(&mut rng, PEOPLE).to_string(),
            mitigation: "Agree a fallback with the provider and test it in the pilot".to_string(),
            status: [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Closed][rng.usize(0..3)],
            raised: add(ANCHOR, -(rng.i64(1..200))),
            items: vec![ItemId(rng.u32(1..=items.max(1) as u32))]
                .into_iter()
                .filter(|_| items > 0)
                .collect(),
            entries: vec![EntryId(rng.u32(1..=n_entries as u32))],
        })
        .collect();

    let roles = [
        "CFO",
        "Head of Support",
        "Legal",
        "Marketing lead",
        "Pilot merchant",
        "CTO",
        "Ops",
    ];
    let n_notes = notes.unwrap_or((items / 20).max(n_people));
    let mut note_id = 0u32;
    let mut stakeholders: Vec<Stakeholder> = (0..n_people)
        .map(|k| Stakeholder {
            id: StakeholderId(k as u32 + 1),
            name: format!(
                "{} {}",
                pick(&mut rng, PEOPLE),
                ["Ito", "Novak", "Silva", "Okafor", "Berg"][k % 5]
            ),
            role: roles[k % roles.len()].to_string(),
            organisation: [
                "Finance",
                "Customer care",
                "Legal",
                "Marketing",
                "Acme Retail",
            ][k % 5]
                .to_string(),
            power: rng.u8(1..=5),
            interest: rng.u8(1..=5),
            cadence_days: [7, 14, 30][rng.usize(0..3)],
            last_update: Some(add(ANCHOR, -(rng.i64(0..45)))),
            contact: format!("person{}@example.com", k + 1),
            cares_about: format!("The {} and what it costs", pick(&mut rng, THINGS)),
            notes: Vec::new(),
        })
        .collect();
    for _ in 0..n_notes {
        note_id += 1;
        let s = rng.usize(0..n_people);
        let kind = NoteKind::ALL[rng.usize(0..4)];
        stakeholders[s].notes.push(Note {
            id: NoteId(note_id),
            date: add(ANCHOR, -(rng.i64(0..120))),
            kind,
            text: format!(
                "Talked about the {} {}.",
                pick(&mut rng, THINGS),
                pick(&mut rng, CONTEXTS)
            ),
            items: if items > 0 {
                vec![ItemId(rng.u32(1..=items as u32))]
            } else {
                vec![]
            },
            entries: vec![],
        });
    }
    for s in &mut stakeholders {
        s.notes.sort_by_key(|n| (n.date, n.id));
    }

    Board {
        version: SCHEMA_VERSION,
        project: crate::model::Project {
            name: "Checkout (generated)".to_string(),
            key: "GEN".to_string(),
            vision: "Paying should be the easiest part of shopping.".to_string(),
            goal: "Launch Checkout 2.0 to every market".to_string(),
            budget: timeline.iter().map(|e| e.planned_cost).sum::<u64>() * 11 / 10,
            currency: "EUR".to_string(),
            last_import: None,
        },
        columns,
        settings: Settings::default(),
        counters: Counters {
            item: items as u32 + 1,
            sprint: n_sprints as u32 + 1,
            entry: n_entries as u32 + 1,
            risk: n_risks as u32 + 1,
            stakeholder: n_people as u32 + 1,
            note: note_id + 1,
        },
        items: list.into_iter().map(std::sync::Arc::new).collect(),
        sprints,
        timeline,
        risks,
        stakeholders,
        conflicts: Vec::new(),
        views: Vec::new(),
        team: Vec::new(),
        team_sprints: Default::default(),
        sprint_scope: Vec::new(),
    }
}

/// A started sprint's commitment, burndown (following the done dates of `mine`, its items) and, once
/// closed, velocity; a planned sprint has none of them.
fn sprint_figures(sp: &mut Sprint, mine: &[&Item]) {
    if sp.state == SprintState::Planned {
        return;
    }
    let committed: u32 = mine.iter().map(|i| i.points_or_zero()).sum();
    sp.committed = Some(committed);
    let last = if sp.state == SprintState::Closed {
        sp.end
    } else {
        add(ANCHOR, -1)
    };
    sp.remaining.clear();
    let mut day = sp.start;
    while day <= last {
        let done: u32 = mine
            .iter()
            .filter(|i| i.done.is_some_and(|d| d <= day))
            .map(|i| i.points_or_zero())
            .sum();
        sp.remaining.insert(day, committed - done);
        day = add(day, 1);
    }
    if sp.state == SprintState::Closed {
        sp.completed = Some(
            mine.iter()
                .filter(|i| i.done.is_some())
                .map(|i| i.points_or_zero())
                .sum(),
        );
    }
}

fn list_count(list: &[Item], sprint: SprintId, column: &str) -> usize {
    list.iter()
        .rev()
        .take(400)
        .filter(|i| i.sprint == Some(sprint) && i.status == column)
        .count()
}

#[cfg(test)]
mod tests;
