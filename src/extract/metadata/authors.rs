//! Author names: turn raw credit strings ("By Jane Doe and John Roe, Staff
//! Writers | Updated 5 March 2020") into clean person names.
//!
//! Steps: cut "Updated ..." tails; drop emails, URLs, handles and dates;
//! split on commas, "and", "&" (and their de/fr/es/pt forms); strip "By" and
//! roles; keep only parts shaped like names; dedupe case-insensitively in
//! page order. Agencies and the site's own name count only when they are the
//! only credit of the page.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::dates;
use crate::pattern::WordPrecheck;
use crate::rules::metadata::{
    AGENCIES, BYLINE_PREFIXES, DESK_WORDS, GENERIC_US_ZONES, MAX_NAME_WORDS, NAME_CONNECTORS,
    NAME_PARTICLES, NOT_NAME_WORDS, ROLE_HEADS, ROLE_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS,
    ZONE_ABBREVIATIONS,
};

/// Emails, URLs and social handles, removed before splitting.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\S+@\S+\.\S+|https?://\S+|www\.\S+|@\w+").unwrap_or_else(|_| never())
});

/// Words that open the tail of a credit that is a timestamp.
const TIMESTAMP_WORDS: &[&str] = &[
    "actualizado",
    "aktualisiert",
    "atualizado",
    "last modified",
    "mis à jour",
    "posted on",
    "publicado",
    "publié",
    "published",
    "updated",
    "veröffentlicht",
];

/// The tail of a credit that is a timestamp, not a name.
static TIMESTAMP_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{})\b.*$", TIMESTAMP_WORDS.join("|")))
        .unwrap_or_else(|_| never())
});

/// Credits that cannot hold a [`TIMESTAMP_WORDS`] word are not searched:
/// the pattern's Unicode word boundaries make its search slow on non-ASCII
/// text, which most credits are not far from.
static TIMESTAMP_PRECHECK: LazyLock<WordPrecheck> =
    LazyLock::new(|| WordPrecheck::new(TIMESTAMP_WORDS));

/// Credits that cannot hold a weekday are not searched for one.
static WEEKDAY_PRECHECK: LazyLock<WordPrecheck> = LazyLock::new(|| WordPrecheck::new(WEEKDAYS));

/// Credits of pictures and media after the writer's ("Text: A Foto: B"):
/// the part from the label on is not a writing credit.
static MEDIA_CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:fotos?|photos?|photography|bilder?|illustrations?|grafik|graphics|kamera|camera|video)\s*:.*$")
        .unwrap_or_else(|_| never())
});

/// Full weekday names, wherever they stand.
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    let names = WEEKDAYS
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)\b(?:{names})\b")).unwrap_or_else(|_| never())
});

/// Times of day ("10:30 AM", "14.05 Uhr") left after a date is removed.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let zones: Vec<&str> = ZONE_ABBREVIATIONS
        .iter()
        .chain(GENERIC_US_ZONES)
        .map(|(z, _)| *z)
        .collect();
    Regex::new(&format!(
        r"(?i)\b\d{{1,2}}[:.]\d{{2}}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?(?:\s*(?:{}))?\b",
        zones.join("|")
    ))
    .unwrap_or_else(|_| never())
});

/// Separators between credits: punctuation and the name connectors as whole
/// words ("and", "&", "und", "et", "y", "e").
static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| {
    let words = NAME_CONNECTORS.join("|");
    Regex::new(&format!(r"(?i)\s*(?:[,;|/•·\n]|&|\s(?:{words})\s)\s*")).unwrap_or_else(|_| never())
});

/// Longest credit string read (chars): a credit longer than this is a bio or
/// a paragraph, and its head is all that can hold names.
const MAX_CREDIT_CHARS: usize = 300;

/// The first `max` chars of `text`.
pub(super) fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => text.get(..i).unwrap_or(text),
        None => text,
    }
}

fn never() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("the empty-class regex compiles"))
}

