//! The command-line contract, through the built binary: every subcommand, every bad input, exit codes
//! (0 ok, 1 data, 2 usage) and the board left byte for byte as it was after a refusal. One test
//! binary, a module a subcommand (and one for the start and usage); `file_sizes` holds the house
//! rule that no source file passes 500 lines.

#[path = "../common/mod.rs"]
mod common;

mod check;
mod export;
mod file_sizes;
mod generate;
mod import;
mod start;

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The day the command line runs on (the Markdown report is dated by it).
const TODAY: &str = "2026-11-28";

/// The binary with a private home: nothing a test does can reach the real data directory.
fn cairn(home: &Path) -> Command {
    common::cli::cairn_on(home, TODAY)
}

fn setup() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let board = dir.path().join("b.ron");
    (dir, board)
}

fn sample(dir: &Path, board: &Path) {
    cairn(dir).arg("--file").arg(board).assert().success();
}
