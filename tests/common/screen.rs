//! Rendering the app on a `TestBackend` and reading the screen back as text, as a person sees it.

use cairn::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

/// The frame as a person sees it; what the frame measured is thrown away (see `render_into`).
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut viewport = app.viewport.clone();
    terminal
        .draw(|f| cairn::ui::draw(f, app, &mut viewport))
        .expect("the frame draws");
    terminal.backend().buffer().clone()
}

/// The frame, keeping what it measured (page size, offsets, mouse areas) in the app, as the runner
/// does: for keys that depend on the last frame (PageDown, clicks).
#[allow(dead_code)]
pub fn render_into(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    cairn::ui::draw_app(&mut terminal, app).expect("the frame draws");
    terminal.backend().buffer().clone()
}

/// The buffer as text: each row's symbols, skipping the cells a wide symbol covers, trimmed.
pub fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    let mut out = String::new();
    for row in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut covered = 0usize;
        for cell in row {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            let symbol = cell.symbol();
            line.push_str(symbol);
            covered = Span::raw(symbol).width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen as text, keeping what the frame measured in the app (as `render_into`).
#[allow(dead_code)]
pub fn screen_into(app: &mut App, width: u16, height: u16) -> String {
    text(&render_into(app, width, height))
}

pub fn screen(app: &App, width: u16, height: u16) -> String {
    text(&render(app, width, height))
}
