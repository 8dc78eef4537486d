//! `gazette list`: articles as lines or JSON.

use std::io::{self, Write};

use super::ArticleJson;
use crate::companies::CompanyIndex;
use crate::digest::Digest;
use crate::state::ReadState;

/// Prints the `selected` articles (indices into `digest.articles`, in order); JSON
/// carries each article's companies and read mark.
pub fn list(
    digest: &Digest,
    selected: &[u32],
    index: &CompanyIndex,
    state: &ReadState,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let articles = selected
        .iter()
        .filter_map(|&i| digest.articles.get(i as usize).map(|a| (i, a)));
    if json {
        out.write_all(b"[")?;
        for (n, (i, article)) in articles.enumerate() {
            out.write_all(if n == 0 { b"\n  " } else { b",\n  " })?;
            let mut item = ArticleJson::new(digest, article).with_companies(index, i);
            item.read = state.is_read(article.id);
            serde_json::to_writer(&mut *out, &item)?;
        }
        out.write_all(if selected.is_empty() {
            b"]\n"
        } else {
            b"\n]\n"
        })?;
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