/// Splits one raw credit string into clean names, in order.
pub fn names_in_credit(raw: &str) -> Vec<String> {
    let raw = truncate_chars(raw, MAX_CREDIT_CHARS);
    let without_tail = if TIMESTAMP_PRECHECK.may_match(raw) {
        TIMESTAMP_TAIL.replace(raw, "")
    } else {
        Cow::Borrowed(raw)
    };
    // Each pattern runs only on text holding what it cannot match without.
    let without_media = if without_tail.contains(':') {
        MEDIA_CREDIT_TAIL.replace(&without_tail, "")
    } else {
        Cow::Borrowed(without_tail.as_ref())
    };
    let without_weekdays = if WEEKDAY_PRECHECK.may_match(&without_media) {
        WEEKDAY.replace_all(&without_media, " ")
    } else {
        Cow::Borrowed(without_media.as_ref())
    };
    let without_contacts = if may_hold_contact(&without_weekdays) {
        CONTACT.replace_all(&without_weekdays, " ")
    } else {
        Cow::Borrowed(without_weekdays.as_ref())
    };
    let without_dates = remove_dates(&without_contacts);
    let without_times = if without_dates.chars().any(char::is_numeric) {
        TIME_OF_DAY.replace_all(&without_dates, " ")
    } else {
        Cow::Borrowed(without_dates.as_str())
    };
    let names: Vec<String> = SEPARATORS
        .split(&without_times)
        .filter_map(clean_name)
        .collect();
    drop_datelines(names)
}

/// Whether `text` may hold what [`CONTACT`] removes: every email and
/// handle has an '@', every URL a "://" or a "www." ('w' has no other case
/// than 'W').
fn may_hold_contact(text: &str) -> bool {
    text.contains('@')
        || text.contains("://")
        || text
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."))
}

/// In a credit line that also names a person in full or an agency, a
/// one-word part is a dateline or an outlet ("PTI, Washington", "Jane Doe,
/// CNN"): people are credited with their full names.
fn drop_datelines(names: Vec<String>) -> Vec<String> {
    let one_word = |n: &String| !n.contains(' ') && !is_agency(n);
    if names.iter().all(one_word) {
        return names;
    }
    names.into_iter().filter(|n| !one_word(n)).collect()
}

/// Removes every written date from `text` (they sit beside names in bylines).
fn remove_dates(text: &str) -> String {
    let mut rest = text.to_string();
    // Each pass removes at least one char of a found date, so the loop ends;
    // the bound is a guard against a date the finder sees but cannot place.
    for _ in 0..4 {
        let Some(date) = dates::find_date_in_text(&rest) else {
            break;
        };
        let Some(span) = date_span(&rest, date) else {
            break;
        };
        rest.replace_range(span, " ");
    }
    rest
}

/// The byte span of the date `date` in `text`: from the last word start at
/// which the rest still holds the date, to the first end that keeps it.
fn date_span(text: &str, date: chrono::NaiveDate) -> Option<std::ops::Range<usize>> {
    let bounds: Vec<usize> = word_starts(text);
    let start = *bounds
        .iter()
        .rev()
        .find(|&&s| text.get(s..).and_then(dates::find_date_in_text) == Some(date))?;
    let end = bounds
        .iter()
        .copied()
        .filter(|&e| e > start)
        .chain(std::iter::once(text.len()))
        .find(|&e| text.get(start..e).and_then(dates::find_date_in_text) == Some(date))?;
    Some(start..end)
}

fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if prev_space && !c.is_whitespace() {
            starts.push(i);
        }
        prev_space = c.is_whitespace();
    }
    starts
}

/// One credit part to a name, or None when it is not shaped like one.
fn clean_name(part: &str) -> Option<String> {
    let part = after_last_by(part.trim());
    let part = strip_byline_prefix(part);
    let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
    let part = part.trim_end_matches('.').trim();
    let part = cut_trailing_phrase(part);
    let words = strip_roles(undouble(strip_weekday_abbreviation(
        part.split_whitespace().collect(),
    )));
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    let name = words.join(" ");
    if !looks_like_name(&words) || is_furniture(&name) || opens_with_article(&words, &name) {
        return None;
    }
    Some(fix_all_caps(&name))
}

/// "View all posts by Jane Doe" → "Jane Doe".
fn after_last_by(part: &str) -> &str {
    let lower = part.to_lowercase();
    match lower.rfind(" by ") {
        Some(i) if lower.len() == part.len() => part.get(i + 4..).unwrap_or(part),
        _ => part,
    }
}

