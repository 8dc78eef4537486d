//! The syntax tree and the parser: tokens -> `Expr`, with Gmail-style precedence (OR above AND).

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use super::QueryError;
use super::fold;
use super::lexer::{Kind, Token, tokenize};

/// An inclusive range of days; `None` is an open end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Every child matches (implicit AND).
    And(Vec<Expr>),
    /// At least one child matches.
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// Folded words in sequence; the last one matches as a prefix when `prefix`
    /// (bare words), exactly otherwise ("quoted").
    Text {
        words: Vec<String>,
        prefix: bool,
    },
    /// A company name as typed (the `Facts` implementation resolves aliases).
    Company(String),
    Date(DateRange),
    /// `is:read` (true) or `is:unread` (false).
    Read(bool),
}

fn write_date(f: &mut fmt::Formatter<'_>, d: Option<NaiveDate>) -> fmt::Result {
    match d {
        Some(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        None => Ok(()),
    }
}

/// A compact s-expression, used by the parser tests and handy in debugging:
/// `(and (or @amazon @walmart) cloud*)`.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, op: &str, xs: &[Expr]| {
            write!(f, "({op}")?;
            for x in xs {
                write!(f, " {x}")?;
            }
            write!(f, ")")
        };
        match self {
            Expr::And(xs) => list(f, "and", xs),
            Expr::Or(xs) => list(f, "or", xs),
            Expr::Not(x) => write!(f, "-{x}"),
            Expr::Text { words, prefix } => {
                match words.as_slice() {
                    [w] if *prefix => write!(f, "{w}")?,
                    _ => write!(f, "\"{}\"", words.join(" "))?,
                }
                if *prefix { write!(f, "*") } else { Ok(()) }
            }
            Expr::Company(name) if name.contains(char::is_whitespace) => write!(f, "@\"{name}\""),
            Expr::Company(name) => write!(f, "@{name}"),
            Expr::Date(r) => {
                write!(f, "date:")?;
                write_date(f, r.from)?;
                if r.from != r.to {
                    write!(f, "..")?;
                    write_date(f, r.to)?;
                }
                Ok(())
            }
            Expr::Read(true) => write!(f, "is:read"),
            Expr::Read(false) => write!(f, "is:unread"),
        }
    }
}

/// Parses a query. `Ok(None)` is the empty query (it matches everything).
pub fn parse_expr(input: &str) -> Result<Option<Expr>, QueryError> {
    let tokens = tokenize(input)?;
    let mut p = Parser { tokens, pos: 0 };
    let expr = p.and_expr()?;
    if let Some(t) = p.tokens.get(p.pos) {
        // and_expr only stops early at a `)`.
        return Err(QueryError::new(t.col, "unmatched ')'"));
    }
    Ok(expr)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    /// Terms until the end or a `)`, joined by AND.
    fn and_expr(&mut self) -> Result<Option<Expr>, QueryError> {
        let mut terms = Vec::new();
        while let Some(t) = self.peek() {
            if t.kind == Kind::RParen {
                break;
            }
            terms.push(self.or_expr()?);
        }
        Ok(match terms.len() {
            0 => None,
            1 => terms.pop(),
            _ => Some(Expr::And(terms)),
        })
    }

    fn or_expr(&mut self) -> Result<Expr, QueryError> {
        let mut terms = vec![self.term()?];
        while let Some(t) = self.peek()
            && t.kind == Kind::Or
        {
            let col = t.col;
            self.pos += 1;
            match self.peek() {
                Some(t) if !matches!(t.kind, Kind::RParen | Kind::Or) => terms.push(self.term()?),
                _ => return Err(QueryError::new(col, "OR needs a term after it")),
            }
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::Or(terms)
        })
    }

    fn term(&mut self) -> Result<Expr, QueryError> {
        let Some(t) = self.tokens.get(self.pos).cloned() else {
            return Err(QueryError::new(1, "expected a term"));
        };
        self.pos += 1;
        let expr = match t.kind {
            Kind::Or => return Err(QueryError::new(t.col, "OR needs a term before it")),
            Kind::RParen => return Err(QueryError::new(t.col, "unmatched ')'")),
            Kind::LParen => {
                let inner = self.and_expr()?;
                match self.peek() {
                    Some(close) if close.kind == Kind::RParen => self.pos += 1,
                    _ => return Err(QueryError::new(t.col, "unclosed '('")),
                }
                inner.ok_or_else(|| QueryError::new(t.col, "empty parentheses"))?
            }
            Kind::Text { raw, quoted } => Expr::Text {
                words: fold::words(&raw),
                prefix: !quoted,
            },
            Kind::Field {
                name,
                value,
                value_col,
            } => field(&name, &value, t.col, value_col)?,
        };
        Ok(if t.negated {
            Expr::Not(Box::new(expr))
        } else {
            expr
        })
    }
}

