//! The conflicts screen: every conflict a merge left in the board, one selected; keep ours, take
//! theirs or type a value for it (a one-field form), or settle them all at once. Each is one step
//! undo takes back, conflict and all (`model::merge::resolve`).

use crate::app::overlay::form::{Field, FieldId};
use crate::app::{Action, App, Effect, Form, FormKind, Mode};
use crate::model::merge::{self, Choice};
use crate::model::words;

impl App {
    /// Opens the conflicts screen (with none, says so).
    pub(crate) fn open_conflicts(&mut self) -> Vec<Effect> {
        if self.doc.board.conflicts.is_empty() {
            self.info("The board has no conflicts from a merge");
        } else {
            self.mode = Mode::Conflicts(0);
        }
        Vec::new()
    }

    /// An action on the conflicts screen at conflict `at`.
    pub(crate) fn conflicts_screen(&mut self, at: usize, action: Action) -> Vec<Effect> {
        use Action::*;
        let n = self.doc.board.conflicts.len();
        if n == 0 {
            return Vec::new();
        }
        let at = at.min(n - 1);
        let mut next = at;
        let effects = match action {
            Cancel | Conflicts | Quit => return Vec::new(),
            Down => {
                next = (at + 1).min(n - 1);
                Vec::new()
            }
            Up => {
                next = at.saturating_sub(1);
                Vec::new()
            }
            Top => {
                next = 0;
                Vec::new()
            }
            Bottom => {
                next = n - 1;
                Vec::new()
            }
            SelectRow(i) => {
                next = i.min(n - 1);
                Vec::new()
            }
            TakeOurs => self.resolve_conflict(at, Choice::Ours),
            TakeTheirs => self.resolve_conflict(at, Choice::Theirs),
            AllOurs => self.resolve_all_conflicts(Choice::Ours),
            AllTheirs => self.resolve_all_conflicts(Choice::Theirs),
            EditConflict => return self.edit_conflict(at),
            Undo | Redo => self.global(action),
            _ => Vec::new(),
        };
        if !self.doc.board.conflicts.is_empty() && matches!(self.mode, Mode::Normal) {
            self.mode = Mode::Conflicts(next.min(self.doc.board.conflicts.len() - 1));
        }
        effects
    }

    /// "CRN-12 title", for messages.
    fn conflict_name(&self, at: usize) -> String {
        self.doc.board.conflicts.get(at).map_or(String::new(), |c| {
            format!("{} {}", c.what, short_field(&c.field))
        })
    }

    fn resolve_conflict(&mut self, at: usize, choice: Choice) -> Vec<Effect> {
        let name = self.conflict_name(at);
        match merge::resolve(&self.doc.board, at, choice.clone()) {
            Ok(edit) => self.resolved(edit, format!("Resolved {name}: {}", choice.describe())),
            Err(e) => {
                self.error(format!("{name}: {e}"));
                Vec::new()
            }
        }
    }

    fn resolve_all_conflicts(&mut self, choice: Choice) -> Vec<Effect> {
        let n = self.doc.board.conflicts.len();
        match merge::resolve_all(&self.doc.board, choice.clone()) {
            Ok((edit, kept)) => {
                let mut label = format!(
                    "Resolved {}: {}",
                    words::count(n, "conflict"),
                    choice.describe()
                );
                if kept > 0 && choice == Choice::Theirs {
                    label.push_str(&format!(
                        " ({} kept ours: theirs cannot be put back)",
                        words::count(kept, "conflict")
                    ));
                }
                self.resolved(edit, label)
            }
            Err(e) => {
                self.error(format!("Not resolved: {e}"));
                Vec::new()
            }
        }
    }

    /// Applies a resolution as one step; the message says undo brings the conflict back.
    fn resolved(&mut self, edit: crate::model::Edit, label: String) -> Vec<Effect> {
        let effects = self.change(edit, label.clone());
        if effects.contains(&Effect::Changed) {
            let undo = self.keymap.hint(&Action::Undo);
            let what = if label.starts_with("Resolved ") && label.contains(" conflicts:") {
                "conflicts"
            } else {
                "conflict"
            };
            let left = match self.doc.board.conflicts.len() {
                0 => String::from("; no conflicts left"),
                _ => String::new(),
            };
            self.info(format!("{label}{left} ({undo} brings the {what} back)"));
        }
        effects
    }

    /// The one-field form for a value typed in, starting from ours.
    fn edit_conflict(&mut self, at: usize) -> Vec<Effect> {
        let Some(c) = self.doc.board.conflicts.get(at).cloned() else {
            return Vec::new();
        };
        let name = self.conflict_name(at);
        if merge::is_record(&c) || merge::only_ours(&c).is_some() {
            let why = merge::only_ours(&c).map_or(
                "a whole record cannot be typed in: keep ours or take theirs".to_string(),
                |o| format!("only keeping ours resolves it: {}", o.why()),
            );
            self.error(format!("{name}: {why}"));
            self.mode = Mode::Conflicts(at);
            return Vec::new();
        }
        let value = c.ours.clone().unwrap_or_default();
        let hint = match &c.theirs {
            Some(t) => format!("theirs: {}", one_line(t)),
            None => "theirs: (none)".to_string(),
        };
        self.mode = Mode::Form(Box::new(Form {
            kind: FormKind::Conflict(at),
            title: format!("Resolve {name}"),
            fields: vec![Field::new(FieldId::Value, hint, &one_line(&value))],
            focus: 0,
        }));
        Vec::new()
    }

    /// Esc on the value form goes back to the conflicts.
    pub(crate) fn cancel_conflict_form(&mut self, at: usize) -> Vec<Effect> {
        self.info("Cancelled: the conflict stays");
        self.mode = Mode::Conflicts(at);
        Vec::new()
    }

    /// Enter on the value form: the value is resolved, or refused beside the field.
    pub(crate) fn submit_conflict_form(&mut self, mut form: Form) -> Vec<Effect> {
        let FormKind::Conflict(at) = form.kind else {
            return Vec::new();
        };
        // A text of several lines was shown on one line (`one_line`): its lines come back.
        let typed = form.value(FieldId::Value).replace(" ⏎ ", "\n");
        let name = self.conflict_name(at);
        match merge::resolve(&self.doc.board, at, Choice::Value(typed.clone())) {
            Ok(edit) => {
                let effects = self.resolved(
                    edit,
                    format!("Resolved {name}: {}", Choice::Value(typed).describe()),
                );
                if !self.doc.board.conflicts.is_empty() && matches!(self.mode, Mode::Normal) {
                    self.mode = Mode::Conflicts(at.min(self.doc.board.conflicts.len() - 1));
                }
                effects
            }
            Err(e) => {
                form.set_error(FieldId::Value, e);
                self.mode = Mode::Form(Box::new(form));
                Vec::new()
            }
        }
    }
}

/// `(the record: deleted on one side, changed on the other)` reads as `(the record)` in a message.
fn short_field(field: &str) -> &str {
    if field.starts_with("(the record") {
        "(the record)"
    } else {
        field
    }
}

/// A value on one line (a description with several lines types as one).
fn one_line(s: &str) -> String {
    s.replace('\n', " ⏎ ")
}
