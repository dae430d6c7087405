//! Standup mode: walk the board right to left (closest to done first) or person by person, mark what
//! was discussed, flag blocked cards, with a visible timebox; at the end, a summary.

use crate::app::overlay::Hint;
use crate::app::{Action, App, Effect, SprintScreen};
use crate::model::ItemId;
use std::time::Duration;

/// One stop of the walk: a person (or nobody) and the cards talked about there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    pub person: String,
    pub cards: Vec<ItemId>,
}

/// One walk's own place: its stops, where it is, the selected card of the stop and the stops it has
/// ticked. Each walk keeps its own, so switching walks neither carries ticks over nor loses them.
#[derive(Clone, Debug, Default)]
struct Walk {
    by_person: bool,
    stops: Vec<Stop>,
    at: usize,
    card: usize,
    ticked: Vec<bool>,
}

#[derive(Clone, Debug)]
pub struct Standup {
    pub by_person: bool,
    pub stops: Vec<Stop>,
    pub at: usize,
    /// The selected card of the current stop (x, H and L act on it; j and k move it).
    pub card: usize,
    /// The stops this walk has ticked with Space (each walk counts its own).
    pub ticked: Vec<bool>,
    /// Every card talked about, in either walk (the summary's).
    pub discussed: Vec<ItemId>,
    /// Time since the standup started, and when the current stop started.
    pub elapsed: Duration,
    pub stop_started: Duration,
    /// The run's clock when the standup started (ticks carry the time; nothing here reads a clock).
    started: Duration,
    /// The walk has reached its end: the summary shows.
    pub finished: bool,
    /// The other walk, as it was left.
    parked: Option<Walk>,
}

/// A standup duration as the timer shows it: minutes and seconds (`1:05`), everywhere.
pub fn clock(d: Duration) -> String {
    format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60)
}

/// `1 card`, `2 cards`.
pub fn count(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

impl Standup {
    pub fn current(&self) -> Option<&Stop> {
        self.stops.get(self.at)
    }

    /// The card selected in the walk, which the board's keys act on (none once it is finished).
    pub fn selected(&self) -> Option<ItemId> {
        self.current()
            .filter(|_| !self.finished)
            .and_then(|s| s.cards.get(self.card).copied())
    }

    /// How many stops this walk has ticked.
    pub fn ticks(&self) -> usize {
        self.ticked.iter().filter(|t| **t).count()
    }

    pub fn is_ticked(&self, stop: usize) -> bool {
        self.ticked.get(stop).copied().unwrap_or(false)
    }

    /// Time for each stop if the timebox is shared evenly.
    pub fn per_stop(&self, timebox: Duration) -> Duration {
        timebox / (self.stops.len().max(1) as u32)
    }

    /// What the status bar offers during the standup; the keys come from the standup's context,
    /// then the sprint board's (most needed first: a short bar keeps the first ones). At the
    /// summary, only what works there.
    pub fn hints(&self) -> &'static [Hint] {
        use Action::*;
        if self.finished {
            return &[
                Hint::Key(Cancel, "end"),
                Hint::Key(Up, "back"),
                Hint::Key(StandupByPerson, "other walk"),
            ];
        }
        &[
            Hint::Key(StandupNext, "next"),
            Hint::Pair(Down, Up, "card"),
            Hint::Key(ToggleBlocked, "blocked"),
            Hint::Pair(CardLeft, CardRight, "move"),
            Hint::Key(Cancel, "end"),
            Hint::Key(StandupByPerson, "by person"),
        ]
    }

    fn set_walk(&mut self, w: Walk) -> Walk {
        let old = Walk {
            by_person: self.by_person,
            stops: std::mem::replace(&mut self.stops, w.stops),
            at: self.at,
            card: self.card,
            ticked: std::mem::replace(&mut self.ticked, w.ticked),
        };
        self.by_person = w.by_person;
        self.at = w.at;
        self.card = w.card;
        self.finished = self.at >= self.stops.len();
        old
    }

    /// Goes to another stop (the timer of the stop starts again).
    fn go_to(&mut self, at: usize, card: usize) {
        if at != self.at || self.finished {
            self.stop_started = self.elapsed;
        }
        self.at = at;
        self.card = card;
        self.finished = at >= self.stops.len();
    }

    /// Space: the stop's cards discussed, the stop ticked, on to the next stop.
    fn next_stop(&mut self) {
        if let Some(stop) = self.current() {
            let cards = stop.cards.clone();
            for id in cards {
                if !self.discussed.contains(&id) {
                    self.discussed.push(id);
                }
            }
            if let Some(t) = self.ticked.get_mut(self.at) {
                *t = true;
            }
        }
        self.go_to((self.at + 1).min(self.stops.len()), 0);
    }

    /// j: the next card of the stop, then the next stop's first (nothing ticked).
    fn down(&mut self) {
        let cards = self.current().map_or(0, |s| s.cards.len());
        if self.finished {
            return;
        }
        if self.card + 1 < cards {
            self.card += 1;
        } else if self.at + 1 < self.stops.len() {
            self.go_to(self.at + 1, 0);
        }
    }

    /// k: the previous card, then the previous stop's last; from the summary, back to the last stop.
    fn up(&mut self) {
        if self.card > 0 && !self.finished {
            self.card -= 1;
        } else if self.at > 0 {
            let to = self.at.min(self.stops.len()) - 1;
            let last = self.stops[to].cards.len().saturating_sub(1);
            self.go_to(to, last);
        }
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
        let timebox = Duration::from_secs(u64::from(app.doc.board.settings.standup_minutes) * 60);
        vec![
            format!(
                "Standup {} took {} of {}",
                app.run.today,
                clock(self.elapsed),
                clock(timebox)
            ),
            format!(
                "Discussed {} — {}",
                count(self.discussed.len(), "card"),
                keys(&self.discussed)
            ),
            format!("Blocked: {}", keys(&blocked)),
            format!("Moved today: {}", keys(&moved)),
        ]
    }
}

