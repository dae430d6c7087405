//! How the backlog shows its items: done ones hidden or shown, grouped by epic with epics folded,
//! and which rows a rank move steps past in each view. Nothing here changes the board.

use crate::app::{Action, App};
use crate::model::{ItemId, ItemKind, words};

impl App {
    /// `H`: shows the done items, or hides them again (the default).
    pub(crate) fn toggle_done(&mut self) {
        let before = self.backlog.selected;
        self.backlog.show_done = !self.backlog.show_done;
        self.refresh_visible();
        if let Some(id) = before.filter(|_| self.backlog.show_done) {
            self.backlog.selected = Some(id);
        }
        let key = self.keymap.hint(&Action::ToggleDone);
        let board = &self.doc.board;
        let done_column = board.done_column().to_string();
        let done = board.items.iter().filter(|i| board.is_done(i)).count();
        let said = if self.backlog.filter.names_status(&done_column) {
            format!(
                "The filter names status:{}: its items show either way",
                done_column.to_lowercase()
            )
        } else if self.backlog.show_done {
            format!(
                "{} shown ({key} hides them)",
                words::count(done, "done item")
            )
        } else {
            format!(
                "{} hidden ({key} shows them)",
                words::count(done, "done item")
            )
        };
        self.info(said);
    }

    /// `z`: groups the backlog by epic, or lists it in rank order again; the selection stays.
    pub(crate) fn toggle_group(&mut self) {
        let before = self.backlog.selected;
        self.backlog.group = !self.backlog.group;
        self.refresh_visible();
        if let Some(id) = before {
            // Folded under an epic while grouped: its epics open.
            self.reveal(id);
        }
        let said = if self.backlog.group {
            let fold = self.keymap.hint(&Action::FoldEpic);
            format!("Grouped by epic (no epic: last); {fold} folds an epic")
        } else {
            "One ranked list again".to_string()
        };
        self.info(said);
    }

    /// `space` while grouped: folds the selected epic's children away or shows them again; on a
    /// child, folds its epic and selects it.
    pub(crate) fn fold_epic(&mut self) {
        let group = self.keymap.hint(&Action::GroupByEpic);
        if !self.backlog.group {
            self.info(format!(
                "Folding works while grouped by epic: {group} groups the backlog"
            ));
            return;
        }
        let Some(it) = self.selected_item() else {
            return;
        };
        let board = &self.doc.board;
        let epic = if it.kind == ItemKind::Epic {
            it.id
        } else if let Some(p) = it.parent.filter(|p| board.item(*p).is_some()) {
            p
        } else {
            let key = board.item_key(it.id);
            self.info(format!("{key} has no epic to fold"));
            return;
        };
        let key = board.item_key(epic);
        let children = self.rollup(epic).total;
        if children == 0 {
            self.info(format!("{key} has no children to fold"));
            return;
        }
        // The rows it folds are what shows of its children (done ones may be hidden already).
        let folded_now = |app: &App| {
            let row = app
                .backlog
                .visible
                .iter()
                .position(|&p| app.doc.board.items.get(p).is_some_and(|i| i.id == epic));
            row.and_then(|r| app.row_shape(r)).and_then(|s| s.folded)
        };
        let was = folded_now(self);
        let opened = self.backlog.collapsed.remove(&epic);
        if !opened {
            self.backlog.collapsed.insert(epic);
            self.backlog.selected = Some(epic);
        }
        self.refresh_visible();
        let said = match (opened, was, folded_now(self)) {
            (true, Some(rows), _) => format!("{key} unfolded: {} shown", words::count(rows, "row")),
            (false, _, Some(rows)) => format!("{key} folded: {} hidden", words::count(rows, "row")),
            (true, ..) => format!("{key} unfolded"),
            (false, ..) => format!("{key} folded"),
        };
        self.info(said);
    }

    /// The rows a rank move of the row `row` steps past: the rows beside it in a list, or while
    /// grouped the nearest rows of the same group (an epic's: the epics beside it).
    pub(crate) fn rank_neighbours(&self, row: usize) -> Vec<ItemId> {
        let Some(shape) = self.row_shape(row) else {
            return (row.saturating_sub(1)..=row + 1)
                .filter_map(|r| self.row_id(r))
                .collect();
        };
        let board = &self.doc.board;
        let epic_at = |r: usize| {
            self.backlog
                .visible
                .get(r)
                .is_some_and(|&p| board.items[p].kind == ItemKind::Epic)
        };
        let mine = epic_at(row);
        // The first row of the same group that way: deeper rows (children) are stepped over, a
        // shallower one (or, at the top level, an epic next to an item with no epic) ends it.
        let find = |rows: &mut dyn Iterator<Item = usize>| {
            for r in rows {
                let s = self.row_shape(r)?;
                let top = s.depth == 0 && shape.depth == 0;
                if s.depth < shape.depth || (top && epic_at(r) != mine) {
                    return None;
                }
                if s.depth == shape.depth {
                    return Some(r);
                }
            }
            None
        };
        let above = find(&mut (0..row).rev());
        let below = find(&mut (row + 1..self.backlog.visible.len()));
        [above, Some(row), below]
            .into_iter()
            .flatten()
            .filter_map(|r| self.row_id(r))
            .collect()
    }

    /// What a rank move of an epic says: it moves alone, its children keep their rank.
    pub(crate) fn epic_moves_alone(&self, id: ItemId) -> String {
        let epic = self.item(id).is_some_and(|i| i.kind == ItemKind::Epic);
        let children = self.rollup(id).total;
        if !epic || children == 0 {
            return String::new();
        }
        let them = if children == 1 {
            "its child keeps its"
        } else {
            "its children keep their"
        };
        format!(" (the epic alone: {them} rank)")
    }
}
