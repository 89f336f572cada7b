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

use super::files::{self, article_path, io_error, rejects_path};
use super::{SinkError, SinkOptions, SinkSummary};
use crate::record::{Quote, Record, Reject, Removed};

/// File extension of the JSON Lines dataset.
pub const EXTENSION: &str = "jsonl";

/// Writes the JSON Lines dataset of one run.
pub struct JsonlDataset {
    dir: PathBuf,
    rows_per_file: usize,
    keep_removed: bool,
    /// The article file being filled; opened by its first row.
    shard: Option<JsonlFile>,
    /// Rows written to the current article file.
    shard_rows: usize,
    article_files: Vec<PathBuf>,
    articles: u64,
    rejects_file: JsonlFile,
    rejects: u64,
}

impl JsonlDataset {
    /// Starts a dataset in `dir` (which must exist); opens the rejects file
    /// at once, so an unwritable folder fails here.
    pub fn create(dir: &Path, options: &SinkOptions) -> Result<Self, SinkError> {
        let rejects_path = rejects_path(dir, EXTENSION);
        let rejects_file = JsonlFile::create(rejects_path.clone())?;
        files::remove_previous(&rejects_path)?;
        Ok(JsonlDataset {
            dir: dir.to_path_buf(),
            rows_per_file: options.rows_per_file,
            keep_removed: options.keep_removed,
            shard: None,
            shard_rows: 0,
            article_files: Vec::new(),
            articles: 0,
            rejects_file,
            rejects: 0,
        })
    }

    /// Writes one article line; rotates the file when it is full.
    pub fn write_article(&mut self, record: &Record) -> Result<(), SinkError> {
        let line = ArticleLine::new(record, self.keep_removed);
        let shard = match &mut self.shard {
            Some(shard) => shard,
            None => self.shard.insert(JsonlFile::create(article_path(
                &self.dir,
                self.article_files.len(),
                EXTENSION,
            ))?),
        };
        shard.write_line(&line)?;
        self.shard_rows += 1;
        self.articles += 1;
        if self.shard_rows >= self.rows_per_file {
            self.close_shard()?;
        }
        Ok(())
    }

    /// Writes one reject line.
    pub fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError> {
        self.rejects_file.write_line(reject)?;
        self.rejects += 1;
        Ok(())
    }

    /// Closes and publishes the article files, removes article files an
    /// earlier run left beyond this one's, and publishes the rejects file
    /// last.
    pub fn finish(mut self) -> Result<SinkSummary, SinkError> {
        self.close_shard()?;
        let stale_files_removed =
            files::remove_stale_articles(&self.dir, EXTENSION, &self.article_files)?;
        let rejects_file = self.rejects_file.close()?;
        Ok(SinkSummary {
            article_files: self.article_files,
            rejects_file: Some(rejects_file),
            articles: self.articles,
            rejects: self.rejects,
            stale_files_removed,
        })
    }

    /// Closes and publishes the current article file, if one is open.
    fn close_shard(&mut self) -> Result<(), SinkError> {
        if let Some(shard) = self.shard.take() {
            self.article_files.push(shard.close()?);
        }
        self.shard_rows = 0;
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
struct JsonlFile {
    /// None once closed.
    out: Option<BufWriter<File>>,
    temp: PathBuf,
    path: PathBuf,
}

impl JsonlFile {
    fn create(path: PathBuf) -> Result<Self, SinkError> {
        let (temp, file) = files::create_temp(&path)?;
        Ok(JsonlFile {
            out: Some(BufWriter::new(file)),
            temp,
            path,
        })
    }

    /// Writes `value` as one line of JSON.
    fn write_line<T: Serialize>(&mut self, value: &T) -> Result<(), SinkError> {
        let Some(out) = self.out.as_mut() else {
            return Err(closed_error(&self.temp));
        };
        serde_json::to_writer(&mut *out, value).map_err(|e| io_error(&self.temp)(e.into()))?;
        out.write_all(b"\n").map_err(io_error(&self.temp))
    }

    /// Flushes, syncs and renames the file to its final name.
    fn close(mut self) -> Result<PathBuf, SinkError> {
        let Some(out) = self.out.take() else {
            return Err(closed_error(&self.temp));
        };
        let file = out
            .into_inner()
            .map_err(|e| io_error(&self.temp)(e.into_error()))?;
        files::publish(file, &self.temp, &self.path)?;
        Ok(std::mem::take(&mut self.path))
    }
}

impl Drop for JsonlFile {
    /// A file dropped unclosed (the run failed) leaves no temporary behind.
    fn drop(&mut self) {
        if self.out.take().is_some() {
            files::discard_temp(&self.temp);
        }
    }
}

/// The error for a write to a file already closed (a bug, not bad input).
fn closed_error(path: &Path) -> SinkError {
    SinkError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other("file already closed"),
    }
}
