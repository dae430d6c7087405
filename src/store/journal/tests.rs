use super::*;
use crate::model::{Board, Edit};
use crate::store::{content_hash, from_ron, to_ron};
use std::os::unix::fs::PermissionsExt;

fn board() -> Board {
    crate::store::sample_board(jiff::civil::date(2026, 12, 1))
}

/// A board file on disk, and the journal for it as it is.
fn setup(dir: &Path, b: &Board) -> (PathBuf, Journal) {
    let path = dir.join("b.ron");
    let text = to_ron(b).unwrap();
    fs::write(&path, &text).unwrap();
    let j = Journal::new(&path, text.len() as u64, content_hash(text.as_bytes()));
    (path, j)
}

/// Applies `edit` to `b` and gives the journal line's triple.
fn change(b: &mut Board, rev: u64, edit: Edit) -> (u64, Edit, Edit) {
    let undo = b.apply(edit.clone()).unwrap();
    (rev, edit, undo)
}

/// Retitles the `n`th item as revision `rev`.
fn rename(b: &mut Board, rev: u64, n: usize, title: &str) -> (u64, Edit, Edit) {
    let edit = retitle(b, n, title);
    change(b, rev, edit)
}

fn retitle(b: &Board, n: usize, title: &str) -> Edit {
    let mut item = (*b.items[n]).clone();
    item.title = title.into();
    Edit::UpdateItem(Box::new(item))
}

/// The board on disk with its journal replayed, as the next start sees it.
fn reopened(path: &Path) -> (Board, Option<Recovered>) {
    let text = fs::read_to_string(path).unwrap();
    let mut b = from_ron(&text, path).unwrap();
    let r = recover(
        path,
        &mut b,
        text.len() as u64,
        content_hash(text.as_bytes()),
    );
    (b, r)
}

#[test]
fn a_line_round_trips_and_a_changed_byte_is_refused() {
    let b = board();
    let line = Line::Edit {
        rev: 3,
        edit: retitle(&b, 0, "Two\nlines \"quoted\""),
        undo: retitle(&b, 0, "old"),
    };
    let text = encode(&line).unwrap();
    assert_eq!(text.matches('\n').count(), 1, "one line: {text}");
    assert_eq!(decode(text.trim_end()), Some(line));
    let damaged = text.trim_end().replacen("Two", "Tw0", 1);
    assert_eq!(decode(&damaged), None);
}

#[test]
fn edits_replay_exactly_onto_the_board_the_journal_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let first = rename(&mut b, 1, 0, "Renamed");
    let id = b.items[2].id;
    let second = change(&mut b, 2, Edit::MoveItem { id, to: 0 });
    assert!(j.append(vec![first, second]).unwrap());
    let (got, r) = reopened(&path);
    let r = r.expect("a journal");
    assert!(r.exact);
    assert_eq!(r.report.applied, 2);
    assert_eq!(got, b, "the board with both changes");
}

#[test]
fn a_torn_last_line_is_cut_off_and_the_rest_replays() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let first = rename(&mut b, 1, 0, "Kept");
    j.append(vec![first]).unwrap();
    let expected = b.clone();
    let torn = encode(&Line::Edit {
        rev: 2,
        edit: retitle(&b, 1, "Lost"),
        undo: retitle(&b, 1, "x"),
    })
    .unwrap();
    let mut f = OpenOptions::new().append(true).open(j.path()).unwrap();
    f.write_all(&torn.as_bytes()[..torn.len() / 2]).unwrap();
    let (got, r) = reopened(&path);
    let r = r.expect("a journal");
    assert!(r.torn && r.exact && r.unreadable.is_empty());
    assert_eq!(r.report.applied, 1);
    assert_eq!(got, expected);
}

#[test]
fn a_damaged_line_in_the_middle_keeps_what_follows_aside() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let a = rename(&mut b, 1, 0, "One");
    let c = rename(&mut b, 2, 1, "Two");
    let d = rename(&mut b, 3, 2, "Three");
    j.append(vec![a, c, d]).unwrap();
    let text = fs::read_to_string(j.path()).unwrap();
    let damaged: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(n, l)| {
            if n == 2 {
                l.replacen("Two", "Tw0", 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    fs::write(j.path(), damaged.join("\n") + "\n").unwrap();
    let (got, r) = reopened(&path);
    let r = r.expect("a journal");
    assert_eq!(r.report.applied, 1, "the line before the damage");
    assert_eq!(r.unreadable.len(), 2, "the damaged line and the one after");
    assert_eq!(got.items[0].title, "One");
    let kept = reject(&path, &r).unwrap().expect("a file");
    let said = fs::read_to_string(&kept).unwrap();
    assert!(said.contains("Tw0") && said.contains("Three"), "{said}");
}

#[test]
fn after_a_save_only_the_edits_it_did_not_cover_replay() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let first = rename(&mut b, 1, 0, "Saved");
    j.append(vec![first]).unwrap();
    // The save of revision 1 lands; revision 2 is journaled after it.
    let text = to_ron(&b).unwrap();
    let (len, hash) = (text.len() as u64, content_hash(text.as_bytes()));
    j.saving(1, len, hash).unwrap();
    fs::write(&path, &text).unwrap();
    j.saved(1, len, hash).unwrap();
    let second = rename(&mut b, 2, 1, "Journaled");
    j.append(vec![second]).unwrap();
    let (got, r) = reopened(&path);
    let r = r.expect("a journal");
    assert!(r.exact);
    assert_eq!(r.report.applied, 1, "only the edit after the save");
    assert_eq!(got, b);
}

#[test]
fn a_crash_between_the_saving_line_and_the_rename_replays_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let first = rename(&mut b, 1, 0, "Not yet in the file");
    j.append(vec![first]).unwrap();
    let text = to_ron(&b).unwrap();
    j.saving(1, text.len() as u64, content_hash(text.as_bytes()))
        .unwrap();
    // No rename: the file is still the one the header names.
    let (got, r) = reopened(&path);
    assert!(r.expect("a journal").exact);
    assert_eq!(got, b);
}

