//! What can go wrong with the board file, each message naming the path (and line:column for parse errors).

use crate::model::Problem;
use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no board here (run `cairn` once to create it from the sample, or pass --file)", path.display())]
    Missing { path: PathBuf },
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{}: written by a newer cairn (schema version {found}; this build reads up to {supported}); left untouched",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}: {}{}", path.display(), problems[0], more(problems.len()))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    #[error("{}: cannot save: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: cannot serialise the board: {message}", path.display())]
    Serialise { path: PathBuf, message: String },
    #[error("{}: open in another cairn (lock held on {}); close it first", path.display(), lock.display())]
    Locked { path: PathBuf, lock: PathBuf },
    #[error("{}: read-only ({why}); nothing is saved", path.display())]
    ReadOnly { path: PathBuf, why: String },
    #[error("{}: a symbolic link to {}, which does not exist; cairn does not create a board through it", path.display(), target.display())]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error("{}: {kind}, not a regular file; cairn reads and writes boards only in regular files", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{}: refusing to overwrite an existing board (pass --force to replace it)", path.display())]
    Exists { path: PathBuf },
}

fn more(n: usize) -> String {
    match n {
        0 | 1 => String::new(),
        2 => " (and 1 more problem; `cairn check` lists them all)".to_string(),
        n => format!(
            " (and {} more problems; `cairn check` lists them all)",
            n - 1
        ),
    }
}

impl StoreError {
    pub(crate) fn write(path: impl Into<PathBuf>, source: io::Error) -> StoreError {
        StoreError::Write {
            path: path.into(),
            source,
        }
    }
}
