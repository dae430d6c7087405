//! The gantt's header rows laid out as text in chart columns, before anything is drawn: every month
//! (every year at month zoom) is labelled at the column of its first day, a month that began before
//! the chart at the left edge; a label that would run into the next one is shortened (`│Nov 2026`,
//! `│Nov`, `│`). Today's `▼` goes where today is, and the word "today" beside it only where it
//! covers no label: month labels come first.

use crate::app::timeline::Zoom;
use jiff::civil::Date;

/// A piece of header text at a chart column (which may be off the chart's right edge).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub col: i64,
    pub text: String,
}

impl Label {
    fn end(&self) -> i64 {
        self.col + super::width(&self.text) as i64
    }
}

/// Where today is marked on the month row: `▼` at `col`, and the word at `word` if it has room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Today {
    pub col: i64,
    pub word: Option<i64>,
}

pub const TODAY_WORD: &str = "today";

/// The chart's column mapping: day → column, as the gantt draws bars.
#[derive(Clone, Copy)]
pub struct Scale {
    pub origin: Date,
    pub zoom: Zoom,
    pub width: i64,
}

impl Scale {
    pub fn col(self, day: Date) -> i64 {
        let (c, d) = self.zoom.scale();
        let days = i64::from((day - self.origin).get_days());
        (days * i64::from(c)).div_euclid(i64::from(d))
    }

    /// The column where a single day is marked: the middle of its cells.
    pub fn mark(self, day: Date) -> i64 {
        let a = self.col(day);
        let b = (self.col(super::add_days(day, 1)) - 1).max(a);
        (a + b) / 2
    }

    /// Every day with at least one column on the chart.
    fn days(self) -> impl Iterator<Item = Date> {
        let (c, d) = self.zoom.scale();
        let n = self.width * i64::from(d) / i64::from(c) + 1;
        (0..n).map(move |k| super::add_days(self.origin, k))
    }
}

/// A label to place: its column, the texts it may take (longest first), and whether it marks a
/// period's first day (then it keeps at least its `│`).
struct Want {
    col: i64,
    options: Vec<String>,
    boundary: bool,
}

/// Periods starting on screen, with the one already under way at the left edge first.
fn wants(
    s: Scale,
    starts: impl Fn(Date) -> bool,
    names: impl Fn(Date) -> Vec<String>,
) -> Vec<Want> {
    let mut out = Vec::new();
    if !starts(s.origin) {
        out.push(Want {
            col: 0,
            options: names(s.origin),
            boundary: false,
        });
    }
    for day in s.days().filter(|d| starts(*d)) {
        let col = s.col(day);
        if (0..s.width).contains(&col) {
            let mut options: Vec<String> = names(day).iter().map(|n| format!("│{n}")).collect();
            options.push("│".into());
            out.push(Want {
                col,
                options,
                boundary: true,
            });
        }
    }
    out
}

/// The longest option of each wanted label that ends a column before the next label (and within
/// the chart); a left-edge label with no room is left out.
fn fit(wants: Vec<Want>, width: i64) -> Vec<Label> {
    let mut out = Vec::new();
    let cols: Vec<i64> = wants.iter().map(|w| w.col).collect();
    for (i, w) in wants.into_iter().enumerate() {
        let limit = cols.get(i + 1).map_or(width, |next| next - 1);
        let room = (limit - w.col).max(0) as usize;
        let text = w.options.iter().find(|o| super::width(o) <= room).cloned();
        match text {
            Some(text) if !text.is_empty() => out.push(Label { col: w.col, text }),
            _ if w.boundary => out.push(Label {
                col: w.col,
                text: "│".into(),
            }),
            _ => {}
        }
    }
    out
}

/// The names a month or year goes by, longest first.
fn period_names(zoom: Zoom, day: Date) -> Vec<String> {
    match zoom {
        Zoom::Month => vec![day.strftime("%Y").to_string()],
        _ => vec![
            day.strftime("%b %Y").to_string(),
            day.strftime("%b").to_string(),
        ],
    }
}

fn period_starts(zoom: Zoom, day: Date) -> bool {
    match zoom {
        Zoom::Month => day.day_of_year() == 1,
        _ => day.day() == 1,
    }
}

