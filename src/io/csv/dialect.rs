//! The vocabulary of the CSV files cairn reads: header aliases and the values of Jira, GitHub
//! Projects and Trello (points, statuses, kinds, priorities, dates, labels).

use super::layout::Cell;
use super::*;

pub(super) const TITLE: &[&str] = &["summary", "title", "card name", "name"];
pub(super) const DESCRIPTION: &[&str] = &["description", "body", "card description"];
pub(super) const KIND: &[&str] = &["issue type", "type"];
pub(super) const STATUS: &[&str] = &["status", "list name", "state", "list"];
pub(super) const POINTS: &[&str] = &[
    "story points",
    "story point estimate",
    "custom field (story points)",
    "custom field (story point estimate)",
    "estimate",
    "points",
    "size",
];
pub(super) const MOSCOW: &[&str] = &["moscow"];
pub(super) const PRIORITY: &[&str] = &["priority"];
pub(super) const TAGS: &[&str] = &["labels", "label", "tags"];
pub(super) const ASSIGNEE: &[&str] = &["assignee", "assignees", "members"];
pub(super) const SPRINT: &[&str] = &["sprint", "iteration"];
pub(super) const ACCEPTANCE: &[&str] = &["acceptance criteria"];
pub(super) const BLOCKED: &[&str] = &["blocked"];
pub(super) const CREATED: &[&str] = &["created", "created at"];
pub(super) const UPDATED: &[&str] = &["updated", "updated at", "last activity date"];
pub(super) const RESOLVED: &[&str] = &["resolved", "closed at", "date completed"];
pub(super) const KEY: &[&str] = &["issue key", "key", "card id", "number", "issue number"];
pub(super) const ISSUE_ID: &[&str] = &["issue id"];
pub(super) const URL: &[&str] = &["url", "issue url"];
pub(super) const REPOSITORY: &[&str] = &["repository"];
/// The parent, by key or (Jira's `Parent`/`Parent id`) by issue id; the first non-empty counts.
pub(super) const PARENT: &[&str] = &[
    "epic link",
    "custom field (epic link)",
    "parent",
    "parent id",
    "parent key",
    "parent issue",
];
pub(super) const BUSINESS_VALUE: &[&str] = &["business value"];
pub(super) const TIME_CRITICALITY: &[&str] = &["time criticality"];
pub(super) const RISK_REDUCTION: &[&str] = &["risk reduction"];
pub(super) const JOB_SIZE: &[&str] = &["job size"];
pub(super) const REACH: &[&str] = &["reach"];
pub(super) const IMPACT: &[&str] = &["impact"];
pub(super) const CONFIDENCE: &[&str] = &["confidence"];
pub(super) const EFFORT: &[&str] = &["effort"];

/// A whole number that fits `T` (`8` or `8.0`).
pub(super) fn number<T: TryFrom<u64>>(c: &Cell<'_>) -> Result<T, String> {
    let n = c.value.parse::<u64>().ok().or_else(|| {
        let f = c.value.parse::<f64>().ok()?;
        // Whole, non-negative and below 2^53, so the cast is exact.
        (f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f < 1e15).then_some(f as u64)
    });
    let n = n.ok_or_else(|| format!("{} \"{}\" is not a whole number", c.header, c.value))?;
    T::try_from(n).map_err(|_| format!("{} \"{}\" is too large", c.header, c.value))
}

/// Story points on the Fibonacci scale; other numbers up to 89 round up, with a warning.
pub(super) fn parse_points(c: &Cell<'_>, warnings: &mut Vec<String>) -> Result<Option<u8>, String> {
    let (header, raw) = (c.header, c.value);
    let n = raw
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("{header} \"{raw}\" is not a number"))?;
    if n < 0.0 {
        return Err(format!("{header} \"{raw}\" is negative"));
    }
    if n > 89.0 {
        return Err(format!(
            "{header} \"{raw}\" is above 89, the top of the Fibonacci scale"
        ));
    }
    // 0 ≤ n ≤ 89 here, so the cast is exact.
    let whole = n.ceil() as u32;
    let fib = fibonacci_at_least(whole)
        .ok_or_else(|| format!("{header} \"{raw}\" is above 89, the top of the Fibonacci scale"))?;
    if (f64::from(fib) - n).abs() > f64::EPSILON {
        warnings.push(format!(
            "{header} {raw} is not on the Fibonacci scale; rounded up to {fib}"
        ));
    }
    Ok(Some(fib))
}

/// `XS`, `S`, `M`, `L`, `XL`, `XXL`: GitHub's Size field, which is no number of points.
pub(super) fn is_tshirt(value: &str) -> bool {
    ["xs", "s", "m", "l", "xl", "xxl"].contains(&value.trim().to_lowercase().as_str())
}

