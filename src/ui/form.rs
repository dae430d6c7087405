//! The add/edit form as a centred popup: one row per field, the error (or the hint of the focused
//! field) beside it when it fits, under it when it does not.

use super::{Theme, widgets};
use crate::app::{Action, App, Form, form::Field};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

const LABEL: u16 = 12;

/// The note shown with a field: its error, or the hint while it has the focus.
fn note<'a>(f: &'a Field, focused: bool, theme: &Theme) -> Option<Span<'a>> {
    match (&f.error, focused) {
        (Some(e), _) => Some(Span::styled(format!("✗ {e}"), theme.error)),
        (None, true) if !f.hint.is_empty() => Some(Span::styled(f.hint.as_ref(), theme.dim)),
        _ => None,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(120);
    let inner_width = width.saturating_sub(2);
    let input_width = inner_width.saturating_sub(LABEL + 4).min(48);
    let beside_room = inner_width.saturating_sub(LABEL + input_width + 2) as usize;
    let notes: Vec<Option<(Span, bool)>> = form
        .fields
        .iter()
        .enumerate()
        .map(|(n, f)| {
            note(f, n == form.focus, theme).map(|s| {
                let below = s.width() > beside_room;
                (s, below)
            })
        })
        .collect();
    let rows = form.fields.len() as u16
        + notes.iter().flatten().filter(|(_, below)| *below).count() as u16;
    let popup = widgets::centered(area, width, rows + 4);
    frame.render_widget(Clear, popup);
    // The keys come from the keymap, so the title stays true after a rebind.
    let k = |a: Action| app.keymap.hint(&a);
    let keys = if form.fields.len() > 1 {
        format!(
            "{} saves, {} next field, {} cancels",
            k(Action::Confirm),
            k(Action::NextField),
            k(Action::Cancel)
        )
    } else {
        format!(
            "{} saves, {} cancels",
            k(Action::Confirm),
            k(Action::Cancel)
        )
    };
    let block = widgets::block(format!(" {} — {keys} ", form.title), theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);

    let mut y = inner.y + 1;
    for (n, (f, note)) in form.fields.iter().zip(notes).enumerate() {
        if y >= inner.bottom() {
            break;
        }
        let focused = n == form.focus;
        let label_style = if f.error.is_some() {
            theme.error
        } else if focused {
            theme.accent
        } else {
            theme.dim
        };
        let marker = if focused { "›" } else { " " };
        frame.render_widget(
            Paragraph::new(format!(
                "{marker}{:<w$}",
                f.id.label(),
                w = LABEL as usize - 1
            ))
            .style(label_style),
            Rect {
                x: inner.x,
                y,
                width: LABEL,
                height: 1,
            },
        );
        let input = Rect {
            x: inner.x + LABEL,
            y,
            width: input_width,
            height: 1,
        };
        if focused {
            frame.render_widget(&f.input, input);
        } else {
            let value = f.value();
            let shown = if value.is_empty() {
                Paragraph::new(f.input.placeholder_text().to_string()).style(theme.dim)
            } else {
                Paragraph::new(value).style(theme.text)
            };
            frame.render_widget(shown, input);
        }
        if let Some((span, below)) = note {
            let at = if below {
                y += 1;
                Rect {
                    x: inner.x + LABEL,
                    y,
                    width: inner.width.saturating_sub(LABEL),
                    height: 1,
                }
            } else {
                let x = input.right() + 2;
                Rect {
                    x,
                    y,
                    width: inner.right().saturating_sub(x),
                    height: 1,
                }
            };
            if y < inner.bottom() {
                frame.render_widget(Paragraph::new(Line::from(span)), at);
            }
        }
        y += 1;
    }
}
