//! The headline: the metadata title with the site name cut off ("Headline |
//! Site", "Site: Headline"), checked against the `<h1>` the reader sees.

use std::sync::LazyLock;

use regex::Regex;

use super::authors::squash;
use super::dates;
use crate::rules::metadata::{DESK_WORDS, NOT_PUBLISHER_WORDS, TITLE_SEPARATORS};

/// How many times a title is cut: "Headline | Section | Site" needs two.
const MAX_TITLE_CUTS: usize = 3;

/// Generic second-level labels under country codes ("co.uk", "com.br").
const SECOND_LEVELS: &[&str] = &["ac", "co", "com", "edu", "gov", "ne", "net", "or", "org"];

/// Whether `part` names the site: equal (ignoring case, spaces and
/// punctuation) to the site name or to the host's main label
/// ("newsweek.com" → "newsweek"), or one containing the other.
fn is_site_part(part: &str, site_name: Option<&str>, host_label: Option<&str>) -> bool {
    let part_words = part.split_whitespace().count();
    let part = squash(part);
    if part.is_empty() {
        return false;
    }
    // One may contain the other ("The Example Times" / "Example Times"), but
    // a part much longer than the site is a headline that mentions it.
    let close = |other: &str, other_words: usize| {
        other == part
            || (other.contains(&part) && part.len() >= 3)
            || (part.contains(other) && part_words <= other_words + MAX_EXTRA_SITE_WORDS)
    };
    let site_match = site_name
        .filter(|s| !squash(s).is_empty())
        .is_some_and(|s| close(&squash(s), s.split_whitespace().count()));
    let host_match = host_label
        .map(squash)
        .is_some_and(|h| h == part || (h.len() >= 3 && close(&h, 1)));
    site_match || host_match
}

/// Words a title part may add to the site name and still be the site
/// ("Example Times Online", "Example Times | Breaking News").
const MAX_EXTRA_SITE_WORDS: usize = 2;

/// Whether `a` and `b` are the same headline (ignoring case, spacing and
/// punctuation).
pub fn same_headline(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    !a.is_empty() && a == b
}

/// The main label of a URL's host: "https://www.newsweek.com/x" → "newsweek".
pub fn host_label(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    // The label before the public suffix; a country code after a generic
    // second level ("co.uk", "com.au") is a two-label suffix.
    let n = labels.len();
    let two_label_suffix = match labels.as_slice() {
        [.., second, tld] if n >= 3 => tld.len() == 2 && SECOND_LEVELS.contains(second),
        _ => false,
    };
    let pick = if two_label_suffix {
        labels.get(n - 3)
    } else if n >= 2 {
        labels.get(n - 2)
    } else {
        labels.first()
    };
    pick.map(|l| l.to_string())
}

/// Cuts site-name prefixes and suffixes off `title`. A part is cut when it
/// names the site, or when the rest equals an `<h1>` of the page.
pub fn strip_site(
    title: &str,
    site_name: Option<&str>,
    host_label: Option<&str>,
    h1s: &[&str],
) -> String {
    let mut title = title.trim().to_string();
    for _ in 0..MAX_TITLE_CUTS {
        match cut_once(&title, site_name, host_label, h1s) {
            Some(shorter) => title = shorter,
            None => break,
        }
    }
    title
}

fn cut_once(
    title: &str,
    site_name: Option<&str>,
    host_label: Option<&str>,
    h1s: &[&str],
) -> Option<String> {
    let matches_h1 = |rest: &str| h1s.iter().any(|h| same_headline(h, rest));
    // "Headline | DW | 23.05.2011": a trailing date is not the headline.
    let is_date =
        |part: &str| part.split_whitespace().count() <= 4 && dates::parse_date(part).is_some();
    let seps = separator_spans(title);
    // Suffixes: cut at the first separator whose next part names the site
    // ("Headline - Site - tagline"), or whose rest is the h1 or a date.
    for (i, &(start, end)) in seps.iter().enumerate() {
        let rest = title.get(..start)?;
        let next_end = seps.get(i + 1).map_or(title.len(), |s| s.0);
        let part = title.get(end..next_end)?;
        let tail = title.get(end..)?;
        let cut = is_site_part(part, site_name, host_label) || matches_h1(rest) || is_date(tail);
        if cut && is_headline_sized(rest) {
            return Some(rest.trim().to_string());
        }
    }
    // Prefixes: "Site: Headline", "Site | Section | Headline".
    for (i, &(start, end)) in seps.iter().enumerate().rev() {
        let rest = title.get(end..)?;
        let prev_start = if i == 0 {
            0
        } else {
            seps.get(i - 1).map_or(0, |s| s.1)
        };
        let part = title.get(prev_start..start)?;
        if is_headline_sized(rest)
            && (is_site_part(part, site_name, host_label) || matches_h1(rest))
        {
            return Some(rest.trim().to_string());
        }
    }
    None
}

