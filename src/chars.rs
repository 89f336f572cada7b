//! Character classes read fast: whitespace runs and word characters, with
//! exactly the answers of `char::is_whitespace` and `char::is_alphanumeric`
//! (the tests compare every char), but ASCII read byte by byte and the
//! commonest non-ASCII blocks (Latin letters, Cyrillic, CJK, Hangul,
//! punctuation) without the standard library's table search.

/// True for the ASCII bytes that are `char::is_whitespace`.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Bytes of the leading run of `text` whose chars are (`space`) or are
/// not whitespace (`char::is_whitespace`).
#[inline]
fn run_len(text: &str, space: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        let rest = bytes.get(i..).unwrap_or_default();
        i += rest
            .iter()
            .position(|&b| !b.is_ascii() || is_ascii_space(b) != space)
            .unwrap_or(rest.len());
        if bytes.get(i).is_none_or(u8::is_ascii) {
            return i;
        }
        match text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if c.is_whitespace() == space => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// Bytes of the leading whitespace of `text`.
pub fn whitespace_len(text: &str) -> usize {
    run_len(text, true)
}

/// Bytes of the first word of `text` (up to whitespace or the end).
pub fn word_len(text: &str) -> usize {
    run_len(text, false)
}

/// The words of `text` as `str::split_whitespace` gives them.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.get(whitespace_len(rest)..).unwrap_or("");
        if rest.is_empty() {
            return None;
        }
        let (word, after) = rest.split_at_checked(word_len(rest)).unwrap_or((rest, ""));
        rest = after;
        Some(word)
    })
}

/// Appends `c.to_lowercase()`: the commonest uncased or single-case
/// blocks (CJK, kana, Hangul, punctuation, basic Cyrillic) without the
/// standard library's table search.
pub fn push_lowercase(out: &mut String, c: char) {
    match u32::from(c) {
        0..=0x7f => out.push(c.to_ascii_lowercase()),
        0x430..=0x44f | 0x2000..=0x206f | 0x3040..=0x30ff | 0x4e00..=0x9fff | 0xac00..=0xd7a3 => {
            out.push(c)
        }
        // Basic Cyrillic capitals: the lowercase letter is 0x20 further.
        code @ 0x410..=0x42f => out.extend(char::from_u32(code + 0x20)),
        _ => out.extend(c.to_lowercase()),
    }
}

/// `c.is_alphanumeric()`.
pub fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1 letters and Latin Extended-A and B, but × and ÷.
        0xc0..=0x24f => !matches!(c, '×' | '÷'),
        // Basic Cyrillic, CJK unified ideographs, Hangul syllables.
        0x410..=0x44f | 0x4e00..=0x9fff | 0xac00..=0xd7a3 => true,
        // General punctuation (spaces, dashes, quotes, bullets).
        0x2000..=0x206f => false,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    #[test]
    fn alphanumeric_is_the_standard_librarys_for_every_char() {
        for c in every_char() {
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "{:x}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn lowercase_is_the_standard_librarys_for_every_char() {
        for c in every_char() {
            let mut lower = String::new();
            push_lowercase(&mut lower, c);
            assert_eq!(lower, c.to_lowercase().to_string(), "{:x}", u32::from(c));
        }
    }

    #[test]
    fn ascii_spaces_are_the_standard_librarys() {
        for b in 0..=0x7fu8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:x}");
        }
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        let whitespace: String = every_char().filter(|c| c.is_whitespace()).collect();
        for text in [
            String::new(),
            "  a\tb\n\n c  d ".to_string(),
            format!("x{whitespace}y\u{1c}z\u{200b}w{whitespace}"),
            "東京\u{3000}都 déjà\u{a0}\u{a0}vu\u{85}".to_string(),
        ] {
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words(&text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
