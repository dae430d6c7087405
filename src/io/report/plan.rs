//! The report's sections about the work: the sprint, milestones and their forecast, the budget, the
//! risks and the top of the backlog.

use super::markdown::*;
use super::{TOP_ITEMS, VELOCITY_SPRINTS};
use crate::model::forecast::{ENOUGH_SPRINTS, Forecast, RUNS, forecast, progress};
use crate::model::{
    Board, Burn, EntryId, EntryKind, Item, Sprint, SprintState, TimelineEntry, average_velocity,
    budget_totals, open_risks_by_exposure, recent_velocities, sprint_at_risk,
};
use jiff::civil::Date;
use std::cmp::Ordering;

pub(super) fn title(board: &Board, today: Date) -> Vec<String> {
    let p = &board.project;
    let mut blocks = vec![format!("# {} — status report {today}", inline(&p.name))];
    if !p.vision.trim().is_empty() {
        blocks.push(format!("Vision: {}", inline(&p.vision)));
    }
    if !p.goal.trim().is_empty() {
        blocks.push(format!("Current goal: {}", inline(&p.goal)));
    }
    blocks
}

pub(super) fn sprint_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Sprint".to_string()];
    let velocity = velocity_text(&board.sprints);
    let Some(s) = board.active_sprint() else {
        blocks.push("No active sprint.".to_string());
        if let Some(v) = velocity {
            blocks.push(format!("{v}."));
        }
        return blocks;
    };

    let mut intro = format!(
        "{}: {} to {}, {}.",
        inline(&s.name),
        s.start,
        s.end,
        sprint_when(s, today)
    );
    if !s.goal.trim().is_empty() {
        intro.push_str(&format!("\nGoal: {}", inline(&s.goal)));
    }
    blocks.push(intro);

    let scope = board.sprint_points(s.id);
    let committed = s.committed.unwrap_or(scope);
    let done = board.done_points(s.id);
    let remaining = board.remaining_points(s.id);
    let length = s.length_days().max(1);
    let elapsed = ((today - s.start).get_days() + 1).clamp(0, length);

    let mut list = Vec::new();
    let mut line = format!("- Committed: {}", points(committed));
    if scope != committed {
        let change = i64::from(scope) - i64::from(committed);
        line.push_str(&format!(" (scope now {scope}, {change:+} since the start)"));
    }
    list.push(line);
    list.push(match percent(u64::from(done), u64::from(committed)) {
        Some(p) => format!("- Done: {} ({p}% of the commitment)", points(done)),
        None => format!("- Done: {}", points(done)),
    });
    list.push(format!("- Remaining: {}", points(remaining)));
    list.push(format!(
        "- Time elapsed: {elapsed} of {} ({}%)",
        days(length),
        percent(elapsed as u64, length as u64).unwrap_or(0)
    ));
    let ideal = f64::from(committed) * f64::from(length - elapsed) / f64::from(length);
    let verdict = if sprint_at_risk(committed, remaining, elapsed, length) {
        "at risk"
    } else {
        "on track"
    };
    list.push(format!(
        "- Verdict: {verdict} ({remaining} remaining, ideal by now {ideal:.1})"
    ));
    list.push(match velocity {
        Some(v) => format!("- {v}"),
        None => "- Velocity: no closed sprint yet".to_string(),
    });
    blocks.push(list.join("\n"));
    blocks
}

