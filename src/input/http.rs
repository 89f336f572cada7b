//! The HTTP side of a WARC response record: the status line and headers,
//! the media type and charset of `Content-Type`, de-chunking
//! `Transfer-Encoding: chunked` and undoing `Content-Encoding`.
//!
//! Archives store bodies in several states (as sent on the wire, or already
//! decoded with the original headers kept), so the decoders check that the
//! body really looks chunked or gzipped before trusting the header.

use std::io::{self, BufRead, Read};

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use super::stream::read_until_capped;

/// Cap on the status line plus headers of one response. Real heads are a
/// few KiB; a bigger one is garbage, not a page.
pub(crate) const MAX_HTTP_HEAD_BYTES: usize = 64 * 1024;

/// Media types read as HTML pages.
const HTML_MEDIA_TYPES: [&str; 2] = ["application/xhtml+xml", "text/html"];

/// Tag openings that mark a body without a `Content-Type` as HTML: the
/// "HTML" pattern of the WHATWG MIME sniffing standard (each must be
/// followed by a space or `>`), lowercase.
const HTML_SNIFF_TAGS: [&str; 17] = [
    "<!--",
    "<!doctype html",
    "<a",
    "<b",
    "<body",
    "<br",
    "<div",
    "<font",
    "<h1",
    "<head",
    "<html",
    "<iframe",
    "<p",
    "<script",
    "<style",
    "<table",
    "<title",
];

/// Bytes looked at when sniffing a body without a `Content-Type`.
const SNIFF_BYTES: usize = 1024;

/// The status and headers of an HTTP response.
#[derive(Debug, Default)]
pub(crate) struct HttpHead {
    pub status: u16,
    /// Header names lowercased, in order; repeated headers kept.
    pub headers: Vec<(String, String)>,
}

impl HttpHead {
    /// The first value of header `name` (lowercase).
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a response head could not be read.
#[derive(Debug)]
pub(crate) enum HeadError {
    /// The underlying stream failed.
    Io(io::Error),
    /// The bytes are not an HTTP response head.
    Malformed(String),
}

/// Reads the status line and headers, leaving `reader` at the body.
pub(crate) fn read_head(reader: &mut impl BufRead) -> Result<HttpHead, HeadError> {
    let mut budget = MAX_HTTP_HEAD_BYTES;
    let mut line = Vec::new();
    let status_line = next_line(reader, &mut line, &mut budget)?
        .ok_or_else(|| HeadError::Malformed("empty HTTP response".to_owned()))?;
    let mut head = HttpHead {
        status: parse_status_line(&status_line)?,
        headers: Vec::new(),
    };
    while let Some(text) = next_line(reader, &mut line, &mut budget)? {
        if text.is_empty() {
            return Ok(head);
        }
        add_header_line(&mut head, &text)?;
    }
    // The stream ended inside the head: a response without a body.
    Ok(head)
}

/// The next line without its line ending; None at the end of the stream.
fn next_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    budget: &mut usize,
) -> Result<Option<String>, HeadError> {
    line.clear();
    let n = read_until_capped(reader, b'\n', line, *budget).map_err(HeadError::Io)?;
    if n == 0 {
        return Ok(None);
    }
    *budget -= n;
    if line.last() != Some(&b'\n') && *budget == 0 {
        return Err(HeadError::Malformed(format!(
            "HTTP head longer than {MAX_HTTP_HEAD_BYTES} bytes"
        )));
    }
    let text = String::from_utf8_lossy(line);
    Ok(Some(text.trim_end_matches(['\r', '\n']).to_owned()))
}

/// `HTTP/1.1 200 OK` → 200.
fn parse_status_line(line: &str) -> Result<u16, HeadError> {
    let malformed = || HeadError::Malformed(format!("bad HTTP status line {:?}", clip(line)));
    let mut parts = line.split_ascii_whitespace();
    let version = parts.next().ok_or_else(malformed)?;
    if !version.starts_with("HTTP/") {
        return Err(malformed());
    }
    let code = parts.next().ok_or_else(malformed)?;
    if code.len() != 3 {
        return Err(malformed());
    }
    code.parse().map_err(|_| malformed())
}

/// Adds `Name: value`, or continues the previous header for an obsolete
/// folded line (one starting with a space or tab).
fn add_header_line(head: &mut HttpHead, text: &str) -> Result<(), HeadError> {
    if text.starts_with([' ', '\t'])
        && let Some((_, value)) = head.headers.last_mut()
    {
        value.push(' ');
        value.push_str(text.trim());
        return Ok(());
    }
    let Some((name, value)) = text.split_once(':') else {
        return Err(HeadError::Malformed(format!(
            "bad HTTP header line {:?}",
            clip(text)
        )));
    };
    head.headers
        .push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    Ok(())
}

fn clip(text: &str) -> &str {
    let end = text.char_indices().nth(80).map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or(text)
}

