//! Vocabularies and thresholds of the heuristics, as documented data.
//!
//! Every word list is sorted and lowercase (a test checks it), grouped by the
//! concept it detects; every threshold is a named constant with its reason.
//! Code elsewhere asks questions of this data; it never carries literals of
//! its own.

pub mod dump_closers;
pub mod dump_furniture;
pub mod dump_openers;
pub mod metadata;
pub mod notes;
pub mod phrases;
pub mod quotes;
pub mod text_dump;
pub mod text_recall;
pub mod thresholds;
pub mod tokens;

use std::cell::RefCell;
use std::rc::Rc;

use aho_corasick::AhoCorasick;

use crate::dom::FastMap;

/// True if `list` is strictly sorted and entirely lowercase: the invariant
/// of every vocabulary in this module (binary search relies on the order).
pub fn is_sorted_lowercase(list: &[&str]) -> bool {
    list.windows(2).all(|w| w.first() < w.get(1)) && list.iter().all(|w| w.to_lowercase() == *w)
}

/// True if `word` is in the sorted vocabulary `list`.
pub fn contains_word(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// True if the lowercase `text` contains any phrase of `list`.
///
/// The vocabulary is compiled once (per worker thread) into an
/// Aho-Corasick automaton, so the text is scanned once whatever the
/// number of phrases: trying each phrase with `str::contains` was a fifth
/// of decant's time. Vocabularies are `'static` data, so the cache is
/// keyed by the list's address and never goes stale.
pub fn contains_any(list: &'static [&'static str], text: &str) -> bool {
    if list.is_empty() {
        return false;
    }
    thread_local! {
        static AUTOMATA: RefCell<FastMap<(usize, usize), Rc<AhoCorasick>>> =
            RefCell::new(FastMap::default());
    }
    let key = (list.as_ptr() as usize, list.len());
    let automaton = AUTOMATA.with(|cache| {
        cache
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| Rc::new(phrase_automaton(list)))
            .clone()
    });
    automaton.is_match(text)
}

/// One automaton matching every phrase of `phrases` (leftmost-first, so
/// the match reported is the phrase listed first among those starting at
/// the leftmost position).
pub fn phrase_automaton(phrases: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(phrases)
        .unwrap_or_else(|_| unreachable!("a few hundred short phrases fit any automaton"))
}

/// True if the lowercase `text` starts with any phrase of `list`.
pub fn starts_with_any(list: &[&str], text: &str) -> bool {
    list.iter().any(|p| text.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lowercase_detects_disorder_and_case() {
        assert!(is_sorted_lowercase(&["a", "b", "c"]));
        assert!(!is_sorted_lowercase(&["b", "a"]));
        assert!(!is_sorted_lowercase(&["a", "B"]));
        assert!(!is_sorted_lowercase(&["a", "a"]));
    }

    #[test]
    fn lookups() {
        assert!(contains_word(&["ad", "ads"], "ads"));
        assert!(!contains_word(&["ad", "ads"], "add"));
        assert!(contains_any(&["tip"], "do you have a tip"));
        assert!(starts_with_any(&["by "], "by jane doe"));
    }
}
