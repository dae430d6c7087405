//! The project manager's risk register.

use super::ids::{EntryId, ItemId, RiskId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RiskStatus {
    #[default]
    Open,
    Mitigating,
    Closed,
}

impl RiskStatus {
    pub fn name(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Mitigating => "mitigating",
            RiskStatus::Closed => "closed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: RiskId,
    pub title: String,
    /// 1 (rare) – 5 (almost certain).
    pub probability: u8,
    /// 1 (negligible) – 5 (severe).
    pub impact: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mitigation: String,
    pub status: RiskStatus,
    pub raised: Date,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<EntryId>,
}

impl Risk {
    /// Probability × impact, 1–25.
    pub fn exposure(&self) -> u32 {
        u32::from(self.probability) * u32::from(self.impact)
    }

    pub fn is_open(&self) -> bool {
        self.status != RiskStatus::Closed
    }

    /// High exposure: 15 or more on the 5×5 matrix.
    pub fn is_high(&self) -> bool {
        self.exposure() >= 15
    }
}

/// Risks that are not closed, highest exposure first (ties: raised earlier first, then id).
pub fn open_risks_by_exposure(risks: &[Risk]) -> Vec<&Risk> {
    let mut open: Vec<&Risk> = risks.iter().filter(|r| r.is_open()).collect();
    open.sort_by(|a, b| {
        b.exposure()
            .cmp(&a.exposure())
            .then(a.raised.cmp(&b.raised))
            .then(a.id.cmp(&b.id))
    });
    open
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn risk(id: u32, p: u8, i: u8, status: RiskStatus) -> Risk {
        Risk {
            id: RiskId(id),
            title: format!("R{id}"),
            probability: p,
            impact: i,
            owner: String::new(),
            mitigation: String::new(),
            status,
            raised: date(2026, 1, 1),
            items: vec![],
            entries: vec![],
        }
    }

    #[test]
    fn exposure_orders_open_risks() {
        let risks = vec![
            risk(1, 2, 2, RiskStatus::Open),
            risk(2, 5, 4, RiskStatus::Mitigating),
            risk(3, 5, 5, RiskStatus::Closed),
            risk(4, 3, 3, RiskStatus::Open),
        ];
        let ids: Vec<u32> = open_risks_by_exposure(&risks)
            .iter()
            .map(|r| r.id.0)
            .collect();
        assert_eq!(ids, vec![2, 4, 1]);
        assert_eq!(risks[1].exposure(), 20);
        assert!(risks[1].is_high());
        assert!(!risks[3].is_high());
    }
}
