//! The filter language's grammar: query -> syntax tree (compact form) or error with column.

use gazette::query::{QueryError, parse};

/// `Ok` rows: the tree's compact form (see `Expr`'s Display).
const TREES: &[(&str, &str)] = &[
    ("", "(all)"),
    ("   ", "(all)"),
    ("cloud", "cloud*"),
    ("Cloud CAFÉ", "(and cloud* cafe*)"),
    ("\"smart home\"", "\"smart home\""),
    ("\"Cloud\"", "\"cloud\""),
    ("pre-school", "\"pre school\"*"),
    ("byju’s", "\"byju s\"*"),
    ("-cricket", "-cricket*"),
    ("-\"smart home\"", "-\"smart home\""),
    ("-company:amazon", "-@amazon"),
    ("@amazon", "@amazon"),
    ("company:\"WP Engine\"", "@\"WP Engine\""),
    ("@\"WP Engine\" cloud", "(and @\"WP Engine\" cloud*)"),
    (
        "@amazon OR @walmart cloud",
        "(and (or @amazon @walmart) cloud*)",
    ),
    ("a OR b OR c", "(or a* b* c*)"),
    ("a b OR c d", "(and a* (or b* c*) d*)"),
    ("(a b) OR c", "(or (and a* b*) c*)"),
    ("-(a OR b) c", "(and -(or a* b*) c*)"),
    ("((a))", "a*"),
    ("a or b", "(and a* or* b*)"),
    ("date:2019-06-24", "date:2019-06-24"),
    ("date:2019-06", "date:2019-06-01..2019-06-30"),
    ("date:2019-02", "date:2019-02-01..2019-02-28"),
    ("date:2020-02", "date:2020-02-01..2020-02-29"),
    ("date:2019", "date:2019-01-01..2019-12-31"),
    ("date:2019-06-20..2019-06-24", "date:2019-06-20..2019-06-24"),
    ("date:..2019-06-24", "date:..2019-06-24"),
    ("date:2019-06..", "date:2019-06-01.."),
    ("date:2019..2020-01", "date:2019-01-01..2020-01-31"),
    ("after:2019-06-23", "date:2019-06-24.."),
    ("after:2019-06", "date:2019-07-01.."),
    ("before:2019-06-24", "date:..2019-06-23"),
    ("before:2019", "date:..2018-12-31"),
    ("is:read", "is:read"),
    ("IS:Unread", "is:unread"),
    ("10:30", "\"10 30\"*"),
    // Punctuation-only words are dropped, never an error.
    ("& cloud —", "cloud*"),
    ("a - b", "(and a* b*)"),
    ("\"\"", "(all)"),
];

/// `Err` rows: the 1-based column and a piece of the message.
const ERRORS: &[(&str, usize, &str)] = &[
    ("date:2019-13-45", 6, "invalid date '2019-13-45'"),
    ("cloud date:2019-02-30", 12, "invalid date"),
    ("date:19-06", 6, "invalid date"),
    ("date:2019-06-24..2019-6", 18, "invalid date '2019-6'"),
    ("date:2019-06-24..2019-06-01", 6, "ends before it starts"),
    ("date:..", 6, "at least one end"),
    ("after:2019..", 7, "invalid date"),
    ("\"smart home", 1, "unclosed quote"),
    ("cloud -\"smart", 8, "unclosed quote"),
    ("company:\"WP Engine", 9, "unclosed quote"),
    ("(a OR b", 1, "unclosed '('"),
    ("x (a (b)", 3, "unclosed '('"),
    ("a)", 2, "unmatched ')'"),
    ("()", 1, "empty parentheses"),
    ("title:cloud", 1, "unknown field 'title:'"),
    ("cloud -foo:bar", 7, "unknown field 'foo:'"),
    ("is:new", 4, "is:read or is:unread"),
    ("company:", 9, "needs a value"),
    ("@", 2, "needs a value"),
    ("a OR", 3, "OR needs a term after it"),
    ("a OR OR b", 3, "OR needs a term after it"),
    ("OR a", 1, "OR needs a term before it"),
    ("(a OR) b", 4, "OR needs a term after it"),
    ("café date:x", 11, "invalid date"),
];

#[test]
fn queries_parse_to_these_trees() {
    for (query, tree) in TREES {
        match parse(query) {
            Ok(q) => assert_eq!(q.to_string(), *tree, "query {query:?}"),
            Err(e) => panic!("query {query:?} failed: {e}"),
        }
    }
}

#[test]
fn malformed_queries_say_what_and_where() {
    for (query, column, message) in ERRORS {
        match parse(query) {
            Ok(q) => panic!("query {query:?} parsed as {q}"),
            Err(QueryError {
                column: c,
                message: m,
            }) => {
                assert_eq!(c, *column, "column for {query:?} ({m})");
                assert!(m.contains(message), "message for {query:?}: {m}");
            }
        }
    }
}

#[test]
fn error_display_leads_with_the_column() {
    let e = parse("date:2019-13-45").unwrap_err();
    assert!(e.to_string().starts_with("column 6: invalid date"), "{e}");
}

#[test]
fn highlight_words_are_the_positive_text_terms() {
    let q = parse("Cloud \"smart home\" -cricket @amazon (india OR -china) date:2019").unwrap();
    assert_eq!(q.highlight_words(), ["cloud", "smart home", "india"]);
    assert!(parse("").unwrap().is_empty());
    assert!(!parse("is:read").unwrap().is_empty());
}
