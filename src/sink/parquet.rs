//! Parquet output: `DIR/articles-00000.parquet`, `-00001`, ... rotated
//! every `rows_per_file` article rows, and `DIR/rejects.parquet`. ZSTD
//! compressed, with bounded row groups and the run's key/value metadata.
//!
//! Article rows are buffered in column builders and written as one row
//! group whenever [`ROW_GROUP_ROWS`] rows or [`ROW_GROUP_BYTES`] bytes of
//! strings are buffered, so memory stays bounded whatever the run's size.
//! An article file is opened lazily by its first row group: a run that ends
//! exactly on a rotation leaves no empty trailing file, and a run with no
//! articles writes no article file at all. `rejects.parquet` is always
//! written, with zero rows if need be, so a reader always finds it; it is
//! published last, so its presence marks a finished run.

use std::fs::File;
use std::path::{Path, PathBuf};

use ::parquet::arrow::ArrowWriter;
use ::parquet::basic::{Compression, ZstdLevel};
use ::parquet::errors::ParquetError;
use ::parquet::file::metadata::KeyValue;
use ::parquet::file::properties::{EnabledStatistics, WriterProperties};
use ::parquet::schema::types::ColumnPath;
use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use arrow::error::ArrowError;

use super::batch::{ArticleColumns, RejectColumns};
use super::files::{self, article_path, rejects_path};
use super::{SinkError, SinkOptions, SinkSummary, schema};
use crate::record::{Record, Reject};

/// File extension of the Parquet dataset.
pub const EXTENSION: &str = "parquet";

/// Rows per row group at most. Row groups are the unit of parallel reading
/// for DuckDB, polars and pyarrow; ~16k rows keeps many of them per file
/// while per-group overhead (footer entries, statistics) stays negligible.
/// For articles of a few KB of text [`ROW_GROUP_BYTES`] ends groups first;
/// this bound matters for short rows. Also set as the writer's
/// `max_row_group_row_count`, whose default is a million rows.
pub const ROW_GROUP_ROWS: usize = 16 * 1024;

/// Bytes of buffered strings that end a row group early. Bounds the
/// writer's memory (the builders plus the encoded group) for long texts,
/// where a row count alone would let a group grow without limit.
pub const ROW_GROUP_BYTES: usize = 16 * 1024 * 1024;

/// Most string bytes one article row may hold. Arrow's utf8 offsets are
/// i32, so a batch's strings must stay under 2 GiB; the byte budget above
/// plus one row of at most this size always does. Far beyond any page the
/// reader accepts (`--max-page-bytes` defaults to 16 MiB).
pub const MAX_RECORD_BYTES: usize = 1024 * 1024 * 1024;

/// ZSTD level: 3 is zstd's own default, most of the ratio of the higher
/// levels at a fraction of their time.
const ZSTD_LEVEL: i32 = 3;

/// Columns written without dictionary encoding: nearly every value is
/// unique, so a dictionary only costs time before parquet falls back.
const UNIQUE_VALUED_COLUMNS: [&str; 6] = [
    schema::article::CANONICAL_URL,
    schema::article::CONTENT_HASH,
    schema::article::DESCRIPTION,
    schema::article::ID,
    schema::article::TEXT,
    schema::article::URL,
];

/// Key of the decant version in every file's key/value metadata.
pub const VERSION_KEY: &str = "decant.version";

/// When buffered rows become a row group, and how big one row may be.
#[derive(Clone, Copy, Debug)]
struct Bounds {
    group_rows: usize,
    group_bytes: usize,
    record_bytes: usize,
}

/// The bounds of every run; tests use smaller ones.
const BOUNDS: Bounds = Bounds {
    group_rows: ROW_GROUP_ROWS,
    group_bytes: ROW_GROUP_BYTES,
    record_bytes: MAX_RECORD_BYTES,
};

/// Writes the Parquet dataset of one run.
pub struct ParquetDataset {
    dir: PathBuf,
    bounds: Bounds,
    rows_per_file: usize,
    properties: WriterProperties,
    buffer: ArticleColumns,
    /// The article file being filled; opened by its first row group.
    shard: Option<ParquetFile>,
    /// Article rows given to the current file, buffered ones included.
    shard_rows: usize,
    article_files: Vec<PathBuf>,
    articles: u64,
    rejects_file: ParquetFile,
    reject_buffer: RejectColumns,
    rejects: u64,
}

impl ParquetDataset {
    /// Starts a dataset in `dir` (which must exist); opens the rejects file
    /// at once, so an unwritable folder fails here.
    pub fn create(dir: &Path, options: &SinkOptions) -> Result<Self, SinkError> {
        let properties = writer_properties(dir, &options.metadata)?;
        let rejects_path = rejects_path(dir, EXTENSION);
        let rejects_file = ParquetFile::create(
            rejects_path.clone(),
            schema::reject_schema(),
            properties.clone(),
        )?;
        files::remove_previous(&rejects_path)?;
        Ok(ParquetDataset {
            dir: dir.to_path_buf(),
            bounds: BOUNDS,
            rows_per_file: options.rows_per_file,
            properties,
            buffer: ArticleColumns::new(options.keep_removed),
            shard: None,
            shard_rows: 0,
            article_files: Vec::new(),
            articles: 0,
            rejects_file,
            reject_buffer: RejectColumns::default(),
            rejects: 0,
        })
    }

