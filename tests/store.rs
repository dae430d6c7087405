//! The store's promises, on real files in temp directories: round trips, refusals that leave the file
//! untouched, backups, the lock, conflict copies, leftover temp files and failing writes.

use cairn::io::generate::generate;
use cairn::model::{Board, ItemId, SCHEMA_VERSION};
use cairn::store::{self, Faults, Saved, Store, StoreError};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write_board(path: &Path, board: &Board) {
    fs::write(path, store::to_ron(board).expect("serialises")).expect("writes");
}

#[test]
fn load_of_save_is_the_board_and_saving_again_gives_the_same_bytes() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let board = generate(300, 3);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let first = fs::read(&path).expect("reads");
    let loaded = store::read(&path).expect("loads");
    assert_eq!(loaded, board);
    assert_eq!(st.save(&loaded).expect("saves"), Saved::Written);
    assert_eq!(
        fs::read(&path).expect("reads"),
        first,
        "same model, same bytes"
    );
    let text = String::from_utf8(first).expect("utf-8");
    assert!(text.ends_with(")\n") && !text.contains("\r\n"));
}

#[test]
fn editing_one_field_changes_only_that_line() {
    let mut board = generate(50, 1);
    let before = store::to_ron(&board).expect("serialises");
    let i = board.item_index(ItemId(20)).expect("item 20");
    std::sync::Arc::make_mut(&mut board.items[i]).title = "A new title".into();
    let after = store::to_ron(&board).expect("serialises");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("title: \"A new title\""));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_generated_board_round_trips(items in 0usize..400, seed in any::<u64>()) {
        let board = generate(items, seed);
        let text = store::to_ron(&board).expect("serialises");
        let back = store::from_ron(&text, Path::new("p.ron")).expect("parses");
        prop_assert_eq!(&back, &board);
        prop_assert_eq!(store::to_ron(&back).expect("serialises"), text);
    }
}

/// Each refusal names the path (and line:column where there is one) and leaves the file byte for byte.
fn refused(contents: &[u8]) -> (String, StoreError) {
    let dir = temp();
    let path = dir.path().join("board.ron");
    fs::write(&path, contents).expect("writes");
    let err = match Store::open(&path, Some(&generate(5, 1))) {
        Ok(_) => panic!("opened a bad file"),
        Err(e) => e,
    };
    assert_eq!(
        fs::read(&path).expect("reads"),
        contents,
        "file was touched"
    );
    assert!(
        store::list_backups(&path).is_empty(),
        "no backup for a file never saved"
    );
    (err.to_string(), err)
}

#[test]
fn bad_files_are_refused_with_line_and_column_and_left_untouched() {
    let good = store::to_ron(&generate(20, 2)).expect("serialises");
    let (msg, e) = refused(b"");
    assert!(msg.ends_with("board.ron:1:1: the file is empty"), "{msg}");
    assert!(matches!(e, StoreError::Parse { .. }));

    let truncated = &good.as_bytes()[..good.len() / 2];
    let (msg, e) = refused(truncated);
    assert!(
        matches!(e, StoreError::Parse { line, .. } if line > 1),
        "{msg}"
    );

    let broken = good.replacen("kind: Story", "kind: Storyy", 1);
    let (msg, e) = refused(broken.as_bytes());
    let StoreError::Parse { line, col, .. } = e else {
        panic!("{msg}")
    };
    let expected_line = broken
        .lines()
        .position(|l| l.contains("Storyy"))
        .expect("there")
        + 1;
    assert_eq!(line, expected_line, "{msg}");
    assert!(
        col > 1 && msg.contains(&format!(":{line}:{col}: ")),
        "{msg}"
    );

    let (msg, _) = refused(b"\xff\xfe not text");
    assert!(msg.contains(":1:1: not UTF-8 text"), "{msg}");
}

#[test]
fn a_newer_version_is_refused_and_never_rewritten() {
    let newer = store::to_ron(&generate(5, 1))
        .expect("serialises")
        .replacen(&format!("version: {SCHEMA_VERSION}"), "version: 99", 1);
    let (msg, e) = refused(newer.as_bytes());
    assert!(
        matches!(e, StoreError::NewerVersion { found: 99, .. }),
        "{msg}"
    );
    assert!(msg.contains("newer cairn"), "{msg}");
}

#[test]
fn an_invalid_board_names_the_item() {
    let text = store::to_ron(&generate(20, 2))
        .expect("serialises")
        .replacen("status: \"To do\"", "status: \"Someday\"", 1);
    let (msg, e) = refused(text.as_bytes());
    assert!(matches!(e, StoreError::Invalid { .. }), "{msg}");
    assert!(
        msg.contains("item GEN-") && msg.contains("status \"Someday\" is not a workflow column"),
        "{msg}"
    );
}

