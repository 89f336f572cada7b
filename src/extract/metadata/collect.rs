//! One iterative walk over the parsed page that gathers every metadata
//! candidate: metas, links, JSON-LD scripts, `<title>`, `<h1>`s, `<time>`s,
//! microdata, bylines and the short text lines under the headline.
//!
//! Each candidate remembers whether it sits inside the article area
//! (`<article>`, `<main>`, or after the first `<h1>`); candidates inside
//! sidebars, navigation, footers, comments and teasers are not collected.

use std::collections::VecDeque;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use ego_tree::iter::Edge;
use html5ever::{LocalName, local_name, ns};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use crate::dom;
use crate::rules::metadata::{
    BIO_TOKENS, BYLINE_TOKENS, DATE_TOKENS, FOREIGN_CONTAINER_TAGS, FOREIGN_CONTAINER_TOKENS,
    MAX_BIO_CHARS, MAX_BYLINE_CHARS, MAX_CANDIDATES, MAX_DATELINE_CHARS, MAX_HEADER_TEXTS,
    SCREEN_READER_CLASSES, UPDATE_TOKENS,
};

/// Longest `<h1>` or microdata headline read (chars): beyond this an
/// element is a container, not a headline.
const MAX_H1_CHARS: usize = 400;

/// A text candidate with where it was found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub text: String,
    /// Inside `<article>`/`<main>` or after the first `<h1>`.
    pub in_article: bool,
}

/// A `<time>` element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeElement {
    pub datetime: Option<String>,
    pub text: String,
    /// Carries `pubdate` or `itemprop=datePublished`.
    pub marked_published: bool,
    /// Carries `itemprop=dateModified` or an "updated"/"modified" class.
    pub marked_modified: bool,
    pub in_article: bool,
}

/// Everything the walk found, in page order.
#[derive(Clone, Debug, Default)]
pub struct Candidates {
    pub html_lang: Option<String>,
    pub title: Option<String>,
    pub h1s: Vec<Found>,
    /// `(key, content)` of every `<meta>`; the key is the lowercased `name`,
    /// `property`, `itemprop` or `http-equiv` (one entry per attribute).
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub image_src: Option<String>,
    pub json_ld: Vec<String>,
    pub times: Vec<TimeElement>,
    /// Microdata on elements other than `<meta>`: `(itemprop, value)`.
    pub microdata: Vec<(String, String)>,
    /// `itemprop=author` elements: their `itemprop=name` or their text.
    pub microdata_authors: Vec<String>,
    /// Text of `<a rel=author>`.
    pub rel_authors: Vec<Found>,
    /// Text of elements whose class/id holds a byline token.
    pub bylines: Vec<Found>,
    /// Text of byline-classed elements inside a byline (the name part of
    /// "<div class=byline><span class=author>A and B</span><span>Outlet</span>").
    pub nested_bylines: Vec<Found>,
    /// Text of elements whose class/id holds a date token.
    pub date_texts: Vec<Found>,
    /// Text of author bio boxes.
    pub bios: Vec<String>,
    /// The short text lines around each `<h1>` (datelines, bylines).
    pub headline_contexts: Vec<HeadlineContext>,
    /// Short visible lines of the page footer opening with "©" or
    /// "Copyright": the publisher's name when nothing else gives it (photo
    /// credits in the article are "©" lines too, and are not read).
    pub copyrights: Vec<String>,
}

/// The short text lines right around one `<h1>`, where datelines and
/// bylines sit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeadlineContext {
    pub headline: String,
    /// Up to [`MAX_LINES_BEFORE_HEADLINE`] lines before it, nearest first.
    pub before: Vec<String>,
    /// Up to [`MAX_HEADER_TEXTS`] lines after it, in page order.
    pub after: Vec<String>,
}

/// Lines before a headline kept as its context: a dateline or kicker sits
/// right above it; further up is navigation.
const MAX_LINES_BEFORE_HEADLINE: usize = 5;

/// What a walk inherits from the ancestors of the current node.
#[derive(Clone, Copy, Debug, Default)]
struct Scope {
    foreign: bool,
    article: bool,
    /// Inside `<script>`, `<style>`, `<svg>`, `<noscript>`, `<template>`.
    hidden: bool,
    /// Inside an element already collected as a byline or date (its nested
    /// byline-classed parts are the same credit).
    in_byline: bool,
    in_date: bool,
    /// Inside the page footer (`<footer>` or a footer/copyright class).
    footer: bool,
}

