//! JSON-LD (`<script type="application/ld+json">`): find the object that
//! describes the article (in arrays, `@graph`s and nested values, with `@id`
//! references resolved) and read its headline, authors, publisher, dates,
//! keywords, section, image, description, URL and language.
//!
//! Scripts that do not parse (even after removing HTML comment and CDATA
//! wrappers) are skipped: a broken script is no evidence.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::rules::metadata::{
    ARTICLE_TYPES, MAX_JSON_LD_BYTES, MAX_JSON_LD_NODES, PAGE_TYPES, PUBLISHER_TYPES,
};

/// A credited author and whether JSON-LD calls it a person (an untyped
/// string counts as a person; an `Organization` does not).
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    pub name: String,
    pub is_person: bool,
}

/// What the JSON-LD of a page says about its article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<Credit>,
    /// `publisher.name` of the article.
    pub publisher: Option<String>,
    /// The name of a `WebSite` or organisation object of the page.
    pub website_name: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub url: Option<String>,
    pub in_language: Option<String>,
    pub keywords: Vec<String>,
    pub sections: Vec<String>,
}

/// Reads all JSON-LD scripts of a page into one [`JsonLd`].
pub fn read(scripts: &[String]) -> JsonLd {
    let roots: Vec<Value> = scripts.iter().filter_map(|s| parse_lenient(s)).collect();
    let objects = all_objects(&roots);
    let ids = id_index(&objects);
    // The article object with a headline first: pages also describe teasers
    // and sections with article types and only a name.
    let articles = || {
        objects
            .iter()
            .copied()
            .filter(|o| has_type(o, ARTICLE_TYPES))
    };
    let article = articles()
        .find(|o| o.contains_key("headline"))
        .or_else(|| articles().next());
    let page = objects.iter().copied().find(|o| {
        has_type(o, PAGE_TYPES) && (o.contains_key("headline") || o.contains_key("datePublished"))
    });
    let main: Vec<&Map<String, Value>> = article.into_iter().chain(page).collect();
    let mut out = JsonLd::default();
    let first = |key: &str, f: &dyn Fn(&Value) -> Option<String>| {
        main.iter().find_map(|o| o.get(key).and_then(f))
    };
    out.headline = first("headline", &|v| text_of(v))
        .or_else(|| article.and_then(|a| a.get("name")).and_then(text_of));
    out.date_published =
        first("datePublished", &|v| text_of(v)).or_else(|| first("dateCreated", &|v| text_of(v)));
    out.date_modified = first("dateModified", &|v| text_of(v));
    out.description = first("description", &|v| text_of(v));
    out.image = first("image", &|v| url_of(v, &ids))
        .or_else(|| first("thumbnailUrl", &|v| url_of(v, &ids)));
    out.url = article
        .and_then(|a| a.get("url"))
        .and_then(text_of)
        .or_else(|| {
            article
                .and_then(|a| a.get("mainEntityOfPage"))
                .and_then(|v| url_of(v, &ids))
        });
    out.in_language = first("inLanguage", &|v| text_of(v));
    out.keywords = main
        .first()
        .and_then(|o| o.get("keywords"))
        .map(list_of)
        .unwrap_or_default();
    out.sections = main
        .first()
        .and_then(|o| o.get("articleSection"))
        .map(list_of)
        .unwrap_or_default();
    out.authors = main
        .iter()
        .find_map(|o| o.get("author").or_else(|| o.get("creator")))
        .map(|v| credits(v, &ids))
        .unwrap_or_default();
    out.publisher = main
        .iter()
        .find_map(|o| o.get("publisher"))
        .and_then(|v| name_of(v, &ids));
    out.website_name = objects
        .iter()
        .find(|o| has_type(o, PUBLISHER_TYPES))
        .and_then(|o| o.get("name"))
        .and_then(text_of);
    out
}

/// Parses a script, tolerating the HTML-comment and CDATA wrappers some
/// CMSs put around it. None when it still does not parse.
fn parse_lenient(script: &str) -> Option<Value> {
    if script.len() > MAX_JSON_LD_BYTES {
        return None;
    }
    let trimmed = script.trim();
    if let Ok(v) = serde_json::from_str(trimmed) {
        return Some(v);
    }
    let unwrapped = trimmed
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    serde_json::from_str(unwrapped).ok()
}

