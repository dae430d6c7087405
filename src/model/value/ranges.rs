//! Amounts of money and the whole numbers that live in a range: cadence, power and interest, WIP
//! limits, capacity, the standup timebox.

use super::{
    CADENCE_DAYS, CAPACITY, CYCLE_SAMPLE, KEY_LETTERS, MAX_MONEY, SCALE, SPRINT_DAYS,
    STANDUP_MINUTES, WIP_LIMIT, range_words,
};
use std::ops::RangeInclusive;

/// An amount as typed: `12000`, `12,000`, `12k`, `1.5M`; empty is 0. At most `MAX_MONEY`.
pub fn parse_money(v: &str) -> Result<u64, String> {
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
        Ok(x) if x >= 0.0 && x.is_finite() => {
            let amount = (x * mult).round();
            if amount > MAX_MONEY as f64 {
                return Err(format!(
                    "\"{}\" is more than the most an amount can be ({MAX_MONEY})",
                    v.trim()
                ));
            }
            // Whole, non-negative and at most 10^12 here, so the cast is exact.
            Ok(amount as u64)
        }
        _ => Err(format!(
            "\"{}\" is not an amount (e.g. 12000, 12k, 1.5M)",
            v.trim()
        )),
    }
}

/// An amount already on the board is at most `MAX_MONEY`.
pub fn check_money(what: &str, n: u64) -> Result<(), String> {
    if n <= MAX_MONEY {
        return Ok(());
    }
    Err(format!(
        "{what} {n} is more than the most an amount can be ({MAX_MONEY})"
    ))
}

/// A whole number in `range`, as typed; `unit` ends the message (`"x" is not 1–365 days`).
fn parse_in<T>(v: &str, range: &RangeInclusive<T>, unit: &str) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    let v = v.trim();
    v.parse::<T>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| format!("\"{v}\" is not {}{unit}", range_words(range)))
}

fn check_in<T>(what: &str, n: T, range: &RangeInclusive<T>, unit: &str) -> Result<T, String>
where
    T: PartialOrd + std::fmt::Display,
{
    if range.contains(&n) {
        return Ok(n);
    }
    Err(format!("{what} {n} is not {}{unit}", range_words(range)))
}

/// A cadence as typed: `14` or `14d`, 1–365 days.
pub fn parse_cadence(v: &str) -> Result<u32, String> {
    let v = v.trim();
    let n = v.strip_suffix(['d', 'D']).unwrap_or(v);
    parse_in(n, &CADENCE_DAYS, " days").map_err(|_| format!("\"{v}\" is not 1–365 days"))
}

/// A cadence already on the board is 1–365 days.
pub fn check_cadence(n: u32) -> Result<u32, String> {
    check_in("update cadence", n, &CADENCE_DAYS, " days")
}

/// Power, interest, risk probability or impact as typed: 1–5.
pub fn parse_scale(v: &str) -> Result<u8, String> {
    parse_in(v, &SCALE, "")
}

/// `what` (power, interest, probability, impact) is 1–5.
pub fn check_scale(what: &str, n: u8) -> Result<u8, String> {
    check_in(what, n, &SCALE, "")
}

/// A WIP limit as typed: empty for none, else 1–999.
pub fn parse_wip_limit(v: &str) -> Result<Option<u32>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    parse_in(v, &WIP_LIMIT, " items").map(Some)
}

/// A WIP limit already on the board is 1–999.
pub fn check_wip_limit(n: u32) -> Result<u32, String> {
    check_in("WIP limit", n, &WIP_LIMIT, " items")
}

/// A sprint's capacity as typed: 0–9999 points.
pub fn parse_capacity(v: &str) -> Result<u32, String> {
    let v = v.trim();
    match v.parse::<u32>() {
        Err(_) => Err(format!("\"{v}\" is not a number of points")),
        Ok(n) => check_capacity(n),
    }
}

/// A sprint's capacity is 0–9999 points.
pub fn check_capacity(n: u32) -> Result<u32, String> {
    check_in("capacity", n, &CAPACITY, " points")
}

/// The standup timebox as typed: 1–120 minutes.
pub fn parse_standup_minutes(v: &str) -> Result<u32, String> {
    parse_in(v, &STANDUP_MINUTES, " minutes")
}

/// The standup timebox is 1–120 minutes.
pub fn check_standup_minutes(n: u32) -> Result<u32, String> {
    check_in("standup timebox", n, &STANDUP_MINUTES, " minutes")
}

/// A project key as typed: 1–10 letters, uppercased (`pay` becomes `PAY`).
pub fn parse_project_key(v: &str) -> Result<String, String> {
    let v = v.trim();
    check_project_key(&v.to_uppercase())
}

/// A project key is 1–10 letters (A–Z), the prefix of every item key (`CRN` in `CRN-12`).
pub fn check_project_key(key: &str) -> Result<String, String> {
    if key.is_empty() {
        return Err("a project key cannot be empty: 1–10 letters, like CRN".into());
    }
    if !key.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(format!(
            "\"{key}\" is not a project key: letters only (A–Z), like CRN"
        ));
    }
    if !KEY_LETTERS.contains(&key.chars().count()) {
        return Err(format!(
            "\"{key}\" is {} letters; a project key is 1–10",
            key.chars().count()
        ));
    }
    Ok(key.to_ascii_uppercase())
}

/// A project name as typed: not empty, at most `MAX_NAME` characters.
pub fn parse_project_name(v: &str) -> Result<String, String> {
    let v = v.trim();
    if v.is_empty() {
        return Err("a project name cannot be empty".into());
    }
    super::check_length("the project name", v, super::MAX_NAME)?;
    Ok(v.to_string())
}

/// The sprint length as typed: 1–60 days.
pub fn parse_sprint_days(v: &str) -> Result<u32, String> {
    parse_in(v, &SPRINT_DAYS, " days")
}

/// The cycle-time sample as typed: 1–1000 done items.
pub fn parse_cycle_sample(v: &str) -> Result<u32, String> {
    parse_in(v, &CYCLE_SAMPLE, " items")
}

/// The cycle-time sample is 1–1000 done items.
pub fn check_cycle_sample(n: u32) -> Result<u32, String> {
    check_in("cycle-time sample", n, &CYCLE_SAMPLE, " items")
}

/// The sprint length is 1–60 days.
pub fn check_sprint_days(n: u32) -> Result<u32, String> {
    check_in("sprint length", n, &SPRINT_DAYS, " days")
}