/// Walks `doc` once and gathers the candidates.
pub fn collect(doc: &Html) -> Candidates {
    let mut found = Candidates::default();
    let mut stack: Vec<Scope> = vec![Scope::default()];
    let mut recent: VecDeque<&str> = VecDeque::with_capacity(MAX_LINES_BEFORE_HEADLINE + 1);
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) => {
                    let parent = stack.last().copied().unwrap_or_default();
                    let Some(el) = ElementRef::wrap(node) else {
                        continue;
                    };
                    let after_h1 = !found.headline_contexts.is_empty();
                    let scope = visit_element(el, parent, after_h1, &mut found);
                    stack.push(scope);
                }
                Node::Text(text) => {
                    let scope = stack.last().copied().unwrap_or_default();
                    if !scope.hidden && !scope.foreign {
                        note_line(text, &mut recent, &mut found);
                    }
                    if !scope.hidden && scope.footer {
                        note_copyright(text, &mut found);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let scope = stack.pop().unwrap_or_default();
                    if el.name.local == local_name!("h1") && !scope.foreign && !scope.hidden {
                        open_headline_context(node, &mut recent, &mut found);
                    }
                }
            }
        }
    }
    found
}

/// Starts the context of a closed `<h1>`: the lines seen just before it
/// (its own text excluded), and an empty list for the lines after it.
fn open_headline_context(
    node: ego_tree::NodeRef<'_, Node>,
    recent: &mut VecDeque<&str>,
    found: &mut Candidates,
) {
    let Some(el) = ElementRef::wrap(node) else {
        return;
    };
    let headline = short_text(el, MAX_H1_CHARS).unwrap_or_default();
    if headline.is_empty() || found.headline_contexts.len() >= MAX_CANDIDATES {
        return;
    }
    // The h1's own text nodes were the last lines seen; they are context of
    // neither this headline nor the one before.
    let own_lines: Vec<&str> = el.text().map(str::trim).filter(|t| !t.is_empty()).collect();
    for line in own_lines.iter().rev() {
        if recent.back().is_some_and(|r| r == line) {
            recent.pop_back();
        }
        if let Some(previous) = found.headline_contexts.last_mut()
            && previous.after.last().is_some_and(|a| a == line)
        {
            previous.after.pop();
        }
    }
    found.headline_contexts.push(HeadlineContext {
        headline,
        before: recent.iter().rev().map(|r| r.to_string()).collect(),
        after: Vec::new(),
    });
    recent.clear();
}

/// Records a short text line: in the context of the last headline, and
/// among the lines that may precede the next one.
fn note_line<'a>(text: &'a str, recent: &mut VecDeque<&'a str>, found: &mut Candidates) {
    let line = text.trim();
    if line.is_empty() || line.chars().nth(MAX_DATELINE_CHARS).is_some() {
        return;
    }
    if let Some(context) = found.headline_contexts.last_mut()
        && context.after.len() < MAX_HEADER_TEXTS
    {
        context.after.push(line.to_string());
    }
    recent.push_back(line);
    if recent.len() > MAX_LINES_BEFORE_HEADLINE {
        recent.pop_front();
    }
}

/// Records a short line that opens with a copyright sign or word.
fn note_copyright(text: &str, found: &mut Candidates) {
    let line = text.trim();
    let lower = line.to_lowercase();
    let opens = ["©", "(c)", "copyright", "&copy;"]
        .iter()
        .any(|mark| lower.starts_with(mark));
    if opens
        && line.chars().count() <= MAX_DATELINE_CHARS
        && found.copyrights.len() < MAX_CANDIDATES
    {
        found.copyrights.push(line.to_string());
    }
}

/// What an element's class and id say, as the walk asks it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct NameFacts {
    /// The [`token_bits`] of every token (see [`name_token_bits`]).
    tokens: u16,
    /// A name is a sidebar, teaser list or comment block ([`lower_name_is_foreign`]).
    foreign: bool,
    /// A name is a screen-reader-only class (read of the class only).
    screen_reader: bool,
}

// What a class/id token says, as bits of [`NameFacts::tokens`].
const BYLINE: u16 = 1;
const BIO: u16 = 1 << 1;
const ABOUT: u16 = 1 << 2;
const AUTHOR: u16 = 1 << 3;
const UPDATE: u16 = 1 << 4;
const DATE: u16 = 1 << 5;
const FOOTER: u16 = 1 << 6;
const PUBLISHED: u16 = 1 << 7;
const MODIFIED: u16 = 1 << 8;

