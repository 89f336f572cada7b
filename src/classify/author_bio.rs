//! Author bios: an "About the writer" heading, and the sentence "Jane Doe
//! is a reporter based in ..." that follows it or closes the page; and
//! their organisational twin closing a press release, "Acme is a global
//! solutions provider ..." (the publisher's profile, not the news).

use std::sync::LazyLock;

use crate::blocks::Block;
use crate::pattern::MatchOnly;
use crate::rules::phrases::{BIO_OPENERS, BIO_ROLES, ORGANISATION_ROLES};
use crate::rules::thresholds::{BIO_ROLE_WINDOW, MAX_BIO_CHARS};
use crate::rules::{contains_word, starts_with_any};

/// A capitalised name of one to four words, then "is/was a/an/the".
static BIO_SENTENCE: LazyLock<MatchOnly> = LazyLock::new(|| {
    MatchOnly::new(r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*|\s+(?:van|von|de|der|da|del|di|le|la|bin|al)){0,4}\s+(?:is|was)\s+(?:a|an|the|our)\s")
        .unwrap_or_else(|| unreachable!("the bio pattern is a valid regex"))
});

/// A capitalised name of one to five words (an acronym in brackets may
/// follow), then "is a/an/the" or its German, French and Spanish forms.
static PROFILE_SENTENCE: LazyLock<MatchOnly> = LazyLock::new(|| {
    MatchOnly::new(r"^\p{Lu}[\p{L}\d.&'’-]*(?:\s+(?:\p{Lu}[\p{L}\d.&'’-]*|&|\(\p{Lu}+\))){0,4}\s+(?:is|ist|est|es)\s+(?:a|an|the|one|ein|eine|einer|der|die|das|un|une|le|la|l'|el|una)\s")
        .unwrap_or_else(|| unreachable!("the profile pattern is a valid regex"))
});

/// True if the block is an organisation's profile: "Name is a ...
/// provider / company / Verband ..." (the role word, or a compound ending
/// in it, comes early).
pub fn is_organisation_profile(block: &Block) -> bool {
    if block.chars > MAX_BIO_CHARS || !PROFILE_SENTENCE.is_match(&block.text) {
        return false;
    }
    let head: String = block.text.chars().take(BIO_ROLE_WINDOW).collect();
    head.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANISATION_ROLES.iter().any(|role| w.ends_with(role)))
}

/// True if the block is a heading that opens an author bio.
pub fn is_bio_opener(block: &Block) -> bool {
    block.chars <= 40 && starts_with_any(BIO_OPENERS, block.lower().trim_end_matches([':', ' ']))
}

/// True if the block reads like a bio: "Name is a ... reporter ...".
pub fn is_bio_sentence(block: &Block) -> bool {
    if block.chars > MAX_BIO_CHARS || !BIO_SENTENCE.is_match(&block.text) {
        return false;
    }
    let head: String = block.text.chars().take(BIO_ROLE_WINDOW).collect();
    head.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| contains_word(BIO_ROLES, w) || w.starts_with("freelance"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_text;

    #[test]
    fn organisation_profiles() {
        let profile = |t: &str| is_organisation_profile(&first(t));
        assert!(profile(
            "Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions."
        ));
        assert!(profile(
            "Die Beispiel AG ist ein führender Hersteller von Wärmepumpen mit Sitz in Kassel."
        ));
        assert!(!profile(
            "The council is a body of twelve members elected every four years."
        ));
        assert!(!profile(
            "Nobody is a winner in this budget, the mayor said."
        ));
    }

    fn first(text: &str) -> Block {
        from_text(text)
            .blocks
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn bio_openers_and_sentences() {
        assert!(is_bio_opener(&first("About the writer")));
        assert!(is_bio_sentence(&first(
            "Isabel van Brugen is a Newsweek Reporter based in Kuala Lumpur. Read more"
        )));
        assert!(is_bio_sentence(&first(
            "Jane Doe is a senior political correspondent."
        )));
        assert!(!is_bio_sentence(&first(
            "The minister is a former reporter who left in 2010."
        )));
    }
}
