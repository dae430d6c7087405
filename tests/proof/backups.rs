//! Backups that survive: written atomically or not at all, one per run whatever the retries, matched
//! by their exact board name, never a cut-off or empty copy counted among those kept, and a
//! `backups/` that cannot be used costs the backup, never the save.

use crate::common::hostile::*;
use cairn::io::generate::generate;
use cairn::model::Board;
use cairn::store::{self, BACKUPS_KEPT, Faults, Saved, Store};
use std::fs;
use std::path::Path;
use std::process::Command;

fn changed(board: &Board, n: usize) -> Board {
    let mut b = board.clone();
    b.project.name = format!("Change {n}");
    b
}

/// `runs` runs that each open the board and save a change: one backup each.
fn runs(path: &Path, board: &Board, runs: usize) {
    for n in 0..runs {
        let mut opened = writable(path);
        opened.store.save(&changed(board, n)).expect("saves");
    }
}

/// Opens the board as its writer. Other tests of this binary spawn processes from their threads,
/// and a child forked in the instant between our open and its exec briefly shares the lock's file
/// description (flock follows it until close-on-exec closes it); so the lock is waited for, for up
/// to two seconds, instead of failing on that race.
fn writable(path: &Path) -> cairn::store::Opened {
    for _ in 0..100 {
        let opened = Store::open(path, None).expect("opens");
        if !opened.store.is_read_only() {
            return opened;
        }
        drop(opened);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{}: the lock stayed taken for 2 s", path.display());
}

fn all_load(backups: &[std::path::PathBuf]) {
    for b in backups {
        store::read_backup(b).unwrap_or_else(|e| panic!("a kept backup does not load: {e}"));
    }
}

/// Point 1: every step of a backup failing (a full disk), over five retries of the save, leaves no
/// file under a backup's name and no temp file; when the disk has room the run makes exactly one.
#[test]
fn a_failing_backup_leaves_nothing_and_retries_make_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(30, 1);
    Store::create(&path, &board, false).expect("creates");
    runs(&path, &board, 3);
    let before = store::list_backups(&path);
    assert_eq!(before.len(), 3);
    for step in 1..=6 {
        let mut opened = writable(&path);
        let st = &mut opened.store;
        st.inject_backup_faults(Faults::fail_at(step));
        st.inject_faults(Faults::fail_at(1)); // the board's save fails too: the disk is full
        for retry in 0..5 {
            assert!(st.save(&changed(&board, 100 + retry)).is_err());
        }
        let during = store::list_backups(&path);
        // Only the last step (the directory's fsync) fails after the backup is whole and in place.
        let made = usize::from(step == 6);
        assert_eq!(during.len(), before.len() + made, "step {step}: {during:?}");
        all_load(&during);
        assert!(
            store::clean_leftovers(&path).is_empty(),
            "step {step}: temp files"
        );
        // Room again: the save goes through, with at most one backup for the run.
        st.inject_faults(Faults::default());
        st.inject_backup_faults(Faults::default());
        st.save(&changed(&board, 109)).expect("saves");
        st.save(&changed(&board, 110)).expect("saves");
        let now = store::list_backups(&path);
        assert_eq!(
            now.len(),
            (before.len() + 1).min(BACKUPS_KEPT),
            "step {step}"
        );
        all_load(&now);
        let notices = st.take_notices();
        assert_eq!(notices.len(), 1 - made, "reported once: {notices:?}");
        assert!(
            notices.iter().all(|n| n.contains("No space left")),
            "{notices:?}"
        );
        for extra in &now[before.len()..] {
            fs::remove_file(extra).expect("back to the three");
        }
    }
}

/// Points 1 and 3: empty and cut-off files under backups' names (what older versions left after a
/// full disk or a `kill -9` in the copy) are never counted: the newest good ones all stay.
#[test]
fn empty_and_cut_off_backups_are_never_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(30, 1);
    Store::create(&path, &board, false).expect("creates");
    runs(&path, &board, 4);
    let good = store::list_backups(&path);
    // Backups are compressed now; the bad copies are left as older cairns left them (`.ron`).
    let text = String::from_utf8(store::backup_bytes(&good[0]).expect("reads")).expect("utf-8");
    let backups = store::backup_dir(&path);
    for n in 0..12 {
        let name = format!("board-20990101T0000{n:02}.000000Z.ron");
        let body = if n % 2 == 0 {
            ""
        } else {
            &text[..text.len() / 2]
        };
        fs::write(backups.join(name), body).expect("a bad backup");
    }
    runs(&path, &board, 1);
    let now = store::list_backups(&path);
    for g in &good {
        assert!(now.contains(g), "{} was pruned for bad copies", g.display());
    }
    let loading = now.iter().filter(|b| store::read_backup(b).is_ok()).count();
    assert_eq!(loading, good.len() + 1);
}

/// Point 2: another board's backups are not this board's, in both directions.
#[test]
fn pruning_never_touches_another_boards_backups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = generate(10, 1);
    let main = dir.path().join("board.ron");
    let other = dir.path().join("board-2.ron");
    let archive = dir.path().join("board-archive.ron");
    for p in [&main, &other, &archive] {
        Store::create(p, &board, false).expect("creates");
    }
    runs(&other, &board, 3);
    runs(&main, &board, 3);
    runs(&archive, &board, BACKUPS_KEPT + 2);
    runs(&main, &board, BACKUPS_KEPT);
    assert_eq!(store::list_backups(&other).len(), 3, "board-2's backups");
    assert_eq!(store::list_backups(&archive).len(), BACKUPS_KEPT);
    assert_eq!(store::list_backups(&main).len(), BACKUPS_KEPT);
    let names: Vec<String> = store::list_backups(&main)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with("board-2-") && !n.starts_with("board-archive-"))
    );
}

