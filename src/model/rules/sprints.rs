//! Rules for sprints: start, suggest the next one, plan it, close it (with its leftovers) and
//! record the burndown.

use super::RuleError;
use crate::model::{Board, Edit, Item, ItemId, SprintId, SprintState, value};
use jiff::civil::Date;

/// Starts a planned sprint: snapshots the committed points and items (`Board::sprint_scope`) and
/// the first burndown point. The edit is a batch whose first part is the sprint's update.
pub fn start_sprint(board: &Board, id: SprintId, today: Date) -> Result<Edit, RuleError> {
    let s = board.sprint(id).ok_or(RuleError::NoSprint(id.0))?;
    if let Some(active) = board.active_sprint() {
        return Err(RuleError::AnotherActive(active.name.clone()));
    }
    if s.state != SprintState::Planned {
        return Err(RuleError::WrongState {
            name: s.name.clone(),
            state: s.state.name(),
            expected: "planned",
        });
    }
    let mut started = s.clone();
    started.state = SprintState::Active;
    started.committed = Some(board.sprint_points(id));
    started.remaining.insert(today, board.remaining_points(id));
    let mut committed_items: Vec<(ItemId, u32)> = board
        .sprint_items(id)
        .map(|i| (i.id, i.points_or_zero()))
        .collect();
    committed_items.sort_unstable();
    let entry = crate::model::SprintScope {
        id,
        committed_items,
        points: [(today, board.sprint_points(id))].into(),
        report: None,
    };
    Ok(Edit::Batch(vec![
        Edit::UpdateSprint(Box::new(started)),
        set_scope(board, entry),
    ]))
}

/// The edit that puts `entry` in the board's recorded sprint scopes (replacing its sprint's).
fn set_scope(board: &Board, entry: crate::model::SprintScope) -> Edit {
    let mut all = board.sprint_scope.clone();
    match all.iter_mut().find(|s| s.id == entry.id) {
        Some(s) => *s = entry,
        None => {
            all.push(entry);
            all.sort_by_key(|s| s.id);
        }
    }
    Edit::SetSprintScope(all)
}

/// A new sprint as the board suggests it: named after the last one plus one, starting the day after
/// the latest sprint ends (or today), as long as the last sprint, with the recent average velocity as
/// capacity (or the last capacity, or 20).
pub fn suggest_sprint(board: &Board, today: Date) -> crate::model::Sprint {
    let last = board.sprints.iter().max_by_key(|s| s.end);
    let name = last
        .and_then(|s| {
            let digits: String = s
                .name
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            let n: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
            Some(format!(
                "{}{}",
                &s.name[..s.name.len() - digits.len()],
                n + 1
            ))
        })
        .unwrap_or_else(|| format!("Sprint {}", board.sprints.len() + 1));
    let length = i64::from(board.settings.sprint_days.max(1));
    let start = last
        .and_then(|s| value::add_days(s.end, 1))
        .filter(|d| *d >= today || board.active_sprint().is_some())
        .unwrap_or(today);
    let end = value::add_days(start, length - 1).unwrap_or(start);
    let capacity = crate::model::average_velocity(&board.sprints, 3)
        .map(|v| v.round() as u32)
        .or(last.map(|s| s.capacity))
        .unwrap_or(20);
    crate::model::Sprint {
        id: SprintId(board.counters.sprint),
        name,
        goal: String::new(),
        start,
        end,
        capacity,
        state: SprintState::Planned,
        committed: None,
        remaining: Default::default(),
        completed: None,
    }
}

/// Adds a planned sprint (its id must be the board's next sprint id).
pub fn add_sprint(board: &Board, sprint: crate::model::Sprint) -> Edit {
    let mut counters = board.counters.clone();
    counters.sprint = counters.sprint.max(sprint.id.0 + 1);
    let index = board.sprints.len();
    Edit::Batch(vec![
        Edit::SetCounters(counters),
        Edit::InsertSprint {
            index,
            sprint: Box::new(sprint),
        },
    ])
}

/// The planned sprint that starts first: the one "start sprint" starts.
pub fn next_planned(board: &Board) -> Option<SprintId> {
    board
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Planned)
        .min_by_key(|s| (s.start, s.id))
        .map(|s| s.id)
}

/// Where unfinished items go when a sprint closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leftovers {
    /// Back to the top of the backlog, out of any sprint.
    TopOfBacklog,
    /// Into another (planned or active) sprint.
    Sprint(SprintId),
}

/// Closes the active sprint: records completed points (its velocity) and moves unfinished items.
pub fn close_sprint(
    board: &Board,
    id: SprintId,
    today: Date,
    leftovers: Leftovers,
) -> Result<Edit, RuleError> {
    close_sprint_each(board, id, today, &|_| leftovers)
}

