//! Every command, declared once: its `Action` variant, its name in config files and the palette, what
//! it does (the help, the palette and the variant's doc all read this line), the contexts where it
//! works and its default keys there. `Action`, `COMMANDS` and the default keymap are generated from
//! this one table, so a command cannot be half-declared.

pub use super::context::{Context, Pane};
use crate::model::{EntryId, ItemId, NoteId, RiskId, StakeholderId};
use ratatui::crossterm::event::KeyEvent;

/// A command: its action, its config name, what it does, and its default keys per context (an empty
/// key string gives the context as a scope without a default key).
#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    pub action: Action,
    pub about: &'static str,
    pub defaults: &'static [(Context, &'static str)],
}

impl Command {
    /// The contexts where the command works.
    pub fn scope(&self) -> impl Iterator<Item = Context> + '_ {
        self.defaults.iter().map(|(c, _)| *c)
    }
}

macro_rules! commands {
    (
        data { $($data:tt)* }
        $( $variant:ident = $name:literal, $about:literal, [ $( $ctx:ident $keys:literal ),* $(,)? ] ; )*
    ) => {
        /// One thing to do. Keys, the palette, mouse clicks and tests all speak in actions;
        /// `App::update` is the only place that carries them out. Variants without data are commands,
        /// declared with their names, descriptions and keys in `command.rs`.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Action {
            $( #[doc = $about] $variant, )*
            $($data)*
        }

        /// Every command, in the order help and the palette list them.
        pub const COMMANDS: &[Command] = &[
            $( Command {
                name: $name,
                action: Action::$variant,
                about: $about,
                defaults: &[ $( (Context::$ctx, $keys) ),* ],
            }, )*
        ];
    };
}

