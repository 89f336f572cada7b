//! WARC files, one record at a time: `response` records of HTML pages (and
//! `resource` records holding HTML) become pages; every other record is
//! counted as skipped. A broken stream (bad header, record cut short, wrong
//! `Content-Length`, corrupt gzip) ends the file with one reject; the pages
//! before it stay.
//!
//! Record headers are parsed by the `warc` crate's parser; the framing
//! around it is done here so that bodies stream with a size cap and a
//! missing `WARC-Record-ID` or `WARC-Date` does not lose the page.
//!
//! Offsets in `source` (`rel@OFFSET`) are byte offsets of the record's
//! `WARC/` line in the uncompressed stream.

use std::io::{self, Read, Take};

use chrono::{DateTime, Utc};

use super::http::{self, ContentError, HeadError, MediaType};
use super::stream::{Counting, InputStream, read_capped, read_until_capped, reason_of};
use super::{ContentKind, InputItem, RawPage, item_reject};
use crate::error::RejectReason;

/// Cap on one record's WARC header block. Real ones are under 2 KiB; the
/// cap keeps a file without header ends from being buffered whole.
const MAX_WARC_HEADER_BYTES: usize = 64 * 1024;

/// Extra raw bytes allowed over the page limit before de-chunking and
/// decompressing: chunk-size lines and incompressible gzip framing make the
/// wire form slightly bigger than the page.
fn raw_body_cap(limit: usize) -> usize {
    limit
        .saturating_add(limit / 8)
        .saturating_add(http::MAX_HTTP_HEAD_BYTES)
}

/// Every record ends with two CRLFs after its `Content-Length` bytes.
const RECORD_TRAILER: &[u8; 4] = b"\r\n\r\n";

/// The WARC fields decant uses from one record header.
#[derive(Debug, Default)]
struct WarcHead {
    warc_type: String,
    record_id: Option<String>,
    target_uri: Option<String>,
    date: Option<DateTime<Utc>>,
    content_type: Option<String>,
    content_length: u64,
}

/// What one record turned into.
enum Outcome {
    Page {
        bytes: Vec<u8>,
        charset_hint: Option<String>,
    },
    Skip(String),
    Reject(RejectReason, String),
}

/// A failure that ends the file.
struct Fatal {
    reason: RejectReason,
    detail: String,
}

impl Fatal {
    fn warc(detail: impl Into<String>) -> Self {
        Fatal {
            reason: RejectReason::BadWarc,
            detail: detail.into(),
        }
    }

    fn io(e: &io::Error) -> Self {
        Fatal {
            reason: reason_of(e),
            detail: e.to_string(),
        }
    }
}

/// The stream of items of one WARC file.
pub(crate) struct WarcRecords {
    rel: String,
    reader: Counting<InputStream>,
    limit: usize,
    seen_record: bool,
    done: bool,
}

impl WarcRecords {
    pub(crate) fn new(rel: String, stream: InputStream, limit: usize) -> Self {
        WarcRecords {
            rel,
            reader: Counting::new(stream),
            limit,
            seen_record: false,
            done: false,
        }
    }

    /// Reads the next record; None at a clean end of the stream.
    fn next_record(&mut self) -> Option<InputItem> {
        let start = self.reader.position();
        let (offset, header) = match read_header_block(&mut self.reader) {
            Ok(Some(found)) => found,
            Ok(None) => return self.end_of_stream(),
            Err(fatal) => return Some(self.fatal(start, None, None, fatal)),
        };
        self.seen_record = true;
        let head = match parse_header(&header) {
            Ok(head) => head,
            Err(fatal) => return Some(self.fatal(offset, None, None, fatal)),
        };
        let limit = self.limit;
        let mut block = (&mut self.reader).take(head.content_length);
        let outcome = read_block(&head, &mut block, limit);
        let finished = outcome.and_then(|outcome| finish_record(&mut block).map(|()| outcome));
        let url = head.target_uri.clone();
        match finished {
            Ok(outcome) => Some(self.item(offset, head, outcome)),
            Err(fatal) => Some(self.fatal(offset, head.record_id, url, fatal)),
        }
    }

    fn end_of_stream(&mut self) -> Option<InputItem> {
        self.done = true;
        if self.seen_record {
            return None;
        }
        Some(item_reject(
            &self.rel,
            &self.rel,
            None,
            RejectReason::Empty,
            "no WARC records".to_owned(),
        ))
    }

    fn source(&self, offset: u64) -> String {
        format!("{}@{offset}", self.rel)
    }

