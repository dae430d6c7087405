//! What the sprint board and the standup read of the board's flow, computed once per board
//! revision (never once a card or a key): the cycle-time percentiles and the active sprint's scope
//! change.

use crate::app::App;
use crate::app::changes::Op;
use crate::model::ItemId;
use crate::model::flow::{self, CycleStats, ScopeChange};

#[derive(Clone, Debug, Default)]
pub struct FlowCache {
    revision: Option<u64>,
    pub stats: CycleStats,
    /// The active sprint's scope change.
    pub scope: Option<ScopeChange>,
    /// The latest done items, `SPARE` more than the sample (so an item leaving it does not need
    /// the board read again), and whether they are every done item there is.
    latest: Vec<flow::Done>,
    every_done: bool,
    /// The board's cycle sample they were kept for.
    sample: u32,
    /// The cumulative flows drawn at this revision, one a view (sprint, board), each for the
    /// sprint and day it was drawn for: `F` cycling back to a chart does not walk the cards again.
    cfd: Vec<(CfdKey, CfdDays)>,
}

type CfdKey = (CfdView, Option<crate::model::SprintId>, jiff::civil::Date);
type CfdDays = (jiff::civil::Date, Vec<flow::CfdDay>);

/// Done items kept beyond the cycle sample.
const SPARE: usize = 64;

/// How many done items the cache keeps for `board`: its sample and the spare.
fn kept(board: &crate::model::Board) -> usize {
    board.settings.cycle_sample.max(1) as usize + SPARE
}

impl FlowCache {
    /// Up to date with the board of `revision`.
    pub fn is_at(&self, revision: u64) -> bool {
        self.revision == Some(revision)
    }
}

impl App {
    /// Brings the flow figures up to date before a frame of the sprint pane: from the items the
    /// changes since touched when they can be followed (a card moved: its cost is the card's), else
    /// from the board.
    pub fn prepare_sprint_frame(&mut self) {
        self.prepare_flow_figures();
        self.prepare_cfd();
        if self.pane == crate::app::Pane::Sprint && self.sprint.planning() {
            self.refresh_planning();
        }
    }

    fn prepare_flow_figures(&mut self) {
        if self.pane != crate::app::Pane::Sprint || self.sprint.flow.is_at(self.doc.revision) {
            return;
        }
        let followed = self
            .sprint
            .flow
            .revision
            .and_then(|r| self.doc.changes.since(r))
            .and_then(|ops| follow(&self.sprint.flow, ops, self));
        self.sprint.flow = match followed {
            Some(latest) => self.flow_cache(latest),
            None => self.flow_cache(flow::latest_done(&self.doc.board, kept(&self.doc.board))),
        };
    }

    /// Keeps the cumulative flow the burndown screen shows, so the frames that follow (keys that
    /// change nothing) do not walk the items again.
    fn prepare_cfd(&mut self) {
        if self.pane != crate::app::Pane::Sprint || self.sprint.cfd == CfdView::Off {
            return;
        }
        let key = self.cfd_key();
        if self.sprint.flow.cfd.iter().any(|(k, _)| *k == key) {
            return;
        }
        if let Some(days) = self.compute_cumulative_flow() {
            let kept = &mut self.sprint.flow.cfd;
            kept.retain(|(k, _)| k.0 != key.0);
            kept.push((key, days));
        }
    }

    fn cfd_key(&self) -> CfdKey {
        let sprint = self.viewed_sprint().map(|s| s.id);
        (self.sprint.cfd, sprint, self.run.today)
    }

    fn flow_cache(&self, latest: Vec<flow::Done>) -> FlowCache {
        let board = &self.doc.board;
        let keep = kept(board);
        let mut latest = latest;
        let every_done = latest.len() < keep;
        latest.truncate(keep);
        FlowCache {
            revision: Some(self.doc.revision),
            stats: flow::stats_of(&latest, board.settings.cycle_sample),
            scope: board.active_sprint().and_then(|s| self.active_scope(s.id)),
            latest,
            every_done,
            sample: board.settings.cycle_sample,
            cfd: Vec::new(),
        }
    }

