//! The backlog pane's actions: add, edit, delete, rank moves, points, MoSCoW, sprint, rank by score.

use crate::app::{Action, App, DetailsScroll, Effect, Form, Mode, Pane};
use crate::model::{Board, Edit, ItemId, ItemKind, Moscow, SprintId, SprintState, rules};

impl App {
    pub(crate) fn backlog_screen(&mut self, action: Action) -> Vec<Effect> {
        let before = self.selected_item().map(|i| i.id);
        let effects = self.backlog_keys(action);
        // A new selection shows its details from the top.
        if self.selected_item().map(|i| i.id) != before {
            self.backlog.details_scroll = DetailsScroll::default();
        }
        effects
    }

    fn backlog_keys(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        match action {
            Down => self.move_selection(1),
            Up => self.move_selection(-1),
            PageDown => self.move_selection(self.viewport.page.max(1) as i64),
            PageUp => self.move_selection(-(self.viewport.page.max(1) as i64)),
            Top => self.move_selection(i64::MIN / 2),
            Bottom => self.move_selection(i64::MAX / 2),
            Scroll(n) => self.move_selection(i64::from(n)),
            SelectRow(row) => {
                if let Some(id) = self.row_id(row) {
                    self.backlog.selected = Some(id);
                }
            }
            Details => self.backlog.details = !self.backlog.details,
            DetailsDown => self.scroll_details(self.details_step()),
            DetailsUp => self.scroll_details(-self.details_step()),
            ScrollDetails(n) => self.scroll_details(i64::from(n)),
            Filter => self.open_filter(),
            Cancel => {
                if !self.backlog.filter.is_empty() {
                    self.set_filter(String::new());
                    self.info("Filter cleared");
                } else {
                    self.backlog.details = false;
                }
            }
            ToggleDone => self.toggle_done(),
            CutLine => self.cycle_cut_line(),
            GroupByEpic => self.toggle_group(),
            FoldEpic => self.fold_epic(),
            ToggleScoring => {
                let mut settings = self.doc.board.settings.clone();
                settings.scoring = settings.scoring.toggled();
                let label = format!("Score by {}", settings.scoring.name());
                return self.change(Edit::SetSettings(settings), label);
            }
            other => return self.backlog_action(other),
        }
        Vec::new()
    }

    pub(crate) fn move_selection(&mut self, by: i64) {
        let len = self.backlog.visible.len();
        let row = self.selected_row().unwrap_or(0);
        if let Some(to) = crate::app::cursor::step(row, len, by) {
            self.backlog.selected = self.row_id(to);
        }
    }

    /// Scrolls the item details on show (the backlog's selection, or the sprint card's) by `by`
    /// lines, no further than the last frame measured; a new selection starts at the top again.
    pub(crate) fn scroll_details(&mut self, by: i64) {
        let vp = &self.viewport;
        if vp.details.height == 0 {
            let key = self.keymap.hint(&Action::Details);
            self.info(format!("No details on show: {key} shows them"));
            return;
        }
        let last = vp.details_lines.saturating_sub(vp.details_rows) as i64;
        let sprint = self.pane == Pane::Sprint;
        let item = if sprint {
            self.selected_card()
        } else {
            self.selected_item().map(|i| i.id)
        };
        let state = if sprint {
            &mut self.sprint.details_scroll
        } else {
            &mut self.backlog.details_scroll
        };
        let top = (state.top_for(item) as i64 + by).clamp(0, last.max(0));
        *state = DetailsScroll {
            item,
            top: top as usize,
        };
    }

    /// What `details_down` moves: half the details' height, as `ctrl-d` does in a pager.
    pub(crate) fn details_step(&self) -> i64 {
        (self.viewport.details_rows / 2).max(1) as i64
    }

    pub(crate) fn set_filter(&mut self, text: String) {
        self.backlog.filter = crate::app::Filter::parse(&text, &self.doc.board);
        self.refresh_visible();
    }

