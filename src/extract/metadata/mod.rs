//! Page metadata (title, authors, dates, site, language, ...), read from the
//! full tree before any boilerplate is removed.
//!
//! One walk over the tree (`collect`) gathers every candidate; each field
//! then takes the first source that gives a usable value, in this order of
//! trust:
//!
//! | field | sources, most trusted first |
//! |---|---|
//! | title | JSON-LD `headline`, `og:title`, `twitter:title`, `<meta name=title>`, Dublin Core, microdata `headline`, `<title>`, with the site prefix/suffix cut; then the `<h1>` that tells the same story replaces it (the headline as the reader sees it); with no metadata title, the first `<h1>` |
//! | authors | JSON-LD `author` (persons), `article:author` (names, not URLs), `<meta name=author>`, Dublin Core `creator`, microdata `author`, `<a rel=author>`, byline elements (article area first), a visible "By ..." line by the headline, JSON-LD organisations; the first source that credits a person wins; the site itself is never an author, agencies only when nothing else is credited |
//! | date_published | JSON-LD `datePublished`, metas (`article:published_time`, `date`, `pubdate`, Dublin Core, microdata), `<time>` (pubdate first, article area first), visible dates in byline/date elements, the URL, short lines around the headline `<h1>`; a UTC timestamp takes its day from the first local evidence within a day of it |
//! | date_modified | JSON-LD `dateModified`, metas, microdata, `<time>` marked as updated |
//! | site_name | JSON-LD `publisher.name`, `og:site_name`, `application-name`, Dublin Core publisher, JSON-LD `WebSite` name (taglines cut, wire agencies skipped); the one the `<title>` shows wins, else the first that is not a domain or slug; else the `<title>` suffix |
//! | description | JSON-LD `description`, `og:description`, `twitter:description`, `<meta name=description>`, Dublin Core |
//! | image_url, canonical_url | JSON-LD `image` / `og:image` / `twitter:image` / `image_src`; `<link rel=canonical>` / `og:url` / JSON-LD `url` (made absolute against the page URL) |
//! | tags | JSON-LD `keywords`, `article:tag`, `news_keywords`, `keywords`, Dublin Core subject; then the section (`article:section`, JSON-LD `articleSection`) |
//! | html_lang | `<html lang>`, `content-language`, `og:locale`, Dublin Core, JSON-LD `inLanguage` |
//!
//! Dates are the publisher's calendar day as written (no UTC conversion),
//! never before 1995 nor after the fetch day (see `dates`). Plain-text
//! dumps ([`from_text`]) get their credits from the removed bylines and
//! author bio, and their site name from the bio or the promos.

mod authors;
mod collect;
mod dates;
mod json_ld;
mod language;
mod meta_tags;
mod text_dump;
mod title;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use scraper::Html;

use super::PageContext;
use super::body::Body;
use crate::rules::metadata::{
    BYLINE_PREFIXES, MAX_HEADER_TEXTS, MAX_MARKUP_AUTHORS, MAX_TAGS, meta_keys,
};
use collect::{Candidates, Found, HeadlineContext};
use json_ld::JsonLd;
use meta_tags::MetaTags;

/// Metadata of one page. Every field is optional: pages give what they give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    /// The `<html lang>` attribute, as a hint for language detection (when
    /// missing: `content-language`, `og:locale` or JSON-LD `inLanguage`).
    pub html_lang: Option<String>,
    pub tags: Vec<String>,
    pub date_published: Option<NaiveDate>,
    pub date_modified: Option<NaiveDate>,
    /// Where `date_published` came from: json_ld, meta, time_element, byline, url, text.
    pub date_source: Option<String>,
    pub canonical_url: Option<String>,
    pub image_url: Option<String>,
}

