use super::*;
use crate::model::{Column, Moscow};

fn board() -> Board {
    crate::store::sample_board(jiff::civil::date(2026, 12, 1))
}

/// `edit` applied to `b`, with its inverse.
fn made(b: &mut Board, edit: Edit) -> (Edit, Edit) {
    let undo = b.apply(edit.clone()).unwrap();
    (edit, undo)
}

fn with_item(b: &Board, n: usize, f: impl FnOnce(&mut Item)) -> Edit {
    let mut item = (*b.items[n]).clone();
    f(&mut item);
    Edit::UpdateItem(Box::new(item))
}

fn replayed(theirs: &Board, edits: Vec<(Edit, Edit)>) -> (Board, Report) {
    let mut b = theirs.clone();
    let mut report = Report::default();
    for (e, u) in edits {
        onto_changed(&mut b, e, u, &mut report);
    }
    (b, report)
}

#[test]
fn onto_the_board_they_were_made_on_the_edits_apply_as_made() {
    let base = board();
    let mut ours = base.clone();
    let id = ours.items[3].id;
    let edits = vec![
        made(&mut ours, with_item(&base, 0, |i| i.title = "New".into())),
        made(&mut ours, Edit::MoveItem { id, to: 0 }),
        made(&mut ours, Edit::RemoveRisk(base.risks[0].id)),
    ];
    let (got, report) = replayed(&base, edits);
    assert_eq!(got, ours);
    assert_eq!((report.applied, report.merged), (3, 0));
}

#[test]
fn a_field_they_changed_too_merges_and_the_same_field_is_a_conflict_keeping_ours() {
    let base = board();
    let mut ours = base.clone();
    let edit = with_item(&base, 0, |i| {
        i.title = "Ours".into();
        i.moscow = Some(Moscow::Must);
    });
    let edits = vec![made(&mut ours, edit)];
    let mut theirs = base.clone();
    theirs
        .apply(with_item(&base, 0, |i| {
            i.points = Some(21);
            i.title = "Theirs".into();
        }))
        .unwrap();
    let (got, report) = replayed(&theirs, edits);
    let item = &got.items[0];
    assert_eq!(item.title, "Ours");
    assert_eq!(item.points, Some(21));
    assert_eq!(item.moscow, Some(Moscow::Must));
    assert_eq!(report.merged, 1);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].field, "title");
    assert_eq!(report.conflicts[0].theirs.as_deref(), Some("Theirs"));
}

#[test]
fn an_edit_the_file_already_has_is_counted_and_not_applied_twice() {
    let base = board();
    let mut ours = base.clone();
    let spare = {
        let mut i = (*base.items[0]).clone();
        i.id = ItemId(9_000);
        i.title = "Added".into();
        i
    };
    let edits = vec![
        made(&mut ours, with_item(&base, 1, |i| i.title = "Same".into())),
        made(
            &mut ours,
            Edit::InsertItem {
                index: 0,
                item: Box::new(spare),
            },
        ),
    ];
    // A save of ours landed, then the file changed: both edits are in it already.
    let (got, report) = replayed(&ours, edits);
    assert_eq!(got, ours);
    assert_eq!((report.already, report.applied), (2, 0));
}

#[test]
fn a_delete_of_a_record_they_changed_is_refused_and_an_update_of_one_they_deleted_too() {
    let base = board();
    let mut ours = base.clone();
    let (risk, entry) = (base.risks[0].clone(), base.timeline[0].clone());
    let mut changed_entry = entry.clone();
    changed_entry.name = "Ours".into();
    let edits = vec![
        made(&mut ours, Edit::RemoveRisk(risk.id)),
        made(&mut ours, Edit::UpdateEntry(Box::new(changed_entry))),
    ];
    let mut theirs = base.clone();
    let mut their_risk = risk.clone();
    their_risk.title = "Theirs".into();
    theirs
        .apply(Edit::UpdateRisk(Box::new(their_risk)))
        .unwrap();
    theirs.timeline.retain(|e| e.id != entry.id);
    let (got, report) = replayed(&theirs, edits);
    assert!(got.risk(risk.id).is_some(), "their change stands");
    assert!(got.entry(entry.id).is_none(), "their delete stands");
    let why: Vec<&str> = report.refused.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(why.len(), 2, "{why:?}");
    assert!(why[0].contains("was changed in the file"), "{why:?}");
    assert!(why[1].contains("was deleted in the file"), "{why:?}");
}

#[test]
fn a_new_record_whose_number_they_took_is_refused_with_both_named() {
    let base = board();
    let mut ours = base.clone();
    let mut mine = (*base.items[0]).clone();
    mine.id = ItemId(9_001);
    mine.title = "Mine".into();
    let edits = vec![made(
        &mut ours,
        Edit::InsertItem {
            index: 0,
            item: Box::new(mine.clone()),
        },
    )];
    let mut theirs = base.clone();
    let mut their = mine.clone();
    their.title = "Theirs".into();
    theirs
        .apply(Edit::InsertItem {
            index: 0,
            item: Box::new(their),
        })
        .unwrap();
    let (got, report) = replayed(&theirs, edits);
    assert_eq!(got.item(ItemId(9_001)).unwrap().title, "Theirs");
    assert_eq!(report.refused.len(), 1);
    assert!(
        report.refused[0].0.contains("taken"),
        "{:?}",
        report.refused
    );
}

#[test]
fn a_reorder_keeps_the_items_they_added_where_they_put_them() {
    let base = board();
    let mut ours = base.clone();
    let mut order: Vec<ItemId> = base.items.iter().map(|i| i.id).collect();
    order.reverse();
    let edits = vec![made(&mut ours, Edit::Reorder(order.clone()))];
    let mut theirs = base.clone();
    let mut added = (*base.items[0]).clone();
    added.id = ItemId(9_002);
    theirs
        .apply(Edit::InsertItem {
            index: 2,
            item: Box::new(added),
        })
        .unwrap();
    let (got, report) = replayed(&theirs, edits);
    assert_eq!(report.applied, 1);
    assert_eq!(got.items[2].id, ItemId(9_002), "theirs keeps its place");
    let rest: Vec<ItemId> = got
        .items
        .iter()
        .map(|i| i.id)
        .filter(|id| *id != ItemId(9_002))
        .collect();
    assert_eq!(rest, order, "ours in our order around it");
}

#[test]
fn whole_values_merge_three_way_and_a_batch_pairs_each_edit_with_its_inverse() {
    let base = board();
    let mut ours = base.clone();
    let mut columns = base.columns.clone();
    columns.push(Column {
        name: "Ours".into(),
        ..columns[0].clone()
    });
    let mut project = base.project.clone();
    project.name = "Renamed".into();
    let edits = vec![made(
        &mut ours,
        Edit::Batch(vec![
            Edit::SetColumns(columns),
            Edit::SetProject(Box::new(project)),
        ]),
    )];
    let mut theirs = base.clone();
    let mut their_project = base.project.clone();
    their_project.goal = "Their goal".into();
    theirs
        .apply(Edit::SetProject(Box::new(their_project)))
        .unwrap();
    let (got, report) = replayed(&theirs, edits);
    assert_eq!(got.columns.last().unwrap().name, "Ours");
    assert_eq!(got.project.name, "Renamed");
    assert_eq!(got.project.goal, "Their goal");
    assert_eq!((report.applied, report.merged), (1, 1), "{report:?}");
    assert!(report.conflicts.is_empty());
}
