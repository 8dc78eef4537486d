//! The article view: headline, date and source, companies, wrapped paragraphs with company
//! names and filter matches highlighted, a scrollbar and the position.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use super::theme::Theme;
use crate::companies::CompanyId;
use crate::tui::app::{App, Focus};
use crate::tui::article_text::{Block, ScreenLine, article_blocks, layout};

pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    app.company_hits.clear();
    let focused = app.focus == Focus::Article;
    let Some(index) = app.selected_article() else {
        frame.render_widget(
            Paragraph::new(Line::styled(" Nothing selected", app.theme.dim))
                .block(pane_block(&app.theme, "Article", focused)),
            area,
        );
        return;
    };
    let inner = pane_block(&app.theme, "", focused).inner(area);
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
    let mut hits: Vec<(Rect, CompanyId)> = Vec::new();
    for (row, line) in visible.iter().enumerate() {
        let ScreenLine::Text { block, range } = line else {
            out.push(Line::raw(""));
            continue;
        };
        let Some(b) = blocks.get(*block) else {
            continue;
        };
        let marks = highlights
            .get_mut(*block)
            .map(|h| {
                h.get_or_insert_with(|| block_highlights(app, index, b))
                    .as_slice()
            })
            .unwrap_or(&[]);
        let y = inner.y.saturating_add(row as u16);
        hits.extend(company_hits(
            b.text(),
            range.clone(),
            marks,
            inner.x,
            y,
            width,
        ));
        out.push(styled_line(
            b.text(),
            range.clone(),
            marks,
            block_style(&app.theme, b),
        ));
    }
    app.company_hits = hits;

    let percent = (app.article_scroll * 100)
        .checked_div(max_scroll)
        .unwrap_or(100);
    let block = pane_block(&app.theme, "Article", focused)
        .title_bottom(Line::styled(format!(" {percent}% "), app.theme.dim).right_aligned());
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

fn block_style(theme: &Theme, block: &Block) -> Style {
    match block {
        Block::Headline(_) => theme.headline,
        Block::Meta(_) => theme.meta,
        Block::Subhead(_) => theme.subhead,
        Block::Paragraph(_) => Style::default(),
    }
}

/// A highlighted byte range of a block, its style, and the company it names (clickable).
type Mark = (Range<usize>, Style, Option<CompanyId>);

/// What `article_blocks` starts the companies line with.
const COMPANIES_PREFIX: &str = "Companies: ";

/// What to highlight in a block: the words the filter matched, and company names (in
/// the paragraphs and in the companies line).
fn block_highlights(app: &App, article: u32, block: &Block) -> Vec<Mark> {
    let text = block.text();
    if let Block::Meta(_) = block {
        return companies_line_marks(app, article, text);
    }
    let mut marks: Vec<Mark> = crate::query::find_highlights(text, &app.highlight_words)
        .into_iter()
        .map(|r| (r, app.theme.query_match, None))
        .collect();
    marks.extend(
        app.companies
            .mentions(text)
            .into_iter()
            .map(|(r, id)| (r, app.theme.company_mention, Some(id))),
    );
    marks.sort_by_key(|(r, _, _)| r.start);
    marks
}

/// The names in `Companies: A, B, C`, found where `article_blocks` put them (in the
/// order of `companies_of`, joined by `, `); any other meta line has none.
fn companies_line_marks(app: &App, article: u32, text: &str) -> Vec<Mark> {
    if !text.starts_with(COMPANIES_PREFIX) {
        return Vec::new();
    }
    let mut marks = Vec::new();
    let mut pos = COMPANIES_PREFIX.len();
    for &(id, _) in app.companies.companies_of(article) {
        let name = app.companies.name(id);
        let range = pos..pos + name.len();
        if text.get(range.clone()) != Some(name) {
            break;
        }
        marks.push((range, app.theme.company_mention, Some(id)));
        pos += name.len() + ", ".len();
    }
    marks
}

/// Where on screen the company marks of one wrapped line were drawn: the line's text
/// starts at column `x` of row `y` and is clipped at `width` columns.
fn company_hits(
    text: &str,
    line: Range<usize>,
    marks: &[Mark],
    x: u16,
    y: u16,
    width: u16,
) -> Vec<(Rect, CompanyId)> {
    let columns = |r: Range<usize>| text.get(r).map_or(0, |s| s.width());
    let mut hits = Vec::new();
    for (mark, _, company) in marks {
        let Some(id) = company else {
            continue;
        };
        let start = mark.start.max(line.start);
        let end = mark.end.min(line.end);
        if start >= end {
            continue;
        }
        let left = columns(line.start..start).min(usize::from(width)) as u16;
        let right = (columns(line.start..end)).min(usize::from(width)) as u16;
        if right > left {
            hits.push((Rect::new(x + left, y, right - left, 1), *id));
        }
    }
    hits
}

/// The slice `line` of `text` as spans, with the marked parts styled over `base`.
/// Where marks overlap, the earlier one wins.
fn styled_line<'a>(text: &'a str, line: Range<usize>, marks: &[Mark], base: Style) -> Line<'a> {
    let mut spans = Vec::new();
    let mut pos = line.start;
    for (mark, style, _) in marks {
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
