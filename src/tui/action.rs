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

impl Action {
    /// The action's stable name in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ToggleHelp => "toggle_help",
            Action::OpenFilter => "open_filter",
            Action::OpenCompanyPicker => "open_company_picker",
            Action::ToggleUnreadOnly => "toggle_unread_only",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Back => "back",
            Action::ReadOn => "read_on",
            Action::NextUnread => "next_unread",
            Action::PrevUnread => "prev_unread",
            Action::ToggleRead => "toggle_read",
            Action::MarkViewRead => "mark_view_read",
            Action::MarkDayRead => "mark_day_read",
            Action::UndoBulkMark => "undo_bulk_mark",
            Action::OpenTrends => "open_trends",
            Action::ExportView => "export_view",
        }
    }
}
