//! Validated run settings shared by every stage. The CLI turns raw flags
//! into a [`Config`]; library users build one directly.

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

/// Default cap on the number of elements of one parsed page. Real news
/// pages have a few thousand; a page over this is rejected as
/// `too_many_elements` rather than walked for minutes.
pub const DEFAULT_MAX_ELEMENTS: usize = 300_000;

/// Default number of article rows per output file before rotation.
pub const DEFAULT_ROWS_PER_FILE: usize = 100_000;

/// Default byte budget of one in-flight chunk of pages. Bounds memory: the
/// reader stops until the chunk has been extracted and written.
pub const DEFAULT_CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// Default number of pages in one in-flight chunk.
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
    /// Pages with more elements than this are rejected as `too_many_elements`.
    pub max_elements: usize,
    /// Byte budget of one in-flight chunk.
    pub chunk_bytes: usize,
    /// Page budget of one in-flight chunk.
    pub chunk_pages: usize,
    /// Time each stage of each page (`decant bench`); off, the stage clock
    /// is never read.
    pub time_stages: bool,
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
            chunk_bytes: DEFAULT_CHUNK_BYTES,
            chunk_pages: DEFAULT_CHUNK_PAGES,
            time_stages: false,
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
        ]
    }
}
