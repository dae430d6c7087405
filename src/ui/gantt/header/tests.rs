//! The month row at every zoom, many widths and many todays: each month is labelled at its own
//! first day, nothing overlaps, and today's mark is where today is.

use super::*;
use jiff::civil::date;

/// The row as drawn: labels, then `▼` and the word over them.
fn draw(labels: &[Label], today: Option<Today>, width: i64) -> Vec<char> {
    let mut row = vec![' '; width as usize];
    let mut put = |col: i64, text: &str| {
        for (k, c) in text.chars().enumerate() {
            let x = col + k as i64;
            if (0..width).contains(&x) {
                row[x as usize] = c;
            }
        }
    };
    for l in labels {
        put(l.col, &l.text);
    }
    if let Some(t) = today {
        put(t.col, "▼");
        if let Some(w) = t.word {
            put(w, TODAY_WORD);
        }
    }
    row
}

fn text(row: &[char], from: i64, to: i64) -> String {
    row[from.max(0) as usize..to.min(row.len() as i64) as usize]
        .iter()
        .collect()
}

/// Checks one chart: every period on screen at its first day, its name when it has room.
fn check(s: Scale, today: Date) {
    let (labels, mark) = month_row(s, today);
    let row = draw(&labels, mark, s.width);
    let shown: String = row.iter().collect();
    let why = format!(
        "{:?} {} cols, origin {}, today {today}: {shown:?}",
        s.zoom, s.width, s.origin
    );
    for pair in labels.windows(2) {
        assert!(pair[0].end() < pair[1].col, "labels apart: {why}");
    }
    let starts: Vec<(i64, Date)> = s
        .days()
        .filter(|d| period_starts(s.zoom, *d))
        .map(|d| (s.col(d), d))
        .filter(|(c, _)| (0..s.width).contains(c))
        .collect();
    for (n, (col, day)) in starts.iter().enumerate() {
        let at = row[*col as usize];
        assert!(
            at == '│' || at == '▼',
            "{day} has its mark at column {col}: {why}"
        );
        let next = starts.get(n + 1).map_or(s.width, |s| s.0);
        let name = &period_names(s.zoom, *day)[period_names(s.zoom, *day).len() - 1];
        if next - col >= 9 {
            assert!(
                text(&row, *col, next).contains(name.as_str()),
                "{day} is named after its mark: {why}"
            );
        }
    }
    // A period under way at the left edge is named there when it has room.
    if !period_starts(s.zoom, s.origin) {
        let first = starts.first().map_or(s.width, |s| s.0);
        let name = period_names(s.zoom, s.origin).pop().unwrap_or_default();
        if first >= 10 {
            assert!(
                text(&row, 0, first).contains(&name),
                "{} at the left: {why}",
                s.origin
            );
        }
    }
    if let Some(t) = mark {
        assert_eq!(t.col, s.mark(today), "▼ on today's column: {why}");
        if let Some(w) = t.word {
            let word = TODAY_WORD.len() as i64;
            for l in &labels {
                let keeps = w + word <= l.col || w >= l.end();
                assert!(keeps, "the word covers no label: {why}");
            }
        }
    } else {
        assert!(
            !(0..s.width).contains(&s.mark(today)),
            "today on screen is marked: {why}"
        );
    }
}

#[test]
fn every_month_is_labelled_at_its_first_day() {
    let mut today = date(2026, 10, 1);
    while today < date(2027, 5, 1) {
        for zoom in [Zoom::Day, Zoom::Week, Zoom::Month] {
            for width in [30, 54, 56, 80, 94, 120, 133, 176] {
                let (c, d) = zoom.scale();
                let days = (width * i64::from(d) / i64::from(c)) as i32;
                // Where the app starts the chart, and a few scrolled places.
                for back in [days.max(8) / 4, 0, 1, 3, 12, days / 2, days] {
                    let origin = super::super::add_days(today, -i64::from(back));
                    check(
                        Scale {
                            origin,
                            zoom,
                            width,
                        },
                        today,
                    );
                }
            }
        }
        today = super::super::add_days(today, 1);
    }
}

#[test]
fn the_issue_cases() {
    // Today on the 1st: `▼` in place of December's `│`, November named before it.
    let s = Scale {
        origin: date(2026, 11, 17),
        zoom: Zoom::Week,
        width: 54,
    };
    let (labels, today) = month_row(s, date(2026, 12, 1));
    let row: String = draw(&labels, today, 54).into_iter().collect();
    assert_eq!(
        row.find("▼Dec 2026").map(|b| row[..b].chars().count()),
        Some(14),
        "{row}"
    );
    assert!(row.starts_with("Nov 2026"), "{row}");
    // March 15th 2027: March is named at its first day.
    let s = Scale {
        origin: date(2027, 3, 1),
        zoom: Zoom::Week,
        width: 80,
    };
    let (labels, today) = month_row(s, date(2027, 3, 15));
    let row: String = draw(&labels, today, 80).into_iter().collect();
    assert!(row.starts_with("│Mar 2027"), "{row}");
    assert!(row.contains("▼today"), "{row}");
}
