//! The workflow: the sprint board's columns and what happens to their items when they change.

use super::RuleError;
use crate::model::{Board, Edit, Item};

/// Replaces the workflow columns. A column keeps its items when its name stays; with as many columns
/// as before, a renamed column takes its items along (by position). A column that goes away must be
/// empty. Names are unique and WIP limits at least 1.
pub fn set_workflow(
    board: &Board,
    columns: Vec<crate::model::Column>,
    settings: crate::model::Settings,
) -> Result<Edit, RuleError> {
    if columns.len() < 2 {
        return Err(RuleError::Workflow(
            "a workflow needs at least two columns".into(),
        ));
    }
    for (n, c) in columns.iter().enumerate() {
        if c.name.trim().is_empty() {
            return Err(RuleError::Workflow(format!("column {} has no name", n + 1)));
        }
        if columns[..n]
            .iter()
            .any(|d| d.name.eq_ignore_ascii_case(&c.name))
        {
            return Err(RuleError::Workflow(format!("\"{}\" appears twice", c.name)));
        }
        if c.wip_limit == Some(0) {
            return Err(RuleError::Workflow(format!(
                "\"{}\": a WIP limit of 0 lets nothing in",
                c.name
            )));
        }
    }
    let same_count = columns.len() == board.columns.len();
    let mut edits = Vec::new();
    for (n, old) in board.columns.iter().enumerate() {
        if columns.iter().any(|c| c.name == old.name) {
            continue;
        }
        let users: Vec<&Item> = board
            .items
            .iter()
            .filter(|i| i.status == old.name)
            .map(|i| &**i)
            .collect();
        if users.is_empty() {
            continue;
        }
        if !same_count {
            return Err(RuleError::Workflow(format!(
                "\"{}\" still holds {}: move them first (or keep the number of columns to rename it)",
                old.name,
                crate::model::words::count(users.len(), "item")
            )));
        }
        for it in users {
            let mut moved = it.clone();
            moved.status = columns[n].name.clone();
            crate::model::flow::rename_column(&mut moved, &old.name, &columns[n].name);
            edits.push(Edit::UpdateItem(Box::new(moved)));
        }
    }
    edits.push(Edit::SetColumns(columns));
    edits.push(Edit::SetSettings(settings));
    Ok(Edit::Batch(edits))
}
