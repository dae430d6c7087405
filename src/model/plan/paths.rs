//! What the dependencies between entries say: the critical path to each milestone, and where the
//! plan is broken (an entry that starts before something it depends on has ended).

use crate::model::{EntryId, TimelineEntry};
use std::collections::{HashMap, HashSet};

/// The longest chain of dependencies (by days of work) that ends with `target`, first entry first.
/// Cycles written by hand into a file are cut where they close.
pub fn critical_path(entries: &[TimelineEntry], target: EntryId) -> Vec<EntryId> {
    let by_id: HashMap<EntryId, &TimelineEntry> = entries.iter().map(|e| (e.id, e)).collect();
    let mut memo: HashMap<EntryId, (i64, Option<EntryId>)> = HashMap::new();
    let mut on_stack = HashSet::new();
    longest(target, &by_id, &mut memo, &mut on_stack);
    let mut path = Vec::new();
    let mut at = Some(target);
    while let Some(id) = at {
        if path.contains(&id) {
            break;
        }
        path.push(id);
        at = memo.get(&id).and_then(|(_, prev)| *prev);
    }
    path.reverse();
    path
}

fn longest(
    id: EntryId,
    by_id: &HashMap<EntryId, &TimelineEntry>,
    memo: &mut HashMap<EntryId, (i64, Option<EntryId>)>,
    on_stack: &mut HashSet<EntryId>,
) -> i64 {
    if let Some((len, _)) = memo.get(&id) {
        return *len;
    }
    let Some(e) = by_id.get(&id) else {
        return 0;
    };
    on_stack.insert(id);
    let mut best: (i64, Option<EntryId>) = (0, None);
    for d in &e.depends_on {
        if on_stack.contains(d) || !by_id.contains_key(d) {
            continue;
        }
        let len = longest(*d, by_id, memo, on_stack);
        if best.1.is_none() || len > best.0 {
            best = (len, Some(*d));
        }
    }
    on_stack.remove(&id);
    let own = if e.kind.is_point() {
        0
    } else {
        i64::from(e.duration_days())
    };
    memo.insert(id, (best.0 + own, best.1));
    best.0 + own
}

/// Every entry on the critical path of some milestone or release. A path is a chain of
/// dependencies, so a milestone that depends on nothing (on the board) has none: it is not critical
/// by itself, only when it lies on another milestone's path.
pub fn critical_entries(entries: &[TimelineEntry]) -> HashSet<EntryId> {
    entries
        .iter()
        .filter(|e| e.kind.is_point())
        .map(|e| critical_path(entries, e.id))
        .filter(|path| path.len() > 1)
        .flatten()
        .collect()
}

/// The one rule of a broken dependency: `entry` depends on `dep` but starts on or before the day
/// `dep` ends.
pub fn breaks(dep: &TimelineEntry, entry: &TimelineEntry) -> bool {
    entry.depends_on.contains(&dep.id) && dep.end >= entry.start
}

/// Entries that depend on `of` but start on or before it ends: where a move broke the plan.
pub fn broken_dependents<'a>(
    entries: &'a [TimelineEntry],
    of: &TimelineEntry,
) -> Vec<&'a TimelineEntry> {
    entries.iter().filter(|d| breaks(of, d)).collect()
}

/// What `entry` depends on that ends on or after its start.
pub fn broken_dependencies_of<'a>(
    entries: &'a [TimelineEntry],
    entry: &TimelineEntry,
) -> Vec<&'a TimelineEntry> {
    entries.iter().filter(|d| breaks(d, entry)).collect()
}

/// Every entry on either side of a broken dependency (what the timeline marks ✗), in one pass over
/// the dependencies.
pub fn broken_dependencies(entries: &[TimelineEntry]) -> HashSet<EntryId> {
    let by_id: HashMap<EntryId, &TimelineEntry> = entries.iter().map(|e| (e.id, e)).collect();
    let mut broken = HashSet::new();
    for e in entries {
        for d in e.depends_on.iter().filter_map(|d| by_id.get(d)) {
            if breaks(d, e) {
                broken.insert(e.id);
                broken.insert(d.id);
            }
        }
    }
    broken
}
