//! Cues and their speakers: every cue verb outside the quotes (`said`,
//! `told`, `according to`) with the subject of its clause, resolved to a
//! name. A pronoun takes the most recent fitting named speaker; a surname
//! or a role takes the fullest form of the name in the article.

use std::ops::Range;

use super::names::{
    Gender, NameIndex, gender_of_first_name, is_capitalized, is_organisation, is_possessive,
    name_of_run, run_backward, run_forward, title_of,
};
use super::tokens::{Token, ends_sentence};
use crate::rules::quotes::{
    ACCORDING, AFTER_QUOTE_SOURCE_MARKERS, APPOSITIVE_OPENERS, AUXILIARIES, COORDINATORS,
    CueLanguage, FIRST_PERSON, FORWARD_ONLY_CUES, LISTENER_CUES, MAX_APPOSITIVE_TOKENS,
    MAX_NAME_TOKENS, MAX_REFERENT_LOOKBACK, MAX_ROLE_PHRASE_WORDS, MAX_SUBJECT_DESCRIPTOR_WORDS,
    NOT_NAME_WORDS, NOT_SUBJECT_OPENERS, PARTICIPLE_CUES, PERSON_PRONOUNS, PREPOSITIONS, ROLE_DETERMINERS,
    ROLE_PHRASE_STOPS, SOURCE_MARKERS, SUBJECT_CUE_FILLERS, TITLES, contains, contains_lower,
    cue_language, find_lower, speaker_pronoun,
};

/// The body read as tokens, with what the quote spans tell about them.
pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Per token: the first token of its clause (after a sentence end, a
    /// quote or the paragraph start).
    pub clause_start: &'a [usize],
    /// Per token: inside a quote span, marks included.
    pub in_quote: &'a [bool],
    /// Per token: the first token after a quote span.
    pub after_quote: &'a [bool],
    pub names: &'a NameIndex<'a>,
}

impl Context<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| t.is_word)
            .map(|t| t.text(self.text))
    }

    fn punct(&self, i: usize) -> Option<&str> {
        self.tokens
            .get(i)
            .filter(|t| !t.is_word)
            .map(|t| t.text(self.text))
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).map(str::to_lowercase).unwrap_or_default()
    }

    fn paragraph(&self, i: usize) -> Option<usize> {
        self.tokens.get(i).map(|t| t.paragraph)
    }

    /// True if token `i` can belong to a subject that continues from `from`.
    fn usable(&self, i: usize, from: usize) -> bool {
        self.paragraph(i) == self.paragraph(from) && !self.in_quote.get(i).copied().unwrap_or(true)
    }
}

/// The subject of a cue as written.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Subject {
    Name(Vec<String>),
    Pronoun(String),
    Role {
        phrase: String,
        role: Option<String>,
    },
    FirstPerson,
    /// No subject written, as Spanish and Portuguese allow (`“…”,
    /// preguntó.`): the last person named speaks.
    Dropped,
}

/// A subject with the tokens it covers.
struct Found {
    subject: Subject,
    first: usize,
    via_appositive: bool,
}

/// One cue verb outside the quotes and whom it attributes to.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Index of the cue token.
    pub tok: usize,
    /// The cue as written, lowercase (`said`, `according to`).
    pub cue: String,
    /// First token of the subject.
    pub subject_first: usize,
    /// The subject follows the cue (`said Simonyan`, `according to X`).
    pub inverted: bool,
    /// The subject carries an appositive (`Smith, the mayor, said`).
    pub via_appositive: bool,
    /// A subject (or, for a participle, a speaker before it) was found.
    pub attributed: bool,
    /// The speaker in the fullest form, if one could be named.
    pub speaker: Option<String>,
    pub paragraph: usize,
}

/// A named speaker seen so far, for pronouns to refer back to.
struct Known {
    speaker: KnownName,
    person: bool,
    paragraph: usize,
    /// Only the subject of a sentence (`Buser, however, is counting on…`),
    /// not of a cue: a referent for pronouns in its paragraph and the next.
    subject_only: bool,
}

