//! The keymap as data: (context, key) → command. The help overlay and the palette read the same table,
//! and a config file can rebind any key.

use super::keys::{Key, KeyCodeOrd};
use crate::app::{Action, COMMANDS, Pane};
use std::collections::BTreeMap;

/// Where a binding applies. A pane's own bindings win over list keys, which win over global ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Backlog,
    Sprint,
    Timeline,
    Stakeholders,
}

impl Context {
    pub const ALL: [Context; 6] = [
        Context::Global,
        Context::List,
        Context::Backlog,
        Context::Sprint,
        Context::Timeline,
        Context::Stakeholders,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "lists",
            Context::Backlog => "backlog",
            Context::Sprint => "sprint",
            Context::Timeline => "timeline",
            Context::Stakeholders => "stakeholders",
        }
    }

    pub fn of(pane: Pane) -> Context {
        match pane {
            Pane::Backlog => Context::Backlog,
            Pane::Sprint => Context::Sprint,
            Pane::Timeline => Context::Timeline,
            Pane::Stakeholders => Context::Stakeholders,
        }
    }

    fn parse(s: &str) -> Option<Context> {
        let s = s.trim().to_ascii_lowercase();
        Context::ALL
            .into_iter()
            .find(|c| c.name() == s || c.name().trim_end_matches('s') == s)
    }
}

/// The default bindings: (context, keys, command name). Each key string appears here once.
const DEFAULTS: &[(Context, &str, &str)] = &[
    (Context::Global, "1", "show_backlog"),
    (Context::Global, "2", "show_sprint"),
    (Context::Global, "3", "show_timeline"),
    (Context::Global, "4", "show_stakeholders"),
    (Context::Global, "tab", "next_pane"),
    (Context::Global, "shift-tab", "prev_pane"),
    (Context::Global, "?", "help"),
    (Context::Global, ": ctrl-p", "palette"),
    (Context::Global, "/", "filter"),
    (Context::Global, "u", "undo"),
    (Context::Global, "ctrl-r", "redo"),
    (Context::Global, "q", "quit"),
    (Context::Global, "esc", "cancel"),
    (Context::Global, "ctrl-l", "reload"),
    (Context::List, "j down", "down"),
    (Context::List, "k up", "up"),
    (Context::List, "g home", "top"),
    (Context::List, "G end", "bottom"),
    (Context::List, "pagedown ctrl-d", "page_down"),
    (Context::List, "pageup ctrl-u", "page_up"),
    (Context::List, "enter", "details"),
    (Context::Backlog, "a", "add_item"),
    (Context::Backlog, "e", "edit_item"),
    (Context::Backlog, "E", "edit_description"),
    (Context::Backlog, "d", "delete_item"),
    (Context::Backlog, "J", "move_down"),
    (Context::Backlog, "K", "move_up"),
    (Context::Backlog, "T", "move_to_top"),
    (Context::Backlog, "p", "set_points"),
    (Context::Backlog, "m", "cycle_moscow"),
    (Context::Backlog, "s", "send_to_sprint"),
    (Context::Backlog, "R", "rank_by_score"),
    (Context::Backlog, "w", "toggle_scoring"),
    (Context::Sprint, "h left", "column_left"),
    (Context::Sprint, "l right", "column_right"),
    (Context::Sprint, "H", "card_left"),
    (Context::Sprint, "L", "card_right"),
    (Context::Sprint, "x", "toggle_blocked"),
    (Context::Sprint, "A", "assign"),
    (Context::Sprint, "b", "burndown"),
    (Context::Sprint, "n", "new_sprint"),
    (Context::Sprint, "t", "start_sprint"),
    (Context::Sprint, "c", "close_sprint"),
    (Context::Sprint, "P", "plan"),
    (Context::Sprint, "S", "standup"),
    (Context::Sprint, "W", "workflow"),
    (Context::Sprint, "e", "edit_sprint"),
    (Context::Sprint, "s", "send_to_sprint"),
    // Timeline
    (Context::Timeline, "h left", "scroll_earlier"),
    (Context::Timeline, "l right", "scroll_later"),
    (Context::Timeline, "+ =", "zoom_in"),
    (Context::Timeline, "-", "zoom_out"),
    (Context::Timeline, "t", "go_to_today"),
    (Context::Timeline, "<", "shift_earlier"),
    (Context::Timeline, ">", "shift_later"),
    (Context::Timeline, "shift-left", "shift_week_earlier"),
    (Context::Timeline, "shift-right", "shift_week_later"),
    (Context::Timeline, "[", "end_earlier"),
    (Context::Timeline, "]", "end_later"),
    (Context::Timeline, "{", "end_week_earlier"),
    (Context::Timeline, "}", "end_week_later"),
    (Context::Timeline, "a", "add_entry"),
    (Context::Timeline, "e", "edit_entry"),
    (Context::Timeline, "d", "delete_entry"),
    (Context::Timeline, "D", "dependencies"),
    (Context::Timeline, "L", "link_items"),
    (Context::Timeline, "c", "critical_path"),
    (Context::Timeline, "P", "push_dependents"),
    (Context::Timeline, "$", "budget"),
    (Context::Timeline, "r", "risks"),
    (Context::Timeline, "x", "close_risk"),
    // Stakeholders
    (Context::Stakeholders, "a", "add_stakeholder"),
    (Context::Stakeholders, "e", "edit_stakeholder"),
    (Context::Stakeholders, "d", "delete_stakeholder"),
    (Context::Stakeholders, "n", "add_note"),
    (Context::Stakeholders, "E", "note_in_editor"),
    (Context::Stakeholders, "l", "link_note"),
    (Context::Stakeholders, "v", "grid_view"),
    (Context::Stakeholders, "t", "note_timeline"),
    (Context::Stakeholders, "s", "sort_stakeholders"),
    (Context::Stakeholders, "K", "more_power"),
    (Context::Stakeholders, "J", "less_power"),
    (Context::Stakeholders, "L", "more_interest"),
    (Context::Stakeholders, "H", "less_interest"),
    (Context::Stakeholders, "left", "grid_left"),
    (Context::Stakeholders, "right", "grid_right"),
    (Context::Stakeholders, "r", "write_report"),
    (Context::Stakeholders, "R", "write_report_and_edit"),
];