/// Fewest letters and digits a cut title keeps: less is punctuation left of
/// a decorated site name (".:: Site ::."), not a headline.
const MIN_HEADLINE_ALNUM: usize = 3;

fn is_headline_sized(rest: &str) -> bool {
    rest.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_HEADLINE_ALNUM
}

/// The byte spans of the separators in `title`, left to right, not
/// overlapping (at each place the longest separator wins).
fn separator_spans(title: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < title.len() {
        let here = title.get(at..).unwrap_or("");
        let found = TITLE_SEPARATORS
            .iter()
            .filter(|sep| here.starts_with(*sep))
            .max_by_key(|sep| sep.len());
        match found {
            Some(sep) => {
                spans.push((at, at + sep.len()));
                at += sep.len();
            }
            None => {
                at += here.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    spans
}

/// The first and last parts of a title split at its separators (where a
/// site shows its name): "Headline | Section | Site" → ["Headline", "Site"].
pub fn outer_parts(title: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for sep in TITLE_SEPARATORS {
        if let (Some(first), Some(last)) = (title.find(sep), title.rfind(sep)) {
            parts.extend(title.get(..first).map(str::trim).map(str::to_string));
            parts.extend(
                title
                    .get(last + sep.len()..)
                    .map(str::trim)
                    .map(str::to_string),
            );
        }
    }
    parts
}

/// A site name without the tagline after its first separator: "Boxen – Alle
/// News, Tickets und Termine" → "Boxen".
pub fn without_tagline(name: &str) -> String {
    let name = name.trim();
    let cut = TAGLINE_SEPARATORS
        .iter()
        .filter_map(|sep| name.find(sep))
        .min()
        .unwrap_or(name.len());
    name.get(..cut).unwrap_or(name).trim().to_string()
}

/// A site name as readers write it: a domain without its "www.".
pub fn without_www(name: &str) -> String {
    let name = name.trim();
    match name.get(..4) {
        Some(prefix) if prefix.eq_ignore_ascii_case("www.") && name.len() > 4 => {
            name.get(4..).unwrap_or(name).to_string()
        }
        _ => name.to_string(),
    }
}

/// The publisher a copyright line names ("© 2019 Ascom. All rights
/// reserved." → "Ascom"): the words after the mark and the years, up to the
/// first sentence or part separator; None when that is not a short name.
pub fn site_from_copyright(line: &str) -> Option<String> {
    let rest = COPYRIGHT_LEAD.replace(line.trim(), "");
    let head = COPYRIGHT_END
        .split(&rest)
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.');
    let name = YEARS.replace_all(head, " ");
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = name.split_whitespace().count();
    let lower = name.to_lowercase();
    let starts_with_capital = name.chars().next().is_some_and(char::is_uppercase);
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let generic =
        lower.contains("rights") || lower.starts_with("all ") || lower.contains("reserved");
    // Photo credits ("© AdobeStock.com/Hermann") and desks ("© Redaktion").
    let credit = NOT_PUBLISHER_WORDS.iter().any(|w| lower.contains(w))
        || DESK_WORDS.binary_search(&lower.as_str()).is_ok();
    let generic = generic || credit;
    let shaped = (1..=MAX_COPYRIGHT_NAME_WORDS).contains(&words)
        && starts_with_capital
        && letters >= MIN_COPYRIGHT_NAME_LETTERS;
    (shaped && !generic).then_some(name)
}

/// Fewest letters of a publisher named in a copyright line ("St" of a
/// cut "St. Mary's" is not one).
const MIN_COPYRIGHT_NAME_LETTERS: usize = 3;

/// Where the publisher's name in a copyright line ends: a part separator,
/// or a period that ends a sentence (not the one of "e.V." or "Inc.").
static COPYRIGHT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s[|·/–—-]\s|[|;,]|\.\s+[A-Z]").unwrap_or_else(|_| dates::never())
});

/// Years and year ranges anywhere in a copyright line.
static YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").unwrap_or_else(|_| dates::never()));

/// Most words of a publisher named in a copyright line; more is a sentence.
const MAX_COPYRIGHT_NAME_WORDS: usize = 5;

/// The copyright mark, the years and "by" before the publisher's name.
static COPYRIGHT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s|©|\(c\)|&copy;|copyright|by\b|\d{4}|[-–,:])*")
        .unwrap_or_else(|_| dates::never())
});

