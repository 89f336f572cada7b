//! HTML parsing (scraper/html5ever) with guards on size, node count,
//! nesting depth and time, enforced while the parse runs.
//!
//! Pages are parsed as a browser with scripting disabled would: the content
//! of `<noscript>` becomes elements rather than one raw text node. Some
//! blog platforms put the only server-side copy of the article there.
//!
//! The page is fed to html5ever in small pieces. Between two pieces the
//! limits are checked on the tree built so far, so a page of a million
//! elements, one nested 100,000 levels deep or one that simply takes too
//! long stops where it crosses the limit rather than after its whole tree
//! is built. The node count is exact. The depth is that of each node
//! created since the last check, counted up its ancestors (at most the
//! limit's worth of steps): the parser inserts nodes at the top of its
//! stack of open elements, so this follows the stack's height, which is
//! what makes deep pages slow.
//! (Not a custom tree sink: html5ever's parser would then be compiled
//! anew for it in this crate, unoptimised in test builds.)

use html5ever::driver::{self, ParseOpts, Parser};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink};

use crate::config::Config;
use crate::deadline;
use crate::error::PageError;

/// Bytes of HTML handed to html5ever at a time; the limits are checked
/// between pieces. Small, because one piece's cost grows with the nesting
/// depth (html5ever walks the stack of open elements at most tags): at the
/// default depth limit a piece of 1 KiB parses in milliseconds, so a page
/// never runs far past a limit before it is stopped.
const PARSE_PIECE_BYTES: usize = 1024;

/// Parses a decoded page, refusing pages over the configured limits:
/// `too_large` before parsing, `too_many_elements`, `too_deep` and
/// `timeout` as soon as the parse crosses them.
pub fn parse_html(html: &str, config: &Config) -> Result<Html, PageError> {
    if html.len() > config.max_page_bytes {
        return Err(PageError::TooLarge {
            size: html.len(),
            limit: config.max_page_bytes,
        });
    }
    #[cfg(test)]
    if html.contains(tests::PANIC_TRIGGER) {
        panic!("test panic trigger in parse_html");
    }
    let sink = HtmlTreeSink::new(Html::new_document());
    let mut parser = driver::parse_document(sink, parse_options());
    let mut checked = 0;
    // Scripts, styles and SVGs emptied first: the tokenizer need not walk them.
    let html = crate::prepass::strip_inert(html);
    for piece in pieces(&html, PARSE_PIECE_BYTES) {
        parser.process(StrTendril::from_slice(piece));
        check_limits(&parser, config, &mut checked)?;
    }
    let doc = parser.finish();
    if doc.tree.nodes().len() > config.max_elements {
        return Err(PageError::TooManyElements {
            limit: config.max_elements,
        });
    }
    Ok(doc)
}

/// html5ever's options: scripting off, otherwise the defaults.
fn parse_options() -> ParseOpts {
    ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    }
}

