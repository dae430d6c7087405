//! Plain Markdown that reads well as text: tables padded to line up, numbers and days in words.

use super::PAD_CAP;
use jiff::civil::Date;
use std::cmp::Ordering;

#[derive(Clone, Copy)]
pub(super) enum Align {
    Left,
    Right,
}

/// A GitHub-flavoured Markdown table with columns padded to line up (up to `PAD_CAP`).
pub(super) fn table(headers: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, (h, _))| {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
                .min(PAD_CAP);
            widest.max(width(h)).max(3)
        })
        .collect();
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let pad = |text: &str, i: usize| {
        let (w, align) = (widths[i], headers[i].1);
        let fill = " ".repeat(w.saturating_sub(width(text)));
        match align {
            Align::Left => format!("{text}{fill}"),
            Align::Right => format!("{fill}{text}"),
        }
    };
    let mut out = vec![line(
        headers
            .iter()
            .enumerate()
            .map(|(i, (h, _))| pad(h, i))
            .collect(),
    )];
    out.push(line(
        headers
            .iter()
            .enumerate()
            .map(|(i, (_, align))| match align {
                Align::Left => "-".repeat(widths[i]),
                Align::Right => format!("{}:", "-".repeat(widths[i] - 1)),
            })
            .collect(),
    ));
    for r in &rows {
        out.push(line(
            (0..headers.len())
                .map(|i| pad(r.get(i).map_or("", String::as_str), i))
                .collect(),
        ));
    }
    out.join("\n")
}

/// Text for a table cell: as `inline` (which escapes `|` too).
pub(super) fn cell(text: &str) -> String {
    inline(text)
}

/// Text for one line of prose: line breaks collapsed to single spaces, ends trimmed, and every
/// character Markdown would read as markup or HTML (`|`, `#`, `*`, `` ` ``, `<`, `[`, …) escaped,
/// so a title can neither break a table nor inject a heading, a link or a `<script>`.
pub(super) fn inline(text: &str) -> String {
    let joined = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(joined.len());
    for c in joined.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn width(text: &str) -> usize {
    text.chars().count()
}

pub(super) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

pub(super) fn overspending(over: bool) -> String {
    if over { "overspending" } else { "" }.to_string()
}

/// `part / whole` as a whole percentage, rounded half up; `None` when `whole` is zero.
pub(super) fn percent(part: u64, whole: u64) -> Option<u64> {
    crate::model::percent(part, whole)
}

/// `EUR 120,000`.
pub(super) fn money(currency: &str, amount: u64) -> String {
    if currency.is_empty() {
        thousands(amount)
    } else {
        format!("{currency} {}", thousands(amount))
    }
}

/// `1234567` → `1,234,567`.
pub(super) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(super) use crate::model::words::count as plural;

pub(super) fn days(n: i32) -> String {
    plural(n.unsigned_abs() as usize, "day")
}

pub(super) fn points(n: u32) -> String {
    if n == 1 {
        "1 point".to_string()
    } else {
        format!("{n} points")
    }
}

/// "in 5 days", "today", "3 days ago".
pub(super) fn relative(date: Date, today: Date) -> String {
    let d = (date - today).get_days();
    match d.cmp(&0) {
        Ordering::Greater => format!("in {}", days(d)),
        Ordering::Equal => "today".to_string(),
        Ordering::Less => format!("{} ago", days(d)),
    }
}
