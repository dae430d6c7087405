//! Everything a user can ask cairn to do. Keys, the palette, mouse clicks and tests all speak in
//! actions; `App::update` is the only place that carries them out.

use crate::model::ItemId;
use ratatui::crossterm::event::KeyEvent;

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

/// One thing to do. Variants without data are commands: `COMMANDS` names and describes each one for the
/// keymap, the help overlay and the palette.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Palette,
    Filter,
    Undo,
    Redo,
    Cancel,
    ShowBacklog,
    ShowSprint,
    ShowTimeline,
    ShowStakeholders,
    NextPane,
    PrevPane,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Details,
    AddItem,
    EditItem,
    EditDescription,
    DeleteItem,
    MoveDown,
    MoveUp,
    MoveToTop,
    SetPoints,
    CycleMoscow,
    SendToSprint,
    RankByScore,
    ToggleScoring,
    Reload,
    ColumnLeft,
    ColumnRight,
    CardLeft,
    CardRight,
    ToggleBlocked,
    Assign,
    Burndown,
    NewSprint,
    StartSprint,
    CloseSprint,
    Plan,
    Standup,
    Workflow,
    EditSprint,
    // Timeline
    ScrollEarlier,
    ScrollLater,
    ZoomIn,
    ZoomOut,
    GoToToday,
    ShiftEarlier,
    ShiftLater,
    ShiftWeekEarlier,
    ShiftWeekLater,
    EndEarlier,
    EndLater,
    EndWeekEarlier,
    EndWeekLater,
    AddEntry,
    EditEntry,
    DeleteEntry,
    Dependencies,
    LinkItems,
    CriticalPath,
    PushDependents,
    Budget,
    Risks,
    CloseRisk,

    // Stakeholders
    AddStakeholder,
    EditStakeholder,
    DeleteStakeholder,
    AddNote,
    NoteInEditor,
    LinkNote,
    GridView,
    NoteTimeline,
    SortStakeholders,
    MorePower,
    LessPower,
    MoreInterest,
    LessInterest,
    GridLeft,
    GridRight,
    WriteReport,
    WriteReportAndEdit,

    // Data-carrying actions: sent by forms, the palette, the mouse and the runner.
    /// Select an item and show it in the backlog
    GoToItem(ItemId),
    /// A key typed into the open form, filter or palette
    Type(KeyEvent),
    /// Next field of a form
    NextField,
    /// Previous field of a form
    PrevField,
    /// Confirm: save the form, run the palette entry, apply the proposed order
    Confirm,
    /// Answer yes to a question
    Yes,
    /// Answer no to a question
    No,
    /// Select the row at this index of the visible list (mouse)
    SelectRow(usize),
    /// Scroll the list by this many rows (mouse wheel)
    Scroll(i32),
    /// The description came back from $EDITOR
    DescriptionEdited(ItemId, String),
    /// Standup: mark the current stop discussed and go on
    StandupNext,
    /// Standup: walk person by person, or the board right to left
    StandupByPerson,
    /// A one-key answer to a question (close sprint: b or n)
    Answer(char),
    /// A tick of the clock: timers and the date
    Tick,
    /// Tick or untick the choice under the cursor in a picker
    Check,
    /// A note came back from $EDITOR: new (`note` is `None`) or the one it was opened on
    NoteEdited {
        stakeholder: crate::model::StakeholderId,
        note: Option<crate::model::NoteId>,
        text: String,
    },
}

impl Action {
    /// The name used in the config file and the palette (`move_down`).
    pub fn name(&self) -> Option<&'static str> {
        COMMANDS.iter().find(|c| c.action == *self).map(|c| c.name)
    }

    /// What the help and the palette say a command does.
    pub fn about(&self) -> &'static str {
        COMMANDS
            .iter()
            .find(|c| c.action == *self)
            .map_or("", |c| c.about)
    }
}

/// A command: its name in config files and the palette, the action, and what it does.
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    pub action: Action,
    pub about: &'static str,
}

const fn cmd(name: &'static str, action: Action, about: &'static str) -> Command {
    Command {
        name,
        action,
        about,
    }
}

