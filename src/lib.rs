//! decant: turn raw scraped web pages into clean article datasets.
//!
//! The pipeline, stage by stage (each stage is one module):
//!
//! ```text
//! input (read files, dirs, gzip, JSONL, WARC) → input::decode (charset)
//!   → parse (html5ever with guards) → extract::metadata (before any pruning)
//!   → blocks (DOM or plain text → ordered text blocks with features)
//!   → classify (body or a boilerplate kind) → extract::body, extract::quotes
//!   → record (one owned Record per page, or a Reject) → sink (Parquet / JSONL)
//! ```
//!
//! [`pipeline`] runs it over many pages in parallel with bounded memory;
//! [`extract_html`] and [`extract_text`] run it on one page.

pub mod bench;
pub mod blocks;
pub mod chars;
pub mod classify;
pub mod cli;
pub mod config;
pub mod deadline;
pub mod dom;
pub mod error;
pub mod eval;
pub mod extract;
pub mod input;
pub mod parse;
pub mod pattern;
pub mod pipeline;
pub mod prepass;
pub mod record;
pub mod rules;
pub mod sink;

pub use config::Config;
pub use error::{PageError, RejectReason};
pub use extract::{Extracted, PageContext, extract_html, extract_text};
pub use record::{Quote, Record, Reject, Removed};
