//! `cairn import csv` and `cairn export --changed-since` through the built binary: the sample
//! exports of Jira Cloud, GitHub Projects and Trello in `tests/data`, a re-import that updates
//! instead of duplicating, and the round trip through Jira's bulk update. Every CSV the binary
//! writes is read back with the `csv` crate.

use assert_cmd::Command;
use cairn::model::rules;
use cairn::model::{Board, Edit, External, Item, ItemKind, Source};
use cairn::store::{self, Store};
use csv::StringRecord;
use jiff::civil::{Date, date};
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

#[path = "import/round_trip.rs"]
mod round_trip;

/// The binary with a private home, on a given day.
fn cairn(home: &Path, today: Date) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", today.to_string());
    cmd
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A temp dir holding the sample board, made on the sample's own day.
fn sample() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    cairn(dir.path(), date(2026, 11, 28))
        .arg("--file")
        .arg(&board)
        .assert()
        .success();
    (dir, board)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, today: Date, args: &[&str], board: &Path) -> Run {
    let out = cairn(dir, today)
        .args(args)
        .arg("--file")
        .arg(board)
        .output()
        .expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn import(dir: &Path, today: Date, csv: &Path, board: &Path, more: &[&str]) -> Run {
    let csv = csv.to_str().expect("a UTF-8 path");
    let mut args = vec!["import", "csv", csv];
    args.extend(more);
    run(dir, today, &args, board)
}

/// The header and the rows of a CSV text, read by the `csv` crate.
fn read_csv(text: &[u8]) -> (StringRecord, Vec<StringRecord>) {
    let mut r = csv::Reader::from_reader(text);
    let header = r.headers().expect("a header").clone();
    let rows = r.records().collect::<Result<_, _>>().expect("rows");
    (header, rows)
}

fn column(header: &StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

fn by_key<'b>(board: &'b Board, key: &str) -> &'b Item {
    board
        .items
        .iter()
        .find(|it| it.external.as_ref().is_some_and(|x| x.key == key))
        .unwrap_or_else(|| panic!("no item from {key}"))
}

fn imported(board: &Board) -> Vec<String> {
    let mut keys: Vec<String> = board
        .items
        .iter()
        .filter_map(|it| it.external.as_ref().map(|x| x.key.clone()))
        .collect();
    keys.sort();
    keys
}

/// Jira's status for a cairn column, as the workflow of the sample export names them.
fn jira_status(column: &str) -> &'static str {
    match column {
        "To do" => "To Do",
        "Doing" => "In Progress",
        "Review" => "In Review",
        "Done" => "Done",
        other => panic!("no Jira status for {other}"),
    }
}

