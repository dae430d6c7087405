//! The team screen of the sprint pane: the roster with each person's capacity in the sprint being
//! planned (or the active one) and their days off there. Add, edit (a new name renames the person
//! on every record), remove, set days off, and let that sprint's capacity come from the team.

use crate::app::form::FieldId;
use crate::app::{Action, App, Effect, Form, FormKind, Mode, SprintScreen};
use crate::model::team::{Capacity, Person};
use crate::model::{Board, SprintId, rules, words};

/// Where the team screen stands: the selected row, and the screen to go back to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TeamView {
    pub row: usize,
    /// Opened from the planning view: Esc goes back there.
    pub from_planning: bool,
}

/// The sprint the team screen's days off and capacity are about: the next planned one, else the
/// active one.
pub fn team_sprint(board: &Board) -> Option<SprintId> {
    rules::next_planned(board).or(board.active_sprint().map(|s| s.id))
}

impl App {
    /// The team screen's view, while it is open.
    pub fn team_view(&self) -> Option<TeamView> {
        match self.sprint.screen {
            SprintScreen::Team(v) => Some(v),
            _ => None,
        }
    }

    /// Opens the team screen (from the sprint board, the planning view or the palette).
    pub(crate) fn open_team(&mut self) {
        let from_planning = self.sprint.planning();
        self.sprint.screen = SprintScreen::Team(TeamView {
            row: 0,
            from_planning,
        });
    }

    /// The selected row, kept inside the roster.
    pub fn team_row(&self) -> Option<usize> {
        let n = self.doc.board.team.len();
        self.team_view().filter(|_| n > 0).map(|v| v.row.min(n - 1))
    }