/// Reads the metadata of a parsed HTML page.
pub fn from_html(doc: &Html, ctx: &PageContext) -> Metadata {
    let found = collect::collect(doc);
    let ld = json_ld::read(&found.json_ld);
    let metas = MetaTags::new(&found.metas);
    let page_url = ctx
        .url
        .clone()
        .or_else(|| found.canonical.clone())
        .or_else(|| metas.first(meta_keys::URL).map(str::to_string))
        .or_else(|| ld.url.clone());
    let host = page_url.as_deref().and_then(title::host_label);
    let h1s = headlines(&found);
    let declared_site = declared_site_name(&ld, &metas, found.title.as_deref());
    let title_site = found
        .title
        .as_deref()
        .and_then(|t| title::site_from_title(t, host.as_deref(), &h1s));
    let copyright_site = || {
        found
            .copyrights
            .iter()
            .rev()
            .find_map(|line| title::site_from_copyright(line))
    };
    let site_name = declared_site.or(title_site);
    let title = title::choose(
        &meta_titles(&ld, &metas, &found),
        site_name.as_deref(),
        host.as_deref(),
        &h1s,
    );
    let (date_published, date_source) = match published(
        &ld,
        &metas,
        &found,
        title.as_deref(),
        page_url.as_deref(),
        ctx,
    ) {
        Some((date, source)) => (Some(date), Some(source.to_string())),
        None => (None, None),
    };
    let date_modified =
        modified(&ld, &metas, &found, ctx).filter(|m| date_published.is_none_or(|p| *m >= p));
    let base = page_url.as_deref();
    let authors = html_authors(&ld, &metas, &found, title.as_deref(), site_name.as_deref());
    tidied(Metadata {
        title,
        authors,
        description: ld
            .description
            .clone()
            .or_else(|| metas.first(meta_keys::DESCRIPTION).map(json_ld::collapse)),
        language: None,
        html_lang: found
            .html_lang
            .clone()
            .or_else(|| metas.first(meta_keys::LANGUAGE).map(str::to_string))
            .or_else(|| ld.in_language.clone()),
        tags: tags(&ld, &metas),
        date_published,
        date_modified,
        date_source,
        canonical_url: found
            .canonical
            .clone()
            .or_else(|| metas.first(meta_keys::URL).map(str::to_string))
            .or_else(|| ld.url.clone())
            .and_then(|u| absolute(&u, ctx.url.as_deref())),
        image_url: ld
            .image
            .clone()
            .or_else(|| metas.first(meta_keys::IMAGE).map(str::to_string))
            .or_else(|| found.image_src.clone())
            .and_then(|u| absolute(&u, base)),
        // The copyright line only fills a gap: it may name a person or an
        // owner company, so titles and credits are not judged by it.
        site_name: site_name
            .or_else(copyright_site)
            .map(|s| title::without_www(&s)),
    })
}

/// The text fields without invisible characters and with whitespace
/// collapsed; empty ones become None.
fn tidied(mut m: Metadata) -> Metadata {
    let tidy_opt = |v: Option<String>| v.map(|t| json_ld::tidy(&t)).filter(|t| !t.is_empty());
    m.title = tidy_opt(m.title);
    m.site_name = tidy_opt(m.site_name);
    m.description = tidy_opt(m.description);
    m.authors = m
        .authors
        .iter()
        .map(|a| json_ld::tidy(a))
        .filter(|a| !a.is_empty())
        .collect();
    m.tags = m
        .tags
        .iter()
        .map(|t| json_ld::tidy(t))
        .filter(|t| !t.is_empty())
        .collect();
    m
}

/// The page's `<h1>`s, those inside `<article>`/`<main>` first.
fn headlines(found: &Candidates) -> Vec<&str> {
    let inside = found.h1s.iter().filter(|h| h.in_article);
    let outside = found.h1s.iter().filter(|h| !h.in_article);
    inside.chain(outside).map(|h| h.text.as_str()).collect()
}

