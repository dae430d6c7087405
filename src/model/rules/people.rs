//! The team's rules: each change to the roster, days off or which sprints take the team's capacity
//! is one edit, with the capacity of every sprint that takes it from the team brought up to date in
//! the same step; renaming a person renames them on every record that names them.

use crate::model::team::{self, Person, check_days_off, check_person, check_unique};
use crate::model::{Board, Edit, Item, SprintId};
use std::collections::BTreeSet;

/// The edits that bring each sprint taking the team's capacity (in `sprints`) to what `people`
/// gives it; closed sprints keep theirs (their capacity is history).
fn sync_capacity(board: &Board, people: &[Person], sprints: &BTreeSet<SprintId>) -> Vec<Edit> {
    board
        .sprints
        .iter()
        .filter(|s| sprints.contains(&s.id) && s.state != crate::model::SprintState::Closed)
        .filter_map(|s| {
            let capacity = team::team_capacity(people, s);
            (capacity != s.capacity).then(|| {
                let mut s = s.clone();
                s.capacity = capacity;
                Edit::UpdateSprint(Box::new(s))
            })
        })
        .collect()
}

/// Replaces the team with `people`, sprints taking its capacity following. The message says what
/// is wrong (a name twice, a capacity out of range) and nothing changes.
pub fn set_team(board: &Board, people: Vec<Person>) -> Result<Edit, String> {
    for p in &people {
        check_person(p).map_err(|m| format!("{}: {m}", p.name.trim()))?;
    }
    check_unique(&people)?;
    let mut edits = sync_capacity(board, &people, &board.team_sprints);
    edits.insert(0, Edit::SetTeam(people));
    Ok(Edit::Batch(edits))
}

/// Adds `person` at the end of the team.
pub fn add_person(board: &Board, person: Person) -> Result<Edit, String> {
    let mut people = board.team.clone();
    people.push(person);
    set_team(board, people)
}

/// Replaces the person at `index`; a new name also renames them on every record (see `rename`).
/// Returns the edit and how many records the rename changed.
pub fn update_person(board: &Board, index: usize, person: Person) -> Result<(Edit, usize), String> {
    let Some(old) = board.team.get(index) else {
        return Err("no such person on the team".into());
    };
    let mut people = board.team.clone();
    let (renamed, records) = if old.name != person.name {
        rename_edits(board, &old.name, person.name.trim())
    } else {
        (Vec::new(), 0)
    };
    people[index] = person;
    let Edit::Batch(mut edits) = set_team(board, people)? else {
        unreachable!("set_team returns a batch")
    };
    edits.extend(renamed);
    Ok((Edit::Batch(edits), records))
}

/// Takes the person at `index` off the team (their items keep their assignee).
pub fn remove_person(board: &Board, index: usize) -> Result<Edit, String> {
    if index >= board.team.len() {
        return Err("no such person on the team".into());
    }
    let mut people = board.team.clone();
    people.remove(index);
    set_team(board, people)
}

/// Sets the days off of the person at `index` in `sprint` (0 clears them).
pub fn set_days_off(
    board: &Board,
    index: usize,
    sprint: SprintId,
    days: u32,
) -> Result<Edit, String> {
    let Some(s) = board.sprint(sprint) else {
        return Err(format!("no sprint {sprint}"));
    };
    check_days_off(days, s)?;
    let mut people = board.team.clone();
    let Some(p) = people.get_mut(index) else {
        return Err("no such person on the team".into());
    };
    if days == 0 {
        p.days_off.remove(&sprint);
    } else {
        p.days_off.insert(sprint, days);
    }
    set_team(board, people)
}

/// Makes `sprint` take its capacity from the team (`on`) or keep the figure it has now.
pub fn use_team_capacity(board: &Board, sprint: SprintId, on: bool) -> Result<Edit, String> {
    if board.sprint(sprint).is_none() {
        return Err(format!("no sprint {sprint}"));
    }
    let mut sprints = board.team_sprints.clone();
    if on {
        sprints.insert(sprint);
    } else {
        sprints.remove(&sprint);
    }
    let mut edits = sync_capacity(board, &board.team, &sprints);
    edits.insert(0, Edit::SetTeamSprints(sprints));
    Ok(Edit::Batch(edits))
}

/// The edit that saves `sprint` (changed in the sprint form). For a sprint taking the team's
/// capacity, a new capacity typed in is its own from now on (the explicit figure wins), and new
/// dates bring the team's capacity along.
pub fn update_sprint(board: &Board, mut sprint: crate::model::Sprint) -> Edit {
    let Some(current) = board.sprint(sprint.id) else {
        return Edit::UpdateSprint(Box::new(sprint));
    };
    if !board.team_sprints.contains(&sprint.id) {
        return Edit::UpdateSprint(Box::new(sprint));
    }
    if sprint.capacity != current.capacity {
        let mut sprints = board.team_sprints.clone();
        sprints.remove(&sprint.id);
        return Edit::Batch(vec![
            Edit::UpdateSprint(Box::new(sprint)),
            Edit::SetTeamSprints(sprints),
        ]);
    }
    sprint.capacity = team::team_capacity(&board.team, &sprint);
    Edit::UpdateSprint(Box::new(sprint))
}

