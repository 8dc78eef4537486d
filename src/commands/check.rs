//! `gazette check`: every loader warning, and an exit code that says whether there were any.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::digest::{LoadError, Loaded, load_sample};

/// The digests at `paths` (the bundled sample when none), kept even when they hold not a
/// single article: their defects are often why, and `check` must report them.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    if paths.is_empty() {
        Ok(load_sample())
    } else {
        crate::digest::load::load_paths_even_empty(paths, |_| false)
    }
}

/// Prints every warning; exit code 1 when there were any.
pub fn check(loaded: &Loaded, out: &mut impl Write) -> io::Result<i32> {
    for warning in &loaded.warnings {
        writeln!(out, "{warning}")?;
    }
    Ok(if loaded.warnings.is_empty() { 0 } else { 1 })
}
