//! JSONL files, one page per non-empty line: a JSON object with an `html`
//! (HTML page) or `text` (text dump) string, and optional `url`, `id`
//! (string or number) and `fetched_at` (RFC 3339). A bad line is rejected
//! on its own and the file goes on; a broken stream ends the file.

use std::io::BufRead;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::stream::{InputStream, read_until_capped, reason_of};
use super::{ContentKind, InputItem, RawPage, item_reject};
use crate::error::RejectReason;

/// How much longer a JSON line may be than the page it carries: escaping
/// (`\"`, `\n`, and `\uXXXX` for every non-ASCII character when writers
/// use ASCII-only output) grows text up to about 3x for real pages.
const JSON_ESCAPE_FACTOR: usize = 3;

/// Room for the other fields of a line (url, id, metadata).
const JSON_LINE_SLACK_BYTES: usize = 64 * 1024;

/// The fields decant reads from a line; others are ignored.
#[derive(Deserialize)]
struct Line {
    html: Option<Value>,
    text: Option<Value>,
    url: Option<Value>,
    id: Option<Value>,
    fetched_at: Option<Value>,
}

/// The stream of items of one JSONL file.
pub(crate) struct JsonlLines {
    rel: String,
    reader: InputStream,
    limit: usize,
    line_cap: usize,
    line_number: u64,
    seen_record: bool,
    done: bool,
    buffer: Vec<u8>,
}

impl JsonlLines {
    pub(crate) fn new(rel: String, reader: InputStream, limit: usize) -> Self {
        let line_cap = limit
            .saturating_mul(JSON_ESCAPE_FACTOR)
            .saturating_add(JSON_LINE_SLACK_BYTES);
        JsonlLines {
            rel,
            reader,
            limit,
            line_cap,
            line_number: 0,
            seen_record: false,
            done: false,
            buffer: Vec::new(),
        }
    }

    fn line_id(&self) -> String {
        format!("{}#{}", self.rel, self.line_number)
    }

    fn line_source(&self) -> String {
        format!("{}:{}", self.rel, self.line_number)
    }

    fn line_reject(&self, reason: RejectReason, detail: String) -> InputItem {
        item_reject(&self.line_id(), &self.line_source(), None, reason, detail)
    }

    /// Reads lines until one yields an item; None at the end.
    fn next_item(&mut self) -> Option<InputItem> {
        loop {
            self.buffer.clear();
            let read = read_until_capped(&mut self.reader, b'\n', &mut self.buffer, self.line_cap);
            let n = match read {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    let detail = format!("after line {}: {e}", self.line_number);
                    return Some(self.stream_reject(reason_of(&e), detail));
                }
            };
            if n == 0 {
                self.done = true;
                return self.end_of_stream();
            }
            self.line_number += 1;
            if self.buffer.last() != Some(&b'\n') && n == self.line_cap {
                return Some(self.skip_long_line());
            }
            if self.buffer.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.seen_record = true;
            return Some(self.parse_line());
        }
    }

    /// A line over the cap: its page is too large; skip to the next line.
    fn skip_long_line(&mut self) -> InputItem {
        self.seen_record = true;
        if let Err(e) = self.reader.skip_until(b'\n') {
            self.done = true;
            return self.stream_reject(reason_of(&e), e.to_string());
        }
        self.line_reject(
            RejectReason::TooLarge,
            format!("JSON line over {} bytes", self.line_cap),
        )
    }

    fn stream_reject(&self, reason: RejectReason, detail: String) -> InputItem {
        let source = format!("{}:{}", self.rel, self.line_number + 1);
        let id = format!("{}#{}", self.rel, self.line_number + 1);
        item_reject(&id, &source, None, reason, detail)
    }

    fn end_of_stream(&self) -> Option<InputItem> {
        if self.seen_record {
            return None;
        }
        Some(item_reject(
            &self.rel,
            &self.rel,
            None,
            RejectReason::Empty,
            "no JSON lines".to_owned(),
        ))
    }

    fn parse_line(&self) -> InputItem {
        let bytes = self.buffer.trim_ascii();
        if bytes.first() != Some(&b'{') {
            return self.line_reject(
                RejectReason::BadJson,
                "line is not a JSON object".to_owned(),
            );
        }
        let line: Line = match serde_json::from_slice(bytes) {
            Ok(line) => line,
            Err(e) => return self.line_reject(RejectReason::BadJson, e.to_string()),
        };
        let url = string_field(line.url.as_ref());
        let id = id_field(line.id.as_ref()).unwrap_or_else(|| self.line_id());
        let source = self.line_source();
        let (content, kind) = match (line.html, line.text) {
            (Some(Value::String(html)), _) => (html, ContentKind::Html),
            (_, Some(Value::String(text))) => (text, ContentKind::Text),
            _ => {
                return item_reject(
                    &id,
                    &source,
                    url,
                    RejectReason::MissingField,
                    "no string field \"html\" or \"text\"".to_owned(),
                );
            }
        };
        if content.len() > self.limit {
            return item_reject(
                &id,
                &source,
                url,
                RejectReason::TooLarge,
                format!(
                    "page of {} bytes over the limit of {} bytes (--max-page-bytes)",
                    content.len(),
                    self.limit
                ),
            );
        }
        if content.is_empty() {
            return item_reject(
                &id,
                &source,
                url,
                RejectReason::Empty,
                "empty page".to_owned(),
            );
        }
        InputItem::Page(RawPage {
            id,
            source,
            url,
            bytes: content.into_bytes(),
            charset_hint: Some("utf-8".to_owned()),
            fetched_at: string_field(line.fetched_at.as_ref()).and_then(|d| parse_date(&d)),
            kind,
        })
    }
}

impl Iterator for JsonlLines {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        if self.done {
            return None;
        }
        self.next_item()
    }
}

fn string_field(value: Option<&Value>) -> Option<String> {
    match value {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

fn id_field(value: Option<&Value>) -> Option<String> {
    match value {
        Some(Value::Number(n)) => Some(n.to_string()),
        other => string_field(other),
    }
}

fn parse_date(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}