/// Every token with bits of its own, and its bits, sorted for one binary
/// search per token (built from the vocabularies of `rules::metadata`).
static TOKEN_TABLE: LazyLock<Vec<(&'static str, u16)>> = LazyLock::new(|| {
    let lists: [(&[&'static str], u16); 8] = [
        (BYLINE_TOKENS, BYLINE),
        (BIO_TOKENS, BIO),
        (&["about"], ABOUT),
        (&["author"], AUTHOR),
        (UPDATE_TOKENS, UPDATE),
        (DATE_TOKENS, DATE),
        (&["copyright", "footer"], FOOTER),
        (&["published"], PUBLISHED),
    ];
    let mut table: Vec<(&'static str, u16)> = Vec::new();
    for (list, bit) in lists {
        for &token in list {
            match table.iter_mut().find(|(t, _)| *t == token) {
                Some(entry) => entry.1 |= bit,
                None => table.push((token, bit)),
            }
        }
    }
    table.sort_unstable_by_key(|(t, _)| *t);
    table
});

/// The bits of one lowercase token.
fn token_bits(token: &str) -> u16 {
    let listed = TOKEN_TABLE
        .binary_search_by(|(t, _)| (*t).cmp(token))
        .ok()
        .and_then(|i| TOKEN_TABLE.get(i))
        .map_or(0, |(_, bits)| *bits);
    // Both words end in "ed": most tokens are turned away by that alone.
    let modified = token.as_bytes().windows(2).any(|w| w == b"ed")
        && (token.contains("updated") || token.contains("modified"));
    if modified { listed | MODIFIED } else { listed }
}

/// The parts of one lowercased class name or id, split on '-' and '_'.
/// (Lowercasing the whole name and then splitting gives the parts
/// lowercased one by one: no char lowercases to '-' or '_'.)
fn parts_of(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(['-', '_']).filter(|p| !p.is_empty())
}

/// The [`token_bits`] of the parts of one lowercased name, a part right
/// after a negating part dropped: "header--no-promo" and "has-sidebar"
/// say what the element is not, or what sits beside it.
fn name_token_bits(lower: &str) -> u16 {
    let mut negated = false;
    let mut bits = 0;
    for part in parts_of(lower) {
        let negates = NEGATING_PARTS.contains(&part);
        if !negated && !negates {
            bits |= token_bits(part);
        }
        negated = negates;
    }
    bits
}

/// Every word a class or id must hold (in any ASCII case) to say anything
/// to the walk: the tokens with bits, the two words of [`MODIFIED`], the
/// foreign container tokens and the screen-reader classes.
static NAME_WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let words: Vec<&str> = TOKEN_TABLE
        .iter()
        .map(|(t, _)| *t)
        .chain(["updated", "modified"])
        .chain(FOREIGN_CONTAINER_TOKENS.iter().copied())
        .chain(SCREEN_READER_CLASSES.iter().copied())
        .collect();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .ok()
});

/// Whether an ASCII class or id value holds none of [`NAME_WORDS`]: then
/// it says nothing (a token, a foreign part or a screen-reader class is
/// each one of those words, in the value as written up to ASCII case).
fn says_nothing(value: &str) -> bool {
    value.is_ascii()
        && NAME_WORDS
            .as_ref()
            .is_some_and(|words| !words.is_match(value))
}

impl NameFacts {
    /// What a class or id attribute value says: what its names say
    /// together.
    fn of(value: &str) -> Self {
        if says_nothing(value) {
            return NameFacts::default();
        }
        value
            .split_whitespace()
            .map(NameFacts::of_name)
            .fold(NameFacts::default(), |all, one| NameFacts {
                tokens: all.tokens | one.tokens,
                foreign: all.foreign || one.foreign,
                screen_reader: all.screen_reader || one.screen_reader,
            })
    }

    /// What one class name or id says (the name is lowercased once, and
    /// nothing else is allocated).
    fn of_name(name: &str) -> Self {
        let lower = dom::lowercase(name);
        NameFacts {
            tokens: name_token_bits(&lower),
            foreign: lower_name_is_foreign(&lower),
            screen_reader: SCREEN_READER_CLASSES.binary_search(&lower.as_ref()).is_ok(),
        }
    }

    /// What the class and id of an element say. A class value that holds
    /// none of [`NAME_WORDS`] (most of them) is turned away by that scan
    /// alone; the others are read once per thread (sites repeat the same
    /// values on every element and page). Ids, nearly all distinct, are
    /// read every time.
    fn of_element(attrs: &WalkAttrs<'_>) -> Self {
        thread_local! {
            static VALUES: dom::NameMemo<NameFacts> = dom::NameMemo::new();
        }
        let class = attrs.class.map_or(NameFacts::default(), |value| {
            if says_nothing(value) {
                NameFacts::default()
            } else {
                VALUES.with(|memo| memo.get(value, NameFacts::of))
            }
        });
        let id = attrs.id.map_or(NameFacts::default(), NameFacts::of);
        NameFacts {
            tokens: class.tokens | id.tokens,
            foreign: class.foreign || id.foreign,
            screen_reader: class.screen_reader,
        }
    }

    fn has(&self, bits: u16) -> bool {
        self.tokens & bits != 0
    }
}

