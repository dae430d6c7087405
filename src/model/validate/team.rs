//! The team on load and on change: each person's name, handle and capacity within limits, no name
//! or handle twice, and no more days off in a sprint than it has working days.

use super::super::team::{check_days_off, check_person, check_unique};
use super::super::{Board, Person};
use super::NAME_IN_MESSAGE;
use crate::model::value::shorten;

fn person_name(p: &Person) -> String {
    format!("team member \"{}\"", shorten(&p.name, NAME_IN_MESSAGE))
}

impl Board {
    /// Every problem of `team` against this board's sprints.
    pub(super) fn team_problems(&self, team: &[Person], say: &mut dyn FnMut(String)) {
        for p in team {
            if let Err(m) = check_person(p) {
                say(format!("{}: {m}", person_name(p)));
            }
            for (id, days) in &p.days_off {
                // A sprint deleted since keeps no meaning for the days off: they are harmless.
                if let Some(s) = self.sprint(*id)
                    && let Err(m) = check_days_off(*days, s)
                {
                    say(format!("{}: {m}", person_name(p)));
                }
            }
        }
        if let Err(m) = check_unique(team) {
            say(format!("team: {m}"));
        }
    }

    /// The first problem of `team`, for `Board::apply`.
    pub(crate) fn check_team(&self, team: &[Person]) -> Result<(), String> {
        let mut first = None;
        self.team_problems(team, &mut |m| {
            first.get_or_insert(m);
        });
        first.map_or(Ok(()), Err)
    }

    /// New dates for `sprint` still hold everyone's days off in it (else the next load would
    /// refuse the board).
    pub(crate) fn check_days_off_fit(&self, sprint: &crate::model::Sprint) -> Result<(), String> {
        for p in &self.team {
            if let Err(m) = check_days_off(p.off_in(sprint.id), sprint) {
                return Err(format!(
                    "{}: {m}; change their days off first",
                    person_name(p)
                ));
            }
        }
        Ok(())
    }
}
