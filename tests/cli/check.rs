//! `cairn check`, and the refusals of a missing or bad board every subcommand shares: exit 1, one
//! line naming the file (and line where there is one), the file left byte for byte.

use super::*;

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
