//! Names of people and organisations: runs of capitalised words, with the
//! titles in front stripped (`Kazakh President Kassym-Jomart Tokayev` →
//! `Kassym-Jomart Tokayev`), and an index of every name of the article so
//! that a surname or a role resolves to the fullest form given.

use std::collections::HashMap;
use std::ops::Range;

use super::tokens::Token;
use crate::rules::quotes::{
    FEMALE_FIRST_NAMES, FEMALE_TITLES, MALE_FIRST_NAMES, MALE_TITLES, MAX_NAMES_PER_SURNAME,
    MAX_ROLE_LOOKUP, NAME_PARTICLES, NAME_SUFFIXES, NOT_NAME_WORDS, ORGANISATION_WORDS,
    ROLE_DETERMINERS, TITLE_HEADS, TITLES, contains, contains_lower, find_lower,
};

/// The title a word is (`President`, `Sen.`), also as the head of a
/// compound (`Nordnetz-Sprecherin`, `Pressesprecher`, `Vice-President`).
pub fn title_of(word: &str) -> Option<&'static str> {
    if let Some(title) = find_lower(TITLES, word) {
        return Some(title);
    }
    // `DRK-Generalsekretär`, `Nordnetz-Sprecherin`: the part after the
    // last hyphen is the title, whole or by its head.
    let word = word.rsplit_once('-').map_or(word, |(_, last)| last);
    if let Some(title) = find_lower(TITLES, word) {
        return Some(title);
    }
    TITLE_HEADS
        .iter()
        .find(|head| word.len() > head.len() && ends_with_lower(word, head))
        .copied()
}

/// True if `word` ends with `suffix` (lowercase), case-insensitively,
/// without allocating.
fn ends_with_lower(word: &str, suffix: &str) -> bool {
    if word.is_ascii() {
        let tail = word
            .len()
            .checked_sub(suffix.len())
            .and_then(|at| word.get(at..));
        return tail.is_some_and(|tail| tail.eq_ignore_ascii_case(suffix));
    }
    let mut chars = word.chars().rev().flat_map(char::to_lowercase);
    suffix.chars().rev().all(|c| chars.next() == Some(c))
}

/// True if the word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a possessive ending (`Putin's` → `Putin`).
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// True for `Putin's`, `Carlineo’s`.
pub fn is_possessive(word: &str) -> bool {
    without_possessive(word).len() < word.len()
}

/// True if token `i` may be part of a capitalised run whose neighbours are
/// `before` and `after`: a capitalised word, or a particle (`von`) between
/// two of them.
fn in_run(tokens: &[Token], text: &str, i: usize, lo: usize, hi: usize) -> bool {
    let Some(token) = tokens.get(i) else {
        return false;
    };
    if !token.is_word {
        return false;
    }
    let word = token.text(text);
    if is_capitalized(word) {
        return true;
    }
    let name_part_at = |j: usize| {
        tokens.get(j).is_some_and(|t| {
            let w = t.text(text);
            t.is_word
                && t.paragraph == token.paragraph
                && (is_capitalized(w) || contains(NAME_PARTICLES, w))
        })
    };
    contains(NAME_PARTICLES, word)
        && i > lo
        && i + 1 < hi
        && name_part_at(i - 1)
        && name_part_at(i + 1)
}

/// The run of capitalised words ending at token `last`, not reaching below
/// `lo`. A possessive word before the last ends the run (`Russia's Vladimir
/// Putin` → `Vladimir Putin`).
pub fn run_backward(tokens: &[Token], text: &str, last: usize, lo: usize) -> Option<Range<usize>> {
    if !in_run(tokens, text, last, lo, last + 1) {
        return None;
    }
    let mut first = last;
    while first > lo && in_run(tokens, text, first - 1, lo, last + 1) {
        let word = tokens.get(first - 1).map_or("", |t| t.text(text));
        if is_possessive(word) {
            break;
        }
        first -= 1;
    }
    Some(first..last + 1)
}

/// The run of capitalised words starting at token `first`, not reaching
/// `hi`. A possessive word ends it.
pub fn run_forward(tokens: &[Token], text: &str, first: usize, hi: usize) -> Option<Range<usize>> {
    let mut end = first;
    while end < hi && in_run(tokens, text, end, first, hi) {
        let word = tokens.get(end).map_or("", |t| t.text(text));
        end += 1;
        if is_possessive(word) {
            break;
        }
    }
    (end > first).then_some(first..end)
}

