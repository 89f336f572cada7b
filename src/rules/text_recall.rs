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
