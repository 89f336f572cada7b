//! Metadata of plain-text dumps, read from what the body classifier set
//! aside: bylines, the author bio ("About the writer — Isabel van Brugen is a
//! Newsweek Reporter based in ..."), and the promos that repeat the
//! publication's name.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::authors::{self, squash};
use crate::record::Removed;
use crate::rules::metadata::{
    COMMON_CAPITALISED_WORDS, MAX_DATELINE_CHARS, MIN_SITE_NAME_REPEATS, ROLE_HEADS, ROLE_WORDS,
};

/// Removed kinds whose text is an author bio.
const BIO_KINDS: &[&str] = &["author", "author_bio", "bio"];

/// Removed kinds whose text is a byline or dateline.
const BYLINE_KINDS: &[&str] = &["byline", "date", "dateline", "meta"];

/// Removed kinds that are not the publication speaking (a caption names the
/// people in a photo; a comment names its commenter).
const NOT_PUBLISHER_KINDS: &[&str] = &["caption", "comment", "comments"];

/// "Isabel van Brugen is a Newsweek Reporter based in ..." — a capitalised
/// name of 1 to 5 words (particles allowed), then "is a/an/the", then the
/// description (up to the end of the sentence; [`bio_sentences`] reads at
/// most [`MAX_BIO_DESCRIPTION_CHARS`] of it). The cut is not written into
/// the pattern as `{1,160}`: 160 copies of a class made the pattern much
/// dearer to compile and to search.
static BIO_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    let particle = r"(?:al|bin|da|das|de|del|della|der|di|do|dos|du|el|la|le|ten|ter|van|von)";
    let word = r"\p{Lu}[\p{L}'’.-]*";
    let pattern = format!(
        r"(?:^|[.!?:\n]\s*)({word}(?:\s+(?:{particle}\s+)*{word}){{0,4}})\s+(?:is|was)\s+(?:a|an|the)\s+([^.\n]+)"
    );
    Regex::new(&pattern).unwrap_or_else(|_| never())
});

/// Most chars of a bio description read: the role and employer come first.
const MAX_BIO_DESCRIPTION_CHARS: usize = 160;

/// The (name, description) of each bio sentence of `text`, in order, as
/// the pattern with its description written `([^.\n]{1,160})` finds them:
/// a match starts where [`BIO_SENTENCE`]'s does, its description is the
/// first 160 chars of the run up to the sentence end, and the next search
/// starts where that description ends.
fn bio_sentences(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = BIO_SENTENCE.captures_at(text, at) {
        let (Some(name), Some(run)) = (c.get(1), c.get(2)) else {
            break;
        };
        let description = authors::truncate_chars(run.as_str(), MAX_BIO_DESCRIPTION_CHARS);
        out.push((name.as_str(), description));
        // A description holds at least one char, so each search starts
        // further on than the one before.
        let end = run.start() + description.len();
        if end <= at {
            break;
        }
        at = end;
    }
    out
}

/// "About the writer", "About the author" headings that open a bio.
static BIO_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*about\s+the\s+(?:writer|author|reporter)s?\b").unwrap_or_else(|_| never())
});

/// " at The Example Times", " for Example" after a role in a bio: the
/// first word of the employer's name; [`employer_name`] reads the words
/// after it.
static EMPLOYER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:at|for|with)\s+((?:The\s+)?\p{Lu}[\p{L}&'’.-]*)").unwrap_or_else(|_| never())
});

/// One more capitalised word of an employer's name, at the start of the
/// rest of the text.
static EMPLOYER_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+\p{Lu}[\p{L}&'’.-]*").unwrap_or_else(|_| never()));

/// Words of an employer's name read after its first one.
const MAX_EMPLOYER_MORE_WORDS: usize = 3;

/// The employer named in `text` after "at", "for" or "with": what the
/// pattern `\b(?:at|for|with)\s+((?:The\s+)?W(?:\s+W){0,3})` (W a
/// capitalised word) captures, read as [`EMPLOYER`] and up to three
/// [`EMPLOYER_WORD`]s (the repeat has nothing after it, so each word is
/// taken whole while there is one; written out, the three more copies of
/// the Unicode classes were nearly half of the pattern's compile cost).
fn employer_name(text: &str) -> Option<&str> {
    let first = EMPLOYER.captures(text)?.get(1)?;
    let mut end = first.end();
    for _ in 0..MAX_EMPLOYER_MORE_WORDS {
        let Some(word) = text.get(end..).and_then(|rest| EMPLOYER_WORD.find(rest)) else {
            break;
        };
        end += word.end();
    }
    text.get(first.start()..end)
}

fn never() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("the empty-class regex compiles"))
}

