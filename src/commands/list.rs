//! `gazette list`: articles as lines or JSON.

use std::io::{self, Write};

use super::ArticleJson;
use crate::companies::CompanyIndex;
use crate::digest::Digest;

pub fn list(
    digest: &Digest,
    index: &CompanyIndex,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    if json {
        out.write_all(b"[")?;
        for (i, article) in digest.articles.iter().enumerate() {
            out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            serde_json::to_writer(
                &mut *out,
                &ArticleJson::new(digest, article).with_companies(index, i as u32),
            )?;
        }
        out.write_all(b"\n]\n")?;
    } else {
        for article in &digest.articles {
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
