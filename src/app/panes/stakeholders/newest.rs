//! The note timeline's order, every note newest first, kept between keys: sorted again only after a
//! change that may have touched the notes, not on every key of a 20,000-note timeline.

use crate::app::App;
use crate::model::{Note, Stakeholder};

/// Every note newest first, by (stakeholder, note) position, sorted once per board change instead
/// of on every key of the note timeline.
#[derive(Debug, Default)]
pub struct NotesOrder {
    revision: Option<u64>,
    order: Vec<(u32, u32)>,
}

impl App {
    /// Sorts the notes again when the board changed since (before a frame of the stakeholders).
    pub fn refresh_notes_order(&mut self) {
        if self.people.newest.revision == Some(self.doc.revision) {
            return;
        }
        // Changes to items only (a rank move, a card moved) leave the notes as they were.
        use crate::app::changes::Op;
        let items_only = self
            .people
            .newest
            .revision
            .and_then(|r| self.doc.changes.since(r));
        if items_only.is_some_and(|mut ops| {
            ops.all(|op| {
                matches!(
                    op,
                    Op::Item(_) | Op::Insert { .. } | Op::Move { .. } | Op::Order
                )
            })
        }) {
            self.people.newest.revision = Some(self.doc.revision);
            return;
        }
        let people = &self.doc.board.stakeholders;
        let mut order: Vec<(u32, u32)> = std::mem::take(&mut self.people.newest.order);
        order.clear();
        for (s, p) in people.iter().enumerate() {
            order.extend((0..p.notes.len()).map(|n| (s as u32, n as u32)));
        }
        let note = |&(s, n): &(u32, u32)| &people[s as usize].notes[n as usize];
        order.sort_by_key(|k| std::cmp::Reverse((note(k).date, note(k).id)));
        self.people.newest = NotesOrder {
            revision: Some(self.doc.revision),
            order,
        };
    }

    /// Every note, newest first: from the order kept for this board, else sorted now.
    pub(super) fn notes_newest_first(&self) -> Vec<(&Stakeholder, &Note)> {
        self.newest_notes().collect()
    }

    /// Every note, newest first, one at a time: read from the order kept for this board (no list
    /// of them built), else sorted now.
    pub(super) fn newest_notes(&self) -> Box<dyn Iterator<Item = (&Stakeholder, &Note)> + '_> {
        if self.people.newest.revision != Some(self.doc.revision) {
            return Box::new(self.doc.board.notes_newest_first().into_iter());
        }
        let people = &self.doc.board.stakeholders;
        Box::new(self.people.newest.order.iter().map(move |&(s, n)| {
            let p = &people[s as usize];
            (p, &p.notes[n as usize])
        }))
    }

    /// The notes the timeline shows, newest first, one at a time (what a key or a frame walks to
    /// find its rows without a list of every note).
    pub fn timeline_notes_iter(&self) -> impl Iterator<Item = (&Stakeholder, &Note)> + '_ {
        let f = &self.people.notes;
        let (board, today) = (&self.doc.board, self.run.today);
        self.newest_notes()
            .filter(move |(s, n)| f.is_empty() || f.matches(board, s, n, today))
    }
}
