//! Every value a person can type, and every limit a board's fields keep, in one place: the forms, CSV
//! import, the filters and `Board::validate` read values and check limits here, so a value the TUI
//! refuses is refused on load and on import too, in the same words.
//!
//! Parsers take the text as typed and return the value or a message in plain words; `check_*`
//! functions test a value already in a board. Date arithmetic here never panics: a date out of range
//! is an `Err`.

pub use super::validate::check_item;

use super::{FIBONACCI, Impact, ItemKind, Moscow, Rice, Wsjf};
use jiff::civil::Date;
use std::ops::RangeInclusive;

/// Longest item title, risk title, sprint goal, acceptance criterion or blocked reason, in characters.
pub const MAX_TITLE: usize = 500;
/// Longest name (project, sprint, timeline entry, stakeholder, column, owner, assignee, role,
/// organisation, contact, currency), in characters.
pub const MAX_NAME: usize = 200;
/// Longest tag or project key, in characters.
pub const MAX_LABEL: usize = 50;
/// Longest free text (description, note, mitigation, vision, product goal, what a stakeholder cares
/// about), in characters: about 100 KB of plain text.
pub const MAX_TEXT: usize = 100_000;
/// Most tags on one item.
pub const MAX_TAGS: usize = 50;
/// Most acceptance criteria on one item.
pub const MAX_ACCEPTANCE: usize = 200;

/// Each WSJF input (business value, time criticality, risk reduction, job size) is 1–20.
pub const WSJF_PART: RangeInclusive<u8> = 1..=20;
/// RICE confidence, in percent.
pub const CONFIDENCE: RangeInclusive<u8> = 0..=100;
/// Power, interest, risk probability and risk impact run from 1 to 5.
pub const SCALE: RangeInclusive<u8> = 1..=5;
/// Stakeholder update cadences, from daily to yearly.
pub const CADENCE_DAYS: RangeInclusive<u32> = 1..=365;
/// A column's WIP limit (a limit of 0 would let nothing in).
pub const WIP_LIMIT: RangeInclusive<u32> = 1..=999;
/// A sprint's capacity, in points.
pub const CAPACITY: RangeInclusive<u32> = 0..=9_999;
/// The standup timebox, in minutes.
pub const STANDUP_MINUTES: RangeInclusive<u32> = 1..=120;
/// The largest amount of money (a budget, a planned or actual cost): a million million.
pub const MAX_MONEY: u64 = 1_000_000_000_000;
/// The years a date may fall in: far enough from jiff's limits (year 9999) that the app's date
/// arithmetic (sprint lengths, cadences, zooming the timeline) cannot overflow.
pub const YEARS: RangeInclusive<i16> = 1000..=9000;

/// What a date field accepts, as the forms show it.
pub const DATE_HINT: &str = "YYYY-MM-DD, today, or +3d / -1w from today";

/// `"{what}" is N characters; the most is M`, or nothing when `text` fits.
pub fn check_length(what: &str, text: &str, max: usize) -> Result<(), String> {
    // A string of at most `max` bytes has at most `max` characters: no need to count.
    if text.len() <= max {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars <= max {
        return Ok(());
    }
    Err(format!(
        "{what} is {chars} characters long; the most is {max}"
    ))
}

/// At most `max` entries in a list (`what` names them, plural).
pub fn check_count(what: &str, count: usize, max: usize) -> Result<(), String> {
    if count <= max {
        return Ok(());
    }
    Err(format!("{count} {what}; the most is {max}"))
}

/// `text` cut to `max` characters with an ellipsis, for naming a thing in a message.
pub fn shorten(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => text.into(),
        Some((end, _)) => format!("{}…", &text[..end]).into(),
    }
}

fn range_words<T: std::fmt::Display>(range: &RangeInclusive<T>) -> String {
    format!("{}–{}", range.start(), range.end())
}

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

/// `d` moved by `days` (negative: earlier), or `None` past the calendar's ends. Never panics.
pub fn add_days(d: Date, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    d.checked_add(span).ok()
}

/// A date falls in the years `YEARS` (1000–9000).
pub fn check_date(d: Date) -> Result<Date, String> {
    if YEARS.contains(&d.year()) {
        return Ok(d);
    }
    Err(format!(
        "{d} is outside the years {}–{}",
        YEARS.start(),
        YEARS.end()
    ))
}

