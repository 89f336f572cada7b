//! What an element's tag, class names and id say: boilerplate of some kind
//! (a mark inherited by the blocks inside), or a likely article container.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use scraper::node::Element;

use super::Kind;
use crate::dom;
use crate::rules::thresholds::{STRONG_POSITIVE_BONUS, WEAK_POSITIVE_BONUS};
use crate::rules::tokens as t;
use crate::rules::{contains_any, contains_word, starts_with_any};

/// The boilerplate kind an element's tag stands for, if any.
pub fn tag_mark(tag: &str) -> Option<Kind> {
    match tag {
        "nav" | "menu" => Some(Kind::Navigation),
        "aside" | "footer" | "header" | "form" | "dialog" | "noscript" => Some(Kind::Other),
        "figure" | "figcaption" => Some(Kind::Caption),
        _ => None,
    }
}

/// Lowercases a class name or id and removes its separators, so that
/// `article-body`, `article_body` and `articleBody` compare equal.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | '.' | ':' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The boilerplate kind of one class name or id, if its vocabulary says so.
pub fn name_kind(raw: &str) -> Option<Kind> {
    let name = normalise_name(raw);
    if name.is_empty() || contains_any(t::NEVER_BOILERPLATE_CONTAINS, &name) {
        return None;
    }
    let lower = raw.to_ascii_lowercase();
    if starts_with_any(t::TAXONOMY_PREFIXES, &lower) {
        return None;
    }
    let first_token = lower.split(['-', '_']).next().unwrap_or("");
    if raw.contains(['-', '_']) && contains_word(t::AD_LEADING_TOKENS, first_token) {
        return Some(Kind::Ad);
    }
    first_matching_rule(&name)
        .and_then(|i| NAME_RULES.get(i))
        .map(|(kind, _, _)| *kind)
}

/// The class/id vocabularies by kind, in priority order: the first kind
/// whose whole names or substrings match a name is the name's kind.
const NAME_RULES: [(Kind, &[&str], &[&str]); 14] = [
    (Kind::Cookie, t::COOKIE_WHOLE, t::COOKIE_CONTAINS),
    (Kind::Comment, t::COMMENT_WHOLE, t::COMMENT_CONTAINS),
    (Kind::AuthorBio, t::AUTHOR_BIO_WHOLE, t::AUTHOR_BIO_CONTAINS),
    (Kind::Newsletter, &[], t::NEWSLETTER_CONTAINS),
    (Kind::Share, &[], t::SHARE_CONTAINS),
    (Kind::Related, &[], t::RELATED_CONTAINS),
    (Kind::Promo, &[], t::PROMO_CONTAINS),
    (Kind::Ad, t::AD_WHOLE, t::AD_CONTAINS),
    (Kind::Tags, t::TAGS_WHOLE, t::TAGS_CONTAINS),
    (Kind::Caption, t::CAPTION_WHOLE, t::CAPTION_CONTAINS),
    (Kind::Byline, t::BYLINE_WHOLE, t::BYLINE_CONTAINS),
    (Kind::Legal, &[], t::LEGAL_CONTAINS),
    (
        Kind::Navigation,
        t::NAVIGATION_WHOLE,
        t::NAVIGATION_CONTAINS,
    ),
    (Kind::Other, t::OTHER_WHOLE, t::OTHER_CONTAINS),
];

/// [`NAME_RULES`] compiled once: every `*_CONTAINS` substring in one
/// automaton (each pattern knows its rule), every `*_WHOLE` name mapped to
/// the first rule listing it. A name is scanned once instead of once per
/// substring of every rule.
struct NameMatcher {
    substrings: AhoCorasick,
    rule_of_substring: Vec<usize>,
    whole: HashMap<&'static str, usize>,
}

static NAME_MATCHER: LazyLock<NameMatcher> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut rule_of_substring = Vec::new();
    let mut whole = HashMap::new();
    for (rule, (_, whole_names, substrings)) in NAME_RULES.iter().enumerate() {
        for name in whole_names.iter() {
            whole.entry(*name).or_insert(rule);
        }
        patterns.extend(substrings.iter().copied());
        rule_of_substring.extend(substrings.iter().map(|_| rule));
    }
    NameMatcher {
        substrings: AhoCorasick::new(&patterns)
            .unwrap_or_else(|_| unreachable!("a few hundred short names fit any automaton")),
        rule_of_substring,
        whole,
    }
});

/// The index in [`NAME_RULES`] of the first rule matching the normalised
/// `name` (as a whole name or by a substring), if any.
fn first_matching_rule(name: &str) -> Option<usize> {
    let matcher = &*NAME_MATCHER;
    let by_substring = matcher
        .substrings
        .find_overlapping_iter(name)
        .filter_map(|m| {
            matcher
                .rule_of_substring
                .get(m.pattern().as_usize())
                .copied()
        })
        .min();
    let by_whole = matcher.whole.get(name).copied();
    by_substring.into_iter().chain(by_whole).min()
}

