//! JSON Lines output (`--format jsonl`): the same rows as the Parquet
//! dataset, one JSON object per line, in `DIR/articles-00000.jsonl`, ...
//! (same rotation, same temporary-then-rename publishing) and
//! `DIR/rejects.jsonl`. Keys are the column names of [`super::schema`];
//! dates are `"YYYY-MM-DD"`, `fetched_at` is RFC 3339 in UTC at the
//! millisecond precision of the Parquet column; absent values are `null`.
//! As in Parquet, a run with no articles writes no article file, and
//! `rejects.jsonl` is always written (empty if need be), last.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, SecondsFormat};
use serde::Serialize;

use super::dataset::RowFiles;
use super::files::{PendingFile, io_error, rejects_path};
use super::{SinkError, SinkOptions};
use crate::record::{Quote, Record, Reject, Removed};

/// File extension of the JSON Lines dataset.
pub const EXTENSION: &str = "jsonl";

/// Writes the rows of the JSON Lines dataset: article files as the
/// [`DatasetWriter`](super::DatasetWriter) opens and publishes them, and
/// the rejects, published whole or in parts.
pub struct JsonlRows {
    keep_removed: bool,
    /// The article file being filled, opened by its first row, and the
    /// path it will be published at.
    shard: Option<(JsonlFile, PathBuf)>,
    /// The rejects being written (the rejects file or its next part);
    /// reopened after each part is published.
    rejects_file: Option<JsonlFile>,
    /// The name its temporary file is derived from: `.rejects.jsonl.tmp`.
    rejects_path: PathBuf,
}

impl JsonlRows {
    /// Starts the rows of a dataset in `dir` (which must exist); opens the
    /// rejects file at once, so an unwritable folder fails here.
    pub fn create(dir: &Path, options: &SinkOptions) -> Result<Self, SinkError> {
        let rejects_path = rejects_path(dir, EXTENSION);
        let rejects_file = open(&rejects_path)?;
        Ok(JsonlRows {
            keep_removed: options.keep_removed,
            shard: None,
            rejects_file: Some(rejects_file),
            rejects_path,
        })
    }

    /// The rejects file being written, opened if a part was just published.
    fn open_rejects(&mut self) -> Result<&mut JsonlFile, SinkError> {
        let file = match self.rejects_file.take() {
            Some(file) => file,
            None => open(&self.rejects_path)?,
        };
        Ok(self.rejects_file.insert(file))
    }
}

impl RowFiles for JsonlRows {
    fn write_article(&mut self, record: &Record, path: &Path) -> Result<(), SinkError> {
        let line = ArticleLine::new(record, self.keep_removed);
        let (shard, _) = match &mut self.shard {
            Some(shard) => shard,
            None => self.shard.insert((open(path)?, path.to_path_buf())),
        };
        write_line(shard, &line)
    }

    fn publish_articles(&mut self) -> Result<Option<PathBuf>, SinkError> {
        match self.shard.take() {
            Some((shard, path)) => {
                close(shard, &path)?;
                Ok(Some(path))
            }
            None => Ok(None),
        }
    }

    fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError> {
        let file = self.open_rejects()?;
        write_line(file, reject)
    }

    fn publish_rejects(&mut self, path: &Path) -> Result<(), SinkError> {
        self.open_rejects()?;
        match self.rejects_file.take() {
            Some(file) => close(file, path),
            None => Ok(()),
        }
    }

    /// Copies the lines of a published rejects part as they are.
    fn append_rejects(&mut self, part: &Path) -> Result<(), SinkError> {
        let mut source = File::open(part).map_err(io_error(part))?;
        let file = self.open_rejects()?;
        let temp = file.temp().to_path_buf();
        std::io::copy(&mut source, file.writer()?).map_err(io_error(&temp))?;
        Ok(())
    }
}

/// One article as a JSON line: the columns of the article schema, in order.
#[derive(Serialize)]
struct ArticleLine<'a> {
    id: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    fetched_at: Option<String>,
    title: Option<&'a str>,
    site_name: Option<&'a str>,
    description: Option<&'a str>,
    language: Option<&'a str>,
    authors: &'a [String],
    tags: &'a [String],
    date_published: Option<NaiveDate>,
    date_modified: Option<NaiveDate>,
    date_source: Option<&'a str>,
    canonical_url: Option<&'a str>,
    image_url: Option<&'a str>,
    text: &'a str,
    word_count: i32,
    quotes: &'a [Quote],
    removed: Option<&'a [Removed]>,
    content_hash: &'a str,
    encoding: Option<&'a str>,
}

impl<'a> ArticleLine<'a> {
    fn new(r: &'a Record, keep_removed: bool) -> Self {
        ArticleLine {
            id: &r.id,
            source: &r.source,
            url: r.url.as_deref(),
            fetched_at: r
                .fetched_at
                .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true)),
            title: r.title.as_deref(),
            site_name: r.site_name.as_deref(),
            description: r.description.as_deref(),
            language: r.language.as_deref(),
            authors: &r.authors,
            tags: &r.tags,
            date_published: r.date_published,
            date_modified: r.date_modified,
            date_source: r.date_source.as_deref(),
            canonical_url: r.canonical_url.as_deref(),
            image_url: r.image_url.as_deref(),
            text: &r.text,
            word_count: r.word_count,
            quotes: &r.quotes,
            removed: r.removed.as_deref().filter(|_| keep_removed),
            content_hash: &r.content_hash,
            encoding: r.encoding.as_deref(),
        }
    }
}

/// One JSON Lines file being written under its temporary name.
type JsonlFile = PendingFile<BufWriter<File>>;

/// Creates the temporary file of `path`.
fn open(path: &Path) -> Result<JsonlFile, SinkError> {
    PendingFile::create(path, |file| Ok(BufWriter::new(file)))
}

/// Writes `value` as one line of JSON.
fn write_line<T: Serialize>(file: &mut JsonlFile, value: &T) -> Result<(), SinkError> {
    let temp = file.temp().to_path_buf();
    let out = file.writer()?;
    serde_json::to_writer(&mut *out, value).map_err(|e| io_error(&temp)(e.into()))?;
    out.write_all(b"\n").map_err(io_error(&temp))
}

/// Flushes the buffer, syncs the file and publishes it at `path`.
fn close(file: JsonlFile, path: &Path) -> Result<(), SinkError> {
    let temp = file.temp().to_path_buf();
    file.publish(path, |out| {
        out.into_inner()
            .map_err(|e| io_error(&temp)(e.into_error()))
    })
}