    /// Buffers one article row; writes a row group or rotates the file
    /// when a bound is reached.
    pub fn write_article(&mut self, record: &Record) -> Result<(), SinkError> {
        let bytes = self.buffer.bytes_of(record);
        let max = self.bounds.record_bytes;
        if bytes > max {
            return Err(SinkError::Parquet {
                path: self.current_article_path(),
                message: format!(
                    "article {} holds {bytes} bytes of text, more than the {max} one row may hold",
                    record.id
                ),
            });
        }
        self.buffer.push(record);
        self.shard_rows += 1;
        self.articles += 1;
        if self.shard_rows >= self.rows_per_file {
            self.flush_articles()?;
            self.close_shard()?;
        } else if self.buffer.rows() >= self.bounds.group_rows
            || self.buffer.bytes() >= self.bounds.group_bytes
        {
            self.flush_articles()?;
        }
        Ok(())
    }

    /// Buffers one reject row; writes a row group when a bound is reached.
    pub fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError> {
        self.reject_buffer.push(reject);
        self.rejects += 1;
        if self.reject_buffer.rows() >= self.bounds.group_rows
            || self.reject_buffer.bytes() >= self.bounds.group_bytes
        {
            self.flush_rejects()?;
        }
        Ok(())
    }

    /// Writes what is buffered, closes and publishes the article files,
    /// removes article files an earlier run left beyond this one's, and
    /// publishes the rejects file last.
    pub fn finish(mut self) -> Result<SinkSummary, SinkError> {
        self.flush_articles()?;
        self.close_shard()?;
        let stale_files_removed =
            files::remove_stale_articles(&self.dir, EXTENSION, &self.article_files)?;
        self.flush_rejects()?;
        let rejects_file = self.rejects_file.close()?;
        Ok(SinkSummary {
            article_files: self.article_files,
            rejects_file: Some(rejects_file),
            articles: self.articles,
            rejects: self.rejects,
            stale_files_removed,
        })
    }

    /// Path of the article file being (or about to be) filled.
    fn current_article_path(&self) -> PathBuf {
        article_path(&self.dir, self.article_files.len(), EXTENSION)
    }

    /// Writes the buffered article rows as one row group, opening the
    /// current article file if this is its first.
    fn flush_articles(&mut self) -> Result<(), SinkError> {
        if self.buffer.rows() == 0 {
            return Ok(());
        }
        let path = self.current_article_path();
        let batch = self.buffer.finish().map_err(arrow_error(&path))?;
        let shard = match &mut self.shard {
            Some(shard) => shard,
            None => self.shard.insert(ParquetFile::create(
                path,
                schema::article_schema(),
                self.properties.clone(),
            )?),
        };
        shard.write(&batch)
    }

    /// Closes and publishes the current article file, if one is open.
    fn close_shard(&mut self) -> Result<(), SinkError> {
        if let Some(shard) = self.shard.take() {
            self.article_files.push(shard.close()?);
        }
        self.shard_rows = 0;
        Ok(())
    }

    /// Writes the buffered reject rows as one row group.
    fn flush_rejects(&mut self) -> Result<(), SinkError> {
        if self.reject_buffer.rows() == 0 {
            return Ok(());
        }
        let batch = self
            .reject_buffer
            .finish()
            .map_err(arrow_error(&self.rejects_file.path))?;
        self.rejects_file.write(&batch)
    }
}

/// Columns of long prose: min/max statistics of them help no query and
/// would copy page text into every footer.
const LONG_TEXT_COLUMNS: [&str; 2] = ["text", "description"];

/// The writer settings shared by every file of the run.
fn writer_properties(
    dir: &Path,
    metadata: &[(String, String)],
) -> Result<WriterProperties, SinkError> {
    let level = ZstdLevel::try_new(ZSTD_LEVEL).map_err(parquet_error(dir))?;
    let mut builder = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        // Row-group statistics only: page-level statistics and their column
        // index stay in the writer's memory until the file closes, which
        // made memory grow with the rows of a file.
        .set_statistics_enabled(EnabledStatistics::Chunk)
        .set_key_value_metadata(Some(key_value_metadata(metadata)));
    for column in UNIQUE_VALUED_COLUMNS {
        builder = builder.set_column_dictionary_enabled(ColumnPath::from(column), false);
    }
    for column in LONG_TEXT_COLUMNS {
        builder = builder
            .set_column_statistics_enabled(ColumnPath::from(column), EnabledStatistics::None);
    }
    Ok(builder.build())
}

