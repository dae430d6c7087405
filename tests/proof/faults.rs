//! Faults in the save path beyond `tests/store/`: every step of every kind of save (the board, a
//! conflict copy) failing in turn, with the change kept and the next save going where it should; a
//! directory that cannot be written even by root (a read-only bind mount); and, in the real binary,
//! a full disk that fills and empties while cairn runs.

use cairn::io::generate::generate;
use cairn::model::Board;
use cairn::store::{self, Faults, Saved, Store};
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// How many file operations one atomic write performs (create, write, fsync, chmod, rename, dir fsync).
const STEPS: usize = 6;

fn changed(board: &Board, n: usize) -> Board {
    let mut b = board.clone();
    b.project.name = format!("Change {n}");
    b
}

/// For every step N of a save: the file is the last good save (or, when only the directory fsync
/// failed, the complete new one), the error names the path and the OS error, no temp file is left,
/// and the next save writes the board, not a conflict copy.
#[test]
fn every_step_of_a_save_fails_in_turn_and_the_next_save_succeeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(50, 4);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let mut injected = 0;
    for round in 0..3 {
        for step in 1..=STEPS {
            let good = fs::read(&path).expect("reads");
            let ours = changed(&board, round * 10 + step);
            st.inject_faults(Faults::fail_at(step));
            let msg = st.save(&ours).expect_err("the injected fault").to_string();
            injected += 1;
            assert!(
                msg.contains(&path.display().to_string()) && msg.contains("No space left"),
                "step {step}: {msg}"
            );
            let now = fs::read(&path).expect("reads");
            if step < STEPS {
                assert_eq!(now, good, "step {step}: not the last good save");
            } else {
                // The rename happened: the file is our complete board.
                assert_eq!(store::read(&path).expect("loads"), ours, "step {step}");
            }
            assert!(
                store::clean_leftovers(&path).is_empty(),
                "step {step}: a temp file was left"
            );
            // The caller still has `ours` (the model keeps the change); the next save writes it.
            st.inject_faults(Faults::default());
            assert_eq!(
                st.save(&ours).expect("the next save"),
                Saved::Written,
                "step {step}: the next save went aside"
            );
            assert_eq!(store::read(&path).expect("loads"), ours, "step {step}");
        }
    }
    assert!(st.conflict_copy().is_none());
    eprintln!("{injected} faults injected into board saves");
}

/// A conflict copy is written with the same care: a failure leaves someone else's file alone.
#[test]
fn every_step_of_a_conflict_copy_fails_in_turn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(20, 2);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let mut theirs = board.clone();
    theirs.project.name = "Theirs".into();
    fs::write(&path, store::to_ron(&theirs).expect("serialises")).expect("writes");
    let their_bytes = fs::read(&path).expect("reads");
    for step in 1..=STEPS {
        st.inject_faults(Faults::fail_at(step));
        let result = st.save(&changed(&board, step));
        if step < STEPS {
            let msg = result.expect_err("the injected fault").to_string();
            assert!(
                msg.contains(".conflict-") && msg.contains("No space left"),
                "{msg}"
            );
        }
        assert_eq!(fs::read(&path).expect("reads"), their_bytes, "step {step}");
    }
    st.inject_faults(Faults::default());
    let Saved::Conflict { ours } = st.save(&changed(&board, 99)).expect("saves aside") else {
        panic!("overwrote their file")
    };
    assert_eq!(store::read(&ours).expect("loads").project.name, "Change 99");
    assert_eq!(fs::read(&path).expect("reads"), their_bytes);
}

/// Runs `mount` with `args`; false when this machine does not let the test mount (not root, a
/// container without the capability): the caller then skips and says why.
fn mount(args: &[&str], target: &Path) -> bool {
    Command::new("mount")
        .args(args)
        .arg(target)
        .output()
        .is_ok_and(|o| o.status.success())
}

struct Unmount<'a>(&'a Path);

impl Drop for Unmount<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.0).status();
    }
}

