//! Block classification: body, or a kind of boilerplate.
//!
//! HTML pages first get an article container ([`container`]); blocks
//! outside it are boilerplate, blocks inside a marked element (a share bar,
//! a figure, a comment list) take that element's kind. Every remaining
//! block, and every line of a text dump, then goes through the same rules:
//! what it says ([`phrases`], [`caption`], [`author_bio`], [`byline`]), its
//! link density, and its place among its neighbours ([`sequence`]).

pub mod author_bio;
pub mod byline;
pub mod caption;
pub mod container;
pub mod dump_boxes;
pub mod dump_cards;
pub mod dump_closers;
pub mod dump_furniture;
pub mod dump_headings;
pub mod dump_notices;
pub mod dump_openers;
pub mod dump_prompts;
pub mod dump_threads;
pub mod homoglyphs;
pub mod index_page;
pub mod lead;
pub mod names;
pub mod notes;
pub mod numbered_lists;
pub mod phrases;
pub mod quantity_lists;
pub mod recipe;
pub mod sequence;
pub mod table_rows;
pub mod teasers;
pub mod text_recall;
pub mod text_shape;
pub mod thread;

/// Helpers for the classifier's tests: the body blocks of a page.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Kind, classify_html, classify_text};
    use crate::blocks::{Page, from_html, from_text};
    use scraper::Html;

    fn body_blocks(page: &Page, kinds: Vec<Kind>) -> Vec<String> {
        page.blocks
            .iter()
            .zip(kinds)
            .filter(|(_, k)| *k == Kind::Body)
            .map(|(b, _)| b.text.clone())
            .collect()
    }

    // Three paragraphs of article prose, shared by the text-dump tests.
    pub(crate) const P1: &str = "The council approved the new budget on Tuesday after a long debate about \
        schools, roads and the cost of running the city for another year, and the vote was close.";
    pub(crate) const P2: &str = "Critics said the plan would raise local taxes for families who are already \
        under pressure from rising rents and the price of food this winter, and they will appeal.";
    pub(crate) const P3: &str = "The mayor defended the spending and promised a review of the numbers next \
        spring, once the auditors have finished their work on the accounts of every department.";

    /// The texts of the blocks of an HTML page classified as body, in order.
    pub(crate) fn html_body(html: &str) -> Vec<String> {
        let page = from_html(&Html::parse_document(html));
        let kinds = classify_html(&page);
        body_blocks(&page, kinds)
    }

    /// The texts of the lines of a text dump classified as body, in order.
    pub(crate) fn text_body(dump: &str) -> Vec<String> {
        let page = from_text(dump);
        let kinds = classify_text(&page);
        body_blocks(&page, kinds)
    }
}

use std::sync::LazyLock;

use crate::blocks::{Block, Page, Tag, ends_sentence};
use crate::pattern::MatchOnly;
use crate::rules::thresholds::{
    LINK_LIST_DENSITY, LONG_PROSE_CHARS, MAX_CAPTION_CHARS, MAX_HEADING_CHARS,
    MIN_LINKED_PROSE_OWN_CHARS,
};

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Body,
    /// The headline (kept apart, in `Body::title`).
    Title,
    Navigation,
    Promo,
    Caption,
    AuthorBio,
    Newsletter,
    Share,
    Related,
    Tags,
    Cookie,
    Comment,
    Ad,
    Legal,
    Byline,
    /// A second copy of a body block (a pull quote, a repeated teaser).
    Duplicate,
    Other,
}

impl Kind {
    /// The kind's name in the `removed` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Body => "body",
            Kind::Title => "title",
            Kind::Navigation => "navigation",
            Kind::Promo => "promo",
            Kind::Caption => "caption",
            Kind::AuthorBio => "author_bio",
            Kind::Newsletter => "newsletter",
            Kind::Share => "share",
            Kind::Related => "related",
            Kind::Tags => "tags",
            Kind::Cookie => "cookie",
            Kind::Comment => "comment",
            Kind::Ad => "ad",
            Kind::Legal => "legal",
            Kind::Byline => "byline",
            Kind::Duplicate => "duplicate",
            Kind::Other => "other",
        }
    }
}

/// A paragraph of prose this long inside a generic box (a `header` with
/// the standfirst, an `aside` within the article) is the article's.
const MIN_LEAD_CHARS: usize = 100;

/// Words a sentence-like block has at least.
const MIN_SENTENCE_WORDS: usize = 6;

/// True if the block ends like a sentence and has a sentence's words.
pub fn is_sentence_like(block: &Block) -> bool {
    ends_sentence(&block.text) && block.text.split_whitespace().count() >= MIN_SENTENCE_WORDS
}

/// True if the block looks like a heading: an HTML heading, or a short
/// line without sentence punctuation that is not a list bullet.
pub fn is_heading_like(block: &Block) -> bool {
    match block.tag {
        Tag::Heading(_) => true,
        Tag::Line => {
            block.chars <= MAX_HEADING_CHARS
                && !block.bullet
                && !ends_sentence(&block.text)
                && block.text.chars().any(char::is_alphabetic)
        }
        _ => false,
    }
}

