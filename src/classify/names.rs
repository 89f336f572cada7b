//! What an element's tag, class names and id say: boilerplate of some kind
//! (a mark inherited by the blocks inside), or a likely article container.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use scraper::node::Element;

use super::Kind;
use crate::dom;
use crate::rules::thresholds::{STRONG_POSITIVE_BONUS, WEAK_POSITIVE_BONUS};
use crate::rules::tokens as t;

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
    let is_separator = |c: char| matches!(c, '-' | '_' | '.' | ':' | ' ');
    if name.is_ascii() {
        let mut normalised = String::with_capacity(name.len());
        normalised.extend(
            name.chars()
                .filter(|&c| !is_separator(c))
                .map(|c| c.to_ascii_lowercase()),
        );
        return normalised;
    }
    name.chars()
        .filter(|&c| !is_separator(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Class names and ids up to this long are normalised on the stack.
const MAX_STACK_NAME_BYTES: usize = 64;

/// [`normalise_name`] of an ASCII `name` that fits `buffer`, written
/// into it; None for other names.
fn normalise_short_ascii<'a>(
    name: &str,
    buffer: &'a mut [u8; MAX_STACK_NAME_BYTES],
) -> Option<&'a str> {
    if !name.is_ascii() {
        return None;
    }
    let mut len = 0;
    for &b in name.as_bytes() {
        if !matches!(b, b'-' | b'_' | b'.' | b':' | b' ') {
            *buffer.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
        }
    }
    std::str::from_utf8(buffer.get(..len)?).ok()
}

/// The boilerplate kind of one class name or id, if its vocabulary says so.
pub fn name_kind(raw: &str) -> Option<Kind> {
    NameFacts::of(raw).kind
}

