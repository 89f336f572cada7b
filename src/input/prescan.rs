//! The HTML standard's byte-level prescan for a `<meta>` charset
//! declaration: `<meta charset=...>` or `<meta http-equiv="Content-Type"
//! content="...; charset=...">`, skipping comments and other tags' attribute
//! values, case-insensitive. Works on a bounded window, never recursive.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// Bytes scanned for a declaration. The standard says 1024; pages with long
/// preambles (inline scripts, comment banners) often declare later, and the
/// scan is cheap.
pub(crate) const PRESCAN_BYTES: usize = 4096;

/// The encoding a `<meta>` in the first [`PRESCAN_BYTES`] declares, as the
/// standard maps it (UTF-16 → UTF-8, x-user-defined → windows-1252).
pub(crate) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    let mut scanner = Scanner {
        bytes: window,
        pos: 0,
    };
    scanner.run().map(|enc| {
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else if enc == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            enc
        }
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    fn starts_with_ci(&self, pattern: &[u8]) -> bool {
        self.bytes
            .get(self.pos..self.pos + pattern.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(pattern))
    }

    /// Moves past the next `>` at or after `from`; false if there is none.
    fn skip_past_gt(&mut self, from: usize) -> bool {
        match self
            .bytes
            .get(from..)
            .and_then(|rest| memchr::memchr(b'>', rest))
        {
            Some(i) => {
                self.pos = from + i + 1;
                true
            }
            None => false,
        }
    }

    fn run(&mut self) -> Option<&'static Encoding> {
        while self.pos < self.bytes.len() {
            if self.starts_with_ci(b"<!--") {
                let rest = self.bytes.get(self.pos + 2..)?;
                let end = memchr::memmem::find(rest, b"-->")?;
                self.pos += 2 + end + 3;
            } else if self.starts_with_ci(b"<meta")
                && self
                    .at(self.pos + 5)
                    .is_some_and(|b| is_space(b) || b == b'/')
            {
                self.pos += 5;
                if let Some(enc) = self.meta_element()? {
                    return Some(enc);
                }
            } else if self.at(self.pos) == Some(b'<')
                && (self
                    .at(self.pos + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic())
                    || (self.at(self.pos + 1) == Some(b'/')
                        && self
                            .at(self.pos + 2)
                            .is_some_and(|b| b.is_ascii_alphabetic())))
            {
                self.skip_tag()?;
            } else if self.at(self.pos) == Some(b'<')
                && matches!(self.at(self.pos + 1), Some(b'!' | b'/' | b'?'))
            {
                if !self.skip_past_gt(self.pos + 1) {
                    return None;
                }
            } else {
                self.pos += 1;
            }
        }
        None
    }

    /// Skips another tag with its attributes (so a `>` or `<meta` inside an
    /// attribute value is not mistaken for markup). None at the window end.
    fn skip_tag(&mut self) -> Option<()> {
        while self.at(self.pos).is_some_and(|b| !is_space(b) && b != b'>') {
            self.pos += 1;
        }
        while self.attribute()?.is_some() {}
        Some(())
    }

    /// Reads a `<meta>`'s attributes. Some(None): no usable declaration;
    /// None: the window ended.
    fn meta_element(&mut self) -> Option<Option<&'static Encoding>> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        let mut need_pragma: Option<bool> = None;
        let mut charset: Option<&'static Encoding> = None;
        while let Some((name, value)) = self.attribute()? {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" if value == b"content-type" => got_pragma = true,
                b"content" if charset.is_none() => {
                    if let Some(enc) = charset_from_content(&value).and_then(Encoding::for_label) {
                        charset = Some(enc);
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = Encoding::for_label(&value);
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        Some(match need_pragma {
            None => None,
            Some(true) if !got_pragma => None,
            Some(_) => charset,
        })
    }

    /// The standard's "get an attribute": Some(None) at the tag's `>`,
    /// None at the end of the window. Names and values are lowercased.
    #[allow(clippy::type_complexity)]
    fn attribute(&mut self) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
        while self.at(self.pos).is_some_and(|b| is_space(b) || b == b'/') {
            self.pos += 1;
        }
        if self.at(self.pos)? == b'>' {
            self.pos += 1;
            return Some(None);
        }
        let mut name = Vec::new();
        loop {
            let b = self.at(self.pos)?;
            if b == b'=' && !name.is_empty() {
                self.pos += 1;
                return self.attribute_value(name).map(Some);
            }
            if is_space(b) {
                break;
            }
            if b == b'/' || b == b'>' {
                return Some(Some((name, Vec::new())));
            }
            name.push(b.to_ascii_lowercase());
            self.pos += 1;
        }
        while self.at(self.pos).is_some_and(is_space) {
            self.pos += 1;
        }
        if self.at(self.pos)? != b'=' {
            return Some(Some((name, Vec::new())));
        }
        self.pos += 1;
        self.attribute_value(name).map(Some)
    }

    fn attribute_value(&mut self, name: Vec<u8>) -> Option<(Vec<u8>, Vec<u8>)> {
        while self.at(self.pos).is_some_and(is_space) {
            self.pos += 1;
        }
        let mut value = Vec::new();
        let first = self.at(self.pos)?;
        if first == b'"' || first == b'\'' {
            self.pos += 1;
            loop {
                let b = self.at(self.pos)?;
                self.pos += 1;
                if b == first {
                    return Some((name, value));
                }
                value.push(b.to_ascii_lowercase());
            }
        }
        if first == b'>' {
            return Some((name, value));
        }
        loop {
            let b = self.at(self.pos)?;
            if is_space(b) || b == b'>' {
                return Some((name, value));
            }
            value.push(b.to_ascii_lowercase());
            self.pos += 1;
        }
    }
}

