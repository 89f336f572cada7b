//! Writers of the dataset: article rows and reject rows, as Parquet or
//! JSON Lines. The only module that touches Arrow.
//!
//! Layout of an output folder `DIR`:
//! - `DIR/articles-00000.parquet`, `-00001`, ...: article rows, a new file
//!   every `rows_per_file` rows. A run with no articles writes none.
//! - `DIR/rejects.parquet`: reject rows; always written, even empty.
//! - With `--format jsonl`, the same with `.jsonl` files.
//!
//! Every file is written as `DIR/.NAME.tmp` and renamed when complete, so a
//! file with a final name is always whole. Article files are published as
//! they fill; the rejects file is published last, so its presence marks a
//! finished run (a rejects file of an earlier run is removed when the
//! writer is created). When a run finishes, article files of the same
//! format left by an earlier run beyond this run's count are removed, so
//! an `articles-*` glob reads this run only.
//!
//! Readers should glob `DIR/articles-*.parquet`, not `DIR/*.parquet`: the
//! latter also matches `rejects.parquet`, whose columns differ.
//!
//! The columns are defined in [`schema`].

pub mod batch;
mod files;
mod jsonl;
mod parquet;
pub mod schema;

pub use parquet::{MAX_RECORD_BYTES, ROW_GROUP_BYTES, ROW_GROUP_ROWS, VERSION_KEY};

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::config::OutputFormat;
use crate::record::{Record, Reject};

/// A failure to write output. Fatal: the run stops with this message.
#[derive(Debug, Error)]
pub enum SinkError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write Parquet file {path}: {message}")]
    Parquet { path: PathBuf, message: String },
    #[error("invalid output options: {0}")]
    InvalidOptions(String),
}

/// How the dataset is written.
#[derive(Clone, Debug)]
pub struct SinkOptions {
    pub format: OutputFormat,
    /// Article rows per file before rotating to the next; at least 1.
    pub rows_per_file: usize,
    /// Fill the `removed` column; when false it is null in every row.
    pub keep_removed: bool,
    /// Key/value metadata for each file (decant version, options). Parquet
    /// files also carry `decant.version`, set by the writer.
    pub metadata: Vec<(String, String)>,
}

/// What a finished writer produced.
#[derive(Clone, Debug, Default)]
pub struct SinkSummary {
    /// The article files written, in order.
    pub article_files: Vec<PathBuf>,
    /// The rejects file (always written).
    pub rejects_file: Option<PathBuf>,
    /// Article rows written.
    pub articles: u64,
    /// Reject rows written.
    pub rejects: u64,
    /// Article files of an earlier run in the same folder that were removed.
    pub stale_files_removed: Vec<PathBuf>,
}

/// Writes article and reject rows into an output folder.
pub struct DatasetWriter {
    format: Format,
}

/// The writer of the chosen format.
enum Format {
    Parquet(Box<parquet::ParquetDataset>),
    Jsonl(Box<jsonl::JsonlDataset>),
}

impl DatasetWriter {
    /// Creates `dir` (and its parents) and opens the dataset in it. Fails
    /// with [`SinkError::Io`] if the folder cannot be created or written.
    pub fn create(dir: &Path, options: SinkOptions) -> Result<Self, SinkError> {
        if options.rows_per_file == 0 {
            return Err(SinkError::InvalidOptions(
                "rows per file must be at least 1".into(),
            ));
        }
        files::create_dir(dir)?;
        let format = match options.format {
            OutputFormat::Parquet => {
                Format::Parquet(Box::new(parquet::ParquetDataset::create(dir, &options)?))
            }
            OutputFormat::Jsonl => {
                Format::Jsonl(Box::new(jsonl::JsonlDataset::create(dir, &options)?))
            }
        };
        Ok(DatasetWriter { format })
    }

    /// Adds one article row.
    pub fn write_article(&mut self, record: &Record) -> Result<(), SinkError> {
        match &mut self.format {
            Format::Parquet(w) => w.write_article(record),
            Format::Jsonl(w) => w.write_article(record),
        }
    }

    /// Adds one reject row.
    pub fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError> {
        match &mut self.format {
            Format::Parquet(w) => w.write_reject(reject),
            Format::Jsonl(w) => w.write_reject(reject),
        }
    }

    /// Writes what is buffered and publishes every file. Dropping the
    /// writer without calling this publishes nothing and removes its
    /// temporary files.
    pub fn finish(self) -> Result<SinkSummary, SinkError> {
        match self.format {
            Format::Parquet(w) => w.finish(),
            Format::Jsonl(w) => w.finish(),
        }
    }
}

#[cfg(test)]
mod tests;
