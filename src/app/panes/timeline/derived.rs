//! The timeline's derived data: each entry's progress from its linked items, the forecast of each
//! milestone, broken dependencies, over-budget and high-risk flags and the critical path. Computed
//! here, outside `ui`, from the board alone, and cached by the board's revision so a key that only
//! moves the selection or the chart costs what is on screen.

use crate::app::App;
use crate::model::forecast::{
    Cadence, Forecast, HISTORY, Needed, Progress, Work, forecast_with, points_ahead, progress_with,
    seed_of, sprints_needed,
};
use crate::model::{Board, EntryId, ItemId, TimelineEntry, plan, recent_velocities};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// What a gantt row shows besides its dates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowInfo {
    pub progress: Progress,
    pub forecast: Option<Forecast>,
    /// The 85% forecast falls after the date, or the date passed with work open.
    pub late: bool,
    /// A dependency is broken, on this entry or on one that needs it.
    pub broken: bool,
    /// Spending runs ahead of time.
    pub over: bool,

    /// An open high-exposure risk is linked to it.
    pub risk: bool,
    /// On the critical path to a milestone (shown when asked).
    pub critical: bool,
}

/// What the timeline's frames share until the board changes, so a keystroke that only moves the
/// selection or the chart costs what is on screen: the linked items' points and done-ness, the work
/// ahead of each milestone, the critical path and the forecasts computed so far. `App::prepare_frame`
/// fills it before each frame (for the rows the frame will show); `key` says which board it is for.
#[derive(Debug, Default)]
pub struct TimelineCache {
    pub key: Option<(u64, Date, usize, usize, usize)>,
    /// Every item's points and state by id (dense: ids are handed out in order): 0 for no item,
    /// else `points << 2 | 1` open or `points << 2 | 2` done.
    pub items: Vec<u32>,
    /// The epics' children: what an entry's links stand for (see `model::forecast::Work`).
    pub work: Work,
    /// Fingerprint of the items' points and done-ness and of what the entries' links stand for.
    pub items_fp: Option<u64>,
    pub ahead: HashMap<EntryId, u32>,
    /// Fingerprint of the milestones' dates, `items_fp` and the sprint cadence behind `ahead` and
    /// `forecasts`.
    pub ahead_fp: Option<u64>,
    pub critical: Option<HashSet<EntryId>>,
    /// Entries with a broken dependency, on either side of it.
    pub broken: HashSet<EntryId>,
    /// `App::timeline_order` for the board of `key`.
    pub order: Vec<usize>,
    pub forecasts: HashMap<EntryId, Forecast>,
    /// Remaining points → sprints needed by 50%, 85% and 95% of the futures, for the velocities and share
    /// of the active sprint in `needed_key`; kept across board changes while those stay the same.
    pub needed: HashMap<u32, Needed>,
    pub needed_key: Option<(Vec<u32>, u64)>,
    /// Open items that wait on open work, with what they wait on (`rules::links::open_waits`).
    pub waits: HashMap<ItemId, Vec<ItemId>>,
    /// By item id: what `work` is built from (`follow::shape`), to tell when it must be built again.
    pub shapes: Vec<u32>,
    /// Moves on whenever `items` or `work` changes: what the entries' fingerprint reads of them.
    pub items_gen: u64,
    /// Fingerprint of `items` and `work` as the last full refresh built them.
    pub dense_fp: Option<u64>,
    /// Moves on whenever `work` is built again.
    pub work_gen: u64,
    /// Fingerprint of the entries' ids, dates, kinds and dependencies behind `broken` and `order`.
    pub dates_fp: Option<u64>,
    /// Entries an open high-exposure risk is linked to, and the risk register's order
    /// (`App::risk_rows`), with the fingerprint of the risks behind them.
    pub risky: HashSet<EntryId>,
    pub risk_rows: Vec<crate::model::RiskId>,
    pub risks_fp: Option<u64>,
    /// The points earned value counts, followed with `items`.
    pub evm: super::earned::EvmPoints,
}

