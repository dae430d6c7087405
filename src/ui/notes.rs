//! The note timeline: every note across stakeholders, newest first, filtered with `/` (`kind:decision
//! since:month words`), so "what did we decide this month" is one key away.

use super::stakeholders::note_item;
use super::theme::Theme;
use super::widgets;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListState};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    vp: &mut crate::app::Viewport,
) {
    // Walked, not listed: the frame builds the rows on screen only.
    let notes = || app.timeline_notes_iter();
    let shown = notes().count();
    let total: usize = app
        .doc
        .board
        .stakeholders
        .iter()
        .map(|s| s.notes.len())
        .sum();
    let f = &app.people.notes;
    let count = if f.is_empty() {
        format!("{total}")
    } else {
        format!("{shown} of {total}")
    };
    let title = format!(" Notes — {count} · newest first ");
    let since = f
        .first_day(app.run.today)
        .map(|d| format!(" since {}", widgets::short_date(d)));
    let what = match (f.is_empty(), since) {
        (true, _) => "All notes".to_string(),
        (false, Some(s)) => format!("Filter \"{}\"{s}", f.text.trim()),
        (false, None) => format!("Filter \"{}\"", f.text.trim()),
    };
    let room = usize::from(area.width.saturating_sub(2)).saturating_sub(widgets::width(&what));
    let hint = widgets::first_fit(
        room,
        [
            format!(
                " · {} filters (kind:decision since:month) · {} opens the stakeholder",
                app.keymap.hint(&crate::app::Action::Filter),
                app.keymap.hint(&crate::app::Action::Details)
            ),
            format!(
                " · {} kind:decision since:month · {} opens",
                app.keymap.hint(&crate::app::Action::Filter),
                app.keymap.hint(&crate::app::Action::Details)
            ),
            String::new(),
        ],
    );
    let header = vec![Line::from(vec![
        Span::styled(what, theme.text),
        Span::styled(hint, theme.dim),
    ])];
    let empty = if app.doc.board.stakeholders.is_empty() {
        Some(format!(
            "No notes yet: a note belongs to a stakeholder, and {} adds the first.",
            app.keymap.hint(&crate::app::Action::AddStakeholder)
        ))
    } else if total == 0 {
        Some(format!(
            "No notes yet: {} adds one to the selected stakeholder.",
            app.keymap.hint(&crate::app::Action::AddNote)
        ))
    } else if shown == 0 {
        Some(format!(
            "No note matches the filter: {} clears it.",
            app.keymap.hint(&crate::app::Action::Cancel)
        ))
    } else {
        None
    };
    let Some(body) = widgets::framed(frame, area, title, header, empty.as_deref(), theme) else {
        return;
    };
    let width = usize::from(body.width.saturating_sub(2));
    let selected = app
        .people
        .note
        .and_then(|id| notes().position(|(_, n)| n.id == id))
        .unwrap_or(0);
    // Only the notes that can be on screen are built: at most one a row from the offset.
    let rows = usize::from(body.height);
    let mut offset = vp.note_offset.min(selected);
    if selected >= offset + rows {
        offset = selected + 1 - rows;
    }
    let items: Vec<_> = notes()
        .enumerate()
        .skip(offset)
        .take(rows + 1)
        .map(|(i, (s, n))| {
            // Date, kind and name take 33 cells at most; the role gets what is left of the line.
            let left = width.saturating_sub(23 + widgets::width(&s.name));
            let role = if s.role.is_empty() || left < 6 {
                String::new()
            } else {
                widgets::fit(&format!(" · {}", s.role), left)
            };
            let head = vec![
                Span::styled(format!("{} ", n.date.strftime("%b %d %Y")), theme.accent),
                Span::styled(
                    format!("{:<9}", n.kind.name()),
                    theme.text.add_modifier(Modifier::BOLD),
                ),
                Span::styled(s.name.clone(), theme.text),
                Span::styled(role, theme.dim),
            ];
            let lines = if i == selected { usize::MAX } else { 1 };
            note_item(app, head, n, width, lines, theme)
        })
        .collect();
    let list = List::new(items)
        .highlight_symbol("› ")
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(selected - offset));
    frame.render_stateful_widget(list, body, &mut state);
    vp.note_offset = offset + state.offset();
}
