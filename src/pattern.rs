//! Patterns that are only asked whether they match, compiled at about half
//! the cost of a `regex::Regex`: one forward NFA and a lazy DFA over it.
//! A full regex also builds a reverse NFA and other engines, which find
//! where a match starts and what its groups captured; `is_match` needs
//! neither, and compiling Unicode classes (`\p{L}`, `\w`, `\d`) twice was
//! most of a short run's classification time.

use std::sync::OnceLock;

use regex::Regex;
use regex_automata::Input;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;

/// Makes a lazy DFA's cache, for the pool of one pattern.
type MakeCache = Box<dyn Fn() -> Cache + Send + Sync>;

/// A pattern tested with [`MatchOnly::is_match`], with the same syntax
/// and answers as `regex::Regex::is_match`.
pub struct MatchOnly {
    pattern: String,
    dfa: Option<(DFA, Pool<Cache, MakeCache>)>,
    /// The full regex, built only if the lazy DFA cannot answer (it could
    /// not be built, or gave up on an input).
    fallback: OnceLock<Option<Regex>>,
}

impl MatchOnly {
    /// Compiles `pattern`; None if it is not a valid regex.
    pub fn new(pattern: &str) -> Option<MatchOnly> {
        let built = DFA::builder()
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build(pattern);
        let dfa = match built {
            Ok(dfa) => {
                let for_caches = dfa.clone();
                let make: MakeCache = Box::new(move || for_caches.create_cache());
                Some((dfa, Pool::new(make)))
            }
            Err(_) => {
                // Not a valid pattern, or not one a lazy DFA takes: the
                // full regex decides.
                Regex::new(pattern).ok()?;
                None
            }
        };
        Some(MatchOnly {
            pattern: pattern.to_string(),
            dfa,
            fallback: OnceLock::new(),
        })
    }

    /// True if the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        if let Some((dfa, pool)) = &self.dfa {
            let mut cache = pool.get();
            let input = Input::new(text).earliest(true);
            if let Ok(found) = dfa.try_search_fwd(&mut cache, &input) {
                return found.is_some();
            }
        }
        self.fallback
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
            .is_some_and(|regex| regex.is_match(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(pattern: &str, texts: &[&str]) {
        let fast = MatchOnly::new(pattern).unwrap_or_else(|| panic!("{pattern}"));
        let full = Regex::new(pattern).unwrap_or_else(|e| panic!("{e}"));
        for text in texts {
            assert_eq!(
                fast.is_match(text),
                full.is_match(text),
                "{pattern} on {text:?}"
            );
        }
    }

    #[test]
    fn answers_as_the_full_regex_does() {
        let texts = [
            "",
            "Jane Doe is a reporter.",
            "jane doe is a reporter.",
            "12.03.2024, 14:05 uhr",
            "November 19, 2019",
            "line one\nNovember 19, 2019",
            "Ångström Ōkubo was the editor ",
            "١٢ مايو ٢٠٢٠",
        ];
        for pattern in [
            r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}\s+(?:is|was)\s+(?:a|an|the)\s",
            r"(?i)^(\w+,?\s+)?(jan|nov)\w*\.?\s+\d{1,2},?\s+\d{4}.*$",
            r"^\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}",
            r"reporter|editor",
            r"\bword\b",
            r"(?m)^November",
            r"",
        ] {
            both(pattern, &texts);
        }
    }

    #[test]
    fn an_invalid_pattern_is_refused() {
        assert!(MatchOnly::new("(unclosed").is_none());
    }
}
