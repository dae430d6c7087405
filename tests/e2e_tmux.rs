//! End to end, as a person uses it: the real `cairn` binary in a real terminal (a private tmux server),
//! driven with keystrokes, checked by what is on the screen and what is on disk afterwards.
//!
//! Each test has its own temp dir `T`, its own tmux socket `T/sock` and config `T/tmux.conf`, and runs
//! cairn with a clean environment whose HOME and XDG directories are inside `T`. Without tmux the
//! tests say they were skipped, except under CI (`CI` set), where that is a failure.

use cairn::model::Board;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const CAIRN: &str = env!("CARGO_BIN_EXE_cairn");
/// How long to wait for something to appear on the screen (or for cairn to exit).
const PATIENCE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// Autosave runs ~300 ms after a change; this leaves it ample time.
const AFTER_AUTOSAVE: Duration = Duration::from_millis(1200);

/// A private tmux server and the temp dir it works in. Dropping it (also when an assertion failed)
/// ends the cairn processes still running, kills the server, and then removes the temp dir.
struct Tmux {
    sock: PathBuf,
    conf: PathBuf,
    /// Last, so it is removed after `Drop::drop` has stopped everything that writes into it.
    dir: tempfile::TempDir,
}

impl Tmux {
    /// `None` (after saying so) when tmux is not installed and this is not CI.
    fn start(test: &str) -> Option<Tmux> {
        let installed = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !installed {
            if std::env::var_os("CI").is_some() {
                panic!("{test}: tmux is not installed, and CI is set (CI must install tmux)");
            }
            eprintln!("skipped {test}: tmux is not installed");
            return None;
        }
        let dir = tempfile::tempdir().expect("a temp dir for the test");
        for sub in ["home", "data", "config"] {
            fs::create_dir_all(dir.path().join(sub)).expect("HOME and XDG dirs in the temp dir");
        }
        let conf = dir.path().join("tmux.conf");
        // No status line (the pane is the whole window), and a finished pane stays to be inspected.
        fs::write(&conf, "set -g status off\nset -g remain-on-exit on\n").expect("write tmux.conf");
        Some(Tmux {
            sock: dir.path().join("sock"),
            conf,
            dir,
        })
    }

    fn board(&self) -> PathBuf {
        self.dir.path().join("b.ron")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u") // UTF-8, whatever the locale: the screen has ✓, ● and box drawing
            .arg("-S")
            .arg(&self.sock)
            .arg("-f")
            .arg(&self.conf)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Runs a tmux command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("tmux prints UTF-8")
    }

