//! The board's rules as pure functions: each reads the board and returns the `Edit` to apply,
//! or says why the change is not allowed. Nothing here mutates the board.

use super::{Board, Edit, Item, ItemId, ItemKind, Scoring, SprintId, SprintState, WipPolicy};
use jiff::civil::Date;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("no item {0}")]
    NoItem(String),
    #[error("no sprint {0}")]
    NoSprint(u32),
    #[error("no workflow column named \"{0}\"")]
    NoColumn(String),
    #[error("\"{column}\" is at its WIP limit of {limit}")]
    WipLimit { column: String, limit: u32 },
    #[error("sprint \"{0}\" is closed")]
    SprintClosed(String),
    #[error("sprint \"{0}\" is already active: close it first")]
    AnotherActive(String),
    #[error("sprint \"{name}\" is {state}, not {expected}")]
    WrongState {
        name: String,
        state: &'static str,
        expected: &'static str,
    },
    #[error("{0} is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)")]
    NotFibonacci(u32),
    #[error("a title cannot be empty")]
    EmptyTitle,
    #[error("there is no active sprint: start one on the sprint board")]
    NoActiveSprint,
    #[error("{0}")]
    Workflow(String),
}

fn item(board: &Board, id: ItemId) -> Result<&Item, RuleError> {
    board
        .item(id)
        .ok_or_else(|| RuleError::NoItem(board.item_key(id)))
}

/// Adds a new item at `index` in rank (clamped), with the next id. Returns the edit and the new id.
pub fn add_item(
    board: &Board,
    kind: ItemKind,
    title: &str,
    index: usize,
    today: Date,
) -> Result<(Edit, ItemId), RuleError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(RuleError::EmptyTitle);
    }
    let id = ItemId(board.counters.item);
    let mut counters = board.counters.clone();
    counters.item += 1;
    let item = Item::new(id, kind, title, board.first_column(), today);
    Ok((
        Edit::Batch(vec![
            Edit::SetCounters(counters),
            Edit::InsertItem {
                index,
                item: Box::new(item),
            },
        ]),
        id,
    ))
}

/// Deletes an item and every link to it (blocked-by, parent, timeline, risks, notes), as one edit, so
/// the board stays valid and undo brings all of it back.
pub fn delete_item(board: &Board, id: ItemId) -> Result<Edit, RuleError> {
    item(board, id)?;
    let mut edits = Vec::new();
    for other in &board.items {
        if other.id != id && (other.parent == Some(id) || other.blocked_by.contains(&id)) {
            let mut o = Item::clone(other);
            o.blocked_by.retain(|b| *b != id);
            if o.parent == Some(id) {
                o.parent = None;
            }
            edits.push(Edit::UpdateItem(Box::new(o)));
        }
    }
    for e in board.timeline.iter().filter(|e| e.items.contains(&id)) {
        let mut e = e.clone();
        e.items.retain(|i| *i != id);
        edits.push(Edit::UpdateEntry(Box::new(e)));
    }
    for r in board.risks.iter().filter(|r| r.items.contains(&id)) {
        let mut r = r.clone();
        r.items.retain(|i| *i != id);
        edits.push(Edit::UpdateRisk(Box::new(r)));
    }
    for s in board
        .stakeholders
        .iter()
        .filter(|s| s.notes.iter().any(|n| n.items.contains(&id)))
    {
        let mut s = s.clone();
        for n in &mut s.notes {
            n.items.retain(|i| *i != id);
        }
        edits.push(Edit::UpdateStakeholder(Box::new(s)));
    }
    edits.push(Edit::RemoveItem(id));
    Ok(Edit::Batch(edits))
}

/// Moves an item to a rank (0 = top).
pub fn move_item(board: &Board, id: ItemId, to: usize) -> Result<Edit, RuleError> {
    item(board, id)?;
    Ok(Edit::MoveItem { id, to })
}

