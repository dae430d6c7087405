//! The saved view a list shows, named in its frame: `╭ … Backlog — … · view "Ana's bugs" ──╮` while its
//! filter is the view's, and gone as soon as the filter is edited. The panes draw their own titles;
//! this reads the frame they drew and writes the name after the title of the list's frame (on its
//! bottom edge when the title leaves no room).

use super::{Theme, widgets};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// Names the active saved view of the list on show in its frame, if there is one.
pub fn mark(frame: &mut Frame, body: Rect, app: &App, theme: &Theme) {
    let Some(view) = app.view_pane().and_then(|p| app.active_view(p)) else {
        return;
    };
    let buf = frame.buffer_mut();
    let at = |buf: &ratatui::buffer::Buffer, x: u16, y: u16| buf[(x, y)].symbol().to_string();
    let Some(top) = (body.y..body.bottom()).find(|&y| at(buf, body.x, y) == "╭") else {
        return;
    };
    let right = body.right().saturating_sub(1);
    // The run of line after `x` on row `y`: where the name can go without covering another title
    // (the sprint board's "→ 2 more columns", its legend) or the corner; one dash is kept after it.
    let line_from = |buf: &ratatui::buffer::Buffer, x: u16, y: u16| {
        (x..right)
            .take_while(|&c| at(buf, c, y) == "─")
            .count()
            .saturating_sub(1)
    };
    // The frame's top edge: the title ends where the line begins.
    let start = (body.x + 1..right).find(|&x| at(buf, x, top) == "─");
    let top_room = start.map_or(0, |x| line_from(buf, x, top));
    let beside = format!("· view \"{}\" ", view.name);
    let below = format!(" view \"{}\" ", view.name);
    let (x, y, text, room) = if let Some(start) =
        start.filter(|_| widgets::width(&beside) <= top_room)
    {
        (start, top, beside, top_room)
    } else {
        // No room beside the title: on the bottom edge, left, below the list.
        let Some(bottom) = (top + 1..body.bottom()).find(|&y| at(buf, body.x, y) == "╰") else {
            return;
        };
        (
            body.x + 1,
            bottom,
            below,
            line_from(buf, body.x + 1, bottom),
        )
    };
    // Too little room for the name to say anything: the title's filter text says it.
    if room < 12 {
        return;
    }
    let text = widgets::fit(&text, room);
    buf.set_span(x, y, &Span::styled(text, theme.title), room as u16);
}