pub(super) fn milestones_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Milestones".to_string()];
    let mut timeline: Vec<&TimelineEntry> = board.timeline.iter().collect();
    timeline.sort_by_key(|e| (e.start, e.end, e.id));

    let points_entries: Vec<&TimelineEntry> = timeline
        .iter()
        .copied()
        .filter(|e| e.kind.is_point())
        .collect();
    if points_entries.is_empty() {
        blocks.push("No milestones or releases on the timeline.".to_string());
    } else {
        let forecasts: Vec<Forecast> = points_entries
            .iter()
            .map(|e| forecast(board, e, today))
            .collect();
        let rows: Vec<Vec<String>> = points_entries
            .iter()
            .zip(&forecasts)
            .map(|(e, f)| milestone_row(board, e, f, today))
            .collect();
        blocks.push(table(
            &[
                ("Date", Align::Left),
                ("Milestone", Align::Left),
                ("Kind", Align::Left),
                ("Progress", Align::Left),
                ("When", Align::Left),
                ("Forecast", Align::Left),
                ("Flag", Align::Left),
            ],
            &rows,
        ));
        let history = forecasts
            .iter()
            .filter_map(|f| match f {
                Forecast::Dates { sprints, .. } | Forecast::Beyond { sprints, .. } => {
                    Some(*sprints)
                }
                _ => None,
            })
            .max();
        blocks.push(match history {
            Some(n) => {
                let rough = if n < ENOUGH_SPRINTS {
                    " With so few sprints behind it, treat it as a rough guess."
                } else {
                    ""
                };
                format!(
                    "Forecast: the open points of each milestone, and of the milestones before it, \
                     burned at the velocities of the last {} drawn at random, {RUNS} times; half of those futures finish by the 50% \
                     date, 85% of them by the 85% date. At risk: the 85% date is after the \
                     milestone.{rough}",
                    plural(n, "closed sprint")
                )
            }
            None if board.sprints.iter().any(|s| s.state == SprintState::Closed) => {
                "No open work linked to a milestone needs a forecast.".to_string()
            }
            None => {
                "No sprint has closed yet, so there is no velocity to forecast with.".to_string()
            }
        });
    }

    // Work a milestone's forecast cannot promise: its items that wait on open work.
    let waits = crate::model::rules::open_waits(board);
    if !waits.is_empty() {
        let work = crate::model::forecast::Work::of(board);
        let lines: Vec<String> = points_entries
            .iter()
            .filter_map(|e| {
                let waiting = crate::model::rules::waiting_in(&work.expand(&e.items), &waits);
                (!waiting.is_empty()).then(|| {
                    format!(
                        "- {}: {}.",
                        inline(&e.name),
                        crate::model::rules::describe_waiting(board, &waiting)
                    )
                })
            })
            .collect();
        if !lines.is_empty() {
            blocks.push(format!(
                "Blocked by open work (the forecast assumes it moves):\n{}",
                lines.join("\n")
            ));
        }
    }

    let mut broken = Vec::new();
    for e in &timeline {
        for d in e.broken_dependencies(&board.timeline) {
            broken.push(format!(
                "- {} ({}, {}) depends on {} ({}), which ends {}.",
                inline(&e.name),
                e.kind.name(),
                e.start,
                inline(&d.name),
                d.kind.name(),
                d.end
            ));
        }
    }
    if !broken.is_empty() {
        blocks.push(format!(
            "Broken dependencies (a dependency ends on or after the start of what needs it):\n{}",
            broken.join("\n")
        ));
    }
    blocks
}

pub(super) fn milestone_row(
    board: &Board,
    e: &TimelineEntry,
    f: &Forecast,
    today: Date,
) -> Vec<String> {
    let p = progress(board, e);
    let date = e.start;
    let mut flag = if p.items == 0 {
        "no linked items".to_string()
    } else if p.open_items == 0 {
        "done".to_string()
    } else if date < today {
        "late".to_string()
    } else if *f == Forecast::NoVelocity {
        "no velocity yet".to_string()
    } else if f.is_late_for(date) {
        "at risk".to_string()
    } else {
        "on track".to_string()
    };
    if !e.broken_dependencies(&board.timeline).is_empty() {
        flag.push_str("; broken dependency");
    }
    let dates = match f {
        Forecast::Dates { p50, p85, .. } if p50 == p85 => format!("{p50} (50% and 85%)"),
        Forecast::Dates { p50, p85, .. } => format!("50% {p50}, 85% {p85}"),
        Forecast::Beyond { .. } => "beyond a year".to_string(),
        _ => "—".to_string(),
    };
    vec![
        date.to_string(),
        e.name.clone(),
        e.kind.name().to_string(),
        format!(
            "{}/{} pts, {}/{} done",
            p.done,
            p.total,
            p.items - p.open_items,
            plural(p.items, "item")
        ),
        relative(date, today),
        dates,
        flag,
    ]
}

pub(super) fn budget_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Budget".to_string()];
    let currency = board.project.currency.trim();
    let money = |n: u64| money(currency, n);

    // Phases, plus any milestone or release that carries a cost, so the total is the whole timeline's.
    let mut entries: Vec<&TimelineEntry> = board
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::Phase || e.planned_cost > 0 || e.actual_cost > 0)
        .collect();
    entries.sort_by_key(|e| (e.start, e.end, e.id));
    let (planned, actual) = budget_totals(&board.timeline);

    if entries.is_empty() {
        blocks.push("No phases on the timeline.".to_string());
    } else {
        let mut rows: Vec<Vec<String>> = entries
            .iter()
            .map(|e| {
                let b = e.burn(today);
                let name = if e.kind == EntryKind::Phase {
                    e.name.clone()
                } else {
                    format!("{} ({})", e.name, e.kind.name())
                };
                vec![
                    name,
                    money(b.planned),
                    money(b.actual),
                    spent_share(&b),
                    format!("{}%", b.time_percent()),
                    overspending(b.is_overspending()),
                ]
            })
            .collect();
        // The total burns like one entry spanning all of them.
        let span = TimelineEntry {
            id: EntryId(0),
            name: String::new(),
            kind: EntryKind::Phase,
            start: entries.iter().map(|e| e.start).min().unwrap_or(today),
            end: entries.iter().map(|e| e.end).max().unwrap_or(today),
            depends_on: Vec::new(),
            items: Vec::new(),
            owner: String::new(),
            planned_cost: planned,
            actual_cost: actual,
        };
        let b = span.burn(today);
        rows.push(vec![
            "Total".to_string(),
            money(planned),
            money(actual),
            spent_share(&b),
            format!("{}%", b.time_percent()),
            overspending(b.is_overspending()),
        ]);
        blocks.push(table(
            &[
                ("Phase", Align::Left),
                ("Planned", Align::Right),
                ("Actual", Align::Right),
                ("Spent", Align::Right),
                ("Time elapsed", Align::Right),
                ("Flag", Align::Left),
            ],
            &rows,
        ));
    }

    let budget = board.project.budget;
    if budget == 0 {
        blocks.push(format!(
            "No project budget set; the timeline plans {} and {} is spent.",
            money(planned),
            money(actual)
        ));
    } else {
        let pct = |n: u64| percent(n, budget).unwrap_or(0);
        let allocation = match planned.cmp(&budget) {
            Ordering::Less => format!("{} not yet allocated", money(budget - planned)),
            Ordering::Equal => "fully allocated".to_string(),
            Ordering::Greater => format!("{} over the budget", money(planned - budget)),
        };
        blocks.push(
            [
                format!("- Project budget: {}", money(budget)),
                format!(
                    "- Planned: {} ({}% of the budget; {allocation})",
                    money(planned),
                    pct(planned)
                ),
                format!(
                    "- Spent to date: {} ({}% of the budget)",
                    money(actual),
                    pct(actual)
                ),
            ]
            .join("\n"),
        );
    }
    blocks
}

