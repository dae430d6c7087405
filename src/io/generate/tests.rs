use super::*;
use jiff::civil::date;

#[test]
fn deterministic_valid_and_scaled() {
    for n in [0, 1, 30, 1000] {
        let b = generate(n, 7);
        assert_eq!(b, generate(n, 7), "seed {n} not deterministic");
        assert!(b.validate().is_empty(), "{n} items: {:?}", b.validate());
        assert_eq!(b.items.len(), n);
    }
    let b = generate(1000, 7);
    assert_eq!(b.sprints.len(), 20);
    assert_eq!(b.timeline.len(), 10);
    assert!(b.active_sprint().is_some_and(|s| s.contains(ANCHOR)));
    assert_ne!(generate(1000, 8), b, "another seed, another board");
    let closed = b
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Closed)
        .count();
    assert_eq!(closed, 18);
    assert!(
        b.sprints
            .iter()
            .filter(|s| s.state == SprintState::Closed)
            .all(|s| s.completed.unwrap_or(0) > 0)
    );
    let notes: usize = b.stakeholders.iter().map(|s| s.notes.len()).sum();
    assert_eq!(notes, 50);
}

/// At every size and seed a generated board is current: its active sprint contains the day it was
/// generated for and commits about its capacity, and closed sprints finished about theirs.
#[test]
fn plausible_at_every_size() {
    for today in [ANCHOR, date(2026, 12, 1), date(2027, 6, 30)] {
        for items in [100, 1_000, 10_000] {
            for seed in [1, 7, 42] {
                let b = generate_at(items, seed, today);
                let at = format!("{items} items, seed {seed}, today {today}");
                let active = b.active_sprint().expect("an active sprint");
                assert!(
                    active.contains(today),
                    "{at}: {} is not current",
                    active.name
                );
                let committed: u32 = b.sprint_items(active.id).map(|i| i.points_or_zero()).sum();
                // Four cards or more fill every column.
                let cards = b.sprint_items(active.id).count();
                for column in b.columns.iter().filter(|_| cards >= 4) {
                    assert!(
                        b.sprint_items(active.id).any(|i| i.status == column.name),
                        "{at}: no card in {}",
                        column.name
                    );
                }
                assert_eq!(active.committed, Some(committed), "{at}");
                let cap = active.capacity;
                assert!(
                    committed * 5 >= cap * 4 && committed * 5 <= cap * 6,
                    "{at}: {committed} points committed against a capacity of {cap}"
                );
                for e in b
                    .timeline
                    .iter()
                    .filter(|e| e.kind.is_point() && e.start < today)
                {
                    assert!(
                        e.items
                            .iter()
                            .all(|&i| b.item(i).is_some_and(|i| b.is_done(i))),
                        "{at}: {} is past with open work",
                        e.name
                    );
                }
                let closed: Vec<_> = b
                    .sprints
                    .iter()
                    .filter(|s| s.state == SprintState::Closed)
                    .collect();
                assert!(!closed.is_empty(), "{at}: no closed sprint");
                for s in closed {
                    let v = s.completed.unwrap_or(0);
                    assert!(
                        v * 5 >= s.capacity * 4 && v <= s.capacity,
                        "{at}: {} finished {v} points with a capacity of {}",
                        s.name,
                        s.capacity
                    );
                    assert!(s.end < active.start, "{at}: {} is not over", s.name);
                }
            }
        }
    }
}
