//! The risk register's rules: add, close or reopen, link, the add form's template, and which
//! entries carry an open high-exposure risk.

use super::PlanError;
use crate::model::{Board, Edit, EntryId, ItemId, Risk, RiskId, RiskStatus};
use jiff::civil::Date;
use std::collections::HashSet;

/// Entries with an open high-exposure risk linked to them.
pub fn entries_at_high_risk(board: &Board) -> HashSet<EntryId> {
    board
        .risks
        .iter()
        .filter(|r| r.is_open() && r.is_high())
        .flat_map(|r| r.entries.iter().copied())
        .collect()
}

/// Adds a risk with the next id. Returns the edit and the id.
pub fn add_risk(board: &Board, mut risk: Risk) -> (Edit, RiskId) {
    let id = RiskId(board.counters.risk);
    risk.id = id;
    let mut counters = board.counters.clone();
    counters.risk += 1;
    let edit = Edit::Batch(vec![
        Edit::SetCounters(counters),
        Edit::InsertRisk {
            index: board.risks.len(),
            risk: Box::new(risk),
        },
    ]);
    (edit, id)
}

/// Closes an open risk, or reopens a closed one.
pub fn toggle_closed(board: &Board, id: RiskId) -> Result<Edit, PlanError> {
    let mut r = board.risk(id).ok_or(PlanError::NoRisk(id))?.clone();
    r.status = if r.status == RiskStatus::Closed {
        RiskStatus::Open
    } else {
        RiskStatus::Closed
    };
    Ok(Edit::UpdateRisk(Box::new(r)))
}

/// Links a risk to exactly these items and entries.
pub fn link_risk(
    board: &Board,
    id: RiskId,
    items: Vec<ItemId>,
    entries: Vec<EntryId>,
) -> Result<Edit, PlanError> {
    let mut r = board.risk(id).ok_or(PlanError::NoRisk(id))?.clone();
    r.items = items;
    r.entries = entries;
    Ok(Edit::UpdateRisk(Box::new(r)))
}

/// A new risk as the add form starts it: raised today, open, medium probability and impact.
pub fn blank_risk(today: Date) -> Risk {
    Risk {
        id: RiskId(0),
        title: String::new(),
        probability: 3,
        impact: 3,
        owner: String::new(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        raised: today,
        items: Vec::new(),
        entries: Vec::new(),
    }
}
