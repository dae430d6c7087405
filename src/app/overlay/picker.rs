//! A fuzzy picker with checkboxes: link items to a timeline entry, pick an entry's dependencies, link a
//! risk or a note to the work. Type to search (nucleo, as in the palette), Tab or Space ticks, Enter
//! applies every change as one undoable step, Esc leaves everything as it was.

use crate::model::{EntryId, ItemId, NoteId, RiskId, StakeholderId};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui_textarea::TextArea;

/// Most matches kept for a query (the ticked ones come first, so they are never lost from view).
pub const SHOWN: usize = 200;

/// Something a picker can pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Item(ItemId),
    Entry(EntryId),
}

/// What the picked set is for; `update` applies it on Enter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The backlog items a timeline entry delivers.
    EntryItems(EntryId),
    /// The entries a timeline entry depends on.
    EntryDeps(EntryId),
    /// The items and entries a risk threatens.
    RiskLinks(RiskId),
    /// The items and entries a stakeholder's note is about.
    NoteLinks {
        stakeholder: StakeholderId,
        note: NoteId,
    },
    /// The items a backlog item waits on.
    BlockedBy(ItemId),
    /// The items a backlog item relates to.
    Related(ItemId),
}

/// One line of the picker.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub target: Target,
    /// What is searched and shown: key and title, or an entry's name.
    pub label: String,
    /// Shown dim on the right: status and points, or dates.
    pub detail: String,
    pub on: bool,
}

pub struct Picker {
    pub title: String,
    pub purpose: Purpose,
    pub choices: Vec<Choice>,
    pub input: TextArea<'static>,
    /// Positions in `choices` matching the query, best first.
    pub shown: Vec<usize>,
    /// Row of `shown` under the cursor.
    pub cursor: usize,
}

impl Picker {
    pub fn new(title: impl Into<String>, purpose: Purpose, choices: Vec<Choice>) -> Picker {
        let mut input = TextArea::default();
        input.set_placeholder_text("type to search");
        let mut p = Picker {
            title: title.into(),
            purpose,
            choices,
            input,
            shown: Vec::new(),
            cursor: 0,
        };
        p.refresh();
        p
    }

    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Matches the query; with none, the ticked choices first, then the rest in their order.
    pub fn refresh(&mut self) {
        let query = self.query();
        self.cursor = 0;
        if query.trim().is_empty() {
            let (on, off): (Vec<usize>, Vec<usize>) =
                (0..self.choices.len()).partition(|&n| self.choices[n].on);
            self.shown = on.into_iter().chain(off).take(SHOWN).collect();
            return;
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize)> = self
            .choices
            .iter()
            .enumerate()
            .filter_map(|(n, c)| {
                pattern
                    .score(Utf32Str::new(&c.label, &mut buf), &mut matcher)
                    .map(|s| (s, n))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.shown = scored.into_iter().take(SHOWN).map(|(_, n)| n).collect();
    }

    pub fn down(&mut self) {
        if self.cursor + 1 < self.shown.len() {
            self.cursor += 1;
        }
    }

    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Ticks or unticks the choice under the cursor.
    pub fn toggle(&mut self) {
        if let Some(&n) = self.shown.get(self.cursor) {
            self.choices[n].on = !self.choices[n].on;
        }
    }

    /// Every ticked target, in the choices' order.
    pub fn chosen(&self) -> Vec<Target> {
        self.choices
            .iter()
            .filter(|c| c.on)
            .map(|c| c.target)
            .collect()
    }

    pub fn ticked(&self) -> usize {
        self.choices.iter().filter(|c| c.on).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(n: u32, label: &str, on: bool) -> Choice {
        Choice {
            target: Target::Item(ItemId(n)),
            label: label.into(),
            detail: String::new(),
            on,
        }
    }

    #[test]
    fn ticked_first_then_search_and_toggle() {
        let mut p = Picker::new(
            "Link",
            Purpose::EntryItems(EntryId(1)),
            vec![
                choice(1, "CRN-1 Guest checkout", false),
                choice(2, "CRN-2 Apple Pay", true),
                choice(3, "CRN-3 Address lookup", false),
            ],
        );
        assert_eq!(p.shown, vec![1, 0, 2], "ticked first");
        p.input.insert_str("addr");
        p.refresh();
        assert_eq!(p.shown, vec![2]);
        p.toggle();
        assert_eq!(
            p.chosen(),
            vec![Target::Item(ItemId(2)), Target::Item(ItemId(3))]
        );
        p.toggle();
        assert_eq!(p.ticked(), 1);
    }
}
