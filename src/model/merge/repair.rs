//! After the records are merged: a link to a record the other side deleted is dropped (the delete
//! wins, the link is recorded as a conflict so the user sees what went), and a second active sprint
//! goes back to planned (ours stays active), also recorded. What is left for `validate` to find is
//! reported, and the merge then writes nothing.

use super::Conflict;
use crate::model::{Board, EntryId, ItemId, SprintId, SprintState};
use std::collections::HashSet;

fn dropped(what: String, field: &str, path: Vec<String>, gone: String) -> Conflict {
    Conflict {
        what,
        field: field.into(),
        path,
        base: None,
        ours: None,
        theirs: Some(format!(
            "{gone} (deleted on the other side; the link was dropped)"
        )),
    }
}

/// Drops links to records that are not on the merged board; returns one conflict per link dropped.
pub fn repair(board: &mut Board) -> Vec<Conflict> {
    let items: HashSet<ItemId> = board.items.iter().map(|i| i.id).collect();
    let entries: HashSet<EntryId> = board.timeline.iter().map(|e| e.id).collect();
    let sprints: HashSet<SprintId> = board.sprints.iter().map(|s| s.id).collect();
    let mut out = Vec::new();
    let prefix = board.project.key.clone();
    let key = |id: ItemId| crate::model::item_key(&prefix, id);
    // Days off and team capacity of a sprint the other side deleted go with it.
    for p in &mut board.team {
        p.days_off.retain(|s, _| sprints.contains(s));
    }
    board.team_sprints.retain(|s| sprints.contains(s));
    board.sprint_scope.retain(|s| sprints.contains(&s.id));
    for it in board.items.iter_mut() {
        let broken = it.parent.is_some_and(|p| !items.contains(&p))
            || it.sprint.is_some_and(|s| !sprints.contains(&s))
            || it.milestone.is_some_and(|m| !entries.contains(&m))
            || it
                .blocked_by
                .iter()
                .chain(&it.relates_to)
                .any(|i| !items.contains(i));
        if !broken {
            continue;
        }
        let it = std::sync::Arc::make_mut(it);
        let who = key(it.id);
        let path = |f: &str| vec!["items".into(), format!("#{}", it.id.0), f.into()];
        if let Some(p) = it.parent.filter(|p| !items.contains(p)) {
            out.push(dropped(who.clone(), "parent", path("parent"), key(p)));
            it.parent = None;
        }
        if let Some(s) = it.sprint.filter(|s| !sprints.contains(s)) {
            out.push(dropped(
                who.clone(),
                "sprint",
                path("sprint"),
                format!("sprint {s}"),
            ));
            it.sprint = None;
        }
        if let Some(m) = it.milestone.filter(|m| !entries.contains(m)) {
            out.push(dropped(
                who.clone(),
                "milestone",
                path("milestone"),
                format!("entry {m}"),
            ));
            it.milestone = None;
        }
        for (field, list) in [
            ("blocked_by", &mut it.blocked_by),
            ("relates_to", &mut it.relates_to),
        ] {
            for gone in list.iter().filter(|i| !items.contains(i)) {
                out.push(dropped(who.clone(), field, path(field), key(*gone)));
            }
            list.retain(|i| items.contains(i));
        }
    }
    for e in &mut board.timeline {
        let who = super::name::entry(e);
        let path = |f: &str| vec!["timeline".into(), format!("#{}", e.id.0), f.into()];
        for gone in e.items.iter().filter(|i| !items.contains(i)) {
            out.push(dropped(who.clone(), "items", path("items"), key(*gone)));
        }
        for gone in e.depends_on.iter().filter(|d| !entries.contains(d)) {
            out.push(dropped(
                who.clone(),
                "depends_on",
                path("depends_on"),
                format!("entry {gone}"),
            ));
        }
        e.items.retain(|i| items.contains(i));
        e.depends_on.retain(|d| entries.contains(d));
    }
    for r in &mut board.risks {
        let who = super::name::risk(r);
        let path = |f: &str| vec!["risks".into(), format!("#{}", r.id.0), f.into()];
        for gone in r.items.iter().filter(|i| !items.contains(i)) {
            out.push(dropped(who.clone(), "items", path("items"), key(*gone)));
        }
        for gone in r.entries.iter().filter(|d| !entries.contains(d)) {
            out.push(dropped(
                who.clone(),
                "entries",
                path("entries"),
                format!("entry {gone}"),
            ));
        }
        r.items.retain(|i| items.contains(i));
        r.entries.retain(|d| entries.contains(d));
    }
    for s in &mut board.stakeholders {
        for n in &mut s.notes {
            let who = format!("note {} ({})", n.id, s.name);
            let path = |f: &str| {
                vec![
                    "stakeholders".into(),
                    format!("#{}", s.id.0),
                    "notes".into(),
                    format!("#{}", n.id.0),
                    f.into(),
                ]
            };
            for gone in n.items.iter().filter(|i| !items.contains(i)) {
                out.push(dropped(who.clone(), "items", path("items"), key(*gone)));
            }
            for gone in n.entries.iter().filter(|d| !entries.contains(d)) {
                out.push(dropped(
                    who.clone(),
                    "entries",
                    path("entries"),
                    format!("entry {gone}"),
                ));
            }
            n.items.retain(|i| items.contains(i));
            n.entries.retain(|d| entries.contains(d));
        }
    }
    out
}

/// One active sprint at most: any other goes back to planned (`ours_active` stays).
pub fn one_active_sprint(board: &mut Board, ours_active: Option<SprintId>) -> Vec<Conflict> {
    let active: Vec<SprintId> = board
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Active)
        .map(|s| s.id)
        .collect();
    if active.len() < 2 {
        return Vec::new();
    }
    let keep = ours_active
        .filter(|a| active.contains(a))
        .unwrap_or(active[0]);
    let mut out = Vec::new();
    for s in board
        .sprints
        .iter_mut()
        .filter(|s| s.state == SprintState::Active && s.id != keep)
    {
        s.state = SprintState::Planned;
        s.committed = None;
        out.push(Conflict {
            what: super::name::sprint(s),
            field: "state".into(),
            path: vec!["sprints".into(), format!("#{}", s.id.0), "state".into()],
            base: None,
            ours: Some("Planned".into()),
            theirs: Some("Active (another sprint was started on the other side)".into()),
        });
    }
    out
}
