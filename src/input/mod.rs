//! Readers: input paths → a stream of raw pages (or rejects), in a stable
//! order. Files and directories (walked recursively, sorted), gzip, JSONL,
//! WARC. Decoding bytes to text is [`decode`]'s job, done later in the
//! worker threads.
//!
//! Formats are chosen by extension (case-insensitive), each also read
//! gzipped with a further `.gz`: `.html .htm .xhtml` (one HTML page),
//! `.txt` (one text page), `.jsonl` (one page per line), `.warc` (one page
//! per HTML response record).

pub mod decode;
mod files;
mod http;
mod jsonl;
mod prescan;
mod stream;
mod warc;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::error::RejectReason;
use crate::record::Reject;

/// Whether a page's bytes are HTML or an already extracted text dump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentKind {
    Html,
    Text,
}

/// One page as read, before decoding.
#[derive(Clone, Debug)]
pub struct RawPage {
    /// Stable id: WARC-Record-ID, the JSONL `id` field, or the file path
    /// relative to the input root (with `#line` / `@offset` for records).
    pub id: String,
    /// Input file, plus `:LINE` for JSONL and `@OFFSET` for WARC records.
    pub source: String,
    pub url: Option<String>,
    pub bytes: Vec<u8>,
    /// Charset named by the transport (the HTTP Content-Type of a WARC
    /// record; "utf-8" for JSONL strings).
    pub charset_hint: Option<String>,
    pub fetched_at: Option<DateTime<Utc>>,
    pub kind: ContentKind,
}

/// One item of an input stream.
#[derive(Debug)]
pub enum InputItem {
    Page(RawPage),
    /// A page (or file) that could not be read; it still counts as read.
    Reject(Reject),
    /// A record that is not a page (a WARC request or metadata record, a
    /// non-HTML response); counted, not a page.
    Skipped {
        source: String,
        what: String,
    },
}

/// One input file found by [`discover`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// The path relative to the input root it was found under (the file
    /// name for a file given directly), with `/` separators.
    pub rel: String,
}

/// The formats decant reads, as told by a file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// `.html`, `.htm`, `.xhtml`: one HTML page.
    Html,
    /// `.txt`: one plain-text page.
    Text,
    /// `.jsonl`: one page per line.
    Jsonl,
    /// `.warc`: one page per HTML response record.
    Warc,
}

impl InputFormat {
    /// The format of `path` and whether it is gzipped (a further `.gz`);
    /// None for an extension decant does not read.
    pub fn of(path: &Path) -> Option<(InputFormat, bool)> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem, true),
            None => (name.as_str(), false),
        };
        let ext = Path::new(stem).extension()?.to_str()?;
        let format = match ext {
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "txt" => InputFormat::Text,
            "jsonl" => InputFormat::Jsonl,
            "warc" => InputFormat::Warc,
            _ => return None,
        };
        Some((format, gzip))
    }
}

pub use files::{FoundFiles, IntoFiles};

/// Lists the input files under `inputs`, in sorted order. Unreadable
/// directories and symlink loops become rejects.
pub fn discover(inputs: &[PathBuf]) -> FoundFiles {
    files::discover(inputs)
}

/// An item as the pipeline's reader thread hands it to a worker: ready, or
/// a gzipped one-page file whose decompression is left to the worker, so
/// that gunzip, most of a reader's work, runs on every core instead of one.
#[derive(Debug)]
pub enum ReadItem {
    Ready(InputItem),
    Gzipped(GzippedPage),
}

impl ReadItem {
    /// The item, decompressed if need be (what [`read_file`] would have
    /// given for it).
    pub fn ready(self) -> InputItem {
        match self {
            ReadItem::Ready(item) => item,
            ReadItem::Gzipped(page) => page.unpack(),
        }
    }

    /// The bytes this item holds now (compressed for a gzipped page).
    pub fn held_bytes(&self) -> usize {
        match self {
            ReadItem::Ready(InputItem::Page(page)) => page.bytes.len(),
            ReadItem::Ready(_) => 0,
            ReadItem::Gzipped(page) => page.compressed.len(),
        }
    }
}

