//! Direct quotes with their speakers, found in the clean body text.
//!
//! Four linear passes over the body: pair the quotation marks of each
//! paragraph ([`marks`]), split the body into words ([`tokens`]), index the
//! names it gives ([`names`]), and read every cue verb outside the quotes
//! with its subject ([`speaker`]). Each quote then takes the cue right after
//! it (`"…," Tokayev said`), else the cue before it in its sentence
//! (`Simonyan said Russia is waging the "…"`), else a name right after it
//! or a named subject introducing it with a colon, else the speaker of the
//! quote or cue before it in the paragraph, or at a paragraph's start, the
//! one of the paragraph above (a quote continued without a new cue).
//!
//! Every pass is linear in the body; lookbacks are bounded by constants in
//! `rules::quotes`, and subject reads never nest, so no page can make the
//! work quadratic or the stack deep. Cue verbs come per language (English,
//! German, French, Spanish, Portuguese) with their inversions (`sagt er`,
//! `dit-il`, `dijo X`) and dropped subjects; Japanese `「…」` quotes are
//! counted in letters and attributed on characters by [`cjk`].

mod cjk;
mod marks;
mod names;
mod speaker;
mod tokens;

use std::ops::Range;

use crate::record::Quote;
use crate::rules::quotes::{
    CUE_CIRCUMSTANCE_OPENERS, FORWARD_ONLY_CUES, INDIRECT_SPEECH_OPENERS, MAX_FORWARD_CUE_TOKENS,
    MAX_FORWARD_CUE_TOKENS_APPOSITIVE, MAX_HEADINGS, MAX_SUBJECT_DESCRIPTOR_WORDS, MIN_CJK_QUOTE_CHARS,
    MIN_QUOTE_WORDS, TITLE_CASE_SMALL_WORDS, contains, contains_lower,
};
use marks::Span;
use names::NameIndex;
use speaker::{Context, Hit};
use tokens::{Token, ends_sentence};

/// Finds the direct quotes of `text`; offsets are char offsets into `text`.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let paragraphs = paragraph_ranges(text);
    let family = marks::main_family(text);
    let spans: Vec<Span> = marks::find_spans(text, &paragraphs, family)
        .into_iter()
        .filter(|span| is_quote(text, span))
        .collect();
    if spans.is_empty() {
        return Vec::new();
    }
    // Nothing after the last quote's paragraph can attribute a quote.
    let last_paragraph = spans.last().map_or(0, |s| s.paragraph);
    let read = paragraphs.get(..=last_paragraph).unwrap_or(&paragraphs);
    let tokens = tokens::tokenize(text, read);
    let placed = place_spans(text, &spans, &tokens, &paragraphs);
    let layout = Layout::new(text, &tokens, &placed);
    let names = NameIndex::build(&tokens, text);
    let ctx = Context {
        text,
        tokens: &tokens,
        clause_start: &layout.clause_start,
        in_quote: &layout.in_quote,
        after_quote: &layout.after_quote,
        names: &names,
    };
    let hits = speaker::find_hits(&ctx);
    let mut attributions = attribute(&ctx, &placed, &hits);
    attribute_japanese(text, &spans, &paragraphs, &mut attributions);
    attribute_headings(text, &spans, &placed, &mut attributions);
    to_quotes(text, &spans, attributions)
}

/// `3. “Not some irregular channel”`: a paragraph that is one quote with no
/// sentence end, a sub-heading pulled from the article. It is no
/// continuation of the quote above it.
fn is_heading(text: &str, span: &Span, paragraph: &Range<usize>) -> bool {
    let before = text.get(paragraph.start..span.open).unwrap_or("x");
    let after = text.get(span.after.min(paragraph.end)..paragraph.end).unwrap_or("x");
    let bare = |s: &str| s.chars().all(|c| !c.is_alphabetic());
    let content = text.get(span.content.clone()).unwrap_or("");
    !span.continues
        && bare(before)
        && bare(after)
        && !content.ends_with(['.', '!', '?', ',', ':', ';'])
}

