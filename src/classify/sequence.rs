//! Rules that look at a block's neighbours: the headline and byline above
//! the first paragraph, an alt-text line above a photo credit, the bio
//! after "About the writer", repeated blocks, bullet lists of offers, and
//! headings whose whole section is boilerplate.

use super::{Kind, author_bio, byline, caption, is_heading_like, is_sentence_like, phrases};
use crate::blocks::{Block, Tag};
use crate::dom::FastMap;
use crate::rules::thresholds::{MAX_LABEL_CHARS, TAIL_SHARE};

/// Where the blocks come from: some rules only fit one of the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Html,
    Text,
}

/// Applies every neighbourhood rule, in order.
pub fn apply(blocks: &[Block], kinds: &mut [Kind], source: Source) {
    caption_pairs(blocks, kinds);
    author_bios(blocks, kinds);
    organisation_profiles(blocks, kinds);
    offer_lists(blocks, kinds);
    repeated_blocks(blocks, kinds, source);
    headline_and_byline(blocks, kinds, source);
    date_stamps(blocks, kinds);
    related_sections(blocks, kinds);
    headings_of_removed_sections(blocks, kinds);
    labels_after_the_last_paragraph(blocks, kinds);
    titles_of_offer_boxes(blocks, kinds);
}

/// A promo, newsletter, related or ad box often opens with a title line
/// ("Elbbote+ lesen", "Our newsletter") that names nothing by itself: a
/// short paragraph that is not a sentence, directly above a block removed
/// as one of those kinds, belongs to that box. Headings are left to
/// [`headings_of_removed_sections`], which sees their whole section.
fn titles_of_offer_boxes(blocks: &[Block], kinds: &mut [Kind]) {
    for (i, pair) in blocks.windows(2).enumerate() {
        let [title, next] = pair else { continue };
        let next_kind = kind_at(kinds, i + 1);
        let is_title_line = title.tag == Tag::Paragraph
            && title.chars <= MAX_LABEL_CHARS
            && !crate::blocks::ends_sentence(&title.text);
        if is_title_line
            && kind_at(kinds, i) == Kind::Body
            && next.tag == Tag::Paragraph
            && matches!(
                next_kind,
                Kind::Promo | Kind::Newsletter | Kind::Related | Kind::Ad
            )
        {
            set(kinds, i, next_kind);
        }
    }
}

/// After the last paragraph of the article, labels ending in a colon
/// ("Weitere Informationen:", "Contact:") introduce what follows the
/// article, not the article. (Headings there may introduce a list that is
/// part of it: "Qualified teams" above the teams.)
fn labels_after_the_last_paragraph(blocks: &[Block], kinds: &mut [Kind]) {
    let Some(last_prose) = (0..blocks.len())
        .rev()
        .find(|&i| kind_at(kinds, i) == Kind::Body && blocks.get(i).is_some_and(Block::is_prose))
    else {
        return;
    };
    for (i, block) in blocks.iter().enumerate().skip(last_prose + 1) {
        let label = block.chars <= MAX_LABEL_CHARS && block.text.trim_end().ends_with(':');
        if label && kind_at(kinds, i) == Kind::Body {
            set(kinds, i, Kind::Other);
        }
    }
}

/// Under a heading that announces links to other articles ("Related",
/// "Mehr zum Thema", "Read more"), the blocks that carry links and are not
/// prose are those links, up to the next heading.
fn related_sections(blocks: &[Block], kinds: &mut [Kind]) {
    let mut in_section = false;
    for (i, block) in blocks.iter().enumerate() {
        if matches!(block.tag, Tag::Heading(_)) {
            in_section = phrases::is_related_opener(block);
            if in_section && kind_at(kinds, i) == Kind::Body {
                set(kinds, i, Kind::Related);
            }
            continue;
        }
        if in_section
            && block.link_chars > 0
            && !block.is_prose()
            && kind_at(kinds, i) == Kind::Body
        {
            set(kinds, i, Kind::Related);
        }
    }
}

fn kind_at(kinds: &[Kind], i: usize) -> Kind {
    kinds.get(i).copied().unwrap_or(Kind::Other)
}

fn set(kinds: &mut [Kind], i: usize, kind: Kind) {
    if let Some(k) = kinds.get_mut(i) {
        *k = kind;
    }
}

