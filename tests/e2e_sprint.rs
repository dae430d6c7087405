//! End to end on the sprint board, as a person uses it: the real `cairn` binary in a real terminal (a
//! private tmux server), driven with keystrokes, checked by what is on the screen and on disk.
//!
//! The test has its own temp dir `T`, its own tmux socket `T/sock` and config `T/tmux.conf`, and runs
//! cairn with a clean environment whose HOME and XDG directories are inside `T`. Without tmux it says
//! it was skipped, except under CI (`CI` set), where that is a failure. The tmux helpers are copied
//! from tests/e2e_tmux.rs (test files do not share code).

use cairn::model::{Board, SprintId, SprintState};
use jiff::civil::date;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const CAIRN: &str = env!("CARGO_BIN_EXE_cairn");
/// How long to wait for something to appear on the screen (or for cairn to exit).
const PATIENCE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

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
            .arg("-u") // UTF-8, whatever the locale: the screen has ›, ⛔ and box drawing
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

    /// Presses keys, in tmux's names (`a`, `Enter`, `L`).
    fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.ok(&args);
    }

    /// Waits for the pane's process to end (remain-on-exit keeps the dead pane); returns how:
    /// `"status N"` or `"signal N"`. tmux 3.3a now and then leaves the process a zombie for good (a
    /// missed SIGCHLD), so the status is then read from `/proc/<pid>/stat`.
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
    /// still there (it saves and exits; SIGKILL after 3 s); killing the server first would close the
    /// terminal under it.
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

fn read_board(path: &Path) -> Board {
    cairn::store::read(path).expect("the board on disk loads")
}

/// The sample's sprints: 23 is active on 2026-11-28, 24 is planned next.
const SPRINT_23: SprintId = SprintId(3);
const SPRINT_24: SprintId = SprintId(4);

#[test]
fn move_a_card_close_the_sprint_and_it_stays_closed() {
    let Some(t) = Tmux::start("move_a_card_close_the_sprint") else {
        return;
    };
    let path = t.board();
    t.open("main", 120, 40);
    t.see("main", "was created from the sample board");

    t.keys("main", &["2"]);
    let screen = t.see("main", "Sprint board — Sprint 23");
    // The first column's first card is selected: To do's only card.
    assert!(
        screen.contains("To do 1") && screen.contains("›CRN-25"),
        "CRN-25 selected in To do:\n{screen}"
    );

    t.keys("main", &["L"]);
    let screen = t.see("main", "Move CRN-25 to Doing");
    assert!(
        screen.contains("Doing 3/3") && screen.contains("›CRN-25"),
        "the card moved and is still selected:\n{screen}"
    );

    t.keys("main", &["c"]);
    let screen = t.see("main", "Where does the unfinished work go?");
    assert!(screen.contains("Close Sprint 23"), "{screen}");
    t.keys("main", &["b"]);
    let screen = t.see(
        "main",
        "Close Sprint 23: velocity 13 points, unfinished work to the top of the backlog",
    );
    assert!(screen.contains("No active sprint."), "{screen}");

    t.keys("main", &["q"]);
    assert_eq!(
        t.wait_exit("main"),
        "status 0",
        "q saves and ends cairn with status 0"
    );

    let board = read_board(&path);
    let s23 = board.sprint(SPRINT_23).expect("Sprint 23 is in the file");
    assert_eq!(s23.state, SprintState::Closed);
    assert_eq!(s23.completed, Some(13), "its velocity");
    assert_eq!(board.active_sprint(), None);
    let crn25 = board
        .parse_item_key("CRN-25")
        .expect("CRN-25 is in the file");
    let rank = board.item_index(crn25).expect("CRN-25 has a rank");
    let item = board.item(crn25).expect("CRN-25");
    assert_eq!(item.status, "Doing", "the move was saved");
    assert_eq!(item.status_since, date(2026, 11, 28));
    assert_eq!(item.sprint, None, "out of the closed sprint");
    // The five unfinished items went to the top of the backlog, in their order: CRN-25 was last.
    assert!(
        rank < 5,
        "CRN-25 near the top of the backlog, at rank {rank}"
    );
    assert!(
        board.items[..5].iter().all(|i| i.sprint.is_none()),
        "the top five are the unfinished items, out of any sprint"
    );

    t.open("again", 120, 40);
    t.see("again", "1 Backlog");
    t.keys("again", &["2"]);
    let screen = t.see("again", "No active sprint.");
    assert!(
        screen.contains("Planned sprints") && screen.contains("Sprint 24 · Nov 30 – Dec 13"),
        "Sprint 24 is listed as planned:\n{screen}"
    );
    assert!(
        !screen.contains("Sprint board — Sprint 23"),
        "Sprint 23 is not active any more:\n{screen}"
    );
    assert_eq!(
        board.sprint(SPRINT_24).map(|s| s.state),
        Some(SprintState::Planned)
    );
    t.keys("again", &["q"]);
    assert_eq!(t.wait_exit("again"), "status 0");
}
