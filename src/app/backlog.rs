//! The backlog pane's actions: add, edit, delete, rank moves, points, MoSCoW, sprint, rank by score.

use super::{Action, App, Effect, Form, Mode};
use crate::model::{Edit, Moscow, rules};

impl App {
    pub(super) fn backlog_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let today = self.today;
        match action {
            AddItem => {
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::add(&self.board)));
                }
                return Vec::new();
            }
            RankByScore => {
                let proposed = rules::rank_by_score(&self.board, self.board.settings.scoring);
                let current: Vec<_> = self.board.items.iter().map(|i| i.id).collect();
                if proposed == current {
                    self.info("The backlog is already in score order");
                } else if self.writable() {
                    self.mode = Mode::RankPreview(proposed);
                }
                return Vec::new();
            }
            DescriptionEdited(id, text) => {
                let Some(mut item) = self.board.item(id).cloned() else {
                    return Vec::new();
                };
                let text = text.trim_end().to_string();
                if item.description == text {
                    self.info("Description unchanged");
                    return Vec::new();
                }
                item.description = text;
                item.updated = today;
                let label = format!("Edit the description of {}", self.board.item_key(id));
                return self.change(Edit::UpdateItem(Box::new(item)), label);
            }
            _ => {}
        }
        let Some(id) = self.selected_item().map(|i| i.id) else {
            self.info("No item selected (a filter may hide them all: Esc clears it)");
            return Vec::new();
        };
        let key = self.board.item_key(id);
        match action {
            EditItem => {
                if self.writable()
                    && let Some(item) = self.board.item(id)
                {
                    self.mode = Mode::Form(Box::new(Form::edit(&self.board, item)));
                }
            }
            SetPoints => {
                if self.writable()
                    && let Some(item) = self.board.item(id)
                {
                    self.mode = Mode::Form(Box::new(Form::points(&self.board, item)));
                }
            }
            EditDescription => {
                if self.writable()
                    && let Some(item) = self.board.item(id)
                {
                    return vec![Effect::EditDescription(id, item.description.clone())];
                }
            }
            DeleteItem => {
                let title = self
                    .selected_item()
                    .map(|i| i.title.clone())
                    .unwrap_or_default();
                if let Ok(edit) = rules::delete_item(&self.board, id) {
                    return self
                        .change(edit, format!("Delete {key} \"{title}\" (u brings it back)"));
                }
            }
            MoveDown | MoveUp => {
                let down = action == MoveDown;
                // The visible neighbours are all a move in a filtered view needs to know.
                let row = self.selected_row().unwrap_or(0);
                let around: Vec<_> = (row.saturating_sub(1)..=row + 1)
                    .filter_map(|r| self.row_id(r))
                    .collect();
                match rules::move_in_view(&self.board, id, &around, down) {
                    Some(edit) => {
                        let dir = if down { "down" } else { "up" };
                        return self.change(edit, format!("Move {key} {dir}"));
                    }
                    None => self.info(format!(
                        "{key} is already at the {}",
                        if down { "bottom" } else { "top" }
                    )),
                }
            }
            MoveToTop => {
                if self.board.item_index(id) == Some(0) {
                    self.info(format!("{key} is already at the top"));
                } else if let Ok(edit) = rules::move_item(&self.board, id, 0) {
                    return self.change(edit, format!("Move {key} to the top"));
                }
            }
            CycleMoscow => {
                let Some(mut item) = self.board.item(id).cloned() else {
                    return Vec::new();
                };
                item.moscow = Moscow::cycle(item.moscow);
                item.updated = today;
                let shown = item.moscow.map_or("none", Moscow::name);
                return self.change(
                    Edit::UpdateItem(Box::new(item)),
                    format!("MoSCoW of {key}: {shown}"),
                );
            }
            SendToSprint => {
                let Some(active) = self.board.active_sprint().map(|s| (s.id, s.name.clone()))
                else {
                    self.error("There is no active sprint: start one on the sprint board");
                    return Vec::new();
                };
                let in_it = self
                    .board
                    .item(id)
                    .is_some_and(|i| i.sprint == Some(active.0));
                let (target, label) = if in_it {
                    (None, format!("Take {key} out of {}", active.1))
                } else {
                    (Some(active.0), format!("Send {key} to {}", active.1))
                };
                match rules::assign_sprint(&self.board, id, target, today) {
                    Ok(edit) => return self.change(edit, label),
                    Err(e) => self.error(e.to_string()),
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
