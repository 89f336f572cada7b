//! Python-compatible text primitives of the reference scorer: `\w+` tokens
//! and `\s+` whitespace, with exactly the character classes of Python's `re`
//! on `str` patterns.

use super::py_word::PY_WORD_RANGES;

/// Whether Python's `re` matches `c` with `\w` (`c.isalnum() or c == "_"`).
pub fn is_py_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let code = u32::from(c);
    PY_WORD_RANGES
        .binary_search_by(|&(first, last)| {
            if last < code {
                std::cmp::Ordering::Less
            } else if first > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether Python's `re` matches `c` with `\s` (`c.isspace()`). Unlike
/// Rust's `char::is_whitespace`, this includes the information separators
/// U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Byte spans of the `\w+` tokens of `text`, in order (Python's
/// `re.findall(r"\w+", text)`).
pub fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (is_py_word(c), start) {
            (true, None) => start = Some(at),
            (false, Some(first)) => {
                spans.push((first, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(first) = start {
        spans.push((first, text.len()));
    }
    spans
}

/// The `\w+` tokens of `text`.
pub fn tokens(text: &str) -> Vec<&str> {
    token_spans(text)
        .into_iter()
        .filter_map(|(start, end)| text.get(start..end))
        .collect()
}

/// Python's `re.sub(r"\s+", " ", text).strip()`: every whitespace run
/// becomes one space, none at either end.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_py_space).filter(|part| !part.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_follows_python_not_rust() {
        // Python counts digits-like symbols and underscore as word characters...
        assert!(is_py_word('_'));
        assert!(is_py_word('²'));
        assert!(is_py_word('½'));
        assert!(is_py_word('é'));
        assert!(is_py_word('中'));
        // ...but not combining marks, other connector punctuation or joiners,
        // which Rust's `\w` accepts.
        assert!(!is_py_word('\u{301}'));
        assert!(!is_py_word('\u{203F}'));
        assert!(!is_py_word('\u{200D}'));
        assert!(!is_py_word('-'));
    }

    #[test]
    fn tokens_match_python_findall() {
        // python3 -c 'import re; print(re.findall(r"\w+", "e\u0301te l’été x_y 3²½ a‿b"))'
        // → ['e', 'te', 'l', 'été', 'x_y', '3²½', 'a', 'b']
        assert_eq!(
            tokens("e\u{301}te l’été x_y 3²½ a‿b"),
            vec!["e", "te", "l", "été", "x_y", "3²½", "a", "b"]
        );
        assert!(tokens("").is_empty());
        assert!(tokens(" -- ").is_empty());
    }

    #[test]
    fn whitespace_collapse_matches_python() {
        assert_eq!(collapse_whitespace("  a\t\nb\u{a0}c\u{1f}d  "), "a b c d");
        assert_eq!(collapse_whitespace(" \n "), "");
        assert_eq!(collapse_whitespace("a\u{200b}b"), "a\u{200b}b");
    }
}
