//! The command-line contract, through the built binary: every subcommand, every bad input, exit codes
//! (0 ok, 1 data, 2 usage) and the board left byte for byte as it was after a refusal.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The binary with a private home: nothing a test does can reach the real data directory.
fn cairn(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", "2026-11-28");
    cmd
}

fn setup() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    (dir, board)
}

fn sample(dir: &Path, board: &Path) {
    cairn(dir).arg("--file").arg(board).assert().success();
}

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
fn check_accepts_the_sample() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    cairn(dir.path())
        .args(["check", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok").and(predicate::str::contains("items")));
}

#[test]
fn subcommands_on_a_missing_board_say_so() {
    let (dir, board) = setup();
    for args in [&["check"][..], &["export", "--format", "json"]] {
        cairn(dir.path())
            .args(args)
            .arg("--file")
            .arg(&board)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("b.ron: no board here"));
    }
    assert!(!board.exists(), "a subcommand never creates the board");
}

/// Runs `args` on a board holding `contents`: exit 1, one line naming the file, the file unchanged.
fn refuses(contents: &[u8], args: &[&str], expect: &str) -> String {
    let (dir, board) = setup();
    fs::write(&board, contents).expect("writes");
    let out = cairn(dir.path())
        .args(args)
        .arg("--file")
        .arg(&board)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(expect), "expected {expect:?} in {err:?}");
    assert!(
        err.contains(&board.display().to_string()),
        "names the file: {err:?}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one clear line: {err:?}");
    assert_eq!(
        fs::read(&board).expect("reads"),
        contents,
        "the board was touched"
    );
    err
}

fn sample_text() -> String {
    cairn::store::SAMPLE_BOARD.to_string()
}

#[test]
fn bad_board_files_are_refused_untouched() {
    for args in [
        &["check"][..],
        &["export", "--format", "md"],
        &["import", "csv", "Cargo.toml"],
    ] {
        refuses(b"", args, "b.ron:1:1: the file is empty");
        let good = sample_text();
        refuses(&good.as_bytes()[..good.len() / 3], args, "b.ron:");
        let newer = good.replacen("version: 3", "version: 4", 1);
        refuses(newer.as_bytes(), args, "written by a newer cairn");
    }
    let broken = sample_text().replacen("kind: Story", "kind: Saga", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("Saga"))
        .expect("there")
        + 1;
    let err = refuses(broken.as_bytes(), &["check"], &format!("b.ron:{line}:"));
    assert!(err.contains("Saga"), "{err}");
}

/// A value the forms refuse passed `check` and then panicked the TUI and `export` (issue 15, point 23).
#[test]
fn a_cadence_of_eight_million_days_is_refused_by_check_and_export() {
    let text = sample_text().replacen("cadence_days: 14,", "cadence_days: 8000000,", 1);
    for args in [&["check"][..], &["export", "--format", "md"][..]] {
        let err = refuses(
            text.as_bytes(),
            args,
            "update cadence 8000000 is not 1–365 days",
        );
        assert!(err.contains("stakeholder "), "{err}");
    }
}

#[test]
fn check_lists_every_problem_of_an_invalid_board() {
    let (dir, board) = setup();
    let text = sample_text()
        .replacen("status: \"To do\"", "status: \"Someday\"", 1)
        .replacen("points: Some(3)", "points: Some(4)", 1);
    fs::write(&board, &text).expect("writes");
    let out = cairn(dir.path())
        .arg("check")
        .arg("--file")
        .arg(&board)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("status \"Someday\" is not a workflow column")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("4 points is not on the Fibonacci scale")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&board.display().to_string())),
        "{err}"
    );
}

#[test]
fn export_json_has_the_whole_model_in_rank_order() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    let out = cairn(dir.path())
        .args(["export", "--format", "json", "--file"])
        .arg(&board)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    for key in ["items", "sprints", "timeline", "risks", "stakeholders"] {
        assert!(
            json[key].as_array().is_some_and(|a| !a.is_empty()),
            "{key} missing"
        );
    }
    assert!(json["stakeholders"][0]["notes"].is_array());
    let model = cairn::store::read(&board).expect("loads");
    let ids: Vec<u64> = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_u64().expect("id"))
        .collect();
    let ranked: Vec<u64> = model.items.iter().map(|i| u64::from(i.id.0)).collect();
    assert_eq!(ids, ranked);
}

#[test]
fn export_csv_and_md() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    cairn(dir.path())
        .args(["export", "--format", "csv", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Issue key,Summary,Issue Type,Status,Story Points",
        ));
    cairn(dir.path())
        .args(["export", "--format", "md", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("status report 2026-11-28")
                .and(predicate::str::contains("## Milestones")),
        );
    cairn(dir.path())
        .args(["export", "--format", "xml", "--file"])
        .arg(&board)
        .assert()
        .code(2);
}

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

/// `export --format md` counts decisions from the board's own newest report, not from another
/// board's report in the same `reports/` folder.
#[test]
fn export_md_counts_from_the_boards_own_last_report() {
    let (dir, board) = setup();
    sample(dir.path(), &board);
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).expect("mkdir");
    fs::write(
        reports.join("other-status-2026-11-27.md"),
        "another board's",
    )
    .expect("write");
    let since = |day: &str| format!("since the last report ({day})");
    let md = |dir: &Path| {
        let out = cairn(dir)
            .args(["export", "--format", "md", "--file"])
            .arg(&board)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = md(dir.path());
    assert!(
        !text.contains(&since("2026-11-27")),
        "not the other board's: {text}"
    );
    fs::write(reports.join("b-status-2026-11-20-2.md"), "ours").expect("write");
    let text = md(dir.path());
    assert!(
        text.contains(&since("2026-11-20")),
        "our own, numbered: {text}"
    );
}

/// `check` and `export` read the board with its journal (issue 18), so they show what the user of
/// a running (or crashed) cairn sees, and say so on stderr; the file itself is left as it is.
#[test]
fn check_and_export_see_the_changes_in_the_journal() {
    use cairn::store::{content_hash, journal::Journal};
    let (dir, board) = setup();
    sample(dir.path(), &board);
    let text = fs::read_to_string(&board).unwrap();
    let mut b = cairn::store::from_ron(&text, &board).unwrap();
    let mut item = (*b.items[0]).clone();
    item.title = "Only in the journal".into();
    let edit = cairn::model::Edit::UpdateItem(Box::new(item));
    let undo = b.apply(edit.clone()).unwrap();
    let mut j = Journal::new(&board, text.len() as u64, content_hash(text.as_bytes()));
    j.append(vec![(1, edit, undo)]).unwrap();

    cairn(dir.path())
        .args(["check", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 change from its journal, not yet in the file, included",
        ));
    cairn(dir.path())
        .args(["export", "--format", "json", "--file"])
        .arg(&board)
        .assert()
        .success()
        .stdout(predicate::str::contains("Only in the journal"));
    assert_eq!(fs::read_to_string(&board).unwrap(), text, "nothing written");
    assert!(
        j.path().exists(),
        "the journal is the running cairn's: left alone"
    );
}
