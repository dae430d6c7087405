//! The board as RON text: pretty, deterministic (same board, same bytes), `\n` endings and a final newline.
//! Reading checks the schema version first: newer is refused, older is migrated.

use super::StoreError;
use super::migrate;
use crate::model::{Board, SCHEMA_VERSION};
use ron::ser::PrettyConfig;
use std::path::Path;

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("  ")
        .struct_names(false)
}

/// Serialises a board; the same board always gives the same bytes.
pub fn to_ron(board: &Board) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(board, pretty())?;
    text.push('\n');
    Ok(text)
}

/// The `version: N` near the top of a board file, if there is one.
pub fn peek_version(text: &str) -> Option<u32> {
    let head = &text[..text.len().min(4096)];
    let at = head.find("version:")?;
    let digits: String = head[at + "version:".len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

pub(crate) fn parse_error(path: &Path, e: ron::error::SpannedError) -> StoreError {
    StoreError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    }
}

/// Parses and validates board text read from `path` (the path is only used in messages).
pub fn from_ron(text: &str, path: &Path) -> Result<Board, StoreError> {
    if text.trim().is_empty() {
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: "the file is empty".to_string(),
        });
    }
    let mut board = match peek_version(text) {
        Some(v) if v > SCHEMA_VERSION => {
            return Err(StoreError::NewerVersion {
                path: path.to_path_buf(),
                found: v,
                supported: SCHEMA_VERSION,
            });
        }
        Some(v) if v < SCHEMA_VERSION => migrate::from_older(text, v, path)?,
        _ => ron::from_str::<Board>(text).map_err(|e| parse_error(path, e))?,
    };
    if board.version != SCHEMA_VERSION {
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: format!(
                "`version` must be the first field (found {})",
                board.version
            ),
        });
    }
    let problems = board.validate();
    if !problems.is_empty() {
        return Err(StoreError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    board.repair_counters();
    Ok(board)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_read_from_the_head() {
        assert_eq!(peek_version("(\n  version: 2,\n  project: ("), Some(2));
        assert_eq!(peek_version("(version:17,"), Some(17));
        assert_eq!(peek_version("(project: ("), None);
    }

    #[test]
    fn same_board_same_bytes_with_a_final_newline() {
        let b = Board::new("Test", "T");
        let a = to_ron(&b).expect("serialises");
        assert_eq!(a, to_ron(&b.clone()).expect("serialises"));
        assert!(a.ends_with(")\n") && !a.contains('\r'));
        assert!(a.starts_with("(\n  version: 2,\n"), "{a}");
        assert_eq!(from_ron(&a, Path::new("x.ron")).expect("parses"), b);
    }

    #[test]
    fn empty_and_newer_files_are_refused() {
        let p = Path::new("b.ron");
        let e = from_ron("  \n", p).expect_err("empty");
        assert_eq!(e.to_string(), "b.ron:1:1: the file is empty");
        let e = from_ron("(version: 99, project: ())", p).expect_err("newer");
        assert!(
            e.to_string().contains("newer cairn (schema version 99"),
            "{e}"
        );
    }
}
