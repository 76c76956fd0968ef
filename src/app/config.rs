//! `config.toml` in the platform config folder: theme, stale weeks, exports folder, key
//! bindings. Every
//! setting is optional; a bad one is refused with a line that names it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Action;
use super::keymap::{Key, Keymap};

/// How the app looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    /// A card is stale when nothing was updated for this many weeks.
    pub stale_weeks: u32,
    /// `NO_COLOR` is set: draw without colour (symbols and letters still say everything).
    pub no_color: bool,
    /// Where charts and exports go, when not the platform's (Documents may be a synced
    /// folder a trust does not want portfolios in).
    pub exports: Option<PathBuf>,
    /// The name the history records changes under.
    pub name: Option<String>,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            stale_weeks: 6,
            no_color: false,
            exports: None,
            name: None,
            keymap: Keymap::default(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<ThemeName>,
    stale_weeks: Option<u32>,
    exports: Option<PathBuf>,
    name: Option<String>,
    #[serde(default)]
    keys: BTreeMap<String, KeyList>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl Config {
    /// Reads the config text; `None` (no file) gives the defaults.
    pub fn parse(text: Option<&str>, no_color: bool) -> Result<Config, String> {
        let mut config = Config {
            no_color,
            ..Config::default()
        };
        let Some(text) = text else {
            return Ok(config);
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let message = e.message().to_string();
            match e.span() {
                Some(span) => {
                    let line = text[..span.start].lines().count().max(1);
                    format!("line {line}: {message}")
                }
                None => message,
            }
        })?;
        if let Some(theme) = file.theme {
            config.theme = theme;
        }
        if let Some(weeks) = file.stale_weeks {
            if !(1..=520).contains(&weeks) {
                return Err(format!("stale_weeks = {weeks}: use 1 to 520 (ten years)"));
            }
            config.stale_weeks = weeks;
        }
        config.exports = file.exports;
        config.name = file.name;
        for (name, keys) in file.keys {
            let action = Action::from_name(&name)
                .ok_or_else(|| format!("[keys] {name:?} is not an action (see the help, ?)"))?;
            let texts = match keys {
                KeyList::One(k) => vec![k],
                KeyList::Many(ks) => ks,
            };
            let keys = texts
                .iter()
                .map(|t| Key::parse(t).ok_or_else(|| format!("[keys] {name}: {t:?} is not a key")))
                .collect::<Result<Vec<_>, _>>()?;
            config.keymap.rebind(action, keys);
        }
        if let Some(clash) = config.keymap.clash() {
            return Err(format!("[keys]: {clash}"));
        }
        Ok(config)
    }

    /// The folder exports are written to: the configured one, else Documents/qiboard (or the
    /// portable folder's `exports`).
    pub fn export_dir(&self) -> Option<PathBuf> {
        self.exports.clone().or_else(crate::platform::export_dir)
    }

    /// Loads `config.toml` from `path` if it exists; `NO_COLOR` is honoured.
    pub fn load(path: Option<&Path>) -> Result<Config, String> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let text = match path {
            Some(path) if path.exists() => Some(
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
            ),
            _ => None,
        };
        Config::parse(text.as_deref(), no_color).map_err(|e| match path {
            Some(path) => format!("{}: {e}", path.display()),
            None => e,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Context;

    #[test]
    fn a_config_overrides_only_what_it_names() {
        let config = Config::parse(
            Some("theme = \"high-contrast\"\n[keys]\nmove_card_right = [\"L\", \"ctrl-right\"]\n"),
            false,
        )
        .unwrap();
        assert_eq!(config.theme, ThemeName::HighContrast);
        assert_eq!(config.stale_weeks, 6);
        assert_eq!(
            config.keymap.lookup(
                Context::Board,
                Key {
                    code: crossterm::event::KeyCode::Right,
                    modifiers: crossterm::event::KeyModifiers::CONTROL
                }
            ),
            Some(Action::MoveCardRight)
        );
    }

    #[test]
    fn bad_configs_are_refused_with_what_and_where() {
        for (text, says) in [
            ("theme = \"purple\"", "line 1"),
            ("stale_weeks = 0", "stale_weeks"),
            ("stale_weeks = 20000000", "1 to 520"),
            ("colour = 1", "colour"),
            ("[keys]\nfly = \"x\"", "\"fly\" is not an action"),
            ("[keys]\nquit = \"ctrl-\"", "is not a key"),
            ("[keys]\nmove_card_right = \"q\"", "q would both"),
        ] {
            let err = Config::parse(Some(text), false).unwrap_err();
            assert!(err.contains(says), "{text:?}: {err}");
        }
    }
}
