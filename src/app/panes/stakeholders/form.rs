//! The stakeholders pane's forms: a stakeholder (add and edit) and a note (a quick one-line note, or
//! an edit of one). Each field is checked on save and the error shown beside it; nothing invalid is
//! saved.

use crate::app::form::FieldId;
use crate::app::form::{Field, SCALE};
use crate::app::stakeholders::Screen;
use crate::app::{App, Effect, Form, FormKind, Mode};
use crate::model::stakeholder::{self as rules};
use crate::model::value;
use crate::model::{Note, NoteId, NoteKind, Stakeholder, StakeholderId};
use jiff::civil::Date;

/// The stakeholders pane's forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeopleForm {
    Add,
    Edit(StakeholderId),
    /// A new note (`note` is `None`) or an edit of one, for this stakeholder.
    Note {
        who: StakeholderId,
        note: Option<NoteId>,
    },
}

impl Form {
    /// The stakeholder form, empty (add) or with their details (edit).
    pub fn stakeholder(s: Option<&Stakeholder>, today: Date) -> Form {
        let get = |f: &dyn Fn(&Stakeholder) -> String, default: &str| {
            s.map_or_else(|| default.to_string(), f)
        };
        let (kind, title) = match s {
            Some(s) => (PeopleForm::Edit(s.id), format!("Edit {}", s.name)),
            None => (PeopleForm::Add, "New stakeholder — a name".to_string()),
        };
        Form {
            kind: FormKind::People(kind),
            title,
            fields: vec![
                Field::new(FieldId::Name, "who they are", &get(&|s| s.name.clone(), "")),
                Field::new(
                    FieldId::Role,
                    "e.g. Finance Director",
                    &get(&|s| s.role.clone(), ""),
                ),
                Field::new(
                    FieldId::Organisation,
                    "",
                    &get(&|s| s.organisation.clone(), ""),
                ),
                Field::choice(
                    FieldId::Power,
                    "how much they can change the project; 3 and up is high",
                    &SCALE,
                    &get(&|s| s.power.to_string(), "3"),
                ),
                Field::choice(
                    FieldId::Interest,
                    "how closely they follow it; 3 and up is high",
                    &SCALE,
                    &get(&|s| s.interest.to_string(), "3"),
                ),
                Field::new(
                    FieldId::Cadence,
                    "days between updates they should get, e.g. 7, 14, 30",
                    &get(&|s| s.cadence_days.to_string(), "14"),
                ),
                Field::new(
                    FieldId::LastUpdate,
                    format!("YYYY-MM-DD, empty for never (today is {today})"),
                    &get(
                        &|s| s.last_update.map_or(String::new(), |d| d.to_string()),
                        "",
                    ),
                ),
                Field::new(
                    FieldId::Contact,
                    "email or phone",
                    &get(&|s| s.contact.clone(), ""),
                ),
                Field::new(
                    FieldId::CaresAbout,
                    "what they care about, in a sentence",
                    &get(&|s| s.cares_about.clone(), ""),
                ),
            ],
            focus: 0,
        }
    }

    /// The note form: the text first, then its kind and date (a meeting today by default).
    pub fn note(s: &Stakeholder, note: Option<&Note>, today: Date) -> Form {
        let title = match note {
            Some(_) => format!("Edit a note of {}", s.name),
            None => format!("Note for {}", s.name),
        };
        // A note written in $EDITOR may have several lines; the form edits it as one.
        let text = note.map_or(String::new(), |n| n.text.replace('\n', " "));
        Form {
            kind: FormKind::People(PeopleForm::Note {
                who: s.id,
                note: note.map(|n| n.id),
            }),
            title,
            fields: vec![
                Field::new(FieldId::Note, "what was said, asked or decided", &text),
                Field::choice(
                    FieldId::Kind,
                    "a meeting counts as an update",
                    &NoteKind::ALL.map(NoteKind::name),
                    note.map_or("meeting", |n| n.kind.name()),
                ),
                Field::new(
                    FieldId::Date,
                    "YYYY-MM-DD, today or earlier",
                    &note.map_or(today, |n| n.date).to_string(),
                ),
            ],
            focus: 0,
        }
    }

    /// The stakeholder the form describes (from `base`), or `None` with the errors marked.
    fn stakeholder_values(&mut self, base: Stakeholder, today: Date) -> Option<Stakeholder> {
        for f in &mut self.fields {
            f.error = None;
        }
        let mut s = base;
        s.name = self.value(FieldId::Name);
        if s.name.is_empty() {
            self.set_error(FieldId::Name, "a stakeholder needs a name".into());
        }
        s.role = self.value(FieldId::Role);
        s.organisation = self.value(FieldId::Organisation);
        s.contact = self.value(FieldId::Contact);
        s.cares_about = self.value(FieldId::CaresAbout);
        for id in [FieldId::Power, FieldId::Interest] {
            match value::parse_scale(&self.value(id)) {
                Ok(n) if id == FieldId::Power => s.power = n,
                Ok(n) => s.interest = n,
                Err(e) => self.set_error(id, e),
            }
        }
        match value::parse_cadence(&self.value(FieldId::Cadence)) {
            Ok(n) => s.cadence_days = n,
            Err(e) => self.set_error(FieldId::Cadence, e),
        }
        let v = self.value(FieldId::LastUpdate);
        if v.is_empty() {
            s.last_update = None;
        } else {
            match value::parse_date(&v, today) {
                Ok(d) if d > today => {
                    self.set_error(FieldId::LastUpdate, format!("{d} is after today ({today})"))
                }
                Ok(d) => s.last_update = Some(d),
                Err(e) => self.set_error(FieldId::LastUpdate, e),
            }
        }
        self.first_error()?;
        Some(s)
    }

