//! Entry point: parse the command line, run the reader or a subcommand, report errors once.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use gazette::cli::{Cli, Command};
use gazette::commands;
use gazette::companies::{CompanyIndex, KnownCompanies};
use gazette::config::{Config, ConfigError, color_enabled};
use gazette::query::TextIndex;
use gazette::state::ReadState;
use gazette::tui::launch::Setup;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // A malformed query is a usage error, like clap's own.
            if let Some(q) = err.downcast_ref::<gazette::query::QueryError>() {
                eprintln!("gazette: invalid query: {q}");
                return ExitCode::from(2);
            }
            eprintln!("gazette: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let cache_dir = cli.index_cache_dir();
    let code = match cli.command {
        Some(Command::List(args)) => {
            let loaded = commands::load(&args.paths)?;
            print_warnings(&loaded);
            let query = commands::select::filter_query(&args.filter, args.unread)?;
            let format = args.format();
            // Read marks and companies only when the output or the filter needs them.
            let state = if format.needs_read_state() || query.uses_read_state() {
                open_state(cli.state)
            } else {
                ReadState::in_memory()
            };
            let index = if format.needs_companies() || query.uses_companies() {
                company_index(&loaded.digest, cache_dir.as_deref(), &args.paths)?
            } else {
                CompanyIndex::default()
            };
            for note in commands::select::unknown_companies(&query, &index) {
                eprintln!("gazette: {note}");
            }
            let facts = gazette::facts::Facts {
                digest: &loaded.digest,
                companies: &index,
                read: &state,
            };
            let selected = query.evaluate(&loaded.digest, &facts, &TextIndex::empty());
            commands::export::write(format, &loaded.digest, &selected, &index, &state, &mut out)?;
            exit_without_freeing(index, loaded);
            0
        }
        Some(Command::Check(args)) => {
            let loaded = commands::check::load(&args.paths)?;
            let code = commands::check::check(&loaded, &mut out)?;
            if loaded.digest.articles.is_empty() {
                // The error after the defects, which are often its cause.
                out.flush()?;
                return Err(gazette::digest::LoadError::no_articles(&args.paths).into());
            }
            code
        }
        Some(Command::Mark(args)) => {
            match commands::mark::run(
                &args,
                cli.state,
                cache_dir.as_deref(),
                &mut out,
                &mut io::stderr(),
            ) {
                Ok(_) => 0,
                Err(err) if err.is_usage() => {
                    eprintln!("gazette: {err}");
                    2
                }
                Err(err) => return Err(err.into()),
            }
        }
        Some(Command::Config(args)) => {
            commands::config::run(&args, cli.config, &mut out, &mut io::stderr())?
        }
        Some(Command::Completions(args)) => {
            commands::generate::completions(args.shell, &mut out)?;
            0
        }
        Some(Command::Man(args)) => {
            match commands::generate::man(args.subcommand.as_deref(), &mut out) {
                Some(written) => {
                    written?;
                    0
                }
                None => {
                    eprintln!(
                        "gazette: no subcommand `{}`; `gazette man` lists them",
                        args.subcommand.unwrap_or_default()
                    );
                    2
                }
            }
        }
        Some(Command::Companies(args)) => {
            let loaded = commands::load(&args.paths)?;
            print_warnings(&loaded);
            let index = company_index(&loaded.digest, cache_dir.as_deref(), &args.paths)?;
            commands::companies::companies(&index, args.json, &mut out)?;
            exit_without_freeing(index, loaded);
            0
        }
        None => {
            if !gazette::tui::terminal::is_interactive() {
                eprintln!(
                    "gazette: the reader needs a terminal (stdin and stdout); \
                     for scripts use `gazette list` (see `gazette --help`)"
                );
                return Ok(2);
            }
            // A broken companies.json must not keep the reader shut: bundled list, and say so.
            let (known, note) = match KnownCompanies::load_default() {
                Ok(known) => (known, None),
                Err(e) => (
                    KnownCompanies::bundled(),
                    Some(format!("companies.json ignored: {e}")),
                ),
            };
            // A bad config must not keep the reader shut either: defaults, and say so.
            let (setup, config_error) = reader_setup(&cli, cache_dir);
            // The status bar is narrow: the error first, with the file's name only.
            let config_note = config_error
                .as_ref()
                .map(|e| format!("{} · config ignored, defaults in use", e.brief()));
            let note = match (config_note, note) {
                (Some(c), Some(k)) => Some(format!("{c} · {k}")),
                (c, k) => c.or(k),
            };
            let outcome = gazette::tui::launch(cli.paths, cli.state, known, note, setup)?;
            if let Some(e) = config_error {
                eprintln!("gazette: config ignored, defaults in use: {e}");
            }
            if outcome.unsaved_marks {
                eprintln!("gazette: your last read marks could not be saved");
            }
            if outcome.warnings > 0 {
                eprintln!(
                    "gazette: {} problems in the input; `gazette check` lists them",
                    outcome.warnings
                );
            }
            0
        }
    };
    out.flush()?;
    Ok(code as u8)
}

/// The reader's set-up from the config file and the flags, and what was wrong with the
/// config if it had to be ignored.
fn reader_setup(cli: &Cli, cache_dir: Option<std::path::PathBuf>) -> (Setup, Option<ConfigError>) {
    let (config, note) = match Config::load_or_default(cli.config.clone()) {
        Ok(config) => (config, None),
        Err(e) => (Config::default(), Some(e)),
    };
    let no_color = std::env::var_os("NO_COLOR");
    let color = color_enabled(cli.color, no_color.as_deref(), io::stdout().is_terminal());
    let mut options = config.options;
    if cli.no_mouse {
        options.mouse = false;
    }
    let setup = Setup {
        options,
        keymap: config.keymap,
        theme: config.theme.resolve(color),
        color,
        cache_dir,
    };
    (setup, note)
}

/// The read state for `--state`/`$GAZETTE_STATE` or the default file; problems are warnings.
fn open_state(path: Option<std::path::PathBuf>) -> ReadState {
    let (state, warnings) = ReadState::open_or_default(path);
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    state
}

/// The company index of a digest, with the user's companies.json merged over the bundled list.
/// Articles already tagged in an earlier run come from the cache (unless --no-cache).
fn company_index(
    digest: &gazette::digest::Digest,
    cache_dir: Option<&std::path::Path>,
    paths: &[std::path::PathBuf],
) -> anyhow::Result<CompanyIndex> {
    let known = KnownCompanies::load_default().context("reading companies.json")?;
    let (index, report) = CompanyIndex::build_for_paths(digest, &known, cache_dir, paths);
    if let Some(e) = report.error {
        eprintln!("warning: company-index cache not saved: {e}");
    }
    Ok(index)
}

/// Leaves the index and the digest to the end of the process: freeing a big digest's
/// hundreds of thousands of names one by one cost ~5% of `companies --json` at 150k
/// articles, and the operating system takes the memory back at once anyway.
fn exit_without_freeing(index: CompanyIndex, loaded: gazette::digest::Loaded) {
    std::mem::forget(index);
    std::mem::forget(loaded);
}

fn print_warnings(loaded: &gazette::digest::Loaded) {
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
}
