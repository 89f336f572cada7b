//! Index and search-result pages: a list of teasers (a linked title, then
//! a one-sentence summary), not an article. Their summaries read as
//! prose, so the container rule finds "an article" made of them; this
//! rule takes it back, and the page is rejected as `no_article`.

use super::Kind;
use crate::blocks::{Block, Tag};
use crate::rules::thresholds::{
    MAX_HEADING_CHARS, MAX_TEASER_CHARS, MIN_INDEX_TEASERS, TEASER_TITLE_LINK_DENSITY,
};

/// A linked title: a heading or a short line whose text is nearly all a
/// link (the teaser's headline).
fn is_linked_title(block: &Block) -> bool {
    block.link_density() >= TEASER_TITLE_LINK_DENSITY
        && (matches!(block.tag, Tag::Heading(_)) || block.chars <= MAX_HEADING_CHARS)
}

/// If the body is a list of teasers — at least [`MIN_INDEX_TEASERS`]
/// short summaries (a sentence or two) each right under a linked title, and fewer paragraphs that
/// are not — every body block becomes a related link.
pub fn teaser_lists(blocks: &[Block], kinds: &mut [Kind]) {
    let mut teasers = 0;
    let mut other_prose = 0;
    let mut previous_is_title = false;
    for (block, kind) in blocks.iter().zip(kinds.iter()) {
        if is_linked_title(block) {
            previous_is_title = true;
            continue;
        }
        if *kind == Kind::Body && block.is_prose() {
            if previous_is_title && block.chars <= MAX_TEASER_CHARS {
                teasers += 1;
            } else {
                other_prose += 1;
            }
        }
        previous_is_title = false;
    }
    if teasers >= MIN_INDEX_TEASERS && other_prose < teasers {
        for kind in kinds.iter_mut().filter(|k| **k == Kind::Body) {
            *kind = Kind::Related;
        }
    }
}
