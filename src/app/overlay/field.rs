//! One field of a form and how keys edit it. A prefilled value starts selected, as a browser's
//! selected text: the first typed character replaces it, arrows and Home/End keep it. `Ctrl-U`
//! clears to the start (in every text field: forms, filter, palette, picker). A closed set (kind,
//! MoSCoW, status, WIP policy, …) is chosen from its values: Left/Right or Space cycle, typing the
//! first letters picks. A person field completes with Tab from the team first (names and handles),
//! then the other people on the board: a prefix, then the start of a word, then the letters in order.

use super::form::FieldId;
use crate::model::Board;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};
use std::borrow::Cow;

/// The choice that stands for "no value" in a closed set (MoSCoW: none).
pub const NONE: &str = "none";

/// The 1–5 scales (probability, impact, power, interest) as choices.
pub const SCALE: [&str; 5] = ["1", "2", "3", "4", "5"];

/// One labelled field: free text, one of a closed set, or a person.
pub struct Field {
    pub id: FieldId,
    pub hint: Cow<'static, str>,
    pub input: TextArea<'static>,
    pub error: Option<String>,
    /// The value the form opened with: an untouched field keeps the item's value as it was.
    pub(crate) initial: String,
    /// The prefilled value is selected: the first typed character replaces it.
    pub selected: bool,
    /// A closed set: the value is one of these (empty for a text field).
    pub choices: Vec<String>,
    /// The chosen one of `choices`.
    pub choice: usize,
    /// What was typed on a closed set so far, to pick by the first letters.
    typed: String,
    /// A person field: the people to complete from (`None` for any other field), the team first.
    pub people: Option<Vec<String>>,
    /// A person field: the team's handles, lowercased, with the name each stands for.
    pub handles: Vec<(String, String)>,
    /// A person field: the names on the team (a name not among them is asked about).
    pub roster: Vec<String>,
    /// The new name the user was asked to add to the team ("Add Bo to the team?").
    pub asked: Option<String>,
    /// `people` are other choices matched fuzzily (the parent epic), not names of people.
    pub(crate) fuzzy: bool,
}

/// Types `key` into a one-line text field, with `Ctrl-U` clearing to the start (the text area
/// itself would undo).
pub fn type_into(input: &mut TextArea<'static>, key: KeyEvent) {
    if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
        input.delete_line_by_head();
    } else {
        input.input(key);
    }
}

/// The people on the board, once each, by name: the team first (in its order), then whom items are
/// assigned to and who owns a timeline entry or a risk (stakeholders are outside the team and not
/// offered).
pub fn people(board: &Board) -> Vec<String> {
    let mut all: Vec<String> = board
        .team
        .iter()
        .map(|p| p.name.trim().to_string())
        .collect();
    for p in others(board) {
        if !all.iter().any(|a| a.eq_ignore_ascii_case(&p)) {
            all.push(p);
        }
    }
    all
}

/// Everyone on the board who is named on a record, sorted by name.
fn others(board: &Board) -> Vec<String> {
    let assignees = board.items.iter().map(|i| i.assignee.as_str());
    let owners = board.timeline.iter().map(|e| e.owner.as_str());
    let risk_owners = board.risks.iter().map(|r| r.owner.as_str());
    let mut people: Vec<String> = assignees
        .chain(owners)
        .chain(risk_owners)
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect();
    people.sort_by_key(|p| p.to_lowercase());
    people.dedup();
    people
}

impl Field {
    pub(crate) fn new(id: FieldId, hint: impl Into<Cow<'static, str>>, value: &str) -> Field {
        let mut input = TextArea::new(vec![value.to_string()]);
        input.move_cursor(CursorMove::End);
        Field {
            id,
            hint: hint.into(),
            input,
            error: None,
            initial: value.to_string(),
            selected: !value.trim().is_empty(),
            choices: Vec::new(),
            choice: 0,
            typed: String::new(),
            people: None,
            handles: Vec::new(),
            roster: Vec::new(),
            asked: None,
            fuzzy: false,
        }
    }

