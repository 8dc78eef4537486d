//! Entry point: parse the command line, run the reader or a subcommand, report errors once.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use gazette::cli::{Cli, Command};
use gazette::commands;

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
            commands::list::list(&loaded.digest, args.json, &mut out)?;
            0
        }
        Some(Command::Check(args)) => {
            let loaded = commands::load(&args.paths)?;
            commands::check::check(&loaded, &mut out)?
        }
        Some(Command::Companies(_) | Command::Mark(_)) => {
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
            let mut app = gazette::tui::App::new(loaded.digest);
            if !loaded.warnings.is_empty() {
                app.message = Some(format!(
                    "{} problems in the input · `gazette check` lists them",
                    loaded.warnings.len()
                ));
            }
            gazette::tui::run(&mut app)?;
            0
        }
    };
    out.flush()?;
    Ok(code as u8)
}

fn print_warnings(loaded: &gazette::digest::Loaded) {
    for warning in &loaded.warnings {
        eprintln!("warning: {warning}");
    }
}
