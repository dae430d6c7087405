//! The backlog's rows and what they read of the items: the item index (`app::index`) brought up to
//! date, an item found by its rank, the visible rows and the epics' roll-ups.

use super::{App, Filter, Pane, panes, stakeholders};
use crate::model::{Item, ItemId};

impl App {
    /// The item with this id: found by its rank in the index when that is up to date, else looked
    /// for.
    pub fn item(&self, id: ItemId) -> Option<&Item> {
        if self.index.is_at(self.doc.revision) {
            return self
                .index
                .rank(id)
                .and_then(|p| self.doc.board.items.get(p))
                .filter(|i| i.id == id)
                .map(|i| &**i);
        }
        self.doc.board.item(id)
    }

    /// Brings the index up to date with the board (after a change, before a frame).
    pub fn refresh_index(&mut self) {
        self.index.refresh(&self.doc);
        if self.pane == Pane::Stakeholders && self.people.screen == stakeholders::Screen::Notes {
            self.refresh_notes_order();
        }
    }

    /// Recomputes which items the filter lets through (done ones hidden unless shown or the filter
    /// names the done column), grouped by epic when asked, keeping the selection on the same item,
    /// or on its nearest neighbour when the item left the view. One pass over the board.
    pub fn refresh_visible(&mut self) {
        let old_row = self.selected_row().unwrap_or(self.backlog.row);
        self.refresh_index();
        let board = &self.doc.board;
        // Read again: the names a value means (columns, tags, sprints) may have changed.
        if !self.backlog.filter.is_empty() {
            self.backlog.filter =
                Filter::parse_as(&self.backlog.filter.text, board, self.me.as_deref());
        }
        let filter = &self.backlog.filter;
        let done_column = board.done_column();
        let hide_done = !self.backlog.show_done && !filter.names_status(done_column);
        let mut shown = std::mem::take(&mut self.backlog.shown);
        // Without a filter the rows come from the index (a dense table), not from the items.
        let done_hidden = if filter.is_empty() {
            self.index.shown(hide_done, &mut shown)
        } else {
            shown.clear();
            let mut hidden = 0;
            for (p, it) in board.items.iter().enumerate() {
                if !filter.matches(board, it) {
                    continue;
                }
                if hide_done && it.status == done_column {
                    hidden += 1;
                    continue;
                }
                shown.push(p);
            }
            hidden
        };
        self.backlog.done_hidden = done_hidden;
        if self.backlog.group {
            let b = &mut self.backlog;
            panes::epic_rows::group_into(
                board,
                &shown,
                &b.collapsed,
                &mut b.scratch,
                &mut b.visible,
                &mut b.shapes,
            );
            b.headings = b.shapes.iter().filter(|s| s.context).count();
            b.shown = shown;
        } else {
            // The old rows' buffer is kept for the next refresh: no allocation per change.
            self.backlog.shown = std::mem::replace(&mut self.backlog.visible, shown);
            self.backlog.shapes.clear();
            self.backlog.headings = 0;
        }
        if let Some(anchor) = self.backlog.anchor {
            self.backlog.selected = Some(anchor);
        }
        if self.selected_row().is_none() {
            let len = self.backlog.visible.len();
            self.backlog.selected = self.row_id(old_row.min(len.saturating_sub(1)));
        }
        self.backlog.row = self.selected_row().unwrap_or(old_row);
    }

    /// An epic's roll-up: from the index, or (not up to date with this board) counted now.
    pub fn rollup(&self, epic: ItemId) -> crate::model::rules::Rollup {
        if self.index.is_at(self.doc.revision) {
            return self.index.rollup(epic);
        }
        crate::model::rules::rollup(&self.doc.board, epic)
    }
}
