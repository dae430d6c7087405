//! The stakeholders pane's actions: the register, the power/interest grid, notes and the report.

use super::{Action, App, Effect, Form};

/// The stakeholders pane's view.
#[derive(Debug, Default)]
pub struct PeopleView {}

/// The stakeholders pane's forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeopleForm {}

/// The actions the stakeholders pane handles itself (list keys included) while it is shown.
pub(super) fn takes(_app: &App, _action: &Action) -> bool {
    false
}

impl App {
    pub(super) fn stakeholders_action(&mut self, action: Action) -> Vec<Effect> {
        self.wrong_pane(&action);
        Vec::new()
    }

    pub(super) fn submit_people_form(&mut self, _form: Form) -> Vec<Effect> {
        Vec::new()
    }

    /// The picker's answer for a note: the items and entries it is about.
    pub(super) fn apply_note_links(
        &mut self,
        _stakeholder: crate::model::StakeholderId,
        _note: crate::model::NoteId,
        _chosen: Vec<super::picker::Target>,
    ) -> Vec<Effect> {
        Vec::new()
    }
}
