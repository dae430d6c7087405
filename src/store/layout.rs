//! The file layout of schema version 3, made to merge under plain git: every collection is written
//! in id order, so reordering work moves no record; the backlog's rank is its own list with one id
//! per line, so a rank move changes two lines; and no id counter is written (the next id comes from
//! the ids present), so two additions do not both change one line. In memory the backlog stays in
//! rank order (`Board::items`); this is only the file's shape.
//!
//! Measured on a generated 1k board (`tests/store/` holds the figures): a rank move changes 2
//! lines of `git diff`, a status change 3 and its history step (1 line, 4 when the item's history
//! list opens), a title edit 2, a new item its block and 1 rank line.

use crate::model::merge::Conflict;
use crate::model::{
    Board, Column, Counters, Item, ItemId, Problem, Project, Risk, SCHEMA_VERSION, SavedView,
    Settings, Sprint, Stakeholder, TimelineEntry,
};
use crate::model::{Person, SprintId, SprintScope};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// What `to_ron` writes: the board by reference, each collection sorted by id.
#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    project: &'a Project,
    columns: &'a [Column],
    settings: &'a Settings,
    /// The backlog, best first: item ids, one per line.
    rank: Vec<ItemId>,
    items: Vec<&'a Item>,
    sprints: Vec<&'a Sprint>,
    timeline: Vec<&'a TimelineEntry>,
    risks: Vec<&'a Risk>,
    stakeholders: Vec<&'a Stakeholder>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    conflicts: &'a [Conflict],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    views: &'a [SavedView],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    team: &'a [Person],
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    team_sprints: &'a BTreeSet<SprintId>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sprint_scope: &'a [SprintScope],
}

/// What a version 3 file holds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct In {
    version: u32,
    project: Project,
    columns: Vec<Column>,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    rank: Vec<ItemId>,
    /// Read straight into shared pointers: putting them in rank order then moves pointers only.
    #[serde(default)]
    items: Vec<Arc<Item>>,
    #[serde(default)]
    sprints: Vec<Sprint>,
    #[serde(default)]
    timeline: Vec<TimelineEntry>,
    #[serde(default)]
    risks: Vec<Risk>,
    #[serde(default)]
    stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    conflicts: Vec<Conflict>,
    #[serde(default)]
    views: Vec<SavedView>,
    #[serde(default)]
    team: Vec<Person>,
    #[serde(default)]
    team_sprints: BTreeSet<SprintId>,
    #[serde(default)]
    sprint_scope: Vec<SprintScope>,
}

fn by_id<T, K: Ord>(list: &[T], id: impl Fn(&T) -> K) -> Vec<&T> {
    let mut v: Vec<&T> = list.iter().collect();
    v.sort_by_key(|x| id(x));
    v
}

/// Serialises `board` in the file's layout with `write` (RON, pretty).
pub fn serialize<S: serde::Serializer>(board: &Board, s: S) -> Result<S::Ok, S::Error> {
    out(board, true).serialize(s)
}

/// Serialises `board` with its rank and items left empty: the rest of the file, into which the
/// text cache (`textcache.rs`) puts those two lists.
pub fn serialize_without_items<S: serde::Serializer>(
    board: &Board,
    s: S,
) -> Result<S::Ok, S::Error> {
    out(board, false).serialize(s)
}

fn out(board: &Board, with_items: bool) -> Out<'_> {
    let Board {
        version: _,
        project,
        columns,
        settings,
        counters: _,
        items,
        sprints,
        timeline,
        risks,
        stakeholders,
        conflicts,
        views,
        team,
        team_sprints,
        sprint_scope,
    } = board;
    Out {
        version: SCHEMA_VERSION,
        project,
        columns,
        settings,
        rank: if with_items {
            items.iter().map(|i| i.id).collect()
        } else {
            Vec::new()
        },
        items: if with_items {
            let mut v: Vec<&Item> = items.iter().map(|i| &**i).collect();
            v.sort_by_key(|i| i.id);
            v
        } else {
            Vec::new()
        },
        sprints: by_id(sprints, |s| s.id),
        timeline: by_id(timeline, |e| e.id),
        risks: by_id(risks, |r| r.id),
        stakeholders: by_id(stakeholders, |s| s.id),
        conflicts,
        views,
        team,
        team_sprints,
        sprint_scope,
    }
}

/// `board` without its items: what the file holds besides the rank and the items.
pub(crate) fn rest_of(board: &Board) -> Board {
    let Board {
        version,
        project,
        columns,
        settings,
        counters,
        items: _,
        sprints,
        timeline,
        risks,
        stakeholders,
        conflicts,
        views,
        team,
        team_sprints,
        sprint_scope,
    } = board;
    Board {
        version: *version,
        project: project.clone(),
        columns: columns.clone(),
        settings: settings.clone(),
        counters: counters.clone(),
        items: Vec::new(),
        sprints: sprints.clone(),
        timeline: timeline.clone(),
        risks: risks.clone(),
        stakeholders: stakeholders.clone(),
        conflicts: conflicts.clone(),
        views: views.clone(),
        team: team.clone(),
        team_sprints: team_sprints.clone(),
        sprint_scope: sprint_scope.clone(),
    }
}

