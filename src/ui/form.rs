//! The add/edit form as a centred popup: one label column as wide as the form's longest label, then
//! each field with the room there is, its error or note (the hint of the focused field, a
//! completion, "new person") beside it when it fits, under it when it does not. A value too long
//! for its field ends in `…`; the focused field shows the text around the cursor. Every width here
//! is a display width: a double-width character takes two columns.

use super::{Theme, overlay, widgets};
use crate::app::{Action, App, Form, form::Field};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The gap between the label column and the fields.
const GAP: u16 = 2;
/// A form is at least this wide when the screen allows (so short forms do not look cramped).
const BASE: u16 = 100;

/// The note shown with a field: its error; a new person; while it has the focus, the completion
/// Tab would make or its hint.
fn note(app: &App, f: &Field, focused: bool, theme: &Theme) -> Option<Span<'static>> {
    if let Some(e) = &f.error {
        return Some(Span::styled(format!("✗ {e}"), theme.error));
    }
    if !focused {
        return f
            .is_new_person()
            .then(|| Span::styled("new person", theme.warn));
    }
    if let Some(name) = f.completion() {
        let tab = app.keymap.hint(&Action::NextField);
        return Some(Span::styled(format!("{tab} → {name}"), theme.accent));
    }
    if f.is_new_person() {
        return Some(Span::styled(
            "new person — not yet on the board",
            theme.warn,
        ));
    }
    let hint = if f.is_choice() {
        match f.hint.as_ref() {
            "" => "← → or Space chooses".to_string(),
            h => format!("{h} · ← → chooses"),
        }
    } else {
        f.hint.to_string()
    };
    (!hint.is_empty()).then(|| Span::styled(hint, theme.dim))
}

/// The columns a field's content wants: its value and a cell for the cursor, or its choices.
fn wanted(f: &Field) -> usize {
    if f.is_choice() {
        f.choices.iter().map(|c| c.width() + 2).sum::<usize>()
    } else {
        f.value().width() + 1
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) {
    let label = form
        .fields
        .iter()
        .map(|f| f.id.label().width())
        .max()
        .unwrap_or(0) as u16
        + 1
        + GAP;
    let notes: Vec<Option<Span>> = form
        .fields
        .iter()
        .enumerate()
        .map(|(n, f)| note(app, f, n == form.focus, theme))
        .collect();
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
    let title = format!(" {} — {keys} ", form.title);
    let needed = form
        .fields
        .iter()
        .zip(&notes)
        .map(|(f, n)| wanted(f) + n.as_ref().map_or(0, |n| n.width() + 2))
        .max()
        .unwrap_or(0) as u16
        + label
        + 3;
    let most = area.width.saturating_sub(4);
    let width = needed.max(title.width() as u16 + 4).max(BASE).min(most);
    let inner_width = width.saturating_sub(2);
    // The room of a field: the inner width less the labels and a column of margin.
    let room = inner_width.saturating_sub(label + 1) as usize;
    // A note that does not fit beside its field goes under it, indented under the labels and
    // wrapped when even that is too narrow.
    let under = inner_width.saturating_sub(3) as usize;
    let below: Vec<Vec<String>> = form
        .fields
        .iter()
        .zip(&notes)
        .map(|(f, n)| match n {
            Some(n) if wanted(f) + 2 + n.width() > room => wrap(&n.content, under),
            _ => Vec::new(),
        })
        .collect();
    let rows = form.fields.len() as u16 + below.iter().map(Vec::len).sum::<usize>() as u16;
    let popup = widgets::centered(area, width, rows + 4);
    overlay::clear(frame, area, popup);
    let title = widgets::fit(&title, usize::from(width.saturating_sub(2)));
    let block = widgets::block(title, theme);
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
            Paragraph::new(format!("{marker}{}", f.id.label())).style(label_style),
            Rect {
                x: inner.x,
                y,
                width: label,
                height: 1,
            },
        );
        let note_width = note.as_ref().map_or(0, |s| s.width() + 2);
        let input_width = if below[n].is_empty() {
            room.saturating_sub(note_width)
        } else {
            room
        };
        let input = Rect {
            x: inner.x + label,
            y,
            width: input_width as u16,
            height: 1,
        };
        frame.render_widget(
            Paragraph::new(value_line(f, focused, input_width, theme)),
            input,
        );
        let Some(span) = note else {
            y += 1;
            continue;
        };
        if below[n].is_empty() {
            let x = input.right() + 2;
            let at = Rect {
                x,
                y,
                width: inner.right().saturating_sub(x + 1),
                height: 1,
            };
            let text = widgets::fit(&span.content, usize::from(at.width));
            frame.render_widget(Paragraph::new(Span::styled(text, span.style)), at);
        }
        for line in &below[n] {
            y += 1;
            if y < inner.bottom() {
                let at = Rect {
                    x: inner.x + 2,
                    y,
                    width: under as u16,
                    height: 1,
                };
                frame.render_widget(Paragraph::new(Span::styled(line.clone(), span.style)), at);
            }
        }
        y += 1;
    }
}

