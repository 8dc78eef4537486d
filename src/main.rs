//! Entry point: parse the command line, run the reader or a subcommand, report errors once.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use gazette::cli::{Cli, Command};
use gazette::commands;
use gazette::state::ReadState;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
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
    let code = match cli.command {
        Some(Command::List(args)) => {
            let loaded = commands::load(&args.paths)?;
            print_warnings(&loaded);
            // Plain `list` shows no read marks: no need to touch the state file.
            let state = if args.json || args.unread {
                open_state(cli.state)
            } else {
                ReadState::in_memory()
            };
            commands::list::list(&loaded.digest, &state, args.json, args.unread, &mut out)?;
            0
        }
        Some(Command::Check(args)) => {
            let loaded = commands::load(&args.paths)?;
            commands::check::check(&loaded, &mut out)?
        }
        Some(Command::Mark(args)) => {
            match commands::mark::run(&args, cli.state, &mut out, &mut io::stderr()) {
                Ok(_) => 0,
                Err(err) if err.is_usage() => {
                    eprintln!("gazette: {err}");
                    2
                }
                Err(err) => return Err(err.into()),
            }
        }
        Some(Command::Companies(_)) => {
            anyhow::bail!("this subcommand is not built yet")
        }
        None => {
            if !gazette::tui::terminal::is_interactive() {
                eprintln!(
                    "gazette: the reader needs a terminal (stdin and stdout); \
                     for scripts use `gazette list` (see `gazette --help`)"
                );
                return Ok(2);
            }
            let loaded = commands::load(&cli.paths)?;
            let (state, state_warnings) = ReadState::open_or_default(cli.state);
            let mut app = gazette::tui::App::with_state(loaded.digest, state);
            if let Some(w) = state_warnings.last() {
                app.message = Some(w.clone());
            }
            if !loaded.warnings.is_empty() {
                app.message = Some(format!(
                    "{} problems in the input · `gazette check` lists them",
                    loaded.warnings.len()
                ));
            }
            let outcome = gazette::tui::run(&mut app);
            app.save_now();
            if app.read.has_pending() {
                eprintln!("gazette: your last read marks could not be saved");
            }
            outcome?;
            0
        }
    };
    out.flush()?;
    Ok(code as u8)
}

/// The read state for `--state`/`$GAZETTE_STATE` or the default file; problems are warnings.
fn open_state(path: Option<std::path::PathBuf>) -> ReadState {
    let (state, warnings) = ReadState::open_or_default(path);
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    state
}

fn print_warnings(loaded: &gazette::digest::Loaded) {
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
}