    /// Starts cairn on `T/b.ron` in a new `width`×`height` session called `name`. The command is given
    /// as separate arguments, so tmux runs it without a shell and `env` execs cairn in the pane.
    fn open(&self, name: &str, width: u16, height: u16) {
        let t = self.dir.path();
        let var = |k: &str, v: &Path| format!("{k}={}", v.display());
        let (home, data, config) = (
            var("HOME", &t.join("home")),
            var("XDG_DATA_HOME", &t.join("data")),
            var("XDG_CONFIG_HOME", &t.join("config")),
        );
        let board = self.board();
        let (w, h) = (width.to_string(), height.to_string());
        self.ok(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w,
            "-y",
            &h,
            "env",
            "-i",
            "PATH=/usr/local/bin:/usr/bin:/bin",
            "LANG=C.UTF-8",
            &home,
            &data,
            &config,
            "CAIRN_TODAY=2026-11-28",
            "TERM=xterm-256color",
            CAIRN,
            "--file",
            board.to_str().expect("a UTF-8 temp path"),
        ]);
        let size = self.ok(&["display", "-p", "-t", name, "#{pane_width}x#{pane_height}"]);
        assert_eq!(
            size.trim(),
            format!("{width}x{height}"),
            "pane size of {name}"
        );
    }

    fn screen(&self, name: &str) -> String {
        self.ok(&["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen every 50 ms until `ok` holds; panics with the last screen after 10 s.
    fn wait_for(&self, name: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(name);
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("{name}: waited {PATIENCE:?} for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `text` is on the screen.
    fn see(&self, name: &str, text: &str) -> String {
        self.wait_for(name, &format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until `text` is on the screen and the status bar (the last line, drawn last) shows
    /// `status`: a whole frame, not one caught half drawn.
    fn see_with_status(&self, name: &str, text: &str, status: &str) -> String {
        self.wait_for(
            name,
            &format!("{text:?} and {status:?} in the status bar"),
            |s| s.contains(text) && s.lines().last().is_some_and(|l| l.contains(status)),
        )
    }

    /// Presses keys, in tmux's names (`a`, `Enter`, `J`).
    fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.ok(&args);
    }

    /// Types text literally.
    fn type_text(&self, name: &str, text: &str) {
        self.ok(&["send-keys", "-t", name, "-l", text]);
    }

    /// Waits for the pane's process to end (remain-on-exit keeps the dead pane); returns how:
    /// `"status N"` or `"signal N"`. tmux marks the pane dead when its terminal closes, and fills in
    /// the status when it reaps the process; tmux 3.3a now and then leaves the process a zombie for
    /// good (a missed SIGCHLD), so the status is then read from `/proc/<pid>/stat`.
    fn wait_exit(&self, name: &str) -> String {
        let pid = self.ok(&["display", "-p", "-t", name, "#{pane_pid}"]);
        let pid = pid.trim();
        let start = Instant::now();
        loop {
            let how = self.ok(&[
                "display",
                "-p",
                "-t",
                name,
                "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}",
            ]);
            match how.trim().split(':').collect::<Vec<_>>()[..] {
                ["0", ..] => {}
                ["1", "", ""] => {
                    if let Some(how) = zombie_exit(pid) {
                        return how;
                    }
                }
                ["1", "", signal] => return format!("signal {signal}"),
                ["1", status, _] => return format!("status {status}"),
                _ => panic!("{name}: unexpected pane state {how:?}"),
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "{name}: cairn did not exit within {PATIENCE:?} ({how:?}); the screen was:\n{}",
                    self.screen(name)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// The pid of cairn in the pane: the pane's process is `env`, which execs cairn and keeps the pid.
    fn cairn_pid(&self, name: &str) -> u32 {
        let pid: u32 = self
            .ok(&["display", "-p", "-t", name, "#{pane_pid}"])
            .trim()
            .parse()
            .expect("a pane pid");
        let start = Instant::now();
        loop {
            let comm = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            if comm.trim() == "cairn" {
                return pid;
            }
            if start.elapsed() > PATIENCE {
                panic!("pane pid {pid} is {:?}, not cairn", comm.trim());
            }
            std::thread::sleep(POLL);
        }
    }
}

/// The state letter and the fields after it in `/proc/<pid>/stat`, if the process is there.
fn stat(pid: &str) -> Option<(char, Vec<String>)> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(") ")?;
    let fields: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
    let state = fields.first()?.chars().next()?;
    Some((state, fields))
}

/// How a process that has exited but not been reaped ended, from the exit code in its stat (the last
/// field, in `waitpid` form); `None` while it runs.
fn zombie_exit(pid: &str) -> Option<String> {
    let (state, fields) = stat(pid)?;
    if state != 'Z' {
        return None;
    }
    let code: i32 = fields.last()?.parse().ok()?;
    Some(match code & 0x7f {
        0 => format!("status {}", code >> 8),
        signal => format!("signal {signal}"),
    })
}

/// A process that is gone or a zombie has ended.
fn running(pid: &str) -> bool {
    stat(pid).is_some_and(|(state, _)| state != 'Z')
}

impl Drop for Tmux {
    /// Ends every cairn still running, then the server. cairn gets SIGTERM while its terminal is
    /// still there (it saves and exits; SIGKILL after 3 s). Killing the server first would close the
    /// terminal under it, and cairn then spins on the closed tty instead of exiting (see
    /// `closing_the_terminal_saves_and_ends_cairn`).
    fn drop(&mut self) {
        let panes = self.run(&["list-panes", "-a", "-F", "#{pane_pid} #{pane_dead}"]);
        let live: Vec<String> = String::from_utf8_lossy(&panes.stdout)
            .lines()
            .filter_map(|l| l.strip_suffix(" 0").map(str::to_string))
            .filter(|pid| {
                fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "cairn")
            })
            .collect();
        let signal = |sig: &str, pid: &str| {
            let _ = Command::new("kill").args([sig, pid]).status();
        };
        live.iter().for_each(|pid| signal("-TERM", pid));
        let start = Instant::now();
        while live.iter().any(|pid| running(pid)) && start.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(POLL);
        }
        live.iter()
            .filter(|pid| running(pid))
            .for_each(|pid| signal("-KILL", pid));
        let _ = self.run(&["kill-server"]);
    }
}

/// The rank shown in the backlog table for the row of `key` (`│›   2  CRN-36 story …` gives 2).
fn rank_on_screen(screen: &str, key: &str) -> Option<usize> {
    let line = screen.lines().find(|l| l.contains(&format!(" {key} ")))?;
    let rest = line
        .trim_start_matches('│')
        .trim_start_matches('›')
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn read_board(path: &Path) -> Board {
    cairn::store::read(path).expect("the board on disk loads")
}

fn find<'a>(board: &'a Board, title: &str) -> Option<(usize, &'a cairn::model::Item)> {
    board
        .items
        .iter()
        .enumerate()
        .find(|(_, i)| i.title == title)
        .map(|(n, i)| (n, &**i))
}

#[test]
fn add_move_undo_quit_and_the_item_is_on_disk_and_on_screen_again() {
    let Some(t) = Tmux::start("add_move_undo_quit") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    let screen = t.see("main", "was created from the sample board");
    assert!(screen.contains("1 Backlog") && screen.contains("✓ saved"));
    let sample = read_board(&path);
    let first = sample.items[0].id;

    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.type_text("main", "E2E smoke item");
    t.see("main", "E2E smoke item");
    t.keys("main", &["Enter"]);
    let screen = t.see("main", "Add CRN-36 \"E2E smoke item\"");
    let row = screen
        .lines()
        .find(|l| l.contains(" CRN-36 "))
        .expect("the new row is in the table");
    assert!(row.contains("E2E smoke item") && row.contains('›'), "{row}");
    assert_eq!(
        rank_on_screen(&screen, "CRN-36"),
        Some(2),
        "added below the selection"
    );

    t.keys("main", &["J"]);
    let screen = t.see("main", "Move CRN-36 down");
    assert_eq!(rank_on_screen(&screen, "CRN-36"), Some(3), "{screen}");

    t.keys("main", &["u"]);
    let screen = t.wait_for("main", "the undo, saved", |s| {
        s.contains("Undid: Move CRN-36 down") && s.contains("✓ saved")
    });
    assert_eq!(rank_on_screen(&screen, "CRN-36"), Some(2), "{screen}");

    t.keys("main", &["q"]);
    assert_eq!(
        t.wait_exit("main"),
        "status 0",
        "q ends cairn with status 0"
    );

    let board = read_board(&path);
    let (rank, item) = find(&board, "E2E smoke item").expect("the new item is in the file");
    assert_eq!(board.item_key(item.id), "CRN-36");
    assert_eq!(rank, 1, "the rank after undo: second, below the first item");
    assert_eq!(board.items[0].id, first);
    assert_eq!(board.items.len(), sample.items.len() + 1);

    t.open("again", 120, 40);
    let screen = t.see_with_status("again", "E2E smoke item", "✓ saved");
    assert_eq!(rank_on_screen(&screen, "CRN-36"), Some(2), "{screen}");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");
}

#[test]
fn an_autosaved_item_survives_kill_9() {
    let Some(t) = Tmux::start("kill_9") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.type_text("main", "Survives kill -9");
    t.see("main", "Survives kill -9");
    t.keys("main", &["Enter"]);
    t.see("main", "Add CRN-36 \"Survives kill -9\"");
    let added = Instant::now();
    let pid = t.cairn_pid("main");
    std::thread::sleep(AFTER_AUTOSAVE.saturating_sub(added.elapsed()));
    let screen = t.screen("main");
    assert!(screen.contains("✓ saved"), "autosaved by now:\n{screen}");

    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success(), "kill -9 {pid}");
    assert_eq!(t.wait_exit("main"), "signal 9");

    let board = read_board(&path);
    let (_, item) = find(&board, "Survives kill -9").expect("the autosaved item is in the file");
    assert_eq!(board.item_key(item.id), "CRN-36");
    let leftovers: Vec<String> = fs::read_dir(t.dir.path())
        .expect("list T")
        .map(|e| {
            e.expect("a dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with(".b.ron.") && n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");

    // The lock died with the process: the next cairn may write.
    t.open("again", 120, 40);
    let screen = t.see_with_status("again", "Survives kill -9", "✓ saved");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");
}

#[test]
fn a_second_cairn_on_the_same_file_is_read_only() {
    let Some(t) = Tmux::start("read_only") else {
        return;
    };
    let path = t.board();
    t.open("first", 120, 40);
    t.see("first", "was created from the sample board");
    let before = fs::read(&path).expect("the board was written");

    t.open("second", 120, 40);
    t.see_with_status("second", "READ-ONLY", "read-only");

    t.keys("second", &["a"]);
    let screen = t.see("second", "Read-only: another cairn has this board open");
    assert!(!screen.contains("New item"), "no form opens:\n{screen}");
    t.keys("second", &["J"]);
    std::thread::sleep(AFTER_AUTOSAVE);
    let screen = t.screen("second");
    assert!(!screen.contains("Move CRN-"), "nothing moved:\n{screen}");
    assert_eq!(
        fs::read(&path).expect("reads"),
        before,
        "the file is untouched"
    );

    t.keys("second", &["q"]);
    assert_eq!(t.wait_exit("second"), "status 0");
    assert_eq!(
        fs::read(&path).expect("reads"),
        before,
        "the file is untouched"
    );

    let screen = t.screen("first");
    assert!(
        screen.contains("✓ saved") && !screen.contains("READ-ONLY"),
        "{screen}"
    );
    t.keys("first", &["q"]);
    assert_eq!(t.wait_exit("first"), "status 0");
}

#[test]
fn small_and_large_terminals() {
    let Some(t) = Tmux::start("sizes") else {
        return;
    };
    t.open("small", 80, 24);
    let screen = t.wait_for("small", "the header and a saved status bar", |s| {
        let lines: Vec<&str> = s.lines().collect();
        lines.first().is_some_and(|l| l.contains("1 Backlog"))
            && lines.last().is_some_and(|l| l.contains("saved"))
    });
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines.len(), 24, "{screen}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{screen}");
    assert!(screen.contains("Backlog — 35 items"), "{screen}");
    t.keys("small", &["q"]);
    assert_eq!(t.wait_exit("small"), "status 0");

    t.open("large", 200, 60);
    let screen = t.wait_for("large", "the details panel", |s| {
        s.contains("Acceptance criteria") && s.contains("Kind ")
    });
    // Beside the table: on the table's own lines, to the right of it.
    let title = screen
        .lines()
        .find(|l| l.contains("Backlog — 35 items"))
        .expect("the backlog title");
    assert!(
        title.contains("╭ CRN-22"),
        "details of the selected item: {title}"
    );
    let criteria = screen
        .lines()
        .find(|l| l.contains("Acceptance criteria"))
        .expect("acceptance criteria");
    let column = criteria[..criteria.find("Acceptance criteria").expect("found")]
        .chars()
        .count();
    assert!(
        column > 120,
        "right of the table, at column {column}: {criteria}"
    );
    assert!(
        criteria.starts_with('│'),
        "a table row on the same line: {criteria}"
    );
    t.keys("large", &["q"]);
    assert_eq!(t.wait_exit("large"), "status 0");
}

/// Kills a process when dropped, if it still runs.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let pid = self.0.to_string();
        if running(&pid) {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
        }
    }
}

/// Closing the terminal (a closed window, a dropped ssh session) sends SIGHUP, which cairn answers by
/// saving and exiting. crossterm 0.29 spins on a closed tty inside `event::poll` (crossterm#793), so
/// events are read on their own thread and the loop still sees the SIGHUP: the last change reaches
/// the disk, the lock is released and nothing is left running.
#[test]
fn closing_the_terminal_saves_and_ends_cairn() {
    let Some(t) = Tmux::start("closing_the_terminal") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");
    let pid = t.cairn_pid("main");
    let _reaper = KillOnDrop(pid);
    t.keys("main", &["a"]);
    t.see("main", "New item — type a title");
    t.type_text("main", "Saved on hangup");
    t.keys("main", &["Enter"]);
    t.see("main", "Add CRN-36 \"Saved on hangup\"");
    t.ok(&["kill-session", "-t", "main"]);

    let start = Instant::now();
    while running(&pid.to_string()) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(POLL);
    }
    assert!(
        !running(&pid.to_string()),
        "cairn {pid} still runs 3 s after its terminal closed"
    );
    let board = read_board(&path);
    assert!(
        find(&board, "Saved on hangup").is_some(),
        "the change is saved"
    );
    t.open("again", 120, 40);
    let screen = t.see_with_status("again", "Saved on hangup", "✓ saved");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
}