/// Point 4 (and 8): a file named `backups`, a `backups` link to another directory, and (as a user)
/// a root-owned `backups/`: the board is saved every time, the lost backup is said once, and
/// nothing is written or deleted through the link.
#[test]
fn an_unusable_backups_dir_costs_the_backup_not_the_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(10, 1);
    Store::create(&path, &board, false).expect("creates");
    let backups = store::backup_dir(&path);
    let victim = dir.path().join("victim");
    fs::create_dir(&victim).expect("mkdir");
    for n in 0..12 {
        fs::write(
            victim.join(format!("board-20200101T0000{n:02}.000000Z.ron")),
            "keep",
        )
        .expect("a victim file");
    }
    let plant_file = || fs::write(&backups, "not a directory").expect("a file");
    let plant_link = || std::os::unix::fs::symlink(&victim, &backups).expect("a link");
    for (what, plant) in [
        ("a file", &plant_file as &dyn Fn()),
        ("a link", &plant_link),
    ] {
        let _ = fs::remove_file(&backups);
        plant();
        let mut opened = writable(&path);
        for n in 0..3 {
            let ours = changed(&board, n);
            assert_eq!(opened.store.save(&ours).expect("saved"), Saved::Written);
            assert_eq!(store::read(&path).expect("loads"), ours, "{what}");
        }
        let notices = opened.store.take_notices();
        assert_eq!(notices.len(), 1, "{what}: said once: {notices:?}");
        assert!(notices[0].contains("backups"), "{notices:?}");
        assert_eq!(names(&victim).len(), 12, "{what}: the victim's files");
        assert!(names(&victim).iter().all(|n| n.starts_with("board-2020")));
    }
}

/// Point 4 as a user (root writes anywhere): a `backups/` owned by root and not writable.
#[test]
fn a_root_owned_backups_dir_costs_the_backup_not_the_save() {
    if !is_root() {
        cannot_run(
            "a_root_owned_backups_dir",
            "needs root to make a dir the user cannot write",
        );
        return;
    }
    let sb = Sandbox::new();
    let dir = sb.path("boards");
    fs::create_dir(&dir).expect("mkdir");
    let path = dir.join("board.ron");
    let made = run(sb.cairn(&[
        "generate",
        "--items",
        "20",
        "--file",
        path.to_str().expect("utf-8"),
    ]));
    assert!(made.status.success(), "{made:?}");
    fs::create_dir(dir.join("backups")).expect("mkdir");
    for p in [&dir, &path] {
        std::os::unix::fs::chown(p, Some(NOBODY), Some(NOBODY)).expect("chown");
    }
    let file = path.to_str().expect("utf-8");
    let csv = sb.path("items.csv");
    fs::write(&csv, "Summary\nImported while backups/ is root's\n").expect("csv");
    chmod(&csv, 0o644);
    let out = run(sb.cairn_as_user(&[
        "import",
        "csv",
        csv.to_str().expect("utf-8"),
        "--file",
        file,
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    let board = store::read(&path).expect("loads");
    assert!(
        board
            .items
            .iter()
            .any(|i| i.title.starts_with("Imported while"))
    );
    assert!(stderr(&out).contains("No backup"), "said: {}", stderr(&out));
}

/// Point 1 on a real full disk (a tmpfs, root only): five failed saves leave no file in
/// `backups/`, and the backups made before are all still there.
#[cfg(target_os = "linux")]
#[test]
fn a_real_full_disk_keeps_the_backup_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        cannot_run(
            "a_real_full_disk",
            "cannot mount a tmpfs (needs root on Linux)",
        );
        return;
    }
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg("-l").arg(self.0).status();
        }
    }
    let _unmount = Unmount(dir.path());
    let path = dir.path().join("board.ron");
    let board = generate(40, 1);
    Store::create(&path, &board, false).expect("creates");
    runs(&path, &board, 3);
    let before = store::list_backups(&path);
    let filler = dir.path().join("filler");
    let _ = fs::write(&filler, vec![b'x'; 2 << 20]); // stops at ENOSPC
    let mut opened = writable(&path);
    for n in 0..5 {
        let _ = opened.store.save(&changed(&generate(400, 2), n));
    }
    assert_eq!(store::list_backups(&path), before, "no empty backups");
    assert_eq!(
        names(&store::backup_dir(&path)).len(),
        before.len(),
        "nothing else in backups/"
    );
    fs::remove_file(&filler).expect("room again");
    opened.store.save(&changed(&board, 7)).expect("saves");
    let now = store::list_backups(&path);
    assert_eq!(now.len(), before.len() + 1);
    all_load(&now);
}

/// Each backup is loaded once (the good ones are indexed by name, size and time); one cut short
/// after it was checked is checked again and no longer counted.
#[test]
fn a_backup_cut_after_it_was_checked_is_not_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(30, 1);
    Store::create(&path, &board, false).expect("creates");
    runs(&path, &board, BACKUPS_KEPT + 2);
    let index = store::backup_dir(&path).join(".board.ron.verified");
    assert!(index.exists(), "the good backups are indexed");
    let kept = store::list_backups(&path);
    let cut = &kept[4];
    let text = fs::read(cut).expect("reads");
    fs::write(cut, &text[..text.len() / 3]).expect("cut short");
    runs(&path, &board, 1);
    let now = store::list_backups(&path);
    let loading = now.iter().filter(|b| store::read_backup(b).is_ok()).count();
    assert_eq!(
        loading, BACKUPS_KEPT,
        "ten good backups besides the cut one"
    );
    assert!(
        now.contains(cut),
        "a bad copy newer than good ones stays, uncounted"
    );
}