    fn item(&self, offset: u64, head: WarcHead, outcome: Outcome) -> InputItem {
        let source = self.source(offset);
        let id = head.record_id.unwrap_or_else(|| source.clone());
        match outcome {
            Outcome::Page {
                bytes,
                charset_hint,
            } => InputItem::Page(RawPage {
                id,
                source,
                url: head.target_uri,
                bytes,
                charset_hint,
                fetched_at: head.date,
                kind: ContentKind::Html,
            }),
            Outcome::Skip(what) => InputItem::Skipped { source, what },
            Outcome::Reject(reason, detail) => {
                item_reject(&id, &source, head.target_uri, reason, detail)
            }
        }
    }

    fn fatal(
        &mut self,
        offset: u64,
        record_id: Option<String>,
        url: Option<String>,
        fatal: Fatal,
    ) -> InputItem {
        self.done = true;
        let source = self.source(offset);
        let id = record_id.unwrap_or_else(|| source.clone());
        item_reject(&id, &source, url, fatal.reason, fatal.detail)
    }
}

impl Iterator for WarcRecords {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        if self.done {
            return None;
        }
        self.next_record()
    }
}

/// Reads one header block (from the `WARC/` line to the blank line),
/// skipping blank lines before it. Returns its offset and bytes, or None
/// at the end of the stream.
fn read_header_block(reader: &mut Counting<InputStream>) -> Result<Option<(u64, Vec<u8>)>, Fatal> {
    let mut block = Vec::new();
    let offset = loop {
        let start = reader.position();
        block.clear();
        let n = read_until_capped(reader, b'\n', &mut block, MAX_WARC_HEADER_BYTES)
            .map_err(|e| Fatal::io(&e))?;
        if n == 0 {
            return Ok(None);
        }
        if !block.iter().all(u8::is_ascii_whitespace) {
            break start;
        }
    };
    if !block.starts_with(b"WARC/") {
        return Err(Fatal::warc(format!(
            "expected a WARC record, found {:?}",
            String::from_utf8_lossy(block.get(..40).unwrap_or(&block))
        )));
    }
    loop {
        let before = block.len();
        let room = MAX_WARC_HEADER_BYTES.saturating_sub(before);
        let n = read_until_capped(reader, b'\n', &mut block, room).map_err(|e| Fatal::io(&e))?;
        let line = block.get(before..).unwrap_or_default();
        if matches!(line, b"\r\n" | b"\n") {
            return Ok(Some((offset, block)));
        }
        if line.last() != Some(&b'\n') {
            return Err(if n == room {
                Fatal::warc(format!("WARC header over {MAX_WARC_HEADER_BYTES} bytes"))
            } else {
                Fatal::warc("stream ends inside a WARC header")
            });
        }
    }
}

/// Parses a header block with the `warc` crate's parser.
fn parse_header(block: &[u8]) -> Result<WarcHead, Fatal> {
    let (_, (_version, fields, content_length)) =
        warc::parser::headers(block).map_err(|_| Fatal::warc("malformed WARC header"))?;
    let mut head = WarcHead {
        content_length: content_length as u64,
        ..WarcHead::default()
    };
    let mut has_length = false;
    for (name, value) in fields {
        let value = String::from_utf8_lossy(value).trim().to_owned();
        let field = name.to_ascii_lowercase();
        match field.as_str() {
            "content-length" => has_length = true,
            "warc-type" if head.warc_type.is_empty() => head.warc_type = value.to_ascii_lowercase(),
            "warc-record-id" if head.record_id.is_none() => head.record_id = unbracket(&value),
            "warc-target-uri" if head.target_uri.is_none() => head.target_uri = unbracket(&value),
            "warc-date" if head.date.is_none() => head.date = parse_date(&value),
            "content-type" if head.content_type.is_none() => head.content_type = Some(value),
            _ => {}
        }
    }
    if !has_length {
        return Err(Fatal::warc("WARC record without Content-Length"));
    }
    Ok(head)
}

/// `<urn:uuid:…>` → `urn:uuid:…` (WARC 1.0 writes URIs in angle brackets).
fn unbracket(value: &str) -> Option<String> {
    let inner = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
        .trim();
    (!inner.is_empty()).then(|| inner.to_owned())
}

