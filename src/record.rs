//! The owned results of one page: a [`Record`] for an article or a
//! [`Reject`] with its reason. Both are `Send` and carry no borrowed DOM.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::error::RejectReason;

/// A direct quote found in the body text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Who said it, in the fullest form the article gives; None if unattributed.
    pub speaker: Option<String>,
    /// The attribution verb or phrase ("said", "told", "according to").
    pub cue: Option<String>,
    /// Start offset in `Record::text`, in Unicode scalar values (chars).
    pub start: i32,
    /// End offset (exclusive) in `Record::text`, in chars.
    pub end: i32,
}

/// A block stripped from the page, with the kind of boilerplate it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub kind: String,
    pub text: String,
}

/// One article: one row of `articles-*.parquet`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Record {
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub fetched_at: Option<DateTime<Utc>>,
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub date_published: Option<NaiveDate>,
    pub date_modified: Option<NaiveDate>,
    pub date_source: Option<String>,
    pub canonical_url: Option<String>,
    pub image_url: Option<String>,
    pub text: String,
    pub word_count: i32,
    pub quotes: Vec<Quote>,
    pub removed: Option<Vec<Removed>>,
    pub content_hash: String,
    /// The character encoding the page was decoded with.
    pub encoding: Option<String>,
}

/// A page that yielded no article: one row of `rejects.parquet`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reject {
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub reason: RejectReason,
    pub detail: String,
}

impl Serialize for RejectReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Words in `text`: maximal runs of alphanumeric characters, the same
/// notion of a word as the benchmarks' `\w+` tokens (apostrophes split).
pub fn word_count(text: &str) -> i32 {
    let mut count = 0i32;
    let mut in_word = false;
    for c in text.chars() {
        let is_word = c.is_alphanumeric() || c == '_';
        if is_word && !in_word {
            count = count.saturating_add(1);
        }
        in_word = is_word;
    }
    count
}

/// Hex BLAKE3 hash of the text with whitespace collapsed and case folded,
/// so the same article with other spacing hashes the same.
pub fn content_hash(text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            hasher.update(b" ");
        }
        first = false;
        hasher.update(word.to_lowercase().as_bytes());
    }
    hasher.finalize().to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_splits_on_non_word_characters() {
        assert_eq!(word_count("Putin's war, in 2022."), 5);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one\n\ntwo  "), 2);
    }

    #[test]
    fn content_hash_ignores_spacing_and_case() {
        assert_eq!(content_hash("A  b\n\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
        assert_eq!(content_hash("x").len(), 32);
    }
}
