//! The merge on the sample board: each rule of the module, the identities, and that the result
//! always validates.

use super::*;
use crate::model::rules::{add_item, set_blocked_by, set_points, set_status};
use crate::model::stakeholder::add_note;
use crate::model::{ItemKind, NoteKind};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 12, 1);

fn sample() -> Board {
    crate::store::sample_board(TODAY)
}

fn key(b: &Board, k: &str) -> ItemId {
    b.parse_item_key(k).expect("on the sample")
}

fn edit_item(b: &mut Board, k: &str, f: impl FnOnce(&mut Item)) {
    let mut it = b.item(key(b, k)).unwrap().clone();
    f(&mut it);
    b.apply(crate::model::Edit::UpdateItem(Box::new(it)))
        .unwrap();
}

fn clean(m: &Merged) {
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    assert_eq!(m.board.validate(), Vec::new());
    assert!(m.problems.is_empty());
}

#[test]
fn merging_a_side_with_itself_or_with_no_change_is_the_identity() {
    let base = sample();
    let mut changed = base.clone();
    edit_item(&mut changed, "CRN-12", |i| i.title = "Renamed".into());
    let m = merge(&base, &base, &base);
    clean(&m);
    assert_eq!(m.board, base);
    let m = merge(&base, &changed, &base);
    assert_eq!(m.board, changed);
    assert_eq!(m.from_theirs, 0);
    let m = merge(&base, &base, &changed);
    assert_eq!(m.board, changed);
    assert_eq!(m.from_theirs, 1);
    let m = merge(&base, &changed, &changed);
    clean(&m);
    assert_eq!(m.board, changed);
}

#[test]
fn different_fields_of_one_item_both_land() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit_item(&mut ours, "CRN-20", |i| i.title = "Ours title".into());
    let id = key(&theirs, "CRN-20");
    theirs
        .apply(set_points(&theirs, id, Some(13), TODAY).unwrap())
        .unwrap();
    let m = merge(&base, &ours, &theirs);
    clean(&m);
    let it = m.board.item(id).unwrap();
    assert_eq!((it.title.as_str(), it.points), ("Ours title", Some(13)));
}

#[test]
fn one_field_changed_two_ways_keeps_ours_and_records_the_three_values() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit_item(&mut ours, "CRN-20", |i| i.title = "Ours".into());
    edit_item(&mut theirs, "CRN-20", |i| i.title = "Theirs".into());
    let m = merge(&base, &ours, &theirs);
    assert_eq!(
        m.board.validate(),
        Vec::new(),
        "the merged board still loads"
    );
    assert_eq!(m.board.item(key(&base, "CRN-20")).unwrap().title, "Ours");
    let was = base.item(key(&base, "CRN-20")).unwrap().title.clone();
    assert_eq!(
        m.conflicts,
        vec![Conflict {
            what: "CRN-20".into(),
            field: "title".into(),
            path: vec!["items".into(), "#20".into(), "title".into()],
            base: Some(was),
            ours: Some("Ours".into()),
            theirs: Some("Theirs".into()),
        }]
    );
    assert_eq!(m.board.conflicts, m.conflicts, "kept in the board");
}

