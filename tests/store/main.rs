//! The store's promises, on real files in temp directories: round trips, refusals that leave the file
//! untouched, backups, the lock, conflict copies, leftover temp files, failing writes and the
//! journal. One test binary, a module a promise.

mod failing_writes;
mod journal;
mod opening;
mod refusals;
mod round_trip;

use cairn::io::generate::generate;
use cairn::model::{Board, ItemId, SCHEMA_VERSION};
use cairn::store::{self, Faults, Saved, Store, StoreError};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write_board(path: &Path, board: &Board) {
    fs::write(path, store::to_ron(board).expect("serialises")).expect("writes");
}
