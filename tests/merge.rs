//! `cairn merge` as a file command and as git's merge driver, on real git in a temp dir: exit 0 for
//! a clean merge, 1 with the conflicts recorded in a board that still loads, 2 with nothing written
//! for a version that cannot be read.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn cairn(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", "2026-12-01");
    cmd
}

fn sample(home: &Path, at: &Path) -> cairn::model::Board {
    cairn(home)
        .args(["init", "--sample", "--file"])
        .arg(at)
        .assert()
        .success();
    cairn::store::read(at).expect("loads")
}

fn write(at: &Path, b: &cairn::model::Board) {
    fs::write(at, cairn::store::to_ron(b).expect("serialises")).expect("writes");
}

fn retitle(b: &mut cairn::model::Board, key: &str, title: &str) {
    let id = b.parse_item_key(key).expect("on the sample");
    let mut it = b.item(id).expect("there").clone();
    it.title = title.into();
    b.apply(cairn::model::Edit::UpdateItem(Box::new(it)))
        .expect("applies");
}

#[test]
fn merge_writes_the_merged_board_over_ours_and_exits_0_when_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let base = sample(d, &d.join("base.ron"));
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    retitle(&mut ours, "CRN-20", "Ours");
    retitle(&mut theirs, "CRN-21", "Theirs");
    write(&d.join("ours.ron"), &ours);
    write(&d.join("theirs.ron"), &theirs);
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d.join("ours.ron"), fs::Permissions::from_mode(0o640)).unwrap();
    cairn(d)
        .arg("merge")
        .args([d.join("base.ron"), d.join("ours.ron"), d.join("theirs.ron")])
        .assert()
        .code(0);
    let mode = fs::metadata(d.join("ours.ron"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640, "the result keeps ours' mode");
    let got = cairn::store::read(&d.join("ours.ron")).expect("the result loads");
    let title = |k: &str| {
        got.item(got.parse_item_key(k).unwrap())
            .unwrap()
            .title
            .clone()
    };
    assert_eq!(
        (title("CRN-20"), title("CRN-21")),
        ("Ours".into(), "Theirs".into())
    );
    assert!(got.conflicts.is_empty());
}

#[test]
fn a_true_conflict_exits_1_keeps_ours_and_records_it_in_a_board_that_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let base = sample(d, &d.join("base.ron"));
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    retitle(&mut ours, "CRN-20", "Ours");
    retitle(&mut theirs, "CRN-20", "Theirs");
    write(&d.join("ours.ron"), &ours);
    write(&d.join("theirs.ron"), &theirs);
    let out = d.join("out.ron");
    cairn(d)
        .arg("merge")
        .args([d.join("base.ron"), d.join("ours.ron"), d.join("theirs.ron")])
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 conflict recorded"))
        .stderr(predicate::str::contains(
            "CRN-20 title: ours \"Ours\", theirs \"Theirs\"",
        ));
    let got = cairn::store::read(&out).expect("the result loads");
    assert_eq!(got.conflicts.len(), 1);
    cairn(d)
        .arg("--file")
        .arg(&out)
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "1 conflict from a merge, not yet resolved",
        ));
    assert_eq!(
        got.item(got.parse_item_key("CRN-20").unwrap())
            .unwrap()
            .title,
        "Ours"
    );
    assert_eq!(
        fs::read(d.join("ours.ron")).unwrap(),
        cairn::store::to_ron(&ours).unwrap().into_bytes(),
        "with -o, ours is left as it was"
    );
}

