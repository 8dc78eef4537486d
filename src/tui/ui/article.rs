//! The article view: headline, date and source, companies, wrapped paragraphs with company
//! names and filter matches highlighted, a scrollbar and the position.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{pane_block, theme};
use crate::tui::app::{App, Focus};
use crate::tui::article_text::{Block, ScreenLine, article_blocks, layout};

pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Article;
    let Some(index) = app.selected_article() else {
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
    // The same paragraph on top at any width; a newly selected article where it was left.
    app.fit_article_scroll(width);
    let blocks = article_blocks(&app.digest, &app.companies, index);
    let lines = layout(&blocks, width);
    let total = lines.len();
    let max_scroll = total.saturating_sub(height);
    app.article_scroll = app.article_scroll.min(max_scroll);
    let visible = &lines[app.article_scroll.min(total)..(app.article_scroll + height).min(total)];

    // Highlights are found per block, and only for the blocks on screen.
    let mut highlights: Vec<Option<Vec<Mark>>> = vec![None; blocks.len()];
    let mut out: Vec<Line> = Vec::with_capacity(visible.len());
    for line in visible {
        let ScreenLine::Text { block, range } = line else {
            out.push(Line::raw(""));
            continue;
        };
        let Some(b) = blocks.get(*block) else {
            continue;
        };
        let marks = highlights
            .get_mut(*block)
            .map(|h| h.get_or_insert_with(|| block_highlights(app, b)).as_slice())
            .unwrap_or(&[]);
        out.push(styled_line(b.text(), range.clone(), marks, block_style(b)));
    }

    let percent = (app.article_scroll * 100)
        .checked_div(max_scroll)
        .unwrap_or(100);
    let block = pane_block("Article", focused)
        .title_bottom(Line::styled(format!(" {percent}% "), theme::DIM).right_aligned());
    frame.render_widget(Paragraph::new(out).block(block), area);
    if total > height {
        let mut state = ScrollbarState::new(max_scroll).position(app.article_scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

fn block_style(block: &Block) -> Style {
    match block {
        Block::Headline(_) => theme::HEADLINE,
        Block::Meta(_) => theme::META,
        Block::Subhead(_) => theme::SUBHEAD,
        Block::Paragraph(_) => Style::default(),
    }
}

/// A highlighted byte range of a block and its style.
type Mark = (Range<usize>, Style);

/// What to highlight in a block: the words the filter matched, and company names.
fn block_highlights(app: &App, block: &Block) -> Vec<Mark> {
    if let Block::Meta(_) = block {
        return Vec::new();
    }
    let text = block.text();
    let mut marks: Vec<Mark> = crate::query::find_highlights(text, &app.highlight_words)
        .into_iter()
        .map(|r| (r, theme::QUERY_MATCH))
        .collect();
    marks.extend(
        app.companies
            .mentions(text)
            .into_iter()
            .map(|(r, _)| (r, theme::COMPANY_MENTION)),
    );
    marks.sort_by_key(|(r, _)| r.start);
    marks
}

/// The slice `line` of `text` as spans, with the marked parts styled over `base`.
/// Where marks overlap, the earlier one wins.
fn styled_line<'a>(text: &'a str, line: Range<usize>, marks: &[Mark], base: Style) -> Line<'a> {
    let mut spans = Vec::new();
    let mut pos = line.start;
    for (mark, style) in marks {
        let start = mark.start.max(pos);
        let end = mark.end.min(line.end);
        if start >= end {
            continue;
        }
        if let Some(plain) = text.get(pos..start) {
            spans.push(Span::styled(plain, base));
        }
        if let Some(hit) = text.get(start..end) {
            spans.push(Span::styled(hit, base.patch(*style)));
        }
        pos = end;
    }
    if let Some(rest) = text.get(pos..line.end) {
        spans.push(Span::styled(rest, base));
    }
    Line::from(spans)
}
