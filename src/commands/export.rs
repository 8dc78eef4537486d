//! Exporting a list of articles: text lines, Markdown, CSV or JSON (`gazette list
//! --format`, and the reader's export key, which writes the same Markdown).

use std::borrow::Cow;
use std::io::{self, Write};

use super::list::list;
use crate::companies::CompanyIndex;
use crate::digest::{Article, Digest};
use crate::state::ReadState;

/// What `gazette list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// `date  headline`, one line each
    #[default]
    Text,
    /// A Markdown document: a heading per article, date and companies, the paragraphs
    Md,
    /// `id,date,headline,companies,read` with a header row (RFC 4180 quoting)
    Csv,
    /// A JSON array of articles (the same as `--json`)
    Json,
}

impl Format {
    /// Whether the output names each article's companies (the index must be built).
    pub fn needs_companies(self) -> bool {
        self != Format::Text
    }

    /// Whether the output carries read marks (the state must be opened).
    pub fn needs_read_state(self) -> bool {
        matches!(self, Format::Csv | Format::Json)
    }
}

/// Writes the `selected` articles (indices into `digest.articles`) in `format`.
pub fn write(
    format: Format,
    digest: &Digest,
    selected: &[u32],
    index: &CompanyIndex,
    state: &ReadState,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Text => list(digest, selected, index, state, false, out),
        Format::Json => list(digest, selected, index, state, true, out),
        Format::Md => markdown(digest, selected, index, out),
        Format::Csv => csv(digest, selected, index, state, out),
    }
}

fn articles<'a>(
    digest: &'a Digest,
    selected: &'a [u32],
) -> impl Iterator<Item = (u32, &'a Article)> + 'a {
    selected
        .iter()
        .filter_map(|&i| digest.articles.get(i as usize).map(|a| (i, a)))
}

fn company_names(index: &CompanyIndex, article: u32) -> Vec<&str> {
    index
        .companies_of(article)
        .iter()
        .map(|&(id, _)| index.name(id))
        .collect()
}

/// The articles as one Markdown document: a title saying how many and when, then per
/// article `## headline`, an italic line `date · companies`, and the paragraphs.
/// Text is escaped so that it reads as written, never as Markdown markup.
pub fn markdown(
    digest: &Digest,
    selected: &[u32],
    index: &CompanyIndex,
    out: &mut impl Write,
) -> io::Result<()> {
    let dates: Vec<_> = articles(digest, selected).map(|(_, a)| a.date).collect();
    let (first, last) = (dates.iter().min(), dates.iter().max());
    let when = match (first, last) {
        (Some(f), Some(l)) if f == l => format!(" · {}", f.format("%Y-%m-%d")),
        (Some(f), Some(l)) => format!(" · {} to {}", f.format("%Y-%m-%d"), l.format("%Y-%m-%d")),
        _ => String::new(),
    };
    let count = match dates.len() {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    };
    writeln!(out, "# {count}{when}")?;
    for (i, article) in articles(digest, selected) {
        writeln!(out)?;
        writeln!(out, "## {}", markdown_text(digest.headline(article)))?;
        writeln!(out)?;
        let date = article.date.format("%Y-%m-%d");
        let names = company_names(index, i);
        if names.is_empty() {
            writeln!(out, "*{date}*")?;
        } else {
            let names: Vec<Cow<str>> = names.into_iter().map(markdown_text).collect();
            writeln!(out, "*{date} · {}*", names.join(", "))?;
        }
        for paragraph in digest.paragraphs(article) {
            writeln!(out)?;
            writeln!(out, "{}", markdown_text(paragraph))?;
        }
    }
    Ok(())
}

/// One line of text escaped for Markdown: the inline markup characters anywhere, and
/// what would start a heading, quote, list or rule at the start of the line.
pub fn markdown_text(text: &str) -> Cow<'_, str> {
    const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '~'];
    let starts_block = text.starts_with(['#', '>', '-', '+', '=', '|']) || ordered_item(text);
    if !starts_block && !text.contains(INLINE) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    if starts_block {
        // A list number keeps its digits; the escape goes before its `.` or `)`.
        while let Some(c) = chars.next_if(char::is_ascii_digit) {
            out.push(c);
        }
        out.push('\\');
    }
    for c in chars {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// `2019. A year` or `3) Three`: digits then `.` or `)`, which Markdown reads as a list.
fn ordered_item(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len() && rest.starts_with(['.', ')'])
}

/// The articles as CSV: a header row, then `id,date,headline,companies,read` per article,
/// companies joined by `; `, read as `true`/`false`, lines ending in `\n`.
pub fn csv(
    digest: &Digest,
    selected: &[u32],
    index: &CompanyIndex,
    state: &ReadState,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "id,date,headline,companies,read")?;
    for (i, article) in articles(digest, selected) {
        writeln!(
            out,
            "{},{},{},{},{}",
            article.id,
            article.date.format("%Y-%m-%d"),
            csv_field(digest.headline(article)),
            csv_field(&company_names(index, i).join("; ")),
            state.is_read(article.id)
        )?;
    }
    Ok(())
}

/// A CSV field as RFC 4180 wants it: in double quotes, inner quotes doubled, when it
/// holds a comma, a quote or a line break; as it is otherwise. Eight lines by hand
/// rather than the `csv` crate: this is all of CSV that gazette writes.
pub fn csv_field(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        let table = [
            ("plain", "plain"),
            ("", ""),
            ("a, b", "\"a, b\""),
            ("the \"best\" app", "\"the \"\"best\"\" app\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rlf", "\"cr\rlf\""),
            ("\"", "\"\"\"\""),
            ("Byju’s; Osmo", "Byju’s; Osmo"),
        ];
        for (field, want) in table {
            assert_eq!(csv_field(field), want, "{field:?}");
        }
    }

    #[test]
    fn markdown_text_escapes_markup_and_leaves_prose_alone() {
        let table = [
            ("Samsung releases a trio", "Samsung releases a trio"),
            ("Byju’s-owned Osmo", "Byju’s-owned Osmo"),
            ("E*Trade and [brackets]", "E\\*Trade and \\[brackets\\]"),
            ("snake_case <b>", "snake\\_case \\<b>"),
            ("# not a heading", "\\# not a heading"),
            ("> not a quote", "\\> not a quote"),
            ("- not a list", "\\- not a list"),
            ("---", "\\---"),
            ("2019. A year", "2019\\. A year"),
            ("3) Three", "3\\) Three"),
            ("2019 was a year", "2019 was a year"),
            ("a - b > c # d", "a - b > c # d"),
            ("back\\slash", "back\\\\slash"),
        ];
        for (text, want) in table {
            assert_eq!(markdown_text(text), want, "{text:?}");
        }
    }
}
