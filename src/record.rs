//! The owned results of one page: a [`Record`] for an article or a
//! [`Reject`] with its reason. Both are `Send` and carry no borrowed DOM.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::chars;
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
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let is_word = if b.is_ascii() {
            at += 1;
            b.is_ascii_alphanumeric() || b == b'_'
        } else {
            let c = text.get(at..).and_then(|rest| rest.chars().next());
            at += c.map_or(1, char::len_utf8);
            c.is_some_and(chars::is_alphanumeric)
        };
        if is_word && !in_word {
            count = count.saturating_add(1);
        }
        in_word = is_word;
    }
    count
}

/// Hex BLAKE3 hash of the text with whitespace collapsed and case folded,
/// so the same article with other spacing hashes the same. The words are
/// joined by single spaces, lowercased and hashed in one piece (the same
/// bytes, so the same hash, as hashing them word by word).
pub fn content_hash(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for (i, word) in chars::words(text).enumerate() {
        if i > 0 {
            folded.push(' ');
        }
        push_lowercase(&mut folded, word);
    }
    blake3::hash(folded.as_bytes()).to_hex()[..32].to_string()
}

/// Appends `word` lowercased as `str::to_lowercase` does: ASCII words in
/// place, other words char by char (a word with a capital sigma, the one
/// letter whose lowercase depends on its neighbours, by
/// `str::to_lowercase` itself).
fn push_lowercase(out: &mut String, word: &str) {
    let start = out.len();
    if word.is_ascii() {
        out.push_str(word);
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        if c == 'Σ' {
            out.truncate(start);
            out.push_str(&word.to_lowercase());
            return;
        }
        chars::push_lowercase(out, c);
    }
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

    /// The hash of earlier releases: each word lowercased and hashed
    /// apart. Lowercasing the joined text gives the same bytes: a space
    /// ends a word for every case rule, final sigma included.
    fn hash_word_by_word(text: &str) -> String {
        let mut hasher = blake3::Hasher::new();
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.to_lowercase().as_bytes());
        }
        hasher.finalize().to_hex()[..32].to_string()
    }

    #[test]
    fn content_hash_is_the_word_by_word_hash() {
        for text in [
            "",
            "  ",
            "A  b\n\nc",
            "ΟΔΥΣΣΕΥΣ ΣΊΣΥΦΟΣ Σ ΑΣ\u{a0}ΑΣ.",
            "İstanbul\tǅemal  ﬃ ß",
        ] {
            assert_eq!(content_hash(text), hash_word_by_word(text), "{text}");
        }
    }

    #[test]
    fn word_count_reads_non_ascii_words() {
        assert_eq!(word_count("Çà et là, 東京 ٣٤ x_y"), 6);
    }

    #[test]
    fn content_hash_ignores_spacing_and_case() {
        assert_eq!(content_hash("A  b\n\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
        assert_eq!(content_hash("x").len(), 32);
    }
}