/// A name read from a run: its words and the title that stood before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub words: Vec<String>,
    /// The last title of the run, lowercase (`president`).
    pub role: Option<String>,
}

/// The word of token `i`, possessive stripped.
fn name_word<'a>(tokens: &[Token], text: &'a str, i: usize) -> &'a str {
    tokens
        .get(i)
        .map_or("", |t| without_possessive(t.text(text)))
}

/// The tokens of the name in the run `run`, and its last title: words that
/// open sentences dropped from its front, everything up to its last title
/// dropped. The range is empty when the run is only a title (`The
/// President`). Allocates nothing: it runs for every capitalised run.
fn name_range(
    tokens: &[Token],
    text: &str,
    run: Range<usize>,
) -> Option<(Range<usize>, Option<&'static str>)> {
    let mut start = run.start;
    while start < run.end && contains_lower(NOT_NAME_WORDS, name_word(tokens, text, start)) {
        start += 1;
    }
    let title = (start..run.end)
        .rev()
        .find_map(|i| title_of(name_word(tokens, text, i)).map(|t| (i, t)));
    let (start, role) = match title {
        Some((i, t)) => (i + 1, Some(t)),
        None => (start, None),
    };
    let start = start + leading_non_name(tokens, text, start..run.end);
    if start >= run.end && role.is_none() {
        return None;
    }
    let single = start + 1 == run.end;
    if single && contains_lower(NOT_NAME_WORDS, name_word(tokens, text, start)) {
        return None;
    }
    Some((start.min(run.end)..run.end, role))
}

/// The name in the run `run` (see [`name_range`]), as words.
pub fn name_of_run(tokens: &[Token], text: &str, run: Range<usize>) -> Option<Named> {
    let (range, role) = name_range(tokens, text, run)?;
    Some(Named {
        words: range
            .map(|i| name_word(tokens, text, i).to_string())
            .collect(),
        role: role.map(str::to_string),
    })
}

/// `envoy to Ukraine Kurt Volker`, `Secretary of State Mike Pompeo`: words
/// before a known first name that is not itself preceded by one belong to
/// a place or an office, not to the name.
fn leading_non_name(tokens: &[Token], text: &str, run: Range<usize>) -> usize {
    let is_first_name = |i: usize| {
        let w = name_word(tokens, text, i);
        contains_lower(FEMALE_FIRST_NAMES, w) || contains_lower(MALE_FIRST_NAMES, w)
    };
    if run.len() < 3 {
        return 0;
    }
    (run.start + 1..run.end)
        .find(|&j| is_first_name(j) && !is_first_name(j - 1) && j + 1 < run.end)
        .map_or(0, |j| j - run.start)
}

/// True if the name is an organisation's (`Foreign Ministry`).
pub fn is_organisation(words: &[String]) -> bool {
    words.iter().any(|w| contains_lower(ORGANISATION_WORDS, w))
}