    /// Focuses the first field with an error; `None` when there is one.
    fn first_error(&mut self) -> Option<()> {
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(bad) => {
                self.focus = bad;
                None
            }
            None => Some(()),
        }
    }

    /// The note's text, kind and date, or `None` with the errors marked.
    fn note_values(&mut self, today: Date) -> Option<(String, NoteKind, Date)> {
        for f in &mut self.fields {
            f.error = None;
        }
        let text = self.value(FieldId::Note);
        if text.is_empty() {
            self.set_error(FieldId::Note, "a note cannot be empty".into());
        }
        let v = self.value(FieldId::Kind);
        let kind = if v.is_empty() {
            Some(NoteKind::Meeting)
        } else {
            NoteKind::ALL
                .into_iter()
                .find(|k| k.name().starts_with(&v.to_lowercase()))
        };
        if kind.is_none() {
            self.set_error(
                FieldId::Kind,
                format!("\"{v}\" is not meeting, decision, request or risk"),
            );
        }
        let v = self.value(FieldId::Date);
        let date = match value::parse_date(&v, today) {
            Ok(d) if d > today => {
                self.set_error(FieldId::Date, format!("{d} is after today ({today})"));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.set_error(FieldId::Date, e);
                None
            }
        };
        self.first_error()?;
        Some((text, kind?, date?))
    }
}

impl App {
    pub(crate) fn submit_people_form(&mut self, mut form: Form) -> Vec<Effect> {
        let FormKind::People(kind) = form.kind else {
            return Vec::new();
        };
        let today = self.run.today;
        match kind {
            PeopleForm::Add => {
                let blank = Stakeholder {
                    id: StakeholderId(0),
                    name: String::new(),
                    role: String::new(),
                    organisation: String::new(),
                    power: 3,
                    interest: 3,
                    cadence_days: 14,
                    last_update: None,
                    contact: String::new(),
                    cares_about: String::new(),
                    notes: Vec::new(),
                };
                let Some(s) = form.stakeholder_values(blank, today) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                let label = format!("Add {} ({})", s.name, s.quadrant().name());
                match rules::add_stakeholder(&self.doc.board, s) {
                    Ok((edit, id)) => {
                        let effects = self.change(edit, label);
                        self.people.selected = Some(id);
                        self.settle_people();
                        effects
                    }
                    Err(e) => self.refused(e),
                }
            }
            PeopleForm::Edit(id) => {
                let Some(current) = self.doc.board.stakeholder(id).cloned() else {
                    return Vec::new();
                };
                let Some(s) = form.stakeholder_values(current.clone(), today) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                if s == current {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!("Edit {}", s.name);
                match rules::update_stakeholder(&self.doc.board, s) {
                    Ok(edit) => self.change(edit, label),
                    Err(e) => self.refused(e),
                }
            }
            PeopleForm::Note { who, note } => {
                let Some((text, kind, date)) = form.note_values(today) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                let name = self
                    .doc
                    .board
                    .stakeholder(who)
                    .map_or(String::new(), |s| s.name.clone());
                let update = if kind.counts_as_update() {
                    " (counts as an update)"
                } else {
                    ""
                };
                match note
                    .and_then(|n| self.doc.board.note(n))
                    .map(|(_, n)| n.clone())
                {
                    Some(old) => {
                        let text = if text == old.text.replace('\n', " ") {
                            old.text.clone() // untouched: keep its line breaks
                        } else {
                            text
                        };
                        let new = Note {
                            text,
                            kind,
                            date,
                            ..old.clone()
                        };
                        if new == old {
                            self.info("No changes");
                            return Vec::new();
                        }
                        let label = format!("Edit a {} note of {name}{update}", kind.name());
                        match rules::update_note(&self.doc.board, who, new, today) {
                            Ok(edit) => self.change(edit, label),
                            Err(e) => self.refused(e),
                        }
                    }
                    None => match rules::add_note(&self.doc.board, who, date, kind, &text, today) {
                        Ok((edit, id)) => {
                            let label = format!("Add a {} note for {name}{update}", kind.name());
                            let effects = self.change(edit, label.clone());
                            if !effects.is_empty() {
                                self.info(format!("{label} — l links it to the work"));
                            }
                            self.people.note = Some(id);
                            if self.people.screen == Screen::Notes {
                                self.settle_timeline();
                            }
                            effects
                        }
                        Err(e) => self.refused(e),
                    },
                }
            }
        }
    }
}
