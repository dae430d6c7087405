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
    cairn(d)
        .arg("merge")
        .args([d.join("base.ron"), d.join("ours.ron"), d.join("theirs.ron")])
        .assert()
        .code(0);
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

/// Two branches each add an item: plain git conflicts on the file, the driver keeps both (theirs
/// renumbered) and the merge commits cleanly.
#[test]
fn as_git_merge_driver_two_branches_that_each_add_an_item_merge_into_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    let board = repo.join("board.ron");
    let base = sample(dir.path(), &board);
    let bin = assert_cmd::cargo::cargo_bin("cairn");
    git(&repo, &["config", "merge.cairn.name", "cairn board merge"]);
    git(
        &repo,
        &[
            "config",
            "merge.cairn.driver",
            &format!("{} merge %O %A %B", bin.display()),
        ],
    );
    fs::write(repo.join(".gitattributes"), "board.ron merge=cairn\n").unwrap();
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
