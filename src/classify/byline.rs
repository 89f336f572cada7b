//! Bylines and datelines at the top of a body: "By Jane Doe", "Published
//! 3 May 2024", "Updated 10:42 a.m.", "5 min read".

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::Block;
use crate::rules::phrases::BYLINE_OPENERS;
use crate::rules::starts_with_any;
use crate::rules::thresholds::MAX_BYLINE_CHARS;

/// A date or time alone, or a reading time, the way bylines print them.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
            (\w+,?\s+)?(\d{1,2}\.?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember)\w*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}.*
          | \d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}.*
          | \d{1,2}/\d{1,2}/\d{2,4}.*
          | \d{4}-\d{2}-\d{2}.*
          | \d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember)\w*\.?\s+\d{4}.*
          | \d+\s+min(ute)?s?\s+read
        )$",
    )
    .unwrap_or_else(|_| unreachable!("the dateline pattern is a valid regex"))
});

/// True if the block is a short byline or dateline.
pub fn is_byline(block: &Block) -> bool {
    if block.chars > MAX_BYLINE_CHARS || super::is_sentence_like(block) {
        return false;
    }
    let lower = block.text.to_lowercase();
    starts_with_any(BYLINE_OPENERS, &lower) || DATELINE.is_match(&lower)
}

/// True if the block opens with a date, however it goes on ("Nov. 20,
/// 2019Updated: Nov. 20, 2019 1:35 a.m." reads as a sentence but is a
/// dateline).
pub fn starts_with_date(block: &Block) -> bool {
    block.chars <= MAX_BYLINE_CHARS && DATELINE.is_match(&block.text.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_text;

    fn byline(text: &str) -> bool {
        from_text(text).blocks.first().is_some_and(is_byline)
    }

    #[test]
    fn bylines_and_datelines() {
        assert!(byline("By Jane Doe and John Roe"));
        assert!(byline("Published March 3, 2024 at 10:00"));
        assert!(byline("November 19, 2019"));
        assert!(byline("12.03.2024, 14:05 Uhr"));
        assert!(byline("4 min read"));
        assert!(byline("05/10/2018 - Publicado por: Clarissa Borba"));
        assert!(byline(
            "Par Élodie Marchand Publié le 14 septembre 2026 à 11h20"
        ));
        assert!(byline("Por Ana García Pérez"));
        assert!(byline("Aktualisiert am 27.11.2026"));
        assert!(!byline(
            "By the end of the year, prices had doubled in most cities."
        ));
    }
}
