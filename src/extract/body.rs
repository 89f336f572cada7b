//! The clean body of a page: the text of the blocks classified as body,
//! in reading order, one blank line between blocks.

use scraper::Html;

use crate::config::Config;
use crate::record::Removed;

/// The body of one page and what was removed from it.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// Body blocks joined by "\n\n".
    pub text: String,
    /// Stripped blocks with their kind, in page order.
    pub removed: Vec<Removed>,
    /// For text dumps: the headline line, if the dump starts with one.
    pub title: Option<String>,
}

impl Body {
    /// Why no body was found, for the `detail` of a `no_article` reject.
    pub fn no_article_detail(&self) -> String {
        format!(
            "no body blocks ({} blocks removed as boilerplate)",
            self.removed.len()
        )
    }
}

/// Extracts the body of a parsed HTML page.
pub fn from_html(_doc: &Html, _config: &Config) -> Body {
    Body::default()
}

/// Extracts the body of a plain-text dump.
pub fn from_text(text: &str, _config: &Config) -> Body {
    Body {
        text: text.trim().to_string(),
        ..Body::default()
    }
}
