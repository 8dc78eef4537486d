//! The article view: headline, date and source, wrapped paragraphs, scrollbar and position.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{pane_block, theme};
use crate::tui::app::{App, Focus};
use crate::tui::wrap::{Block, article_blocks, wrap};

pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Article;
    let Some(article) = app
        .selected_article()
        .and_then(|a| app.digest.articles.get(a as usize))
    else {
        frame.render_widget(
            Paragraph::new(Line::styled(" Nothing selected", theme::DIM))
                .block(pane_block("Article", focused)),
            area,
        );
        return;
    };
    let inner = pane_block("", focused).inner(area);
    // One column for the scrollbar.
    let width = inner.width.saturating_sub(1);
    let height = usize::from(inner.height);
    let blocks = article_blocks(&app.digest, article);
    let mut lines: Vec<Line> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i >= 2 {
            lines.push(Line::raw(""));
        }
        let style = match block {
            Block::Headline(_) => theme::HEADLINE,
            Block::Meta(_) => theme::META,
            Block::Subhead(_) => theme::SUBHEAD,
            Block::Paragraph(_) => ratatui::style::Style::default(),
        };
        let text = block.text();
        for range in wrap(text, width) {
            let piece = text.get(range).unwrap_or("");
            lines.push(Line::from(Span::styled(piece.to_string(), style)));
        }
    }
    let total = lines.len();
    let max_scroll = total.saturating_sub(height);
    app.article_scroll = app.article_scroll.min(max_scroll);
    let percent = (app.article_scroll * 100)
        .checked_div(max_scroll)
        .unwrap_or(100);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(app.article_scroll)
        .take(height)
        .collect();
    let block = pane_block("Article", focused)
        .title_bottom(Line::styled(format!(" {percent}% "), theme::DIM).right_aligned());
    frame.render_widget(Paragraph::new(visible).block(block), area);
    if total > height {
        let mut state = ScrollbarState::new(max_scroll).position(app.article_scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}
