//! The start and the usage contract: help for every subcommand, the first run's sample board in the
//! data dir, `CAIRN_FILE`, and exit 2 for a usage error.

use super::*;

#[test]
fn every_subcommand_has_help() {
    let (dir, _) = setup();
    for sub in [&[][..], &["check"], &["export"], &["import"], &["generate"]] {
        cairn(dir.path())
            .args(sub)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: cairn"));
    }
}

#[test]
fn first_run_creates_the_sample_board_in_the_data_dir() {
    let (dir, _) = setup();
    cairn(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("from the sample board"));
    let default = dir.path().join("data").join("cairn").join("board.ron");
    assert!(default.exists(), "board created under XDG_DATA_HOME");
    // The second run opens it and says nothing about creating.
    cairn(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("from the sample").not());
}

#[test]
fn cairn_file_env_is_used() {
    let (dir, board) = setup();
    cairn(dir.path())
        .env("CAIRN_FILE", &board)
        .assert()
        .success();
    assert!(board.exists());
    cairn(dir.path())
        .env("CAIRN_FILE", &board)
        .arg("check")
        .assert()
        .success();
}

#[test]
fn usage_errors_exit_2() {
    let (dir, board) = setup();
    cairn(dir.path())
        .args(["generate", "--items", "lots", "--file"])
        .arg(&board)
        .assert()
        .code(2);
    cairn(dir.path())
        .args(["generate", "--items", "10"])
        .assert()
        .code(2);
    cairn(dir.path()).arg("frobnicate").assert().code(2);
    assert!(!board.exists());
}
