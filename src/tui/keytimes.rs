//! `CAIRN_KEY_TIMES=<file>`: how long each key takes in the real app, from the moment the event
//! loop gets its event to the end of the write of the frame that shows it, one line per key
//! (`<key> <µs>`), written when cairn quits. The first line is `start <µs>`: from `main` (see
//! `note_start`) to the end of the write of the first frame. `benches/inapp.sh` reads it; without
//! the variable nothing is kept and nothing is timed.

use crossterm::event::{Event, KeyCode, KeyEvent};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// The process started: `main` calls this first, so the first frame's time counts from there.
pub fn note_start() {
    STARTED.get_or_init(Instant::now);
}

pub(super) struct KeyTimes {
    path: Option<PathBuf>,
    pending: Option<(String, Instant)>,
    lines: String,
    first_drawn: bool,
}

impl KeyTimes {
    pub(super) fn from_env() -> KeyTimes {
        KeyTimes {
            path: std::env::var_os("CAIRN_KEY_TIMES").map(PathBuf::from),
            pending: None,
            lines: String::new(),
            first_drawn: false,
        }
    }

    /// An event arrived (the first of a batch drawn together).
    pub(super) fn read(&mut self, event: &Event) {
        if self.path.is_none() || self.pending.is_some() {
            return;
        }
        if let Event::Key(k) = event {
            self.pending = Some((name(k), Instant::now()));
        }
    }

    /// The frame is written.
    pub(super) fn drawn(&mut self) {
        if !std::mem::replace(&mut self.first_drawn, true)
            && self.path.is_some()
            && let Some(t) = STARTED.get()
        {
            self.lines
                .push_str(&format!("start {}\n", t.elapsed().as_micros()));
        }
        if let Some((key, at)) = self.pending.take() {
            self.lines
                .push_str(&format!("{key} {}\n", at.elapsed().as_micros()));
        }
    }
}

fn name(k: &KeyEvent) -> String {
    match k.code {
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

impl Drop for KeyTimes {
    fn drop(&mut self) {
        if let Some(path) = &self.path {
            let _ = std::fs::write(path, &self.lines);
        }
    }
}
