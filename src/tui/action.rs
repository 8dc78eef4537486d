//! Everything the reader can be asked to do, independent of keys and terminals.

/// Declares the actions once: the enum, its config names and the list of all of them,
/// so a new action cannot be missing from any of the three.
macro_rules! actions {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// One user intent. Keys and mouse events become actions; `App::apply` performs them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $($(#[$doc])* $variant,)*
        }

        impl Action {
            /// Every action, in declaration order.
            pub const ALL: &[Action] = &[$(Action::$variant),*];

            /// The action's stable name in the config file's `[keys]` table.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                }
            }
        }
    };
}

actions! {
    Quit => "quit",
    ToggleHelp => "toggle_help",
    OpenFilter => "open_filter",
    OpenCompanyPicker => "open_company_picker",
    /// Drop the company chip added last, keeping the other filters.
    RemoveLastCompany => "remove_last_company",
    ToggleUnreadOnly => "toggle_unread_only",
    FocusNext => "focus_next",
    FocusPrev => "focus_prev",
    FocusLeft => "focus_left",
    FocusRight => "focus_right",
    MoveDown => "move_down",
    MoveUp => "move_up",
    PageDown => "page_down",
    PageUp => "page_up",
    HalfPageDown => "half_page_down",
    HalfPageUp => "half_page_up",
    Top => "top",
    Bottom => "bottom",
    /// Enter: open the selected headline (or pick the selected date).
    Open => "open",
    /// Esc: close a popup, leave the full-screen article, else clear filters.
    Back => "back",
    /// Space in the article: page down, or the next unread article at the end.
    ReadOn => "read_on",
    NextUnread => "next_unread",
    PrevUnread => "prev_unread",
    ToggleRead => "toggle_read",
    MarkViewRead => "mark_view_read",
    MarkDayRead => "mark_day_read",
    UndoBulkMark => "undo_bulk_mark",
    /// The trend view of the chips, else of the view's top companies.
    OpenTrends => "open_trends",
    /// Write the view as Markdown to a new file.
    ExportView => "export_view",
}
