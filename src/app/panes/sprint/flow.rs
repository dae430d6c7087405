//! What the sprint board and the standup read of the board's flow, computed once per board
//! revision (never once a card or a key): the cycle-time percentiles and the active sprint's scope
//! change.

use crate::app::App;
use crate::model::flow::{self, CycleStats, ScopeChange};

#[derive(Clone, Debug, Default)]
pub struct FlowCache {
    revision: Option<u64>,
    pub stats: CycleStats,
    /// The active sprint's scope change.
    pub scope: Option<ScopeChange>,
}

impl FlowCache {
    /// Up to date with the board of `revision`.
    pub fn is_at(&self, revision: u64) -> bool {
        self.revision == Some(revision)
    }
}

impl FlowCache {
    fn of(board: &crate::model::Board, revision: u64) -> FlowCache {
        FlowCache {
            revision: Some(revision),
            stats: flow::cycle_stats(board, board.settings.cycle_sample),
            scope: board
                .active_sprint()
                .and_then(|s| flow::scope_change(board, s.id)),
        }
    }
}

impl App {
    /// Brings the flow figures up to date before a frame of the sprint pane.
    pub fn prepare_sprint_frame(&mut self) {
        if self.pane != crate::app::Pane::Sprint || self.sprint.flow.is_at(self.doc.revision) {
            return;
        }
        self.sprint.flow = FlowCache::of(&self.doc.board, self.doc.revision);
    }

    /// The flow figures of this revision: kept by `prepare_sprint_frame`, or (a frame drawn
    /// without it) computed now.
    pub fn sprint_flow(&self) -> std::borrow::Cow<'_, FlowCache> {
        if self.sprint.flow.is_at(self.doc.revision) {
            std::borrow::Cow::Borrowed(&self.sprint.flow)
        } else {
            std::borrow::Cow::Owned(FlowCache::of(&self.doc.board, self.doc.revision))
        }
    }
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
    pub fn cumulative_flow(&self) -> Option<(jiff::civil::Date, Vec<flow::CfdDay>)> {
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
