//! `gazette list`: articles as lines or JSON.

use std::io::{self, Write};

use super::ArticleJson;
use crate::digest::Digest;
use crate::state::ReadState;

/// `unread`: only articles `state` does not have marked read.
pub fn list(
    digest: &Digest,
    state: &ReadState,
    json: bool,
    unread: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let articles = digest
        .articles
        .iter()
        .filter(|article| !(unread && state.is_read(article.id)));
    if json {
        out.write_all(b"[")?;
        for (i, article) in articles.enumerate() {
            out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            let mut item = ArticleJson::new(digest, article);
            item.read = state.is_read(article.id);
            serde_json::to_writer(&mut *out, &item)?;
        }
        out.write_all(b"\n]\n")?;
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