/// A quoted sub-heading repeats words said in the article: it takes the
/// speaker of the first quote that contains its words, or none. At most
/// [`MAX_HEADINGS`] headings are looked up, so the work stays linear.
fn attribute_headings(
    text: &str,
    spans: &[Span],
    placed: &[Placed],
    attributions: &mut [Attribution],
) {
    let words_of = |span: &Span| -> String {
        let content = text.get(span.content.clone()).unwrap_or("");
        let words: Vec<String> = content
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        format!(" {} ", words.join(" "))
    };
    let headings: Vec<usize> = (0..placed.len())
        .filter(|&i| placed.get(i).is_some_and(|p| p.heading))
        .take(MAX_HEADINGS)
        .collect();
    for i in headings {
        let Some(heading) = spans.get(i).map(words_of) else {
            continue;
        };
        let source = spans
            .iter()
            .zip(placed)
            .enumerate()
            .filter(|(j, (_, p))| *j != i && !p.heading)
            .find(|(_, (span, _))| words_of(span).contains(&heading))
            .and_then(|(j, _)| attributions.get(j).cloned());
        if let Some(slot) = attributions.get_mut(i) {
            *slot = source.unwrap_or_default();
        }
    }
}

/// Byte ranges of the paragraphs: runs of lines separated by blank lines.
pub(crate) fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_end = offset + line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                ranges.push(s..end);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + line.trim_end().len();
        }
        offset = line_end;
    }
    if let Some(s) = start {
        ranges.push(s..end);
    }
    ranges
}

/// A span is a quote if it has enough words and is not a title. Japanese
/// and Chinese have no spaces to count words by: their letters count.
fn is_quote(text: &str, span: &Span) -> bool {
    let Some(content) = text.get(span.content.clone()) else {
        return false;
    };
    if content.chars().any(cjk::is_cjk) {
        return content.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_CJK_QUOTE_CHARS;
    }
    spaced_words(content) >= MIN_QUOTE_WORDS && !is_title(content)
}

/// Words as a reader counts them: runs between spaces that hold a letter or
/// digit. `I’m on meth` has three, `U.S.-controlled bandit formations` too.
fn spaced_words(content: &str) -> usize {
    content
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Japanese quotes (`「…」`) take their speakers from the character-level
/// reading of [`cjk`]; the word-level one finds nothing in them.
fn attribute_japanese(
    text: &str,
    spans: &[Span],
    paragraphs: &[Range<usize>],
    attributions: &mut [Attribution],
) {
    let mut speakers: Vec<cjk::Named> = Vec::new();
    for (span, attribution) in spans.iter().zip(attributions.iter_mut()) {
        if !cjk::is_corner_quote(text, span) {
            continue;
        }
        let Some(paragraph) = paragraphs.get(span.paragraph) else {
            continue;
        };
        if let Some(found) = cjk::attribute(text, span, paragraph, &speakers) {
            if let Some(speaker) = &found.speaker {
                speakers.push(cjk::Named {
                    name: speaker.clone(),
                    paragraph: span.paragraph,
                });
            }
            *attribution = Attribution {
                speaker: found.speaker,
                cue: Some(found.cue),
            };
        }
    }
}

/// `"The Lord of the Rings"`: every word capitalised but the small ones,
/// and no sentence punctuation at the end.
fn is_title(content: &str) -> bool {
    if content.ends_with(['!', '?', ';', ':', '\u{2026}']) {
        return false;
    }
    content
        .trim_end_matches([',', '.'])
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || contains(TITLE_CASE_SMALL_WORDS, &w.to_lowercase())
        })
}

/// A quote span with the tokens it covers: `open` is its opening mark's
/// token, `after` the first token past it.
struct Placed {
    open: usize,
    after: usize,
    paragraph: usize,
    /// The quoted words end with a period: a complete sentence.
    ends_with_period: bool,
    /// The quote is a sub-heading of its own (see [`is_heading`]).
    heading: bool,
}

fn place_spans(
    text: &str,
    spans: &[Span],
    tokens: &[Token],
    paragraphs: &[Range<usize>],
) -> Vec<Placed> {
    let mut placed = Vec::with_capacity(spans.len());
    let mut i = 0;
    for span in spans {
        while tokens.get(i).is_some_and(|t| t.start < span.open) {
            i += 1;
        }
        let open = i;
        while tokens.get(i).is_some_and(|t| t.start < span.after) {
            i += 1;
        }
        let content = text.get(span.content.clone()).unwrap_or("");
        placed.push(Placed {
            open,
            after: i,
            paragraph: span.paragraph,
            ends_with_period: content.ends_with('.'),
            heading: paragraphs
                .get(span.paragraph)
                .is_some_and(|p| is_heading(text, span, p)),
        });
    }
    placed
}