/// Whether a lowercased class or id names a sidebar, teaser list or
/// comment block: the concept must be the first or last part of the name
/// ("sidebar-widget", "c-related", "post-comments"), not a middle part of a
/// layout class ("vw-blog-sidebar-position-right"), and not negated
/// ("header--no-promo"). Namespace prefixes of one or two letters ("c-",
/// "td-") are skipped.
fn lower_name_is_foreign(lower: &str) -> bool {
    let is_foreign = |p: &str| FOREIGN_CONTAINER_TOKENS.binary_search(&p).is_ok();
    let mut meaningful = parts_of(lower).skip_while(|p| p.chars().count() <= 2);
    let Some(first) = meaningful.next() else {
        return false;
    };
    if is_foreign(first) {
        return true;
    }
    let (mut before_last, mut last) = (first, None);
    for part in meaningful {
        if let Some(previous) = last {
            before_last = previous;
        }
        last = Some(part);
    }
    last.is_some_and(|last| is_foreign(last) && !NEGATING_PARTS.contains(&before_last))
}

/// Class-name parts that negate or qualify the part after them.
const NEGATING_PARTS: &[&str] = &["has", "no", "non", "not", "with", "without"];

/// The text of `el` with whitespace collapsed, or None once it grows past
/// `max` chars (reading stops there, so a huge container costs little).
fn short_text(el: ElementRef<'_>, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut chars = 0usize;
    for piece in el.text() {
        for word in piece.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
                chars += 1;
            }
            out.push_str(word);
            chars += word.chars().count();
            if chars > max {
                return None;
            }
        }
    }
    Some(out)
}