fn parse_date(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

type Block<'a> = Take<&'a mut Counting<InputStream>>;

/// Decides what a record's content block is, reading as little of it as
/// needed. Errors are stream failures that end the file.
fn read_block(head: &WarcHead, block: &mut Block<'_>, limit: usize) -> Result<Outcome, Fatal> {
    match head.warc_type.as_str() {
        "response" => read_response(head, block, limit),
        "resource" => read_resource(head, block, limit),
        "" => Ok(Outcome::Skip("warc record without WARC-Type".to_owned())),
        other => Ok(Outcome::Skip(format!("warc {other} record"))),
    }
}

/// A `response` record: an HTTP response, a page if it is a 2xx HTML one.
fn read_response(head: &WarcHead, block: &mut Block<'_>, limit: usize) -> Result<Outcome, Fatal> {
    if let Some(ct) = &head.content_type {
        let media = http::parse_content_type(ct);
        if media.essence != "application/http" {
            return Ok(Outcome::Skip(format!(
                "non-HTTP response ({})",
                media.essence
            )));
        }
    }
    let response = match http::read_head(block) {
        Ok(response) => response,
        Err(HeadError::Io(e)) => return Err(Fatal::io(&e)),
        Err(HeadError::Malformed(detail)) => {
            return Ok(Outcome::Reject(RejectReason::BadWarc, detail));
        }
    };
    if !(200..300).contains(&response.status) {
        return Ok(Outcome::Skip(format!("HTTP {} response", response.status)));
    }
    let media = response.get("content-type").map(http::parse_content_type);
    let declared = media.as_ref().filter(|m| !m.essence.is_empty());
    if let Some(m) = declared.filter(|m| !m.is_html()) {
        return Ok(Outcome::Skip(format!("non-HTML response ({})", m.essence)));
    }
    let raw_cap = raw_body_cap(limit);
    let raw = read_capped(block, raw_cap).map_err(|e| Fatal::io(&e))?;
    if raw.len() > raw_cap {
        return Ok(too_large(limit));
    }
    let chunked = response
        .get("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let raw = if chunked {
        http::dechunk(&raw, raw_cap).unwrap_or(raw)
    } else {
        raw
    };
    let body = match http::decode_content(raw, response.get("content-encoding"), limit) {
        Ok(body) => body,
        Err(ContentError::Corrupt(e)) => {
            return Ok(Outcome::Reject(
                RejectReason::BadGzip,
                format!("HTTP body: Content-Encoding stream is corrupt: {e}"),
            ));
        }
        Err(ContentError::Unsupported(name)) => {
            return Ok(Outcome::Reject(
                RejectReason::DecodeError,
                format!("unsupported Content-Encoding {name:?}"),
            ));
        }
    };
    if body.len() > limit {
        return Ok(too_large(limit));
    }
    if declared.is_none() && !http::sniff_html(&body) {
        return Ok(Outcome::Skip(
            "non-HTML response (no Content-Type)".to_owned(),
        ));
    }
    page_or_empty(body, media.and_then(|m| m.charset))
}

/// A `resource` record: the page bytes themselves, typed by the record's
/// Content-Type.
fn read_resource(head: &WarcHead, block: &mut Block<'_>, limit: usize) -> Result<Outcome, Fatal> {
    let media: Option<MediaType> = head.content_type.as_deref().map(http::parse_content_type);
    let Some(media) = media.filter(MediaType::is_html) else {
        let essence = head.content_type.as_deref().map_or_else(
            || "no Content-Type".to_owned(),
            |ct| http::parse_content_type(ct).essence,
        );
        return Ok(Outcome::Skip(format!("non-HTML resource ({essence})")));
    };
    let body = read_capped(block, limit).map_err(|e| Fatal::io(&e))?;
    if body.len() > limit {
        return Ok(too_large(limit));
    }
    page_or_empty(body, media.charset)
}

fn page_or_empty(bytes: Vec<u8>, charset_hint: Option<String>) -> Result<Outcome, Fatal> {
    if bytes.is_empty() {
        return Ok(Outcome::Reject(
            RejectReason::Empty,
            "empty HTTP body".to_owned(),
        ));
    }
    Ok(Outcome::Page {
        bytes,
        charset_hint,
    })
}

fn too_large(limit: usize) -> Outcome {
    Outcome::Reject(
        RejectReason::TooLarge,
        format!("page over the limit of {limit} bytes (--max-page-bytes)"),
    )
}

/// Skips what is left of the content block, then checks the record ends
/// where its `Content-Length` says, with its two CRLFs.
fn finish_record(block: &mut Block<'_>) -> Result<(), Fatal> {
    io::copy(block, &mut io::sink()).map_err(|e| Fatal::io(&e))?;
    if block.limit() > 0 {
        return Err(Fatal::warc(format!(
            "record cut short: {} bytes of its Content-Length missing",
            block.limit()
        )));
    }
    let reader = block.get_mut();
    let mut trailer = Vec::with_capacity(RECORD_TRAILER.len());
    (&mut **reader)
        .take(RECORD_TRAILER.len() as u64)
        .read_to_end(&mut trailer)
        .map_err(|e| Fatal::io(&e))?;
    if trailer.as_slice() != RECORD_TRAILER {
        return Err(Fatal::warc(if trailer.len() < RECORD_TRAILER.len() {
            "record cut short: stream ends before the record's closing CRLF CRLF"
        } else {
            "record not followed by CRLF CRLF: wrong Content-Length?"
        }));
    }
    Ok(())
}