/// A known speaker's name: resolved for a cue's subject; for a sentence's
/// subject, the tokens of the name, resolved only when a pronoun asks
/// (most sentences are never referred to).
enum KnownName {
    Resolved(String),
    Subject(Range<usize>),
}

impl Known {
    /// The speaker's fullest name; a sentence subject only if it is a
    /// person's name of two words or more, no noun joined to a name by a
    /// preposition (`Trennung von Danni Büchner`).
    fn speaker(&self, ctx: &Context<'_>) -> Option<String> {
        match &self.speaker {
            KnownName::Resolved(speaker) => Some(speaker.clone()),
            KnownName::Subject(run) => {
                let named = name_of_run(ctx.tokens, ctx.text, run.clone())?;
                let full = ctx.names.fullest_before(&named.words, run.start);
                let person = ctx.names.is_person(&full) && !joins_by_preposition(&full);
                person.then(|| full.join(" "))
            }
        }
    }
}

/// The pronoun key under which a dropped subject is resolved: a person of
/// either gender.
const DROPPED: &str = "";

/// True if the pronoun may refer to the known speaker.
fn fits(ctx: &Context<'_>, pronoun: &str, known: &Known, speaker: &str, paragraph: usize) -> bool {
    if known.subject_only && known.paragraph + 1 < paragraph {
        return false;
    }
    let gender = ctx.names.gender_of(speaker);
    match pronoun {
        DROPPED => known.person,
        "he" => known.person && gender != Some(Gender::Female),
        "she" => known.person && gender != Some(Gender::Male),
        _ => !known.subject_only,
    }
}

/// Finds every cue of the body and its speaker, in text order.
pub fn find_hits(ctx: &Context<'_>) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let mut known: Vec<Known> = Vec::new();
    for i in 0..ctx.tokens.len() {
        if ctx.in_quote.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(word) = ctx.word(i) else {
            continue;
        };
        let paragraph = ctx.paragraph(i).unwrap_or(0);
        if let Some(subject) = sentence_subject(ctx, i) {
            known.push(Known {
                speaker: KnownName::Subject(subject),
                person: true,
                paragraph,
                subject_only: true,
            });
        }
        let Some((cue, found, inverted)) = read_cue(ctx, i, word) else {
            continue;
        };
        let mut hit = Hit {
            tok: i,
            subject_first: found.as_ref().map_or(i, |f| f.first),
            inverted,
            via_appositive: found.as_ref().is_some_and(|f| f.via_appositive),
            attributed: found.is_some(),
            speaker: None,
            paragraph,
            cue,
        };
        match found.map(|f| f.subject) {
            Some(subject) => {
                let (speaker, person) = resolve(ctx, &subject, i, &known);
                if let Some(speaker) = &speaker
                    && subject != Subject::FirstPerson
                {
                    known.push(Known {
                        speaker: KnownName::Resolved(speaker.clone()),
                        person,
                        paragraph,
                        subject_only: false,
                    });
                }
                hit.speaker = speaker;
            }
            None => {
                if let Some(before) = shared_subject(ctx, &hits, &hit) {
                    hit.attributed = true;
                    hit.speaker = before.speaker.clone();
                }
            }
        }
        hits.push(hit);
    }
    hits
}

/// For a cue without a subject of its own, the cue whose subject it shares:
/// the one before it in the paragraph for a participle (`he said, adding`),
/// the one before it in the sentence after `and` (`X said … and added`).
fn shared_subject<'h>(ctx: &Context<'_>, hits: &'h [Hit], hit: &Hit) -> Option<&'h Hit> {
    let participle = contains(PARTICIPLE_CUES, &hit.cue);
    let joined = hit
        .tok
        .checked_sub(1)
        .is_some_and(|j| contains(COORDINATORS, &ctx.lower(j)));
    if !participle && !joined {
        return None;
    }
    let before = hits
        .iter()
        .rev()
        .take(MAX_REFERENT_LOOKBACK)
        .take_while(|h| h.paragraph == hit.paragraph)
        .find(|h| h.attributed)?;
    if participle {
        return Some(before);
    }
    let same_clause = ctx.clause_start.get(before.tok) == ctx.clause_start.get(hit.tok);
    (joined && same_clause).then_some(before)
}

