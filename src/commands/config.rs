//! `gazette config`: check the config file, write the commented default, say where it lives.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::ConfigArgs;
use crate::config::{self, Config, ConfigError};

#[derive(Debug, thiserror::Error)]
pub enum ConfigCommandError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Runs `gazette config` with the `--config`/`$GAZETTE_CONFIG` path, if any.
pub fn run(
    args: &ConfigArgs,
    explicit: Option<PathBuf>,
    out: &mut impl Write,
) -> Result<(), ConfigCommandError> {
    if args.default {
        out.write_all(config::template::default_file().as_bytes())?;
        return Ok(());
    }
    let named = explicit.is_some();
    let path = config::locate(explicit)?;
    if args.path {
        writeln!(out, "{}", path.display())?;
    } else if args.init {
        config::init(&path)?;
        writeln!(
            out,
            "Wrote {} (every setting commented out at its default)",
            path.display()
        )?;
    } else if !named && !path.exists() {
        writeln!(
            out,
            "No config file at {}: the defaults are in use (`gazette config --init` writes one)",
            path.display()
        )?;
    } else {
        Config::load(&path)?;
        writeln!(out, "{}: ok", path.display())?;
    }
    Ok(())
}