/// Titles the metadata declares, most trusted first.
fn meta_titles(ld: &JsonLd, metas: &MetaTags<'_>, found: &Candidates) -> Vec<String> {
    let microdata_headline = found
        .microdata
        .iter()
        .find(|(k, _)| k == "headline")
        .map(|(_, v)| v.clone());
    ld.headline
        .iter()
        .cloned()
        .chain(
            metas
                .each_first(meta_keys::TITLE)
                .into_iter()
                .map(json_ld::collapse),
        )
        .chain(microdata_headline)
        .chain(found.title.clone())
        // Entities escaped twice by the CMS ("&amp;raquo;") arrive as text.
        .map(|t| json_ld::tidy(&json_ld::decode_entities(&t)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The site name the page declares. Candidates, in order of trust: JSON-LD
/// `publisher.name`, `og:site_name` and the other site metas, JSON-LD
/// `WebSite` name; links are skipped, agencies too unless nothing else is
/// named (the publisher of a wire story is not the site), and taglines
/// after a separator are cut. The candidate the `<title>` shows as its site
/// part wins (in its most readable spelling); else the first that is not a
/// bare domain or slug.
fn declared_site_name(ld: &JsonLd, metas: &MetaTags<'_>, title: Option<&str>) -> Option<String> {
    let candidates: Vec<String> = ld
        .publisher
        .iter()
        .cloned()
        .chain(
            metas
                .each_first(meta_keys::SITE_NAME)
                .into_iter()
                .map(json_ld::tidy),
        )
        .chain(ld.website_name.iter().cloned())
        .map(|s| title::without_tagline(&s))
        .filter(|s| !s.is_empty() && !meta_tags::is_link(s))
        .filter(|s| {
            let words = s
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric));
            words.count() <= MAX_SITE_NAME_WORDS
        })
        .collect();
    // A wire story names the agency as publisher; the site is the agency
    // only on the agency's own pages (where nothing else is named).
    let (agencies, others): (Vec<String>, Vec<String>) =
        candidates.into_iter().partition(|s| authors::is_agency(s));
    let candidates = if others.is_empty() { agencies } else { others };
    let shown: Vec<String> = title.map(title::outer_parts).unwrap_or_default();
    let on_title = candidates
        .iter()
        .filter(|c| shown.iter().any(|p| site_key(p) == site_key(c)))
        .max_by_key(|c| (!is_slug(c), c.split_whitespace().count()))
        // A domain in the title gives way to a name the page also declares.
        .filter(|c| !is_slug(c) || candidates.iter().all(|o| is_slug(o)));
    on_title
        .or_else(|| candidates.iter().find(|c| !is_slug(c)))
        .or_else(|| candidates.first())
        .cloned()
}

/// Most words of a site name; a longer "site name" is a headline or a
/// tagline that a CMS put in the field.
const MAX_SITE_NAME_WORDS: usize = 6;

/// A site name reduced for comparison: lowercase letters and digits, without
/// a "www." or a domain ending ("SpaceNews.com" and "SpaceNews" agree).
fn site_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let without_domain = match lower.rsplit_once('.') {
        Some((head, tld))
            if !head.is_empty()
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            head.strip_suffix(".co").unwrap_or(head)
        }
        _ => lower,
    };
    authors::squash(without_domain)
}

/// A domain or slug rather than a name: "livescience.com", "usatoday".
fn is_slug(name: &str) -> bool {
    !name.contains(' ') && (name.contains('.') || !name.chars().any(char::is_uppercase))
}

