//! One page in, one article out: parse, read metadata from the full tree,
//! extract the body from classified blocks, then find quotes in the body.
//! HTML and plain-text dumps meet at the same block representation.

pub mod body;
pub mod metadata;
pub mod quotes;

use chrono::{DateTime, Utc};

use crate::bench::{Stage, tick};
use crate::config::Config;
use crate::deadline;
use crate::error::PageError;
use crate::record::{Quote, Removed};

pub use metadata::Metadata;

/// What is known of a page before its content is read.
#[derive(Clone, Debug, Default)]
pub struct PageContext {
    /// The page's URL (WARC-Target-URI, JSONL `url`), if known.
    pub url: Option<String>,
    /// When the page was fetched (WARC-Date), if known. Dates later than
    /// this are not accepted as publication dates.
    pub fetched_at: Option<DateTime<Utc>>,
}

/// Everything decant extracts from one page.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub metadata: Metadata,
    /// Clean body: blocks separated by one blank line.
    pub text: String,
    /// What was stripped and why (always collected; the sink keeps it only
    /// with `--keep-removed`).
    pub removed: Vec<Removed>,
    pub quotes: Vec<Quote>,
}

/// Extracts the article of an HTML page (already decoded to text), within
/// the page's time budget (`config.page_timeout`, checked between stages
/// and inside the parser).
pub fn extract_html(
    html: &str,
    ctx: &PageContext,
    config: &Config,
) -> Result<Extracted, PageError> {
    let _budget = deadline::start(config.page_timeout);
    let doc = crate::parse::parse_html(html, config)?;
    tick(config, Stage::Parse);
    let mut metadata = metadata::from_html(&doc, ctx);
    tick(config, Stage::Metadata);
    deadline::check()?;
    let body = body::from_html(&doc, config);
    drop(doc);
    tick(config, Stage::Parse);
    deadline::check()?;
    if body.text.trim().is_empty() {
        return Err(PageError::NoArticle(body.no_article_detail()));
    }
    metadata.language = metadata::detect_language(&body.text, metadata.html_lang.as_deref());
    tick(config, Stage::Metadata);
    let quotes = quotes::find_quotes(&body.text);
    tick(config, Stage::Quotes);
    deadline::check()?;
    Ok(Extracted {
        metadata,
        text: body.text,
        removed: body.removed,
        quotes,
    })
}

/// Extracts the article of a plain-text dump of a page (text already pulled
/// out of HTML, boilerplate and all).
pub fn extract_text(
    text: &str,
    ctx: &PageContext,
    config: &Config,
) -> Result<Extracted, PageError> {
    if text.trim().is_empty() {
        return Err(PageError::Empty);
    }
    let _budget = deadline::start(config.page_timeout);
    let body = body::from_text(text, config);
    deadline::check()?;
    if body.text.trim().is_empty() {
        return Err(PageError::NoArticle(body.no_article_detail()));
    }
    let mut metadata = metadata::from_text(&body, ctx);
    metadata.language = metadata::detect_language(&body.text, None);
    let quotes = quotes::find_quotes(&body.text);
    deadline::check()?;
    Ok(Extracted {
        metadata,
        text: body.text,
        removed: body.removed,
        quotes,
    })
}
