//! Regular expressions made cheaper to compile or to run than a plain
//! `regex::Regex`, each with the same answers as the regex it stands for:
//!
//! - [`MatchOnly`]: patterns only asked whether they match, compiled at
//!   about half the cost: one forward NFA and a lazy DFA over it. A full
//!   regex also builds a reverse NFA and other engines, which find where a
//!   match starts and what its groups captured; `is_match` needs neither,
//!   and compiling Unicode classes (`\p{L}`, `\w`, `\d`) twice was most of
//!   a short run's classification time.
//! - [`AsciiFirst`]: compiled with ASCII classes for ASCII texts, with the
//!   Unicode classes only when a non-ASCII text comes (timestamps, URLs).
//! - [`Unfiltered`]: built without a literal prefilter, for alternations
//!   of many words searched only in short texts.
//! - [`WordPrecheck`]: not a pattern but a cheap test that a word-list
//!   pattern cannot match a text, so most texts are never searched.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::{CaptureMatches, Captures, Regex};
use regex_automata::Input;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta;
use regex_automata::nfa::thompson;
use regex_automata::util::captures as meta_captures;
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

/// A pattern compiled twice, each form only when first needed: with ASCII
/// classes for ASCII texts, as written for the others. On an ASCII text
/// `\d`, `\s` and `\b` match exactly what `[0-9]`, `[\t\n\x0B\x0C\r ]`
/// and `(?-u:\b)` match, and those compile at a fraction of the cost of the
/// Unicode classes (a Unicode `\d` alone is about 2M instructions per
/// pattern). Meant for values that are nearly always ASCII: timestamps,
/// URLs.
pub struct AsciiFirst {
    pattern: &'static str,
    ascii: OnceLock<Option<Regex>>,
    unicode: OnceLock<Option<Regex>>,
}

impl AsciiFirst {
    /// `pattern` must not use `\b` inside a class (where it is a backspace).
    pub const fn new(pattern: &'static str) -> AsciiFirst {
        AsciiFirst {
            pattern,
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    /// The form of the pattern that answers for `text` (None only if the
    /// pattern is not a valid regex).
    fn for_text(&self, text: &str) -> Option<&Regex> {
        if text.is_ascii() {
            self.ascii
                .get_or_init(|| Regex::new(&ascii_classes(self.pattern)).ok())
                .as_ref()
        } else {
            self.unicode
                .get_or_init(|| Regex::new(self.pattern).ok())
                .as_ref()
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_some_and(|r| r.is_match(text))
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.for_text(text)?.captures(text)
    }

    /// The captures of every match, in order (none for an invalid pattern).
    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let matches: Option<CaptureMatches<'r, 'h>> =
            self.for_text(text).map(|r| r.captures_iter(text));
        matches.into_iter().flatten()
    }
}

/// A pattern built without a literal prefilter, for alternations of many
/// case-insensitive words (month names, "updated" in five languages) that
/// are only searched in short texts: building the prefilter was a third to
/// a half of their compile cost, and on a short text it saves little. The
/// matches are those of `regex::Regex` (a prefilter only speeds a search).
pub struct Unfiltered {
    regex: Option<meta::Regex>,
}

impl Unfiltered {
    pub fn new(pattern: &str) -> Unfiltered {
        let regex = meta::Builder::new()
            .configure(meta::Config::new().auto_prefilter(false))
            .build(pattern)
            .ok();
        Unfiltered { regex }
    }

    /// The groups of every match, in order.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Groups<'h>> + use<'r, 'h> {
        self.regex
            .iter()
            .flat_map(move |regex| regex.captures_iter(text))
            .map(move |caps| Groups { text, caps })
    }

    /// Where the first match starts.
    pub fn find_start(&self, text: &str) -> Option<usize> {
        self.regex.as_ref()?.find(text).map(|m| m.start())
    }
}

/// The groups of one match of an [`Unfiltered`] pattern.
pub struct Groups<'h> {
    text: &'h str,
    caps: meta_captures::Captures,
}

