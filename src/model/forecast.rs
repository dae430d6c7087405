//! When will the work linked to a milestone be done? Resample the velocities of closed sprints into a few
//! thousand possible futures and read the 50% and 85% completion dates off them (a Monte Carlo forecast,
//! as in "#NoEstimates"-style throughput forecasting). Deterministic for a given seed.

use super::{Board, EntryId, SprintState, TimelineEntry, recent_velocities};
use jiff::civil::Date;

/// Futures simulated per forecast.
pub const RUNS: usize = 2000;
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

/// Done and total points of the items linked to `entry`.
pub fn progress(board: &Board, entry: &TimelineEntry) -> Progress {
    let mut p = Progress::default();
    for item in entry.items.iter().filter_map(|&id| board.item(id)) {
        let points = item.points_or_zero();
        p.total += points;
        p.items += 1;
        if board.is_done(item) {
            p.done += points;
        } else {
            p.open_items += 1;
        }
    }
    p
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cadence {
    pub first_end: Date,
    pub days: i32,
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
        let first_end = match board.active_sprint() {
            Some(s) if s.end >= today => s.end,
            _ => add_days(today, days - 1),
        };
        Cadence { first_end, days }
    }

    /// The last day of the `n`th future sprint (1-based).
    pub fn end_of(&self, n: u32) -> Date {
        add_days(self.first_end, (n.max(1) as i32 - 1) * self.days)
    }
}

fn add_days(d: Date, n: i32) -> Date {
    d.checked_add(jiff::Span::new().days(i64::from(n)))
        .unwrap_or(Date::MAX)
}

/// Sprints needed in each of `runs` futures to burn `remaining` points, drawing each sprint's velocity
/// at random (with replacement) from `velocities`; sorted ascending. Capped at `HORIZON + 1`.
pub fn simulate(remaining: u32, velocities: &[u32], runs: usize, seed: u64) -> Vec<u32> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out: Vec<u32> = (0..runs)
        .map(|_| {
            let mut left = i64::from(remaining);
            let mut n = 0;
            while left > 0 && n <= HORIZON {
                left -= i64::from(velocities[rng.usize(0..velocities.len())]);
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

/// The forecast for the work linked to `entry`, seeded by its id so it is the same on every frame.
pub fn forecast(board: &Board, entry: &TimelineEntry, today: Date) -> Forecast {
    let p = progress(board, entry);
    let velocities = recent_velocities(&board.sprints, HISTORY);
    forecast_points(p, &velocities, Cadence::of(board, today), entry.id)
}

/// The forecast from its inputs (what `forecast` reads off the board).
pub fn forecast_points(
    progress: Progress,
    velocities: &[u32],
    cadence: Cadence,
    seed: EntryId,
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
    let remaining = progress.remaining();
    let sprints = velocities.len();
    let runs = simulate(remaining, velocities, RUNS, u64::from(seed.0));
    let (n50, n85) = (percentile(&runs, 50), percentile(&runs, 85));
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
mod tests {
    use super::*;
    use jiff::civil::date;

    fn open(total: u32, done: u32) -> Progress {
        Progress {
            done,
            total,
            items: 4,
            open_items: 2,
        }
    }

    const CADENCE: Cadence = Cadence {
        first_end: date(2026, 12, 4),
        days: 14,
    };

    #[test]
    fn steady_velocity_gives_exact_dates() {
        // 40 points left at exactly 10 a sprint: 4 sprints in every future.
        let f = forecast_points(open(50, 10), &[10, 10, 10], CADENCE, EntryId(1));
        let end4 = CADENCE.end_of(4);
        assert_eq!(end4, date(2027, 1, 15), "Dec 4 + 3 × 14 days");
        assert_eq!(
            f,
            Forecast::Dates {
                p50: end4,
                p85: end4,
                remaining: 40,
                sprints: 3
            }
        );
        assert!(!f.is_rough());
        assert!(f.is_late_for(date(2027, 1, 14)));
        assert!(!f.is_late_for(date(2027, 1, 15)));
    }

    #[test]
    fn varied_velocity_spreads_the_percentiles() {
        // 30 points with velocities 10 or 20 (equally likely): after two sprints the sum is 20, 30 or
        // 40 with odds 1:2:1, so 3/4 of the futures finish in 2 sprints and all of them in 3. The 50%
        // is 2 sprints and the 85% is 3, with a wide margin on either side of the sampling noise.
        let runs = simulate(30, &[10, 20], RUNS, 7);
        assert_eq!(runs.len(), RUNS);
        assert_eq!((runs[0], runs[RUNS - 1]), (2, 3));
        let share = runs.iter().filter(|&&n| n == 2).count() as f64 / RUNS as f64;
        assert!((share - 0.75).abs() < 0.05, "{share}");
        assert_eq!(percentile(&runs, 50), 2);
        assert_eq!(percentile(&runs, 85), 3);
        let f = forecast_points(open(30, 0), &[10, 20], CADENCE, EntryId(7));
        assert_eq!(
            f,
            Forecast::Dates {
                p50: CADENCE.end_of(2),
                p85: CADENCE.end_of(3),
                remaining: 30,
                sprints: 2
            }
        );
        assert!(f.is_rough(), "two sprints of history are a rough guess");
        assert!(f.describe().contains("rough"));
        assert_eq!(
            forecast_points(open(30, 0), &[10, 20], CADENCE, EntryId(7)),
            f,
            "same seed, same answer"
        );
    }

    #[test]
    fn percentile_is_the_nearest_rank() {
        let s: Vec<u32> = (1..=20).collect();
        assert_eq!(percentile(&s, 50), 10);
        assert_eq!(percentile(&s, 85), 17);
        assert_eq!(percentile(&s, 100), 20);
        assert_eq!(percentile(&[], 50), 0);
    }

    #[test]
    fn nothing_to_forecast_says_why() {
        let none = Progress::default();
        assert_eq!(
            forecast_points(none, &[10], CADENCE, EntryId(1)),
            Forecast::NoWork
        );
        let done = Progress {
            done: 8,
            total: 8,
            items: 2,
            open_items: 0,
        };
        assert_eq!(
            forecast_points(done, &[10], CADENCE, EntryId(1)),
            Forecast::Done
        );
        assert_eq!(
            forecast_points(open(20, 0), &[], CADENCE, EntryId(1)),
            Forecast::NoVelocity
        );
        assert_eq!(
            forecast_points(open(20, 0), &[0, 0], CADENCE, EntryId(1)),
            Forecast::NoVelocity
        );
        let far = forecast_points(open(10_000, 0), &[1, 2], CADENCE, EntryId(1));
        assert!(matches!(far, Forecast::Beyond { .. }), "{far:?}");
        assert!(far.is_late_for(date(2030, 1, 1)));
    }

    #[test]
    fn open_items_without_points_still_need_a_sprint() {
        // Two unestimated open items: remaining 0 points, but not done.
        let p = Progress {
            done: 0,
            total: 0,
            items: 2,
            open_items: 2,
        };
        let f = forecast_points(p, &[10], CADENCE, EntryId(1));
        assert_eq!(
            f,
            Forecast::Dates {
                p50: CADENCE.end_of(1),
                p85: CADENCE.end_of(1),
                remaining: 0,
                sprints: 1
            }
        );
    }
}
