//! "How much by this date": the Monte Carlo "how many" question turned round. In each future, the
//! points finished by the sprints that end on or before the date; the amount that 85% of the
//! futures reach or pass is the 15th percentile of those sums, and the backlog items that fit in it,
//! in rank order, are the ones above the cut line.

use super::{Cadence, HISTORY, RUNS, Work, future, percentile, seed_of};
use crate::model::{Board, EntryId, ItemId, TimelineEntry, recent_velocities};
use jiff::civil::Date;

/// The share of futures that must reach the amount: 85% (so its 15th percentile).
pub const CONFIDENCE: usize = 85;

/// Future sprints that end on or before `date`.
pub fn sprints_by(cadence: Cadence, date: Date) -> u32 {
    if date < cadence.first_end || cadence.days <= 0 {
        return 0;
    }
    let days = i64::from((date - cadence.first_end).get_days());
    u32::try_from(days / i64::from(cadence.days) + 1).unwrap_or(u32::MAX)
}

/// Points finished in each of `runs` futures by `sprints` future sprints (the first only for
/// `first_share` of its draw), sorted ascending; the same streams as `simulate`.
pub fn finished_points(
    sprints: u32,
    velocities: &[u32],
    first_share: f64,
    runs: usize,
    seed: u64,
) -> Vec<u32> {
    if velocities.is_empty() {
        return vec![0; runs];
    }
    let mut out: Vec<u32> = (0..runs)
        .map(|run| {
            let mut rng = future(seed, run);
            let mut sum = 0.0;
            for n in 0..sprints.min(super::HORIZON + 1) {
                let share = if n == 0 { first_share } else { 1.0 };
                sum += f64::from(velocities[rng.usize(0..velocities.len())]) * share;
            }
            sum.floor() as u32
        })
        .collect();
    out.sort_unstable();
    out
}

/// The points done by `date` in at least 85% of the futures.
pub fn points_by(velocities: &[u32], cadence: Cadence, date: Date, seed: u64) -> u32 {
    let runs = finished_points(
        sprints_by(cadence, date),
        velocities,
        cadence.first_share,
        RUNS,
        seed,
    );
    // The 15th percentile: the amount that 85% of the futures reach or pass.
    percentile(&runs, 100 - CONFIDENCE)
}

/// Where the backlog's cut line falls for a milestone's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    pub entry: EntryId,
    pub name: String,
    pub date: Date,
    /// Points done by the date in 85% of the futures.
    pub points: u32,
    /// Open items above the line and their points.
    pub above: usize,
    pub above_points: u32,
    /// Open items below the line and their points.
    pub below: usize,
    pub below_points: u32,
    /// Position in `board.items` of the first open item below the line (`None`: all fit).
    pub first_below: Option<usize>,
    /// Closed sprints the velocities came from (none: no line can be drawn from history).
    pub sprints: usize,
}

/// The milestones and releases from today on, by date then id: the ones a cut line can be drawn for.
pub fn cut_candidates(board: &Board, today: Date) -> Vec<&TimelineEntry> {
    let mut v: Vec<&TimelineEntry> = board
        .timeline
        .iter()
        .filter(|e| e.kind.is_point() && e.start >= today)
        .collect();
    v.sort_by_key(|e| (e.start, e.id));
    v
}

/// The cut line for `entry`'s date: the open items of the backlog, in rank order, that fit in the
/// points done by then in 85% of the futures. An epic with children counts nothing of its own (its
/// children carry its work, as in the forecast); unestimated items count 0.
pub fn cut_line(board: &Board, entry: &TimelineEntry, today: Date) -> Cut {
    let velocities = recent_velocities(&board.sprints, HISTORY);
    let cadence = Cadence::of(board, today);
    let points = points_by(&velocities, cadence, entry.start, seed_of(&velocities));
    let work = Work::of(board);
    let mut cut = Cut {
        entry: entry.id,
        name: entry.name.clone(),
        date: entry.start,
        points,
        above: 0,
        above_points: 0,
        below: 0,
        below_points: 0,
        first_below: None,
        sprints: velocities.len(),
    };
    let mut running: u64 = 0;
    for (pos, it) in board.items.iter().enumerate() {
        if board.is_done(it) {
            continue;
        }
        let own = if work.has_children(it.id) {
            0
        } else {
            it.points_or_zero()
        };
        running += u64::from(own);
        if cut.first_below.is_none() && running <= u64::from(points) {
            cut.above += 1;
            cut.above_points += own;
        } else {
            cut.first_below.get_or_insert(pos);
            cut.below += 1;
            cut.below_points += own;
        }
    }
    cut
}

/// The open items of `work` flagged blocked, with their reasons: what a forecast cannot promise.
pub fn flagged_blocked(board: &Board, work: &[ItemId]) -> Vec<(ItemId, String)> {
    work.iter()
        .filter_map(|&id| board.item(id))
        .filter(|i| !board.is_done(i))
        .filter_map(|i| i.blocked.as_ref().map(|r| (i.id, r.clone())))
        .collect()
}
