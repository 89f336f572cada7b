//! Parquet output: the rows of `DIR/articles-00000.parquet`, `-00001`, ...
//! (named, rotated and published by [`super::DatasetWriter`]) and of
//! `DIR/rejects.parquet` (or its parts). ZSTD compressed, with bounded row
//! groups and the run's key/value metadata.
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
use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use ::parquet::basic::{Compression, ZstdLevel};
use ::parquet::errors::ParquetError;
use ::parquet::file::metadata::KeyValue;
use ::parquet::file::properties::{EnabledStatistics, WriterProperties};
use ::parquet::schema::types::ColumnPath;
use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use arrow::error::ArrowError;

use super::batch::{ArticleColumns, RejectColumns};
use super::dataset::RowFiles;
use super::files::{self, PendingFile, rejects_path};
use super::{SinkError, SinkOptions, schema};
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

/// Writes the rows of the Parquet dataset: article files as the
/// [`DatasetWriter`](super::DatasetWriter) opens and publishes them, and
/// the rejects, published whole or in parts.
pub struct ParquetRows {
    bounds: Bounds,
    properties: WriterProperties,
    buffer: ArticleColumns,
    /// The article file being filled, opened by its first row group, and
    /// the path it will be published at.
    shard: Option<ParquetFile>,
    shard_path: Option<PathBuf>,
    /// The rejects being written (the rejects file or its next part);
    /// reopened after each part is published.
    rejects_file: Option<ParquetFile>,
    reject_buffer: RejectColumns,
    /// The name its temporary file is derived from: `.rejects.parquet.tmp`.
    rejects_path: PathBuf,
}

impl ParquetRows {
    /// Starts the rows of a dataset in `dir` (which must exist); opens the
    /// rejects file at once, so an unwritable folder fails here.
    pub fn create(dir: &Path, options: &SinkOptions) -> Result<Self, SinkError> {
        let properties = writer_properties(dir, &options.metadata)?;
        let rejects_path = rejects_path(dir, EXTENSION);
        let rejects_file = open(&rejects_path, schema::reject_schema(), &properties)?;
        Ok(ParquetRows {
            bounds: BOUNDS,
            properties,
            buffer: ArticleColumns::new(options.keep_removed),
            shard: None,
            shard_path: None,
            rejects_file: Some(rejects_file),
            reject_buffer: RejectColumns::default(),
            rejects_path,
        })
    }

    /// Writes the buffered article rows as one row group, opening the
    /// article file if this is its first.
    fn flush_articles(&mut self) -> Result<(), SinkError> {
        let Some(path) = self.shard_path.clone() else {
            return Ok(());
        };
        if self.buffer.rows() == 0 {
            return Ok(());
        }
        let batch = self.buffer.finish().map_err(arrow_error(&path))?;
        let shard = match &mut self.shard {
            Some(shard) => shard,
            None => self
                .shard
                .insert(open(&path, schema::article_schema(), &self.properties)?),
        };
        write_group(shard, &batch, &path)
    }

    /// Writes the buffered reject rows as one row group.
    fn flush_rejects(&mut self) -> Result<(), SinkError> {
        if self.reject_buffer.rows() == 0 {
            return Ok(());
        }
        let path = self.rejects_path.clone();
        let batch = self.reject_buffer.finish().map_err(arrow_error(&path))?;
        let file = self.open_rejects()?;
        write_group(file, &batch, &path)
    }

    /// The rejects file being written, opened if a part was just published.
    fn open_rejects(&mut self) -> Result<&mut ParquetFile, SinkError> {
        let file = match self.rejects_file.take() {
            Some(file) => file,
            None => open(
                &self.rejects_path,
                schema::reject_schema(),
                &self.properties,
            )?,
        };
        Ok(self.rejects_file.insert(file))
    }
}

impl RowFiles for ParquetRows {
    /// Buffers one article row for the file at `path`; writes a row group
    /// when a bound is reached.
    fn write_article(&mut self, record: &Record, path: &Path) -> Result<(), SinkError> {
        let bytes = self.buffer.bytes_of(record);
        let max = self.bounds.record_bytes;
        if bytes > max {
            return Err(SinkError::Parquet {
                path: path.to_path_buf(),
                message: format!(
                    "article {} holds {bytes} bytes of text, more than the {max} one row may hold",
                    record.id
                ),
            });
        }
        if self.shard_path.as_deref() != Some(path) {
            self.shard_path = Some(path.to_path_buf());
        }
        self.buffer.push(record);
        if self.buffer.rows() >= self.bounds.group_rows
            || self.buffer.bytes() >= self.bounds.group_bytes
        {
            self.flush_articles()?;
        }
        Ok(())
    }

    fn publish_articles(&mut self) -> Result<Option<PathBuf>, SinkError> {
        self.flush_articles()?;
        let path = self.shard_path.take();
        match (self.shard.take(), path) {
            (Some(shard), Some(path)) => {
                close(shard, &path)?;
                Ok(Some(path))
            }
            _ => Ok(None),
        }
    }

    /// Buffers one reject row; writes a row group when a bound is reached.
    fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError> {
        self.reject_buffer.push(reject);
        if self.reject_buffer.rows() >= self.bounds.group_rows
            || self.reject_buffer.bytes() >= self.bounds.group_bytes
        {
            self.flush_rejects()?;
        }
        Ok(())
    }

    fn publish_rejects(&mut self, path: &Path) -> Result<(), SinkError> {
        self.flush_rejects()?;
        self.open_rejects()?;
        match self.rejects_file.take() {
            Some(file) => close(file, path),
            None => Ok(()),
        }
    }

