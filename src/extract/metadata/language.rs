//! The language of a page: whatlang on (the head of) the body text, mapped
//! to ISO 639-1, cross-checked with the page's declared language.
//!
//! Confident text detection wins over a declared `<html lang>` (templates
//! often declare "en" on every page); on short text or an unreliable guess
//! the declared language wins.

use crate::rules::metadata::{
    ISO_639_3_TO_1, LANGUAGE_CONFIRM_BYTES, LANGUAGE_MIN_TEXT_CHARS, LANGUAGE_SAMPLE_BYTES,
};

/// whatlang's ISO 639-3 code → ISO 639-1.
fn iso_639_1(code_3: &str) -> Option<&'static str> {
    ISO_639_3_TO_1
        .binary_search_by(|(c3, _)| (*c3).cmp(code_3))
        .ok()
        .and_then(|i| ISO_639_3_TO_1.get(i))
        .map(|(_, c1)| *c1)
}

/// The primary subtag of a language tag, when it is a two-letter code:
/// "en-US" → "en", "pt_BR" → "pt", "DE" → "de"; "x-default" → None.
pub fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let is_code = primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic());
    is_code.then_some(primary)
}

/// The first `max` bytes of `text`, cut at a char boundary.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

/// whatlang's guess for `sample`, as an ISO 639-1 code and whether the
/// guess is reliable.
fn guess(sample: &str) -> Option<(&'static str, bool)> {
    whatlang::detect(sample)
        .and_then(|info| iso_639_1(info.lang().code()).map(|c| (c, info.is_reliable())))
}

/// The ISO 639-1 language of `text`, cross-checked with `html_lang`.
///
/// A declared language stands without detection when the text is too
/// short to overrule it, and when the head of the text
/// ([`LANGUAGE_CONFIRM_BYTES`]) reliably reads as that language: the
/// detector's fixed cost is paid on the short head, and the full sample is
/// read only when the head does not confirm the declaration.
pub fn detect(text: &str, html_lang: Option<&str>) -> Option<String> {
    let declared = html_lang.and_then(primary_subtag);
    let sample = head(text.trim(), LANGUAGE_SAMPLE_BYTES);
    let long_enough = sample.chars().count() >= LANGUAGE_MIN_TEXT_CHARS;
    if let Some(declared) = declared.as_deref() {
        if !long_enough {
            return Some(declared.to_string());
        }
        let confirm = head(sample, LANGUAGE_CONFIRM_BYTES);
        if confirm.len() < sample.len() && guess(confirm) == Some((declared, true)) {
            return Some(declared.to_string());
        }
    }
    let detected = guess(sample);
    match (detected, declared) {
        (Some((code, reliable)), Some(declared)) => {
            if reliable && long_enough {
                Some(code.to_string())
            } else {
                Some(declared)
            }
        }
        (Some((code, _)), None) => Some(code.to_string()),
        (None, declared) => declared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The government announced on Thursday that it would not help its neighbour \
        circumvent the sanctions imposed over the war, a decision that analysts said showed how \
        far relations between the two countries have deteriorated since the invasion began.";
    const DE: &str = "Die Bundesregierung hat am Donnerstag angekündigt, dass sie dem Nachbarland \
        nicht helfen werde, die Sanktionen zu umgehen. Analysten sagten, die Entscheidung zeige, \
        wie sehr sich die Beziehungen zwischen den beiden Ländern seit Beginn des Krieges \
        verschlechtert hätten.";
    const FR: &str = "Le gouvernement a annoncé jeudi qu'il n'aiderait pas son voisin à contourner \
        les sanctions imposées en raison de la guerre, une décision qui, selon les analystes, \
        montre à quel point les relations entre les deux pays se sont détériorées depuis le début.";
    const ES: &str = "El gobierno anunció el jueves que no ayudaría a su vecino a eludir las \
        sanciones impuestas por la guerra, una decisión que, según los analistas, muestra hasta \
        qué punto se han deteriorado las relaciones entre los dos países desde que comenzó.";

    #[test]
    fn text_language_without_a_declaration() {
        assert_eq!(detect(EN, None).as_deref(), Some("en"));
        assert_eq!(detect(DE, None).as_deref(), Some("de"));
        assert_eq!(detect(FR, None).as_deref(), Some("fr"));
        assert_eq!(detect(ES, None).as_deref(), Some("es"));
    }

    #[test]
    fn confident_text_beats_a_template_declaration() {
        assert_eq!(detect(DE, Some("en-US")).as_deref(), Some("de"));
        assert_eq!(detect(FR, Some("en")).as_deref(), Some("fr"));
    }

    #[test]
    fn agreeing_declaration_and_text() {
        assert_eq!(detect(ES, Some("es-ES")).as_deref(), Some("es"));
        assert_eq!(detect(EN, Some("EN")).as_deref(), Some("en"));
    }

    #[test]
    fn short_text_follows_the_declaration() {
        assert_eq!(detect("Das ist gut", Some("de-AT")).as_deref(), Some("de"));
        assert_eq!(detect("OK", Some("pt_BR")).as_deref(), Some("pt"));
        assert_eq!(detect("", Some("fr")).as_deref(), Some("fr"));
        assert_eq!(detect("", None), None);
    }

    #[test]
    fn a_head_that_confirms_the_declaration_settles_it() {
        // Texts longer than the head: the head decides when it reliably
        // reads as the declared language, the full sample when it does not.
        let en = [EN, EN, EN, EN].join(" ");
        let de = [DE, DE, DE, DE].join(" ");
        assert!(en.len() > LANGUAGE_CONFIRM_BYTES && de.len() > LANGUAGE_CONFIRM_BYTES);
        assert_eq!(detect(&en, Some("en-GB")).as_deref(), Some("en"));
        assert_eq!(detect(&de, Some("en")).as_deref(), Some("de"));
        assert_eq!(detect(&de, None).as_deref(), Some("de"));
        // Whatever the head says, a wrong declaration does not survive a
        // confident full sample.
        let mixed = format!("{EN} {EN} {DE} {DE} {DE} {DE} {DE} {DE}");
        assert_eq!(
            detect(&mixed, Some("fr")).as_deref(),
            detect(&mixed, None).as_deref()
        );
    }

    #[test]
    fn invalid_declarations_are_ignored() {
        assert_eq!(primary_subtag("x-default"), None);
        assert_eq!(primary_subtag("english"), None);
        assert_eq!(detect(EN, Some("x-default")).as_deref(), Some("en"));
    }

    #[test]
    fn sample_is_cut_at_a_char_boundary() {
        let text = "é".repeat(LANGUAGE_SAMPLE_BYTES);
        assert!(head(&text, LANGUAGE_SAMPLE_BYTES + 1).len() <= LANGUAGE_SAMPLE_BYTES + 1);
        assert!(
            head(&text, LANGUAGE_SAMPLE_BYTES + 1)
                .chars()
                .all(|c| c == 'é')
        );
    }
}
