//! Putting an item into a sprint past its capacity, from any screen (the backlog's `s`, the sprint
//! board, the planning view): the change says by how much, and asks first unless the board's
//! policy for full columns is to warn.

use crate::app::{App, Effect, Mode};
use crate::model::words::count;
use crate::model::{Edit, ItemId, SprintId, WipPolicy, rules};

impl App {
    /// Applies `edit` (which puts `id` into `target`), labelled `label`. When that takes the sprint
    /// over its capacity the label says by how much, and with the "refuse" or "ask" policy the user
    /// is asked first (a sprint has no hard limit, so nothing is refused outright).
    pub(crate) fn change_into_sprint(
        &mut self,
        id: ItemId,
        target: Option<SprintId>,
        edit: Edit,
        label: String,
    ) -> Vec<Effect> {
        let board = &self.doc.board;
        let Some(over) = rules::overload(board, id, target, self.run.today) else {
            return self.change(edit, label);
        };
        let key = board.item_key(id);
        let points = board.item(id).map_or(0, |i| i.points_or_zero());
        let left = match over.days_left {
            Some(d) if d < 0 => format!(", ended {}", count(-d, "day ago")),
            Some(0) => ", on its last day".to_string(),
            Some(d) => format!(", with {} left", count(d, "day")),
            None => String::new(),
        };
        let figures = format!(
            "{} would hold {} points against a capacity of {}: {} over{left}",
            over.sprint,
            over.points,
            over.capacity,
            over.over()
        );
        if board.settings.wip_policy == WipPolicy::Warn || !self.writable() {
            return self.change(edit, format!("{label} ({figures})"));
        }
        self.mode = Mode::ConfirmChange {
            question: format!("Add {key} ({points} pts) anyway? {figures}."),
            edit: Box::new(edit),
            label: format!("{label} ({} over capacity)", over.over()),
            kept: format!("{key} stays where it was"),
        };
        Vec::new()
    }
}
