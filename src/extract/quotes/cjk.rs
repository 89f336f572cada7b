//! Speakers of Japanese quotes, read on characters since the script has no
//! spaces to make words of: `田中市長は「…」と述べた` (a name with a title or
//! honorific before `は`/`が`, the cue after `と`), `「…」と田中さんは語った`
//! (the name after `と`). A quote with a cue and no name keeps the speaker
//! of the quote before it (Japanese leaves the subject out).

use std::ops::Range;

use super::marks::Span;
use crate::rules::quotes::{JA_CUE_VERBS, JA_NAME_SUFFIXES, MAX_REFERENT_LOOKBACK};

/// A Japanese speaker's name is at most this many characters (`ジョー・バ
/// イデン` has eight; longer runs before `は` are phrases, not names).
const MAX_NAME_CHARS: usize = 16;

/// The speaker before a quote is looked for at most this many characters
/// back (a Japanese news sentence rarely runs past a hundred).
const MAX_SENTENCE_CHARS: usize = 200;

/// The speaker and cue of a Japanese quote, if it has a cue.
pub struct JaAttribution {
    pub speaker: Option<String>,
    pub cue: String,
}

/// True if the span opens with a corner bracket (`「`, `『`).
pub fn is_corner_quote(text: &str, span: &Span) -> bool {
    text.get(span.open..)
        .is_some_and(|t| t.starts_with(['\u{300C}', '\u{300E}']))
}