#[test]
fn both_sides_adding_an_item_keep_both_and_theirs_is_renumbered_with_its_links() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (e, ours_id) = add_item(&ours, ItemKind::Story, "Ours new", 0, TODAY).unwrap();
    ours.apply(e).unwrap();
    let (e, a) = add_item(&theirs, ItemKind::Story, "Theirs A", 3, TODAY).unwrap();
    theirs.apply(e).unwrap();
    let (e, b) = add_item(&theirs, ItemKind::Story, "Theirs B", 4, TODAY).unwrap();
    theirs.apply(e).unwrap();
    theirs
        .apply(set_blocked_by(&theirs, b, vec![a]).unwrap())
        .unwrap();
    assert_eq!(ours_id, a, "both sides took the same next id");
    let m = merge(&base, &ours, &theirs);
    clean(&m);
    let titles = |t: &str| m.board.items.iter().filter(|i| i.title == t).count();
    assert_eq!(
        (titles("Ours new"), titles("Theirs A"), titles("Theirs B")),
        (1, 1, 1)
    );
    let new_a = m
        .board
        .items
        .iter()
        .find(|i| i.title == "Theirs A")
        .unwrap()
        .id;
    let new_b = m
        .board
        .items
        .iter()
        .find(|i| i.title == "Theirs B")
        .unwrap();
    assert_ne!(new_a, ours_id);
    assert_eq!(new_b.blocked_by, vec![new_a], "the link follows the new id");
    assert!(
        m.renumbered
            .iter()
            .any(|r| r.ends_with(&format!("is now {}", m.board.item_key(new_a)))),
        "{:?}",
        m.renumbered
    );
    assert_eq!(m.board.items[0].title, "Ours new", "ours' rank");
    assert!(m.board.counters.item > new_b.id.0.max(new_a.0));
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict_that_keeps_the_record() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let id = key(&base, "CRN-30");
    ours.apply(crate::model::rules::delete_item(&ours, id).unwrap())
        .unwrap();
    edit_item(&mut theirs, "CRN-30", |i| i.title = "Still wanted".into());
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.board.item(id).unwrap().title, "Still wanted");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].what, "CRN-30");
    assert!(m.conflicts[0].field.contains("deleted on one side"));
    assert_eq!(m.board.validate(), Vec::new());
    // Deleted on one side and untouched on the other: gone, no conflict.
    let m = merge(&base, &ours, &base);
    clean(&m);
    assert!(m.board.item(id).is_none());
}

#[test]
fn rank_moves_far_apart_both_land_and_one_item_moved_twice_is_a_conflict() {
    let base = sample();
    let ids: Vec<ItemId> = base.items.iter().map(|i| i.id).collect();
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.apply(crate::model::Edit::MoveItem {
        id: first,
        to: ids.len() - 1,
    })
    .unwrap();
    theirs
        .apply(crate::model::Edit::MoveItem { id: last, to: 0 })
        .unwrap();
    let m = merge(&base, &ours, &theirs);
    clean(&m);
    let got: Vec<ItemId> = m.board.items.iter().map(|i| i.id).collect();
    assert_eq!(got[0], last);
    assert_eq!(got[got.len() - 1], first);
    assert_eq!(got.len(), ids.len());

    let mut theirs = base.clone();
    theirs
        .apply(crate::model::Edit::MoveItem { id: first, to: 2 })
        .unwrap();
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, "rank");
    assert_eq!(m.board.items.last().unwrap().id, first, "where ours put it");
}

#[test]
fn descriptions_merge_line_by_line_and_tags_as_sets() {
    let mut base = sample();
    edit_item(&mut base, "CRN-20", |i| {
        i.description = "one\ntwo\nthree\nfour".into();
        i.tags = vec!["a".into(), "b".into()];
    });
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit_item(&mut ours, "CRN-20", |i| {
        i.description = "ONE\ntwo\nthree\nfour".into();
        i.tags = vec!["a".into(), "b".into(), "ours".into()];
    });
    edit_item(&mut theirs, "CRN-20", |i| {
        i.description = "one\ntwo\nthree\nFOUR".into();
        i.tags = vec!["b".into(), "theirs".into()];
    });
    let m = merge(&base, &ours, &theirs);
    clean(&m);
    let it = m.board.item(key(&base, "CRN-20")).unwrap();
    assert_eq!(it.description, "ONE\ntwo\nthree\nFOUR");
    assert_eq!(it.tags, vec!["b", "ours", "theirs"]);
}

#[test]
fn a_note_each_on_one_stakeholder_keeps_both_and_a_status_change_each_side() {
    let base = sample();
    let who = base.stakeholders[0].id;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (e, _) = add_note(&ours, who, TODAY, NoteKind::Meeting, "ours said", TODAY).unwrap();
    ours.apply(e).unwrap();
    let (e, _) = add_note(
        &theirs,
        who,
        TODAY,
        NoteKind::Decision,
        "theirs said",
        TODAY,
    )
    .unwrap();
    theirs.apply(e).unwrap();
    let (a, b) = (key(&base, "CRN-20"), key(&base, "CRN-21"));
    let done = base.done_column().to_string();
    ours.apply(set_status(&ours, a, &done, TODAY).unwrap())
        .unwrap();
    theirs
        .apply(set_status(&theirs, b, &done, TODAY).unwrap())
        .unwrap();
    let m = merge(&base, &ours, &theirs);
    clean(&m);
    let notes: Vec<&str> = m
        .board
        .stakeholder(who)
        .unwrap()
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert!(
        notes.contains(&"ours said") && notes.contains(&"theirs said"),
        "{notes:?}"
    );
    let mut ids: Vec<u32> = m
        .board
        .stakeholders
        .iter()
        .flat_map(|s| s.notes.iter().map(|n| n.id.0))
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "note ids stay unique");
    assert!(m.board.is_done(m.board.item(a).unwrap()));
    assert!(m.board.is_done(m.board.item(b).unwrap()));
}

