//! Backups compressed and put back: a run's first save leaves a `.ron.zst` a fraction of the board's
//! size, `cairn backups` lists them newest first, and `cairn restore` gives the old board back byte
//! for byte — never from a corrupt backup, never while another cairn has the board open, and never
//! without backing up the board it replaces. Old uncompressed backups are listed and restored alike.

use assert_cmd::Command;
use cairn::io::generate::generate;
use cairn::model::Board;
use cairn::store::{self, Store};
use predicates::prelude::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The binary with a private home: nothing a test does can reach the real data directory.
fn cairn(home: &Path, board: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", "2026-11-28")
        .arg("--file")
        .arg(board);
    cmd
}

fn renamed(board: &Board, name: &str) -> Board {
    let mut b = board.clone();
    b.project.name = name.into();
    b
}

/// One run of cairn that saves `board`: its first save backs up the file as it was.
fn a_run_saves(path: &Path, board: &Board) {
    let mut opened = Store::open(path, None).expect("opens");
    assert!(
        !opened.store.is_read_only(),
        "{:?}",
        opened.store.read_only_reason()
    );
    opened.store.save(board).expect("saves");
    opened
        .store
        .save(board)
        .expect("saves again: no second backup");
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Two runs of a 10k board: two compressed backups, each under a third of the board's size (about a
/// tenth in practice), listed newest first with their items; `cairn restore 2` gives back the board
/// as generated, byte for byte, after backing up the one it replaces.
#[test]
fn backups_are_compressed_listed_and_restored_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(10_000, 1);
    Store::create(&path, &board, false).expect("creates");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    let generated = fs::read(&path).expect("reads");
    a_run_saves(&path, &renamed(&board, "First run"));
    let after_first = fs::read(&path).expect("reads");
    a_run_saves(&path, &renamed(&board, "Second run"));

    let backups = store::list_backups(&path);
    assert_eq!(backups.len(), 2, "one per run: {backups:?}");
    for b in &backups {
        let name = b.file_name().expect("name").to_string_lossy().into_owned();
        assert!(name.ends_with(".ron.zst"), "{name}");
        let size = fs::metadata(b).expect("stat").len();
        assert!(
            size * 3 < generated.len() as u64,
            "{name}: {size} bytes for a {}-byte board",
            generated.len()
        );
    }
    assert_eq!(store::backup_bytes(&backups[0]).expect("reads"), generated);
    assert_eq!(
        store::backup_bytes(&backups[1]).expect("reads"),
        after_first
    );

    let listed = stdout(cairn(dir.path(), &path).arg("backups"));
    let lines: Vec<&str> = listed.lines().collect();
    assert!(lines[0].starts_with("2 backups of "), "{listed}");
    assert!(lines[1].trim_start().starts_with("1  "), "{listed}");
    assert!(lines[1].ends_with(&*backups[1].file_name().expect("name").to_string_lossy()));
    assert!(lines[2].ends_with(&*backups[0].file_name().expect("name").to_string_lossy()));
    assert!(
        lines[1].contains("10000 items") && lines[1].contains(" UTC "),
        "{listed}"
    );
    assert!(
        lines[1].contains(" KB ") || lines[1].contains(" MB "),
        "{listed}"
    );

    let before = fs::read(&path).expect("reads");
    let said = stdout(cairn(dir.path(), &path).args(["restore", "2"]));
    assert!(said.starts_with("Restored "), "{said}");
    assert!(said.contains("10000 items"), "{said}");
    assert_eq!(
        fs::read(&path).expect("reads"),
        generated,
        "the old board, byte for byte"
    );
    let mode = fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the board's mode is kept");
    let now = store::list_backups(&path);
    assert_eq!(now.len(), 3, "the replaced board was backed up first");
    assert_eq!(store::backup_bytes(&now[2]).expect("reads"), before);
    assert!(
        said.contains(&*now[2].file_name().expect("name").to_string_lossy()),
        "{said}"
    );
    cairn(dir.path(), &path).arg("check").assert().success();
}

/// A backup cut short, one that is not zstd at all, and a number or name that is not a backup: each
/// refused with what is wrong, and the board and its backups left exactly as they were.
#[test]
fn a_corrupt_or_missing_backup_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(300, 2);
    Store::create(&path, &board, false).expect("creates");
    a_run_saves(&path, &renamed(&board, "Saved"));
    let good = store::list_backups(&path);
    let packed = fs::read(&good[0]).expect("reads");
    let dir_b = store::backup_dir(&path);
    let cut = dir_b.join("board-20991231T000000.000000Z.ron.zst");
    fs::write(&cut, &packed[..packed.len() / 2]).expect("a cut-off backup");
    let junk = dir_b.join("board-20991231T000001.000000Z.ron.zst");
    fs::write(&junk, "this is not zstd").expect("a junk backup");
    let board_before = fs::read(&path).expect("reads");
    let backups_before = store::list_backups(&path);

    let listed = stdout(cairn(dir.path(), &path).arg("backups"));
    assert!(listed.contains("not a whole zstd file"), "{listed}");
    for (which, says) in [
        ("1", "not a whole zstd file"),
        ("2", "not a whole zstd file"),
        ("4", "no backup 4"),
        ("0", "no backup 0"),
        ("board-20200101T000000.000000Z.ron", "no backup board-2020"),
        ("other.ron", "no backup other.ron"),
    ] {
        cairn(dir.path(), &path)
            .args(["restore", which])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says))
            .stderr(
                predicate::str::contains("unchanged").or(predicate::str::contains("lists them")),
            );
        assert_eq!(
            fs::read(&path).expect("reads"),
            board_before,
            "restore {which}"
        );
        assert_eq!(
            store::list_backups(&path),
            backups_before,
            "restore {which}"
        );
    }
    // The good one still restores, by its name.
    let name = good[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    cairn(dir.path(), &path)
        .args(["restore", &name])
        .assert()
        .success();
    assert_eq!(store::read(&path).expect("loads"), board);
}

