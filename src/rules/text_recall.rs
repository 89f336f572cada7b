//! Thresholds of the rules that give article lines back to a text dump's
//! body after the shape rules removed them (see `classify::text_recall`).

/// A line led by a quantity ("200 g Zucker", "1 TL Backpulver", "2 x AA
/// batteries") is an item of an ingredient or parts list only when it is
/// short: longer lines led by a number are sentences ("3 people were...").
pub const MAX_QUANTITY_LINE_CHARS: usize = 80;

/// Letters a unit glued to its number may have ("125g", "50ml", "2kg");
/// longer, and the number is part of a word or a code ("3dfx").
pub const MAX_GLUED_UNIT_LETTERS: usize = 4;

/// Quantity lines a run needs to be a list: two numbers in a row are often
/// a date and a count in a teaser; ingredient and parts lists are longer.
pub const MIN_QUANTITY_RUN: usize = 3;

/// A label inside a list ("Für den Teig:", "Belag:") or a bare item
/// without a quantity ("etwas Fett", "Salz") is at most this long.
pub const MAX_LIST_LABEL_CHARS: usize = 40;

/// Lines a quantity list may end above the article's first line and still
/// be the article's: a recipe's ingredients come before its steps, with
/// the nutrition facts and the timings between them.
pub const MAX_LIST_LINES_ABOVE_ARTICLE: usize = 30;

/// Numbers a numbered list's items go up to: larger leading numbers are
/// years, prices or counts ("2019. Das Jahr...").
pub const MAX_NUMBERED_ITEM: u32 = 99;

/// Words at least half of a numbered list's items have: points of an
/// article ("2. Bleibe stets aktiv"), not a breadcrumb ("2. Wein").
pub const MIN_ITEM_WORDS: usize = 3;

/// Lines between a numbered list and the nearest kept body line: a list
/// introduced by the article's sentence or followed by its next
/// paragraph; further away (under a heading of its own) it is a box.
pub const MAX_LINES_FROM_ARTICLE: usize = 3;

/// Rows a run of aligned lines needs to be a table: two lines with wide
/// gaps are often a label and its value side by side.
pub const MIN_TABLE_ROWS: usize = 3;

/// Cells a row of a table has at least (a label and a value).
pub const MIN_TABLE_CELLS: usize = 2;

/// Lines between a table and the nearest kept body line: a table the
/// article introduces or comments; further away (under a heading of its
/// own, in a sidebar) it is a box of the page.
pub const MAX_LINES_FROM_TABLE: usize = 3;

/// Characters of photo credits ("DPA / Jane Doe"), teaser links
/// (">> Read more <<") and markup, never of an article's subheading.
pub const NOT_IN_HEADINGS: &[char] = &['/', '<', '>', '|', '©'];
