//! The three-way merge of two versions of a board against the one they both started from: the model
//! merged record by record, never the file line by line (`cairn merge`, the git merge driver, and
//! an outside change merged into the open board).
//!
//! Records are matched by id (both sides' additions kept; an id both sides used is renumbered on
//! theirs, see `renumber`), fields merge three-way (`value`), the backlog's rank keeps what each side
//! moved (`order`). A true conflict keeps ours in the board and records the three values in
//! `Board::conflicts`, so the merged board always loads and nothing is lost.

/// How a conflict names a record, the same wherever it is found.
pub(super) mod name {
    use crate::model::{Risk, Sprint, TimelineEntry};

    pub fn sprint(s: &Sprint) -> String {
        format!("sprint \"{}\"", s.name)
    }

    pub fn entry(e: &TimelineEntry) -> String {
        format!("\"{}\"", e.name)
    }

    pub fn risk(r: &Risk) -> String {
        format!("risk \"{}\"", r.title)
    }
}
mod order;
mod renumber;
mod repair;
mod resolve;
#[cfg(test)]
mod tests;
pub(super) mod value;

pub use order::{merge_order, merge_sets};
pub use resolve::{Choice, OnlyOurs, is_record, only_ours, resolve, resolve_all};

use super::{Board, Item, ItemId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// A conflict the merge could not decide, kept in the board until someone does: the board holds
/// ours, and the three values are here (as JSON text; absent when the side had none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What it is about, as the user knows it: `CRN-12`, `sprint "Sprint 23"`, `project`.
    pub what: String,
    /// The field, or `rank` for a move, `(the record)` for a delete against a change.
    pub field: String,
    /// Where it is in the board's serde form (`items`, `#12`, `title`): what a resolution sets.
    pub path: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs: Option<String>,
}

/// What a merge gives: the board, the conflicts it found (also in `board.conflicts`), what was
/// renumbered, and how many records each side changed.
#[derive(Clone, Debug)]
pub struct Merged {
    pub board: Board,
    pub conflicts: Vec<Conflict>,
    pub renumbered: Vec<String>,
    /// Records theirs changed, added or deleted that the result took (what "merged N changes" counts).
    pub from_theirs: usize,
    /// What `validate` still finds (a cycle the two sides made together): such a board is never
    /// written.
    pub problems: Vec<super::Problem>,
}

/// Merges `ours` and `theirs` against `base`.
pub fn merge(base: &Board, ours: &Board, theirs: &Board) -> Merged {
    let mut theirs = theirs.clone();
    let renumbered = renumber::renumber(base, ours, &mut theirs);
    let mut found = Vec::new();
    let (items, from_theirs_items) = merge_items(base, ours, &theirs, &mut found);

    // Everything else on its serde form: every field, now or later, by the same rules.
    // (A clone of the board shares its items: dropping them costs no copy.)
    let rest = |b: &Board| {
        let mut shell = b.clone();
        shell.items = Vec::new();
        let mut v = serde_json::to_value(&shell).expect("a board serialises");
        if let Value::Object(o) = &mut v {
            for k in ["items", "counters", "conflicts", "version"] {
                o.remove(k);
            }
        }
        v
    };
    let (rb, ro, rt) = (rest(base), rest(ours), rest(&theirs));
    let mut path = Vec::new();
    let merged = value::merge(Some(&rb), Some(&ro), Some(&rt), &mut path, &mut found)
        .expect("both sides have a board");
    let from_theirs = from_theirs_items + count_theirs(&rb, &ro, &rt);
    let mut board = match serde_json::from_value::<Board>(with_empty(merged)) {
        Ok(b) => b,
        // Cannot happen with fields merged one by one; if it did, ours stands and says so.
        Err(e) => {
            found.push(value::Found::at(
                &[format!("(the board: {e})")],
                None,
                None,
                Some(&rt),
            ));
            let mut b = ours.clone();
            b.items.clear();
            b
        }
    };
    board.version = ours.version;
    board.items = items;
    board.counters = ours.counters.clone();
    for (c, t) in [
        (&mut board.counters.item, theirs.counters.item),
        (&mut board.counters.sprint, theirs.counters.sprint),
        (&mut board.counters.entry, theirs.counters.entry),
        (&mut board.counters.risk, theirs.counters.risk),
        (&mut board.counters.stakeholder, theirs.counters.stakeholder),
        (&mut board.counters.note, theirs.counters.note),
    ] {
        *c = (*c).max(t);
    }
    board.repair_counters();
    let mut conflicts: Vec<Conflict> = found.iter().map(|f| describe(&board, f)).collect();
    conflicts.extend(repair::repair(&mut board));
    conflicts.extend(repair::one_active_sprint(
        &mut board,
        ours.active_sprint().map(|s| s.id),
    ));
    let mut all = ours.conflicts.clone();
    for c in theirs.conflicts.iter().chain(&conflicts) {
        if !all.contains(c) {
            all.push(c.clone());
        }
    }
    board.conflicts = all;
    let problems = board.validate();
    Merged {
        problems,
        board,
        conflicts,
        renumbered,
        from_theirs,
    }
}

