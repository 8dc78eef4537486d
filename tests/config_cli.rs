//! `gazette config`, `completions` and `man` as a user runs them; a temp config file, never
//! the real one.

mod common;

use common::cli::{self, stderr, stdout};
use std::path::Path;
use std::process::Output;

fn gazette(config: &Path, args: &[&str]) -> Output {
    gazette_with_config_home(config, empty_config_home(), args)
}

/// `config` checks companies.json in the config folder too: the tests name that folder,
/// so a user's own file never leaks in.
fn gazette_with_config_home(config: &Path, home: &Path, args: &[&str]) -> Output {
    let state = std::env::temp_dir().join("gazette-config-cli-state.json");
    cli::run(
        args,
        &[
            ("GAZETTE_CONFIG", config.as_os_str()),
            ("GAZETTE_STATE", state.as_os_str()),
            ("XDG_CONFIG_HOME", home.as_os_str()),
        ],
    )
}

fn empty_config_home() -> &'static Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap().keep())
}

#[test]
fn init_writes_a_config_that_checks_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gazette/config.toml");
    let o = gazette(&path, &["config", "--init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(&path.display().to_string()));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("# gazette's config file."));
    assert!(written.contains("# quit = [\"q\", \"Ctrl-c\"]"));

    let o = gazette(&path, &["config"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{}: ok\n", path.display()));

    std::fs::write(&path, "mouse = false\n").unwrap();
    let o = gazette(&path, &["config", "--init"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("{}: already exists", path.display())),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mouse = false\n");
}

#[test]
fn a_bad_config_exits_1_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "mouse = true\n\n[keys]\nquit = \"Ctrl-Foo\"\n").unwrap();
    let o = gazette(&path, &["config"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{}:4:8: keys.quit: unknown key `Ctrl-Foo`",
            path.display()
        )),
        "{err}"
    );
    // --config wins over $GAZETTE_CONFIG.
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "[keys]\nquit = \"Q\"\n").unwrap();
    let o = gazette(&path, &["config", "--config", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn config_checks_companies_json_too_and_reports_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let companies = dir.path().join("gazette/companies.json");
    std::fs::create_dir_all(companies.parent().unwrap()).unwrap();
    let run = || gazette_with_config_home(&config, dir.path(), &["config"]);

    std::fs::write(&companies, "{\"companies\": [\"Acme\",\n    5]}\n").unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), format!("{}: ok\n", config.display()));
    assert_eq!(
        stderr(&o),
        format!(
            "gazette: {}:2:5: invalid type: integer `5`, expected a company: \
             a name string or {{\"name\": ..., \"aliases\": [...]}}\n",
            companies.display()
        )
    );

    // One broken file does not hide the other.
    std::fs::write(&config, "mouse = 3\n").unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains(&format!("{}:1:9: mouse:", config.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:2:5:", companies.display())),
        "{err}"
    );

    std::fs::write(&config, "mouse = false\n").unwrap();
    std::fs::write(
        &companies,
        r#"{"companies": [{"name": "Initech", "alias": ["X"]}]}"#,
    )
    .unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown key `alias` in a company"),
        "{}",
        stderr(&o)
    );

    std::fs::write(
        &companies,
        r#"{"companies": [{"name": "Initech", "aliases": ["X"]}]}"#,
    )
    .unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("{}: ok\n{}: ok\n", config.display(), companies.display())
    );
}

#[test]
fn a_named_config_that_is_missing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let o = gazette(&path, &["config"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&path.display().to_string()));
}

#[test]
fn path_and_default() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let o = gazette(&path, &["config", "--path"]);
    assert_eq!(stdout(&o), format!("{}\n", path.display()));
    let o = gazette(&path, &["config", "--default"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("[keys]") && stdout(&o).contains("[theme]"));
    assert!(!path.exists());
    let o = gazette(&path, &["config", "--init", "--path"]);
    assert_eq!(o.status.code(), Some(2), "flags are exclusive");
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    for shell in ["bash", "zsh", "fish"] {
        let o = gazette(&path, &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in [
            "gazette",
            "list",
            "companies",
            "mark",
            "config",
            "color",
            "no-mouse",
        ] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let o = gazette(&path, &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page_names_the_subcommands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let o = gazette(&dir.path().join("c.toml"), &["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(
        page.starts_with(".ie"),
        "roff: {}",
        &page[..page.len().min(80)]
    );
    assert!(page.contains(".TH gazette"));
    for word in [
        "list",
        "companies",
        "check",
        "mark",
        "config",
        "completions",
        "NO_COLOR",
    ] {
        assert!(page.contains(word), "man page lacks {word}");
    }
    // The pages it lists.
    let o = gazette(&dir.path().join("c.toml"), &["man", "config"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH gazette-config"));
    for word in ["init", "default", "no\\-mouse"] {
        assert!(page.contains(word), "config page lacks {word}:\n{page}");
    }
    let o = gazette(&dir.path().join("c.toml"), &["man", "frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn color_flag_takes_only_its_three_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    for when in ["auto", "always", "never"] {
        let o = gazette(&path, &["--color", when, "list"]);
        assert_eq!(o.status.code(), Some(0), "{when}: {}", stderr(&o));
    }
    let o = gazette(&path, &["list", "--color", "sometimes"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn global_flags_work_before_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let env_path = dir.path().join("env.toml");
    let flag_path = dir.path().join("flag.toml");
    let o = gazette(
        &env_path,
        &[
            "--config",
            flag_path.to_str().unwrap(),
            "--no-mouse",
            "config",
            "--path",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{}\n", flag_path.display()));
}
