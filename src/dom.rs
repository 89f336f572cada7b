//! Reading a parsed element's attributes and class names cheaply.
//!
//! scraper's `Element::attr` interns the name asked for and binary-searches
//! the attributes; `Element::classes` interns every class name of the
//! element into the global atom table. decant asks a handful of attributes
//! of every element of every page, so these helpers scan the element's
//! short attribute list instead, with the same results.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::ns;
use scraper::node::Element;

/// The value of attribute `name` (lowercase, in no namespace), as
/// `Element::attr` gives it.
pub fn attr<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| q.prefix.is_none() && q.ns == ns!() && &*q.local == name)
        .map(|(_, value)| &**value)
}

/// The element's attributes in no namespace (those `Element::attr` can
/// return), as (name, value).
pub fn plain_attrs(el: &Element) -> impl Iterator<Item = (&str, &str)> {
    el.attrs
        .iter()
        .filter(|(q, _)| q.prefix.is_none() && q.ns == ns!())
        .map(|(q, value)| (&*q.local, &**value))
}

/// The element's `id`, as `Element::id` gives it.
pub fn id(el: &Element) -> Option<&str> {
    el.attrs
        .iter()
        .find(|(q, _)| &*q.local == "id")
        .map(|(_, value)| &**value)
}

/// The element's `class` attribute, as `Element::classes` reads it.
pub fn class(el: &Element) -> Option<&str> {
    el.attrs
        .iter()
        .find(|(q, _)| &*q.local == "class")
        .map(|(_, value)| &**value)
}

/// The element's class names as `Element::classes` gives them: split on
/// ASCII whitespace, sorted, without duplicates.
pub fn classes(el: &Element) -> Vec<&str> {
    let mut names: Vec<&str> = el
        .attrs
        .iter()
        .filter(|(q, _)| &*q.local == "class")
        .flat_map(|(_, value)| value.split_ascii_whitespace())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The element's id, then its class names (see [`id`], [`classes`]).
pub fn names(el: &Element) -> impl Iterator<Item = &str> {
    id(el).into_iter().chain(classes(el))
}

/// `text` lowercased as `str::to_lowercase` does, borrowed when that
/// changes nothing (lowercase ASCII: nearly every class name and id).
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// Distinct names a [`NameMemo`] remembers before it forgets them all: a
/// site's class names repeat on every element and every page, so reading
/// each once saves most of the work, while pages of generated names (CSS
/// module hashes) cannot grow the memory without bound.
const MAX_REMEMBERED_NAMES: usize = 1 << 16;

/// The hasher of decant's in-memory lookups of page strings: several
/// times cheaper than the standard SipHash on short keys like class names,
/// and still seeded at random per process, so a page cannot choose names
/// that collide.
pub type FastHash = foldhash::fast::RandomState;

/// A `HashMap` with [`FastHash`].
pub type FastMap<K, V> = HashMap<K, V, FastHash>;

/// A memory of what a pure function says of class names or ids, for one
/// thread (declare it in `thread_local!`).
pub struct NameMemo<T> {
    known: RefCell<FastMap<Box<str>, T>>,
}

impl<T: Copy> NameMemo<T> {
    pub fn new() -> Self {
        NameMemo {
            known: RefCell::new(FastMap::default()),
        }
    }

    /// `compute(name)`, computed once per distinct name.
    pub fn get(&self, name: &str, compute: impl FnOnce(&str) -> T) -> T {
        if let Some(value) = self.known.borrow().get(name) {
            return *value;
        }
        let value = compute(name);
        let mut known = self.known.borrow_mut();
        if known.len() >= MAX_REMEMBERED_NAMES {
            known.clear();
        }
        known.insert(name.into(), value);
        value
    }
}

impl<T: Copy> Default for NameMemo<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn elements(html: &str) -> Html {
        Html::parse_document(html)
    }

    #[test]
    fn attributes_classes_and_ids_read_as_scraper_reads_them() {
        let doc = elements(
            "<div id=main class='b  a b\tC' data-x=1 hidden></div>\
             <svg><a xlink:href='#x' href='#y'></a></svg><p class=''>p</p>",
        );
        for node in doc.tree.nodes() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            for name in ["id", "class", "hidden", "data-x", "href", "missing"] {
                assert_eq!(attr(el, name), el.attr(name), "{name}");
            }
            assert_eq!(id(el), el.id());
            assert_eq!(class(el), el.attr("class"));
            assert_eq!(classes(el), el.classes().collect::<Vec<_>>());
            let all: Vec<&str> = el.id().into_iter().chain(el.classes()).collect();
            assert_eq!(names(el).collect::<Vec<_>>(), all);
        }
    }

    #[test]
    fn lowercase_matches_to_lowercase_and_borrows_when_it_can() {
        for text in ["byline", "Byline", "ǅx", "İstanbul", "c-byline__name", ""] {
            assert_eq!(lowercase(text), text.to_lowercase());
        }
        assert!(matches!(lowercase("post-meta"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_memo_computes_each_name_once() {
        let memo = NameMemo::new();
        let mut calls = 0;
        for name in ["a", "b", "a", "a"] {
            memo.get(name, |n| {
                calls += 1;
                n.len()
            });
        }
        assert_eq!(calls, 2);
        assert_eq!(memo.get("a", |_| 0), 1);
    }
}
