//! The board file changed by someone else while it is open (a `git pull`, another editor): what is
//! on disk now (theirs) merged with the open board (ours) against what this run last read or wrote
//! (base). Decided by the contents' hash, never by the modification time alone.

use super::{Fingerprint, Store, from_ron, hash, uses_crlf};
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
        let Ok(bytes) = fs::read(&self.path) else {
            return Outside::Unchanged; // gone or unreadable: the next save says so
        };
        let h = hash(&bytes);
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
        self.fingerprint = Some(Fingerprint::of(&self.path, text.as_bytes()));
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
            self.refused = Some(hash(&bytes));
        }
        self.fingerprint = None;
    }
}
