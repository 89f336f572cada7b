//! HTML parsing (scraper/html5ever) with size and element-count guards.
//!
//! Pages are parsed as a browser with scripting disabled would: the content
//! of `<noscript>` becomes elements rather than one raw text node. Some
//! blog platforms put the only server-side copy of the article there.

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink};

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
    let doc = parse_without_scripting(&crate::prepass::strip_inert(html));
    if doc.tree.nodes().len() > config.max_elements {
        return Err(PageError::TooManyElements {
            limit: config.max_elements,
        });
    }
    Ok(doc)
}

/// Parses a whole document with html5ever's scripting flag off.
fn parse_without_scripting(html: &str) -> Html {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noscript_content_is_parsed_as_elements() {
        let doc = parse_html(
            "<noscript><p>hidden copy</p></noscript>",
            &Config::default(),
        );
        let has_p = doc.is_ok_and(|d| {
            d.tree
                .nodes()
                .any(|n| n.value().as_element().is_some_and(|e| e.name() == "p"))
        });
        assert!(has_p);
    }

    #[test]
    fn oversized_pages_are_refused() {
        let config = Config {
            max_page_bytes: 10,
            ..Config::default()
        };
        assert!(parse_html("<p>far more than ten bytes</p>", &config).is_err());
    }
}