fn is_bio(block: &Removed) -> bool {
    BIO_KINDS.contains(&block.kind.as_str()) || BIO_HEADING.is_match(&block.text)
}

/// A person named in a bio sentence, and the publication the sentence names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BioFacts {
    pub authors: Vec<String>,
    pub site_name: Option<String>,
}

/// Reads the names and employer out of the bios among `removed`.
pub fn bio_facts(removed: &[Removed]) -> BioFacts {
    let bios: Vec<&str> = removed
        .iter()
        .filter(|b| is_bio(b))
        .map(|b| b.text.as_str())
        .collect();
    facts_in_bios(&bios)
}

/// Reads the names and employer out of author bio texts: the subjects of
/// "X is a/an/the ... <newsroom role>" sentences.
pub fn facts_in_bios(bios: &[&str]) -> BioFacts {
    let mut facts = BioFacts::default();
    for text in bios {
        // "About the writer Isabel ..." once the page's line breaks are gone.
        let text = BIO_HEADING.replace(text, "");
        if !has_copula(&text) {
            continue;
        }
        for (name, description) in bio_sentences(text.trim_start()) {
            let Some(employer) = employer(description) else {
                // "X is a ..." without a newsroom role is not a staff bio.
                continue;
            };
            for n in authors::names_in_credit(name) {
                authors::push_unique(&mut facts.authors, n);
            }
            if facts.site_name.is_none() {
                facts.site_name = employer;
            }
        }
    }
    facts
}

/// Whether `text` holds the core of a [`BIO_SENTENCE`]: "is" or "was"
/// between whitespace, then "a", "an" or "the" and whitespace. Texts
/// without one cannot match, and the pattern (slow on long bios) is not
/// run on them.
fn has_copula(text: &str) -> bool {
    let starts_with_word = |rest: &str, word: &str| {
        rest.strip_prefix(word)
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_whitespace)
    };
    ["is", "was"].iter().any(|verb| {
        text.match_indices(verb).any(|(i, _)| {
            let before = text.get(..i).and_then(|t| t.chars().next_back());
            let after = text.get(i + verb.len()..).unwrap_or("");
            let rest = after.trim_start();
            before.is_some_and(char::is_whitespace)
                && rest.len() < after.len()
                && ["a", "an", "the"].iter().any(|a| starts_with_word(rest, a))
        })
    })
}

/// The employer named in a bio description, or `Some(None)` when the
/// description holds a newsroom role but no employer; None without a role.
/// "Newsweek Reporter based in ..." → "Newsweek"; "senior reporter at The
/// Example Times" → "The Example Times".
fn employer(description: &str) -> Option<Option<String>> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let role_at = words.iter().position(|w| {
        let lower = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        ROLE_HEADS.binary_search(&lower.as_str()).is_ok()
    })?;
    let after_role = words.get(role_at + 1..).unwrap_or(&[]).join(" ");
    if let Some(name) = employer_name(&after_role) {
        return Some(Some(name.trim_end_matches('.').to_string()));
    }
    let before: Vec<&str> = words
        .get(..role_at)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|w| {
            let lower = w.to_lowercase();
            ROLE_WORDS.binary_search(&lower.as_str()).is_err()
        })
        .collect();
    let capitalised = !before.is_empty()
        && before
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    Some(capitalised.then(|| before.join(" ")))
}

/// Credit lines among the removed bylines and the first short lines of the
/// body ("By Jane Doe").
pub fn byline_names(removed: &[Removed], body_text: &str) -> Vec<String> {
    let removed_lines = removed
        .iter()
        .filter(|b| BYLINE_KINDS.contains(&b.kind.as_str()))
        .flat_map(|b| b.text.lines());
    let body_lines = body_text.lines().filter(|l| !l.trim().is_empty()).take(3);
    let credits: Vec<&str> = removed_lines
        .chain(body_lines)
        .map(str::trim)
        .filter(|l| l.chars().count() <= MAX_DATELINE_CHARS && starts_with_by(l))
        .collect();
    authors::names_in_credits(&credits)
}

