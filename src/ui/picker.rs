//! The picker overlay: a search line, then the matches with a checkbox each and a dim detail.

use super::Theme;
use super::widgets;
use crate::app::Picker;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &crate::app::App, p: &Picker, theme: &Theme) {
    let height = (p.shown.len() as u16 + 5).clamp(8, area.height.saturating_sub(2));
    let popup = Rect {
        y: area.y + 1,
        ..widgets::centered(area, 90, height)
    };
    super::overlay::clear(frame, area, popup);
    let title = format!(" {} — {} ticked ", p.title, p.ticked());
    let block = widgets::block(title, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input, _, list, help] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [prompt, text] =
        Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(input);
    frame.render_widget(Paragraph::new("›").style(theme.accent), prompt);
    frame.render_widget(&p.input, text);
    let rows = list.height as usize;
    let start = p.cursor.saturating_sub(rows.saturating_sub(1));
    let width = list.width as usize;
    let lines: Vec<Line> = p
        .shown
        .iter()
        .enumerate()
        .skip(start)
        .take(rows)
        .map(|(row, &n)| {
            let c = &p.choices[n];
            let mark = if c.on { "[x] " } else { "[ ] " };
            let detail = widgets::fit(&c.detail, (width / 2).max(8));
            let room = width.saturating_sub(4 + widgets::width(&detail) + 1);
            let label = widgets::fit(&c.label, room);
            let pad = room.saturating_sub(widgets::width(&label));
            let (style, dim) = if row == p.cursor {
                (theme.selected, theme.selected)
            } else {
                (theme.text, theme.dim)
            };
            Line::from(vec![
                Span::styled(mark, if c.on { theme.accent } else { style }),
                Span::styled(format!("{label}{} ", " ".repeat(pad)), style),
                Span::styled(detail, dim),
            ])
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("No match").style(theme.dim), list);
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
    use crate::app::{Action, Context};
    let keys = |a: Action| app.keymap.keys_in(Context::Picker, &a);
    let first = |a: Action| keys(a).into_iter().next().unwrap_or_default();
    let hints: Vec<Span> = [
        // Space ticks only until a search is typed; then it is part of the search.
        (
            keys(Action::Check)
                .into_iter()
                .filter(|k| k != "Space" || p.query().is_empty())
                .collect::<Vec<_>>()
                .join("/"),
            "tick",
        ),
        (
            format!("{}{}", first(Action::Up), first(Action::Down)),
            "move",
        ),
        (first(Action::Confirm), "apply"),
        (first(Action::Cancel), "cancel"),
    ]
    .into_iter()
    .flat_map(|(k, what)| widgets::hint(k, what, theme))
    .collect();
    frame.render_widget(Paragraph::new(Line::from(hints)), help);
}
