//! The stakeholders pane's actions: the register, the power/interest grid, a stakeholder's details,
//! the note timeline and the report. Notes live in `people_notes.rs`, the forms in `people_form.rs`.
//!
//! The selection is kept by id; the order on screen (sort, filter, quadrant) is worked out from the
//! board each time it is needed, so an undo or a reload never leaves it pointing at a stale row.

mod form;
mod grid;
mod newest;
mod order;

use grid::by_grid;
pub use grid::quadrant_members;
pub mod notes;

use crate::app::people_notes::NoteFilter;
use crate::app::{Action, App, Effect, Form, Mode};
use crate::model::stakeholder::{self as rules, PeopleError};
use crate::model::{NoteId, Quadrant, Stakeholder, StakeholderId};
use jiff::civil::Date;
use ratatui_textarea::TextArea;

pub use form::PeopleForm;

/// What the pane shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The register: one stakeholder a row.
    #[default]
    Register,
    /// The power/interest grid.
    Grid,
    /// Every note across stakeholders, newest first.
    Notes,
}

/// The order of the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Due first (most overdue first), then by the next update.
    #[default]
    Due,
    Name,
    /// Manage closely, keep satisfied, keep informed, monitor; the most powerful first in each.
    Quadrant,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Due => "due first",
            Sort::Name => "by name",
            Sort::Quadrant => "by quadrant",
        }
    }

    fn next(self) -> Sort {
        match self {
            Sort::Due => Sort::Name,
            Sort::Name => Sort::Quadrant,
            Sort::Quadrant => Sort::Due,
        }
    }
}

/// The stakeholders pane's view.
#[derive(Debug, Default)]
pub struct PeopleView {
    /// The register's order and the quadrants, kept between keys (`App::people_rows`).
    pub order: order::PeopleOrder,
    /// Every note, newest first, as of a revision (`App::timeline_notes` reads it).
    pub newest: newest::NotesOrder,
    pub screen: Screen,
    pub sort: Sort,
    pub selected: Option<StakeholderId>,
    /// The register row the selection was last seen on: where it lands when its stakeholder goes.
    pub row: usize,
    /// The selected stakeholder's details are open (over the register, the grid or the timeline).
    pub details: bool,
    /// The selected note: in the details (`None` there selects the stakeholder) and in the timeline.
    pub note: Option<NoteId>,
    /// The register's filter (words in the name, role, organisation or quadrant).
    pub filter: String,
    /// The note timeline's filter (`kind:decision since:30d words`).
    pub notes: NoteFilter,
}

/// True when a stakeholder matches every word of the register's filter.
pub fn matches_filter(s: &Stakeholder, filter: &str) -> bool {
    if filter.trim().is_empty() {
        return true; // no words: nothing to build a haystack for
    }
    let hay = [
        s.name.as_str(),
        &s.role,
        &s.organisation,
        s.quadrant().name(),
        &s.contact,
        &s.cares_about,
    ]
    .join("\n")
    .to_lowercase();
    filter
        .split_whitespace()
        .all(|w| hay.contains(&w.to_lowercase()))
}

/// Stakeholders through the filter, in the register's order.
pub fn register_order<'a>(
    all: &'a [Stakeholder],
    sort: Sort,
    filter: &str,
    today: Date,
) -> Vec<&'a Stakeholder> {
    let mut rows = Vec::new();
    register_order_by(&mut rows, all, sort, filter, today);
    rows.into_iter().map(|p| &all[p as usize]).collect()
}

/// [`register_order`] as positions in `all`, into `out` (cleared first; its buffer is reused).
/// Every order ends with the id, so the unstable sort gives the same order without a buffer.
pub(crate) fn register_order_by(
    out: &mut Vec<u32>,
    all: &[Stakeholder],
    sort: Sort,
    filter: &str,
    today: Date,
) {
    out.clear();
    out.extend(
        all.iter()
            .enumerate()
            .filter(|(_, s)| matches_filter(s, filter))
            .map(|(p, _)| p as u32),
    );
    let at = |p: &u32| &all[*p as usize];
    match sort {
        Sort::Due => out.sort_unstable_by(|a, b| {
            let (a, b) = (at(a), at(b));
            let overdue = |s: &Stakeholder| s.days_overdue(today).map_or(i32::MIN, |d| d);
            overdue(b)
                .cmp(&overdue(a))
                .then(a.next_update(today).cmp(&b.next_update(today)))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        }),
        // Each name lowered once, not at every comparison.
        Sort::Name => out.sort_by_cached_key(|p| (at(p).name.to_lowercase(), at(p).id)),
        Sort::Quadrant => out.sort_unstable_by(|a, b| {
            let (a, b) = (at(a), at(b));
            a.quadrant().cmp(&b.quadrant()).then(by_grid(a, b))
        }),
    }
}

/// The grid's quadrants as laid out on screen: top row high power, right column high interest.
pub const GRID: [[Quadrant; 2]; 2] = [
    [Quadrant::KeepSatisfied, Quadrant::ManageClosely],
    [Quadrant::Monitor, Quadrant::KeepInformed],
];

