//! Runs of short lines led by a quantity ("200 g Zucker", "1 TL
//! Backpulver", "2 x AA batteries") next to the article: a recipe's
//! ingredients, a kit's parts list, a table of figures. The shape rules
//! read each as a short line between labels and remove them; the article
//! holds them, above its steps or inside its text.

use super::Kind;
use super::text_shape::without_bullet;
use crate::blocks::Block;
use crate::rules::text_recall::{
    MAX_GLUED_UNIT_LETTERS, MAX_LIST_LABEL_CHARS, MAX_LIST_LINES_ABOVE_ARTICLE,
    MAX_QUANTITY_LINE_CHARS, MIN_QUANTITY_RUN,
};

/// Vulgar fractions that stand for a quantity on their own or after digits.
const FRACTIONS: &[char] = &['¼', '½', '¾', '⅓', '⅔', '⅛'];

/// The rest of `text` after a run of ASCII digits, or None without one.
fn after_digits(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    (rest.len() < text.len()).then_some(rest)
}

/// The rest of `text` after one number: digits with maybe a decimal or
/// fraction part ("2,5", "1/2", "10.000"), or a vulgar fraction, maybe
/// after digits ("1½").
fn after_number(text: &str) -> Option<&str> {
    if let Some(rest) = text.strip_prefix(FRACTIONS) {
        return Some(rest);
    }
    let rest = after_digits(text)?;
    if let Some(rest) = rest.strip_prefix(FRACTIONS) {
        return Some(rest);
    }
    match rest.strip_prefix(['.', ',', '/']).and_then(after_digits) {
        Some(rest) => Some(rest),
        None => Some(rest),
    }
}

/// The rest of `text` after a quantity: a number or a range of two
/// ("1-2", "300 – 350").
fn after_quantity(text: &str) -> Option<&str> {
    let rest = after_number(text)?;
    let range = rest
        .trim_start()
        .strip_prefix(['-', '–'])
        .and_then(|r| after_number(r.trim_start()));
    Some(range.unwrap_or(rest))
}

/// True if `rest` (what follows a quantity) starts with a space, or with a
/// short unit glued to the number and then a space ("125g Mehl").
fn unit_then_space(rest: &str) -> bool {
    let letters = rest.chars().take_while(|c| c.is_alphabetic()).count();
    if letters == 0 {
        // "1. Mix" is a numbered step, "1 Ei" an item.
        return rest.starts_with(char::is_whitespace);
    }
    let after_unit = rest
        .trim_start_matches(char::is_alphabetic)
        .trim_start_matches('.');
    letters <= MAX_GLUED_UNIT_LETTERS && after_unit.starts_with(char::is_whitespace)
}

/// True for a short line led by a quantity and naming something after it
/// ("200 g Zucker", "10.000 € 36 Monate"); a numbered step ("1. Mix") or
/// a bare figure ("4512") is not one.
pub fn is_quantity_line(block: &Block) -> bool {
    let text = without_bullet(block);
    if text.chars().count() > MAX_QUANTITY_LINE_CHARS {
        return false;
    }
    let Some(rest) = after_quantity(text) else {
        return false;
    };
    unit_then_space(rest) && rest.chars().any(char::is_alphabetic)
}

/// A short line inside a list that is not an item with a quantity: a label
/// ("Für den Teig:") or an item without one ("etwas Fett").
fn is_list_label(block: &Block) -> bool {
    without_bullet(block).chars().count() <= MAX_LIST_LABEL_CHARS
}

/// One run of list lines: its members and how many are quantity lines.
struct Run {
    members: Vec<usize>,
    quantities: usize,
}

/// The list run starting at quantity line `start`: quantity lines, with a
/// label before one of them, and a label just above the run.
fn run_from(blocks: &[Block], start: usize) -> Run {
    let mut run = Run {
        members: Vec::new(),
        quantities: 0,
    };
    if start > 0 && blocks.get(start - 1).is_some_and(is_label_line) {
        run.members.push(start - 1);
    }
    let mut i = start;
    while let Some(block) = blocks.get(i) {
        if is_quantity_line(block) {
            run.quantities += 1;
        } else if !(is_list_label(block) && blocks.get(i + 1).is_some_and(is_quantity_line)) {
            break;
        }
        run.members.push(i);
        i += 1;
    }
    run
}

