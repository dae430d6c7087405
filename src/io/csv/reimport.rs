//! A file read again: its rows matched to the items an earlier import made (by their key in the
//! source), parents linked across the file and the board, and the change planned.

use super::*;
use crate::model::rules;

/// Which fields the file has a column for: a re-import updates only those, so a GitHub export
/// without estimates leaves the points alone.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Has {
    pub(super) status: bool,
    pub(super) points: bool,
    pub(super) tags: bool,
    pub(super) sprint: bool,
    pub(super) parent: bool,
    pub(super) priority: bool,
    pub(super) moscow: bool,
}

/// The board's items by the key a file names them with: their source key (cairn's own key when
/// the file is cairn's export), case-insensitively.
pub(super) struct Known {
    keys: HashMap<String, ItemId>,
    /// Items made in cairn (no source key), by title; `None` when two share one.
    titles: HashMap<String, Option<ItemId>>,
}

impl Known {
    pub(super) fn new(board: &Board, ours: bool) -> Known {
        let keys = board
            .items
            .iter()
            .filter_map(|it| {
                let key = if ours {
                    board.item_key(it.id)
                } else {
                    it.external.as_ref()?.key.clone()
                };
                Some((key.to_lowercase(), it.id))
            })
            .collect();
        let mut titles: HashMap<String, Option<ItemId>> = HashMap::new();
        if !ours {
            for it in board.items.iter().filter(|it| it.external.is_none()) {
                titles
                    .entry(it.title.trim().to_lowercase())
                    .and_modify(|seen| *seen = None)
                    .or_insert(Some(it.id));
            }
        }
        Known { keys, titles }
    }

    pub(super) fn get(&self, key: &str) -> Option<ItemId> {
        self.keys.get(&key.trim().to_lowercase()).copied()
    }

    /// The one item made in cairn with this title, which a row with a key new to the board is
    /// (exported with an empty key, created by the source's bulk update), taken at most once.
    pub(super) fn adopt(&mut self, title: &str) -> Option<ItemId> {
        self.titles.get_mut(&title.trim().to_lowercase())?.take()
    }
}

/// True when `from`'s chain of parents reaches `to`.
fn comes_back(parents: &HashMap<ItemId, ItemId>, from: ItemId, to: ItemId) -> bool {
    let mut at = Some(from);
    for _ in 0..=parents.len() {
        match at {
            Some(p) if p == to => return true,
            Some(p) => at = parents.get(&p).copied(),
            None => return false,
        }
    }
    false
}

/// Gives each row the parent its `Parent`, `Parent id` or `Epic Link` names: a row of the same
/// file (by key or issue id; children may come before their parents) or an item imported before.
/// A parent that cannot be used is a warning, and the item keeps the parent it had. Returns every
/// row's warnings in line order.
pub(super) fn link_parents(
    board: &Board,
    known: &Known,
    rows: &mut [(u64, Row)],
    has_parent: bool,
) -> Vec<RowIssue> {
    let kind_of = |id: ItemId| board.item(id).map(|it| it.kind);
    let mut refs: HashMap<String, (ItemId, ItemKind)> = HashMap::new();
    for (_, r) in rows.iter() {
        // An item already on the board keeps its kind (a re-import does not change kinds).
        let kind = kind_of(r.item.id)
            .filter(|_| r.existing)
            .unwrap_or(r.item.kind);
        for name in [&r.key, &r.source_id].into_iter().flatten() {
            refs.insert(name.to_lowercase(), (r.item.id, kind));
        }
    }
    let mut parents: HashMap<ItemId, ItemId> = board
        .items
        .iter()
        .filter_map(|it| Some((it.id, it.parent?)))
        .collect();
    let mut warnings = Vec::new();
    for (line, row) in rows.iter_mut() {
        let id = row.item.id;
        let before = if row.existing {
            board.item(id).and_then(|it| it.parent)
        } else {
            None
        };
        row.item.parent = if has_parent { None } else { before };
        if let Some((column, name)) = &row.parent {
            let found = refs.get(&name.to_lowercase()).copied().or_else(|| {
                let p = known.get(name)?;
                Some((p, kind_of(p)?))
            });
            let problem = match found {
                Some((p, _)) if p == id => Some(format!("{column} \"{name}\" is the row itself")),
                Some((p, ItemKind::Epic)) if comes_back(&parents, p, id) => {
                    Some(format!("{column} \"{name}\" would make a cycle of epics"))
                }
                Some((p, ItemKind::Epic)) => {
                    row.item.parent = Some(p);
                    None
                }
                Some((_, kind)) => Some(format!(
                    "{column} \"{name}\" is a {}, not an epic",
                    kind.name()
                )),
                None => Some(format!(
                    "{column} \"{name}\" is not a row of this file nor an item imported before"
                )),
            };
            if let Some(problem) = problem {
                row.item.parent = before;
                let left = if before.is_some() {
                    "its parent is left as it was"
                } else {
                    "left unlinked"
                };
                row.warnings.push(format!("{problem}; {left}"));
            }
        }
        match row.item.parent {
            Some(p) => parents.insert(id, p),
            None => parents.remove(&id),
        };
        warnings.extend(row.warnings.drain(..).map(|message| RowIssue {
            line: *line,
            message,
        }));
    }
    warnings
}

