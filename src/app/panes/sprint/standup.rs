//! Standup mode: walk the board right to left (closest to done first) or person by person, mark what
//! was discussed, flag blocked cards, with a visible timebox; at the end, a summary.

use crate::app::{Action, App, Effect, SprintScreen};
use crate::model::ItemId;
use std::time::Duration;

/// One stop of the walk: a person (or nobody) and the cards talked about there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    pub person: String,
    pub cards: Vec<ItemId>,
}

#[derive(Clone, Debug)]
pub struct Standup {
    pub by_person: bool,
    pub stops: Vec<Stop>,
    pub at: usize,
    pub discussed: Vec<ItemId>,
    /// Time since the standup started, and when the current stop started.
    pub elapsed: Duration,
    pub stop_started: Duration,
    /// The run's clock when the standup started (ticks carry the time; nothing here reads a clock).
    started: Duration,
    /// The walk has reached its end: the summary shows.
    pub finished: bool,
}

impl Standup {
    pub fn current(&self) -> Option<&Stop> {
        self.stops.get(self.at)
    }

    /// Time for each stop if the timebox is shared evenly.
    pub fn per_stop(&self, timebox: Duration) -> Duration {
        timebox / (self.stops.len().max(1) as u32)
    }

    /// The summary to paste into a note: what was discussed, what is blocked among the walked cards,
    /// and which sprint cards changed column today (all derived from the board, so undo keeps it true).
    pub fn summary(&self, app: &App) -> Vec<String> {
        let walked: Vec<ItemId> = self
            .stops
            .iter()
            .flat_map(|s| s.cards.iter().copied())
            .collect();
        let blocked: Vec<ItemId> = walked
            .iter()
            .copied()
            .filter(|id| app.doc.board.item(*id).is_some_and(|i| i.is_blocked()))
            .collect();
        let moved: Vec<ItemId> = app
            .doc
            .board
            .active_sprint()
            .map(|s| {
                app.doc
                    .board
                    .sprint_items(s.id)
                    .filter(|i| i.status_since == app.run.today && i.created != app.run.today)
                    .map(|i| i.id)
                    .collect()
            })
            .unwrap_or_default();
        let keys = |ids: &[ItemId]| {
            if ids.is_empty() {
                "none".to_string()
            } else {
                ids.iter()
                    .map(|i| app.doc.board.item_key(*i))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        vec![
            format!(
                "Standup {} ({} min)",
                app.run.today,
                self.elapsed.as_secs().div_ceil(60)
            ),
            format!(
                "Discussed: {} card(s) — {}",
                self.discussed.len(),
                keys(&self.discussed)
            ),
            format!("Blocked: {}", keys(&blocked)),
            format!("Moved today: {}", keys(&moved)),
        ]
    }
}

impl App {
    /// The stops of a walk over the active sprint's unfinished cards.
    fn standup_stops(&self, by_person: bool) -> Vec<Stop> {
        let Some(sprint) = self.doc.board.active_sprint() else {
            return Vec::new();
        };
        let last = self.doc.board.columns.len().saturating_sub(1);
        // Right to left, skipping the done column: the cards closest to done come first.
        let mut cards: Vec<(usize, &crate::model::Item)> = self
            .doc
            .board
            .sprint_items(sprint.id)
            .filter_map(|i| {
                self.doc
                    .board
                    .column_index(&i.status)
                    .filter(|c| *c < last)
                    .map(|c| (c, i))
            })
            .collect();
        cards.sort_by_key(|(c, _)| std::cmp::Reverse(*c));
        if !by_person {
            return cards
                .iter()
                .map(|(_, i)| Stop {
                    person: i.assignee.clone(),
                    cards: vec![i.id],
                })
                .collect();
        }
        let mut people: Vec<String> = cards.iter().map(|(_, i)| i.assignee.clone()).collect();
        people.sort_by(|a, b| (a.is_empty(), a).cmp(&(b.is_empty(), b)));
        people.dedup();
        people
            .into_iter()
            .map(|p| Stop {
                cards: cards
                    .iter()
                    .filter(|(_, i)| i.assignee == p)
                    .map(|(_, i)| i.id)
                    .collect(),
                person: p,
            })
            .collect()
    }

    pub(crate) fn start_standup(&mut self) {
        let stops = self.standup_stops(false);
        if stops.is_empty() {
            self.info("Nothing to walk: the active sprint has no unfinished cards");
            return;
        }
        self.sprint.screen = SprintScreen::Standup(Box::new(Standup {
            by_person: false,
            stops,
            at: 0,
            discussed: Vec::new(),
            elapsed: Duration::ZERO,
            stop_started: Duration::ZERO,
            started: self.clock,
            finished: false,
        }));
        self.focus_standup_card();
    }

    /// Puts the board's selection on the current stop's first card, so x, H and L act on it.
    fn focus_standup_card(&mut self) {
        let Some(id) = self
            .sprint
            .standup()
            .and_then(|s| s.current())
            .and_then(|s| s.cards.first().copied())
        else {
            return;
        };
        if let Some(col) = self
            .doc
            .board
            .item(id)
            .and_then(|i| self.doc.board.column_index(&i.status))
        {
            self.sprint.column = col;
            self.sprint.card = Some(id);
        }
    }

    /// A tick of the clock: the standup's timers follow it.
    pub(crate) fn standup_tick(&mut self) -> Vec<Effect> {
        let now = self.clock;
        if let SprintScreen::Standup(s) = &mut self.sprint.screen {
            s.elapsed = now.saturating_sub(s.started);
        }
        Vec::new()
    }

    /// True while something on screen follows the clock (the runner ticks only then).
    pub fn ticking(&self) -> bool {
        self.sprint.standup().is_some()
    }

    pub(crate) fn standup_action(&mut self, action: Action) -> Vec<Effect> {
        let SprintScreen::Standup(mut s) = std::mem::take(&mut self.sprint.screen) else {
            return Vec::new();
        };
        match action {
            Action::StandupNext => {
                if let Some(stop) = s.current() {
                    for id in stop.cards.clone() {
                        if !s.discussed.contains(&id) {
                            s.discussed.push(id);
                        }
                    }
                }
                s.at += 1;
                s.stop_started = s.elapsed;
                s.finished = s.at >= s.stops.len();
            }
            Action::Up => {
                s.at = s.at.saturating_sub(1);
                s.finished = false;
            }
            Action::Down => s.at = (s.at + 1).min(s.stops.len().saturating_sub(1)),
            Action::StandupByPerson => {
                s.by_person = !s.by_person;
                s.stops = self.standup_stops(s.by_person);
                s.at = 0;
                s.finished = false;
            }
            Action::Standup | Action::Cancel => {
                let summary = s.summary(self);
                self.info(summary.join(" · "));
                return Vec::new();
            }
            other => {
                // x, H, L and the rest act on the current stop's card on the board.
                self.sprint.screen = SprintScreen::Standup(s);
                self.focus_standup_card();
                return self.sprint_board_action(other);
            }
        }
        self.sprint.screen = SprintScreen::Standup(s);
        self.focus_standup_card();
        Vec::new()
    }
}
