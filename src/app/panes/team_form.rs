//! The team's forms: a person (name, handle, capacity in points or in days times points a day) and
//! their days off in a sprint, each field checked with the message beside it.

use crate::app::form::{Field, FieldId};
use crate::app::{Form, FormKind};
use crate::model::team::{Capacity, PERSON_DAYS, PERSON_POINTS, Person, per_day};
use crate::model::{Board, SprintId};

/// "points" or "days": how a person's capacity is given, for the form's choice.
const MEASURES: [&str; 2] = ["points", "days"];

impl Form {
    /// Add (`None`) or edit the person at `index`.
    pub fn person(board: &Board, index: Option<usize>) -> Form {
        let p = index.and_then(|i| board.team.get(i));
        let (measure, points, days, rate) = match p.map(|p| p.capacity) {
            None => ("points", "8".to_string(), String::new(), String::new()),
            Some(Capacity::Points(n)) => ("points", n.to_string(), String::new(), String::new()),
            Some(Capacity::Days {
                days,
                points_per_day,
            }) => (
                "days",
                String::new(),
                days.to_string(),
                per_day(points_per_day),
            ),
        };
        let fields = vec![
            Field::new(FieldId::Name, "as on the items", p.map_or("", |p| &p.name)),
            Field::new(
                FieldId::Handle,
                "short, for @handle (optional)",
                p.map_or("", |p| &p.handle),
            ),
            Field::choice(FieldId::Measure, "capacity in", &MEASURES, measure),
            Field::new(FieldId::Points, "points a sprint, 0–200", &points),
            Field::new(FieldId::Days, "working days a sprint, 0–100", &days),
            Field::new(FieldId::PointsPerDay, "points a day, 0.1–20", &rate),
        ];
        Form {
            kind: FormKind::Person(index),
            title: match p {
                Some(p) => format!("Edit {}", p.name),
                None => "Add a person to the team".into(),
            },
            fields,
            focus: 0,
        }
    }

    /// Days off of the person at `index` in `sprint`.
    pub fn days_off(board: &Board, index: usize, sprint: SprintId) -> Form {
        let p = &board.team[index];
        let s = board.sprint(sprint);
        let working = s.map_or(0, crate::model::team::working_days);
        let off = p.off_in(sprint);
        Form {
            kind: FormKind::DaysOff(index, sprint),
            title: format!(
                "Days off for {} in {}",
                p.name,
                s.map_or("the sprint", |s| s.name.as_str())
            ),
            fields: vec![Field::new(
                FieldId::DaysOff,
                format!("of {working} working days (0: none)"),
                &off.to_string(),
            )],
            focus: 0,
        }
    }

    /// The person the form describes, or `None` with the bad fields marked.
    pub(super) fn person_value(&mut self, board: &Board, index: Option<usize>) -> Option<Person> {
        for f in &mut self.fields {
            f.error = None;
        }
        let name = self.value(FieldId::Name);
        let handle = self.value(FieldId::Handle);
        let whole = |v: &str, range: &std::ops::RangeInclusive<u32>, unit: &str| match v
            .trim()
            .parse::<i64>()
        {
            Ok(n) if (i64::from(*range.start())..=i64::from(*range.end())).contains(&n) => {
                Ok(n as u32)
            }
            Ok(n) => Err(format!(
                "{n} is outside {}–{} {unit}",
                range.start(),
                range.end()
            )),
            Err(_) => Err(format!("\"{}\" is not a number of {unit}", v.trim())),
        };
        let capacity = if self.value(FieldId::Measure) == "days" {
            let days = whole(&self.value(FieldId::Days), &PERSON_DAYS, "days");
            let rate = self.value(FieldId::PointsPerDay).replace(',', ".");
            let rate = match rate.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(x),
                _ => Err(format!(
                    "\"{}\" is not a number of points a day",
                    rate.trim()
                )),
            };
            match (days, rate) {
                (Ok(days), Ok(points_per_day)) => Ok(Capacity::Days {
                    days,
                    points_per_day,
                }),
                (Err(e), _) => {
                    self.set_error(FieldId::Days, e);
                    Err(())
                }
                (_, Err(e)) => {
                    self.set_error(FieldId::PointsPerDay, e);
                    Err(())
                }
            }
        } else {
            whole(&self.value(FieldId::Points), &PERSON_POINTS, "points")
                .map(Capacity::Points)
                .map_err(|e| self.set_error(FieldId::Points, e))
        };
        let mut person = index
            .and_then(|i| board.team.get(i).cloned())
            .unwrap_or_else(|| Person::new("", Capacity::Points(0)));
        person.name = name.clone();
        person.handle = handle.clone();
        if let Ok(c) = capacity {
            person.capacity = c;
            if let Err(e) = c.check() {
                let id = match c {
                    Capacity::Points(_) => FieldId::Points,
                    Capacity::Days { .. } if e.contains("a day") => FieldId::PointsPerDay,
                    Capacity::Days { .. } => FieldId::Days,
                };
                self.set_error(id, e);
            }
        }
        if let Err(e) = crate::model::team::check_person(&Person {
            capacity: Capacity::Points(0),
            ..person.clone()
        }) {
            let id = if e.contains("handle") {
                FieldId::Handle
            } else {
                FieldId::Name
            };
            self.set_error(id, e);
        }
        // Nobody else may have this name or handle.
        let others = board
            .team
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != index)
            .map(|(_, p)| p);
        for other in others {
            if other.is(&name) {
                self.set_error(
                    FieldId::Name,
                    format!("{} is already on the team", other.name),
                );
            }
            if !handle.is_empty() && other.is(&handle) {
                self.set_error(
                    FieldId::Handle,
                    format!("\"{handle}\" already names {}", other.name),
                );
            }
        }
        if let Some(bad) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = bad;
            return None;
        }
        Some(person)
    }
}
