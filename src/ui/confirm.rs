//! The question before deleting something that takes other records with it.

use super::{Theme, widgets};
use crate::app::{Action, App, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub fn delete(frame: &mut Frame, area: Rect, app: &App, what: &str, theme: &Theme) {
    let key = |a: Action| app.keymap.key_in(Context::Confirm, &a).unwrap_or_default();
    let text = vec![
        Line::styled(format!("Delete {what}?"), theme.warn),
        Line::raw(""),
        Line::raw(format!(
            "{} deletes them all, as one step ({} brings it all back) · {} keeps them",
            key(Action::Yes),
            app.keymap.hint(&Action::Undo),
            key(Action::Cancel)
        )),
    ];
    let popup = widgets::centered(area, 72, 7);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(" Delete? ", theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}
