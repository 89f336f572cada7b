//! The opening lines of the article in a text dump, just above its first
//! good paragraph: a short intro sentence ("In this article, I'll explain
//! how..."), the subheading and list it leads into, a letter's salutation.
//! Each is too short to be good prose and sits between the page's header
//! (bad lines) and the article, so the shape rules remove it; set at the
//! article's own indentation right above its first paragraph, it is the
//! article's.

use super::Kind;
use super::text_shape::{Shape, article_indent, own_shape};
use crate::blocks::{Block, LineShape, ends_sentence};
use crate::rules::dump_openers::{
    BREADCRUMB_SEPARATORS, HEADLINE_ENDS, MAX_OPENER_LINES, MAX_SALUTATION_CHARS,
    MIN_BREADCRUMB_SEPARATORS, MIN_UNPUNCTUATED_INTRO_CHARS,
};

/// True for a breadcrumb trail ("Home » News » Local").
fn is_breadcrumb(text: &str) -> bool {
    let separators: usize = BREADCRUMB_SEPARATORS
        .iter()
        .map(|s| text.matches(s).count())
        .sum();
    separators >= MIN_BREADCRUMB_SEPARATORS
}

/// The dump as the opener rules read it.
struct Dump<'a> {
    blocks: &'a [Block],
    lines: &'a [LineShape],
    own_kinds: &'a [Kind],
    shapes: Vec<Shape>,
    /// The article's indentation.
    indent: usize,
}

impl Dump<'_> {
    fn indent_of(&self, i: usize) -> usize {
        self.lines.get(i).map_or(0, |l| l.indent)
    }

    fn shape(&self, i: usize) -> Shape {
        self.shapes.get(i).copied().unwrap_or(Shape::Bad)
    }

    fn bullet(&self, i: usize) -> bool {
        self.blocks.get(i).is_some_and(|b| b.bullet)
    }

    fn text(&self, i: usize) -> &str {
        self.blocks.get(i).map_or("", |b| b.text.as_str())
    }

    /// True if the line was body on its own (not a byline, a caption, a
    /// phrase of boilerplate).
    fn own_body(&self, i: usize) -> bool {
        self.own_kinds.get(i) == Some(&Kind::Body)
    }

    /// The header ends here: a line that is not body on its own or that
    /// the other rules took for the header's (a byline, a date, a
    /// caption, the headline), a menu item (a bullet no deeper than the
    /// article) or a breadcrumb.
    fn is_barrier(&self, i: usize, kinds: &[Kind]) -> bool {
        let header = !matches!(
            kinds.get(i),
            Some(Kind::Body | Kind::Other | Kind::Navigation)
        );
        !self.own_body(i)
            || header
            || (self.bullet(i) && self.indent_of(i) <= self.indent)
            || is_breadcrumb(self.text(i))
    }

    /// Prose at the article's indentation that reads as its intro: a
    /// statement or a lead-in (a headline asks or exclaims), or a line too
    /// long for a headline.
    fn is_intro(&self, i: usize) -> bool {
        let text = self.text(i);
        matches!(self.shape(i), Shape::Near | Shape::Good)
            && !self.bullet(i)
            && self.indent_of(i) == self.indent
            && ((ends_sentence(text) && !text.trim_end().ends_with(HEADLINE_ENDS))
                || text.chars().count() >= MIN_UNPUNCTUATED_INTRO_CHARS)
    }

    /// A line between the intro and the first paragraph that belongs with
    /// them: a subheading at (or under) the article's indentation, a list
    /// item nested deeper, more prose at its indentation.
    fn is_between(&self, i: usize) -> bool {
        if !self.own_body(i) {
            return false;
        }
        let indent = self.indent_of(i);
        if self.bullet(i) {
            return indent > self.indent && self.shape(i) != Shape::Bad;
        }
        match self.shape(i) {
            Shape::Short => indent == self.indent,
            Shape::Near | Shape::Good => indent == self.indent,
            Shape::Bad => false,
        }
    }
}