/// Load keeps the limits the forms keep (`model::value`): a value the TUI would refuse, or one its
/// date arithmetic cannot take, is refused with the thing's name, and the file is left untouched.
#[test]
fn values_outside_the_forms_limits_are_refused_on_load() {
    let sample = store::SAMPLE_BOARD;
    let cases = [
        (
            sample.replacen("cadence_days: 14,", "cadence_days: 8000000,", 1),
            "update cadence 8000000 is not 1–365 days",
        ),
        (
            sample.replacen("capacity: 26,", "capacity: 4000000000,", 1),
            "capacity 4000000000 is not 0–9999 points",
        ),
        (
            sample.replacen("wip_limit: Some(3),", "wip_limit: Some(0),", 1),
            "workflow column \"Doing\": WIP limit 0 is not 1–999 items",
        ),
        (
            sample.replacen("job_size: 3,", "job_size: 40,", 1),
            "WSJF job size 40 is not 1–20",
        ),
        (
            sample.replacen("effort: 3,", "effort: 0,", 1),
            "RICE effort 0 is not a whole number above 0",
        ),
        (
            sample.replacen("end: \"2026-", "end: \"9999-", 1),
            "is outside the years 1000–9000",
        ),
        (
            sample.replacen("title: \"", &format!("title: \"{}", "x".repeat(600)), 1),
            "the title is 6",
        ),
    ];
    for (text, expected) in cases {
        assert_ne!(text, sample, "the case {expected:?} changed nothing");
        let (msg, e) = refused(text.as_bytes());
        assert!(matches!(e, StoreError::Invalid { .. }), "{msg}");
        assert!(msg.contains(expected), "expected {expected:?} in {msg}");
    }
    let (msg, _) = refused(
        sample
            .replacen("cadence_days: 14,", "cadence_days: 8000000,", 1)
            .as_bytes(),
    );
    assert!(msg.contains("stakeholder "), "names the stakeholder: {msg}");
}

#[test]
fn every_board_shipped_or_tested_with_validates() {
    let sample = store::from_ron(store::SAMPLE_BOARD, Path::new("assets/sample-board.ron"))
        .expect("the sample board loads");
    assert!(sample.validate().is_empty());
    for entry in fs::read_dir("tests/data").expect("tests/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let board = store::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(board.validate().is_empty(), "{}", path.display());
        }
    }
    for (n, seed) in [(0, 1), (50, 2), (3000, 3)] {
        let board = generate(n, seed);
        assert_eq!(board.validate(), vec![], "generate {n} {seed}");
    }
}

#[test]
fn a_version_1_file_is_migrated() {
    let path = Path::new("tests/data/board-v1.ron");
    let board = store::read(path).expect("migrates");
    assert_eq!(board.version, SCHEMA_VERSION);
    let dana = &board.stakeholders[0];
    assert_eq!((dana.power, dana.interest), (4, 2), "High → 4, Low → 2");
    assert_eq!(
        board.stakeholders[1].quadrant(),
        cairn::model::Quadrant::KeepInformed
    );
    assert!(board.risks.is_empty());
    assert_eq!(board.items.len(), 2);
    let migrated = store::to_ron(&board).expect("serialises");
    let golden_path = "tests/data/board-v1-migrated.ron";
    if std::env::var_os("CAIRN_UPDATE_GOLDEN").is_some() {
        fs::write(golden_path, &migrated).expect("writes golden file");
    }
    assert_eq!(
        migrated,
        fs::read_to_string(golden_path).expect("golden file")
    );
}

#[test]
fn first_open_creates_from_the_sample_and_first_save_backs_up() {
    let dir = temp();
    let path = dir.path().join("sub").join("board.ron");
    let sample = generate(30, 1);
    let opened = Store::open(&path, Some(&sample)).expect("creates");
    assert!(opened.created);
    assert_eq!(store::read(&path).expect("loads"), sample);
    drop(opened);

    let mut opened = Store::open(&path, Some(&sample)).expect("opens");
    assert!(!opened.created);
    let before = fs::read(&path).expect("reads");
    let mut board = opened.board.clone();
    board.project.name = "Renamed".into();
    opened.store.save(&board).expect("saves");
    board.project.name = "Renamed again".into();
    opened.store.save(&board).expect("saves");
    let backups = store::list_backups(&path);
    assert_eq!(
        backups.len(),
        1,
        "one backup per run, before its first save"
    );
    assert_eq!(store::backup_bytes(&backups[0]).expect("reads"), before);
}

#[test]
fn a_second_writer_is_refused_and_opens_read_only() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let board = generate(10, 1);
    let first = Store::create(&path, &board, false).expect("creates");
    assert!(!first.is_read_only());
    let mut second = Store::open(&path, None).expect("opens");
    assert!(second.store.is_read_only());
    assert!(matches!(
        second.store.save(&board),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        Store::open_to_write(&path),
        Err(StoreError::Locked { .. })
    ));
    drop(first);
    let third = Store::open(&path, None).expect("opens");
    assert!(
        !third.store.is_read_only(),
        "lock released when the first one goes"
    );
}

