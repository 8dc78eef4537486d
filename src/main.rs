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
    let code = match cli.command {
        Some(Command::List(args)) => {
            let loaded = commands::load(&args.paths)?;
            print_warnings(&loaded);
            let selected = commands::select::select(
                &loaded.digest,
                &gazette::query::NoFacts,
                &args.filter,
                args.unread,
            )?;
            commands::list::list(&loaded.digest, &selected, args.json, &mut out)?;
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
            let loaded = commands::load(&cli.paths)?;
            print_warnings(&loaded);
            writeln!(out, "{} articles", loaded.digest.articles.len())?;
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
