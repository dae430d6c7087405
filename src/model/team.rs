//! The team: the people who do the work, what each can take on in a sprint and the days they are
//! off. A sprint whose capacity comes from the team (`Board::team_sprints`) has its capacity kept
//! equal to `team_capacity`; any other sprint keeps the capacity it was given.

use super::ids::SprintId;
use super::sprint::Sprint;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Points a person can take on in one sprint: 0–200.
pub const PERSON_POINTS: std::ops::RangeInclusive<u32> = 0..=200;
/// Working days a person has in one sprint: 0–100.
pub const PERSON_DAYS: std::ops::RangeInclusive<u32> = 0..=100;
/// Points a person finishes in a working day: 0.1–20.
pub const POINTS_PER_DAY: std::ops::RangeInclusive<f64> = 0.1..=20.0;
/// Longest name, and longest handle, in characters.
pub const NAME_CHARS: usize = 60;
pub const HANDLE_CHARS: usize = 16;

/// What a person can take on in a sprint in which they are never off.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Capacity {
    /// Points per sprint.
    Points(u32),
    /// Working days per sprint (at most the sprint's own) times points per day.
    Days { days: u32, points_per_day: f64 },
}

impl Capacity {
    /// `8 pts` or `10 d × 1.5`.
    pub fn describe(&self) -> String {
        match *self {
            Capacity::Points(p) => format!("{p} pts"),
            Capacity::Days {
                days,
                points_per_day,
            } => format!("{days} d × {}", per_day(points_per_day)),
        }
    }

    /// Whether the figures are inside the ranges above; the message says which range.
    pub fn check(&self) -> Result<(), String> {
        match *self {
            Capacity::Points(p) if !PERSON_POINTS.contains(&p) => Err(format!(
                "capacity {p} is outside 0–{} points a sprint",
                PERSON_POINTS.end()
            )),
            Capacity::Days { days, .. } if !PERSON_DAYS.contains(&days) => Err(format!(
                "{days} days is outside 0–{} days a sprint",
                PERSON_DAYS.end()
            )),
            Capacity::Days { points_per_day, .. } if !POINTS_PER_DAY.contains(&points_per_day) => {
                Err(format!(
                    "{} points a day is outside 0.1–20",
                    per_day(points_per_day)
                ))
            }
            _ => Ok(()),
        }
    }
}

/// `1.5`, `2` (one decimal at most).
pub fn per_day(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// Someone on the team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// A short name for filters and completion (`ana`); empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub handle: String,
    pub capacity: Capacity,
    /// Working days off in a sprint, by sprint.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub days_off: BTreeMap<SprintId, u32>,
}

impl Person {
    pub fn new(name: &str, capacity: Capacity) -> Person {
        Person {
            name: name.to_string(),
            handle: String::new(),
            capacity,
            days_off: BTreeMap::new(),
        }
    }

    /// Days off in `sprint` (0 when none were set).
    pub fn off_in(&self, sprint: SprintId) -> u32 {
        self.days_off.get(&sprint).copied().unwrap_or(0)
    }

    /// True when `who` is this person's name or handle (case does not count).
    pub fn is(&self, who: &str) -> bool {
        let who = who.trim();
        !who.is_empty()
            && (self.name.eq_ignore_ascii_case(who)
                || (!self.handle.is_empty() && self.handle.eq_ignore_ascii_case(who)))
    }

    /// What they can take on in `sprint`, in whole points, rounded down (a plan should not count
    /// on a fraction of a point someone may not have):
    /// - points: `points × (working days − days off) / working days`;
    /// - days: `(min(days, working days) − days off) × points per day`.
    pub fn capacity_in(&self, sprint: &Sprint) -> u32 {
        let working = working_days(sprint);
        let off = self.off_in(sprint.id);
        match self.capacity {
            Capacity::Points(p) if working == 0 => p,
            Capacity::Points(p) => {
                let present = u64::from(working.saturating_sub(off));
                (u64::from(p) * present / u64::from(working)) as u32
            }
            Capacity::Days {
                days,
                points_per_day,
            } => {
                let present = days.min(working).saturating_sub(off);
                // Rounded to a tenth first so 3 × 0.1 is 0.3, not 0.29999….
                let tenths = (f64::from(present) * points_per_day * 10.0).round();
                (tenths / 10.0).floor() as u32
            }
        }
    }
}

/// Monday to Friday in the sprint, both ends counted (a sprint on a weekend only has none).
pub fn working_days(sprint: &Sprint) -> u32 {
    let mut n = 0;
    let mut day = sprint.start;
    while day <= sprint.end {
        if !matches!(
            day.weekday(),
            jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
        ) {
            n += 1;
        }
        match day.tomorrow() {
            Ok(d) => day = d,
            Err(_) => break,
        }
    }
    n
}

/// The team's capacity in `sprint`: everyone's, less their days off.
pub fn team_capacity(team: &[Person], sprint: &Sprint) -> u32 {
    team.iter().map(|p| p.capacity_in(sprint)).sum()
}

/// Days off `days` for someone in `sprint`: at most the sprint's working days.
pub fn check_days_off(days: u32, sprint: &Sprint) -> Result<(), String> {
    let working = working_days(sprint);
    if days > working {
        return Err(format!(
            "{days} days off is more than {} has ({working} working days)",
            sprint.name
        ));
    }
    Ok(())
}

