//! Typed per-page failures. Each becomes a reject row with its reason;
//! none of them stops a run.

use thiserror::Error;

/// Why a page yielded no article. The `as_str` names are the values of the
/// `reason` column of `rejects.parquet` and are part of the output contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RejectReason {
    /// The page or file has no bytes, or no text after decoding.
    Empty,
    /// The bytes are not HTML (binary data, an image, a PDF...).
    NotHtml,
    /// The bytes could not be decoded to text.
    DecodeError,
    /// The page is larger than `--max-page-bytes`.
    TooLarge,
    /// The parsed page has more elements than `--max-elements`.
    TooManyElements,
    /// The page nests elements deeper than `--max-depth`.
    TooDeep,
    /// Extracting the page took longer than `--page-timeout-ms`.
    Timeout,
    /// The HTML could not be parsed.
    ParseError,
    /// The page was parsed but holds no article text (an index, a login wall).
    NoArticle,
    /// The file could not be read.
    IoError,
    /// The file's extension is not one decant reads.
    UnknownFormat,
    /// A gzip stream is corrupt or truncated.
    BadGzip,
    /// A WARC record is malformed or truncated.
    BadWarc,
    /// A JSONL line is not a JSON object.
    BadJson,
    /// A JSONL object has neither an `html` nor a `text` field.
    MissingField,
    /// Extraction panicked; the message is in `detail`.
    Panic,
}

impl RejectReason {
    pub const ALL: [RejectReason; 16] = [
        RejectReason::Empty,
        RejectReason::NotHtml,
        RejectReason::DecodeError,
        RejectReason::TooLarge,
        RejectReason::TooManyElements,
        RejectReason::TooDeep,
        RejectReason::Timeout,
        RejectReason::ParseError,
        RejectReason::NoArticle,
        RejectReason::IoError,
        RejectReason::UnknownFormat,
        RejectReason::BadGzip,
        RejectReason::BadWarc,
        RejectReason::BadJson,
        RejectReason::MissingField,
        RejectReason::Panic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Empty => "empty",
            RejectReason::NotHtml => "not_html",
            RejectReason::DecodeError => "decode_error",
            RejectReason::TooLarge => "too_large",
            RejectReason::TooManyElements => "too_many_elements",
            RejectReason::TooDeep => "too_deep",
            RejectReason::Timeout => "timeout",
            RejectReason::ParseError => "parse_error",
            RejectReason::NoArticle => "no_article",
            RejectReason::IoError => "io_error",
            RejectReason::UnknownFormat => "unknown_format",
            RejectReason::BadGzip => "bad_gzip",
            RejectReason::BadWarc => "bad_warc",
            RejectReason::BadJson => "bad_json",
            RejectReason::MissingField => "missing_field",
            RejectReason::Panic => "panic",
        }
    }
}

impl std::fmt::Display for RejectReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure of one page's extraction.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PageError {
    #[error("page is empty")]
    Empty,
    #[error("not HTML: {0}")]
    NotHtml(String),
    #[error("page of {size} bytes is over the limit of {limit} bytes (--max-page-bytes)")]
    TooLarge { size: usize, limit: usize },
    #[error("page has more than {limit} elements (--max-elements)")]
    TooManyElements { limit: usize },
    #[error("page nests elements more than {limit} deep (--max-depth)")]
    TooDeep { limit: usize },
    #[error("page took longer than its time budget of {limit_ms} ms (--page-timeout-ms)")]
    Timeout { limit_ms: u64 },
    #[error("no article text found: {0}")]
    NoArticle(String),
}

impl PageError {
    pub fn reason(&self) -> RejectReason {
        match self {
            PageError::Empty => RejectReason::Empty,
            PageError::NotHtml(_) => RejectReason::NotHtml,
            PageError::TooLarge { .. } => RejectReason::TooLarge,
            PageError::TooManyElements { .. } => RejectReason::TooManyElements,
            PageError::TooDeep { .. } => RejectReason::TooDeep,
            PageError::Timeout { .. } => RejectReason::Timeout,
            PageError::NoArticle(_) => RejectReason::NoArticle,
        }
    }
}

/// The message of a caught panic payload (`panic!` with a literal or a
/// formatted message), for the `detail` of a `panic` reject.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}
