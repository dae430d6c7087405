//! Rendering the app on a `TestBackend` and reading the screen back as text, as a person sees it.

use cairn::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|f| cairn::ui::draw(f, app))
        .expect("the frame draws");
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

pub fn screen(app: &App, width: u16, height: u16) -> String {
    text(&render(app, width, height))
}