fn attr(el: ElementRef<'_>, name: &str) -> Option<String> {
    dom::attr(el.value(), name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The attributes the walk reads of every element, found in one pass over
/// its attribute list (each as [`dom::attr`] finds it: the first in no
/// namespace with that name).
#[derive(Clone, Copy, Debug, Default)]
struct WalkAttrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    hidden: bool,
    rel: Option<&'a str>,
    itemprop: Option<&'a str>,
}

impl<'a> WalkAttrs<'a> {
    fn of(el: &'a Element) -> Self {
        let mut attrs = WalkAttrs::default();
        for (q, value) in el.attrs.iter() {
            if q.prefix.is_some() || q.ns != ns!() {
                continue;
            }
            let slot = match q.local {
                local_name!("class") => &mut attrs.class,
                local_name!("id") => &mut attrs.id,
                local_name!("rel") => &mut attrs.rel,
                local_name!("itemprop") => &mut attrs.itemprop,
                local_name!("hidden") => {
                    attrs.hidden = true;
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(&**value);
            }
        }
        attrs
    }
}

/// The element names the walk tells apart, by their local name.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tag {
    Html,
    Body,
    Article,
    Main,
    Footer,
    Meta,
    Link,
    Script,
    Title,
    H1,
    Time,
    A,
    /// `<style>`, `<svg>`, `<noscript>`, `<template>`: never shown.
    Unshown,
    Other,
}

impl Tag {
    fn of(local: &LocalName) -> Tag {
        match *local {
            local_name!("html") => Tag::Html,
            local_name!("body") => Tag::Body,
            local_name!("article") => Tag::Article,
            local_name!("main") => Tag::Main,
            local_name!("footer") => Tag::Footer,
            local_name!("meta") => Tag::Meta,
            local_name!("link") => Tag::Link,
            local_name!("script") => Tag::Script,
            local_name!("title") => Tag::Title,
            local_name!("h1") => Tag::H1,
            local_name!("time") => Tag::Time,
            local_name!("a") => Tag::A,
            local_name!("style")
            | local_name!("svg")
            | local_name!("noscript")
            | local_name!("template") => Tag::Unshown,
            _ => Tag::Other,
        }
    }
}

/// [`FOREIGN_CONTAINER_TAGS`] as atoms, compared without reading strings.
static FOREIGN_TAG_ATOMS: LazyLock<Vec<LocalName>> = LazyLock::new(|| {
    FOREIGN_CONTAINER_TAGS
        .iter()
        .map(|t| LocalName::from(*t))
        .collect()
});

/// Records what `el` tells and returns the scope its children inherit.
fn visit_element(
    el: ElementRef<'_>,
    parent: Scope,
    after_h1: bool,
    found: &mut Candidates,
) -> Scope {
    let local = &el.value().name.local;
    let tag = Tag::of(local);
    let attrs = WalkAttrs::of(el.value());
    let names = NameFacts::of_element(&attrs);
    let mut scope = parent;
    let screen_reader_only = attrs.hidden || names.screen_reader;
    scope.hidden |= screen_reader_only || matches!(tag, Tag::Script | Tag::Unshown);
    // The page-level containers carry page-wide classes ("has-sidebar"), so
    // their tokens say nothing about the content being foreign.
    let page_level = matches!(tag, Tag::Html | Tag::Body | Tag::Article | Tag::Main);
    // A <footer> inside an <article> holds the article's byline and date.
    let article_footer = tag == Tag::Footer && parent.article;
    scope.foreign |=
        (FOREIGN_TAG_ATOMS.contains(local) && !article_footer) || (!page_level && names.foreign);
    scope.article |= matches!(tag, Tag::Article | Tag::Main);
    scope.footer |= tag == Tag::Footer || names.has(FOOTER);
    let in_article = scope.article || after_h1;
    match tag {
        Tag::Html => found.html_lang = attr(el, "lang").or_else(|| attr(el, "xml:lang")),
        Tag::Meta => note_meta(el, found),
        Tag::Link => note_link(el, found),
        Tag::Script => note_script(el, found),
        Tag::Title if !parent.hidden && found.title.is_none() => {
            found.title = short_text(el, MAX_H1_CHARS).filter(|t| !t.is_empty());
        }
        Tag::H1 if !scope.foreign && !scope.hidden && found.h1s.len() < MAX_CANDIDATES => {
            let text = short_text(el, MAX_H1_CHARS).unwrap_or_default();
            if !text.is_empty() {
                found.h1s.push(Found {
                    text,
                    in_article: scope.article,
                });
            }
        }
        Tag::Time if !scope.foreign => note_time(el, names, in_article, found),
        _ => {}
    }
    if scope.foreign || scope.hidden || tag == Tag::Meta {
        return scope;
    }
    note_microdata(el, attrs.itemprop, found);
    let rel_author = attrs.rel.is_some_and(|r| {
        r.split_whitespace()
            .any(|t| t.eq_ignore_ascii_case("author"))
    });
    if tag == Tag::A
        && rel_author
        && let Some(text) = short_text(el, MAX_BYLINE_CHARS)
    {
        push_capped(&mut found.rel_authors, text, in_article);
    }
    if parent.in_byline
        && names.has(BYLINE)
        && found.nested_bylines.len() < MAX_CANDIDATES
        && let Some(text) = short_text(el, MAX_BYLINE_CHARS)
    {
        push_capped(&mut found.nested_bylines, text, in_article);
    }
    let bylines_full = found.bylines.len() >= MAX_CANDIDATES;
    if !parent.in_byline
        && !bylines_full
        && names.has(BYLINE)
        && let Some(text) = short_text(el, MAX_BYLINE_CHARS)
    {
        push_capped(&mut found.bylines, text, in_article);
        scope.in_byline = true;
    }
    let is_bio = names.has(BIO) || (names.has(ABOUT) && names.has(AUTHOR));
    if is_bio
        && found.bios.len() < MAX_CANDIDATES
        && let Some(text) = short_text(el, MAX_BIO_CHARS)
    {
        found.bios.push(text);
    }
    let dates_full = found.date_texts.len() >= MAX_CANDIDATES || names.has(UPDATE);
    if !parent.in_date
        && !dates_full
        && tag != Tag::Time
        && names.has(DATE)
        && let Some(text) = machine_date(el).or_else(|| short_text(el, MAX_DATELINE_CHARS))
    {
        push_capped(&mut found.date_texts, text, in_article);
        scope.in_date = true;
    }
    scope
}

/// The machine-readable date of a date element (`<abbr class="published"
/// title="2019-11-19T10:00:00-05:00">`, `content`, `datetime`), when one of
/// those attributes holds a date in the publisher's zone.
fn machine_date(el: ElementRef<'_>) -> Option<String> {
    ["datetime", "content", "title"]
        .iter()
        .filter_map(|a| attr(el, a))
        .find(|v| {
            // A UTC timestamp may be a day off; the visible text is then the
            // publisher's own day.
            v.chars().count() <= MAX_DATELINE_CHARS
                && super::dates::parse_date(v).is_some()
                && !super::dates::is_utc_timestamp(v)
        })
}

fn push_capped(list: &mut Vec<Found>, text: String, in_article: bool) {
    if !text.is_empty() && list.len() < MAX_CANDIDATES {
        list.push(Found { text, in_article });
    }
}

fn note_meta(el: ElementRef<'_>, found: &mut Candidates) {
    let Some(content) = attr(el, "content") else {
        return;
    };
    for key_attr in ["name", "property", "itemprop", "http-equiv"] {
        if let Some(key) = attr(el, key_attr) {
            found.metas.push((key.to_lowercase(), content.clone()));
        }
    }
}

fn note_link(el: ElementRef<'_>, found: &mut Candidates) {
    let Some(rel) = dom::attr(el.value(), "rel") else {
        return;
    };
    let href = attr(el, "href");
    for token in rel.split_whitespace() {
        if token.eq_ignore_ascii_case("canonical") && found.canonical.is_none() {
            found.canonical.clone_from(&href);
        }
        if token.eq_ignore_ascii_case("image_src") && found.image_src.is_none() {
            found.image_src.clone_from(&href);
        }
    }
}

fn note_script(el: ElementRef<'_>, found: &mut Candidates) {
    let is_json_ld = dom::attr(el.value(), "type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
    if is_json_ld && found.json_ld.len() < MAX_CANDIDATES {
        found.json_ld.push(el.text().collect());
    }
}

fn note_time(el: ElementRef<'_>, names: NameFacts, in_article: bool, found: &mut Candidates) {
    if found.times.len() >= MAX_CANDIDATES {
        return;
    }
    let itemprop = dom::attr(el.value(), "itemprop")
        .unwrap_or("")
        .to_lowercase();
    let modified_class = names.has(MODIFIED);
    found.times.push(TimeElement {
        datetime: attr(el, "datetime").or_else(|| attr(el, "content")),
        text: short_text(el, MAX_DATELINE_CHARS).unwrap_or_default(),
        marked_published: dom::attr(el.value(), "pubdate").is_some()
            || itemprop == "datepublished"
            || names.has(PUBLISHED),
        marked_modified: itemprop == "datemodified" || modified_class,
        in_article,
    });
}

/// `itemprop` on ordinary elements: author (with its nested name),
/// datePublished, dateModified, headline.
fn note_microdata(el: ElementRef<'_>, itemprop: Option<&str>, found: &mut Candidates) {
    let Some(props) = itemprop else {
        return;
    };
    for prop in props.split_whitespace() {
        let prop = prop.to_lowercase();
        match prop.as_str() {
            "author" | "creator" if found.microdata_authors.len() < MAX_CANDIDATES => {
                let name = nested_name(el).or_else(|| short_text(el, MAX_BYLINE_CHARS));
                if let Some(name) = name.filter(|n| !n.is_empty()) {
                    found.microdata_authors.push(name);
                }
            }
            "datepublished" | "datemodified" | "headline"
                if found.microdata.len() < MAX_CANDIDATES =>
            {
                let value = attr(el, "content")
                    .or_else(|| attr(el, "datetime"))
                    .or_else(|| short_text(el, MAX_H1_CHARS))
                    .unwrap_or_default();
                if !value.is_empty() {
                    found.microdata.push((prop, value));
                }
            }
            _ => {}
        }
    }
}

/// The `itemprop=name` inside an `itemprop=author` element.
fn nested_name(el: ElementRef<'_>) -> Option<String> {
    el.descendent_elements()
        .find(|d| {
            dom::attr(d.value(), "itemprop")
                .is_some_and(|p| p.split_whitespace().any(|t| t.eq_ignore_ascii_case("name")))
        })
        .and_then(|d| attr(d, "content").or_else(|| short_text(d, MAX_BYLINE_CHARS)))
        .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// The reference reading of a class or id attribute's names split into lowercase tokens on
    /// whitespace, '-' and '_' ("c-byline__name" → c, byline, name). A token
    /// right after a negating part is dropped: "header--no-promo" and
    /// "has-sidebar" say what the element is not, or what sits beside it.
    fn tokens_of(value: &str) -> impl Iterator<Item = Cow<'_, str>> {
        value.split_whitespace().flat_map(|name| {
            let mut negated = false;
            name.split(['-', '_'])
                .filter(|p| !p.is_empty())
                .filter_map(move |part| {
                    let part = dom::lowercase(part);
                    let negates = NEGATING_PARTS.contains(&part.as_ref());
                    let kept = !negated && !negates;
                    negated = negates;
                    kept.then_some(part)
                })
        })
    }

    /// The reference reading of whether a class or id names a sidebar, teaser list or comment block:
    /// the concept must be the first or last part of the name
    /// ("sidebar-widget", "c-related", "post-comments"), not a middle part of a
    /// layout class ("vw-blog-sidebar-position-right"), and not negated
    /// ("header--no-promo"). Namespace prefixes of one or two letters ("c-",
    /// "td-") are skipped.
    fn name_is_foreign(name: &str) -> bool {
        let parts: Vec<Cow<'_, str>> = name
            .split(['-', '_'])
            .filter(|p| !p.is_empty())
            .map(dom::lowercase)
            .collect();
        let start = parts.iter().take_while(|p| p.chars().count() <= 2).count();
        let meaningful = parts.get(start..).unwrap_or(&[]);
        let is_foreign =
            |p: &Cow<'_, str>| FOREIGN_CONTAINER_TOKENS.binary_search(&p.as_ref()).is_ok();
        let first = meaningful.first().is_some_and(is_foreign);
        let last = meaningful.len() > 1
            && meaningful.last().is_some_and(is_foreign)
            && meaningful
                .get(meaningful.len().saturating_sub(2))
                .is_none_or(|p| !NEGATING_PARTS.contains(&p.as_ref()));
        first || last
    }

    /// The bits of one lowercase token, as first written.
    fn reference_token_bits(token: &str) -> u16 {
        let in_list = |list: &[&str]| list.binary_search(&token).is_ok();
        let mut bits = 0;
        for (bit, holds) in [
            (BYLINE, in_list(BYLINE_TOKENS)),
            (BIO, in_list(BIO_TOKENS)),
            (ABOUT, token == "about"),
            (AUTHOR, token == "author"),
            (UPDATE, in_list(UPDATE_TOKENS)),
            (DATE, in_list(DATE_TOKENS)),
            (FOOTER, token == "footer" || token == "copyright"),
            (PUBLISHED, token == "published"),
            (
                MODIFIED,
                token.contains("updated") || token.contains("modified"),
            ),
        ] {
            if holds {
                bits |= bit;
            }
        }
        bits
    }

    /// What the walk read of one name before it was made allocation-free.
    fn reference_facts(name: &str) -> NameFacts {
        NameFacts {
            tokens: tokens_of(name).fold(0, |bits, t| bits | reference_token_bits(&t)),
            foreign: name_is_foreign(name),
            screen_reader: SCREEN_READER_CLASSES
                .binary_search(&dom::lowercase(name).as_ref())
                .is_ok(),
        }
    }

    #[test]
    fn names_read_as_the_reference_reads_them() {
        let names = [
            "c-byline__name",
            "post-date",
            "Byline",
            "BYLINE-Author",
            "sidebar-widget",
            "c-related",
            "post-comments",
            "vw-blog-sidebar-position-right",
            "header--no-promo",
            "has-sidebar",
            "no-sidebar",
            "td-related-title",
            "a-b-c",
            "x",
            "",
            "--",
            "sr-only",
            "SR-Only",
            "visually-hidden",
            "screen-reader-text",
            "author-bio",
            "about-author",
            "last-updated",
            "entry-modified-date",
            "published",
            "datePublished",
            "Kelvin\u{212a}",
            "\u{212a}omments",
            "ΑΣ-sidebar",
            "İstanbul-footer",
            "ab-cd-related",
            "ab-cd",
            "footer",
            "copyright",
            "site-footer",
            "related-no",
            "comments-not-related",
            "with-related",
            "most-popular",
            "fecha_pub",
            "__timestamp__",
            "autor-name",
            "lastmod",
            "is-updated",
            "unmodified-x",
            "seed",
            "about",
            "aboutauthor",
            "bios",
            "footer-copyright",
            "post-time",
            "writer",
            "contributors",
        ];
        for name in names {
            assert_eq!(NameFacts::of_name(name), reference_facts(name), "{name}");
        }
        let vocabulary = [BYLINE_TOKENS, BIO_TOKENS, UPDATE_TOKENS, DATE_TOKENS].concat();
        for token in vocabulary
            .iter()
            .chain(&["about", "author", "footer", "copyright"])
        {
            assert_eq!(token_bits(token), reference_token_bits(token), "{token}");
        }
        for name in names {
            let value = format!("x {name} y");
            assert_eq!(NameFacts::of(&value), reference_facts(name), "{value}");
        }
        let value = "c-byline__name  post-date\tsidebar-widget";
        let combined = value
            .split_whitespace()
            .map(reference_facts)
            .fold(0, |bits, f| bits | f.tokens);
        assert_eq!(NameFacts::of(value).tokens, combined);
    }

    #[test]
    fn one_attribute_pass_reads_as_dom_attr_reads() {
        let html = r#"<div id=a class="x y" hidden rel=author itemprop=author data-x=1></div>
            <span CLASS=Upper ID=b></span><svg><a xlink:href='#x' class=c rel=me></a></svg>
            <p class=''>p</p><time itemprop="datePublished" datetime="2019">t</time>"#;
        let doc = Html::parse_document(html);
        for node in doc.tree.nodes() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            let attrs = WalkAttrs::of(el);
            assert_eq!(attrs.class, dom::attr(el, "class"));
            assert_eq!(attrs.id, dom::attr(el, "id"));
            assert_eq!(attrs.rel, dom::attr(el, "rel"));
            assert_eq!(attrs.itemprop, dom::attr(el, "itemprop"));
            assert_eq!(attrs.hidden, dom::attr(el, "hidden").is_some());
        }
    }

    #[test]
    fn tags_are_told_apart_by_local_name() {
        let html = "<article><h1>H</h1><time>t</time><a>x</a></article><footer></footer>";
        let doc = Html::parse_document(html);
        let tags: Vec<Tag> = doc
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element().map(|el| Tag::of(&el.name.local)))
            .collect();
        assert_eq!(
            tags,
            [
                Tag::Html,
                Tag::Other,
                Tag::Body,
                Tag::Article,
                Tag::H1,
                Tag::Time,
                Tag::A,
                Tag::Footer
            ]
        );
        assert!(FOREIGN_TAG_ATOMS.contains(&LocalName::from("footer")));
        assert!(!FOREIGN_TAG_ATOMS.contains(&LocalName::from("article")));
    }

    #[test]
    fn tokens_drop_negated_parts_and_lowercase() {
        let tokens: Vec<_> = tokens_of("content__header--no-promo has-sidebar C-Byline").collect();
        assert_eq!(tokens, ["content", "header", "c", "byline"]);
        let facts = NameFacts::of("c-byline__name post-date");
        assert!(facts.has(BYLINE) && facts.has(DATE) && !facts.has(BIO));
    }

    #[test]
    fn sidebar_bylines_and_times_are_not_collected() {
        let html = r#"<html lang="en"><body>
            <article><h1>Headline</h1><p class="byline">By Jane Doe</p>
            <time datetime="2019-11-19">Nov 19</time></article>
            <aside><p class="byline">By Sidebar Person</p><time datetime="2001-01-01">x</time></aside>
            <div class="related-stories"><span class="author">Other Writer</span></div>
            </body></html>"#;
        let found = collect(&Html::parse_document(html));
        let bylines: Vec<&str> = found.bylines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(bylines, vec!["By Jane Doe"]);
        assert_eq!(found.times.len(), 1);
        assert_eq!(found.html_lang.as_deref(), Some("en"));
    }

    #[test]
    fn article_footer_byline_is_collected_page_footer_is_not() {
        let html = r#"<article><h1>H</h1><footer><span class="byline">By Jane Doe</span></footer></article>
            <footer><span class="author">Site Team</span></footer>"#;
        let found = collect(&Html::parse_document(html));
        let bylines: Vec<&str> = found.bylines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(bylines, vec!["By Jane Doe"]);
    }

    #[test]
    fn negated_class_parts_are_not_tokens() {
        let html = r#"<article><header class="content__header--no-promo has-sidebar"><h1>H</h1>
            <p class="meta-byline">By Jane Doe</p></header></article>"#;
        let found = collect(&Html::parse_document(html));
        assert_eq!(found.bylines.len(), 1);
    }

    #[test]
    fn layout_classes_mentioning_a_sidebar_are_not_sidebars() {
        let html = r#"<div class="vw-blog-sidebar-position-right"><article><h1>H</h1>
            <p class="byline">By Jane Doe</p></article></div>
            <div class="td-related-title"><span class="byline">By Other</span></div>"#;
        let found = collect(&Html::parse_document(html));
        let bylines: Vec<&str> = found.bylines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(bylines, vec!["By Jane Doe"]);
    }

    #[test]
    fn date_elements_give_their_machine_date() {
        let html = r#"<article><h1>H</h1><abbr class="published" title="2019-11-19T10:00:00-05:00">Nov 19</abbr>
            <span class="date" title="Permalink">March 3, 2020</span></article>"#;
        let found = collect(&Html::parse_document(html));
        let texts: Vec<&str> = found.date_texts.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, vec!["2019-11-19T10:00:00-05:00", "March 3, 2020"]);
    }

    #[test]
    fn nested_byline_parts_are_one_credit() {
        let html = r#"<div class="byline">By <span class="author-name">Jane Doe</span></div>"#;
        let found = collect(&Html::parse_document(html));
        assert_eq!(found.bylines.len(), 1);
    }

    #[test]
    fn microdata_author_takes_the_nested_name() {
        let html = r#"<div itemprop="author" itemscope><img alt=""><span itemprop="name">Jane Doe</span>
            <span>Staff</span></div>"#;
        let found = collect(&Html::parse_document(html));
        assert_eq!(found.microdata_authors, vec!["Jane Doe"]);
    }

    #[test]
    fn lines_around_each_headline() {
        let html = r#"<p>Menu</p><p>Kicker</p><h1>Headline</h1><p>19. November 2019</p>
            <h1>Second</h1><p>After second</p>"#;
        let found = collect(&Html::parse_document(html));
        let first = found.headline_contexts.first().cloned().unwrap_or_default();
        assert_eq!(first.headline, "Headline");
        assert_eq!(first.before, vec!["Kicker", "Menu"]);
        assert_eq!(first.after, vec!["19. November 2019"]);
        let second = found.headline_contexts.get(1).cloned().unwrap_or_default();
        assert_eq!(second.before, vec!["19. November 2019"]);
        assert_eq!(second.after, vec!["After second"]);
    }
}
