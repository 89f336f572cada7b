//! Teaser cards and lists of other articles in a text dump.
//!
//! A teaser list repeats one small layout per card: a title, a byline or
//! a date, the excerpt, a "read more" link. Its excerpts are prose, but
//! the layout gives the list away: the same run of indentations and
//! bullets repeats three times or more, and each card has a bulleted
//! title, a date or count line, or a label that is the same on every card.
//! An article's sections repeat too (a heading, a paragraph), but not
//! with those; its numbered steps ("1 von 17", "3. Plant") count up and
//! are kept.
//!
//! A list of other articles under a heading that says so ("Related",
//! "Recent posts") is removed as related links, whatever its items' length.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use super::dump_furniture::{Dump, remove};
use super::text_shape::Shape;
use crate::rules::dump_furniture::{
    ARTICLE_LIST_OPENERS, MAX_CARD_LINES, MAX_CARD_META_CHARS, MAX_LIST_OPENER_CHARS,
    MIN_CARD_LABEL_LETTERS, MIN_CARD_LINES, MIN_CARD_REPEATS, MIN_LISTED_ARTICLES,
};
use crate::rules::phrases::RELATED_OPENERS;
use crate::rules::starts_with_any;

/// A date line: "Tuesday November 19, 2019", "4. 2. 2022", "2019-11-19",
/// "Mittwoch | 31. Juli 2019" (the weekday may lead).
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\w+,?\s+(?:\|\s+)?)?(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\b")
        .unwrap_or_else(|_| unreachable!("the date pattern is a valid regex"))
});

/// A count line: "66 Likes", "12 comments", "1.2K".
static COUNT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d[\d.,]*\s*\w*$")
        .unwrap_or_else(|_| unreachable!("the count pattern is a valid regex"))
});

/// What a line's layout is, for comparing cards.
fn signature(dump: &Dump, i: usize) -> (usize, bool, bool) {
    (dump.indent(i), dump.list_item(i), dump.alone(i))
}

/// Runs of repeating layout: `(start, unit length, repeats)`.
fn repeating_runs(dump: &Dump) -> Vec<(usize, usize, usize)> {
    let n = dump.len();
    let mut runs = Vec::new();
    for unit in MIN_CARD_LINES..=MAX_CARD_LINES {
        let same = |i: usize| signature(dump, i) == signature(dump, i + unit);
        let mut i = 0;
        while i + unit < n {
            if !same(i) {
                i += 1;
                continue;
            }
            let matched = (i..n - unit).take_while(|&j| same(j)).count();
            if matched >= (MIN_CARD_REPEATS - 1) * unit {
                runs.push((i, unit, matched / unit + 1));
            }
            i += matched + 1;
        }
    }
    runs
}

/// True if a date or count line stands at the same place in every card.
fn is_meta(text: &str) -> bool {
    text.chars().count() <= MAX_CARD_META_CHARS
        && (DATE_LINE.is_match(text) || COUNT_LINE.is_match(text))
}

/// The first number in the text.
fn first_number(text: &str) -> Option<u64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = text.get(start..)?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest.get(..end)?.parse().ok()
}

/// True if the repeating run is a list of teaser cards.
fn is_card_list(dump: &Dump, kinds: &[Kind], start: usize, unit: usize, repeats: usize) -> bool {
    let card = |u: usize, j: usize| start + u * unit + j;
    if !(0..unit).any(|j| dump.prose(card(0, j))) {
        return false;
    }
    // Numbered steps of the article: 1, 2, 3 at one place in each unit.
    let counts_up = (0..unit).any(|j| {
        let numbers: Option<Vec<u64>> = (0..repeats)
            .map(|u| first_number(dump.text(card(u, j))))
            .collect();
        numbers.is_some_and(|n| n.windows(2).all(|w| matches!(w, [a, b] if *b == a + 1)))
    });
    if counts_up {
        return false;
    }
    // A symbol bullet: numbered titles are a listicle's own sections.
    let bulleted_title = dump.bullet(start);
    let meta = (0..unit).any(|j| (0..repeats).all(|u| is_meta(dump.text(card(u, j)))));
    let same_label = (0..unit).any(|j| {
        let first = card(0, j);
        let text = dump.text(first);
        matches!(dump.shape(first), Shape::Short | Shape::Bad)
            && !matches!(kinds.get(first), Some(Kind::Ad) | Some(Kind::Caption))
            && text.chars().filter(|c| c.is_alphabetic()).count() >= MIN_CARD_LABEL_LETTERS
            && (1..repeats).all(|u| dump.text(card(u, j)) == text)
    });
    bulleted_title || meta || same_label
}