/// The item a row already on the board becomes: the fields the file has, as the file has them
/// (title, status, points, labels, sprint, parent, priority, MoSCoW when asked); `None` when
/// nothing changes. A new status goes through the board's one status-setting path
/// (`rules::set_status_over_limit`: an import is not refused by a WIP limit).
fn refresh(board: &Board, old: &Item, row: &Row, has: &Has, today: Date) -> Option<Item> {
    let new = &row.item;
    let mut it = old.clone();
    if has.status && new.status != it.status {
        if let Ok(Edit::UpdateItem(moved)) =
            rules::set_status_over_limit(board, it.id, &new.status, today)
        {
            it = *moved;
        }
        if new.done.is_some() {
            it.done = new.done;
        }
    }
    it.title.clone_from(&new.title);
    if has.points {
        it.points = new.points;
    }
    if has.tags {
        it.tags.clone_from(&new.tags);
    }
    // Still in a sprint the row names (a closed one too): it stays there.
    let stays = old.sprint.and_then(|s| board.sprint(s)).is_some_and(|s| {
        row.sprints
            .iter()
            .any(|n| n.trim().eq_ignore_ascii_case(s.name.trim()))
    });
    if has.sprint && !stays {
        it.sprint = new.sprint;
    }
    it.parent = new.parent;
    if has.priority {
        it.priority.clone_from(&new.priority);
    }
    if has.moscow || row.moscow_from.is_some() {
        it.moscow = new.moscow;
    }
    if it.external.is_none() {
        it.external.clone_from(&new.external);
    }
    if it == *old {
        return None;
    }
    it.updated = row.source_updated.unwrap_or(today).max(it.created);
    Some(it)
}

/// The file's values replace what was changed in cairn after the last import: said, with the
/// fields, so it is never silent (the board as it was goes to `backups/` with the save).
fn overwritten(board: &Board, old: &Item, new: &Item, line: u64) -> Option<RowIssue> {
    let since = board.project.last_import.filter(|d| old.updated > *d)?;
    let fields: Vec<&str> = [
        ("title", old.title != new.title),
        ("status", old.status != new.status),
        ("points", old.points != new.points),
        ("labels", old.tags != new.tags),
        ("sprint", old.sprint != new.sprint),
        ("parent", old.parent != new.parent),
        ("priority", old.priority != new.priority),
        ("MoSCoW", old.moscow != new.moscow),
    ]
    .into_iter()
    .filter_map(|(name, differs)| differs.then_some(name))
    .collect();
    if fields.is_empty() {
        return None;
    }
    Some(RowIssue {
        line,
        message: format!(
            "{} was changed in cairn on {} (after the last import, {since}): the file's values for {} replace cairn's",
            old.external
                .as_ref()
                .map_or_else(|| board.item_key(old.id), |e| e.key.clone()),
            old.updated,
            fields.join(", ")
        ),
    })
}

/// The one change the rows make: new items at the bottom, changed ones updated, the date of the
/// import recorded.
pub(super) fn plan(
    board: &Board,
    rows: Vec<(u64, Row)>,
    has: &Has,
    skipped: Vec<RowIssue>,
    mut warnings: Vec<RowIssue>,
    today: Date,
) -> Import {
    let mut added = Vec::new();
    let mut updated = Vec::new();
    let mut unchanged = 0;
    let mut inserts = Vec::new();
    let mut updates = Vec::new();
    let mut mapping: Vec<(String, Moscow, usize)> = Vec::new();
    for (line, row) in rows {
        let changed = if row.existing {
            let Some(old) = board.item(row.item.id) else {
                continue;
            };
            match refresh(board, old, &row, has, today) {
                Some(it) => {
                    warnings.extend(overwritten(board, old, &it, line));
                    updated.push(it.id);
                    updates.push(Edit::UpdateItem(Box::new(it)));
                    true
                }
                None => {
                    unchanged += 1;
                    false
                }
            }
        } else {
            added.push(row.item.id);
            inserts.push(Edit::InsertItem {
                index: usize::MAX,
                item: Box::new(row.item),
            });
            true
        };
        if let (true, Some((priority, m))) = (changed, row.moscow_from) {
            match mapping
                .iter_mut()
                .find(|(p, _, _)| p.eq_ignore_ascii_case(&priority))
            {
                Some(seen) => seen.2 += 1,
                None => mapping.push((priority, m, 1)),
            }
        }
    }
    let mut edits = Vec::with_capacity(inserts.len() + updates.len() + 2);
    if !added.is_empty() {
        let mut counters = board.counters.clone();
        counters.item = counters.item.saturating_add(count(added.len()));
        edits.push(Edit::SetCounters(counters));
    }
    edits.extend(inserts);
    edits.extend(updates);
    if !edits.is_empty() && board.project.last_import != Some(today) {
        let mut project = board.project.clone();
        project.last_import = Some(today);
        edits.push(Edit::SetProject(Box::new(project)));
    }
    Import {
        edit: Edit::Batch(edits),
        added,
        updated,
        unchanged,
        skipped,
        warnings,
        moscow_mapping: mapping,
    }
}