/// Per-token facts derived from the quote spans.
struct Layout {
    in_quote: Vec<bool>,
    after_quote: Vec<bool>,
    clause_start: Vec<usize>,
}

impl Layout {
    fn new(text: &str, tokens: &[Token], placed: &[Placed]) -> Layout {
        let mut in_quote = vec![false; tokens.len()];
        let mut after_quote = vec![false; tokens.len() + 1];
        for p in placed {
            for flag in in_quote.iter_mut().take(p.after).skip(p.open) {
                *flag = true;
            }
            // The first token after a quote, in the quote's paragraph only:
            // a new paragraph opens its own sentence.
            let same_paragraph = tokens.get(p.after).is_some_and(|t| t.paragraph == p.paragraph);
            if same_paragraph && let Some(flag) = after_quote.get_mut(p.after) {
                *flag = true;
            }
        }
        let mut clause_start = Vec::with_capacity(tokens.len());
        let mut start = 0;
        for (i, token) in tokens.iter().enumerate() {
            let new_clause = match i.checked_sub(1).and_then(|j| tokens.get(j)) {
                None => true,
                Some(prev) => {
                    prev.paragraph != token.paragraph
                        || ends_sentence(prev, text)
                        || closes_sentence_quote(tokens, text, i - 1)
                        || after_quote.get(i).copied().unwrap_or(false)
                }
            };
            if new_clause {
                start = i;
            }
            clause_start.push(start);
        }
        Layout {
            in_quote,
            after_quote,
            clause_start,
        }
    }
}

/// `… It just connected.” Buckley, who…`: a closing mark right after a
/// sentence end ends the sentence too, even around a quote too short to
/// count.
fn closes_sentence_quote(tokens: &[Token], text: &str, i: usize) -> bool {
    let closes = tokens
        .get(i)
        .is_some_and(|t| !t.is_word && t.text(text).chars().all(marks::is_quote_mark));
    closes
        && i.checked_sub(1)
            .and_then(|j| tokens.get(j))
            .is_some_and(|t| ends_sentence(t, text))
}

/// The speaker and cue of one quote.
#[derive(Clone, Debug, Default)]
struct Attribution {
    speaker: Option<String>,
    cue: Option<String>,
}

impl Attribution {
    fn of(hit: &Hit) -> Attribution {
        Attribution {
            speaker: hit.speaker.clone(),
            cue: Some(hit.cue.clone()),
        }
    }
}

/// Attributes every quote, in order (a quote may inherit from the one
/// before it).
fn attribute(ctx: &Context<'_>, placed: &[Placed], hits: &[Hit]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(placed.len());
    for (i, quote) in placed.iter().enumerate() {
        let next_open = placed
            .get(i + 1)
            .filter(|n| n.paragraph == quote.paragraph)
            .map_or(usize::MAX, |n| n.open);
        let attribution = cue_after(ctx, quote, next_open, hits)
            .or_else(|| cue_before(ctx, quote, hits))
            .map(Attribution::of)
            .or_else(|| named_after(ctx, quote, next_open, hits))
            .or_else(|| introduced_by_subject(ctx, quote))
            .unwrap_or_else(|| inherited(ctx, placed, &out, i, hits));
        out.push(attribution);
    }
    out
}

/// `"…," Tokayev said`, `"…," said Simonyan`, `"…," according to X`.
fn cue_after<'h>(
    ctx: &Context<'_>,
    quote: &Placed,
    next_open: usize,
    hits: &'h [Hit],
) -> Option<&'h Hit> {
    let first = first_after(ctx, quote, next_open)?;
    let from = hits.partition_point(|h| h.tok < quote.after);
    let hit = hits
        .get(from)
        .filter(|h| !contains(FORWARD_ONLY_CUES, &h.cue))?;
    let same_clause = hit.tok < next_open
        && hit.paragraph == quote.paragraph
        && ctx.clause_start.get(hit.tok) == Some(&quote.after);
    if !same_clause || !hit.attributed || starts_new_statement(ctx, quote, hit) {
        return None;
    }
    if hit.inverted {
        return (hit.tok == first).then_some(hit);
    }
    let limit = if hit.via_appositive {
        MAX_FORWARD_CUE_TOKENS_APPOSITIVE
    } else {
        MAX_FORWARD_CUE_TOKENS
    };
    let descriptors = hit.subject_first.checked_sub(first)?;
    let descriptors_are_words =
        (first..hit.subject_first).all(|j| ctx.tokens.get(j).is_some_and(|t| t.is_word));
    let close = hit.tok - quote.after <= limit;
    let subject_next = descriptors <= MAX_SUBJECT_DESCRIPTOR_WORDS && descriptors_are_words;
    ((subject_next && close) || closes_sentence_after_comma(ctx, hit)).then_some(hit)
}

