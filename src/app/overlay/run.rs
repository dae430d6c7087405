//! The palette and picker overlays' keys: move, type, tick, and what Enter runs or links.

use crate::app::{Action, App, Effect, Mode, Palette};

impl App {
    pub(crate) fn palette(&mut self, mut palette: Palette, action: Action) -> Vec<Effect> {
        match action {
            Action::Cancel => return Vec::new(),
            Action::Confirm => {
                return match palette.chosen() {
                    Some(entry) => vec![Effect::Then(entry.action())],
                    None => Vec::new(),
                };
            }
            Action::Down => palette.down(),
            Action::Up => palette.up(),
            Action::Type(key) => {
                super::field::type_into(&mut palette.input, key);
                palette.refresh(&self.doc.board, &self.keymap);
            }
            _ => {}
        }
        self.mode = Mode::Palette(Box::new(palette));
        Vec::new()
    }

    pub(crate) fn picker(&mut self, mut picker: crate::app::Picker, action: Action) -> Vec<Effect> {
        use crate::app::picker::Purpose;
        match action {
            Action::Cancel => {
                self.info("Cancelled: no links changed");
                return Vec::new();
            }
            Action::Confirm => {
                let chosen = picker.chosen();
                return match picker.purpose {
                    Purpose::NoteLinks { stakeholder, note } => {
                        self.apply_note_links(stakeholder, note, chosen)
                    }
                    purpose @ (Purpose::BlockedBy(_) | Purpose::Related(_)) => {
                        self.apply_item_links(purpose, chosen)
                    }
                    purpose => self.apply_timeline_picks(purpose, chosen),
                };
            }
            Action::Down => picker.down(),
            Action::Up => picker.up(),
            Action::PageDown => (0..10).for_each(|_| picker.down()),
            Action::PageUp => (0..10).for_each(|_| picker.up()),
            Action::Check => picker.toggle(),
            Action::Type(key) => {
                super::field::type_into(&mut picker.input, key);
                picker.refresh();
            }
            _ => {}
        }
        self.mode = Mode::Picker(Box::new(picker));
        Vec::new()
    }
}