/// Authors from the most trusted source that credits a person; when none
/// does, the first source's institutional credit (agency or site).
fn html_authors(
    ld: &JsonLd,
    metas: &MetaTags<'_>,
    found: &Candidates,
    title: Option<&str>,
    site: Option<&str>,
) -> Vec<String> {
    let ld_people: Vec<&str> = ld
        .authors
        .iter()
        .filter(|c| c.is_person)
        .map(|c| c.name.as_str())
        .collect();
    let ld_all: Vec<&str> = ld.authors.iter().map(|c| c.name.as_str()).collect();
    let meta_credits: Vec<&str> = meta_keys::AUTHOR
        .iter()
        .map(|k| {
            metas
                .all(k)
                .filter(|v| !meta_tags::is_link(v))
                .collect::<Vec<_>>()
        })
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    let names = |credits: &[&str]| authors::names_in_site_credits(credits, site);
    let microdata: Vec<&str> = found.microdata_authors.iter().map(String::as_str).collect();
    // Markup credits beyond a dozen are a reference list or a teaser grid.
    let markup = |credits: &[&str]| {
        let found = names(credits);
        if found.len() > MAX_MARKUP_AUTHORS {
            Vec::new()
        } else {
            found
        }
    };
    let rel_authors = preferred_texts(&found.rel_authors);
    let bylines = preferred_texts(&found.bylines);
    // The name parts of byline containers, when they credit more people
    // than the container's run-on text ("A and B Outlet Published ...").
    let nested = preferred_texts(&found.nested_bylines);
    let people = |credits: &[&str]| -> Vec<String> {
        authors::prefer_people(markup(credits), site)
            .into_iter()
            .filter(|n| !authors::is_institution(n, site))
            .collect()
    };
    let bylines = if adds_full_names(&people(&nested), &people(&bylines)) {
        nested
    } else {
        bylines
    };
    // A visible credit line is the weakest source: full names only.
    let visible: Vec<String> = visible_byline(&headline_context(found, title).after)
        .map(|line| names(&[line.as_str()]))
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.contains(' '))
        .collect();
    let visible: Vec<&str> = visible.iter().map(String::as_str).collect();
    let bios: Vec<&str> = found.bios.iter().map(String::as_str).collect();
    let in_bios = text_dump::facts_in_bios(&bios).authors;
    let in_bios: Vec<&str> = in_bios.iter().map(String::as_str).collect();
    // Sources in order of trust, each cleaned only when the ones before it
    // credit no person; `declared` marks those the page states as metadata.
    let sources: [(&[&str], bool); 8] = [
        (&ld_people, true),
        (&meta_credits, true),
        (&microdata, false),
        (&rel_authors, false),
        (&bylines, false),
        (&visible, false),
        (&in_bios, false),
        (&ld_all, true),
    ];
    let mut fallback: Option<Vec<String>> = None;
    for (credits, declared) in sources {
        if credits.is_empty() {
            continue;
        }
        let found = if declared {
            names(credits)
        } else {
            markup(credits)
        };
        // A person: not an institution, and from the page's markup only with
        // a full name (one-word credits there are mostly categories).
        let person =
            |n: &String| !authors::is_institution(n, site) && (declared || n.contains(' '));
        if found.iter().any(person) {
            let chosen = authors::prefer_people(found, site);
            // Metadata naming one of a team: the visible byline that names
            // them all is the credit.
            let team = bylines
                .iter()
                .map(|line| people(&[line]))
                .find(|names| adds_full_names(names, &chosen));
            if declared && let Some(team) = team {
                return team;
            }
            return chosen;
        }
        if fallback.is_none() && !found.is_empty() {
            fallback = Some(found);
        }
    }
    fallback
        .map(|names| authors::prefer_people(names, site))
        .unwrap_or_default()
}

/// Whether `more` names everyone in `base` (ignoring case) and somebody
/// else too, each other name a full name that is not one of `base` with
/// words run on ("Jane Doe Search", "More from Jane Doe").
fn adds_full_names(more: &[String], base: &[String]) -> bool {
    let base_keys: Vec<String> = base.iter().map(|n| authors::squash(n)).collect();
    let more_keys: Vec<String> = more.iter().map(|n| authors::squash(n)).collect();
    let extra_ok = more.iter().zip(&more_keys).all(|(name, key)| {
        base_keys.contains(key)
            || (name.contains(' ') && !base_keys.iter().any(|b| key.contains(b.as_str())))
    });
    !base_keys.is_empty()
        && more_keys.len() > base_keys.len()
        && base_keys.iter().all(|b| more_keys.contains(b))
        && extra_ok
}

/// A credit line among the short text lines under the headline, in pages
/// without byline markup: "By Jane Doe", or "By" followed by the name in
/// its own element ("By <a>Jane Doe</a>").
fn visible_byline(lines: &[String]) -> Option<String> {
    lines.iter().enumerate().find_map(|(i, line)| {
        let lower = line.to_lowercase();
        let bare = lower.trim_end_matches(':').trim();
        if BYLINE_PREFIXES.binary_search(&bare).is_ok() {
            return lines.get(i + 1).map(|next| format!("{line} {next}"));
        }
        let opens = BYLINE_PREFIXES.iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with([' ', ':']))
        });
        opens.then(|| line.clone())
    })
}

/// The lines around the `<h1>` that tells the page's headline; when no
/// `<h1>` does, the lines after all of them in page order (as far as the
/// window reaches), without lines before.
fn headline_context(found: &Candidates, title: Option<&str>) -> HeadlineContext {
    let contexts = &found.headline_contexts;
    let matching = title.and_then(|t| {
        contexts
            .iter()
            .find(|c| title::same_headline(&c.headline, t))
            .or_else(|| contexts.iter().find(|c| title::same_story(&c.headline, t)))
    });
    match matching {
        Some(context) => context.clone(),
        None => HeadlineContext {
            headline: String::new(),
            before: Vec::new(),
            after: contexts
                .iter()
                .flat_map(|c| c.after.iter().cloned())
                .take(MAX_HEADER_TEXTS)
                .collect(),
        },
    }
}

