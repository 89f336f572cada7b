//! Thresholds and vocabularies for the lines of plain-text dumps.
//!
//! A text dump has no tags and no links: what tells a menu from the
//! article is the shape of its lines. Prose lines are long, end like
//! sentences and have most of their words in lowercase (menus, headings
//! and teaser titles are Title Case or single words); a dump made by a
//! layout-keeping converter (inscriptis, `lynx -dump`, `w3m -dump`) also
//! indents each element by its nesting, so the article's paragraphs share
//! one indentation and the menus, sidebars and footers around them sit at
//! others. The figures below follow jusText's (Pomikálek 2011) paragraph
//! classes, with case standing in for its per-language stop-word lists.

/// A line with fewer characters than this is short: a menu item, a label, a heading. It takes the class of its
/// neighbours (jusText's `length_low` is 70 with links; without links a
/// little lower keeps short real paragraphs).
pub const SHORT_LINE_CHARS: usize = 50;

/// A prose line of more characters than this is good on its own; shorter
/// prose is "near good" and needs a good neighbour (jusText's
/// `length_high` is 200; dumps split `<br>` lines, so lower).
pub const GOOD_LINE_CHARS: usize = 130;

/// Share of words not starting with a capital that makes a long line
/// without sentence punctuation read as running prose (English prose is
/// about 0.8 lowercase; menus and Title Case headlines stay under 0.4;
/// German prose, 0.6, usually ends its sentences anyway).
pub const PROSE_LOWERCASE_SHARE: f32 = 0.7;

/// Share of lowercase words below which a line is not even near-good
/// prose (a run of names, a Title Case teaser).
pub const NEAR_LOWERCASE_SHARE: f32 = 0.45;

/// What one character of a script written without spaces (Han, kana,
/// Hangul, Thai) counts for in line lengths: it carries about as much as
/// three Latin letters with their share of spaces.
pub const WIDE_CHAR_WEIGHT: usize = 3;

/// Bad lines (menu items, teaser titles) that separate two clusters of
/// good lines: fewer, and the two are one article with a box inside.
pub const CLUSTER_GAP_LINES: usize = 10;

/// A cluster of good lines below the largest one with less than this
/// share of its prose, separated from it by [`CLUSTER_GAP_LINES`] bad
/// lines, is a widget, not a second part of the article.
pub const MIN_CLUSTER_SHARE: f32 = 0.2;

/// Columns one tab stands for when measuring indentation.
pub const TAB_WIDTH: usize = 4;

/// Marks of a copyright line: always boilerplate in a dump, whatever
/// its length (lowercase, sorted).
pub const COPYRIGHT_MARKS: &[&str] = &["all rights reserved", "©"];

/// The bare word "copyright" marks a copyright line only on a line shorter
/// than this: footers that spell the word out ("Copyright 2024 Example
/// Media Inc. Use of this site constitutes acceptance of our terms") stay
/// under it, while an article's own paragraphs about copyright (licences,
/// court cases) run longer and are prose.
pub const COPYRIGHT_WORD: &str = "copyright";
/// See [`COPYRIGHT_WORD`].
pub const COPYRIGHT_WORD_MAX_CHARS: usize = 250;

// The classes are ordered: short < near < good.
const _: () = assert!(SHORT_LINE_CHARS < GOOD_LINE_CHARS);
const _: () = assert!(NEAR_LOWERCASE_SHARE < PROSE_LOWERCASE_SHARE);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::is_sorted_lowercase;

    #[test]
    fn vocabularies_are_sorted_and_lowercase() {
        assert!(is_sorted_lowercase(COPYRIGHT_MARKS));
    }
}
