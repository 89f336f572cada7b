//! Bytes → text by the right charset: BOM, transport charset, `<meta>`
//! prescan, detection (chardetng), then UTF-8 with replacement.
//!
//! The order is the browsers' (HTML standard "encoding sniffing"): a byte
//! order mark wins, then what the transport said (the HTTP Content-Type of
//! a WARC record, "utf-8" for JSONL strings), then a `<meta>` declaration
//! (HTML only), then a guess from the bytes. A declared charset is used
//! even if the bytes fit it badly, as browsers do.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

use super::{ContentKind, prescan};

/// Where the charset used for decoding came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    /// A UTF-8 or UTF-16 byte order mark.
    Bom,
    /// The charset named by the transport (HTTP header, JSONL).
    Transport,
    /// A `<meta>` declaration in the page.
    Meta,
    /// Guessed from the bytes: valid non-ASCII UTF-8, or chardetng's guess.
    Detected,
    /// Nothing to go on (plain ASCII): UTF-8.
    Fallback,
}

impl CharsetSource {
    /// A short lowercase name, for logs and statistics.
    pub fn as_str(self) -> &'static str {
        match self {
            CharsetSource::Bom => "bom",
            CharsetSource::Transport => "transport",
            CharsetSource::Meta => "meta",
            CharsetSource::Detected => "detected",
            CharsetSource::Fallback => "fallback",
        }
    }
}

/// A decoded page. `encoding.name()` is the WHATWG name of the charset
/// ("UTF-8", "windows-1252", "Shift_JIS") for the record's `encoding`.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
}

/// Bytes looked at by [`looks_binary`].
const BINARY_SNIFF_BYTES: usize = 4096;

/// Share of control bytes, NUL included (in percent of the sniffed bytes),
/// above which a file is binary. Text in any charset has almost none (a
/// stray NUL in a real page must not condemn it); compressed or image data
/// has about one byte in nine, UTF-16 without a BOM about one in two.
const BINARY_CONTROL_PERCENT: usize = 5;

/// File signatures of formats that are never pages (ICO, gzip, PDF, GIF,
/// ZIP and office files, RIFF/WebP, PNG, JPEG), sorted by bytes.
const BINARY_SIGNATURES: [&[u8]; 9] = [
    b"\x00\x00\x01\x00",
    b"\x1f\x8b",
    b"%PDF-",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"RIFF",
    b"\x89PNG",
    b"\xff\xd8\xff",
];

/// Decodes an HTML page.
pub fn decode_html(bytes: &[u8], transport_charset: Option<&str>) -> Decoded {
    let (encoding, source, bom_len) = choose_encoding(bytes, transport_charset, true);
    decode_borrowed(bytes.get(bom_len..).unwrap_or_default(), encoding, source)
}

/// Decodes a plain-text dump (no `<meta>` prescan).
pub fn decode_text(bytes: &[u8], transport_charset: Option<&str>) -> Decoded {
    let (encoding, source, bom_len) = choose_encoding(bytes, transport_charset, false);
    decode_borrowed(bytes.get(bom_len..).unwrap_or_default(), encoding, source)
}

/// Like [`decode_html`], but takes the bytes by value: valid UTF-8 without
/// a BOM becomes the text without a copy.
pub fn decode_html_owned(bytes: Vec<u8>, transport_charset: Option<&str>) -> Decoded {
    let (encoding, source, bom_len) = choose_encoding(&bytes, transport_charset, true);
    decode_owned(bytes, bom_len, encoding, source)
}

/// Like [`decode_text`], but takes the bytes by value (see
/// [`decode_html_owned`]).
pub fn decode_text_owned(bytes: Vec<u8>, transport_charset: Option<&str>) -> Decoded {
    let (encoding, source, bom_len) = choose_encoding(&bytes, transport_charset, false);
    decode_owned(bytes, bom_len, encoding, source)
}

