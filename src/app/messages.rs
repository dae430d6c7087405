//! The status line's messages: each says what just happened, then makes way for the key hints —
//! on the next key, or after a few seconds — and stays readable in full in the message log (`M`),
//! however little of it fitted on the line.

use super::App;
use std::collections::VecDeque;
use std::time::Duration;

/// How long a message stays when no key is pressed.
pub const SHOWN_FOR: Duration = Duration::from_secs(5);
/// Messages the log keeps.
const KEPT: usize = 100;

/// The message line of the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// Which message this is (counts up), so a key can tell whether it made a new one.
    pub seq: u64,
    /// When a tick first saw it (the clock of `Action::Tick`); it goes `SHOWN_FOR` later.
    pub seen: Option<Duration>,
}

/// A message as the log keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Log {
    entries: VecDeque<Logged>,
    next_seq: u64,
}

impl Log {
    fn push(&mut self, text: &str, error: bool) -> u64 {
        // The same message again (a held key) is one entry.
        if self.entries.back().is_none_or(|l| l.text != text) {
            if self.entries.len() == KEPT {
                self.entries.pop_front();
            }
            self.entries.push_back(Logged {
                text: text.to_string(),
                error,
            });
        }
        self.next_seq += 1;
        self.next_seq
    }

    /// Oldest first.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Logged> + ExactSizeIterator {
        self.entries.iter()
    }
}

impl App {
    pub fn info(&mut self, text: impl Into<String>) {
        self.say(text.into(), false);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.say(text.into(), true);
    }

    fn say(&mut self, text: String, error: bool) {
        let seq = self.log.push(&text, error);
        self.run.status = Some(Status {
            text,
            error,
            seq,
            seen: None,
        });
    }

    /// The message on show now, as a number to compare after a key.
    pub(crate) fn message_seq(&self) -> Option<u64> {
        self.run.status.as_ref().map(|s| s.seq)
    }

    /// A key that said nothing new clears the message it found, so the hints come back.
    pub(crate) fn after_key(&mut self, before: Option<u64>) {
        if before.is_some() && self.message_seq() == before {
            self.run.status = None;
        }
    }

    /// The clock moved on: a message shown for `SHOWN_FOR` goes. True when one went.
    pub(crate) fn expire_message(&mut self, now: Duration) -> bool {
        let Some(status) = self.run.status.as_mut() else {
            return false;
        };
        match status.seen {
            None => {
                status.seen = Some(now);
                false
            }
            Some(seen) if now.saturating_sub(seen) >= SHOWN_FOR => {
                self.run.status = None;
                true
            }
            Some(_) => false,
        }
    }
}