/// A parsed `Content-Type` value.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct MediaType {
    /// `type/subtype`, lowercase.
    pub essence: String,
    /// The `charset` parameter, unquoted.
    pub charset: Option<String>,
}

impl MediaType {
    pub(crate) fn is_html(&self) -> bool {
        HTML_MEDIA_TYPES.contains(&self.essence.as_str())
    }
}

/// Parses `text/html; charset="Shift_JIS"`.
pub(crate) fn parse_content_type(value: &str) -> MediaType {
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(['"', '\'']).trim();
        (!value.is_empty()).then(|| value.to_owned())
    });
    MediaType { essence, charset }
}

/// Whether a body without a `Content-Type` starts like an HTML document.
pub(crate) fn sniff_html(body: &[u8]) -> bool {
    let start = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let skip = start
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(start.len());
    let rest = start.get(skip..).unwrap_or_default();
    let window = rest.get(..SNIFF_BYTES).unwrap_or(rest);
    HTML_SNIFF_TAGS.iter().any(|tag| {
        let tag = tag.as_bytes();
        let Some(prefix) = window.get(..tag.len()) else {
            return false;
        };
        if !prefix.eq_ignore_ascii_case(tag) {
            return false;
        }
        tag == b"<!--"
            || matches!(
                window.get(tag.len()),
                Some(b' ' | b'>' | b'\t' | b'\n' | b'\r')
            )
    })
}

/// Undoes `Transfer-Encoding: chunked`. Returns None if `raw` does not
/// start with a chunk-size line (the archive stored the body de-chunked);
/// a body cut inside a chunk keeps what arrived. Stops after `cap + 1`
/// bytes of output.
pub(crate) fn dechunk(raw: &[u8], cap: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = raw;
    let mut first = true;
    loop {
        let Some(line_end) = memchr::memchr(b'\n', rest) else {
            // No complete size line left: a body cut short.
            return if first { None } else { Some(out) };
        };
        let line = rest.get(..line_end).unwrap_or_default();
        let Some(size) = chunk_size(line) else {
            // Garbage where a size line belongs: not chunked at all if it
            // is the first line, else a damaged tail we drop.
            return if first { None } else { Some(out) };
        };
        first = false;
        rest = rest.get(line_end + 1..).unwrap_or_default();
        if size == 0 {
            return Some(out);
        }
        let take = size.min(rest.len());
        out.extend_from_slice(rest.get(..take).unwrap_or_default());
        if out.len() > cap || take < size {
            return Some(out);
        }
        rest = rest.get(take..).unwrap_or_default();
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// The size of a chunk-size line (`1a3f;ext=1\r`), None if not one.
fn chunk_size(line: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(line).ok()?;
    let digits = text.split(';').next()?.trim();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    usize::from_str_radix(digits, 16).ok()
}

/// Why a body's `Content-Encoding` could not be undone.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ContentError {
    /// The compressed body is corrupt (and yielded nothing).
    Corrupt(String),
    /// An encoding decant does not decode (br, zstd, compress).
    Unsupported(String),
}

/// Undoes `Content-Encoding` (gzip, x-gzip, deflate; identity), reading at
/// most `cap + 1` decoded bytes. A body that does not start like its
/// declared compression is taken as already decoded; a compressed stream
/// cut short keeps what it yielded.
pub(crate) fn decode_content(
    body: Vec<u8>,
    encoding: Option<&str>,
    cap: usize,
) -> Result<Vec<u8>, ContentError> {
    let encoding = encoding.unwrap_or("").trim().to_ascii_lowercase();
    match encoding.as_str() {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" => {
            if !body.starts_with(&[0x1f, 0x8b]) {
                return Ok(body);
            }
            inflate(MultiGzDecoder::new(body.as_slice()), cap)
        }
        "deflate" => {
            if looks_zlib(&body) {
                inflate(ZlibDecoder::new(body.as_slice()), cap)
            } else {
                inflate(DeflateDecoder::new(body.as_slice()), cap)
            }
        }
        other => Err(ContentError::Unsupported(other.to_owned())),
    }
}