    /// Copies the rows of a published rejects part, one row group per
    /// group read, so memory stays bounded by a group.
    fn append_rejects(&mut self, part: &Path) -> Result<(), SinkError> {
        self.flush_rejects()?;
        let source = File::open(part).map_err(files::io_error(part))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(source)
            .and_then(|builder| builder.build())
            .map_err(parquet_error(part))?;
        let target = self.rejects_path.clone();
        for batch in reader {
            let batch = batch.map_err(arrow_error(part))?;
            let batch = RecordBatch::try_new(schema::reject_schema(), batch.columns().to_vec())
                .map_err(arrow_error(part))?;
            let file = self.open_rejects()?;
            write_group(file, &batch, &target)?;
        }
        Ok(())
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
type ParquetFile = PendingFile<ArrowWriter<File>>;

/// Creates the temporary file of `path` with a Parquet writer of `schema`.
fn open(
    path: &Path,
    schema: SchemaRef,
    properties: &WriterProperties,
) -> Result<ParquetFile, SinkError> {
    PendingFile::create(path, |file| {
        ArrowWriter::try_new(file, schema, Some(properties.clone())).map_err(parquet_error(path))
    })
}

/// Writes `batch` as one complete row group.
fn write_group(file: &mut ParquetFile, batch: &RecordBatch, path: &Path) -> Result<(), SinkError> {
    let writer = file.writer()?;
    writer.write(batch).map_err(parquet_error(path))?;
    writer.flush().map_err(parquet_error(path))
}

/// Writes the footer, syncs the file and publishes it at `path`.
/// `finish` (not `into_inner`, which turns an IO error into a string)
/// flushes everything, so a full disk is reported as the IO error it is;
/// the writer then only lends its file for the sync.
fn close(file: ParquetFile, path: &Path) -> Result<(), SinkError> {
    file.publish(path, |mut writer| {
        writer.finish().map_err(parquet_error(path))?;
        writer
            .inner_mut()
            .try_clone()
            .map_err(files::io_error(path))
    })
}

/// Maps a Parquet error to a [`SinkError`] naming `path`: an IO failure
/// underneath (a full disk) as [`SinkError::Io`], so its message is the
/// system's, anything else as [`SinkError::Parquet`].
fn parquet_error(path: &Path) -> impl FnOnce(ParquetError) -> SinkError + '_ {
    move |e| match e {
        ParquetError::External(inner) => match inner.downcast::<std::io::Error>() {
            Ok(source) => SinkError::Io {
                path: path.to_path_buf(),
                source: *source,
            },
            Err(other) => SinkError::Parquet {
                path: path.to_path_buf(),
                message: other.to_string(),
            },
        },
        other => SinkError::Parquet {
            path: path.to_path_buf(),
            message: other.to_string(),
        },
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

    fn rows(dir: &Path, bounds: Bounds) -> ParquetRows {
        let options = SinkOptions {
            format: OutputFormat::Parquet,
            rows_per_file: 100,
            keep_removed: true,
            metadata: Vec::new(),
            inputs: std::sync::Arc::new(Vec::new()),
        };
        let mut rows = ParquetRows::create(dir, &options).unwrap();
        rows.bounds = bounds;
        rows
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
        let mut rows = rows(dir.path(), bounds);
        let path = dir.path().join("articles-00000.parquet");
        for (n, text_bytes) in [10, 600, 500, 10, 10].into_iter().enumerate() {
            rows.write_article(&record(n, text_bytes), &path).unwrap();
        }
        assert_eq!(rows.publish_articles().unwrap(), Some(path.clone()));
        // The third row takes the buffer past 1000 bytes and closes a group.
        assert_eq!(row_group_rows(&path), vec![3, 2]);
    }

    #[test]
    fn an_oversized_row_is_a_sink_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let bounds = Bounds {
            record_bytes: 100,
            ..BOUNDS
        };
        let mut rows = rows(dir.path(), bounds);
        let path = dir.path().join("articles-00000.parquet");
        rows.write_article(&record(0, 10), &path).unwrap();
        let error = rows.write_article(&record(1, 200), &path).unwrap_err();
        assert!(matches!(error, SinkError::Parquet { .. }), "{error}");
    }

    #[test]
    fn rejects_parts_are_appended_in_order_into_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let bounds = Bounds {
            group_rows: 2,
            ..BOUNDS
        };
        let mut rows = rows(dir.path(), bounds);
        let reject = |n: usize| Reject {
            id: format!("p{n}"),
            source: "s".into(),
            url: None,
            reason: crate::error::RejectReason::Empty,
            detail: String::new(),
        };
        let part = dir.path().join("rejects-00000.parquet.part");
        for n in 0..3 {
            rows.write_reject(&reject(n)).unwrap();
        }
        rows.publish_rejects(&part).unwrap();
        rows.write_reject(&reject(3)).unwrap();
        let tail = dir.path().join("rejects-00001.parquet.part");
        rows.publish_rejects(&tail).unwrap();
        rows.append_rejects(&part).unwrap();
        rows.append_rejects(&tail).unwrap();
        let whole = dir.path().join("rejects.parquet");
        rows.publish_rejects(&whole).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&whole).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let mut ids = Vec::new();
        for batch in reader {
            let batch = batch.unwrap();
            let column = batch.column_by_name("id").unwrap();
            let column = arrow::array::AsArray::as_string::<i32>(column);
            ids.extend(column.iter().flatten().map(str::to_string));
        }
        assert_eq!(ids, ["p0", "p1", "p2", "p3"]);
    }
}
