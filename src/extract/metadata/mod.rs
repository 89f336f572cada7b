//! Page metadata (title, authors, dates, site, language, ...), read from the
//! full tree before any boilerplate is removed.

use chrono::NaiveDate;
use scraper::Html;

use super::PageContext;
use super::body::Body;

/// Metadata of one page. Every field is optional: pages give what they give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    /// The `<html lang>` attribute, as a hint for language detection.
    pub html_lang: Option<String>,
    pub tags: Vec<String>,
    pub date_published: Option<NaiveDate>,
    pub date_modified: Option<NaiveDate>,
    /// Where `date_published` came from: json_ld, meta, time_element, byline, url, text.
    pub date_source: Option<String>,
    pub canonical_url: Option<String>,
    pub image_url: Option<String>,
}

/// Reads the metadata of a parsed HTML page.
pub fn from_html(_doc: &Html, _ctx: &PageContext) -> Metadata {
    Metadata::default()
}

/// Reads what metadata a plain-text dump gives (headline, bio, promos).
pub fn from_text(body: &Body, _ctx: &PageContext) -> Metadata {
    Metadata {
        title: body.title.clone(),
        ..Metadata::default()
    }
}

/// The ISO 639-1 language of `text`, cross-checked with `<html lang>`.
pub fn detect_language(_text: &str, html_lang: Option<&str>) -> Option<String> {
    html_lang.map(|l| l.to_string())
}
