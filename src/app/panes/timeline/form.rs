//! The timeline's forms: a phase, milestone or release (name, kind, dates, owner, costs) and a risk.
//! Every field is checked before anything reaches the board; errors show beside the field.

use crate::app::form::Field;
use crate::app::{Form, FormKind, TimelineForm};
use crate::model::{EntryKind, Risk, RiskStatus, TimelineEntry};
use jiff::civil::Date;

const DATE_HINT: &str = "YYYY-MM-DD, today, or +3d / -1w from today";

/// A date as typed: `2026-12-14`, `today`, or days/weeks from `base` (`+3`, `+3d`, `-2w`).
pub fn parse_date(v: &str, base: Date) -> Result<Date, String> {
    let v = v.trim();
    if v.eq_ignore_ascii_case("today") {
        return Ok(base);
    }
    if let Some(rest) = v.strip_prefix(['+', '-']) {
        let sign: i64 = if v.starts_with('-') { -1 } else { 1 };
        let (num, unit) = match rest.strip_suffix(['w', 'W']) {
            Some(n) => (n, 7),
            None => (rest.strip_suffix(['d', 'D']).unwrap_or(rest), 1),
        };
        let n: i64 = num
            .parse()
            .map_err(|_| format!("\"{v}\" is not a date ({DATE_HINT})"))?;
        return base
            .checked_add(jiff::Span::new().days(sign * n * unit))
            .map_err(|_| format!("\"{v}\" is too far away"));
    }
    v.parse::<Date>()
        .map_err(|_| format!("\"{v}\" is not a date ({DATE_HINT})"))
}

fn parse_money(v: &str) -> Result<u64, String> {
    let digits: String = v
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if digits.is_empty() {
        return Ok(0);
    }
    let (num, mult) = match digits.strip_suffix(['k', 'K']) {
        Some(n) => (n, 1_000.0),
        None => match digits.strip_suffix(['m', 'M']) {
            Some(n) => (n, 1_000_000.0),
            None => (digits.as_str(), 1.0),
        },
    };
    match num.parse::<f64>() {
        Ok(x) if x >= 0.0 && x.is_finite() => Ok((x * mult).round() as u64),
        _ => Err(format!("\"{v}\" is not an amount (e.g. 12000, 12k, 1.5M)")),
    }
}

fn scale(form: &mut Form, label: &str) -> Option<u8> {
    let v = form.value(label);
    match v.parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => Some(n),
        _ => {
            form.set_error(label, format!("\"{v}\" is not 1–5"));
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
                Field::new("Name", "what this phase or milestone is", &entry.name),
                Field::new("Kind", "phase, milestone or release", entry.kind.name()),
                Field::new("Start", DATE_HINT, &entry.start.to_string()),
                Field::new(
                    "End",
                    "the last day (a phase); +2w counts from the start",
                    &entry.end.to_string(),
                ),
                Field::new("Owner", "who answers for it", &entry.owner),
                Field::new(
                    "Budget",
                    "planned cost, e.g. 40000 or 40k",
                    &money(entry.planned_cost),
                ),
                Field::new("Spent", "actual cost to date", &money(entry.actual_cost)),
            ],
            focus: 0,
        }
    }

    /// The entry the form describes (on top of `template`), or `None` with the errors marked.
    pub fn entry_values(&mut self, template: &TimelineEntry, today: Date) -> Option<TimelineEntry> {
        for f in &mut self.fields {
            f.error = None;
        }
        let name = self.value("Name");
        if name.is_empty() {
            self.set_error("Name", "a name cannot be empty".into());
        }
        let kind = match self.value("Kind").to_lowercase().as_str() {
            "" | "phase" | "p" => Some(EntryKind::Phase),
            "milestone" | "m" => Some(EntryKind::Milestone),
            "release" | "r" => Some(EntryKind::Release),
            other => {
                self.set_error(
                    "Kind",
                    format!("\"{other}\" is not phase, milestone or release"),
                );
                None
            }
        };
        let start = parse_date(&self.value("Start"), today)
            .map_err(|e| self.set_error("Start", e))
            .ok();
        let end = match (kind, start) {
            (Some(k), Some(s)) if k.is_point() => Some(s),
            (_, s) => {
                let v = self.value("End");
                let base = s.unwrap_or(today);
                // "+2w" in the end field counts from the start.
                parse_date(&v, base)
                    .map_err(|e| self.set_error("End", e))
                    .ok()
            }
        };
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.set_error("End", format!("ends {e}, before it starts {s}"));
        }
        let planned = parse_money(&self.value("Budget"))
            .map_err(|e| self.set_error("Budget", e))
            .ok();
        let actual = parse_money(&self.value("Spent"))
            .map_err(|e| self.set_error("Spent", e))
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
            owner: self.value("Owner"),
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
                Field::new("Title", "what could go wrong", &risk.title),
                Field::new(
                    "Probability",
                    "1 rare … 5 almost certain",
                    &risk.probability.to_string(),
                ),
                Field::new(
                    "Impact",
                    "1 negligible … 5 severe",
                    &risk.impact.to_string(),
                ),
                Field::new("Owner", "who watches it", &risk.owner),
                Field::new("Mitigation", "what we do about it", &risk.mitigation),
                Field::new("Status", "open, mitigating or closed", risk.status.name()),
            ],
            focus: 0,
        }
    }

    /// The risk the form describes, or `None` with the errors marked.
    pub fn risk_values(&mut self, template: &Risk) -> Option<Risk> {
        for f in &mut self.fields {
            f.error = None;
        }
        let title = self.value("Title");
        if title.is_empty() {
            self.set_error("Title", "say what could go wrong".into());
        }
        let probability = scale(self, "Probability");
        let impact = scale(self, "Impact");
        let status = match self.value("Status").to_lowercase().as_str() {
            "" | "open" => Some(RiskStatus::Open),
            "mitigating" => Some(RiskStatus::Mitigating),
            "closed" => Some(RiskStatus::Closed),
            other => {
                self.set_error(
                    "Status",
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
            owner: self.value("Owner"),
            mitigation: self.value("Mitigation"),
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
    }

    #[test]
    fn money_accepts_shorthand() {
        assert_eq!(parse_money(""), Ok(0));
        assert_eq!(parse_money("12,000"), Ok(12_000));
        assert_eq!(parse_money("40k"), Ok(40_000));
        assert_eq!(parse_money("1.5M"), Ok(1_500_000));
        assert!(parse_money("-5").is_err());
        assert!(parse_money("lots").is_err());
    }
}