/// A gzipped one-page file (`.html.gz`, `.txt.gz`) read whole but still
/// compressed.
#[derive(Debug)]
pub struct GzippedPage {
    file: InputFile,
    compressed: Vec<u8>,
    kind: ContentKind,
    limit: usize,
}

impl GzippedPage {
    /// Decompresses the page, capped at the page limit: the same page or
    /// reject as [`read_file`] gives for the file, a reader panic contained
    /// as there.
    pub fn unpack(self) -> InputItem {
        let GzippedPage {
            file,
            compressed,
            kind,
            limit,
        } = self;
        let stream = stream::from_bytes(compressed, true);
        let rel = file.rel.clone();
        let page = std::iter::once_with(move || single_page(&file, stream, kind, limit));
        contained(&rel, Box::new(page))
            .next()
            .unwrap_or_else(|| item_reject(&rel, &rel, None, RejectReason::Panic, String::new()))
    }
}

/// Like [`read_file`], for the pipeline's reader thread: a gzipped one-page
/// file no larger than `config.max_page_bytes` is read whole but left
/// compressed, for a worker to [`ReadItem::ready`]; anything else (other
/// formats, larger or unreadable files) is read as [`read_file`] does.
pub fn read_file_for_workers(
    file: &InputFile,
    config: &Config,
) -> Box<dyn Iterator<Item = ReadItem> + Send> {
    if let Some(page) = read_gzipped_page(file, config) {
        return Box::new(std::iter::once(ReadItem::Gzipped(page)));
    }
    Box::new(read_file(file, config).map(ReadItem::Ready))
}

/// The compressed bytes of a gzipped one-page file, when it is one, no
/// larger than the page limit (a compressed file over it is streamed as
/// [`read_file`] does, so the limit holds while reading) and readable.
fn read_gzipped_page(file: &InputFile, config: &Config) -> Option<GzippedPage> {
    let kind = match InputFormat::of(&file.path)? {
        (InputFormat::Html, true) => ContentKind::Html,
        (InputFormat::Text, true) => ContentKind::Text,
        _ => return None,
    };
    let size = std::fs::metadata(&file.path).ok()?.len();
    let limit = config.max_page_bytes;
    if size == 0 || size > u64::try_from(limit).unwrap_or(u64::MAX) {
        return None;
    }
    let compressed = std::fs::read(&file.path).ok()?;
    Some(GzippedPage {
        file: file.clone(),
        compressed,
        kind,
        limit,
    })
}

/// Streams the pages of one input file. Records are read lazily, one page's
/// bytes in memory at a time; a page over `config.max_page_bytes` (after
/// decompression) is rejected as `too_large` without being buffered whole.
pub fn read_file(file: &InputFile, config: &Config) -> Box<dyn Iterator<Item = InputItem> + Send> {
    let Some((format, gzip)) = InputFormat::of(&file.path) else {
        return one(file_reject(
            file,
            RejectReason::UnknownFormat,
            "extension is not .html, .htm, .xhtml, .txt, .jsonl or .warc (optionally .gz)"
                .to_owned(),
        ));
    };
    match std::fs::metadata(&file.path) {
        Ok(meta) if meta.len() == 0 => {
            return one(file_reject(
                file,
                RejectReason::Empty,
                "empty file".to_owned(),
            ));
        }
        Ok(_) => {}
        Err(e) => return one(file_reject(file, RejectReason::IoError, e.to_string())),
    }
    let stream = match stream::open(&file.path, gzip) {
        Ok(stream) => stream,
        Err(e) => return one(file_reject(file, stream::reason_of(&e), e.to_string())),
    };
    read_stream(file, stream, format, config)
}

/// Runs a reader's iterator with each step under `catch_unwind`: a panic
/// in a reader (a bug, never expected) becomes one `panic` reject for the
/// file, the file ends there, and the run goes on with the next file.
struct PanicContained {
    inner: Box<dyn Iterator<Item = InputItem> + Send>,
    rel: String,
    done: bool,
}

