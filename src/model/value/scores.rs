//! Estimates and scores: story points, WSJF, RICE, MoSCoW and the item kind.

use super::CONFIDENCE;
use super::WSJF_PART;
use crate::model::{FIBONACCI, Impact, ItemKind, Moscow, Rice, Wsjf};

/// Story points as typed: empty for none, else a number on the Fibonacci scale.
pub fn parse_points(v: &str) -> Result<Option<u8>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let n: u32 = v.parse().map_err(|_| format!("\"{v}\" is not a number"))?;
    check_points(n).map(Some)
}

/// Story points on the Fibonacci scale.
pub fn check_points(n: u32) -> Result<u8, String> {
    FIBONACCI
        .iter()
        .find(|&&f| u32::from(f) == n)
        .copied()
        .ok_or_else(|| format!("{n} is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)"))
}

/// `n` whole numbers separated by spaces or commas; `what` names them for the message.
pub fn numbers(v: &str, n: usize, what: &str) -> Result<Vec<u32>, String> {
    let parts: Vec<&str> = v.split([' ', ',']).filter(|s| !s.is_empty()).collect();
    if parts.len() != n {
        return Err(format!("{n} numbers: {what}"));
    }
    parts
        .iter()
        .map(|p| {
            p.parse::<u32>()
                .map_err(|_| format!("\"{p}\" is not a number"))
        })
        .collect()
}

/// WSJF as typed: empty for none, else `value criticality risk-reduction size`, each 1–20.
pub fn parse_wsjf(v: &str) -> Result<Option<Wsjf>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let n = numbers(v, 4, "value criticality risk-reduction size")?;
    let part = |x: u32| {
        u8::try_from(x)
            .ok()
            .filter(|x| WSJF_PART.contains(x))
            .ok_or_else(|| "each WSJF input is 1–20".to_string())
    };
    Ok(Some(Wsjf {
        business_value: part(n[0])?,
        time_criticality: part(n[1])?,
        risk_reduction: part(n[2])?,
        job_size: part(n[3])?,
    }))
}

/// Each WSJF input is 1–20.
pub fn check_wsjf(w: &Wsjf) -> Result<(), String> {
    for (what, v) in [
        ("business value", w.business_value),
        ("time criticality", w.time_criticality),
        ("risk reduction", w.risk_reduction),
        ("job size", w.job_size),
    ] {
        if !WSJF_PART.contains(&v) {
            return Err(format!("WSJF {what} {v} is not 1–20"));
        }
    }
    Ok(())
}

/// RICE impact: a name (minimal, low, medium, high, massive, any case) or its factor (0.25 … 3).
pub fn parse_impact(v: &str) -> Result<Impact, String> {
    Ok(match v.trim().to_lowercase().as_str() {
        "minimal" | "0.25" => Impact::Minimal,
        "low" | "0.5" => Impact::Low,
        "medium" | "1" => Impact::Medium,
        "high" | "2" => Impact::High,
        "massive" | "3" => Impact::Massive,
        _ => {
            return Err(format!(
                "impact \"{}\" is not minimal, low, medium, high or massive",
                v.trim()
            ));
        }
    })
}

/// RICE reach: people per quarter, a whole number (0 or more).
pub fn parse_reach(v: &str) -> Result<u32, String> {
    let v = v.trim();
    v.parse()
        .map_err(|_| format!("reach \"{v}\" is not a number"))
}

/// RICE confidence: 0–100, with or without `%`.
pub fn parse_confidence(v: &str) -> Result<u8, String> {
    let v = v.trim();
    v.trim_end_matches('%')
        .trim_end()
        .parse()
        .ok()
        .filter(|c| CONFIDENCE.contains(c))
        .ok_or_else(|| format!("confidence \"{v}\" is not 0–100"))
}

/// RICE effort: person-weeks, a whole number above 0.
pub fn parse_effort(v: &str) -> Result<u16, String> {
    let v = v.trim();
    v.parse()
        .ok()
        .filter(|e| *e > 0)
        .ok_or_else(|| format!("effort \"{v}\" is not a whole number above 0"))
}

/// RICE as typed: empty for none, else `reach impact confidence effort` (e.g. `2000 high 80 3`).
pub fn parse_rice(v: &str) -> Result<Option<Rice>, String> {
    let parts: Vec<&str> = v.split_whitespace().collect();
    if parts.is_empty() {
        return Ok(None);
    }
    if parts.len() != 4 {
        return Err("4 values: reach impact confidence effort (e.g. 2000 high 80 3)".into());
    }
    Ok(Some(Rice {
        reach: parse_reach(parts[0])?,
        impact: parse_impact(parts[1])?,
        confidence: parse_confidence(parts[2])?,
        effort: parse_effort(parts[3])?,
    }))
}

/// RICE confidence is 0–100% and effort above 0.
pub fn check_rice(r: &Rice) -> Result<(), String> {
    if !CONFIDENCE.contains(&r.confidence) {
        return Err(format!("RICE confidence {}% is over 100%", r.confidence));
    }
    if r.effort == 0 {
        return Err("RICE effort 0 is not a whole number above 0".into());
    }
    Ok(())
}

/// MoSCoW as typed: empty for none, else must/should/could/won't (or m/s/c/w).
pub fn parse_moscow(v: &str) -> Result<Option<Moscow>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    Moscow::parse(v)
        .map(Some)
        .ok_or_else(|| format!("\"{v}\" is not must, should, could or won't"))
}

/// An item kind: story, bug, task, spike or epic (any case).
pub fn parse_kind(v: &str) -> Result<ItemKind, String> {
    ItemKind::parse(v)
        .ok_or_else(|| format!("\"{}\" is not story, bug, task, spike or epic", v.trim()))
}
