//! The command line, declared once with clap (also the source of help and completions).

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};

use crate::config::ColorChoice;

#[derive(Debug, Parser)]
#[command(
    name = "gazette",
    version,
    about = "A terminal reader for news digests",
    // No args_conflicts_with_subcommands: it made global flags before a subcommand
    // (`gazette --config F config`, `gazette --state F list`) a usage error.
    after_help = "Environment: GAZETTE_STATE and GAZETTE_CONFIG name the read-state and config files, GAZETTE_CACHE_DIR the company-index cache's folder; NO_COLOR (non-empty) turns colour off unless --color always."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Digest files or folders to open in the reader (default: the bundled sample)
    pub paths: Vec<PathBuf>,

    /// Read-state file (default: $GAZETTE_STATE, else gazette's data dir)
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "GAZETTE_STATE",
        hide_env_values = true
    )]
    pub state: Option<PathBuf>,

    /// Config file (default: $GAZETTE_CONFIG, else config.toml in gazette's config dir)
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "GAZETTE_CONFIG",
        hide_env_values = true
    )]
    pub config: Option<PathBuf>,

    /// When to use colour
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// No mouse capture in the reader (the terminal's own text selection keeps working)
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Folder of the company-index cache (default: $GAZETTE_CACHE_DIR, else gazette's cache dir)
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "GAZETTE_CACHE_DIR",
        hide_env_values = true
    )]
    pub cache_dir: Option<PathBuf>,

    /// Tag every article afresh: neither read nor write the company-index cache
    #[arg(long, global = true)]
    pub no_cache: bool,
}

impl Cli {
    /// Where the company-index cache lives, or `None` with --no-cache.
    pub fn index_cache_dir(&self) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        self.cache_dir
            .clone()
            .or_else(crate::companies::IndexCache::default_dir)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, one line each, or as Markdown, CSV or JSON
    List(ListArgs),
    /// List the companies the articles mention, with article counts
    Companies(CompaniesArgs),
    /// Report every defect in the digests as file:line: message; exit 1 if any
    Check(PathsArg),
    /// Mark articles read or unread, by id and/or by filter
    Mark(MarkArgs),
    /// Check the config file and companies.json, or write the commented default (--init) or show where it lives
    Config(ConfigArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff: `gazette man | man -l -`), or a subcommand's
    Man(ManArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").args(["init", "path", "default"])))]
pub struct ConfigArgs {
    /// Write the commented default config (never over an existing file)
    #[arg(long)]
    pub init: bool,
    /// Print where the config file lives
    #[arg(long)]
    pub path: bool,
    /// Print the commented default config
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (the main page lists them)
    pub subcommand: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct PathsArg {
    /// Digest files or folders (default: the bundled sample)
    pub paths: Vec<PathBuf>,
}

/// Filters shared by `list` and `mark`; they mean the same as the query terms.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// A filter query (see the README); may start with `-`
    #[arg(long, short, value_name = "Q", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Only articles mentioning this company (repeatable: all must match)
    #[arg(long, value_name = "NAME")]
    pub company: Vec<String>,
    /// Only articles of this day, month or year (2019-06-24, 2019-06, 2019)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Digest files or folders (default: the bundled sample)
    pub paths: Vec<PathBuf>,
    /// Print a JSON array of articles (the same as `--format json`)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<crate::commands::export::Format>,
    /// Only unread articles
    #[arg(long)]
    pub unread: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

impl ListArgs {
    /// `--format`, with `--json` as its old spelling; text by default.
    pub fn format(&self) -> crate::commands::export::Format {
        use crate::commands::export::Format;
        if self.json {
            Format::Json
        } else {
            self.format.unwrap_or_default()
        }
    }
}

#[derive(Debug, Args)]
pub struct CompaniesArgs {
    /// Digest files or folders (default: the bundled sample)
    pub paths: Vec<PathBuf>,
    /// Print a JSON array of {name, count}
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("mode").required(true).args(["read", "unread"])))]
pub struct MarkArgs {
    /// Digest files or folders (default: the bundled sample)
    pub paths: Vec<PathBuf>,
    /// Mark the chosen articles read
    #[arg(long)]
    pub read: bool,
    /// Mark the chosen articles unread
    #[arg(long)]
    pub unread: bool,
    /// An article id (as `list --json` prints it); repeatable
    #[arg(long, value_name = "ID")]
    pub id: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
}
