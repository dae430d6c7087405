//! The domain: one board with its backlog, sprints, timeline, risks and stakeholders.
//!
//! Pure data and rules: no terminal, no file I/O. Anything that needs "today" takes it as an argument.

mod edit;
pub mod evm;
pub mod flow;
pub mod forecast;
mod ids;
mod item;
pub mod merge;
pub mod plan;
pub mod replay;
mod risk;
pub mod rules;
mod shift;
mod sprint;
pub mod stakeholder;
pub mod team;
mod timeline;
mod validate;
pub mod value;
pub mod view;
pub mod words;

pub use edit::{Edit, EditError};
pub use ids::{Counters, EntryId, ItemId, NoteId, RiskId, SprintId, StakeholderId};
pub use item::{
    DUE_SOON_DAYS, DueState, External, FIBONACCI, Impact, Item, ItemKind, Moscow, Rice, Scoring,
    Source, Wsjf, fibonacci_at_least,
};
pub use risk::{Risk, RiskStatus, open_risks_by_exposure};
pub use rules::RuleError;
pub use sprint::{
    Sprint, SprintReport, SprintScope, SprintState, average_velocity, recent_velocities,
    sprint_at_risk,
};
pub use stakeholder::{HIGH, Note, NoteKind, Quadrant, Stakeholder, stakeholders_due};
pub use team::{Capacity, Person, team_capacity};
pub use timeline::{Burn, EntryKind, TimelineEntry, budget_totals, percent};
pub use validate::Problem;
pub use view::{SavedView, ViewPane};

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The schema version this build reads and writes. Older files are migrated on load; newer ones are refused.
pub const SCHEMA_VERSION: u32 = 3;

/// The product and the people paying for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    /// Prefix of item keys, e.g. `CRN` for `CRN-12`.
    pub key: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vision: String,
    /// The current product goal.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// Total budget, in whole units of `currency`.
    #[serde(default)]
    pub budget: u64,
    pub currency: String,
    /// When items were last imported (`cairn import`): `cairn export --since-import` starts there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_import: Option<jiff::civil::Date>,
}

/// A workflow column on the sprint board; an item's status is one of these names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub name: String,
    /// Most items of the active sprint allowed in the column at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
}

impl Column {
    pub fn new(name: &str, wip_limit: Option<u32>) -> Column {
        Column {
            name: name.to_string(),
            wip_limit,
        }
    }

    /// To do / Doing (WIP 3) / Review (WIP 2) / Done.
    pub fn defaults() -> Vec<Column> {
        vec![
            Column::new("To do", None),
            Column::new("Doing", Some(3)),
            Column::new("Review", Some(2)),
            Column::new("Done", None),
        ]
    }
}

/// What happens when a card is moved into a column that is at its WIP limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WipPolicy {
    /// The move is refused with a message.
    #[default]
    Refuse,
    /// The move happens and the column header shows it is over the limit.
    Warn,
    /// The user is asked, and the move happens on yes.
    Ask,
}

/// Board-wide preferences kept in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub scoring: Scoring,
    pub wip_policy: WipPolicy,
    /// The standup timebox, in minutes.
    pub standup_minutes: u32,
    /// The length of a new sprint, in days (older boards: 14, and 14 is not written).
    #[serde(skip_serializing_if = "is_default_sprint_days")]
    pub sprint_days: u32,
    /// When the daily standup starts (local time, weekdays), if the team has a fixed time: the
    /// calendar export (`cairn export --format ics`) makes it a recurring event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standup_at: Option<jiff::civil::Time>,
    /// How many of the latest done items the cycle-time percentiles draw from (`model::flow`).
    #[serde(
        default = "default_cycle_sample",
        skip_serializing_if = "is_default_cycle_sample"
    )]
    pub cycle_sample: u32,
}

fn default_cycle_sample() -> u32 {
    flow::DEFAULT_CYCLE_SAMPLE
}

fn is_default_cycle_sample(n: &u32) -> bool {
    *n == flow::DEFAULT_CYCLE_SAMPLE
}

/// A new sprint lasts two weeks unless the board says otherwise.
pub const DEFAULT_SPRINT_DAYS: u32 = 14;