/// The texts found inside the article area, or all of them when none is.
fn preferred_texts(list: &[Found]) -> Vec<&str> {
    let inside: Vec<&str> = list
        .iter()
        .filter(|f| f.in_article)
        .map(|f| f.text.as_str())
        .collect();
    if inside.is_empty() {
        list.iter().map(|f| f.text.as_str()).collect()
    } else {
        inside
    }
}

/// A publication-date candidate: its day, its source, whether the day is
/// that of a UTC timestamp (which may be a day off the publisher's local
/// calendar day), and whether it shows the publisher's local day for sure
/// (a date or offset timestamp of a `<time>`, visible text in the article,
/// the URL).
struct DateCandidate {
    date: NaiveDate,
    source: &'static str,
    utc_day: bool,
    /// The UTC instant of a UTC timestamp, when it has a clock time.
    utc_instant: Option<NaiveDateTime>,
    local_evidence: bool,
}

/// The most a UTC timestamp's day can be off the publisher's local day.
const MAX_ZONE_SHIFT_DAYS: i64 = 1;

/// The publication date and its source: the first candidate in order of
/// trust; when that is a UTC timestamp, the zone the page prints beside a
/// clock time ("10:01 pm PST") turns it into the local day, else the first
/// local evidence within a day of it gives the day.
fn published(
    ld: &JsonLd,
    metas: &MetaTags<'_>,
    found: &Candidates,
    title: Option<&str>,
    page_url: Option<&str>,
    ctx: &PageContext,
) -> Option<(NaiveDate, &'static str)> {
    let candidates = published_candidates(ld, metas, found, title, page_url, ctx);
    let first = candidates.first()?;
    if first.utc_day
        && let Some(instant) = first.utc_instant
        && let Some(offset) = shown_zone_offset(found, instant.month())
    {
        let local = (instant + Duration::minutes(i64::from(offset))).date();
        if dates::is_plausible(local, ctx) {
            return Some((local, first.source));
        }
    }
    // Only the first local evidence counts: when it agrees with the UTC day,
    // later ones (a date bar, a related story) must not move it.
    if first.utc_day {
        let local = candidates.iter().find(|c| c.local_evidence);
        if let Some(local) = local
            && local.date != first.date
            && (local.date - first.date).num_days().abs() <= MAX_ZONE_SHIFT_DAYS
        {
            return Some((local.date, local.source));
        }
    }
    Some((first.date, first.source))
}

/// The UTC offset of the first zone abbreviation the page prints after a
/// clock time in its date elements and bylines ("Updated 12:24 am EST").
fn shown_zone_offset(found: &Candidates, month: u32) -> Option<i32> {
    let times = found.times.iter().map(|t| t.text.as_str());
    let dated = found.date_texts.iter().map(|f| f.text.as_str());
    let bylines = found.bylines.iter().map(|f| f.text.as_str());
    times
        .chain(dated)
        .chain(bylines)
        .find_map(|t| dates::zone_offset_in_text(t, month))
}