/// The person named at the start of the sentence at token `i`, if `i`
/// opens one (`Buser, however, is counting on…`).
fn sentence_subject(ctx: &Context<'_>, i: usize) -> Option<Range<usize>> {
    if ctx.clause_start.get(i) != Some(&i) || ctx.after_quote.get(i).copied().unwrap_or(false) {
        return None;
    }
    let word = ctx.word(i)?;
    if !is_capitalized(word)
        || contains_lower(NOT_SUBJECT_OPENERS, word)
        || contains_lower(NOT_NAME_WORDS, word)
            && ctx.word(i + 1).is_none_or(|w| !is_capitalized(w))
    {
        return None;
    }
    run_forward(ctx.tokens, ctx.text, i, clause_end(ctx, i))
}

/// The cue at token `i` (lowercase cue verb, or `according to`) with its
/// subject and whether the subject follows it.
fn read_cue(ctx: &Context<'_>, i: usize, word: &str) -> Option<(String, Option<Found>, bool)> {
    let lo = ctx.clause_start.get(i).copied().unwrap_or(i);
    if word == ACCORDING || word == "According" {
        if ctx.lower(i + 1) != "to" {
            return None;
        }
        return Some(("according to".to_string(), subject_after(ctx, i + 2), true));
    }
    if let Some(marker) = source_marker(ctx, i, word, lo) {
        return Some((marker, subject_after(ctx, i + 1), true));
    }
    if let Some((cue, pronoun)) = cue_with_pronoun(word) {
        return Some((
            cue.to_string(),
            found(Subject::Pronoun(pronoun.into()), i),
            true,
        ));
    }
    let language = cue_language(word)?;
    let plausible = |f: &Found| plausible_subject(ctx, f, language, i);
    if let Some(found) = pronoun_after_verb_second(ctx, i, language) {
        return Some((word.to_string(), Some(found), true));
    }
    if let Some(found) = subject_before(ctx, i, lo, language).filter(plausible) {
        return Some((word.to_string(), Some(found), false));
    }
    let after_comma = i > lo && ctx.punct(i - 1) == Some(",");
    let listener_follows = contains(LISTENER_CUES, word) || contains(FORWARD_ONLY_CUES, word);
    // German puts the verb second (`Zugleich mahnte er`), Spanish often
    // after the subject: their cues may take the subject after them
    // anywhere.
    let inverts = language != CueLanguage::English;
    if (directly_after_quote(ctx, i, lo) || after_comma || inverts) && !listener_follows {
        let found = subject_after(ctx, i + 1)
            .filter(plausible)
            .or_else(|| dropped_subject(ctx, i, lo, language));
        let inverted = found
            .as_ref()
            .is_some_and(|f| f.subject != Subject::Dropped);
        return Some((word.to_string(), found, inverted));
    }
    Some((word.to_string(), None, false))
}

/// `Trennung von Danni Büchner`: a noun joined to a name by a preposition
/// (`von Preen` after a first name is a name particle instead).
fn joins_by_preposition(words: &[String]) -> bool {
    words.len() >= 3
        && words
            .get(1)
            .is_some_and(|w| contains_lower(NOT_SUBJECT_OPENERS, w))
        && words.first().is_some_and(|w| gender_of_first_name(w).is_none())
}