/// Maps a status to a workflow column: by name first, then by common synonyms.
pub(super) fn map_status(board: &Board, value: &str) -> Result<String, String> {
    let columns = &board.columns;
    if value.is_empty() {
        return Ok(board.first_column().to_string());
    }
    let wanted = value.to_lowercase();
    if let Some(c) = columns
        .iter()
        .find(|c| c.name.trim().to_lowercase() == wanted)
    {
        return Ok(c.name.clone());
    }
    let named = |name: &str| {
        columns
            .iter()
            .find(|c| c.name.trim().eq_ignore_ascii_case(name))
    };
    let synonym = wanted
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let column = match synonym.as_str() {
        "to do" | "todo" | "open" | "backlog" | "new" | "selected for development" => {
            columns.first()
        }
        "in progress" | "doing" | "in development" | "started" => {
            named("doing").or_else(|| columns.get(1))
        }
        "in review" | "review" | "code review" | "qa" | "testing" => {
            named("review").or_else(|| columns.len().checked_sub(2).and_then(|i| columns.get(i)))
        }
        "done" | "closed" | "resolved" | "complete" | "completed" => columns.last(),
        _ => None,
    };
    column.map(|c| c.name.clone()).ok_or_else(|| {
        let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
        format!("unknown status \"{value}\" (columns: {})", names.join(", "))
    })
}

pub(super) fn parse_kind(value: &str) -> Option<ItemKind> {
    if let Some(kind) = ItemKind::parse(value) {
        return Some(kind);
    }
    match value.trim().to_lowercase().as_str() {
        "sub-task" | "subtask" | "sub task" => Some(ItemKind::Task),
        "improvement" | "new feature" | "feature" | "user story" => Some(ItemKind::Story),
        _ => None,
    }
}

/// `must`, `Must have`, `M`, `won't`, `Won’t have`…
pub(super) fn parse_moscow(value: &str) -> Option<Moscow> {
    let v = value.trim().to_lowercase().replace('\u{2019}', "'");
    let v = v.strip_suffix(" have").unwrap_or(&v);
    Moscow::parse(v)
}

/// MoSCoW from a Jira or GitHub priority, only asked for with `--moscow-from-priority` (and then
/// shown): `Ok(None)` for "no priority", `Err` when unknown. Low is still a could; only the
/// lowest priority is a won't.
pub(super) fn priority_moscow(value: &str) -> Result<Option<Moscow>, ()> {
    Ok(Some(match value.trim().to_lowercase().as_str() {
        "highest" | "blocker" | "critical" | "p0" | "urgent" => Moscow::Must,
        "high" | "major" | "p1" => Moscow::Should,
        "medium" | "normal" | "p2" => Moscow::Could,
        "low" | "minor" | "p3" => Moscow::Could,
        "lowest" | "trivial" | "p4" => Moscow::Wont,
        "" | "none" | "-" | "no priority" => return Ok(None),
        _ => return Err(()),
    }))
}

/// `owner/repo#42` for a GitHub issue or pull request URL.
pub(super) fn github_key(url: &str) -> Option<String> {
    let path = url.trim().strip_prefix("https://github.com/")?;
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        [owner, repo, "issues" | "pull", n] if n.parse::<u64>().is_ok() => {
            Some(format!("{owner}/{repo}#{n}"))
        }
        _ => None,
    }
}

pub(super) fn parse_impact(value: &str) -> Option<Impact> {
    crate::model::value::parse_impact(value).ok()
}

/// The forms of a date Jira writes (its default `dd/MMM/yy h:mm a`, with and without the time,
/// and a four-digit year), the month-name form of GitHub's and Trello's pages, and the dotted
/// day-first form Excel writes when it saves a file in much of Europe.
const DATE_FORMATS: [&str; 12] = [
    "%d/%b/%y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%d/%b/%y",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%Y %H:%M",
    "%d/%b/%Y",
    "%b %d, %Y",
    "%Y/%m/%d",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%y %H:%M",
    "%d.%m.%y",
];

/// A date from a CSV cell: an ISO timestamp (GitHub, Trello: its day in UTC), an ISO date or
/// date-time (Jira's ISO setting), or one of Jira's `DATE_FORMATS`.
pub(super) fn parse_date(value: &str) -> Option<Date> {
    let v = value.trim();
    if let Ok(ts) = v.parse::<jiff::Timestamp>() {
        return Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    if let Ok(dt) = v.parse::<jiff::civil::DateTime>() {
        return Some(dt.date());
    }
    if let Ok(d) = v.parse::<Date>() {
        return Some(d);
    }
    DATE_FORMATS
        .iter()
        .find_map(|f| jiff::fmt::strtime::parse(f, v).ok()?.to_date().ok())
}

/// Trello's label colours, written after a label's name: `Urgent (red)`.
pub(super) const TRELLO_COLOURS: [&str; 11] = [
    "green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black", "null",
];

pub(super) fn is_trello_colour(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    let base = s
        .strip_suffix("_dark")
        .or_else(|| s.strip_suffix("_light"))
        .unwrap_or(&s);
    TRELLO_COLOURS.contains(&base)
}

/// Tags from label cells: split on commas and whitespace, Trello colours dropped, duplicates
/// removed (the first stays).
pub(super) fn split_tags(cells: &[&str]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for part in cells.iter().flat_map(|c| c.split(',')) {
        let mut part = part.trim();
        if let Some(open) = part.rfind('(')
            && let Some(colour) = part[open + 1..].strip_suffix(')')
            && is_trello_colour(colour)
        {
            part = &part[..open];
        }
        for tag in part.split_whitespace() {
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
    }
    tags
}
