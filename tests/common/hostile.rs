//! Helpers for the proof suites' hostile cases: skipping only outside CI, running the real binary as
//! an unprivileged user (root writes through every permission), and files of every odd kind.
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const CAIRN: &str = env!("CARGO_BIN_EXE_cairn");
/// `nobody`: the unprivileged user root runs cairn as, to see what a user would.
pub const NOBODY: u32 = 65534;

/// Says why a case cannot run here and returns false; under CI (`CI` set, as `.ci/run` does) that
/// is a failure instead, so a root-only case never silently passes by not running.
pub fn cannot_run(test: &str, why: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{test}: {why}, and CI is set (CI runs as root with the tools installed)");
    }
    eprintln!("skipped {test}: {why}");
    false
}

/// Holds the proof suite's tmux cases one at a time: they drive real terminals and time what they
/// see, and on two cores several at once (with the crash suite's 10k board) starve each other.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

pub fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .mode()
        & 0o7777
}

pub fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {mode:o} {}: {e}", path.display()));
}

/// A temp dir anyone may enter (for cases run as `nobody`), with HOME and XDG dirs inside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temp dir");
        chmod(dir.path(), 0o755);
        for sub in ["home", "data", "config", "tmp"] {
            fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
            chmod(&dir.path().join(sub), 0o777);
        }
        Sandbox { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `cairn ARGS` with HOME, XDG dirs, TMPDIR and the date inside the sandbox.
    pub fn cairn(&self, args: &[&str]) -> Command {
        let mut c = Command::new(CAIRN);
        c.args(args)
            .env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("TMPDIR", self.path("tmp"))
            .env("CAIRN_TODAY", "2026-11-28");
        c
    }

    /// The same, run as `nobody` when we are root (through `setpriv`), as ourselves otherwise.
    pub fn cairn_as_user(&self, args: &[&str]) -> Command {
        if !is_root() {
            return self.cairn(args);
        }
        let plain = self.cairn(args);
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid",
            &NOBODY.to_string(),
            "--regid",
            &NOBODY.to_string(),
            "--clear-groups",
            "--",
            CAIRN,
        ])
        .args(args)
        .env_clear();
        for (k, v) in plain.get_envs() {
            if let Some(v) = v {
                c.env(k, v);
            }
        }
        c
    }
}

pub fn run(mut c: Command) -> Output {
    c.output().expect("cairn runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file name in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    n.sort();
    n
}
