//! The command palette: fuzzy matching (nucleo-matcher, from helix) over the commands of the keymap
//! and over the board's items, so "go to CRN-42" is a few keys away.

use crate::app::Keymap;
use crate::app::{Action, COMMANDS};
use crate::model::{Board, ItemId};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui_textarea::TextArea;

/// Most entries shown at once.
pub const SHOWN: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A command: its action, what it does and its keys.
    Command {
        action: Action,
        about: &'static str,
        keys: String,
    },
    /// An item: go to it.
    Item { id: ItemId, label: String },
}

impl Entry {
    pub fn label(&self) -> &str {
        match self {
            Entry::Command { about, .. } => about,
            Entry::Item { label, .. } => label,
        }
    }
}

pub struct Palette {
    pub input: TextArea<'static>,
    /// The best matches for the query, best first (at most `SHOWN`).
    pub matches: Vec<Entry>,
    pub selected: usize,
}

impl Palette {
    pub fn new(board: &Board, keymap: &Keymap) -> Palette {
        let mut p = Palette {
            input: TextArea::default(),
            matches: Vec::new(),
            selected: 0,
        };
        p.input
            .set_placeholder_text("a command, or an item's key or title");
        p.refresh(board, keymap);
        p
    }

    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Matches the query against commands and items; with no query, lists the commands.
    pub fn refresh(&mut self, board: &Board, keymap: &Keymap) {
        let query = self.query();
        // Overlay keys (a form's Tab, a question's y) are not commands one runs from here.
        let runnable: Vec<&crate::app::Command> = COMMANDS
            .iter()
            .filter(|c| c.scope().any(crate::app::Context::from_palette))
            .collect();
        let commands = runnable.iter().map(|c| Entry::Command {
            action: c.action.clone(),
            about: c.about,
            keys: keymap.keys_of(&c.action).join(" "),
        });
        self.selected = 0;
        if query.trim().is_empty() {
            self.matches = commands.take(SHOWN).collect();
            return;
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize, Entry)> = Vec::new();
        let mut score =
            |text: &str, order: usize, entry: Entry, scored: &mut Vec<(u32, usize, Entry)>| {
                if let Some(s) = pattern.score(Utf32Str::new(text, &mut buf), &mut matcher) {
                    scored.push((s, order, entry));
                }
            };
        for (n, c) in commands.enumerate() {
            let text = format!("{} {}", c.label(), runnable[n].name);
            score(&text, n, c, &mut scored);
        }
        for (n, it) in board.items.iter().enumerate() {
            let label = format!("{} {}", board.item_key(it.id), it.title);
            score(
                &label,
                runnable.len() + n,
                Entry::Item {
                    id: it.id,
                    label: label.clone(),
                },
                &mut scored,
            );
        }
        // Best score first; ties keep commands before items and items in rank order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().take(SHOWN).map(|(_, _, e)| e).collect();
    }

    pub fn chosen(&self) -> Option<&Entry> {
        self.matches.get(self.selected)
    }

    pub fn down(&mut self) {
        if self.selected + 1 < self.matches.len() {
            self.selected += 1;
        }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }
}