/// `Im März sagte er: „…“`: German puts the verb second, so a subject
/// pronoun right after a cue verb of another language than English is the
/// subject, whatever stands before the verb.
fn pronoun_after_verb_second(ctx: &Context<'_>, i: usize, language: CueLanguage) -> Option<Found> {
    if language == CueLanguage::English || !ctx.usable(i + 1, i) {
        return None;
    }
    let pronoun = speaker_pronoun(&ctx.lower(i + 1)).filter(|p| *p != "it")?;
    found(Subject::Pronoun(pronoun.into()), i + 1)
}

/// In languages that capitalise nouns or drop subjects, a subject read
/// the English way is often none: a lone capitalised word that names no
/// one (`Zugleich mahnte`, `Mitteilung betont`), a bare phrase (`pero
/// también advierte`, `dijo al auditorio`). Such a subject must be a
/// person's name, or a role with its determiner (`la alcaldesa`).
fn plausible_subject(ctx: &Context<'_>, found: &Found, language: CueLanguage, at: usize) -> bool {
    if language == CueLanguage::English {
        return true;
    }
    match &found.subject {
        Subject::Name(words) => {
            // `Im März`, `Auf Anfrage`, `Trennung von Danni Büchner`: a
            // capitalised phrase opened by a preposition, or joining a noun
            // to a name by one, is no one's name.
            let opened = words
                .first()
                .is_some_and(|w| contains_lower(NOT_SUBJECT_OPENERS, w));
            let full = ctx.names.fullest_at(words, at);
            !opened && !joins_by_preposition(words) && (full.len() >= 2 || ctx.names.is_person(&full))
        }
        Subject::Role { phrase, .. } => {
            let mut words = phrase.split(' ');
            let determiner = words
                .next()
                .is_some_and(|w| contains_lower(ROLE_DETERMINERS, w));
            determiner && words.next().is_some()
        }
        Subject::Pronoun(_) | Subject::FirstPerson | Subject::Dropped => true,
    }
}

/// `selon le ministre`, `según X`, `„…“, so Müller`: a preposition naming
/// the source after it, lowercase (or opening the sentence). The ones that
/// are common words otherwise count only right after a quote.
fn source_marker(ctx: &Context<'_>, i: usize, word: &str, lo: usize) -> Option<String> {
    // `der Laut des Zweitakts`: capitalised inside a sentence, the word is
    // a noun or a name, not the preposition.
    if i > lo && is_capitalized(word) {
        return None;
    }
    let lower = find_lower(SOURCE_MARKERS, word)?;
    let after_quote = directly_after_quote(ctx, i, lo) && i > lo;
    (!contains(AFTER_QUOTE_SOURCE_MARKERS, lower) || after_quote).then(|| lower.to_string())
}

/// `dit-il`, `explique-t-elle`: a French cue joined to its inverted
/// pronoun, as one token; the cue and the English pronoun it stands for.
fn cue_with_pronoun(word: &str) -> Option<(&str, &'static str)> {
    let (head, _) = word.split_once('-')?;
    let (_, tail) = word.rsplit_once('-')?;
    cue_language(head)?;
    Some((head, speaker_pronoun(&tail.to_lowercase())?))
}

/// `a-t-il déclaré`: an auxiliary joined to its inverted pronoun before a
/// participle; the English pronoun it stands for.
fn auxiliary_with_pronoun(word: &str) -> Option<&'static str> {
    let (head, _) = word.split_once('-')?;
    let (_, tail) = word.rsplit_once('-')?;
    if !contains(AUXILIARIES, &head.to_lowercase()) {
        return None;
    }
    speaker_pronoun(&tail.to_lowercase())
}

/// `“…”, preguntó.`, `“…”, dijo al auditorio.`: a cue of a language that
/// drops its subject, right after a quote or with nothing after it in the
/// sentence.
fn dropped_subject(ctx: &Context<'_>, i: usize, lo: usize, language: CueLanguage) -> Option<Found> {
    let ends = ctx
        .tokens
        .get(i + 1)
        .is_none_or(|t| t.paragraph != ctx.paragraph(i).unwrap_or(0) || ends_sentence(t, ctx.text));
    let closes_quote = directly_after_quote(ctx, i, lo);
    (language.drops_subject() && (ends || closes_quote)).then(|| found(Subject::Dropped, i))?
}

