//! The risk register's keys: select, add, edit, close or reopen, link and delete risks.

use super::*;
use crate::app::picker::{Choice, Picker, Purpose};
use crate::app::{Action, App, Effect, Form, Mode};
use crate::model::{Edit, plan};

impl App {
    /// The risk register's keys: j/k, add, edit, close, link, delete; Esc or r goes back.
    pub(crate) fn risk_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        match action {
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) => {
                let rows = self.risk_rows();
                if rows.is_empty() {
                    return Vec::new();
                }
                let at = self
                    .selected_risk()
                    .and_then(|r| rows.iter().position(|id| *id == r.id))
                    .unwrap_or(0);
                let page = self.viewport.page;
                let to =
                    crate::app::cursor::motion(&action, at, rows.len(), page).map(|to| rows[to]);
                drop(rows);
                if let Some(id) = to {
                    self.timeline.risk = Some(id);
                }
            }
            Cancel | Risks => self.timeline.sub = Sub::Gantt,
            Budget => self.timeline.sub = Sub::Budget,
            Details => self.timeline.details = !self.timeline.details,
            AddEntry => {
                if self.writable() {
                    let blank = plan::blank_risk(self.run.today);
                    self.mode = Mode::Form(Box::new(
                        Form::risk(&blank, true).people_from(&self.doc.board),
                    ));
                }
            }
            EditEntry => match self.selected_risk().cloned() {
                Some(r) if self.writable() => {
                    self.mode =
                        Mode::Form(Box::new(Form::risk(&r, false).people_from(&self.doc.board)))
                }
                Some(_) => {}
                None => self.info(format!(
                    "No risk yet: {} adds one",
                    self.keymap.hint(&AddEntry)
                )),
            },
            CloseRisk => {
                let Some(r) = self.selected_risk().cloned() else {
                    self.info("No risk selected");
                    return Vec::new();
                };
                let verb = if r.is_open() { "Close" } else { "Reopen" };
                return match plan::toggle_closed(&self.doc.board, r.id) {
                    Ok(edit) => {
                        self.timeline.risk = Some(r.id);
                        self.change(edit, format!("{verb} risk \"{}\"", r.title))
                    }
                    Err(e) => self.refuse(e),
                };
            }
            DeleteEntry => {
                let Some(r) = self.selected_risk().cloned() else {
                    self.info("No risk selected");
                    return Vec::new();
                };
                let rows = self.risk_rows().into_owned(); // a change follows: the list is the board's
                let at = rows.iter().position(|id| *id == r.id).unwrap_or(0);
                let next = rows
                    .get(at + 1)
                    .or_else(|| at.checked_sub(1).and_then(|p| rows.get(p)))
                    .copied();
                let effects = self.change(
                    Edit::RemoveRisk(r.id),
                    format!("Delete risk \"{}\"", r.title),
                );
                if !effects.is_empty() {
                    self.timeline.risk = next;
                }
                return effects;
            }
            LinkItems => {
                let Some(r) = self.selected_risk().cloned() else {
                    self.info("No risk selected");
                    return Vec::new();
                };
                if !self.writable() {
                    return Vec::new();
                }
                let mut choices: Vec<Choice> = self
                    .timeline_rows()
                    .into_iter()
                    .filter_map(|id| self.doc.board.entry(id))
                    .map(|e| entry_choice(e, r.entries.contains(&e.id)))
                    .collect();
                choices.extend(self.item_choices(&r.items));
                let title = format!("Risk \"{}\" threatens", r.title);
                self.mode = Mode::Picker(Box::new(Picker::new(
                    title,
                    Purpose::RiskLinks(r.id),
                    choices,
                )));
            }
            other => {
                // Gantt keys still scroll and zoom behind the register; the rest says where it works.
                self.timeline.sub = Sub::Gantt;
                let effects = self.timeline_action(other.clone());
                if shifts_dates(&other) {
                    return effects;
                }
                self.timeline.sub = Sub::Risks;
                return effects;
            }
        }
        Vec::new()
    }
}

/// The keys that move the selected entry's start or end (by a day or a week).
pub(crate) fn shifts_dates(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        ShiftEarlier
            | ShiftLater
            | ShiftWeekEarlier
            | ShiftWeekLater
            | EndEarlier
            | EndLater
            | EndWeekEarlier
            | EndWeekLater
    )
}