commands! {
    data {
        // Data-carrying actions: sent by forms, the palette, the mouse and the runner.
        /// Select an item and show it in the backlog
        GoToItem(ItemId),
        /// Select a stakeholder and show them in the register (the palette)
        GoToStakeholder(StakeholderId),
        /// Select a timeline entry and show it on the gantt (the palette)
        GoToEntry(EntryId),
        /// Select a risk and show it in the risk register (the palette)
        GoToRisk(RiskId),
        /// A key typed into the open form, filter, palette or picker search
        Type(KeyEvent),
        /// Text pasted into the terminal (bracketed paste): it goes into the field that has focus
        Paste(String),
        /// Select what a click landed on: a card, a stakeholder, an entry (mouse)
        Click(crate::app::Target),
        /// Select the row at this index of the visible list (mouse)
        SelectRow(usize),
        /// Scroll the list by this many rows (mouse wheel)
        Scroll(i32),
        /// Scroll the item's details by this many lines (mouse wheel over the details)
        ScrollDetails(i32),
        /// The description came back from $EDITOR
        DescriptionEdited(ItemId, String),
        /// A tick of the clock: the time since the run started, for timers and the date
        Tick(std::time::Duration),
        /// A note came back from $EDITOR: new (`note` is `None`) or the one it was opened on
        NoteEdited {
            stakeholder: StakeholderId,
            note: Option<NoteId>,
            text: String,
        },
        /// Show a list with the filter of its saved view of this name (the palette, the views picker)
        ApplyView {
            pane: crate::model::ViewPane,
            name: String,
        },
    }

    Quit = "quit", "Save and quit", [Global "q"];
    Help = "help", "Show every key of this pane", [Global "?"];
    Messages = "messages", "Show this run's messages in full", [
        Global "M"
    ];
    Conflicts = "conflicts", "The conflicts a merge left: keep ours, take theirs or type a value", [
        Global "C"
    ];
    TakeOurs = "take_ours", "Resolve the conflict: keep our value", [Conflicts "o"];
    TakeTheirs = "take_theirs", "Resolve the conflict: take their value", [Conflicts "t"];
    EditConflict = "edit_conflict", "Resolve the conflict with a value typed in (starts as ours)", [
        Conflicts "e"
    ];
    AllOurs = "all_ours", "Resolve every conflict: keep ours", [Conflicts "O"];
    AllTheirs = "all_theirs", "Resolve every conflict: take theirs (where it can be)", [
        Conflicts "T"
    ];
    Palette = "palette", "Open the command palette", [Global ": ctrl-p"];
    Filter = "filter", "Filter the list of this pane", [Global "/"];
    Undo = "undo", "Undo the last change", [Global "u", Conflicts "u"];
    Redo = "redo", "Redo the last undone change", [Global "ctrl-r", Conflicts "ctrl-r"];
    Cancel = "cancel", "Close, cancel or clear", [
        Global "esc", Form "esc", Filter "esc", Palette "esc", Picker "esc", Help "esc q ?",
        Rank "esc q", CloseSprint "esc q", Confirm "n N esc", Conflicts "esc q C"
    ];
    ShowBacklog = "show_backlog", "Show the backlog", [Global "1"];
    ShowSprint = "show_sprint", "Show the sprint board", [Global "2"];
    ShowTimeline = "show_timeline", "Show the timeline", [Global "3"];
    ShowStakeholders = "show_stakeholders", "Show the stakeholders", [Global "4"];
    NextPane = "next_pane", "Next pane", [Global "tab"];
    PrevPane = "prev_pane", "Previous pane", [Global "shift-tab"];
    Reload = "reload", "Reload the board from disk (after an outside change)", [Global "ctrl-l"];
    Down = "down", "Move the selection down", [
        List "j down", Conflicts "j down", Filter "down ctrl-n", Palette "down ctrl-n", Picker "down ctrl-n", Help "down j"
    ];
    Up = "up", "Move the selection up", [
        List "k up", Conflicts "k up", Filter "up ctrl-p", Palette "up ctrl-p", Picker "up ctrl-p", Help "up k", CloseSprint "k up"
    ];
    Top = "top", "Go to the top", [List "g home", Conflicts "g home"];
    Bottom = "bottom", "Go to the bottom", [List "G end", Conflicts "G end"];
    PageDown = "page_down", "One page down", [
        List "pagedown ctrl-d", Picker "pagedown", Help "pagedown"
    ];
    PageUp = "page_up", "One page up", [List "pageup ctrl-u", Picker "pageup", Help "pageup"];
    Details = "details", "Show or hide details", [List "enter"];
    // Overlays
    Confirm = "confirm", "Save the form, run the entry, apply the proposal", [
        Form "enter", Filter "enter", Palette "enter", Picker "enter", Rank "enter"
    ];
    NextField = "next_field", "Next field of the form", [Form "tab down"];
    PrevField = "prev_field", "Previous field of the form", [Form "shift-tab up"];
    Check = "check", "Tick or untick the choice (Space until a search is typed)", [
        Picker "tab space"
    ];
    Yes = "yes", "Answer yes", [Confirm "y Y"];
    No = "no", "Answer no", [Confirm ""];
    DeleteWithChildren = "delete_with_children", "Deleting an epic: delete its children too", [
        Confirm "a"
    ];
    LeftoversToBacklog = "leftovers_to_backlog", "Unfinished work goes to the top of the backlog", [
        CloseSprint "b"
    ];
    LeftoversToNextSprint = "leftovers_to_next_sprint", "Unfinished work goes to the next sprint", [
        CloseSprint "n"
    ];
    LeftoversEach = "leftovers_each", "Closing a sprint: decide for each unfinished item, one by one", [
        CloseSprint "e"
    ];
    StandupNext = "standup_next", "Standup: mark this stop discussed and go on", [
        Standup "space n"
    ];
    StandupByPerson = "standup_by_person", "Standup: walk person by person, or the board again", [
        Standup "p"
    ];
    // Backlog
    AddItem = "add_item", "Add an item below the selection", [Backlog "a"];
    EditItem = "edit_item", "Edit the item in a form", [Backlog "e"];
    EditDescription = "edit_description", "Edit the description in $EDITOR", [Backlog "E"];
    DeleteItem = "delete_item", "Delete the item (undo brings it back)", [Backlog "d"];
    MoveDown = "move_down", "Move the item down in rank", [Backlog "J"];
    MoveUp = "move_up", "Move the item up in rank", [Backlog "K"];
    MoveToTop = "move_to_top", "Move the item to the top of the backlog", [Backlog "T"];
    SetPoints = "set_points", "Set story points", [Backlog "p"];
    CycleMoscow = "cycle_moscow", "Cycle MoSCoW: must, should, could, won't, none", [Backlog "m"];
    SendToSprint = "send_to_sprint", "Send to the active sprint (again: back where it was)", [
        Backlog "s", Sprint "s"
    ];
    RankByScore = "rank_by_score", "Propose an order by score; Enter applies it", [Backlog "R"];
    ToggleScoring = "toggle_scoring", "Switch the score between WSJF and RICE", [Backlog "w"];
    BlockedBy = "blocked_by", "Pick the items this one waits on (blocked by)", [Backlog "B"];
    RelatedItems = "related_items", "Pick the items this one relates to", [Backlog "r"];
    FollowLink = "follow_link", "Go to a linked item: what it waits on, then related (again: the next)", [
        Backlog "o"
    ];
    ToggleDone = "toggle_done", "Show or hide the done items in the backlog", [Backlog "H"];
    CutLine = "cut_line", "Cut line: what is done by the next milestone (85% sure); again: the next one, then off", [
        Backlog "L"
    ];
    GroupByEpic = "group_by_epic", "Group the backlog by epic, or back to one ranked list", [
        Backlog "z"
    ];
    FoldEpic = "fold_epic", "Fold or unfold the selected epic (while grouped)", [
        Backlog "space"
    ];
    DetailsDown = "details_down", "Scroll the item's details down", [
        Backlog "ctrl-e shift-down", Sprint "ctrl-e shift-down"
    ];
    DetailsUp = "details_up", "Scroll the item's details up", [
        Backlog "ctrl-y shift-up", Sprint "ctrl-y shift-up"
    ];
    // Sprint
    ColumnLeft = "column_left", "Previous column", [Sprint "h left"];
    ColumnRight = "column_right", "Next column", [Sprint "l right"];
    CardLeft = "card_left", "Move the card to the previous column", [Sprint "H"];
    CardRight = "card_right", "Move the card to the next column", [Sprint "L"];
    ToggleBlocked = "toggle_blocked", "Flag the card blocked (with a reason), or unblock it", [
        Sprint "x"
    ];
    Assign = "assign", "Assign the card to someone", [Sprint "A"];
    Burndown = "burndown", "Show the burndown and velocity, or the board again", [Sprint "b"];
    CumulativeFlow = "cumulative_flow", "Cumulative flow: the sprint's, the board's last weeks, the burndown", [
        Sprint "F"
    ];
    NewSprint = "new_sprint", "Plan a new sprint", [Sprint "n"];
    StartSprint = "start_sprint", "Start the next planned sprint", [Sprint "t"];
    Standup = "standup", "Standup: walk the board right to left with a timer", [Sprint "S"];
    EditSprint = "edit_sprint", "Edit the active (or next planned) sprint: name, goal, dates, capacity", [
        Sprint "e"
    ];
    Workflow = "workflow", "Edit the workflow: columns, WIP limits and what a full column does", [
        Sprint "W"
    ];
    Plan = "plan", "Plan the next sprint: the backlog beside it, with its capacity", [Sprint "P"];
    CloseSprint = "close_sprint", "Close the active sprint and record its velocity", [Sprint "c"];
    DeleteSprint = "delete_sprint", "Delete the next planned sprint (its items go back to the backlog)", [
        Sprint "D"
    ];
    Team = "team", "The team: people, their capacity in the sprint and days off (again: back)", [
        Sprint "T"
    ];
    AddPerson = "add_person", "Team: add a person", [Sprint "a"];
    EditPerson = "edit_person", "Team: edit the person (a new name renames them everywhere)", [
        Sprint ""
    ];
    RemovePerson = "remove_person", "Team: take the person off the team (undo brings them back)", [
        Sprint "d"
    ];
    DaysOff = "days_off", "Team: the person's days off in the next (or active) sprint", [
        Sprint "o"
    ];
    TeamCapacity = "team_capacity", "Team: the sprint's capacity comes from the team, or keeps its own", [
        Sprint "f"
    ];
    MyItems = "my_items", "My items: the backlog filtered to you (me: in config.ron)", [Global ""];
    ProjectSettings = "project_settings", "Project settings: name, key, vision, goal, budget, sprint length", [
        Global "", Timeline ","
    ];
    // Timeline
    ScrollEarlier = "scroll_earlier", "Scroll the timeline earlier", [Timeline "h left"];
    ScrollLater = "scroll_later", "Scroll the timeline later", [Timeline "l right"];
    ZoomIn = "zoom_in", "Zoom in: months, weeks, days", [Timeline "+ ="];
    ZoomOut = "zoom_out", "Zoom out: days, weeks, months", [Timeline "-"];
    GoToToday = "go_to_today", "Back to today", [Timeline "t"];
    ShiftEarlier = "shift_earlier", "Move the entry a day earlier", [Timeline "<"];
    ShiftLater = "shift_later", "Move the entry a day later", [Timeline ">"];
    ShiftWeekEarlier = "shift_week_earlier", "Move the entry a week earlier", [Timeline "shift-left"];
    ShiftWeekLater = "shift_week_later", "Move the entry a week later", [Timeline "shift-right"];
    EndEarlier = "end_earlier", "End the phase a day earlier", [Timeline "["];
    EndLater = "end_later", "End the phase a day later", [Timeline "]"];
    EndWeekEarlier = "end_week_earlier", "End the phase a week earlier", [Timeline "{"];
    EndWeekLater = "end_week_later", "End the phase a week later", [Timeline "}"];
    AddEntry = "add_entry", "Add a phase, milestone or release (risks: a risk)", [Timeline "a"];
    EditEntry = "edit_entry", "Edit the entry's dates, owner, costs (or the risk)", [Timeline "e"];
    DeleteEntry = "delete_entry", "Delete the entry or risk (undo brings it back)", [Timeline "d"];
    Dependencies = "dependencies", "Pick what the entry depends on", [Timeline "D"];
    LinkItems = "link_items", "Link backlog items (risks: items and entries)", [Timeline "L"];
    CriticalPath = "critical_path", "Highlight the critical path to each milestone", [Timeline "c"];
    PushDependents = "push_dependents", "Moves push dependent entries along (on/off)", [Timeline "P"];
    Budget = "budget", "Budget: planned vs actual, spend vs time", [Timeline "$"];
    Risks = "risks", "Risk register: risks by exposure", [Timeline "r"];
    CloseRisk = "close_risk", "Close the selected risk, or reopen it", [Timeline "x"];
    // Stakeholders
    AddStakeholder = "add_stakeholder", "Add a stakeholder", [Stakeholders "a"];
    EditStakeholder = "edit_stakeholder", "Edit the stakeholder, or the selected note", [
        Stakeholders "e"
    ];
    DeleteStakeholder = "delete_stakeholder", "Delete the stakeholder or note (undo brings it back)", [
        Stakeholders "d"
    ];
    AddNote = "add_note", "Add a note (Tab: kind, date; a meeting is an update)", [Stakeholders "n"];
    NoteInEditor = "note_in_editor", "Write a note in $EDITOR (or edit the selected one)", [
        Stakeholders "E"
    ];
    LinkNote = "link_note", "Link the note to backlog items and timeline entries", [Stakeholders "l"];
    GridView = "grid_view", "Show the power/interest grid, or the register again", [Stakeholders "v"];
    NoteTimeline = "note_timeline", "Every note, newest first (/ kind:decision since:month)", [
        Stakeholders "t"
    ];
    SortStakeholders = "sort_stakeholders", "Sort the register: due first, by name, by quadrant", [
        Stakeholders "s"
    ];
    MorePower = "more_power", "Raise the stakeholder's power", [Stakeholders "K"];
    LessPower = "less_power", "Lower the stakeholder's power", [Stakeholders "J"];
    MoreInterest = "more_interest", "Raise the stakeholder's interest", [Stakeholders "L"];
    LessInterest = "less_interest", "Lower the stakeholder's interest", [Stakeholders "H"];
    GridLeft = "grid_left", "In the grid: the quadrant to the left", [Stakeholders "left"];
    GridRight = "grid_right", "In the grid: the quadrant to the right", [Stakeholders "right"];
    WriteReport = "write_report", "Write the status report beside the board", [Stakeholders "r"];
    WriteReportAndEdit = "write_report_and_edit", "Write the status report and open it in $EDITOR", [
        Stakeholders "R"
    ];
    // Saved views
    SaveView = "save_view", "Save the list's filter as a named view", [
        Global "", Filter "ctrl-s", Palette "ctrl-s"
    ];
    Views = "views", "Saved views of this list: pick one, rename or delete it", [
        Backlog "v", Sprint "v", Timeline "v", Stakeholders "V"
    ];
    RenameView = "rename_view", "Rename the saved view under the cursor", [Palette "ctrl-r"];
    DeleteView = "delete_view", "Delete the saved view under the cursor (undo brings it back)", [
        Palette "ctrl-d"
    ];

}

