//! What Enter does with the timeline's forms and pickers: add or edit an entry or a risk, set an
//! entry's dependencies, link items to an entry, link a risk to items and entries.

use super::*;
use crate::app::picker::{Choice, Purpose, Target};
use crate::app::{App, Effect, Form, FormKind, Mode};
use crate::model::{Edit, EntryId, EntryKind, ItemId, Risk, TimelineEntry, plan};

/// The same ids, whatever their order: the picker lists them in its own order, not the file's.
pub(crate) fn same_set<T: Ord + Copy>(a: &[T], b: &[T]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

pub(crate) use crate::model::words::count as plural;

pub(crate) fn entry_choice(e: &TimelineEntry, on: bool) -> Choice {
    let when = if e.kind == EntryKind::Phase {
        format!("{} → {}", e.start, e.end)
    } else {
        e.start.to_string()
    };
    Choice {
        target: Target::Entry(e.id),
        label: e.name.clone(),
        detail: format!("{} · {when}", e.kind.name()),
        on,
    }
}

impl App {
    /// Every backlog item as a picker choice, ticked when in `on`.
    pub(crate) fn item_choices(&self, on: &[ItemId]) -> Vec<Choice> {
        let on: std::collections::HashSet<ItemId> = on.iter().copied().collect();
        self.doc
            .board
            .items
            .iter()
            .map(|it| Choice {
                target: Target::Item(it.id),
                label: format!("{} {}", self.doc.board.item_key(it.id), it.title),
                detail: match it.points {
                    Some(p) => format!("{} · {p} pts", it.status),
                    None => format!("{} · no estimate", it.status),
                },
                on: on.contains(&it.id),
            })
            .collect()
    }

    pub(crate) fn submit_timeline_form(&mut self, mut form: Form) -> Vec<Effect> {
        let FormKind::Timeline(kind) = form.kind else {
            return Vec::new();
        };
        let today = self.run.today;
        match kind {
            TimelineForm::AddEntry | TimelineForm::EditEntry(_) => {
                let template = match kind {
                    TimelineForm::EditEntry(id) => match self.doc.board.entry(id) {
                        Some(e) => e.clone(),
                        None => return self.refuse(plan::PlanError::NoEntry(id)),
                    },
                    _ => plan::blank_entry(today),
                };
                let Some(entry) = form.entry_values(&template, today) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                if let TimelineForm::EditEntry(_) = kind {
                    if entry == template {
                        self.info("No changes");
                        return Vec::new();
                    }
                    let label = format!("Edit \"{}\"", entry.name);
                    self.timeline.selected = Some(entry.id);
                    return self.change(Edit::UpdateEntry(Box::new(entry)), label);
                }
                let name = entry.name.clone();
                let kind_name = entry.kind.name();
                match plan::add_entry(&self.doc.board, entry) {
                    Ok((edit, id)) => {
                        let effects = self.change(edit, format!("Add {kind_name} \"{name}\""));
                        self.timeline.selected = Some(id);
                        self.bring_into_view(id);
                        effects
                    }
                    Err(e) => self.refuse(e),
                }
            }
            TimelineForm::AddRisk | TimelineForm::EditRisk(_) => {
                let template = match kind {
                    TimelineForm::EditRisk(id) => match self.doc.board.risk(id) {
                        Some(r) => r.clone(),
                        None => return self.refuse(plan::PlanError::NoRisk(id)),
                    },
                    _ => plan::blank_risk(today),
                };
                let Some(risk) = form.risk_values(&template) else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                if let TimelineForm::EditRisk(id) = kind {
                    if risk == template {
                        self.info("No changes");
                        return Vec::new();
                    }
                    self.timeline.risk = Some(id);
                    let label = format!("Edit risk \"{}\"", risk.title);
                    return self.change(Edit::UpdateRisk(Box::new(risk)), label);
                }
                let title = risk.title.clone();
                let exposure = risk.exposure();
                let (edit, id) = plan::add_risk(&self.doc.board, risk);
                let effects =
                    self.change(edit, format!("Add risk \"{title}\" (exposure {exposure})"));
                self.timeline.risk = Some(id);
                effects
            }
        }
    }

    /// The picker's answer for the timeline: an entry's items or dependencies, a risk's links.
    pub(crate) fn apply_timeline_picks(
        &mut self,
        purpose: Purpose,
        chosen: Vec<Target>,
    ) -> Vec<Effect> {
        let items: Vec<ItemId> = chosen
            .iter()
            .filter_map(|t| match t {
                Target::Item(id) => Some(*id),
                Target::Entry(_) => None,
            })
            .collect();
        let entries: Vec<EntryId> = chosen
            .iter()
            .filter_map(|t| match t {
                Target::Entry(id) => Some(*id),
                Target::Item(_) => None,
            })
            .collect();
        let name = |app: &App, id: EntryId| {
            app.doc
                .board
                .entry(id)
                .map_or(String::new(), |e| e.name.clone())
        };
        let (result, label) = match purpose {
            Purpose::EntryItems(id) => {
                if self
                    .doc
                    .board
                    .entry(id)
                    .is_some_and(|e| same_set(&e.items, &items))
                {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!(
                    "Link {} to \"{}\"",
                    plural(items.len(), "item"),
                    name(self, id)
                );
                (plan::link_items(&self.doc.board, id, items), label)
            }
            Purpose::EntryDeps(id) => {
                if self
                    .doc
                    .board
                    .entry(id)
                    .is_some_and(|e| same_set(&e.depends_on, &entries))
                {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!(
                    "\"{}\" depends on {}",
                    name(self, id),
                    plural(entries.len(), "entry")
                );
                (plan::set_dependencies(&self.doc.board, id, entries), label)
            }
            Purpose::RiskLinks(id) => {
                let same = |r: &Risk| same_set(&r.items, &items) && same_set(&r.entries, &entries);
                if self.doc.board.risk(id).is_some_and(same) {
                    self.info("No changes");
                    return Vec::new();
                }
                let title = self
                    .doc
                    .board
                    .risk(id)
                    .map_or(String::new(), |r| r.title.clone());
                let label = format!(
                    "Link risk \"{title}\" to {} and {}",
                    plural(entries.len(), "entry"),
                    plural(items.len(), "item")
                );
                (plan::link_risk(&self.doc.board, id, items, entries), label)
            }
            Purpose::NoteLinks { .. } | Purpose::BlockedBy(_) | Purpose::Related(_) => {
                return Vec::new();
            }
        };
        let effects = match result {
            Ok(edit) => self.change(edit, label),
            Err(e) => return self.refuse(e),
        };
        // A dependency picked on an entry that already starts too early is broken at once: say so.
        if let (Purpose::EntryDeps(id), false) = (purpose, effects.is_empty())
            && let Some(e) = self.doc.board.entry(id)
        {
            let broken: Vec<String> = e
                .broken_dependencies(&self.doc.board.timeline)
                .iter()
                .map(|d| format!("\"{}\" ends {}", d.name, d.end))
                .collect();
            if !broken.is_empty() {
                let msg = format!(
                    "{} — ✗ it starts {} but {} (> moves it, P pushes dependents)",
                    self.run
                        .status
                        .as_ref()
                        .map_or(String::new(), |s| s.text.clone()),
                    e.start,
                    broken.join(", ")
                );
                self.error(msg);
            }
        }
        effects
    }
}
