//! The per-board view state: what each pane's filter was, whether the backlog showed done items,
//! and the pane and selections on show at the end, so the next start opens where this user left off. One user's state, never the shared board file:
//! a small RON file per board under `<data dir>/cairn/views/`, named for the board's canonical path
//! (a readable name and a short hash), written atomically. A missing or broken file is not an error:
//! the board opens with no filters.

use super::atomic::{self, Faults, Target};
use crate::model::{ItemId, ViewPane};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// The largest state file read: a few filters take a few hundred bytes.
const MAX_BYTES: u64 = 64 * 1024;

/// What one pane showed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaneView {
    /// The filter's text, as typed.
    pub filter: String,
    /// The saved view it came from, while it was unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
}

/// Each pane's last view, the backlog's show-done flag, and where the user was.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// Only the panes with a filter are listed.
    pub panes: BTreeMap<ViewPane, PaneView>,
    pub show_done: bool,
    /// The pane on show and the selections (a state file from before it has none: the backlog).
    #[serde(skip_serializing_if = "Place::is_start")]
    pub place: Place,
}

/// The four panes, as the state file names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    #[default]
    Backlog,
    Sprint,
    Timeline,
    Stakeholders,
}

/// Where the user left off: the pane on show, the backlog's selected item and the sprint board's
/// card, each with where it was (the row, the column), where the selection lands when it is gone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    pub pane: Shown,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    pub row: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<ItemId>,
    pub column: usize,
}

impl Place {
    /// Where a first start opens: the backlog's first row, the board's first column.
    pub fn is_start(&self) -> bool {
        *self == Place::default()
    }
}

/// The directory of the state files: `<data dir>/cairn/views` (`$XDG_DATA_HOME` on Linux).
pub fn state_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cairn").map(|d| d.data_local_dir().join("views"))
}

/// The state file in `dir` of the board at `board` (canonical when it exists): its file stem, then
/// 16 hex digits of a hash of the whole path, so two `board.ron` in different folders never share one.
pub fn state_file(dir: &Path, board: &Path) -> PathBuf {
    let canonical = std::fs::canonicalize(board).unwrap_or_else(|_| board.to_path_buf());
    let stem: String = canonical
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned())
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = fnv1a(canonical.as_os_str().as_encoded_bytes());
    dir.join(format!("{stem}-{hash:016x}.ron"))
}

/// FNV-1a, 64 bits: stable across builds and platforms (std's hasher is not promised to be).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Reads the state file: `Ok(None)` when there is none, `Err` with why when it cannot be read.
pub fn load(path: &Path) -> Result<Option<ViewState>, String> {
    use std::io::Read;
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut text = String::new();
    file.take(MAX_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if text.len() as u64 > MAX_BYTES {
        return Err(format!(
            "{} is larger than {MAX_BYTES} bytes",
            path.display()
        ));
    }
    ron::from_str(&text)
        .map(Some)
        .map_err(|e| format!("{} is not a view state: {e}", path.display()))
}

/// Writes the state file atomically, making its directory (private to the user) when missing.
pub fn save(path: &Path, state: &ViewState) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    let dir = atomic::parent(path);
    if !dir.is_dir() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    let text = ron::ser::to_string_pretty(state, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    let target = Target {
        path,
        board: path,
        like: None,
        replace: true,
    };
    atomic::write(
        &target,
        format!("{text}\n").as_bytes(),
        &mut Faults::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> ViewState {
        let mut s = ViewState {
            show_done: true,
            ..ViewState::default()
        };
        s.panes.insert(
            ViewPane::Backlog,
            PaneView {
                filter: "tag:bug @ana".into(),
                view: Some("Ana's bugs".into()),
            },
        );
        s.panes.insert(
            ViewPane::Notes,
            PaneView {
                filter: "kind:decision".into(),
                view: None,
            },
        );
        s
    }

    #[test]
    fn the_state_round_trips_through_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = state_file(
            &dir.path().join("views"),
            Path::new("/some/where/board.ron"),
        );
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("board-")
        );
        assert_eq!(load(&path), Ok(None), "no file yet: nothing to restore");
        save(&path, &state()).unwrap();
        assert_eq!(load(&path), Ok(Some(state())));
        // Written again in place, with no temp file left beside it.
        save(&path, &ViewState::default()).unwrap();
        assert_eq!(load(&path), Ok(Some(ViewState::default())));
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[test]
    fn where_the_user_was_round_trips_and_an_older_file_without_it_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b-0.ron");
        let mut state = state();
        state.place = Place {
            pane: Shown::Sprint,
            item: Some(ItemId(22)),
            row: 3,
            card: Some(ItemId(19)),
            column: 2,
        };
        save(&path, &state).unwrap();
        assert_eq!(load(&path), Ok(Some(state)));
        // A file written before the place was kept: the backlog, as on a first start.
        std::fs::write(
            &path,
            "(panes: {Backlog: (filter: \"tag:bug\")}, show_done: true)",
        )
        .unwrap();
        let old = load(&path).unwrap().expect("a state");
        assert!(old.place.is_start() && old.show_done, "{old:?}");
        // And a first start's place is not written at all.
        save(&path, &old).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("place"), "{text}");
    }

    #[test]
    fn a_broken_or_huge_state_file_is_an_error_that_says_which_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b-0.ron");
        std::fs::write(&path, "(panes: {Backlog: (filter: 3)}").unwrap();
        let e = load(&path).unwrap_err();
        assert!(e.contains("b-0.ron is not a view state"), "{e}");
        std::fs::write(&path, " ".repeat(70_000)).unwrap();
        assert!(load(&path).unwrap_err().contains("larger than"));
    }

    #[test]
    fn two_boards_of_one_name_in_two_folders_have_two_state_files() {
        let dir = Path::new("/state");
        let a = state_file(dir, Path::new("/a/board.ron"));
        let b = state_file(dir, Path::new("/b/board.ron"));
        assert_ne!(a, b);
        assert_eq!(a, state_file(dir, Path::new("/a/board.ron")), "stable");
        let odd = state_file(dir, Path::new("/x/my board (old).ron"));
        assert!(odd.to_string_lossy().contains("my_board__old_-"), "{odd:?}");
    }
}
