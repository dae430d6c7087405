//! Backlog items and their scores (WSJF, RICE).

use super::ids::{EntryId, ItemId, SprintId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Story points allowed on an item: the Fibonacci scale teams estimate with.
pub const FIBONACCI: [u8; 11] = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

/// The smallest allowed estimate at or above `n`, or `None` above the scale.
pub fn fibonacci_at_least(n: u32) -> Option<u8> {
    FIBONACCI.iter().copied().find(|&f| u32::from(f) >= n)
}

/// What kind of work an item is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    #[default]
    Story,
    Bug,
    Task,
    Spike,
    Epic,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Story,
        ItemKind::Bug,
        ItemKind::Task,
        ItemKind::Spike,
        ItemKind::Epic,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Story => "story",
            ItemKind::Bug => "bug",
            ItemKind::Task => "task",
            ItemKind::Spike => "spike",
            ItemKind::Epic => "epic",
        }
    }

    /// Parses a kind name, case-insensitively.
    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
    }
}

/// MoSCoW prioritisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Moscow {
    Must,
    Should,
    Could,
    Wont,
}

impl Moscow {
    pub const ALL: [Moscow; 4] = [Moscow::Must, Moscow::Should, Moscow::Could, Moscow::Wont];

    pub fn name(self) -> &'static str {
        match self {
            Moscow::Must => "must",
            Moscow::Should => "should",
            Moscow::Could => "could",
            Moscow::Wont => "won't",
        }
    }

    pub fn parse(s: &str) -> Option<Moscow> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "must" | "m" => Some(Moscow::Must),
            "should" | "s" => Some(Moscow::Should),
            "could" | "c" => Some(Moscow::Could),
            "won't" | "wont" | "w" => Some(Moscow::Wont),
            _ => None,
        }
    }

    /// The next value when cycling with one key: unset → must → should → could → won't → unset.
    pub fn cycle(current: Option<Moscow>) -> Option<Moscow> {
        match current {
            None => Some(Moscow::Must),
            Some(Moscow::Must) => Some(Moscow::Should),
            Some(Moscow::Should) => Some(Moscow::Could),
            Some(Moscow::Could) => Some(Moscow::Wont),
            Some(Moscow::Wont) => None,
        }
    }
}

/// Weighted Shortest Job First inputs (SAFe): each on a 1–20 relative scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wsjf {
    pub business_value: u8,
    pub time_criticality: u8,
    pub risk_reduction: u8,
    pub job_size: u8,
}

impl Wsjf {
    /// Cost of delay divided by job size; `None` when the job size is zero.
    pub fn score(&self) -> Option<f64> {
        if self.job_size == 0 {
            return None;
        }
        let cost_of_delay = f64::from(self.business_value)
            + f64::from(self.time_criticality)
            + f64::from(self.risk_reduction);
        Some(cost_of_delay / f64::from(self.job_size))
    }
}

/// RICE impact, on Intercom's scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Impact {
    Minimal,
    Low,
    Medium,
    High,
    Massive,
}

impl Impact {
    pub fn factor(self) -> f64 {
        match self {
            Impact::Minimal => 0.25,
            Impact::Low => 0.5,
            Impact::Medium => 1.0,
            Impact::High => 2.0,
            Impact::Massive => 3.0,
        }
    }
}

/// RICE inputs: reach (people per quarter), impact, confidence (percent), effort (person-weeks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rice {
    pub reach: u32,
    pub impact: Impact,
    pub confidence: u8,
    pub effort: u16,
}

impl Rice {
    /// reach × impact × confidence / effort; `None` when the effort is zero.
    pub fn score(&self) -> Option<f64> {
        if self.effort == 0 {
            return None;
        }
        let confidence = f64::from(self.confidence.min(100)) / 100.0;
        Some(f64::from(self.reach) * self.impact.factor() * confidence / f64::from(self.effort))
    }
}

/// Which score "rank by score" and the score column use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scoring {
    #[default]
    Wsjf,
    Rice,
}

impl Scoring {
    /// `WSJF` or `RICE`, as headers and messages show it.
    pub fn name(self) -> &'static str {
        match self {
            Scoring::Wsjf => "WSJF",
            Scoring::Rice => "RICE",
        }
    }

    /// The other model.
    pub fn toggled(self) -> Scoring {
        match self {
            Scoring::Wsjf => Scoring::Rice,
            Scoring::Rice => Scoring::Wsjf,
        }
    }
}

/// One backlog item. Its place in `Board::items` is its rank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    pub kind: ItemKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Acceptance criteria, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acceptance: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moscow: Option<Moscow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wsjf: Option<Wsjf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rice: Option<Rice>,
    /// The workflow column the item is in (a name from `Board::columns`).
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sprint: Option<SprintId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assignee: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The epic this item belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ItemId>,
    /// The milestone or release this item is needed for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<EntryId>,
    /// Why the item is blocked; `None` when it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<String>,
    /// The items this one waits on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked_by: Vec<ItemId>,
    /// Items it relates to (kept on both sides).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relates_to: Vec<ItemId>,
    pub created: Date,
    pub updated: Date,
    /// When the item entered its current status (for card age).
    pub status_since: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
    /// The days it entered each column and its blocked periods, one line a step (`model::flow`);
    /// empty on a board saved before cairn kept it, when `flow::steps` derives it from the fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::flow::Step>,
    /// When it is due, if it has a date to meet (a contract, an event, a regulator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where it was imported from: the tool and its key there, so a newer export updates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external: Option<External>,
    /// The priority its source gave it (Jira's Highest…Lowest, GitHub's P0…), kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
}

