//! Noticing the board file change while it is open: a watcher on the board's directory (git and
//! cairn replace the file by a rename, which a watch on the file itself would lose), or a look every
//! second where watching fails. A burst of writes (a `git pull`) is one look once it is quiet.
//! Whether the file really changed is the store's to decide, by the contents' hash.

use crate::app::App;
use crate::model::merge::merge;
use notify::{EventKind, RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Quiet time after the last write before looking.
const QUIET: Duration = Duration::from_millis(120);
/// The longest a burst of writes delays a look.
const AT_MOST: Duration = Duration::from_millis(500);
/// How often the file is read when it cannot be watched.
const POLL: Duration = Duration::from_secs(1);

pub(super) struct Watch {
    events: Receiver<()>,
    _watcher: Option<notify::RecommendedWatcher>,
    /// When to read the file next, when it is not watched.
    poll: Option<Instant>,
    /// The first write of the burst on hand and when it last wrote.
    burst: Option<(Instant, Instant)>,
    /// A look was due but could not be made yet (the saver was busy).
    pub(super) owed: bool,
}

impl Watch {
    /// Watches `path`'s directory; `CAIRN_WATCH=poll` (tests) or a watcher that fails reads the
    /// file every second instead.
    pub(super) fn start(path: &Path) -> Watch {
        let (tx, events) = channel();
        let name = path.file_name().map(|n| n.to_os_string());
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let handler = move |res: notify::Result<notify::Event>| {
            let Ok(ev) = res else { return };
            // Reading the file (our own looks) is no change.
            if let EventKind::Access(a) = ev.kind
                && a != notify::event::AccessKind::Close(notify::event::AccessMode::Write)
            {
                return;
            }
            if ev.paths.iter().any(|p| p.file_name() == name.as_deref()) {
                let _ = tx.send(());
            }
        };
        let forced = std::env::var("CAIRN_WATCH").is_ok_and(|v| v == "poll");
        let watcher = (!forced)
            .then(|| {
                let mut w = notify::recommended_watcher(handler).ok()?;
                w.watch(&dir, RecursiveMode::NonRecursive).ok()?;
                Some(w)
            })
            .flatten();
        Watch {
            poll: watcher.is_none().then(|| Instant::now() + POLL),
            events,
            _watcher: watcher,
            burst: None,
            owed: false,
        }
    }

    /// True when the file should be looked at now.
    pub(super) fn due(&mut self) -> bool {
        let now = Instant::now();
        while self.events.try_recv().is_ok() {
            let first = self.burst.map_or(now, |(f, _)| f);
            self.burst = Some((first, now));
        }
        if let Some(p) = self.poll
            && now >= p
        {
            self.poll = Some(now + POLL);
            return true;
        }
        if let Some((first, last)) = self.burst
            && (now >= last + QUIET || now >= first + AT_MOST)
        {
            self.burst = None;
            return true;
        }
        std::mem::take(&mut self.owed)
    }

    /// How long the loop may sleep before a look is due.
    pub(super) fn wait(&self) -> Option<Duration> {
        let now = Instant::now();
        let burst = self
            .burst
            .map(|(first, last)| (last + QUIET).min(first + AT_MOST));
        let next = match (burst, self.poll) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if self.owed {
            return Some(Duration::from_millis(50));
        }
        next.map(|t| t.saturating_duration_since(now))
    }
}

fn hash(bytes: &[u8]) -> u64 {
    crate::store::content_hash(bytes)
}

/// A read-only cairn following the file: it has no changes of its own, so it takes theirs, and
/// says what came in as the writer would.
pub(super) struct Follow {
    seen: Option<u64>,
}

impl Follow {
    pub(super) fn new(path: &Path) -> Follow {
        Follow {
            seen: std::fs::read(path).ok().map(|b| hash(&b)),
        }
    }

    /// Reads the file and takes it when it changed and loads; true when the screen changed.
    pub(super) fn look(&mut self, app: &mut App, path: &Path) -> bool {
        let Ok(bytes) = std::fs::read(path) else {
            return false;
        };
        let h = hash(&bytes);
        if self.seen == Some(h) {
            return false;
        }
        self.seen = Some(h);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let theirs = String::from_utf8(bytes)
            .map_err(|_| "it is not UTF-8 text".to_string())
            .and_then(|t| crate::store::from_ron(&t, path).map_err(|e| e.to_string()));
        match theirs {
            Ok(theirs) => {
                let base = &app.doc.board;
                let merged = merge(base, base, &theirs);
                let said = crate::app::outside::follow_message(&merged, base, &theirs);
                app.follow_disk(theirs, said);
            }
            Err(e) => app.error(format!(
                "{name} changed on disk but does not load, so the board on show is kept: {e}"
            )),
        }
        true
    }
}

/// Says once, off the UI thread, when the board is in a git work tree whose clone has no cairn
/// merge driver configured. Nothing when git is missing or the board is not in a repository.
pub(super) fn git_driver_hint(path: &Path) -> Receiver<String> {
    let (tx, rx) = channel();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let _ = std::thread::Builder::new()
        .name("cairn-git".into())
        .spawn(move || {
            let git = |args: &[&str]| {
                std::process::Command::new("git")
                    .arg("-C")
                    .arg(&dir)
                    .args(args)
                    .stdin(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .output()
                    .ok()
            };
            let inside = git(&["rev-parse", "--is-inside-work-tree"])
                .is_some_and(|o| o.status.success() && o.stdout.starts_with(b"true"));
            // `config --get` exits 1 when the key is not set anywhere git looks.
            let missing = inside
                && git(&["config", "--get", "merge.cairn.driver"])
                    .is_some_and(|o| o.status.code() == Some(1));
            if missing {
                let _ = tx.send(
                    "This board is in git without cairn's merge driver: run `cairn git setup` once in this clone"
                        .to_string(),
                );
            }
        });
    rx
}
