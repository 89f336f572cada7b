//! Thresholds of the rules that give back the opening lines of the article
//! in a text dump (see `classify::dump_openers`).

/// Lines above the article's first good paragraph in which its opening
/// lines are looked for: an intro sentence, then maybe a table of contents
/// (up to about seven items), a lead-in and a subheading before the first
/// long paragraph; further up is the page's header.
pub const MAX_OPENER_LINES: usize = 12;

/// A salutation above a letter's first paragraph ("Liebe Leserinnen,",
/// "Dear friends,") is a short line.
pub const MAX_SALUTATION_CHARS: usize = 40;

/// An intro line without sentence punctuation is still prose from this
/// long: headlines are shorter.
pub const MIN_UNPUNCTUATED_INTRO_CHARS: usize = 100;

/// Sentence ends of a headline ("Are you guys OK?", "Finally!"), not of an
/// intro, which states or leads in.
pub const HEADLINE_ENDS: &[char] = &['!', '?'];

/// Separators of a breadcrumb trail, with the spaces around them.
pub const BREADCRUMB_SEPARATORS: &[&str] = &[" / ", " > ", " | ", " » ", " › "];

/// Separators a breadcrumb has at least (three levels).
pub const MIN_BREADCRUMB_SEPARATORS: usize = 2;
