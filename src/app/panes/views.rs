//! Saved views: a list's filter kept under a name in the board (`Board.views`), picked again from
//! the palette ("view: Ana's bugs") or from the list's views picker; and the per-board view state
//! (each list's last filter, show-done) that the runner keeps in a local file, never in the board.

use crate::app::form::{Field, FieldId};
use crate::app::stakeholders::Screen as PeopleScreen;
use crate::app::timeline::Sub;
use crate::app::{Action, App, Effect, Filter, Form, FormKind, Mode, Palette, Pane, SprintScreen};
use crate::model::view::{find_view, parse_view_name};
use crate::model::{Edit, SavedView, ViewPane, value};
use crate::store::viewstate::{PaneView, Place, Shown, ViewState};
use std::collections::HashMap;

/// Which saved view each list shows (by name), and what the state file last got.
#[derive(Debug, Default)]
pub struct Views {
    /// The saved view each list's filter came from; its name shows while the filter is unchanged.
    pub applied: HashMap<ViewPane, String>,
    /// Set by the runner when it keeps a state file: then a changed view asks for it to be written.
    pub kept: Option<ViewState>,
}

impl App {
    /// The list on show that has a filter (none on the burndown, planning, budget, risks…).
    pub fn view_pane(&self) -> Option<ViewPane> {
        match self.pane {
            Pane::Backlog => Some(ViewPane::Backlog),
            Pane::Sprint => matches!(self.sprint.screen, SprintScreen::Board | SprintScreen::Card)
                .then_some(ViewPane::Sprint),
            Pane::Timeline => (self.timeline.sub == Sub::Gantt).then_some(ViewPane::Timeline),
            Pane::Stakeholders if self.people.screen == PeopleScreen::Notes => {
                Some(ViewPane::Notes)
            }
            Pane::Stakeholders => Some(ViewPane::Stakeholders),
        }
    }

    /// The filter text of a list, as typed.
    pub fn view_filter(&self, pane: ViewPane) -> &str {
        match pane {
            ViewPane::Backlog => &self.backlog.filter.text,
            ViewPane::Sprint => &self.sprint.filter.text,
            ViewPane::Timeline => &self.timeline.filter,
            ViewPane::Stakeholders => &self.people.filter,
            ViewPane::Notes => &self.people.notes.text,
        }
    }

    /// The saved view a list shows: the one it was set from, while its filter is unchanged.
    pub fn active_view(&self, pane: ViewPane) -> Option<&SavedView> {
        let name = self.views.applied.get(&pane)?;
        let at = find_view(&self.doc.board.views, pane, name)?;
        let view = &self.doc.board.views[at];
        (view.filter == self.view_filter(pane)).then_some(view)
    }

    /// Sets a list's filter (read against the board, so an unknown tag keeps its hint, as typed).
    fn put_filter(&mut self, pane: ViewPane, text: &str) {
        let text = text.to_string();
        match pane {
            ViewPane::Backlog => self.set_filter(text),
            ViewPane::Sprint => self.sprint.filter = Filter::parse(&text, &self.doc.board),
            ViewPane::Timeline => self.timeline.filter = text,
            ViewPane::Stakeholders => {
                self.people.filter = text;
                self.settle_people();
            }
            ViewPane::Notes => {
                self.people.notes = crate::app::people_notes::NoteFilter::parse(&text);
                self.settle_timeline();
            }
        }
    }

    /// Shows the list a view belongs to (on the screen that has its filter).
    fn show_list(&mut self, pane: ViewPane) {
        match pane {
            ViewPane::Backlog => self.show(Pane::Backlog),
            ViewPane::Sprint => {
                self.show(Pane::Sprint);
                if !matches!(self.sprint.screen, SprintScreen::Card) {
                    self.sprint.screen = SprintScreen::Board;
                }
            }
            ViewPane::Timeline => {
                self.show(Pane::Timeline);
                self.timeline.sub = Sub::Gantt;
            }
            ViewPane::Stakeholders => {
                self.show(Pane::Stakeholders);
                if self.people.screen == PeopleScreen::Notes {
                    self.people.screen = PeopleScreen::Register;
                }
            }
            ViewPane::Notes => {
                self.show(Pane::Stakeholders);
                self.people.screen = PeopleScreen::Notes;
            }
        }
    }