/// A label ending in a colon ("Zutaten:", "For the dough:").
fn is_label_line(block: &Block) -> bool {
    is_list_label(block) && block.text.trim_end().ends_with(':')
}

/// True if the line was removed by a neighbourhood or shape rule though it
/// was body on its own (not a share bar or a duplicate).
fn removed_by_context(own: Kind, now: Kind) -> bool {
    own == Kind::Body && matches!(now, Kind::Other | Kind::Navigation)
}

/// Gives back to the body every quantity list that sits inside the article
/// or ends at most [`MAX_LIST_LINES_ABOVE_ARTICLE`] lines above its first
/// line. `own_kinds` are the lines' kinds on their own, `kinds` after the
/// other rules.
pub fn restore(blocks: &[Block], own_kinds: &[Kind], kinds: &mut [Kind]) {
    let first = kinds.iter().position(|k| *k == Kind::Body);
    let last = kinds.iter().rposition(|k| *k == Kind::Body);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let mut i = 0;
    while i < blocks.len() {
        if !blocks.get(i).is_some_and(is_quantity_line) {
            i += 1;
            continue;
        }
        let run = run_from(blocks, i);
        let end = run.members.last().copied().unwrap_or(i);
        let near_article = end + MAX_LIST_LINES_ABOVE_ARTICLE >= first && i <= last;
        if run.quantities >= MIN_QUANTITY_RUN && near_article {
            for &m in &run.members {
                let own = own_kinds.get(m).copied().unwrap_or(Kind::Other);
                if let Some(kind) = kinds.get_mut(m).filter(|k| removed_by_context(own, **k)) {
                    *kind = Kind::Body;
                }
            }
        }
        i = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_text;
    use crate::classify::test_support::text_body;

    const STEP1: &str = "Alle Zutaten in eine Schüssel geben und mit den Knethaken zu einem \
        glatten Teig verarbeiten, dann den Teig eine halbe Stunde kalt stellen, bis er fest ist.";
    const STEP2: &str = "Den Teig auf einer bemehlten Arbeitsfläche ausrollen, beliebige \
        Figuren ausstechen und auf einem Blech mit Backpapier im Ofen goldbraun backen lassen.";

    fn line(text: &str) -> bool {
        from_text(text).blocks.first().is_some_and(is_quantity_line)
    }

    #[test]
    fn quantity_lines_are_short_and_name_something() {
        assert!(line("200 g Zucker"));
        assert!(line("125g Mehl"));
        assert!(line("1 TL Backpulver"));
        assert!(line("* 1 Pck. Vanillepuddingpulver"));
        assert!(line("2 Dose/n Mandarine(n), je ca. 300 - 350 g"));
        assert!(line("1-2 Spritzer Bitters"));
        assert!(line("½ cup sugar"));
        assert!(!line("1. Alle Zutaten verrühren."));
        assert!(!line("4512"));
        assert!(!line("24.01.2020"));
        assert!(!line("5G-Netz wird ausgebaut"));
        assert!(!line(&format!("3 {STEP1}")));
    }

    #[test]
    fn an_ingredient_list_above_the_steps_is_the_articles() {
        // The ingredients sit between labels above the steps: each line is
        // short and the heading rules took them for empty sections.
        let dump = format!(
            "  * Home\n  * Rezepte\n\nZutaten\n\nFür den Teig:\n\n300 g Mehl\n1 TL Backpulver\n\
             200 g Zucker\netwas Fett\n1 Ei\n\nZubereitung\n\n  {STEP1}\n\n  {STEP2}\n\n\
             \x20 * Impressum\n  * Datenschutz\n"
        );
        let body = text_body(&dump);
        for item in [
            "Für den Teig:",
            "300 g Mehl",
            "200 g Zucker",
            "etwas Fett",
            "1 Ei",
        ] {
            assert!(
                body.iter().any(|b| b == item),
                "{item} missing from {body:?}"
            );
        }
        assert!(body.iter().any(|b| b == STEP2));
        assert!(!body.iter().any(|b| b.contains("Impressum")));
    }

    #[test]
    fn a_quantity_list_far_from_the_article_stays_out() {
        // Counts in a sidebar below the article are not the article's.
        let dump = format!(
            "  {STEP1}\n\n  {STEP2}\n\n* Archiv\n12 Beiträge im Mai\n7 Beiträge im April\n\
             3 Beiträge im März\n"
        );
        assert_eq!(text_body(&dump), [STEP1, STEP2]);
    }
}
