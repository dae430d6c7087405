//! The journal: replayed and saved after a crash (what no longer applies kept beside the board), and
//! kept from the first change of a board made at the first run.

use super::*;

/// A journal a crash left (issue 18): the next open replays it, saves the board with it (the file
/// as it was goes to the backups first), says so, and removes the journal; what no longer applies
/// onto a file changed since is kept in a file beside the board.
#[test]
fn opening_after_a_crash_replays_the_journal_saves_it_and_keeps_what_no_longer_applies() {
    use cairn::model::Edit;
    use cairn::store::content_hash;
    use cairn::store::journal::{Journal, journal_path};
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(200, 4);
    // An item nothing links to, which someone will delete.
    let spare = ItemId(board.items.iter().map(|i| i.id.0).max().unwrap() + 1);
    let mut it = (*board.items[0]).clone();
    (it.id, it.title, it.parent) = (spare, "Spare".into(), None);
    let end = board.items.len();
    board
        .apply(Edit::InsertItem {
            index: end,
            item: Box::new(it),
        })
        .unwrap();
    write_board(&path, &board);
    let text = fs::read_to_string(&path).unwrap();
    let mut j = Journal::new(&path, text.len() as u64, content_hash(text.as_bytes()));
    let retitle = |b: &Board, n: usize, title: &str| {
        let mut it = (*b.items[n]).clone();
        it.title = title.into();
        Edit::UpdateItem(Box::new(it))
    };
    let edit = retitle(&board, 0, "Recovered");
    let undo = board.apply(edit.clone()).unwrap();
    j.append(vec![(1, edit, undo)]).unwrap();
    drop(j); // the crash

    let mut opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.board, board);
    assert_eq!(store::read(&path).unwrap(), board, "saved to the file");
    assert!(!journal_path(&path).exists(), "the journal is done with");
    let said = opened.store.take_notices().join(" · ");
    assert!(
        said.contains("Recovered 1 change from the journal"),
        "{said}"
    );
    assert_eq!(store::list_backups(&path).len(), 1, "the file as it was");
    drop(opened);

    // Again, but the file changed while cairn was not running: their delete beats our edit.
    let text = fs::read_to_string(&path).unwrap();
    let mut j = Journal::new(&path, text.len() as u64, content_hash(text.as_bytes()));
    let gone = spare;
    let at = board.items.iter().position(|i| i.id == gone).unwrap();
    let mut theirs = board.clone();
    let edit = retitle(&board, at, "Edited, deleted in the file");
    let undo = board.apply(edit.clone()).unwrap();
    j.append(vec![(1, edit, undo)]).unwrap();
    drop(j);
    theirs.apply(Edit::RemoveItem(gone)).unwrap();
    write_board(&path, &theirs);
    let mut opened = Store::open(&path, None).expect("opens");
    let said = opened.store.take_notices().join(" · ");
    assert!(said.contains("no longer applies"), "{said}");
    let kept: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("journal-rejected"))
        .collect();
    assert_eq!(kept.len(), 1, "{said}");
    let text = fs::read_to_string(kept[0].path()).unwrap();
    assert!(text.contains("Edited, deleted in the file"), "{text}");
    assert!(opened.board.item(gone).is_none());
}

/// A board created at the first run (from the sample) journals its changes from the first one,
/// as an opened board does: it was the one path that opened without a journal.
#[test]
fn a_board_made_at_the_first_run_has_a_journal_too() {
    let dir = temp();
    let path = dir.path().join("new.ron");
    let sample = store::sample_board(jiff::civil::date(2026, 12, 1));
    let opened = Store::open(&path, Some(&sample)).expect("opens");
    assert!(opened.created);
    assert!(opened.store.journal().is_some(), "a new board journals");
    drop(opened);
    let reopened = Store::open(&path, None).expect("opens");
    assert!(reopened.store.journal().is_some());
}