fn starts_with_by(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["by ", "von ", "par ", "por "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Removed kinds whose dates are not the article's: photo captions, other
/// stories, comments, and the site's own navigation (today's date bars).
const NOT_DATELINE_KINDS: &[&str] = &["caption", "comment", "comments", "navigation", "related"];

/// Most words of a block that is a dateline on its own.
const MAX_DATELINE_WORDS: usize = 12;

/// Whether a block is a short line holding a date.
fn is_dateline(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= MAX_DATELINE_CHARS
        && text.split_whitespace().count() <= MAX_DATELINE_WORDS
        && super::dates::find_date_in_text(text).is_some()
}

/// Short lines that may carry the publication date: removed bylines and
/// datelines, then the first lines of the body.
pub fn dateline_candidates<'a>(
    removed: &'a [Removed],
    body_text: &'a str,
) -> (Vec<&'a str>, Vec<&'a str>) {
    // Bylines and datelines, and short removed blocks of other kinds that
    // are a dateline on their own ("Published 3:05 PM, Nov 19, 2019").
    let bylines = removed
        .iter()
        .filter(|b| {
            BYLINE_KINDS.contains(&b.kind.as_str())
                || (!NOT_DATELINE_KINDS.contains(&b.kind.as_str()) && is_dateline(&b.text))
        })
        .flat_map(|b| b.text.lines())
        .collect();
    let first_lines = body_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .filter(|l| l.chars().count() <= MAX_DATELINE_CHARS)
        .collect();
    (bylines, first_lines)
}

/// The publication's name as the promos repeat it: the capitalised word
/// (".com" dropped) seen most often across the removed blocks that speak
/// for the publication, at least [`MIN_SITE_NAME_REPEATS`] times and more
/// often than any other. With a known host, a word matching it wins.
pub fn repeated_name(removed: &[Removed], host_label: Option<&str>) -> Option<String> {
    let mut counts: HashMap<String, (usize, String)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for block in removed
        .iter()
        .filter(|b| !NOT_PUBLISHER_KINDS.contains(&b.kind.as_str()))
    {
        for word in block.text.split_whitespace() {
            let Some(word) = publication_word(word) else {
                continue;
            };
            let key = word.to_lowercase();
            let entry = counts.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                (0, word.to_string())
            });
            entry.0 += 1;
        }
    }
    if let Some(host) = host_label.map(squash)
        && let Some((_, written)) = counts.get(&host)
    {
        return Some(written.clone());
    }
    let mut ranked: Vec<&(usize, String)> = order.iter().filter_map(|k| counts.get(k)).collect();
    ranked.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    match ranked.as_slice() {
        [(n, word), rest @ ..]
            if *n >= MIN_SITE_NAME_REPEATS && rest.first().is_none_or(|(m, _)| m < n) =>
        {
            Some(word.clone())
        }
        _ => None,
    }
}

/// A capitalised word that may be a publication's name: punctuation and a
/// domain ending cut ("Newsweek.com" → "Newsweek"), common sentence openers
/// excluded.
fn publication_word(raw: &str) -> Option<&str> {
    let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
    let word = [".com", ".org", ".net", ".co.uk", ".de", ".fr"]
        .iter()
        .find_map(|tld| word.strip_suffix(tld))
        .unwrap_or(word);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let lower = word.to_lowercase();
    let common = COMMON_CAPITALISED_WORDS
        .binary_search(&lower.as_str())
        .is_ok();
    (capitalised && word.chars().count() >= 2 && !common).then_some(word)
}

#[cfg(test)]
mod copula_tests {
    use super::*;