/// What is wrong with the person's own fields (name, handle, capacity), if anything.
pub fn check_person(p: &Person) -> Result<(), String> {
    let name = p.name.trim();
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if name.chars().count() > NAME_CHARS {
        return Err(format!("the name is longer than {NAME_CHARS} characters"));
    }
    if p.handle.chars().count() > HANDLE_CHARS {
        return Err(format!(
            "the handle is longer than {HANDLE_CHARS} characters"
        ));
    }
    if p.handle.contains(char::is_whitespace) || p.handle.contains([':', ',', '@']) {
        return Err("a handle is one word (no spaces, :, , or @)".into());
    }
    p.capacity.check()
}

/// The first name or handle two people share (case does not count), as "Ana appears twice".
pub fn check_unique(team: &[Person]) -> Result<(), String> {
    let mut seen: Vec<String> = Vec::new();
    for p in team {
        let name = p.name.trim().to_lowercase();
        let handle = p.handle.to_lowercase();
        // A handle may be the person's own name; only another person's name or handle clashes.
        for (w, lower) in [(p.name.trim(), &name), (p.handle.as_str(), &handle)] {
            if !lower.is_empty() && seen.contains(lower) {
                return Err(format!("\"{w}\" is the name or handle of two people"));
            }
        }
        seen.push(name);
        seen.extend((!handle.is_empty()).then_some(handle));
    }
    Ok(())
}

/// The person `who` names (name or handle) on `team`.
pub fn find<'a>(team: &'a [Person], who: &str) -> Option<&'a Person> {
    team.iter().find(|p| p.is(who))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SprintState;
    use jiff::civil::date;

    /// Mon 7 Dec – Sun 20 Dec 2026: 10 working days.
    fn sprint() -> Sprint {
        Sprint {
            id: SprintId(3),
            name: "Sprint 3".into(),
            goal: String::new(),
            start: date(2026, 12, 7),
            end: date(2026, 12, 20),
            capacity: 30,
            state: SprintState::Planned,
            committed: None,
            remaining: BTreeMap::new(),
            completed: None,
        }
    }

    #[test]
    fn working_days_leave_out_weekends() {
        assert_eq!(working_days(&sprint()), 10);
        let mut weekend = sprint();
        weekend.start = date(2026, 12, 12);
        weekend.end = date(2026, 12, 13);
        assert_eq!(working_days(&weekend), 0);
    }

    #[test]
    fn points_scale_by_the_share_of_days_present_rounded_down() {
        let mut ana = Person::new("Ana", Capacity::Points(8));
        assert_eq!(ana.capacity_in(&sprint()), 8);
        ana.days_off.insert(SprintId(3), 3);
        // 8 × 7 / 10 = 5.6 → 5.
        assert_eq!(ana.capacity_in(&sprint()), 5);
        ana.days_off.insert(SprintId(3), 10);
        assert_eq!(ana.capacity_in(&sprint()), 0);
        ana.days_off.insert(SprintId(4), 10);
        ana.days_off.remove(&SprintId(3));
        assert_eq!(ana.capacity_in(&sprint()), 8, "another sprint's days off");
    }

    #[test]
    fn days_are_capped_by_the_sprint_then_less_days_off_times_points_a_day() {
        let mut bo = Person::new(
            "Bo",
            Capacity::Days {
                days: 12,
                points_per_day: 1.5,
            },
        );
        assert_eq!(bo.capacity_in(&sprint()), 15, "10 working days × 1.5");
        bo.days_off.insert(SprintId(3), 3);
        // 7 × 1.5 = 10.5 → 10.
        assert_eq!(bo.capacity_in(&sprint()), 10);
        bo.capacity = Capacity::Days {
            days: 3,
            points_per_day: 0.1,
        };
        bo.days_off.clear();
        assert_eq!(bo.capacity_in(&sprint()), 0, "0.3 → 0");
        bo.capacity = Capacity::Days {
            days: 10,
            points_per_day: 0.1,
        };
        assert_eq!(bo.capacity_in(&sprint()), 1, "1.0 exactly, not 0.999…");
        let team = [Person::new("Ana", Capacity::Points(8)), bo];
        assert_eq!(team_capacity(&team, &sprint()), 9);
    }

    #[test]
    fn bad_figures_and_names_say_what_is_allowed() {
        assert_eq!(
            Capacity::Points(201).check().unwrap_err(),
            "capacity 201 is outside 0–200 points a sprint"
        );
        let days = Capacity::Days {
            days: 5,
            points_per_day: 25.0,
        };
        assert_eq!(
            days.check().unwrap_err(),
            "25 points a day is outside 0.1–20"
        );
        assert!(check_days_off(10, &sprint()).is_ok());
        assert_eq!(
            check_days_off(11, &sprint()).unwrap_err(),
            "11 days off is more than Sprint 3 has (10 working days)"
        );
        let mut p = Person::new(" ", Capacity::Points(1));
        assert_eq!(check_person(&p).unwrap_err(), "the name is empty");
        p.name = "Ana".into();
        p.handle = "a b".into();
        assert!(check_person(&p).is_err());
        p.handle = "ana".into();
        assert!(check_person(&p).is_ok());
        let mut other = Person::new("ANA", Capacity::Points(1));
        assert!(check_unique(&[p.clone(), other.clone()]).is_err());
        other.name = "Ana Lima".into();
        other.handle = "ANA".into();
        assert_eq!(
            check_unique(&[p.clone(), other]).unwrap_err(),
            "\"ANA\" is the name or handle of two people"
        );
        assert!(p.is("ANA") && p.is("ana") && !p.is(""));
        assert_eq!(per_day(1.5), "1.5");
        assert_eq!(per_day(2.0), "2");
    }
}
