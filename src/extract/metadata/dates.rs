//! Dates: parse the date formats pages use (ISO 8601, compact, epoch, and
//! written dates of English, German, French, Spanish and Portuguese pages),
//! find dates in URLs and in visible text, and reject implausible ones.
//!
//! The date of a timestamp is its calendar day as written by the publisher:
//! `2019-11-19T23:30:00-05:00` is 2019-11-19, never converted to UTC.

use std::sync::LazyLock;

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};
use regex::Regex;

use crate::extract::PageContext;
use crate::pattern::{AsciiFirst, Unfiltered};
use crate::rules::metadata::{
    FUTURE_DATE_TOLERANCE_DAYS, GENERIC_US_ZONES, MIN_PUBLICATION_YEAR, MONTH_NAMES,
    US_DAYLIGHT_MONTHS, ZONE_ABBREVIATIONS,
};

/// `2019-11-19`, `2019/11/19` or `2019.11.19` at the start of a value.
static ISO_START: AsciiFirst = AsciiFirst::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])");

/// `20191119` (alone or before a `T` time) at the start of a value.
static COMPACT_START: AsciiFirst = AsciiFirst::new(r"^(\d{4})(\d{2})(\d{2})(?:$|T)");

/// A Unix timestamp in seconds (10 digits) or milliseconds (13 digits).
static EPOCH: AsciiFirst = AsciiFirst::new(r"^(\d{10})(\d{3})?$");

/// An ISO date anywhere in a text.
static ISO_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap_or_else(|_| never()));

/// `19.11.2019` (German and much of Europe: day first).
static DOTTED_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").unwrap_or_else(|_| never())
});

/// `19/11/2019` or `11/19/2019`: read only when the order is unambiguous.
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").unwrap_or_else(|_| never()));

/// Words that introduce a modification date ("Updated", "Aktualisiert",
/// "Mis à jour"): a date after them is not the publication date.
static UPDATE_WORD: LazyLock<Unfiltered> = LazyLock::new(|| {
    Unfiltered::new(
        r"(?i)\b(?:updated|last modified|modified|aktualisiert|zuletzt geändert|mis à jour|actualizado|atualizado|aggiornato)\b",
    )
});

/// An ISO timestamp with a time of day, capturing what follows the time
/// (the zone designator, if any).
static ISO_TIMESTAMP: AsciiFirst =
    AsciiFirst::new(r"^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(.*)$");

/// A zone designator of UTC itself.
static UTC_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:z|utc|gmt|[+-]00(?::?00)?)$").unwrap_or_else(|_| never())
});

/// The alternation of all month names, longest first so that "march" wins
/// over "mar".
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTH_NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// Day before month: `19 November 2019`, `19. November 2019`,
/// `19 de noviembre de 2019`, `1er janvier 2020`, `19 nov. 2019`.
static DAY_MONTH_YEAR: LazyLock<Unfiltered> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(\d{{1,2}})(?:\.|º|er|st|nd|rd|th)?\s*(?:de\s+|of\s+)?({})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})\b",
        month_alternation()
    );
    Unfiltered::new(&pattern)
});

/// Month before day: `November 19, 2019`, `Nov. 19th 2019`.
static MONTH_DAY_YEAR: LazyLock<Unfiltered> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
        month_alternation()
    );
    Unfiltered::new(&pattern)
});

/// URL paths: `/2019/11/19/`, `/2019-11-19/`, `_2019-11-19.html`, `/20191119/`.
static URL_DATE: AsciiFirst = AsciiFirst::new(
    r"(?:/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$|[-_.]))|(?:[/_-](\d{4})-(\d{2})-(\d{2})(?:[/_.-]|$))|(?:/(\d{4})(\d{2})(\d{2})(?:/|$))",
);

/// The patterns above are constants known to compile; this only satisfies
/// the no-`unwrap` rule with a regex that matches nothing.
pub(super) fn never() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("the empty-class regex compiles"))
}

/// Whether `text` holds four digits in a row. Every pattern above needs a
/// four-digit year (or more digits), so a text without one cannot match
/// and is not searched at all. `char::is_numeric` holds for every `\d`
/// digit of any script (and for more), so the check never turns a match
/// away.
pub(super) fn has_year_digits(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_numeric() {
            run += 1;
            if run >= 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The month number of a (lowercase or not) month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTH_NAMES
        .binary_search_by(|(n, _)| (*n).cmp(lower.as_str()))
        .ok()
        .and_then(|i| MONTH_NAMES.get(i))
        .map(|(_, m)| *m)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parses a date value of a meta tag, JSON-LD property or `datetime`
/// attribute: ISO 8601 (date part as written), compact, epoch, or a written
/// date anywhere in the value.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if !has_year_digits(value) {
        return None;
    }
    if let Some(c) = ISO_START.captures(value) {
        return ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str());
    }
    if let Some(c) = COMPACT_START.captures(value) {
        return ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str());
    }
    if let Some(c) = EPOCH.captures(value) {
        let seconds: i64 = c.get(1)?.as_str().parse().ok()?;
        return DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive());
    }
    find_date_in_text(value)
}

