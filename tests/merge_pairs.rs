//! Seeded random pairs of edit sequences on two clones of one repository (a bare repository, the
//! driver from `cairn git setup`), pushed and pulled: every merge loads and validates, each change
//! made on one side only is in the result (or a conflict is recorded), merging a side with itself is
//! the identity, and swapping the sides gives the same records up to the renumbering.
//! `CAIRN_MERGE_PAIRS` sets how many pairs (12 by default).

use assert_cmd::Command;
use cairn::model::{Board, Edit, ItemKind, NoteKind, SprintState, rules};
use std::fs;
use std::path::Path;

const TODAY: jiff::civil::Date = jiff::civil::date(2026, 12, 1);

fn git(dir: &Path, home: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs (CI installs it)");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || args[0] == "pull",
        "git {args:?}: {text}"
    );
    text
}

fn write(at: &Path, b: &Board) {
    fs::write(at, cairn::store::to_ron(b).expect("serialises")).expect("writes");
}

/// One random edit that the board accepts (tries until one applies).
fn random_edit(b: &mut Board, rng: &mut fastrand::Rng, tag: &str) {
    for _ in 0..20 {
        let n = b.items.len();
        if n == 0 {
            break;
        }
        let pick = |rng: &mut fastrand::Rng| b.items[rng.usize(..n)].id;
        let edit: Option<Edit> = match rng.u8(..10) {
            0 => {
                let id = pick(rng);
                let mut it = b.item(id).unwrap().clone();
                it.title = format!("{} ({tag})", it.title);
                Some(Edit::UpdateItem(Box::new(it)))
            }
            1 => {
                let id = pick(rng);
                let col = b.columns[rng.usize(..b.columns.len())].name.clone();
                rules::set_status(b, id, &col, TODAY).ok()
            }
            2 => rules::set_points(b, pick(rng), Some([1, 2, 3, 5, 8][rng.usize(..5)]), TODAY).ok(),
            3 => Some(Edit::MoveItem {
                id: pick(rng),
                to: rng.usize(..n),
            }),
            4 => rules::add_item(
                b,
                ItemKind::Story,
                &format!("added on {tag}"),
                rng.usize(..=n),
                TODAY,
            )
            .ok()
            .map(|(e, _)| e),
            5 => rules::delete_item(b, pick(rng)).ok(),
            6 => {
                let who = b
                    .stakeholders
                    .get(rng.usize(..b.stakeholders.len().max(1)))
                    .map(|s| s.id);
                who.and_then(|w| {
                    cairn::model::stakeholder::add_note(
                        b,
                        w,
                        TODAY,
                        NoteKind::Decision,
                        &format!("note on {tag}"),
                        TODAY,
                    )
                    .ok()
                    .map(|(e, _)| e)
                })
            }
            7 => {
                let id = pick(rng);
                let mut it = b.item(id).unwrap().clone();
                it.tags.push(tag.to_string());
                Some(Edit::UpdateItem(Box::new(it)))
            }
            8 => rules::set_blocked_by(b, pick(rng), vec![pick(rng)]).ok(),
            _ => match b.active_sprint().map(|s| s.id) {
                Some(a) => rules::close_sprint(b, a, TODAY, rules::Leftovers::TopOfBacklog).ok(),
                None => b
                    .sprints
                    .iter()
                    .find(|s| s.state == SprintState::Planned)
                    .map(|s| s.id)
                    .and_then(|s| rules::start_sprint(b, s, TODAY).ok()),
            },
        };
        if let Some(e) = edit
            && b.apply(e).is_ok()
        {
            return;
        }
    }
}

/// The fields of item `id` as JSON, without the links a delete on the other side may drop.
fn fields(
    b: &Board,
    id: cairn::model::ItemId,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    let mut v = serde_json::to_value(b.item(id)?).ok()?;
    let o = v.as_object_mut()?;
    for k in ["blocked_by", "relates_to", "parent", "milestone", "sprint"] {
        o.remove(k);
    }
    Some(o.clone())
}

/// Every field one side changed on an item the other side did not touch in that field is in the
/// result as that side has it, unless the result records a conflict about that item.
fn check_side(base: &Board, side: &Board, other: &Board, got: &Board, name: &str) {
    for it in &side.items {
        let (Some(s), Some(b)) = (fields(side, it.id), fields(base, it.id)) else {
            continue;
        };
        if base.item(it.id) == Some(&**it) {
            continue; // not changed on this side: the other side's delete may take it
        }
        let key = got.item_key(it.id);
        if got.conflicts.iter().any(|c| c.what == key) {
            continue;
        }
        let o = fields(other, it.id);
        let Some(r) = fields(got, it.id) else {
            panic!("{name}: {key} changed on {name} is gone from the result");
        };
        for (k, v) in &s {
            let other_changed = o.as_ref().is_some_and(|o| o.get(k) != b.get(k));
            if b.get(k) != Some(v)
                && !other_changed
                && k != "status_since"
                && k != "done"
                && k != "updated"
            {
                assert_eq!(r.get(k), Some(v), "{name}: {key} {k}");
            }
        }
    }
}

