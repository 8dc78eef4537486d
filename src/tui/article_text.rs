//! What the article view shows, as blocks and wrapped lines: the headline, the date and
//! source, the companies, then the paragraphs (subheads and captions told apart).

use std::ops::Range;

use crate::companies::CompanyIndex;
use crate::digest::Digest;
use crate::tui::wrap::wrap;

/// One block of the article view, before wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    Headline(&'a str),
    Meta(String),
    /// A short line without closing punctuation: a subhead or caption.
    Subhead(&'a str),
    Paragraph(&'a str),
}

impl Block<'_> {
    pub fn text(&self) -> &str {
        match self {
            Block::Headline(s) | Block::Subhead(s) | Block::Paragraph(s) => s,
            Block::Meta(s) => s,
        }
    }

    /// Paragraphs and subheads get a blank line before them.
    fn spaced(&self) -> bool {
        matches!(self, Block::Subhead(_) | Block::Paragraph(_))
    }
}

/// The blocks of article `index`.
pub fn article_blocks<'a>(
    digest: &'a Digest,
    companies: &CompanyIndex,
    index: u32,
) -> Vec<Block<'a>> {
    let Some(article) = digest.articles.get(index as usize) else {
        return Vec::new();
    };
    let mut blocks = vec![
        Block::Headline(digest.headline(article)),
        Block::Meta(article.date.format("%A %-d %B %Y").to_string()),
        Block::Meta(digest.location(article)),
    ];
    let tags = companies.companies_of(index);
    if !tags.is_empty() {
        let names: Vec<&str> = tags.iter().map(|&(c, _)| companies.name(c)).collect();
        blocks.push(Block::Meta(format!("Companies: {}", names.join(", "))));
    }
    blocks.extend(digest.paragraphs(article).map(|p| {
        if is_subhead(p) {
            Block::Subhead(p)
        } else {
            Block::Paragraph(p)
        }
    }));
    blocks
}

/// Short and without closing punctuation ("Loyalty building", "louis vuitton china").
pub fn is_subhead(paragraph: &str) -> bool {
    const CLOSING: &[char] = &['.', '!', '?', '…', ':', ';', '"', '”', '’', '\'', ')', ']'];
    paragraph.chars().count() <= 60 && !paragraph.ends_with(CLOSING)
}

/// One screen line: a slice of a block's text, or a blank separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScreenLine {
    Blank,
    Text { block: usize, range: Range<usize> },
}

/// Wraps the blocks to `width`; rendering and scroll bounds both use this.
pub fn layout(blocks: &[Block], width: u16) -> Vec<ScreenLine> {
    let mut lines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if block.spaced() {
            lines.push(ScreenLine::Blank);
        }
        lines.extend(
            wrap(block.text(), width)
                .into_iter()
                .map(|range| ScreenLine::Text { block: i, range }),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subheads_are_short_and_unpunctuated() {
        assert!(is_subhead("Loyalty building"));
        assert!(is_subhead("louis vuitton china"));
        assert!(!is_subhead("The Cam is available starting today."));
        assert!(!is_subhead(&"word ".repeat(20)));
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines_and_meta_is_not() {
        let blocks = [
            Block::Headline("Head"),
            Block::Meta("meta".into()),
            Block::Paragraph("one"),
            Block::Subhead("Sub"),
        ];
        let lines = layout(&blocks, 20);
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[2], ScreenLine::Blank);
        assert_eq!(lines[4], ScreenLine::Blank);
    }
}
