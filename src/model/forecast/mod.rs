//! When will the work linked to a milestone be done? Resample the velocities of closed sprints into a few
//! thousand possible futures and read the 50% and 85% completion dates off them (a Monte Carlo forecast,
//! as in "#NoEstimates"-style throughput forecasting). Deterministic: one fixed seed, so the same work
//! always gets the same answer, on screen and in the report.

use super::{Board, EntryId, ItemId, ItemKind, SprintState, TimelineEntry, recent_velocities};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Futures simulated per forecast.
pub const RUNS: usize = 2000;
/// The seed of every forecast.
pub const SEED: u64 = 0x00ca_1e4d;
/// Closed sprints looked at (the most recent ones).
pub const HISTORY: usize = 10;
/// Fewer closed sprints than this and the forecast is labelled a rough guess.
pub const ENOUGH_SPRINTS: usize = 3;
/// A future needing more sprints than this is "not within a year or so" rather than a date.
const HORIZON: u32 = 52;

/// The work linked to an entry, in points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub items: usize,
    pub open_items: usize,
}

impl Progress {
    pub fn remaining(&self) -> u32 {
        self.total - self.done
    }

    /// Done points over linked points, 0–100; `None` without linked points.
    pub fn percent(&self) -> Option<u32> {
        (self.total > 0).then(|| self.done * 100 / self.total)
    }
}

/// What the items linked to a timeline entry stand for: an epic stands for its children (the items
/// whose `parent` is the epic, and an epic among them for its own), anything else for itself. An epic
/// with no children stands for itself. The one rule behind every count of a timeline entry's work:
/// the gantt's bars, the details, the forecasts and the report.
#[derive(Clone, Debug, Default)]
pub struct Work {
    /// By item id (dense): an epic's first child and each child's next sibling, `NONE` for none.
    first: Vec<u32>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Work {
    /// The epics' children on `board`, in board order; one pass, no hashing.
    pub fn of(board: &Board) -> Work {
        let top = board.item_id_bound();
        let mut epic = vec![false; top];
        for i in board.items.iter().filter(|i| i.kind == ItemKind::Epic) {
            epic[i.id.0 as usize] = true;
        }
        let mut w = Work {
            first: vec![NONE; top],
            next: vec![NONE; top],
        };
        for i in board.items.iter().rev() {
            if let Some(p) = i.parent
                && epic.get(p.0 as usize).copied().unwrap_or(false)
                && p != i.id
            {
                w.next[i.id.0 as usize] = w.first[p.0 as usize];
                w.first[p.0 as usize] = i.id.0;
            }
        }
        w
    }

    /// What `expand` depends on, as numbers (for a fingerprint of the board's epics).
    pub fn layout(&self) -> impl Iterator<Item = u64> + '_ {
        self.first.iter().chain(&self.next).map(|&v| u64::from(v))
    }

    fn children(&self, id: ItemId) -> impl Iterator<Item = ItemId> + '_ {
        let mut at = self.first.get(id.0 as usize).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (at != NONE).then(|| {
                let here = at;
                at = self.next[here as usize];
                ItemId(here)
            })
        })
    }

    /// The items `linked` stands for, in order, without the check that each comes once (cheaper,
    /// for callers that count each item once themselves, as `points_ahead` does). A parent loop
    /// written by hand into a file ends at a depth no real board has.
    pub fn expand_unchecked(&self, linked: &[ItemId]) -> Vec<ItemId> {
        const DEPTH: u8 = 16;
        let mut out = Vec::with_capacity(linked.len());
        let mut stack: Vec<(ItemId, u8)> = linked.iter().rev().map(|&i| (i, 0)).collect();
        while let Some((id, depth)) = stack.pop() {
            let before = stack.len();
            if depth < DEPTH {
                stack.extend(self.children(id).map(|c| (c, depth + 1)));
            }
            if stack.len() == before {
                out.push(id);
            } else {
                stack[before..].reverse();
            }
        }
        out
    }

    /// The items `linked` stands for, each once, in order (epics replaced by their children).
    pub fn expand(&self, linked: &[ItemId]) -> Vec<ItemId> {
        let mut out = Vec::with_capacity(linked.len());
        let mut seen = HashSet::new();
        let mut stack: Vec<ItemId> = linked.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            let before = stack.len();
            stack.extend(self.children(id));
            if stack.len() == before {
                out.push(id);
            } else {
                stack[before..].reverse();
            }
        }
        out
    }
}

