//! The keymap's contexts (the panes', lists', global and each overlay's) and the four panes.

/// Where a binding applies and which layer answers it. Panes' own keys win over list keys, which win
/// over global keys; an open overlay (form, palette, picker, …) answers its own context first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Backlog,
    Sprint,
    Timeline,
    Stakeholders,
    /// A form's fields: anything not bound here is typed into the focused field.
    Form,
    /// The filter line over a list: anything not bound here is typed.
    Filter,
    /// The command palette: anything not bound here is typed.
    Palette,
    /// A picker with checkboxes: anything not bound here is typed into its search.
    Picker,
    /// The help overlay: any key not bound here closes it.
    Help,
    /// A yes/no question: any key not bound here answers no.
    Confirm,
    /// The rank-by-score preview.
    Rank,
    /// Closing a sprint: where its unfinished work goes.
    CloseSprint,
    /// Standup mode, over the sprint board's own keys.
    Standup,
    /// The conflicts a merge left: take ours, theirs or a value for each.
    Conflicts,
}

impl Context {
    pub const ALL: [Context; 16] = [
        Context::Global,
        Context::List,
        Context::Backlog,
        Context::Sprint,
        Context::Timeline,
        Context::Stakeholders,
        Context::Form,
        Context::Filter,
        Context::Palette,
        Context::Picker,
        Context::Help,
        Context::Confirm,
        Context::Rank,
        Context::CloseSprint,
        Context::Standup,
        Context::Conflicts,
    ];

    /// The overlays' contexts, listed in `?` after the pane's own keys.
    pub const OVERLAYS: [Context; 10] = [
        Context::Standup,
        Context::Form,
        Context::Filter,
        Context::Palette,
        Context::Picker,
        Context::Rank,
        Context::CloseSprint,
        Context::Confirm,
        Context::Conflicts,
        Context::Help,
    ];

    /// The name in config files (`keys: { "form": { … } }`) and in `?`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "lists",
            Context::Backlog => "backlog",
            Context::Sprint => "sprint",
            Context::Timeline => "timeline",
            Context::Stakeholders => "stakeholders",
            Context::Form => "form",
            Context::Filter => "filter",
            Context::Palette => "palette",
            Context::Picker => "picker",
            Context::Help => "help",
            Context::Confirm => "confirm",
            Context::Rank => "rank",
            Context::CloseSprint => "close_sprint",
            Context::Standup => "standup",
            Context::Conflicts => "conflicts",
        }
    }

    /// A title for `?`.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "Lists",
            Context::Backlog => "Backlog",
            Context::Sprint => "Sprint board",
            Context::Timeline => "Timeline",
            Context::Stakeholders => "Stakeholders",
            Context::Form => "In a form",
            Context::Filter => "Typing a filter",
            Context::Palette => "In the palette",
            Context::Picker => "In a picker",
            Context::Help => "In this help",
            Context::Confirm => "Answering a question",
            Context::Rank => "Rank-by-score preview",
            Context::CloseSprint => "Closing a sprint",
            Context::Standup => "Standup",
            Context::Conflicts => "Resolving conflicts",
        }
    }

    pub fn parse(s: &str) -> Option<Context> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        Context::ALL
            .into_iter()
            .find(|c| c.name() == s || c.name().trim_end_matches('s') == s)
    }

    /// The pane whose own context this is.
    pub fn pane(self) -> Option<Pane> {
        match self {
            Context::Backlog => Some(Pane::Backlog),
            Context::Sprint | Context::Standup | Context::CloseSprint => Some(Pane::Sprint),
            Context::Timeline => Some(Pane::Timeline),
            Context::Stakeholders => Some(Pane::Stakeholders),
            _ => None,
        }
    }

    pub fn of(pane: Pane) -> Context {
        match pane {
            Pane::Backlog => Context::Backlog,
            Pane::Sprint => Context::Sprint,
            Pane::Timeline => Context::Timeline,
            Pane::Stakeholders => Context::Stakeholders,
        }
    }

    /// Commands of this context can be run from the palette (overlay keys cannot).
    pub fn from_palette(self) -> bool {
        matches!(
            self,
            Context::Global
                | Context::List
                | Context::Backlog
                | Context::Sprint
                | Context::Timeline
                | Context::Stakeholders
                | Context::Standup
        )
    }
}

/// The four panes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pane {
    #[default]
    Backlog,
    Sprint,
    Timeline,
    Stakeholders,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Backlog,
        Pane::Sprint,
        Pane::Timeline,
        Pane::Stakeholders,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Backlog => "Backlog",
            Pane::Sprint => "Sprint",
            Pane::Timeline => "Timeline",
            Pane::Stakeholders => "Stakeholders",
        }
    }

    /// Where a command of this pane works, in words: "on the sprint board".
    pub fn place(self) -> &'static str {
        match self {
            Pane::Backlog => "in the backlog",
            Pane::Sprint => "on the sprint board",
            Pane::Timeline => "in the timeline",
            Pane::Stakeholders => "in the stakeholders pane",
        }
    }

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % 4]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + 3) % 4]
    }
}
