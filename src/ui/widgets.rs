//! Small pieces shared by the panes: centred popups, blocks, and short forms of dates and numbers.

use super::Theme;
use jiff::civil::Date;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A rounded, titled block in the theme's border colour.
pub fn block<'a>(title: impl Into<ratatui::text::Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(title)
        .title_style(theme.title)
}

/// A titled block with `header` lines at its top; returns the area below them. With `empty` set,
/// that message is shown there instead (dimmed) and `None` is returned.
pub fn framed(
    frame: &mut ratatui::Frame,
    area: Rect,
    title: String,
    header: Vec<Line<'static>>,
    empty: Option<&str>,
    theme: &Theme,
) -> Option<Rect> {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::widgets::Paragraph;
    let block = block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = u16::try_from(header.len()).unwrap_or(1);
    let [top, body] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(header), top);
    match empty {
        Some(msg) => {
            // Wrapped: an empty pane's message is whole at any width.
            frame.render_widget(
                Paragraph::new(msg.to_string())
                    .style(theme.dim)
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                body,
            );
            None
        }
        None => Some(body),
    }
}

/// `today`, `3d ago`, `in 5d`.
pub fn relative_day(day: Date, today: Date) -> String {
    let d = (day - today).get_days();
    match d {
        0 => "today".to_string(),
        d if d < 0 => format!("{}d ago", -d),
        d => format!("in {d}d"),
    }
}

/// `Nov 28`: short enough for a card or a column.
pub fn short_date(day: Date) -> String {
    day.strftime("%b %d").to_string()
}

/// A key hint for the status bar: the key in the key style, then what it does.
pub fn hint<'a>(key: String, what: &'a str, theme: &Theme) -> [Span<'a>; 2] {
    [
        Span::styled(key, theme.key),
        Span::styled(format!(" {what}  "), theme.dim),
    ]
}

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// The first of `options` that fits in `w` cells, else the last one cut to fit.
pub fn first_fit(w: usize, options: impl IntoIterator<Item = String>) -> String {
    let mut last = String::new();
    for option in options {
        if width(&option) <= w {
            return option;
        }
        last = option;
    }
    fit(&last, w)
}

/// `s` cut to `w` cells (with `…`) and padded with spaces to exactly `w` cells: `format!("{:<w$}")`
/// counts characters, so a double-width character would push what follows out of its column.
pub fn pad(s: &str, w: usize) -> String {
    let cut = fit(s, w);
    let room = w.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(room))
}

/// Parts joined by ` · `, as many to a line as fit in `w` (one too long for a line is cut).
pub fn pack(parts: Vec<Span<'static>>, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    for part in parts {
        let part = Span::styled(fit(&part.content, w), part.style);
        match lines.last_mut() {
            Some(line) if line.width() + 3 + part.width() <= w => {
                line.push_span(Span::styled(" · ", theme.dim));
                line.push_span(part);
            }
            _ => lines.push(Line::from(part)),
        }
    }
    lines
}

/// `lines` wrapped at spaces to `w` cells, their styles kept; a word longer than a line is broken.
pub fn wrap(lines: Vec<Line<'static>>, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        if w == 0 || line.width() <= w {
            out.push(line);
            continue;
        }
        let style = line.style;
        let mut current: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        let flush = |current: &mut Vec<Span<'static>>, out: &mut Vec<Line<'static>>| {
            if let Some(last) = current.last_mut() {
                let trimmed = last.content.trim_end().to_string();
                last.content = trimmed.into();
            }
            out.push(Line::from(std::mem::take(current)).style(style));
        };
        for span in line.spans {
            for word in span.content.split_inclusive(' ') {
                let bare = width(word.trim_end());
                if used > 0 && used + bare > w {
                    flush(&mut current, &mut out);
                    used = 0;
                }
                if bare <= w {
                    current.push(Span::styled(word.to_string(), span.style));
                    used += width(word);
                    continue;
                }
                for c in word.chars() {
                    let cw = width(c.encode_utf8(&mut [0; 4]));
                    if used > 0 && used + cw > w {
                        flush(&mut current, &mut out);
                        used = 0;
                    }
                    current.push(Span::styled(c.to_string(), span.style));
                    used += cw;
                }
            }
        }
        if !current.is_empty() {
            flush(&mut current, &mut out);
        }
    }
    out
}

/// The filter line under a list, for every pane: the text being typed (or kept), and on the right
/// a note (what the filter reads, or the words it did not understand), cut to half the line.
pub fn filter_line(
    frame: &mut ratatui::Frame,
    area: Rect,
    app: &crate::app::App,
    text: &str,
    note: Option<(String, ratatui::style::Style)>,
    theme: &Theme,
) {
    use ratatui::layout::{Constraint, Layout};
    let [prompt, input] =
        Layout::horizontal([Constraint::Length(9), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(" Filter: ").style(theme.accent), prompt);
    match &app.mode {
        crate::app::Mode::Filter(text) => frame.render_widget(&**text, input),
        _ => frame.render_widget(Paragraph::new(text.to_string()).style(theme.text), input),
    }
    if let Some((msg, style)) = note {
        let w = (width(&msg) as u16).min(area.width / 2);
        let at = Rect {
            x: area.right() - w,
            width: w,
            ..area
        };
        frame.render_widget(Paragraph::new(fit(&msg, usize::from(w))).style(style), at);
    }
}

/// The note of an item filter (the backlog's, the sprint board's) that met words it does not read.
pub fn unknown_words(unknown: &[String], theme: &Theme) -> Option<(String, ratatui::style::Style)> {
    (!unknown.is_empty()).then(|| {
        (
            format!(
                "unknown: {} (kind: story bug task spike epic · moscow: must should could won't none) ",
                unknown.join(" ")
            ),
            theme.error,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_every_word() {
        let text =
            |lines: &[Line]| -> Vec<String> { lines.iter().map(|l| l.to_string()).collect() };
        let lines = wrap(vec![Line::raw("Webhook retries send the email twice")], 16);
        assert_eq!(text(&lines), ["Webhook retries", "send the email", "twice"]);
        let lines = wrap(vec![Line::raw("⛔⛔⛔⛔⛔ ab")], 4);
        assert_eq!(text(&lines), ["⛔⛔", "⛔⛔", "⛔", "ab"]);
        assert!(lines.iter().all(|l| l.width() <= 4));
    }

    #[test]
    fn relative_days_read_naturally() {
        let today = date(2026, 11, 28);
        assert_eq!(relative_day(today, today), "today");
        assert_eq!(relative_day(date(2026, 11, 25), today), "3d ago");
        assert_eq!(relative_day(date(2026, 12, 3), today), "in 5d");
        assert_eq!(short_date(today), "Nov 28");
        assert_eq!(
            centered(Rect::new(0, 0, 100, 40), 50, 10),
            Rect::new(25, 15, 50, 10)
        );
        assert_eq!(
            centered(Rect::new(0, 0, 30, 5), 50, 10),
            Rect::new(0, 0, 30, 5)
        );
    }
}