#[test]
fn a_link_made_on_one_side_to_an_item_deleted_on_the_other_is_dropped_and_said() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (gone, waits) = (key(&base, "CRN-31"), key(&base, "CRN-20"));
    ours.apply(crate::model::rules::delete_item(&ours, gone).unwrap())
        .unwrap();
    theirs
        .apply(set_blocked_by(&theirs, waits, vec![gone]).unwrap())
        .unwrap();
    let m = merge(&base, &ours, &theirs);
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    assert!(m.board.item(gone).is_none());
    assert!(m.board.item(waits).unwrap().blocked_by.is_empty());
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(
        (c.what.as_str(), c.field.as_str()),
        ("CRN-20", "blocked_by")
    );
    assert!(
        c.theirs.as_deref().unwrap().starts_with("CRN-31 (deleted"),
        "{c:?}"
    );
}

#[test]
fn two_sprints_started_on_two_sides_leave_ours_active_and_say_so() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let planned: Vec<_> = base
        .sprints
        .iter()
        .filter(|s| s.state == crate::model::SprintState::Planned)
        .map(|s| s.id)
        .collect();
    assert!(!planned.is_empty(), "the sample plans a sprint");
    let active = base.active_sprint().unwrap().id;
    let close = |b: &mut Board, start: Option<crate::model::SprintId>| {
        let mut s = b.sprint(active).unwrap().clone();
        s.state = crate::model::SprintState::Closed;
        b.apply(crate::model::Edit::UpdateSprint(Box::new(s)))
            .unwrap();
        if let Some(id) = start {
            let mut s = b.sprint(id).unwrap().clone();
            s.state = crate::model::SprintState::Active;
            b.apply(crate::model::Edit::UpdateSprint(Box::new(s)))
                .unwrap();
        }
    };
    close(&mut ours, Some(planned[0]));
    // Theirs closes it too, and starts a sprint of its own.
    close(&mut theirs, None);
    let mut own = theirs.sprint(planned[0]).unwrap().clone();
    own.id = crate::model::SprintId(theirs.counters.sprint);
    own.name = "Theirs' sprint".into();
    own.state = crate::model::SprintState::Active;
    let at = theirs.sprints.len();
    theirs
        .apply(crate::model::Edit::InsertSprint {
            index: at,
            sprint: Box::new(own.clone()),
        })
        .unwrap();
    let m = merge(&base, &ours, &theirs);
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    assert_eq!(m.board.active_sprint().map(|s| s.id), Some(planned[0]));
    let theirs_sprint = m.board.sprint(own.id).expect("kept");
    assert_eq!(theirs_sprint.state, crate::model::SprintState::Planned);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].what, "sprint \"Theirs' sprint\"");
    assert_eq!(m.conflicts[0].field, "state");
}

/// What "merged N changes" counts: records of a list theirs added or changed, matched as the merge
/// matches them (saved views have no id: by pane and name).
#[test]
fn the_changes_taken_from_theirs_are_counted_record_by_record() {
    use crate::model::{SavedView, ViewPane};
    let view = |name: &str, filter: &str| SavedView {
        name: name.into(),
        pane: ViewPane::Backlog,
        filter: filter.into(),
    };
    let mut base = sample();
    base.views = vec![view("bugs", "kind:bug"), view("mine", "@me")];
    let ours = base.clone();
    let mut theirs = base.clone();
    theirs.views = vec![
        view("bugs", "kind:bug"),
        view("mine", "@me tag:ux"),
        view("spikes", "kind:spike"),
    ];
    let m = merge(&base, &ours, &theirs);
    clean(&m);
    assert_eq!(m.board.views, theirs.views);
    assert_eq!(m.from_theirs, 2, "one view changed, one added");
}