/// The gender a name or title tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// The gender a title tells (`Ms.`, `spokesman`), if any.
fn gender_of_title(title: &str) -> Option<Gender> {
    if contains(FEMALE_TITLES, title) {
        Some(Gender::Female)
    } else if contains(MALE_TITLES, title) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender a first name tells, if the vocabularies know it.
pub fn gender_of_first_name(word: &str) -> Option<Gender> {
    if contains_lower(FEMALE_FIRST_NAMES, word) {
        Some(Gender::Female)
    } else if contains_lower(MALE_FIRST_NAMES, word) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Every name of the article, by its last word, and the roles given to
/// them (`President X`, `spokesman X`, `X, the president of Y`). Names are
/// kept as token ranges into the page: building the index allocates only
/// its tables.
pub struct NameIndex<'a> {
    tokens: &'a [Token],
    text: &'a str,
    names: Vec<Range<usize>>,
    by_last: HashMap<&'a str, Vec<usize>>,
    /// Multi-word names by their first word, for a person called by the
    /// first name alone (`Grace said` → `Grace Liu`).
    by_first: HashMap<&'a str, Vec<usize>>,
    /// Names of three words or more by an inner word, with its place: a
    /// place or title glued before a surname-first name (`Britain Liu
    /// Xiaming`) hides the name's start.
    by_inner: HashMap<&'a str, Vec<(usize, usize)>>,
    /// (token index, role, name index), in text order.
    roles: Vec<(usize, &'static str, usize)>,
    /// Surnames whose gender a title told (`Mr. Trump`).
    genders: HashMap<&'a str, Gender>,
}

impl<'a> NameIndex<'a> {
    /// Reads every capitalised run of `tokens`.
    pub fn build(tokens: &'a [Token], text: &'a str) -> NameIndex<'a> {
        let mut index = NameIndex {
            tokens,
            text,
            names: Vec::new(),
            by_last: HashMap::new(),
            by_first: HashMap::new(),
            by_inner: HashMap::new(),
            roles: Vec::new(),
            genders: HashMap::new(),
        };
        let mut i = 0;
        let mut end_of_paragraph = 0;
        while i < tokens.len() {
            if i >= end_of_paragraph {
                end_of_paragraph = paragraph_end(tokens, i);
            }
            let Some(run) = run_forward(tokens, text, i, end_of_paragraph) else {
                i += 1;
                continue;
            };
            let next = run.end;
            if let Some((range, role)) = name_range(tokens, text, run.clone())
                && !range.is_empty()
            {
                let end = range.end;
                let id = index.add(range);
                let role = role
                    .or_else(|| role_before(tokens, text, run.start))
                    .or_else(|| appositive_role(tokens, text, next));
                if let Some(role) = role {
                    index.roles.push((run.start, role, id));
                    index.note_gender(end, role);
                }
            }
            i = next.max(i + 1);
        }
        index
    }

    /// Remembers the gender the title `role` tells for the surname ending
    /// at token `end` (the first title seen wins).
    fn note_gender(&mut self, end: usize, role: &str) {
        let Some(gender) = gender_of_title(role) else {
            return;
        };
        let last = end
            .checked_sub(1)
            .map_or("", |i| name_word(self.tokens, self.text, i));
        self.genders.entry(last).or_insert(gender);
    }

    /// The gender of a speaker's name: from a known first name, else from a
    /// title given to the surname somewhere in the article.
    pub fn gender_of(&self, speaker: &str) -> Option<Gender> {
        let mut words = speaker.split(' ');
        let first = words.next()?;
        let last = words.next_back().unwrap_or(first);
        gender_of_first_name(first).or_else(|| self.genders.get(last).copied())
    }

    /// True if the fullest name `full` is a person's: two words or more,
    /// or one that a title gave a gender (`Mr. Trump`), and no
    /// organisation word.
    pub fn is_person(&self, full: &[String]) -> bool {
        let named = full.len() >= 2
            || full
                .first()
                .is_some_and(|w| self.genders.contains_key(w.as_str()));
        named && !is_organisation(full)
    }

    fn add(&mut self, range: Range<usize>) -> usize {
        let last = range
            .end
            .checked_sub(1)
            .map_or("", |i| name_word(self.tokens, self.text, i));
        let id = self.names.len();
        if range.len() < 2 {
            // A one-word name is never fuller than the word asked for: it
            // is kept for roles and genders, not indexed by surname.
            self.names.push(range);
            return id;
        }
        let same_words = |other: &Range<usize>| {
            other.len() == range.len()
                && other.clone().zip(range.clone()).all(|(a, b)| {
                    name_word(self.tokens, self.text, a) == name_word(self.tokens, self.text, b)
                })
        };
        // `Patrick Carlineo Jr.` is also `Carlineo`'s fullest name.
        let surname = range
            .end
            .checked_sub(2)
            .filter(|_| range.len() >= 3 && is_name_suffix(last))
            .map(|i| name_word(self.tokens, self.text, i));
        let known = self.by_last.entry(last).or_default();
        let seen = known
            .iter()
            .any(|&k| self.names.get(k).is_some_and(same_words));
        if !seen && known.len() < MAX_NAMES_PER_SURNAME {
            known.push(id);
            if let Some(surname) = surname {
                let known = self.by_last.entry(surname).or_default();
                if known.len() < MAX_NAMES_PER_SURNAME {
                    known.push(id);
                }
            }
            let first = name_word(self.tokens, self.text, range.start);
            let by_first = self.by_first.entry(first).or_default();
            if by_first.len() < MAX_NAMES_PER_SURNAME {
                by_first.push(id);
            }
            for (offset, at) in range.clone().enumerate().skip(1) {
                if at + 1 >= range.end {
                    break;
                }
                let inner = self
                    .by_inner
                    .entry(name_word(self.tokens, self.text, at))
                    .or_default();
                if inner.len() < MAX_NAMES_PER_SURNAME {
                    inner.push((id, offset));
                }
            }
        }
        self.names.push(range);
        id
    }

    fn words_of(&self, id: usize) -> Vec<&'a str> {
        self.names
            .get(id)
            .into_iter()
            .flat_map(Clone::clone)
            .map(|i| name_word(self.tokens, self.text, i))
            .collect()
    }

    /// The fullest name of the article that ends with `words`
    /// (`Tokayev` → `Kassym-Jomart Tokayev`); `words` itself if none.
    pub fn fullest(&self, words: &[String]) -> Vec<String> {
        self.fullest_at(words, 0)
    }

    /// Like [`NameIndex::fullest`], for a name written at token `at`: a
    /// lone known first name with no name ending in it takes the fullest
    /// name starting with it given before `at` (`Grace Liu … Grace said`).
    /// Only before: an article introduces a person in full first, and a
    /// later `Sir Charles Walker` is not the `Charles` of the lead.
    pub fn fullest_at(&self, words: &[String], at: usize) -> Vec<String> {
        self.fullest_of(words, at, usize::MAX)
    }

    /// Like [`NameIndex::fullest_at`], from the names written before token
    /// `before` only: a sentence's lone subject (`Research focusing on…`)
    /// is no one a later name (`Center for Scientific Research`) completes.
    pub fn fullest_before(&self, words: &[String], before: usize) -> Vec<String> {
        self.fullest_of(words, before, before)
    }

    fn fullest_of(&self, words: &[String], at: usize, before: usize) -> Vec<String> {
        let last = words.last().map_or("", String::as_str);
        let mut best: Option<Vec<&str>> = None;
        for &id in self.by_last.get(last).into_iter().flatten() {
            if self.names.get(id).is_none_or(|r| r.start >= before) {
                continue;
            }
            let candidate = self.words_of(id);
            let longer = best.as_ref().is_none_or(|b| candidate.len() > b.len());
            if longer && ends_with(&candidate, words) {
                best = Some(candidate);
            }
        }
        let first_name_alone = words.len() == 1 && gender_of_first_name(last).is_some();
        if best.is_none() && first_name_alone {
            for &id in self.by_first.get(last).into_iter().flatten() {
                let earlier = self.names.get(id).is_some_and(|r| r.start < at);
                let candidate = self.words_of(id);
                if earlier && best.as_ref().is_none_or(|b| candidate.len() > b.len()) {
                    best = Some(candidate);
                }
            }
        }
        if best.is_none() && words.len() == 1 {
            best = self.only_name_starting_with(last, at);
        }
        match best {
            Some(best) => best.into_iter().map(str::to_string).collect(),
            None => words.to_vec(),
        }
    }

    /// `Liu Xiaming … Liu said`: Chinese, Korean and Hungarian names put the
    /// surname first, so a lone word that ends no name may start one. Only
    /// when exactly one person's name given before `at` starts with it.
    fn only_name_starting_with(&self, word: &str, at: usize) -> Option<Vec<&'a str>> {
        let mut found: Option<Vec<&'a str>> = None;
        let whole = self
            .by_first
            .get(word)
            .into_iter()
            .flatten()
            .map(|&id| (id, 0));
        let inner = self.by_inner.get(word).into_iter().flatten().copied();
        for (id, offset) in whole.chain(inner) {
            if self.names.get(id).is_none_or(|r| r.start >= at) {
                continue;
            }
            let candidate: Vec<&'a str> = self.words_of(id).into_iter().skip(offset).collect();
            match &found {
                Some(seen) if *seen != candidate => return None,
                _ => found = Some(candidate),
            }
        }
        let owned: Vec<String> = found.as_ref()?.iter().map(|w| (*w).to_string()).collect();
        (!is_organisation(&owned)).then_some(found?)
    }

    /// The person last given the role `role` before token `before` (or
    /// first after it), in the fullest form of the name.
    pub fn holder_of(&self, role: &str, before: usize) -> Option<Vec<String>> {
        let split = self.roles.partition_point(|(at, _, _)| *at < before);
        let (earlier, later) = self.roles.split_at(split);
        let holder = earlier
            .iter()
            .rev()
            .take(MAX_ROLE_LOOKUP)
            .chain(later.iter().take(MAX_ROLE_LOOKUP))
            .find(|(_, r, _)| *r == role)?;
        let words: Vec<String> = self
            .words_of(holder.2)
            .into_iter()
            .map(str::to_string)
            .collect();
        Some(self.fullest(&words))
    }
}