/// True if the block is nothing but a web address (a "printed from" line,
/// a share URL).
pub fn is_bare_url(block: &Block) -> bool {
    let text = block.text.trim();
    (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
        && !text.contains(char::is_whitespace)
}

/// A number alone, maybe with a thousands suffix ("24", "1.2K"): the count
/// of a clap, like or response button, never a paragraph.
static BARE_COUNT: LazyLock<MatchOnly> = LazyLock::new(|| {
    MatchOnly::new(r"(?i)^\d[\d.,]*[km]?$")
        .unwrap_or_else(|| unreachable!("the count pattern is a valid regex"))
});

/// True if the block is a bare count (see [`BARE_COUNT`]).
fn is_bare_count(block: &Block) -> bool {
    block.tag != Tag::Cell && BARE_COUNT.is_match(block.text.trim())
}

/// The kind a block has on its own, from its words and links.
pub fn block_kind(block: &Block) -> Kind {
    let lower = block.lower();
    if let Some(kind) = phrases::phrase_kind(block) {
        return kind;
    }
    if let Some(kind) = notes::note_kind(block, lower) {
        return kind;
    }
    if is_bare_url(block) {
        return Kind::Other;
    }
    if homoglyphs::is_disguised(block) {
        return Kind::Ad;
    }
    if caption::is_credit(block) {
        return Kind::Caption;
    }
    if author_bio::is_bio_opener(block) {
        return Kind::AuthorBio;
    }
    if block.tag == Tag::Caption {
        return Kind::Caption;
    }
    if is_bare_count(block) {
        return Kind::Other;
    }
    let linked_prose =
        ends_sentence(&block.text) && block.own_chars() >= MIN_LINKED_PROSE_OWN_CHARS;
    if block.link_density() > LINK_LIST_DENSITY
        && block.chars < LONG_PROSE_CHARS
        && !linked_prose
        && !recipe::is_ingredient_line(block)
    {
        return if block.tag == Tag::ListItem {
            Kind::Related
        } else {
            Kind::Navigation
        };
    }
    Kind::Body
}

/// Classifies every block of an HTML page.
pub fn classify_html(page: &Page) -> Vec<Kind> {
    let Some((container, heeded_marks)) = container::choose_noting_marks(page) else {
        return page
            .blocks
            .iter()
            .map(|b| b.mark.map_or(Kind::Other, |m| m.1))
            .collect();
    };
    let mut kinds: Vec<Kind> = page
        .blocks
        .iter()
        .map(|b| {
            if !page.is_within(b.element, container) {
                return b.mark.map_or(Kind::Other, |m| m.1);
            }
            match b.mark {
                Some((_, Kind::Caption)) if b.is_prose() && b.chars > MAX_CAPTION_CHARS => {
                    block_kind(b)
                }
                Some((_, Kind::Other))
                    if (b.is_prose() && b.chars >= MIN_LEAD_CHARS)
                        || recipe::is_ingredient_list(b) =>
                {
                    block_kind(b)
                }
                Some((e, Kind::Body)) if page.is_inside(e, container) => embedded_post_kind(b),
                Some((e, kind)) if page.is_inside(e, container) && still_marked(page, e) => kind,
                _ => block_kind(b),
            }
        })
        .collect();
    if !heeded_marks {
        thread::posts_as_body(page, container, &mut kinds);
    }
    lead::standfirst(page, container, &mut kinds);
    sequence::apply(&page.blocks, &mut kinds, sequence::Source::Html);
    teasers::truncated_excerpts(&page.blocks, &mut kinds);
    index_page::teaser_lists(&page.blocks, &mut kinds);
    kinds
}

/// Inside an embedded post (marked `Body` by [`crate::blocks`]), the
/// post's paragraphs are body, and so is its attribution line ("— Name
/// (@handle) November 19, 2019"): it says who wrote the words the article
/// quotes (the scrapinghub benchmark keeps it on every page with an
/// embedded tweet). Anything else in the embed is its chrome.
fn embedded_post_kind(block: &Block) -> Kind {
    if block.tag == Tag::Paragraph || is_post_attribution(block) {
        Kind::Body
    } else {
        Kind::Other
    }
}

/// True if the block names a poster by handle: "Jane Doe (@janedoe)".
fn is_post_attribution(block: &Block) -> bool {
    block.chars <= MAX_CAPTION_CHARS && block.text.contains("(@")
}

/// True if element `e` kept its boilerplate mark (page wrappers lose it).
fn still_marked(page: &Page, e: usize) -> bool {
    page.elements.get(e).is_some_and(|info| info.mark.is_some())
}

/// Classifies every line of a text dump: the same rules as HTML blocks,
/// then the lines' shape ([`text_shape`]) stands in for the tags and links
/// a dump has lost.
pub fn classify_text(page: &Page) -> Vec<Kind> {
    let own_kinds: Vec<Kind> = page.blocks.iter().map(block_kind).collect();
    let mut kinds = own_kinds.clone();
    sequence::apply(&page.blocks, &mut kinds, sequence::Source::Text);
    text_shape::apply(&page.blocks, &page.lines, &own_kinds, &mut kinds);
    kinds
}
