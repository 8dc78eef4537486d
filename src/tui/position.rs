//! Reading positions in the reader: each article reopens where it was left, at any
//! terminal width, and (when asked) is marked read only once its end has been shown.
//!
//! The scroll offset is a screen line at one width; what is remembered is a
//! [`Position`] (a body paragraph and how far into its wrapped lines), turned back into
//! a line for whatever width the article is drawn at. Header lines (headline, date,
//! companies) are not a position: scrolled only that far, an article reopens at the top.

use std::time::Instant;

use super::app::{App, Focus, Overlay};
use super::article_text::{Block, article_blocks};
use super::wrap::wrap;
use crate::state::Position;

/// What `App::article_scroll` currently shows, in width-free terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScrollAnchor {
    /// The article the scroll belongs to (a change of selection restores the new one's).
    pub article: Option<u32>,
    /// Where its view's top is (`None`: at the top).
    pub position: Option<Position>,
    /// The text width `article_scroll` was computed for; another width recomputes it.
    pub width: u16,
}

/// The lines of each body paragraph at `width`: (first line, line count), the blank line
/// above it included, exactly as `article_text::layout` lays them out.
fn paragraph_lines(blocks: &[Block], width: u16) -> Vec<(usize, usize)> {
    let mut line = 0;
    let mut out = Vec::new();
    for block in blocks {
        let wrapped = wrap(block.text(), width).len();
        match block {
            Block::Headline(_) | Block::Meta(_) => line += wrapped,
            Block::Subhead(_) | Block::Paragraph(_) => {
                out.push((line, wrapped + 1));
                line += wrapped + 1;
            }
        }
    }
    out
}

/// The position of a view whose top line is `scroll` (`None` within the header).
pub fn position_at(blocks: &[Block], width: u16, scroll: usize) -> Option<Position> {
    let paragraphs = paragraph_lines(blocks, width);
    let index = paragraphs.iter().rposition(|&(first, _)| first <= scroll)?;
    let &(first, count) = paragraphs.get(index)?;
    let into = (scroll - first).min(count.saturating_sub(1));
    // Paragraph counts fit u32: an article is a span of a file under 4 GiB.
    Some(Position::new(
        index as u32,
        into as f64 / count.max(1) as f64,
    ))
}

/// The top line that shows `position` at `width` (past the last paragraph: the last one).
pub fn line_of(blocks: &[Block], width: u16, position: Position) -> usize {
    let paragraphs = paragraph_lines(blocks, width);
    let index = (position.paragraph as usize).min(paragraphs.len().saturating_sub(1));
    let Some(&(first, count)) = paragraphs.get(index) else {
        return 0;
    };
    let into = (position.fraction() * count as f64).round() as usize;
    first + into.min(count.saturating_sub(1))
}

impl App {
    /// The width article text wraps to: the pane less its borders and scrollbar column.
    fn article_text_width(&self) -> u16 {
        self.areas.article.width.saturating_sub(3)
    }

    /// After the selection moved to another article, shows it where it was left.
    pub fn follow_selection(&mut self) {
        let selected = self.selected_article();
        if selected == self.scroll_anchor.article {
            return;
        }
        let position = selected
            .and_then(|a| self.digest.articles.get(a as usize))
            .and_then(|a| self.read.position(a.id));
        let width = self.article_text_width();
        self.article_scroll = match (selected, position) {
            (Some(a), Some(p)) => {
                line_of(&article_blocks(&self.digest, &self.companies, a), width, p)
            }
            _ => 0,
        };
        self.scroll_anchor = ScrollAnchor {
            article: selected,
            position,
            width,
        };
    }

    /// Keeps the same paragraph at the top when the article is drawn at another width.
    /// Called by the article pane before it clamps the scroll.
    pub fn fit_article_scroll(&mut self, width: u16) {
        self.follow_selection();
        if self.scroll_anchor.width == width {
            return;
        }
        self.scroll_anchor.width = width;
        if let (Some(a), Some(p)) = (self.scroll_anchor.article, self.scroll_anchor.position) {
            let blocks = article_blocks(&self.digest, &self.companies, a);
            self.article_scroll = line_of(&blocks, width, p);
        }
    }

