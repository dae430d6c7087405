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

/// One person's load in a sprint: what they can take on there and what is planned for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Load {
    pub name: String,
    pub handle: String,
    /// `8 pts` or `10 d × 1.5`.
    pub per_sprint: String,
    pub days_off: u32,
    /// Their capacity in the sprint (days off taken out).
    pub capacity: u32,
    /// Points of the sprint's items assigned to them.
    pub planned: u32,
}

/// Everyone's load in a sprint, the team first (in roster order), then anyone else with items
/// there (capacity 0, "not on the team"), then the unassigned points under an empty name.
pub fn loads(board: &crate::model::Board, sprint: SprintId) -> Vec<Load> {
    let Some(s) = board.sprint(sprint) else {
        return Vec::new();
    };
    let mut rows: Vec<Load> = board
        .team
        .iter()
        .map(|p| Load {
            name: p.name.clone(),
            handle: p.handle.clone(),
            per_sprint: p.capacity.describe(),
            days_off: p.off_in(sprint),
            capacity: p.capacity_in(s),
            planned: 0,
        })
        .collect();
    let team = rows.len();
    for it in board.sprint_items(sprint) {
        let who = it.assignee.trim();
        let at = match crate::model::team::find(&board.team, who) {
            Some(p) => rows.iter().position(|r| r.name == p.name),
            None => rows[team..]
                .iter()
                .position(|r| r.name == who)
                .map(|i| i + team),
        };
        let at = at.unwrap_or_else(|| {
            rows.push(Load {
                name: who.to_string(),
                handle: String::new(),
                per_sprint: String::new(),
                days_off: 0,
                capacity: 0,
                planned: 0,
            });
            rows.len() - 1
        });
        rows[at].planned += it.points_or_zero();
    }
    // Unassigned last.
    if let Some(at) = rows[team..].iter().position(|r| r.name.is_empty()) {
        let row = rows.remove(at + team);
        rows.push(row);
    }
    rows
}