/// The kind of `raw`, given its normalised form's `scan` and `whole`
/// lookups: none for article-body names and taxonomy classes, an ad for a
/// name whose first token is an ad token, else the first [`NAME_RULES`]
/// rule that matches.
fn kind_of(raw: &str, normalised: &str, scan: Scan, whole: WholeFacts) -> Option<Kind> {
    if normalised.is_empty() || scan.never || whole.never {
        return None;
    }
    let starts_with_ignoring_ascii_case = |prefix: &str| {
        raw.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if t::TAXONOMY_PREFIXES
        .iter()
        .any(|p| starts_with_ignoring_ascii_case(p))
    {
        return None;
    }
    if let Some(end) = raw.find(['-', '_']) {
        let first_token = raw.get(..end).unwrap_or("");
        if t::AD_LEADING_TOKENS
            .iter()
            .any(|token| token.eq_ignore_ascii_case(first_token))
        {
            return Some(Kind::Ad);
        }
    }
    scan.rule
        .into_iter()
        .chain(whole.rule)
        .min()
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

/// What a substring pattern of [`NameMatcher`] stands for.
#[derive(Clone, Copy)]
enum Substring {
    /// A `*_CONTAINS` word of the [`NAME_RULES`] rule at this index.
    Rule(usize),
    /// A name holding it is never boilerplate.
    Never,
    /// A strong container word.
    Strong,
}

/// What the whole-name vocabularies say of one normalised name.
#[derive(Clone, Copy, Default)]
struct WholeFacts {
    /// The first [`NAME_RULES`] rule listing it as a `*_WHOLE` name.
    rule: Option<usize>,
    /// It is never boilerplate.
    never: bool,
    /// It is a weak container word.
    weak: bool,
}

/// What one scan of a normalised name for every substring found.
#[derive(Clone, Copy, Default)]
struct Scan {
    /// The first [`NAME_RULES`] rule with a substring in the name.
    rule: Option<usize>,
    never: bool,
    strong: bool,
}

/// Every vocabulary of class names and ids compiled once: all substrings
/// (the rules' `*_CONTAINS`, the never-boilerplate and the strong
/// container words) in one automaton, each pattern knowing what it stands
/// for, and all whole names in one map. A name is scanned once and looked
/// up once, whatever the number of vocabularies.
struct NameMatcher {
    substrings: AhoCorasick,
    meaning: Vec<Substring>,
    whole: dom::FastMap<&'static str, WholeFacts>,
}

impl NameMatcher {
    fn build() -> Self {
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut meaning = Vec::new();
        let mut whole: dom::FastMap<&'static str, WholeFacts> = dom::FastMap::default();
        for (rule, (_, whole_names, substrings)) in NAME_RULES.iter().enumerate() {
            for name in whole_names.iter() {
                let facts = whole.entry(name).or_default();
                facts.rule = facts.rule.or(Some(rule));
            }
            patterns.extend(substrings.iter().copied());
            meaning.extend(substrings.iter().map(|_| Substring::Rule(rule)));
        }
        patterns.extend(t::NEVER_BOILERPLATE_CONTAINS.iter().copied());
        meaning.extend(
            t::NEVER_BOILERPLATE_CONTAINS
                .iter()
                .map(|_| Substring::Never),
        );
        patterns.extend(t::POSITIVE_STRONG_CONTAINS.iter().copied());
        meaning.extend(
            t::POSITIVE_STRONG_CONTAINS
                .iter()
                .map(|_| Substring::Strong),
        );
        for name in t::NEVER_BOILERPLATE_WHOLE {
            whole.entry(name).or_default().never = true;
        }
        for name in t::POSITIVE_WEAK_WHOLE {
            whole.entry(name).or_default().weak = true;
        }
        NameMatcher {
            substrings: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .unwrap_or_else(|_| unreachable!("a few hundred short names fit any automaton")),
            meaning,
            whole,
        }
    }

    /// Every substring found in the normalised `name` (overlapping ones
    /// too).
    fn scan(&self, name: &str) -> Scan {
        let mut scan = Scan::default();
        for found in self.substrings.find_overlapping_iter(name) {
            match self.meaning.get(found.pattern().as_usize()) {
                Some(Substring::Rule(rule)) => {
                    scan.rule = Some(scan.rule.map_or(*rule, |r| r.min(*rule)));
                }
                Some(Substring::Never) => scan.never = true,
                Some(Substring::Strong) => scan.strong = true,
                None => {}
            }
        }
        scan
    }

    fn whole(&self, name: &str) -> WholeFacts {
        self.whole.get(name).copied().unwrap_or_default()
    }
}

static NAME_MATCHER: LazyLock<NameMatcher> = LazyLock::new(NameMatcher::build);

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

    /// Normalises `raw` once (short ASCII names on the stack), scans it
    /// once and looks it up once.
    fn of(raw: &str) -> Self {
        let mut buffer = [0u8; MAX_STACK_NAME_BYTES];
        match normalise_short_ascii(raw, &mut buffer) {
            Some(normalised) => Self::of_normalised(raw, normalised),
            None => Self::of_normalised(raw, &normalise_name(raw)),
        }
    }

    fn of_normalised(raw: &str, normalised: &str) -> Self {
        let matcher = &*NAME_MATCHER;
        let scan = matcher.scan(normalised);
        let whole = matcher.whole(normalised);
        NameFacts {
            kind: kind_of(raw, normalised, scan, whole),
            strong: scan.strong,
            weak: whole.weak,
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
    let classes =
        dom::class(el).map(|value| CLASSES.with(|memo| memo.get(value, class_value_facts)));
    id.into_iter()
        .chain(classes)
        .fold(NameFacts::NONE, NameFacts::then)
}

/// What the class names of a class attribute value say together, in
/// scraper's order (sorted, without duplicates): the kind is the one of
/// the first name in that order that has one, so of the smallest such
/// name (found without sorting).
fn class_value_facts(value: &str) -> NameFacts {
    let mut first_kind: Option<(&str, Kind)> = None;
    let mut all = NameFacts::NONE;
    for name in value.split_ascii_whitespace() {
        let facts = facts(name);
        if let Some(kind) = facts.kind
            && first_kind.is_none_or(|(first, _)| name < first)
        {
            first_kind = Some((name, kind));
        }
        all = all.then(facts);
    }
    NameFacts {
        kind: first_kind.map(|(_, kind)| kind),
        ..all
    }
}

/// What an element's class names and id say: its boilerplate mark
/// ([`element_mark`]) and its container bonus ([`container_bonus`]), from
/// one reading of its names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ElementNames {
    pub mark: Option<Kind>,
    pub bonus: f32,
}

/// [`element_mark`] and [`container_bonus`] of `el` at once.
pub fn element_names(el: &Element) -> ElementNames {
    let article_body = is_article_body(el);
    let facts = element_facts(el);
    let name = el.name();
    let mark = if matches!(name, "html" | "body") || article_body {
        None
    } else {
        facts.kind
    };
    let bonus = if article_body || facts.strong {
        STRONG_POSITIVE_BONUS
    } else if matches!(name, "article" | "main") || facts.weak {
        WEAK_POSITIVE_BONUS
    } else {
        1.0
    };
    ElementNames { mark, bonus }
}

/// The boilerplate kind of an element from its class names and id (tag
/// marks are handled apart). `html` and `body` never carry one: their
/// classes describe the whole page.
pub fn element_mark(el: &Element) -> Option<Kind> {
    element_names(el).mark
}

/// True for `itemprop="articleBody"` (schema.org) elements.
pub fn is_article_body(el: &Element) -> bool {
    dom::attr(el, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
}

/// The container bonus of an element: how strongly its tag and names say
/// "the article is here".
pub fn container_bonus(el: &Element) -> f32 {
    element_names(el).bonus
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`NameFacts::of`] read the slow way: each vocabulary apart, with
    /// `str::contains` and the normalisation written char by char.
    fn facts_one_vocabulary_at_a_time(raw: &str) -> (Option<Kind>, bool, bool) {
        let name: String = raw
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | '.' | ':' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        let holds = |list: &[&str]| list.iter().any(|w| name.contains(w));
        let is = |list: &[&str]| list.contains(&name.as_str());
        let kind = if name.is_empty()
            || holds(t::NEVER_BOILERPLATE_CONTAINS)
            || is(t::NEVER_BOILERPLATE_WHOLE)
        {
            None
        } else {
            let lower = raw.to_ascii_lowercase();
            let first = lower.split(['-', '_']).next().unwrap_or("");
            if t::TAXONOMY_PREFIXES.iter().any(|p| lower.starts_with(p)) {
                None
            } else if raw.contains(['-', '_']) && t::AD_LEADING_TOKENS.contains(&first) {
                Some(Kind::Ad)
            } else {
                NAME_RULES
                    .iter()
                    .find(|(_, whole, substrings)| is(whole) || holds(substrings))
                    .map(|(kind, _, _)| *kind)
            }
        };
        (
            kind,
            holds(t::POSITIVE_STRONG_CONTAINS),
            is(t::POSITIVE_WEAK_WHOLE),
        )
    }

    #[test]
    fn one_scan_reads_names_as_each_vocabulary_apart_does() {
        let mut words: Vec<&str> = NAME_RULES
            .iter()
            .flat_map(|(_, whole, substrings)| whole.iter().chain(substrings.iter()))
            .copied()
            .collect();
        for list in [
            t::NEVER_BOILERPLATE_CONTAINS,
            t::NEVER_BOILERPLATE_WHOLE,
            t::TAXONOMY_PREFIXES,
            t::AD_LEADING_TOKENS,
            t::POSITIVE_STRONG_CONTAINS,
            t::POSITIVE_WEAK_WHOLE,
        ] {
            words.extend(list.iter().copied());
        }
        let mut names = vec![
            String::new(),
            "-".to_string(),
            "ΣΊΣΥΦΟΣ-Box".to_string(),
            "İstanbul_nav".to_string(),
            "Ad_Slot".to_string(),
            "c-byline__name".to_string(),
            "tag-economy".to_string(),
            "TAG-Sharing".to_string(),
            format!("{}-share-bar", "Long".repeat(16)),
            format!("{}Comments", "-".repeat(70)),
        ];
        for word in words {
            for name in [
                word.to_string(),
                word.to_uppercase(),
                format!("{word}-box"),
                format!("x_{word}"),
                format!("{word}:{word}"),
                format!("Main.{}", word.to_uppercase()),
                format!("{word}-articlebody"),
                format!("post-{word}-content"),
            ] {
                names.push(name);
            }
        }
        for name in &names {
            let facts = NameFacts::of(name);
            assert_eq!(
                (facts.kind, facts.strong, facts.weak),
                facts_one_vocabulary_at_a_time(name),
                "{name}"
            );
        }
    }

    #[test]
    fn a_class_value_takes_the_kind_of_its_first_name_in_sorted_order() {
        let sorted_then_folded = |value: &str| {
            let mut names: Vec<&str> = value.split_ascii_whitespace().collect();
            names.sort_unstable();
            names.dedup();
            let facts = names
                .into_iter()
                .map(NameFacts::of)
                .fold(NameFacts::NONE, NameFacts::then);
            (facts.kind, facts.strong, facts.weak)
        };
        for value in [
            "",
            "share-bar nav",
            "nav share-bar",
            "zeta-comments  ad-slot\tpost-content ad-slot",
            "related article-body main",
        ] {
            let facts = class_value_facts(value);
            assert_eq!(
                (facts.kind, facts.strong, facts.weak),
                sorted_then_folded(value),
                "{value}"
            );
        }
    }

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

    #[test]
    fn cms_structure_classes_are_not_boilerplate() {
        assert_eq!(name_kind("node-promoted"), None);
        assert_eq!(name_kind("node--promoted"), None);
        assert_eq!(name_kind("promo-box"), Some(Kind::Promo));
        assert_eq!(name_kind("elementor-widget"), None);
        assert_eq!(name_kind("elementor-widget-text-editor"), None);
        assert_eq!(name_kind("elementor-widget-container"), None);
        assert_eq!(name_kind("sidebar-widget"), Some(Kind::Other));
        assert_eq!(
            name_kind("elementor-widget-share-buttons"),
            Some(Kind::Share)
        );
    }
}
