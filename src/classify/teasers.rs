//! Teasers of other articles under a related heading ("You may also
//! like", a heading of class `related-posts`): blog themes print each
//! related post as its first paragraph cut off with an ellipsis, which
//! reads as prose and so survives the link rules; short posts are
//! printed whole between them.

use super::Kind;
use crate::blocks::{Block, Tag};
use crate::rules::notes::TRUNCATION_MARKS;

/// A section holds at least this many cut-off paragraphs before they are
/// taken for teasers: one paragraph trailing off with "…" is a writer's
/// choice, a run of them is a list of excerpts.
const MIN_TRUNCATED_TEASERS: usize = 2;

/// The section under a heading removed as related links (up to the next
/// heading) is a list of other posts when at least
/// [`MIN_TRUNCATED_TEASERS`] of its paragraphs are cut off with an
/// ellipsis and no body prose follows it: all its body blocks go, the
/// excerpts and the short posts printed whole between them. (A related
/// box in the middle of an article, with the article going on below it,
/// is left alone.)
pub fn truncated_excerpts(blocks: &[Block], kinds: &mut [Kind]) {
    let headings: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks.get(i).is_some_and(is_heading))
        .collect();
    for (n, &h) in headings.iter().enumerate() {
        if kind_at(kinds, h) != Kind::Related {
            continue;
        }
        let end = headings.get(n + 1).copied().unwrap_or(blocks.len());
        let section = h + 1..end;
        let truncated = section
            .clone()
            .filter(|&i| is_body_prose(blocks, kinds, i))
            .filter(|&i| blocks.get(i).is_some_and(|b| is_truncated(&b.text)))
            .count();
        let prose_after = (end..blocks.len()).any(|i| is_body_prose(blocks, kinds, i));
        if truncated >= MIN_TRUNCATED_TEASERS && !prose_after {
            for i in section {
                if let Some(k) = kinds.get_mut(i).filter(|k| **k == Kind::Body) {
                    *k = Kind::Related;
                }
            }
        }
    }
}

fn kind_at(kinds: &[Kind], i: usize) -> Kind {
    kinds.get(i).copied().unwrap_or(Kind::Other)
}

fn is_body_prose(blocks: &[Block], kinds: &[Kind], i: usize) -> bool {
    kind_at(kinds, i) == Kind::Body && blocks.get(i).is_some_and(Block::is_prose)
}

fn is_heading(block: &Block) -> bool {
    matches!(block.tag, Tag::Heading(_))
}

/// True if the text ends with an ellipsis or a bracketed one ("[…]").
fn is_truncated(text: &str) -> bool {
    let end = text.trim_end();
    TRUNCATION_MARKS.iter().any(|m| end.ends_with(m))
}

#[cfg(test)]
mod tests {

    const P: &str =
        "The council approved the new budget on Tuesday after a long debate about schools.";
    const TEASER: &str = "Optimism takes courage: to hope for the best and to work for it, \
                          to get up after every fall and start again with the same …";

    fn body(html: &str) -> Vec<String> {
        crate::classify::test_support::html_body(html)
    }

    fn page(related: &str) -> String {
        format!(
            "<body><nav><a href=/>Home</a><a href=/n>News</a></nav><main>\
             <article><h1>Council passes budget</h1><p>{P}</p><p>{P} Two.</p><p>{P} Three.</p></article>\
             <section><h3 class=related-posts-title>You may also like</h3>{related}</section>\
             </main></body>"
        )
    }

    #[test]
    fn cut_off_excerpts_under_a_related_heading_are_related() {
        let posts = format!(
            "<article><p>{TEASER}</p></article><article><p>{P} Whole.</p></article>\
             <article><p>{TEASER} Three [...]</p></article>"
        );
        let got = body(&page(&posts));
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn one_cut_off_paragraph_or_whole_paragraphs_stay() {
        let got = body(&page(&format!("<p>{TEASER}</p><p>{P} Four.</p>")));
        assert_eq!(got.len(), 5, "{got:?}");
    }

    #[test]
    fn a_related_box_with_the_article_going_on_below_stays() {
        let html = format!(
            "<body><main><article><h1>Council passes budget</h1><p>{P}</p>\
             <h3 class=related-posts-title>You may also like</h3>\
             <p>{TEASER}</p><p>{TEASER} Two …</p><h2>What comes next</h2><p>{P} Two.</p>\
             <p>{P} Three.</p></article></main></body>"
        );
        let got = body(&html);
        assert_eq!(got.len(), 6, "{got:?}");
    }
}