    /// The view commands, before the overlay or the pane: `None` leaves the action to them.
    pub(crate) fn views_first(&mut self, action: &Action) -> Option<Vec<Effect>> {
        match (action, &self.mode) {
            (Action::SaveView, Mode::Normal | Mode::Filter(_) | Mode::Palette(_)) => {
                self.mode = Mode::Normal;
                self.backlog.anchor = None;
                Some(self.open_save_view())
            }
            (Action::Views, Mode::Normal) => Some(self.open_views()),
            (Action::ApplyView { pane, name }, Mode::Normal) => {
                let (pane, name) = (*pane, name.clone());
                Some(self.apply_view(pane, &name))
            }
            (Action::DeleteView | Action::RenameView, Mode::Palette(_)) => {
                let Mode::Palette(palette) = std::mem::replace(&mut self.mode, Mode::Normal) else {
                    return None;
                };
                Some(self.view_in_palette(*palette, action))
            }
            _ => None,
        }
    }

    /// "Save this view": a form for the name of the list's filter.
    fn open_save_view(&mut self) -> Vec<Effect> {
        let Some(pane) = self.view_pane() else {
            self.info(format!(
                "No filter {}: nothing to save as a view",
                self.screen().describe()
            ));
            return Vec::new();
        };
        if self.view_filter(pane).trim().is_empty() {
            let filter = self.keymap.hint(&Action::Filter);
            self.info(format!(
                "The {} has no filter to save: type one first ({filter})",
                pane.name()
            ));
            return Vec::new();
        }
        if self.writable() {
            let name = self
                .active_view(pane)
                .map_or(String::new(), |v| v.name.clone());
            self.mode = Mode::Form(Box::new(Form::view_name(
                FormKind::SaveView(pane),
                format!(
                    "Save the {} view \"{}\"",
                    pane.name(),
                    self.view_filter(pane)
                ),
                &name,
            )));
        }
        Vec::new()
    }

    /// The views picker of the list on show: its saved views, Enter shows one.
    fn open_views(&mut self) -> Vec<Effect> {
        let Some(pane) = self.view_pane() else {
            self.info(format!(
                "No saved views {}: they belong to lists with a filter",
                self.screen().describe()
            ));
            return Vec::new();
        };
        if !self.doc.board.views.iter().any(|v| v.pane == pane) {
            let (filter, save) = (
                self.keymap.hint(&Action::Filter),
                self.keymap.hint(&Action::SaveView),
            );
            self.info(format!(
                "No saved views of the {} yet: filter it ({filter}), then save the filter ({save})",
                pane.name()
            ));
            return Vec::new();
        }
        self.mode = Mode::Palette(Box::new(Palette::views(
            &self.doc.board,
            &self.keymap,
            pane,
        )));
        Vec::new()
    }

    /// Shows the list of the view `name` with its filter.
    fn apply_view(&mut self, pane: ViewPane, name: &str) -> Vec<Effect> {
        let Some(at) = find_view(&self.doc.board.views, pane, name) else {
            self.error(format!(
                "No view \"{name}\" of the {} (deleted?)",
                pane.name()
            ));
            return Vec::new();
        };
        let view = self.doc.board.views[at].clone();
        self.show_list(pane);
        self.put_filter(pane, &view.filter);
        self.views.applied.insert(pane, view.name.clone());
        self.info(format!(
            "View \"{}\" of the {}: {}",
            view.name,
            pane.name(),
            view.filter
        ));
        Vec::new()
    }