#[test]
fn an_outside_change_is_kept_and_ours_goes_to_a_conflict_copy() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(10, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    // Someone else (a git pull) rewrites the file.
    let mut theirs = board.clone();
    theirs.project.name = "Theirs".into();
    write_board(&path, &theirs);
    let their_bytes = fs::read(&path).expect("reads");

    board.project.name = "Ours".into();
    let Saved::Conflict { ours } = st.save(&board).expect("saves aside") else {
        panic!("overwrote an outside change")
    };
    assert_eq!(
        fs::read(&path).expect("reads"),
        their_bytes,
        "theirs untouched"
    );
    assert_eq!(store::read(&ours).expect("loads ours").project.name, "Ours");
    assert_eq!(st.conflict_copy(), Some(ours.as_path()));

    // Reloading accepts theirs; saves go to the board again.
    let reloaded = st.reload().expect("reloads");
    assert_eq!(reloaded.project.name, "Theirs");
    assert_eq!(st.save(&reloaded).expect("saves"), Saved::Written);
}

#[test]
fn touching_the_file_is_not_a_conflict() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let board = generate(10, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let same = fs::read(&path).expect("reads");
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, &same).expect("rewrites the same bytes");
    assert_eq!(st.save(&board).expect("saves"), Saved::Written);
}

#[test]
fn leftover_temp_files_are_cleaned_at_the_next_start() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    write_board(&path, &generate(5, 1));
    let leftover: PathBuf = dir.path().join(".board.ron.Xy12ab.tmp");
    fs::write(&leftover, "(half a board").expect("writes");
    let opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.cleaned, vec![leftover.clone()]);
    assert!(!leftover.exists());
}

#[test]
fn a_failing_write_leaves_the_old_file_and_the_next_save_succeeds() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(20, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let good = fs::read(&path).expect("reads");
    board.project.name = "Changed".into();
    for step in 1..=5 {
        st.inject_faults(Faults::fail_at(step));
        let err = st.save(&board).expect_err("fails");
        let msg = err.to_string();
        assert!(
            msg.contains(&path.display().to_string()) && msg.contains("No space left"),
            "{msg}"
        );
        assert_eq!(
            fs::read(&path).expect("reads"),
            good,
            "step {step} damaged the file"
        );
        assert!(
            store::clean_leftovers(&path).is_empty(),
            "step {step} left a temp file"
        );
    }
    st.inject_faults(Faults::default());
    assert_eq!(st.save(&board).expect("saves"), Saved::Written);
    assert_eq!(store::read(&path).expect("loads").project.name, "Changed");
}

#[cfg(unix)]
#[test]
fn a_directory_that_cannot_be_written_gives_the_os_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(5, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let good = fs::read(&path).expect("reads");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).expect("chmod");
    // root ignores directory permissions: only check what a normal user would see.
    let probe = dir.path().join("probe");
    let writable = fs::write(&probe, "x").is_ok();
    let _ = fs::remove_file(&probe);
    board.project.name = "Changed".into();
    let result = st.save(&board);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).expect("chmod back");
    if !writable {
        let msg = result.expect_err("cannot write").to_string();
        assert!(msg.contains("Permission denied"), "{msg}");
        assert_eq!(fs::read(&path).expect("reads"), good);
    }
}

/// A real full disk: a 256 KiB tmpfs, where the test may mount one (root on Linux); skipped elsewhere.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_old_file_and_names_the_error() {
    use std::process::Command;
    let dir = temp();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot mount a tmpfs here, and CI is set (CI runs as root)"
        );
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    // Unmounts even when an assertion fails, before the temp dir is removed.
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(dir.path());
    let path = dir.path().join("board.ron");
    let small = generate(20, 1);
    let mut st = Store::create(&path, &small, false).expect("a small board fits");
    let good = fs::read(&path).expect("reads");
    let msg = st
        .save(&generate(2000, 1))
        .expect_err("does not fit")
        .to_string();
    assert!(msg.contains("No space left on device"), "{msg}");
    assert!(msg.contains("board.ron"), "{msg}");
    assert_eq!(
        fs::read(&path).expect("reads"),
        good,
        "the old file is intact"
    );
    assert!(
        store::clean_leftovers(&path).is_empty(),
        "no temp file left behind"
    );
    assert_eq!(st.save(&small).expect("fits again"), Saved::Written);
}

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

/// A board as a save writes it is read by the fast path, which stops at anything a save would
/// not write (a comment included): such a board is not searched for comments at the start, and a
/// `//` inside a title is no comment. A hand-written comment is still announced, once.
#[test]
fn only_a_comment_outside_the_strings_is_announced() {
    let dir = temp();
    let path = dir.path().join("b.ron");
    let mut board = generate(50, 4);
    std::sync::Arc::make_mut(&mut board.items[0]).title = "See https://example.com // later".into();
    write_board(&path, &board);
    let mut opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.board, board);
    let said = opened.store.take_notices().join(" · ");
    assert!(!said.contains("has comments"), "{said}");
    drop(opened);

    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("\n  items: [", "\n  // the backlog\n  items: [", 1),
    )
    .unwrap();
    let mut opened = Store::open(&path, None).expect("opens");
    assert_eq!(opened.board, board, "the same board, read by ron");
    let said = opened.store.take_notices().join(" · ");
    assert_eq!(said.matches("has comments").count(), 1, "{said}");
}
