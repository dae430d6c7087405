//! One dispatch for every key: the open overlay first, then the screen on show, then the global
//! commands; a command of another pane goes there; `/` filters the pane you are in; overlay keys live
//! in the keymap, so a config can rebind them, `?` lists them and messages name the bound key.

use crate::common::screen::{render, text};
use cairn::app::{Action, App, Context, Effect, Mode, Pane, SprintScreen};
use cairn::commands::sample_board;
use cairn::input::{Key, action_for_key};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn event(code: KeyCode) -> KeyEvent {
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, mods)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match action_for_key(app, event(code)) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

mod filters;
mod keymap;
mod mouse;
mod overlays;
mod status_line;
