//! From a terminal key event to the keymap's `Key`: Shift folded into the character (`J`) or kept on
//! keys without a shifted character (`Shift-←`), Ctrl-P and Ctrl-p as one key.

use crate::app::keys::{Key, KeyCodeOrd};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl Key {
    /// The key of a terminal event; Shift is folded into the character (`J`) or `BackTab`.
    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => KeyCodeOrd::BackTab,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::F(n) => KeyCodeOrd::F(n),
            _ => return None,
        };
        let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
        let code = match code {
            // Ctrl-P and Ctrl-p are one key.
            KeyCodeOrd::Char(c) if ctrl => KeyCodeOrd::Char(c.to_ascii_lowercase()),
            c => c,
        };
        let shift = e.modifiers.contains(KeyModifiers::SHIFT) && code.keeps_shift();
        Some(Key {
            code,
            ctrl,
            alt: e.modifiers.contains(KeyModifiers::ALT),
            shift,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_events_agree() {
        let ev = |code, m| Key::from_event(&KeyEvent::new(code, m));
        assert_eq!(Key::parse("J"), ev(KeyCode::Char('J'), KeyModifiers::SHIFT));
        assert_eq!(Key::parse("shift-j"), Key::parse("J"));
        assert_eq!(
            Key::parse("ctrl-p"),
            ev(KeyCode::Char('p'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            Key::parse("ctrl-r"),
            ev(
                KeyCode::Char('R'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        );
        assert_eq!(
            Key::parse("shift-tab"),
            ev(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        assert_eq!(
            Key::parse("shift-tab"),
            ev(KeyCode::Tab, KeyModifiers::SHIFT)
        );
        assert_eq!(
            Key::parse("pagedown"),
            ev(KeyCode::PageDown, KeyModifiers::NONE)
        );
        assert_eq!(Key::parse("?"), ev(KeyCode::Char('?'), KeyModifiers::SHIFT));
        assert_eq!(Key::parse("nonsense"), None);
        assert_eq!(
            Key::parse("shift-left"),
            ev(KeyCode::Left, KeyModifiers::SHIFT)
        );
        assert_ne!(Key::parse("shift-left"), Key::parse("left"));
        assert_eq!(
            Key::parse("shift-right").map(|k| k.to_string()),
            Some("Shift-→".into())
        );
        assert_eq!(
            Key::parse("ctrl-p").map(|k| k.to_string()),
            Some("Ctrl-p".into())
        );
    }
}