/// True if only punctuation stands between a closing quote mark and token `i`.
fn directly_after_quote(ctx: &Context<'_>, i: usize, lo: usize) -> bool {
    ctx.after_quote.get(lo).copied().unwrap_or(false) && (lo..i).all(|j| ctx.punct(j).is_some())
}

/// The subject before the cue at `cue`, not reaching below token `lo`.
fn subject_before(
    ctx: &Context<'_>,
    cue: usize,
    lo: usize,
    language: CueLanguage,
) -> Option<Found> {
    let mut cue = cue;
    if language != CueLanguage::English {
        // `X a déclaré`, `X ha dicho`, `X hat gesagt`: the auxiliary, or
        // `a-t-il` with its pronoun, stands between subject and cue.
        let before = cue.checked_sub(1).filter(|&j| j >= lo);
        if let Some(j) = before
            && let Some(pronoun) = ctx.word(j).and_then(auxiliary_with_pronoun)
        {
            return found(Subject::Pronoun(pronoun.into()), j);
        }
        if before.is_some_and(|j| contains(AUXILIARIES, &ctx.lower(j))) {
            cue -= 1;
        }
    }
    subject_before_at(ctx, cue, lo, Nesting::Outer)
}

/// Whether a subject read may skip an appositive or a parenthesis: only
/// the outer read may, so that the page cannot nest reads (`, then, then`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nesting {
    Outer,
    Inner,
}

fn subject_before_at(ctx: &Context<'_>, cue: usize, lo: usize, nesting: Nesting) -> Option<Found> {
    let mut end = cue;
    while end > lo && contains(SUBJECT_CUE_FILLERS, &ctx.lower(end - 1)) {
        end -= 1;
    }
    let last = end.checked_sub(1).filter(|&t| t >= lo)?;
    match ctx.punct(last) {
        Some(",") if nesting == Nesting::Outer => {
            return appositive_subject(ctx, last, lo)
                .or_else(|| name_between_commas(ctx, last, lo));
        }
        Some(")") if nesting == Nesting::Outer => return parenthesis_subject(ctx, last, lo),
        Some(_) => return None,
        None => {}
    }
    let word = ctx.word(last)?;
    let lower = word.to_lowercase();
    if let Some(pronoun) = speaker_pronoun(&lower) {
        return found(Subject::Pronoun(pronoun.into()), last);
    }
    if contains(FIRST_PERSON, &lower) {
        return found(Subject::FirstPerson, last);
    }
    if is_capitalized(word) {
        let run = run_backward(ctx.tokens, ctx.text, last, lo)?;
        let named = name_of_run(ctx.tokens, ctx.text, run.clone())?;
        if named.words.is_empty() {
            return role_phrase_before(ctx, last, lo);
        }
        let object = run
            .start
            .checked_sub(1)
            .filter(|&j| j >= lo)
            .is_some_and(|j| {
                contains_lower(PREPOSITIONS, ctx.word(j).unwrap_or("")) && !title_of_domain(ctx, j)
            });
        if object {
            // `the Office for the Western District of New York announced`:
            // the name ends a longer subject and does not speak.
            return None;
        }
        return found(Subject::Name(named.words), run.start);
    }
    role_phrase_before(ctx, last, lo)
}

/// `Secretary of State Mike Pompeo said`: the `of` at token `of` joins a
/// title to its domain, so the name after it is the subject, no object.
fn title_of_domain(ctx: &Context<'_>, of: usize) -> bool {
    ctx.lower(of) == "of"
        && of
            .checked_sub(1)
            .and_then(|j| ctx.word(j))
            .is_some_and(|w| is_capitalized(w) && title_of(w).is_some())
}

fn found(subject: Subject, first: usize) -> Option<Found> {
    Some(Found {
        subject,
        first,
        via_appositive: false,
    })
}

