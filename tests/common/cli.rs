//! The binary run as a command, with a private home and the sample board's day.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The day the outputs are checked on.
pub const TODAY: &str = "2026-12-01";

/// The binary with a private home (HOME and the XDG dirs inside `home`) and `TODAY` as today.
pub fn cairn(home: &Path) -> Command {
    cairn_on(home, TODAY)
}

/// The binary with a private home, as `cairn`, and `today` (`YYYY-MM-DD`) as today.
pub fn cairn_on(home: &Path, today: &str) -> Command {
    let mut cmd = Command::cargo_bin("cairn").expect("binary built");
    cmd.env_remove("CAIRN_FILE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("CAIRN_TODAY", today);
    cmd
}

/// A temp dir holding the sample board as `b.ron`.
pub fn sample() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    cairn(dir.path())
        .args(["init", "--sample", "--file"])
        .arg(&board)
        .assert()
        .success();
    (dir, board)
}
