//! The sprint board's actions: move between columns and cards, move a card along the workflow (WIP
//! limits apply), flag it blocked, assign it, plan, start and close sprints.

pub mod capacity;
mod close;
pub mod flow;
mod forms;
pub mod planning;
pub mod standup;

use crate::app::cursor;
use crate::app::{Action, App, Effect, Form, FormKind, Mode, SprintScreen};
use crate::model::{Edit, Item, ItemId, Sprint, SprintState, rules};
use std::borrow::Cow;

impl App {
    /// The active sprint's cards in a workflow column that the board's filter lets through, in rank
    /// order.
    pub fn column_cards(&self, column: usize) -> Vec<ItemId> {
        self.column_rows(column).into_owned()
    }

    /// The card moved to the column at `column` (by the board's status rule), the WIP limit
    /// counted from the index when it is up to date: a key, and the hints drawn every frame, read
    /// the column instead of walking the board.
    pub fn card_moved_to(
        &self,
        id: ItemId,
        column: usize,
    ) -> Result<Edit, crate::model::RuleError> {
        let board = &self.doc.board;
        let name = board.columns.get(column).map_or("", |c| c.name.as_str());
        if self.index.is_at(self.doc.revision) {
            let n = self.index.cards(column).len();
            return rules::set_status_counted(board, id, name, self.run.today, n);
        }
        rules::set_status(board, id, name, self.run.today)
    }

