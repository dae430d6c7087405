//! Writes that fail: an injected fault at every step, a directory that cannot be written and a real
//! full disk each leave the old file and name the error.

use super::*;

#[test]
fn a_failing_write_leaves_the_old_file_and_the_next_save_succeeds() {
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(20, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let good = fs::read(&path).expect("reads");
    board.project.name = "Changed".into();
    for step in 1..=5 {
        st.inject_faults(Faults::fail_at(step));
        let err = st.save(&board).expect_err("fails");
        let msg = err.to_string();
        assert!(
            msg.contains(&path.display().to_string()) && msg.contains("No space left"),
            "{msg}"
        );
        assert_eq!(
            fs::read(&path).expect("reads"),
            good,
            "step {step} damaged the file"
        );
        assert!(
            store::clean_leftovers(&path).is_empty(),
            "step {step} left a temp file"
        );
    }
    st.inject_faults(Faults::default());
    assert_eq!(st.save(&board).expect("saves"), Saved::Written);
    assert_eq!(store::read(&path).expect("loads").project.name, "Changed");
}

#[cfg(unix)]
#[test]
fn a_directory_that_cannot_be_written_gives_the_os_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let path = dir.path().join("board.ron");
    let mut board = generate(5, 1);
    let mut st = Store::create(&path, &board, false).expect("creates");
    let good = fs::read(&path).expect("reads");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).expect("chmod");
    // root ignores directory permissions: only check what a normal user would see.
    let probe = dir.path().join("probe");
    let writable = fs::write(&probe, "x").is_ok();
    let _ = fs::remove_file(&probe);
    board.project.name = "Changed".into();
    let result = st.save(&board);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).expect("chmod back");
    if !writable {
        let msg = result.expect_err("cannot write").to_string();
        assert!(msg.contains("Permission denied"), "{msg}");
        assert_eq!(fs::read(&path).expect("reads"), good);
    }
}

/// A real full disk: a 256 KiB tmpfs, where the test may mount one (root on Linux); skipped elsewhere.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_old_file_and_names_the_error() {
    use std::process::Command;
    let dir = temp();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot mount a tmpfs here, and CI is set (CI runs as root)"
        );
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    }
    // Unmounts even when an assertion fails, before the temp dir is removed.
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(dir.path());
    let path = dir.path().join("board.ron");
    let small = generate(20, 1);
    let mut st = Store::create(&path, &small, false).expect("a small board fits");
    let good = fs::read(&path).expect("reads");
    let msg = st
        .save(&generate(2000, 1))
        .expect_err("does not fit")
        .to_string();
    assert!(msg.contains("No space left on device"), "{msg}");
    assert!(msg.contains("board.ron"), "{msg}");
    assert_eq!(
        fs::read(&path).expect("reads"),
        good,
        "the old file is intact"
    );
    assert!(
        store::clean_leftovers(&path).is_empty(),
        "no temp file left behind"
    );
    assert_eq!(st.save(&small).expect("fits again"), Saved::Written);
}