    pub(crate) fn team_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let Some(view) = self.team_view() else {
            return Vec::new();
        };
        let n = self.doc.board.team.len();
        let row = self.team_row();
        if let Some(to) =
            crate::app::cursor::motion(&action, row.unwrap_or(0), n, self.viewport.page)
        {
            self.sprint.screen = SprintScreen::Team(TeamView { row: to, ..view });
            return Vec::new();
        }
        let sprint = team_sprint(&self.doc.board);
        match action {
            Team | Cancel => {
                self.sprint.screen = if view.from_planning {
                    SprintScreen::Planning
                } else {
                    SprintScreen::Board
                }
            }
            AddPerson => {
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::person(&self.doc.board, None)));
                }
            }
            Details | EditPerson => match row {
                Some(i) if self.writable() => {
                    self.mode = Mode::Form(Box::new(Form::person(&self.doc.board, Some(i))))
                }
                Some(_) => {}
                None => self.nobody_yet(),
            },
            DaysOff => match (row, sprint) {
                (Some(i), Some(s)) if self.writable() => {
                    self.mode = Mode::Form(Box::new(Form::days_off(&self.doc.board, i, s)))
                }
                (None, _) => self.nobody_yet(),
                (_, None) => self.info(format!(
                    "No sprint to take days off in: {} plans one",
                    self.keymap.hint(&NewSprint)
                )),
                _ => {}
            },
            RemovePerson => match row {
                Some(i) => {
                    let name = self.doc.board.team[i].name.clone();
                    match rules::remove_person(&self.doc.board, i) {
                        Ok(edit) => {
                            let label = format!("Take {name} off the team (their items keep them)");
                            return self.delete(edit, label);
                        }
                        Err(e) => self.error(e),
                    }
                }
                None => self.nobody_yet(),
            },
            TeamCapacity => return self.toggle_team_capacity(sprint),
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// "My items": the backlog filtered to the user `me:` names in config.ron.
    pub(crate) fn my_items(&mut self) -> Vec<Effect> {
        let Some(me) = self.me.clone() else {
            self.info(
                "Who are you? Set me: \"Your name\" in config.ron, then my items shows yours",
            );
            return Vec::new();
        };
        let me = crate::model::team::find(&self.doc.board.team, &me).map_or(me, |p| p.name.clone());
        self.show(crate::app::Pane::Backlog);
        self.set_filter("@me".into());
        let n = self.backlog.visible.len();
        self.info(format!(
            "My items: {} assigned to {me} ({} clears the filter)",
            words::count(n, "item"),
            self.keymap.hint(&Action::Cancel)
        ));
        Vec::new()
    }

    fn nobody_yet(&mut self) {
        self.info(format!(
            "Nobody on the team yet: {} adds a person",
            self.keymap.hint(&Action::AddPerson)
        ));
    }

    /// Lets `sprint`'s capacity come from the team, or keeps the figure it has now as its own.
    fn toggle_team_capacity(&mut self, sprint: Option<SprintId>) -> Vec<Effect> {
        let board = &self.doc.board;
        let Some(s) = sprint.and_then(|id| board.sprint(id)) else {
            self.info(format!(
                "No sprint to give a capacity: {} plans one",
                self.keymap.hint(&Action::NewSprint)
            ));
            return Vec::new();
        };
        let on = !board.team_sprints.contains(&s.id);
        let points = if on {
            crate::model::team_capacity(&board.team, s)
        } else {
            s.capacity
        };
        let label = if on {
            format!(
                "{}'s capacity comes from the team: {}",
                s.name,
                words::count(points, "point")
            )
        } else {
            format!(
                "{} keeps its own capacity: {}",
                s.name,
                words::count(points, "point")
            )
        };
        match rules::use_team_capacity(board, s.id, on) {
            Ok(edit) => self.change(edit, label),
            Err(e) => {
                self.error(e);
                Vec::new()
            }
        }
    }

    /// Enter on a form. An item's assignee who is not on the team is asked about first ("Add Bo
    /// to the team?" beside the field); Enter again saves the item and adds them to the team in the
    /// same undoable step (capacity 0 until it is set on the team screen).
    pub(crate) fn submit_asking_team(&mut self, mut form: Form) -> Vec<Effect> {
        let about_items = matches!(
            form.kind,
            FormKind::AddItem | FormKind::EditItem(_) | FormKind::Assign(_)
        );
        let at = form.fields.iter().position(|f| f.id == FieldId::Assignee);
        let new = at
            .filter(|_| about_items)
            .and_then(|i| form.fields[i].new_to_team().map(|n| (i, n)));
        let Some((at, name)) = new else {
            return self.submit(form);
        };
        let person = Person::new(&name, Capacity::Points(0));
        if let Err(e) = crate::model::team::check_person(&person)
            .and_then(|()| rules::add_person(&self.doc.board, person.clone()).map(|_| ()))
        {
            form.fields[at].error = Some(e);
            form.focus = at;
            self.mode = Mode::Form(Box::new(form));
            return Vec::new();
        }
        let field = &mut form.fields[at];
        if field.asked.as_deref() != Some(name.as_str()) {
            field.asked = Some(name.clone());
            field.error = Some(format!(
                "Add {name} to the team? {} adds them · another name picks someone else",
                self.keymap
                    .key_in(crate::app::Context::Form, &Action::Confirm)
                    .unwrap_or_default()
            ));
            form.focus = at;
            self.mode = Mode::Form(Box::new(form));
            return Vec::new();
        }
        let before = self.doc.revision;
        let effects = self.submit(form);
        if self.doc.revision == before || !matches!(self.mode, Mode::Normal) {
            return effects;
        }
        if let Ok(edit) = rules::add_person(&self.doc.board, person)
            && let done = crate::app::changes::ops(&edit)
            && self
                .doc
                .history
                .fold_into_last(&mut self.doc.board, edit)
                .is_ok()
        {
            self.doc.revision += 1;
            self.doc.changes.record(self.doc.revision, done);
            self.info(format!(
                "{name} joined the team with capacity 0: {} then Enter sets it",
                self.keymap.hint(&Action::Team)
            ));
        }
        effects
    }

    /// Saves the person and days-off forms.
    pub(crate) fn submit_team_form(&mut self, mut form: Form) -> Vec<Effect> {
        match form.kind {
            FormKind::Person(index) => {
                let Some(person) = form.person_value(&self.doc.board, index) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                let board = &self.doc.board;
                let result = match index {
                    None => rules::add_person(board, person.clone()).map(|e| (e, 0)),
                    Some(i) if board.team.get(i) == Some(&person) => {
                        self.info("No changes");
                        return Vec::new();
                    }
                    Some(i) => rules::update_person(board, i, person.clone()),
                };
                match result {
                    Ok((edit, renamed)) => {
                        let old = index
                            .and_then(|i| board.team.get(i))
                            .map(|p| p.name.clone());
                        let label = match &old {
                            None => format!("Add {} to the team", person.name),
                            Some(o) if *o != person.name => format!(
                                "Rename {o} to {} ({} changed)",
                                person.name,
                                words::count(renamed, "record")
                            ),
                            Some(_) => format!("Edit {}", person.name),
                        };
                        let effects = self.change(edit, label);
                        if index.is_none()
                            && let SprintScreen::Team(v) = &mut self.sprint.screen
                        {
                            v.row = self.doc.board.team.len().saturating_sub(1);
                        }
                        effects
                    }
                    Err(e) => {
                        form.set_error(FieldId::Name, e);
                        self.mode = Mode::Form(Box::new(form));
                        Vec::new()
                    }
                }
            }
            FormKind::DaysOff(index, sprint) => {
                let typed = form.value(FieldId::DaysOff);
                let days = match typed.parse::<i64>() {
                    Ok(d) if d < 0 => Err(format!("{d} is negative: 0 means no days off")),
                    Ok(d) => u32::try_from(d).map_err(|_| format!("{d} is far too many days")),
                    Err(_) => Err(format!("\"{typed}\" is not a number of days")),
                };
                let board = &self.doc.board;
                let edit =
                    days.and_then(|d| rules::set_days_off(board, index, sprint, d).map(|e| (e, d)));
                match edit {
                    Ok((edit, d)) => {
                        let who = board.team[index].name.clone();
                        let s = board
                            .sprint(sprint)
                            .map_or(String::new(), |s| s.name.clone());
                        let label = match d {
                            0 => format!("{who}: no days off in {s}"),
                            d => format!("{who}: {} off in {s}", words::count(d, "day")),
                        };
                        self.change(edit, label)
                    }
                    Err(e) => {
                        form.set_error(FieldId::DaysOff, e);
                        self.mode = Mode::Form(Box::new(form));
                        Vec::new()
                    }
                }
            }
            _ => Vec::new(),
        }
    }
}