/// Done and total points of `work` (what an entry's links stand for, see [`Work`]), with `lookup`
/// giving an item's points and whether it is done (`None` for an id not on the board).
pub fn progress_with(work: &[ItemId], lookup: impl Fn(ItemId) -> Option<(u32, bool)>) -> Progress {
    let mut p = Progress::default();
    for (points, done) in work.iter().filter_map(|&id| lookup(id)) {
        p.total += points;
        p.items += 1;
        if done {
            p.done += points;
        } else {
            p.open_items += 1;
        }
    }
    p
}

/// Done and total points of the work linked to `entry` (an epic's through its children).
pub fn progress(board: &Board, entry: &TimelineEntry) -> Progress {
    let work = Work::of(board).expand(&entry.items);
    progress_with(&work, |id| {
        board
            .item(id)
            .map(|i| (i.points_or_zero(), board.is_done(i)))
    })
}

/// What the forecast says for one milestone or release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Forecast {
    /// Every linked item is done.
    Done,
    /// No items linked, so nothing to forecast.
    NoWork,
    /// No sprint has closed (or none finished anything): no velocity to forecast with.
    NoVelocity,
    /// Likely completion dates.
    Dates {
        p50: Date,
        p85: Date,
        remaining: u32,
        /// Closed sprints the velocities came from.
        sprints: usize,
    },
    /// Even the 85% future needs more than a year of sprints.
    Beyond { remaining: u32, sprints: usize },
}

impl Forecast {
    /// Fewer than `ENOUGH_SPRINTS` closed sprints behind the dates.
    pub fn is_rough(&self) -> bool {
        match self {
            Forecast::Dates { sprints, .. } | Forecast::Beyond { sprints, .. } => {
                *sprints < ENOUGH_SPRINTS
            }
            _ => false,
        }
    }

    /// The 85% date falls after `due` (or there is no date at all for open work).
    pub fn is_late_for(&self, due: Date) -> bool {
        match self {
            Forecast::Dates { p85, .. } => *p85 > due,
            Forecast::Beyond { .. } => true,
            _ => false,
        }
    }

    /// One line for a table or the details: "50% Dec 12 · 85% Jan 9 (3 sprints of history)".
    pub fn describe(&self) -> String {
        match self {
            Forecast::Done => "done".into(),
            Forecast::NoWork => "no linked items".into(),
            Forecast::NoVelocity => "no closed sprint yet: no velocity to forecast with".into(),
            Forecast::Dates { p50, p85, .. } => {
                let rough = if self.is_rough() {
                    " (rough: under 3 closed sprints)"
                } else {
                    ""
                };
                format!("50% {p50} · 85% {p85}{rough}")
            }
            Forecast::Beyond { .. } => "not within a year at the current velocity".into(),
        }
    }
}

/// How the futures are laid out in time: the end of the first future sprint, and the sprint length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cadence {
    pub first_end: Date,
    pub days: i32,
    /// Share of a sprint's work the first future sprint still has room for: the days left of the
    /// active sprint over its length (1 without an active sprint).
    pub first_share: f64,
}

impl Cadence {
    /// Futures start with the active sprint (its end is the first date work can land), else a sprint
    /// from today; the length is the last sprint's, 14 days without one.
    pub fn of(board: &Board, today: Date) -> Cadence {
        let last = board
            .sprints
            .iter()
            .filter(|s| s.state != SprintState::Planned)
            .max_by_key(|s| (s.start, s.id));
        let days = last.map_or(14, |s| s.length_days().max(1));
        let (first_end, first_share) = match board.active_sprint() {
            Some(s) if s.end >= today => {
                let left = (s.end - today).get_days() + 1;
                (
                    s.end,
                    f64::from(left.min(s.length_days())) / f64::from(s.length_days().max(1)),
                )
            }
            _ => (add_days(today, i64::from(days) - 1), 1.0),
        };
        Cadence {
            first_end,
            days,
            first_share,
        }
    }

