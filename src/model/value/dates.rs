//! Dates as typed (`2026-12-14`, `today`, `+3d`, `-1w`) and date steps that cannot panic.

use super::{DATE_HINT, YEARS};
use jiff::civil::Date;

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
            None => match rest.strip_suffix(['m', 'M']) {
                Some(n) => (n, 0),
                None => (rest.strip_suffix(['d', 'D']).unwrap_or(rest), 1),
            },
        };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_a_date());
        }
        let n: i64 = num.parse().map_err(|_| too_far())?;
        if unit == 0 {
            // Calendar months: Jan 31 + 1m is Feb 28.
            let months = n.checked_mul(sign).ok_or_else(too_far)?;
            let span = jiff::Span::new()
                .try_months(months)
                .map_err(|_| too_far())?;
            return base
                .checked_add(span)
                .map_err(|_| too_far())
                .and_then(|d| check_date(d).map_err(|_| too_far()));
        }
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

/// The first day of a `since:` filter, counted back from `today`: `14d`, `2w`, `3m` (days, weeks,
/// calendar months ago), `week` (the last 7 days), `month` (the last 30 days), `today`, or a date
/// (`2026-11-01`). The same words as the forms' dates, read backwards.
pub fn parse_since(v: &str, today: Date) -> Result<Date, String> {
    let v = v.trim();
    let hint = || {
        format!(
            "since:\"{v}\" is not a date or a time ago (14d, 2w, 3m, week, month, today, 2026-11-01)"
        )
    };
    match v.to_ascii_lowercase().as_str() {
        "week" => return add_days(today, -7).ok_or_else(hint),
        "month" => return add_days(today, -30).ok_or_else(hint),
        _ => {}
    }
    let ago = v.starts_with(|c: char| c.is_ascii_digit())
        && v.ends_with(|c: char| c.is_ascii_alphabetic());
    let typed = if ago { format!("-{v}") } else { v.to_string() };
    parse_date(&typed, today).map_err(|_| hint())
}

/// The standup's start as typed: `9:30`, `09:30` or `14:05` (24-hour, whole minutes); empty means
/// no fixed time.
pub fn parse_standup_at(v: &str) -> Result<Option<jiff::civil::Time>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let bad = || format!("\"{v}\" is not a time of day: hours and minutes, like 09:30 or 14:05");
    let (h, m) = v.split_once(':').ok_or_else(bad)?;
    let digits = |s: &str, max: i8| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i8>().ok())
            .flatten()
            .filter(|n| *n <= max)
    };
    match (digits(h, 23), digits(m, 59)) {
        (Some(h), Some(m)) if m_len(v) == 2 => {
            check_standup_at(jiff::civil::Time::new(h, m, 0, 0).map_err(|_| bad())?).map(Some)
        }
        _ => Err(bad()),
    }
}

fn m_len(v: &str) -> usize {
    v.split_once(':').map_or(0, |(_, m)| m.len())
}

/// A standup time is a whole minute (what the settings form and the calendar can say).
pub fn check_standup_at(t: jiff::civil::Time) -> Result<jiff::civil::Time, String> {
    if t.second() != 0 || t.subsec_nanosecond() != 0 {
        return Err(format!(
            "standup time {} is not a whole minute: hours and minutes, like 09:30",
            t
        ));
    }
    Ok(t)
}
