//! Moving every date of a board by the same number of days (to bring the sample board to today).

use super::Board;
use jiff::civil::Date;

fn shift(d: &mut Date, days: i32) {
    if let Some(moved) = super::value::add_days(*d, i64::from(days)) {
        *d = moved;
    }
}

impl Board {
    /// Moves every date in the board by `days` (negative moves back), keeping all intervals.
    pub fn shift_dates(&mut self, days: i32) {
        if days == 0 {
            return;
        }
        for it in &mut self.items {
            let it = std::sync::Arc::make_mut(it);
            for d in [&mut it.created, &mut it.updated, &mut it.status_since] {
                shift(d, days);
            }
            for d in [&mut it.done, &mut it.due].into_iter().flatten() {
                shift(d, days);
            }
            for step in &mut it.history {
                step.shift_date(|d| shift(d, days));
            }
        }
        for s in &mut self.sprint_scope {
            s.points = std::mem::take(&mut s.points)
                .into_iter()
                .map(|(mut d, v)| {
                    shift(&mut d, days);
                    (d, v)
                })
                .collect();
        }
        for s in &mut self.sprints {
            shift(&mut s.start, days);
            shift(&mut s.end, days);
            s.remaining = std::mem::take(&mut s.remaining)
                .into_iter()
                .map(|(mut d, v)| {
                    shift(&mut d, days);
                    (d, v)
                })
                .collect();
        }
        for e in &mut self.timeline {
            shift(&mut e.start, days);
            shift(&mut e.end, days);
        }
        for r in &mut self.risks {
            shift(&mut r.raised, days);
        }
        for s in &mut self.stakeholders {
            if let Some(d) = &mut s.last_update {
                shift(d, days);
            }
            for n in &mut s.notes {
                shift(&mut n.date, days);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;
    use jiff::civil::date;
    use std::collections::BTreeMap;

    #[test]
    fn shifts_every_date_and_keeps_intervals() {
        let mut b = Board::new("T", "T");
        let mut it = Item::new(ItemId(1), ItemKind::Story, "x", "Done", date(2026, 1, 1));
        it.done = Some(date(2026, 1, 5));
        b.items.push(std::sync::Arc::new(it));
        b.sprints.push(Sprint {
            id: SprintId(1),
            name: "S".into(),
            goal: String::new(),
            start: date(2026, 1, 1),
            end: date(2026, 1, 14),
            capacity: 10,
            state: SprintState::Active,
            committed: Some(5),
            remaining: BTreeMap::from([(date(2026, 1, 2), 5)]),
            completed: None,
        });
        b.shift_dates(31);
        assert_eq!(b.items[0].created, date(2026, 2, 1));
        assert_eq!(b.items[0].done, Some(date(2026, 2, 5)));
        assert_eq!(b.sprints[0].end, date(2026, 2, 14));
        assert_eq!(
            b.sprints[0].remaining.keys().next(),
            Some(&date(2026, 2, 2))
        );
        b.shift_dates(-31);
        assert_eq!(b.items[0].created, date(2026, 1, 1));
    }
}
