//! `cairn generate`: a board that checks and exports, the same bytes for a seed, current on its day,
//! shaped by a profile, refusing an impossible one, and a directory it cannot write.

use super::*;

#[test]
fn generate_writes_a_board_that_checks_and_exports() {
    let (dir, board) = setup();
    cairn(dir.path())
        .args(["generate", "--items", "1000", "--seed", "4", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("1000 items"));
    let first = fs::read(&board).expect("reads");
    cairn(dir.path())
        .arg("check")
        .arg("--file")
        .arg(&board)
        .assert()
        .success();
    cairn(dir.path())
        .args(["export", "--format", "json", "--file"])
        .arg(&board)
        .assert()
        .success();
    // The same seed gives the same bytes; an existing file needs --force.
    cairn(dir.path())
        .args(["generate", "--items", "1000", "--seed", "4", "--file"])
        .arg(&board)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("refusing to overwrite"));
    cairn(dir.path())
        .args([
            "generate", "--items", "1000", "--seed", "4", "--force", "--file",
        ])
        .arg(&board)
        .assert()
        .success();
    assert_eq!(fs::read(&board).expect("reads"), first);
}

/// A generated board is current on the day it is generated: its active sprint contains that day.
#[test]
fn generate_writes_a_board_current_today() {
    let (dir, board) = setup();
    for today in ["2026-11-28", "2027-03-15"] {
        cairn(dir.path())
            .env("CAIRN_TODAY", today)
            .args(["generate", "--items", "1000", "--force", "--file"])
            .arg(&board)
            .assert()
            .success();
        let text = fs::read_to_string(&board).expect("reads");
        let b = cairn::store::from_ron(&text, &board).expect("loads");
        let day: jiff::civil::Date = today.parse().expect("a date");
        let active = b.active_sprint().expect("an active sprint");
        assert!(active.contains(day), "{} on {today}", active.name);
    }
}

/// `--sprint-cards` and `--notes` shape the board exactly (the benchmarks' pathological profile, at a
/// size a debug build writes quickly), deterministically for the seed.
#[test]
fn generate_takes_a_profile() {
    let (dir, board) = setup();
    let args = [
        "generate",
        "--items",
        "2000",
        "--sprint-cards",
        "400",
        "--notes",
        "1500",
        "--seed",
        "9",
        "--force",
        "--file",
    ];
    cairn(dir.path())
        .args(args)
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("2000 items").and(predicate::str::contains("1500 notes")));
    let first = fs::read(&board).expect("reads");
    let b = cairn::store::from_ron(&String::from_utf8_lossy(&first), &board).expect("loads");
    let active = b.active_sprint().expect("an active sprint");
    assert_eq!(b.sprint_items(active.id).count(), 400);
    cairn(dir.path())
        .arg("check")
        .arg("--file")
        .arg(&board)
        .assert()
        .success();
    cairn(dir.path()).args(args).arg(&board).assert().success();
    assert_eq!(
        fs::read(&board).expect("reads"),
        first,
        "the same seed, the same bytes"
    );
}

/// A profile that cannot be is a usage error that says why, and writes nothing.
#[test]
fn generate_refuses_an_impossible_profile() {
    let (dir, board) = setup();
    for (args, says) in [
        (
            &["--items", "100", "--sprint-cards", "101"][..],
            "is more than --items 100",
        ),
        (
            &["--items", "100", "--sprint-cards", "100"],
            "can be in the active sprint",
        ),
        (&["--items", "100", "--notes", "lots"], "--notes"),
        (
            &["--items", "100", "--sprint-cards", "many"],
            "--sprint-cards",
        ),
    ] {
        cairn(dir.path())
            .arg("generate")
            .args(args)
            .arg("--file")
            .arg(&board)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
        assert!(!board.exists(), "{args:?} wrote a board");
    }
}

#[cfg(unix)]
#[test]
fn a_directory_that_cannot_be_written_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = setup();
    let locked = dir.path().join("ro");
    fs::create_dir(&locked).expect("mkdir");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o500)).expect("chmod");
    let probe = fs::write(locked.join("probe"), "x");
    if probe.is_ok() {
        // Running as root: permissions do not apply, nothing to observe.
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o700)).expect("chmod");
        return;
    }
    let board = locked.join("b.ron");
    cairn(dir.path())
        .args(["generate", "--items", "10", "--file"])
        .arg(&board)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Permission denied"));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o700)).expect("chmod");
}
