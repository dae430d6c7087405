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

/// A profile without its extras is the usual board; with them, the active sprint holds exactly that
/// many cards and the stakeholders exactly that many notes, the board still valid, the same for a seed.
#[test]
fn profiles_give_exact_cards_and_notes() {
    assert_eq!(Profile::new(1000).generate(3), Ok(generate(1000, 3)));
    for (items, cards, notes) in [(1000, 300, 900), (1000, 2, 0), (200, 0, 7), (30, 20, 1)] {
        let p = Profile {
            items,
            sprint_cards: Some(cards),
            notes: Some(notes),
        };
        let at = format!("{p:?}");
        let b = p.generate(5).expect(&at);
        assert_eq!(p.generate(5).as_ref(), Ok(&b), "{at}: not deterministic");
        assert!(b.validate().is_empty(), "{at}: {:?}", b.validate());
        assert_eq!(b.items.len(), items, "{at}");
        let active = b.active_sprint().expect("an active sprint");
        assert_eq!(b.sprint_items(active.id).count(), cards, "{at}");
        let committed: u32 = b.sprint_items(active.id).map(|i| i.points_or_zero()).sum();
        assert_eq!(active.committed, Some(committed), "{at}");
        let n: usize = b.stakeholders.iter().map(|s| s.notes.len()).sum();
        assert_eq!(n, notes, "{at}");
        let ids: std::collections::BTreeSet<_> = b
            .stakeholders
            .iter()
            .flat_map(|s| s.notes.iter().map(|n| n.id))
            .collect();
        assert_eq!(ids.len(), notes, "{at}: note ids repeat");
    }
    // Only the notes change with --notes; only the sprint's cards with --sprint-cards.
    let p = Profile {
        notes: Some(77),
        ..Profile::new(1000)
    };
    let (plain, noted) = (generate(1000, 3), p.generate(3).expect("fits"));
    assert_eq!(plain.items, noted.items);
    assert_eq!(plain.sprints, noted.sprints);
}

#[test]
fn profiles_that_cannot_be_are_named() {
    let too_many = Profile {
        sprint_cards: Some(11),
        ..Profile::new(10)
    };
    assert_eq!(
        too_many.generate(1),
        Err(ProfileError::MoreCardsThanItems {
            cards: 11,
            items: 10
        })
    );
    let no_room = Profile {
        sprint_cards: Some(1000),
        ..Profile::new(1000)
    };
    let err = no_room
        .generate(1)
        .expect_err("epics and closed sprints' work");
    assert!(
        matches!(err, ProfileError::MoreCardsThanOpenWork { cards: 1000, open } if open < 1000),
        "{err:?}"
    );
    assert!(err.to_string().contains("epics"), "{err}");
}

/// The profile the issue's per-key budgets name (generating it takes seconds in a debug build: the
/// shape is checked at smaller sizes above, the board itself by `cargo bench`).
#[test]
fn the_pathological_profile_is_the_issues() {
    assert_eq!(
        PATHOLOGICAL,
        Profile {
            items: 100_000,
            sprint_cards: Some(5_000),
            notes: Some(20_000)
        }
    );
}