/// `"We will win." Smith said the plan was …`: after a quote that is a
/// full sentence, a cue that goes on into reported speech opens a new
/// statement rather than attributing the quote.
fn starts_new_statement(ctx: &Context<'_>, quote: &Placed, hit: &Hit) -> bool {
    let next = ctx
        .tokens
        .get(hit.tok + 1)
        .filter(|t| t.is_word && t.paragraph == hit.paragraph);
    quote.ends_with_period
        && !hit.inverted
        && next.is_some_and(|t| contains_lower(INDIRECT_SPEECH_OPENERS, t.text(ctx.text)))
}

/// `… to "take really detailed histories" of the patients, Dempsey said.`:
/// a cue set off by a comma at the end of the quote's sentence, or followed
/// only by a circumstance (`…, Noem said in the announcement.`).
fn closes_sentence_after_comma(ctx: &Context<'_>, hit: &Hit) -> bool {
    let after_comma = hit
        .subject_first
        .checked_sub(1)
        .is_some_and(|j| ctx_punct(ctx, j) == Some(","));
    let ends = ctx.tokens.get(hit.tok + 1).is_none_or(|t| {
        t.paragraph != hit.paragraph
            || ends_sentence(t, ctx.text)
            || t.is_word && contains_lower(CUE_CIRCUMSTANCE_OPENERS, t.text(ctx.text))
    });
    !hit.inverted && after_comma && ends
}

/// `"…," Kurinji Selvaraj, a research analyst at the think tank told CBS`:
/// a cue whose subject could not be read, after a quote that a name
/// follows directly: the name is the speaker.
fn named_after(
    ctx: &Context<'_>,
    quote: &Placed,
    next_open: usize,
    hits: &[Hit],
) -> Option<Attribution> {
    let first = first_after(ctx, quote, next_open)?;
    let from = hits.partition_point(|h| h.tok < quote.after);
    let hit = hits
        .get(from)
        .filter(|h| !contains(FORWARD_ONLY_CUES, &h.cue))?;
    let same_clause = hit.tok < next_open
        && hit.paragraph == quote.paragraph
        && ctx.clause_start.get(hit.tok) == Some(&quote.after)
        && hit.tok - quote.after <= MAX_FORWARD_CUE_TOKENS_APPOSITIVE;
    if !same_clause || starts_new_statement(ctx, quote, hit) {
        return None;
    }
    let speaker = person_at(ctx, first, hit.tok)?;
    Some(Attribution {
        speaker: Some(speaker),
        cue: Some(hit.cue.clone()),
    })
}

/// `Buckley had a similar experience: "…"`: a quote introduced by a colon
/// in a sentence whose subject is a named person, without a cue verb.
fn introduced_by_subject(ctx: &Context<'_>, quote: &Placed) -> Option<Attribution> {
    let colon = quote.open.checked_sub(1)?;
    if ctx_punct(ctx, colon) != Some(":") {
        return None;
    }
    let clause = ctx.clause_start.get(quote.open).copied()?;
    let speaker = person_at(ctx, clause, colon)?;
    // Without a cue verb only a surely personal name speaks: in languages
    // that capitalise nouns, `Die Gemeinde:` or `Im März:` would pass.
    ctx.names.gender_of(&speaker)?;
    Some(Attribution {
        speaker: Some(speaker),
        cue: None,
    })
}

/// The person whose name starts at token `first` (before token `hi`), in
/// the fullest form.
fn person_at(ctx: &Context<'_>, first: usize, hi: usize) -> Option<String> {
    let run = names::run_forward(ctx.tokens, ctx.text, first, hi)?;
    let named = names::name_of_run(ctx.tokens, ctx.text, run)?;
    if named.words.is_empty() {
        return None;
    }
    let full = ctx.names.fullest_at(&named.words, first);
    ctx.names.is_person(&full).then(|| full.join(" "))
}