/// `Jr.`, `Sr.`, `III`: a suffix after the surname.
fn is_name_suffix(word: &str) -> bool {
    contains_lower(NAME_SUFFIXES, word)
}

/// True if the name `candidate` ends with `words`, a suffix of the
/// candidate aside (`Patrick Carlineo Jr.` ends with `Carlineo`).
fn ends_with(candidate: &[&str], words: &[String]) -> bool {
    let bare = match candidate.split_last() {
        Some((last, rest))
            if is_name_suffix(last) && words.last().is_none_or(|w| !is_name_suffix(w)) =>
        {
            rest
        }
        _ => candidate,
    };
    ends_with_exactly(bare, words)
}

fn ends_with_exactly(candidate: &[&str], words: &[String]) -> bool {
    candidate.len() >= words.len()
        && candidate
            .iter()
            .rev()
            .zip(words.iter().rev())
            .all(|(a, b)| a == b)
}

/// The index just past the last token of token `i`'s paragraph.
fn paragraph_end(tokens: &[Token], i: usize) -> usize {
    let paragraph = tokens.get(i).map_or(0, |t| t.paragraph);
    let mut end = i;
    while tokens.get(end).is_some_and(|t| t.paragraph == paragraph) {
        end += 1;
    }
    end
}

/// A lowercase title right before a name: `Kremlin spokesman Dmitry Peskov`.
fn role_before(tokens: &[Token], text: &str, start: usize) -> Option<&'static str> {
    let token = tokens.get(start.checked_sub(1)?)?;
    token.is_word.then(|| title_of(token.text(text)))?
}

