//! The command palette: fuzzy matching (nucleo-matcher, from helix) over the commands of the keymap
//! and over the board's items, stakeholders, timeline entries and risks, so "go to CRN-42" is a few
//! keys away. A query that reads as an item key ranks by key first: the exact key, then the keys it
//! begins, in numeric order (`CRN-1`: CRN-1, CRN-10, CRN-11 …; `30`: CRN-30 first), then the fuzzy
//! matches. "go to …" and "goto …" are accepted before any query. Each saved view is an entry
//! ("view: Ana's bugs"); opened on one list's views (the views picker), only those are listed.

use crate::app::Keymap;
use crate::app::{Action, COMMANDS};
use crate::model::{Board, EntryId, ItemId, RiskId, StakeholderId, ViewPane};
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
    /// A stakeholder: open them in the register.
    Stakeholder { id: StakeholderId, label: String },
    /// A timeline entry: select it on the gantt.
    TimelineEntry { id: EntryId, label: String },
    /// A risk: select it in the risk register.
    Risk { id: RiskId, label: String },
    /// A saved view: show its list with its filter.
    View {
        pane: ViewPane,
        name: String,
        label: String,
        /// Shown dim on the right.
        filter: String,
    },
}

impl Entry {
    pub fn label(&self) -> &str {
        match self {
            Entry::Command { about, .. } => about,
            Entry::Item { label, .. }
            | Entry::Stakeholder { label, .. }
            | Entry::TimelineEntry { label, .. }
            | Entry::Risk { label, .. }
            | Entry::View { label, .. } => label,
        }
    }

    /// What Enter does with it.
    pub fn action(&self) -> Action {
        match self {
            Entry::Command { action, .. } => action.clone(),
            Entry::Item { id, .. } => Action::GoToItem(*id),
            Entry::Stakeholder { id, .. } => Action::GoToStakeholder(*id),
            Entry::TimelineEntry { id, .. } => Action::GoToEntry(*id),
            Entry::Risk { id, .. } => Action::GoToRisk(*id),
            Entry::View { pane, name, .. } => Action::ApplyView {
                pane: *pane,
                name: name.clone(),
            },
        }
    }
}

/// The query without a leading "go to " / "goto " (any case).
fn strip_go_to(query: &str) -> &str {
    let q = query.trim_start();
    for prefix in ["go to ", "goto "] {
        if q.len() >= prefix.len()
            && q.is_char_boundary(prefix.len())
            && q[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return q[prefix.len()..].trim_start();
        }
    }
    q
}

/// The digits of a query that reads as an item key: `CRN-30`, `crn-3` or `30`.
fn key_digits<'q>(board: &Board, query: &'q str) -> Option<&'q str> {
    let q = query.trim();
    let digits = match q.rsplit_once('-') {
        Some((prefix, n)) if prefix.eq_ignore_ascii_case(&board.project.key) => n,
        Some(_) => return None,
        None => q,
    };
    (!digits.is_empty() && digits.len() <= 10 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(digits)
}

/// Items whose key is the query's or begins with it, the exact one first, then in numeric order;
/// at most `SHOWN`. One pass over the items and a partial selection: O(items).
fn key_matches(board: &Board, digits: &str) -> Vec<ItemId> {
    let mut hits: Vec<ItemId> = board
        .items
        .iter()
        .map(|i| i.id)
        .filter(|id| id.0.to_string().starts_with(digits))
        .collect();
    if hits.len() > SHOWN {
        hits.select_nth_unstable_by_key(SHOWN, |id| id.0);
        hits.truncate(SHOWN);
    }
    // Numbers that begin with the same digits sort shortest (the exact key) first.
    hits.sort_unstable_by_key(|id| id.0);
    hits
}

pub struct Palette {
    pub input: TextArea<'static>,
    /// The best matches for the query, best first (at most `SHOWN`).
    pub matches: Vec<Entry>,
    pub selected: usize,
    /// The views picker: only the saved views of this list.
    pub scope: Option<ViewPane>,
}

impl Palette {
    pub fn new(board: &Board, keymap: &Keymap) -> Palette {
        let mut p = Palette {
            input: TextArea::default(),
            matches: Vec::new(),
            selected: 0,
            scope: None,
        };
        p.input.set_placeholder_text(
            "a command, an item's key or title, a person, an entry, a risk or a view",
        );
        p.refresh(board, keymap);
        p
    }

