//! Bylines and datelines at the top of a body: "By Jane Doe", "Published
//! 3 May 2024", "Updated 10:42 a.m.", "5 min read"; and the lines that
//! only date the article or give its reading time, wherever they stand.

use std::sync::LazyLock;

use crate::blocks::Block;
use crate::pattern::MatchOnly;
use crate::rules::phrases::{
    BYLINE_OPENERS, DATE_STAMP_LABELS, READING_TIME_ENDINGS, READING_TIME_LABELS,
};
use crate::rules::starts_with_any;
use crate::rules::thresholds::MAX_BYLINE_CHARS;

/// Month names (and their abbreviations' stems) of English and German
/// dates.
const MONTHS: &str = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember";

/// Alternatives of a vocabulary as a regex group.
fn alternatives(list: &[&str]) -> String {
    let escaped: Vec<String> = list.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", escaped.join("|"))
}

/// A line that is nothing but a date stamp ("Aktualisiert: 11.04.2020,
/// 10:27", "Published on March 3, 2024") or a reading time ("Lesezeit: 4
/// Minuten", "11 minut czytania").
static DATE_STAMP: LazyLock<MatchOnly> = LazyLock::new(|| {
    let date = format!(
        r"(?:\d{{1,2}}\.\s*\d{{1,2}}\.\s*\d{{2,4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.?\s+(?:{MONTHS})\w*\.?\s+\d{{4}}|(?:{MONTHS})\w*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    );
    let time = r"(?:,?\s*(?:um|à|at|-)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|h|a\.?m\.?|p\.?m\.?))?)?";
    let stamp = format!(
        r"{}(?:\s+(?:am|le|on|el))?\s*:?\s*{date}{time}",
        alternatives(DATE_STAMP_LABELS)
    );
    let reading = format!(
        r"{}\s*:?\s*(?:ca\.\s*)?\d+\s*min\w*\.?|(?:ca\.\s*)?\d+\s*min\w*\.?\s+{}",
        alternatives(READING_TIME_LABELS),
        alternatives(READING_TIME_ENDINGS)
    );
    MatchOnly::new(&format!("^(?:{stamp}|{reading})$"))
        .unwrap_or_else(|| unreachable!("the date stamp pattern is a valid regex"))
});

/// True if the block only dates the article or gives its reading time
/// (see [`DATE_STAMP`]): meta data even in the middle or at the end of
/// the body, where [`is_byline`] does not look.
pub fn is_date_stamp(block: &Block) -> bool {
    block.chars <= MAX_BYLINE_CHARS && DATE_STAMP.is_match(block.lower().trim())
}

/// A date or time alone, or a reading time, the way bylines print them.
static DATELINE: LazyLock<MatchOnly> = LazyLock::new(|| {
    MatchOnly::new(
        r"(?ix)^(
            (\w+,?\s+)?(\d{1,2}\.?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember)\w*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}.*
          | \d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}.*
          | \d{1,2}/\d{1,2}/\d{2,4}.*
          | \d{4}-\d{2}-\d{2}.*
          | \d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember)\w*\.?\s+\d{4}.*
          | \d+\s+min(ute)?s?\s+read
        )$",
    )
    .unwrap_or_else(|| unreachable!("the dateline pattern is a valid regex"))
});

/// True if the block is a short byline or dateline.
pub fn is_byline(block: &Block) -> bool {
    if block.chars > MAX_BYLINE_CHARS || super::is_sentence_like(block) {
        return false;
    }
    let lower = block.lower();
    starts_with_any(BYLINE_OPENERS, lower) || DATELINE.is_match(lower)
}

/// True if the block opens with a date, however it goes on ("Nov. 20,
/// 2019Updated: Nov. 20, 2019 1:35 a.m." reads as a sentence but is a
/// dateline).
pub fn starts_with_date(block: &Block) -> bool {
    block.chars <= MAX_BYLINE_CHARS && DATELINE.is_match(block.lower())
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

    fn stamp(text: &str) -> bool {
        from_text(text).blocks.first().is_some_and(is_date_stamp)
    }

    #[test]
    fn date_stamps_and_reading_times_anywhere() {
        assert!(stamp("Aktualisiert: 11.04.2020, 10:27"));
        assert!(stamp("Publiziert: 03.04.2020, 12:35"));
        assert!(stamp("Published on March 3, 2024"));
        assert!(stamp("Stand: 12.01.2022"));
        assert!(stamp("11 minut czytania"));
        assert!(stamp("Lesezeit: 4 Minuten"));
        assert!(stamp("4 min read"));
        assert!(!stamp("Aktualisiert wurde die Liste am 11.04.2020."));
        assert!(!stamp("5 Minuten"));
        assert!(!stamp("Stand der Dinge"));
    }
}
