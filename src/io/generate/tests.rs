use super::*;

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