/// What one class name or id says, as [`name_kind`] and the container
/// vocabularies read it.
#[derive(Clone, Copy)]
struct NameFacts {
    kind: Option<Kind>,
    /// Its normalised form holds a strong container word.
    strong: bool,
    /// Its normalised form is a weak container word.
    weak: bool,
}

impl NameFacts {
    const NONE: NameFacts = NameFacts {
        kind: None,
        strong: false,
        weak: false,
    };

    /// The facts of a list of names: `self`'s, then `next`'s.
    fn then(self, next: NameFacts) -> NameFacts {
        NameFacts {
            kind: self.kind.or(next.kind),
            strong: self.strong || next.strong,
            weak: self.weak || next.weak,
        }
    }

    fn of(raw: &str) -> Self {
        let normalised = normalise_name(raw);
        NameFacts {
            kind: name_kind(raw),
            strong: contains_any(t::POSITIVE_STRONG_CONTAINS, &normalised),
            weak: contains_word(t::POSITIVE_WEAK_WHOLE, &normalised),
        }
    }
}

/// [`NameFacts::of`] `raw`, computed once per distinct name and thread.
fn facts(raw: &str) -> NameFacts {
    thread_local! {
        static FACTS: dom::NameMemo<NameFacts> = dom::NameMemo::new();
    }
    FACTS.with(|memo| memo.get(raw, NameFacts::of))
}

/// What an element's id and class names say together: the kind of the
/// first that has one (the id, then the classes in scraper's order:
/// sorted, without duplicates), and whether any is a container word. A
/// class attribute value is read once per thread (pages repeat them).
fn element_facts(el: &Element) -> NameFacts {
    thread_local! {
        static CLASSES: dom::NameMemo<NameFacts> = dom::NameMemo::new();
    }
    let id = dom::id(el).map(facts);
    let classes = dom::class(el).map(|value| {
        CLASSES.with(|memo| {
            memo.get(value, |value| {
                let mut names: Vec<&str> = value.split_ascii_whitespace().collect();
                names.sort_unstable();
                names.dedup();
                names
                    .into_iter()
                    .map(facts)
                    .fold(NameFacts::NONE, NameFacts::then)
            })
        })
    });
    id.into_iter()
        .chain(classes)
        .fold(NameFacts::NONE, NameFacts::then)
}

/// The boilerplate kind of an element from its class names and id (tag
/// marks are handled apart). `html` and `body` never carry one: their
/// classes describe the whole page.
pub fn element_mark(el: &Element) -> Option<Kind> {
    if matches!(el.name(), "html" | "body") || is_article_body(el) {
        return None;
    }
    element_facts(el).kind
}

/// True for `itemprop="articleBody"` (schema.org) elements.
pub fn is_article_body(el: &Element) -> bool {
    dom::attr(el, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
}

/// The container bonus of an element: how strongly its tag and names say
/// "the article is here".
pub fn container_bonus(el: &Element) -> f32 {
    if is_article_body(el) {
        return STRONG_POSITIVE_BONUS;
    }
    let names = element_facts(el);
    if names.strong {
        return STRONG_POSITIVE_BONUS;
    }
    if matches!(el.name(), "article" | "main") || names.weak {
        return WEAK_POSITIVE_BONUS;
    }
    1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_before_matching() {
        assert_eq!(normalise_name("Article_Body-Main"), "articlebodymain");
        assert_eq!(name_kind("newsletter-signup-box"), Some(Kind::Newsletter));
        assert_eq!(name_kind("relatedPosts"), Some(Kind::Related));
        assert_eq!(name_kind("social-share"), Some(Kind::Share));
    }

    #[test]
    fn short_words_match_only_whole_names() {
        assert_eq!(name_kind("ad"), Some(Kind::Ad));
        assert_eq!(name_kind("ad-slot"), Some(Kind::Ad));
        assert_eq!(name_kind("header-shadow"), None);
        assert_eq!(name_kind("nav"), Some(Kind::Navigation));
        assert_eq!(name_kind("canvas"), None);
    }

    #[test]
    fn wordpress_tag_classes_on_the_article_are_not_tag_lists() {
        assert_eq!(name_kind("tag-economy"), None);
        assert_eq!(name_kind("category-news"), None);
        assert_eq!(name_kind("tag-sponsoring"), None);
        assert_eq!(name_kind("tags"), Some(Kind::Tags));
    }

    #[test]
    fn article_body_names_are_never_boilerplate() {
        assert_eq!(name_kind("article-body"), None);
        assert_eq!(name_kind("commentary-section"), None);
        assert_eq!(name_kind("comments-area"), Some(Kind::Comment));
    }
}
