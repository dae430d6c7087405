//! The same limits, kept on every change: `Board::apply` refuses an edit that would put a value
//! into the board that the next load would refuse, so what was saved always loads again.

use super::super::{Board, Edit, Item};
use super::{NAME_IN_MESSAGE, entry_name, fields, risk_name, sprint_name, stakeholder_name};
use crate::model::value::shorten;

/// The first problem `check` reports, if any.
pub(super) fn first(check: impl FnOnce(&mut fields::Say<'_>)) -> Result<(), String> {
    let mut found = None;
    check(&mut |m| {
        found.get_or_insert(m);
    });
    found.map_or(Ok(()), Err)
}

/// An item's fields are within the limits the forms keep (what CSV import checks per row).
pub fn check_item(it: &Item) -> Result<(), String> {
    first(|say| fields::item(it, say))
}

/// The first problem `check` reports, prefixed by the record's name; the name is only made when
/// something is wrong (an import applies 100k inserts).
fn named(
    who: impl FnOnce() -> String,
    check: impl FnOnce(&mut fields::Say<'_>),
) -> Result<(), String> {
    first(check).map_err(|m| format!("{}: {m}", who()))
}

impl Board {
    /// The first limit `edit` breaks, naming the record. A batch is not looked into: each of its
    /// edits is checked as it is applied.
    pub(crate) fn check_limits(&self, edit: &Edit) -> Result<(), String> {
        match edit {
            Edit::UpdateItem(it) | Edit::InsertItem { item: it, .. } => named(
                || self.describe_item(it.id, &it.title),
                |say| fields::item(it, say),
            ),
            Edit::UpdateSprint(s) | Edit::InsertSprint { sprint: s, .. } => {
                named(|| sprint_name(s), |say| fields::sprint(s, say))?;
                self.check_days_off_fit(s)
            }
            Edit::UpdateEntry(e) | Edit::InsertEntry { entry: e, .. } => {
                named(|| entry_name(e), |say| fields::entry(e, say))
            }
            Edit::UpdateRisk(r) | Edit::InsertRisk { risk: r, .. } => {
                named(|| risk_name(r), |say| fields::risk(r, say))
            }
            Edit::UpdateStakeholder(s) | Edit::InsertStakeholder { stakeholder: s, .. } => {
                named(|| stakeholder_name(s), |say| fields::stakeholder(s, say))?;
                for n in &s.notes {
                    named(
                        || format!("{}, note {}", stakeholder_name(s), n.id),
                        |say| fields::note(n, say),
                    )?;
                }
                Ok(())
            }
            Edit::SetProject(p) => named(|| "project".into(), |say| fields::project(p, say)),
            Edit::SetColumns(columns) => {
                for c in columns {
                    named(
                        || format!("workflow column \"{}\"", shorten(&c.name, NAME_IN_MESSAGE)),
                        |say| fields::column(c, say),
                    )?;
                }
                Ok(())
            }
            Edit::SetSettings(s) => named(|| "settings".into(), |say| fields::settings(s, say)),
            Edit::SetViews(views) => first(|say| crate::model::view::check_views(views, say)),
            Edit::SetTeam(team) => self.check_team(team),
            Edit::SetTeamSprints(_) | Edit::SetSprintScope(_) | Edit::SetConflicts(_) => Ok(()),
            Edit::RemoveItem(_)
            | Edit::MoveItem { .. }
            | Edit::Reorder(_)
            | Edit::RemoveSprint(_)
            | Edit::RemoveEntry(_)
            | Edit::RemoveRisk(_)
            | Edit::RemoveStakeholder(_)
            | Edit::SetCounters(_)
            | Edit::Batch(_) => Ok(()),
            // A merged board is validated whole before it is offered (`model::merge`).
            Edit::Replace(_) => Ok(()),
        }
    }
}
