//! What the backlog's cut line, the budget's earned value and the planning view's MoSCoW guardrail
//! read: computed from the board in `app`, kept by revision (`prepare_flow`, called before each
//! frame), and computed on the spot only when a frame comes without one (tests drawing directly).

use crate::app::{Action, App, Pane};
use crate::model::evm::Evm;
use crate::model::forecast::{Cut, cut_candidates, cut_line};
use crate::model::forecast::{Work, flagged_blocked};
use crate::model::{EntryId, ItemId, TimelineEntry};
use jiff::civil::Date;
use std::borrow::Cow;

/// The cut line's choice and the figures kept for the board's revision.
#[derive(Debug, Default)]
pub struct FlowView {
    /// The milestone or release the backlog's cut line is drawn for (`None`: no line).
    pub cut_at: Option<EntryId>,
    cut: Option<((u64, Date, EntryId), Cut)>,
    evm: Option<(u64, Evm)>,
}

impl App {
    /// Before a frame: the cut line of the milestone chosen (backlog) and the earned value
    /// (the timeline's budget view), each once per revision, so a key that changes nothing recomputes nothing.
    pub fn prepare_flow(&mut self) {
        let rev = self.doc.revision;
        if self.pane == Pane::Backlog
            && let Some(id) = self.flow.cut_at
        {
            let key = (rev, self.run.today, id);
            if self.flow.cut.as_ref().map(|(k, _)| *k) != Some(key) {
                self.flow.cut = self
                    .doc
                    .board
                    .entry(id)
                    .map(|e| (key, cut_line(&self.doc.board, e, self.run.today)));
            }
        }
        // Only while the budget view shows it, from the points the timeline's tables keep in step
        // with the changes (`timeline::earned`), so a change costs what it changed, not the board.
        if self.pane == Pane::Timeline
            && self.timeline.sub == super::timeline::Sub::Budget
            && self.flow.evm.as_ref().map(|(r, _)| *r) != Some(rev)
        {
            self.bring_timeline_up_to_date();
            let points = &self.timeline.cache.evm;
            let evm = if points.is_counted() {
                Evm::with_points(&self.doc.board, points.planned, points.done)
            } else {
                Evm::of(&self.doc.board)
            };
            self.flow.evm = Some((rev, evm));
        }
    }

    /// The backlog's cut line, when one is chosen and its milestone is still on the board.
    pub fn cut(&self) -> Option<Cow<'_, Cut>> {
        let id = self.flow.cut_at?;
        let key = (self.doc.revision, self.run.today, id);
        match &self.flow.cut {
            Some((k, c)) if *k == key => Some(Cow::Borrowed(c)),
            _ => {
                let e = self.doc.board.entry(id)?;
                Some(Cow::Owned(cut_line(&self.doc.board, e, self.run.today)))
            }
        }
    }

    /// The open items of an entry's work flagged blocked, with their reasons (for its forecast's
    /// details): read through the timeline's cache and the item index when they are current, so
    /// the details of one entry cost its work, not the board.
    pub fn entry_flagged(&self, e: &TimelineEntry) -> Vec<(ItemId, String)> {
        let board = &self.doc.board;
        let cache = &self.timeline.cache;
        let work = if cache.key == Some(self.timeline_key()) {
            cache.work.expand(&e.items)
        } else {
            Work::of(board).expand(&e.items)
        };
        if !self.index.is_at(self.doc.revision) {
            return flagged_blocked(board, &work);
        }
        work.iter()
            .filter_map(|&id| {
                let at = self.index.rank(id)?;
                board.items.get(at).filter(|i| i.id == id)
            })
            .filter(|i| !board.is_done(i))
            .filter_map(|i| i.blocked.as_ref().map(|r| (i.id, r.clone())))
            .collect()
    }

    /// Whether the earned value kept is the board's as it is now (what `prepare_flow` computes
    /// for the budget view).
    pub fn evm_is_kept(&self) -> bool {
        self.flow.evm.as_ref().map(|(r, _)| *r) == Some(self.doc.revision)
    }

    /// AgileEVM's figures for the board.
    pub fn evm(&self) -> Cow<'_, Evm> {
        match &self.flow.evm {
            Some((r, e)) if *r == self.doc.revision => Cow::Borrowed(e),
            _ => Cow::Owned(Evm::of(&self.doc.board)),
        }
    }

    /// `L` in the backlog: the cut line at the next milestone or release, then each later one,
    /// then off again.
    pub(crate) fn cycle_cut_line(&mut self) {
        let key = self.keymap.hint(&Action::CutLine);
        let board = &self.doc.board;
        let candidates = cut_candidates(board, self.run.today);
        let next = match self.flow.cut_at {
            None => candidates.first(),
            Some(at) => candidates
                .iter()
                .position(|e| e.id == at)
                .and_then(|p| candidates.get(p + 1)),
        };
        self.flow.cut_at = next.map(|e| e.id);
        let said = match next {
            None if candidates.is_empty() => {
                "No milestone or release from today on: no cut line to draw".to_string()
            }
            None => format!("Cut line off ({key} draws it at the next milestone)"),
            Some(e) => format!("Cut line at {} ({}); {key}: the next one", e.name, e.start),
        };
        self.info(said);
    }
}