impl App {
    /// The stops of a walk over the active sprint. Right to left: one stop a card not yet done,
    /// closest to done first. Person by person: everyone with a card in the sprint, their open
    /// cards right to left, then what they finished.
    fn standup_stops(&self, by_person: bool) -> Vec<Stop> {
        let Some(sprint) = self.doc.board.active_sprint() else {
            return Vec::new();
        };
        let last = self.doc.board.columns.len().saturating_sub(1);
        // Right to left; the done column (and any status outside the workflow) last.
        let mut cards: Vec<(usize, &crate::model::Item)> = self
            .doc
            .board
            .sprint_items(sprint.id)
            .map(|i| {
                let column = self.doc.board.column_index(&i.status).unwrap_or(last);
                (column, i)
            })
            .collect();
        cards.sort_by_key(|(c, _)| (*c >= last, std::cmp::Reverse(*c)));
        if !by_person {
            return cards
                .iter()
                .filter(|(c, _)| *c < last)
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

    fn walk(&self, by_person: bool) -> Walk {
        let stops = self.standup_stops(by_person);
        Walk {
            by_person,
            ticked: vec![false; stops.len()],
            stops,
            at: 0,
            card: 0,
        }
    }

    pub(crate) fn start_standup(&mut self) {
        let walk = self.walk(false);
        if walk.stops.is_empty() {
            self.info("Nothing to walk: the active sprint has no unfinished cards");
            return;
        }
        let mut standup = Standup {
            by_person: false,
            stops: Vec::new(),
            at: 0,
            card: 0,
            ticked: Vec::new(),
            discussed: Vec::new(),
            elapsed: Duration::ZERO,
            stop_started: Duration::ZERO,
            started: self.clock,
            finished: false,
            parked: None,
        };
        standup.set_walk(walk);
        self.sprint.screen = SprintScreen::Standup(Box::new(standup));
        self.focus_standup_card();
    }

    /// Puts the board's selection on the walk's selected card, so the board is where the walk is
    /// when the standup ends (during it, `selected_card` is the walk's).
    fn focus_standup_card(&mut self) {
        let Some(id) = self.sprint.standup().and_then(|s| s.selected()) else {
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

    /// Ends the standup: the summary in the status line and, when something was discussed, the
    /// dated standup note on the board (one undoable step; `model::flow::standup_note`).
    fn end_standup(&mut self, s: &Standup) -> Vec<Effect> {
        let summary = s.summary(self).join(" · ");
        if s.discussed.is_empty() || !self.writable() {
            self.info(summary);
            return Vec::new();
        }
        let b = &self.doc.board;
        let mut spoke: Vec<String> = Vec::new();
        for id in &s.discussed {
            if let Some(who) = b.item(*id).map(|i| i.assignee.clone())
                && !who.is_empty()
                && !spoke.contains(&who)
            {
                spoke.push(who);
            }
        }
        let record = crate::model::flow::StandupRecord {
            took: s.elapsed.as_secs(),
            timebox: u64::from(b.settings.standup_minutes) * 60,
            spoke,
            discussed: s.discussed.clone(),
        };
        match crate::model::flow::standup_note(b, &record, self.run.today) {
            Ok(edit) => {
                let label = format!("Standup note for {}", self.run.today);
                let effects = self.change(edit, label);
                let team = crate::model::flow::TEAM;
                self.info(format!("{summary} · noted on {team} in the note timeline"));
                effects
            }
            Err(e) => {
                self.error(format!("The standup note was not written: {e}"));
                Vec::new()
            }
        }
    }

    /// A tick of the clock: the standup's timers follow it. True when a timer on screen (whole
    /// seconds) shows another figure.
    pub(crate) fn standup_tick(&mut self) -> bool {
        let now = self.clock;
        if let SprintScreen::Standup(s) = &mut self.sprint.screen {
            let shown = |s: &Standup| {
                let stop = s.elapsed.saturating_sub(s.stop_started);
                (s.elapsed.as_secs(), stop.as_secs())
            };
            let before = shown(s);
            s.elapsed = now.saturating_sub(s.started);
            return shown(s) != before;
        }
        false
    }

    /// True while something on screen follows the clock (the runner ticks only then).
    /// The clock matters: a standup's timer runs, or a message waits to make way for the hints.
    pub fn ticking(&self) -> bool {
        self.sprint.standup().is_some() || self.run.status.is_some()
    }

    pub(crate) fn standup_action(&mut self, action: Action) -> Vec<Effect> {
        let SprintScreen::Standup(mut s) = std::mem::take(&mut self.sprint.screen) else {
            return Vec::new();
        };
        match action {
            Action::StandupNext => s.next_stop(),
            Action::Up => s.up(),
            Action::Down => s.down(),
            Action::StandupByPerson => {
                let other = s.parked.take().unwrap_or_else(|| self.walk(!s.by_person));
                let left = s.set_walk(other);
                s.parked = Some(left);
                s.stop_started = s.elapsed;
            }
            Action::Standup | Action::Cancel => return self.end_standup(&s),
            other => {
                // x, H, L and the rest act on the walk's selected card on the board.
                self.sprint.screen = SprintScreen::Standup(s);
                let effects = self.sprint_board_action(other);
                self.focus_standup_card();
                return effects;
            }
        }
        self.sprint.screen = SprintScreen::Standup(s);
        self.focus_standup_card();
        Vec::new()
    }
}