impl App {
    /// The selected stakeholder; before anything was selected (or after they went), the one on the
    /// selection's row of the register.
    pub fn selected_person(&self) -> Option<&Stakeholder> {
        self.people
            .selected
            .and_then(|id| self.doc.board.stakeholder(id))
            .or_else(|| {
                let order = self.people_rows();
                let row = self.people.row.min(order.len().saturating_sub(1));
                order.get(row).map(|&p| self.person_at(p))
            })
    }

    /// The register as shown now.
    pub fn people_order(&self) -> Vec<&Stakeholder> {
        self.people_rows()
            .iter()
            .map(|&p| self.person_at(p))
            .collect()
    }

    /// Keeps the selection on a stakeholder that is shown: the same one, else the one now on its
    /// row, else the first. Called after every change and filter.
    pub(crate) fn settle_people(&mut self) {
        self.refresh_people_order();
        let order = self.people_rows();
        let all = &self.doc.board.stakeholders;
        let found = self
            .people
            .selected
            .and_then(|id| order.iter().position(|&p| all[p as usize].id == id));
        let row = self.people.row.min(order.len().saturating_sub(1));
        let first = order.get(row).map(|&p| all[p as usize].id);
        drop(order);
        match found {
            Some(row) => self.people.row = row,
            None => self.people.selected = first,
        }
        if self.selected_person().is_none() {
            self.people.details = false;
        }
        if let Some(n) = self.people.note
            && self.doc.board.note(n).is_none()
        {
            self.people.note = None;
        }
    }

