//! `cairn export`: the JSON model in rank order, CSV and the Markdown report (counted from the
//! board's own last report), and the journal that `check` and `export` read with the board.

use super::*;

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
