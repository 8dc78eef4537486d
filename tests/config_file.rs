//! The config file: what each setting does, and every kind of error naming file, line and key.

use std::path::Path;

use gazette::config::{Config, ConfigError, StyleOverride, template};
use gazette::tui::action::Action;
use gazette::tui::keymap::Keymap;
use gazette::tui::ui::{Theme, ThemeName};
use ratatui::style::{Color, Modifier};

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("/home/u/.config/gazette/config.toml"))
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse("").unwrap(), Config::default());
    assert_eq!(parse("# only a comment\n\n").unwrap(), Config::default());
}

#[test]
fn the_default_file_parses_to_the_defaults_commented_or_not() {
    let text = template::default_file();
    assert_eq!(parse(&text).unwrap(), Config::default());
    // Uncomment every setting line: the values it documents are the real defaults
    // (except default_query, whose example is a suggestion).
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.contains(" = ")
                    && rest.starts_with(|c: char| c.is_ascii_lowercase())
                    && !rest.starts_with("default_query") =>
            {
                rest.to_string()
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(uncommented.contains("\nquit = [\"q\", \"Ctrl-c\"]"));
    assert!(uncommented.contains("\nborder = { fg = \"darkgray\" }"));
    assert!(uncommented.contains("\nname = \"dark\""));
    let config = parse(&uncommented).unwrap();
    assert_eq!(config.options, Config::default().options);
    assert_eq!(config.keymap, Keymap::default());
    assert_eq!(config.theme.resolve(true), Theme::dark());
    assert_eq!(config.theme.overrides.len(), Theme::STYLES.len());
}

#[test]
fn every_setting_takes_effect() {
    let config = parse(
        r##"
default_query = " is:unread "
mark_read_on_open = false
mark_read_at_end = true
mouse = false

[keys]
move_down = ["Ctrl-n", "Down"]
move_up = "Ctrl-p"
quit = []

[theme]
name = "light"
chip = { fg = "#ff8800", modifiers = ["bold", "underlined"] }

[theme.border]
bg = "208"
"##,
    )
    .unwrap();
    let o = &config.options;
    assert_eq!(o.default_query.as_deref(), Some("is:unread"));
    assert!(!o.mark_read_on_open && o.mark_read_at_end && !o.mouse);
    assert_eq!(config.keymap.label(Action::MoveDown), "Ctrl-n ↓");
    assert_eq!(config.keymap.label(Action::MoveUp), "Ctrl-p");
    assert_eq!(config.keymap.label(Action::Quit), "(unbound)");
    // Others keep their defaults.
    assert_eq!(config.keymap.label(Action::Top), "g Home");
    assert_eq!(config.theme.base, ThemeName::Light);
    assert_eq!(
        config.theme.overrides,
        [
            (
                "chip",
                StyleOverride {
                    fg: Some(Color::Rgb(255, 136, 0)),
                    bg: None,
                    modifiers: Some(Modifier::BOLD | Modifier::UNDERLINED),
                }
            ),
            (
                "border",
                StyleOverride {
                    fg: None,
                    bg: Some(Color::Indexed(208)),
                    modifiers: None,
                }
            )
        ]
    );
    let theme = config.theme.resolve(true);
    assert_eq!(theme.chip.bg, Theme::light().chip.bg);
    assert_eq!(theme.border.fg, Theme::light().border.fg);
    assert_eq!(parse("default_query = \"\"").unwrap(), Config::default());
}

/// Every kind of error: the text, then what the message must start with (file:line:column:
/// key) and a part of the reason.
#[test]
fn every_error_names_file_line_and_key() {
    let table: &[(&str, &str, &str)] = &[
        // TOML syntax.
        ("mouse = tru\n", "config.toml:1:9: mouse: ", "invalid"),
        (
            "[keys]\nquit = [\"q\"\n",
            "config.toml:2:12: keys.quit: ",
            "unclosed array",
        ),
        ("[keys\n", "config.toml:1:6: ", "unclosed table"),
        // Unknown keys, at every level.
        (
            "colour = 1\n",
            "config.toml:1:1: colour: ",
            "unknown field `colour`",
        ),
        (
            "[keys]\nquit = \"q\"\nfly = \"f\"\n",
            "config.toml:3:1: keys.fly: ",
            "unknown action `fly`",
        ),
        (
            "\n[theme]\nbordr = { fg = \"red\" }\n",
            "config.toml:3:1: theme.bordr: ",
            "unknown style `bordr`",
        ),
        (
            "[theme]\nchip = { fg = \"red\", blink = true }\n",
            "config.toml:2:22: theme.chip: ",
            "unknown field `blink`",
        ),
        (
            "[colours]\n",
            "config.toml:1:2: colours: ",
            "unknown field `colours`",
        ),
        // Wrong types.
        (
            "mark_read_on_open = \"yes\"\n",
            "config.toml:1:21: mark_read_on_open: ",
            "invalid type: string",
        ),
        (
            "[keys]\nquit = 7\n",
            "config.toml:2:8: keys.quit: ",
            "expected a key like",
        ),
        (
            "[keys]\nquit = [\"q\", 7]\n",
            "config.toml:2:14: keys.quit: ",
            "invalid type: integer",
        ),
        (
            "[theme]\nchip = \"red\"\n",
            "config.toml:2:8: theme.chip: ",
            "invalid type: string \"red\", expected a style like {",
        ),
        (
            "keys = 3\n",
            "config.toml:1:8: keys: ",
            "invalid type: integer",
        ),
        // Key specs.
        (
            "[keys]\nquit = [\"q\", \"Hyper-q\"]\n",
            "config.toml:2:8: keys.quit: ",
            "unknown key `Hyper-q`",
        ),
        (
            "[keys]\n\nquit = \"Shift-Up\"\n",
            "config.toml:3:8: keys.quit: ",
            "Shift- goes only with letters",
        ),
        (
            "[keys]\nmove_down = \"Ctrl-c\"\n",
            "config.toml:2:13: keys.move_down: ",
            "`Ctrl-c` always quits",
        ),
        // A key bound twice in one context: against a default, and between two lines.
        (
            "[keys]\nquit = \"j\"\n",
            "config.toml:2:8: keys.quit: ",
            "`j` is also bound to move_down",
        ),
        (
            "[keys]\ntop = \"x\"\nbottom = [\"End\", \"x\"]\n",
            "config.toml:3:10: keys.bottom: ",
            "`x` is also bound to top",
        ),
        // Theme names, colours and modifiers.
        (
            "[theme]\nname = \"solarized\"\n",
            "config.toml:2:8: theme.name: ",
            "unknown theme `solarized`",
        ),
        (
            "[theme]\nname = \"light\"\nchip = { bg = \"bleu\" }\n",
            "config.toml:3:15: theme.chip.bg: ",
            "unknown colour `bleu`",
        ),
        (
            "[theme.chip]\nfg = \"#12345\"\n",
            "config.toml:2:6: theme.chip.fg: ",
            "unknown colour `#12345`",
        ),
        (
            "[theme]\nunread = { modifiers = [\"bold\", \"blinking\"] }\n",
            "config.toml:2:33: theme.unread.modifiers: ",
            "unknown modifier `blinking`",
        ),
        // The default query.
        (
            "mouse = true\ndefault_query = \"date:2019-13\"\n",
            "config.toml:2:17: default_query: ",
            "invalid query: column 6",
        ),
    ];
    for (text, prefix, reason) in table {
        let err = parse(text).expect_err(text).to_string();
        let err = err.strip_prefix("/home/u/.config/gazette/").unwrap_or(&err);
        assert!(
            err.starts_with(prefix) && err.contains(reason),
            "for {text:?}\n got: {err}\nwant: {prefix}…{reason}…"
        );
    }
}

#[test]
fn load_names_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}: ", path.display())), "{err}");
    // A file named explicitly must exist; the default one may be missing.
    assert!(Config::load_or_default(Some(path)).is_err());
}

#[test]
fn init_writes_a_file_that_parses_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/config.toml");
    gazette::config::init(&path).unwrap();
    assert_eq!(Config::load(&path).unwrap(), Config::default());
    std::fs::write(&path, "mouse = false\n").unwrap();
    let err = gazette::config::init(&path).unwrap_err();
    assert!(matches!(err, ConfigError::Exists { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mouse = false\n");
}

#[test]
fn the_readme_example_config_is_valid() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```toml\n")
        .expect("a toml block in the README")
        + 8;
    let len = readme[start..].find("```").unwrap();
    let config = parse(&readme[start..start + len]).unwrap();
    assert_eq!(config.theme.base, ThemeName::Light);
    assert_eq!(config.keymap.label(Action::Quit), "Q");
}
