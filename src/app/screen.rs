//! The screen a pane shows now, and the commands it answers there. Dispatch asks the screen first;
//! what it does not answer goes to the global commands. Routing never consults the keymap: a command's
//! scope comes from the command table, so a rebound key or the palette reaches the same handler.

use super::command::{COMMANDS, Context};
use super::stakeholders::Screen as PeopleScreen;
use super::timeline::Sub;
use super::{Action, App, Pane, SprintScreen};

/// One screen of one pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Backlog,
    SprintBoard,
    SprintCard,
    Burndown,
    Planning,
    Team,
    Standup,
    Gantt,
    Budget,
    Risks,
    Register,
    Grid,
    Notes,
}

fn in_context(action: &Action, context: Context) -> bool {
    COMMANDS
        .iter()
        .any(|c| c.action == *action && c.scope().any(|s| s == context))
}

fn list_motion(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) | Details
    )
}

/// An action on something this screen does not show: the charts hide the board's cards, the budget
/// the gantt's entries, the note timeline the register's stakeholder. Such a key would change what
/// the user cannot see, so it says where it works instead.
fn acts_on_hidden(screen: Screen, action: &Action) -> bool {
    use Action::*;
    match screen {
        Screen::Burndown => matches!(
            action,
            CardLeft
                | CardRight
                | ToggleBlocked
                | Assign
                | SendToSprint
                | Details
                | DetailsDown
                | DetailsUp
                | ScrollDetails(_)
        ),
        Screen::Budget => {
            super::timeline::shifts_dates(action)
                || matches!(
                    action,
                    EditEntry | DeleteEntry | Dependencies | LinkItems | CloseRisk
                )
        }
        Screen::Notes => matches!(
            action,
            MorePower | LessPower | MoreInterest | LessInterest | GridLeft | GridRight
        ),
        _ => false,
    }
}

impl Screen {
    /// In words, for "does nothing here" messages.
    pub fn describe(self) -> &'static str {
        match self {
            Screen::Backlog => "in the backlog",
            Screen::SprintBoard | Screen::SprintCard => "on the sprint board",
            Screen::Burndown => "in the burndown",
            Screen::Planning => "in the planning view",
            Screen::Team => "on the team screen",
            Screen::Standup => "during the standup",
            Screen::Gantt => "in the timeline",
            Screen::Budget => "in the budget",
            Screen::Risks => "in the risk register",
            Screen::Register => "in the stakeholder register",
            Screen::Grid => "in the power/interest grid",
            Screen::Notes => "in the note timeline",
        }
    }
}

impl App {
    /// The screen on show.
    pub fn screen(&self) -> Screen {
        match self.pane {
            Pane::Backlog => Screen::Backlog,
            Pane::Sprint => match self.sprint.screen {
                SprintScreen::Board => Screen::SprintBoard,
                SprintScreen::Card => Screen::SprintCard,
                SprintScreen::Burndown { .. } => Screen::Burndown,
                SprintScreen::Planning => Screen::Planning,
                SprintScreen::Team(_) => Screen::Team,
                SprintScreen::Standup(_) => Screen::Standup,
            },
            Pane::Timeline => match self.timeline.sub {
                Sub::Gantt => Screen::Gantt,
                Sub::Budget => Screen::Budget,
                Sub::Risks => Screen::Risks,
            },
            Pane::Stakeholders => match self.people.screen {
                PeopleScreen::Register => Screen::Register,
                PeopleScreen::Grid => Screen::Grid,
                PeopleScreen::Notes => Screen::Notes,
            },
        }
    }

    /// True when the screen on show answers this action itself.
    pub fn screen_offers(&self, action: &Action) -> bool {
        use Action::*;
        let screen = self.screen();
        if acts_on_hidden(screen, action) {
            return false;
        }
        match screen {
            Screen::Backlog => {
                list_motion(action)
                    || in_context(action, Context::Backlog)
                    || matches!(
                        action,
                        SelectRow(_) | Filter | DescriptionEdited(..) | ScrollDetails(_)
                    )
                    || (*action == Cancel
                        && (!self.backlog.filter.is_empty() || self.backlog.details))
            }
            Screen::SprintBoard | Screen::SprintCard | Screen::Burndown => {
                list_motion(action)
                    || in_context(action, Context::Sprint)
                    || matches!(action, ScrollDetails(_))
                    || (*action == Filter && screen != Screen::Burndown)
                    || (*action == Cancel
                        && (screen != Screen::SprintBoard || !self.sprint.filter.is_empty()))
            }
            Screen::Planning => {
                list_motion(action)
                    || matches!(
                        action,
                        ColumnLeft
                            | ColumnRight
                            | SendToSprint
                            | Plan
                            | DeleteSprint
                            | Cancel
                            | Team
                    )
            }
            Screen::Team => {
                list_motion(action)
                    || matches!(
                        action,
                        Team | AddPerson
                            | EditPerson
                            | RemovePerson
                            | DaysOff
                            | TeamCapacity
                            | Cancel
                            | SelectRow(_)
                    )
            }
            Screen::Standup => {
                list_motion(action)
                    || in_context(action, Context::Sprint)
                    || in_context(action, Context::Standup)
                    || *action == Cancel
            }
            Screen::Gantt | Screen::Budget | Screen::Risks => {
                list_motion(action)
                    || in_context(action, Context::Timeline)
                    || (*action == Filter && screen == Screen::Gantt)
                    || (*action == Cancel
                        && (screen != Screen::Gantt
                            || self.timeline.details
                            || !self.timeline.filter.is_empty()))
            }
            Screen::Register | Screen::Grid | Screen::Notes => {
                list_motion(action)
                    || in_context(action, Context::Stakeholders)
                    || matches!(action, Filter | Cancel | NoteEdited { .. })
            }
        }
    }
}