/// Separators between a site name and its tagline.
const TAGLINE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · "];

/// The site name a `<title>` reveals: its last separated part when the rest
/// is the page's `<h1>` or the part matches the host ("Headline | Site").
pub fn site_from_title(title: &str, host_label: Option<&str>, h1s: &[&str]) -> Option<String> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let i = title.rfind(sep)?;
        let (rest, suffix) = (title.get(..i)?, title.get(i + sep.len()..)?.trim());
        let by_h1 = h1s.iter().any(|h| same_headline(h, rest));
        let by_host = host_label.is_some_and(|h| is_site_part(suffix, None, Some(h)));
        ((by_h1 || by_host) && !suffix.is_empty()).then(|| suffix.to_string())
    })
}

/// Most words of a metadata title that may be CMS junk when no other title
/// of the page agrees with it.
const MAX_JUNK_TITLE_WORDS: usize = 2;

/// Longest `<h1>` read as a headline (chars); longer ones are containers
/// or script residue.
const MAX_HEADLINE_CHARS: usize = 300;

/// Shortest word counted when comparing an `<h1>` with the metadata title:
/// shorter words are mostly articles and prepositions.
const MIN_CONTENT_WORD_CHARS: usize = 4;

/// Shared content words that make an `<h1>` of three or more words the
/// same story as the metadata title, worded for the reader.
const MIN_SHARED_WORDS: usize = 2;

/// Lowercase words of `text` with at least [`MIN_CONTENT_WORD_CHARS`] chars.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_CONTENT_WORD_CHARS)
        .map(str::to_lowercase)
        .collect()
}

/// How well `h1` matches the metadata title `meta`: None when it is not the
/// same story, else the number of shared content words (equal or
/// containing headlines score highest).
fn h1_match(h1: &str, meta: &str, raw_meta: &str) -> Option<usize> {
    let (h, m) = (squash(h1), squash(meta.trim_end_matches(['…', '.'])));
    if h.is_empty() {
        return None;
    }
    let in_raw = squash(raw_meta).contains(&h);
    if h == m || in_raw || (!m.is_empty() && (h.starts_with(&m) || m.contains(&h))) {
        return Some(usize::MAX);
    }
    // "Kicker Headline" in the <h1> around the metadata's "Headline": the
    // kicker is a label above the headline, not part of it.
    if !m.is_empty() && h.ends_with(&m) {
        return None;
    }
    let meta_words = content_words(meta);
    let h1_words = content_words(h1);
    let shared = h1_words.iter().filter(|w| meta_words.contains(w)).count();
    let long_enough = h1.split_whitespace().count() >= 3;
    let same_story = (long_enough && shared >= MIN_SHARED_WORDS)
        || (shared >= 1 && shared * 2 >= h1_words.len());
    same_story.then_some(shared)
}

/// Whether the `<h1>` text `h1` tells the same story as the title `title`.
pub fn same_story(h1: &str, title: &str) -> bool {
    h1_match(h1, title, title).is_some()
}