/// `Timothy Ash, an economist at Chatham House, said`: the name before the
/// comma that opens the appositive ending at the comma `comma`.
fn appositive_subject(ctx: &Context<'_>, comma: usize, lo: usize) -> Option<Found> {
    let floor = lo.max(comma.saturating_sub(MAX_APPOSITIVE_TOKENS));
    let mut k = comma;
    while k > floor + 1 {
        k -= 1;
        if ctx.punct(k) != Some(",") || !opens_appositive(ctx, k + 1) {
            continue;
        }
        let name_end = k.checked_sub(1).filter(|&e| e >= lo)?;
        if ctx.word(name_end).is_none() {
            continue;
        }
        let Some(found) = subject_before_at(ctx, name_end + 1, lo, Nesting::Inner) else {
            continue;
        };
        let object = found
            .first
            .checked_sub(1)
            .is_some_and(|j| contains(PREPOSITIONS, &ctx.lower(j)));
        if object {
            continue;
        }
        if matches!(found.subject, Subject::Name(_) | Subject::Pronoun(_)) {
            return Some(Found {
                via_appositive: true,
                ..found
            });
        }
        return None;
    }
    None
}

/// True if token `i` can open an appositive: a determiner, `who`, a number
/// (an age), a title, or any lowercase word.
fn opens_appositive(ctx: &Context<'_>, i: usize) -> bool {
    let Some(word) = ctx.word(i) else {
        return false;
    };
    let lower = word.to_lowercase();
    !is_capitalized(word)
        || is_possessive(word)
        || word.starts_with(|c: char| c.is_ascii_digit())
        || contains(ROLE_DETERMINERS, &lower)
        || contains(APPOSITIVE_OPENERS, &lower)
        || contains(TITLES, &lower)
}

/// `Adam Schiff (D-Calif.) said`: the subject before the parenthesis.
fn parenthesis_subject(ctx: &Context<'_>, close: usize, lo: usize) -> Option<Found> {
    let floor = lo.max(close.saturating_sub(MAX_APPOSITIVE_TOKENS));
    let open = (floor..close).rev().find(|&k| ctx.punct(k) == Some("("))?;
    // Only a word before the parenthesis: no chain of nested reads.
    ctx.word(open.checked_sub(1)?)?;
    subject_before_at(ctx, open, lo, Nesting::Inner)
}

/// A lowercase role as subject, read backwards from `last`: `the
/// president`, `a State Department spokesperson`, `officials`.
fn role_phrase_before(ctx: &Context<'_>, last: usize, lo: usize) -> Option<Found> {
    let mut first = last;
    let mut words = 0;
    loop {
        let lower = ctx.lower(first);
        if contains(ROLE_DETERMINERS, &lower) {
            return role_found(ctx, first, last + 1);
        }
        if contains(ROLE_PHRASE_STOPS, &lower) || cue_language(&lower).is_some() {
            first += 1;
            break;
        }
        words += 1;
        if words >= MAX_ROLE_PHRASE_WORDS || first == lo || ctx.word(first - 1).is_none() {
            break;
        }
        first -= 1;
    }
    let bare = first <= last && last + 1 - first <= 3;
    let starts_clause = first == lo || ctx.punct(first.wrapping_sub(1)).is_some();
    (bare && starts_clause && !ctx.lower(last).is_empty())
        .then(|| role_found(ctx, first, last + 1))?
}

fn role_found(ctx: &Context<'_>, first: usize, end: usize) -> Option<Found> {
    let words: Vec<&str> = (first..end).filter_map(|i| ctx.word(i)).collect();
    if words.is_empty() {
        return None;
    }
    let role = words
        .iter()
        .map(|w| w.to_lowercase())
        .find(|w| contains(TITLES, w));
    found(
        Subject::Role {
            phrase: words.join(" "),
            role,
        },
        first,
    )
}

