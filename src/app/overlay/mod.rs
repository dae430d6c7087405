//! Overlays: layers over the pane with their own keymap context (`form`, `palette`, `picker`,
//! `filter`, `confirm`, `help`, `rank`, `close_sprint`). `update` hands an open overlay every action
//! first; each answers by staying open, closing, running an action or making a change.

pub mod field;
mod filter;
pub mod form;
pub mod palette;
mod parent;
pub mod paste;
pub mod picker;
mod run;
mod submit;

use super::{Action, Context, Mode};

/// What a key that an overlay's context does not bind does there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unbound {
    /// Typed into the overlay's text field.
    Type,
    /// Closes the overlay.
    Cancel,
    /// Answers no.
    No,
    /// Nothing.
    Ignore,
}

/// One hint of an overlay's status line: a command, or "up and down" as one hint, or two commands
/// as one (`H/L move`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    Key(Action, &'static str),
    UpDown(&'static str),
    Pair(Action, Action, &'static str),
}

impl Mode {
    /// The open overlay's keymap context and what its unbound keys do; `None` with no overlay.
    pub fn layer(&self) -> Option<(Context, Unbound)> {
        Some(match self {
            Mode::Normal => return None,
            Mode::Form(_) => (Context::Form, Unbound::Type),
            Mode::Filter(_) => (Context::Filter, Unbound::Type),
            Mode::Palette(_) => (Context::Palette, Unbound::Type),
            Mode::Picker(_) => (Context::Picker, Unbound::Type),
            Mode::Help(_) | Mode::Messages(_) => (Context::Help, Unbound::Cancel),
            Mode::RankPreview(_) => (Context::Rank, Unbound::Ignore),
            Mode::Conflicts(_) => (Context::Conflicts, Unbound::Ignore),
            Mode::CloseSprint { .. } => (Context::CloseSprint, Unbound::Ignore),
            Mode::ConfirmWip { .. }
            | Mode::ConfirmQuit
            | Mode::ConfirmDelete { .. }
            | Mode::ConfirmDeleteEpic { .. }
            | Mode::ConfirmChange { .. } => (Context::Confirm, Unbound::No),
        })
    }

    /// What the status bar offers while the overlay is open (its keys come from its context).
    pub fn hints(&self) -> &'static [Hint] {
        use Action::*;
        use Hint::{Key, UpDown};
        match self {
            Mode::Normal => &[],
            Mode::Form(_) => &[
                Key(Confirm, "save"),
                Key(NextField, "next field"),
                Key(Cancel, "cancel"),
            ],
            Mode::Filter(_) => &[
                Key(Confirm, "keep"),
                Key(Cancel, "clear"),
                Key(SaveView, "save as view"),
                UpDown("select"),
            ],
            Mode::Palette(p) if p.scope.is_some() => &[
                Key(Confirm, "show"),
                Key(RenameView, "rename"),
                Key(DeleteView, "delete"),
                Key(Cancel, "close"),
            ],
            Mode::Palette(_) => &[Key(Confirm, "run"), UpDown("choose"), Key(Cancel, "close")],
            Mode::Picker(_) => &[
                Key(Check, "tick"),
                Key(Confirm, "apply"),
                Key(Cancel, "cancel"),
            ],
            Mode::Help(_) | Mode::Messages(_) => &[UpDown("scroll"), Key(Cancel, "close")],
            Mode::RankPreview(_) => &[Key(Confirm, "apply"), Key(Cancel, "keep the order")],
            Mode::Conflicts(_) => &[
                Key(TakeOurs, "ours"),
                Key(TakeTheirs, "theirs"),
                Key(EditConflict, "edit"),
                Hint::Pair(AllOurs, AllTheirs, "all"),
                Key(Cancel, "close"),
            ],
            Mode::ConfirmQuit => &[Key(Yes, "quit"), Key(Cancel, "stay")],
            Mode::ConfirmWip { .. } => &[Key(Yes, "move it anyway"), Key(Cancel, "leave it")],
            Mode::ConfirmDelete { .. } => &[Key(Yes, "delete"), Key(Cancel, "keep")],
            Mode::ConfirmDeleteEpic { .. } => &[
                Key(Yes, "keep its children"),
                Key(DeleteWithChildren, "delete them too"),
                Key(Cancel, "cancel"),
            ],
            Mode::ConfirmChange { .. } => &[Key(Yes, "go ahead"), Key(Cancel, "leave it")],
            Mode::CloseSprint { walk: Some(_), .. } => &[
                Key(LeftoversToBacklog, "this one to the backlog"),
                Key(LeftoversToNextSprint, "to the next sprint"),
                Key(Up, "back"),
                Key(Cancel, "cancel"),
            ],
            Mode::CloseSprint { .. } => &[
                Key(LeftoversToBacklog, "to the backlog"),
                Key(LeftoversToNextSprint, "to the next sprint"),
                Key(LeftoversEach, "one by one"),
                Key(Cancel, "cancel"),
            ],
        }
    }
}