    /// The pattern as first written, with the description cut in it.
    fn reference_pattern() -> Regex {
        let bounded = BIO_SENTENCE
            .as_str()
            .replace(r"([^.\n]+)", r"([^.\n]{1,160})");
        assert_ne!(bounded, BIO_SENTENCE.as_str());
        Regex::new(&bounded).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn employer_names_read_as_the_whole_pattern_reads() {
        let whole = Regex::new(
            r"\b(?:at|for|with)\s+((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3})",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let texts = [
            "at The Example Times",
            "for The daily Example",
            "at The Example Times Group Media Holdings Inc in London",
            "with Ünïon  Øst\u{a0}Ärzte & Co",
            "based at the Example Times",
            "at  Example.  More Words",
            "formerly at\nThe\tNew York Times-Herald",
            "flat Example at Other",
            "at Ex at Other Place",
            "",
        ];
        for text in texts {
            let expected = whole
                .captures(text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            assert_eq!(employer_name(text), expected, "{text}");
        }
    }

    #[test]
    fn bio_sentences_read_as_the_bounded_pattern_reads() {
        let reference = reference_pattern();
        let long = "x".repeat(200);
        let texts = [
            "Isabel van Brugen is a Newsweek Reporter based in London.".to_string(),
            "Jane Doe was\tan editor at The Example Times. John Roe is a writer.".to_string(),
            format!("Jane Doe is a reporter {long}! Ann Lee is a writer: Bob Day was the editor"),
            format!("Jane Doe is a {long}? Ann Lee is an editor\nBob Day is the editor"),
            "Jane Doe is a \u{a0} \nAnn Lee is a reporter".to_string(),
            "Jane Doe is a  .Ann Lee is a reporter".to_string(),
            format!("Ånn Øst is a {}: Ėva Ōta is a writer", "é".repeat(170)),
            "jane doe is a reporter".to_string(),
            String::new(),
        ];
        for text in &texts {
            let expected: Vec<(&str, &str)> = reference
                .captures_iter(text)
                .filter_map(|c| Some((c.get(1)?.as_str(), c.get(2)?.as_str())))
                .collect();
            assert_eq!(bio_sentences(text), expected, "{text}");
            assert_eq!(BIO_SENTENCE.is_match(text), reference.is_match(text));
        }
    }

    #[test]
    fn the_copula_check_holds_for_every_bio_sentence_the_pattern_reads() {
        let texts = [
            "Isabel van Brugen is a Newsweek Reporter based in London.",
            "Jane Doe was\tan editor at The Example Times.",
            "About. Jane Doe is  the senior writer at Example.",
            "Jane Doe\u{a0}is\u{a0}a reporter for Example.",
            "Jane Doe is annoyed.",
            "This island is an isle.",
            "Jane Doe writes about climate.",
            "Jane Doe is. A reporter",
            "Jane Doe isa reporter",
            "Jane Doe is at Example.",
            "",
        ];
        for text in texts {
            if BIO_SENTENCE.is_match(text) {
                assert!(has_copula(text), "{text}");
            }
        }
        assert!(!has_copula("Jane Doe writes about climate."));
        assert!(!has_copula("Jane Doe is at Example."));
        assert!(has_copula("Jane Doe is a reporter."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(kind: &str, text: &str) -> Removed {
        Removed {
            kind: kind.to_string(),
            text: text.to_string(),
        }
    }

    #[test]
    fn bio_names_the_author_and_the_publication() {
        let blocks = vec![removed(
            "author_bio",
            "About the writer\nIsabel van Brugen is a Newsweek Reporter based in Kuala Lumpur. Her focus is reporting.",
        )];
        let facts = bio_facts(&blocks);
        assert_eq!(facts.authors, vec!["Isabel van Brugen"]);
        assert_eq!(facts.site_name.as_deref(), Some("Newsweek"));
    }

    #[test]
    fn bio_employer_after_the_role() {
        let blocks = vec![removed(
            "author_bio",
            "Jane Doe is a senior reporter at The Example Times.",
        )];
        let facts = bio_facts(&blocks);
        assert_eq!(facts.authors, vec!["Jane Doe"]);
        assert_eq!(facts.site_name.as_deref(), Some("The Example Times"));
    }

    #[test]
    fn non_newsroom_sentences_in_bios_name_nobody() {
        // A source described in a stray sentence is not the author.
        let blocks = vec![removed(
            "author_bio",
            "Timothy Ash is an economist at Chatham House.",
        )];
        assert_eq!(bio_facts(&blocks), BioFacts::default());
        // Outside a bio, "X is a reporter" is article text, not a credit.
        let blocks = vec![removed("promo", "Jane Doe is a reporter for Example.")];
        assert_eq!(bio_facts(&blocks), BioFacts::default());
    }

    #[test]
    fn repeated_publication_name_in_promos() {
        let blocks = vec![
            removed("promo", "Do you have a tip that Newsweek should cover?"),
            removed("promo", "To read how Newsweek uses AI, Click here."),
            removed("promo", "Enjoy ad-free browsing on Newsweek.com"),
            removed("caption", "Putin and Putin and Putin and Putin"),
        ];
        assert_eq!(repeated_name(&blocks, None).as_deref(), Some("Newsweek"));
        assert_eq!(repeated_name(&blocks[..1], None), None);
    }

    #[test]
    fn a_short_removed_dateline_of_any_kind_counts() {
        let blocks = vec![
            removed("caption", "Seen on December 26, 2022."),
            removed("meta_line", "Published 3:05 PM EST, Nov 19, 2019"),
        ];
        let (bylines, _) = dateline_candidates(&blocks, "Body.");
        assert_eq!(bylines, vec!["Published 3:05 PM EST, Nov 19, 2019"]);
    }

    #[test]
    fn byline_lines_at_the_top_of_a_dump() {
        let names = byline_names(&[removed("byline", "By Jane Doe and John Roe")], "Body.");
        assert_eq!(names, vec!["Jane Doe", "John Roe"]);
        let names = byline_names(&[], "By Ann Lee\n\nBody text follows here.");
        assert_eq!(names, vec!["Ann Lee"]);
    }
}
