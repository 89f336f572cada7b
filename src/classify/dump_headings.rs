//! Subheadings inside the article of a text dump: a short line (or a
//! Title Case one) with a kept paragraph of the article right above and
//! right below it, at the same indentation. jusText's context step keeps a
//! short line between good ones, but not next to near-good paragraphs or
//! when a bad line lies beyond them; set between two of the article's own
//! paragraphs, the line is the article's.

use super::Kind;
use super::text_shape::{Shape, own_shape};
use crate::blocks::{Block, LineShape};
use crate::rules::text_recall::NOT_IN_HEADINGS;

/// True if the line reads as a subheading: short, not a list item, in
/// lower or mixed case (an all-caps line between paragraphs is a call to
/// action), without the slashes and arrows of photo credits and teaser
/// links ("DPA / Jane Doe", ">> Read more <<").
fn is_heading_text(block: &Block) -> bool {
    own_shape(block) == Shape::Short
        && !block.bullet
        && block.text.chars().any(char::is_lowercase)
        && !block.text.contains(NOT_IN_HEADINGS)
}

/// True if line `i` is a paragraph of the article kept as body.
fn is_kept_paragraph(blocks: &[Block], kinds: &[Kind], i: usize) -> bool {
    kinds.get(i) == Some(&Kind::Body)
        && blocks
            .get(i)
            .is_some_and(|b| !b.bullet && matches!(own_shape(b), Shape::Good | Shape::Near))
}

/// Gives back the lines set between two kept paragraphs at their
/// indentation. `own_kinds` are the lines' kinds on their own.
pub fn restore(blocks: &[Block], lines: &[LineShape], own_kinds: &[Kind], kinds: &mut [Kind]) {
    for i in 1..blocks.len() {
        let (Some(block), Some(layout)) = (blocks.get(i), lines.get(i)) else {
            continue;
        };
        let same_indent = |j: usize| lines.get(j).is_some_and(|l| l.indent == layout.indent);
        let sandwiched = is_kept_paragraph(blocks, kinds, i - 1)
            && is_kept_paragraph(blocks, kinds, i + 1)
            && same_indent(i - 1)
            && same_indent(i + 1);
        let removed = !matches!(kinds.get(i), Some(Kind::Body));
        if sandwiched
            && removed
            && own_kinds.get(i) == Some(&Kind::Body)
            && layout.cells == 1
            && is_heading_text(block)
            && let Some(kind) = kinds.get_mut(i)
        {
            *kind = Kind::Body;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::{P1, text_body};

    /// The article: a good paragraph, then two near-good ones with `line`
    /// between them, then a menu.
    fn page(line: &str) -> String {
        let first = "All his photos were taken with a phone, and here is an example:";
        let second = "His portrait and many more examples are on the photographer's page.";
        format!("{P1}\n\n{first}\n\n{line}\n\n{second}\n\n* Home\n* Contact\n* Archive\n")
    }

    #[test]
    fn a_short_line_between_two_kept_paragraphs_is_a_subheading() {
        // jusText keeps a short line only next to good prose: here its
        // neighbours are near-good and a menu lies beyond them.
        let body = text_body(&page("An ant in a bar!"));
        assert!(body.iter().any(|l| l == "An ant in a bar!"), "{body:?}");
    }

    #[test]
    fn a_photo_credit_between_two_paragraphs_stays_removed() {
        let body = text_body(&page("Photo: DPA / Jane Doe"));
        assert!(!body.iter().any(|l| l.contains("Jane Doe")), "{body:?}");
    }
}