impl TimelineCache {
    /// An item's points and whether it is done, when it exists.
    pub fn item(&self, id: ItemId) -> Option<(u32, bool)> {
        match self.items.get(id.0 as usize).copied().unwrap_or(0) {
            0 => None,
            v => Some((v >> 2, v & 3 == 2)),
        }
    }
}

/// Positions in `timeline` by start, then end, then id: the gantt's order.
pub fn sorted(timeline: &[TimelineEntry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..timeline.len()).collect();
    order.sort_unstable_by_key(|&p| (timeline[p].start, timeline[p].end, timeline[p].id));
    order
}

/// A cheap fingerprint (FNV-1a style) of a stream of numbers.
fn fingerprint(values: impl Iterator<Item = u64>) -> u64 {
    values.fold(0xcbf2_9ce4_8422_2325, |h, v| {
        (h ^ v).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl TimelineCache {
    /// Brings the cache up to date with the board. Nothing to do when the board has not changed
    /// since the last frame; after a change, fingerprints of what each part reads decide what is
    /// rebuilt, so moving a phase does not recount every linked item.
    pub fn refresh(&mut self, board: &Board, today: Date, key: (u64, Date, usize, usize, usize)) {
        if self.key == Some(key) {
            return;
        }
        // The item table is rebuilt (one pass, no hashing); its fingerprint says whether the work
        // ahead of each milestone needs counting again.
        let done = board.done_column();
        let top = board.item_id_bound();
        let mut table = std::mem::take(&mut self.items);
        table.clear();
        table.resize(top, 0);
        self.shapes.clear();
        self.shapes.resize(top, 0);
        for i in &board.items {
            let state = if i.status == done { 2 } else { 1 };
            table[i.id.0 as usize] = (i.points_or_zero() << 2) | state;
            self.shapes[i.id.0 as usize] = super::follow::shape(i);
        }
        // The epics' children are read each time a row's progress is counted; their layout is in
        // the fingerprint, so moving a story to another epic counts the work again.
        self.work = Work::of(board);
        self.work_gen += 1;
        let dense_fp = fingerprint(
            table
                .iter()
                .map(|&v| u64::from(v))
                .chain(self.work.layout()),
        );
        if self.dense_fp != Some(dense_fp) {
            self.dense_fp = Some(dense_fp);
            self.items_gen += 1;
        }
        self.items = table;
        self.waits = crate::model::rules::open_waits(board);
        self.refresh_entries(board, today, key);
    }

    /// The parts read from the timeline and the sprints (a few thousand entries at most), after
    /// the items' parts are up to date: the work ahead of the milestones, broken dependencies, the
    /// gantt's order and the sprints needed.
    pub fn refresh_entries(
        &mut self,
        board: &Board,
        today: Date,
        key: (u64, Date, usize, usize, usize),
    ) {
        let items_fp = fingerprint(std::iter::once(self.items_gen).chain(
            board.timeline.iter().flat_map(|e| {
                std::iter::once(u64::MAX - u64::from(e.id.0))
                    .chain(e.items.iter().map(|i| u64::from(i.0)))
            }),
        ));
        self.items_fp = Some(items_fp);
        let cadence = Cadence::of(board, today);
        let day = |d: Date| (i64::from(d.year()) * 400 + i64::from(d.day_of_year())) as u64;
        let ahead_fp = fingerprint(
            board
                .timeline
                .iter()
                .filter(|e| e.kind.is_point())
                .flat_map(|e| [u64::from(e.id.0), day(e.start)])
                .chain([
                    items_fp,
                    cadence.first_share.to_bits(),
                    day(cadence.first_end),
                    cadence.days as u64,
                ]),
        );
        if self.ahead_fp != Some(ahead_fp) {
            let ahead = points_ahead(
                &board.timeline,
                |e| self.work.expand_unchecked(&e.items),
                |id| self.item(id),
            );
            self.ahead = ahead;
            self.forecasts.clear();
            self.ahead_fp = Some(ahead_fp);
        }
        self.evm
            .refresh(board, &self.work, self.work_gen, &self.items);
        let risks_fp = fingerprint(board.risks.iter().flat_map(|r| {
            let open = u64::from(r.is_open()) << 1 | u64::from(r.is_high());
            let exposure = u64::from(r.probability) << 8 | u64::from(r.impact);
            [u64::MAX, u64::from(r.id.0), open, exposure, day(r.raised)]
                .into_iter()
                .chain(r.entries.iter().map(|e| u64::from(e.0)))
        }));
        if self.risks_fp != Some(risks_fp) {
            self.risky = plan::entries_at_high_risk(board);
            self.risk_rows = super::risk_order(board);
            self.risks_fp = Some(risks_fp);
        }
        // A change to the items leaves the entries' dates alone: the broken dependencies, the
        // gantt's order and the critical path are worked out again only when those change.
        let dates_fp = fingerprint(board.timeline.iter().flat_map(|e| {
            [u64::from(e.id.0), day(e.start), day(e.end), e.kind as u64]
                .into_iter()
                .chain(std::iter::once(u64::MAX))
                .chain(e.depends_on.iter().map(|d| u64::from(d.0)))
        }));
        if self.dates_fp != Some(dates_fp) || self.order.len() != board.timeline.len() {
            self.broken = plan::broken_dependencies(&board.timeline);
            self.order = sorted(&board.timeline);
            self.critical = None;
            self.dates_fp = Some(dates_fp);
        }
        let velocities = recent_velocities(&board.sprints, HISTORY);
        let needed_key = Some((velocities, cadence.first_share.to_bits()));
        if self.needed_key != needed_key {
            self.needed.clear();
            self.needed_key = needed_key;
        }
        self.key = Some(key);
    }

    /// The progress of an entry from what its links stand for (an epic's children).
    pub fn progress(&self, e: &TimelineEntry) -> Progress {
        progress_with(&self.work.expand(&e.items), |i| self.item(i))
    }

    /// The items of an entry's work that wait on open work (what its forecast cannot promise).
    pub fn waiting(&self, e: &TimelineEntry) -> Vec<crate::model::rules::Waiting> {
        crate::model::rules::waiting_in(&self.work.expand(&e.items), &self.waits)
    }

    /// Computes and keeps the forecast of a milestone or release (nothing for phases).
    fn fill_forecast(&mut self, e: &TimelineEntry, velocities: &[u32], cadence: Cadence) {
        if !e.kind.is_point() || self.forecasts.contains_key(&e.id) {
            return;
        }
        let mut needed = std::mem::take(&mut self.needed);
        let f = self.forecast(e, velocities, cadence, &mut needed);
        self.needed = needed;
        self.forecasts.insert(e.id, f);
    }

    /// The forecast of a milestone or release from the board's recent velocities and cadence;
    /// `needed` memoises sprints needed by remaining points.
    fn forecast(
        &self,
        e: &TimelineEntry,
        velocities: &[u32],
        cadence: Cadence,
        needed: &mut HashMap<u32, Needed>,
    ) -> Forecast {
        let progress = self.progress(e);
        let remaining = self
            .ahead
            .get(&e.id)
            .copied()
            .unwrap_or(progress.remaining());
        forecast_with(progress, remaining, velocities, cadence, |r| {
            *needed.entry(r).or_insert_with(|| {
                sprints_needed(r, velocities, cadence.first_share, seed_of(velocities))
            })
        })
    }
}

impl App {
    /// Brings the derived data up to date for the frame about to be drawn: the board-wide parts
    /// after a change, and the forecasts of the rows the last frame showed (plus the selection).
    /// Called by the runner before each frame (`ui::draw_app`).
    pub fn prepare_frame(&mut self) {
        self.refresh_index();
        self.prepare_flow();
        self.prepare_sprint_frame();
        if self.pane == crate::app::Pane::Stakeholders {
            self.refresh_people_order();
        }
        if self.pane != crate::app::Pane::Timeline {
            return;
        }
        self.bring_timeline_up_to_date();
        if self.timeline.critical && self.timeline.cache.critical.is_none() {
            self.timeline.cache.critical = Some(plan::critical_entries(&self.doc.board.timeline));
        }
        let order = self.timeline_order();
        let from = self.viewport.timeline_offset.min(order.len());
        let to = order.len().min(from + self.viewport.page + 1);
        let mut wanted: Vec<usize> = order[from..to].to_vec();
        if let Some(at) = self
            .selected_entry()
            .and_then(|e| self.doc.board.timeline.iter().position(|x| x.id == e.id))
        {
            wanted.push(at);
        }
        // The velocities and cadence once for every row, not once a milestone.
        let board = &self.doc.board;
        let velocities = recent_velocities(&board.sprints, HISTORY);
        let cadence = Cadence::of(board, self.run.today);
        for p in wanted {
            let e = &board.timeline[p];
            self.timeline.cache.fill_forecast(e, &velocities, cadence);
        }
    }

    /// While the user is elsewhere and idle: the timeline's board-wide tables brought up to date
    /// as `prepare_frame` would, so switching to the timeline finds them built (their first build
    /// walks every item, ≈ 11 ms at 100k) and only follows what changed since.
    pub fn warm_timeline(&mut self) {
        if self.pane == crate::app::Pane::Timeline {
            return; // prepare_frame does it
        }
        if self.timeline.cache.key != Some(self.timeline_key()) {
            self.refresh_index();
            self.bring_timeline_up_to_date();
        }
    }

    /// The timeline's board-wide tables for the board as it is: after a change, the items' parts
    /// from what it changed, else (another day, a new board) from the board.
    pub(crate) fn bring_timeline_up_to_date(&mut self) {
        let key = self.timeline_key();
        if self.timeline.cache.key != Some(key) && !self.follow_timeline(key) {
            self.timeline
                .cache
                .refresh(&self.doc.board, self.run.today, key);
        }
    }

    /// The items of an entry's work that wait on open work, for its details (the selected entry
    /// only: the walk is the entry's work, not the board).
    pub fn entry_waiting(&self, e: &TimelineEntry) -> Vec<crate::model::rules::Waiting> {
        if self.timeline.cache.key == Some(self.timeline_key()) {
            return self.timeline.cache.waiting(e);
        }
        let board = &self.doc.board;
        let work = Work::of(board).expand(&e.items);
        crate::model::rules::waiting_in(&work, &crate::model::rules::open_waits(board))
    }

    /// The facts of these rows, from the cache where `prepare_frame` filled it; anything it has not
    /// (a row scrolled into view by this very key, a board not prepared) is computed now and not kept.
    pub fn row_infos(&self, visible: &[&TimelineEntry]) -> Vec<RowInfo> {
        let key = self.timeline_key();
        let fresh;
        let cache = if self.timeline.cache.key == Some(key) {
            &self.timeline.cache
        } else {
            let mut c = TimelineCache::default();
            c.refresh(&self.doc.board, self.run.today, key);
            fresh = c;
            &fresh
        };
        let board = &self.doc.board;
        let velocities = recent_velocities(&board.sprints, HISTORY);
        let cadence = Cadence::of(board, self.run.today);
        let risky = &cache.risky;
        let critical = match (&cache.critical, self.timeline.critical) {
            (_, false) => None,
            (Some(c), true) => Some(std::borrow::Cow::Borrowed(c)),
            (None, true) => Some(std::borrow::Cow::Owned(plan::critical_entries(
                &board.timeline,
            ))),
        };
        visible
            .iter()
            .map(|e| {
                let progress = cache.progress(e);
                let forecast = if e.kind.is_point() {
                    let cached = cache.forecasts.get(&e.id).cloned();
                    Some(cached.unwrap_or_else(|| {
                        cache.forecast(e, &velocities, cadence, &mut HashMap::new())
                    }))
                } else {
                    None
                };
                let overdue = e.end < self.run.today && progress.open_items > 0;
                let late = overdue || forecast.as_ref().is_some_and(|f| f.is_late_for(e.end));
                let burn = e.burn(self.run.today);
                RowInfo {
                    progress,
                    forecast,
                    late,
                    broken: cache.broken.contains(&e.id),
                    over: (burn.planned > 0 || burn.actual > 0) && burn.is_overspending(),
                    risk: risky.contains(&e.id),
                    critical: critical.as_ref().is_some_and(|c| c.contains(&e.id)),
                }
            })
            .collect()
    }
}
