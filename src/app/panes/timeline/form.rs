//! The timeline's forms: a phase, milestone or release (name, kind, dates, owner, costs) and a risk.
//! Every field is checked before anything reaches the board; errors show beside the field.

use crate::app::form::FieldId;
use crate::app::form::{Field, SCALE};
use crate::app::{Form, FormKind, TimelineForm};
use crate::model::{EntryKind, Risk, RiskStatus, TimelineEntry};
use jiff::civil::Date;

use crate::model::value::{self, DATE_HINT};

/// A date as typed: `2026-12-14`, `today`, or days/weeks from `base` (`+3`, `+3d`, `-2w`); a date
/// past the calendar (`+8000000d`) is an error, never a panic.
pub fn parse_date(v: &str, base: Date) -> Result<Date, String> {
    crate::model::value::parse_date(v, base)
}

fn scale(form: &mut Form, id: FieldId) -> Option<u8> {
    match value::parse_scale(&form.value(id)) {
        Ok(n) => Some(n),
        Err(e) => {
            form.set_error(id, e);
            None
        }
    }
}

impl Form {
    /// The add or edit form of a timeline entry.
    pub fn entry(entry: &TimelineEntry, adding: bool) -> Form {
        let kind = if adding {
            TimelineForm::AddEntry
        } else {
            TimelineForm::EditEntry(entry.id)
        };
        let title = if adding {
            "New timeline entry".to_string()
        } else {
            format!("Edit \"{}\"", entry.name)
        };
        let money = |n: u64| if n == 0 { String::new() } else { n.to_string() };
        Form {
            kind: FormKind::Timeline(kind),
            title,
            fields: vec![
                Field::new(
                    FieldId::Name,
                    "what this phase or milestone is",
                    &entry.name,
                ),
                Field::choice(
                    FieldId::Kind,
                    "a milestone or release has one date",
                    &["phase", "milestone", "release"],
                    entry.kind.name(),
                ),
                Field::new(FieldId::Start, DATE_HINT, &entry.start.to_string()),
                Field::new(
                    FieldId::End,
                    "the last day (a phase); +2w counts from the start",
                    &entry.end.to_string(),
                ),
                Field::new(FieldId::Owner, "who answers for it", &entry.owner),
                Field::new(
                    FieldId::Budget,
                    "planned cost, e.g. 40000 or 40k",
                    &money(entry.planned_cost),
                ),
                Field::new(
                    FieldId::Spent,
                    "actual cost to date",
                    &money(entry.actual_cost),
                ),
            ],
            focus: 0,
        }
    }

