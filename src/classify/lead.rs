//! The standfirst: the lead paragraph a page prints between the headline
//! and the article body, often in the article's header, outside the
//! element that holds the body's paragraphs.
//!
//! The container rule ([`super::container`]) chooses the element of the
//! body's paragraphs; a header above it (headline, standfirst, byline,
//! share row) is a sibling and stays out. The standfirst is the
//! article's own text (trafilatura keeps it too): a prose paragraph
//! between the `h1` and the first block of the container, not marked as a
//! specific kind of boilerplate and not saying it is one, is body.
//!
//! A subtitle printed *above* the byline is the header's dek, not the
//! article's first paragraph (the scrapinghub benchmark, like publishers'
//! own `articleBody`, leaves it out): a paragraph with a byline or
//! dateline after it, before the body starts, stays out.

use super::{Kind, block_kind, byline};
use crate::blocks::{Block, Page, Tag};
use crate::rules::thresholds::{MAX_LEAD_GAP_BLOCKS, MAX_PROSE_LINK_DENSITY};

/// Turns the standfirst paragraphs above the body into body: between the
/// headline and the first body paragraph of the container (the header
/// may sit outside the container or inside it, in a `header` box).
pub fn standfirst(page: &Page, container: usize, kinds: &mut [Kind]) {
    let Some(start) = page.blocks.iter().enumerate().position(|(i, b)| {
        page.is_within(b.element, container) && kinds.get(i) == Some(&Kind::Body) && b.is_prose()
    }) else {
        return;
    };
    let Some(headline) = (start.saturating_sub(MAX_LEAD_GAP_BLOCKS)..start)
        .rev()
        .find(|&i| page.blocks.get(i).is_some_and(|b| b.tag == Tag::Heading(1)))
    else {
        return;
    };
    for i in headline + 1..start {
        let is_lead = page.blocks.get(i).is_some_and(is_lead_paragraph)
            && !(i + 1..start).any(|j| is_byline_at(page, kinds, j));
        if let Some(kind) = kinds.get_mut(i).filter(|_| is_lead) {
            *kind = Kind::Body;
        }
    }
}

/// True if block `j` is a byline or dateline (by its words, its kind or
/// its box).
fn is_byline_at(page: &Page, kinds: &[Kind], j: usize) -> bool {
    let marked = |b: &Block| matches!(b.mark, Some((_, Kind::Byline)));
    kinds.get(j) == Some(&Kind::Byline)
        || page
            .blocks
            .get(j)
            .is_some_and(|b| marked(b) || byline::is_byline(b))
}

/// A prose paragraph with few links, outside any box marked as a specific
/// kind of boilerplate (a generic `header` or `aside` mark is fine), that
/// says nothing of promos, captions or bylines.
fn is_lead_paragraph(block: &Block) -> bool {
    let unmarked = matches!(block.mark, None | Some((_, Kind::Other)));
    matches!(block.tag, Tag::Paragraph | Tag::Other)
        && unmarked
        && block.is_prose()
        && block.link_density() <= MAX_PROSE_LINK_DENSITY
        && block_kind(block) == Kind::Body
        && !byline::is_byline(block)
        && !byline::starts_with_date(block)
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str =
        "The council approved the new budget on Tuesday after a long debate about schools.";
    const LEAD: &str =
        "A year of argument ends with a vote: what the new budget means for schools.";

    fn body(html: &str) -> Vec<String> {
        crate::classify::test_support::html_body(html)
    }

    fn page(header: &str) -> String {
        format!(
            "<body><nav><a href=/>Home</a><a href=/n>News</a></nav><main>\
             <header><h1>Council passes budget</h1>{header}</header>\
             <div class=text><p>{P}</p><p>{P} Two.</p><p>{P} Three.</p></div></main>\
             <div class=teasers><a href=/a>Other story one</a></div></body>"
        )
    }

    #[test]
    fn the_standfirst_under_the_headline_is_body() {
        let header = format!(
            "<p class=date>March 3, 2024</p><p class=teaser>{LEAD}</p>\
             <div class=share><a href=#>Facebook</a></div>"
        );
        let got = body(&page(&header));
        assert_eq!(got.first().map(String::as_str), Some(LEAD));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_dek_above_the_byline_is_not_a_standfirst() {
        let header = format!("<p class=dek>{LEAD}</p><p>By Jane Doe</p>");
        let got = body(&page(&header));
        assert_eq!(got.len(), 3, "{got:?}");
        let header = format!("<p>By Jane Doe</p><p class=lead>{LEAD}</p>");
        let got = body(&page(&header));
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn short_lines_and_promos_in_the_header_stay_out() {
        let header = "<p>Updated 3 March</p><p>Subscribe now to read every article for $1 a month.</p>\
                      <p>Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m. by the Example News Desk.</p>";
        let got = body(&page(header));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn prose_far_above_the_body_is_not_a_standfirst() {
        let html = format!(
            "<body><h1>Site name</h1><p>{LEAD}</p><nav>{}</nav>\
             <div class=text><p>{P}</p><p>{P} Two.</p><p>{P} Three.</p></div></body>",
            "<p><a href=/x>Section</a></p>".repeat(MAX_LEAD_GAP_BLOCKS)
        );
        let got = body(&html);
        assert_eq!(got.len(), 3, "{got:?}");
    }
}
