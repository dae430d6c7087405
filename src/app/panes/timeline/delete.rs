//! Deleting a timeline entry: what depends on it or links to it loses the link, so an entry with
//! links is deleted only after the user agrees to what goes with it; undo brings all of it back.

use crate::app::{Action, App, Effect};
use crate::model::plan;
use crate::model::words::count;

impl App {
    pub(crate) fn delete_entry(&mut self) -> Vec<Effect> {
        let Some(e) = self.selected_entry().cloned() else {
            self.info("No entry selected");
            return Vec::new();
        };
        let next = self.neighbour_entry(e.id);
        let edit = match plan::delete_entry(&self.doc.board, e.id) {
            Ok(edit) => edit,
            Err(err) => return self.refuse(err),
        };
        let links = plan::entry_links(&self.doc.board, e.id);
        let label = format!("Delete \"{}\"", e.name);
        let what = links
            .any()
            .then(|| format!("\"{}\" ({})", e.name, what_goes(links)));
        let edit = match self.ask_to_delete(what, edit, &label, next.map(Action::GoToEntry)) {
            Ok(()) => return Vec::new(),
            Err(edit) => edit,
        };
        let effects = self.delete(edit, label);
        if !effects.is_empty() {
            self.timeline.selected = next;
        }
        effects
    }
}

/// "2 entries lose a dependency, 3 items lose their milestone, 1 risk and 2 notes lose the link".
fn what_goes(l: plan::EntryLinks) -> String {
    let mut parts = Vec::new();
    if l.dependents > 0 {
        let verb = if l.dependents == 1 { "loses" } else { "lose" };
        parts.push(format!(
            "{} {verb} a dependency",
            count(l.dependents, "entry")
        ));
    }
    if l.items > 0 {
        let verb = if l.items == 1 {
            "loses its"
        } else {
            "lose their"
        };
        parts.push(format!("{} {verb} milestone", count(l.items, "item")));
    }
    let mut linked = Vec::new();
    if l.risks > 0 {
        linked.push(count(l.risks, "risk"));
    }
    if l.notes > 0 {
        linked.push(count(l.notes, "note"));
    }
    if !linked.is_empty() {
        let verb = if l.risks + l.notes == 1 {
            "loses"
        } else {
            "lose"
        };
        parts.push(format!("{} {verb} the link", linked.join(" and ")));
    }
    parts.join(", ")
}