    /// A field whose value is one of `choices`, starting at `value` (the first choice when it is
    /// not one of them).
    pub(crate) fn choice<S: AsRef<str>>(
        id: FieldId,
        hint: impl Into<Cow<'static, str>>,
        choices: &[S],
        value: &str,
    ) -> Field {
        let choices: Vec<String> = choices.iter().map(|c| c.as_ref().to_string()).collect();
        let wanted = if value.is_empty() { NONE } else { value };
        let choice = choices
            .iter()
            .position(|c| c.eq_ignore_ascii_case(wanted))
            .unwrap_or(0);
        Field {
            choices,
            choice,
            selected: false,
            ..Field::new(id, hint, value)
        }
    }

    /// A person: Tab completes from the board's people (`people`, the team first, and the team's
    /// handles), and a name not among them is marked as new.
    pub(crate) fn person(
        id: FieldId,
        hint: impl Into<Cow<'static, str>>,
        value: &str,
        board: &Board,
    ) -> Field {
        Field::new(id, hint, value).completing_from(board)
    }

    /// A field completing fuzzily from `choices` that are not people (the parent epic).
    pub(crate) fn fuzzy(
        id: FieldId,
        hint: impl Into<Cow<'static, str>>,
        value: &str,
        choices: Vec<String>,
    ) -> Field {
        Field {
            people: Some(choices),
            fuzzy: true,
            ..Field::new(id, hint, value)
        }
    }

    /// This field completing people from `board` (see `person`).
    pub(crate) fn completing_from(mut self, board: &Board) -> Field {
        self.people = Some(people(board));
        self.handles = board
            .team
            .iter()
            .filter(|p| !p.handle.is_empty())
            .map(|p| (p.handle.to_lowercase(), p.name.trim().to_string()))
            .collect();
        self.roster = board
            .team
            .iter()
            .map(|p| p.name.trim().to_string())
            .collect();
        self
    }

