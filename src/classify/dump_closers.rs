//! What closes or flanks the article in a text dump and reads like it:
//! - headlines of other articles under a related heading, written as
//!   plain lines without bullets ("Relacionados:" over three headlines);
//! - a blog's line naming the post's category and tags ("This entry was
//!   posted in News and tagged ...");
//! - a box under a heading that names its author ("Site Autorin"), or the
//!   site by its web address ("Über das Portal www.example.de");
//! - after the article's prose, a box defining what its heading names
//!   ("Example Magazine" over "Example Magazine was a magazine for ..."),
//!   and a closing profile of the publisher or the author ("Acme is a
//!   global solutions provider ...").

use super::dump_furniture::{Dump, remove};
use super::text_shape::Shape;
use super::{Kind, author_bio};
use crate::blocks::ends_sentence;
use crate::rules::dump_closers::{
    ENTITY_ARTICLES, MAX_ENTITY_HEADING_WORDS, MAX_HEADLINE_CHARS, MAX_POST_FOOTER_CHARS,
    MAX_RELATED_HEADING_CHARS, MAX_RELATED_HEADLINES, MAX_SITE_BOX_LINES,
    MIN_ARTICLE_LINES_BEFORE_ENTITY_BOX, MIN_ENTITY_HEADING_WORDS, MIN_HEADLINE_WORDS,
    POST_FOOTER_OPENERS, PROFILE_TAIL_LINES, RELATED_HEADINGS, SITE_ADDRESS_MARKS,
};
use crate::rules::dump_furniture::{
    ABOUT_WORDS, ARTICLE_LIST_OPENERS, AUTHOR_LABELS, MAX_BOX_HEADING_CHARS, MAX_BOX_LABEL_LINES,
    MAX_BOX_PROSE_LINES,
};
use crate::rules::phrases::RELATED_OPENERS;
use crate::rules::{contains_any, contains_word, starts_with_any};

/// The lowercase text of line `i`.
fn lower<'a>(dump: &Dump<'a>, i: usize) -> &'a str {
    dump.blocks.get(i).map_or("", |b| b.lower())
}

/// True if the line is a heading over other articles: a short label
/// starting with a related opener ("Relacionados:", "Weitere Beiträge aus
/// der Kolumne:").
fn is_related_heading(dump: &Dump, i: usize) -> bool {
    let text = lower(dump, i).trim();
    // A colon inside the line makes it a labelled link ("Related post:
    // Title"), not a heading.
    let label_only = text.trim_end_matches(':').find(':').is_none();
    !dump.list_item(i)
        && label_only
        && text.chars().count() <= MAX_RELATED_HEADING_CHARS
        && (starts_with_any(RELATED_HEADINGS, text)
            || starts_with_any(RELATED_OPENERS, text)
            || starts_with_any(ARTICLE_LIST_OPENERS, text))
}

/// True if the line reads as another article's headline: one line of a
/// few words, no bullet, not a sentence (a teaser's trailing "…" aside),
/// not in capitals (the article's own section headings shout).
fn is_headline(dump: &Dump, i: usize) -> bool {
    let text = dump.text(i).trim();
    let words = text.split_whitespace().count();
    let sentence = ends_sentence(text) && !text.ends_with('…');
    let shouted = !text.chars().any(char::is_lowercase);
    !dump.list_item(i)
        && !shouted
        && words >= MIN_HEADLINE_WORDS
        && text.chars().count() <= MAX_HEADLINE_CHARS
        && text.chars().next().is_some_and(char::is_uppercase)
        && !sentence
}

/// True if the line is a short label (a teaser's byline or date) that may
/// stand between two headlines.
fn is_teaser_label(dump: &Dump, i: usize) -> bool {
    dump.shape(i) == Shape::Short && !dump.list_item(i) && !ends_sentence(dump.text(i))
}

/// The end (exclusive) of the headlines under the related heading at
/// `heading`: plain headlines, or list items of any length, with short
/// labels between them (not before the first: a label there is a product
/// or section name heading the article's own list); `None` without one
/// headline.
fn related_run_end(dump: &Dump, heading: usize) -> Option<usize> {
    let mut end = None;
    for i in (heading + 1..dump.len()).take(MAX_RELATED_HEADLINES) {
        if is_headline(dump, i) || dump.list_item(i) {
            end = Some(i + 1);
        } else if end.is_none() || !is_teaser_label(dump, i) {
            break;
        }
    }
    end
}

/// Removes the headlines under a related heading, and the heading.
fn related_headlines(dump: &Dump, kinds: &mut [Kind]) {
    for heading in (0..dump.len()).filter(|&i| is_related_heading(dump, i)) {
        if let Some(end) = related_run_end(dump, heading) {
            for i in heading..end {
                remove(kinds, i, Kind::Related);
            }
        }
    }
}

