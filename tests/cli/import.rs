//! `cairn import csv`: the items in one save, a bad row that changes nothing unless skipped, a board
//! open in another cairn, a missing CSV.

use super::*;

#[test]
fn import_csv_adds_items_in_one_save() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    let before = cairn::store::read(&board).expect("loads").items.len();
    let csv = dir.path().join("jira.csv");
    fs::write(&csv, "Summary,Issue Type,Status,Story Points,Labels\nNew login,Story,To Do,3,auth\nCrash on pay,Bug,In Progress,2,\n")
        .expect("writes");
    cairn(dir.path())
        .args(["import", "csv"])
        .arg(&csv)
        .arg("--file")
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported 2 items"));
    let after = cairn::store::read(&board).expect("loads");
    assert_eq!(after.items.len(), before + 2);
    let last = after.items.last().expect("an item");
    assert_eq!(
        (last.title.as_str(), last.status.as_str()),
        ("Crash on pay", "Doing")
    );
}

#[test]
fn import_with_a_bad_row_changes_nothing_unless_told_to_skip() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    let original = fs::read(&board).expect("reads");
    let csv = dir.path().join("bad.csv");
    fs::write(&csv, "Summary,Status,Story Points\nGood one,To Do,3\nBad points,To Do,abc\nOdd status,Parked,1\n")
        .expect("writes");
    let out = cairn(dir.path())
        .args(["import", "csv"])
        .arg(&csv)
        .arg("--file")
        .arg(&board)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.csv:3: skipped: Story Points \"abc\" is not a number"),
        "{err}"
    );
    assert!(
        err.contains("bad.csv:4: skipped: unknown status \"Parked\""),
        "{err}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(
        fs::read(&board).expect("reads"),
        original,
        "board untouched"
    );

    cairn(dir.path())
        .args(["import", "csv"])
        .arg(&csv)
        .arg("--skip-bad")
        .arg("--file")
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported 1 item "));
}

#[test]
fn import_refuses_a_board_open_in_another_cairn() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    let held = cairn::store::Store::open(&board, None).expect("opens");
    let original = fs::read(&board).expect("reads");
    let csv = dir.path().join("one.csv");
    fs::write(&csv, "Summary\nOne\n").expect("writes");
    cairn(dir.path())
        .args(["import", "csv"])
        .arg(&csv)
        .arg("--file")
        .arg(&board)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("open in another cairn"));
    assert_eq!(fs::read(&board).expect("reads"), original);
    drop(held);
}

#[test]
fn import_of_a_missing_csv_names_it() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    cairn(dir.path())
        .args(["import", "csv", "nope.csv", "--file"])
        .arg(&board)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.csv: cannot read"));
}
