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
