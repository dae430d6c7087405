//! The message log: every message of this run in full, newest at the bottom, wrapped to the
//! popup's width (the status line shows one line of the newest, cut with `…`).

use super::overlay::clear;
use super::theme::Theme;
use super::widgets;
use crate::app::{Action, App, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// `scroll` counts lines up from the newest.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let outer = widgets::centered(area, 100, area.height.saturating_sub(2));
    let k = |a: Action| app.keymap.key_in(Context::Help, &a).unwrap_or_default();
    let count = app.log.entries().len();
    let title = format!(
        " Messages — {} this run, newest last ({}{} scroll, {} closes) ",
        count,
        k(Action::Up),
        k(Action::Down),
        k(Action::Cancel)
    );
    let mut lines: Vec<Line> = app
        .log
        .entries()
        .map(|m| {
            Line::styled(
                format!("• {}", m.text),
                if m.error { theme.error } else { theme.text },
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled("No messages yet", theme.dim));
    }
    // Wrapped rows, so the newest is at the bottom whatever the widths; the popup is as tall as
    // they need, up to the screen.
    let inner = outer.width.saturating_sub(2).max(1) as usize;
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let height = (rows as u16)
        .saturating_add(2)
        .clamp(3, outer.height.max(3));
    let popup = widgets::centered(area, outer.width, height);
    clear(frame, area, popup);
    let visible = popup.height.saturating_sub(2) as usize;
    let top = rows.saturating_sub(visible).saturating_sub(scroll);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(widgets::block(title, theme))
            .scroll((top.min(u16::MAX as usize) as u16, 0)),
        popup,
    );
}