/// Closes the active sprint with a place for each unfinished item (`choice` of its id): records
/// its velocity and its report (committed, added, removed, completed, carried over, returned).
pub fn close_sprint_each(
    board: &Board,
    id: SprintId,
    today: Date,
    choice: &dyn Fn(ItemId) -> Leftovers,
) -> Result<Edit, RuleError> {
    let s = board.sprint(id).ok_or(RuleError::NoSprint(id.0))?;
    if s.state != SprintState::Active {
        return Err(RuleError::WrongState {
            name: s.name.clone(),
            state: s.state.name(),
            expected: "active",
        });
    }
    let unfinished: Vec<&Item> = board
        .sprint_items(id)
        .filter(|i| !board.is_done(i))
        .collect();
    for it in &unfinished {
        if let Leftovers::Sprint(next) = choice(it.id) {
            let n = board.sprint(next).ok_or(RuleError::NoSprint(next.0))?;
            if n.state == SprintState::Closed || next == id {
                return Err(RuleError::SprintClosed(n.name.clone()));
            }
        }
    }
    let scope = crate::model::flow::scope_change(board, id).unwrap_or_default();
    let mut closed = s.clone();
    closed.state = SprintState::Closed;
    closed.completed = Some(board.done_points(id));
    closed.remaining.insert(today, board.remaining_points(id));
    let mut report = crate::model::SprintReport {
        committed: scope.committed,
        added: scope.added,
        removed: scope.removed,
        completed: board.done_points(id),
        carried: 0,
        returned: 0,
    };
    let mut edits = vec![Edit::UpdateSprint(Box::new(closed))];
    let mut returned: Vec<ItemId> = Vec::new();
    for it in &unfinished {
        let mut moved = (*it).clone();
        moved.sprint = match choice(it.id) {
            Leftovers::TopOfBacklog => {
                report.returned += it.points_or_zero();
                returned.push(it.id);
                None
            }
            Leftovers::Sprint(next) => {
                report.carried += it.points_or_zero();
                Some(next)
            }
        };
        moved.updated = today;
        edits.push(Edit::UpdateItem(Box::new(moved)));
    }
    let mut entry = board
        .scope_of(id)
        .cloned()
        .unwrap_or_else(|| crate::model::SprintScope {
            id,
            ..Default::default()
        });
    entry.points.insert(today, board.sprint_points(id));
    entry.report = Some(report);
    edits.push(set_scope(board, entry));
    if !returned.is_empty() {
        let back: std::collections::HashSet<ItemId> = returned.iter().copied().collect();
        let mut order = returned;
        order.extend(
            board
                .items
                .iter()
                .filter(|i| !back.contains(&i.id))
                .map(|i| i.id),
        );
        edits.push(Edit::Reorder(order));
    }
    Ok(Edit::Batch(edits))
}

/// The burndown point for today when it differs from what the active sprint has recorded.
pub fn record_remaining(board: &Board, today: Date) -> Option<Edit> {
    record_remaining_with(board, today, |s| board.remaining_points(s))
}

/// Today's burndown point, and a scope point (the sprint's total points, the burn-up's scope line)
/// when its total is no longer the last one recorded: the scope is kept as the days it changed, so
/// a change that moves no points records none. A sprint started before cairn kept its scope
/// (nothing recorded) gets none. `points` gives the sprint's remaining and total points (a caller
/// that keeps them up to date).
pub fn record_day_with(
    board: &Board,
    today: Date,
    points: impl FnOnce(SprintId) -> (u32, u32),
) -> Option<Edit> {
    let s = board.active_sprint()?;
    let (remaining, total) = points(s.id);
    let burndown = record_remaining_with(board, today, |_| remaining);
    let scope = board
        .scope_of(s.id)
        .filter(|r| r.points.values().next_back() != Some(&total))
        .map(|r| {
            let mut entry = r.clone();
            entry.points.insert(today, total);
            set_scope(board, entry)
        });
    match (burndown, scope) {
        (None, None) => None,
        (Some(e), None) | (None, Some(e)) => Some(e),
        (Some(a), Some(b)) => Some(Edit::Batch(vec![a, b])),
    }
}

/// `record_remaining` with the sprint's remaining points from `remaining` (a caller that keeps
/// them up to date, so a change does not walk the backlog for them).
pub fn record_remaining_with(
    board: &Board,
    today: Date,
    remaining: impl FnOnce(SprintId) -> u32,
) -> Option<Edit> {
    let s = board.active_sprint()?;
    let remaining = remaining(s.id);
    if s.remaining.get(&today) == Some(&remaining) {
        return None;
    }
    let mut updated = s.clone();
    updated.remaining.insert(today, remaining);
    Some(Edit::UpdateSprint(Box::new(updated)))
}

/// A sprint that an addition takes past its capacity: its name, the points it would hold, its
/// capacity, and how long it still runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overload {
    pub sprint: String,
    pub points: u32,
    pub capacity: u32,
    /// Days from today to its end (0: its last day), when it is running.
    pub days_left: Option<i32>,
}

impl Overload {
    pub fn over(&self) -> u32 {
        self.points - self.capacity
    }
}

/// What putting item `id` into `target` does to that sprint's capacity: `Some` when the sprint
/// would hold more points than its capacity afterwards (and the item adds points to it).
pub fn overload(
    board: &Board,
    id: ItemId,
    target: Option<SprintId>,
    today: Date,
) -> Option<Overload> {
    let item = board.item(id)?;
    let sprint = board.sprint(target?)?;
    if item.sprint == Some(sprint.id) || item.points_or_zero() == 0 {
        return None;
    }
    let points = board.sprint_points(sprint.id) + item.points_or_zero();
    (points > sprint.capacity).then(|| Overload {
        sprint: sprint.name.clone(),
        points,
        capacity: sprint.capacity,
        days_left: (sprint.state == SprintState::Active).then(|| (sprint.end - today).get_days()),
    })
}

/// Deletes a planned sprint; its items go back to the backlog. A running sprint is closed instead
/// (its velocity is history), and so is a closed one kept.
pub fn delete_sprint(board: &Board, id: SprintId) -> Result<Edit, RuleError> {
    let s = board.sprint(id).ok_or(RuleError::NoSprint(id.0))?;
    if s.state != SprintState::Planned {
        return Err(RuleError::WrongState {
            name: s.name.clone(),
            state: s.state.name(),
            expected: "planned (only a planned sprint can be deleted)",
        });
    }
    let mut edits: Vec<Edit> = board
        .sprint_items(id)
        .map(|i| {
            let mut i = Item::clone(i);
            i.sprint = None;
            Edit::UpdateItem(Box::new(i))
        })
        .collect();
    edits.push(Edit::RemoveSprint(id));
    Ok(Edit::Batch(edits))
}