fn is_default_sprint_days(n: &u32) -> bool {
    *n == DEFAULT_SPRINT_DAYS
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scoring: Scoring::Wsjf,
            wip_policy: WipPolicy::Refuse,
            standup_minutes: 15,
            sprint_days: DEFAULT_SPRINT_DAYS,
            standup_at: None,
            cycle_sample: flow::DEFAULT_CYCLE_SAMPLE,
        }
    }
}

/// Everything cairn keeps: the one model all four panes share.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub version: u32,
    pub project: Project,
    pub columns: Vec<Column>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub counters: Counters,
    /// The backlog, in rank order. Shared pointers: a rank move shifts pointers, not whole items (a
    /// move at the top of a 100k backlog would otherwise copy ~30 MB), and the copy autosave takes
    /// shares every item instead of duplicating it (a deep clone of 100k items blocks for ~65 ms).
    #[serde(default)]
    pub items: Vec<Arc<Item>>,
    #[serde(default)]
    pub sprints: Vec<Sprint>,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    /// What a merge could not decide, until someone does (the board holds ours meanwhile).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<merge::Conflict>,
    /// Named filters the team shares, per pane (`model::view`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<SavedView>,
    /// The team (`model::team`): who does the work and what each can take on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<Person>,
    /// Sprints whose capacity is the team's (kept equal to `team_capacity`); every other sprint's
    /// capacity is the one it was given, which is how older boards keep theirs.
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub team_sprints: std::collections::BTreeSet<SprintId>,
    /// Each started sprint's scope at its start, its points by day and its close report
    /// (`model::flow::scope_change`), by sprint id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sprint_scope: Vec<SprintScope>,
}

/// Two boards are equal when their records are: the id counters are not part of what a board
/// holds (the file does not keep them; they only say which ids are free, see `repair_counters`).
impl PartialEq for Board {
    fn eq(&self, other: &Board) -> bool {
        self.version == other.version && self.same_besides_items(other) && self.items == other.items
    }
}

impl Board {
    /// Equal in everything but the version, the items and the id counters: what a save writes
    /// outside the rank and the items is then the same text (the store's text cache asks).
    pub fn same_besides_items(&self, other: &Board) -> bool {
        // Every field named, so a new one is a compile error here until it is compared.
        let Board {
            version: _,
            project,
            columns,
            settings,
            counters: _,
            items: _,
            sprints,
            timeline,
            risks,
            stakeholders,
            conflicts,
            views,
            team,
            team_sprints,
            sprint_scope,
        } = self;
        *project == other.project
            && *columns == other.columns
            && *settings == other.settings
            && *sprints == other.sprints
            && *timeline == other.timeline
            && *risks == other.risks
            && *stakeholders == other.stakeholders
            && *conflicts == other.conflicts
            && *views == other.views
            && *team == other.team
            && *team_sprints == other.team_sprints
            && *sprint_scope == other.sprint_scope
    }
}

/// An item's key under a project key (`CRN` and 12: `CRN-12`), for code that holds the key but
/// not the board.
pub fn item_key(project_key: &str, id: ItemId) -> String {
    format!("{project_key}-{}", id.0)
}

impl Board {
    /// An empty board with the default workflow.
    pub fn new(name: &str, key: &str) -> Board {
        Board {
            version: SCHEMA_VERSION,
            project: Project {
                name: name.to_string(),
                key: key.to_string(),
                vision: String::new(),
                goal: String::new(),
                budget: 0,
                currency: "EUR".to_string(),
                last_import: None,
            },
            columns: Column::defaults(),
            settings: Settings::default(),
            counters: Counters::default(),
            items: Vec::new(),
            sprints: Vec::new(),
            timeline: Vec::new(),
            risks: Vec::new(),
            stakeholders: Vec::new(),
            conflicts: Vec::new(),
            views: Vec::new(),
            team: Vec::new(),
            team_sprints: Default::default(),
            sprint_scope: Vec::new(),
        }
    }

    /// `CRN-12`.
    pub fn item_key(&self, id: ItemId) -> String {
        item_key(&self.project.key, id)
    }

    /// Finds `CRN-12`, `crn-12` or `12`.
    pub fn parse_item_key(&self, key: &str) -> Option<ItemId> {
        let key = key.trim();
        let number = match key.rsplit_once('-') {
            Some((prefix, n)) if prefix.eq_ignore_ascii_case(&self.project.key) => n,
            Some(_) => return None,
            None => key,
        };
        let id = ItemId(number.parse().ok()?);
        self.item(id).map(|_| id)
    }