fn command(name: &str) -> Option<Action> {
    COMMANDS
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.action.clone())
}

#[derive(Clone, Debug)]
struct Binding {
    action: Action,
    /// Set by the config file (conflicts are only reported for those).
    configured: bool,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: BTreeMap<(Context, Key), Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults()
    }
}

impl Keymap {
    pub fn defaults() -> Keymap {
        let mut bindings = BTreeMap::new();
        for (context, keys, name) in DEFAULTS {
            let (Some(action), true) = (command(name), true) else {
                continue;
            };
            for k in keys.split_whitespace().filter_map(Key::parse) {
                bindings.insert(
                    (*context, k),
                    Binding {
                        action: action.clone(),
                        configured: false,
                    },
                );
            }
        }
        Keymap { bindings }
    }

    /// Applies `{ context: { key: command } }` from a config file. `"none"` unbinds a key. Returns a
    /// message for each entry that could not be used and each conflict it creates.
    pub fn rebind(&mut self, keys: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<String> {
        let mut problems = Vec::new();
        for (context_name, entries) in keys {
            let Some(context) = Context::parse(context_name) else {
                problems.push(format!("keys: unknown context \"{context_name}\" (global, lists, backlog, sprint, timeline, stakeholders)"));
                continue;
            };
            for (key_name, command_name) in entries {
                let Some(key) = Key::parse(key_name) else {
                    problems.push(format!("keys.{context_name}: \"{key_name}\" is not a key"));
                    continue;
                };
                if command_name == "none" {
                    self.bindings.remove(&(context, key));
                    continue;
                }
                let Some(action) = command(command_name) else {
                    problems.push(format!(
                        "keys.{context_name}: \"{command_name}\" is not a command"
                    ));
                    continue;
                };
                self.bindings.insert(
                    (context, key),
                    Binding {
                        action,
                        configured: true,
                    },
                );
            }
        }
        problems.extend(self.conflicts());
        problems
    }

    /// A configured key that hides another command of a wider context (or is hidden by a narrower one).
    fn conflicts(&self) -> Vec<String> {
        let mut found = Vec::new();
        for ((context, key), b) in &self.bindings {
            if !matches!(context, Context::Global | Context::List) {
                continue;
            }
            for pane in [
                Context::Backlog,
                Context::Sprint,
                Context::Timeline,
                Context::Stakeholders,
            ] {
                if let Some(other) = self.bindings.get(&(pane, *key))
                    && other.action != b.action
                    && (other.configured || b.configured)
                {
                    found.push(format!(
                        "key conflict: {key} is {} in {} and {} in {}; the {} one wins there",
                        other.action.name().unwrap_or("?"),
                        pane.name(),
                        b.action.name().unwrap_or("?"),
                        context.name(),
                        pane.name(),
                    ));
                }
            }
        }
        found
    }

    /// The command bound to a key in a pane: the pane's own keys, then list keys, then global keys.
    pub fn lookup(&self, pane: Pane, key: Key) -> Option<&Action> {
        [Context::of(pane), Context::List, Context::Global]
            .into_iter()
            .find_map(|c| self.bindings.get(&(c, key)).map(|b| &b.action))
    }

    /// Every key bound to a command, in any context, as shown to users.
    pub fn keys_of(&self, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(_, b)| b.action == *action)
            .map(|((_, k), _)| k.to_string())
            .collect()
    }