impl<'h> Groups<'h> {
    /// The text of group `i` (0: the whole match), if it took part.
    pub fn get(&self, i: usize) -> Option<&'h str> {
        self.caps
            .get_group(i)
            .and_then(|span| self.text.get(span.range()))
    }

    /// Where the match starts.
    pub fn start(&self) -> usize {
        self.caps.get_match().map_or(0, |m| m.start())
    }
}

/// A cheap test that a case-insensitive pattern built on a list of words
/// cannot match a text: every match of `(?i)` followed by one of the words
/// holds, for each word, the word's longest run of ASCII chars other than
/// k and s in some ASCII case (those two letters, alone among ASCII,
/// also fold to non-ASCII chars: K KELVIN SIGN, ſ LONG S). A text without
/// any of these runs is not searched. A word without such a run makes the
/// test pass every text.
pub struct WordPrecheck {
    runs: Option<AhoCorasick>,
}

impl WordPrecheck {
    pub fn new(words: &[&str]) -> WordPrecheck {
        let runs: Option<Vec<&str>> = words.iter().map(|w| ascii_run(w)).collect();
        let runs = runs.and_then(|runs| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(runs)
                .ok()
        });
        WordPrecheck { runs }
    }

    /// False when no word of the list can be in `text`.
    pub fn may_match(&self, text: &str) -> bool {
        self.runs.as_ref().is_none_or(|runs| runs.is_match(text))
    }
}

/// The longest run of ASCII chars of `word` other than k and s (the first
/// of equal length), or None when it has none.
fn ascii_run(word: &str) -> Option<&str> {
    let folds_outside_ascii = |c: char| !c.is_ascii() || matches!(c, 'k' | 'K' | 's' | 'S');
    word.split(folds_outside_ascii)
        .fold(None, |best: Option<&str>, run| match best {
            Some(b) if b.len() >= run.len() => Some(b),
            _ if run.is_empty() => best,
            _ => Some(run),
        })
}