/// The subject after a cue, starting at token `i`: `said Simonyan`, `said
/// the president`, `according to a statement from the ministry`.
fn subject_after(ctx: &Context<'_>, i: usize) -> Option<Found> {
    if !ctx.usable(i, i) {
        return None;
    }
    let word = ctx.word(i)?;
    let lower = word.to_lowercase();
    if let Some(pronoun) = speaker_pronoun(&lower) {
        return found(Subject::Pronoun(pronoun.into()), i);
    }
    if contains(FIRST_PERSON, &lower) {
        return found(Subject::FirstPerson, i);
    }
    if is_capitalized(word) && !contains(ROLE_DETERMINERS, &lower) {
        let hi = clause_end(ctx, i);
        let run = run_forward(ctx.tokens, ctx.text, i, hi)?;
        let named = name_of_run(ctx.tokens, ctx.text, run)?;
        if !named.words.is_empty() {
            return found(Subject::Name(named.words), i);
        }
        return found(
            Subject::Role {
                phrase: word.to_string(),
                role: named.role,
            },
            i,
        );
    }
    if !contains(ROLE_DETERMINERS, &lower) {
        return described_subject_after(ctx, i);
    }
    let mut end = i + 1;
    while end < i + MAX_ROLE_PHRASE_WORDS && ctx.usable(end, i) {
        let lower = ctx.lower(end);
        if lower.is_empty() || contains(ROLE_PHRASE_STOPS, &lower) {
            break;
        }
        end += 1;
    }
    if end > i + 1
        && let Some(name) =
            name_in_role_phrase(ctx, i, end).or_else(|| name_in_commas_after(ctx, end))
    {
        return Some(name);
    }
    (end > i + 1).then(|| role_found(ctx, i, end))?
}

/// `sagt der Parteienrechtler Martin Morlok`, `said the former president
/// Bill Clinton`: a role phrase (tokens `i..end`) that goes on into a
/// person's name, known by its first name or the title before it.
fn name_in_role_phrase(ctx: &Context<'_>, i: usize, end: usize) -> Option<Found> {
    let mut titled = false;
    for j in i + 1..end {
        let word = ctx.word(j)?;
        if !is_capitalized(word) {
            titled |= title_of(word).is_some();
            continue;
        }
        let run = run_forward(ctx.tokens, ctx.text, j, clause_end(ctx, j))?;
        let named = name_of_run(ctx.tokens, ctx.text, run)?;
        let first_known = named
            .words
            .first()
            .is_some_and(|w| gender_of_first_name(w).is_some());
        let titled = titled || named.role.is_some();
        let person = named.words.len() >= 2 && !is_organisation(&named.words);
        return (person && (first_known || titled))
            .then(|| found(Subject::Name(named.words), i))?;
    }
    None
}

/// `afirmó la alcaldesa, Carmen Ruiz Salgado, durante…`: a name set off by
/// commas right after a role phrase ending at `end` is the speaker.
fn name_in_commas_after(ctx: &Context<'_>, end: usize) -> Option<Found> {
    if ctx.punct(end) != Some(",") || !ctx.usable(end + 1, end) {
        return None;
    }
    let run = run_forward(ctx.tokens, ctx.text, end + 1, clause_end(ctx, end + 1))?;
    let closes = ctx
        .tokens
        .get(run.end)
        .is_none_or(|t| t.paragraph != ctx.paragraph(end).unwrap_or(0) || !t.is_word);
    let at = run.start;
    let named = name_of_run(ctx.tokens, ctx.text, run)?;
    let full = ctx.names.fullest_at(&named.words, at);
    (closes && ctx.names.is_person(&full)).then(|| found(Subject::Name(named.words), end + 1))?
}