/// Whether `value` is a timestamp written in UTC ("Z", "+00:00", "GMT", a
/// Unix epoch), whose calendar day may be a day off the publisher's local
/// day: "2019-11-20T01:53Z" is the evening of 19 November in Los Angeles.
/// Zoneless timestamps are taken as the publisher's local time.
pub fn is_utc_timestamp(value: &str) -> bool {
    let value = value.trim();
    if !has_year_digits(value) {
        return false;
    }
    if EPOCH.is_match(value) {
        return true;
    }
    ISO_TIMESTAMP
        .captures(value)
        .and_then(|c| c.get(1))
        .is_some_and(|zone| UTC_ZONE.is_match(zone.as_str().trim()))
}

/// The date and clock of an ISO timestamp, to the second.
static ISO_CLOCK: AsciiFirst =
    AsciiFirst::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?");

/// A clock time followed by a zone abbreviation: "10:31 pm CST",
/// "18.54 GMT", "8:03 am ET", "11:06am IST".
static CLOCK_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*\(?([a-z]{2,4})\b")
        .unwrap_or_else(|_| never())
});

/// The date and clock an ISO timestamp shows, whatever its zone.
pub fn wall_clock(value: &str) -> Option<NaiveDateTime> {
    if !has_year_digits(value) {
        return None;
    }
    let c = ISO_CLOCK.captures(value.trim())?;
    let part = |i: usize| c.get(i).map_or(Some(0), |m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(c.get(1)?.as_str().parse().ok()?, part(2)?, part(3)?)?;
    date.and_hms_opt(part(4)?, part(5)?, part(6)?)
}

/// The UTC instant of a timestamp written in UTC (see [`is_utc_timestamp`]).
pub fn utc_instant(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    if !is_utc_timestamp(value) {
        return None;
    }
    if let Some(c) = EPOCH.captures(value) {
        let seconds: i64 = c.get(1)?.as_str().parse().ok()?;
        return DateTime::from_timestamp(seconds, 0).map(|t| t.naive_utc());
    }
    wall_clock(value)
}

/// A timestamp with a non-UTC offset whose clock reading another source of
/// the page gives as UTC ("2019-11-20T04:31:13-06:00" beside
/// "2019-11-20T04:31:13+00:00"): a CMS stamping UTC time with the site's
/// offset. Returns that UTC instant; the offset one would put the day off.
pub fn mislabelled_utc<'a>(
    value: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Option<NaiveDateTime> {
    if !is_local_day(value) {
        return None;
    }
    let clock = wall_clock(value)?;
    others
        .into_iter()
        .filter_map(utc_instant)
        .find(|other| *other == clock)
}

/// The UTC offset (minutes) of the first zone abbreviation printed after a
/// clock time in `text` ("Updated 10:01 pm PST" → -480). `month` (1-12)
/// chooses daylight time for the US generic zones ("ET").
pub fn zone_offset_in_text(text: &str, month: u32) -> Option<i32> {
    // A clock time needs digits.
    if !text.chars().any(char::is_numeric) {
        return None;
    }
    CLOCK_ZONE.captures_iter(text).find_map(|c| {
        let zone = c.get(1)?.as_str().to_lowercase();
        let lookup = |table: &[(&str, i32)]| {
            table
                .binary_search_by(|(z, _)| (*z).cmp(zone.as_str()))
                .ok()
                .and_then(|i| table.get(i))
                .map(|(_, offset)| *offset)
        };
        lookup(ZONE_ABBREVIATIONS).or_else(|| {
            let daylight = if US_DAYLIGHT_MONTHS.contains(&month) {
                60
            } else {
                0
            };
            lookup(GENERIC_US_ZONES).map(|standard| standard + daylight)
        })
    })
}

/// Whether `value` shows the publisher's own calendar day for sure: a date
/// without a time, or a timestamp with a non-UTC offset.
pub fn is_local_day(value: &str) -> bool {
    let value = value.trim();
    if !has_year_digits(value) {
        return false;
    }
    if ISO_START.is_match(value) && !ISO_TIMESTAMP.is_match(value) {
        return true;
    }
    ISO_TIMESTAMP
        .captures(value)
        .and_then(|c| c.get(1))
        .is_some_and(|zone| {
            let zone = zone.as_str().trim();
            !zone.is_empty() && !UTC_ZONE.is_match(zone)
        })
}

/// The first written date in `text` (earliest position wins), in any of the
/// supported formats and languages.
pub fn find_date_in_text(text: &str) -> Option<NaiveDate> {
    if !has_year_digits(text) {
        return None;
    }
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |start: usize, date: Option<NaiveDate>| {
        if let Some(date) = date
            && best.is_none_or(|(s, _)| start < s)
        {
            best = Some((start, date));
        }
    };
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let date = (|| {
            let month = month_number(c.get(2)?)?;
            NaiveDate::from_ymd_opt(c.get(3)?.parse().ok()?, month, c.get(1)?.parse().ok()?)
        })();
        if date.is_some() {
            consider(c.start(), date);
            break;
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        let date = (|| {
            let month = month_number(c.get(1)?)?;
            NaiveDate::from_ymd_opt(c.get(3)?.parse().ok()?, month, c.get(2)?.parse().ok()?)
        })();
        if date.is_some() {
            consider(c.start(), date);
            break;
        }
    }
    if let Some(c) = ISO_IN_TEXT.captures(text) {
        let date = (|| ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str()))();
        consider(c.get(0).map_or(0, |m| m.start()), date);
    }
    if let Some(c) = DOTTED_DMY.captures(text) {
        let date = (|| ymd(c.get(3)?.as_str(), c.get(2)?.as_str(), c.get(1)?.as_str()))();
        consider(c.get(0).map_or(0, |m| m.start()), date);
    }
    if let Some(c) = SLASHED.captures(text) {
        consider(c.get(0).map_or(0, |m| m.start()), unambiguous_slashed(&c));
    }
    best.map(|(_, d)| d)
}