#[test]
fn a_board_changed_since_gets_the_edits_as_operations_and_what_no_longer_applies_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    // An item nothing links to, which they will delete.
    let mut spare = (*b.items[0]).clone();
    spare.id = crate::model::ItemId(b.items.iter().map(|i| i.id.0).max().unwrap() + 1);
    spare.title = "Spare".into();
    let at = b.items.len();
    b.apply(Edit::InsertItem {
        index: at,
        item: Box::new(spare),
    })
    .unwrap();
    let (path, mut j) = setup(dir.path(), &b);
    let kept_id = b.items[0].id;
    let last = b.items.len() - 1;
    let gone_id = b.items[last].id;
    let mut theirs = b.clone();
    let ours_title = rename(&mut b, 1, 0, "Our title");
    let ours_gone = rename(&mut b, 2, last, "Edited, but deleted in the file");
    j.append(vec![ours_title, ours_gone]).unwrap();
    // A `git pull` while cairn was dead: they set points on the first item and deleted the second.
    let mut first = (*theirs.items[0]).clone();
    first.points = Some(13);
    theirs.apply(Edit::UpdateItem(Box::new(first))).unwrap();
    theirs.apply(Edit::RemoveItem(gone_id)).unwrap();
    fs::write(&path, to_ron(&theirs).unwrap()).unwrap();

    let (got, r) = reopened(&path);
    let r = r.expect("a journal");
    assert!(!r.exact);
    assert_eq!(r.report.merged, 1, "{r:?}");
    assert_eq!(r.report.refused.len(), 1, "{r:?}");
    let item = got.item(kept_id).unwrap();
    assert_eq!((item.title.as_str(), item.points), ("Our title", Some(13)));
    assert!(got.item(gone_id).is_none(), "their delete stands");
    let file = reject(&path, &r).unwrap().expect("a recovery file");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("was deleted in the file") && text.contains("Edited, but deleted"),
        "{text}"
    );
    let said = r.describe(&path, Some(&file));
    assert!(
        said.contains("changed while cairn was not running") && said.contains("no longer applies"),
        "{said}"
    );
}

#[test]
fn a_journal_of_another_version_is_kept_whole_and_not_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let b = board();
    let (path, j) = setup(dir.path(), &b);
    let header = encode(&Line::Board {
        version: VERSION + 1,
        len: 0,
        hash: 0,
    })
    .unwrap();
    fs::write(j.path(), header).unwrap();
    let (got, r) = reopened(&path);
    let r = r.expect("a journal");
    assert_eq!(got, b);
    assert_eq!(r.unreadable.len(), 1);
}

#[test]
fn the_journal_takes_the_boards_mode_and_a_save_then_quit_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let first = rename(&mut b, 1, 0, "x");
    j.append(vec![first]).unwrap();
    let mode = fs::metadata(j.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    j.remove().unwrap();
    assert!(!j.path().exists());
    let (_, r) = reopened(&path);
    assert!(r.is_none());
}

#[test]
fn a_failed_write_leaves_whole_lines_and_the_next_save_removes_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let first = rename(&mut b, 1, 0, "Durable");
    j.append(vec![first]).unwrap();
    let durable = b.clone();
    j.inject_faults(Faults::fail_at(2)); // the sync of the next append
    let second = rename(&mut b, 2, 1, "Not durable");
    assert!(j.append(vec![second]).is_err());
    j.fail();
    let third = rename(&mut b, 3, 2, "After the failure");
    assert!(
        !j.append(vec![third]).unwrap(),
        "a failed journal takes no more"
    );
    let (got, r) = reopened(&path);
    assert!(r.expect("a journal").exact);
    // The line whose sync failed may or may not be on disk; the first one always is.
    assert_eq!(got.items[0].title, durable.items[0].title);
    assert_ne!(got.items[2].title, "After the failure");
    j.saved(3, 0, 0).unwrap();
    assert!(!j.path().exists());
}

#[test]
fn a_big_journal_is_compacted_after_a_save_to_what_the_save_did_not_cover() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board();
    let (path, mut j) = setup(dir.path(), &b);
    let first = rename(&mut b, 1, 0, "In the save");
    j.append(vec![first]).unwrap();
    j.size = COMPACT_AT + 1; // as if it had grown
    let text = to_ron(&b).unwrap();
    let (len, hash) = (text.len() as u64, content_hash(text.as_bytes()));
    let second = rename(&mut b, 2, 1, "After the save");
    j.append(vec![second]).unwrap();
    j.saving(1, len, hash).unwrap();
    fs::write(&path, &text).unwrap();
    j.saved(1, len, hash).unwrap();
    let lines = fs::read_to_string(j.path()).unwrap();
    assert_eq!(
        lines.lines().count(),
        2,
        "the header and the edit after the save"
    );
    let third = rename(&mut b, 3, 2, "Appended after");
    j.append(vec![third]).unwrap();
    let (got, r) = reopened(&path);
    assert_eq!(r.expect("a journal").report.applied, 2);
    assert_eq!(got, b);
}
