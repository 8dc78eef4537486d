//! The config file: `config.toml` in gazette's config dir (or `--config`/`$GAZETTE_CONFIG`),
//! with key bindings, the theme and reader options. TOML because it allows comments, so
//! `gazette config --init` can write a default that documents itself.

mod file;
pub mod keys;
pub mod template;
pub mod theme;

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::tui::keymap::Keymap;
use crate::tui::options::ReaderOptions;
use crate::tui::ui::ThemeName;
use file::{RawConfig, line_column};
pub use theme::{ColorChoice, StyleOverride, ThemeConfig, color_enabled};

/// The file name in gazette's config dir.
pub const FILE_NAME: &str = "config.toml";

/// Everything the config file sets, checked. `Config::default()` is what a user
/// without a config file gets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub options: ReaderOptions,
    pub keymap: Keymap,
    pub theme: ThemeConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not a `source`: the message names the OS error once, also where only `{e}` is shown.
    #[error("{}: {error}", .path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Anything wrong inside the file: syntax, an unknown key, a wrong type, a bad key
    /// spec, colour or query. `key` is the dotted key at that place, when there is one.
    #[error("{}:{}:{}: {}", .path.display(), .line, .column, keyed(.key, .message))]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        key: Option<String>,
        message: String,
    },
    #[error("{}: already exists; not overwritten", .path.display())]
    Exists { path: PathBuf },
    #[error("no config dir could be found; use --config FILE or $GAZETTE_CONFIG")]
    NoConfigDir,
}

impl ConfigError {
    /// The message with the file's name instead of its path, for the status bar.
    pub fn brief(&self) -> String {
        let name = |p: &Path| {
            p.file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
        };
        match self {
            ConfigError::Invalid {
                path,
                line,
                column,
                key,
                message,
            } => format!("{}:{line}:{column}: {}", name(path), keyed(key, message)),
            ConfigError::Io { path, error } => format!("{}: {error}", name(path)),
            other => other.to_string(),
        }
    }
}

fn keyed(key: &Option<String>, message: &str) -> String {
    match key {
        Some(k) => format!("{k}: {message}"),
        None => message.to_string(),
    }
}

/// `<config dir>/gazette/config.toml` (`~/.config/gazette/config.toml` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gazette").map(|d| d.config_dir().join(FILE_NAME))
}

/// The config file in use: the one named by `--config`/`$GAZETTE_CONFIG`, else the default.
pub fn locate(explicit: Option<PathBuf>) -> Result<PathBuf, ConfigError> {
    explicit
        .or_else(default_path)
        .ok_or(ConfigError::NoConfigDir)
}

impl Config {
    /// The config for this run: a file named explicitly must exist; the default file
    /// may be missing (then the defaults apply).
    pub fn load_or_default(explicit: Option<PathBuf>) -> Result<Config, ConfigError> {
        match explicit {
            Some(path) => Config::load(&path),
            None => match default_path() {
                Some(path) if path.exists() => Config::load(&path),
                _ => Ok(Config::default()),
            },
        }
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        Config::parse(&text, path)
    }

    /// Checks and applies `text` over the defaults; `path` is for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |span: Range<usize>, key: Option<String>, message: String| {
            let (line, column) = line_column(text, span.start);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                key,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let key = file::key_at(text, &span);
            invalid(span, key, e.message().trim().to_string())
        })?;
        let mut config = Config::default();

        let options = &mut config.options;
        if let Some(v) = raw.mark_read_on_open {
            options.mark_read_on_open = v;
        }
        if let Some(v) = raw.mark_read_at_end {
            options.mark_read_at_end = v;
        }
        if let Some(v) = raw.mouse {
            options.mouse = v;
        }
        if let Some(q) = raw.default_query {
            let text = q.get_ref().trim();
            if let Err(e) = crate::query::parse(text) {
                let key = Some("default_query".to_string());
                return Err(invalid(q.span(), key, format!("invalid query: {e}")));
            }
            options.default_query = (!text.is_empty()).then(|| text.to_string());
        }

        if let Some(name) = raw.keys.unknown.first() {
            let message = format!("unknown action `{}`", name.get_ref());
            return Err(invalid(name.span(), key_path("keys", name), message));
        }
        let mut bindings = raw.keys.bindings;
        bindings.sort_by_key(|(name, _)| name.span().start);
        let mut rebound = Vec::with_capacity(bindings.len());
        for (name, specs) in &bindings {
            let action = keys::bind(&mut config.keymap, name.get_ref(), &specs.get_ref().0)
                .map_err(|e| invalid(specs.span(), key_path("keys", name), e.to_string()))?;
            rebound.push(action);
        }
        if let Err((action, e)) = keys::check(&config.keymap, &rebound)
            && let Some((name, specs)) = rebound
                .iter()
                .rposition(|&a| a == action)
                .and_then(|i| bindings.get(i))
        {
            return Err(invalid(specs.span(), key_path("keys", name), e.to_string()));
        }

        let theme = raw.theme;
        if let Some(name) = theme.unknown.first() {
            let message = format!("unknown style `{}`", name.get_ref());
            return Err(invalid(name.span(), key_path("theme", name), message));
        }
        if let Some(name) = theme.name {
            config.theme.base = ThemeName::parse(name.get_ref()).ok_or_else(|| {
                let message = format!(
                    "unknown theme `{}` (dark, light or monochrome)",
                    name.get_ref()
                );
                invalid(name.span(), Some("theme.name".into()), message)
            })?;
        }
        let mut styles = theme.styles;
        styles.sort_by_key(|(name, _)| name.span().start);
        for (name, style) in styles {
            let Some(&(static_name, _)) = crate::tui::ui::Theme::STYLES
                .iter()
                .find(|(n, _)| n == name.get_ref())
            else {
                continue;
            };
            let at = |part: &str| Some(format!("theme.{static_name}.{part}"));
            let color = |c: &Option<Spanned<String>>, part: &str| {
                c.as_ref()
                    .map(|c| {
                        theme::parse_color(c.get_ref()).map_err(|m| invalid(c.span(), at(part), m))
                    })
                    .transpose()
            };
            let mut o = StyleOverride {
                fg: color(&style.fg, "fg")?,
                bg: color(&style.bg, "bg")?,
                modifiers: None,
            };
            if let Some(mods) = &style.modifiers {
                let mut all = ratatui::style::Modifier::empty();
                for m in mods {
                    all |= theme::parse_modifier(m.get_ref())
                        .map_err(|msg| invalid(m.span(), at("modifiers"), msg))?;
                }
                o.modifiers = Some(all);
            }
            config.theme.overrides.push((static_name, o));
        }
        Ok(config)
    }
}

fn key_path(table: &str, name: &Spanned<String>) -> Option<String> {
    Some(format!("{table}.{}", name.get_ref()))
}

/// Writes the commented default config to `path` (creating its folder); an existing
/// file is never overwritten.
pub fn init(path: &Path) -> Result<(), ConfigError> {
    let io = |error| ConfigError::Io {
        path: path.to_path_buf(),
        error,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            return Err(ConfigError::Exists {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(io(e)),
    };
    file.write_all(template::default_file().as_bytes())
        .map_err(io)
}
