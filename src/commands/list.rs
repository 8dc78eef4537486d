//! `gazette list`: articles as lines or JSON.

use std::io::{self, Write};

use super::ArticleJson;
use crate::digest::Digest;

/// Prints the `selected` articles (indices into `digest.articles`, in order).
pub fn list(digest: &Digest, selected: &[u32], json: bool, out: &mut impl Write) -> io::Result<()> {
    let articles = selected
        .iter()
        .filter_map(|&i| digest.articles.get(i as usize));
    if json {
        out.write_all(b"[")?;
        for (i, article) in articles.enumerate() {
            out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *out, &ArticleJson::new(digest, article))?;
        }
        out.write_all(if selected.is_empty() {
            b"]\n"
        } else {
            b"\n]\n"
        })?;
    } else {
        for article in articles {
            writeln!(
                out,
                "{}  {}",
                article.date.format("%Y-%m-%d"),
                digest.headline(article)
            )?;
        }
    }
    Ok(())
}
