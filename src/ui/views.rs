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
    let label = format!("· view \"{}\" ", view.name);
    let buf = frame.buffer_mut();
    let at = |buf: &ratatui::buffer::Buffer, x: u16, y: u16| buf[(x, y)].symbol().to_string();
    let Some(top) = (body.y..body.bottom()).find(|&y| at(buf, body.x, y) == "╭") else {
        return;
    };
    let right = body.right().saturating_sub(1);
    // The frame's top edge: the title ends where the line begins.
    let start = (body.x + 1..right).find(|&x| at(buf, x, top) == "─");
    let corner = (body.x + 1..=right).find(|&x| at(buf, x, top) == "╮");
    let (Some(start), Some(corner)) = (start, corner) else {
        return;
    };
    let room = usize::from(corner.saturating_sub(start + 1));
    let (x, y, room) = if widgets::width(&label) <= room {
        (start, top, room)
    } else {
        // No room beside the title: on the bottom edge, left, below the list.
        let Some(bottom) = (top + 1..body.bottom()).find(|&y| at(buf, body.x, y) == "╰") else {
            return;
        };
        let label_room = usize::from(corner.saturating_sub(body.x + 2));
        (body.x + 1, bottom, label_room)
    };
    let text = if y == top {
        label
    } else {
        format!(" view \"{}\" ", view.name)
    };
    let text = widgets::fit(&text, room);
    buf.set_span(x, y, &Span::styled(text, theme.title), room as u16);
}
