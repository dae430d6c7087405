//! The keymap as data: (context, key) → command, filled from the command table's defaults. The help
//! overlay, the palette and every message that names a key read it, and a config file can rebind any
//! key in any context, overlays included.

use super::command::{Action, COMMANDS, Context, Pane};
use super::keys::{Key, KeyCodeOrd};
use std::collections::BTreeMap;

fn command(name: &str) -> Option<Action> {
    Action::named(name)
}

#[derive(Clone, Debug)]
struct Binding {
    action: Action,
    /// Set by the config file (conflicts are only reported for those).
    configured: bool,
    /// Where the key stands among a command's keys for hints: the config's first, then the
    /// defaults in the order the command table declares them.
    rank: usize,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: BTreeMap<(Context, Key), Binding>,
    /// By command (its place in `COMMANDS`): its keys with their contexts, best first. Hints and
    /// messages read this on every frame, so it is built once per change of the bindings.
    by_command: Vec<Vec<(usize, Context, Key)>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults()
    }
}

impl Keymap {
    pub fn defaults() -> Keymap {
        let mut bindings = BTreeMap::new();
        let mut rank = 1;
        for c in COMMANDS {
            for (context, keys) in c.defaults {
                for k in keys.split_whitespace().filter_map(Key::parse) {
                    rank += 1;
                    bindings.insert(
                        (*context, k),
                        Binding {
                            action: c.action.clone(),
                            configured: false,
                            rank,
                        },
                    );
                }
            }
        }
        let mut keymap = Keymap {
            bindings,
            by_command: Vec::new(),
        };
        keymap.reindex();
        keymap
    }

    /// Applies `{ context: { key: command } }` from a config file. `"none"` unbinds a key. Returns a
    /// message for each entry that could not be used and each conflict it creates.
    pub fn rebind(&mut self, keys: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<String> {
        let mut problems = Vec::new();
        for (context_name, entries) in keys {
            let Some(context) = Context::parse(context_name) else {
                let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                problems.push(format!(
                    "keys: unknown context \"{context_name}\" ({})",
                    names.join(", ")
                ));
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
                        rank: 0,
                    },
                );
            }
        }
        self.reindex();
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

    fn reindex(&mut self) {
        let mut by_command = vec![Vec::new(); COMMANDS.len()];
        for ((context, key), b) in &self.bindings {
            if let Some(n) = b.action.index() {
                by_command[n].push((b.rank, *context, *key));
            }
        }
        for keys in &mut by_command {
            keys.sort();
        }
        self.by_command = by_command;
    }

    /// A command's keys with their contexts, best first.
    fn keys_for(&self, action: &Action) -> &[(usize, Context, Key)] {
        action
            .index()
            .and_then(|n| self.by_command.get(n))
            .map_or(&[], Vec::as_slice)
    }

    /// The command bound to a key in a pane: the pane's own keys, then list keys, then global keys.
    pub fn lookup(&self, pane: Pane, key: Key) -> Option<&Action> {
        self.lookup_in(&Keymap::chain(pane), key)
    }

    /// The command bound to a key in the first of these contexts that binds it.
    pub fn lookup_in(&self, contexts: &[Context], key: Key) -> Option<&Action> {
        contexts
            .iter()
            .find_map(|c| self.bindings.get(&(*c, key)).map(|b| &b.action))
    }

    /// The contexts a pane's keys are looked up in, narrowest first.
    pub fn chain(pane: Pane) -> [Context; 3] {
        [Context::of(pane), Context::List, Context::Global]
    }

    /// Every key bound to a command in the panes, lists and global contexts (not inside overlays),
    /// as shown to users, in the order they were declared.
    pub fn keys_of(&self, action: &Action) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for (_, c, k) in self.keys_for(action) {
            let k = k.to_string();
            if c.from_palette() && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    /// The help for a pane: its own context, lists, global, then the overlays' keys; each command
    /// with its keys, in the command table's order (keys in the order they were bound).
    pub fn help(&self, pane: Pane) -> Vec<(Context, Vec<(String, &'static str)>)> {
        let chain = Keymap::chain(pane);
        let overlays = Context::OVERLAYS
            .into_iter()
            .filter(|c| c.pane().is_none_or(|p| p == pane));
        chain
            .into_iter()
            .chain(overlays)
            .map(|context| {
                let rows: Vec<(String, &'static str)> = COMMANDS
                    .iter()
                    .zip(&self.by_command)
                    .filter_map(|(c, keys)| {
                        let keys: Vec<String> = keys
                            .iter()
                            .filter(|(_, kc, k)| {
                                // A key hidden by a narrower context's binding is not shown.
                                *kc == context
                                    && (!chain.contains(kc)
                                        || self.lookup(pane, *k) == Some(&c.action))
                            })
                            .map(|(_, _, k)| k.to_string())
                            .collect();
                        (!keys.is_empty()).then(|| (keys.join(" "), c.about))
                    })
                    .collect();
                (context, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    }

    /// The first key of a command in a pane, for the status bar's hints (one a narrower context
    /// hides does not count).
    pub fn hint_in(&self, pane: Pane, action: &Action) -> Option<String> {
        let chain = Keymap::chain(pane);
        chain.into_iter().find_map(|context| {
            self.keys_for(action)
                .iter()
                .find(|(_, c, k)| *c == context && self.lookup(pane, *k) == Some(action))
                .map(|(_, _, k)| k.to_string())
        })
    }

    /// The first key of a command in one context (an overlay's hints name its own keys).
    pub fn key_in(&self, context: Context, action: &Action) -> Option<String> {
        self.keys_for(action)
            .iter()
            .find(|(_, c, _)| *c == context)
            .map(|(_, _, k)| k.to_string())
    }

    /// Every key of a command in one context.
    pub fn keys_in(&self, context: Context, action: &Action) -> Vec<String> {
        self.keys_for(action)
            .iter()
            .filter(|(_, c, _)| *c == context)
            .map(|(_, _, k)| k.to_string())
            .collect()
    }

    /// How to run a command, for messages: its first key in the contexts where it works (so a rebound
    /// key is named), else its first key anywhere, or `:name` in the palette when no key is bound.
    pub fn hint(&self, action: &Action) -> String {
        let keys = self.keys_for(action);
        let scope = action.index().map(|n| COMMANDS[n].defaults).unwrap_or(&[]);
        keys.iter()
            .find(|(_, c, _)| scope.iter().any(|(s, _)| s == c))
            .or_else(|| keys.first())
            .map(|(_, _, k)| k.to_string())
            .unwrap_or_else(|| format!(":{}", action.name().unwrap_or("?")))
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