/// Every command; the keymap binds keys to these, and help and the palette list them.
pub const COMMANDS: &[Command] = &[
    cmd("quit", Action::Quit, "Save and quit"),
    cmd("help", Action::Help, "Show every key of this pane"),
    cmd("palette", Action::Palette, "Open the command palette"),
    cmd("filter", Action::Filter, "Filter the list"),
    cmd("undo", Action::Undo, "Undo the last change"),
    cmd("redo", Action::Redo, "Redo the last undone change"),
    cmd("cancel", Action::Cancel, "Close, cancel or clear"),
    cmd("show_backlog", Action::ShowBacklog, "Show the backlog"),
    cmd("show_sprint", Action::ShowSprint, "Show the sprint board"),
    cmd("show_timeline", Action::ShowTimeline, "Show the timeline"),
    cmd(
        "show_stakeholders",
        Action::ShowStakeholders,
        "Show the stakeholders",
    ),
    cmd("next_pane", Action::NextPane, "Next pane"),
    cmd("prev_pane", Action::PrevPane, "Previous pane"),
    cmd("down", Action::Down, "Move the selection down"),
    cmd("up", Action::Up, "Move the selection up"),
    cmd("top", Action::Top, "Go to the top"),
    cmd("bottom", Action::Bottom, "Go to the bottom"),
    cmd("page_down", Action::PageDown, "One page down"),
    cmd("page_up", Action::PageUp, "One page up"),
    cmd("details", Action::Details, "Show or hide details"),
    cmd(
        "add_item",
        Action::AddItem,
        "Add an item below the selection",
    ),
    cmd("edit_item", Action::EditItem, "Edit the item in a form"),
    cmd(
        "edit_description",
        Action::EditDescription,
        "Edit the description in $EDITOR",
    ),
    cmd(
        "delete_item",
        Action::DeleteItem,
        "Delete the item (undo brings it back)",
    ),
    cmd("move_down", Action::MoveDown, "Move the item down in rank"),
    cmd("move_up", Action::MoveUp, "Move the item up in rank"),
    cmd(
        "move_to_top",
        Action::MoveToTop,
        "Move the item to the top of the backlog",
    ),
    cmd("set_points", Action::SetPoints, "Set story points"),
    cmd(
        "cycle_moscow",
        Action::CycleMoscow,
        "Cycle MoSCoW: must, should, could, won't, none",
    ),
    cmd(
        "send_to_sprint",
        Action::SendToSprint,
        "Send to the active sprint (again: back to the backlog)",
    ),
    cmd(
        "rank_by_score",
        Action::RankByScore,
        "Propose an order by score; Enter applies it",
    ),
    cmd(
        "toggle_scoring",
        Action::ToggleScoring,
        "Switch the score between WSJF and RICE",
    ),
    cmd("column_left", Action::ColumnLeft, "Previous column"),
    cmd("column_right", Action::ColumnRight, "Next column"),
    cmd(
        "card_left",
        Action::CardLeft,
        "Move the card to the previous column",
    ),
    cmd(
        "card_right",
        Action::CardRight,
        "Move the card to the next column",
    ),
    cmd(
        "toggle_blocked",
        Action::ToggleBlocked,
        "Flag the card blocked (with a reason), or unblock it",
    ),
    cmd("assign", Action::Assign, "Assign the card to someone"),
    cmd(
        "burndown",
        Action::Burndown,
        "Show the burndown and velocity, or the board again",
    ),
    cmd("new_sprint", Action::NewSprint, "Plan a new sprint"),
    cmd(
        "start_sprint",
        Action::StartSprint,
        "Start the next planned sprint",
    ),
    cmd(
        "standup",
        Action::Standup,
        "Standup: walk the board right to left with a timer (Space next, p by person)",
    ),
    cmd(
        "edit_sprint",
        Action::EditSprint,
        "Edit the active (or next planned) sprint: name, goal, dates, capacity",
    ),
    cmd(
        "workflow",
        Action::Workflow,
        "Edit the workflow: columns, WIP limits and what a full column does",
    ),
    cmd(
        "plan",
        Action::Plan,
        "Plan the next sprint: the backlog beside it, with its capacity",
    ),
    cmd(
        "close_sprint",
        Action::CloseSprint,
        "Close the active sprint and record its velocity",
    ),
    // Timeline
    cmd(
        "scroll_earlier",
        Action::ScrollEarlier,
        "Scroll the timeline earlier",
    ),
    cmd(
        "scroll_later",
        Action::ScrollLater,
        "Scroll the timeline later",
    ),
    cmd("zoom_in", Action::ZoomIn, "Zoom in: months, weeks, days"),
    cmd("zoom_out", Action::ZoomOut, "Zoom out: days, weeks, months"),
    cmd("go_to_today", Action::GoToToday, "Back to today"),
    cmd(
        "shift_earlier",
        Action::ShiftEarlier,
        "Move the entry a day earlier",
    ),
    cmd(
        "shift_later",
        Action::ShiftLater,
        "Move the entry a day later",
    ),
    cmd(
        "shift_week_earlier",
        Action::ShiftWeekEarlier,
        "Move the entry a week earlier",
    ),
    cmd(
        "shift_week_later",
        Action::ShiftWeekLater,
        "Move the entry a week later",
    ),
    cmd(
        "end_earlier",
        Action::EndEarlier,
        "End the phase a day earlier",
    ),
    cmd("end_later", Action::EndLater, "End the phase a day later"),
    cmd(
        "end_week_earlier",
        Action::EndWeekEarlier,
        "End the phase a week earlier",
    ),
    cmd(
        "end_week_later",
        Action::EndWeekLater,
        "End the phase a week later",
    ),
    cmd(
        "add_entry",
        Action::AddEntry,
        "Add a phase, milestone or release (risks: a risk)",
    ),
    cmd(
        "edit_entry",
        Action::EditEntry,
        "Edit the entry's dates, owner, costs (or the risk)",
    ),
    cmd(
        "delete_entry",
        Action::DeleteEntry,
        "Delete the entry or risk (undo brings it back)",
    ),
    cmd(
        "dependencies",
        Action::Dependencies,
        "Pick what the entry depends on",
    ),
    cmd(
        "link_items",
        Action::LinkItems,
        "Link backlog items (risks: items and entries)",
    ),
    cmd(
        "critical_path",
        Action::CriticalPath,
        "Highlight the critical path to each milestone",
    ),
    cmd(
        "push_dependents",
        Action::PushDependents,
        "Moves push dependent entries along (on/off)",
    ),
    cmd(
        "budget",
        Action::Budget,
        "Budget: planned vs actual, spend vs time",
    ),
    cmd("risks", Action::Risks, "Risk register: risks by exposure"),
    cmd(
        "close_risk",
        Action::CloseRisk,
        "Close the selected risk, or reopen it",
    ),
    // Stakeholders
    cmd(
        "add_stakeholder",
        Action::AddStakeholder,
        "Add a stakeholder",
    ),
    cmd(
        "edit_stakeholder",
        Action::EditStakeholder,
        "Edit the stakeholder, or the selected note",
    ),
    cmd(
        "delete_stakeholder",
        Action::DeleteStakeholder,
        "Delete the stakeholder or note (undo brings it back)",
    ),
    cmd(
        "add_note",
        Action::AddNote,
        "Add a note (Tab: kind, date; a meeting is an update)",
    ),
    cmd(
        "note_in_editor",
        Action::NoteInEditor,
        "Write a note in $EDITOR (or edit the selected one)",
    ),
    cmd(
        "link_note",
        Action::LinkNote,
        "Link the note to backlog items and timeline entries",
    ),
    cmd(
        "grid_view",
        Action::GridView,
        "Show the power/interest grid, or the register again",
    ),
    cmd(
        "note_timeline",
        Action::NoteTimeline,
        "Every note, newest first (/ kind:decision since:month)",
    ),
    cmd(
        "sort_stakeholders",
        Action::SortStakeholders,
        "Sort the register: due first, by name, by quadrant",
    ),
    cmd(
        "more_power",
        Action::MorePower,
        "Raise the stakeholder's power",
    ),
    cmd(
        "less_power",
        Action::LessPower,
        "Lower the stakeholder's power",
    ),
    cmd(
        "more_interest",
        Action::MoreInterest,
        "Raise the stakeholder's interest",
    ),
    cmd(
        "less_interest",
        Action::LessInterest,
        "Lower the stakeholder's interest",
    ),
    cmd(
        "grid_left",
        Action::GridLeft,
        "In the grid: the quadrant to the left",
    ),
    cmd(
        "grid_right",
        Action::GridRight,
        "In the grid: the quadrant to the right",
    ),
    cmd(
        "write_report",
        Action::WriteReport,
        "Write the status report beside the board",
    ),
    cmd(
        "write_report_and_edit",
        Action::WriteReportAndEdit,
        "Write the status report and open it in $EDITOR",
    ),
    cmd(
        "reload",
        Action::Reload,
        "Reload the board from disk (after an outside change)",
    ),
];

/// What `update` asks the runner to do: the only I/O, done outside `update`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The board changed: save soon.
    Changed,
    /// Open the description of this item in $EDITOR.
    EditDescription(ItemId, String),
    /// Reload the board from disk.
    Reload,
    /// Save now and quit.
    Quit,
    // Stakeholders
    /// Open a note in $EDITOR (a new one when `note` is `None`); the text comes back as `NoteEdited`.
    EditNote {
        stakeholder: crate::model::StakeholderId,
        note: Option<crate::model::NoteId>,
        text: String,
    },
    /// Write the status report under `<board dir>/reports/` and say where; `edit` opens it in $EDITOR.
    WriteReport { edit: bool },
}