/// Strips leading byline words ("By", "Von", "Written by:"), repeatedly.
fn strip_byline_prefix(part: &str) -> &str {
    let mut rest = part.trim_start();
    loop {
        let lower = rest.to_lowercase();
        let found = BYLINE_PREFIXES.iter().find(|p| {
            lower.starts_with(*p)
                && lower.len() == rest.len()
                && lower
                    .get(p.len()..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(|c| c.is_whitespace() || c == ':')
        });
        match found {
            Some(p) => {
                rest = rest
                    .get(p.len()..)
                    .unwrap_or("")
                    .trim_start_matches([':', ' ']);
            }
            None => return rest,
        }
    }
}

/// Cuts " for The Times", " in Berlin", " at CNN" after a name.
fn cut_trailing_phrase(part: &str) -> &str {
    let lower = part.to_lowercase();
    if lower.len() != part.len() {
        return part;
    }
    for joiner in [
        " for ", " in ", " at ", " from ", " für ", " pour ", " para ",
    ] {
        if let Some(i) = lower.find(joiner)
            && i > 0
        {
            return part.get(..i).unwrap_or(part);
        }
    }
    part
}

/// Whether `word` is a role word; hyphenated compounds count by their first
/// part ("Editor-at-large").
fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let first = lower.split('-').next().unwrap_or("");
    ROLE_WORDS.binary_search(&lower.as_str()).is_ok()
        || ROLE_WORDS.binary_search(&first).is_ok()
        || is_role_head(word)
}

/// Whether `word` is a role head; hyphenated compounds count by their first
/// or last part ("Editor-at-large", "Software-Redaktion").
fn is_role_head(word: &str) -> bool {
    let lower = word.to_lowercase();
    let first = lower.split('-').next().unwrap_or("");
    let last = lower.rsplit('-').next().unwrap_or("");
    [lower.as_str(), first, last]
        .iter()
        .any(|w| ROLE_HEADS.binary_search(w).is_ok())
}

/// Drops a weekday abbreviation ending a name ("Tomas Spahn Fr").
fn strip_weekday_abbreviation(mut words: Vec<&str>) -> Vec<&str> {
    let last = words
        .last()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase());
    if words.len() > 1
        && last.is_some_and(|l| WEEKDAY_ABBREVIATIONS.binary_search(&l.as_str()).is_ok())
    {
        words.pop();
    }
    words
}

/// "Olivier Minot Olivier Minot" → "Olivier Minot" (a name printed twice,
/// once for screens and once for screen readers).
fn undouble(words: Vec<&str>) -> Vec<&str> {
    let half = words.len() / 2;
    if half > 0 && words.len().is_multiple_of(2) && words.get(..half) == words.get(half..) {
        return words.get(..half).map(<[&str]>::to_vec).unwrap_or(words);
    }
    words
}

/// Removes a leading and a trailing run of role words when the run holds a
/// role head ("Senior Correspondent Jane Doe", "Jane Doe Staff Writer").
fn strip_roles(mut words: Vec<&str>) -> Vec<&str> {
    let lead = words.iter().take_while(|w| is_role_word(w)).count();
    if words.iter().take(lead).any(|w| is_role_head(w)) {
        words.drain(..lead);
    }
    let trail = words.iter().rev().take_while(|w| is_role_word(w)).count();
    let keep = words.len().saturating_sub(trail);
    if words.iter().skip(keep).any(|w| is_role_head(w)) {
        words.truncate(keep);
        // "AP Sports Writer", "Reuters Health Correspondent": the rest of a
        // job title that opens with an agency is a desk, not a name.
        if words.first().is_some_and(|w| is_agency(w)) {
            words.clear();
        }
    }
    words
}

/// Every word capitalised (or caseless), a name particle, or an initial; no
/// digits; at least one letter.
fn looks_like_name(words: &[&str]) -> bool {
    let has_letter = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    // Brackets and quotes belong to captions and headlines, not names.
    let no_brackets = words
        .iter()
        .all(|w| !w.contains(['(', ')', '[', ']', '"', '“', '”', '«', '»']));
    let no_digits = words.iter().all(|w| !w.chars().any(|c| c.is_ascii_digit()));
    let shaped = words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next();
        let lower = w.to_lowercase();
        let particle = i > 0 && NAME_PARTICLES.binary_search(&lower.as_str()).is_ok();
        particle || first.is_some_and(|c| !c.is_lowercase())
    });
    has_letter && no_digits && no_brackets && shaped
}

