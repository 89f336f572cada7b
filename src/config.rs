//! Validated run settings shared by every stage. The CLI turns raw flags
//! into a [`Config`]; library users build one directly.

use std::time::Duration;

/// Output file format of `decant extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Parquet,
    Jsonl,
}

impl OutputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Parquet => "parquet",
            OutputFormat::Jsonl => "jsonl",
        }
    }
}

/// Default cap on one page's size in bytes (after decompression). Larger
/// pages are rejected as `too_large`: real articles are far below this, and
/// html5ever's time grows with input size.
pub const DEFAULT_MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Default cap on the number of nodes (elements, text, comments) of one
/// parsed page. Real news pages have a few thousand; a page over this is
/// rejected as `too_many_elements` as soon as the parser reaches it, so a
/// page of a million empty elements never builds its whole tree.
pub const DEFAULT_MAX_ELEMENTS: usize = 300_000;

/// Default cap on how deep one page nests its elements. html5ever's scope
/// checks walk the stack of open elements at every tag, so parsing time
/// grows with the square of the depth (10,000 levels: 3 s; 100,000: minutes).
/// Browsers flatten the tree below 512 levels (Blink's parser depth limit),
/// so no page that renders relies on more; twice that leaves room for
/// broken markup that never closes its tags.
pub const DEFAULT_MAX_DEPTH: usize = 1024;

/// Default time budget of one page's extraction, in milliseconds. Real
/// pages take milliseconds (a few hundred for the largest); a page still
/// running after this is rejected as `timeout` instead of holding a worker
/// for minutes. Being a wall-clock limit, it is the one guard whose outcome
/// can depend on the machine's load, so it is set far above real pages.
pub const DEFAULT_PAGE_TIMEOUT_MS: u64 = 10_000;

/// Default number of article rows per output file before rotation.
pub const DEFAULT_ROWS_PER_FILE: usize = 100_000;

/// Default byte budget of the pages in flight (read, not yet written), and
/// of one chunk (the progress and stop interval). Bounds memory: the reader
/// waits for room until earlier pages have been extracted and written.
pub const DEFAULT_CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// Default number of pages in flight at most, and in one chunk.
pub const DEFAULT_CHUNK_PAGES: usize = 256;

/// Everything a run needs to know, already validated.
#[derive(Clone, Debug)]
pub struct Config {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Output format of the dataset.
    pub format: OutputFormat,
    /// Article rows per output file.
    pub rows_per_file: usize,
    /// Keep what was stripped, with its kind, in the `removed` column.
    pub keep_removed: bool,
    /// Pages larger than this many bytes are rejected as `too_large`.
    pub max_page_bytes: usize,
    /// Pages with more nodes than this are rejected as `too_many_elements`.
    pub max_elements: usize,
    /// Pages nesting elements deeper than this are rejected as `too_deep`.
    pub max_depth: usize,
    /// Time budget of one page's extraction (`timeout` reject when spent);
    /// None for no budget.
    pub page_timeout: Option<Duration>,
    /// Byte budget of the pages in flight, and of one chunk.
    pub chunk_bytes: usize,
    /// Page budget of the pages in flight, and of one chunk.
    pub chunk_pages: usize,
    /// Time each stage of each page (`decant bench`); off, the stage clock
    /// is never read.
    pub time_stages: bool,
    /// Go on with the interrupted run recorded in the output folder's
    /// progress manifest instead of starting afresh. Not an output option:
    /// [`Config::describe`] leaves it out, so a resumed run's options
    /// compare equal to the interrupted run's.
    pub resume: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threads: 0,
            format: OutputFormat::Parquet,
            rows_per_file: DEFAULT_ROWS_PER_FILE,
            keep_removed: false,
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            max_elements: DEFAULT_MAX_ELEMENTS,
            max_depth: DEFAULT_MAX_DEPTH,
            page_timeout: Some(Duration::from_millis(DEFAULT_PAGE_TIMEOUT_MS)),
            chunk_bytes: DEFAULT_CHUNK_BYTES,
            chunk_pages: DEFAULT_CHUNK_PAGES,
            time_stages: false,
            resume: false,
        }
    }
}

impl Config {
    /// The options as key/value pairs, recorded in each output file's metadata.
    pub fn describe(&self) -> Vec<(String, String)> {
        vec![
            ("format".into(), self.format.as_str().into()),
            ("rows_per_file".into(), self.rows_per_file.to_string()),
            ("keep_removed".into(), self.keep_removed.to_string()),
            ("max_page_bytes".into(), self.max_page_bytes.to_string()),
            ("max_elements".into(), self.max_elements.to_string()),
            ("max_depth".into(), self.max_depth.to_string()),
            (
                "page_timeout_ms".into(),
                self.page_timeout.map_or(0, |t| t.as_millis()).to_string(),
            ),
        ]
    }
}