    /// The views picker of one list: its saved views, in the board's order, searched as you type.
    pub fn views(board: &Board, keymap: &Keymap, pane: ViewPane) -> Palette {
        let mut p = Palette {
            input: TextArea::default(),
            matches: Vec::new(),
            selected: 0,
            scope: Some(pane),
        };
        p.input.set_placeholder_text("type to search the views");
        p.refresh(board, keymap);
        p
    }

    /// The title of the popup.
    pub fn title(&self) -> String {
        match self.scope {
            Some(pane) => format!(" Saved views of the {} ", pane.name()),
            None => " Command palette — commands, items, people, timeline, risks, views ".into(),
        }
    }

    /// The views picker's matches: the list's views whose name or filter matches the query.
    fn refresh_views(&mut self, board: &Board, pane: ViewPane) {
        let query = self.query();
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize, Entry)> = board
            .views
            .iter()
            .filter(|v| v.pane == pane)
            .enumerate()
            .filter_map(|(n, v)| {
                let text = format!("{} {}", v.name, v.filter);
                let s = if query.trim().is_empty() {
                    0
                } else {
                    pattern.score(Utf32Str::new(&text, &mut buf), &mut matcher)?
                };
                Some((s, n, view_entry(v, false)))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().take(SHOWN).map(|(_, _, e)| e).collect();
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
    }

    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    /// Matches the query against commands and items; with no query, lists the commands.
    pub fn refresh(&mut self, board: &Board, keymap: &Keymap) {
        if let Some(pane) = self.scope {
            return self.refresh_views(board, pane);
        }
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
        let query = strip_go_to(&query);
        let keyed: Vec<ItemId> = key_digits(board, query)
            .map(|d| key_matches(board, d))
            .unwrap_or_default();
        let mut first: Vec<Entry> = keyed
            .iter()
            .filter_map(|id| board.item(*id))
            .map(|it| Entry::Item {
                id: it.id,
                label: format!("{} {}", board.item_key(it.id), it.title),
            })
            .collect();
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize, Entry)> = Vec::new();
        let mut score =
            |text: &str, order: usize, entry: Entry, scored: &mut Vec<(u32, usize, Entry)>| {
                if let Some(s) = pattern.score(Utf32Str::new(text, &mut buf), &mut matcher) {
                    scored.push((s, order, entry));
                }
            };
        let mut order = 0;
        let mut next = || {
            order += 1;
            order
        };
        for (n, c) in commands.enumerate() {
            let text = format!("{} {}", c.label(), runnable[n].name);
            score(&text, next(), c, &mut scored);
        }
        for it in board.items.iter() {
            if keyed.contains(&it.id) {
                continue;
            }
            let label = format!("{} {}", board.item_key(it.id), it.title);
            let entry = Entry::Item {
                id: it.id,
                label: label.clone(),
            };
            score(&label, next(), entry, &mut scored);
        }
        for s in &board.stakeholders {
            let label = if s.role.is_empty() {
                format!("stakeholder {}", s.name)
            } else {
                format!("stakeholder {} ({})", s.name, s.role)
            };
            let entry = Entry::Stakeholder {
                id: s.id,
                label: label.clone(),
            };
            score(&label, next(), entry, &mut scored);
        }
        for e in &board.timeline {
            let label = format!("{} {}", e.kind.name(), e.name);
            let entry = Entry::TimelineEntry {
                id: e.id,
                label: label.clone(),
            };
            score(&label, next(), entry, &mut scored);
        }
        for r in &board.risks {
            let label = format!("risk {}", r.title);
            let entry = Entry::Risk {
                id: r.id,
                label: label.clone(),
            };
            score(&label, next(), entry, &mut scored);
        }
        for v in &board.views {
            let entry = view_entry(v, true);
            let text = format!("{} {}", entry.label(), v.filter);
            score(&text, next(), entry, &mut scored);
        }
        // Best score first; ties keep commands before items, items in rank order, then
        // stakeholders, entries, risks and views in the board's order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let room = SHOWN.saturating_sub(first.len());
        first.extend(scored.into_iter().take(room).map(|(_, _, e)| e));
        self.matches = first;
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

/// A saved view's entry: "view: Ana's bugs (backlog)" in the palette, its name alone in a list's
/// own views picker; its filter beside it.
fn view_entry(v: &crate::model::SavedView, with_pane: bool) -> Entry {
    let label = if with_pane {
        format!("view: {} ({})", v.name, v.pane.name())
    } else {
        v.name.clone()
    };
    Entry::View {
        pane: v.pane,
        name: v.name.clone(),
        label,
        filter: v.filter.clone(),
    }
}