/// The tool an imported item came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    Jira,
    GitHub,
    Trello,
    /// Another CSV file with a key column.
    Csv,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Jira => "Jira",
            Source::GitHub => "GitHub",
            Source::Trello => "Trello",
            Source::Csv => "CSV",
        }
    }
}

/// An imported item's identity in its source: `PAY-123` in Jira, `#42` on GitHub, a Trello card id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct External {
    pub source: Source,
    pub key: String,
}

/// Days before its due date from which an open item is shown as due soon.
pub const DUE_SOON_DAYS: i32 = 7;

/// How an open item stands against its due date, when that is worth saying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueState {
    /// Past its due date by this many days.
    Overdue(i32),
    Today,
    /// Due in this many days (1 to `DUE_SOON_DAYS`).
    Soon(i32),
}

impl DueState {
    /// In words: "2 days overdue", "due today", "due in 3 days".
    pub fn describe(self) -> String {
        use super::words::count;
        match self {
            DueState::Overdue(d) => format!("{} overdue", count(d, "day")),
            DueState::Today => "due today".into(),
            DueState::Soon(d) => format!("due in {}", count(d, "day")),
        }
    }

    /// As short as a card needs: "2d late", "due today", "due 3d".
    pub fn short(self) -> String {
        match self {
            DueState::Overdue(d) => format!("{d}d late"),
            DueState::Today => "due today".into(),
            DueState::Soon(d) => format!("due {d}d"),
        }
    }
}

impl Item {
    /// A new item at the first workflow column, created today.
    pub fn new(
        id: ItemId,
        kind: ItemKind,
        title: impl Into<String>,
        status: impl Into<String>,
        today: Date,
    ) -> Item {
        Item {
            id,
            kind,
            title: title.into(),
            description: String::new(),
            acceptance: Vec::new(),
            points: None,
            moscow: None,
            wsjf: None,
            rice: None,
            status: status.into(),
            sprint: None,
            assignee: String::new(),
            tags: Vec::new(),
            parent: None,
            milestone: None,
            blocked: None,
            blocked_by: Vec::new(),
            relates_to: Vec::new(),
            created: today,
            updated: today,
            status_since: today,
            done: None,
            history: Vec::new(),
            due: None,
            external: None,
            priority: None,
        }
    }

    /// The item's score under the chosen scoring model.
    pub fn score(&self, scoring: Scoring) -> Option<f64> {
        match scoring {
            Scoring::Wsjf => self.wsjf.as_ref().and_then(Wsjf::score),
            Scoring::Rice => self.rice.as_ref().and_then(Rice::score),
        }
    }

    /// Where an item that is not `done` stands against its due date: overdue, due today or due
    /// within `DUE_SOON_DAYS`; `None` when it has no due date, is done, or is due later.
    pub fn due_state(&self, today: Date, done: bool) -> Option<DueState> {
        let due = self.due.filter(|_| !done)?;
        match (due - today).get_days() {
            d if d < 0 => Some(DueState::Overdue(-d)),
            0 => Some(DueState::Today),
            d if d <= DUE_SOON_DAYS => Some(DueState::Soon(d)),
            _ => None,
        }
    }

    pub fn points_or_zero(&self) -> u32 {
        self.points.map_or(0, u32::from)
    }

    pub fn is_blocked(&self) -> bool {
        self.blocked.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wsjf_is_cost_of_delay_over_job_size() {
        let w = Wsjf {
            business_value: 8,
            time_criticality: 5,
            risk_reduction: 2,
            job_size: 3,
        };
        assert_eq!(w.score(), Some(5.0));
        assert_eq!(Wsjf { job_size: 0, ..w }.score(), None);
    }

    #[test]
    fn rice_multiplies_reach_impact_confidence_over_effort() {
        let r = Rice {
            reach: 2000,
            impact: Impact::High,
            confidence: 80,
            effort: 4,
        };
        assert_eq!(r.score(), Some(800.0));
        assert_eq!(Rice { effort: 0, ..r }.score(), None);
        assert_eq!(
            Rice {
                confidence: 150,
                ..r
            }
            .score(),
            Some(1000.0),
            "confidence caps at 100%"
        );
    }

    #[test]
    fn fibonacci_rounds_up() {
        assert_eq!(fibonacci_at_least(4), Some(5));
        assert_eq!(fibonacci_at_least(5), Some(5));
        assert_eq!(fibonacci_at_least(0), Some(0));
        assert_eq!(fibonacci_at_least(90), None);
    }

    #[test]
    fn moscow_cycles_through_unset() {
        let mut m = None;
        let mut seen = Vec::new();
        for _ in 0..5 {
            m = Moscow::cycle(m);
            seen.push(m);
        }
        assert_eq!(
            seen,
            vec![
                Some(Moscow::Must),
                Some(Moscow::Should),
                Some(Moscow::Could),
                Some(Moscow::Wont),
                None
            ]
        );
        assert_eq!(Moscow::parse("Won't"), Some(Moscow::Wont));
        assert_eq!(ItemKind::parse(" BUG "), Some(ItemKind::Bug));
    }
}
