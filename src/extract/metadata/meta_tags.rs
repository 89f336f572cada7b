//! Lookups over the page's `<meta>` tags (OpenGraph, `article:*`, Twitter
//! cards, plain names, Dublin Core, `itemprop`), by lists of keys in order
//! of trust.

/// The `(key, content)` pairs of a page's metas, in page order.
pub struct MetaTags<'a> {
    pairs: &'a [(String, String)],
}

impl<'a> MetaTags<'a> {
    pub fn new(pairs: &'a [(String, String)]) -> Self {
        Self { pairs }
    }

    /// Every non-empty content of `key`, in page order.
    pub fn all<'k>(&self, key: &'k str) -> impl Iterator<Item = &'a str> + use<'a, 'k> {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The content of the first key of `keys` (in that order) that the page has.
    pub fn first(&self, keys: &[&str]) -> Option<&'a str> {
        keys.iter().find_map(|k| self.all(k).next())
    }

    /// Each key of `keys` that the page has, with its first content, in the
    /// order of `keys`.
    pub fn each_first(&self, keys: &[&str]) -> Vec<&'a str> {
        keys.iter().filter_map(|k| self.all(k).next()).collect()
    }

    /// All contents of the first key of `keys` that the page has.
    pub fn all_of_first(&self, keys: &[&str]) -> Vec<&'a str> {
        keys.iter()
            .map(|k| self.all(k).collect::<Vec<_>>())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
}

/// Whether a meta value is a link rather than a name (`article:author` is
/// often the author's profile URL).
pub fn is_link(value: &str) -> bool {
    let v = value.trim();
    v.starts_with("http://")
        || v.starts_with("https://")
        || v.starts_with("//")
        || v.starts_with("www.")
        || (!v.contains(' ') && v.contains('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn first_follows_the_order_of_keys_not_of_the_page() {
        let p = pairs(&[("description", "plain"), ("og:description", "og")]);
        let metas = MetaTags::new(&p);
        assert_eq!(metas.first(&["og:description", "description"]), Some("og"));
        assert_eq!(
            metas.each_first(&["og:description", "description"]),
            vec!["og", "plain"]
        );
    }

    #[test]
    fn repeated_keys_are_all_kept() {
        let p = pairs(&[
            ("article:tag", "a"),
            ("article:tag", " "),
            ("article:tag", "b"),
        ]);
        assert_eq!(
            MetaTags::new(&p).all_of_first(&["news_keywords", "article:tag"]),
            vec!["a", "b"]
        );
    }

    #[test]
    fn profile_links_are_links() {
        assert!(is_link("https://www.facebook.com/jane"));
        assert!(is_link("facebook.com/jane"));
        assert!(!is_link("Jane Doe"));
    }
}