/// A zlib header: deflate method and a valid header checksum.
fn looks_zlib(body: &[u8]) -> bool {
    match body {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

fn inflate(mut decoder: impl Read, cap: usize) -> Result<Vec<u8>, ContentError> {
    let mut out = Vec::new();
    let max = u64::try_from(cap).unwrap_or(u64::MAX).saturating_add(1);
    match (&mut decoder).take(max).read_to_end(&mut out) {
        Ok(_) => Ok(out),
        Err(_) if !out.is_empty() => Ok(out),
        Err(e) => Err(ContentError::Corrupt(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    #[test]
    fn vocabularies_stay_sorted_and_lowercase() {
        for list in [&HTML_SNIFF_TAGS[..], &HTML_MEDIA_TYPES[..]] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(
                list.iter().all(|s| s.to_ascii_lowercase() == *s),
                "{list:?}"
            );
        }
    }

    #[test]
    fn head_is_parsed_and_reader_left_at_body() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
                    X-Long: a\r\n  b\r\nSet-Cookie: x=1\r\n\r\n<html>body";
        let mut r = Cursor::new(raw.to_vec());
        let head = read_head(&mut r).unwrap();
        assert_eq!(head.status, 200);
        assert_eq!(
            head.get("content-type"),
            Some("text/html; charset=ISO-8859-1")
        );
        assert_eq!(head.get("x-long"), Some("a b"));
        let mut body = String::new();
        r.read_to_string(&mut body).unwrap();
        assert_eq!(body, "<html>body");
    }

    #[test]
    fn bare_lf_heads_and_http2_status_lines_are_read() {
        let mut r = Cursor::new(b"HTTP/2 404\ncontent-type: text/html\n\nx".to_vec());
        let head = read_head(&mut r).unwrap();
        assert_eq!(head.status, 404);
        assert_eq!(head.get("content-type"), Some("text/html"));
    }

    #[test]
    fn garbage_is_not_a_head() {
        let mut r = Cursor::new(b"<html>not http</html>\r\n\r\n".to_vec());
        assert!(matches!(read_head(&mut r), Err(HeadError::Malformed(_))));
        let mut r = Cursor::new(Vec::new());
        assert!(matches!(read_head(&mut r), Err(HeadError::Malformed(_))));
    }

    #[test]
    fn endless_head_is_cut_at_the_cap() {
        let mut raw = b"HTTP/1.1 200 OK\r\n".to_vec();
        raw.extend(std::iter::repeat_n(b'x', MAX_HTTP_HEAD_BYTES * 2));
        let mut r = Cursor::new(raw);
        assert!(matches!(read_head(&mut r), Err(HeadError::Malformed(_))));
    }

    #[test]
    fn content_type_charset_is_unquoted() {
        let ct = parse_content_type("Text/HTML; Charset=\"Shift_JIS\"");
        assert_eq!(ct.essence, "text/html");
        assert_eq!(ct.charset.as_deref(), Some("Shift_JIS"));
        assert!(ct.is_html());
        let ct = parse_content_type("image/png");
        assert_eq!(ct.charset, None);
        assert!(!ct.is_html());
        assert!(parse_content_type("application/xhtml+xml").is_html());
    }

    #[test]
    fn sniffing_knows_html_from_other_bodies() {
        assert!(sniff_html(b"\n  <!DOCTYPE html><html>"));
        assert!(sniff_html(b"\xEF\xBB\xBF<html lang=en>"));
        assert!(sniff_html(b"<p>hi"));
        assert!(!sniff_html(b"<pre>"), "<p must be followed by space or >");
        assert!(!sniff_html(b"\x89PNG\r\n"));
        assert!(!sniff_html(b"{\"json\": true}"));
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let raw = b"4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\n\r\n";
        assert_eq!(dechunk(raw, 1000).unwrap(), b"Wikipedia in \r\n\r\nchunks.");
    }

    #[test]
    fn already_dechunked_bodies_are_left_alone() {
        assert_eq!(dechunk(b"<html>\r\n</html>", 1000), None);
    }

    #[test]
    fn cut_chunked_bodies_keep_what_arrived() {
        assert_eq!(dechunk(b"a\r\n01234", 1000).unwrap(), b"01234");
        assert_eq!(dechunk(b"3\r\nabc\r\n1", 1000).unwrap(), b"abc");
        assert_eq!(dechunk(b"3\r\nabc\r\nzz\r\n", 1000).unwrap(), b"abc");
    }

    #[test]
    fn gzip_and_deflate_bodies_are_decoded() {
        let page = b"<html><body>caf\xc3\xa9</body></html>".to_vec();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&page).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode_content(gz, Some("gzip"), 1000).unwrap(), page);

        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&page).unwrap();
        assert_eq!(
            decode_content(z.finish().unwrap(), Some("deflate"), 1000).unwrap(),
            page
        );

        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(&page).unwrap();
        assert_eq!(
            decode_content(d.finish().unwrap(), Some("deflate"), 1000).unwrap(),
            page
        );

        // Declared gzip but stored decoded.
        assert_eq!(
            decode_content(page.clone(), Some("gzip"), 1000).unwrap(),
            page
        );
        assert_eq!(
            decode_content(page.clone(), Some("br"), 1000),
            Err(ContentError::Unsupported("br".to_owned()))
        );
    }

    #[test]
    fn decoding_stops_past_the_cap() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&vec![b'a'; 100_000]).unwrap();
        let out = decode_content(gz.finish().unwrap(), Some("gzip"), 1000).unwrap();
        assert_eq!(out.len(), 1001);
    }
}
