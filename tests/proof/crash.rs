//! Crash consistency: the real binary on a generated 10k-item board, changed continuously with keys
//! and killed with `kill -9` at seeded random moments. After each kill the board loads and is exactly
//! one of the saves: the last one seen on disk before the kill, or a newer complete one (it re-saves
//! to the same bytes); the next start removes any temp file and is not read-only (the lock died with
//! the process).
//!
//! A watcher records every version of the file as saves rename new ones into place.
//! `CAIRN_CRASH_KILLS=N` (default 10) and `CAIRN_CRASH_SEED=S` run the long or another form.

use cairn::store;
use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::tmux::*;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A version of the file: each save renames a new inode into place (inode numbers are reused, so
/// with the modification time).
type Version = (u64, i64, i64);

fn version(meta: &fs::Metadata) -> Version {
    (meta.ino(), meta.mtime(), meta.mtime_nsec())
}

/// Every version of the board file seen.
#[derive(Default)]
struct Seen {
    versions: HashMap<Version, Vec<u8>>,
    last: Option<Version>,
}

/// Polls the board's version every 2 ms and reads each new version once.
fn watch(path: PathBuf, stop: Arc<AtomicBool>, seen: Arc<Mutex<Seen>>) {
    while !stop.load(Ordering::Relaxed) {
        if let Ok(meta) = fs::metadata(&path) {
            let ino = version(&meta);
            let known = seen.lock().expect("lock").versions.contains_key(&ino);
            if !known && let Ok(bytes) = fs::read(&path) {
                // The file may have been replaced again between the stat and the read: record what
                // was read under the inode it has now.
                let now = fs::metadata(&path).map_or(ino, |m| version(&m));
                let mut s = seen.lock().expect("lock");
                s.versions.insert(now, bytes);
                s.last = Some(now);
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Keys that change the board without opening a form: move, cycle MoSCoW, walk the list.
const CHANGES: &[&[&str]] = &[&["J"], &["K"], &["m"], &["j", "J"], &["k", "m"], &["T"]];

#[test]
fn kill_9_at_random_moments_never_loses_the_file() {
    let Some(t) = Tmux::start("crash") else {
        return;
    };
    let path = t.board();
    let made = Command::new(CAIRN)
        .args(["generate", "--items", "10000", "--seed", "11", "--file"])
        .arg(&path)
        .output()
        .expect("cairn generate runs");
    assert!(made.status.success(), "{made:?}");

    let seed = env_number("CAIRN_CRASH_SEED", 7);
    let kills = env_number("CAIRN_CRASH_KILLS", 10);
    let mut rng = fastrand::Rng::with_seed(seed);
    let seen = Arc::new(Mutex::new(Seen::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (path, stop, seen) = (path.clone(), Arc::clone(&stop), Arc::clone(&seen));
        std::thread::spawn(move || watch(path, stop, seen))
    };
    let (mut mid_save, mut newer, mut cleaned) = (0, 0, 0);
    for k in 0..kills {
        let name = format!("run{k}");
        let left = temp_files(&path);
        t.open(&name, 120, 40);
        let screen = t.see_with_status(&name, "Backlog — 10000 items", "saved");
        assert!(
            !screen.contains("READ-ONLY"),
            "kill {k}: the lock was not released\n{screen}"
        );
        assert!(
            temp_files(&path).is_empty(),
            "kill {k}: temp files after the start: {:?}",
            temp_files(&path)
        );
        cleaned += left.len();
        let pid = t.cairn_pid(&name);

        // Change the board for a random while (autosave runs every ~300 ms meanwhile), then kill.
        let busy = Duration::from_millis(rng.u64(300..4000));
        let start = Instant::now();
        while start.elapsed() < busy {
            t.keys(&name, CHANGES[rng.usize(..CHANGES.len())]);
            std::thread::sleep(Duration::from_millis(rng.u64(0..40)));
        }
        signal("-9", pid);
        assert_eq!(t.wait_exit(&name), "signal 9", "kill {k}");
        let _ = t.run(&["kill-session", "-t", &name]);

        mid_save += usize::from(!temp_files(&path).is_empty());
        check_after_kill(&path, &seen, k, &mut newer);
    }
    stop.store(true, Ordering::Relaxed);
    watcher.join().expect("the watcher ends");
    let versions = seen.lock().expect("lock").versions.len();
    eprintln!(
        "{kills} kills survived (seed {seed}): {versions} saved versions seen, {newer} kills just \
         after a save the watcher had not read yet, {mid_save} kills left a temp file \
         ({cleaned} removed at the next start)"
    );
}

/// The file loads and is the last version seen, or a newer save that completed after the last poll.
fn check_after_kill(path: &Path, seen: &Mutex<Seen>, k: u64, newer: &mut usize) {
    let bytes = fs::read(path).expect("the board is there");
    let ino = version(&fs::metadata(path).expect("stat"));
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    let board = store::from_ron(text, path)
        .unwrap_or_else(|e| panic!("kill {k}: the board does not load: {e}"));
    let mut s = seen.lock().expect("lock");
    match s.versions.get(&ino) {
        Some(known) => {
            assert_eq!(*known, bytes, "kill {k}: a version changed in place");
            assert_eq!(s.last, Some(ino), "kill {k}: an older save came back");
        }
        None => {
            // A save that finished after the watcher's last look: it must be a whole save.
            assert_eq!(
                store::to_ron(&board).expect("serialises").as_bytes(),
                &bytes[..],
                "kill {k}: the file is not exactly a save"
            );
            *newer += 1;
            s.versions.insert(ino, bytes);
            s.last = Some(ino);
        }
    }
}
