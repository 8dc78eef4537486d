//! Choosing articles from the command line: `--query` plus the shorthand flags, as one query (list and mark share it).

use crate::cli::FilterArgs;
use crate::companies::CompanyIndex;
use crate::digest::Digest;
use crate::query::{self, DateRange, Expr, Facts, Query, QueryError};

/// The query that `filter` and `unread` mean: `--query` AND each `--company`
/// AND `--date` AND `is:unread`. A flag's error names the flag; its column
/// counts within the flag's value.
pub fn filter_query(filter: &FilterArgs, unread: bool) -> Result<Query, QueryError> {
    let mut q = match &filter.query {
        Some(text) => query::parse(text)?,
        None => Query::default(),
    };
    for name in &filter.company {
        q = q.and(Query::from_expr(Some(Expr::Company(
            name.trim().to_string(),
        ))));
    }
    if let Some(date) = &filter.date {
        let range: DateRange =
            query::parse::date_range(date.trim(), 1).map_err(|e| QueryError {
                column: e.column,
                message: format!("--date: {}", e.message),
            })?;
        q = q.and(Query::from_expr(Some(Expr::Date(range))));
    }
    if unread {
        q = q.and(Query::from_expr(Some(Expr::Read(false))));
    }
    Ok(q)
}

/// The sorted indices of the articles the flags choose. One-shot, so no
/// `TextIndex` is built: text terms are answered by a parallel scan, which
/// costs about one index build.
pub fn select(
    digest: &Digest,
    facts: &dyn Facts,
    filter: &FilterArgs,
    unread: bool,
) -> Result<Vec<u32>, QueryError> {
    let q = filter_query(filter, unread)?;
    Ok(q.evaluate(digest, facts, &query::TextIndex::empty()))
}

/// A note for each company the query names that `index` does not know (the query is
/// valid, so this is no error: it just matches nothing), with the company most likely
/// meant when one of the digest's is close.
pub fn unknown_companies(query: &Query, index: &CompanyIndex) -> Vec<String> {
    query
        .company_names()
        .into_iter()
        .filter(|name| index.lookup(name).is_none())
        .map(|name| match index.suggest(name) {
            Some(id) => format!(
                "no company matches \"{name}\"; did you mean \"{}\"? (see gazette companies)",
                index.name(id)
            ),
            None => format!("no company matches \"{name}\" (see gazette companies)"),
        })
        .collect()
}
