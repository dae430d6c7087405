//! The conflicts screen: one row a conflict (record, field, ours, theirs, base), the selected one in
//! full below, and what each key does. Values too long for their column are cut with `…`.

use super::overlay::clear;
use super::theme::Theme;
use super::widgets;
use crate::app::App;
use crate::model::merge::{self, Conflict};
use crate::model::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// A side's value on one line; a whole record by its title or name.
fn value(c: &Conflict, v: &Option<String>) -> String {
    let record = merge::is_record(c);
    match v.as_deref() {
        None if record => "(deleted)".into(),
        None if std::ptr::eq(v, &c.ours)
            && merge::only_ours(c) == Some(merge::OnlyOurs::DroppedLink) =>
        {
            "(link dropped)".into()
        }
        None => "(none)".into(),
        Some(s) if record => {
            let named = serde_json::from_str::<serde_json::Value>(s)
                .ok()
                .and_then(|j| {
                    j.get("title")
                        .or_else(|| j.get("name"))
                        .or_else(|| j.get("text"))
                        .and_then(|t| t.as_str().map(str::to_string))
                });
            named.map_or_else(|| s.to_string(), |t| format!("\"{t}\""))
        }
        Some(s) => s.replace('\n', " ⏎ "),
    }
}

fn field(c: &Conflict) -> &str {
    if c.field.starts_with("(the record") {
        "(the record)"
    } else {
        &c.field
    }
}

/// `at` is the selected conflict.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, at: usize, theme: &Theme) {
    let conflicts = &app.doc.board.conflicts;
    let popup = area;
    clear(frame, area, popup);
    let title = format!(
        " {} from a merge — the board holds ours until you choose ",
        words::count(conflicts.len(), "conflict")
    );
    let block = widgets::block(
        widgets::fit(&title, popup.width.saturating_sub(2) as usize),
        theme,
    );
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let w = inner.width as usize;
    let at = at.min(conflicts.len().saturating_sub(1));

    // Columns: record and field, then the three values sharing what is left.
    let record_w = conflicts
        .iter()
        .map(|c| widgets::width(&c.what))
        .max()
        .unwrap_or(6)
        .clamp(6, (w / 5).max(6));
    let field_w = conflicts
        .iter()
        .map(|c| widgets::width(field(c)))
        .max()
        .unwrap_or(5)
        .clamp(5, (w / 6).max(5));
    // The mark, and a space after each of the four first columns.
    let rest = w.saturating_sub(record_w + field_w + 2 + 4);
    let value_w = (rest / 3).max(4);
    let row = |mark: &str, a: &str, b: &str, c: &str, d: &str, e: &str| {
        format!(
            "{mark}{} {} {} {} {}",
            widgets::pad(a, record_w),
            widgets::pad(b, field_w),
            widgets::pad(c, value_w),
            widgets::pad(d, value_w),
            widgets::fit(e, value_w)
        )
    };
    let mut lines = vec![Line::styled(
        widgets::fit(&row("  ", "Record", "Field", "Ours", "Theirs", "Base"), w),
        theme.header,
    )];
    // The detail of the selected one takes the bottom; the list scrolls to keep it in sight.
    let detail = detail(conflicts.get(at), w, theme);
    let list_rows = (inner.height as usize)
        .saturating_sub(1 + detail.len())
        .max(1);
    let top = at.saturating_sub(list_rows.saturating_sub(1));
    for (n, c) in conflicts.iter().enumerate().skip(top).take(list_rows) {
        let mark = if n == at { "▶ " } else { "  " };
        let text = row(
            mark,
            &c.what,
            field(c),
            &value(c, &c.ours),
            &value(c, &c.theirs),
            &value(c, &c.base),
        );
        let style = if n == at { theme.selected } else { theme.text };
        lines.push(Line::styled(widgets::fit(&text, w), style));
    }
    let pad = (inner.height as usize).saturating_sub(lines.len() + detail.len());
    lines.extend(std::iter::repeat_n(Line::raw(""), pad));
    lines.extend(detail);
    lines.truncate(inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected conflict in full (each value up to two lines), and what only ours resolves.
fn detail(c: Option<&Conflict>, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(c) = c else {
        return Vec::new();
    };
    let mut out = vec![Line::styled("─".repeat(w), theme.dim)];
    out.push(Line::styled(
        widgets::fit(&format!("{} · {}", c.what, c.field), w),
        theme.title,
    ));
    for (name, v) in [("Ours", &c.ours), ("Theirs", &c.theirs), ("Base", &c.base)] {
        let text = format!("{name:<7}{}", value(c, v));
        let wrapped = widgets::wrap(vec![Line::raw(text)], w);
        let n = wrapped.len();
        for (i, l) in wrapped.into_iter().take(2).enumerate() {
            let s = l.to_string();
            let s = if i == 1 && n > 2 {
                widgets::fit(&format!("{s} …"), w)
            } else {
                s
            };
            out.push(Line::styled(s, theme.text));
        }
    }
    let why = match merge::only_ours(c) {
        Some(o) => Some(format!("Only keeping ours resolves this: {}", o.why())),
        None if merge::is_record(c) => {
            Some("A whole record: keep ours or take theirs (it cannot be typed in)".to_string())
        }
        None => None,
    };
    if let Some(why) = why {
        out.extend(widgets::wrap(vec![Line::styled(why, theme.warn)], w));
    }
    out
}