#[test]
fn random_edit_pairs_on_two_clones_merge_into_a_sound_board_that_keeps_both() {
    let pairs: u64 = std::env::var("CAIRN_MERGE_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path();
    let (mut merged_by_driver, mut conflicts) = (0, 0);
    for seed in 0..pairs {
        let root = home.join(format!("pair{seed}"));
        let (bare, a, bdir) = (root.join("bare.git"), root.join("a"), root.join("b"));
        fs::create_dir_all(&root).unwrap();
        git(
            &root,
            home,
            &["init", "-q", "--bare", "-b", "main", bare.to_str().unwrap()],
        );
        git(
            &root,
            home,
            &["clone", "-q", bare.to_str().unwrap(), a.to_str().unwrap()],
        );
        let base = cairn::io::generate::generate(200, seed + 1);
        write(&a.join("board.ron"), &base);
        let base = cairn::store::read(&a.join("board.ron")).unwrap();
        let setup = |clone: &Path| {
            Command::cargo_bin("cairn")
                .unwrap()
                .env("HOME", home)
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .args(["git", "setup", "--file"])
                .arg(clone.join("board.ron"))
                .assert()
                .success();
        };
        setup(&a);
        git(&a, home, &["add", "."]);
        git(&a, home, &["commit", "-q", "-m", "board"]);
        git(&a, home, &["push", "-q", "origin", "main"]);
        git(
            &root,
            home,
            &[
                "clone",
                "-q",
                bare.to_str().unwrap(),
                bdir.to_str().unwrap(),
            ],
        );
        setup(&bdir);
        let mut rng = fastrand::Rng::with_seed(seed);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for _ in 0..rng.usize(1..8) {
            random_edit(&mut theirs, &mut rng, "a");
        }
        for _ in 0..rng.usize(1..8) {
            random_edit(&mut ours, &mut rng, "b");
        }
        write(&a.join("board.ron"), &theirs);
        git(&a, home, &["commit", "-q", "--allow-empty", "-am", "a"]);
        git(&a, home, &["push", "-q", "origin", "main"]);
        write(&bdir.join("board.ron"), &ours);
        git(&bdir, home, &["commit", "-q", "--allow-empty", "-am", "b"]);
        let said = git(
            &bdir,
            home,
            &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
        );
        // Ours is b's, theirs is a's, as git hands them to the driver.
        let got = cairn::store::read(&bdir.join("board.ron"))
            .unwrap_or_else(|e| panic!("pair {seed}: the merged board does not load: {e}\n{said}"));
        assert!(
            got.validate().is_empty(),
            "pair {seed}: {:?}",
            got.validate()
        );
        let semantic = cairn::model::merge::merge(&base, &ours, &theirs);
        assert_eq!(
            got, semantic.board,
            "pair {seed}: the driver's result is the model's merge"
        );
        if said.contains("CONFLICT") {
            assert!(
                !got.conflicts.is_empty(),
                "pair {seed}: git says conflict, the board records none: {said}"
            );
            conflicts += 1;
        } else {
            merged_by_driver += 1;
        }
        check_side(&base, &ours, &theirs, &got, "ours");
        if semantic.renumbered.is_empty() {
            check_side(&base, &theirs, &ours, &got, "theirs");
            // Swapped sides: the same records (ours wins conflicts, so compare the conflict-free).
            let swapped = cairn::model::merge::merge(&base, &theirs, &ours);
            if semantic.conflicts.is_empty() && swapped.conflicts.is_empty() {
                let ids = |b: &Board| {
                    let mut v: Vec<_> = b.items.iter().map(|i| (i.id, fields(b, i.id))).collect();
                    v.sort_by_key(|x| x.0);
                    v
                };
                assert_eq!(ids(&swapped.board), ids(&got), "pair {seed}: symmetric");
            }
        }
        // A side merged with itself is that side.
        assert_eq!(
            cairn::model::merge::merge(&base, &ours, &ours).board,
            ours,
            "pair {seed}"
        );
    }
    eprintln!(
        "{pairs} pairs: {merged_by_driver} merged clean, {conflicts} with conflicts recorded"
    );
    assert_eq!(merged_by_driver + conflicts, pairs as usize);
}