    /// The entry the form describes (on top of `template`), or `None` with the errors marked.
    pub fn entry_values(&mut self, template: &TimelineEntry, today: Date) -> Option<TimelineEntry> {
        for f in &mut self.fields {
            f.error = None;
        }
        let name = self.value(FieldId::Name);
        if name.is_empty() {
            self.set_error(FieldId::Name, "a name cannot be empty".into());
        }
        let kind = match self.value(FieldId::Kind).to_lowercase().as_str() {
            "" | "phase" | "p" => Some(EntryKind::Phase),
            "milestone" | "m" => Some(EntryKind::Milestone),
            "release" | "r" => Some(EntryKind::Release),
            other => {
                self.set_error(
                    FieldId::Kind,
                    format!("\"{other}\" is not phase, milestone or release"),
                );
                None
            }
        };
        let start = parse_date(&self.value(FieldId::Start), today)
            .map_err(|e| self.set_error(FieldId::Start, e))
            .ok();
        let end = match (kind, start) {
            (Some(k), Some(s)) if k.is_point() => Some(s),
            (_, s) => {
                let v = self.value(FieldId::End);
                let base = s.unwrap_or(today);
                // "+2w" in the end field counts from the start.
                parse_date(&v, base)
                    .map_err(|e| self.set_error(FieldId::End, e))
                    .ok()
            }
        };
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.set_error(FieldId::End, format!("ends {e}, before it starts {s}"));
        }
        let planned = value::parse_money(&self.value(FieldId::Budget))
            .map_err(|e| self.set_error(FieldId::Budget, e))
            .ok();
        let actual = value::parse_money(&self.value(FieldId::Spent))
            .map_err(|e| self.set_error(FieldId::Spent, e))
            .ok();
        if let Some(bad) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = bad;
            return None;
        }
        Some(TimelineEntry {
            name,
            kind: kind?,
            start: start?,
            end: end?,
            owner: self.value(FieldId::Owner),
            planned_cost: planned?,
            actual_cost: actual?,
            ..template.clone()
        })
    }

    /// The add or edit form of a risk.
    pub fn risk(risk: &Risk, adding: bool) -> Form {
        let kind = if adding {
            TimelineForm::AddRisk
        } else {
            TimelineForm::EditRisk(risk.id)
        };
        let title = if adding {
            "New risk".to_string()
        } else {
            format!("Edit risk \"{}\"", risk.title)
        };
        Form {
            kind: FormKind::Timeline(kind),
            title,
            fields: vec![
                Field::new(FieldId::Title, "what could go wrong", &risk.title),
                Field::choice(
                    FieldId::Probability,
                    "1 rare … 5 almost certain",
                    &SCALE,
                    &risk.probability.to_string(),
                ),
                Field::choice(
                    FieldId::Impact,
                    "1 negligible … 5 severe",
                    &SCALE,
                    &risk.impact.to_string(),
                ),
                Field::new(FieldId::Owner, "who watches it", &risk.owner),
                Field::new(FieldId::Mitigation, "what we do about it", &risk.mitigation),
                Field::choice(
                    FieldId::Status,
                    "",
                    &["open", "mitigating", "closed"],
                    risk.status.name(),
                ),
            ],
            focus: 0,
        }
    }

    /// The risk the form describes, or `None` with the errors marked.
    pub fn risk_values(&mut self, template: &Risk) -> Option<Risk> {
        for f in &mut self.fields {
            f.error = None;
        }
        let title = self.value(FieldId::Title);
        if title.is_empty() {
            self.set_error(FieldId::Title, "say what could go wrong".into());
        }
        let probability = scale(self, FieldId::Probability);
        let impact = scale(self, FieldId::Impact);
        let status = match self.value(FieldId::Status).to_lowercase().as_str() {
            "" | "open" => Some(RiskStatus::Open),
            "mitigating" => Some(RiskStatus::Mitigating),
            "closed" => Some(RiskStatus::Closed),
            other => {
                self.set_error(
                    FieldId::Status,
                    format!("\"{other}\" is not open, mitigating or closed"),
                );
                None
            }
        };
        if let Some(bad) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = bad;
            return None;
        }
        Some(Risk {
            title,
            probability: probability?,
            impact: impact?,
            owner: self.value(FieldId::Owner),
            mitigation: self.value(FieldId::Mitigation),
            status: status?,
            ..template.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_absolute_relative_and_wrong() {
        let base = date(2026, 11, 28);
        assert_eq!(parse_date("2026-12-14", base), Ok(date(2026, 12, 14)));
        assert_eq!(parse_date("today", base), Ok(base));
        assert_eq!(parse_date("+3", base), Ok(date(2026, 12, 1)));
        assert_eq!(parse_date("+2w", base), Ok(date(2026, 12, 12)));
        assert_eq!(parse_date("-1d", base), Ok(date(2026, 11, 27)));
        let bad = parse_date("2026-02-30", base).expect_err("no such day");
        assert!(bad.contains("\"2026-02-30\" is not a date"), "{bad}");
        assert!(parse_date("+x", base).is_err());
        assert!(parse_date("+8000000d", base).is_err());
    }

    #[test]
    fn money_accepts_shorthand() {
        assert_eq!(value::parse_money(""), Ok(0));
        assert_eq!(value::parse_money("12,000"), Ok(12_000));
        assert_eq!(value::parse_money("40k"), Ok(40_000));
        assert_eq!(value::parse_money("1.5M"), Ok(1_500_000));
        assert!(value::parse_money("-5").is_err());
        assert!(value::parse_money("lots").is_err());
    }
}