/// Removes a blog's "posted in ... and tagged ..." lines as tags.
fn post_footers(dump: &Dump, kinds: &mut [Kind]) {
    for i in 0..dump.len() {
        let text = lower(dump, i);
        if text.chars().count() <= MAX_POST_FOOTER_CHARS
            && starts_with_any(POST_FOOTER_OPENERS, text.trim_start())
        {
            remove(kinds, i, Kind::Tags);
        }
    }
}

/// True if the heading ends in a word naming its box's author ("Site
/// Autorin", "Unser Autor"): short, and not a list item.
fn is_author_heading(dump: &Dump, i: usize) -> bool {
    let text = lower(dump, i).trim().trim_end_matches(':').trim_end();
    let last = text.split_whitespace().last().unwrap_or("");
    !dump.list_item(i)
        && dump.shape(i) == Shape::Short
        && text.chars().count() <= MAX_BOX_HEADING_CHARS
        && text.split_whitespace().count() > 1
        && contains_word(AUTHOR_LABELS, last)
}

/// Removes the box under an author heading: up to [`MAX_BOX_LABEL_LINES`]
/// short lines, then up to [`MAX_BOX_PROSE_LINES`] of prose.
fn author_boxes(dump: &Dump, kinds: &mut [Kind]) {
    for heading in (0..dump.len()).filter(|&i| is_author_heading(dump, i)) {
        let labels = (heading + 1..dump.len())
            .take(MAX_BOX_LABEL_LINES)
            .take_while(|&i| dump.label(i))
            .count();
        let prose_start = heading + 1 + labels;
        let prose = (prose_start..dump.len())
            .take(MAX_BOX_PROSE_LINES)
            .take_while(|&i| dump.prose(i))
            .count();
        if prose > 0 {
            for i in heading..prose_start + prose {
                remove(kinds, i, Kind::AuthorBio);
            }
        }
    }
}

