//! Generated boards shaped beyond the usual proportions: a given number of cards in the active sprint
//! and of stakeholder notes, for the benchmarks that must hold on a board nobody would plan but
//! somebody will have (`cairn generate --items 100000 --sprint-cards 5000 --notes 20000`).

use super::words::PEOPLE;
use super::{ANCHOR, add, build, pick, sprint_figures};
use crate::model::{Board, Item, ItemKind, SprintState};
use jiff::civil::Date;
use std::fmt;
use std::sync::Arc;

/// What to generate: `items` backlog items and, when given, exactly `sprint_cards` of them in the
/// active sprint and exactly `notes` stakeholder notes in all (else the usual proportions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    pub items: usize,
    pub sprint_cards: Option<usize>,
    pub notes: Option<usize>,
}

/// The board the per-key budgets must hold on: 100k items, 5,000 of them in the active sprint, 20,000
/// stakeholder notes.
pub const PATHOLOGICAL: Profile = Profile {
    items: 100_000,
    sprint_cards: Some(5_000),
    notes: Some(20_000),
};

/// [`PATHOLOGICAL`]'s board for `seed`, its active sprint under way on [`ANCHOR`].
pub fn pathological(seed: u64) -> Board {
    PATHOLOGICAL
        .generate(seed)
        .expect("the pathological profile fits its own board")
}

/// Why a profile cannot be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// More sprint cards than items.
    MoreCardsThanItems { cards: usize, items: usize },
    /// More sprint cards than the items that can be in the active sprint (epics and the closed
    /// sprints' work cannot).
    MoreCardsThanOpenWork { cards: usize, open: usize },
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ProfileError::MoreCardsThanItems { cards, items } => write!(
                f,
                "--sprint-cards {cards} is more than --items {items}: the active sprint's cards are items"
            ),
            ProfileError::MoreCardsThanOpenWork { cards, open } => write!(
                f,
                "--sprint-cards {cards} is more than the {open} items that can be in the active sprint \
                 (epics and the closed sprints' work cannot): ask for fewer cards or more items"
            ),
        }
    }
}

impl std::error::Error for ProfileError {}

impl Profile {
    /// The usual proportions for `items` items.
    pub fn new(items: usize) -> Profile {
        Profile {
            items,
            sprint_cards: None,
            notes: None,
        }
    }

    /// The board for `seed`, its active sprint under way on [`ANCHOR`]; deterministic for the seed.
    /// Without `sprint_cards` and `notes` it is [`super::generate`]'s board.
    pub fn generate(&self, seed: u64) -> Result<Board, ProfileError> {
        if let Some(cards) = self.sprint_cards
            && cards > self.items
        {
            return Err(ProfileError::MoreCardsThanItems {
                cards,
                items: self.items,
            });
        }
        let mut board = build(self.items, seed, self.notes);
        if let Some(cards) = self.sprint_cards {
            fill_active_sprint(&mut board, cards, seed)?;
        }
        Ok(board)
    }

    /// [`Profile::generate`]'s board with its dates moved so that its active sprint is under way
    /// `today` (what `cairn generate` writes).
    pub fn generate_at(&self, seed: u64, today: Date) -> Result<Board, ProfileError> {
        let mut board = self.generate(seed)?;
        board.shift_dates((today - ANCHOR).get_days());
        Ok(board)
    }
}

/// Gives the active sprint exactly `cards` cards: the top of the backlog joins it (half to do, half
/// done, so the WIP limits of the columns between hold) or its last cards go back to the backlog; its
/// commitment, burndown and capacity follow.
fn fill_active_sprint(board: &mut Board, cards: usize, seed: u64) -> Result<(), ProfileError> {
    let Some(active) = board
        .sprints
        .iter()
        .position(|s| s.state == SprintState::Active)
    else {
        return Err(ProfileError::MoreCardsThanOpenWork { cards, open: 0 });
    };
    let id = board.sprints[active].id;
    let start = board.sprints[active].start;
    let in_sprint = board.items.iter().filter(|i| i.sprint == Some(id)).count();
    let backlog = |i: &Item| i.sprint.is_none() && i.kind != ItemKind::Epic;
    let open = in_sprint + board.items.iter().filter(|i| backlog(i)).count();
    if cards > open {
        return Err(ProfileError::MoreCardsThanOpenWork { cards, open });
    }
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5bd1_e995);
    let (to_do, done) = (board.columns[0].name.clone(), board.columns[3].name.clone());
    if cards > in_sprint {
        let mut joined = 0;
        for item in board.items.iter_mut() {
            if joined == cards - in_sprint {
                break;
            }
            if !backlog(item) {
                continue;
            }
            let it = Arc::make_mut(item);
            it.sprint = Some(id);
            it.assignee = pick(&mut rng, PEOPLE).to_string();
            let since = add(start, rng.i64(0..12));
            it.created = it.created.min(start);
            it.status_since = since;
            it.updated = since;
            if joined % 2 == 0 {
                it.status = to_do.clone();
            } else {
                it.status = done.clone();
                it.done = Some(since);
            }
            joined += 1;
        }
    } else {
        let mut left = in_sprint - cards;
        for item in board.items.iter_mut().rev() {
            if left == 0 {
                break;
            }
            if item.sprint != Some(id) {
                continue;
            }
            let it = Arc::make_mut(item);
            it.sprint = None;
            it.assignee.clear();
            it.status = to_do.clone();
            it.done = None;
            it.blocked = None;
            left -= 1;
        }
    }
    let mine: Vec<&Item> = board
        .items
        .iter()
        .filter(|i| i.sprint == Some(id))
        .map(|i| &**i)
        .collect();
    let sp = &mut board.sprints[active];
    sprint_figures(sp, &mine);
    // A team that takes on this much has the capacity for it (within what a sprint can hold).
    let committed = sp.committed.unwrap_or(0);
    if committed > sp.capacity {
        sp.capacity = committed.min(*crate::model::value::CAPACITY.end());
    }
    Ok(())
}
