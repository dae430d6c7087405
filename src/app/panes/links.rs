//! Links between backlog items from the backlog: `B` picks what the item waits on, `r` what it
//! relates to, `o` goes to the linked items one after another.

use crate::app::picker::{Picker, Purpose, Target};
use crate::app::{App, Effect, Mode};
use crate::model::words::count;
use crate::model::{ItemId, rules};

impl App {
    pub(crate) fn pick_item_links(&mut self, id: ItemId, blocked_by: bool) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        let board = &self.doc.board;
        let Some(it) = board.item(id) else {
            return Vec::new();
        };
        let key = board.item_key(id);
        let (on, title, purpose) = if blocked_by {
            (
                it.blocked_by.clone(),
                format!("{key} waits on"),
                Purpose::BlockedBy(id),
            )
        } else {
            (
                it.relates_to.clone(),
                format!("{key} relates to"),
                Purpose::Related(id),
            )
        };
        // Every item but this one.
        let choices = self
            .item_choices(&on)
            .into_iter()
            .filter(|c| c.target != Target::Item(id))
            .collect();
        self.mode = Mode::Picker(Box::new(Picker::new(title, purpose, choices)));
        Vec::new()
    }

    pub(crate) fn apply_item_links(
        &mut self,
        purpose: Purpose,
        chosen: Vec<Target>,
    ) -> Vec<Effect> {
        let picked: Vec<ItemId> = chosen
            .iter()
            .filter_map(|t| match t {
                Target::Item(i) => Some(*i),
                Target::Entry(_) => None,
            })
            .collect();
        let board = &self.doc.board;
        let (id, result, how) = match purpose {
            Purpose::BlockedBy(id) => (
                id,
                rules::set_blocked_by(board, id, picked.clone()),
                "waits on",
            ),
            Purpose::Related(id) => (
                id,
                rules::set_related(board, id, picked.clone()),
                "relates to",
            ),
            _ => return Vec::new(),
        };
        let key = board.item_key(id);
        let before = board.item(id).map(|i| match purpose {
            Purpose::BlockedBy(_) => i.blocked_by.clone(),
            _ => i.relates_to.clone(),
        });
        if before.is_some_and(|b| crate::app::panes::timeline::same_set(&b, &picked)) {
            self.info("No changes");
            return Vec::new();
        }
        let label = match picked.as_slice() {
            [] => format!("{key} {how} nothing now"),
            list if list.len() <= 3 => format!(
                "{key} {how} {}",
                list.iter()
                    .map(|i| board.item_key(*i))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            list => format!("{key} {how} {}", count(list.len(), "item")),
        };
        match result {
            Ok(edit) => self.change(edit, label),
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }

    /// `o`: the next linked item after the one `o` last went to (what it waits on first, then what
    /// it relates to), selected in the backlog; with none, says how to link.
    pub(crate) fn follow_link(&mut self, selected: ItemId) {
        // Pressed again on the item `o` went to: on to the next link of the one it started from.
        let (id, next) = match self.backlog.followed {
            Some((from, at, to)) if to == selected => (from, at + 1),
            _ => (selected, 0),
        };
        let board = &self.doc.board;
        let Some(it) = board.item(id) else { return };
        let links: Vec<ItemId> = it
            .blocked_by
            .iter()
            .chain(&it.relates_to)
            .copied()
            .collect();
        if links.is_empty() {
            let (b, r) = (
                self.keymap.hint(&crate::app::Action::BlockedBy),
                self.keymap.hint(&crate::app::Action::RelatedItems),
            );
            self.info(format!(
                "{} has no links: {b} picks what it waits on, {r} what it relates to",
                board.item_key(id)
            ));
            return;
        }
        let next = next % links.len();
        let to = links[next];
        let how = if next < it.blocked_by.len() {
            "waits on"
        } else {
            "relates to"
        };
        let said = format!(
            "{} {how} {} ({} of {}; o again: the next)",
            board.item_key(id),
            board.item_key(to),
            next + 1,
            links.len()
        );
        self.global(crate::app::Action::GoToItem(to));
        self.backlog.followed = Some((id, next, to));
        self.info(said);
    }
}

impl App {
    /// The items that wait on `id`, in rank order: from the index (kept with the changes), or when
    /// it is not up to date, a walk of the board.
    pub fn blocks_of(&self, id: ItemId) -> Vec<ItemId> {
        if self.index.is_at(self.doc.revision) {
            return self.index.blocks(id);
        }
        self.doc
            .board
            .items
            .iter()
            .filter(|o| o.blocked_by.contains(&id))
            .map(|o| o.id)
            .collect()
    }
}