/// "The Russian (and Syrian defense ministries)": a credit opening with a
/// definite article names a group or an institution, unless it is an agency
/// ("The Associated Press").
fn opens_with_article(words: &[&str], name: &str) -> bool {
    let first = words.first().map(|w| w.to_lowercase());
    let article = first.is_some_and(|w| matches!(w.as_str(), "the" | "der" | "die" | "das"));
    article && words.len() > 1 && !is_agency(name)
}

/// Page furniture that survives the shape test ("Email The Author"), and
/// possessive phrases ("Ryan Reed's Most Recent Stories").
fn is_furniture(name: &str) -> bool {
    let lower = name.to_lowercase();
    let possessive = lower
        .split_whitespace()
        .any(|w| w.ends_with("'s") || w.ends_with("’s"));
    if possessive {
        return true;
    }
    NOT_NAME_WORDS.iter().any(|w| {
        if w.contains(' ') {
            lower.contains(w)
        } else {
            lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w)
        }
    })
}

/// "JANE DOE" → "Jane Doe", "Steffen PACHE" → "Steffen Pache": names set
/// in capitals by the page's markup. Agencies, one-word credits ("NDR") and
/// short words that may be initials ("JR") keep their capitals.
fn fix_all_caps(name: &str) -> String {
    // One word in capitals is an acronym ("NDR", "NASA"), not a shout; a
    // credit with non-name words ("PMJS - Coordenadoria") is an office.
    let person_shaped = name.split(' ').all(|w| w.chars().any(char::is_alphabetic));
    if is_agency(name) || !name.contains(' ') || !person_shaped {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let shouting = letters >= MIN_SHOUTED_LETTERS
                && !w.contains('.')
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            if !shouting {
                return w.to_string();
            }
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Shortest all-capital word read as a shouted name rather than initials.
const MIN_SHOUTED_LETTERS: usize = 3;

/// Whether `name` is a news agency ("AP", "Reuters", "dpa").
pub fn is_agency(name: &str) -> bool {
    let lower = name.to_lowercase();
    AGENCIES.binary_search(&lower.as_str()).is_ok()
}

/// Letters and digits only, lowercased: "The  New-York Times" → "thenewyorktimes".
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Names of several credit strings of one source, deduplicated
/// case-insensitively in page order.
pub fn names_in_credits<S: AsRef<str>>(credits: &[S]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for credit in credits {
        for name in names_in_credit(credit.as_ref()) {
            push_unique(&mut names, name);
        }
    }
    names
}

/// Names of credit strings, where a credit that is the site itself ("Jobs &
/// Hire") stays one (institutional) credit instead of being split.
pub fn names_in_site_credits<S: AsRef<str>>(credits: &[S], site_name: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for credit in credits {
        let credit = credit.as_ref();
        let is_site =
            site_name.is_some_and(|s| !squash(s).is_empty() && squash(s) == squash(credit));
        if is_site {
            push_unique(
                &mut names,
                credit.split_whitespace().collect::<Vec<_>>().join(" "),
            );
        } else {
            for name in names_in_credit(credit) {
                push_unique(&mut names, name);
            }
        }
    }
    names
}

/// Appends `name` unless an equal name (ignoring case) is already there.
pub fn push_unique(names: &mut Vec<String>, name: String) {
    let key = name.to_lowercase();
    if !names.iter().any(|n| n.to_lowercase() == key) {
        names.push(name);
    }
}

/// Whether a credit is an institution rather than a person: an agency or the
/// site itself (equal to, or part of, the site name: "Business Insider" on
/// "Business Insider Deutschland").
pub fn is_institution(name: &str, site_name: Option<&str>) -> bool {
    let name_key = squash(name);
    let site_key = site_name.map(squash).unwrap_or_default();
    let part_of_site =
        name_key.chars().count() >= MIN_SITE_PART_CHARS && site_key.contains(&name_key);
    is_agency(name)
        || (!site_key.is_empty() && (site_key == name_key || part_of_site))
        || is_site_desk(name, &site_key)
}

/// "Telegraph Sport" on The Telegraph: part of the site's name followed by
/// desk words only.
fn is_site_desk(name: &str, site_key: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let desk_start = words
        .iter()
        .position(|w| DESK_WORDS.binary_search(&squash(w).as_str()).is_ok());
    let Some(start) = desk_start.filter(|s| *s > 0) else {
        return false;
    };
    let all_desk = words
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .all(|w| DESK_WORDS.binary_search(&squash(w).as_str()).is_ok());
    let head = squash(&words.get(..start).unwrap_or(&[]).join(" "));
    all_desk && head.chars().count() >= MIN_SITE_PART_CHARS && site_key.contains(&head)
}

/// Shortest credit (letters and digits) matched inside a site name; shorter
/// ones ("AP") match by accident.
const MIN_SITE_PART_CHARS: usize = 4;

/// "Tom Davies Associated Press" → "Tom Davies"; "Elliot Brown Florida
/// Today" on Florida Today → "Elliot Brown": a byline whose credit line ran
/// the outlet into the name.
fn trim_institution_suffix(name: &str, site_name: Option<&str>) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    for cut in 1..words.len() {
        let (head, tail) = words.split_at(cut);
        let tail = tail.join(" ");
        let is_outlet = is_agency(&tail) || site_name.is_some_and(|s| squash(s) == squash(&tail));
        if is_outlet && head.len() >= 2 {
            return head.join(" ");
        }
    }
    name.to_string()
}

/// Cuts outlets run into names, drops the site's own name (a site crediting
/// itself credits no person), and drops agencies when a person is also
/// credited.
pub fn prefer_people(names: Vec<String>, site_name: Option<&str>) -> Vec<String> {
    let mut trimmed = Vec::new();
    for name in names {
        let name = fix_all_caps(&trim_institution_suffix(&name, site_name));
        if !is_institution(&name, site_name) || is_agency(&name) {
            push_unique(&mut trimmed, name);
        }
    }
    let has_person = trimmed.iter().any(|n| !is_agency(n));
    if has_person {
        trimmed.into_iter().filter(|n| !is_agency(n)).collect()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_glued_handles_and_possessives_are_not_names() {
        assert_eq!(
            names_in_credit("By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST"),
            vec!["Chris Pokorny"]
        );
        assert_eq!(
            names_in_credit("Ryan Reed, Ryan Reed's Most Recent Stories"),
            vec!["Ryan Reed"]
        );
    }

    #[test]
    fn a_desk_of_the_site_is_an_institution() {
        let site = Some("The Telegraph");
        assert!(is_institution("Telegraph Sport", site));
        assert!(is_institution(
            "Detroit News wire services",
            Some("The Detroit News")
        ));
        // A person whose surname is a desk word, or a desk of another paper.
        assert!(!is_institution("Jane Staff", site));
        assert!(!is_institution("Guardian Sport", site));
        assert!(!is_institution("Sport", site));
    }

    #[test]
    fn by_and_roles_are_stripped_and_names_split() {
        assert_eq!(
            names_in_credit("By Jane Doe and John Roe, Staff Writers"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(
            names_in_credit("Ann Lee, Bob Stone & Carla Diaz"),
            vec!["Ann Lee", "Bob Stone", "Carla Diaz"]
        );
        assert_eq!(
            names_in_credit("Senior Correspondent Jane Doe"),
            vec!["Jane Doe"]
        );
        assert_eq!(names_in_credit("Jane Doe Staff Writer"), vec!["Jane Doe"]);
    }

    #[test]
    fn other_languages_bylines() {
        assert_eq!(
            names_in_credit("Von Hans Müller und Eva Schmidt"),
            vec!["Hans Müller", "Eva Schmidt"]
        );
        assert_eq!(
            names_in_credit("Par Marie Dupont et Luc Martin"),
            vec!["Marie Dupont", "Luc Martin"]
        );
        assert_eq!(
            names_in_credit("Por Ana Gómez y Luis Pérez"),
            vec!["Ana Gómez", "Luis Pérez"]
        );
    }

    #[test]
    fn contacts_dates_and_updated_tails_are_removed() {
        assert_eq!(
            names_in_credit("By Jane Doe jane@example.com @janedoe | Updated 5 March 2020"),
            vec!["Jane Doe"]
        );
        assert_eq!(
            names_in_credit("Jane Doe November 19, 2019 10:30 AM"),
            vec!["Jane Doe"]
        );
        assert_eq!(
            names_in_credit("https://example.com/authors/jane"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn furniture_is_not_a_name() {
        assert!(names_in_credit("Email the author").is_empty());
        assert!(names_in_credit("Follow on Twitter").is_empty());
        assert_eq!(
            names_in_credit("View all posts by Jane Doe"),
            vec!["Jane Doe"]
        );
        assert!(names_in_credit("this story was reported by many people in the city").is_empty());
    }

    #[test]
    fn particles_and_capitals() {
        assert_eq!(
            names_in_credit("Isabel van Brugen"),
            vec!["Isabel van Brugen"]
        );
        assert_eq!(names_in_credit("BY JANE DOE"), vec!["Jane Doe"]);
        assert_eq!(names_in_credit("Steffen PACHE"), vec!["Steffen Pache"]);
        assert_eq!(names_in_credit("JR Smith"), vec!["JR Smith"]);
        assert_eq!(names_in_credit("NASA"), vec!["NASA"]);
        assert_eq!(
            names_in_credit("PMJS - Coordenadoria de TI"),
            vec!["PMJS - Coordenadoria de TI"]
        );
        assert_eq!(names_in_credit("Jane Doe in Washington"), vec!["Jane Doe"]);
        assert_eq!(
            names_in_credit("Brendan Carlin For The Mail"),
            vec!["Brendan Carlin"]
        );
        assert!(names_in_credit("Juan Hernández (izquierda").is_empty());
    }

    #[test]
    fn duplicates_are_dropped_case_insensitively_in_order() {
        let names = names_in_credits(&["Jane Doe", "John Roe", "JANE DOE"]);
        assert_eq!(names, vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn agencies_and_site_only_when_alone() {
        let both = names_in_credit("By Jane Doe and AP");
        assert_eq!(prefer_people(both, None), vec!["Jane Doe"]);
        let alone = names_in_credit("By Reuters");
        assert_eq!(prefer_people(alone, None), vec!["Reuters"]);
        let site = vec!["CNN".to_string(), "Jane Doe".to_string()];
        assert_eq!(prefer_people(site, Some("CNN")), vec!["Jane Doe"]);
        let part = vec!["Tanza Lou".to_string(), "Business Insider".to_string()];
        assert_eq!(
            prefer_people(part, Some("Business Insider Deutschland")),
            vec!["Tanza Lou"]
        );
    }

    #[test]
    fn media_credits_weekdays_and_doubled_names() {
        assert_eq!(
            names_in_credit("Interview: Jens Berg Foto: Mia Hud"),
            vec!["Jens Berg"]
        );
        assert_eq!(
            names_in_credit("Erstellt von Andri Bryner"),
            vec!["Andri Bryner"]
        );
        assert_eq!(
            names_in_credit("Tomas Spahn Fr, 12.03.2021"),
            vec!["Tomas Spahn"]
        );
        assert_eq!(
            names_in_credit("Donnerstag, 19. November 2019"),
            Vec::<String>::new()
        );
        assert_eq!(
            names_in_credit("Olivier Minot Olivier Minot"),
            vec!["Olivier Minot"]
        );
        assert_eq!(
            names_in_credit("Michael Humpa, CHIP Software-Redaktion"),
            vec!["Michael Humpa"]
        );
        assert!(names_in_credit("Super User").is_empty());
        assert!(names_in_credit("The Russian and Syrian defense ministries").is_empty());
        assert_eq!(
            names_in_credit("The Associated Press"),
            vec!["The Associated Press"]
        );
        assert!(names_in_credit("Redacción").is_empty());
    }

    #[test]
    fn the_site_as_credit_is_not_split() {
        let names = names_in_site_credits(&["Jobs & Hire"], Some("Jobs & Hire"));
        assert_eq!(names, vec!["Jobs & Hire"]);
    }

    #[test]
    fn agency_desks_and_outlets_run_into_names() {
        assert_eq!(
            names_in_credit("By Tom Krisher, AP Auto Writer"),
            vec!["Tom Krisher"]
        );
        assert_eq!(
            names_in_credit("Chris Cillizza, CNN Editor-at-large"),
            vec!["Chris Cillizza"]
        );
        assert_eq!(
            names_in_credit("PTI, Washington, Nov 20 2019, 10:18am ist"),
            vec!["PTI"]
        );
        assert_eq!(names_in_credit("By Regan"), vec!["Regan"]);
        let names = vec![
            "TOM DAVIES Associated Press".to_string(),
            "Eli Brown Florida Today".to_string(),
        ];
        assert_eq!(
            prefer_people(names, Some("Florida Today")),
            vec!["Tom Davies", "Eli Brown"]
        );
    }
}
