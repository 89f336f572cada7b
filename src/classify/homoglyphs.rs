//! Text disguised with look-alike letters: words spelt half in Latin and
//! half in Cyrillic letters ("Yоur соntеnt" with Cyrillic о, е, с) are
//! written so that ad filters do not recognise them. No language mixes
//! the two alphabets inside a word, so such a block is an advertisement.

use crate::blocks::Block;
use crate::rules::thresholds::MIN_MIXED_SCRIPT_WORDS;

/// True if the block has at least [`MIN_MIXED_SCRIPT_WORDS`] words that
/// mix Latin and Cyrillic letters.
pub fn is_disguised(block: &Block) -> bool {
    if block.text.is_ascii() {
        return false;
    }
    block
        .text
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| mixes_scripts(word))
        .take(MIN_MIXED_SCRIPT_WORDS)
        .count()
        >= MIN_MIXED_SCRIPT_WORDS
}

/// True if the word holds both a Latin and a Cyrillic letter.
fn mixes_scripts(word: &str) -> bool {
    let latin = word.chars().any(is_latin);
    latin && word.chars().any(is_cyrillic)
}

/// Basic Latin and Latin-1 letters (accented letters count as Latin).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{c0}'..='\u{24f}').contains(&c) && c.is_alphabetic())
}

/// The Cyrillic block and its supplement.
fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::test_support::html_body;

    const PARA: &str =
        "The health agency warned that new waves of infections remain likely this year.";

    #[test]
    fn words_in_look_alike_letters_are_an_advert() {
        // "Advertise with the ... Belize ... We offer fully customizable"
        // with Cyrillic А, е, і, ѕ, В, о, у, с in the Latin words.
        let ad = "Аdvеrtіѕе wіth thе most visited news site in Веlіzе ~ Wе оffеr fullу \
                  сuѕtоmіzаblе аnd flехіblе dіgіtаl marketing packages.";
        let html =
            format!("<body><article><p>{PARA}</p><p>{PARA} Again.</p><p>{ad}</p></article></body>");
        let body = html_body(&html);
        assert_eq!(body.len(), 2, "{body:?}");
    }

    #[test]
    fn a_word_mixes_scripts_only_with_letters_of_both() {
        assert!(mixes_scripts("Yоur"));
        assert!(!mixes_scripts("Your"));
        assert!(!mixes_scripts("Компания"));
        assert!(!mixes_scripts("Café"));
    }

    #[test]
    fn russian_with_latin_names_is_not_disguised() {
        let text =
            "Компания Apple представила новый iPhone и обновила macOS для своих компьютеров.";
        let html = format!("<body><article><p>{PARA}</p><p>{text}</p></article></body>");
        let body = html_body(&html);
        assert_eq!(body.len(), 2, "{body:?}");
    }
}