/// `El portavoz del grupo, Andrés Villalba, advirtió`: a person's name set
/// off by commas (the comma `comma` closing it) after a role phrase.
fn name_between_commas(ctx: &Context<'_>, comma: usize, lo: usize) -> Option<Found> {
    let last = comma.checked_sub(1).filter(|&j| j > lo)?;
    let run = run_backward(ctx.tokens, ctx.text, last, lo)?;
    let opening = run.start.checked_sub(1).filter(|&j| j > lo)?;
    if ctx.punct(opening) != Some(",") || ctx.word(opening - 1).is_none() {
        return None;
    }
    let named = name_of_run(ctx.tokens, ctx.text, run.clone())?;
    let full = ctx.names.fullest_at(&named.words, run.start);
    ctx.names
        .is_person(&full)
        .then(|| found(Subject::Name(named.words), run.start))?
}

/// `wrote 43-year-old Martin Taylor`, `says veteran industry analyst Ken
/// Doctor`, `according to court documents`: lowercase descriptors, then a
/// name, or a short bare phrase that ends the clause.
fn described_subject_after(ctx: &Context<'_>, i: usize) -> Option<Found> {
    let mut end = i;
    while end < i + MAX_SUBJECT_DESCRIPTOR_WORDS && ctx.usable(end, i) {
        let Some(word) = ctx.word(end) else {
            break;
        };
        let lower = word.to_lowercase();
        if is_capitalized(word)
            || contains(ROLE_PHRASE_STOPS, &lower)
            || cue_language(&lower).is_some()
            || speaker_pronoun(&lower).is_some()
        {
            break;
        }
        end += 1;
    }
    if end == i {
        return None;
    }
    if ctx.word(end).is_some_and(is_capitalized) && ctx.usable(end, i) {
        let run = run_forward(ctx.tokens, ctx.text, end, clause_end(ctx, end))?;
        let named = name_of_run(ctx.tokens, ctx.text, run)?;
        return (!named.words.is_empty()).then(|| found(Subject::Name(named.words), i))?;
    }
    let bare = end - i <= 3 && ctx.punct(end).is_some();
    bare.then(|| role_found(ctx, i, end))?
}

/// Just past the last token of the clause that token `i` lies in, looking
/// no further than a name can reach.
fn clause_end(ctx: &Context<'_>, i: usize) -> usize {
    let mut end = i;
    while end < i + MAX_NAME_TOKENS
        && ctx.usable(end, i)
        && !ctx
            .tokens
            .get(end)
            .is_some_and(|t| ends_sentence(t, ctx.text))
    {
        end += 1;
    }
    end
}

/// The speaker a subject names, in the fullest form, and whether it is a
/// person (which "he" and "she" may refer to).
fn resolve(
    ctx: &Context<'_>,
    subject: &Subject,
    at: usize,
    known: &[Known],
) -> (Option<String>, bool) {
    match subject {
        Subject::Name(words) => {
            let full = ctx.names.fullest_at(words, at);
            let person = ctx.names.is_person(&full);
            (Some(full.join(" ")), person)
        }
        Subject::Pronoun(pronoun) => {
            let wants_person = contains(PERSON_PRONOUNS, pronoun);
            (resolve_pronoun(ctx, pronoun, at, known), wants_person)
        }
        Subject::Role { phrase, role } => {
            match role.as_deref().and_then(|r| ctx.names.holder_of(r, at)) {
                Some(holder) => (Some(holder.join(" ")), true),
                None => (Some(phrase.clone()), false),
            }
        }
        Subject::Dropped => (resolve_pronoun(ctx, DROPPED, at, known), true),
        Subject::FirstPerson => (None, false),
    }
}

/// The most recent known speaker that `pronoun` at token `at` may refer to.
fn resolve_pronoun(ctx: &Context<'_>, pronoun: &str, at: usize, known: &[Known]) -> Option<String> {
    let paragraph = ctx.paragraph(at).unwrap_or(0);
    known
        .iter()
        .rev()
        .take(MAX_REFERENT_LOOKBACK)
        .find_map(|k| {
            let speaker = k.speaker(ctx)?;
            fits(ctx, pronoun, k, &speaker, paragraph).then_some(speaker)
        })
}