#[test]
fn a_version_that_cannot_be_read_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    sample(d, &d.join("base.ron"));
    fs::copy(d.join("base.ron"), d.join("ours.ron")).unwrap();
    fs::write(d.join("theirs.ron"), "<<<<<<< HEAD\n(version: 2,\n").unwrap();
    let before = fs::read(d.join("ours.ron")).unwrap();
    cairn(d)
        .arg("merge")
        .args([d.join("base.ron"), d.join("ours.ron"), d.join("theirs.ron")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("THEIRS"))
        .stderr(predicate::str::contains("nothing was written"));
    assert_eq!(fs::read(d.join("ours.ron")).unwrap(), before);
    cairn(d).arg("merge").arg("only-one").assert().code(2);
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs (CI installs it)");
    assert!(
        out.status.success() || args[0] == "merge",
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// Two branches each add an item: plain git conflicts on the file, the driver `cairn git setup`
/// configured keeps both (theirs renumbered) and the merge commits cleanly.
#[test]
fn as_git_merge_driver_two_branches_that_each_add_an_item_merge_into_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    let board = repo.join("board.ron");
    let base = sample(dir.path(), &board);
    let said = cairn(dir.path())
        .args(["git", "setup", "--file"])
        .arg(&board)
        .output()
        .expect("runs");
    assert!(
        said.status.success(),
        "{}",
        String::from_utf8_lossy(&said.stderr)
    );
    let said = String::from_utf8_lossy(&said.stdout).into_owned();
    assert!(said.contains("Added `board.ron merge=cairn`"), "{said}");
    assert!(said.contains("Set merge.cairn.driver"), "{said}");
    // Again: nothing to do, and it says so.
    let again = cairn(dir.path())
        .args(["git", "setup", "--file"])
        .arg(&board)
        .output()
        .expect("runs");
    let again = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(
        again.contains("already has") && again.contains("already merges"),
        "{again}"
    );
    assert_eq!(
        fs::read_to_string(repo.join(".gitattributes")).unwrap(),
        "board.ron merge=cairn\n",
        "one line, not two"
    );
    // The edit journal and the lock never enter git.
    assert_eq!(
        fs::read_to_string(repo.join(".gitignore")).unwrap(),
        ".*.ron.journal\n.*.ron.lock\n"
    );
    fs::write(repo.join(".board.ron.journal"), "a journal\n").unwrap();
    fs::write(repo.join(".board.ron.lock"), "").unwrap();
    let status = git(&repo, &["status", "--porcelain"]);
    assert!(
        !status.contains("journal") && !status.contains(".lock"),
        "{status}"
    );
    fs::remove_file(repo.join(".board.ron.journal")).unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "board"]);
    git(&repo, &["checkout", "-q", "-b", "theirs"]);
    let add = |title: &str| {
        let mut b = cairn::store::read(&board).unwrap();
        let (e, _) = cairn::model::rules::add_item(
            &b,
            cairn::model::ItemKind::Story,
            title,
            0,
            jiff::civil::date(2026, 12, 1),
        )
        .unwrap();
        b.apply(e).unwrap();
        write(&board, &b);
    };
    add("Added on theirs");
    git(&repo, &["commit", "-q", "-am", "theirs adds"]);
    git(&repo, &["checkout", "-q", "main"]);
    add("Added on main");
    git(&repo, &["commit", "-q", "-am", "main adds"]);
    let said = git(&repo, &["merge", "--no-edit", "theirs"]);
    assert!(!said.contains("CONFLICT"), "{said}");
    assert!(
        said.contains("is now CRN-"),
        "the renumbering is said: {said}"
    );
    let got = cairn::store::read(&board).expect("the merged board loads");
    let titles: Vec<&str> = got.items.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&"Added on theirs") && titles.contains(&"Added on main"));
    assert_eq!(got.items.len(), base.items.len() + 2);
    assert!(git(&repo, &["status", "--porcelain"]).trim().is_empty());
}

/// Lines changed between two versions of a board file, as `git diff --numstat` counts them: the
/// larger of lines added and lines removed (a line edited in place counts once).
fn diff_lines(dir: &Path, a: &cairn::model::Board, b: &cairn::model::Board) -> usize {
    let (pa, pb) = (dir.join("a.ron"), dir.join("b.ron"));
    write(&pa, a);
    write(&pb, b);
    let out = std::process::Command::new("git")
        .args(["diff", "--no-index", "--numstat"])
        .arg(&pa)
        .arg(&pb)
        .output()
        .expect("git runs");
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace()
        .take(2)
        .map(|n| n.parse::<usize>().expect("a count"))
        .max()
        .unwrap_or(0)
}

