//! Boxes about someone or something next to the article in a text dump:
//! an author's bio, a site's "about us". Their prose is good prose, so
//! the box is found by what frames it: a heading that says what it is
//! about ("About Jane Doe", "Über uns", "Autorin"), a closing link to the
//! author's other posts ("View all posts by Jane Doe"), or, after the
//! article, a name heading over a paragraph that starts with that name.

use super::Kind;
use super::dump_furniture::{Dump, remove};
use super::text_shape::Shape;
use crate::rules::dump_furniture::{
    ABOUT_SELF_WORDS, ABOUT_WORDS, AUTHOR_LABELS, MAX_ABOUT_NAME_WORDS, MAX_BOX_HEADING_CHARS,
    MAX_BOX_LABEL_LINES, MAX_BOX_PROSE_LINES, MAX_CLOSER_CHARS, MIN_ARTICLE_LINES_BEFORE_BOX,
    POSTS_BY_CLOSERS,
};
use crate::rules::{contains_word, starts_with_any};

/// True if the word starts with a capital letter.
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True if the heading says what its box is about: "About Jane Doe",
/// "Über uns", "Autorin:".
fn is_box_heading(dump: &Dump, i: usize) -> bool {
    let text = dump.text(i).trim().trim_end_matches(':').trim_end();
    if dump.list_item(i)
        || dump.shape(i) != Shape::Short
        || text.chars().count() > MAX_BOX_HEADING_CHARS
    {
        return false;
    }
    let lower = text.to_lowercase();
    if contains_word(AUTHOR_LABELS, &lower) {
        return true;
    }
    ABOUT_WORDS.iter().any(|about| {
        let Some(rest) = lower.strip_prefix(about) else {
            return false;
        };
        if !rest.starts_with(' ') {
            return false;
        }
        // The same words in the text's own case.
        let subject: Vec<&str> = text
            .split_whitespace()
            .skip(about.split_whitespace().count())
            .collect();
        let self_words = subject
            .first()
            .is_some_and(|w| contains_word(ABOUT_SELF_WORDS, &w.to_lowercase()));
        !subject.is_empty()
            && subject.len() <= MAX_ABOUT_NAME_WORDS
            && (self_words || subject.iter().all(|w| capitalised(w)))
    })
}

/// Removes the box a heading opens: up to [`MAX_BOX_LABEL_LINES`] short
/// lines (a name, a role), then up to [`MAX_BOX_PROSE_LINES`] of prose.
fn boxes_under_headings(dump: &Dump, kinds: &mut [Kind]) {
    for heading in (0..dump.len()).filter(|&i| is_box_heading(dump, i)) {
        let labels_end = (heading + 1..dump.len())
            .take(MAX_BOX_LABEL_LINES)
            .take_while(|&i| dump.label(i))
            .last()
            .map_or(heading + 1, |i| i + 1);
        let prose = (labels_end..dump.len())
            .take(MAX_BOX_PROSE_LINES)
            .take_while(|&i| dump.prose(i))
            .count();
        if prose > 0 {
            for i in heading..labels_end + prose {
                remove(kinds, i, Kind::AuthorBio);
            }
        }
    }
}

/// True if the line links to the author's other posts.
fn is_posts_by_closer(text: &str) -> bool {
    text.chars().count() <= MAX_CLOSER_CHARS
        && starts_with_any(POSTS_BY_CLOSERS, &text.to_lowercase())
}

/// Removes the bio above a link to the author's other posts, with its
/// heading and the link.
fn boxes_above_closers(dump: &Dump, kinds: &mut [Kind]) {
    for closer in (0..dump.len()).filter(|&i| is_posts_by_closer(dump.text(i))) {
        let prose = (0..closer)
            .rev()
            .take(MAX_BOX_PROSE_LINES)
            .take_while(|&i| dump.prose(i))
            .count();
        if prose == 0 {
            continue;
        }
        let first = closer - prose;
        let start = match first.checked_sub(1) {
            Some(h) if dump.shape(h) == Shape::Short => h,
            _ => first,
        };
        for i in start..=closer {
            remove(kinds, i, Kind::AuthorBio);
        }
    }
}

/// True if the line is a name alone: two or three capitalised words of
/// letters.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            capitalised(w)
                && w.chars()
                    .filter(|c| !matches!(c, '-' | '.'))
                    .all(char::is_alphabetic)
        })
}

/// After the article has begun, a name heading over a paragraph that
/// starts with the same first name ("Jane Doe" / "Jane Doe is an expert
/// in ...") is the author's box.
fn boxes_under_names(dump: &Dump, kinds: &mut [Kind]) {
    let mut article_lines = 0;
    for heading in 0..dump.len() {
        if kinds.get(heading) == Some(&Kind::Body) && dump.shape(heading) == Shape::Good {
            article_lines += 1;
        }
        let text = dump.text(heading).trim();
        if article_lines < MIN_ARTICLE_LINES_BEFORE_BOX || dump.list_item(heading) || !is_name(text)
        {
            continue;
        }
        let Some(first_name) = text.split_whitespace().next() else {
            continue;
        };
        let labels = (heading + 1..dump.len())
            .take(MAX_BOX_LABEL_LINES)
            .take_while(|&i| matches!(dump.shape(i), Shape::Short | Shape::Bad))
            .count();
        let paragraph = heading + 1 + labels;
        let starts_with_name = dump
            .text(paragraph)
            .strip_prefix(first_name)
            .is_some_and(|rest| rest.starts_with(' '));
        if dump.prose(paragraph) && starts_with_name {
            for i in heading..=paragraph {
                remove(kinds, i, Kind::AuthorBio);
            }
        }
    }
}

/// Applies the three box rules.
pub fn apply(dump: &Dump, kinds: &mut [Kind]) {
    boxes_under_headings(dump, kinds);
    boxes_above_closers(dump, kinds);
    boxes_under_names(dump, kinds);
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::text_body;
    use crate::classify::test_support::{P1, P2, P3};

    const BIO: &str = "Jane has covered the city council for the paper since 2015, and before \
        that she wrote about schools and transport for a weekly in the north of the county.";

    #[test]
    fn a_box_under_an_about_heading_is_removed() {
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\nAbout Jane Doe\n\n{BIO}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_subheading_about_a_thing_stays() {
        // "About the numbers" is a section of the article, lowercase after
        // its first word: only names and "us" make a box.
        let dump = format!("{P1}\n\nAbout the numbers and more\n\n{P2}\n\n{P3}\n");
        assert_eq!(text_body(&dump), [P1, "About the numbers and more", P2, P3]);
    }

    #[test]
    fn a_bio_above_a_link_to_the_authors_posts_is_removed() {
        let dump = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\nJane Doe, reporter\n\n{BIO}\n\nView all posts by Jane Doe »\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_name_over_a_paragraph_starting_with_it_after_the_article_is_a_bio() {
        let bio = BIO.replacen("Jane", "Jane Doe", 1);
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\nJane Doe\n\n{bio}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_name_over_the_first_paragraph_is_the_article() {
        // Above the article the name is its subject, not its author.
        let lead = "Jane Doe invests another 275 million dollars in the factory on the river, \
            the company said on Tuesday, and will hire four hundred more workers by the summer.";
        let dump = format!("Jane Doe\n\n{lead}\n\n{P1}\n\n{P2}\n");
        assert_eq!(text_body(&dump), [lead, P1, P2]);
    }
}