/// The first token after a quote's closing mark, past a comma or dash.
fn first_after(ctx: &Context<'_>, quote: &Placed, next_open: usize) -> Option<usize> {
    (quote.after..next_open.min(ctx.tokens.len()))
        .find(|&j| !matches!(ctx_punct(ctx, j), Some("," | "\u{2014}" | "\u{2013}" | "-")))
}

fn ctx_punct<'a>(ctx: &Context<'a>, i: usize) -> Option<&'a str> {
    ctx.tokens
        .get(i)
        .filter(|t| !t.is_word)
        .map(|t| t.text(ctx.text))
}

/// `Simonyan said Russia is waging the "…"`, `X told Y: "…"`: the last cue
/// of the quote's sentence before it.
fn cue_before<'h>(ctx: &Context<'_>, quote: &Placed, hits: &'h [Hit]) -> Option<&'h Hit> {
    let clause = ctx.clause_start.get(quote.open).copied()?;
    let before = hits.partition_point(|h| h.tok < quote.open);
    hits.get(..before)?
        .iter()
        .rev()
        .take_while(|h| h.tok >= clause && h.paragraph == quote.paragraph)
        .find(|h| h.attributed)
}

/// A quote without a cue of its own keeps the speaker of what came before:
/// the quote or cue before it in its paragraph, or, for a quote opening a
/// paragraph, the last quote or cue of the paragraph above.
fn inherited(
    ctx: &Context<'_>,
    placed: &[Placed],
    done: &[Attribution],
    i: usize,
    hits: &[Hit],
) -> Attribution {
    let Some(quote) = placed.get(i) else {
        return Attribution::default();
    };
    let opens_paragraph = quote.open == 0
        || ctx
            .tokens
            .get(quote.open - 1)
            .is_none_or(|t| t.paragraph != quote.paragraph);
    let source = if opens_paragraph {
        quote.paragraph.checked_sub(1)
    } else {
        Some(quote.paragraph)
    };
    let Some(source) = source else {
        return Attribution::default();
    };
    let after_heading = placed
        .iter()
        .take(i)
        .rev()
        .take_while(|p| p.paragraph >= source)
        .find(|p| p.paragraph == source)
        .is_some_and(|p| p.heading);
    if quote.heading || after_heading {
        return Attribution::default();
    }
    let previous_quote = i
        .checked_sub(1)
        .and_then(|j| Some((placed.get(j)?, done.get(j)?)))
        .filter(|(p, _)| p.paragraph == source);
    let hits_before = hits.partition_point(|h| h.tok < quote.open);
    let previous_hit = hits_before
        .checked_sub(1)
        .and_then(|j| hits.get(j))
        .filter(|h| h.paragraph == source && h.attributed);
    match (previous_quote, previous_hit) {
        (Some((p, a)), Some(h)) if h.tok > p.after => {
            if h.speaker.is_some() || a.speaker.is_none() {
                Attribution::of(h)
            } else {
                a.clone()
            }
        }
        (Some((_, a)), _) => a.clone(),
        (None, Some(h)) => Attribution::of(h),
        (None, None) => Attribution::default(),
    }
}

/// The quotes with char offsets: byte offsets are converted in one pass,
/// since spans come in text order.
fn to_quotes(text: &str, spans: &[Span], attributions: Vec<Attribution>) -> Vec<Quote> {
    let mut quotes = Vec::with_capacity(spans.len());
    let mut byte = 0usize;
    let mut chars = 0usize;
    let mut advance = |to: usize| {
        chars += text.get(byte..to).map_or(0, |s| s.chars().count());
        byte = byte.max(to);
        i32::try_from(chars).unwrap_or(i32::MAX)
    };
    for (span, attribution) in spans.iter().zip(attributions) {
        let Some(content) = text.get(span.content.clone()) else {
            continue;
        };
        let start = advance(span.content.start);
        let end = advance(span.content.end);
        quotes.push(Quote {
            text: content.to_string(),
            speaker: attribution.speaker,
            cue: attribution.cue,
            start,
            end,
        });
    }
    quotes
}

#[cfg(test)]
mod tests;
