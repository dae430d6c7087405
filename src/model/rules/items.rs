//! Rules for backlog items: add, delete, rank, estimate, move between columns (minding WIP limits),
//! send to a sprint, and the order "rank by score" proposes.

use super::{RuleError, item};
use crate::model::{
    Board, Edit, Item, ItemId, ItemKind, Scoring, SprintId, SprintState, WipPolicy,
};
use jiff::civil::Date;

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
        let linked = other.blocked_by.contains(&id) || other.relates_to.contains(&id);
        if other.id != id && (other.parent == Some(id) || linked) {
            let mut o = Item::clone(other);
            o.blocked_by.retain(|b| *b != id);
            o.relates_to.retain(|b| *b != id);
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
    move_in_view_by(id, visible, down, |n| board.item_index(n))
}

/// `move_in_view` with the ranks from `rank` (a caller that keeps an index of them, so the move
/// does not look for the neighbour among the items).
pub fn move_in_view_by(
    id: ItemId,
    visible: &[ItemId],
    down: bool,
    rank: impl Fn(ItemId) -> Option<usize>,
) -> Option<Edit> {
    let at = visible.iter().position(|&v| v == id)?;
    let neighbour = if down {
        *visible.get(at + 1)?
    } else {
        *visible.get(at.checked_sub(1)?)?
    };
    let target = rank(neighbour)?;
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
        Some(p) => {
            Some(crate::model::value::check_points(p).map_err(|_| RuleError::NotFibonacci(p))?)
        }
    };
    it.updated = today;
    Ok(Edit::UpdateItem(Box::new(it)))
}

/// Moves an item to a workflow column, checking the column's WIP limit for items of the active sprint.
/// Records when it entered the column, and the done date when the column is the last one.
pub fn set_status(board: &Board, id: ItemId, column: &str, today: Date) -> Result<Edit, RuleError> {
    move_to_column(board, id, column, today, false, None)
}

/// [`set_status`] when the caller knows how many of the active sprint's cards the column holds
/// (the app's index does): the WIP check then reads no other item.
pub fn set_status_counted(
    board: &Board,
    id: ItemId,
    column: &str,
    today: Date,
    in_column: usize,
) -> Result<Edit, RuleError> {
    move_to_column(board, id, column, today, false, Some(in_column))
}

/// The same move past a full column, after the user said yes (the `Ask` policy).
pub fn set_status_over_limit(
    board: &Board,
    id: ItemId,
    column: &str,
    today: Date,
) -> Result<Edit, RuleError> {
    move_to_column(board, id, column, today, true, None)
}

fn move_to_column(
    board: &Board,
    id: ItemId,
    column: &str,
    today: Date,
    over_limit: bool,
    in_column: Option<usize>,
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
        && in_column.unwrap_or_else(|| board.wip_count(column)) >= limit as usize
    {
        return Err(RuleError::WipLimit {
            column: column.to_string(),
            limit,
        });
    }
    let mut it = current.clone();
    crate::model::flow::enter_column(
        &mut it,
        column,
        crate::model::flow::Workflow::of(board),
        today,
    );
    it.updated = today;
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

/// How "rank by score" splits the backlog: open items with a score (ordered by it), open items
/// without one and done items (both keep their relative order below the scored ones).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RankGroups {
    pub scored: usize,
    pub unscored: usize,
    pub done: usize,
}

impl RankGroups {
    /// What the ranking does, in words: "12 open items by score; 8 without a score and 15 done keep
    /// their order below".
    pub fn summary(&self) -> String {
        let g = self;
        let items = |n: usize| if n == 1 { "item" } else { "items" };
        let head = format!("{} open {} by score", g.scored, items(g.scored));
        let rest: Vec<String> = [
            (g.unscored, format!("{} without a score", g.unscored)),
            (g.done, format!("{} done", g.done)),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, t)| t)
        .collect();
        match rest.len() {
            0 => head,
            _ => {
                let verb = if g.unscored + g.done == 1 {
                    "keeps its"
                } else {
                    "keep their"
                };
                format!("{head}; {} {verb} order below", rest.join(" and "))
            }
        }
    }
}

fn rank_group(it: &Item, scoring: Scoring) -> Option<f64> {
    it.score(scoring).filter(|s| s.is_finite())
}

/// The order "rank by score" proposes: open scored items by score, highest first (equal scores keep
/// their current order); then open items without a score, then done items, both in their current
/// order. Finished work never outranks open work.
pub fn rank_by_score(board: &Board, scoring: Scoring) -> Vec<ItemId> {
    let mut scored: Vec<(f64, usize, ItemId)> = Vec::new();
    let mut unscored = Vec::new();
    let mut done = Vec::new();
    for (rank, it) in board.items.iter().enumerate() {
        if board.is_done(it) {
            done.push(it.id);
            continue;
        }
        match rank_group(it, scoring) {
            Some(s) => scored.push((s, rank, it.id)),
            None => unscored.push(it.id),
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .map(|(_, _, id)| id)
        .chain(unscored)
        .chain(done)
        .collect()
}

/// The sizes of the groups `rank_by_score` orders, for the preview to say what it does.
pub fn rank_groups(board: &Board, scoring: Scoring) -> RankGroups {
    let mut g = RankGroups::default();
    for it in &board.items {
        if board.is_done(it) {
            g.done += 1;
        } else if rank_group(it, scoring).is_some() {
            g.scored += 1;
        } else {
            g.unscored += 1;
        }
    }
    g
}
