//! `gazette check`: every loader warning, and an exit code that says whether there were any.

use std::io::{self, Write};

use crate::digest::Loaded;

/// Prints every warning; exit code 1 when there were any.
pub fn check(loaded: &Loaded, out: &mut impl Write) -> io::Result<i32> {
    for warning in &loaded.warnings {
        writeln!(out, "{warning}")?;
    }
    Ok(if loaded.warnings.is_empty() { 0 } else { 1 })
}
