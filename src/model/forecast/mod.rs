//! When will the work linked to a milestone be done? Resample the velocities of closed sprints into a few
//! thousand possible futures and read the 50%, 85% and 95% completion dates off them (a Monte Carlo
//! forecast, as in "#NoEstimates"-style throughput forecasting), and how much will be done by a date
//! (`how_many`). Deterministic: the draws are seeded from the velocities they draw from
//! ([`seed_of`]), a hash of the board's content that the screen and `cairn export --format md`
//! compute alike, and each future has its own stream, so more work never gives an earlier date.

mod how_many;
mod work;

pub use how_many::*;
pub use work::*;

use super::{Board, EntryId, ItemId, SprintState, TimelineEntry, recent_velocities};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// Futures simulated per forecast.
pub const RUNS: usize = 2000;
/// What every forecast's seed starts from (see [`seed_of`]).
pub const SEED: u64 = 0x00ca_1e4d;
/// Closed sprints looked at (the most recent ones).
pub const HISTORY: usize = 10;
/// Fewer closed sprints than this and the forecast is labelled a rough guess: with n past sprints,
/// the next one falls inside their range with a chance of (n − 1)/(n + 1), 67% at 5.
pub const ENOUGH_SPRINTS: usize = 5;
/// A future needing more sprints than this is "not within a year or so" rather than a date.
const HORIZON: u32 = 52;

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
        p95: Date,
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

    /// Closed sprints behind the dates, when there are dates.
    pub fn sprints(&self) -> Option<usize> {
        match self {
            Forecast::Dates { sprints, .. } | Forecast::Beyond { sprints, .. } => Some(*sprints),
            _ => None,
        }
    }

    /// One line for a table or the details: "50% Dec 12 · 85% Jan 9 · 95% Jan 23".
    pub fn describe(&self) -> String {
        match self {
            Forecast::Done => "done".into(),
            Forecast::NoWork => "no linked items".into(),
            Forecast::NoVelocity => "no closed sprint yet: no velocity to forecast with".into(),
            Forecast::Dates {
                p50,
                p85,
                p95,
                sprints,
                ..
            } => {
                let rough = if self.is_rough() {
                    format!(" (rough: {sprints} of {ENOUGH_SPRINTS} sprints)")
                } else {
                    String::new()
                };
                if p50 == p95 {
                    format!("{p50} (50%, 85% and 95%){rough}")
                } else {
                    format!("50% {p50} · 85% {p85} · 95% {p95}{rough}")
                }
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

/// The chance that the next sprint's velocity falls inside the range (lowest to highest) of `n`
/// past sprints, whatever their distribution: (n − 1)/(n + 1) (the order statistics of n + 1
/// exchangeable draws); `None` below two sprints, which have no range.
pub fn range_chance(n: usize) -> Option<f64> {
    (n >= 2).then(|| (n as f64 - 1.0) / (n as f64 + 1.0))
}

/// The sentence behind a forecast's "rough" mark: "5 past sprints · the next in their range:
/// 67% = (n−1)/(n+1)".
pub fn history_words(n: usize) -> String {
    let sprints = super::words::count(n, "past sprint");
    match range_chance(n) {
        Some(c) => format!(
            "{sprints} · the next in their range: {:.0}% = (n−1)/(n+1){}",
            c * 100.0,
            if n < ENOUGH_SPRINTS { " — rough" } else { "" }
        ),
        None => format!("{sprints} · no range for the next to fall in — rough"),
    }
}

/// The seed of the draws for these velocities: [`SEED`] mixed with each (FNV-1a), so the same
/// board always gives the same futures, on screen and in the report, and a change that leaves the
/// velocities alone (more work, another date) keeps the futures and only reads them again.
pub fn seed_of(velocities: &[u32]) -> u64 {
    velocities
        .iter()
        .fold(SEED ^ 0xcbf2_9ce4_8422_2325, |h, &v| {
            (h ^ u64::from(v)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// The random stream of one future: its own seed, so a future draws the same velocities however
/// far the others ran (and needing more points can only need more sprints).
pub(crate) fn future(seed: u64, run: usize) -> fastrand::Rng {
    fastrand::Rng::with_seed(seed ^ (run as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
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
    let mut out: Vec<u32> = (0..runs)
        .map(|run| {
            let mut rng = future(seed, run);
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
    let seed = seed_of(&velocities);
    forecast_points(p, remaining, &velocities, Cadence::of(board, today), seed)
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
    let seed = seed_of(&velocities);
    let mut needed: HashMap<u32, Needed> = HashMap::new();
    points
        .into_iter()
        .map(|e| {
            let p = progress_with(&work.expand(&e.items), lookup);
            let remaining = ahead.get(&e.id).copied().unwrap_or(p.remaining());
            let f = forecast_with(p, remaining, &velocities, cadence, |r| {
                *needed
                    .entry(r)
                    .or_insert_with(|| sprints_needed(r, &velocities, cadence.first_share, seed))
            });
            (e.id, f)
        })
        .collect()
}

/// Sprints needed by 50%, 85% and 95% of the futures.
pub type Needed = (u32, u32, u32);

/// Sprints needed by half, by 85% and by 95% of the futures.
pub fn sprints_needed(remaining: u32, velocities: &[u32], first_share: f64, seed: u64) -> Needed {
    let runs = simulate(remaining, velocities, first_share, RUNS, seed);
    (
        percentile(&runs, 50),
        percentile(&runs, 85),
        percentile(&runs, 95),
    )
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

/// `forecast_points` with the simulation given as `needed` (remaining points → the 50%, 85% and
/// 95% sprint counts), so a caller can keep its answers while the velocities stay the same.
pub fn forecast_with(
    progress: Progress,
    remaining: u32,
    velocities: &[u32],
    cadence: Cadence,
    needed: impl FnOnce(u32) -> Needed,
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
    let (n50, n85, n95) = needed(remaining);
    if n85 > HORIZON {
        return Forecast::Beyond { remaining, sprints };
    }
    Forecast::Dates {
        p50: cadence.end_of(n50),
        p85: cadence.end_of(n85),
        p95: cadence.end_of(n95.min(HORIZON + 1)),
        remaining,
        sprints,
    }
}

#[cfg(test)]
mod tests;