const FIELDS: &str = "company, date, after, before, is";

fn field(name: &str, value: &str, col: usize, value_col: usize) -> Result<Expr, QueryError> {
    let known = matches!(name, "company" | "date" | "after" | "before" | "is");
    if !known {
        return Err(QueryError::new(
            col,
            format!("unknown field '{name}:' (known: {FIELDS})"),
        ));
    }
    if value.trim().is_empty() {
        return Err(QueryError::new(
            value_col,
            format!("'{name}:' needs a value"),
        ));
    }
    Ok(match name {
        "company" => Expr::Company(value.trim().to_string()),
        "is" => match value.to_ascii_lowercase().as_str() {
            "read" => Expr::Read(true),
            "unread" => Expr::Read(false),
            _ => {
                return Err(QueryError::new(
                    value_col,
                    format!("unknown 'is:{value}' (use is:read or is:unread)"),
                ));
            }
        },
        "after" => {
            let (_, end) = period(value, value_col)?;
            Expr::Date(DateRange {
                from: end.succ_opt(),
                to: None,
            })
        }
        "before" => {
            let (start, _) = period(value, value_col)?;
            Expr::Date(DateRange {
                from: None,
                to: start.pred_opt(),
            })
        }
        _ => Expr::Date(date_range(value, value_col)?),
    })
}

/// `date:` values: a period, or `A..B` with either end open; `value_col` is
/// the value's column, for errors.
pub fn date_range(value: &str, value_col: usize) -> Result<DateRange, QueryError> {
    let Some((a, b)) = value.split_once("..") else {
        let (from, to) = period(value, value_col)?;
        return Ok(DateRange {
            from: Some(from),
            to: Some(to),
        });
    };
    if a.is_empty() && b.is_empty() {
        return Err(QueryError::new(
            value_col,
            "a date range needs at least one end",
        ));
    }
    let b_col = value_col + a.chars().count() + 2;
    let from = (!a.is_empty())
        .then(|| period(a, value_col).map(|p| p.0))
        .transpose()?;
    let to = (!b.is_empty())
        .then(|| period(b, b_col).map(|p| p.1))
        .transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(QueryError::new(
            value_col,
            format!("the range '{value}' ends before it starts"),
        ));
    }
    Ok(DateRange { from, to })
}

/// `2019`, `2019-06` or `2019-06-24` -> its first and last day.
fn period(value: &str, col: usize) -> Result<(NaiveDate, NaiveDate), QueryError> {
    let bad = || {
        QueryError::new(
            col,
            format!("invalid date '{value}' (use YYYY-MM-DD, YYYY-MM or YYYY)"),
        )
    };
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| -> Result<u32, QueryError> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            let first = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let last = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((first, last))
        }
        [y, m] => {
            let first =
                NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, 1).ok_or_else(bad)?;
            let last = first
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt())
                .ok_or_else(bad)?;
            debug_assert_eq!(first.month(), last.month());
            Ok((first, last))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)
                .ok_or_else(bad)?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}
