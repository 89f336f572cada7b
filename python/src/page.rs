//! `decant.extract` on one page: the page as Python gave it (str or
//! bytes, held without a copy where Python allows), extracted like one row
//! of `extract_batch`, returned as a dict keyed by the output column names.

use decant::input::{ContentKind, RawPage};
use decant::pipeline::process_page_borrowed;
use decant::sink::schema::{article, quote, removed};
use decant::{Config, Record, Reject};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyDict, PyList};

use crate::output::{REJECT_DETAIL, REJECT_REASON};

/// Charset of a page given as `str`: already decoded, so UTF-8.
const STR_PAGE_CHARSET: &str = "utf-8";

/// A page as Python gave it.
pub enum PageInput {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl PageInput {
    /// Accepts `str`, `bytes`, `bytearray` and other bytes-like objects.
    pub fn from_python(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(text) = value.extract::<PyBackedStr>() {
            return Ok(PageInput::Str(text));
        }
        if let Ok(bytes) = value.extract::<PyBackedBytes>() {
            return Ok(PageInput::Bytes(bytes));
        }
        Err(PyTypeError::new_err(format!(
            "expected the page as str or bytes, got {}",
            value.get_type().name()?
        )))
    }

    /// Extracts the page as row 0 of a batch would be.
    pub fn extract(&self, url: Option<String>, config: &Config) -> Result<Record, Reject> {
        let (bytes, charset_hint): (&[u8], _) = match self {
            PageInput::Str(text) => (text.as_bytes(), Some(STR_PAGE_CHARSET.to_string())),
            PageInput::Bytes(bytes) => (bytes.as_ref(), None),
        };
        let page = RawPage {
            id: "0".to_string(),
            source: "row:0".to_string(),
            url,
            bytes: Vec::new(),
            charset_hint,
            fetched_at: None,
            kind: ContentKind::Html,
        };
        process_page_borrowed(bytes, page, config)
    }
}

/// The result as a dict with every output column: an article's values
/// (dates as `datetime.date`) and null reject fields, or a reject's id,
/// source, url and reason with null article fields.
pub fn to_dict<'py>(
    py: Python<'py>,
    result: &Result<Record, Reject>,
    keep_removed: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    match result {
        Ok(record) => {
            article_items(&dict, record, keep_removed)?;
            dict.set_item(REJECT_REASON, py.None())?;
            dict.set_item(REJECT_DETAIL, py.None())?;
        }
        Err(reject) => {
            for name in article::ALL {
                dict.set_item(name, py.None())?;
            }
            dict.set_item(article::ID, &reject.id)?;
            dict.set_item(article::SOURCE, &reject.source)?;
            dict.set_item(article::URL, &reject.url)?;
            dict.set_item(REJECT_REASON, reject.reason.as_str())?;
            dict.set_item(REJECT_DETAIL, &reject.detail)?;
        }
    }
    Ok(dict.into_any())
}

/// Sets every article column of `record` in `dict`, in schema order.
fn article_items(dict: &Bound<'_, PyDict>, r: &Record, keep_removed: bool) -> PyResult<()> {
    let py = dict.py();
    dict.set_item(article::ID, &r.id)?;
    dict.set_item(article::SOURCE, &r.source)?;
    dict.set_item(article::URL, &r.url)?;
    dict.set_item(article::FETCHED_AT, r.fetched_at)?;
    dict.set_item(article::TITLE, &r.title)?;
    dict.set_item(article::SITE_NAME, &r.site_name)?;
    dict.set_item(article::DESCRIPTION, &r.description)?;
    dict.set_item(article::LANGUAGE, &r.language)?;
    dict.set_item(article::AUTHORS, &r.authors)?;
    dict.set_item(article::TAGS, &r.tags)?;
    dict.set_item(article::DATE_PUBLISHED, r.date_published)?;
    dict.set_item(article::DATE_MODIFIED, r.date_modified)?;
    dict.set_item(article::DATE_SOURCE, &r.date_source)?;
    dict.set_item(article::CANONICAL_URL, &r.canonical_url)?;
    dict.set_item(article::IMAGE_URL, &r.image_url)?;
    dict.set_item(article::TEXT, &r.text)?;
    dict.set_item(article::WORD_COUNT, r.word_count)?;
    let quotes = PyList::empty(py);
    for q in &r.quotes {
        let item = PyDict::new(py);
        item.set_item(quote::TEXT, &q.text)?;
        item.set_item(quote::SPEAKER, &q.speaker)?;
        item.set_item(quote::CUE, &q.cue)?;
        item.set_item(quote::START, q.start)?;
        item.set_item(quote::END, q.end)?;
        quotes.append(item)?;
    }
    dict.set_item(article::QUOTES, quotes)?;
    match r.removed.as_ref().filter(|_| keep_removed) {
        Some(blocks) => {
            let list = PyList::empty(py);
            for block in blocks {
                let item = PyDict::new(py);
                item.set_item(removed::KIND, &block.kind)?;
                item.set_item(removed::TEXT, &block.text)?;
                list.append(item)?;
            }
            dict.set_item(article::REMOVED, list)?;
        }
        None => dict.set_item(article::REMOVED, py.None())?,
    }
    dict.set_item(article::CONTENT_HASH, &r.content_hash)?;
    dict.set_item(article::ENCODING, &r.encoding)?;
    Ok(())
}