/// Removes teaser lists as related links.
fn card_lists(dump: &Dump, kinds: &mut [Kind]) {
    for (start, unit, repeats) in repeating_runs(dump) {
        if is_card_list(dump, kinds, start, unit, repeats) {
            for i in start..start + unit * repeats {
                remove(kinds, i, Kind::Related);
            }
        }
    }
}

/// True if the line is a heading over a list of other articles.
fn is_list_opener(dump: &Dump, i: usize) -> bool {
    let text = dump.text(i);
    if dump.list_item(i) || text.chars().count() > MAX_LIST_OPENER_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    starts_with_any(RELATED_OPENERS, &lower) || starts_with_any(ARTICLE_LIST_OPENERS, &lower)
}

/// Removes the list items under a heading of other articles (and the
/// lines nested in them: a date, an author) as related links.
fn article_lists(dump: &Dump, kinds: &mut [Kind]) {
    for opener in (0..dump.len()).filter(|&i| is_list_opener(dump, i)) {
        let mut items = 0;
        let mut item_indent = None;
        let mut end = opener + 1;
        while end < dump.len() {
            if dump.list_item(end) {
                item_indent.get_or_insert(dump.indent(end));
                items += 1;
            } else if !item_indent.is_some_and(|d| dump.indent(end) > d && !dump.alone(end)) {
                break;
            }
            end += 1;
        }
        if items >= MIN_LISTED_ARTICLES {
            for i in opener + 1..end {
                remove(kinds, i, Kind::Related);
            }
        }
    }
}

/// Applies both rules.
pub fn apply(dump: &Dump, kinds: &mut [Kind]) {
    card_lists(dump, kinds);
    article_lists(dump, kinds);
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::text_body;
    use crate::classify::test_support::{P1, P2, P3};

    /// Towns whose stories the teasers tell (no numbers: numbered
    /// steps are the article's own).
    const TOWNS: [&str; 4] = ["Ashford", "Brampton", "Colford", "Dunmore"];

    fn teaser(town: &str) -> String {
        format!(
            "The story tells how {town} rebuilt its bridge after the floods of last \
             spring, with help from volunteers and the county's engineers."
        )
    }

    #[test]
    fn bulleted_teaser_cards_after_the_article_are_removed() {
        // Each card: a bulleted title, the author, the date (deeper), the
        // excerpt.
        let cards: String = TOWNS
            .iter()
            .map(|town| {
                format!(
                    "      + The bridge of {town}\n            Jane Doe\n            Tuesday November 19, 2019\n\n          {}\n\n",
                    teaser(town)
                )
            })
            .collect();
        let dump = format!("  {P1}\n\n  {P2}\n\n  {P3}\n\n  More stories\n\n{cards}");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn cards_with_the_same_label_are_removed() {
        // No bullets: a title, the excerpt, a category label repeated on
        // every card.
        let cards: String = TOWNS
            .iter()
            .map(|town| {
                format!(
                    "  The bridge of {town}\n\n      {}\n  Wildlife\n\n",
                    teaser(town)
                )
            })
            .collect();
        let dump = format!("  {P1}\n\n  {P2}\n\n  {P3}\n\n{cards}");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn numbered_steps_of_the_article_stay() {
        // The same layout as cards, but the steps count up.
        let steps: String = TOWNS
            .iter()
            .enumerate()
            .map(|(n, town)| {
                format!(
                    "  Step {} of 4\n\n      {}\n  Show picture\n\n",
                    n + 1,
                    teaser(town)
                )
            })
            .collect();
        let dump = format!("  {P1}\n\n{steps}  {P2}\n");
        let body = text_body(&dump);
        assert!(body.contains(&teaser("Brampton")), "{body:?}");
    }

    #[test]
    fn a_list_under_a_related_heading_is_removed_however_long_its_items() {
        let dump = format!(
            "  {P1}\n\n  {P2}\n\n  Related\n\n    * How one company turns carbon dioxide into soap with its capture technology\n\
             \x20   * Canada leads the way in carbon capture as more governments put a price on it\n\n  {P3}\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }
}
