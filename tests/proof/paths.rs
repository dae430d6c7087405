//! Paths, links, locks and permissions: a linked board is written through and locked as its
//! target; a dangling link is an error; files cairn makes are made exclusively, never through a
//! planted link; every file beside the board takes the board's mode and owner; a board or directory
//! that cannot be written opens read-only and says why; a recovery that cannot go beside the board
//! goes to the data directory.

use crate::common::hostile::*;
use cairn::io::generate::generate;
use cairn::store::{self, Saved, Store, StoreError};
use std::fs;
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

fn csv(sb: &Sandbox, title: &str) -> String {
    let p = sb.path("items.csv");
    fs::write(&p, format!("Summary\n{title}\n")).expect("csv");
    chmod(&p, 0o644);
    s(&p).to_string()
}

fn made(sb: &Sandbox, path: &Path, items: usize) {
    let o = run(sb.cairn(&["generate", "--items", &items.to_string(), "--file", s(path)]));
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Point 5: a board kept in a repo and linked to: the save writes the target (the link stays a
/// link), and the lock, temp files and backups go beside the target.
#[test]
fn a_linked_board_is_written_through_the_link() {
    let sb = Sandbox::new();
    let repo = sb.path("dotfiles");
    fs::create_dir(&repo).expect("mkdir");
    let target = repo.join("board.ron");
    made(&sb, &target, 20);
    let link = sb.path("board.ron");
    symlink(&target, &link).expect("symlink");
    let o = run(sb.cairn(&[
        "import",
        "csv",
        &csv(&sb, "Through the link"),
        "--file",
        s(&link),
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    assert!(
        store::read(&target)
            .expect("loads")
            .items
            .iter()
            .any(|i| i.title == "Through the link"),
        "the repo copy changed"
    );
    assert!(repo.join("backups").is_dir(), "backups beside the target");
    assert!(!sb.path("backups").exists(), "no backups beside the link");
    assert!(repo.join(".board.ron.lock").exists());
    assert!(
        !sb.path(".board.ron.lock").exists(),
        "no lock beside the link"
    );
}

/// Point 5: a dangling link is an error for every command, and nothing is created through it.
#[test]
fn a_dangling_link_is_an_error_not_a_new_board() {
    let sb = Sandbox::new();
    let link = sb.path("board.ron");
    let gone = sb.path("gone/board.ron");
    symlink(&gone, &link).expect("symlink");
    for args in [
        vec!["--file", s(&link)],
        vec!["check", "--file", s(&link)],
        vec!["import", "csv", "x.csv", "--file", s(&link)],
    ] {
        let o = run(sb.cairn(&args));
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            e.contains("symbolic link") || e.contains("cannot read"),
            "{args:?}: {e}"
        );
    }
    assert!(
        !gone.exists() && !sb.path("gone").exists(),
        "created through the link"
    );
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
}

/// Point 6: the same board by two paths is one writer.
#[test]
fn the_same_board_by_two_paths_has_one_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("dotfiles");
    fs::create_dir(&real).expect("mkdir");
    let target = real.join("board.ron");
    let board = generate(10, 1);
    drop(Store::create(&target, &board, false).expect("creates"));
    let link = dir.path().join("board.ron");
    symlink(&target, &link).expect("symlink");
    let linked_dir = dir.path().join("linked");
    symlink(&real, &linked_dir).expect("dir symlink");
    let first = Store::open(&link, None).expect("opens");
    assert!(!first.store.is_read_only());
    for other in [target.clone(), linked_dir.join("board.ron")] {
        let second = Store::open(&other, None).expect("opens");
        assert!(
            second.store.is_read_only(),
            "{} opened writable beside {}",
            other.display(),
            link.display()
        );
        assert!(matches!(
            Store::open_to_write(&other),
            Err(StoreError::Locked { .. })
        ));
    }
}

/// Point 7: a lock file that is a directory, or that the user may not write (root's), never makes
/// a second writer: the first opens read-only and says why, the second is locked out.
#[test]
fn a_lock_that_cannot_be_taken_is_read_only_with_a_reason() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    made(&sb, &path, 10);
    let lock = store::lock_path(&path);
    fs::remove_file(&lock).expect("rm the lock");
    fs::create_dir(&lock).expect("a directory where the lock goes");
    let before = fs::read(&path).expect("reads");
    let o = run(sb.cairn(&[
        "import",
        "csv",
        &csv(&sb, "Not imported"),
        "--file",
        s(&path),
    ]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("read-only") && stderr(&o).contains(".board.ron.lock"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&path).expect("reads"), before);
    let o = run(sb.cairn(&["--file", s(&path)]));
    assert!(stdout(&o).contains("read-only"), "{}", stdout(&o));
}

#[test]
fn a_lock_file_the_user_cannot_write_still_locks() {
    if !is_root() {
        cannot_run(
            "a_lock_file_the_user_cannot_write",
            "needs root to own the lock file",
        );
        return;
    }
    let sb = Sandbox::new();
    let dir = sb.path("boards");
    fs::create_dir(&dir).expect("mkdir");
    let path = dir.join("board.ron");
    made(&sb, &path, 10);
    for p in [&dir, &path] {
        std::os::unix::fs::chown(p, Some(NOBODY), Some(NOBODY)).expect("chown");
    }
    let lock = store::lock_path(&path);
    std::os::unix::fs::chown(&lock, Some(0), Some(0)).expect("chown");
    chmod(&lock, 0o644);
    // Another cairn (this test) holds the lock.
    let held = fs::File::open(&lock).expect("opens");
    held.try_lock().expect("locks");
    let before = fs::read(&path).expect("reads");
    let o = run(sb.cairn_as_user(&[
        "import",
        "csv",
        &csv(&sb, "Second writer"),
        "--file",
        s(&path),
    ]));
    assert_eq!(o.status.code(), Some(1), "a second writer: {}", stderr(&o));
    assert!(
        stderr(&o).contains("open in another cairn"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&path).expect("reads"), before);
    drop(held);
    let o = run(sb.cairn_as_user(&[
        "import",
        "csv",
        &csv(&sb, "Now the writer"),
        "--file",
        s(&path),
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Point 8: links planted where cairn creates files: the lock, a recovery file, a conflict copy.
/// Nothing is written through them.
#[test]
fn planted_links_are_never_followed() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    made(&sb, &path, 10);
    let victim = sb.path("victim");
    fs::create_dir(&victim).expect("mkdir");
    fs::write(victim.join("keep"), "victim's").expect("victim file");
    // The lock.
    let lock = store::lock_path(&path);
    fs::remove_file(&lock).expect("rm");
    symlink(victim.join("x"), &lock).expect("symlink");
    let o = run(sb.cairn(&["import", "csv", &csv(&sb, "No"), "--file", s(&path)]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("symbolic link"), "{}", stderr(&o));
    assert!(!victim.join("x").exists(), "the lock link was followed");
    fs::remove_file(&lock).expect("rm");
    // A recovery file: links under every name of the next seconds.
    let board = generate(5, 1);
    let now = jiff::Timestamp::now();
    for secs in 0..4 {
        let t = now + jiff::SignedDuration::from_secs(secs);
        let name = format!("board.recovery-{}.ron", t.strftime("%Y%m%dT%H%M%SZ"));
        symlink(victim.join("keep"), sb.path(&name)).expect("symlink");
    }
    let written = store::write_recovery(&path, &board).expect("written elsewhere");
    assert!(
        !fs::symlink_metadata(&written)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::read(&written).expect("loads"), board);
    assert_eq!(
        fs::read_to_string(victim.join("keep")).expect("reads"),
        "victim's"
    );
    // A conflict copy.
    let mut st = Store::open(&path, None).expect("opens").store;
    let mut theirs = store::read(&path).expect("loads");
    theirs.project.name = "Theirs".into();
    fs::write(&path, store::to_ron(&theirs).expect("ron")).expect("outside edit");
    for secs in 0..4 {
        let t = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(secs);
        let name = format!("board.conflict-{}.ron", t.strftime("%Y%m%dT%H%M%SZ"));
        let _ = symlink(victim.join("keep"), sb.path(&name));
    }
    let Saved::Conflict { ours } = st.save(&board).expect("saves aside") else {
        panic!("overwrote their change")
    };
    assert!(
        !fs::symlink_metadata(&ours)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(victim.join("keep")).expect("reads"),
        "victim's"
    );
}

/// Point 9: a 0600 board's backups, `backups/`, conflict copies, recovery files and lock are no
/// wider than the board; new boards honour the umask.
#[test]
fn files_beside_a_private_board_stay_private() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    made(&sb, &path, 10);
    chmod(&path, 0o600);
    let board = store::read(&path).expect("loads");
    let mut st = Store::open(&path, None).expect("opens").store;
    st.save(&generate(11, 2)).expect("saves");
    assert_eq!(mode(&path), 0o600, "the board");
    let backups = store::backup_dir(&path);
    assert_eq!(mode(&backups), 0o700, "backups/");
    for b in store::list_backups(&path) {
        assert_eq!(mode(&b), 0o600, "{}", b.display());
    }
    fs::write(&path, store::to_ron(&board).expect("ron")).expect("outside edit");
    chmod(&path, 0o600);
    let Saved::Conflict { ours } = st.save(&generate(12, 3)).expect("aside") else {
        panic!("overwrote")
    };
    assert_eq!(mode(&ours), 0o600, "conflict copy");
    let rec = store::write_recovery(&path, &board).expect("recovery");
    assert_eq!(mode(&rec), 0o600, "recovery file");
    assert_eq!(mode(&store::lock_path(&path)) & 0o077, 0, "lock file");
}

#[test]
fn new_boards_honour_the_umask() {
    let sb = Sandbox::new();
    for (what, args) in [
        ("generate", vec!["generate", "--items", "5", "--file"]),
        ("first-run", vec!["--file"]),
    ] {
        let path = sb.path(&format!("{what}.ron"));
        let mut sh = std::process::Command::new("sh");
        sh.env_clear()
            .arg("-c")
            .arg("umask 077; exec \"$0\" \"$@\" < /dev/null")
            .arg(CAIRN)
            .args(&args)
            .arg(&path);
        for (k, v) in sb.cairn(&[]).get_envs() {
            if let Some(v) = v {
                sh.env(k, v);
            }
        }
        let o = run(sh);
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        assert_eq!(mode(&path), 0o600, "{what} under umask 077");
    }
}

/// Point 9 as root: saving a user's board keeps it theirs, and what goes beside it is theirs too.
#[test]
fn a_save_as_root_keeps_the_owner() {
    if !is_root() {
        cannot_run("a_save_as_root_keeps_the_owner", "needs root");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("board.ron");
    let board = generate(10, 1);
    drop(Store::create(&path, &board, false).expect("creates"));
    std::os::unix::fs::chown(&path, Some(NOBODY), Some(NOBODY)).expect("chown");
    chmod(&path, 0o640);
    let mut st = Store::open(&path, None).expect("opens").store;
    st.save(&generate(11, 1)).expect("saves");
    let owner = |p: &Path| {
        let m = fs::metadata(p).expect("stat");
        (m.uid(), m.gid())
    };
    assert_eq!(owner(&path), (NOBODY, NOBODY), "the board");
    assert_eq!(mode(&path), 0o640);
    assert_eq!(
        owner(&store::backup_dir(&path)),
        (NOBODY, NOBODY),
        "backups/"
    );
    for b in store::list_backups(&path) {
        assert_eq!(owner(&b), (NOBODY, NOBODY), "{}", b.display());
        assert_eq!(mode(&b), 0o640);
    }
    let rec = store::write_recovery(&path, &board).expect("recovery");
    assert_eq!(owner(&rec), (NOBODY, NOBODY), "recovery file");
}

/// Point 11: a board without write permission opens read-only and says why, also to root; a
/// subcommand that would write refuses.
#[test]
fn a_board_without_write_permission_is_read_only() {
    let sb = Sandbox::new();
    let path = sb.path("board.ron");
    made(&sb, &path, 10);
    chmod(&path, 0o444);
    let before = fs::read(&path).expect("reads");
    let o = run(sb.cairn(&["import", "csv", &csv(&sb, "No"), "--file", s(&path)]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not writable (mode 444)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&path).expect("reads"), before);
    assert_eq!(mode(&path), 0o444);
    let opened = Store::open(&path, None).expect("opens");
    assert!(opened.store.is_read_only());
    assert!(
        opened
            .store
            .read_only_reason()
            .is_some_and(|r| r.contains("mode 444"))
    );
}

/// Point 10: a directory the user cannot write in: read-only from the start, with the reason (the
/// non-terminal fallback prints it); run as `nobody` when we are root.
#[test]
fn a_directory_the_user_cannot_write_is_read_only_from_the_start() {
    let sb = Sandbox::new();
    let dir = sb.path("boards");
    fs::create_dir(&dir).expect("mkdir");
    let path = dir.join("board.ron");
    made(&sb, &path, 10);
    chmod(&path, 0o644);
    chmod(&dir, 0o555);
    let probe = dir.join("probe");
    let root_writes = fs::write(&probe, "").is_ok();
    let _ = fs::remove_file(&probe);
    if root_writes && !is_root() {
        chmod(&dir, 0o755);
        cannot_run(
            "a_directory_the_user_cannot_write",
            "this user writes through 0555",
        );
        return;
    }
    let o = run(sb.cairn_as_user(&["--file", s(&path)]));
    chmod(&dir, 0o755);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("read-only") && stdout(&o).contains("cannot save in"),
        "{}",
        stdout(&o)
    );
}
