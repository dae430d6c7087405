//! The Markdown status report a project manager pastes into an email or a wiki page.
//!
//! Pure: it reads a board and "today" and returns text, the same text for the same input. The
//! Markdown is plain enough to read as text: short paragraphs, bullet lists and GitHub-flavoured
//! tables whose columns are padded so they line up in a monospaced font. Free text that lands in a
//! table cell has its line breaks collapsed and its `|` escaped, so no title can break a table.

use crate::model::{
    Board, EntryId, EntryKind, Item, NoteKind, Sprint, SprintState, TimelineEntry,
    average_velocity, budget_totals, open_risks_by_exposure, recent_velocities, sprint_at_risk,
    stakeholders_due,
};
use jiff::civil::Date;
use std::cmp::Ordering;

/// Decisions and requests dated this many days before today, or later up to today, are listed.
pub const RECENT_DAYS: i64 = 30;

/// How many closed sprints velocity (and the milestone forecast) is averaged over.
pub const VELOCITY_SPRINTS: usize = 3;

/// How many not-done backlog items the report lists.
pub const TOP_ITEMS: usize = 10;

/// Table columns are padded to line up, but never wider than this: a long cell just makes its own
/// row longer instead of widening every row.
const PAD_CAP: usize = 40;

/// The stakeholder status report for `board` on `today`, as Markdown ending in a newline.
pub fn status_report(board: &Board, today: Date) -> String {
    let mut blocks = Vec::new();
    blocks.extend(title(board, today));
    blocks.extend(sprint_section(board, today));
    blocks.extend(milestones_section(board, today));
    blocks.extend(budget_section(board, today));
    blocks.extend(risks_section(board));
    blocks.extend(backlog_section(board));
    blocks.extend(decisions_section(board, today));
    blocks.extend(stakeholders_section(board, today));
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------------
// Sections. Each returns its blocks (heading, paragraphs, lists, tables); blocks are separated by
// one blank line.

fn title(board: &Board, today: Date) -> Vec<String> {
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

fn sprint_section(board: &Board, today: Date) -> Vec<String> {
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

fn milestones_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Milestones".to_string()];
    let mut timeline: Vec<&TimelineEntry> = board.timeline.iter().collect();
    timeline.sort_by_key(|e| (e.start, e.end, e.id));
    let pace = Pace::of(&board.sprints);

    let points_entries: Vec<&TimelineEntry> = timeline
        .iter()
        .copied()
        .filter(|e| e.kind.is_point())
        .collect();
    if points_entries.is_empty() {
        blocks.push("No milestones or releases on the timeline.".to_string());
    } else {
        let rows: Vec<Vec<String>> = points_entries
            .iter()
            .map(|e| milestone_row(board, e, today, pace.as_ref()))
            .collect();
        blocks.push(table(
            &[
                ("Date", Align::Left),
                ("Milestone", Align::Left),
                ("Kind", Align::Left),
                ("Progress", Align::Left),
                ("When", Align::Left),
                ("Flag", Align::Left),
            ],
            &rows,
        ));
        blocks.push(match &pace {
            Some(p) => format!(
                "Forecast pace: {:.1} points per {:.0}-day sprint ({:.1} a day), \
                 from the last {}.",
                p.velocity,
                p.sprint_days,
                p.per_day(),
                plural(p.sprints, "closed sprint")
            ),
            None => {
                "No sprint has closed yet, so there is no velocity to forecast with.".to_string()
            }
        });
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

fn milestone_row(
    board: &Board,
    e: &TimelineEntry,
    today: Date,
    pace: Option<&Pace>,
) -> Vec<String> {
    let linked: Vec<&Item> = e.items.iter().filter_map(|&id| board.item(id)).collect();
    let total: u32 = linked.iter().map(|i| i.points_or_zero()).sum();
    let done_items: Vec<&&Item> = linked.iter().filter(|i| board.is_done(i)).collect();
    let done: u32 = done_items.iter().map(|i| i.points_or_zero()).sum();
    let remaining = total - done;
    let open = linked.len() - done_items.len();
    let date = e.start;

    let mut flag = if linked.is_empty() {
        "no linked items".to_string()
    } else if open == 0 {
        "done".to_string()
    } else if date < today {
        "late".to_string()
    } else {
        match pace {
            None => "no velocity yet".to_string(),
            Some(p) => {
                let available = (date - today).get_days();
                let needed = p.days_for(remaining);
                let fits = match needed {
                    Some(n) => n <= f64::from(available),
                    None => false,
                };
                let verdict = if fits { "on track" } else { "at risk" };
                match needed {
                    Some(n) => format!("{verdict} (needs ~{})", days(n.ceil() as i32)),
                    None => format!("{verdict} (no velocity)"),
                }
            }
        }
    };
    if !e.broken_dependencies(&board.timeline).is_empty() {
        flag.push_str("; broken dependency");
    }

    vec![
        date.to_string(),
        e.name.clone(),
        e.kind.name().to_string(),
        format!(
            "{done}/{total} pts, {}/{} done",
            done_items.len(),
            plural(linked.len(), "item")
        ),
        relative(date, today),
        flag,
    ]
}

fn budget_section(board: &Board, today: Date) -> Vec<String> {
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
                    share(b.spent),
                    share(b.time_elapsed),
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
            share(b.spent),
            share(b.time_elapsed),
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

fn risks_section(board: &Board) -> Vec<String> {
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

fn backlog_section(board: &Board) -> Vec<String> {
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

fn decisions_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Decisions and requests".to_string()];
    let mut notes: Vec<_> = board
        .all_notes()
        .filter(|(_, n)| matches!(n.kind, NoteKind::Decision | NoteKind::Request))
        .filter(|(_, n)| (0..=RECENT_DAYS).contains(&i64::from((today - n.date).get_days())))
        .collect();
    notes.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.1.id.cmp(&a.1.id)));
    if notes.is_empty() {
        blocks.push(format!("None in the last {RECENT_DAYS} days."));
        return blocks;
    }
    let rows: Vec<Vec<String>> = notes
        .iter()
        .map(|(s, n)| {
            let keys: Vec<String> = n.items.iter().map(|&id| board.item_key(id)).collect();
            vec![
                n.date.to_string(),
                n.kind.name().to_string(),
                s.name.clone(),
                n.text.clone(),
                if keys.is_empty() {
                    "—".to_string()
                } else {
                    keys.join(", ")
                },
            ]
        })
        .collect();
    blocks.push(table(
        &[
            ("Date", Align::Left),
            ("Kind", Align::Left),
            ("Stakeholder", Align::Left),
            ("Note", Align::Left),
            ("Items", Align::Left),
        ],
        &rows,
    ));
    blocks
}

fn stakeholders_section(board: &Board, today: Date) -> Vec<String> {
    let mut blocks = vec!["## Stakeholders due for an update".to_string()];
    if board.stakeholders.is_empty() {
        blocks.push("No stakeholders on the board.".to_string());
        return blocks;
    }
    let due = stakeholders_due(&board.stakeholders, today);
    if due.is_empty() {
        blocks.push("Nobody is due for an update.".to_string());
        return blocks;
    }
    let rows: Vec<Vec<String>> = due
        .iter()
        .map(|&(s, overdue)| {
            vec![
                s.name.clone(),
                or_dash(&s.role),
                s.quadrant().name().to_string(),
                if overdue == 0 {
                    "due today".to_string()
                } else {
                    format!("{} overdue", days(overdue))
                },
                s.last_update
                    .map_or_else(|| "never".to_string(), |d| d.to_string()),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            ("Stakeholder", Align::Left),
            ("Role", Align::Left),
            ("Quadrant", Align::Left),
            ("Overdue", Align::Left),
            ("Last update", Align::Left),
        ],
        &rows,
    ));
    blocks
}

// ---------------------------------------------------------------------------------------------
// Schedule arithmetic.

/// "5 days left", "last day", "starts in 2 days", "ended 1 day ago".
fn sprint_when(s: &Sprint, today: Date) -> String {
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
fn velocity_text(sprints: &[Sprint]) -> Option<String> {
    let v = recent_velocities(sprints, VELOCITY_SPRINTS);
    let avg = average_velocity(sprints, VELOCITY_SPRINTS)?;
    let list: Vec<String> = v.iter().map(u32::to_string).collect();
    Some(format!(
        "Velocity of the last {}: {} (average {avg:.1})",
        plural(v.len(), "closed sprint"),
        list.join(", ")
    ))
}

/// How fast the team burns points, from the same closed sprints as the velocity.
struct Pace {
    /// Average completed points per sprint.
    velocity: f64,
    /// Average sprint length in days.
    sprint_days: f64,
    /// How many closed sprints the averages cover.
    sprints: usize,
}

impl Pace {
    fn of(sprints: &[Sprint]) -> Option<Pace> {
        let velocity = average_velocity(sprints, VELOCITY_SPRINTS)?;
        // The same selection as `recent_velocities`: closed sprints by end date, the latest n.
        let mut closed: Vec<&Sprint> = sprints
            .iter()
            .filter(|s| s.state == SprintState::Closed)
            .collect();
        closed.sort_by_key(|s| s.end);
        let recent: Vec<&Sprint> = closed
            .iter()
            .rev()
            .take(VELOCITY_SPRINTS)
            .copied()
            .collect();
        if recent.is_empty() {
            return None;
        }
        let total_days: i32 = recent.iter().map(|s| s.length_days().max(1)).sum();
        Some(Pace {
            velocity,
            sprint_days: f64::from(total_days) / recent.len() as f64,
            sprints: recent.len(),
        })
    }

    fn per_day(&self) -> f64 {
        self.velocity / self.sprint_days
    }

    /// Days needed to burn `points`; `None` when there are points and no velocity to burn them.
    fn days_for(&self, points: u32) -> Option<f64> {
        if points == 0 {
            return Some(0.0);
        }
        let rate = self.per_day();
        (rate > 0.0).then(|| f64::from(points) / rate)
    }
}

// ---------------------------------------------------------------------------------------------
// Formatting.

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// A GitHub-flavoured Markdown table with columns padded to line up (up to `PAD_CAP`).
fn table(headers: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, (h, _))| {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
                .min(PAD_CAP);
            widest.max(width(h)).max(3)
        })
        .collect();
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let pad = |text: &str, i: usize| {
        let (w, align) = (widths[i], headers[i].1);
        let fill = " ".repeat(w.saturating_sub(width(text)));
        match align {
            Align::Left => format!("{text}{fill}"),
            Align::Right => format!("{fill}{text}"),
        }
    };
    let mut out = vec![line(
        headers
            .iter()
            .enumerate()
            .map(|(i, (h, _))| pad(h, i))
            .collect(),
    )];
    out.push(line(
        headers
            .iter()
            .enumerate()
            .map(|(i, (_, align))| match align {
                Align::Left => "-".repeat(widths[i]),
                Align::Right => format!("{}:", "-".repeat(widths[i] - 1)),
            })
            .collect(),
    ));
    for r in &rows {
        out.push(line(
            (0..headers.len())
                .map(|i| pad(r.get(i).map_or("", String::as_str), i))
                .collect(),
        ));
    }
    out.join("\n")
}

/// Text for a table cell: line breaks collapsed to spaces, `|` escaped.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// Text for one line of prose: line breaks collapsed to single spaces, ends trimmed.
fn inline(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

fn overspending(over: bool) -> String {
    if over { "overspending" } else { "" }.to_string()
}

/// `part / whole` as a whole percentage, rounded half up; `None` when `whole` is zero.
fn percent(part: u64, whole: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u128::from(part), u128::from(whole));
    u64::try_from((part * 200 + whole) / (whole * 2)).ok()
}

/// A 0.0–1.0 (or more) share as a percentage; "n/a" when it is not finite.
fn share(x: f64) -> String {
    if x.is_finite() {
        format!("{}%", (x * 100.0).round() as i64)
    } else {
        "n/a".to_string()
    }
}

/// `EUR 120,000`.
fn money(currency: &str, amount: u64) -> String {
    if currency.is_empty() {
        thousands(amount)
    } else {
        format!("{currency} {}", thousands(amount))
    }
}

/// `1234567` → `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn days(n: i32) -> String {
    plural(n.unsigned_abs() as usize, "day")
}

fn points(n: u32) -> String {
    if n == 1 {
        "1 point".to_string()
    } else {
        format!("{n} points")
    }
}

/// "in 5 days", "today", "3 days ago".
fn relative(date: Date, today: Date) -> String {
    let d = (date - today).get_days();
    match d.cmp(&0) {
        Ordering::Greater => format!("in {}", days(d)),
        Ordering::Equal => "today".to_string(),
        Ordering::Less => format!("{} ago", days(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

        // 17 points per 14 days ≈ 1.21 a day: 26 points need 22 days, 12 left.
        let ga = row_containing(m, "| GA ");
        assert!(ga.contains("in 12 days"), "{ga}");
        assert!(
            ga.contains("at risk (needs ~22 days); broken dependency"),
            "{ga}"
        );

        // 24 points need 20 days, 26 left.
        let beta = row_containing(m, "Beta");
        assert!(beta.contains("on track (needs ~20 days)"), "{beta}");

        assert!(
            m.contains(
                "- GA (release, 2026-04-01) depends on Build (phase), which ends 2026-05-31."
            ),
            "{m}"
        );
        assert!(m.contains("Forecast pace: 17.0 points per 14-day sprint (1.2 a day)"));
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
        assert!(r.contains("No stakeholders on the board.\n"), "{r}");
        assert!(r.ends_with(".\n"));
        assert!(!r.contains('|'), "no empty tables: {r}");
    }
}