    /// The active sprint's scope change, from the index's cards when it is current.
    fn active_scope(&self, sprint: crate::model::SprintId) -> Option<ScopeChange> {
        let board = &self.doc.board;
        if !self.index.is_at(self.doc.revision) {
            return flow::scope_change(board, sprint);
        }
        // In rank order, as a walk of the board meets them.
        let mut ranks: Vec<usize> = (0..board.columns.len())
            .flat_map(|c| self.index.cards(c).iter())
            .filter_map(|&id| self.index.rank(id))
            .collect();
        ranks.sort_unstable();
        let cards = ranks
            .into_iter()
            .filter_map(|r| board.items.get(r).map(|i| &**i))
            .filter(|i| i.sprint == Some(sprint));
        flow::scope_change_of(board, sprint, cards)
    }

    /// The flow figures of this revision: kept by `prepare_sprint_frame`, or (a frame drawn
    /// without it) computed now.
    pub fn sprint_flow(&self) -> std::borrow::Cow<'_, FlowCache> {
        if self.sprint.flow.is_at(self.doc.revision) {
            std::borrow::Cow::Borrowed(&self.sprint.flow)
        } else {
            let board = &self.doc.board;
            std::borrow::Cow::Owned(self.flow_cache(flow::latest_done(board, kept(board))))
        }
    }
}

/// The latest done items after `ops`, from the cache's and the items they touched; `None` when
/// the board must be read again (another part changed, or too many left the sample).
fn follow<'a>(
    cache: &FlowCache,
    ops: impl Iterator<Item = &'a Op>,
    app: &App,
) -> Option<Vec<flow::Done>> {
    let board = &app.doc.board;
    let mut touched: Vec<ItemId> = Vec::new();
    for op in ops {
        match *op {
            Op::Item(id) | Op::Insert { id, .. } | Op::Remove(id) => touched.push(id),
            // The order, the sprints (a card move adds today's burndown point), the timeline:
            // none is read by cycle time, the settings' sample aside (checked below).
            Op::Move { .. } | Op::Order | Op::Other => {}
            Op::Columns | Op::All => return None,
        }
    }
    if !app.index.is_at(app.doc.revision) || board.settings.cycle_sample != cache.sample {
        return None;
    }
    let workflow = flow::Workflow::of(board);
    let mut latest = cache.latest.clone();
    for id in touched {
        latest.retain(|d| d.1 != id.0);
        let item = app.index.rank(id).and_then(|r| board.items.get(r));
        if let Some(entry) = item.and_then(|i| flow::done_entry(i, workflow)) {
            flow::insert_done(&mut latest, entry);
        }
    }
    let sample = board.settings.cycle_sample.max(1) as usize;
    (cache.every_done || latest.len() >= sample).then_some(latest)
}

/// What the burndown screen shows in place of the burndown: nothing (the burndown), the cumulative
/// flow of the sprint, or of the board's last `BOARD_WEEKS` weeks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CfdView {
    #[default]
    Off,
    Sprint,
    Board,
}

/// How many weeks the board's cumulative flow looks back.
pub const BOARD_WEEKS: i64 = 8;

impl App {
    /// The cumulative flow the burndown screen shows, with its first and last day: the viewed
    /// sprint's days up to today, or the board's last `BOARD_WEEKS` weeks. Walks the items once.
    pub fn cumulative_flow(&self) -> Option<CfdDays> {
        let key = self.cfd_key();
        let kept = &self.sprint.flow;
        match kept.cfd.iter().find(|(k, _)| *k == key) {
            Some((_, days)) if kept.is_at(self.doc.revision) => Some(days.clone()),
            _ => self.compute_cumulative_flow(),
        }
    }

    fn compute_cumulative_flow(&self) -> Option<CfdDays> {
        let b = &self.doc.board;
        let today = self.run.today;
        match self.sprint.cfd {
            CfdView::Off => None,
            CfdView::Sprint => {
                let s = self.viewed_sprint()?;
                let to = s.end.min(today).max(s.start);
                let days = flow::cumulative_flow(b, b.sprint_items(s.id), s.start, to);
                Some((s.start, days))
            }
            CfdView::Board => {
                let from = crate::model::value::add_days(today, -(BOARD_WEEKS * 7 - 1))?;
                let items = b.items.iter().map(|i| &**i);
                Some((from, flow::cumulative_flow(b, items, from, today)))
            }
        }
    }
}