/// Decodes a page as read: HTML with the `<meta>` prescan, text without,
/// taking the bytes by value (see [`decode_html_owned`]).
pub fn decode_page(bytes: Vec<u8>, charset_hint: Option<&str>, kind: ContentKind) -> Decoded {
    match kind {
        ContentKind::Html => decode_html_owned(bytes, charset_hint),
        ContentKind::Text => decode_text_owned(bytes, charset_hint),
    }
}

/// A page decoded from borrowed bytes: the text borrows them when they are
/// valid UTF-8 without a BOM.
#[derive(Clone, Debug)]
pub struct DecodedRef<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
}

/// Like [`decode_page`], but borrows the bytes (a page held in an Arrow
/// column): valid UTF-8 without a BOM is used as it is, without a copy.
/// Gives the same text as [`decode_page`] for the same bytes.
pub fn decode_page_borrowed<'a>(
    bytes: &'a [u8],
    charset_hint: Option<&str>,
    kind: ContentKind,
) -> DecodedRef<'a> {
    let html = kind == ContentKind::Html;
    let (encoding, source, bom_len) = choose_encoding(bytes, charset_hint, html);
    if encoding != UTF_8 || bom_len > 0 {
        let decoded = decode_borrowed(bytes.get(bom_len..).unwrap_or_default(), encoding, source);
        return DecodedRef {
            text: Cow::Owned(decoded.text),
            encoding,
            source,
        };
    }
    DecodedRef {
        text: String::from_utf8_lossy(bytes),
        encoding,
        source,
    }
}

/// The charset of `bytes`, where it came from, and the length of the BOM
/// to skip. `html` enables the `<meta>` prescan.
pub fn choose_encoding(
    bytes: &[u8],
    transport_charset: Option<&str>,
    html: bool,
) -> (&'static Encoding, CharsetSource, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, CharsetSource::Bom, bom_len);
    }
    if let Some(encoding) =
        transport_charset.and_then(|label| Encoding::for_label(label.as_bytes()))
    {
        return (encoding, CharsetSource::Transport, 0);
    }
    if html && let Some(encoding) = prescan::meta_charset(bytes) {
        return (encoding, CharsetSource::Meta, 0);
    }
    let (encoding, source) = detect(bytes);
    (encoding, source, 0)
}

/// Guesses the charset of undeclared bytes. Plain ASCII and valid UTF-8
/// are taken as UTF-8 without running the detector (ESC bytes excepted:
/// ISO-2022-JP is 7-bit).
fn detect(bytes: &[u8]) -> (&'static Encoding, CharsetSource) {
    let has_escape = memchr::memchr(0x1b, bytes).is_some();
    if !has_escape {
        if bytes.is_ascii() {
            return (UTF_8, CharsetSource::Fallback);
        }
        if std::str::from_utf8(bytes).is_ok() {
            return (UTF_8, CharsetSource::Detected);
        }
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    (
        detector.guess(None, Utf8Detection::Allow),
        CharsetSource::Detected,
    )
}

fn decode_borrowed(body: &[u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded {
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    Decoded {
        text: text.into_owned(),
        encoding,
        source,
    }
}

fn decode_owned(
    bytes: Vec<u8>,
    bom_len: usize,
    encoding: &'static Encoding,
    source: CharsetSource,
) -> Decoded {
    if encoding != UTF_8 || bom_len > 0 {
        return decode_borrowed(bytes.get(bom_len..).unwrap_or_default(), encoding, source);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Decoded {
        text,
        encoding,
        source,
    }
}

/// Whether bytes are binary data rather than text in some charset: a known
/// binary file signature, or many control bytes (NUL included) in the
/// first few KiB. A file with a UTF-16 byte order mark is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    if BINARY_SIGNATURES.iter().any(|sig| bytes.starts_with(sig)) {
        return true;
    }
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    controls * 100 > head.len() * BINARY_CONTROL_PERCENT
}

/// Control bytes that text does not contain. Tab, LF, FF, CR are text;
/// ESC belongs to ISO-2022-JP.
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b)) || b == 0x7f
}

#[cfg(test)]
mod tests;
