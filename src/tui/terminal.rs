//! Entering and leaving the terminal's full-screen mode, in exactly one place, and a panic hook that
//! leaves it first so the message is readable and the shell is usable.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, BufWriter, Stdout, Write};

/// Frames go through a buffer and reach the terminal in one write.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

pub fn enter(mouse: bool) -> io::Result<Term> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    // Bracketed paste: a paste arrives as one event, so its newlines are never taken as keys.
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(BufWriter::new(io::stdout())))?;
    terminal.clear()?;
    Ok(terminal)
}

/// Leaves full-screen mode and shows the cursor. Safe to call more than once.
pub fn leave() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// On a panic, restore the terminal before the message is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}