/// A title in an appositive after a name: `X, the president of Y,`.
fn appositive_role(tokens: &[Token], text: &str, after: usize) -> Option<&'static str> {
    let comma = tokens.get(after)?;
    if comma.is_word || comma.text(text) != "," {
        return None;
    }
    if !contains_lower(ROLE_DETERMINERS, tokens.get(after + 1)?.text(text)) {
        return None;
    }
    tokens
        .get(after + 2..tokens.len().min(after + 5))?
        .iter()
        .take_while(|t| t.is_word)
        .find_map(|t| title_of(t.text(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::tokens::tokenize;

    fn name(text: &str) -> Option<Named> {
        let tokens = tokenize(text, std::slice::from_ref(&(0..text.len())));
        let run = run_backward(&tokens, text, tokens.len() - 1, 0)?;
        name_of_run(&tokens, text, run)
    }

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| (*w).to_string()).collect()
    }

    #[test]
    fn titles_and_sentence_openers_are_stripped() {
        let named = name("Kazakh President Kassym-Jomart Tokayev").unwrap_or_default();
        assert_eq!(named.words, words(&["Kassym-Jomart", "Tokayev"]));
        assert_eq!(named.role.as_deref(), Some("president"));
        let named = name("But Armenian Prime Minister Nikol Pashinyan").unwrap_or_default();
        assert_eq!(named.words, words(&["Nikol", "Pashinyan"]));
        assert_eq!(
            name("Ursula von der Leyen").unwrap_or_default().words.len(),
            4
        );
    }

    #[test]
    fn a_possessive_ends_a_run() {
        let named = name("Russia's Vladimir Putin").unwrap_or_default();
        assert_eq!(named.words, words(&["Vladimir", "Putin"]));
    }

    #[test]
    fn surnames_and_roles_resolve_to_the_fullest_name() {
        let text = "Kazakh President Kassym-Jomart Tokayev met Kremlin spokesman Dmitry Peskov. Tokayev left.";
        let tokens = tokenize(text, std::slice::from_ref(&(0..text.len())));
        let index = NameIndex::build(&tokens, text);
        assert_eq!(
            index.fullest(&words(&["Tokayev"])),
            words(&["Kassym-Jomart", "Tokayev"])
        );
        assert_eq!(
            index.holder_of("president", 99),
            Some(words(&["Kassym-Jomart", "Tokayev"]))
        );
        assert_eq!(
            index.holder_of("spokesman", 99),
            Some(words(&["Dmitry", "Peskov"]))
        );
        assert_eq!(index.fullest(&words(&["Smith"])), words(&["Smith"]));
    }
}