/// A short heading-like line just above a photo credit, in the same
/// paragraph, is the image's alt text or caption title.
fn caption_pairs(blocks: &[Block], kinds: &mut [Kind]) {
    for (i, pair) in blocks.windows(2).enumerate() {
        let [above, credit] = pair else { continue };
        if above.tag == Tag::Line
            && above.group == credit.group
            && kind_at(kinds, i) == Kind::Body
            && is_heading_like(above)
            && caption::is_credit(credit)
        {
            set(kinds, i, Kind::Caption);
        }
    }
}

/// Blocks after an "About the writer" heading that read like a bio, and
/// bio sentences near the end of the page, are author bios.
fn author_bios(blocks: &[Block], kinds: &mut [Kind]) {
    let tail_start = ((1.0 - TAIL_SHARE) * blocks.len() as f32) as usize;
    let mut after_opener = false;
    for (i, block) in blocks.iter().enumerate() {
        if author_bio::is_bio_opener(block) {
            set(kinds, i, Kind::AuthorBio);
            after_opener = true;
            continue;
        }
        let bio = author_bio::is_bio_sentence(block);
        if bio && (after_opener || i >= tail_start) && kind_at(kinds, i) == Kind::Body {
            set(kinds, i, Kind::AuthorBio);
        }
        after_opener = after_opener && bio;
    }
}

/// Body paragraphs at the end of the article checked for an organisation's
/// profile: a press release closes with one or two ("About Acme", then
/// the contact's).
const PROFILE_TAIL_PARAGRAPHS: usize = 2;

/// The last paragraphs of the body that are an organisation's profile
/// ("Acme is a global solutions provider ...") are the publisher's
/// boilerplate, like an author's bio.
fn organisation_profiles(blocks: &[Block], kinds: &mut [Kind]) {
    let tail: Vec<usize> = (0..blocks.len())
        .rev()
        .filter(|&i| kind_at(kinds, i) == Kind::Body && blocks.get(i).is_some_and(Block::is_prose))
        .take(PROFILE_TAIL_PARAGRAPHS)
        .collect();
    for i in tail {
        if blocks
            .get(i)
            .is_some_and(author_bio::is_organisation_profile)
        {
            set(kinds, i, Kind::AuthorBio);
        }
    }
}

/// Characters a block has at least to be checked for repetition (short
/// labels like "Share" repeat legitimately).
const MIN_REPEATED_CHARS: usize = 12;

/// A body block seen before is a duplicate (a pull quote, a teaser of the
/// article itself). In text dumps, a block repeated with nothing of the
/// article in between is a repeated widget: every copy is removed.
fn repeated_blocks(blocks: &[Block], kinds: &mut [Kind], source: Source) {
    let mut first_seen: FastMap<&str, usize> = FastMap::default();
    for (i, block) in blocks.iter().enumerate() {
        if block.chars < MIN_REPEATED_CHARS {
            continue;
        }
        let key = block.lower();
        let Some(&j) = first_seen.get(&key) else {
            first_seen.insert(key, i);
            continue;
        };
        let between_all_removed = (j + 1..i).all(|k| kind_at(kinds, k) != Kind::Body);
        if source == Source::Text && between_all_removed {
            let kind = [kind_at(kinds, j), kind_at(kinds, i)]
                .into_iter()
                .find(|k| *k != Kind::Body)
                .unwrap_or(Kind::Promo);
            set(kinds, j, kind);
            set(kinds, i, kind);
        } else if kind_at(kinds, i) == Kind::Body && kind_at(kinds, j) == Kind::Body {
            set(kinds, i, Kind::Duplicate);
        }
    }
}

/// A run of bullet lines in one paragraph where one bullet is an offer
/// ("delivered to your door", "ad-free browsing") is a list of offers.
fn offer_lists(blocks: &[Block], kinds: &mut [Kind]) {
    let mut start = 0;
    while start < blocks.len() {
        let Some(first) = blocks.get(start) else {
            break;
        };
        let mut end = start + 1;
        while blocks
            .get(end)
            .is_some_and(|b| b.bullet && first.bullet && b.group == first.group)
        {
            end += 1;
        }
        if first.bullet && (start..end).any(|k| kind_at(kinds, k) == Kind::Promo) {
            for k in start..end {
                set(kinds, k, Kind::Promo);
            }
        }
        start = end;
    }
}