/// Every JSON object in the roots, in document order, visited with an
/// explicit stack (the page controls the nesting depth).
fn all_objects(roots: &[Value]) -> Vec<&Map<String, Value>> {
    let mut objects = Vec::new();
    let mut stack: Vec<&Value> = roots.iter().rev().collect();
    let mut visited = 0usize;
    while let Some(value) = stack.pop() {
        visited += 1;
        if visited > MAX_JSON_LD_NODES * roots.len().max(1) {
            break;
        }
        match value {
            Value::Object(map) => {
                objects.push(map);
                // Children in reverse so they pop in document order.
                stack.extend(map.values().rev().filter(|v| v.is_object() || v.is_array()));
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    objects
}

/// `@id` → the fullest object carrying it (a bare `{"@id": ...}` reference
/// is not an entry).
fn id_index<'a>(objects: &[&'a Map<String, Value>]) -> HashMap<&'a str, &'a Map<String, Value>> {
    let mut ids = HashMap::new();
    for o in objects {
        if o.len() > 1
            && let Some(Value::String(id)) = o.get("@id")
        {
            ids.entry(id.as_str()).or_insert(*o);
        }
    }
    ids
}

/// Resolves a `{"@id": ...}` reference to its full object.
fn resolve<'a>(
    map: &'a Map<String, Value>,
    ids: &HashMap<&str, &'a Map<String, Value>>,
) -> &'a Map<String, Value> {
    if map.len() == 1
        && let Some(Value::String(id)) = map.get("@id")
        && let Some(full) = ids.get(id.as_str())
    {
        return full;
    }
    map
}

/// The lowercased `@type`s of an object (a string or an array of strings).
fn types(o: &Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(t)) => vec![short_type(t)],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(short_type)
            .collect(),
        _ => Vec::new(),
    }
}

/// "http://schema.org/NewsArticle" → "newsarticle".
fn short_type(t: &str) -> String {
    t.rsplit(['/', '#', ':']).next().unwrap_or(t).to_lowercase()
}

fn has_type(o: &Map<String, Value>, vocabulary: &[&str]) -> bool {
    types(o)
        .iter()
        .any(|t| vocabulary.binary_search(&t.as_str()).is_ok())
}

/// A text value: a string, the first string of an array, or an object's
/// `@value`/`name`; HTML entities decoded and whitespace collapsed.
fn text_of(v: &Value) -> Option<String> {
    let raw = match v {
        Value::String(s) => Some(s.as_str()),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        Value::Object(o) => o
            .get("@value")
            .or_else(|| o.get("name"))
            .and_then(Value::as_str),
        _ => None,
    }?;
    let clean = collapse(&decode_entities(raw));
    (!clean.is_empty()).then_some(clean)
}

/// A URL value: a string, an object's `url`/`contentUrl`/`@id`, or the first
/// of an array.
fn url_of(v: &Value, ids: &HashMap<&str, &Map<String, Value>>) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|i| url_of(i, ids)),
        Value::Object(o) => {
            let o = resolve(o, ids);
            ["url", "contentUrl", "@id"]
                .iter()
                .find_map(|k| o.get(*k).and_then(Value::as_str))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        }
        _ => None,
    }
}