    /// A person field changed to a name that is not on the team (a handle counts as its
    /// person). A board without a team is never asked about: the roster is kept by choice.
    pub fn new_to_team(&self) -> Option<String> {
        if self.fuzzy {
            return None;
        }
        self.people.as_ref()?;
        let v = self.value();
        let changed = !v.eq_ignore_ascii_case(self.initial.trim());
        (changed
            && !v.is_empty()
            && !self.roster.is_empty()
            && !self.roster.iter().any(|r| r.eq_ignore_ascii_case(&v)))
        .then_some(v)
    }

    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }

    /// The value as the form reads it: the trimmed text, or the chosen value (`none` reads empty).
    pub fn value(&self) -> String {
        match self.choices.get(self.choice) {
            Some(c) if c == NONE => String::new(),
            Some(c) => c.clone(),
            None => {
                let typed = self.input.lines().join(" ").trim().to_string();
                // A person's handle, typed whole, stands for their name.
                let lower = typed.to_lowercase();
                match self.handles.iter().find(|(h, _)| *h == lower) {
                    Some((_, name)) => name.clone(),
                    None => typed,
                }
            }
        }
    }

    /// The text as typed (untrimmed) and the cursor's place in it, in characters.
    pub fn text_and_cursor(&self) -> (String, usize) {
        let text = self.input.lines().join(" ");
        let (_, col) = self.input.cursor();
        (text, col)
    }

    /// Sets the text of a text field, the cursor at its end, nothing selected.
    fn set_text(&mut self, text: &str) {
        self.input.move_cursor(CursorMove::End);
        self.input.delete_line_by_head();
        self.input.insert_str(text);
        self.selected = false;
    }

    /// Inserts pasted text: it replaces a selected value.
    pub fn paste(&mut self, text: &str) {
        if self.is_choice() {
            for c in text.chars() {
                self.pick(c);
            }
            return;
        }
        if self.selected {
            self.set_text("");
        }
        self.input.insert_str(text);
        self.error = None;
    }

    /// One key typed into the field.
    pub fn key(&mut self, key: KeyEvent) {
        self.error = None;
        if self.is_choice() {
            self.choose(key);
            return;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if self.selected {
            self.selected = false;
            match key.code {
                KeyCode::Char(_) if plain => self.set_text(""),
                KeyCode::Backspace | KeyCode::Delete => return self.set_text(""),
                // Like a browser: Left and Home go to the start of the kept text, Right and End
                // to its end (where the cursor already is).
                KeyCode::Left | KeyCode::Home => return self.input.move_cursor(CursorMove::Head),
                KeyCode::Right | KeyCode::End => return self.input.move_cursor(CursorMove::End),
                _ => {}
            }
        }
        type_into(&mut self.input, key);
    }

    fn choose(&mut self, key: KeyEvent) {
        let n = self.choices.len();
        let step = |f: &mut Field, forward: bool| {
            f.typed.clear();
            f.choice = if forward {
                (f.choice + 1) % n
            } else {
                (f.choice + n - 1) % n
            };
        };
        match key.code {
            KeyCode::Right | KeyCode::Down => step(self, true),
            KeyCode::Left | KeyCode::Up => step(self, false),
            KeyCode::Home => self.choice = 0,
            KeyCode::End => self.choice = n - 1,
            KeyCode::Backspace | KeyCode::Delete => {
                self.typed.clear();
                if let Some(none) = self.choices.iter().position(|c| c == NONE) {
                    self.choice = none;
                }
            }
            KeyCode::Char(' ') if !self.extends(' ') => step(self, true),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.pick(c)
            }
            _ => {}
        }
    }

    /// Whether typing `c` after what was typed still spells the start of a choice.
    fn extends(&self, c: char) -> bool {
        if self.typed.is_empty() {
            return false;
        }
        let wanted = format!("{}{c}", self.typed).to_lowercase();
        self.choices
            .iter()
            .any(|ch| ch.to_lowercase().starts_with(&wanted))
    }

    /// Picks the choice that starts with what was typed; a letter that spells none starts again
    /// from that letter (the next choice starting with it), and one that starts none is ignored.
    fn pick(&mut self, c: char) {
        let starts = |ch: &String, p: &str| ch.to_lowercase().starts_with(&p.to_lowercase());
        let longer = format!("{}{c}", self.typed);
        if let Some(at) = self.choices.iter().position(|ch| starts(ch, &longer)) {
            self.typed = longer;
            self.choice = at;
            return;
        }
        let one = c.to_string();
        let n = self.choices.len();
        if let Some(at) = (1..=n)
            .map(|k| (self.choice + k) % n)
            .find(|&k| starts(&self.choices[k], &one))
        {
            self.typed = one;
            self.choice = at;
        } else {
            self.typed.clear();
        }
    }

    /// The person the typed text completes to, when it is not already that name.
    pub fn completion(&self) -> Option<&str> {
        let people = self.people.as_ref()?;
        if self.fuzzy {
            let v = self.value();
            let whole = people.iter().any(|p| p.eq_ignore_ascii_case(&v));
            return if whole {
                None
            } else {
                super::parent::best(people, &v)
            };
        }
        let v = self.value().to_lowercase();
        if v.is_empty() || people.iter().any(|p| p.to_lowercase() == v) {
            return None;
        }
        let by_name = people.iter().find(|p| p.to_lowercase().starts_with(&v));
        let by_handle = || {
            self.handles
                .iter()
                .find(|(h, _)| h.starts_with(&v))
                .map(|(_, name)| name)
        };
        let by_word = || {
            people.iter().find(|p| {
                p.split_whitespace()
                    .any(|w| w.to_lowercase().starts_with(&v))
            })
        };
        // The letters in order (`anl` → Ana Lima), for a name half remembered.
        let in_order = || {
            people.iter().find(|p| {
                let mut letters = p.to_lowercase().chars().collect::<Vec<_>>().into_iter();
                v.chars().all(|c| c == ' ' || letters.any(|l| l == c))
            })
        };
        by_name
            .or_else(by_handle)
            .or_else(by_word)
            .or_else(in_order)
            .map(String::as_str)
    }

    /// Completes a person field (Tab); false when there is nothing to complete.
    pub fn complete(&mut self) -> bool {
        match self.completion().map(String::from) {
            Some(name) => {
                self.set_text(&name);
                self.error = None;
                true
            }
            None => false,
        }
    }

    /// A person field holding a name that nobody on the board has yet.
    pub fn is_new_person(&self) -> bool {
        let v = self.value();
        !self.fuzzy
            && self
                .people
                .as_ref()
                .is_some_and(|p| !v.is_empty() && !p.iter().any(|x| x.eq_ignore_ascii_case(&v)))
    }
}