/// The month row (years at month zoom) and today's mark on it.
pub fn month_row(s: Scale, today: Date) -> (Vec<Label>, Option<Today>) {
    let wanted = wants(s, |d| period_starts(s.zoom, d), |d| period_names(s.zoom, d));
    let mut labels = fit(wanted, s.width);
    let t = s.mark(today);
    if !(0..s.width).contains(&t) {
        return (labels, None);
    }
    let word = super::width(TODAY_WORD) as i64;
    let under = labels.iter().position(|l| l.col <= t && t < l.end());
    let prev_end = |i: usize| if i == 0 { 0 } else { labels[i - 1].end() + 1 };
    let boundary = |i: usize| labels[i].text.starts_with('│');
    let today = match under {
        // Today is a period's first day: `▼` takes the place of its `│`, the word goes before it.
        Some(i) if labels[i].col == t && boundary(i) && t - word >= prev_end(i) => Today {
            col: t,
            word: Some(t - word),
        },
        Some(i) if labels[i].col == t && boundary(i) => Today {
            col: t,
            word: (i > 0 && shorten(s, &mut labels[i - 1], t - word)).then_some(t - word),
        },
        Some(i) => {
            let next = labels.get(i + 1).map_or(s.width, |l| l.col - 1);
            let p = (t - labels[i].col) as usize;
            let boundary = boundary(i);
            let name = &period_names(s.zoom, period_at(s, labels[i].col, boundary));
            // The name before the mark if it fits there (`│Nov ▼today`), else after it (`│ ▼Nov`).
            let keep = if boundary {
                p.saturating_sub(1)
            } else {
                p.saturating_sub(2)
            };
            let before = name.iter().find(|n| super::width(n) <= keep).cloned();
            if let Some(before) = before {
                labels[i].text = if boundary {
                    format!("│{before}")
                } else {
                    before
                };
                let fits = t + 1 + word <= next;
                Today {
                    col: t,
                    word: fits.then_some(t + 1),
                }
            } else {
                let room = (next - t - 1).max(0) as usize;
                let after = name
                    .iter()
                    .find(|n| super::width(n) <= room)
                    .cloned()
                    .unwrap_or_default();
                if boundary {
                    labels[i].text = format!("│{}{after}", " ".repeat(p));
                } else if after.is_empty() {
                    labels.remove(i);
                } else {
                    labels[i].text = format!("{}{after}", " ".repeat(p + 1));
                }
                Today { col: t, word: None }
            }
        }
        None => {
            let at = labels.iter().position(|l| l.col > t);
            let next = at.map_or(s.width, |i| labels[i].col - 1);
            let before = match at {
                Some(0) => 0,
                Some(i) => labels[i - 1].end() + 1,
                None => labels.last().map_or(0, |l| l.end() + 1),
            };
            let mut word_at = if t + 1 + word <= next {
                Some(t + 1)
            } else if t - word >= before {
                Some(t - word)
            } else {
                None
            };
            // No room either side: the label before gives up its year (`│Nov today▼`).
            let prev = at.map_or(labels.len(), |i| i).checked_sub(1);
            if let (None, Some(i)) = (word_at, prev)
                && shorten(s, &mut labels[i], t - word)
            {
                word_at = Some(t - word);
            }
            Today {
                col: t,
                word: word_at,
            }
        }
    };
    (labels, Some(today))
}

/// Shortens `label` to its period's shortest name (`│Nov`) if that ends before column `before`
/// with a column to spare; says whether it did.
fn shorten(s: Scale, label: &mut Label, before: i64) -> bool {
    let boundary = label.text.starts_with('│');
    let names = period_names(s.zoom, period_at(s, label.col, boundary));
    let Some(short) = names.last() else {
        return false;
    };
    let text = if boundary {
        format!("│{short}")
    } else {
        short.clone()
    };
    let fits = label.col + (super::width(&text) as i64) < before;
    if fits {
        label.text = text;
    }
    fits
}

/// The first day of the period whose label starts at `col` (the origin for the left-edge label).
fn period_at(s: Scale, col: i64, boundary: bool) -> Date {
    if !boundary {
        return s.origin;
    }
    s.days()
        .find(|d| s.col(*d) >= col && period_starts(s.zoom, *d))
        .unwrap_or(s.origin)
}

/// The tick row at month zoom: each month at its first day (`│Dec`), one under way at the left
/// edge by name.
pub fn month_ticks(s: Scale) -> Vec<Label> {
    let names = |d: Date| vec![d.strftime("%b").to_string()];
    fit(wants(s, |d| d.day() == 1, names), s.width)
}

#[cfg(test)]
mod tests;
