//! The power/interest grid: moving the selection across quadrants and moving a stakeholder's power
//! and interest with the keys.

use super::*;
use crate::app::{Action, App, Effect};
use crate::model::stakeholder::{self as rules};
use crate::model::{Quadrant, Stakeholder};

/// Within a quadrant: the most powerful first, then the most interested, then by name.
pub(crate) fn by_grid(a: &Stakeholder, b: &Stakeholder) -> std::cmp::Ordering {
    (b.power, b.interest)
        .cmp(&(a.power, a.interest))
        .then(a.name.cmp(&b.name))
        .then(a.id.cmp(&b.id))
}

/// The stakeholders through the filter in one quadrant, in the grid's order.
pub fn quadrant_members<'a>(
    all: &'a [Stakeholder],
    quadrant: Quadrant,
    filter: &str,
) -> Vec<&'a Stakeholder> {
    let mut list: Vec<&Stakeholder> = all
        .iter()
        .filter(|s| s.quadrant() == quadrant && matches_filter(s, filter))
        .collect();
    list.sort_by(|a, b| by_grid(a, b));
    list
}

/// Row and column of a quadrant in `GRID`.
pub(crate) fn grid_cell(q: Quadrant) -> (usize, usize) {
    match q {
        Quadrant::KeepSatisfied => (0, 0),
        Quadrant::ManageClosely => (0, 1),
        Quadrant::Monitor => (1, 0),
        Quadrant::KeepInformed => (1, 1),
    }
}

impl App {
    /// j/k in the grid: along the quadrant's list, on into the quadrant above or below.
    pub(crate) fn move_in_grid(&mut self, action: &Action) {
        let Some(current) = self.selected_person() else {
            // Nothing selected yet: the first of the first quadrant that has anyone.
            self.people.selected = GRID.iter().flatten().find_map(|q| {
                self.quadrant_rows(*q)
                    .first()
                    .map(|&p| self.person_at(p).id)
            });
            return;
        };
        let (r, c) = grid_cell(current.quadrant());
        // Positions in the kept quadrants: no list of a quadrant's members per key.
        let here = self.quadrant_rows(current.quadrant());
        let other = self.quadrant_rows(GRID[1 - r][c]);
        let at = here
            .iter()
            .position(|&p| self.person_at(p).id == current.id)
            .unwrap_or(0);
        let to = match action {
            Action::Down | Action::Scroll(1..) | Action::PageDown => {
                if at + 1 < here.len() {
                    here.get(at + 1)
                } else if r == 0 {
                    other.first()
                } else {
                    None
                }
            }
            Action::Up | Action::Scroll(..=-1) | Action::PageUp => {
                if at > 0 {
                    here.get(at - 1)
                } else if r == 1 {
                    other.last()
                } else {
                    None
                }
            }
            Action::Top => here.first(),
            Action::Bottom => here.last(),
            _ => None,
        };
        let to = to.map(|&p| self.person_at(p).id);
        drop((here, other));
        if let Some(id) = to {
            self.people.selected = Some(id);
        }
    }

    /// ← and → in the grid: the quadrant beside, at about the same height.
    pub(crate) fn move_across_grid(&mut self, right: bool) {
        let Some(current) = self.selected_person() else {
            self.move_in_grid(&Action::Down);
            return;
        };
        let (r, c) = grid_cell(current.quadrant());
        let to_col = if right { 1 } else { 0 };
        if to_col == c {
            return;
        }
        let at = self
            .quadrant_rows(current.quadrant())
            .iter()
            .position(|&p| self.person_at(p).id == current.id)
            .unwrap_or(0);
        // The same row of quadrants first, else the other row: never a jump to nowhere.
        let target = [GRID[r][to_col], GRID[1 - r][to_col]]
            .into_iter()
            .map(|q| self.quadrant_rows(q))
            .find(|m| !m.is_empty())
            .map(|m| self.person_at(m[at.min(m.len() - 1)]).id);
        match target {
            Some(id) => self.people.selected = Some(id),
            None => {
                let side = if right { "high" } else { "low" };
                self.info(format!("Nobody with {side} interest"));
            }
        }
    }

    pub(crate) fn shift_on_grid(&mut self, power: i8, interest: i8) -> Vec<Effect> {
        let Some(s) = self.selected_person() else {
            self.info("No stakeholder selected");
            return Vec::new();
        };
        let (id, before) = (s.id, s.quadrant());
        match rules::shift_on_grid(&self.doc.board, id, power, interest) {
            Ok(crate::model::Edit::UpdateStakeholder(moved)) => {
                let what = if power != 0 {
                    format!("power {} → {}", s.power, moved.power)
                } else {
                    format!("interest {} → {}", s.interest, moved.interest)
                };
                let now = moved.quadrant();
                let place = if now == before {
                    format!("still {}", now.name())
                } else {
                    format!("now {}", now.name())
                };
                let label = format!("{}: {what}, {place}", moved.name);
                self.change(crate::model::Edit::UpdateStakeholder(moved), label)
            }
            Ok(other) => self.change(other, "Move on the grid".into()),
            Err(e) => self.refused(e),
        }
    }
}