/// The share of the planned cost spent, by the model's one rounding rule; "n/a" when nothing was
/// planned.
fn spent_share(b: &Burn) -> String {
    b.spent_percent()
        .map_or_else(|| "n/a".to_string(), |p| format!("{p}%"))
}

pub(super) fn risks_section(board: &Board) -> Vec<String> {
    let mut blocks = vec!["## Risks".to_string()];
    let open = open_risks_by_exposure(&board.risks);
    if open.is_empty() {
        blocks.push("No open risks.".to_string());
        return blocks;
    }
    let rows: Vec<Vec<String>> = open
        .iter()
        .map(|r| {
            let exposure = if r.is_high() {
                format!("{} high", r.exposure())
            } else {
                r.exposure().to_string()
            };
            vec![
                exposure,
                r.title.clone(),
                format!("{}×{}", r.probability, r.impact),
                or_dash(&r.owner),
                r.status.name().to_string(),
                or_dash(&r.mitigation),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            ("Exposure", Align::Right),
            ("Risk", Align::Left),
            ("P×I", Align::Left),
            ("Owner", Align::Left),
            ("Status", Align::Left),
            ("Mitigation", Align::Left),
        ],
        &rows,
    ));
    blocks
}

pub(super) fn backlog_section(board: &Board) -> Vec<String> {
    let mut blocks = vec![format!("## Backlog — top {TOP_ITEMS}")];
    let open: Vec<(usize, &Item)> = board
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| !board.is_done(i))
        .map(|(n, i)| (n, &**i))
        .collect();
    if open.is_empty() {
        blocks.push("No open items in the backlog.".to_string());
        return blocks;
    }
    let scoring = board.settings.scoring;
    let rows: Vec<Vec<String>> = open
        .iter()
        .take(TOP_ITEMS)
        .map(|&(rank, i)| {
            vec![
                (rank + 1).to_string(),
                board.item_key(i.id),
                i.kind.name().to_string(),
                i.title.clone(),
                i.points.map_or_else(|| "—".to_string(), |p| p.to_string()),
                i.moscow
                    .map_or_else(|| "—".to_string(), |m| m.name().to_string()),
                i.score(scoring)
                    .map_or_else(|| "—".to_string(), |s| format!("{s:.1}")),
            ]
        })
        .collect();
    let score = scoring.name();
    blocks.push(table(
        &[
            ("Rank", Align::Right),
            ("Key", Align::Left),
            ("Kind", Align::Left),
            ("Title", Align::Left),
            ("Points", Align::Right),
            ("MoSCoW", Align::Left),
            (score, Align::Right),
        ],
        &rows,
    ));
    if open.len() > TOP_ITEMS {
        blocks.push(format!(
            "Showing {TOP_ITEMS} of {} open items, in rank order.",
            open.len()
        ));
    }
    blocks
}

// ---------------------------------------------------------------------------------------------
// Schedule arithmetic.

/// "5 days left", "last day", "starts in 2 days", "ended 1 day ago".
pub(super) fn sprint_when(s: &Sprint, today: Date) -> String {
    if today < s.start {
        format!("starts in {}", days((s.start - today).get_days()))
    } else if today > s.end {
        format!(
            "ended {} ago and is not closed yet",
            days((today - s.end).get_days())
        )
    } else {
        match (s.end - today).get_days() {
            0 => "last day".to_string(),
            n => format!("{} left", days(n)),
        }
    }
}

/// "Velocity of the last 3 closed sprints: 12, 18, 21 (average 17.0)", `None` before any closed.
pub(super) fn velocity_text(sprints: &[Sprint]) -> Option<String> {
    let v = recent_velocities(sprints, VELOCITY_SPRINTS);
    let avg = average_velocity(sprints, VELOCITY_SPRINTS)?;
    let list: Vec<String> = v.iter().map(u32::to_string).collect();
    Some(format!(
        "Velocity of the last {}: {} (average {avg:.1})",
        plural(v.len(), "closed sprint"),
        list.join(", ")
    ))
}