fn with_empty(mut v: Value) -> Value {
    if let Value::Object(o) = &mut v {
        o.insert("items".into(), Value::Array(Vec::new()));
        o.insert("version".into(), Value::from(super::SCHEMA_VERSION));
    }
    v
}

/// Top-level records and fields theirs changed that the result now has as theirs has them.
fn count_theirs(base: &Value, ours: &Value, theirs: &Value) -> usize {
    let (Value::Object(b), Value::Object(o), Value::Object(t)) = (base, ours, theirs) else {
        return 0;
    };
    let mut n = 0;
    for (k, tv) in t {
        let (bv, ov) = (b.get(k), o.get(k));
        if Some(tv) == bv || Some(tv) == ov {
            continue;
        }
        n += match (bv, tv) {
            // A list of records counts each record theirs added, changed or deleted, matched as the
            // merge matches them (`record_key`); any other value counts once.
            (Some(Value::Array(ba)), Value::Array(ta)) => {
                fn index(vs: &[Value]) -> Option<HashMap<String, &Value>> {
                    vs.iter()
                        .map(|v| Some((value::record_key(v)?, v)))
                        .collect()
                }
                match (index(ba), index(ta)) {
                    (Some(bmap), Some(tmap)) => {
                        let changed = tmap.iter().filter(|(k, v)| bmap.get(*k) != Some(v)).count();
                        changed + bmap.keys().filter(|k| !tmap.contains_key(*k)).count()
                    }
                    _ => 1,
                }
            }
            _ => 1,
        };
    }
    n
}

