//! The timeline pane's actions: the gantt's selection, scrolling and zoom, editing entries, links to the
//! work, the budget and the risk register.

use super::{Action, App, Effect, Form};

/// The timeline pane's view.
#[derive(Debug, Default)]
pub struct TimelineView {}

/// The timeline's forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineForm {}

/// The actions the timeline pane handles itself (list keys included) while it is shown.
pub(super) fn takes(_app: &App, _action: &Action) -> bool {
    false
}

impl App {
    pub(super) fn timeline_action(&mut self, action: Action) -> Vec<Effect> {
        self.wrong_pane(&action);
        Vec::new()
    }

    pub(super) fn submit_timeline_form(&mut self, _form: Form) -> Vec<Effect> {
        Vec::new()
    }

    /// The picker's answer for the timeline: an entry's items or dependencies, a risk's links.
    pub(super) fn apply_timeline_picks(
        &mut self,
        _purpose: super::picker::Purpose,
        _chosen: Vec<super::picker::Target>,
    ) -> Vec<Effect> {
        Vec::new()
    }
}