/// True for kana and Han characters: the scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// True for the characters of a written name: Han, katakana, the middle
/// dot of foreign names.
fn is_name_char(c: char) -> bool {
    matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// A Japanese speaker named so far, with the index of its paragraph.
pub struct Named {
    pub name: String,
    pub paragraph: usize,
}

/// Attributes the Japanese quote `span` of the paragraph `paragraph`;
/// `earlier` are the speakers named so far (most recent last), to resolve
/// a surname and to inherit from (within the paragraph or the one above).
pub fn attribute(
    text: &str,
    span: &Span,
    paragraph: &Range<usize>,
    earlier: &[Named],
) -> Option<JaAttribution> {
    let after = text.get(span.after..paragraph.end)?.trim_start();
    let rest = after.strip_prefix('\u{3068}')?; // と
    // `とも話した`: "also said".
    let cue = cue_at(rest).or_else(|| cue_at(rest.strip_prefix('\u{3082}')?));
    if let Some(cue) = cue {
        let speaker = speaker_before(text, span, paragraph)
            .map(|name| fullest(&name, earlier))
            .or_else(|| {
                earlier
                    .last()
                    .filter(|n| n.paragraph + 1 >= span.paragraph)
                    .map(|n| n.name.clone())
            });
        return Some(JaAttribution { speaker, cue });
    }
    let (name, cue) = name_then_cue(rest)?;
    Some(JaAttribution {
        speaker: Some(fullest(&name, earlier)),
        cue,
    })
}

/// The longest cue verb `rest` starts with.
fn cue_at(rest: &str) -> Option<String> {
    JA_CUE_VERBS
        .iter()
        .filter(|cue| rest.starts_with(**cue))
        .max_by_key(|cue| cue.len())
        .map(|cue| (*cue).to_string())
}

/// `田中さんは語った` after the `と`: a name, `は` or `が`, the cue.
fn name_then_cue(rest: &str) -> Option<(String, String)> {
    let (at, particle) = rest
        .char_indices()
        .take(MAX_NAME_CHARS + 1)
        .find(|&(_, c)| is_topic_particle(c))?;
    let name = name_of(rest.get(..at)?)?;
    let cue = cue_at(
        rest.get(at + particle.len_utf8()..)?
            .trim_start_matches('\u{3001}'),
    )?;
    Some((name, cue))
}

/// `は` and `が`, which mark the subject.
fn is_topic_particle(c: char) -> bool {
    matches!(c, '\u{306F}' | '\u{304C}')
}

/// `田中浩二市長は記者会見で「`: the name before the first `は`/`が` of the
/// quote's sentence, after the last comma before it.
fn speaker_before(text: &str, span: &Span, paragraph: &Range<usize>) -> Option<String> {
    let before = text.get(paragraph.start..span.open)?;
    // Bounded look-back: a page of many quotes in one paragraph stays
    // linear.
    let window = before
        .char_indices()
        .rev()
        .nth(MAX_SENTENCE_CHARS)
        .map_or(0, |(i, _)| i);
    let before = before.get(window..)?;
    let sentence_start = before
        .rfind(['\u{3002}', '\u{FF01}', '\u{FF1F}'])
        .map_or(0, |i| i + '\u{3002}'.len_utf8());
    let sentence = before.get(sentence_start..)?;
    let (at, _) = sentence
        .char_indices()
        .find(|&(_, c)| is_topic_particle(c))?;
    let subject = sentence.get(..at)?;
    let subject = subject
        .rsplit_once('\u{3001}')
        .map_or(subject, |(_, last)| last);
    name_of(subject)
}

/// The name in `田中浩二市長`, `中村さん`: the honorific or title stripped;
/// `None` unless one was there and the rest is a name's characters.
fn name_of(subject: &str) -> Option<String> {
    let suffix = JA_NAME_SUFFIXES
        .iter()
        .filter(|s| subject.ends_with(**s))
        .max_by_key(|s| s.len())?;
    let name = subject.get(..subject.len() - suffix.len())?;
    let count = name.chars().count();
    let plausible = (1..=MAX_NAME_CHARS).contains(&count) && name.chars().all(is_name_char);
    plausible.then(|| name.to_string())
}

/// The fullest earlier name that starts with `name` (a surname: `田中` →
/// `田中浩二`), or `name` itself.
fn fullest(name: &str, earlier: &[Named]) -> String {
    earlier
        .iter()
        .rev()
        .take(MAX_REFERENT_LOOKBACK)
        .map(|n| &n.name)
        .filter(|full| full.starts_with(name))
        .max_by_key(|full| full.len())
        .map_or_else(|| name.to_string(), Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::super::find_quotes;

    fn found(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_quotes(text)
            .into_iter()
            .map(|q| (q.text, q.speaker, q.cue))
            .collect()
    }

    #[test]
    fn a_titled_name_with_wa_before_the_quote_speaks() {
        let text =
            "田中浩二市長は記者会見で「高齢者や学生が気軽にバスを使える町にしたい」と述べた。";
        assert_eq!(
            found(text),
            [(
                "高齢者や学生が気軽にバスを使える町にしたい".to_string(),
                Some("田中浩二".to_string()),
                Some("述べた".to_string())
            )]
        );
    }

    #[test]
    fn a_name_after_to_speaks_and_a_surname_takes_the_full_name() {
        let text = "田中浩二市長は「高齢者や学生が気軽にバスを使える町にしたい」と述べた。\n\n「財源は一般会計からの補助で補う考えだ」と田中市長は語った。";
        let quotes = found(text);
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[1].1.as_deref(), Some("田中浩二"));
        assert_eq!(quotes[1].2.as_deref(), Some("語った"));
    }

    #[test]
    fn a_cue_without_a_name_keeps_the_speaker_before() {
        let text = "中村由美市議は「利用者が増えなければ、数年後に再び値上げを迫られる」と指摘した。「財源の見通しが甘いと言わざるを得ない」とも話した。";
        let quotes = found(text);
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].1.as_deref(), Some("中村由美"));
        // `とも話した` has no plain `と` + cue: no attribution of its own.
        assert_eq!(quotes[1].1.as_deref(), Some("中村由美"));
    }

    #[test]
    fn short_bracketed_terms_are_not_quotes() {
        let text = "市は「コンパクトシティ」を掲げ、田中市長は「働き方改革」と述べた。";
        assert!(found(text).is_empty());
    }

    #[test]
    fn many_quotes_in_one_paragraph_stay_linear() {
        let text =
            "田中浩二市長は「高齢者や学生が気軽にバスを使える町にしたい」と述べた、".repeat(5_000);
        let quotes = found(&text);
        assert_eq!(quotes.len(), 5_000);
        assert!(quotes.iter().all(|q| q.1.as_deref() == Some("田中浩二")));
    }

    #[test]
    fn a_phrase_before_wa_is_no_speaker() {
        let text = "これは「利用者が増えなければ、数年後に再び値上げを迫られる」と述べた。";
        assert_eq!(found(text)[0].1, None);
    }
}
