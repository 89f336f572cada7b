//! Numbered lists set next to the article's text ("1. Habe Zeit für
//! Träume", "2. Bleibe stets aktiv"): the steps of a how-to, the points
//! of a listicle. Each item alone is a short line without a good
//! neighbour, so the shape rules remove it; items numbered one after the
//! other right beside kept prose are the article's.

use super::Kind;
use crate::blocks::Block;
use crate::rules::text_recall::{MAX_LINES_FROM_ARTICLE, MAX_NUMBERED_ITEM, MIN_ITEM_WORDS};

/// The line's number and the text after it, for "3. Text" or "3) Text"
/// (maybe after a list bullet).
fn item_number(block: &Block) -> Option<(u32, &str)> {
    let text = if block.bullet {
        let mut chars = block.text.chars();
        chars.next();
        chars.as_str().trim_start()
    } else {
        block.text.as_str()
    };
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    let number: u32 = text.get(..digits_end)?.parse().ok()?;
    let rest = text.get(digits_end..)?.strip_prefix(['.', ')'])?;
    let item = rest.trim_start();
    let spaced = rest.starts_with(char::is_whitespace) && !item.is_empty();
    (number <= MAX_NUMBERED_ITEM && spaced).then_some((number, item))
}

/// One numbered list: its lines (items and the lines continuing them) and
/// its items' texts.
struct List<'a> {
    members: Vec<usize>,
    items: Vec<&'a str>,
}

/// The list whose first item is line `start` (numbered `number`): items
/// numbered one after the other, each maybe followed by one line that
/// continues it.
fn list_from<'a>(blocks: &'a [Block], start: usize, number: u32, first: &'a str) -> List<'a> {
    let mut list = List {
        members: vec![start],
        items: vec![first],
    };
    let mut expected = number + 1;
    let mut i = start + 1;
    let numbered = |i: usize| blocks.get(i).and_then(item_number);
    loop {
        if let Some((n, item)) = numbered(i).filter(|(n, _)| *n == expected) {
            list.members.push(i);
            list.items.push(item);
            expected = n + 1;
            i += 1;
        } else if numbered(i).is_none()
            && i < blocks.len()
            && numbered(i + 1).is_some_and(|(n, _)| n == expected)
        {
            list.members.push(i);
            i += 1;
        } else {
            return list;
        }
    }
}

/// True if the list's items read as points, not as a breadcrumb or a
/// menu ("1. Startseite", "2. Wein"): at least half have
/// [`MIN_ITEM_WORDS`] words.
fn items_are_points(list: &List) -> bool {
    let wordy = list
        .items
        .iter()
        .filter(|t| t.split_whitespace().count() >= MIN_ITEM_WORDS)
        .count();
    list.items.len() >= 2 && wordy * 2 >= list.items.len()
}

/// True if a body line lies at most [`MAX_LINES_FROM_ARTICLE`] lines
/// before the list's first line or after its last.
fn beside_body(kinds: &[Kind], first: usize, last: usize) -> bool {
    let before = first.saturating_sub(MAX_LINES_FROM_ARTICLE)..first;
    let after = last + 1..last + 1 + MAX_LINES_FROM_ARTICLE;
    let is_body = |i: usize| kinds.get(i) == Some(&Kind::Body);
    before.into_iter().any(is_body) || after.into_iter().any(is_body)
}

/// Gives back to the body the lines of every numbered list of points set
/// beside kept body lines, when a neighbourhood or shape rule removed them
/// though they were body on their own.
pub fn restore(blocks: &[Block], own_kinds: &[Kind], kinds: &mut [Kind]) {
    let mut i = 0;
    while i < blocks.len() {
        let Some((number, first)) = blocks.get(i).and_then(item_number) else {
            i += 1;
            continue;
        };
        let list = list_from(blocks, i, number, first);
        let end = list.members.last().copied().unwrap_or(i);
        if items_are_points(&list) && beside_body(kinds, i, end) {
            for &m in &list.members {
                let own = own_kinds.get(m).copied().unwrap_or(Kind::Other);
                let removed = matches!(kinds.get(m), Some(Kind::Other | Kind::Navigation));
                if let Some(kind) = kinds.get_mut(m).filter(|_| own == Kind::Body && removed) {
                    *kind = Kind::Body;
                }
            }
        }
        i = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::classify::test_support::text_body;

    const INTRO: &str = "In ihrem Buch beschreibt die Autorin die Lebensphilosophie, die auf \
        der Insel gelebt wird, und fasst sie am Ende in zehn einfachen Regeln für den Alltag zusammen.";
    const OUTRO: &str = "Wer sich an diese Regeln hält, lebt nach ihrer Überzeugung nicht nur \
        länger, sondern auch zufriedener, weil der Stress des Alltags von ihm abfällt, sagt sie.";

    #[test]
    fn numbered_points_beside_the_article_stay() {
        let dump = format!(
            "  * Home\n  * Liebe\n\n  {INTRO}\n\n   1. Habe Zeit für Träume\n   2. Bleibe stets aktiv\n\
             \x20  3. Achte auf dich selbst\n\n  {OUTRO}\n\n  * Impressum\n"
        );
        let body = text_body(&dump);
        assert!(
            body.iter().any(|b| b == "2. Bleibe stets aktiv"),
            "{body:?}"
        );
        assert!(body.iter().any(|b| b == OUTRO));
        assert!(!body.iter().any(|b| b.contains("Impressum")));
    }

    #[test]
    fn a_breadcrumb_is_not_a_list_of_points() {
        let dump = format!("1. Startseite\n2. Wein\n3. Erzeuger\n\n  {INTRO}\n\n  {OUTRO}\n");
        assert_eq!(text_body(&dump), [INTRO, OUTRO]);
    }

    #[test]
    fn house_rules_below_a_heading_after_the_article_stay_out() {
        // Lines far from kept prose: the rules box of a comment section.
        let dump = format!(
            "  {INTRO}\n\n  {OUTRO}\n\n  Latest News\n\n  HOUSE RULES\n\n   Comments\n\
             \x20   1. We welcome reader comments on the stories\n\
             \x20   2. Please do not write in block capitals\n"
        );
        assert_eq!(text_body(&dump), [INTRO, OUTRO]);
    }
}