/// Before the first paragraph of the article: the first heading (of any
/// level: many sites write the headline as an `h2`; or a text dump's first
/// line) is the headline; bylines and datelines are
/// removed.
fn headline_and_byline(blocks: &[Block], kinds: &mut [Kind], source: Source) {
    let first_prose = blocks
        .iter()
        .enumerate()
        .position(|(i, b)| kind_at(kinds, i) == Kind::Body && (b.is_prose() || is_sentence_like(b)))
        .unwrap_or(blocks.len());
    let mut title_found = false;
    for (i, block) in blocks.iter().enumerate().take(first_prose) {
        if kind_at(kinds, i) != Kind::Body {
            continue;
        }
        let is_title = match source {
            Source::Html => matches!(block.tag, Tag::Heading(_)),
            Source::Text => i == 0 && is_heading_like(block),
        };
        if is_title && !title_found {
            set(kinds, i, Kind::Title);
            title_found = true;
        } else if title_found && is_heading_like(block) && next_body_is_byline(blocks, kinds, i) {
            set(kinds, i, Kind::Other);
        } else if byline::is_byline(block) {
            set(kinds, i, Kind::Byline);
        }
    }
    if title_found {
        dek_above_byline(blocks, kinds, first_prose);
    }
}

/// A line that only dates the article or gives its reading time is meta
/// data wherever it stands (the "Publiziert: 03.04.2020" under the last
/// paragraph); run after [`headline_and_byline`], which reads such lines
/// to find the header.
fn date_stamps(blocks: &[Block], kinds: &mut [Kind]) {
    for (i, block) in blocks.iter().enumerate() {
        if kind_at(kinds, i) == Kind::Body && byline::is_date_stamp(block) {
            set(kinds, i, Kind::Byline);
        }
    }
}

/// True if the next body block after `i` is a byline: a subtitle heading
/// between the headline and the byline is a dek, not a subheading.
fn next_body_is_byline(blocks: &[Block], kinds: &[Kind], i: usize) -> bool {
    (i + 1..blocks.len())
        .find(|&j| kind_at(kinds, j) == Kind::Body)
        .and_then(|j| blocks.get(j))
        .is_some_and(byline::is_byline)
}

/// A dek (subtitle, chapo) is written as a sentence and so looks like the
/// first paragraph; but when the next body block is the byline, it sits
/// in the header, above the byline: the dek and the byline are removed.
fn dek_above_byline(blocks: &[Block], kinds: &mut [Kind], dek: usize) {
    let Some(next) = (dek + 1..blocks.len()).find(|&j| kind_at(kinds, j) == Kind::Body) else {
        return;
    };
    if blocks.get(next).is_some_and(byline::is_byline) {
        set(kinds, dek, Kind::Other);
        set(kinds, next, Kind::Byline);
    }
}

/// The level of an HTML heading; other heading-like lines (of text dumps)
/// have no level and end any section.
fn heading_level(block: &Block) -> u8 {
    match block.tag {
        Tag::Heading(level) => level,
        _ => u8::MAX,
    }
}

/// A heading whose section (the blocks up to the next heading of the same
/// or a higher level: an `h2`'s section holds its `h3`s) is all
/// boilerplate belongs to that boilerplate ("Related stories", "Uncommon
/// Knowledge" above a promo); a heading with nothing after it is removed.
fn headings_of_removed_sections(blocks: &[Block], kinds: &mut [Kind]) {
    for i in (0..blocks.len()).rev() {
        let Some(block) = blocks.get(i) else { continue };
        if kind_at(kinds, i) != Kind::Body || !is_heading_like(block) {
            continue;
        }
        let level = heading_level(block);
        let section_end = (i + 1..blocks.len())
            .find(|&j| {
                blocks
                    .get(j)
                    .is_some_and(|b| is_heading_like(b) && heading_level(b) <= level)
            })
            .unwrap_or(blocks.len());
        let section = i + 1..section_end;
        if section.clone().all(|j| kind_at(kinds, j) != Kind::Body) {
            let kind = section
                .clone()
                .next()
                .map_or(Kind::Other, |j| kind_at(kinds, j));
            let kind = if kind == Kind::Duplicate {
                Kind::Other
            } else {
                kind
            };
            set(kinds, i, kind);
        }
    }
}
