//! The same limits, kept on every change: `Board::apply` refuses an edit that would put a value
//! into the board that the next load would refuse, so what was saved always loads again.

use super::super::{Board, Edit, Item};
use super::{NAME_IN_MESSAGE, fields};
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

impl Board {
    /// The first limit `edit` breaks, naming the record. A batch is not looked into: each of its
    /// edits is checked as it is applied.
    pub(crate) fn check_limits(&self, edit: &Edit) -> Result<(), String> {
        let named = |who: String, check: &dyn Fn(&mut fields::Say<'_>)| {
            first(|say| check(say)).map_err(|m| format!("{who}: {m}"))
        };
        match edit {
            Edit::UpdateItem(it) | Edit::InsertItem { item: it, .. } => {
                named(self.describe_item(it.id, &it.title), &|say| {
                    fields::item(it, say)
                })
            }
            Edit::UpdateSprint(s) | Edit::InsertSprint { sprint: s, .. } => named(
                format!(
                    "sprint {} (\"{}\")",
                    s.id,
                    shorten(&s.name, NAME_IN_MESSAGE)
                ),
                &|say| fields::sprint(s, say),
            ),
            Edit::UpdateEntry(e) | Edit::InsertEntry { entry: e, .. } => named(
                format!(
                    "timeline entry {} (\"{}\")",
                    e.id,
                    shorten(&e.name, NAME_IN_MESSAGE)
                ),
                &|say| fields::entry(e, say),
            ),
            Edit::UpdateRisk(r) | Edit::InsertRisk { risk: r, .. } => named(
                format!("risk {} (\"{}\")", r.id, shorten(&r.title, NAME_IN_MESSAGE)),
                &|say| fields::risk(r, say),
            ),
            Edit::UpdateStakeholder(s) | Edit::InsertStakeholder { stakeholder: s, .. } => {
                let who = format!(
                    "stakeholder {} (\"{}\")",
                    s.id,
                    shorten(&s.name, NAME_IN_MESSAGE)
                );
                named(who.clone(), &|say| fields::stakeholder(s, say))?;
                for n in &s.notes {
                    named(format!("{who}, note {}", n.id), &|say| fields::note(n, say))?;
                }
                Ok(())
            }
            Edit::SetProject(p) => named("project".into(), &|say| fields::project(p, say)),
            Edit::SetColumns(columns) => {
                for c in columns {
                    named(
                        format!("workflow column \"{}\"", shorten(&c.name, NAME_IN_MESSAGE)),
                        &|say| fields::column(c, say),
                    )?;
                }
                Ok(())
            }
            Edit::SetSettings(s) => named("settings".into(), &|say| fields::settings(s, say)),
            Edit::RemoveItem(_)
            | Edit::MoveItem { .. }
            | Edit::Reorder(_)
            | Edit::RemoveSprint(_)
            | Edit::RemoveEntry(_)
            | Edit::RemoveRisk(_)
            | Edit::RemoveStakeholder(_)
            | Edit::SetCounters(_)
            | Edit::Batch(_) => Ok(()),
        }
    }
}
