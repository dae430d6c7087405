//! The register's order and the grid's quadrants, kept between keys: worked out again (in the same
//! buffers) only when the board, the sort, the filter or the day changed, so j/k in a register of
//! thousands costs the rows on screen, not a sorted copy of everyone per key.

use super::grid::{by_grid, grid_cell};
use super::{Sort, matches_filter, register_order_by};
use crate::app::App;
use crate::model::{Quadrant, Stakeholder};
use jiff::civil::Date;
use std::borrow::Cow;

/// Positions in the board's stakeholders: the register's order and each quadrant's (by
/// `grid_cell`, row-major), for the board of `key`.
#[derive(Debug, Default)]
pub struct PeopleOrder {
    key: Option<(u64, Sort, Date)>,
    filter: String,
    register: Vec<u32>,
    quadrants: [Vec<u32>; 4],
}

fn cell(q: Quadrant) -> usize {
    let (r, c) = grid_cell(q);
    r * 2 + c
}

/// Fills `out` with the positions of the quadrant's members through the filter, in grid order.
fn quadrant_into(out: &mut Vec<u32>, all: &[Stakeholder], q: Quadrant, filter: &str) {
    out.clear();
    out.extend(
        all.iter()
            .enumerate()
            .filter(|(_, s)| s.quadrant() == q && matches_filter(s, filter))
            .map(|(p, _)| p as u32),
    );
    // Every comparison ends with the id: unstable is the same order, and needs no buffer.
    out.sort_unstable_by(|a, b| by_grid(&all[*a as usize], &all[*b as usize]));
}

impl App {
    fn people_key(&self) -> (u64, Sort, Date) {
        (self.doc.revision, self.people.sort, self.run.today)
    }

    fn people_kept(&self) -> bool {
        let o = &self.people.order;
        o.key == Some(self.people_key()) && o.filter == self.people.filter
    }

    /// Works the register's order and the quadrants out again when they are not for this board,
    /// sort, filter and day (before a frame of the stakeholders, and after each change there).
    pub fn refresh_people_order(&mut self) {
        if self.people_kept() {
            return;
        }
        let key = self.people_key();
        let all = &self.doc.board.stakeholders;
        let (sort, filter, today) = (self.people.sort, &self.people.filter, self.run.today);
        let o = &mut self.people.order;
        register_order_by(&mut o.register, all, sort, filter, today);
        for q in [
            Quadrant::KeepSatisfied,
            Quadrant::ManageClosely,
            Quadrant::Monitor,
            Quadrant::KeepInformed,
        ] {
            quadrant_into(&mut o.quadrants[cell(q)], all, q, filter);
        }
        o.filter.clone_from(filter);
        o.key = Some(key);
    }

    /// The register's order as positions in the board's stakeholders: kept, else worked out now.
    pub fn people_rows(&self) -> Cow<'_, [u32]> {
        if self.people_kept() {
            return Cow::Borrowed(&self.people.order.register);
        }
        let mut rows = Vec::new();
        let p = &self.people;
        register_order_by(
            &mut rows,
            &self.doc.board.stakeholders,
            p.sort,
            &p.filter,
            self.run.today,
        );
        Cow::Owned(rows)
    }

    /// A quadrant's members through the filter in the grid's order, as positions: kept, else
    /// worked out now.
    pub fn quadrant_rows(&self, q: Quadrant) -> Cow<'_, [u32]> {
        if self.people_kept() {
            return Cow::Borrowed(&self.people.order.quadrants[cell(q)]);
        }
        let mut rows = Vec::new();
        quadrant_into(
            &mut rows,
            &self.doc.board.stakeholders,
            q,
            &self.people.filter,
        );
        Cow::Owned(rows)
    }

    /// The stakeholder at a position of `people_rows` or `quadrant_rows`.
    pub fn person_at(&self, p: u32) -> &Stakeholder {
        &self.doc.board.stakeholders[p as usize]
    }
}
