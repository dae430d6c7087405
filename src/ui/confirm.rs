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

/// A change to agree to first: why it is asked, and the keys.
pub fn change(frame: &mut Frame, area: Rect, app: &App, question: &str, theme: &Theme) {
    let key = |a: Action| app.keymap.key_in(Context::Confirm, &a).unwrap_or_default();
    let text = vec![
        Line::styled(question.to_string(), theme.warn),
        Line::raw(""),
        Line::raw(format!(
            "{} go ahead ({} takes it back) · {} leave it",
            key(Action::Yes),
            app.keymap.hint(&Action::Undo),
            key(Action::Cancel)
        )),
    ];
    let popup = widgets::centered(area, 72, 8);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text)
            .block(widgets::block(" Are you sure? ", theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}
