//! How the reader behaves where users differ: set from the config file, read by `App`.

/// Reader behaviour a user may choose (see the config file). Defaults are what a
/// reader without a config does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderOptions {
    /// Opening an article marks it read.
    pub mark_read_on_open: bool,
    /// Mark an article read only once its end has been shown (overrides `mark_read_on_open`).
    pub mark_read_at_end: bool,
    /// Mouse capture (off with `--no-mouse`).
    pub mouse: bool,
    /// The filter query applied at start (e.g. `is:unread`).
    pub default_query: Option<String>,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            mark_read_on_open: true,
            mark_read_at_end: false,
            mouse: true,
            default_query: None,
        }
    }
}