/// A date as typed: `2026-12-14`, `today`, or days/weeks from `base` (`+3`, `+3d`, `-2w`). For an
/// end date pass the start as `base`, so `+2w` counts from the start. Out-of-range results (a
/// `+8000000d`, a year past 9000) are an `Err`, never a panic.
pub fn parse_date(v: &str, base: Date) -> Result<Date, String> {
    let v = v.trim();
    if v.eq_ignore_ascii_case("today") {
        return Ok(base);
    }
    let not_a_date = || format!("\"{v}\" is not a date ({DATE_HINT})");
    let too_far = || {
        format!(
            "\"{v}\" is too far away (dates fall in the years {}–{})",
            YEARS.start(),
            YEARS.end()
        )
    };
    let date = if let Some(rest) = v.strip_prefix(['+', '-']) {
        let sign: i64 = if v.starts_with('-') { -1 } else { 1 };
        let (num, unit) = match rest.strip_suffix(['w', 'W']) {
            Some(n) => (n, 7),
            None => (rest.strip_suffix(['d', 'D']).unwrap_or(rest), 1),
        };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_a_date());
        }
        let n: i64 = num.parse().map_err(|_| too_far())?;
        let days = n
            .checked_mul(unit)
            .and_then(|d| d.checked_mul(sign))
            .ok_or_else(too_far)?;
        add_days(base, days).ok_or_else(too_far)?
    } else {
        v.parse::<Date>().map_err(|_| not_a_date())?
    };
    check_date(date).map_err(|_| too_far())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn points_are_fibonacci_or_none() {
        assert_eq!(parse_points(""), Ok(None));
        assert_eq!(parse_points(" 8 "), Ok(Some(8)));
        assert_eq!(
            parse_points("4"),
            Err("4 is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)".into())
        );
        assert_eq!(parse_points("lots"), Err("\"lots\" is not a number".into()));
        assert_eq!(check_points(89), Ok(89));
        assert!(check_points(90).is_err());
    }

    #[test]
    fn wsjf_parts_are_one_to_twenty() {
        assert_eq!(
            parse_wsjf("8 5 2 3").expect("ok").map(|w| w.job_size),
            Some(3)
        );
        assert_eq!(
            parse_wsjf("8,5,2,3").expect("ok").map(|w| w.job_size),
            Some(3)
        );
        assert_eq!(parse_wsjf(""), Ok(None));
        assert_eq!(
            parse_wsjf("8 5 2"),
            Err("4 numbers: value criticality risk-reduction size".into())
        );
        assert_eq!(
            parse_wsjf("8 5 2 30"),
            Err("each WSJF input is 1–20".into())
        );
        assert_eq!(parse_wsjf("8 5 2 0"), Err("each WSJF input is 1–20".into()));
        assert_eq!(
            parse_wsjf("8 5 2 99999999999").expect_err("too big"),
            "\"99999999999\" is not a number"
        );
        let w = Wsjf {
            business_value: 8,
            time_criticality: 21,
            risk_reduction: 2,
            job_size: 3,
        };
        assert_eq!(
            check_wsjf(&w),
            Err("WSJF time criticality 21 is not 1–20".into())
        );
    }

    #[test]
    fn rice_reach_impact_confidence_effort() {
        let r = parse_rice("2000 high 80% 4").expect("ok").expect("some");
        assert_eq!(
            (r.reach, r.impact, r.confidence, r.effort),
            (2000, Impact::High, 80, 4)
        );
        assert_eq!(parse_rice("  "), Ok(None));
        assert_eq!(
            parse_rice("2000 huge 80 4"),
            Err("impact \"huge\" is not minimal, low, medium, high or massive".into())
        );
        assert_eq!(
            parse_rice("2000 high 80 0"),
            Err("effort \"0\" is not a whole number above 0".into())
        );
        assert_eq!(
            parse_rice("2000 high 101 1"),
            Err("confidence \"101\" is not 0–100".into())
        );
        assert_eq!(
            parse_rice("-1 high 50 1"),
            Err("reach \"-1\" is not a number".into())
        );
        assert_eq!(parse_impact("0.25"), Ok(Impact::Minimal));
        assert_eq!(parse_impact("Massive"), Ok(Impact::Massive));
        assert_eq!(
            check_rice(&Rice { effort: 0, ..r }),
            Err("RICE effort 0 is not a whole number above 0".into())
        );
        assert_eq!(
            check_rice(&Rice {
                confidence: 150,
                ..r
            }),
            Err("RICE confidence 150% is over 100%".into())
        );
    }

    #[test]
    fn moscow_and_kind() {
        assert_eq!(parse_moscow(""), Ok(None));
        assert_eq!(parse_moscow("Won't"), Ok(Some(Moscow::Wont)));
        assert_eq!(
            parse_moscow("maybe"),
            Err("\"maybe\" is not must, should, could or won't".into())
        );
        assert_eq!(parse_kind(" BUG "), Ok(ItemKind::Bug));
        assert_eq!(
            parse_kind("saga"),
            Err("\"saga\" is not story, bug, task, spike or epic".into())
        );
    }

    #[test]
    fn money_reads_thousands_and_millions_up_to_a_limit() {
        assert_eq!(parse_money(""), Ok(0));
        assert_eq!(parse_money("12,000"), Ok(12_000));
        assert_eq!(parse_money("12k"), Ok(12_000));
        assert_eq!(parse_money("1.5M"), Ok(1_500_000));
        assert_eq!(
            parse_money("lots"),
            Err("\"lots\" is not an amount (e.g. 12000, 12k, 1.5M)".into())
        );
        assert!(parse_money("-5").is_err());
        assert!(parse_money("inf").is_err());
        assert_eq!(parse_money("1000000M"), Ok(MAX_MONEY));
        assert_eq!(
            parse_money("1000001M"),
            Err("\"1000001M\" is more than the most an amount can be (1000000000000)".into())
        );
        assert!(check_money("budget", u64::MAX).is_err());
    }

    #[test]
    fn ranges_say_their_limits() {
        assert_eq!(parse_cadence("14d"), Ok(14));
        assert_eq!(parse_cadence("365"), Ok(365));
        assert_eq!(parse_cadence("0"), Err("\"0\" is not 1–365 days".into()));
        assert_eq!(
            parse_cadence("8000000"),
            Err("\"8000000\" is not 1–365 days".into())
        );
        assert_eq!(
            check_cadence(8_000_000),
            Err("update cadence 8000000 is not 1–365 days".into())
        );
        assert_eq!(parse_scale("3"), Ok(3));
        assert_eq!(parse_scale("7"), Err("\"7\" is not 1–5".into()));
        assert_eq!(check_scale("power", 0), Err("power 0 is not 1–5".into()));
        assert_eq!(parse_wip_limit(""), Ok(None));
        assert_eq!(parse_wip_limit("3"), Ok(Some(3)));
        assert_eq!(parse_wip_limit("0"), Err("\"0\" is not 1–999 items".into()));
        assert_eq!(
            check_wip_limit(5000),
            Err("WIP limit 5000 is not 1–999 items".into())
        );
        assert_eq!(parse_capacity("26"), Ok(26));
        assert_eq!(
            parse_capacity("lots"),
            Err("\"lots\" is not a number of points".into())
        );
        assert_eq!(
            parse_capacity("10000"),
            Err("capacity 10000 is not 0–9999 points".into())
        );
        assert_eq!(parse_standup_minutes("15"), Ok(15));
        assert_eq!(
            parse_standup_minutes("0"),
            Err("\"0\" is not 1–120 minutes".into())
        );
    }

    #[test]
    fn lengths_say_the_most() {
        assert_eq!(check_length("title", "short", MAX_TITLE), Ok(()));
        assert_eq!(check_length("title", &"é".repeat(500), MAX_TITLE), Ok(()));
        assert_eq!(
            check_length("title", &"x".repeat(501), MAX_TITLE),
            Err("title is 501 characters long; the most is 500".into())
        );
        assert_eq!(
            check_count("tags", 51, MAX_TAGS),
            Err("51 tags; the most is 50".into())
        );
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("ééé", 2), "éé…");
    }

    #[test]
    fn dates_absolute_relative_and_wrong() {
        let base = date(2026, 11, 28);
        assert_eq!(parse_date("2026-12-14", base), Ok(date(2026, 12, 14)));
        assert_eq!(parse_date("today", base), Ok(base));
        assert_eq!(parse_date(" Today ", base), Ok(base));
        assert_eq!(parse_date("+3", base), Ok(date(2026, 12, 1)));
        assert_eq!(parse_date("+3d", base), Ok(date(2026, 12, 1)));
        assert_eq!(parse_date("+2w", base), Ok(date(2026, 12, 12)));
        assert_eq!(parse_date("-1d", base), Ok(date(2026, 11, 27)));
        assert_eq!(parse_date("-1w", base), Ok(date(2026, 11, 21)));
        assert_eq!(
            parse_date("2026-02-30", base),
            Err(format!("\"2026-02-30\" is not a date ({DATE_HINT})"))
        );
        assert!(parse_date("+x", base).is_err());
        assert!(parse_date("+", base).is_err());
        assert!(parse_date("+-3", base).is_err());
    }

    #[test]
    fn date_arithmetic_never_panics() {
        let base = date(2026, 11, 28);
        let far = "(dates fall in the years 1000–9000)";
        for v in [
            "+8000000d",
            "-8000000d",
            "+99999999999999999999w",
            "+9223372036854775807w",
            "-9223372036854775807d",
            "+3000000d",
            "9999-01-01",
            "0999-12-31",
        ] {
            assert_eq!(
                parse_date(v, base),
                Err(format!("\"{v}\" is too far away {far}")),
                "{v}"
            );
        }
        assert_eq!(add_days(base, i64::MAX), None);
        assert_eq!(add_days(base, 8_000_000), None);
        assert_eq!(add_days(Date::MAX, 1), None);
        assert_eq!(add_days(base, 3), Some(date(2026, 12, 1)));
        assert_eq!(check_date(date(9000, 12, 31)), Ok(date(9000, 12, 31)));
        assert_eq!(
            check_date(date(9001, 1, 1)),
            Err("9001-01-01 is outside the years 1000–9000".into())
        );
    }
}