    /// Remembers where the user scrolled the article to (saved with the marks). At the
    /// end the article's position is forgotten: read to the end, it reopens at the top.
    pub(super) fn record_position(&mut self) {
        let Some(a) = self.selected_article() else {
            return;
        };
        let width = self.article_text_width();
        let blocks = article_blocks(&self.digest, &self.companies, a);
        let position = position_at(&blocks, width, self.article_scroll);
        self.scroll_anchor = ScrollAnchor {
            article: Some(a),
            position,
            width,
        };
        let at_end = self.article_end_on_screen();
        let Some(id) = self.digest.articles.get(a as usize).map(|x| x.id) else {
            return;
        };
        let keep = if at_end { None } else { position };
        if self.read.set_position(id, keep) {
            self.save_timer.changed(Instant::now());
        }
    }

    /// Whether the last line of the selected article is within the article pane as last drawn.
    pub fn article_end_on_screen(&self) -> bool {
        let rows = usize::from(self.areas.article.height.saturating_sub(2));
        rows > 0 && self.article_scroll + rows >= self.article_lines()
    }

    /// With `mark_read_at_end`: marks the opened article read once its end is on screen.
    /// Returns whether it did.
    pub(super) fn note_end_shown(&mut self) -> bool {
        if !self.options.mark_read_at_end
            || self.focus != Focus::Article
            || !matches!(self.overlay, Overlay::None)
        {
            return false;
        }
        match self.selected_article() {
            Some(a) if !self.is_read(a) && self.article_end_on_screen() => {
                self.set_read(a, true);
                true
            }
            _ => false,
        }
    }

    /// After every key or mouse event: restore the position of a newly selected article,
    /// and see whether an opened article's end is now shown.
    pub(super) fn after_event(&mut self) {
        self.follow_selection();
        self.note_end_shown();
    }

    /// After every frame: a resize or the full-screen article of a narrow terminal may
    /// have brought the article's end into view. Returns whether the screen is now stale
    /// (an article was marked read: its marker and the counts changed).
    pub fn frame_drawn(&mut self) -> bool {
        self.note_end_shown()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::article_text::layout;

    fn blocks() -> Vec<Block<'static>> {
        vec![
            Block::Headline("A headline long enough to wrap at twenty"),
            Block::Meta("Monday 24 June 2019".into()),
            Block::Paragraph("one two three four five six seven eight nine ten eleven twelve"),
            Block::Subhead("Sub"),
            Block::Paragraph("alpha beta gamma delta epsilon zeta eta theta iota kappa"),
        ]
    }

    #[test]
    fn paragraph_lines_agree_with_the_layout() {
        for width in [8, 20, 40, 200] {
            let b = blocks();
            let last = paragraph_lines(&b, width).last().copied().unwrap();
            assert_eq!(last.0 + last.1, layout(&b, width).len(), "width {width}");
        }
    }

    #[test]
    fn every_line_maps_back_to_itself_at_the_same_width() {
        let b = blocks();
        for width in [8, 12, 20, 40] {
            let first_body = paragraph_lines(&b, width)[0].0;
            for scroll in first_body..layout(&b, width).len() {
                let p = position_at(&b, width, scroll).unwrap();
                assert_eq!(line_of(&b, width, p), scroll, "width {width} line {scroll}");
            }
            for scroll in 0..first_body {
                assert_eq!(position_at(&b, width, scroll), None, "header line {scroll}");
            }
        }
    }

    #[test]
    fn another_width_keeps_the_paragraph() {
        let b = blocks();
        // Halfway into the last paragraph at 8 columns.
        let (first, count) = paragraph_lines(&b, 8)[2];
        let p = position_at(&b, 8, first + count / 2).unwrap();
        assert_eq!(p.paragraph, 2);
        let (wide_first, wide_count) = paragraph_lines(&b, 40)[2];
        let line = line_of(&b, 40, p);
        assert!((wide_first..wide_first + wide_count).contains(&line));
    }

    #[test]
    fn a_position_past_the_last_paragraph_lands_in_the_last() {
        let b = blocks();
        let (first, _) = paragraph_lines(&b, 20)[2];
        assert_eq!(line_of(&b, 20, Position::new(99, 0.0)), first);
        assert_eq!(line_of(&[], 20, Position::new(3, 0.5)), 0);
    }
}
