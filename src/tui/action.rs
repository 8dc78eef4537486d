//! Everything the reader can be asked to do, independent of keys and terminals.

/// One user intent. Keys and mouse events become actions; `App::apply` performs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    ToggleHelp,
    OpenFilter,
    OpenCompanyPicker,
    ToggleUnreadOnly,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Enter: open the selected headline (or pick the selected date).
    Open,
    /// Esc: close a popup, leave the full-screen article, else clear filters.
    Back,
    /// Space in the article: page down, or the next unread article at the end.
    ReadOn,
    NextUnread,
    PrevUnread,
    ToggleRead,
    MarkViewRead,
    MarkDayRead,
    UndoBulkMark,
    /// The trend view of the chips, else of the view's top companies.
    OpenTrends,
    /// Write the view as Markdown to a new file.
    ExportView,
}
