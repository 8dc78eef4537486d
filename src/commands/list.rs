//! `gazette list`: articles as lines or JSON.

use std::io::{self, Write};

use super::ArticleJson;
use crate::companies::CompanyIndex;
use crate::digest::Digest;
use crate::state::ReadState;

/// `unread`: only articles `state` does not have marked read.
pub fn list(
    digest: &Digest,
    index: &CompanyIndex,
    state: &ReadState,
    json: bool,
    unread: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let articles = digest
        .articles
        .iter()
        .enumerate()
        .filter(|(_, article)| !(unread && state.is_read(article.id)));
    if json {
        out.write_all(b"[")?;
        for (n, (i, article)) in articles.enumerate() {
            out.write_all(if n == 0 { b"\n  " } else { b",\n  " })?;
            let mut item = ArticleJson::new(digest, article).with_companies(index, i as u32);
            item.read = state.is_read(article.id);
            serde_json::to_writer(&mut *out, &item)?;
        }
        out.write_all(b"\n]\n")?;
    } else {
        for (_, article) in articles {
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
