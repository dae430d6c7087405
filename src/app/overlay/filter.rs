//! The filter line over the pane on show (`/`): the backlog's items, the sprint board's cards or the
//! timeline's entries follow each key; Enter keeps the filter, Esc clears it.

use crate::app::stakeholders::Screen as PeopleScreen;
use crate::app::{Action, App, Effect, Mode, Pane};
use ratatui_textarea::TextArea;

impl App {
    /// Opens the filter line of the pane on show (the stakeholders pane opens it with its own text).
    pub(crate) fn open_filter(&mut self) {
        let text = match self.pane {
            Pane::Sprint => self.sprint.filter.text.clone(),
            Pane::Timeline => self.timeline.filter.clone(),
            _ => self.backlog.filter.text.clone(),
        };
        let mut input = TextArea::new(vec![text]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        if self.pane == Pane::Backlog {
            self.backlog.anchor = self.backlog.selected;
        }
        self.mode = Mode::Filter(Box::new(input));
    }

    /// Typing the filter line of the pane on show: each key refilters its list.
    pub(crate) fn filter_input(
        &mut self,
        mut input: Box<TextArea<'static>>,
        action: Action,
    ) -> Vec<Effect> {
        match action {
            Action::Confirm => {
                self.backlog.anchor = None;
                let (n, what, text) = match self.pane {
                    Pane::Sprint => (
                        self.sprint_card_count(),
                        "cards",
                        self.sprint.filter.text.clone(),
                    ),
                    Pane::Timeline => (
                        self.timeline_order().len(),
                        "entries",
                        self.timeline.filter.clone(),
                    ),
                    Pane::Stakeholders if self.people.screen == PeopleScreen::Notes => (
                        self.shown_notes().len(),
                        "notes",
                        self.people.notes.text.clone(),
                    ),
                    Pane::Stakeholders => (
                        self.people_order().len(),
                        "stakeholders",
                        self.people.filter.clone(),
                    ),
                    _ => (
                        self.backlog.visible.len(),
                        "items",
                        self.backlog.filter.text.clone(),
                    ),
                };
                if !text.trim().is_empty() {
                    let clear = self.keymap.hint(&Action::Cancel);
                    self.info(format!("{n} {what} match \"{text}\" — {clear} clears"));
                }
                return Vec::new();
            }
            Action::Cancel => {
                self.set_pane_filter(String::new());
                self.backlog.anchor = None;
                return Vec::new();
            }
            Action::Type(key) => {
                super::field::type_into(&mut input, key);
                self.set_pane_filter(input.lines().join(" "));
            }
            // Arrows move the selection while typing, so one can filter and pick without leaving.
            Action::Down | Action::Up => {
                let effects = match self.pane {
                    Pane::Sprint => self.sprint_action(action),
                    Pane::Timeline => self.timeline_action(action),
                    Pane::Stakeholders => self.stakeholders_action(action),
                    _ => self.backlog_screen(action),
                };
                debug_assert!(effects.is_empty(), "moving the selection changes nothing");
                self.backlog.anchor = self.backlog.selected;
            }
            _ => {}
        }
        self.mode = Mode::Filter(input);
        Vec::new()
    }

    /// Sets the filter of the pane on show.
    pub(crate) fn set_pane_filter(&mut self, text: String) {
        match self.pane {
            Pane::Sprint => {
                self.sprint.filter =
                    crate::app::Filter::parse_as(&text, &self.doc.board, self.me.as_deref())
            }
            Pane::Timeline => self.timeline.filter = text,
            Pane::Stakeholders => self.set_people_filter(text),
            Pane::Backlog => self.set_filter(text),
        }
    }
}
