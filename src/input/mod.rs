//! Readers: input paths → a stream of raw pages (or rejects), in a stable
//! order. Files and directories (walked recursively, sorted), gzip, JSONL,
//! WARC. Decoding bytes to text is [`decode`]'s job, done later in the
//! worker threads.

pub mod decode;

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::config::Config;
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
    Skipped { source: String, what: String },
}

/// One input file found by [`discover`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// The path relative to the input root it was found under (the file
    /// name for a file given directly), with `/` separators.
    pub rel: String,
}

/// Lists the input files under `inputs`, in sorted order. Unreadable
/// directories and symlink loops become rejects.
pub fn discover(inputs: &[PathBuf]) -> Vec<Result<InputFile, Reject>> {
    inputs
        .iter()
        .map(|p| {
            Ok(InputFile {
                path: p.clone(),
                rel: p.to_string_lossy().into_owned(),
            })
        })
        .collect()
}

/// Streams the pages of one input file.
pub fn read_file(
    _file: &InputFile,
    _config: &Config,
) -> Box<dyn Iterator<Item = InputItem> + Send> {
    Box::new(std::iter::empty())
}