    /// [`App::column_cards`], borrowed from the index when no filter applies: a key on a column
    /// of 5,000 cards copies none of them.
    pub fn column_rows(&self, column: usize) -> Cow<'_, [ItemId]> {
        let (Some(sprint), Some(col)) = (
            self.doc.board.active_sprint(),
            self.doc.board.columns.get(column),
        ) else {
            return Cow::Borrowed(&[]);
        };
        let filter = &self.sprint.filter;
        let board = &self.doc.board;
        if self.index.is_at(self.doc.revision) {
            // The sprint's cards from the index: a walk of the column, not of the board.
            let cards = self.index.cards(column);
            if filter.is_empty() {
                return Cow::Borrowed(cards);
            }
            return Cow::Owned(
                cards
                    .iter()
                    .copied()
                    .filter(|&id| self.item(id).is_some_and(|i| filter.matches(board, i)))
                    .collect(),
            );
        }
        Cow::Owned(
            board
                .sprint_items(sprint.id)
                .filter(|i| i.status == col.name)
                .filter(|i| filter.is_empty() || filter.matches(board, i))
                .map(|i| i.id)
                .collect(),
        )
    }

    /// How many of the active sprint's cards the board's filter lets through.
    pub fn sprint_card_count(&self) -> usize {
        (0..self.doc.board.columns.len())
            .map(|c| self.column_rows(c).len())
            .sum()
    }

    /// The selected card: the remembered one while it is still in the column, else the column's first.
    /// During the standup, the walk's card (whatever the board's filter shows).
    pub fn selected_card(&self) -> Option<ItemId> {
        if let Some(s) = self.sprint.standup() {
            return s.selected();
        }
        let cards = self.column_rows(self.sprint.column);
        match self.sprint.card {
            Some(id) if cards.contains(&id) => Some(id),
            _ => cards.first().copied(),
        }
    }

    fn card_item(&self) -> Option<&Item> {
        self.selected_card().and_then(|id| self.item(id))
    }

    pub(crate) fn sprint_action(&mut self, action: Action) -> Vec<Effect> {
        let before = self.selected_card();
        let effects = match self.sprint.screen {
            SprintScreen::Planning => self.planning_action(action),
            SprintScreen::Team(_) => self.team_action(action),
            SprintScreen::Standup(_) => self.standup_action(action),
            _ => self.sprint_board_action(action),
        };
        // Another card shows its details from the top.
        if self.selected_card() != before {
            self.sprint.details_scroll = crate::app::DetailsScroll::default();
        }
        effects
    }

    /// The sprint the burndown shows: the one picked with h/l, else the active one.
    pub fn viewed_sprint(&self) -> Option<&Sprint> {
        let viewing = match self.sprint.screen {
            SprintScreen::Burndown { viewing } => viewing,
            _ => None,
        };
        viewing
            .and_then(|id| self.doc.board.sprint(id))
            .or_else(|| self.doc.board.active_sprint())
    }

    /// Sprints that have a burndown (started ones), oldest first.
    pub(crate) fn started_sprints(&self) -> Vec<crate::model::SprintId> {
        let mut s: Vec<&Sprint> = self
            .doc
            .board
            .sprints
            .iter()
            .filter(|s| s.state != SprintState::Planned)
            .collect();
        s.sort_by_key(|s| (s.start, s.id));
        s.into_iter().map(|s| s.id).collect()
    }

    /// The board's own keys (also used by standup mode on the current card).
    pub(crate) fn sprint_board_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let today = self.run.today;
        if self.sprint.burndown() && matches!(action, ColumnLeft | ColumnRight) {
            // In the burndown, h/l look at earlier or later sprints.
            let all = self.started_sprints();
            let at = self
                .viewed_sprint()
                .and_then(|v| all.iter().position(|id| *id == v.id));
            let to = match (at, action == ColumnRight) {
                (Some(n), true) => (n + 1).min(all.len().saturating_sub(1)),
                (Some(n), false) => n.saturating_sub(1),
                (None, _) => all.len().saturating_sub(1),
            };
            self.sprint.screen = SprintScreen::Burndown {
                viewing: all.get(to).copied(),
            };
            return Vec::new();
        }
        let columns = self.doc.board.columns.len().max(1);
        match action {
            ColumnLeft | ColumnRight => {
                let row = self.card_row();
                self.sprint.column = if action == ColumnLeft {
                    self.sprint.column.saturating_sub(1)
                } else {
                    (self.sprint.column + 1).min(columns - 1)
                };
                // Keep about the same height, so h/l walks across a row of cards.
                let cards = self.column_rows(self.sprint.column);
                let card = cards.get(row.min(cards.len().saturating_sub(1))).copied();
                drop(cards);
                self.sprint.card = card;
            }
            Down | Up | Top | Bottom | PageDown | PageUp | Scroll(_) => {
                let cards = self.column_rows(self.sprint.column);
                // A card takes three rows, so a page is a third of the rows.
                let page = self.viewport.page / 3;
                let to =
                    cursor::motion(&action, self.card_row(), cards.len(), page).map(|to| cards[to]);
                drop(cards);
                if let Some(id) = to {
                    self.sprint.card = Some(id);
                }
            }
            CardLeft | CardRight => return self.move_card(action == CardRight),
            // `s` on a card takes it out of the sprint, back where it came from.
            SendToSprint => match self.selected_card() {
                Some(id) => return self.send_to_sprint(id),
                None => self.info("No card selected"),
            },
            Details => match self.sprint.screen {
                SprintScreen::Card => self.sprint.screen = SprintScreen::Board,
                _ if self.selected_card().is_some() => self.sprint.screen = SprintScreen::Card,
                _ => self.info("No card selected"),
            },
            DetailsDown => self.scroll_details(self.details_step()),
            DetailsUp => self.scroll_details(-self.details_step()),
            ScrollDetails(n) => self.scroll_details(i64::from(n)),
            Filter => self.open_filter(),
            Cancel => {
                if matches!(self.sprint.screen, SprintScreen::Board) {
                    self.sprint.filter = crate::app::Filter::default();
                    self.info("Filter cleared");
                } else {
                    self.sprint.screen = SprintScreen::Board;
                }
            }
            ToggleBlocked => {
                let Some(item) = self.card_item().cloned() else {
                    self.info("No card selected");
                    return Vec::new();
                };
                let key = self.doc.board.item_key(item.id);
                if item.blocked.is_some() {
                    let mut it = item;
                    let flow = crate::model::flow::Workflow::of(&self.doc.board);
                    crate::model::flow::set_blocked(&mut it, None, flow, today);
                    it.updated = today;
                    return self.change(Edit::UpdateItem(Box::new(it)), format!("Unblock {key}"));
                }
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::blocked(&self.doc.board, &item)));
                }
            }
            Assign => match self.card_item().cloned() {
                Some(item) if self.writable() => {
                    self.mode = Mode::Form(Box::new(Form::assign(&self.doc.board, &item)));
                }
                Some(_) => {}
                None => self.info("No card selected"),
            },
            Burndown => {
                self.sprint.screen = if self.sprint.burndown() {
                    SprintScreen::Board
                } else {
                    SprintScreen::Burndown { viewing: None }
                };
            }
            Standup => self.start_standup(),
            CumulativeFlow => {
                use flow::CfdView;
                if !self.sprint.burndown() {
                    self.sprint.screen = SprintScreen::Burndown { viewing: None };
                }
                self.sprint.cfd = match self.sprint.cfd {
                    CfdView::Off => CfdView::Sprint,
                    CfdView::Sprint => CfdView::Board,
                    CfdView::Board => CfdView::Off,
                };
            }
            EditSprint => {
                let target = self.doc.board.active_sprint().or_else(|| {
                    rules::next_planned(&self.doc.board).and_then(|id| self.doc.board.sprint(id))
                });
                match target.cloned() {
                    Some(s) if self.writable() => {
                        let mut form = Form::new_sprint(&s);
                        form.kind = FormKind::EditSprint(s.id);
                        form.title = format!("Edit {}", s.name);
                        self.mode = Mode::Form(Box::new(form));
                    }
                    Some(_) => {}
                    None => self.info(format!(
                        "No active or planned sprint to edit: {} plans one",
                        self.keymap.hint(&NewSprint)
                    )),
                }
            }
            Workflow => {
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::workflow(&self.doc.board)));
                }
            }
            Plan => match rules::next_planned(&self.doc.board) {
                Some(_) => self.sprint.screen = SprintScreen::Planning,
                None => self.info(format!(
                    "No planned sprint: {} plans one, then {} plans its work",
                    self.keymap.hint(&NewSprint),
                    self.keymap.hint(&Plan)
                )),
            },
            NewSprint => {
                if self.writable() {
                    let template = rules::suggest_sprint(&self.doc.board, today);
                    self.mode = Mode::Form(Box::new(Form::new_sprint(&template)));
                }
            }
            StartSprint => match rules::next_planned(&self.doc.board) {
                None => self.info(format!(
                    "No planned sprint to start: {} plans one",
                    self.keymap.hint(&NewSprint)
                )),
                Some(id) => match rules::start_sprint(&self.doc.board, id, today) {
                    Ok(Edit::Batch(mut parts))
                        if matches!(parts.first(), Some(Edit::UpdateSprint(_))) =>
                    {
                        let Some(Edit::UpdateSprint(started)) = parts.first_mut() else {
                            return Vec::new();
                        };
                        let name = started.name.clone();
                        let points = self.doc.board.sprint_points(id);
                        // What a PM wants to know before the sprint starts: an early start moves
                        // its start to today (so the header and the board agree), and a commitment
                        // over capacity says by how much.
                        let mut why = Vec::new();
                        if today < started.start {
                            why.push(format!(
                                "it is planned to start {}; its start moves to today",
                                started.start
                            ));
                            started.start = today;
                        }
                        if points > started.capacity {
                            why.push(format!(
                                "{points} points against a capacity of {}: {} over",
                                started.capacity,
                                points - started.capacity
                            ));
                        }
                        let label = format!("Start {name} with {points} points committed");
                        let edit = Edit::Batch(parts);
                        // The new board opens on its first column, asked or not.
                        self.sprint.column = 0;
                        self.sprint.card = None;
                        if !why.is_empty() && self.writable() {
                            self.mode = Mode::ConfirmChange {
                                question: format!("Start {name} now? {}.", why.join("; ")),
                                edit: Box::new(edit),
                                label,
                                kept: format!("{name} stays planned"),
                            };
                            return Vec::new();
                        }
                        return self.change(edit, label);
                    }
                    Ok(edit) => return self.change(edit, "Start the sprint".into()),
                    Err(e) => self.error(e.to_string()),
                },
            },
            DeleteSprint => return self.delete_planned_sprint(),
            CloseSprint => match self.doc.board.active_sprint() {
                None => self.info("No active sprint to close"),
                Some(s) => {
                    let sprint = s.id;
                    let next = rules::next_planned(&self.doc.board);
                    let unfinished = self
                        .doc
                        .board
                        .sprint_items(sprint)
                        .filter(|i| !self.doc.board.is_done(i))
                        .count();
                    if unfinished == 0 {
                        return self.close_sprint(sprint, rules::Leftovers::TopOfBacklog);
                    }
                    if self.writable() {
                        self.mode = Mode::CloseSprint {
                            sprint,
                            next,
                            walk: None,
                        };
                    }
                }
            },
            Team => self.open_team(),
            // From the palette anywhere: the team screen, with the new person's form on top.
            AddPerson => {
                self.open_team();
                return self.team_action(AddPerson);
            }
            other => self.not_here(&other),
        }
        Vec::new()
    }

    /// Row of the selected card in its column.
    fn card_row(&self) -> usize {
        let cards = self.column_rows(self.sprint.column);
        self.selected_card()
            .and_then(|id| cards.iter().position(|c| *c == id))
            .unwrap_or(0)
    }

    fn move_card(&mut self, right: bool) -> Vec<Effect> {
        let Some(item) = self.card_item().cloned() else {
            self.info("No card selected");
            return Vec::new();
        };
        let Some(from) = self.doc.board.column_index(&item.status) else {
            return Vec::new();
        };
        let to = if right {
            from + 1
        } else {
            from.wrapping_sub(1)
        };
        let Some(column) = self.doc.board.columns.get(to).map(|c| c.name.clone()) else {
            let end = if right { "last" } else { "first" };
            self.info(format!(
                "{} is in the {end} column",
                self.doc.board.item_key(item.id)
            ));
            return Vec::new();
        };
        match self.card_moved_to(item.id, to) {
            Ok(edit) => {
                let label = format!("Move {} to {column}", self.doc.board.item_key(item.id));
                let effects = self.change(edit, label);
                // The card is followed into its new column.
                self.sprint.column = to;
                self.sprint.card = Some(item.id);
                effects
            }
            Err(crate::model::RuleError::WipLimit { .. })
                if self.doc.board.settings.wip_policy == crate::model::WipPolicy::Ask =>
            {
                self.mode = Mode::ConfirmWip {
                    item: item.id,
                    column: to,
                };
                Vec::new()
            }
            Err(e) => {
                self.error(format!("{}: {e}", self.doc.board.item_key(item.id)));
                Vec::new()
            }
        }
    }

    /// Moves a card past a full column after a yes.
    pub(crate) fn move_card_over_limit(&mut self, id: ItemId, to: usize) -> Vec<Effect> {
        let Some(column) = self.doc.board.columns.get(to).map(|c| c.name.clone()) else {
            return Vec::new();
        };
        match rules::set_status_over_limit(&self.doc.board, id, &column, self.run.today) {
            Ok(edit) => {
                let label = format!(
                    "Move {} to {column} (over its WIP limit)",
                    self.doc.board.item_key(id)
                );
                let effects = self.change(edit, label);
                self.sprint.column = to;
                self.sprint.card = Some(id);
                effects
            }
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }

    pub(crate) fn close_sprint(
        &mut self,
        sprint: crate::model::SprintId,
        leftovers: rules::Leftovers,
    ) -> Vec<Effect> {
        let unfinished = !self.unfinished_of(sprint).is_empty();
        let moved = match leftovers {
            _ if !unfinished => "everything done".to_string(),
            rules::Leftovers::TopOfBacklog => {
                "unfinished work to the top of the backlog".to_string()
            }
            rules::Leftovers::Sprint(n) => format!(
                "unfinished work to {}",
                self.doc
                    .board
                    .sprint(n)
                    .map_or("the next sprint", |s| s.name.as_str())
            ),
        };
        self.close_with(sprint, &|_| leftovers, moved)
    }
}