/// The standard's "extract a character encoding from a meta element":
/// the label after `charset=` in a `content` value.
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let found = memchr::memmem::find(content.get(pos..)?, b"charset")?;
        pos += found + b"charset".len();
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let rest = content.get(pos..)?;
        let quote = *rest.first()?;
        if quote == b'"' || quote == b'\'' {
            let inner = rest.get(1..)?;
            let end = memchr::memchr(quote, inner)?;
            return inner.get(..end);
        }
        let end = rest
            .iter()
            .position(|&b| is_space(b) || b == b';')
            .unwrap_or(rest.len());
        return rest.get(..end).filter(|label| !label.is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GBK, SHIFT_JIS, WINDOWS_1251};

    #[test]
    fn meta_charset_attribute() {
        let page = b"<!DOCTYPE html><html><head><META CharSet=\"Shift_JIS\"><title>x</title>";
        assert_eq!(meta_charset(page), Some(SHIFT_JIS));
        assert_eq!(
            meta_charset(b"<meta charset=windows-1251>"),
            Some(WINDOWS_1251)
        );
        assert_eq!(meta_charset(b"<meta charset='gb2312'/>"), Some(GBK));
    }

    #[test]
    fn http_equiv_content_type() {
        let page =
            b"<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
        assert_eq!(meta_charset(page), Some(WINDOWS_1251));
        // Attribute order does not matter.
        let page = b"<meta content='text/html;charset=Shift_JIS' http-equiv='content-type'>";
        assert_eq!(meta_charset(page), Some(SHIFT_JIS));
    }

    #[test]
    fn content_without_http_equiv_is_not_a_declaration() {
        let page = b"<meta name=\"description\" content=\"charset=windows-1251 explained\">";
        assert_eq!(meta_charset(page), None);
    }

    #[test]
    fn comments_and_other_attribute_values_are_skipped() {
        let page = b"<!-- <meta charset=koi8-r> --><div title='<meta charset=koi8-r>'>\
                     </div><meta charset=windows-1251>";
        assert_eq!(meta_charset(page), Some(WINDOWS_1251));
    }

    #[test]
    fn utf16_declarations_mean_utf8() {
        assert_eq!(meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(
            meta_charset(b"<meta charset=x-user-defined>"),
            Some(WINDOWS_1252)
        );
    }

    #[test]
    fn unknown_labels_and_late_declarations_are_ignored() {
        assert_eq!(meta_charset(b"<meta charset=klingon>"), None);
        let mut late = vec![b' '; PRESCAN_BYTES];
        late.extend_from_slice(b"<meta charset=windows-1251>");
        assert_eq!(meta_charset(&late), None);
        assert_eq!(meta_charset(b"<meta charset="), None);
    }

    #[test]
    fn first_charset_attribute_wins() {
        assert_eq!(
            meta_charset(b"<meta charset=shift_jis charset=koi8-r>"),
            Some(SHIFT_JIS)
        );
    }
}
