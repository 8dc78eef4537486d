//! `gazette config`: check the config file and companies.json, write the commented
//! default, say where it lives.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::ConfigArgs;
use crate::companies::KnownCompanies;
use crate::config::{self, Config, ConfigError};

#[derive(Debug, thiserror::Error)]
pub enum ConfigCommandError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Runs `gazette config` with the `--config`/`$GAZETTE_CONFIG` path, if any; the exit code.
///
/// The check reads both files the user edits, config.toml and companies.json, and
/// reports each one's problem (`gazette: file:line:column: …`) on `err`, so that one
/// broken file does not hide the other; 1 when there was any. A missing companies.json
/// is fine (it is optional) and goes unmentioned.
pub fn run(
    args: &ConfigArgs,
    explicit: Option<PathBuf>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<i32, ConfigCommandError> {
    if args.default {
        out.write_all(config::template::default_file().as_bytes())?;
        return Ok(0);
    }
    let named = explicit.is_some();
    let path = config::locate(explicit)?;
    if args.path {
        writeln!(out, "{}", path.display())?;
        return Ok(0);
    }
    if args.init {
        config::init(&path)?;
        writeln!(
            out,
            "Wrote {} (every setting commented out at its default)",
            path.display()
        )?;
        return Ok(0);
    }
    let mut code = 0;
    if !named && !path.exists() {
        writeln!(
            out,
            "No config file at {}: the defaults are in use (`gazette config --init` writes one)",
            path.display()
        )?;
    } else {
        match Config::load(&path) {
            Ok(_) => writeln!(out, "{}: ok", path.display())?,
            Err(e) => {
                writeln!(err, "gazette: {e}")?;
                code = 1;
            }
        }
    }
    if let Some(companies) = KnownCompanies::user_file_path().filter(|p| p.exists()) {
        match KnownCompanies::bundled().with_user_file(&companies) {
            Ok(_) => writeln!(out, "{}: ok", companies.display())?,
            Err(e) => {
                writeln!(err, "gazette: {e}")?;
                code = 1;
            }
        }
    }
    Ok(code)
}