    pub(crate) fn backlog_action(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let today = self.run.today;
        match action {
            AddItem => {
                if self.writable() {
                    self.mode = Mode::Form(Box::new(Form::add(&self.doc.board)));
                }
                return Vec::new();
            }
            RankByScore => {
                let proposed =
                    rules::rank_by_score(&self.doc.board, self.doc.board.settings.scoring);
                let current: Vec<_> = self.doc.board.items.iter().map(|i| i.id).collect();
                if proposed == current {
                    self.info("The backlog is already in score order");
                } else if self.writable() {
                    self.mode = Mode::RankPreview(proposed);
                }
                return Vec::new();
            }
            DescriptionEdited(id, text) => {
                let Some(mut item) = self.doc.board.item(id).cloned() else {
                    return Vec::new();
                };
                let text = text.trim_end().to_string();
                if item.description == text {
                    self.info("Description unchanged");
                    return Vec::new();
                }
                item.description = text;
                item.updated = today;
                let label = format!("Edit the description of {}", self.doc.board.item_key(id));
                return self.change(Edit::UpdateItem(Box::new(item)), label);
            }
            _ => {}
        }
        let Some(id) = self.selected_item().map(|i| i.id) else {
            let clear = self.keymap.hint(&Action::Cancel);
            self.info(format!(
                "No item selected (a filter may hide them all: {clear} clears it)"
            ));
            return Vec::new();
        };
        let key = self.doc.board.item_key(id);
        match action {
            EditItem => {
                if self.writable()
                    && let Some(item) = self.doc.board.item(id)
                {
                    self.mode = Mode::Form(Box::new(Form::edit(&self.doc.board, item)));
                }
            }
            SetPoints => {
                if self.writable()
                    && let Some(item) = self.doc.board.item(id)
                {
                    self.mode = Mode::Form(Box::new(Form::points(&self.doc.board, item)));
                }
            }
            EditDescription => {
                if self.writable()
                    && let Some(item) = self.doc.board.item(id)
                {
                    return vec![Effect::EditDescription(id, item.description.clone())];
                }
            }
            DeleteItem => {
                let title = self
                    .selected_item()
                    .map(|i| i.title.clone())
                    .unwrap_or_default();
                if let Ok(edit) = rules::delete_item(&self.doc.board, id) {
                    let label = format!("Delete {key} \"{title}\"");
                    let children = rules::children_count(&self.doc.board, id);
                    // An epic's children: kept (they lose their epic) or deleted with it.
                    if children > 0
                        && self.writable()
                        && let Ok(all) = rules::delete_epic_with_children(&self.doc.board, id)
                    {
                        self.mode = Mode::ConfirmDeleteEpic {
                            what: format!("{key} \"{title}\""),
                            children,
                            keep: Box::new(edit),
                            all: Box::new(all),
                            label,
                        };
                        return Vec::new();
                    }
                    return self.delete(edit, label);
                }
            }
            MoveDown | MoveUp => {
                let down = action == MoveDown;
                // The visible neighbours are all a move in a filtered view needs to know; grouped,
                // the neighbours are the rows of the same epic (an epic's: the next epic).
                let row = self.selected_row().unwrap_or(0);
                let around = self.rank_neighbours(row);
                let fresh = self.index.is_at(self.doc.revision);
                let rank = |n| {
                    if fresh {
                        self.index.rank(n)
                    } else {
                        self.doc.board.item_index(n)
                    }
                };
                match rules::move_in_view_by(id, &around, down, rank) {
                    Some(edit) => {
                        let dir = if down { "down" } else { "up" };
                        let alone = self.epic_moves_alone(id);
                        return self.change(edit, format!("Move {key} {dir}{alone}"));
                    }
                    None => self.info(format!(
                        "{key} is already at the {}{}",
                        if down { "bottom" } else { "top" },
                        if self.row_shape(row).is_some() {
                            " of its group"
                        } else {
                            ""
                        }
                    )),
                }
            }
            MoveToTop => {
                if self.doc.board.item_index(id) == Some(0) {
                    self.info(format!("{key} is already at the top"));
                } else if let Ok(edit) = rules::move_item(&self.doc.board, id, 0) {
                    let alone = self.epic_moves_alone(id);
                    return self.change(edit, format!("Move {key} to the top{alone}"));
                }
            }
            CycleMoscow => {
                let Some(mut item) = self.doc.board.item(id).cloned() else {
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
            SendToSprint => return self.send_to_sprint(id),
            BlockedBy | RelatedItems => return self.pick_item_links(id, action == BlockedBy),
            FollowLink => self.follow_link(id),
            _ => {}
        }
        Vec::new()
    }

    /// `s`: sends an item to the active sprint, saying from where; on an item already in it, puts
    /// it back where it was before (the sprint remembered for this run, else the backlog). Epics
    /// are not sent: their children are the sprint's work.
    pub(crate) fn send_to_sprint(&mut self, id: ItemId) -> Vec<Effect> {
        let board = &self.doc.board;
        let key = board.item_key(id);
        let Some(item) = board.item(id) else {
            return Vec::new();
        };
        if item.kind == ItemKind::Epic {
            self.error(format!(
                "{key} is an epic: epics are not sent to a sprint (send its children instead)"
            ));
            return Vec::new();
        }
        let Some(active) = board.active_sprint().map(|s| s.id) else {
            self.error("There is no active sprint: start one on the sprint board");
            return Vec::new();
        };
        let from = item.sprint;
        let target = if from == Some(active) {
            // Back where it came from, while that sprint still takes items.
            self.backlog
                .sent_from
                .get(&id)
                .copied()
                .flatten()
                .filter(|s| {
                    *s != active
                        && board
                            .sprint(*s)
                            .is_some_and(|s| s.state != SprintState::Closed)
                })
        } else {
            Some(active)
        };
        let label = format!(
            "{key}: {} → {}",
            sprint_label(board, from),
            sprint_label(board, target)
        );
        match rules::assign_sprint(board, id, target, self.run.today) {
            Ok(edit) => {
                let effects = self.change_into_sprint(id, target, edit, label);
                // Remembered when the change was made or is asked about (read-only refuses it);
                // a "no" leaves the item out of the active sprint, where this is never read.
                if effects.contains(&Effect::Changed)
                    || matches!(self.mode, Mode::ConfirmChange { .. })
                {
                    if target == Some(active) {
                        self.backlog.sent_from.insert(id, from);
                    } else {
                        self.backlog.sent_from.remove(&id);
                    }
                }
                effects
            }
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }
}

/// Where an item is, in words: "backlog", "Sprint 24", "Sprint 23 (active)".
pub(crate) fn sprint_label(board: &Board, sprint: Option<SprintId>) -> String {
    match sprint.and_then(|s| board.sprint(s)) {
        None => "backlog".to_string(),
        Some(s) if s.state == SprintState::Active => format!("{} (active)", s.name),
        Some(s) => s.name.clone(),
    }
}