/// True if the heading is about a site named by its address: "About
/// example.com", "Über das Portal www.example.de".
fn is_site_heading(dump: &Dump, i: usize) -> bool {
    let text = lower(dump, i).trim();
    !dump.list_item(i)
        && !ends_sentence(text)
        && text.chars().count() <= MAX_HEADLINE_CHARS
        && ABOUT_WORDS.iter().any(|about| {
            text.strip_prefix(about)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        && contains_any(SITE_ADDRESS_MARKS, text)
}

/// Removes a box about the site: its heading and the lines under it up to
/// the next list (a share bar, a menu).
fn site_boxes(dump: &Dump, kinds: &mut [Kind]) {
    for heading in (0..dump.len()).filter(|&i| is_site_heading(dump, i)) {
        let lines = (heading + 1..dump.len())
            .take(MAX_SITE_BOX_LINES)
            .take_while(|&i| !dump.list_item(i))
            .count();
        if lines > 0 {
            for i in heading..=heading + lines {
                remove(kinds, i, Kind::AuthorBio);
            }
        }
    }
}

/// True if `paragraph` starts with `name`, maybe after an article ("Das
/// Zentralkomitee ..."), then a space.
fn starts_with_name(paragraph: &str, name: &str) -> bool {
    let rest = match paragraph.split_once(' ') {
        Some((first, rest)) if contains_word(ENTITY_ARTICLES, &first.to_lowercase()) => rest,
        _ => paragraph,
    };
    [paragraph, rest].iter().any(|text| {
        text.strip_prefix(name)
            .is_some_and(|after| after.starts_with([' ', ',', '(']))
    })
}

/// True if line `i` is a short name heading: a few words, the first
/// capitalised, not a sentence or a list item.
fn is_name_heading(dump: &Dump, i: usize) -> bool {
    let text = dump.text(i).trim();
    let words = text.split_whitespace().count();
    dump.shape(i) == Shape::Short
        && !dump.list_item(i)
        && !ends_sentence(text)
        && (MIN_ENTITY_HEADING_WORDS..=MAX_ENTITY_HEADING_WORDS).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
}

/// After the article, a heading over a paragraph that starts with the
/// heading's words, with no good prose after it, is a box defining what
/// the heading names (the site, a magazine, an organisation).
fn entity_boxes(dump: &Dump, kinds: &mut [Kind]) {
    let good_body = |kinds: &[Kind], i: usize| {
        kinds.get(i) == Some(&Kind::Body) && dump.shape(i) == Shape::Good
    };
    let Some(last_good) = (0..dump.len()).rev().find(|&i| good_body(kinds, i)) else {
        return;
    };
    let Some(heading) = last_good.checked_sub(1) else {
        return;
    };
    let article_lines = (0..heading).filter(|&i| good_body(kinds, i)).count();
    if article_lines >= MIN_ARTICLE_LINES_BEFORE_ENTITY_BOX
        && is_name_heading(dump, heading)
        && dump.prose(last_good)
        && starts_with_name(dump.text(last_good).trim(), dump.text(heading).trim())
    {
        remove(kinds, heading, Kind::AuthorBio);
        remove(kinds, last_good, Kind::AuthorBio);
    }
}

/// Among the article's last [`PROFILE_TAIL_LINES`] good lines, a profile
/// of an organisation ("Acme is a global solutions provider ...") or of
/// the author ("Jane Doe is a reporter ...") closes the article: it and
/// the body lines after it (the profile's second paragraph) are removed.
fn closing_profiles(dump: &Dump, kinds: &mut [Kind]) {
    let tail: Vec<usize> = (0..dump.len())
        .rev()
        .filter(|&i| {
            // A profile the sequence rules already removed still marks
            // where the article ends.
            matches!(kinds.get(i), Some(Kind::Body | Kind::AuthorBio))
                && dump.shape(i) == Shape::Good
        })
        .take(PROFILE_TAIL_LINES)
        .collect();
    let is_profile = |i: &usize| {
        dump.blocks.get(*i).is_some_and(|b| {
            author_bio::is_organisation_profile(b) || author_bio::is_bio_sentence(b)
        })
    };
    if let Some(&start) = tail.iter().rev().find(|i| is_profile(i)) {
        for i in start..dump.len() {
            remove(kinds, i, Kind::AuthorBio);
        }
    }
}

/// Applies the rules.
pub fn apply(dump: &Dump, kinds: &mut [Kind]) {
    related_headlines(dump, kinds);
    post_footers(dump, kinds);
    author_boxes(dump, kinds);
    site_boxes(dump, kinds);
    entity_boxes(dump, kinds);
    closing_profiles(dump, kinds);
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::text_body;
    use crate::classify::test_support::{P1, P2, P3};

    const BIO: &str = "I write about styling tips, outfits and the trends of the season here, \
        and I believe that everyone should wear what makes them feel good, whatever their size.";

    #[test]
    fn headlines_under_a_related_heading_are_removed_without_bullets() {
        let dump = format!(
            "{P1}\n\n{P2}\n\n  Relacionados:\n\nEl alcalde indica que el presupuesto “es histórico”\n\n\
             La oposición ante la votación del presupuesto: “Siempre se puede negociar”\n\n{P3}\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_related_list_with_bylines_between_its_items_is_removed() {
        // Bulleted teasers under "Am beliebtesten", each with its author
        // on a line of its own.
        let dump = format!(
            "  {P1}\n\n  {P2}\n\n  {P3}\n\n    Am beliebtesten\n\n      * Reiseziele: 7 warme Urlaubsorte für den Winter\n\n\
             \x20       Von Jane Doe\n\n      * Der Künstler im Porträt: ein Besuch im Atelier\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_labelled_link_is_no_heading_over_the_next_section() {
        // "Related post: Title" links one story; the capitals under it head
        // the article's next section.
        let dump = format!(
            "{P1}\n\nRelated post: Pickled Sprouts Recipe\n\nWHAT YOU NEED TO MAKE JAM\n\n{P2}\n\n{P3}\n"
        );
        let body = text_body(&dump);
        assert!(
            body.contains(&"WHAT YOU NEED TO MAKE JAM".to_string()),
            "{body:?}"
        );
    }

    #[test]
    fn a_related_heading_over_prose_leaves_the_prose() {
        // Sentences under the heading are the article's own "related" text.
        let dump = format!("{P1}\n\nRelated\n\n{P2}\n\n{P3}\n");
        let body = text_body(&dump);
        assert!(body.contains(&P2.to_string()), "{body:?}");
    }

    #[test]
    fn a_post_footer_line_is_removed() {
        let footer = "This entry was posted in Podcast and tagged berlin, budget by Jane Doe. \
            Bookmark the permalink.";
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\n{footer}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_box_under_a_heading_naming_its_author_is_removed() {
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\nExample Autorin\n\n{BIO}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_box_about_the_site_by_its_address_is_removed() {
        let about = "Since 1999 the portal has sent the press releases of companies and \
            associations of the energy industry to a large circle of readers and editors.";
        let dump = format!(
            "  {P1}\n\n  {P2}\n\n  {P3}\n\n  Über das Presseportal www.example.de\n\n  {about}\n\n      * teilen\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_box_defining_its_heading_after_the_article_is_removed() {
        let about = "Example Astronomy was a magazine for practical astronomy in German, \
            the successor of a long-running magazine, and it published its last issue in 2020.";
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\nExample Astronomy\n\n{about}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_publishers_profile_closing_the_article_is_removed() {
        let profile = "Acme is a global solutions provider focused on healthcare software and \
            mobile workflow solutions for hospitals, with offices in fifteen countries.";
        let more = "Acme is headquartered in Baar, employs around 1,300 people worldwide, and its \
            registered shares are listed on the stock exchange in Zurich since the year 1990.";
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\n{profile}\n\n{more}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_subheading_repeated_by_the_next_paragraph_inside_the_article_stays() {
        // The same shape with the article going on after it.
        let section = "The budget was the largest the city has passed, and the council \
            will vote on the next one in the spring, after the auditors report.";
        let dump = format!("{P1}\n\n{P2}\n\nThe budget\n\n{section}\n\n{P3}\n");
        assert_eq!(text_body(&dump), [P1, P2, "The budget", section, P3]);
    }
}