/// The plausible publication dates of the page, most trusted first, read
/// only as far as [`published`] needs them.
fn published_candidates(
    ld: &JsonLd,
    metas: &MetaTags<'_>,
    found: &Candidates,
    title: Option<&str>,
    page_url: Option<&str>,
    ctx: &PageContext,
) -> Vec<DateCandidate> {
    let mut out = Vec::new();
    let value = |v: &str, source: &'static str, out: &mut Vec<DateCandidate>| {
        if let Some(date) = dates::plausible(v, ctx) {
            // A JSON-LD offset on what the metas give as the same UTC clock
            // reading is a mislabel: the instant is UTC.
            let mislabelled = (source == "json_ld")
                .then(|| dates::mislabelled_utc(v, metas.each_first(meta_keys::PUBLISHED)))
                .flatten();
            let utc_instant = mislabelled.or_else(|| dates::utc_instant(v));
            out.push(DateCandidate {
                date: mislabelled.map_or(date, |t| t.date()),
                source,
                utc_day: mislabelled.is_some() || dates::is_utc_timestamp(v),
                utc_instant,
                local_evidence: source == "time_element" && dates::is_local_day(v),
            });
        }
    };
    let text = |t: &str, source: &'static str, evidence: bool, out: &mut Vec<DateCandidate>| {
        if let Some(date) =
            dates::published_date_in_text(t).filter(|d| dates::is_plausible(*d, ctx))
        {
            out.push(DateCandidate {
                date,
                source,
                utc_day: false,
                utc_instant: None,
                local_evidence: evidence,
            });
        }
    };
    // Reading stops once the answer is known: a first candidate that is the
    // local day, or a UTC one and its first local evidence.
    let done = |out: &[DateCandidate]| {
        out.first()
            .is_some_and(|first| !first.utc_day || out.iter().any(|c| c.local_evidence))
    };
    if let Some(v) = ld.date_published.as_deref() {
        value(v, "json_ld", &mut out);
    }
    if done(&out) {
        return out;
    }
    let microdata = found
        .microdata
        .iter()
        .filter(|(k, _)| k == "datepublished")
        .map(|(_, v)| v.as_str());
    for v in metas
        .each_first(meta_keys::PUBLISHED)
        .into_iter()
        .chain(microdata)
    {
        value(v, "meta", &mut out);
    }
    if done(&out) {
        return out;
    }
    for t in publication_times(found) {
        match t.datetime.as_deref() {
            Some(v) if dates::plausible(v, ctx).is_some() => value(v, "time_element", &mut out),
            _ => text(&t.text, "time_element", true, &mut out),
        }
        // The visible text of a <time> is the publisher's own day.
        if t.datetime.is_some() {
            text(&t.text, "time_element", true, &mut out);
        }
        if done(&out) {
            return out;
        }
    }
    let inside_first = |list: &[Found]| -> Vec<(String, bool)> {
        let inside = list.iter().filter(|f| f.in_article);
        let outside = list.iter().filter(|f| !f.in_article);
        let any_inside = list.iter().any(|f| f.in_article);
        inside
            .chain(outside.filter(|_| !any_inside))
            .map(|f| (f.text.clone(), f.in_article))
            .collect()
    };
    let mut byline_texts = inside_first(&found.date_texts);
    byline_texts.extend(inside_first(&found.bylines));
    for (t, in_article) in &byline_texts {
        text(t, "byline", *in_article, &mut out);
        if done(&out) {
            return out;
        }
    }
    if let Some(url) = page_url
        && let Some(date) = dates::date_from_url(url).filter(|d| dates::is_plausible(*d, ctx))
    {
        out.push(DateCandidate {
            date,
            source: "url",
            utc_day: false,
            utc_instant: None,
            // A date in the folders of the path is the publisher's filing
            // day; one run into a slug may be the day of the event.
            local_evidence: dates::url_date_in_folders(url),
        });
    }
    if done(&out) {
        return out;
    }
    let context = headline_context(found, title);
    for t in context.after.iter().chain(&context.before) {
        text(t, "text", true, &mut out);
        if done(&out) {
            return out;
        }
    }
    out
}

/// The `<time>` elements that may mark publication, best first: those with
/// `pubdate` or `itemprop=datePublished`, then those in the article area not
/// marked as an update, then the rest not so marked.
fn publication_times(found: &Candidates) -> Vec<&collect::TimeElement> {
    let times = &found.times;
    times
        .iter()
        .filter(|t| t.marked_published)
        .chain(
            times
                .iter()
                .filter(|t| !t.marked_published && t.in_article && !t.marked_modified),
        )
        .chain(
            times
                .iter()
                .filter(|t| !t.marked_published && !t.in_article && !t.marked_modified),
        )
        .collect()
}

/// The last modification date.
fn modified(
    ld: &JsonLd,
    metas: &MetaTags<'_>,
    found: &Candidates,
    ctx: &PageContext,
) -> Option<NaiveDate> {
    let ok = |v: &str| dates::plausible(v, ctx);
    let microdata = found
        .microdata
        .iter()
        .filter(|(k, _)| k == "datemodified")
        .map(|(_, v)| v.as_str());
    let times = found
        .times
        .iter()
        .filter(|t| t.marked_modified)
        .filter_map(|t| t.datetime.as_deref());
    ld.date_modified
        .as_deref()
        .into_iter()
        .chain(metas.each_first(meta_keys::MODIFIED))
        .chain(microdata)
        .chain(times)
        .find_map(ok)
}