/// Picks the headline as the reader sees it: the `<h1>` that tells the same
/// story as the metadata title (pages often give search engines another
/// wording), else the first metadata title with the site cut off; with no
/// metadata title, the first `<h1>`. `<h1>`s that are the site's name, or
/// too long to be a headline, are never taken.
pub fn choose(
    meta_titles: &[String],
    site_name: Option<&str>,
    host_label: Option<&str>,
    h1s: &[&str],
) -> Option<String> {
    let site_squashed = site_name.map(squash).unwrap_or_default();
    let h1s: Vec<&str> = h1s
        .iter()
        .copied()
        .filter(|h| squash(h) != site_squashed && h.chars().count() <= MAX_HEADLINE_CHARS)
        .collect();
    let stripped: Vec<(String, &String)> = meta_titles
        .iter()
        .map(|t| (strip_site(t, site_name, host_label, &h1s), t))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    // A one- or two-word title that shares nothing with the page's other
    // titles is CMS junk ("escenic" as a JSON-LD headline): the first title
    // that is longer or agrees with another wins.
    let agrees = |(i, (t, _)): &(usize, &(String, &String))| {
        stripped.len() < 2
            || t.split_whitespace().count() > MAX_JUNK_TITLE_WORDS
            || stripped.iter().enumerate().any(|(j, (o, _))| {
                j != *i && (h1_match(t, o, o).is_some() || h1_match(o, t, t).is_some())
            })
    };
    let meta = stripped
        .iter()
        .enumerate()
        .find(|entry| agrees(entry))
        .or_else(|| stripped.iter().enumerate().next())
        .map(|(_, (t, raw))| (t.clone(), *raw));
    let Some((meta, raw_meta)) = meta else {
        return h1s.first().map(|h| h.to_string());
    };
    let mut best: Option<(usize, &str)> = None;
    for h in &h1s {
        if let Some(score) = h1_match(h, &meta, raw_meta)
            && best.is_none_or(|(b, _)| score > b)
        {
            best = Some((score, h));
        }
    }
    Some(best.map_or(meta, |(_, h)| h.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_lines_name_their_publisher() {
        assert_eq!(site_from_copyright("©2019 Ascom").as_deref(), Some("Ascom"));
        assert_eq!(
            site_from_copyright("Copyright © 2005-2019 Example Media. All rights reserved.")
                .as_deref(),
            Some("Example Media")
        );
        assert_eq!(site_from_copyright("© 2019 All rights reserved."), None);
        assert_eq!(
            site_from_copyright("© Bundeskriminalamt 2022").as_deref(),
            Some("Bundeskriminalamt")
        );
        assert_eq!(
            site_from_copyright("© 2022 Deutscher Verband e.V. Alle Rechte").as_deref(),
            Some("Deutscher Verband e.V")
        );
        assert_eq!(site_from_copyright("© 2019 ·"), None);
        assert_eq!(site_from_copyright("© AdobeStock.com/Hermann"), None);
        assert_eq!(site_from_copyright("© Getty Images"), None);
        assert_eq!(site_from_copyright("© Redaktion"), None);
        assert_eq!(
            site_from_copyright("© 2019 this text belongs to whoever wrote it first, really"),
            None
        );
    }

    #[test]
    fn www_is_cut_from_domains_only() {
        assert_eq!(without_www("www.wday.ru"), "wday.ru");
        assert_eq!(without_www("WWW.Example.com"), "Example.com");
        assert_eq!(without_www("Wired"), "Wired");
    }

    #[test]
    fn suffix_naming_the_site_is_cut() {
        assert_eq!(
            strip_site("Big News | Example Times", Some("Example Times"), None, &[]),
            "Big News"
        );
        assert_eq!(
            strip_site(
                "Big News - Example Times",
                Some("The Example Times"),
                None,
                &[]
            ),
            "Big News"
        );
        assert_eq!(
            strip_site("Big News — Newsweek", None, Some("newsweek"), &[]),
            "Big News"
        );
    }

    #[test]
    fn section_and_site_are_both_cut_when_h1_matches() {
        assert_eq!(
            strip_site(
                "Big News | World | Example",
                Some("Example"),
                None,
                &["Big News"]
            ),
            "Big News"
        );
    }

    #[test]
    fn a_headline_that_mentions_the_site_is_not_cut() {
        let t = "The Guardian view on Hong Kong: a city on the brink";
        assert_eq!(
            strip_site(t, Some("the Guardian"), Some("theguardian"), &[]),
            t
        );
    }

    #[test]
    fn trailing_date_and_short_site_are_cut() {
        let t = "La perte des terres | DW | 23.05.2011";
        assert_eq!(
            strip_site(t, Some("DW.COM"), Some("dw"), &[]),
            "La perte des terres"
        );
    }

    #[test]
    fn site_in_the_middle_cuts_its_tagline_too() {
        let t = "Ladensterben immer dramatischer - Journalistenwatch e.V. - Aktuelle Geschehnisse";
        assert_eq!(
            strip_site(t, Some("Journalistenwatch"), None, &[]),
            "Ladensterben immer dramatischer"
        );
    }

    #[test]
    fn decorated_site_names_leave_the_title_whole() {
        let t = ".:: NMB-MEDIA ::. eBay-Templates, JTL-Wawi / Eazyauction";
        assert_eq!(strip_site(t, None, Some("nmb-media"), &[]), t);
    }

    #[test]
    fn prefix_site_is_cut() {
        assert_eq!(
            strip_site("Example: Big News", Some("Example"), None, &[]),
            "Big News"
        );
    }

    #[test]
    fn a_dash_inside_the_headline_stays() {
        // Neither part is the site, and the h1 is the whole title.
        let t = "Brexit - what happens next";
        assert_eq!(strip_site(t, Some("Example"), None, &[t]), t);
    }

    #[test]
    fn h1_replaces_a_truncated_meta_title() {
        let metas = vec!["A very long headline that was cut…".to_string()];
        let h1 = "A very long headline that was cut short by the CMS";
        assert_eq!(choose(&metas, None, None, &[h1]).as_deref(), Some(h1));
    }

    #[test]
    fn the_visible_h1_wins_over_an_seo_title_of_the_same_story() {
        let metas = vec![
            "Delhi air pollution: The law that’s helping fuel the city’s poor air quality"
                .to_string(),
        ];
        let h1 = "The law that’s helping fuel Delhi’s deadly air pollution";
        assert_eq!(
            choose(&metas, None, None, &["Menu", h1]).as_deref(),
            Some(h1)
        );
    }

    #[test]
    fn a_kicker_run_into_the_h1_is_left_out() {
        let metas = vec!["Wie Firmen ihre Beschäftigten schützen".to_string()];
        let h1 = "Abstandsregeln und Fieberkontrollen: Wie Firmen ihre Beschäftigten schützen";
        assert_eq!(
            choose(&metas, None, None, &[h1]).as_deref(),
            Some("Wie Firmen ihre Beschäftigten schützen")
        );
    }

    #[test]
    fn an_h1_whole_in_the_raw_title_is_kept_whole() {
        // The site-prefix cut removed "9to5Mac Gift Guide"; the h1 has it.
        let metas = vec!["9to5Mac Gift Guide: What to buy - 9to5Mac".to_string()];
        let h1 = "9to5Mac Gift Guide: What to buy";
        assert_eq!(
            choose(&metas, Some("9to5Mac"), None, &[h1]).as_deref(),
            Some(h1)
        );
    }

    #[test]
    fn a_junk_metadata_title_gives_way_to_the_agreeing_ones() {
        let metas = vec![
            "escenic".to_string(),
            "Plumber jailed after boiler killed daughter".to_string(),
            "Plumber jailed after boiler killed daughter - Telegraph".to_string(),
        ];
        assert_eq!(
            choose(&metas, Some("Telegraph"), None, &[]).as_deref(),
            Some("Plumber jailed after boiler killed daughter")
        );
    }

    #[test]
    fn unrelated_h1s_do_not_replace_the_title() {
        let metas = vec!["Three Cases of Plague Diagnosed in China".to_string()];
        assert_eq!(
            choose(&metas, None, None, &["Smart News", "Offices"]).as_deref(),
            Some("Three Cases of Plague Diagnosed in China")
        );
    }

    #[test]
    fn site_logo_h1_is_not_the_headline() {
        assert_eq!(
            choose(&[], Some("Example"), None, &["Example", "Story"]).as_deref(),
            Some("Story")
        );
    }

    #[test]
    fn site_name_from_title_suffix() {
        assert_eq!(
            site_from_title("Story | Example Daily", None, &["Story"]).as_deref(),
            Some("Example Daily")
        );
        assert_eq!(
            site_from_title("Story - Newsweek", Some("newsweek"), &[]).as_deref(),
            Some("Newsweek")
        );
        assert_eq!(site_from_title("Story - Part two", None, &[]), None);
    }

    #[test]
    fn taglines_are_cut_from_site_names() {
        assert_eq!(without_tagline("Boxen – Alle News und Termine"), "Boxen");
        assert_eq!(
            without_tagline(" The Jerusalem Post | JPost.com "),
            "The Jerusalem Post"
        );
        assert_eq!(
            without_tagline("NBC 5 Dallas-Fort Worth"),
            "NBC 5 Dallas-Fort Worth"
        );
    }

    #[test]
    fn outer_parts_of_a_title() {
        assert_eq!(
            outer_parts("Headline | World | Site"),
            vec!["Headline", "Site"]
        );
        assert!(outer_parts("No separator").is_empty());
    }

    #[test]
    fn host_labels() {
        assert_eq!(
            host_label("https://www.newsweek.com/x").as_deref(),
            Some("newsweek")
        );
        assert_eq!(
            host_label("https://www.bbc.co.uk/news").as_deref(),
            Some("bbc")
        );
        assert_eq!(
            host_label("https://edition.cnn.com/x").as_deref(),
            Some("cnn")
        );
        assert_eq!(
            host_label("https://www.folha.com.br/x").as_deref(),
            Some("folha")
        );
        assert_eq!(host_label("not a url"), None);
    }
}