    /// The last day of the `n`th future sprint (1-based).
    pub fn end_of(&self, n: u32) -> Date {
        // In i64: a sprint thousands of years long times the horizon does not overflow.
        add_days(
            self.first_end,
            i64::from(n.max(1) - 1) * i64::from(self.days),
        )
    }
}

/// `d` moved by `n` days, the calendar's last day past its end (never a panic).
fn add_days(d: Date, n: i64) -> Date {
    super::value::add_days(d, n).unwrap_or(Date::MAX)
}

/// Sprints needed in each of `runs` futures to burn `remaining` points, drawing each sprint's velocity
/// at random (with replacement) from `velocities`; the first sprint only gets `first_share` of its
/// draw (the active sprint is partly over). Sorted ascending; capped at `HORIZON + 1`.
pub fn simulate(
    remaining: u32,
    velocities: &[u32],
    first_share: f64,
    runs: usize,
    seed: u64,
) -> Vec<u32> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out: Vec<u32> = (0..runs)
        .map(|_| {
            let mut left = f64::from(remaining);
            let mut n = 0;
            while left > 0.0 && n <= HORIZON {
                let share = if n == 0 { first_share } else { 1.0 };
                left -= f64::from(velocities[rng.usize(0..velocities.len())]) * share;
                n += 1;
            }
            n
        })
        .collect();
    out.sort_unstable();
    out
}

/// The value at a percentile (0–100) of sorted samples: the smallest one that at least `pct`% of the
/// samples do not exceed.
pub fn percentile(sorted: &[u32], pct: usize) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (sorted.len() * pct).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

/// For each milestone and release, the open points the team must finish before its own work is done:
/// its items' and those of every milestone or release dated before it (by date, then id), as the team
/// gets to those first. An item linked to several counts once, at the first. `work` gives what an
/// entry's links stand for (see [`Work`]); `lookup` an item's points and whether it is done.
pub fn points_ahead(
    entries: &[TimelineEntry],
    work: impl Fn(&TimelineEntry) -> Vec<ItemId>,
    lookup: impl Fn(ItemId) -> Option<(u32, bool)>,
) -> HashMap<EntryId, u32> {
    let mut points: Vec<(&TimelineEntry, Vec<ItemId>)> = entries
        .iter()
        .filter(|e| e.kind.is_point())
        .map(|e| (e, work(e)))
        .collect();
    points.sort_by_key(|(e, _)| (e.start, e.id));
    // Ids are dense, so "counted already" is a bit per id rather than a hash set.
    let top = points
        .iter()
        .flat_map(|(_, w)| w.iter())
        .map(|i| i.0 as usize + 1)
        .max()
        .unwrap_or(0);
    let mut counted = vec![false; top];
    let mut running = 0;
    let mut out = HashMap::with_capacity(points.len());
    for (e, items) in points {
        for &id in &items {
            if let Some((p, false)) = lookup(id)
                && !std::mem::replace(&mut counted[id.0 as usize], true)
            {
                running += p;
            }
        }
        out.insert(e.id, running);
    }
    out
}

/// The forecast for the work linked to `entry` (and the milestones before it).
pub fn forecast(board: &Board, entry: &TimelineEntry, today: Date) -> Forecast {
    let work = Work::of(board);
    let wanted: HashSet<ItemId> = board
        .timeline
        .iter()
        .filter(|e| e.kind.is_point() || e.id == entry.id)
        .flat_map(|e| work.expand(&e.items))
        .collect();
    let items = points_and_done(board, &wanted);
    let lookup = |id: ItemId| items.get(&id).copied();
    let ahead = points_ahead(&board.timeline, |e| work.expand_unchecked(&e.items), lookup);
    let p = progress_with(&work.expand(&entry.items), lookup);
    let remaining = ahead.get(&entry.id).copied().unwrap_or(p.remaining());
    let velocities = recent_velocities(&board.sprints, HISTORY);
    forecast_points(p, remaining, &velocities, Cadence::of(board, today), SEED)
}

