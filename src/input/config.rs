//! `<config dir>/config.ron`: theme, mouse, key bindings and who you are (`me: "Ana"`, for `@me`
//! and "my items"). A config that does not parse is reported
//! with line:column and the defaults are used; cairn still starts.

use crate::app::ThemeName;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub theme: ThemeName,
    pub mouse: bool,
    /// `{ "backlog": { "x": "delete_item" } }`; `"none"` unbinds.
    pub keys: BTreeMap<String, BTreeMap<String, String>>,
    /// Your name or handle on the team: what `@me`, `me:` and "my items" mean (empty: unset).
    pub me: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            mouse: true,
            keys: BTreeMap::new(),
            me: String::new(),
        }
    }
}

/// Where the config file lives: `$XDG_CONFIG_HOME/cairn/config.ron` on Linux.
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cairn").map(|d| d.config_dir().join("config.ron"))
}

/// Reads the config; a missing file gives the defaults silently, a bad one the defaults and a message.
pub fn load_config(path: &Path) -> (Config, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => {
            return (
                Config::default(),
                Some(format!(
                    "{}: cannot read: {e}; using defaults",
                    path.display()
                )),
            );
        }
    };
    match ron::from_str::<Config>(&text) {
        Ok(c) => (c, None),
        Err(e) => (
            Config::default(),
            Some(format!(
                "{}:{}:{}: {}; using the default config",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_bad_and_missing_configs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.ron");
        assert_eq!(load_config(&path), (Config::default(), None));
        std::fs::write(
            &path,
            "(theme: Light, mouse: false, keys: {\"backlog\": {\"x\": \"delete_item\"}})",
        )
        .expect("writes");
        let (c, msg) = load_config(&path);
        assert_eq!((c.theme, c.mouse, msg), (ThemeName::Light, false, None));
        assert_eq!(c.keys["backlog"]["x"], "delete_item");
        std::fs::write(&path, "(me: \"Ana\")").expect("writes");
        assert_eq!(load_config(&path).0.me, "Ana");
        std::fs::write(&path, "(\n  theme: Purple,\n)").expect("writes");
        let (c, msg) = load_config(&path);
        assert_eq!(c, Config::default());
        let msg = msg.expect("a message");
        assert!(
            msg.contains("config.ron:2:") && msg.contains("using the default config"),
            "{msg}"
        );
    }
}