    pub fn item_index(&self, id: ItemId) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id).map(|i| &**i)
    }

    pub fn sprint(&self, id: SprintId) -> Option<&Sprint> {
        self.sprints.iter().find(|s| s.id == id)
    }

    pub fn entry(&self, id: EntryId) -> Option<&TimelineEntry> {
        self.timeline.iter().find(|e| e.id == id)
    }

    pub fn risk(&self, id: RiskId) -> Option<&Risk> {
        self.risks.iter().find(|r| r.id == id)
    }

    pub fn stakeholder(&self, id: StakeholderId) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The one sprint in progress, if any.
    pub fn active_sprint(&self) -> Option<&Sprint> {
        self.sprints.iter().find(|s| s.state == SprintState::Active)
    }

    /// The first workflow column: where new items start.
    pub fn first_column(&self) -> &str {
        self.columns.first().map_or("To do", |c| c.name.as_str())
    }

    /// The last workflow column: items there are done.
    pub fn done_column(&self) -> &str {
        self.columns.last().map_or("Done", |c| c.name.as_str())
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    pub fn is_done(&self, item: &Item) -> bool {
        item.status == self.done_column()
    }

    /// Items of a sprint, in rank order.
    pub fn sprint_items(&self, sprint: SprintId) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| i.sprint == Some(sprint))
            .map(|i| &**i)
    }

    /// Points of a sprint's items (committed if started now).
    /// One more than the highest item id: the length of a table indexed by item id.
    pub fn item_id_bound(&self) -> usize {
        self.items
            .iter()
            .map(|i| i.id.0 as usize + 1)
            .max()
            .unwrap_or(0)
    }

    pub fn sprint_points(&self, sprint: SprintId) -> u32 {
        self.sprint_items(sprint).map(Item::points_or_zero).sum()
    }

    /// Points of a sprint's items not yet done.
    pub fn remaining_points(&self, sprint: SprintId) -> u32 {
        self.sprint_items(sprint)
            .filter(|i| !self.is_done(i))
            .map(Item::points_or_zero)
            .sum()
    }

    /// Points of a sprint's items that are done.
    pub fn done_points(&self, sprint: SprintId) -> u32 {
        self.sprint_items(sprint)
            .filter(|i| self.is_done(i))
            .map(Item::points_or_zero)
            .sum()
    }

    /// Items of the active sprint in a column (what its WIP limit counts).
    pub fn wip_count(&self, column: &str) -> usize {
        match self.active_sprint() {
            Some(s) => self
                .sprint_items(s.id)
                .filter(|i| i.status == column)
                .count(),
            None => 0,
        }
    }

    /// What was recorded of a sprint's scope, once it started.
    pub fn scope_of(&self, sprint: SprintId) -> Option<&SprintScope> {
        self.sprint_scope.iter().find(|s| s.id == sprint)
    }

    /// Notes, across all stakeholders, with their stakeholder.
    pub fn all_notes(&self) -> impl Iterator<Item = (&Stakeholder, &Note)> {
        self.stakeholders
            .iter()
            .flat_map(|s| s.notes.iter().map(move |n| (s, n)))
    }

    /// Notes that link to an item (links show both ways).
    pub fn notes_about_item(&self, id: ItemId) -> Vec<(&Stakeholder, &Note)> {
        self.all_notes()
            .filter(|(_, n)| n.items.contains(&id))
            .collect()
    }

    /// Counters at least one past the largest id in use, so new ids never collide with old ones.
    pub fn repair_counters(&mut self) {
        fn past<T>(xs: impl Iterator<Item = T>, f: impl Fn(T) -> u32, counter: &mut u32) {
            let next = xs.map(f).max().map_or(1, |m| m.saturating_add(1));
            *counter = (*counter).max(next);
        }
        let c = &mut self.counters;
        past(self.items.iter(), |i| i.id.0, &mut c.item);
        past(self.sprints.iter(), |s| s.id.0, &mut c.sprint);
        past(self.timeline.iter(), |e| e.id.0, &mut c.entry);
        past(self.risks.iter(), |r| r.id.0, &mut c.risk);
        past(self.stakeholders.iter(), |s| s.id.0, &mut c.stakeholder);
        past(
            self.stakeholders.iter().flat_map(|s| &s.notes),
            |n| n.id.0,
            &mut c.note,
        );
    }
}
