//! Image captions and photo credits: "Photo: Jane Doe", lines ending in
//! "Contributor/Getty Images" or "© Agency | Photographer", numbered
//! figure labels ("Abbildung 4: ..."), and the short alt-text line that a
//! text dump puts just above such a credit line.

use std::sync::LazyLock;

use crate::blocks::{Block, ends_sentence};
use crate::pattern::MatchOnly;
use crate::rules::phrases::{
    CREDIT_ENDINGS, CREDIT_OPENERS, FIGURE_LABELS, PICTURE_CAPTION_OPENERS, PICTURE_WORDS,
};
use crate::rules::thresholds::{MAX_CAPTION_CHARS, MAX_COPYRIGHT_CREDIT_CHARS, PHOTO_WORD_WINDOW};
use crate::rules::{contains_any, starts_with_any};

/// A figure label: one of [`FIGURE_LABELS`], maybe a number, then a colon
/// ("Abbildung 4:", "Fig. 2:", "Grafik:").
static FIGURE_LABEL: LazyLock<MatchOnly> = LazyLock::new(|| {
    let labels: Vec<String> = FIGURE_LABELS.iter().map(|l| regex::escape(l)).collect();
    MatchOnly::new(&format!(r"^(?:{})\s*[\d.]*\s*:", labels.join("|")))
        .unwrap_or_else(|| unreachable!("the figure label pattern is a valid regex"))
});

/// True if the block is (or ends with) a photo credit.
pub fn is_credit(block: &Block) -> bool {
    if block.chars > MAX_CAPTION_CHARS {
        return false;
    }
    let lower = block.lower();
    let end = lower.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ')' | ']'));
    CREDIT_ENDINGS.iter().any(|e| end.ends_with(e))
        || starts_with_any(CREDIT_OPENERS, lower)
        || ends_with_credit_in_brackets(lower)
        || describes_the_picture(lower)
        || FIGURE_LABEL.is_match(lower)
        || ends_with_copyright_credit(&block.text)
}

/// True if the text ends with a credit after a copyright sign ("... am
/// Mahnmal © Agency | Jane Doe", "Die Schneeschaufel© Rike/pixelio.de"):
/// a short tail after the last `©` that is not a sentence and names no
/// year of a legal line ("© 2024 Example Media. All rights reserved." is
/// legal text, left to the phrase rules).
fn ends_with_copyright_credit(text: &str) -> bool {
    let Some((head, tail)) = text.rsplit_once('©') else {
        return false;
    };
    let tail = tail.trim();
    !head.trim().is_empty()
        && !tail.is_empty()
        && tail.chars().count() <= MAX_COPYRIGHT_CREDIT_CHARS
        && !ends_sentence(tail)
        && tail.chars().any(char::is_alphabetic)
}

/// "In this Dec. 12, 2006, file photo, made available by NASA, ...": a
/// news-agency caption describing the picture it stands under.
fn describes_the_picture(lower: &str) -> bool {
    let head: String = lower.chars().take(PHOTO_WORD_WINDOW).collect();
    starts_with_any(PICTURE_CAPTION_OPENERS, lower) && contains_any(PICTURE_WORDS, &head)
}

/// "Protesters in the street (Image: GETTY)": a caption whose last
/// bracketed group is a credit.
fn ends_with_credit_in_brackets(lower: &str) -> bool {
    let trimmed = lower.trim_end();
    if !trimmed.ends_with(')') {
        return false;
    }
    trimmed
        .rfind('(')
        .and_then(|i| trimmed.get(i + 1..))
        .is_some_and(|inner| starts_with_any(CREDIT_OPENERS, inner.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_text;

    fn credit(text: &str) -> bool {
        from_text(text).blocks.first().is_some_and(is_credit)
    }

    #[test]
    fn credit_lines_are_recognised() {
        assert!(credit(
            "Putin and Tokayev in St. Petersburg. Contributor/Getty Images"
        ));
        assert!(credit("Photo: Jane Doe"));
        assert!(credit("Firefighters at the scene (AP Photo)"));
        assert!(credit("Foto: dpa"));
        assert!(credit(
            "Protesters do not want Hong Kong to lose its autonomy (Image: getty )"
        ));
        assert!(!credit("The photo was taken by a tourist on Monday."));
        assert!(credit(
            "Abbildung 4: klassische Schwachschicht. Der Unterschied ist klar ersichtlich."
        ));
        assert!(credit("Fig. 2: The glacier in 1990 and today"));
        assert!(!credit(
            "Abbildung 4 zeigt, dass die Schwachschicht klar ersichtlich ist."
        ));
        assert!(credit(
            "Vertreter bei einer Kranzniederlegung © Presseamt | Jesco Denzel"
        ));
        assert!(credit(
            "Schneeräumpflicht - was man wissen muss© Rike/pixelio.de"
        ));
        assert!(!credit(
            "Das Logo trägt ein ©, das die Marke schützen soll, wie der Hersteller sagte."
        ));
        assert!(credit("© Bundesrat | Frank Bräuer"));
        assert!(credit(
            "In this Dec. 12, 2006, file photo, made available by NASA, two astronauts work outside."
        ));
        assert!(!credit(
            "In this country, few people have seen a photo of the minister at work."
        ));
    }
}