impl Action {
    fn command(&self) -> Option<&'static Command> {
        self.index().map(|n| &COMMANDS[n])
    }

    /// The command's place in `COMMANDS` (`None` for data-carrying actions).
    pub fn index(&self) -> Option<usize> {
        COMMANDS.iter().position(|c| c.action == *self)
    }

    /// The name used in the config file and the palette (`move_down`).
    pub fn name(&self) -> Option<&'static str> {
        self.command().map(|c| c.name)
    }

    /// What the help and the palette say a command does.
    pub fn about(&self) -> &'static str {
        self.command().map_or("", |c| c.about)
    }

    /// The command with this config name.
    pub fn named(name: &str) -> Option<Action> {
        COMMANDS
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.action.clone())
    }

    /// The panes a command belongs to: none for a command that works everywhere (a global or list
    /// command, and data), else the panes of its contexts (standup's keys belong to the sprint board).
    pub fn panes(&self) -> Vec<Pane> {
        let Some(c) = self.command() else {
            return Vec::new();
        };
        if c.scope()
            .any(|s| matches!(s, Context::Global | Context::List))
        {
            return Vec::new();
        }
        let mut panes: Vec<Pane> = c.scope().filter_map(Context::pane).collect();
        panes.dedup();
        panes
    }

    /// True when the command works in this pane (its own, or everywhere).
    pub fn works_in(&self, pane: Pane) -> bool {
        let panes = self.panes();
        panes.is_empty() || panes.contains(&pane)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys::Key;
    use std::collections::BTreeMap;

    #[test]
    fn every_command_has_a_name_a_description_and_a_scope() {
        let mut names = std::collections::HashSet::new();
        for c in COMMANDS {
            assert!(!c.about.trim().is_empty(), "{} has no description", c.name);
            assert!(c.scope().next().is_some(), "{} has no scope", c.name);
            assert!(names.insert(c.name), "{} is declared twice", c.name);
            assert!(
                c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{}: config names are snake_case",
                c.name
            );
        }
    }

    #[test]
    fn default_keys_parse_and_never_collide_within_a_context() {
        let mut seen: BTreeMap<(Context, Key), &str> = BTreeMap::new();
        for c in COMMANDS {
            for (context, keys) in c.defaults {
                for k in keys.split_whitespace() {
                    let key =
                        Key::parse(k).unwrap_or_else(|| panic!("{}: \"{k}\" is not a key", c.name));
                    if let Some(other) = seen.insert((*context, key), c.name) {
                        panic!("{k} is both {other} and {} in {}", c.name, context.name());
                    }
                }
            }
        }
    }

    #[test]
    fn a_pane_command_knows_its_pane() {
        assert_eq!(Action::Burndown.panes(), vec![Pane::Sprint]);
        assert_eq!(
            Action::SendToSprint.panes(),
            vec![Pane::Backlog, Pane::Sprint]
        );
        assert!(Action::Undo.panes().is_empty());
        assert!(
            Action::Cancel.panes().is_empty(),
            "Esc works everywhere, though closing a sprint binds it too"
        );
        assert_eq!(Action::StandupNext.panes(), vec![Pane::Sprint]);
        assert!(Action::Down.works_in(Pane::Timeline));
        assert!(!Action::Budget.works_in(Pane::Backlog));
        assert_eq!(Action::named("move_down"), Some(Action::MoveDown));
        assert_eq!(Action::MoveDown.name(), Some("move_down"));
    }
}

#[cfg(test)]
mod readme {
    use super::COMMANDS;

    #[test]
    fn the_readme_lists_every_command() {
        let readme = include_str!("../../README.md");
        for c in COMMANDS {
            let row = format!("| `{}` | {} |", c.name, c.about.replace('|', "\\|"));
            assert!(readme.contains(&row), "README's config table lacks {row}");
        }
    }
}