    pub(crate) fn stakeholders_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        self.settle_people();
        match action {
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) => {
                self.move_in_people(&action)
            }
            GridLeft | GridRight if self.people.screen == Screen::Grid && !self.people.details => {
                self.move_across_grid(action == GridRight)
            }
            GridLeft | GridRight => {
                let k = |a: Action| self.keymap.hint(&a);
                self.info(format!(
                    "{} and {} move across quadrants in the grid ({})",
                    k(GridLeft),
                    k(GridRight),
                    k(GridView)
                ))
            }
            Details => self.open_details(),
            Filter => {
                let text = if self.people.screen == Screen::Notes {
                    self.people.notes.text.clone()
                } else {
                    self.people.details = false;
                    self.people.filter.clone()
                };
                let mut input = TextArea::new(vec![text]);
                input.move_cursor(ratatui_textarea::CursorMove::End);
                self.mode = Mode::Filter(Box::new(input));
            }
            Cancel => self.back_out(),
            GridView => {
                self.people.details = false;
                self.people.screen = if self.people.screen == Screen::Grid {
                    Screen::Register
                } else {
                    Screen::Grid
                };
            }
            NoteTimeline => {
                self.people.details = false;
                if self.people.screen == Screen::Notes {
                    self.people.screen = Screen::Register;
                } else {
                    self.people.screen = Screen::Notes;
                    self.settle_timeline();
                }
            }
            SortStakeholders => {
                self.people.sort = self.people.sort.next();
                self.settle_people();
                self.info(format!("Register sorted {}", self.people.sort.name()));
            }
            AddStakeholder => {
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::stakeholder(None, self.run.today)));
                }
            }
            EditStakeholder => return self.edit_focused(),
            DeleteStakeholder => return self.delete_focused(),
            MorePower | LessPower | MoreInterest | LessInterest => {
                let (power, interest) = match action {
                    MorePower => (1, 0),
                    LessPower => (-1, 0),
                    MoreInterest => (0, 1),
                    _ => (0, -1),
                };
                return self.shift_on_grid(power, interest);
            }
            AddNote | NoteInEditor | LinkNote | NoteEdited { .. } => {
                return self.note_action(action);
            }
            WriteReport => return vec![Effect::WriteReport { edit: false }],
            WriteReportAndEdit => return vec![Effect::WriteReport { edit: true }],
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// Esc: closes the details, then clears the filter, then leaves the grid or the timeline.
    fn back_out(&mut self) {
        if self.people.details {
            self.people.details = false;
            if self.people.screen != Screen::Notes {
                self.people.note = None;
            }
        } else if self.people.screen == Screen::Notes && !self.people.notes.text.is_empty() {
            self.people.notes = NoteFilter::default();
            self.info("Note filter cleared");
        } else if self.people.screen != Screen::Notes && !self.people.filter.is_empty() {
            self.people.filter.clear();
            self.settle_people();
            self.info("Filter cleared");
        } else if self.people.screen != Screen::Register {
            self.people.screen = Screen::Register;
        } else {
            self.run.status = None;
        }
    }

    fn open_details(&mut self) {
        if self.people.details {
            self.people.details = false;
            return;
        }
        if self.people.screen == Screen::Notes {
            // Enter on a note opens its stakeholder with the note selected.
            let Some((who, note)) = self
                .people
                .note
                .and_then(|n| self.doc.board.note(n))
                .map(|(s, n)| (s.id, n.id))
            else {
                self.info("No note selected");
                return;
            };
            self.people.selected = Some(who);
            self.people.note = Some(note);
            self.people.details = true;
            return;
        }
        if self.selected_person().is_none() {
            self.info(format!(
                "No stakeholder selected: {} adds one",
                self.keymap.hint(&Action::AddStakeholder)
            ));
            return;
        }
        self.people.note = None;
        self.people.details = true;
    }

    fn move_in_people(&mut self, action: &Action) {
        let page = self.viewport.page;
        let by = |row: i64, len: usize| -> usize {
            crate::app::cursor::motion(action, row.max(0) as usize, len, page).unwrap_or(0)
        };
        if self.people.details {
            // The stakeholder itself (row 0), then their notes newest first.
            let Some(s) = self.selected_person() else {
                return;
            };
            let mut notes: Vec<NoteId> = s.notes.iter().map(|n| n.id).collect();
            notes.reverse();
            let rows: Vec<Option<NoteId>> = std::iter::once(None)
                .chain(notes.into_iter().map(Some))
                .collect();
            let row = rows
                .iter()
                .position(|r| *r == self.people.note)
                .unwrap_or(0);
            self.people.note = rows[by(row as i64, rows.len())];
            return;
        }
        match self.people.screen {
            Screen::Register => {
                let order = self.people_rows();
                if order.is_empty() {
                    return;
                }
                let row = by(self.people.row as i64, order.len());
                let id = self.person_at(order[row]).id;
                drop(order);
                self.people.selected = Some(id);
                self.people.row = row;
            }
            Screen::Grid => self.move_in_grid(action),
            Screen::Notes => {
                // Walked, not listed: a 20,000-note timeline costs no list of them per key.
                let len = self.timeline_notes_iter().count();
                if len == 0 {
                    return;
                }
                let row = self
                    .people
                    .note
                    .and_then(|id| self.timeline_notes_iter().position(|(_, n)| n.id == id))
                    .unwrap_or(0);
                let to = by(row as i64, len);
                let note = self.timeline_notes_iter().nth(to).map(|(_, n)| n.id);
                self.people.note = note;
            }
        }
    }

    /// `e`: the selected note when the notes have the focus, else the stakeholder.
    fn edit_focused(&mut self) -> Vec<Effect> {
        if !self.writable() {
            return Vec::new();
        }
        if let Some((who, note)) = self.focused_note() {
            let Some((s, n)) = self.doc.board.note(note) else {
                return Vec::new();
            };
            let form = Form::note(s, Some(n), self.run.today);
            debug_assert_eq!(s.id, who);
            self.mode = Mode::Form(Box::new(form));
            return Vec::new();
        }
        match self.selected_person() {
            Some(s) => {
                let form = Form::stakeholder(Some(s), self.run.today);
                self.mode = Mode::Form(Box::new(form));
            }
            None => self.info("No stakeholder selected: a adds one"),
        }
        Vec::new()
    }

    /// `d`: the selected note when the notes have the focus, else the stakeholder; undo brings it back.
    fn delete_focused(&mut self) -> Vec<Effect> {
        if let Some((who, note)) = self.focused_note() {
            let name = self
                .doc
                .board
                .stakeholder(who)
                .map_or(String::new(), |s| s.name.clone());
            let kind = self.doc.board.note(note).map_or("", |(_, n)| n.kind.name());
            // In the timeline the selection moves on to the next note; in the details, back up.
            let shown = self.shown_notes();
            let next = shown
                .iter()
                .position(|n| *n == note)
                .and_then(|at| {
                    shown
                        .get(at + 1)
                        .or(at.checked_sub(1).and_then(|p| shown.get(p)))
                })
                .copied();
            return match rules::delete_note(&self.doc.board, who, note) {
                Ok(edit) => {
                    let label = format!("Delete a {kind} note of {name}");
                    let effects = self.delete(edit, label);
                    self.people.note = if self.people.details { None } else { next };
                    effects
                }
                Err(e) => self.refused(e),
            };
        }
        let Some(s) = self.selected_person() else {
            self.info("No stakeholder selected");
            return Vec::new();
        };
        let (id, name, notes) = (s.id, s.name.clone(), s.notes.len());
        match rules::delete_stakeholder(&self.doc.board, id) {
            Ok(edit) => {
                let with = match notes {
                    0 => String::new(),
                    1 => " and their note".to_string(),
                    n => format!(" and their {n} notes"),
                };
                let label = format!("Delete {name}{with}");
                // Their notes go with them: ask first, and say what goes.
                let what = (notes > 0).then(|| format!("{name}{with}"));
                let edit = match self.ask_to_delete(what, edit, &label, None) {
                    Ok(()) => return Vec::new(),
                    Err(edit) => edit,
                };
                let effects = self.delete(edit, label);
                self.people.details = false;
                self.settle_people();
                effects
            }
            Err(e) => self.refused(e),
        }
    }

    /// Says why a change was refused, in the status bar.
    pub(crate) fn refused(&mut self, e: PeopleError) -> Vec<Effect> {
        self.error(e.to_string());
        Vec::new()
    }
}