/// The article's first good paragraph kept as body, at its indentation.
fn first_paragraph(dump: &Dump, kinds: &[Kind]) -> Option<usize> {
    (0..dump.blocks.len()).find(|&i| {
        kinds.get(i) == Some(&Kind::Body)
            && dump.shape(i) == Shape::Good
            && dump.indent_of(i) == dump.indent
    })
}

/// Gives back the intro above the first paragraph `start` and the lines
/// between them.
fn restore_intro(dump: &Dump, start: usize, kinds: &mut [Kind]) {
    let mut top = None;
    for i in (start.saturating_sub(MAX_OPENER_LINES)..start).rev() {
        if dump.is_barrier(i, kinds) {
            break;
        }
        if kinds.get(i) != Some(&Kind::Body) && dump.is_intro(i) {
            top = Some(i);
        }
    }
    let Some(top) = top else { return };
    for i in top..start {
        if (i == top || dump.is_between(i))
            && let Some(kind) = kinds.get_mut(i)
        {
            *kind = Kind::Body;
        }
    }
}

/// Gives back a salutation ("Liebe Leserinnen,") right above the first
/// paragraph `start`, at its indentation.
fn restore_salutation(dump: &Dump, start: usize, kinds: &mut [Kind]) {
    let Some(i) = start.checked_sub(1) else {
        return;
    };
    let text = dump.text(i);
    let salutation = dump.own_body(i)
        && !dump.bullet(i)
        && dump.indent_of(i) == dump.indent
        && text.chars().count() <= MAX_SALUTATION_CHARS
        && text.trim_end().ends_with(',');
    if salutation && let Some(kind) = kinds.get_mut(i) {
        *kind = Kind::Body;
    }
}

/// Runs the opener rules on the kinds the other rules left. `own_kinds`
/// are the lines' kinds on their own.
pub fn restore(blocks: &[Block], lines: &[LineShape], own_kinds: &[Kind], kinds: &mut [Kind]) {
    if lines.len() != blocks.len() || kinds.len() != blocks.len() {
        return;
    }
    let shapes: Vec<Shape> = blocks.iter().map(own_shape).collect();
    let flat_indent = lines.first().map_or(0, |l| l.indent);
    let indent = article_indent(&shapes, blocks, lines, kinds).unwrap_or(flat_indent);
    let dump = Dump {
        blocks,
        lines,
        own_kinds,
        shapes,
        indent,
    };
    let Some(start) = first_paragraph(&dump, kinds) else {
        return;
    };
    restore_intro(&dump, start, kinds);
    restore_salutation(&dump, start, kinds);
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::{P1, P2, P3, text_body};

    /// A layout-keeping dump: a menu at two columns, the article at four.
    fn page(opening: &str) -> String {
        format!("  * Home\n  * News\n\n{opening}\n\n    {P1}\n\n    {P2}\n\n    {P3}\n")
    }

    #[test]
    fn an_intro_its_subheading_and_its_list_above_the_first_paragraph_are_the_article() {
        // The intro is only near-good, and the list item under it, nested
        // deeper, is bad off the article's indentation: on their own the
        // shape rules remove all three lines.
        let intro = "In this post I explain what the council decided and what it means:";
        let item = "* The vote on the new budget was seven to six in the end.";
        let opening = format!("    {intro}\n\n    Highlights\n\n      {item}");
        assert_eq!(
            text_body(&page(&opening)),
            [intro, "Highlights", item, P1, P2, P3]
        );
    }

    #[test]
    fn a_headline_that_asks_is_not_an_intro() {
        let headline = "Will the council ever agree on a budget for the city schools?";
        let item = "* The vote on the new budget was seven to six in the end.";
        let opening = format!("    {headline}\n\n    Highlights\n\n      {item}");
        assert_eq!(text_body(&page(&opening)), [P1, P2, P3]);
    }

    #[test]
    fn a_salutation_above_the_first_paragraph_is_the_article() {
        let dump = format!("Dear readers,\n\n{P1}\n\n{P2}\n\n{P3}\n");
        assert_eq!(text_body(&dump), ["Dear readers,", P1, P2, P3]);
    }
}
