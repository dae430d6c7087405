//! Where a change was made: the pane and what was selected there. Each undo step keeps its place,
//! so undo and redo say what they did *and* take the user to it (pane and selection), instead of
//! changing a stakeholder's note silently while the backlog is on screen.

use super::panes::timeline::Sub;
use super::{Action, App, Pane, SprintScreen, Target};
use crate::model::{EntryId, ItemId, NoteId, RiskId, StakeholderId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Backlog(Option<ItemId>),
    /// The sprint board and its selected card.
    Sprint(Option<ItemId>),
    Timeline(Option<EntryId>),
    Budget,
    Risks(Option<RiskId>),
    /// The register's selection and its selected note.
    Stakeholders(Option<StakeholderId>, Option<NoteId>),
}

impl Place {
    pub fn pane(self) -> Pane {
        match self {
            Place::Backlog(_) => Pane::Backlog,
            Place::Sprint(_) => Pane::Sprint,
            Place::Timeline(_) | Place::Budget | Place::Risks(_) => Pane::Timeline,
            Place::Stakeholders(..) => Pane::Stakeholders,
        }
    }
}

impl App {
    /// The place on show now.
    pub fn here(&self) -> Place {
        match self.pane {
            Pane::Backlog => Place::Backlog(self.backlog.selected),
            Pane::Sprint => Place::Sprint(self.selected_card()),
            Pane::Timeline => match self.timeline.sub {
                Sub::Gantt => Place::Timeline(self.selected_entry().map(|e| e.id)),
                Sub::Budget => Place::Budget,
                Sub::Risks => Place::Risks(self.selected_risk().map(|r| r.id)),
            },
            Pane::Stakeholders => {
                Place::Stakeholders(self.selected_person().map(|s| s.id), self.people.note)
            }
        }
    }

    /// Shows `place`: its pane, and its selection while that still exists (a redone delete leaves
    /// the pane on show with the selection where it is).
    pub(crate) fn go_back_to(&mut self, place: Place) {
        if self.here() == place {
            return;
        }
        let board = &self.doc.board;
        let then = match place {
            Place::Backlog(Some(id)) if board.item(id).is_some() => Some(Action::GoToItem(id)),
            Place::Timeline(Some(id)) if board.entry(id).is_some() => Some(Action::GoToEntry(id)),
            Place::Risks(Some(id)) if board.risks.iter().any(|r| r.id == id) => {
                Some(Action::GoToRisk(id))
            }
            Place::Stakeholders(Some(id), _) if board.stakeholder(id).is_some() => {
                Some(Action::GoToStakeholder(id))
            }
            _ => None,
        };
        if let Some(go) = then {
            self.global(go);
            if let Place::Stakeholders(Some(_), Some(note)) = place
                && self.doc.board.note(note).is_some()
            {
                self.people.note = Some(note);
            }
            return;
        }
        if self.pane != place.pane() {
            self.show(place.pane());
        }
        match place {
            Place::Sprint(card) => {
                if matches!(
                    self.sprint.screen,
                    SprintScreen::Burndown { .. } | SprintScreen::Planning
                ) {
                    self.sprint.screen = SprintScreen::Board;
                }
                if let Some(id) = card.filter(|id| board_has_card(self, *id)) {
                    self.click(Target::Card(id));
                }
            }
            Place::Budget => self.timeline.sub = Sub::Budget,
            Place::Risks(_) => self.timeline.sub = Sub::Risks,
            Place::Timeline(_) => self.timeline.sub = Sub::Gantt,
            _ => {}
        }
    }
}

fn board_has_card(app: &App, id: ItemId) -> bool {
    let b = &app.doc.board;
    let active = b.active_sprint().map(|s| s.id);
    b.item(id)
        .is_some_and(|i| i.sprint.is_some() && i.sprint == active)
}