/// `pattern` with its Unicode `\d`, `\s` and `\b` written as their ASCII
/// forms (escaped backslashes are kept as they are).
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('d') => out.push_str("[0-9]"),
            Some('s') => out.push_str(r"[\t\n\x0B\x0C\r ]"),
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_forms_answer_as_the_unicode_pattern_on_ascii_texts() {
        let texts = [
            "",
            "2019-11-19",
            "2019-11-19T10:00:00Z",
            "2019-11-19 10:00 +00:00 ",
            "20191119T1000",
            "1574157600",
            "1574157600123",
            "x2019-11-19",
            "/news/2019/11/19/story",
            "/a_2019-11-19.html",
            "12.03.2024, 14:05 Uhr",
            "\t2019/1/9\x0b",
        ];
        for pattern in [
            r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])",
            r"^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(.*)$",
            r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b",
            r"(?:/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$|[-_.]))|(?:[/_-](\d{4})-(\d{2})-(\d{2})(?:[/_.-]|$))",
            r"^(\d{10})(\d{3})?$",
            r"a\\d",
        ] {
            let unicode = Regex::new(pattern).unwrap_or_else(|e| panic!("{e}"));
            let ascii = Regex::new(&ascii_classes(pattern)).unwrap_or_else(|e| panic!("{e}"));
            let both = AsciiFirst::new(pattern);
            let spans = |c: Option<Captures<'_>>| -> Vec<Option<(usize, usize)>> {
                c.map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .unwrap_or_default()
            };
            for text in texts {
                assert_eq!(spans(ascii.captures(text)), spans(unicode.captures(text)));
                assert_eq!(spans(both.captures(text)), spans(unicode.captures(text)));
                assert_eq!(both.is_match(text), unicode.is_match(text));
                assert_eq!(
                    both.captures_iter(text).count(),
                    unicode.captures_iter(text).count()
                );
            }
        }
        assert_eq!(ascii_classes(r"a\\d\d"), r"a\\d[0-9]");
    }

    #[test]
    fn only_k_and_s_fold_to_non_ascii_chars() {
        // What WordPrecheck rests on: `(?i)` makes an ASCII letter match a
        // non-ASCII char only for k and s.
        let others: String = (0x80..=0x10_FFFF_u32).filter_map(char::from_u32).collect();
        for letter in ('a'..='z').chain('A'..='Z') {
            let pattern = Regex::new(&format!("(?i){letter}")).unwrap_or_else(|e| panic!("{e}"));
            let found: Vec<&str> = pattern.find_iter(&others).map(|m| m.as_str()).collect();
            let expected: &[&str] = match letter.to_ascii_lowercase() {
                'k' => &["\u{212A}"],
                's' => &["\u{17F}"],
                _ => &[],
            };
            assert_eq!(found, expected, "{letter}");
        }
    }

    #[test]
    fn word_precheck_passes_every_text_a_pattern_matches() {
        let words = [
            "updated",
            "mis à jour",
            "sábado",
            "samstag",
            "ks",
            "tuesday",
        ];
        assert_eq!(ascii_run("mis à jour"), Some(" jour"));
        assert_eq!(ascii_run("sábado"), Some("bado"));
        assert_eq!(ascii_run("samstag"), Some("tag"));
        assert_eq!(ascii_run("tuesday"), Some("tue"));
        assert_eq!(ascii_run("ks"), None);
        let check = WordPrecheck::new(&words[..4]);
        let pattern = Regex::new(r"(?i)\b(?:updated|mis à jour|sábado|samstag)\b")
            .unwrap_or_else(|e| panic!("{e}"));
        for text in [
            "UPDATED 5 May",
            "Mis À Jour le 3",
            "SÁBADO",
            "\u{17F}am\u{17F}tag",
            "SAMSTAG",
            "by Jane Doe",
            "",
        ] {
            if pattern.is_match(text) {
                assert!(check.may_match(text), "{text}");
            }
        }
        assert!(!check.may_match("by Jane Doe"));
        assert!(WordPrecheck::new(&words).may_match("by Jane Doe"));
    }

    #[test]
    fn unfiltered_patterns_match_as_regex_does() {
        let pattern = r"(?i)\b(\d{1,2})\.?\s+(jan|january|märz|nov)\.?,?\s+(\d{4})\b";
        let full = Regex::new(pattern).unwrap_or_else(|e| panic!("{e}"));
        let lean = Unfiltered::new(pattern);
        for text in [
            "19 Nov 2019 and 3. MÄRZ 2020",
            "x19 jan 2019, 1 January 2020",
            "١٢ nov 2019",
            "",
        ] {
            let expected: Vec<(usize, Vec<Option<&str>>)> = full
                .captures_iter(text)
                .map(|c| {
                    let start = c.get(0).map_or(0, |m| m.start());
                    (
                        start,
                        (0..4).map(|i| c.get(i).map(|m| m.as_str())).collect(),
                    )
                })
                .collect();
            let got: Vec<(usize, Vec<Option<&str>>)> = lean
                .captures_iter(text)
                .map(|g| (g.start(), (0..4).map(|i| g.get(i)).collect()))
                .collect();
            assert_eq!(got, expected, "{text}");
            assert_eq!(lean.find_start(text), full.find(text).map(|m| m.start()));
        }
    }

    #[test]
    fn non_ascii_texts_get_the_unicode_pattern() {
        // A Devanagari year is a Unicode digit run, not an ASCII one.
        let both = AsciiFirst::new(r"^\d{4}$");
        assert!(both.is_match("२०१९"));
        assert!(both.is_match("2019"));
        assert!(!both.is_match("2019a"));
    }

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