/// The file layout merges under git: each common edit on a 1k board changes a few lines of the
/// file (the README quotes these figures), not the moved item's block.
#[test]
fn each_common_edit_on_a_1k_board_changes_a_few_lines_of_the_file() {
    use cairn::model::{Edit, ItemKind, NoteKind, SprintState, rules};
    let dir = tempfile::tempdir().expect("temp dir");
    let today = jiff::civil::date(2026, 12, 1);
    let base = cairn::io::generate::generate(1000, 7);
    let mid = base.items[500].id;
    let open = base
        .items
        .iter()
        .find(|i| !base.is_done(i) && i.kind != ItemKind::Epic)
        .unwrap()
        .id;
    let mut got = Vec::new();
    let mut measure = |name: &str, edit: Edit| {
        let mut b = base.clone();
        b.apply(edit).expect("applies");
        got.push((name.to_string(), diff_lines(dir.path(), &base, &b)));
    };
    measure("rank move to the top", Edit::MoveItem { id: mid, to: 0 });
    measure(
        "status change",
        rules::set_status(&base, open, "Review", today).unwrap(),
    );
    let mut it = base.item(mid).unwrap().clone();
    it.title = "A new title".into();
    it.updated = today;
    measure("title edit", Edit::UpdateItem(Box::new(it)));
    let who = base.stakeholders[3].id;
    let (e, _) =
        cairn::model::stakeholder::add_note(&base, who, today, NoteKind::Decision, "Go", today)
            .unwrap();
    measure("add a note", e);
    if let Some(s) = base
        .sprints
        .iter()
        .find(|s| s.state == SprintState::Planned)
        .map(|s| s.id)
    {
        let mut b = base.clone();
        if let Some(active) = b.active_sprint().map(|s| s.id) {
            let e = rules::close_sprint(&b, active, today, rules::Leftovers::TopOfBacklog).unwrap();
            b.apply(e).unwrap();
        }
        let start = rules::start_sprint(&b, s, today).unwrap();
        let mut after = b.clone();
        after.apply(start).unwrap();
        // Starting a sprint also adds its scope record (the items it commits, a line each): an
        // addition of its own, left out of the count.
        let record = cairn::store::to_ron(&after).unwrap().lines().count()
            - cairn::store::to_ron(&b).unwrap().lines().count();
        let n = diff_lines(dir.path(), &b, &after);
        got.push(("sprint start".into(), n.saturating_sub(record)));
    }
    let (e, _) = rules::add_item(&base, ItemKind::Story, "New work", 0, today).unwrap();
    let mut added = base.clone();
    added.apply(e).unwrap();
    let add = diff_lines(dir.path(), &base, &added);
    let block = cairn::store::to_ron(&added).unwrap().lines().count()
        - cairn::store::to_ron(&base).unwrap().lines().count();
    eprintln!(
        "lines changed on a 1k board: {got:?}, add an item: {add} ({block} in its block and rank)"
    );
    for (name, n) in &got {
        // An addition is its block (a note's is 6 lines: id, date, kind, text and its brackets).
        // A status change also writes its history step: one line, three more the first time
        // (when the item's history list opens).
        let most = if name.starts_with("add") || name == "status change" {
            6
        } else {
            5
        };
        assert!(*n <= most, "{name}: {n} lines");
    }
    assert_eq!(
        add, block,
        "adding an item adds its block and one rank line, nothing else"
    );
}

/// Two branches that edit different things — fields of different items, rank moves far apart, a
/// note each — merge under plain git with no driver, and the result loads and equals the semantic
/// merge of the same three boards.
#[test]
fn different_edits_merge_under_plain_git_and_equal_the_semantic_merge() {
    use cairn::model::{Edit, NoteKind, rules};
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    let board = repo.join("board.ron");
    let today = jiff::civil::date(2026, 12, 1);
    let base = cairn::io::generate::generate(1000, 11);
    write(&board, &base);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "board"]);
    let base = cairn::store::read(&board).unwrap();
    let ids: Vec<_> = base.items.iter().map(|i| i.id).collect();
    let note = |b: &mut cairn::model::Board, who: usize, text: &str| {
        let id = b.stakeholders[who].id;
        let (e, _) =
            cairn::model::stakeholder::add_note(b, id, today, NoteKind::Decision, text, today)
                .unwrap();
        b.apply(e).unwrap();
    };
    let mut theirs = base.clone();
    git(&repo, &["checkout", "-q", "-b", "theirs"]);
    let mut it = theirs.item(ids[100]).unwrap().clone();
    it.title = "Theirs retitled".into();
    theirs.apply(Edit::UpdateItem(Box::new(it))).unwrap();
    theirs
        .apply(Edit::MoveItem {
            id: ids[900],
            to: 899,
        })
        .unwrap();
    theirs
        .apply(rules::set_points(&theirs, ids[300], Some(21), today).unwrap())
        .unwrap();
    let last = theirs.stakeholders.len() - 1;
    note(&mut theirs, last, "theirs noted");
    write(&board, &theirs);
    git(&repo, &["commit", "-q", "-am", "theirs"]);
    git(&repo, &["checkout", "-q", "main"]);
    let mut ours = base.clone();
    let mut it = ours.item(ids[600]).unwrap().clone();
    it.assignee = "Ours".into();
    ours.apply(Edit::UpdateItem(Box::new(it))).unwrap();
    ours.apply(Edit::MoveItem {
        id: ids[10],
        to: 11,
    })
    .unwrap();
    note(&mut ours, 0, "ours noted");
    write(&board, &ours);
    git(&repo, &["commit", "-q", "-am", "ours"]);
    let said = git(&repo, &["merge", "--no-edit", "theirs"]);
    assert!(!said.contains("CONFLICT"), "plain git merges it: {said}");
    let by_git = cairn::store::read(&board).expect("the result loads");
    let semantic = cairn::model::merge::merge(&base, &ours, &theirs);
    assert!(semantic.conflicts.is_empty(), "{:?}", semantic.conflicts);
    assert_eq!(by_git, semantic.board);
    assert_eq!(by_git.item(ids[100]).unwrap().title, "Theirs retitled");
    assert_eq!(by_git.item(ids[600]).unwrap().assignee, "Ours");
}

#[test]
fn git_setup_outside_a_repository_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    sample(dir.path(), &board);
    cairn(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path())
        .args(["git", "setup", "--file"])
        .arg(&board)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not in a git repository"));
    assert!(!dir.path().join(".gitattributes").exists());
}
