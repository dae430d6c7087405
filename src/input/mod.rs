//! From terminal events to actions: the keymap for normal mode, fixed keys for forms, the filter line,
//! the palette and questions; and the config file that can rebind keys.

pub mod config;
pub mod keymap;
pub mod keys;

pub use config::{Config, load_config};
pub use keymap::{Context, Keymap};
pub use keys::Key;

use crate::app::{Action, App, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

/// The action for a key press in the app's current mode, if any.
pub fn action_for_key(app: &App, event: KeyEvent) -> Option<Action> {
    let key = Key::from_event(&event)?;
    match &app.mode {
        // Standup's own keys come first while it runs on the sprint board.
        Mode::Normal if app.standup.is_some() && app.pane == crate::app::Pane::Sprint => {
            match event.code {
                KeyCode::Char(' ' | 'n') => Some(Action::StandupNext),
                KeyCode::Char('p') => Some(Action::StandupByPerson),
                _ => app.keymap.lookup(app.pane, key).cloned(),
            }
        }
        Mode::Normal => app.keymap.lookup(app.pane, key).cloned(),
        Mode::Form(_) => Some(match event.code {
            KeyCode::Enter => Action::Confirm,
            KeyCode::Esc => Action::Cancel,
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => Action::PrevField,
            KeyCode::Tab | KeyCode::Down => Action::NextField,
            KeyCode::BackTab | KeyCode::Up => Action::PrevField,
            _ => Action::Type(event),
        }),
        // Stakeholders: the pane's filter line too.
        Mode::Filter(_) | Mode::Palette(_) | Mode::PeopleFilter(_) => Some(text_over_list(event)),
        Mode::Picker(_) => Some(match event.code {
            KeyCode::PageDown => Action::PageDown,
            KeyCode::PageUp => Action::PageUp,
            KeyCode::Tab | KeyCode::BackTab => Action::Check,
            // Space ticks until a search is typed; then it separates the words of the search.
            KeyCode::Char(' ') if matches!(&app.mode, Mode::Picker(p) if p.query().is_empty()) => {
                Action::Check
            }
            _ => text_over_list(event),
        }),
        Mode::Help(_) => match event.code {
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            _ => Some(Action::Cancel),
        },
        Mode::RankPreview(_) => match event.code {
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::Cancel),
            _ => None,
        },
        Mode::CloseSprint { .. } => match event.code {
            KeyCode::Char(c @ ('b' | 'n')) => Some(Action::Answer(c)),
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::Cancel),
            _ => None,
        },
        Mode::ConfirmWip { .. } => match event.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Yes),
            _ => Some(Action::No),
        },
        Mode::ConfirmQuit => match event.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Yes),
            _ => Some(Action::No),
        },
    }
}

/// Keys of a line that takes text above a list (filters, the palette, the picker's search): Enter
/// and Esc answer, arrows and Ctrl-n/Ctrl-p move in the list, everything else is typed.
fn text_over_list(event: KeyEvent) -> Action {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Enter => Action::Confirm,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        _ => Action::Type(event),
    }
}

/// The action for a mouse event: a click on a tab or a row, or the wheel.
pub fn action_for_mouse(app: &App, event: MouseEvent) -> Option<Action> {
    if !app.mouse || !matches!(app.mode, Mode::Normal) {
        return None;
    }
    let hits = app.hits.get();
    let at = ratatui::layout::Position {
        x: event.column,
        y: event.row,
    };
    match event.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
        MouseEventKind::Down(_) => {
            let panes = [
                Action::ShowBacklog,
                Action::ShowSprint,
                Action::ShowTimeline,
                Action::ShowStakeholders,
            ];
            if let Some(n) = hits.tabs.iter().position(|r| r.contains(at)) {
                return Some(panes[n].clone());
            }
            if app.pane == crate::app::Pane::Backlog && hits.rows.contains(at) {
                let row = app.backlog.offset.get() + usize::from(event.row - hits.rows.y);
                return Some(Action::SelectRow(row));
            }
            None
        }
        _ => None,
    }
}
