//! The tmux harness shared by the end-to-end tests: a private tmux server in a temp dir, the real
//! `cairn` binary in it with HOME and the XDG directories inside that dir, and helpers that wait for
//! what a person would see. Each test file uses a part of it.
use cairn::model::Board;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const CAIRN: &str = env!("CARGO_BIN_EXE_cairn");
/// How long to wait for something to appear on the screen (or for cairn to exit).
pub const PATIENCE: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(50);

/// A private tmux server and the temp dir it works in. Dropping it (also when an assertion failed)
/// ends the cairn processes still running, kills the server, and then removes the temp dir.
pub struct Tmux {
    sock: PathBuf,
    conf: PathBuf,
    /// Last, so it is removed after `Drop::drop` has stopped everything that writes into it.
    pub dir: tempfile::TempDir,
}

impl Tmux {
    /// `None` (after saying so) when tmux is not installed and this is not CI.
    pub fn start(test: &str) -> Option<Tmux> {
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
        // No status line (the pane is the whole window), a finished pane stays to be inspected, and
        // the server outlives its last session: a test that kills every session and opens new ones
        // would otherwise race the exiting server ("server exited unexpectedly").
        fs::write(
            &conf,
            "set -g status off\nset -g remain-on-exit on\nset -s exit-empty off\n",
        )
        .expect("write tmux.conf");
        Some(Tmux {
            sock: dir.path().join("sock"),
            conf,
            dir,
        })
    }

    pub fn board(&self) -> PathBuf {
        self.dir.path().join("b.ron")
    }

