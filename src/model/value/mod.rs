//! Every value a person can type, and every limit a board's fields keep, in one place: the forms, CSV
//! import, the filters and `Board::validate` read values and check limits here, so a value the TUI
//! refuses is refused on load and on import too, in the same words.
//!
//! Parsers take the text as typed and return the value or a message in plain words; `check_*`
//! functions test a value already in a board. Date arithmetic here never panics: a date out of range
//! is an `Err`.

mod dates;
mod ranges;
mod scores;

pub use super::validate::check_item;
pub use dates::*;
pub use ranges::*;
pub use scores::*;

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
/// The length of a new sprint, in days.
pub const SPRINT_DAYS: RangeInclusive<u32> = 1..=60;
/// How many done items the cycle-time percentiles may draw from.
pub const CYCLE_SAMPLE: RangeInclusive<u32> = 1..=1000;
/// The letters in a project key.
pub const KEY_LETTERS: RangeInclusive<usize> = 1..=10;
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

pub(super) fn range_words<T: std::fmt::Display>(range: &RangeInclusive<T>) -> String {
    format!("{}–{}", range.start(), range.end())
}

#[cfg(test)]
mod tests;
