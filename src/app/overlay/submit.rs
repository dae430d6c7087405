//! The form overlay's keys and what Enter does with each kind of form: the item forms here, the
//! sprint, timeline and stakeholder forms in their panes.

use crate::app::{Action, App, Effect, Form, FormKind, Mode};
use crate::model::{Edit, Item, rules};

impl App {
    pub(crate) fn form(&mut self, mut form: Form, action: Action) -> Vec<Effect> {
        match action {
            Action::Cancel => {
                self.info("Cancelled: nothing changed");
                return Vec::new();
            }
            // Tab on a person completes a name first; once it is complete it moves on.
            Action::NextField if form.focused().complete() => {}
            Action::NextField => form.next(),
            Action::PrevField => form.prev(),
            Action::Type(key) => form.focused().key(key),
            Action::Confirm => return self.submit_asking_team(form),
            _ => {}
        }
        self.mode = Mode::Form(Box::new(form));
        Vec::new()
    }

    pub(crate) fn submit(&mut self, mut form: Form) -> Vec<Effect> {
        let today = self.run.today;
        match form.kind {
            FormKind::Blocked(_)
            | FormKind::Assign(_)
            | FormKind::NewSprint
            | FormKind::EditSprint(_)
            | FormKind::Workflow => self.submit_sprint_form(form),
            FormKind::Timeline(_) => self.submit_timeline_form(form),
            FormKind::People(_) => self.submit_people_form(form),
            FormKind::Settings => self.submit_settings_form(form),
            FormKind::SaveView(_) | FormKind::RenameView(..) => self.submit_view_form(form),
            FormKind::Person(_) | FormKind::DaysOff(..) => self.submit_team_form(form),
            FormKind::Conflict(_) => self.submit_conflict_form(form),
            FormKind::AddItem => {
                let index = self
                    .selected_item()
                    .and_then(|i| self.doc.board.item_index(i.id))
                    .map_or(0, |r| r + 1);
                let (edit, id) = match rules::add_item(
                    &self.doc.board,
                    crate::model::ItemKind::Story,
                    "untitled",
                    index,
                    today,
                ) {
                    Ok(x) => x,
                    Err(e) => {
                        self.error(e.to_string());
                        return Vec::new();
                    }
                };
                let Edit::Batch(mut parts) = edit else {
                    return Vec::new();
                };
                let Some(Edit::InsertItem { item, .. }) = parts.last_mut() else {
                    return Vec::new();
                };
                if !form.fill(&self.doc.board, item, today) {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                }
                let label = format!("Add {} \"{}\"", self.doc.board.item_key(id), item.title);
                let effects = self.change(Edit::Batch(parts), label);
                // Under a folded epic or done (hidden by default): shown, so the user sees it.
                self.reveal(id);
                effects
            }
            FormKind::EditItem(id) => {
                let Some(mut item) = self.doc.board.item(id).cloned() else {
                    return Vec::new();
                };
                let before = item.clone();
                if !form.fill(&self.doc.board, &mut item, today) {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                }
                let unchanged = Item {
                    updated: item.updated,
                    ..before
                };
                if unchanged == item {
                    self.info("No changes");
                    return Vec::new();
                }
                let label = format!("Edit {}", self.doc.board.item_key(id));
                self.change(Edit::UpdateItem(Box::new(item)), label)
            }
            FormKind::Points(id) => {
                let Some(points) = form.points_value() else {
                    self.mode = Mode::Form(Box::new(form));
                    return Vec::new();
                };
                match rules::set_points(&self.doc.board, id, points.map(u32::from), today) {
                    Ok(edit) => {
                        let shown = points.map_or("no".to_string(), |p| p.to_string());
                        let label = format!("{} points for {}", shown, self.doc.board.item_key(id));
                        self.change(edit, label)
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        Vec::new()
                    }
                }
            }
        }
    }
}
