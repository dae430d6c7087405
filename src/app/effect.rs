//! What `update` asks of the world outside it: the runner does the I/O, and a follow-up action is
//! carried out by `update`'s own loop.

use super::Action;
use crate::model::ItemId;

/// What `update` asks the runner to do: the only I/O, done outside `update`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Carry out this action next, in the same `update` (a handler never calls `update` itself). It
    /// never reaches the runner.
    Then(Action),
    /// The board changed: save soon.
    Changed,
    /// Open the description of this item in $EDITOR.
    EditDescription(ItemId, String),
    /// Reload the board from disk.
    Reload,
    /// Save now and quit.
    Quit,
    /// A tick changed what the screen shows (a message made way, the standup's timer moved on a
    /// second): draw again. A tick without it draws nothing.
    Redraw,
    // Stakeholders
    /// Open a note in $EDITOR (a new one when `note` is `None`); the text comes back as `NoteEdited`.
    EditNote {
        stakeholder: crate::model::StakeholderId,
        note: Option<crate::model::NoteId>,
        text: String,
    },
    /// Write the status report under `<board dir>/reports/` and say where; `edit` opens it in $EDITOR.
    WriteReport { edit: bool },
    /// Keep each list's view for the next start of this board (a local file, not the board).
    ViewState(crate::store::viewstate::ViewState),
}
