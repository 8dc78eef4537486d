//! `gazette companies`: every company the articles mention, with its article count.

use std::io::{self, Write};

use super::CompanyCount;
use crate::companies::CompanyIndex;

/// Prints the index, count descending: a JSON array of {name, count}, or aligned lines.
pub fn companies(index: &CompanyIndex, json: bool, out: &mut impl Write) -> io::Result<()> {
    let rows = index.by_count();
    if json {
        out.write_all(b"[")?;
        for (i, (id, count)) in rows.iter().enumerate() {
            out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            let row = CompanyCount {
                name: index.name(*id),
                count: *count,
            };
            serde_json::to_writer(&mut *out, &row)?;
        }
        out.write_all(if rows.is_empty() { b"]\n" } else { b"\n]\n" })?;
    } else {
        let width = rows.first().map_or(1, |(_, n)| n.to_string().len());
        for (id, count) in &rows {
            writeln!(out, "  {count:>width$}  {}", index.name(*id))?;
        }
    }
    Ok(())
}