#[test]
fn a_jira_export_imports_with_its_keys_dates_priorities_and_parents() {
    let (dir, board) = sample();
    let before = store::read(&board).expect("loads").items.len();
    let r = import(
        dir.path(),
        date(2026, 11, 29),
        &data("jira-cloud.csv"),
        &board,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("8 added, 0 updated, 0 unchanged, 0 skipped"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains(
            "jira-cloud.csv:10: warning: Parent \"10012\" is a story, not an epic; left unlinked"
        ),
        "the sub-task's parent is said: {}",
        r.stderr
    );
    let b = store::read(&board).expect("loads");
    assert_eq!(b.items.len(), before + 8);
    let pay12 = by_key(&b, "PAY-12");
    assert_eq!(
        pay12.external,
        Some(External {
            source: Source::Jira,
            key: "PAY-12".into()
        })
    );
    assert_eq!(pay12.created, date(2026, 11, 2), "Jira's 02/Nov/26 9:05 AM");
    assert_eq!(
        pay12.updated,
        date(2026, 11, 20),
        "from the file, not today"
    );
    assert_eq!(pay12.priority.as_deref(), Some("High"));
    assert_eq!(pay12.moscow, None, "priority is not MoSCoW unless asked");
    assert_eq!(pay12.points, Some(5), "Story point estimate");
    assert_eq!(pay12.tags, vec!["payments", "web"], "both Labels columns");
    let epic = by_key(&b, "PAY-10");
    assert_eq!(epic.kind, ItemKind::Epic);
    assert_eq!(
        pay12.parent,
        Some(epic.id),
        "Parent names the epic's issue id, on a later line"
    );
    let pay13 = by_key(&b, "PAY-13");
    let sprint = |it: &Item| it.sprint.and_then(|s| b.sprint(s)).map(|s| s.name.clone());
    assert_eq!(
        sprint(pay13).as_deref(),
        Some("Sprint 23"),
        "the open one of two"
    );
    assert!(
        pay13
            .description
            .contains("\"amount too large\".\n\nExpected")
    );
    let pay14 = by_key(&b, "PAY-14");
    assert_eq!(
        (pay14.status.as_str(), pay14.done),
        ("Done", Some(date(2026, 11, 25))),
        "done on its Resolved date"
    );
    assert_eq!(by_key(&b, "PAY-15").status, "Review", "In Review");
    assert_eq!(by_key(&b, "PAY-17").created, date(2026, 11, 3), "no time");
    assert_eq!(b.project.last_import, Some(date(2026, 11, 29)));

    // The same file again: nothing added, nothing changed, the file not even written.
    let bytes = fs::read(&board).expect("reads");
    let r = import(
        dir.path(),
        date(2026, 11, 30),
        &data("jira-cloud.csv"),
        &board,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("0 added, 0 updated, 8 unchanged, 0 skipped"),
        "{}",
        r.stdout
    );
    assert_eq!(fs::read(&board).expect("reads"), bytes);
}

#[test]
fn moscow_comes_from_priority_only_when_asked_and_the_mapping_is_shown() {
    let (dir, board) = sample();
    let r = import(
        dir.path(),
        date(2026, 11, 29),
        &data("jira-cloud.csv"),
        &board,
        &["--moscow-from-priority"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "MoSCoW from priority: High → should (2 items), Highest → must (1 item), \
             Medium → could (3 items), Low → could (1 item), Lowest → won't (1 item)"
        ),
        "{}",
        r.stdout
    );
    let b = store::read(&board).expect("loads");
    assert_eq!(by_key(&b, "PAY-15").priority.as_deref(), Some("Low"));
    assert_eq!(
        by_key(&b, "PAY-15").moscow,
        Some(cairn::model::Moscow::Could),
        "Low is not won't"
    );
}

#[test]
fn an_excel_resave_with_semicolons_and_a_bom_updates_the_same_issues() {
    let (dir, board) = sample();
    let r = import(
        dir.path(),
        date(2026, 11, 29),
        &data("jira-cloud.csv"),
        &board,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let file = data("jira-excel-semicolon.csv");
    let dry = import(
        dir.path(),
        date(2026, 11, 30),
        &file,
        &board,
        &["--dry-run"],
    );
    let bytes = fs::read(&board).expect("reads");
    assert_eq!(dry.code, Some(0), "{}", dry.stderr);
    assert!(
        dry.stdout.contains("Dry run, ")
            && dry
                .stdout
                .contains("1 added, 1 updated, 2 unchanged, 0 skipped"),
        "{}",
        dry.stdout
    );
    assert_eq!(
        fs::read(&board).expect("reads"),
        bytes,
        "a dry run changes nothing"
    );
    let r = import(dir.path(), date(2026, 11, 30), &file, &board, &[]);
    assert!(
        r.stdout
            .contains("1 added, 1 updated, 2 unchanged, 0 skipped"),
        "{}",
        r.stdout
    );
    let b = store::read(&board).expect("loads");
    let pay12 = by_key(&b, "PAY-12");
    assert_eq!(pay12.status, "Doing");
    assert_eq!(
        pay12.updated,
        date(2026, 11, 29),
        "Excel's 29.11.2026 10:00"
    );
    let pay18 = by_key(&b, "PAY-18");
    assert_eq!(pay18.title, "Wallets; Google Pay first");
    assert_eq!(pay18.parent, Some(by_key(&b, "PAY-10").id), "by key");
    assert_eq!(imported(&b).len(), 9, "no duplicates");
}

#[test]
fn github_and_trello_exports_import_and_reimport_without_duplicates() {
    let (dir, board) = sample();
    for (file, added) in [("github-projects.csv", 5), ("trello.csv", 3)] {
        let r = import(dir.path(), date(2026, 11, 29), &data(file), &board, &[]);
        assert_eq!(r.code, Some(0), "{file}: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!("{added} added, 0 updated")),
            "{file}: {}",
            r.stdout
        );
        let r = import(dir.path(), date(2026, 11, 30), &data(file), &board, &[]);
        assert!(
            r.stdout
                .contains(&format!("0 added, 0 updated, {added} unchanged")),
            "{file} again: {}",
            r.stdout
        );
    }
    let b = store::read(&board).expect("loads");
    let card = by_key(&b, "larkspur/checkout#42");
    assert_eq!(
        card.external.as_ref().map(|x| x.source),
        Some(Source::GitHub)
    );
    assert_eq!(card.priority.as_deref(), Some("P1"));
    let epic = by_key(&b, "larkspur/checkout#40");
    assert_eq!(card.parent, Some(epic.id), "Parent issue by its key");
    assert_eq!(
        by_key(&b, "larkspur/checkout#43").parent,
        Some(epic.id),
        "and by its URL"
    );
    let trello = by_key(&b, "6543a1f2c9e77b0012ab34cf");
    assert_eq!(
        (trello.status.as_str(), trello.done),
        ("Done", Some(date(2026, 11, 25))),
        "Trello's Last Activity Date, an ISO timestamp"
    );
    assert!(
        b.items
            .iter()
            .filter(|i| i.title == "Draft: try a wallet SDK")
            .count()
            == 1,
        "a draft without a key is found again by its title"
    );
}

#[test]
fn a_date_that_cannot_be_read_is_a_row_problem_never_today() {
    let (dir, board) = sample();
    let bytes = fs::read(&board).expect("reads");
    let csv = dir.path().join("bad-date.csv");
    fs::write(
        &csv,
        "Summary,Issue key,Status,Created\nGood,PAY-1,To Do,01/Nov/26 10:15 AM\nBad,PAY-2,To Do,31/Nov/26 10:15 AM\n",
    )
    .expect("writes");
    let r = import(dir.path(), date(2026, 11, 29), &csv, &board, &[]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains(
            "bad-date.csv:3: skipped: Created (column 4) \"31/Nov/26 10:15 AM\" is not a date"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing imported"), "{}", r.stderr);
    assert_eq!(fs::read(&board).expect("reads"), bytes);
    let r = import(
        dir.path(),
        date(2026, 11, 29),
        &csv,
        &board,
        &["--skip-bad"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("1 added, 0 updated, 0 unchanged, 1 skipped (line 3: Created"),
        "{}",
        r.stdout
    );
    let b = store::read(&board).expect("loads");
    assert_eq!(by_key(&b, "PAY-1").created, date(2026, 11, 1));
}

#[test]
fn export_changed_since_needs_csv_and_a_real_date() {
    let (dir, board) = sample();
    let r = run(
        dir.path(),
        date(2026, 11, 29),
        &[
            "export",
            "--format",
            "json",
            "--changed-since",
            "2026-11-01",
        ],
        &board,
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let r = run(
        dir.path(),
        date(2026, 11, 29),
        &["export", "--format", "csv", "--changed-since", "Nov 1"],
        &board,
    );
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("--changed-since"), "{}", r.stderr);
    let r = run(
        dir.path(),
        date(2026, 11, 29),
        &["export", "--format", "csv", "--since-import"],
        &board,
    );
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("nothing was ever imported"),
        "{}",
        r.stderr
    );
}

#[test]
fn imported_fields_survive_save_and_load_byte_for_byte_and_old_boards_still_load() {
    let (dir, board) = sample();
    let r = import(
        dir.path(),
        date(2026, 11, 29),
        &data("jira-cloud.csv"),
        &board,
        &[],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let b = store::read(&board).expect("loads");
    let text = fs::read_to_string(&board).expect("reads");
    for written in [
        "external: Some((\n        source: Jira,\n        key: \"PAY-12\",\n      )),",
        "priority: Some(\"High\"),",
        "last_import: Some(\"2026-11-29\"),",
    ] {
        assert!(text.contains(written), "{written} in the file");
    }
    let copy = dir.path().join("copy.ron");
    drop(Store::create(&copy, &b, false).expect("writes"));
    let again = store::read(&copy).expect("loads");
    assert!(again == b, "the same board back");
    let second = dir.path().join("second.ron");
    drop(Store::create(&second, &again, false).expect("writes"));
    assert_eq!(
        fs::read(&copy).expect("reads"),
        fs::read(&second).expect("reads"),
        "saved again, byte for byte"
    );
    let v2 = store::read(&data("board-v2.ron")).expect("a v2 board still loads");
    assert!(
        v2.items
            .iter()
            .all(|i| i.external.is_none() && i.priority.is_none())
    );
    assert_eq!(v2.project.last_import, None);
}