impl Iterator for PanicContained {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        if self.done {
            return None;
        }
        let step = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.inner.next()));
        match step {
            Ok(item) => {
                self.done = item.is_none();
                item
            }
            Err(panic) => {
                self.done = true;
                let message = crate::error::panic_message(panic.as_ref());
                Some(item_reject(
                    &self.rel,
                    &self.rel,
                    None,
                    RejectReason::Panic,
                    format!("reader panicked: {message}"),
                ))
            }
        }
    }
}

fn contained(
    rel: &str,
    inner: Box<dyn Iterator<Item = InputItem> + Send>,
) -> Box<dyn Iterator<Item = InputItem> + Send> {
    Box::new(PanicContained {
        inner,
        rel: rel.to_owned(),
        done: false,
    })
}

/// Streams the pages of bytes already in memory, read as a file of
/// `format` named `name` (gunzipped first when `gzip` is set). The same
/// readers as [`read_file`], for callers that hold the bytes (fuzzing,
/// tests, a library user reading from a network stream).
pub fn read_bytes(
    name: &str,
    bytes: Vec<u8>,
    format: InputFormat,
    gzip: bool,
    config: &Config,
) -> Box<dyn Iterator<Item = InputItem> + Send> {
    let file = InputFile {
        path: PathBuf::from(name),
        rel: name.to_owned(),
    };
    if bytes.is_empty() {
        return one(file_reject(
            &file,
            RejectReason::Empty,
            "empty file".to_owned(),
        ));
    }
    let stream = stream::from_bytes(bytes, gzip);
    read_stream(&file, stream, format, config)
}

/// Streams the pages of one opened input of a known format.
fn read_stream(
    file: &InputFile,
    stream: stream::InputStream,
    format: InputFormat,
    config: &Config,
) -> Box<dyn Iterator<Item = InputItem> + Send> {
    let limit = config.max_page_bytes;
    let rel = file.rel.clone();
    let file = file.clone();
    let items: Box<dyn Iterator<Item = InputItem> + Send> = match format {
        InputFormat::Html => Box::new(std::iter::once_with(move || {
            single_page(&file, stream, ContentKind::Html, limit)
        })),
        InputFormat::Text => Box::new(std::iter::once_with(move || {
            single_page(&file, stream, ContentKind::Text, limit)
        })),
        InputFormat::Jsonl => Box::new(jsonl::JsonlLines::new(rel.clone(), stream, limit)),
        InputFormat::Warc => Box::new(warc::WarcRecords::new(rel.clone(), stream, limit)),
    };
    contained(&rel, items)
}

fn one(item: InputItem) -> Box<dyn Iterator<Item = InputItem> + Send> {
    Box::new(std::iter::once(item))
}

/// A whole file as one page: id and source are its relative path.
fn single_page(
    file: &InputFile,
    mut stream: stream::InputStream,
    kind: ContentKind,
    limit: usize,
) -> InputItem {
    let bytes = match stream::read_capped(&mut stream, limit) {
        Ok(bytes) => bytes,
        Err(e) => return file_reject(file, stream::reason_of(&e), e.to_string()),
    };
    if bytes.len() > limit {
        return file_reject(
            file,
            RejectReason::TooLarge,
            format!("page over the limit of {limit} bytes (--max-page-bytes)"),
        );
    }
    if bytes.is_empty() {
        return file_reject(file, RejectReason::Empty, "empty file".to_owned());
    }
    InputItem::Page(RawPage {
        id: file.rel.clone(),
        source: file.rel.clone(),
        url: None,
        bytes,
        charset_hint: None,
        fetched_at: None,
        kind,
    })
}

fn file_reject(file: &InputFile, reason: RejectReason, detail: String) -> InputItem {
    item_reject(&file.rel, &file.rel, None, reason, detail)
}

/// A reject item.
pub(crate) fn item_reject(
    id: &str,
    source: &str,
    url: Option<String>,
    reason: RejectReason,
    detail: String,
) -> InputItem {
    InputItem::Reject(Reject {
        id: id.to_owned(),
        source: source.to_owned(),
        url,
        reason,
        detail,
    })
}

#[cfg(test)]
mod tests;
