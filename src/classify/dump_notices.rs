//! Notices and link lines of a text dump that the line shapes take for
//! prose: a licence or disclosure note ("All content is licensed under a
//! Creative Commons ...", "We may receive compensation for some of the
//! links"), and a link to another story set in the article under a label
//! ("VEA TAMBIÉN: ...", "Dowiedz się więcej: ...", "À lire aussi » ...").

use super::Kind;
use super::dump_furniture::{Dump, remove};
use crate::rules::contains_any;
use crate::rules::dump_furniture::{
    INLINE_LINK_LABELS, INLINE_LINK_SEPARATORS, MAX_INLINE_LINK_CHARS, MAX_NOTICE_CHARS,
    NOTICE_PHRASES,
};
use crate::rules::phrases::RELATED_OPENERS;

/// True if the line is a licence, liability or advertising disclosure.
fn is_notice(text: &str) -> bool {
    text.chars().count() <= MAX_NOTICE_CHARS && contains_any(NOTICE_PHRASES, &text.to_lowercase())
}

/// True if the line is a label announcing another story, a separator and
/// that story's title.
fn is_inline_link(text: &str) -> bool {
    if text.chars().count() > MAX_INLINE_LINK_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    let label = RELATED_OPENERS
        .iter()
        .chain(INLINE_LINK_LABELS)
        .filter(|label| lower.starts_with(*label))
        .max_by_key(|label| label.len());
    let Some(rest) = label.and_then(|l| lower.get(l.len()..)) else {
        return false;
    };
    let rest = rest.trim_start();
    INLINE_LINK_SEPARATORS.iter().any(|sep| {
        rest.strip_prefix(*sep)
            .is_some_and(|title| !title.trim().is_empty())
    })
}

/// Removes notices as legal lines and labelled links as related ones.
pub fn apply(dump: &Dump, kinds: &mut [Kind]) {
    for i in 0..dump.len() {
        let text = dump.text(i);
        if is_notice(text) {
            remove(kinds, i, Kind::Legal);
        } else if is_inline_link(text) {
            remove(kinds, i, Kind::Related);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::test_support::text_body;
    use crate::classify::test_support::{P1, P2};

    #[test]
    fn licence_and_disclosure_notes_are_removed() {
        let note = "Advertising disclosure: We may receive compensation for some of the links \
            in our stories. Thank you for supporting us and our advertisers.";
        let dump = format!("{P1}\n\n{P2}\n\n{note}\n");
        assert_eq!(text_body(&dump), [P1, P2]);
    }

    #[test]
    fn labelled_links_to_other_stories_are_removed() {
        assert!(is_inline_link(
            "VEA TAMBIÉN: Estrella de la educación no brilla para estudiantes"
        ));
        assert!(is_inline_link(
            "À lire aussi » Quel est votre profil digestif ?"
        ));
        // A dateline is not a label of the vocabulary.
        assert!(!is_inline_link(
            "BANGKOK: Ein Video zeigt einen Lieferboten."
        ));
        // The label alone is a heading, left to the heading rules.
        assert!(!is_inline_link("Read more:"));
        let dump = format!("{P1}\n\nLEE MÁS | Un exministro niega haber negociado obras\n\n{P2}\n");
        assert_eq!(text_body(&dump), [P1, P2]);
    }
}