/// `text` with each whole-word `old` replaced by `new`, or `None` when it does not name `old`.
fn replace_word(text: &str, old: &str, new: &str) -> Option<String> {
    if old.is_empty() || !text.contains(old) {
        return None;
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (at, _) in text.match_indices(old) {
        if at < done {
            continue;
        }
        let before = text[..at].chars().next_back();
        let after = text[at + old.len()..].chars().next();
        if !is_word(before) && !is_word(after) {
            out.push_str(&text[done..at]);
            out.push_str(new);
            done = at + old.len();
        }
    }
    (done > 0).then(|| {
        out.push_str(&text[done..]);
        out
    })
}

/// The edits that rename `old` to `new` on every item (assignee), timeline entry and risk (owner)
/// and in every note that names them as a whole word, and how many records they change.
fn rename_edits(board: &Board, old: &str, new: &str) -> (Vec<Edit>, usize) {
    let mut edits = Vec::new();
    for it in &board.items {
        if it.assignee == old {
            let mut it = Item::clone(it);
            it.assignee = new.to_string();
            edits.push(Edit::UpdateItem(Box::new(it)));
        }
    }
    for e in &board.timeline {
        if e.owner == old {
            let mut e = e.clone();
            e.owner = new.to_string();
            edits.push(Edit::UpdateEntry(Box::new(e)));
        }
    }
    for r in &board.risks {
        if r.owner == old {
            let mut r = r.clone();
            r.owner = new.to_string();
            edits.push(Edit::UpdateRisk(Box::new(r)));
        }
    }
    let mut notes = 0;
    for s in &board.stakeholders {
        let mut changed = s.clone();
        let mut any = false;
        for n in &mut changed.notes {
            if let Some(text) = replace_word(&n.text, old, new) {
                n.text = text;
                notes += 1;
                any = true;
            }
        }
        if any {
            edits.push(Edit::UpdateStakeholder(Box::new(changed)));
        }
    }
    let stakeholders = edits
        .iter()
        .filter(|e| matches!(e, Edit::UpdateStakeholder(_)))
        .count();
    let records = edits.len() - stakeholders + notes;
    (edits, records)
}

/// Renames `old` to `new` everywhere (see `rename_edits`), the team included, as one step.
/// Returns the edit and how many records (items, entries, risks, notes) it changes.
pub fn rename_person(board: &Board, old: &str, new: &str) -> Result<(Edit, usize), String> {
    let new = new.trim();
    if new.is_empty() {
        return Err("the name is empty".into());
    }
    match board.team.iter().position(|p| p.name == old) {
        Some(index) => {
            let mut p = board.team[index].clone();
            p.name = new.to_string();
            update_person(board, index, p)
        }
        None => {
            let (edits, n) = rename_edits(board, old, new);
            Ok((Edit::Batch(edits), n))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::team::Capacity;

    #[test]
    fn a_typed_capacity_wins_and_new_dates_bring_the_teams_along() {
        let mut b = Board::new("T", "T");
        b.sprints.push(crate::model::Sprint {
            id: SprintId(1),
            name: "S1".into(),
            goal: String::new(),
            start: jiff::civil::date(2026, 12, 7),
            end: jiff::civil::date(2026, 12, 20),
            capacity: 30,
            state: crate::model::SprintState::Planned,
            committed: None,
            remaining: Default::default(),
            completed: None,
        });
        b.apply(add_person(&b, Person::new("Ana", Capacity::Points(10))).expect("ok"))
            .expect("applies");
        b.apply(use_team_capacity(&b, SprintId(1), true).expect("ok"))
            .expect("applies");
        assert_eq!(b.sprints[0].capacity, 10);
        // One week shorter: 5 of 10 working days.
        let mut shorter = b.sprints[0].clone();
        shorter.end = jiff::civil::date(2026, 12, 13);
        b.apply(update_sprint(&b, shorter)).expect("applies");
        assert_eq!(
            b.sprints[0].capacity, 10,
            "points are per sprint, whatever its length"
        );
        let mut typed = b.sprints[0].clone();
        typed.capacity = 25;
        b.apply(update_sprint(&b, typed)).expect("applies");
        assert_eq!(b.sprints[0].capacity, 25);
        assert!(b.team_sprints.is_empty(), "the typed figure is its own");
        // Days off that a shorter sprint cannot hold: refused, so the board still loads.
        b.apply(set_days_off(&b, 0, SprintId(1), 4).expect("ok"))
            .expect("applies");
        let mut short = b.sprints[0].clone();
        short.end = jiff::civil::date(2026, 12, 9);
        assert_eq!(
            b.apply(update_sprint(&b, short)).unwrap_err().to_string(),
            "team member \"Ana\": 4 days off is more than S1 has (3 working days); change \
             their days off first"
        );
    }

    #[test]
    fn a_whole_word_is_renamed_and_a_part_of_one_is_not() {
        assert_eq!(
            replace_word("Ana and Anabel; ask Ana.", "Ana", "Ana Lima").as_deref(),
            Some("Ana Lima and Anabel; ask Ana Lima.")
        );
        assert_eq!(replace_word("Anabel", "Ana", "X"), None);
        assert_eq!(replace_word("nobody", "Ana", "X"), None);
        assert_eq!(replace_word("@Ana", "Ana", "Bo").as_deref(), Some("@Bo"));
    }
}
