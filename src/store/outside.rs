//! The board file changed by someone else while it is open (a `git pull`, another editor): what is
//! on disk now (theirs) merged with the open board (ours) against what this run last read or wrote
//! (base). Decided by the contents' hash, never by the modification time alone.

use super::{Fingerprint, Store, content_hash, from_ron, uses_crlf};
use crate::model::Board;
use crate::model::merge::{Merged, merge};
use std::fs;

/// What a look at the file found.
#[derive(Debug)]
pub enum Outside {
    /// The file holds what we last read or wrote (or what we already refused).
    Unchanged,
    /// Someone changed it and theirs merged soundly with ours. The store now takes theirs as read:
    /// saving the merged board replaces theirs, and theirs is the next merge's base.
    Merged {
        merged: Box<Merged>,
        base: Box<Board>,
        theirs: Box<Board>,
    },
    /// Someone changed it and it cannot be merged (why): the file is left as it is, and the next
    /// save of ours goes to a conflict copy.
    Refused(String),
}

impl Store {
    /// Reads the file and, when someone else changed it, merges it with `ours` (see `Outside`).
    pub fn look_outside(&mut self, ours: &Board) -> Outside {
        // The time before the read: a write after it then shows as a newer time than ours.
        let modified = fs::metadata(&self.path).and_then(|m| m.modified()).ok();
        let Ok(bytes) = fs::read(&self.path) else {
            return Outside::Unchanged; // gone or unreadable: the next save says so
        };
        let h = content_hash(&bytes);
        if self.fingerprint.as_ref().is_some_and(|f| f.hash == h) || self.refused == Some(h) {
            return Outside::Unchanged;
        }
        let theirs = match String::from_utf8(bytes) {
            Ok(text) => from_ron(&text, &self.path)
                .map(|b| (b, text))
                .map_err(|e| e.to_string()),
            Err(_) => Err("it is not UTF-8 text".to_string()),
        };
        let (theirs, text) = match theirs {
            Ok(t) => t,
            Err(e) => return self.refuse(h, format!("it does not load: {e}")),
        };
        let Some(base) = self.last.take() else {
            return self.refuse(h, "cairn does not know what it last wrote".into());
        };
        let merged = merge(&base, ours, &theirs);
        if let Some(p) = merged.problems.first() {
            self.last = Some(base);
            return self.refuse(h, format!("the merged board would not be sound: {p}"));
        }
        self.fingerprint = Some(Fingerprint {
            len: text.len() as u64,
            modified,
            hash: h,
        });
        self.crlf = uses_crlf(&text);
        self.conflict = None;
        self.refused = None;
        self.last = Some(theirs.clone());
        Outside::Merged {
            merged: Box::new(merged),
            base: Box::new(base),
            theirs: Box::new(theirs),
        }
    }

    fn refuse(&mut self, h: u64, why: String) -> Outside {
        self.refused = Some(h);
        Outside::Refused(why)
    }

    /// What is on disk now is not ours to replace (a merge the open board moved past and that
    /// could not be redone): the next saves go to a conflict copy.
    pub fn diverge(&mut self) {
        if let Ok(bytes) = fs::read(&self.path) {
            self.refused = Some(content_hash(&bytes));
        }
        self.fingerprint = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edit;
    use crate::store::Saved;

    fn opened() -> (tempfile::TempDir, std::path::PathBuf, Store, Board) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("board.ron");
        let board = crate::store::sample_board(jiff::civil::date(2026, 12, 1));
        let store = Store::create(&path, &board, false).expect("written");
        (dir, path, store, board)
    }

    fn retitled(board: &Board, index: usize, title: &str) -> Board {
        let mut b = board.clone();
        let mut item = (*b.items[index]).clone();
        item.title = title.into();
        b.apply(Edit::UpdateItem(Box::new(item))).expect("applies");
        b
    }

    #[test]
    fn a_same_size_edit_with_the_same_mtime_is_seen_and_merged() {
        let (_dir, path, mut store, base) = opened();
        let modified = fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        let title = base.items[5].title.clone();
        let same_size: String = title.chars().rev().collect();
        let theirs = retitled(&base, 5, &same_size);
        let text = crate::store::to_ron(&theirs).expect("serialises");
        assert_eq!(text.len() as u64, fs::metadata(&path).expect("meta").len());
        fs::write(&path, &text).expect("their write");
        let f = fs::File::options().write(true).open(&path).expect("open");
        f.set_modified(modified).expect("set mtime back");
        assert_eq!(fs::metadata(&path).unwrap().modified().ok(), Some(modified));
        let ours = retitled(&base, 0, "Ours");
        match store.look_outside(&ours) {
            Outside::Merged { merged, .. } => {
                assert_eq!(merged.board.items[5].title, same_size);
                assert_eq!(merged.board.items[0].title, "Ours");
                // Saving it replaces theirs (no conflict copy): theirs was taken in.
                assert_eq!(store.save(&merged.board).expect("saves"), Saved::Written);
            }
            other => panic!("not merged: {other:?}"),
        }
        assert!(matches!(store.look_outside(&ours), Outside::Unchanged));
    }

    #[test]
    fn conflict_markers_are_refused_once_and_ours_goes_aside() {
        let (_dir, path, mut store, base) = opened();
        let text = fs::read_to_string(&path).expect("board");
        let marked = format!("<<<<<<< ours\n{text}=======\n>>>>>>> theirs\n");
        fs::write(&path, &marked).expect("their write");
        let ours = retitled(&base, 0, "Ours");
        match store.look_outside(&ours) {
            Outside::Refused(why) => assert!(why.starts_with("it does not load"), "{why}"),
            other => panic!("not refused: {other:?}"),
        }
        assert!(
            matches!(store.look_outside(&ours), Outside::Unchanged),
            "said once"
        );
        let saved = store.save(&ours).expect("saves aside");
        assert!(matches!(saved, Saved::Conflict { .. }));
        assert_eq!(
            fs::read_to_string(&path).expect("board"),
            marked,
            "theirs as written"
        );
    }
}