/// Root writes through directory permissions, so the directory is made read-only with a read-only
/// bind mount of itself: the save fails with "Read-only file system", the board is untouched, and
/// once the mount is writable again the next save succeeds.
#[cfg(target_os = "linux")]
#[test]
fn a_directory_that_cannot_be_written_even_by_root() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("boards");
    fs::create_dir(&sub).expect("mkdir");
    let path = sub.join("board.ron");
    let board = generate(20, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let good = fs::read(&path).expect("reads");
    // `mount --bind SRC DIR`: with one path, mount looks in fstab and fails (so this case was
    // always skipped before CI made a skip a failure).
    let s = sub.to_str().expect("utf-8");
    if !mount(&["--bind", s], &sub) || !mount(&["-o", "remount,ro,bind", s], &sub) {
        let _ = Command::new("umount").arg(&sub).status();
        crate::common::hostile::cannot_run(
            "a_directory_that_cannot_be_written_even_by_root",
            "cannot make a read-only bind mount here (needs root on Linux)",
        );
        return;
    }
    let unmount = Unmount(&sub);
    let ours = changed(&board, 1);
    let msg = st.save(&ours).expect_err("read-only").to_string();
    assert!(
        msg.contains(&sub.display().to_string()) && msg.contains("Read-only file system"),
        "{msg}"
    );
    assert_eq!(fs::read(&path).expect("reads"), good);
    drop(unmount);
    assert_eq!(st.save(&ours).expect("writable again"), Saved::Written);
    assert_eq!(store::read(&path).expect("loads"), ours);
}

/// The real binary on a 512 KiB tmpfs: a filler takes the free space, a change cannot be saved, the
/// status bar names the file and "No space left on device", the change stays on screen; the filler
/// goes, the retry saves it.
#[cfg(target_os = "linux")]
#[test]
fn a_disk_that_fills_while_cairn_runs_keeps_the_change_and_saves_it_later() {
    use crate::common::tmux::Tmux;
    let _serial = crate::common::hostile::serial();
    let Some(t) = Tmux::start("full_disk_tui") else {
        return;
    };
    let disk = t.dir.path().join("disk");
    fs::create_dir(&disk).expect("mkdir");
    if !mount(&["-t", "tmpfs", "-o", "size=512k", "tmpfs"], &disk) {
        crate::common::hostile::cannot_run(
            "a_disk_that_fills_while_cairn_runs",
            "cannot mount a tmpfs here (needs root on Linux)",
        );
        return;
    }
    let _unmount = Unmount(&disk);
    let path = disk.join("b.ron");
    let name = "full";
    t.open_file(name, 120, 40, &path);
    t.see_with_status(name, "Backlog", "saved");
    let before = fs::read(&path).expect("created");
    // Fill the disk (the write stops at ENOSPC), leaving no room for a second copy of the board.
    let filler = disk.join("filler");
    let _ = fs::write(&filler, vec![b'x'; 1 << 20]);
    t.keys(name, &["a"]);
    t.see(name, "New item");
    t.type_text(name, "Kept while the disk is full");
    t.keys(name, &["Enter"]);
    let screen = t.wait_for(name, "the save error", |s| {
        s.contains("No space left") && s.contains("b.ron")
    });
    assert!(screen.contains("Kept while the disk is full"), "{screen}");
    assert_eq!(
        fs::read(&path).expect("reads"),
        before,
        "the old board is intact"
    );
    fs::remove_file(&filler).expect("free the disk");
    std::thread::sleep(Duration::from_secs(6)); // the retry comes 5 s after a failure
    t.see_with_status(name, "Kept while the disk is full", "saved");
    let board = store::read(&path).expect("loads");
    assert!(
        board
            .items
            .iter()
            .any(|i| i.title == "Kept while the disk is full"),
        "saved after the disk had room again"
    );
    t.keys(name, &["q"]);
    assert_eq!(t.wait_exit(name), "status 0");
}