/// The backlog: items matched by id (typed, so a 100k backlog compares pointers and structs, and
/// only the items both sides changed go through the field-by-field merge), then their rank.
fn merge_items(
    base: &Board,
    ours: &Board,
    theirs: &Board,
    found: &mut Vec<value::Found>,
) -> (Vec<Arc<Item>>, usize) {
    fn index(b: &Board) -> HashMap<ItemId, &Arc<Item>> {
        b.items.iter().map(|i| (i.id, i)).collect()
    }
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    let same = |a: Option<&&Arc<Item>>, b: Option<&&Arc<Item>>| match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b) || ***a == ***b,
        (None, None) => true,
        _ => false,
    };
    let mut union: Vec<ItemId> = ours.items.iter().map(|i| i.id).collect();
    union.extend(
        theirs
            .items
            .iter()
            .map(|i| i.id)
            .filter(|id| !oi.contains_key(id)),
    );
    union.extend(
        base.items
            .iter()
            .map(|i| i.id)
            .filter(|id| !oi.contains_key(id) && !ti.contains_key(id)),
    );
    let mut kept: HashMap<ItemId, Arc<Item>> = HashMap::with_capacity(union.len());
    let mut from_theirs = 0;
    for id in &union {
        let (b, o, t) = (bi.get(id), oi.get(id), ti.get(id));
        let result: Option<Arc<Item>> = if same(o, t) || same(b, t) {
            o.map(|x| Arc::clone(x))
        } else if same(b, o) {
            from_theirs += 1;
            t.map(|x| Arc::clone(x))
        } else {
            from_theirs += 1;
            let v = |x: Option<&&Arc<Item>>| {
                x.map(|i| serde_json::to_value(&***i).expect("an item serialises"))
            };
            let (vb, vo, vt) = (v(b), v(o), v(t));
            let mut path = vec!["items".to_string(), format!("#{}", id.0)];
            let merged = value::record(vb.as_ref(), vo.as_ref(), vt.as_ref(), &mut path, found);
            merged.map(|m| match serde_json::from_value::<Item>(m) {
                Ok(item) => Arc::new(item),
                Err(_) => Arc::clone(o.or(t).expect("one side has it")),
            })
        };
        if let Some(r) = result {
            kept.insert(*id, r);
        }
    }
    let ids = |b: &Board| b.items.iter().map(|i| i.id).collect::<Vec<_>>();
    let kept_ids: Vec<ItemId> = union
        .iter()
        .copied()
        .filter(|i| kept.contains_key(i))
        .collect();
    let ordered = order::merge_order(&ids(base), &ids(ours), &ids(theirs), &kept_ids);
    for id in &ordered.moved_by_both {
        found.push(value::Found::at(
            &["items".into(), format!("#{}", id.0), "rank".into()],
            None,
            Some(&Value::String("where ours put it".into())),
            Some(&Value::String("where theirs put it".into())),
        ));
    }
    let items = ordered
        .order
        .into_iter()
        .filter_map(|id| kept.remove(&id))
        .collect();
    (items, from_theirs)
}

/// A conflict found outside a whole-board merge (a journaled edit replayed onto a changed file,
/// `model::replay`), in the same words.
pub(super) fn describe_found(board: &Board, f: &value::Found) -> Conflict {
    describe(board, f)
}

/// A found conflict in words the user knows: `CRN-12` and `title`, `sprint "Sprint 23"`.
fn describe(board: &Board, f: &value::Found) -> Conflict {
    let text = |v: &Option<Value>| {
        v.as_ref().map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let number = |s: &str| s.strip_prefix('#').and_then(|n| n.parse::<u32>().ok());
    let (what, rest) = match f.path.as_slice() {
        [kind, id, rest @ ..] if id.starts_with('#') => {
            let n = number(id).unwrap_or(0);
            let what = match kind.as_str() {
                "items" => board.item_key(ItemId(n)),
                "sprints" => board
                    .sprint(super::SprintId(n))
                    .map_or(format!("sprint {n}"), name::sprint),
                "timeline" => board
                    .entry(super::EntryId(n))
                    .map_or(format!("entry {n}"), name::entry),
                "risks" => board
                    .risk(super::RiskId(n))
                    .map_or(format!("risk {n}"), name::risk),
                "stakeholders" => board
                    .stakeholder(super::StakeholderId(n))
                    .map_or(format!("stakeholder {n}"), |s| s.name.clone()),
                other => format!("{other} {}", &id[1..]),
            };
            (what, rest.to_vec())
        }
        [kind, rest @ ..] => (kind.clone(), rest.to_vec()),
        [] => ("the board".into(), Vec::new()),
    };
    let field = if rest.is_empty() {
        "(the record: deleted on one side, changed on the other)".to_string()
    } else {
        rest.iter()
            .map(|p| p.strip_prefix('#').map_or(p.clone(), |n| format!("[{n}]")))
            .collect::<Vec<_>>()
            .join(".")
    };
    Conflict {
        what,
        field,
        path: f.path.clone(),
        base: text(&f.base),
        ours: text(&f.ours),
        theirs: text(&f.theirs),
    }
}
