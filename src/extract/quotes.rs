//! Direct quotes with their speakers, found in the clean body text.

use crate::record::Quote;

/// Finds the direct quotes of `text`; offsets are char offsets into `text`.
pub fn find_quotes(_text: &str) -> Vec<Quote> {
    Vec::new()
}
