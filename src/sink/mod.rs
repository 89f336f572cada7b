//! Writers of the dataset: article rows and reject rows, as Parquet or
//! JSON Lines. The only module that touches Arrow.
//!
//! Layout of an output folder `DIR`:
//! - `DIR/articles-00000.parquet`, `-00001`, ...: article rows, a new file
//!   every `rows_per_file` rows. A run with no articles writes none.
//! - `DIR/rejects.parquet`: reject rows; always written, even empty.
//! - `DIR/decant-progress.json`: the progress manifest ([`progress`]).
//! - While a run is going on, `DIR/rejects-00000.parquet.part`, ...: the
//!   rejects published at checkpoints, merged into the rejects file when
//!   the run finishes.
//! - With `--format jsonl`, the same with `.jsonl` files.
//!
//! Every file is written as `DIR/.NAME.tmp` and renamed when complete, so a
//! file with a final name is always whole. Article files are published as
//! they fill, each publication a checkpoint in the manifest; the rejects
//! file is published last, so its presence marks a finished run. A new run
//! first removes what an earlier run left in the folder (manifest, rejects,
//! numbered files), so an `articles-*` glob reads this run only; a resumed
//! run ([`DatasetWriter::resume`]) keeps what the manifest lists and
//! numbers its files after them.
//!
//! Readers should glob `DIR/articles-*.parquet`, not `DIR/*.parquet`: the
//! latter also matches `rejects.parquet`, whose columns differ.
//!
//! The columns are defined in [`schema`].

pub mod batch;
mod dataset;
mod files;
mod jsonl;
mod parquet;
pub mod progress;
pub mod schema;

pub use dataset::{DatasetWriter, Resumed};
pub use parquet::{MAX_RECORD_BYTES, ROW_GROUP_BYTES, ROW_GROUP_ROWS, VERSION_KEY};
pub use progress::Position;

use std::path::PathBuf;
use std::sync::Arc;

use thiserror::Error;

use crate::config::OutputFormat;

/// A failure to write output. Fatal: the run stops with this message.
#[derive(Debug, Error)]
pub enum SinkError {
    /// The IO error is the source: shown after this message in an error
    /// chain (`{:#}`), not repeated in it.
    #[error("cannot write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write Parquet file {path}: {message}")]
    Parquet { path: PathBuf, message: String },
    #[error("invalid output options: {0}")]
    InvalidOptions(String),
    #[error("cannot resume: {0}")]
    Resume(String),
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
    /// files also carry `decant.version`, set by the writer. The progress
    /// manifest records it as the run's identity: a resume with other
    /// values is refused.
    pub metadata: Vec<(String, String)>,
    /// One identity per input file of the run, in reading order (its path
    /// and size): the manifest records a digest of those passed, so a
    /// resume over changed inputs is refused. May be empty for a writer
    /// that is never resumed.
    pub inputs: Arc<dyn InputIdentities>,
}

/// The identities of a run's inputs, made when the writer asks for them:
/// a run over a million files does not hold a million strings. Asked in
/// order, each once as the run goes (and those before the stop point once
/// more when a run is resumed), so an identity may read the file system.
pub trait InputIdentities: std::fmt::Debug + Send + Sync {
    /// How many inputs the run has.
    fn count(&self) -> usize;
    /// The identity of input `index`; None past the end.
    fn identity(&self, index: usize) -> Option<String>;
}

/// Identities given as a list.
impl InputIdentities for Vec<String> {
    fn count(&self) -> usize {
        self.len()
    }

    fn identity(&self, index: usize) -> Option<String> {
        self.get(index).cloned()
    }
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

#[cfg(test)]
mod tests;
