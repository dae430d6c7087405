//! Whom an item filter is about: `@ana`, `assignee:ana` (a name or handle on the team, or a name
//! already assigned on the board, by the one rule of `names`), `assignee:none`, and `@me` / `me:`
//! for the user `config.ron` names (`me: "Ana"`).

use super::{Named, normalize, resolve, several};
use crate::model::Board;

/// The names a person value can mean: the team's names and handles first, then everyone else
/// assigned on the board, with the name each stands for (a handle stands for its person's name).
fn candidates(board: &Board) -> (Vec<String>, Vec<String>) {
    let mut words = Vec::new();
    let mut names = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in &board.team {
        for w in [p.name.trim(), p.handle.as_str()] {
            if !w.is_empty() && seen.insert(normalize(w)) {
                words.push(w.to_string());
                names.push(p.name.trim().to_string());
            }
        }
    }
    for it in &board.items {
        let a = it.assignee.trim();
        if !a.is_empty() && seen.insert(normalize(a)) {
            words.push(a.to_string());
            names.push(a.to_string());
        }
    }
    (words, names)
}

/// What a person value means: the `normalize`d name to match assignees against (`""` for
/// unassigned), or the words saying why it means no one. `shown` is the value as typed, for the
/// message; `me` is the configured user.
pub(super) fn person(
    board: &Board,
    cache: &mut Option<(Vec<String>, Vec<String>)>,
    value: &str,
    shown: &str,
    me: Option<&str>,
) -> Result<String, String> {
    match value {
        "none" | "nobody" => return Ok(String::new()),
        "me" => {
            return match me.map(str::trim).filter(|m| !m.is_empty()) {
                // The configured name, as the team spells it when it is a handle.
                Some(m) => Ok(normalize(
                    crate::model::team::find(&board.team, m).map_or(m, |p| p.name.as_str()),
                )),
                None => Err(format!("{shown} (set me: \"Your name\" in config.ron)")),
            };
        }
        _ => {}
    }
    let (words, names) = cache.get_or_insert_with(|| candidates(board));
    match resolve(value, words) {
        Named::One(at) => Ok(normalize(&names[at])),
        Named::Several(all) => {
            let mut people: Vec<&str> = all.iter().map(|&i| names[i].as_str()).collect();
            people.dedup();
            if people.len() == 1 {
                return Ok(normalize(people[0]));
            }
            Err(several(shown, &people))
        }
        Named::Nothing => Err(shown.to_string()),
    }
}