/// `decant.version` first, then the run's own pairs (a pair that repeats
/// the version key is dropped: the version is the writer's to state).
fn key_value_metadata(metadata: &[(String, String)]) -> Vec<KeyValue> {
    let version = KeyValue::new(
        VERSION_KEY.to_string(),
        env!("CARGO_PKG_VERSION").to_string(),
    );
    let options = metadata
        .iter()
        .filter(|(key, _)| key != VERSION_KEY)
        .map(|(key, value)| KeyValue::new(key.clone(), value.clone()));
    std::iter::once(version).chain(options).collect()
}

/// One Parquet file being written under its temporary name.
struct ParquetFile {
    /// None once closed.
    writer: Option<ArrowWriter<File>>,
    temp: PathBuf,
    path: PathBuf,
}

impl ParquetFile {
    fn create(
        path: PathBuf,
        schema: SchemaRef,
        properties: WriterProperties,
    ) -> Result<Self, SinkError> {
        let (temp, file) = files::create_temp(&path)?;
        let writer = ArrowWriter::try_new(file, schema, Some(properties));
        match writer {
            Ok(writer) => Ok(ParquetFile {
                writer: Some(writer),
                temp,
                path,
            }),
            Err(e) => {
                files::discard_temp(&temp);
                Err(parquet_error(&path)(e))
            }
        }
    }

    /// Writes `batch` as one complete row group.
    fn write(&mut self, batch: &RecordBatch) -> Result<(), SinkError> {
        let Some(writer) = self.writer.as_mut() else {
            return Err(closed_error(&self.path));
        };
        writer.write(batch).map_err(parquet_error(&self.path))?;
        writer.flush().map_err(parquet_error(&self.path))
    }

    /// Writes the footer, syncs and renames the file to its final name.
    fn close(mut self) -> Result<PathBuf, SinkError> {
        let Some(writer) = self.writer.take() else {
            return Err(closed_error(&self.path));
        };
        let file = writer.into_inner().map_err(parquet_error(&self.path))?;
        files::publish(file, &self.temp, &self.path)?;
        Ok(std::mem::take(&mut self.path))
    }
}

impl Drop for ParquetFile {
    /// A file dropped unclosed (the run failed) leaves no temporary behind.
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            files::discard_temp(&self.temp);
        }
    }
}

/// The error for a write to a file already closed (a bug, not bad input).
fn closed_error(path: &Path) -> SinkError {
    SinkError::Parquet {
        path: path.to_path_buf(),
        message: "file already closed".into(),
    }
}

/// Maps a Parquet error to a [`SinkError::Parquet`] naming `path`.
fn parquet_error(path: &Path) -> impl FnOnce(ParquetError) -> SinkError + '_ {
    move |e| SinkError::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Maps an Arrow error (a batch that breaks the schema) to a [`SinkError`].
fn arrow_error(path: &Path) -> impl FnOnce(ArrowError) -> SinkError + '_ {
    move |e| SinkError::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::OutputFormat;
    use ::parquet::file::reader::{FileReader, SerializedFileReader};

    fn dataset(dir: &Path, bounds: Bounds) -> ParquetDataset {
        let options = SinkOptions {
            format: OutputFormat::Parquet,
            rows_per_file: 100,
            keep_removed: true,
            metadata: Vec::new(),
        };
        let mut dataset = ParquetDataset::create(dir, &options).unwrap();
        dataset.bounds = bounds;
        dataset
    }

    fn record(n: usize, text_bytes: usize) -> Record {
        Record {
            id: format!("r{n}"),
            source: "s".into(),
            text: "x".repeat(text_bytes),
            ..Record::default()
        }
    }

    fn row_group_rows(path: &Path) -> Vec<i64> {
        let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
        let metadata = reader.metadata();
        metadata.row_groups().iter().map(|g| g.num_rows()).collect()
    }

    #[test]
    fn long_texts_end_a_row_group_before_the_row_bound() {
        let dir = tempfile::tempdir().unwrap();
        let bounds = Bounds {
            group_bytes: 1000,
            ..BOUNDS
        };
        let mut dataset = dataset(dir.path(), bounds);
        for (n, text_bytes) in [10, 600, 500, 10, 10].into_iter().enumerate() {
            dataset.write_article(&record(n, text_bytes)).unwrap();
        }
        let summary = dataset.finish().unwrap();
        // The third row takes the buffer past 1000 bytes and closes a group.
        assert_eq!(row_group_rows(&summary.article_files[0]), vec![3, 2]);
    }

    #[test]
    fn an_oversized_row_is_a_sink_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let bounds = Bounds {
            record_bytes: 100,
            ..BOUNDS
        };
        let mut dataset = dataset(dir.path(), bounds);
        dataset.write_article(&record(0, 10)).unwrap();
        let error = dataset.write_article(&record(1, 200)).unwrap_err();
        assert!(matches!(error, SinkError::Parquet { .. }), "{error}");
    }
}