/// A list value: an array of strings or one comma-separated string.
fn list_of(v: &Value) -> Vec<String> {
    let pieces: Vec<String> = match v {
        Value::String(s) => s.split(',').map(str::to_string).collect(),
        Value::Array(items) => items.iter().filter_map(text_of).collect(),
        _ => Vec::new(),
    };
    pieces
        .iter()
        .map(|p| collapse(&decode_entities(p)))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The name of a publisher-like value (string, object, reference, array).
fn name_of(v: &Value, ids: &HashMap<&str, &Map<String, Value>>) -> Option<String> {
    match v {
        Value::String(_) => text_of(v),
        Value::Array(items) => items.iter().find_map(|i| name_of(i, ids)),
        Value::Object(o) => resolve(o, ids).get("name").and_then(text_of),
        _ => None,
    }
}

/// The credits of an `author` value (one level of array; each entry a
/// string, a typed object or an `@id` reference).
fn credits(v: &Value, ids: &HashMap<&str, &Map<String, Value>>) -> Vec<Credit> {
    let entries: Vec<&Value> = match v {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    entries
        .into_iter()
        .filter_map(|entry| match entry {
            Value::String(_) => text_of(entry).map(|name| Credit {
                name,
                is_person: true,
            }),
            Value::Object(o) => {
                let o = resolve(o, ids);
                let name = o.get("name").and_then(text_of).or_else(|| {
                    let given = o.get("givenName").and_then(text_of)?;
                    let family = o.get("familyName").and_then(text_of).unwrap_or_default();
                    Some(collapse(&format!("{given} {family}")))
                })?;
                let is_person = !has_type(o, PUBLISHER_TYPES);
                Some(Credit { name, is_person })
            }
            _ => None,
        })
        .collect()
}

/// Whitespace runs to one space, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Invisible characters pages put inside words: soft hyphens and
/// zero-width spaces, joiners and byte-order marks.
const INVISIBLE: &[char] = &[
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// `text` without invisible characters, whitespace collapsed.
pub fn tidy(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    collapse(&visible)
}

/// Decodes the HTML entities CMSs leave in JSON-LD strings (`&amp;`,
/// `&#8217;`, `&#x27;`, `&quot;`, ...). Unknown entities stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = tail.get(1..end)?;
            Some((decode_entity(entity)?, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(entity: &str) -> Option<char> {
    if let Some(num) = entity.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    match entity {
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some(' '),
        "rsquo" => Some('\u{2019}'),
        "lsquo" => Some('\u{2018}'),
        "rdquo" => Some('\u{201d}'),
        "ldquo" => Some('\u{201c}'),
        "ndash" => Some('\u{2013}'),
        "mdash" => Some('\u{2014}'),
        "hellip" => Some('\u{2026}'),
        "laquo" => Some('\u{ab}'),
        "raquo" => Some('\u{bb}'),
        "middot" => Some('\u{b7}'),
        "bull" => Some('\u{2022}'),
        "copy" => Some('\u{a9}'),
        "reg" => Some('\u{ae}'),
        "trade" => Some('\u{2122}'),
        "euro" => Some('\u{20ac}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(script: &str) -> JsonLd {
        read(&[script.to_string()])
    }

    #[test]
    fn graph_with_referenced_author_array() {
        let ld = one(r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://x.com/#website","name":"Example Times"},
            {"@type":"Person","@id":"https://x.com/#/person/1","name":"Jane Doe"},
            {"@type":["NewsArticle"],"headline":"Big &amp; Bold","datePublished":"2019-11-19T23:30:00-05:00",
             "author":[{"@id":"https://x.com/#/person/1"},{"@type":"Person","name":"John Roe"}],
             "publisher":{"@type":"NewsMediaOrganization","name":"Example Times"},
             "keywords":"politics, world","articleSection":["World"],
             "image":{"@type":"ImageObject","url":"https://x.com/a.jpg"},"inLanguage":"en-US"}]}"#);
        assert_eq!(ld.headline.as_deref(), Some("Big & Bold"));
        let names: Vec<&str> = ld.authors.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Jane Doe", "John Roe"]);
        assert_eq!(ld.publisher.as_deref(), Some("Example Times"));
        assert_eq!(ld.website_name.as_deref(), Some("Example Times"));
        assert_eq!(
            ld.date_published.as_deref(),
            Some("2019-11-19T23:30:00-05:00")
        );
        assert_eq!(ld.keywords, vec!["politics", "world"]);
        assert_eq!(ld.sections, vec!["World"]);
        assert_eq!(ld.image.as_deref(), Some("https://x.com/a.jpg"));
        assert_eq!(ld.in_language.as_deref(), Some("en-US"));
    }

    #[test]
    fn top_level_array_and_organization_author() {
        let ld = one(r#"[{"@type":"BreadcrumbList","itemListElement":[]},
            {"@type":"http://schema.org/BlogPosting","name":"Post title",
             "author":{"@type":"Organization","name":"Example Blog"}}]"#);
        assert_eq!(ld.headline.as_deref(), Some("Post title"));
        assert_eq!(
            ld.authors,
            vec![Credit {
                name: "Example Blog".into(),
                is_person: false
            }]
        );
    }

    #[test]
    fn broken_scripts_are_skipped_and_wrapped_ones_read() {
        let broken = r#"{"@type":"NewsArticle","headline":"Broken",,}"#.to_string();
        let wrapped = r#"<!--{"@type":"NewsArticle","headline":"Wrapped"}-->"#.to_string();
        assert_eq!(read(std::slice::from_ref(&broken)), JsonLd::default());
        assert_eq!(
            read(&[broken, wrapped]).headline.as_deref(),
            Some("Wrapped")
        );
    }

    #[test]
    fn web_page_fills_in_when_there_is_no_article() {
        let ld = one(r#"{"@type":"WebPage","headline":"Page","datePublished":"2020-02-02"}"#);
        assert_eq!(ld.headline.as_deref(), Some("Page"));
        assert_eq!(ld.date_published.as_deref(), Some("2020-02-02"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(one(&deep), JsonLd::default());
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            tidy("Mes\u{ad}sen\u{ad}ger  dienst\u{200b}e"),
            "Messenger dienste"
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("It&#8217;s &amp; &#x27;x&#x27; &bogus; a&b"),
            "It\u{2019}s & 'x' &bogus; a&b"
        );
    }
}