    /// Delete or rename the view under the palette's cursor.
    fn view_in_palette(&mut self, mut palette: Palette, action: &Action) -> Vec<Effect> {
        use crate::app::palette::Entry;
        let Some(Entry::View { pane, name, .. }) = palette.chosen().cloned() else {
            self.info("Only a saved view can be renamed or deleted here");
            self.mode = Mode::Palette(Box::new(palette));
            return Vec::new();
        };
        let views = &self.doc.board.views;
        let Some(at) = find_view(views, pane, &name) else {
            self.mode = Mode::Palette(Box::new(palette));
            return Vec::new();
        };
        if *action == Action::RenameView {
            if self.writable() {
                self.mode = Mode::Form(Box::new(Form::view_name(
                    FormKind::RenameView(pane, at),
                    format!("Rename the {} view \"{name}\"", pane.name()),
                    &name,
                )));
            }
            return Vec::new();
        }
        let mut rest = views.clone();
        rest.remove(at);
        let effects = self.delete(Edit::SetViews(rest), format!("Delete the view \"{name}\""));
        palette.refresh(&self.doc.board, &self.keymap);
        if !palette.matches.is_empty() || palette.scope.is_none() {
            self.mode = Mode::Palette(Box::new(palette));
        }
        effects
    }

    /// Enter on a view's name form: a new name (refused empty or taken, beside the field), or one to
    /// save under (an existing name asks to replace that view).
    pub(crate) fn submit_view_form(&mut self, form: Form) -> Vec<Effect> {
        let views = &self.doc.board.views;
        let typed = form.value(FieldId::Name);
        let name = match parse_view_name(&typed) {
            Ok(n) => n,
            Err(e) => return self.view_form_error(form, e),
        };
        match form.kind {
            FormKind::RenameView(pane, at) => {
                let Some(old) = views.get(at).cloned() else {
                    return Vec::new();
                };
                if old.name == name {
                    self.info("No changes");
                    return Vec::new();
                }
                if find_view(views, pane, &name).is_some_and(|o| o != at) {
                    let e = format!("the {} already has a view \"{name}\"", pane.name());
                    return self.view_form_error(form, e);
                }
                let mut all = views.clone();
                all[at].name = name.clone();
                if self.views.applied.get(&pane) == Some(&old.name) {
                    self.views.applied.insert(pane, name.clone());
                }
                self.change(
                    Edit::SetViews(all),
                    format!("Rename the view \"{}\" to \"{name}\"", old.name),
                )
            }
            FormKind::SaveView(pane) => {
                let filter = self.view_filter(pane);
                if let Err(e) = value::check_length("the filter", filter, value::MAX_NAME) {
                    return self.view_form_error(form, format!("{e}: shorten it to save it"));
                }
                let view = SavedView {
                    name: name.clone(),
                    pane,
                    filter: self.view_filter(pane).to_string(),
                };
                let mut all = views.clone();
                let edit_label = match find_view(views, pane, &name) {
                    Some(at) if all[at].filter == view.filter && all[at].name == name => {
                        self.views.applied.insert(pane, name.clone());
                        self.info(format!("The view \"{name}\" is saved already"));
                        return Vec::new();
                    }
                    Some(at) => {
                        let old = std::mem::replace(&mut all[at], view);
                        Some((old, format!("Replace the view \"{name}\"")))
                    }
                    None => {
                        all.push(view);
                        None
                    }
                };
                self.views.applied.insert(pane, name.clone());
                match edit_label {
                    Some((old, label)) => {
                        self.mode = Mode::ConfirmChange {
                            question: format!(
                                "The {} already has a view \"{}\" (filter \"{}\"). Replace it with \"{}\"?",
                                pane.name(),
                                old.name,
                                old.filter,
                                self.view_filter(pane)
                            ),
                            edit: Box::new(Edit::SetViews(all)),
                            label,
                            kept: format!("Kept: the view \"{}\" is unchanged", old.name),
                        };
                        Vec::new()
                    }
                    None => self.change(
                        Edit::SetViews(all),
                        format!("Save the {} view \"{name}\"", pane.name()),
                    ),
                }
            }
            _ => Vec::new(),
        }
    }

    fn view_form_error(&mut self, mut form: Form, error: String) -> Vec<Effect> {
        form.set_error(FieldId::Name, error);
        self.mode = Mode::Form(Box::new(form));
        Vec::new()
    }