/// The first written date of `text` that comes before any "Updated" word
/// ("Published 3 May 2020, updated 5 May 2020" → 3 May; "Updated 5 May
/// 2020" → None).
pub fn published_date_in_text(text: &str) -> Option<NaiveDate> {
    if !has_year_digits(text) {
        return None;
    }
    let end = UPDATE_WORD.find_start(text).unwrap_or(text.len());
    text.get(..end).and_then(find_date_in_text)
}

/// `a/b/yyyy` read as day/month when `a` > 12, month/day when `b` > 12, and
/// not at all when both are 12 or less (the page's convention is unknown).
fn unambiguous_slashed(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    let a: u32 = c.get(1)?.as_str().parse().ok()?;
    let b: u32 = c.get(2)?.as_str().parse().ok()?;
    let year: i32 = c.get(3)?.as_str().parse().ok()?;
    match (a > 12, b > 12) {
        (true, false) => NaiveDate::from_ymd_opt(year, b, a),
        (false, true) => NaiveDate::from_ymd_opt(year, a, b),
        _ => None,
    }
}

/// The date in a URL path (`/2019/11/19/`, `/2019-11-19/`, `/20191119/`).
/// A path with only a year and month gives no date.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if !has_year_digits(path) {
        return None;
    }
    URL_DATE.captures_iter(path).find_map(|c| {
        let groups = [(1, 2, 3), (4, 5, 6), (7, 8, 9)];
        groups
            .iter()
            .find_map(|&(y, m, d)| ymd(c.get(y)?.as_str(), c.get(m)?.as_str(), c.get(d)?.as_str()))
    })
}

/// Whether the URL's date is a run of path folders (`/2019/11/19/`,
/// `/2019-11-19/`, `/20191119/`) rather than part of a slug
/// (`/story-title-2019-11-19/`).
pub fn url_date_in_folders(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if !has_year_digits(path) {
        return false;
    }
    URL_FOLDER_DATE.is_match(path)
}

/// URL dates that are whole folders of the path.
static URL_FOLDER_DATE: AsciiFirst =
    AsciiFirst::new(r"/\d{4}/\d{1,2}/\d{1,2}(?:/|$)|/\d{4}-\d{2}-\d{2}(?:/|$)|/\d{8}(?:/|$)");

/// The latest acceptable publication day: the fetch day (or today) plus the
/// time-zone tolerance.
pub fn latest_allowed(ctx: &PageContext) -> NaiveDate {
    let reference = ctx.fetched_at.unwrap_or_else(Utc::now).date_naive();
    reference
        .checked_add_days(Days::new(FUTURE_DATE_TOLERANCE_DAYS.unsigned_abs()))
        .unwrap_or(reference)
}