/// Moves an item one step past its neighbour in a (possibly filtered) view: `visible` is the view's
/// order, `down` the direction. Returns `None` when it is already at that end of the view.
pub fn move_in_view(board: &Board, id: ItemId, visible: &[ItemId], down: bool) -> Option<Edit> {
    let at = visible.iter().position(|&v| v == id)?;
    let neighbour = if down {
        *visible.get(at + 1)?
    } else {
        *visible.get(at.checked_sub(1)?)?
    };
    let target = board.item_index(neighbour)?;
    // The move removes the item first, so the neighbour's rank is the right target both ways:
    // moving down it has shifted up by one and we land after it; moving up we land before it.
    Some(Edit::MoveItem { id, to: target })
}

/// Sets an item's story points; only Fibonacci values are accepted.
pub fn set_points(
    board: &Board,
    id: ItemId,
    points: Option<u32>,
    today: Date,
) -> Result<Edit, RuleError> {
    let mut it = item(board, id)?.clone();
    it.points = match points {
        None => None,
        Some(p) => match super::FIBONACCI.iter().find(|&&f| u32::from(f) == p) {
            Some(&f) => Some(f),
            None => return Err(RuleError::NotFibonacci(p)),
        },
    };
    it.updated = today;
    Ok(Edit::UpdateItem(Box::new(it)))
}

/// Moves an item to a workflow column, checking the column's WIP limit for items of the active sprint.
/// Records when it entered the column, and the done date when the column is the last one.
pub fn set_status(board: &Board, id: ItemId, column: &str, today: Date) -> Result<Edit, RuleError> {
    move_to_column(board, id, column, today, false)
}

/// The same move past a full column, after the user said yes (the `Ask` policy).
pub fn set_status_over_limit(
    board: &Board,
    id: ItemId,
    column: &str,
    today: Date,
) -> Result<Edit, RuleError> {
    move_to_column(board, id, column, today, true)
}

fn move_to_column(
    board: &Board,
    id: ItemId,
    column: &str,
    today: Date,
    over_limit: bool,
) -> Result<Edit, RuleError> {
    let current = item(board, id)?;
    let col = board
        .columns
        .iter()
        .find(|c| c.name == column)
        .ok_or_else(|| RuleError::NoColumn(column.to_string()))?;
    if current.status == column {
        return Ok(Edit::Batch(vec![]));
    }
    let in_active = board
        .active_sprint()
        .is_some_and(|s| current.sprint == Some(s.id));
    let checked = matches!(
        board.settings.wip_policy,
        WipPolicy::Refuse | WipPolicy::Ask
    ) && !over_limit;
    if let (Some(limit), true, true) = (col.wip_limit, in_active, checked)
        && board.wip_count(column) >= limit as usize
    {
        return Err(RuleError::WipLimit {
            column: column.to_string(),
            limit,
        });
    }
    let mut it = current.clone();
    it.status = column.to_string();
    it.status_since = today;
    it.updated = today;
    it.done = (column == board.done_column()).then_some(today);
    Ok(Edit::UpdateItem(Box::new(it)))
}

/// Puts an item in a sprint (or back in the backlog with `None`). Closed sprints take nothing.
pub fn assign_sprint(
    board: &Board,
    id: ItemId,
    sprint: Option<SprintId>,
    today: Date,
) -> Result<Edit, RuleError> {
    let mut it = item(board, id)?.clone();
    if let Some(sid) = sprint {
        let s = board.sprint(sid).ok_or(RuleError::NoSprint(sid.0))?;
        if s.state == SprintState::Closed {
            return Err(RuleError::SprintClosed(s.name.clone()));
        }
    }
    it.sprint = sprint;
    it.updated = today;
    Ok(Edit::UpdateItem(Box::new(it)))
}

/// Sends an item to the active sprint.
pub fn send_to_active_sprint(board: &Board, id: ItemId, today: Date) -> Result<Edit, RuleError> {
    let active = board.active_sprint().ok_or(RuleError::NoActiveSprint)?;
    assign_sprint(board, id, Some(active.id), today)
}

/// Starts a planned sprint: snapshots the committed points and the first burndown point.
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
    Ok(Edit::UpdateSprint(Box::new(started)))
}