/// While another cairn has the board open, restore refuses and says so; once it is closed the
/// restore goes through.
#[test]
fn restore_is_refused_while_another_cairn_has_the_board() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(50, 3);
    Store::create(&path, &board, false).expect("creates");
    a_run_saves(&path, &renamed(&board, "Later"));
    let before = fs::read(&path).expect("reads");
    let open = Store::open(&path, None).expect("opens");
    assert!(!open.store.is_read_only());
    cairn(dir.path(), &path)
        .args(["restore", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("open in another cairn"))
        .stderr(predicate::str::contains("nothing was changed"));
    assert_eq!(fs::read(&path).expect("reads"), before);
    assert_eq!(store::list_backups(&path).len(), 1);
    drop(open);
    cairn(dir.path(), &path)
        .args(["restore", "1"])
        .assert()
        .success();
    assert_eq!(store::read(&path).expect("loads"), board);
}

/// Backups of older cairns (`.ron`, not compressed) are listed, kept among the ten and restored; a
/// board that does not load at all can still be restored over, and is itself backed up first.
#[test]
fn old_uncompressed_backups_still_count_and_restore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(40, 4);
    Store::create(&path, &board, false).expect("creates");
    let old_text = fs::read(&path).expect("reads");
    let dir_b = store::backup_dir(&path);
    fs::create_dir(&dir_b).expect("mkdir");
    let old: Vec<PathBuf> = (0..3)
        .map(|n| dir_b.join(format!("board-20200101T00000{n}.000000Z.ron")))
        .collect();
    for p in &old {
        fs::write(p, &old_text).expect("an old backup");
    }
    // Three old and eight new: eleven, so the oldest goes and the other two old ones stay.
    for n in 0..store::BACKUPS_KEPT - 2 {
        a_run_saves(&path, &renamed(&board, &format!("Run {n}")));
    }
    let kept = store::list_backups(&path);
    assert_eq!(kept.len(), store::BACKUPS_KEPT);
    assert!(!kept.contains(&old[0]), "the oldest rotated out");
    assert!(
        kept.contains(&old[1]) && kept.contains(&old[2]),
        "old ones among the newest ten stay"
    );
    for b in &kept {
        store::read_backup(b).unwrap_or_else(|e| panic!("{e}"));
    }
    let listed = stdout(cairn(dir.path(), &path).arg("backups"));
    assert!(
        listed.contains("board-20200101T000002.000000Z.ron\n"),
        "{listed}"
    );

    fs::write(&path, "(version: 3, not a board").expect("a broken board");
    let name = old[2]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    cairn(dir.path(), &path)
        .args(["restore", &name])
        .assert()
        .success();
    assert_eq!(fs::read(&path).expect("reads"), old_text);
    let newest = store::list_backups(&path).pop().expect("a backup");
    assert_eq!(
        store::backup_bytes(&newest).expect("reads"),
        b"(version: 3, not a board",
        "the broken board was kept before it was replaced"
    );
}

/// A journal a crash left (issue 18) goes into the board before the restore backs it up, so the
/// board its user last saw is kept, and it is not replayed onto the restored board afterwards.
#[test]
fn restore_keeps_the_journals_changes_in_the_backup_and_leaves_no_journal() {
    use cairn::store::{content_hash, journal};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(300, 2);
    Store::create(&path, &board, false).expect("creates");
    let generated = fs::read(&path).expect("reads");
    a_run_saves(&path, &renamed(&board, "Saved"));
    // A run that changed the board and crashed before its save: the change is only in the journal.
    let text = fs::read_to_string(&path).expect("reads");
    let mut j = journal::Journal::new(&path, text.len() as u64, content_hash(text.as_bytes()));
    let mut seen = store::from_ron(&text, &path).expect("loads");
    let mut item = (*seen.items[0]).clone();
    item.title = "Only in the journal".into();
    let edit = cairn::model::Edit::UpdateItem(Box::new(item));
    let undo = seen.apply(edit.clone()).expect("applies");
    j.append(vec![(1, edit, undo)]).expect("journals");
    drop(j);

    let said = stdout(cairn(dir.path(), &path).args(["restore", "1"]));
    assert!(said.starts_with("Restored "), "{said}");
    assert_eq!(fs::read(&path).expect("reads"), generated);
    assert!(
        !journal::journal_path(&path).exists(),
        "no journal left to replay"
    );
    let newest = store::list_backups(&path).pop().expect("a backup");
    let kept = store::backup_bytes(&newest).expect("reads");
    let kept = store::from_ron(std::str::from_utf8(&kept).expect("utf-8"), &path).expect("loads");
    assert_eq!(
        kept, seen,
        "the backup is the board with the journal's change"
    );
    assert_eq!(
        store::read(&path).expect("loads").items[0].title,
        board.items[0].title
    );
}
