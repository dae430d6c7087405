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

/// The board in the file's layout (`layout.rs`).
struct InFile<'a>(&'a Board);

impl serde::Serialize for InFile<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::layout::serialize(self.0, s)
    }
}

/// A board read from the file's layout, or what is wrong with its rank.
pub(crate) struct FromFile(pub(crate) Result<Board, Vec<crate::model::Problem>>);

impl<'de> serde::Deserialize<'de> for FromFile {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        super::layout::deserialize(de).map(FromFile)
    }
}

/// Serialises a board; the same board always gives the same bytes.
pub fn to_ron(board: &Board) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(&InFile(board), pretty())?;
    text.push('\n');
    Ok(text)
}

/// The board without its rank and items, as `to_ron` would write it with both lists empty.
pub(crate) fn to_ron_without_items(board: &Board) -> Result<String, ron::Error> {
    struct Rest<'a>(&'a Board);
    impl serde::Serialize for Rest<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            super::layout::serialize_without_items(self.0, s)
        }
    }
    let mut text = ron::ser::to_string_pretty(&Rest(board), pretty())?;
    text.push('\n');
    Ok(text)
}

/// One item on its own, as pretty RON at the outermost level (`(` … `)`, no final newline).
pub(crate) fn item_to_ron(item: &crate::model::Item, into: &mut String) -> Result<(), ron::Error> {
    ron::ser::to_writer_pretty(into, item, pretty())
}

/// Skips whitespace and comments (`// …` to the end of the line, `/* … */` nested as ron does).
fn skip_blank(mut s: &str) -> &str {
    loop {
        let t = s.trim_start();
        if let Some(rest) = t.strip_prefix("//") {
            s = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = t.strip_prefix("/*") {
            let mut depth = 1;
            let mut i = 0;
            let b = rest.as_bytes();
            while depth > 0 && i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            s = rest.get(i..).unwrap_or("");
        } else {
            return t;
        }
    }
}

/// The schema version as the parser sees it: the top-level struct's first field `version: N`, past
/// whitespace and comments (never a `version:` inside a comment or a string).
pub fn peek_version(text: &str) -> Option<u32> {
    let s = skip_blank(text.strip_prefix('\u{feff}').unwrap_or(text));
    // ron allows the struct's name before it: `Board(version: 2, …)`.
    let s = skip_blank(s.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_'));
    let s = skip_blank(s.strip_prefix('(')?);
    let s = skip_blank(s.strip_prefix("version")?);
    let s = skip_blank(s.strip_prefix(':')?);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// True when the text has a comment outside its strings (a hand edit a save would drop).
pub fn has_comments(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            // A raw string: r"…" or r#"…"#, ended by the quote and as many hashes.
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                i += 2 + hashes;
                while i < b.len() && !b[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
                continue;
            }
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// A board in the current schema. The fast path reads the exact text `to_ron` writes; anything else
/// (hand edits, errors) goes to ron, whose answer and messages are the reference.
/// Also says whether the fast path read it: then the text is exactly what `to_ron` writes, which
/// has no comments (the fast reader stops at anything else, a `/` outside a string included).
fn parse_current(
    text: &str,
    fast: bool,
) -> Result<(Result<Board, Vec<crate::model::Problem>>, bool), ron::error::SpannedError> {
    if fast && let Ok(board) = super::fast::from_str::<FromFile>(text) {
        return Ok((board.0, true));
    }
    ron::from_str::<FromFile>(text).map(|b| (b.0, false))
}

/// A board of schema version 2: the backlog in rank order, with its id counters.
pub(crate) fn parse_v2(text: &str, fast: bool) -> Result<Board, ron::error::SpannedError> {
    if fast && let Ok(board) = super::fast::from_str::<Board>(text) {
        return Ok(board);
    }
    ron::from_str::<Board>(text)
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
    load(text, path, true)
}

/// `from_ron` through ron's own parser only: the reference the fast path is checked against.
#[doc(hidden)]
pub fn from_ron_reference(text: &str, path: &Path) -> Result<Board, StoreError> {
    load(text, path, false)
}

fn load(text: &str, path: &Path, fast: bool) -> Result<Board, StoreError> {
    load_noting(text, path, fast).map(|(board, _)| board)
}

/// `from_ron`, and whether the text is exactly what `to_ron` writes (so it has no comments: a
/// caller that warns about comments a save drops need not look for them).
pub(crate) fn from_ron_noting_exact(text: &str, path: &Path) -> Result<(Board, bool), StoreError> {
    load_noting(text, path, true)
}

fn load_noting(text: &str, path: &Path, fast: bool) -> Result<(Board, bool), StoreError> {
    // A byte order mark (Windows Notepad writes one) is not part of the board.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: "the file is empty".to_string(),
        });
    }
    let mut exact = false;
    let mut board = match peek_version(text) {
        Some(v) if v > SCHEMA_VERSION => {
            return Err(StoreError::NewerVersion {
                path: path.to_path_buf(),
                found: v,
                supported: SCHEMA_VERSION,
            });
        }
        Some(v) if v < SCHEMA_VERSION => migrate::from_older(text, v, path, fast)?,
        _ => {
            let (board, fast) = parse_current(text, fast).map_err(|e| parse_error(path, e))?;
            exact = fast;
            board.map_err(|problems| StoreError::Invalid {
                path: path.to_path_buf(),
                problems,
            })?
        }
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
    Ok((board, exact))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_read_from_the_head() {
        assert_eq!(peek_version("(\n  version: 2,\n  project: ("), Some(2));
        assert_eq!(peek_version("(version:17,"), Some(17));
        assert_eq!(peek_version("(project: ("), None);
        // A character across the 4 KiB mark (found by tests/loader_fuzz.rs' mutations).
        let wide = format!("(version: 2, x: \"{}é\")", "a".repeat(4095 - 17));
        assert!(!wide.is_char_boundary(4096));
        assert_eq!(peek_version(&wide), Some(2));
        // Comments are skipped; a `version:` in one is not the version.
        assert_eq!(peek_version("// version: 3\n(\n  version: 2,"), Some(2));
        assert_eq!(
            peek_version("/* version: 3 */ ( /* x */ version: 1,"),
            Some(1)
        );
        assert_eq!(peek_version("(project: (name: \"version: 3\"))"), None);
        assert_eq!(peek_version("\u{feff}(version: 2)"), Some(2));
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("(\n  // a note\n  version: 2)"));
        assert!(has_comments("(version: 2 /* x */)"));
        assert!(!has_comments("(name: \"http://x // y /* z\")"));
        assert!(!has_comments("(name: \"a \\\" // b\")"));
        assert!(!has_comments("(name: r#\"// \"# x\"#)"));
    }

    #[test]
    fn same_board_same_bytes_with_a_final_newline() {
        let b = Board::new("Test", "T");
        let a = to_ron(&b).expect("serialises");
        assert_eq!(a, to_ron(&b.clone()).expect("serialises"));
        assert!(a.ends_with(")\n") && !a.contains('\r'));
        assert!(a.starts_with("(\n  version: 3,\n"), "{a}");
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
