//! An outside change (a `git pull`, another editor) merged into the open board: one undoable step
//! and a message that says what came in.

use super::App;
use crate::model::merge::Merged;
use crate::model::words::{count, noun};
use crate::model::{Board, Item};
use std::collections::HashMap;

/// How many changes the message names before it stops at "…".
const NAMED: usize = 3;

impl App {
    /// Takes in `merged` (the open board merged with what is on disk now) as one undoable step and
    /// says `said`. False when the step could not be applied (the board is left as it was).
    pub fn merged_from_disk(&mut self, merged: Board, said: String) -> bool {
        self.remember_row();
        let here = self.here();
        if let Err(e) = self.doc.merge_in(merged, said.clone(), here) {
            self.error(format!("The change on disk could not be taken in: {e}"));
            return false;
        }
        self.doc.history.settle(here);
        self.refresh_visible();
        self.info(said);
        true
    }

    /// A read-only run takes the board on disk as it is (it has no changes of its own).
    pub fn follow_disk(&mut self, board: Board, said: String) {
        self.remember_row();
        self.doc.replace(board);
        self.refresh_visible();
        self.info(said);
    }
}

/// "Merged 2 changes from disk: CRN-12 title, a note for Dana · CRN-57 (theirs) is now CRN-58 ·
/// 1 conflict (see the conflicts screen)".
pub fn merge_message(merged: &Merged, base: &Board, theirs: &Board) -> String {
    said_as("Merged", merged, base, theirs)
}

/// The same for a read-only run, which takes the board on disk as it is.
pub fn follow_message(merged: &Merged, base: &Board, theirs: &Board) -> String {
    said_as("Took", merged, base, theirs)
}

fn said_as(verb: &str, merged: &Merged, base: &Board, theirs: &Board) -> String {
    let names = what_changed(base, theirs);
    // A rank move is no record's change to the merge, but it is one to the user.
    let n = merged.from_theirs.max(names.len());
    let mut said = format!("{verb} {} from disk", count(n, "change"));
    if !names.is_empty() {
        let shown: Vec<&str> = names.iter().take(NAMED).map(String::as_str).collect();
        said.push_str(": ");
        said.push_str(&shown.join(", "));
        if names.len() > NAMED {
            said.push_str(", …");
        }
    }
    for r in &merged.renumbered {
        said.push_str(" · ");
        said.push_str(r);
    }
    if !merged.conflicts.is_empty() {
        let n = merged.conflicts.len();
        said.push_str(&format!(
            " · {} (see the conflicts screen)",
            count(n, "conflict")
        ));
    }
    said
}

/// What theirs changed against base, as the user knows it: `CRN-12 title`, `CRN-13 added`,
/// `a note for Dana`, `sprint "Sprint 23"`.
pub fn what_changed(base: &Board, theirs: &Board) -> Vec<String> {
    let mut said = Vec::new();
    let before: HashMap<_, &Item> = base.items.iter().map(|i| (i.id, &**i)).collect();
    for item in &theirs.items {
        let key = theirs.item_key(item.id);
        match before.get(&item.id) {
            None => said.push(format!("{key} added")),
            Some(old) if **old != **item => {
                let fields = changed_fields(old, item);
                let shown = fields
                    .iter()
                    .take(2)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" and ");
                said.push(if shown.is_empty() {
                    key
                } else {
                    format!("{key} {shown}")
                });
            }
            Some(_) => {}
        }
    }
    let now: HashMap<_, &Item> = theirs.items.iter().map(|i| (i.id, &**i)).collect();
    for item in &base.items {
        if !now.contains_key(&item.id) {
            said.push(format!("{} deleted", base.item_key(item.id)));
        }
    }
    let order = |a: &Board, b: &Board| -> Vec<crate::model::ItemId> {
        let ids: std::collections::HashSet<_> = b.items.iter().map(|i| i.id).collect();
        a.items
            .iter()
            .map(|i| i.id)
            .filter(|id| ids.contains(id))
            .collect()
    };
    if order(base, theirs) != order(theirs, base) {
        said.push("the backlog order".into());
    }
    for s in &theirs.stakeholders {
        let old = base.stakeholders.iter().find(|o| o.id == s.id);
        let new_notes = s
            .notes
            .iter()
            .filter(|n| old.is_none_or(|o| !o.notes.contains(n)))
            .count();
        if new_notes > 0 {
            let a = if new_notes == 1 {
                "a".to_string()
            } else {
                new_notes.to_string()
            };
            said.push(format!("{a} {} for {}", noun(new_notes, "note"), s.name));
        } else if old.is_none_or(|o| o != s) {
            said.push(s.name.clone());
        }
    }
    for s in &theirs.sprints {
        if base.sprints.iter().find(|o| o.id == s.id) != Some(s) {
            said.push(format!("sprint \"{}\"", s.name));
        }
    }
    if base.project != theirs.project {
        said.push("the project".into());
    }
    said
}

/// The item fields that differ, by their names in the file.
fn changed_fields(old: &Item, new: &Item) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    let mut keys: Vec<String> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    keys.extend(b.keys().filter(|k| !a.contains_key(*k)).cloned());
    keys
}