/// `text` in consecutive pieces of about `size` bytes, each ending on a
/// character boundary (a piece may run up to 3 bytes over `size`).
fn pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.clamp(1, rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// The first limit the parse of `parser` has crossed so far, as an error.
/// `checked` is the number of nodes already checked for depth; the nodes
/// created since are checked now.
fn check_limits(
    parser: &Parser<HtmlTreeSink>,
    config: &Config,
    checked: &mut usize,
) -> Result<(), PageError> {
    let html = parser.tokenizer.sink.sink.0.borrow();
    let tree = &html.tree;
    let count = tree.nodes().len();
    if count > config.max_elements {
        return Err(PageError::TooManyElements {
            limit: config.max_elements,
        });
    }
    let new_nodes = count.saturating_sub(*checked);
    *checked = count;
    let too_deep = tree
        .nodes()
        .rev()
        .take(new_nodes)
        .any(|node| node.ancestors().nth(config.max_depth).is_some());
    if too_deep {
        return Err(PageError::TooDeep {
            limit: config.max_depth,
        });
    }
    deadline::check()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::config::OutputFormat;
    use crate::pipeline::{Silent, run_extract};

    /// Test-only hook (compiled only under `cfg(test)`): a page containing
    /// this marker makes [`parse_html`] panic, so the test below can check
    /// that a panic in one page's extraction is contained by the pipeline.
    pub(super) const PANIC_TRIGGER: &str = "<!-- decant-test: panic in parse_html -->";

    const ARTICLE: &str = "<html><head><title>Budget vote</title></head><body><article>\
        <h1>Council approves the budget</h1>\
        <p>The town council approved the budget on Tuesday evening after a long debate \
        about the cost of the new library, which will open in the old post office.</p>\
        <p>Work on the building is expected to begin in the spring and to last about two \
        years, the council said, with most of the money coming from a state grant.</p>\
        </article></body></html>";

    #[test]
    fn a_panic_in_one_page_is_a_panic_reject_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("pages");
        std::fs::create_dir(&input).unwrap();
        std::fs::write(input.join("a.html"), ARTICLE).unwrap();
        std::fs::write(input.join("b.html"), format!("{PANIC_TRIGGER}{ARTICLE}")).unwrap();
        std::fs::write(input.join("c.html"), ARTICLE).unwrap();
        let out = dir.path().join("out");
        let config = Config {
            format: OutputFormat::Jsonl,
            threads: 2,
            ..Config::default()
        };
        let summary = run_extract(&[input], &out, &config, &mut Silent).unwrap();
        let stats = summary.stats;
        assert_eq!((stats.pages_read, stats.articles, stats.rejects), (3, 2, 1));
        assert_eq!(stats.rejects_by_reason.get("panic"), Some(&1));
        let rejects = std::fs::read_to_string(out.join("rejects.jsonl")).unwrap();
        let reject: serde_json::Value = serde_json::from_str(rejects.trim()).unwrap();
        assert_eq!(reject["source"], "b.html");
        assert_eq!(reject["reason"], "panic");
        assert_eq!(reject["detail"], "test panic trigger in parse_html");
    }

    fn element_names(doc: &Html) -> Vec<String> {
        doc.tree
            .nodes()
            .filter_map(|n| n.value().as_element().map(|e| e.name().to_owned()))
            .collect()
    }

    #[test]
    fn noscript_content_is_parsed_as_elements() {
        let doc = parse_html(
            "<noscript><p>hidden copy</p></noscript>",
            &Config::default(),
        );
        assert!(doc.is_ok_and(|d| element_names(&d).contains(&"p".to_owned())));
    }

    #[test]
    fn oversized_pages_are_refused() {
        let config = Config {
            max_page_bytes: 10,
            ..Config::default()
        };
        assert_eq!(
            parse_html("<p>far more than ten bytes</p>", &config).err(),
            Some(PageError::TooLarge {
                size: 30,
                limit: 10
            })
        );
    }

    #[test]
    fn pieces_cover_the_text_and_end_on_char_boundaries() {
        let text = "aé€😀b".repeat(50);
        let parts: Vec<&str> = pieces(&text, 7).collect();
        assert_eq!(parts.concat(), text);
        assert!(parts.iter().all(|p| !p.is_empty() && p.len() <= 10));
        assert_eq!(pieces("", 7).count(), 0);
        assert_eq!(pieces("abc", 0).collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn parsing_in_pieces_builds_the_same_tree_as_one_pass() {
        // Tags, entities, CRLF and multi-byte text cut at every piece edge.
        let page = "<!DOCTYPE html><html><head><title>T&amp;t</title></head><body>\r\n\
            <table><tr><td>é &eacute; 😀<b>bold<i>both</b>italic</i></td></tr></table>\
            <p>one<p>two<svg><circle r=1></circle></svg></body></html>"
            .repeat(30);
        let doc = parse_html(&page, &Config::default()).unwrap();
        let whole =
            driver::parse_document(HtmlTreeSink::new(Html::new_document()), parse_options())
                .one(crate::prepass::strip_inert(&page));
        assert_eq!(doc.html(), whole.html());
    }

    #[test]
    fn many_elements_stop_the_parse_near_the_limit() {
        let config = Config {
            max_elements: 1_000,
            ..Config::default()
        };
        let page = "<i></i>".repeat(100_000);
        let mut parser =
            driver::parse_document(HtmlTreeSink::new(Html::new_document()), parse_options());
        let (mut fed, mut checked) = (0, 0);
        let mut result = Ok(());
        for piece in pieces(&page, PARSE_PIECE_BYTES) {
            parser.process(StrTendril::from_slice(piece));
            fed += piece.len();
            result = check_limits(&parser, &config, &mut checked);
            if result.is_err() {
                break;
            }
        }
        assert_eq!(result, Err(PageError::TooManyElements { limit: 1_000 }));
        // Stopped within a piece of crossing the limit, not at the end.
        assert!(fed < 1_000 * 7 + 2 * PARSE_PIECE_BYTES, "fed {fed} bytes");
        assert_eq!(
            parse_html(&page, &config).err(),
            Some(PageError::TooManyElements { limit: 1_000 })
        );
    }

    #[test]
    fn deep_nesting_is_refused_with_the_depth_limit() {
        let config = Config {
            max_depth: 50,
            ..Config::default()
        };
        let deep = format!("{}x{}", "<div>".repeat(60), "</div>".repeat(60));
        assert_eq!(
            parse_html(&deep, &config).err(),
            Some(PageError::TooDeep { limit: 50 })
        );
        // The text inside 40 divs, body, html and the document: 43 levels.
        let shallow = format!("{}x{}", "<div>".repeat(40), "</div>".repeat(40));
        assert!(parse_html(&shallow, &config).is_ok());
    }

    #[test]
    fn depth_is_caught_even_when_closed_within_one_piece() {
        let config = Config {
            max_depth: 50,
            ..Config::default()
        };
        let page = format!(
            "{}x{}<p>shallow</p>",
            "<div>".repeat(60),
            "</div>".repeat(60)
        );
        assert!(page.len() < PARSE_PIECE_BYTES);
        assert_eq!(
            parse_html(&page, &config).err(),
            Some(PageError::TooDeep { limit: 50 })
        );
    }

    #[test]
    fn siblings_do_not_add_depth() {
        let config = Config {
            max_depth: 5,
            ..Config::default()
        };
        let wide = "<p>a</p><div><span>b</span></div>".repeat(500);
        assert!(parse_html(&wide, &config).is_ok());
    }

    #[test]
    fn a_spent_time_budget_stops_the_parse() {
        let _budget = deadline::start(Some(Duration::ZERO));
        assert_eq!(
            parse_html("<p>any page</p>", &Config::default()).err(),
            Some(PageError::Timeout { limit_ms: 0 })
        );
    }
}