/// A new sprint as the board suggests it: named after the last one plus one, starting the day after
/// the latest sprint ends (or today), as long as the last sprint, with the recent average velocity as
/// capacity (or the last capacity, or 20).
pub fn suggest_sprint(board: &Board, today: Date) -> super::Sprint {
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
    let length = last.map_or(14, |s| i64::from(s.length_days()).max(1));
    let start = last
        .and_then(|s| s.end.checked_add(jiff::Span::new().days(1)).ok())
        .filter(|d| *d >= today || board.active_sprint().is_some())
        .unwrap_or(today);
    let end = start
        .checked_add(jiff::Span::new().days(length - 1))
        .unwrap_or(start);
    let capacity = super::average_velocity(&board.sprints, 3)
        .map(|v| v.round() as u32)
        .or(last.map(|s| s.capacity))
        .unwrap_or(20);
    super::Sprint {
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
pub fn add_sprint(board: &Board, sprint: super::Sprint) -> Edit {
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

/// Replaces the workflow columns. A column keeps its items when its name stays; with as many columns
/// as before, a renamed column takes its items along (by position). A column that goes away must be
/// empty. Names are unique and WIP limits at least 1.
pub fn set_workflow(
    board: &Board,
    columns: Vec<super::Column>,
    settings: super::Settings,
) -> Result<Edit, RuleError> {
    if columns.len() < 2 {
        return Err(RuleError::Workflow(
            "a workflow needs at least two columns".into(),
        ));
    }
    for (n, c) in columns.iter().enumerate() {
        if c.name.trim().is_empty() {
            return Err(RuleError::Workflow(format!("column {} has no name", n + 1)));
        }
        if columns[..n]
            .iter()
            .any(|d| d.name.eq_ignore_ascii_case(&c.name))
        {
            return Err(RuleError::Workflow(format!("\"{}\" appears twice", c.name)));
        }
        if c.wip_limit == Some(0) {
            return Err(RuleError::Workflow(format!(
                "\"{}\": a WIP limit of 0 lets nothing in",
                c.name
            )));
        }
    }
    let same_count = columns.len() == board.columns.len();
    let mut edits = Vec::new();
    for (n, old) in board.columns.iter().enumerate() {
        if columns.iter().any(|c| c.name == old.name) {
            continue;
        }
        let users: Vec<&Item> = board
            .items
            .iter()
            .filter(|i| i.status == old.name)
            .map(|i| &**i)
            .collect();
        if users.is_empty() {
            continue;
        }
        if !same_count {
            return Err(RuleError::Workflow(format!(
                "\"{}\" still holds {} item(s): move them first (or keep the number of columns to rename it)",
                old.name,
                users.len()
            )));
        }
        for it in users {
            let mut moved = it.clone();
            moved.status = columns[n].name.clone();
            edits.push(Edit::UpdateItem(Box::new(moved)));
        }
    }
    edits.push(Edit::SetColumns(columns));
    edits.push(Edit::SetSettings(settings));
    Ok(Edit::Batch(edits))
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
    let s = board.sprint(id).ok_or(RuleError::NoSprint(id.0))?;
    if s.state != SprintState::Active {
        return Err(RuleError::WrongState {
            name: s.name.clone(),
            state: s.state.name(),
            expected: "active",
        });
    }
    if let Leftovers::Sprint(next) = leftovers {
        let n = board.sprint(next).ok_or(RuleError::NoSprint(next.0))?;
        if n.state == SprintState::Closed || next == id {
            return Err(RuleError::SprintClosed(n.name.clone()));
        }
    }
    let mut closed = s.clone();
    closed.state = SprintState::Closed;
    closed.completed = Some(board.done_points(id));
    closed.remaining.insert(today, board.remaining_points(id));
    let mut edits = vec![Edit::UpdateSprint(Box::new(closed))];

    let unfinished: Vec<&Item> = board
        .sprint_items(id)
        .filter(|i| !board.is_done(i))
        .collect();
    for it in &unfinished {
        let mut moved = (*it).clone();
        moved.sprint = match leftovers {
            Leftovers::TopOfBacklog => None,
            Leftovers::Sprint(next) => Some(next),
        };
        moved.updated = today;
        edits.push(Edit::UpdateItem(Box::new(moved)));
    }
    if leftovers == Leftovers::TopOfBacklog && !unfinished.is_empty() {
        let mut order: Vec<ItemId> = unfinished.iter().map(|i| i.id).collect();
        order.extend(
            board
                .items
                .iter()
                .filter(|i| !unfinished.iter().any(|u| u.id == i.id))
                .map(|i| i.id),
        );
        edits.push(Edit::Reorder(order));
    }
    Ok(Edit::Batch(edits))
}

/// The burndown point for today when it differs from what the active sprint has recorded.
pub fn record_remaining(board: &Board, today: Date) -> Option<Edit> {
    let s = board.active_sprint()?;
    let remaining = board.remaining_points(s.id);
    if s.remaining.get(&today) == Some(&remaining) {
        return None;
    }
    let mut updated = s.clone();
    updated.remaining.insert(today, remaining);
    Some(Edit::UpdateSprint(Box::new(updated)))
}

/// The order "rank by score" proposes: scored items by score, highest first; unscored items after
/// them in their current order. Equal scores keep their current order.
pub fn rank_by_score(board: &Board, scoring: Scoring) -> Vec<ItemId> {
    let mut scored: Vec<(f64, usize, ItemId)> = Vec::new();
    let mut unscored = Vec::new();
    for (rank, it) in board.items.iter().enumerate() {
        match it.score(scoring) {
            Some(s) if s.is_finite() => scored.push((s, rank, it.id)),
            _ => unscored.push(it.id),
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .map(|(_, _, id)| id)
        .chain(unscored)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, Settings, Sprint, Wsjf};
    use jiff::civil::date;
    use std::collections::BTreeMap;

    const TODAY: Date = date(2026, 3, 10);

    fn board() -> Board {
        let mut b = Board::new("Test", "T");
        b.sprints.push(Sprint {
            id: SprintId(1),
            name: "Sprint 1".into(),
            goal: String::new(),
            start: date(2026, 3, 2),
            end: date(2026, 3, 15),
            capacity: 20,
            state: SprintState::Planned,
            committed: None,
            remaining: BTreeMap::new(),
            completed: None,
        });
        b.sprints.push(Sprint {
            id: SprintId(2),
            name: "Sprint 2".into(),
            ..b.sprints[0].clone()
        });
        for (n, points) in [(1, 3), (2, 5), (3, 8), (4, 2)] {
            let (e, _) =
                add_item(&b, ItemKind::Story, &format!("item {n}"), 99, TODAY).expect("adds");
            b.apply(e).expect("applies");
            b.apply(set_points(&b, ItemId(n), Some(points), TODAY).expect("fib"))
                .expect("applies");
        }
        b.repair_counters();
        b
    }

    macro_rules! apply {
        ($b:ident, $rule:expr) => {{
            let edit = $rule.expect("rule allows it");
            $b.apply(edit).expect("edit applies");
        }};
    }

    fn ids(b: &Board) -> Vec<u32> {
        b.items.iter().map(|i| i.id.0).collect()
    }

    #[test]
    fn add_item_takes_the_next_id_and_the_first_column() {
        let b = board();
        assert_eq!(ids(&b), vec![1, 2, 3, 4]);
        assert_eq!(b.counters.item, 5);
        assert_eq!(b.items[0].status, "To do");
        assert_eq!(
            add_item(&b, ItemKind::Bug, "  ", 0, TODAY),
            Err(RuleError::EmptyTitle)
        );
    }

    #[test]
    fn moves_in_rank_and_in_a_filtered_view() {
        let mut b = board();
        apply!(b, move_item(&b, ItemId(4), 0));
        assert_eq!(ids(&b), vec![4, 1, 2, 3]);
        // A view showing only 4 and 2: moving 4 down jumps past 2, not just past 1.
        let e = move_in_view(&b, ItemId(4), &[ItemId(4), ItemId(2)], true).expect("moves");
        b.apply(e).expect("applies");
        assert_eq!(ids(&b), vec![1, 2, 4, 3]);
        let e = move_in_view(&b, ItemId(4), &[ItemId(2), ItemId(4)], false).expect("moves");
        b.apply(e).expect("applies");
        assert_eq!(ids(&b), vec![1, 4, 2, 3]);
        assert!(
            move_in_view(&b, ItemId(4), &[ItemId(4)], true).is_none(),
            "already last in view"
        );
    }

    #[test]
    fn delete_removes_every_link_and_undo_restores_them() {
        let mut b = board();
        std::sync::Arc::make_mut(&mut b.items[1]).blocked_by = vec![ItemId(1)];
        std::sync::Arc::make_mut(&mut b.items[2]).parent = Some(ItemId(1));
        let before = b.clone();
        let inverse = b
            .apply(delete_item(&b, ItemId(1)).expect("exists"))
            .expect("applies");
        assert!(b.item(ItemId(1)).is_none());
        assert!(b.validate().is_empty(), "{:?}", b.validate());
        assert_eq!(b.item(ItemId(3)).expect("item").parent, None);
        b.apply(inverse).expect("undoes");
        assert_eq!(b, before);
    }

    #[test]
    fn points_must_be_fibonacci() {
        let b = board();
        assert_eq!(
            set_points(&b, ItemId(1), Some(4), TODAY),
            Err(RuleError::NotFibonacci(4))
        );
        assert!(set_points(&b, ItemId(1), None, TODAY).is_ok());
    }

    #[test]
    fn wip_limit_refuses_a_move_into_a_full_column() {
        let mut b = board();
        for n in 1..=4 {
            apply!(b, assign_sprint(&b, ItemId(n), Some(SprintId(1)), TODAY));
        }
        apply!(b, start_sprint(&b, SprintId(1), TODAY));
        apply!(b, set_status(&b, ItemId(1), "Review", TODAY));
        apply!(b, set_status(&b, ItemId(2), "Review", TODAY));
        assert_eq!(
            set_status(&b, ItemId(3), "Review", TODAY),
            Err(RuleError::WipLimit {
                column: "Review".into(),
                limit: 2
            })
        );
        b.settings.wip_policy = WipPolicy::Warn;
        assert!(
            set_status(&b, ItemId(3), "Review", TODAY).is_ok(),
            "warn policy lets it through"
        );
        assert_eq!(
            set_status(&b, ItemId(3), "Nope", TODAY),
            Err(RuleError::NoColumn("Nope".into()))
        );
    }

    #[test]
    fn status_change_records_dates() {
        let mut b = board();
        let later = date(2026, 3, 12);
        apply!(b, set_status(&b, ItemId(1), "Done", later));
        let it = b.item(ItemId(1)).expect("item");
        assert_eq!((it.status_since, it.done), (later, Some(later)));
        apply!(b, set_status(&b, ItemId(1), "Doing", later));
        assert_eq!(b.item(ItemId(1)).expect("item").done, None);
    }

    #[test]
    fn sprint_lifecycle_snapshots_commitment_and_records_velocity() {
        let mut b = board();
        for n in 1..=3 {
            apply!(b, assign_sprint(&b, ItemId(n), Some(SprintId(1)), TODAY));
        }
        apply!(b, start_sprint(&b, SprintId(1), TODAY));
        let s = b.sprint(SprintId(1)).expect("sprint");
        assert_eq!((s.state, s.committed), (SprintState::Active, Some(16)));
        assert_eq!(s.remaining.get(&TODAY), Some(&16));
        assert!(matches!(
            start_sprint(&b, SprintId(2), TODAY),
            Err(RuleError::AnotherActive(_))
        ));

        apply!(b, set_status(&b, ItemId(2), "Done", TODAY));
        let e = record_remaining(&b, TODAY).expect("burndown moved");
        b.apply(e).expect("applies");
        assert_eq!(
            b.sprint(SprintId(1)).expect("s").remaining.get(&TODAY),
            Some(&11)
        );
        assert!(
            record_remaining(&b, TODAY).is_none(),
            "nothing new to record"
        );

        let end = date(2026, 3, 15);
        apply!(
            b,
            close_sprint(&b, SprintId(1), end, Leftovers::TopOfBacklog)
        );
        let s = b.sprint(SprintId(1)).expect("sprint");
        assert_eq!((s.state, s.completed), (SprintState::Closed, Some(5)));
        // Unfinished items 1 and 3 go to the top of the backlog, out of the sprint.
        assert_eq!(ids(&b), vec![1, 3, 2, 4]);
        assert_eq!(b.item(ItemId(3)).expect("item").sprint, None);
        assert_eq!(
            b.item(ItemId(2)).expect("item").sprint,
            Some(SprintId(1)),
            "done items stay"
        );
        assert!(
            assign_sprint(&b, ItemId(4), Some(SprintId(1)), TODAY).is_err(),
            "closed sprint"
        );
    }

    #[test]
    fn close_can_carry_leftovers_into_the_next_sprint() {
        let mut b = board();
        apply!(b, assign_sprint(&b, ItemId(1), Some(SprintId(1)), TODAY));
        apply!(b, start_sprint(&b, SprintId(1), TODAY));
        apply!(
            b,
            close_sprint(&b, SprintId(1), TODAY, Leftovers::Sprint(SprintId(2)))
        );
        assert_eq!(b.item(ItemId(1)).expect("item").sprint, Some(SprintId(2)));
        assert_eq!(ids(&b), vec![1, 2, 3, 4], "rank unchanged");
    }

    #[test]
    fn workflow_renames_by_position_and_refuses_to_drop_a_used_column() {
        let mut b = board();
        let e = set_workflow(&b, Column::defaults()[..1].to_vec(), b.settings.clone());
        assert!(
            matches!(e, Err(RuleError::Workflow(_))),
            "one column is not a workflow"
        );
        let mut cols = Column::defaults();
        cols[0].name = "Ready".into();
        cols[1].wip_limit = Some(4);
        let before = b.clone();
        let inverse = b
            .apply(
                set_workflow(
                    &b,
                    cols.clone(),
                    Settings {
                        wip_policy: WipPolicy::Warn,
                        ..b.settings.clone()
                    },
                )
                .expect("ok"),
            )
            .expect("applies");
        assert!(
            b.items.iter().all(|i| i.status == "Ready"),
            "To do renamed with its items"
        );
        assert_eq!(b.columns[1].wip_limit, Some(4));
        assert_eq!(b.settings.wip_policy, WipPolicy::Warn);
        assert!(b.validate().is_empty());
        b.apply(inverse).expect("undoes");
        assert_eq!(b, before);
        let three = vec![
            Column::new("Doing", None),
            Column::new("Review", None),
            Column::new("Done", None),
        ];
        let e = set_workflow(&b, three, b.settings.clone()).expect_err("To do still holds items");
        assert!(
            e.to_string().contains("\"To do\" still holds 4 item(s)"),
            "{e}"
        );
    }

    #[test]
    fn suggested_sprint_follows_the_last_one() {
        let mut b = board();
        b.sprints[1].name = "Sprint 22".into();
        b.sprints[1].end = date(2026, 3, 29);
        b.sprints[1].start = date(2026, 3, 16);
        b.sprints[1].state = SprintState::Closed;
        b.sprints[1].completed = Some(18);
        b.repair_counters();
        let s = suggest_sprint(&b, TODAY);
        assert_eq!(s.name, "Sprint 23");
        assert_eq!((s.start, s.end), (date(2026, 3, 30), date(2026, 4, 12)));
        assert_eq!(s.capacity, 18, "recent velocity");
        assert_eq!(s.id, SprintId(3));
        b.apply(add_sprint(&b, s)).expect("adds");
        assert_eq!(b.counters.sprint, 4);
        assert_eq!(
            next_planned(&b),
            Some(SprintId(1)),
            "the earliest planned sprint"
        );
    }

    #[test]
    fn rank_by_score_puts_highest_first_and_unscored_last() {
        let mut b = board();
        let wsjf = |bv, js| {
            Some(Wsjf {
                business_value: bv,
                time_criticality: 0,
                risk_reduction: 0,
                job_size: js,
            })
        };
        std::sync::Arc::make_mut(&mut b.items[1]).wsjf = wsjf(10, 1); // item 2: 10
        std::sync::Arc::make_mut(&mut b.items[2]).wsjf = wsjf(6, 2); // item 3: 3
        std::sync::Arc::make_mut(&mut b.items[3]).wsjf = wsjf(30, 3); // item 4: 10, ranked after item 2 on a tie
        let order: Vec<u32> = rank_by_score(&b, Scoring::Wsjf)
            .iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(order, vec![2, 4, 3, 1]);
    }
}
