//! Page furniture of a text dump that reads like prose and so passes the
//! line-shape rules ([`super::text_shape`]): comment threads
//! ([`super::dump_threads`]), teaser cards and lists of other articles
//! ([`super::dump_cards`]), and author or site boxes
//! ([`super::dump_boxes`]), notices and labelled links
//! ([`super::dump_notices`]). Each rule finds the furniture by the lines
//! around the prose (a comment header, a card's repeating layout, a box's
//! heading), never by the prose alone, and removes only body lines.

use super::Kind;
use super::text_shape::{Shape, own_shape};
use crate::blocks::{Block, LineShape};

/// The dump as the furniture rules read it.
pub struct Dump<'a> {
    pub blocks: &'a [Block],
    pub lines: &'a [LineShape],
    /// Each line's class on its own text ([`own_shape`]).
    pub shapes: Vec<Shape>,
}

impl Dump<'_> {
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    pub fn text(&self, i: usize) -> &str {
        self.blocks.get(i).map_or("", |b| b.text.as_str())
    }

    pub fn indent(&self, i: usize) -> usize {
        self.lines.get(i).map_or(0, |l| l.indent)
    }

    pub fn alone(&self, i: usize) -> bool {
        self.lines.get(i).is_some_and(|l| l.alone)
    }

    pub fn shape(&self, i: usize) -> Shape {
        self.shapes.get(i).copied().unwrap_or(Shape::Bad)
    }

    /// A bulleted line ("* Home", "+ Title").
    pub fn bullet(&self, i: usize) -> bool {
        self.blocks.get(i).is_some_and(|b| b.bullet)
    }

    /// A list item: bulleted, or numbered ("3. Title").
    pub fn list_item(&self, i: usize) -> bool {
        self.bullet(i) || is_numbered(self.text(i))
    }

    /// Good or near-good prose that is not a list item.
    pub fn prose(&self, i: usize) -> bool {
        matches!(self.shape(i), Shape::Good | Shape::Near) && !self.list_item(i)
    }

    /// A short line (a label, a name) or a bad one, not a list item.
    pub fn label(&self, i: usize) -> bool {
        matches!(self.shape(i), Shape::Short | Shape::Bad) && !self.list_item(i)
    }
}

/// True if the line starts with a number and a full stop ("3. Title").
fn is_numbered(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && text
            .get(digits..)
            .is_some_and(|rest| rest.starts_with(". "))
}

/// Sets line `i` to `kind` if it is body.
pub fn remove(kinds: &mut [Kind], i: usize, kind: Kind) {
    if let Some(k) = kinds.get_mut(i).filter(|k| **k == Kind::Body) {
        *k = kind;
    }
}

/// Applies every furniture rule to the lines' kinds.
pub fn apply(blocks: &[Block], lines: &[LineShape], kinds: &mut [Kind]) {
    if lines.len() != blocks.len() || kinds.len() != blocks.len() {
        return;
    }
    let dump = Dump {
        blocks,
        lines,
        shapes: blocks.iter().map(own_shape).collect(),
    };
    super::dump_threads::apply(&dump, kinds);
    super::dump_cards::apply(&dump, kinds);
    super::dump_boxes::apply(&dump, kinds);
    super::dump_notices::apply(&dump, kinds);
    super::dump_prompts::apply(&dump, kinds);
    super::dump_closers::apply(&dump, kinds);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines_are_list_items() {
        assert!(is_numbered("3. Peter says:"));
        assert!(!is_numbered("3.5 million people"));
        assert!(!is_numbered("Title"));
    }
}