    /// The help for a pane: for its own context, lists and global, each command with its keys.
    pub fn help(&self, pane: Pane) -> Vec<(Context, Vec<(String, &'static str)>)> {
        [Context::of(pane), Context::List, Context::Global]
            .into_iter()
            .map(|context| {
                let mut rows: Vec<(String, &'static str, usize)> = Vec::new();
                for ((c, key), b) in &self.bindings {
                    if *c != context || self.lookup(pane, *key) != Some(&b.action) {
                        continue; // hidden by a narrower binding
                    }
                    let order = COMMANDS
                        .iter()
                        .position(|cmd| cmd.action == b.action)
                        .unwrap_or(usize::MAX);
                    match rows.iter_mut().find(|r| r.2 == order) {
                        Some(r) => r.0 = format!("{} {key}", r.0),
                        None => rows.push((key.to_string(), b.action.about(), order)),
                    }
                }
                rows.sort_by_key(|r| r.2);
                let rows: Vec<(String, &'static str)> =
                    rows.into_iter().map(|(k, a, _)| (k, a)).collect();
                (context, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    }

    /// True when a key of the pane's own context runs the command.
    pub fn bound_in(&self, pane: Pane, action: &Action) -> bool {
        let context = Context::of(pane);
        self.bindings
            .iter()
            .any(|((c, _), b)| *c == context && b.action == *action)
    }

    /// The pane a command belongs to, when it is bound in a pane's own context.
    pub fn home(&self, action: &Action) -> Option<Pane> {
        self.bindings.iter().find_map(|((context, _), b)| {
            let pane = match context {
                Context::Backlog => Pane::Backlog,
                Context::Sprint => Pane::Sprint,
                Context::Timeline => Pane::Timeline,
                Context::Stakeholders => Pane::Stakeholders,
                Context::Global | Context::List => return None,
            };
            (b.action == *action).then_some(pane)
        })
    }

    /// The first key of a command in a pane, for the status bar's hints.
    pub fn hint(&self, pane: Pane, action: &Action) -> Option<String> {
        [Context::of(pane), Context::List, Context::Global]
            .into_iter()
            .find_map(|c| {
                self.bindings
                    .iter()
                    .find(|((bc, k), b)| {
                        *bc == c && b.action == *action && self.lookup(pane, *k) == Some(action)
                    })
                    .map(|((_, k), _)| k.to_string())
            })
    }
}

/// Keys that are not commands: a form, the filter line or the palette take text.
pub fn is_text_key(key: &Key) -> bool {
    !key.ctrl && matches!(key.code, KeyCodeOrd::Char(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_cover_the_design_keys() {
        let k = Keymap::defaults();
        let at = |pane, key: &str| k.lookup(pane, Key::parse(key).expect("key")).cloned();
        assert_eq!(at(Pane::Backlog, "J"), Some(Action::MoveDown));
        assert_eq!(at(Pane::Backlog, "j"), Some(Action::Down));
        assert_eq!(
            at(Pane::Sprint, "J"),
            None,
            "backlog keys stay in the backlog"
        );
        assert_eq!(at(Pane::Sprint, "ctrl-p"), Some(Action::Palette));
        assert_eq!(at(Pane::Timeline, ":"), Some(Action::Palette));
        assert_eq!(at(Pane::Backlog, "ctrl-r"), Some(Action::Redo));
        assert_eq!(
            k.keys_of(&Action::Palette),
            vec![":".to_string(), "Ctrl-p".to_string()]
        );
    }

    #[test]
    fn config_rebinds_unbinds_and_reports_conflicts() {
        let mut k = Keymap::defaults();
        let mut keys = BTreeMap::new();
        keys.insert(
            "backlog".to_string(),
            BTreeMap::from([
                ("x".to_string(), "delete_item".to_string()),
                ("d".to_string(), "none".to_string()),
                ("u".to_string(), "move_up".to_string()),
                ("z".to_string(), "fly".to_string()),
            ]),
        );
        keys.insert("nowhere".to_string(), BTreeMap::new());
        let problems = k.rebind(&keys);
        let at = |pane, key: &str| k.lookup(pane, Key::parse(key).expect("key")).cloned();
        assert_eq!(at(Pane::Backlog, "x"), Some(Action::DeleteItem));
        assert_eq!(at(Pane::Backlog, "d"), None);
        assert_eq!(at(Pane::Backlog, "u"), Some(Action::MoveUp));
        assert_eq!(at(Pane::Sprint, "u"), Some(Action::Undo));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("\"fly\" is not a command")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unknown context \"nowhere\"")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("key conflict: u is move_up in backlog and undo in global")),
            "{problems:?}"
        );
        let help = k.help(Pane::Backlog);
        let global = &help
            .iter()
            .find(|(c, _)| *c == Context::Global)
            .expect("global")
            .1;
        assert!(
            !global
                .iter()
                .any(|(_, about)| *about == Action::Undo.about()),
            "u is move_up in the backlog, so undo has no key there"
        );
        assert!(
            help.iter()
                .flat_map(|(_, r)| r)
                .any(|(keys, _)| keys == "x"),
            "help shows the configured key"
        );
    }
}