/// `text` in lines of at most `width` columns, broken at spaces (a word longer than a line is cut
/// with `…`).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if candidate.width() <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    lines.push(line);
    lines.into_iter().map(|l| widgets::fit(&l, width)).collect()
}

/// A field's value as shown in `width` columns.
fn value_line(f: &Field, focused: bool, width: usize, theme: &Theme) -> Line<'static> {
    if f.is_choice() {
        return choices_line(f, focused, width, theme);
    }
    if !focused {
        let value = f.value();
        return if value.is_empty() {
            Line::styled(f.input.placeholder_text().to_string(), theme.dim)
        } else {
            Line::styled(widgets::fit(&value, width), theme.text)
        };
    }
    let (text, cursor) = f.text_and_cursor();
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = window(&chars, cursor, width);
    let cursor_style = theme.text.add_modifier(Modifier::REVERSED);
    let text_style = if f.selected {
        theme.selected
    } else {
        theme.text
    };
    let mut spans = Vec::new();
    if a > 0 {
        spans.push(Span::styled("…", theme.dim));
    }
    let part = |from: usize, to: usize| chars[from.min(to)..to].iter().collect::<String>();
    let at = cursor.min(chars.len());
    spans.push(Span::styled(part(a, at), text_style));
    let under = chars.get(at).map_or(" ".to_string(), char::to_string);
    spans.push(Span::styled(under, cursor_style));
    spans.push(Span::styled(part(at + 1, b.min(chars.len())), text_style));
    if b < chars.len() {
        spans.push(Span::styled("…", theme.dim));
    }
    Line::from(spans)
}

/// The choices of a closed set: all of them with the chosen one marked when the field has the focus
/// and they fit, else the chosen one and where it stands.
fn choices_line(f: &Field, focused: bool, width: usize, theme: &Theme) -> Line<'static> {
    let chosen = f.choices.get(f.choice).cloned().unwrap_or_default();
    let chosen_style = if focused { theme.selected } else { theme.text };
    if !focused {
        return Line::styled(widgets::fit(&chosen, width), chosen_style);
    }
    let spans: Vec<Span> = f
        .choices
        .iter()
        .enumerate()
        .map(|(n, c)| {
            if n == f.choice {
                Span::styled(format!("‹{c}›"), chosen_style)
            } else if n == 0 {
                // The first starts in the field's first column, as an unfocused value does.
                Span::styled(format!("{c} "), theme.dim)
            } else {
                Span::styled(format!(" {c} "), theme.dim)
            }
        })
        .collect();
    let line = Line::from(spans);
    if line.width() <= width {
        return line;
    }
    let place = format!(" {} of {}", f.choice + 1, f.choices.len());
    let name = widgets::fit(&chosen, width.saturating_sub(place.width() + 2));
    Line::from(vec![
        Span::styled(format!("‹{name}›"), chosen_style),
        Span::styled(place, theme.dim),
    ])
}

/// The characters `a..b` of a text that fit in `width` columns around the cursor (at character
/// `cursor`; at the end it takes a cell of its own), leaving a column for `…` on a side that is
/// cut. Before the cursor gets two thirds of the room, as typing happens there.
pub fn window(chars: &[char], cursor: usize, width: usize) -> (usize, usize) {
    let n = chars.len();
    let w = |i: usize| chars.get(i).map_or(1, |c| c.width().unwrap_or(0));
    let total: usize = (0..n).map(w).sum::<usize>() + usize::from(cursor >= n);
    if total <= width {
        return (0, n);
    }
    let cursor = cursor.min(n);
    // The window holds the characters a..b and the cursor's cell; `used` counts the `…`s too.
    let (mut a, mut b) = (cursor, cursor + 1);
    let used =
        |a: usize, b: usize| (a..b).map(w).sum::<usize>() + usize::from(a > 0) + usize::from(b < n);
    let before = width * 2 / 3;
    while a > 0 && used(a - 1, b) <= width && (cursor - (a - 1)) <= before.max(1) {
        a -= 1;
    }
    while b < n && used(a, b + 1) <= width {
        b += 1;
    }
    while a > 0 && used(a - 1, b) <= width {
        a -= 1;
    }
    (a, b.min(n))
}

#[cfg(test)]
mod tests {
    use super::window;

    fn shown(text: &str, cursor: usize, width: usize) -> String {
        let chars: Vec<char> = text.chars().collect();
        let (a, b) = window(&chars, cursor, width);
        chars[a..b].iter().collect()
    }

    #[test]
    fn the_window_keeps_the_cursor_in_view_with_room_for_ellipses() {
        assert_eq!(shown("short", 5, 10), "short");
        // At the end: the last characters, a `…` before them and the cursor's cell.
        assert_eq!(shown("abcdefghijklmnop", 16, 8), "klmnop");
        // At the start: the first characters and a `…` after them.
        assert_eq!(shown("abcdefghijklmnop", 0, 8), "abcdefg");
        // Double-width characters take two columns each.
        assert_eq!(shown("⛔⛔⛔⛔⛔⛔", 6, 7), "⛔⛔");
    }
}