    /// What the state file keeps now: each list's filter (and the view it came from), show-done.
    pub fn view_state(&self) -> ViewState {
        let pane = match self.pane {
            Pane::Backlog => Shown::Backlog,
            Pane::Sprint => Shown::Sprint,
            Pane::Timeline => Shown::Timeline,
            Pane::Stakeholders => Shown::Stakeholders,
        };
        let mut state = ViewState {
            show_done: self.backlog.show_done,
            place: Place {
                pane,
                item: self.backlog.selected,
                row: self.selected_row().unwrap_or(self.backlog.row),
                card: self.sprint.card,
                column: self.sprint.column,
            },
            ..ViewState::default()
        };
        for pane in ViewPane::ALL {
            let filter = self.view_filter(pane);
            if !filter.trim().is_empty() {
                let view = self.active_view(pane).map(|v| v.name.clone());
                state.panes.insert(
                    pane,
                    PaneView {
                        filter: filter.to_string(),
                        view,
                    },
                );
            }
        }
        state
    }

    /// Puts back the lists' filters, show-done, the pane and the selections from the state file
    /// (after the board is loaded); from now on a changed view asks the runner to write the file
    /// (`Effect::ViewState`).
    pub fn restore_views(&mut self, state: Option<ViewState>) {
        let state = state.unwrap_or_default();
        self.backlog.show_done = state.show_done;
        self.restore_place(&state.place);
        for (pane, view) in &state.panes {
            self.put_filter(*pane, &view.filter);
            if let Some(name) = &view.view {
                self.views.applied.insert(*pane, name.clone());
            }
        }
        self.refresh_visible();
        self.views.kept = Some(self.view_state());
    }

    /// The pane and the selections of the state file: the backlog's item while it is on the board
    /// (else `refresh_visible` selects the row it was on), the card in the column it is in now
    /// (else the column it was in, whose first card is selected).
    fn restore_place(&mut self, place: &Place) {
        self.pane = match place.pane {
            Shown::Backlog => Pane::Backlog,
            Shown::Sprint => Pane::Sprint,
            Shown::Timeline => Pane::Timeline,
            Shown::Stakeholders => Pane::Stakeholders,
        };
        self.backlog.row = place.row;
        self.backlog.selected = place.item.filter(|id| self.item(*id).is_some());
        let board = &self.doc.board;
        self.sprint.column = place.column.min(board.columns.len().saturating_sub(1));
        self.sprint.card = None;
        let sprint = board.active_sprint().map(|s| s.id);
        let card = place
            .card
            .and_then(|id| self.item(id))
            .filter(|it| sprint.is_some() && it.sprint == sprint);
        if let Some((id, column)) =
            card.and_then(|it| Some((it.id, board.column_index(&it.status)?)))
        {
            self.sprint.column = column;
            self.sprint.card = Some(id);
        }
    }

    /// After an action: when the view state changed (and is not being typed), ask for it to be kept.
    /// A selection that moved alone waits for the quit (no write per key); a filter or pane does not.
    pub(crate) fn keep_views(&mut self, effects: &mut Vec<Effect>) {
        if self.views.kept.is_none() || matches!(self.mode, Mode::Filter(_)) {
            return;
        }
        let now = self.view_state();
        let moved_only = |kept: &ViewState| {
            kept.panes == now.panes
                && kept.show_done == now.show_done
                && kept.place.pane == now.place.pane
        };
        let quitting = effects.contains(&Effect::Quit);
        let same = match self.views.kept.as_ref() {
            Some(kept) if quitting => *kept == now,
            Some(kept) => moved_only(kept),
            None => true,
        };
        if !same {
            self.views.kept = Some(now.clone());
            effects.insert(0, Effect::ViewState(now));
        }
    }
}

impl Form {
    /// A view's name: saving a filter under it, or renaming a view.
    pub fn view_name(kind: FormKind, title: String, name: &str) -> Form {
        let hint = match kind {
            FormKind::SaveView(_) => "e.g. Ana's bugs (a name already saved asks to replace it)",
            _ => "the view's new name",
        };
        Form {
            kind,
            title,
            fields: vec![Field::new(FieldId::Name, hint, name)],
            focus: 0,
        }
    }
}