/// Reads a version 3 board with `de` and puts the backlog in rank order. A rank that names an item
/// that is not there, or one twice, is a problem; an item the rank leaves out (a hand edit) goes to
/// the bottom, in id order.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(
    de: D,
) -> Result<Result<Board, Vec<Problem>>, D::Error> {
    let In {
        version,
        project,
        columns,
        settings,
        rank,
        items,
        sprints,
        timeline,
        risks,
        stakeholders,
        conflicts,
        views,
        team,
        team_sprints,
        sprint_scope,
    } = In::deserialize(de)?;
    let key = |id: ItemId| crate::model::item_key(&project.key, id);
    let mut problems = Vec::new();
    // Where each id is in `items`: a table by id when the ids are dense (as cairn hands them out),
    // else a map.
    let top = items.iter().map(|i| i.id.0 as usize + 1).max().unwrap_or(0);
    let dense = top <= items.len().saturating_mul(4) + 1024;
    let mut table: Vec<u32> = if dense {
        vec![u32::MAX; top]
    } else {
        Vec::new()
    };
    let mut map: HashMap<ItemId, u32> = HashMap::new();
    for (at, it) in items.iter().enumerate() {
        let slot = if dense {
            &mut table[it.id.0 as usize]
        } else {
            map.entry(it.id).or_insert(u32::MAX)
        };
        if *slot != u32::MAX {
            problems.push(Problem(format!("item id {} is used twice", it.id.0)));
        } else {
            *slot = at as u32;
        }
    }
    let at = |id: ItemId| -> Option<usize> {
        let v = if dense {
            table.get(id.0 as usize).copied()
        } else {
            map.get(&id).copied()
        };
        v.filter(|&v| v != u32::MAX).map(|v| v as usize)
    };
    let mut slots: Vec<Option<Arc<Item>>> = items.into_iter().map(Some).collect();
    let mut ranked: Vec<Arc<Item>> = Vec::with_capacity(slots.len());
    for id in rank {
        match at(id).map(|p| slots[p].take()) {
            Some(Some(it)) => ranked.push(it),
            Some(None) => problems.push(Problem(format!("rank lists {} twice", key(id)))),
            None => problems.push(Problem(format!(
                "rank lists {}, which is not among the items",
                key(id)
            ))),
        }
    }
    if ranked.len() < slots.len() {
        // Items the rank leaves out (a hand edit) go to the bottom, in id order.
        let mut rest: Vec<Arc<Item>> = slots.into_iter().flatten().collect();
        rest.sort_by_key(|i| i.id);
        ranked.extend(rest);
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let mut board = Board {
        version,
        project,
        columns,
        settings,
        counters: Counters::default(),
        items: ranked,
        sprints,
        timeline,
        risks,
        stakeholders,
        conflicts,
        views,
        team,
        team_sprints,
        sprint_scope,
    };
    board.repair_counters();
    renumber_twin_notes(&mut board);
    Ok(Ok(board))
}

/// Two clones that each add a note to a different stakeholder both take the next note id, and git
/// merges the two notes cleanly (they are in different places of the file). Nothing refers to a
/// note by its id, so the later of two notes with one id takes the next free id instead of the
/// board being refused: the same the semantic merge does with theirs.
fn renumber_twin_notes(board: &mut Board) {
    let mut seen = std::collections::HashSet::new();
    let mut next = board.counters.note;
    for n in board
        .stakeholders
        .iter_mut()
        .flat_map(|s| s.notes.iter_mut())
    {
        if !seen.insert(n.id) {
            n.id = crate::model::NoteId(next);
            seen.insert(n.id);
            next += 1;
        }
    }
    board.counters.note = next;
}

#[cfg(test)]
mod tests {
    use crate::store::{from_ron, to_ron};
    use std::path::Path;

    fn sample_text() -> String {
        to_ron(&crate::io::generate::generate(20, 3)).expect("serialises")
    }

    #[test]
    fn a_rank_naming_a_missing_item_or_one_twice_is_a_named_problem() {
        let text = sample_text();
        let first = text
            .lines()
            .skip_while(|l| !l.starts_with("  rank: ["))
            .nth(1)
            .expect("a rank line")
            .to_string();
        let twice = text.replacen(&first, &format!("{first}\n{first}"), 1);
        let e = from_ron(&twice, Path::new("b.ron")).expect_err("twice");
        assert!(e.to_string().contains("twice"), "{e}");
        let missing = text.replacen(&first, &format!("{first}\n    9999,"), 1);
        let e = from_ron(&missing, Path::new("b.ron")).expect_err("missing");
        assert!(
            e.to_string()
                .contains("GEN-9999, which is not among the items"),
            "{e}"
        );
    }

    #[test]
    fn an_item_the_rank_leaves_out_goes_to_the_bottom() {
        let text = sample_text();
        let board = from_ron(&text, Path::new("b.ron")).expect("loads");
        let top = board.items[0].id;
        let line = format!("    {},\n", top.0);
        let start = text.find("  rank: [\n").expect("rank") + "  rank: [\n".len();
        let at = start + text[start..].find(&line).expect("its line");
        let mut edited = text.clone();
        edited.replace_range(at..at + line.len(), "");
        let got = from_ron(&edited, Path::new("b.ron")).expect("loads");
        assert_eq!(got.items.last().map(|i| i.id), Some(top));
        assert_eq!(got.items.len(), board.items.len());
    }
}
