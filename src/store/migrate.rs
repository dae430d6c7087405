//! Older schema versions, read as they were written and brought up to the current one.
//!
//! Version 1 (the first prototype) rated stakeholders' power and interest as `Low`/`High`, had no
//! "cares about" line, no risk register and no board settings. Version 2 rates both 1–5. Version 3
//! keeps the same model in a layout that merges under git (`layout.rs`).

use super::StoreError;
use super::format::parse_error;
use crate::model::{
    Board, Column, Counters, Item, Note, Project, SCHEMA_VERSION, Settings, Sprint, Stakeholder,
    StakeholderId, TimelineEntry,
};
use jiff::civil::Date;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
enum LevelV1 {
    Low,
    High,
}

impl LevelV1 {
    /// Low and High land in the middle of their half of the 1–5 scale.
    fn to_scale(&self) -> u8 {
        match self {
            LevelV1::Low => 2,
            LevelV1::High => 4,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StakeholderV1 {
    id: StakeholderId,
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
    power: LevelV1,
    interest: LevelV1,
    cadence_days: u32,
    #[serde(default)]
    last_update: Option<Date>,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    notes: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoardV1 {
    #[allow(dead_code)]
    version: u32,
    project: Project,
    columns: Vec<Column>,
    #[serde(default)]
    counters: Counters,
    #[serde(default)]
    items: Vec<Item>,
    #[serde(default)]
    sprints: Vec<Sprint>,
    #[serde(default)]
    timeline: Vec<TimelineEntry>,
    #[serde(default)]
    stakeholders: Vec<StakeholderV1>,
}

fn v1_to_v2(old: BoardV1) -> Board {
    Board {
        version: SCHEMA_VERSION,
        project: old.project,
        columns: old.columns,
        settings: Settings::default(),
        counters: old.counters,
        items: old.items.into_iter().map(std::sync::Arc::new).collect(),
        sprints: old.sprints,
        timeline: old.timeline,
        risks: Vec::new(),
        stakeholders: old
            .stakeholders
            .into_iter()
            .map(|s| Stakeholder {
                id: s.id,
                name: s.name,
                role: s.role,
                organisation: s.organisation,
                power: s.power.to_scale(),
                interest: s.interest.to_scale(),
                cadence_days: s.cadence_days,
                last_update: s.last_update,
                contact: s.contact,
                cares_about: String::new(),
                notes: s.notes,
            })
            .collect(),
        conflicts: Vec::new(),
        views: Vec::new(),
        team: Vec::new(),
        team_sprints: Default::default(),
        sprint_scope: Vec::new(),
    }
}

/// Reads a board written with an older schema `version` and returns it in the current one.
pub fn from_older(text: &str, version: u32, path: &Path, fast: bool) -> Result<Board, StoreError> {
    match version {
        1 => {
            let old: BoardV1 = ron::from_str(text).map_err(|e| parse_error(path, e))?;
            Ok(v1_to_v2(old))
        }
        // Version 2 wrote the backlog in rank order and the id counters; version 3 writes each
        // collection by id with the rank beside it (see `layout.rs`). In memory they are one board.
        2 => {
            let mut board =
                super::format::parse_v2(text, fast).map_err(|e| parse_error(path, e))?;
            if board.version == 2 {
                board.version = SCHEMA_VERSION;
            }
            Ok(board)
        }
        v => Err(StoreError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: format!(
                "schema version {v} is not one cairn ever wrote (known: 1 to {SCHEMA_VERSION})"
            ),
        }),
    }
}
