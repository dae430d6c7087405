//! Closing a sprint: all its unfinished work to the backlog or the next sprint at once, or item by
//! item (a walk through them, each carried over or returned), and the report the close records.

use crate::app::{Action, App, Effect, Mode};
use crate::model::rules::{self, Leftovers};
use crate::model::{ItemId, SprintId};

impl App {
    /// The sprint's unfinished items, in rank order: what the close question walks through.
    pub fn unfinished_of(&self, sprint: SprintId) -> Vec<ItemId> {
        let b = &self.doc.board;
        b.sprint_items(sprint)
            .filter(|i| !b.is_done(i))
            .map(|i| i.id)
            .collect()
    }

    /// An answer to the close question (or to one of its items, while walking them).
    pub(crate) fn close_question(
        &mut self,
        sprint: SprintId,
        next: Option<SprintId>,
        walk: Option<Vec<Leftovers>>,
        action: Action,
    ) -> Vec<Effect> {
        let to_next = next.map(Leftovers::Sprint);
        let ask = |walk| Mode::CloseSprint { sprint, next, walk };
        match (walk, action) {
            (None, Action::LeftoversToBacklog) => {
                self.close_sprint(sprint, Leftovers::TopOfBacklog)
            }
            (None, Action::LeftoversToNextSprint) if next.is_some() => {
                self.close_sprint(sprint, Leftovers::Sprint(next.unwrap_or(sprint)))
            }
            (None, Action::LeftoversEach) => {
                self.mode = ask(Some(Vec::new()));
                Vec::new()
            }
            (Some(mut w), Action::LeftoversToBacklog) => {
                w.push(Leftovers::TopOfBacklog);
                self.walk_on(sprint, next, w)
            }
            (Some(mut w), Action::LeftoversToNextSprint) if to_next.is_some() => {
                w.extend(to_next);
                self.walk_on(sprint, next, w)
            }
            (Some(mut w), Action::Up) => {
                w.pop();
                self.mode = ask(Some(w));
                Vec::new()
            }
            (_, Action::Cancel | Action::No) => {
                self.info("The sprint stays open");
                Vec::new()
            }
            (walk, _) => {
                self.mode = ask(walk);
                Vec::new()
            }
        }
    }

    /// After one item's answer: the next item, or the close once every item has one.
    fn walk_on(
        &mut self,
        sprint: SprintId,
        next: Option<SprintId>,
        walk: Vec<Leftovers>,
    ) -> Vec<Effect> {
        let unfinished = self.unfinished_of(sprint);
        if walk.len() < unfinished.len() {
            self.mode = Mode::CloseSprint {
                sprint,
                next,
                walk: Some(walk),
            };
            return Vec::new();
        }
        let chosen: Vec<(ItemId, Leftovers)> = unfinished.into_iter().zip(walk).collect();
        let choice = |id: ItemId| {
            chosen
                .iter()
                .find(|(i, _)| *i == id)
                .map_or(Leftovers::TopOfBacklog, |c| c.1)
        };
        let carried = chosen
            .iter()
            .filter(|c| matches!(c.1, Leftovers::Sprint(_)))
            .count();
        let how = format!(
            "{} carried over, {} to the backlog",
            carried,
            chosen.len() - carried
        );
        self.close_with(sprint, &choice, how)
    }

    /// Closes the sprint with a place for each unfinished item; the step's label gives the report.
    pub(crate) fn close_with(
        &mut self,
        sprint: SprintId,
        choice: &dyn Fn(ItemId) -> Leftovers,
        how: String,
    ) -> Vec<Effect> {
        match rules::close_sprint_each(&self.doc.board, sprint, self.run.today, choice) {
            Ok(edit) => {
                let name = self
                    .doc
                    .board
                    .sprint(sprint)
                    .map_or(String::new(), |s| s.name.clone());
                let done = self.doc.board.done_points(sprint);
                // The report itself is on the closed sprint's burndown (`Board::sprint_scope`).
                self.change(edit, format!("Close {name}: velocity {done} points, {how}"))
            }
            Err(e) => {
                self.error(e.to_string());
                Vec::new()
            }
        }
    }
}
