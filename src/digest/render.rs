//! Writing articles back out in the digest format (generator, export, round-trip tests).

use std::fmt::Write;

use chrono::NaiveDate;

/// `24 Jun 2019`: the date-line form.
pub fn date_line(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// `Month: June 2019`.
pub fn month_header(date: NaiveDate) -> String {
    date.format("Month: %B %Y").to_string()
}

/// Appends one article: date line, headline, then one paragraph per line, blank-separated.
pub fn push_article<'a>(
    out: &mut String,
    date: NaiveDate,
    headline: &str,
    paragraphs: impl IntoIterator<Item = &'a str>,
) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{}\n\n{}\n\n", date_line(date), headline);
    for p in paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
}