/// Whether `date` can be a publication date of a page known by `ctx`.
pub fn is_plausible(date: NaiveDate, ctx: &PageContext) -> bool {
    use chrono::Datelike;
    date.year() >= MIN_PUBLICATION_YEAR && date <= latest_allowed(ctx)
}

/// Parses `value` and keeps the date only when plausible.
pub fn plausible(value: &str, ctx: &PageContext) -> Option<NaiveDate> {
    parse_date(value).filter(|d| is_plausible(*d, ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn zone_abbreviations_after_a_clock_give_the_offset() {
        // A byline prints the local time with its zone; that zone turns a
        // UTC timestamp of the page into the local day.
        assert_eq!(
            zone_offset_in_text("Updated 10:01 pm PST, Tuesday", 11),
            Some(-480)
        );
        assert_eq!(
            zone_offset_in_text("Nov 19, 2019, 10:31 pm CST", 11),
            Some(-360)
        );
        assert_eq!(
            zone_offset_in_text("Mon 18 Nov 2019 18.54 GMT", 11),
            Some(0)
        );
        assert_eq!(
            zone_offset_in_text("Nov 20 2019, 11:06am ist", 11),
            Some(330)
        );
        // Generic US zones follow daylight time by month.
        assert_eq!(
            zone_offset_in_text("Nov. 19, 2019 8:03 am ET", 11),
            Some(-300)
        );
        assert_eq!(
            zone_offset_in_text("July 2, 2019 8:03 am ET", 7),
            Some(-240)
        );
        // Words after a time that are not zones give nothing.
        assert_eq!(zone_offset_in_text("at 10:30 in the morning", 11), None);
        assert_eq!(zone_offset_in_text("November 18, 2019 11:03 PM", 11), None);
    }

    #[test]
    fn utc_instants_and_mislabelled_offsets() {
        let at = |v: &str| wall_clock(v).map(|t| t.to_string());
        assert_eq!(
            utc_instant("2019-11-20T02:07:18Z").map(|t| t.to_string()),
            at("2019-11-20T02:07:18")
        );
        assert_eq!(utc_instant("2019-11-19T06:56:43-05:00"), None);
        // The same clock given as UTC elsewhere on the page: the offset is
        // a CMS mislabel, the instant is UTC.
        let ld = "2019-11-20T04:31:13-06:00";
        let metas = ["2019-11-20T04:31:13+00:00"];
        assert_eq!(
            mislabelled_utc(ld, metas).map(|t| t.to_string()),
            at("2019-11-20T04:31:13")
        );
        // Two sources agreeing on an instant in different zones are fine.
        assert_eq!(mislabelled_utc("2019-11-19T22:31:13-06:00", metas), None);
    }

    #[test]
    fn iso_timestamps_keep_the_publishers_calendar_day() {
        assert_eq!(parse_date("2019-11-19T23:30:00-05:00"), d(2019, 11, 19));
        assert_eq!(parse_date("2019-11-20T01:30:00+09:00"), d(2019, 11, 20));
        assert_eq!(parse_date(" 2019-11-19 "), d(2019, 11, 19));
        assert_eq!(parse_date("2019/11/19 10:00"), d(2019, 11, 19));
        assert_eq!(parse_date("20191119T120000Z"), d(2019, 11, 19));
    }

    #[test]
    fn utc_timestamps_are_told_from_local_ones() {
        assert!(is_utc_timestamp("2019-11-20T01:53:14.418Z"));
        assert!(!is_utc_timestamp("2019-11-20T01:53:14.418"));
        assert!(is_utc_timestamp("2019-11-20T06:35:39+0000"));
        assert!(is_utc_timestamp("1574121600"));
        assert!(!is_utc_timestamp("2019-11-20T01:07:00-0500"));
        assert!(!is_utc_timestamp("2019-11-19"));
        assert!(!is_utc_timestamp("November 19, 2019"));
        assert!(is_local_day("2019-11-20T01:07:00-0500"));
        assert!(is_local_day("2019-11-18"));
        assert!(!is_local_day("2019-11-20T01:53:14Z"));
        assert!(!is_local_day("2019-11-20T01:53:14"));
    }

    #[test]
    fn epoch_seconds_and_milliseconds() {
        assert_eq!(parse_date("1574121600"), d(2019, 11, 19));
        assert_eq!(parse_date("1574121600000"), d(2019, 11, 19));
    }

    #[test]
    fn english_written_dates() {
        assert_eq!(parse_date("November 19, 2019"), d(2019, 11, 19));
        assert_eq!(
            parse_date("Published Nov. 19th, 2019 at 5pm"),
            d(2019, 11, 19)
        );
        assert_eq!(parse_date("Tue, 19 Nov 2019 10:00:00 GMT"), d(2019, 11, 19));
        assert_eq!(parse_date("19th of November 2019"), d(2019, 11, 19));
    }

    #[test]
    fn german_written_and_dotted_dates() {
        assert_eq!(parse_date("19. November 2019"), d(2019, 11, 19));
        assert_eq!(
            parse_date("Veröffentlicht am 3. März 2020, 10:12 Uhr"),
            d(2020, 3, 3)
        );
        assert_eq!(parse_date("Stand: 19.11.2019"), d(2019, 11, 19));
    }

    #[test]
    fn french_spanish_portuguese_dates() {
        assert_eq!(parse_date("Publié le 1er janvier 2020"), d(2020, 1, 1));
        assert_eq!(parse_date("le 19 févr. 2019"), d(2019, 2, 19));
        assert_eq!(parse_date("19 de noviembre de 2019"), d(2019, 11, 19));
        assert_eq!(parse_date("5 de dezembro de 2018"), d(2018, 12, 5));
    }

    #[test]
    fn ambiguous_slashed_dates_are_not_guessed() {
        assert_eq!(find_date_in_text("on 03/04/2019"), None);
        assert_eq!(find_date_in_text("on 11/19/2019"), d(2019, 11, 19));
        assert_eq!(find_date_in_text("on 19/11/2019"), d(2019, 11, 19));
    }

    #[test]
    fn earliest_date_in_text_wins() {
        let text = "Updated 2020-01-05. First published November 19, 2019";
        assert_eq!(find_date_in_text(text), d(2020, 1, 5));
        assert_eq!(
            find_date_in_text("19 November 2019, updated 2020-01-05"),
            d(2019, 11, 19)
        );
    }

    #[test]
    fn dates_after_updated_are_not_publication_dates() {
        assert_eq!(
            published_date_in_text("Published 3 May 2020, updated 5 May 2020"),
            d(2020, 5, 3)
        );
        assert_eq!(published_date_in_text("Updated: 5 May 2020"), None);
        assert_eq!(published_date_in_text("Aktualisiert am 19.11.2019"), None);
    }

    #[test]
    fn words_that_look_like_months_are_not_dates() {
        assert_eq!(find_date_in_text("The Mayor 5 2019 plan"), None);
        assert_eq!(find_date_in_text("no date here"), None);
    }

    #[test]
    fn url_date_patterns() {
        assert_eq!(
            date_from_url("https://x.com/2019/11/19/story.html"),
            d(2019, 11, 19)
        );
        assert_eq!(
            date_from_url("https://x.com/news/2019-11-19/story"),
            d(2019, 11, 19)
        );
        assert_eq!(
            date_from_url("https://x.com/a/20191119/story"),
            d(2019, 11, 19)
        );
        assert_eq!(
            date_from_url("https://x.com/story_2019-11-19.html"),
            d(2019, 11, 19)
        );
    }

    #[test]
    fn folder_dates_are_told_from_slug_dates() {
        assert!(url_date_in_folders("https://x.com/2019/11/19/story"));
        assert!(url_date_in_folders("https://x.com/a/20191119/story"));
        assert!(!url_date_in_folders("https://x.com/news/story-2019-11-19/"));
    }

    #[test]
    fn url_numbers_that_are_not_dates_are_ignored() {
        // A year and month only, an article id, an impossible day.
        assert_eq!(date_from_url("https://x.com/2019/11/story-19"), None);
        assert_eq!(date_from_url("https://x.com/story/12345678"), None);
        assert_eq!(date_from_url("https://x.com/2019/11/32/story"), None);
        assert_eq!(date_from_url("https://x.com/s?d=2019/11/19/"), None);
    }

    #[test]
    fn future_and_prehistoric_dates_are_rejected() {
        let fetched = DateTime::parse_from_rfc3339("2020-01-10T12:00:00Z")
            .ok()
            .map(|t| t.with_timezone(&Utc));
        let ctx = PageContext {
            url: None,
            fetched_at: fetched,
        };
        assert_eq!(plausible("2020-01-10", &ctx), d(2020, 1, 10));
        // A day ahead of the fetch (UTC+ publisher) is tolerated, a week is not.
        assert_eq!(plausible("2020-01-11T08:00:00+09:00", &ctx), d(2020, 1, 11));
        assert_eq!(plausible("2020-01-17", &ctx), None);
        assert_eq!(plausible("1994-12-31", &ctx), None);
        // Without a fetch date, today bounds the date.
        assert_eq!(plausible("2999-01-01", &PageContext::default()), None);
    }
}
