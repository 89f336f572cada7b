//! HTML parsing (scraper/html5ever) with size and element-count guards.

use scraper::Html;

use crate::config::Config;
use crate::error::PageError;

/// Parses a decoded page, refusing pages over the configured limits.
pub fn parse_html(html: &str, config: &Config) -> Result<Html, PageError> {
    if html.len() > config.max_page_bytes {
        return Err(PageError::TooLarge {
            size: html.len(),
            limit: config.max_page_bytes,
        });
    }
    let doc = Html::parse_document(html);
    if doc.tree.nodes().len() > config.max_elements {
        return Err(PageError::TooManyElements {
            limit: config.max_elements,
        });
    }
    Ok(doc)
}
