//! The four panes' screens: each answers the actions its current screen offers (see `screen.rs`).

mod backlog;
mod backlog_view;
mod conflicts;
pub mod epic_rows;
pub mod flow;
mod links;
mod settings;
pub mod sprint;
pub mod stakeholders;
pub mod team;
mod team_form;
pub mod timeline;
pub mod views;

use crate::app::{App, Target};

impl App {
    /// A click selects what it landed on, in its pane.
    pub(crate) fn click(&mut self, target: Target) {
        match target {
            Target::Card(id) => {
                let column = self
                    .doc
                    .board
                    .item(id)
                    .and_then(|i| self.doc.board.column_index(&i.status));
                if let Some(column) = column {
                    self.sprint.column = column;
                    self.sprint.card = Some(id);
                }
            }
            Target::Person(id) => {
                self.people.selected = Some(id);
                self.settle_people();
            }
            Target::Entry(id) => self.timeline.selected = Some(id),
        }
    }
}
