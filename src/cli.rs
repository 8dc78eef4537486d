//! The command line, declared once with clap (also the source of help and completions).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "gazette",
    version,
    about = "A terminal reader for news digests",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Digest files or folders to open in the reader (default: the bundled sample)
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, one line each (or JSON)
    List(ListArgs),
    /// Report every defect in the digests as file:line: message; exit 1 if any
    Check(PathsArg),
}

#[derive(Debug, Args)]
pub struct PathsArg {
    /// Digest files or folders (default: the bundled sample)
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Digest files or folders (default: the bundled sample)
    pub paths: Vec<PathBuf>,
    /// Print a JSON array of articles
    #[arg(long)]
    pub json: bool,
}
