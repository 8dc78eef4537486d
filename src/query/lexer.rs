//! Splits a query into tokens, each with the 1-based column where it starts.

use super::QueryError;
use super::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    LParen,
    RParen,
    Or,
    /// A bare word (`quoted == false`) or a "quoted phrase", raw text.
    Text {
        raw: String,
        quoted: bool,
    },
    /// `name:value` or `@value` (name "company"); `value_col` is where the value starts.
    Field {
        name: String,
        value: String,
        value_col: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub col: usize,
    /// Written with a leading `-`.
    pub negated: bool,
    pub kind: Kind,
}

/// Characters that end a bare word.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || c == '"'
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    /// 1-based column of the next character.
    col: usize,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next();
        if c.is_some() {
            self.col += 1;
        }
        c
    }

    /// Reads up to the closing quote (the opening one already consumed).
    fn quoted(&mut self, open_col: usize) -> Result<String, QueryError> {
        let mut s = String::new();
        loop {
            match self.bump() {
                Some('"') => return Ok(s),
                Some(c) => s.push(c),
                None => return Err(QueryError::new(open_col, "unclosed quote")),
            }
        }
    }

    fn bare(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if is_delimiter(c) {
                break;
            }
            s.push(c);
            self.bump();
        }
        s
    }
}

/// A field name is letters followed by `:`, as in `date:2019`; anything else
/// with a colon in it (`10:30`) is an ordinary word.
fn split_field(word: &str) -> Option<(&str, &str)> {
    let (name, value) = word.split_once(':')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())).then_some((name, value))
}

pub fn tokenize(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut cur = Cursor {
        chars: input.chars().peekable(),
        col: 1,
    };
    let mut tokens = Vec::new();
    while let Some(c) = cur.peek() {
        if c.is_whitespace() {
            cur.bump();
            continue;
        }
        let col = cur.col;
        let mut negated = false;
        if c == '-' {
            cur.bump();
            match cur.peek() {
                Some(next) if !next.is_whitespace() && next != ')' => negated = true,
                // A lone `-` has nothing to search for, like any punctuation-only word.
                _ => continue,
            }
        }
        let kind = match cur.peek() {
            Some('(') => {
                cur.bump();
                Kind::LParen
            }
            Some(')') => {
                cur.bump();
                Kind::RParen
            }
            Some('"') => {
                let open = cur.col;
                cur.bump();
                Kind::Text {
                    raw: cur.quoted(open)?,
                    quoted: true,
                }
            }
            Some('@') => {
                cur.bump();
                let value_col = cur.col;
                let value = if cur.peek() == Some('"') {
                    cur.bump();
                    cur.quoted(value_col)?
                } else {
                    cur.bare()
                };
                Kind::Field {
                    name: "company".to_string(),
                    value,
                    value_col,
                }
            }
            _ => {
                let word_col = cur.col;
                let word = cur.bare();
                if word == "OR" && !negated {
                    Kind::Or
                } else if let Some((name, value)) = split_field(&word) {
                    let name = name.to_ascii_lowercase();
                    let value_col = word_col + name.chars().count() + 1;
                    let value = if value.is_empty() && cur.peek() == Some('"') {
                        cur.bump();
                        cur.quoted(value_col)?
                    } else {
                        value.to_string()
                    };
                    Kind::Field {
                        name,
                        value,
                        value_col,
                    }
                } else {
                    Kind::Text {
                        raw: word,
                        quoted: false,
                    }
                }
            }
        };
        // Words and phrases with nothing to search for ("&", "—", "") are
        // dropped rather than refused, so typing punctuation never errors.
        if let Kind::Text { raw, .. } = &kind
            && fold::words(raw).is_empty()
        {
            continue;
        }
        tokens.push(Token { col, negated, kind });
    }
    Ok(tokens)
}