    pub fn run(&self, args: &[&str]) -> Output {
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
    pub fn ok(&self, args: &[&str]) -> String {
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
    pub fn open(&self, name: &str, width: u16, height: u16) {
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
            // A missing board is created from the sample without the first-run question.
            "CAIRN_SAMPLE=1",
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

    pub fn screen(&self, name: &str) -> String {
        self.ok(&["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen every 50 ms until `ok` holds; panics with the last screen after 10 s.
    pub fn wait_for(&self, name: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
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
    pub fn see(&self, name: &str, text: &str) -> String {
        self.wait_for(name, &format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until `text` is on the screen and the status bar (the last line, drawn last) shows
    /// `status`: a whole frame, not one caught half drawn.
    pub fn see_with_status(&self, name: &str, text: &str, status: &str) -> String {
        self.wait_for(
            name,
            &format!("{text:?} and {status:?} in the status bar"),
            |s| s.contains(text) && s.lines().last().is_some_and(|l| l.contains(status)),
        )
    }

    /// Presses keys, in tmux's names (`a`, `Enter`, `J`).
    pub fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.ok(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, name: &str, text: &str) {
        self.ok(&["send-keys", "-t", name, "-l", text]);
    }

    /// Waits for the pane's process to end (remain-on-exit keeps the dead pane); returns how:
    /// `"status N"` or `"signal N"`. tmux marks the pane dead when its terminal closes, and fills in
    /// the status when it reaps the process; tmux 3.3a now and then leaves the process a zombie for
    /// good (a missed SIGCHLD), so the status is then read from `/proc/<pid>/stat`.
    pub fn wait_exit(&self, name: &str) -> String {
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
    pub fn cairn_pid(&self, name: &str) -> u32 {
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

/// CPU time used so far by every thread of `pid`, from `/proc/<pid>/task/*/schedstat` (ns on a CPU).
pub fn cpu_time(pid: u32) -> Duration {
    let tasks = fs::read_dir(format!("/proc/{pid}/task")).expect("cairn's threads");
    let ns: u64 = tasks
        .filter_map(|t| fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(ns)
}

/// The state letter and the fields after it in `/proc/<pid>/stat`, if the process is there.
pub fn stat(pid: &str) -> Option<(char, Vec<String>)> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(") ")?;
    let fields: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
    let state = fields.first()?.chars().next()?;
    Some((state, fields))
}

/// How a process that has exited but not been reaped ended, from the exit code in its stat (the last
/// field, in `waitpid` form); `None` while it runs.
pub fn zombie_exit(pid: &str) -> Option<String> {
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
pub fn running(pid: &str) -> bool {
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

pub fn read_board(path: &Path) -> Board {
    cairn::store::read(path).expect("the board on disk loads")
}

// Helpers for the crash, instance, fault and terminal suites (tests/crash.rs and others).

impl Tmux {
    /// The clean environment `open` gives cairn, as `KEY=value` arguments for `env -i`.
    pub fn env_args(&self) -> Vec<String> {
        let t = self.dir.path();
        vec![
            "PATH=/usr/local/bin:/usr/bin:/bin".into(),
            "LANG=C.UTF-8".into(),
            format!("HOME={}", t.join("home").display()),
            format!("XDG_DATA_HOME={}", t.join("data").display()),
            format!("XDG_CONFIG_HOME={}", t.join("config").display()),
            "CAIRN_TODAY=2026-11-28".into(),
            "CAIRN_SAMPLE=1".into(),
            "TERM=xterm-256color".into(),
        ]
    }

    /// `env -i … cairn --file BOARD` as one shell command line, with `extra` variables set.
    pub fn cairn_command(&self, board: &Path, extra: &[&str]) -> String {
        let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
        let mut words = vec!["exec env -i".to_string()];
        words.extend(self.env_args().iter().map(|a| quote(a)));
        words.extend(extra.iter().map(|a| quote(a)));
        words.push(quote(CAIRN));
        words.push("--file".into());
        words.push(quote(board.to_str().expect("a UTF-8 temp path")));
        words.join(" ")
    }

    /// Runs a shell `script` in a new `width`×`height` session called `name`.
    pub fn open_sh(&self, name: &str, width: u16, height: u16, script: &str) {
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
            "sh",
            "-c",
            script,
        ]);
    }

    /// Like `open`, on another board file.
    pub fn open_file(&self, name: &str, width: u16, height: u16, board: &Path) {
        self.open_sh(name, width, height, &self.cairn_command(board, &[]));
    }

    /// A pane's process id (the shell or cairn itself, which `exec` keeps).
    pub fn pane_pid(&self, name: &str) -> u32 {
        self.ok(&["display", "-p", "-t", name, "#{pane_pid}"])
            .trim()
            .parse()
            .expect("a pane pid")
    }

    /// A tmux format about the pane, such as `#{cursor_flag}` or `#{pane_tty}`.
    pub fn pane_format(&self, name: &str, format: &str) -> String {
        self.ok(&["display", "-p", "-t", name, format])
            .trim()
            .to_string()
    }
}

/// Temp files of an interrupted save beside `board` (`.b.ron.XXXX.tmp`).
pub fn temp_files(board: &Path) -> Vec<String> {
    let prefix = format!(
        ".{}.",
        board.file_name().expect("a file name").to_string_lossy()
    );
    fs::read_dir(board.parent().expect("a directory"))
        .expect("list the board's directory")
        .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
        .collect()
}

/// The pid of the `cairn` process that is `pid` or a child of it, once it runs.
pub fn cairn_in(pid: u32) -> u32 {
    let start = Instant::now();
    loop {
        let comm = |p: u32| fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        if comm(pid).trim() == "cairn" {
            return pid;
        }
        let children =
            fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        if let Some(child) = children
            .split_whitespace()
            .filter_map(|c| c.parse::<u32>().ok())
            .find(|&c| comm(c).trim() == "cairn")
        {
            return child;
        }
        if start.elapsed() > PATIENCE {
            panic!("no cairn under pid {pid}");
        }
        std::thread::sleep(POLL);
    }
}

/// Sends `signal` (`-TERM`, `-9`) to `pid`.
pub fn signal(signal: &str, pid: u32) {
    let ok = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill {signal} {pid}");
}
