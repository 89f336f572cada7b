//! Words and punctuation of the body with their byte offsets, the unit in
//! which cues and speakers are read. `Kassym-Jomart`, `it's`, `U.S.` and
//! `Mr.` are one word each; an abbreviation's period does not end a
//! sentence.

use std::ops::Range;

use crate::rules::quotes::{ABBREVIATIONS, contains_lower};

/// One word or punctuation character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
    /// Index of the paragraph the token lies in.
    pub paragraph: usize,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Characters that join two alphanumeric runs into one word.
fn joins_word(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '.' | '&' | '\u{2011}')
}

/// Splits every paragraph of `text` into tokens, in text order.
pub fn tokenize(text: &str, paragraphs: &[Range<usize>]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    for (index, range) in paragraphs.iter().enumerate() {
        if let Some(paragraph) = text.get(range.clone()) {
            tokenize_paragraph(paragraph, range.start, index, &mut tokens);
        }
    }
    tokens
}

/// The character at byte `at` of `s` and its length; ASCII without
/// decoding.
fn char_at(s: &str, at: usize) -> Option<(char, usize)> {
    let byte = *s.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = s.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn tokenize_paragraph(paragraph: &str, base: usize, index: usize, tokens: &mut Vec<Token>) {
    let mut at = 0;
    while let Some((c, len)) = char_at(paragraph, at) {
        let start = at;
        at += len;
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start: base + start,
                end: base + at,
                is_word: false,
                paragraph: index,
            });
            continue;
        }
        while let Some((next, next_len)) = char_at(paragraph, at) {
            let joined = joins_word(next)
                && char_at(paragraph, at + next_len).is_some_and(|(c, _)| is_word_char(c));
            if !is_word_char(next) && !joined {
                break;
            }
            at += next_len;
        }
        let word = paragraph.get(start..at).unwrap_or("");
        if paragraph.as_bytes().get(at) == Some(&b'.') && keeps_period(word) {
            at += 1;
        }
        tokens.push(Token {
            start: base + start,
            end: base + at,
            is_word: true,
            paragraph: index,
        });
    }
}

/// An initial (`J.`), an abbreviation (`Mr.`) or a dotted acronym (`U.S.`)
/// keeps its period.
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || word.contains('.') || contains_lower(ABBREVIATIONS, word)
}

/// True if the token ends a sentence: `.`, `!`, `?` or `;` standing alone
/// (an abbreviation keeps its period inside its word token).
pub fn ends_sentence(token: &Token, text: &str) -> bool {
    !token.is_word && matches!(token.text(text), "." | "!" | "?" | ";")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, std::slice::from_ref(&(0..text.len())));
        tokens.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn joined_words_abbreviations_and_initials_are_one_token() {
        assert_eq!(
            words("Mr. Kassym-Jomart Tokayev's U.S. visit, J. Smith."),
            [
                "Mr.",
                "Kassym-Jomart",
                "Tokayev's",
                "U.S.",
                "visit",
                ",",
                "J.",
                "Smith",
                "."
            ]
        );
    }

    #[test]
    fn sentence_ends_are_punctuation_tokens() {
        let text = "He said so. Then left";
        let tokens = tokenize(text, std::slice::from_ref(&(0..text.len())));
        let ends: Vec<bool> = tokens.iter().map(|t| ends_sentence(t, text)).collect();
        assert_eq!(ends, [false, false, false, true, false, false]);
    }
}
