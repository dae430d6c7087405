//! `cairn init`: an empty board with the project's name and key, or the sample; never over a file
//! that is there; bad names and keys are refused with a message and write nothing.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn cairn(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env_remove("CAIRN_SAMPLE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", "2026-11-28");
    cmd
}

#[test]
fn init_writes_an_empty_board_named_after_its_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("payments").join("board.ron");
    cairn(dir.path())
        .args(["init", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("Created an empty board"))
        .stdout(predicate::str::contains("payments (PAYM) — 0 items"));
    let b = cairn::store::read(&board).expect("the new board loads");
    let mut expected = cairn::model::Board::new("payments", "PAYM");
    expected.counters = b.counters.clone();
    assert_eq!(b, expected, "an empty board: default columns and settings");
    assert_eq!(b.columns, cairn::model::Column::defaults());
    assert!(b.items.is_empty() && b.sprints.is_empty() && b.stakeholders.is_empty());
    // `check` agrees that it is sound.
    cairn(dir.path())
        .args(["check", "--file"])
        .arg(&board)
        .assert()
        .success();
}

#[test]
fn init_takes_a_name_and_a_key_and_uppercases_the_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    cairn(dir.path())
        .args(["init", "--name", "Mobile app", "--key", "mob", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("Mobile app (MOB)"));
    let b = cairn::store::read(&board).expect("loads");
    assert_eq!(
        (b.project.name.as_str(), b.project.key.as_str()),
        ("Mobile app", "MOB")
    );
}

#[test]
fn init_sample_writes_the_sample_board() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    cairn(dir.path())
        .args(["init", "--sample", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("Created the sample board"));
    let b = cairn::store::read(&board).expect("loads");
    assert_eq!(
        b,
        cairn::commands::sample_board(jiff::civil::date(2026, 11, 28))
    );
}

#[test]
fn init_never_replaces_a_file_and_bad_input_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    fs::write(&board, "not even a board").expect("write");
    cairn(dir.path())
        .args(["init", "--file"])
        .arg(&board)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a board is already there"))
        .stderr(predicate::str::contains("never replaces"));
    cairn(dir.path())
        .args(["init", "--sample", "--file"])
        .arg(&board)
        .assert()
        .code(1);
    assert_eq!(
        fs::read_to_string(&board).expect("read"),
        "not even a board"
    );

    let fresh = dir.path().join("new.ron");
    for (args, says) in [
        (&["--key", "P4Y"][..], "letters only"),
        (&["--key", ""][..], "cannot be empty"),
        (&["--key", "ABCDEFGHIJK"][..], "1–10"),
        (&["--name", "   "][..], "a project name cannot be empty"),
    ] {
        cairn(dir.path())
            .arg("init")
            .args(args)
            .arg("--file")
            .arg(&fresh)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains("nothing was written"));
        assert!(!fresh.exists(), "{args:?} wrote nothing");
    }
    // --sample with a name is a usage error (exit 2).
    cairn(dir.path())
        .args(["init", "--sample", "--name", "X", "--file"])
        .arg(&fresh)
        .assert()
        .code(2);
    assert!(!fresh.exists());
}

#[test]
fn init_has_help_that_names_its_options() {
    let dir = tempfile::tempdir().expect("temp dir");
    cairn(dir.path())
        .args(["init", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--name"))
        .stdout(predicate::str::contains("--key"))
        .stdout(predicate::str::contains("--sample"));
}