/// Tags: the first source of keywords, then the sections; deduplicated
/// case-insensitively, at most [`MAX_TAGS`].
fn tags(ld: &JsonLd, metas: &MetaTags<'_>) -> Vec<String> {
    let keywords: Vec<String> = if ld.keywords.is_empty() {
        metas
            .all_of_first(meta_keys::TAGS)
            .iter()
            .map(|v| json_ld::decode_entities(v))
            .flat_map(|v| v.split(',').map(json_ld::collapse).collect::<Vec<_>>())
            .collect()
    } else {
        ld.keywords.clone()
    };
    let sections: Vec<String> = if ld.sections.is_empty() {
        metas
            .all_of_first(meta_keys::SECTION)
            .into_iter()
            .map(json_ld::collapse)
            .collect()
    } else {
        ld.sections.clone()
    };
    let mut out = Vec::new();
    for tag in keywords.into_iter().chain(sections) {
        if out.len() >= MAX_TAGS {
            break;
        }
        if let Some(tag) = clean_tag(&tag) {
            authors::push_unique(&mut out, tag);
        }
    }
    out
}

/// Labels some CMSs put before a tag ("topic: Politics").
const TAG_LABELS: &[&str] = &["category", "section", "subject", "tag", "topic"];

/// A tag as readers see it: "topic: Politics" → "Politics"; CMS codes
/// ("ctp_video", "Mark Esper GOVERNMENT_FIGURE PERSON") and paths are not
/// tags.
fn clean_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let tag = match tag.split_once(": ") {
        Some((label, rest))
            if TAG_LABELS.contains(&label.to_lowercase().as_str()) && !rest.trim().is_empty() =>
        {
            rest.trim()
        }
        _ => tag,
    };
    let code = tag.contains(['_', '/', '{', '}', '=']);
    (!tag.is_empty() && !code).then(|| tag.to_string())
}

/// `href` made absolute against `base`; None when it cannot be a web URL.
fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Ok(url) = url::Url::parse(href) {
        return Some(url.to_string());
    }
    let base = url::Url::parse(base?).ok()?;
    base.join(href).ok().map(|u| u.to_string())
}

/// Reads what metadata a plain-text dump gives (headline, bylines, bio,
/// promos, a URL date, a dateline).
pub fn from_text(body: &Body, ctx: &PageContext) -> Metadata {
    let host = ctx.url.as_deref().and_then(title::host_label);
    let bio = text_dump::bio_facts(&body.removed);
    let site_name = bio
        .site_name
        .clone()
        .or_else(|| text_dump::repeated_name(&body.removed, host.as_deref()));
    let bylines = text_dump::byline_names(&body.removed, &body.text);
    let names = if bylines.is_empty() {
        bio.authors
    } else {
        bylines
    };
    let (date_published, date_source) = text_date(body, ctx);
    tidied(Metadata {
        title: body.title.clone(),
        authors: authors::prefer_people(names, site_name.as_deref()),
        site_name,
        date_published,
        date_source: date_source.map(str::to_string),
        ..Metadata::default()
    })
}

/// The publication date of a text dump: a removed byline/dateline, the URL,
/// then the first short lines of the body.
fn text_date(body: &Body, ctx: &PageContext) -> (Option<NaiveDate>, Option<&'static str>) {
    let (bylines, first_lines) = text_dump::dateline_candidates(&body.removed, &body.text);
    let in_lines = |lines: &[&str]| {
        lines
            .iter()
            .filter_map(|l| dates::published_date_in_text(l))
            .find(|d| dates::is_plausible(*d, ctx))
    };
    if let Some(d) = in_lines(&bylines) {
        return (Some(d), Some("byline"));
    }
    if let Some(d) = ctx
        .url
        .as_deref()
        .and_then(dates::date_from_url)
        .filter(|d| dates::is_plausible(*d, ctx))
    {
        return (Some(d), Some("url"));
    }
    match in_lines(&first_lines) {
        Some(d) => (Some(d), Some("text")),
        None => (None, None),
    }
}

/// The ISO 639-1 language of `text`, cross-checked with `<html lang>`.
pub fn detect_language(text: &str, html_lang: Option<&str>) -> Option<String> {
    language::detect(text, html_lang)
}

#[cfg(test)]
mod tests;