/// Points and done-ness of the `wanted` items, for `points_ahead` and `progress_with` to look up.
fn points_and_done(board: &Board, wanted: &HashSet<ItemId>) -> HashMap<ItemId, (u32, bool)> {
    board
        .items
        .iter()
        .filter(|i| wanted.contains(&i.id))
        .map(|i| (i.id, (i.points_or_zero(), board.is_done(i))))
        .collect()
}

/// The forecast of every milestone and release at once (what the timeline shows on its rows), each
/// equal to `forecast` for that entry: the board is read once, and futures needing the same number
/// of points are simulated once.
pub fn forecasts(board: &Board, today: Date) -> HashMap<EntryId, Forecast> {
    let points: Vec<&TimelineEntry> = board
        .timeline
        .iter()
        .filter(|e| e.kind.is_point())
        .collect();
    let work = Work::of(board);
    let wanted: HashSet<ItemId> = points.iter().flat_map(|e| work.expand(&e.items)).collect();
    let items = points_and_done(board, &wanted);
    let lookup = |id: ItemId| items.get(&id).copied();
    let ahead = points_ahead(&board.timeline, |e| work.expand_unchecked(&e.items), lookup);
    let velocities = recent_velocities(&board.sprints, HISTORY);
    let cadence = Cadence::of(board, today);
    let mut needed: HashMap<u32, (u32, u32)> = HashMap::new();
    points
        .into_iter()
        .map(|e| {
            let p = progress_with(&work.expand(&e.items), lookup);
            let remaining = ahead.get(&e.id).copied().unwrap_or(p.remaining());
            let f = forecast_with(p, remaining, &velocities, cadence, |r| {
                *needed
                    .entry(r)
                    .or_insert_with(|| sprints_needed(r, &velocities, cadence.first_share, SEED))
            });
            (e.id, f)
        })
        .collect()
}

/// Sprints needed by half and by 85% of the futures.
pub fn sprints_needed(
    remaining: u32,
    velocities: &[u32],
    first_share: f64,
    seed: u64,
) -> (u32, u32) {
    let runs = simulate(remaining, velocities, first_share, RUNS, seed);
    (percentile(&runs, 50), percentile(&runs, 85))
}

/// The forecast from its inputs (what `forecast` reads off the board): the entry's own progress says
/// whether there is work at all; `remaining` is what must be burned before it is done.
pub fn forecast_points(
    progress: Progress,
    remaining: u32,
    velocities: &[u32],
    cadence: Cadence,
    seed: u64,
) -> Forecast {
    forecast_with(progress, remaining, velocities, cadence, |r| {
        sprints_needed(r, velocities, cadence.first_share, seed)
    })
}

/// `forecast_points` with the simulation given as `needed` (remaining points → the 50% and 85%
/// sprint counts), so a caller can keep its answers while the velocities stay the same.
pub fn forecast_with(
    progress: Progress,
    remaining: u32,
    velocities: &[u32],
    cadence: Cadence,
    needed: impl FnOnce(u32) -> (u32, u32),
) -> Forecast {
    if progress.items == 0 {
        return Forecast::NoWork;
    }
    if progress.open_items == 0 {
        return Forecast::Done;
    }
    if velocities.iter().all(|&v| v == 0) {
        return Forecast::NoVelocity;
    }
    let sprints = velocities.len();
    let (n50, n85) = needed(remaining);
    if n85 > HORIZON {
        return Forecast::Beyond { remaining, sprints };
    }
    Forecast::Dates {
        p50: cadence.end_of(n50),
        p85: cadence.end_of(n85),
        remaining,
        sprints,
    }
}

#[cfg(test)]
mod tests;
