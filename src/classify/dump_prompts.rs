//! Prompts addressed to the reader in a text dump: asks to share the
//! article ("Dir hat der Artikel gefallen? Jetzt teilen..."), to allow push
//! notifications, to sign up for a newsletter (and the consent text under
//! the sign-up or an embedded post's placeholder), to log in before
//! commenting, to click, order, donate, follow or register.
//! A dump loses the form or button around them, and a prompt written as a
//! sentence passes the line-shape rules; its words give it away. The short
//! line heading a prompt ("Want More?", "NEWSLETTER") goes with it, and so
//! does a line between two prompts (the pitch of a sign-up box).
//!
//! After a comment form (its "Name *", "E-Mail *" fields) or a site
//! footer's copyright line ("© 2020 Example | Impressum | Datenschutz")
//! that follows the article, the prose is the sidebar's or the footer's: a
//! site's blurb, a podcast's description, a note on sources.

use super::Kind;
use super::dump_furniture::{Dump, remove};
use super::text_shape::Shape;
use crate::rules::contains_any;
use crate::rules::dump_closers::{
    BUTTON_PROMPTS, CALL_PROMPTS, COMMENT_FORM_CUES, COMMENT_FORM_PROMPTS, CONSENT_PROMPTS,
    FOOTER_COPYRIGHT_MARKS, FOOTER_LINK_WORDS, MAX_CONSENT_CHARS, MAX_FOOTER_CHARS,
    MAX_FORM_CUE_LINES, MAX_FORM_LABEL_CHARS, MAX_FORM_LABEL_GAP, MAX_PROMPT_CHARS,
    MAX_SHORT_PROMPT_CHARS, MIN_ARTICLE_LINES_BEFORE_FORM, MIN_FORM_LABELS, NEWSLETTER_CALLS,
    NEWSLETTER_WORDS, PUSH_PROMPTS, SHARE_PROMPTS,
};

/// The kind of prompt the line is, if it is one.
fn prompt_kind(lower: &str) -> Option<Kind> {
    let chars = lower.chars().count();
    if chars <= MAX_CONSENT_CHARS && contains_any(CONSENT_PROMPTS, lower) {
        return Some(Kind::Cookie);
    }
    if chars > MAX_PROMPT_CHARS {
        return None;
    }
    let short = chars <= MAX_SHORT_PROMPT_CHARS;
    if short && contains_any(SHARE_PROMPTS, lower) {
        Some(Kind::Share)
    } else if contains_any(PUSH_PROMPTS, lower)
        || contains_any(CALL_PROMPTS, lower)
        || (short && contains_any(BUTTON_PROMPTS, lower))
    {
        Some(Kind::Promo)
    } else if contains_any(COMMENT_FORM_PROMPTS, lower) {
        Some(Kind::Comment)
    } else if contains_any(NEWSLETTER_WORDS, lower) && contains_any(NEWSLETTER_CALLS, lower) {
        Some(Kind::Newsletter)
    } else {
        None
    }
}

/// The lowercase text of line `i`.
fn lower<'a>(dump: &Dump<'a>, i: usize) -> &'a str {
    dump.blocks.get(i).map_or("", |b| b.lower())
}

/// Removes the prompts, the short line heading each, and lines between
/// two prompts.
fn prompts(dump: &Dump, kinds: &mut [Kind]) {
    let found: Vec<Option<Kind>> = (0..dump.len())
        .map(|i| prompt_kind(lower(dump, i)))
        .collect();
    for (i, kind) in found.iter().enumerate() {
        let Some(kind) = *kind else {
            continue;
        };
        remove(kinds, i, kind);
        let Some(before) = i.checked_sub(1) else {
            continue;
        };
        let flanked = before
            .checked_sub(1)
            .is_some_and(|b| found.get(b).is_some_and(Option::is_some));
        let heading = dump.shape(before) == Shape::Short && !dump.list_item(before);
        let pitch = flanked && lower(dump, before).chars().count() <= MAX_PROMPT_CHARS;
        if heading || pitch {
            remove(kinds, before, kind);
        }
    }
}

/// True if the line is a required field's label: "Name *", "E-Mail *".
fn is_form_label(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= MAX_FORM_LABEL_CHARS
        && text
            .strip_suffix('*')
            .is_some_and(|label| label.chars().any(char::is_alphabetic))
}

/// True if a line from [`MAX_FORM_CUE_LINES`] above `first` to `last`
/// names comments: the form is a comment form.
fn is_comment_form(dump: &Dump, first: usize, last: usize) -> bool {
    (first.saturating_sub(MAX_FORM_CUE_LINES)..=last)
        .any(|i| contains_any(COMMENT_FORM_CUES, lower(dump, i)))
}

/// The last line of the first comment form: [`MIN_FORM_LABELS`] field
/// labels or more, each at most [`MAX_FORM_LABEL_GAP`] lines after the one
/// before, with a comment cue near them.
fn first_form_end(dump: &Dump) -> Option<usize> {
    let labels: Vec<usize> = (0..dump.len())
        .filter(|&i| is_form_label(dump.text(i)))
        .collect();
    let mut forms: Vec<(usize, usize, usize)> = Vec::new();
    for &label in &labels {
        match forms.last_mut() {
            Some((_, last, count)) if label - *last <= MAX_FORM_LABEL_GAP => {
                *last = label;
                *count += 1;
            }
            _ => forms.push((label, label, 1)),
        }
    }
    forms
        .into_iter()
        .find(|&(first, last, count)| {
            count >= MIN_FORM_LABELS && is_comment_form(dump, first, last)
        })
        .map(|(_, last, _)| last)
}

/// Characters of good body prose in `range`.
fn body_prose(dump: &Dump, kinds: &[Kind], range: std::ops::Range<usize>) -> (usize, usize) {
    range
        .filter(|&i| kinds.get(i) == Some(&Kind::Body) && dump.shape(i) == Shape::Good)
        .fold((0, 0), |(lines, chars), i| {
            (lines + 1, chars + dump.text(i).chars().count())
        })
}

/// True if the line is a site footer's: a copyright beside links to the
/// imprint, the privacy policy or the terms.
fn is_footer_line(lower: &str) -> bool {
    lower.chars().count() <= MAX_FOOTER_CHARS
        && contains_any(FOOTER_COPYRIGHT_MARKS, lower)
        && contains_any(FOOTER_LINK_WORDS, lower)
}

/// Removes the body after the first site footer line that follows the
/// article (see [`after_article_end`]).
fn after_site_footer(dump: &Dump, kinds: &mut [Kind]) {
    if let Some(footer) = (0..dump.len()).find(|&i| is_footer_line(lower(dump, i))) {
        after_article_end(dump, kinds, footer);
    }
}

/// Removes the body after a comment form that follows the article.
fn after_comment_form(dump: &Dump, kinds: &mut [Kind]) {
    if let Some(end) = first_form_end(dump) {
        after_article_end(dump, kinds, end);
    }
}

/// Removes the body after line `end` (a comment form's last field, a
/// footer line) if the article came before it: enough good lines before,
/// and more of their prose than after.
fn after_article_end(dump: &Dump, kinds: &mut [Kind], end: usize) {
    let (lines_before, before) = body_prose(dump, kinds, 0..end);
    let (_, after) = body_prose(dump, kinds, end..dump.len());
    if lines_before < MIN_ARTICLE_LINES_BEFORE_FORM || after >= before {
        return;
    }
    for i in end + 1..dump.len() {
        remove(kinds, i, Kind::Other);
    }
}

/// Applies the rules.
pub fn apply(dump: &Dump, kinds: &mut [Kind]) {
    prompts(dump, kinds);
    after_comment_form(dump, kinds);
    after_site_footer(dump, kinds);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::test_support::text_body;
    use crate::classify::test_support::{P1, P2, P3};

    #[test]
    fn prompts_are_told_by_their_words() {
        let lower = |s: &str| s.to_lowercase();
        assert_eq!(
            prompt_kind(&lower("Dir hat der Artikel gefallen? Jetzt teilen...")),
            Some(Kind::Share)
        );
        assert_eq!(
            prompt_kind(&lower(
                "POPSUGAR Would Like To Send You Push Notifications."
            )),
            Some(Kind::Promo)
        );
        assert_eq!(
            prompt_kind(&lower(
                "Immer informiert bleiben mit dem wöchentlichen Newsletter. Jetzt anmelden!"
            )),
            Some(Kind::Newsletter)
        );
        // A newsletter named without a call to sign up is news.
        assert_eq!(
            prompt_kind(&lower(
                "The newsletter reached ten thousand readers in May."
            )),
            None
        );
    }

    #[test]
    fn a_prompt_and_its_heading_after_the_article_are_removed() {
        let dump = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\nWant More?\n\nExample Would Like To Send You Push Notifications.\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn the_pitch_between_a_sign_up_heading_and_its_consent_is_removed() {
        let pitch = "Every week we send the best offers, discounts and tips for your garden, \
            and you can order them straight from the mail without searching the shop.";
        let consent = "By sending my e-mail address I agree to receive the newsletter until \
            I withdraw my consent, which I can do at any time (Widerruf).";
        let dump = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\nKennst du schon unseren Newsletter?\n\n{pitch}\n\n{consent}\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn an_embedded_posts_consent_placeholder_is_removed() {
        let placeholder = "An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der \
            den Artikel ergänzt. Ihr könnt ihn Euch mit einem Klick anzeigen lassen.";
        let dump =
            format!("{P1}\n\nEmpfohlener redaktioneller Inhalt\n\n{placeholder}\n\n{P2}\n\n{P3}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn prose_after_a_comment_form_is_the_sidebars() {
        let blurb = "The Example Podcast is a free science podcast in which the host talks to \
            researchers about their work, once every two weeks, in long and short episodes.";
        let dump = format!(
            "  {P1}\n\n  {P2}\n\n  {P3}\n\n    Leave a Reply\n\n    Name *\n\n    E-Mail *\n\n    Website\n\n  {blurb}\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn prose_after_the_site_footer_is_the_footers() {
        let note = "Sources and inspiration: the encyclopedia, the tourist offices and our own \
            research in books and on the web, checked on the day we published this guide.";
        let dump = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\n© 2004 - 2020 Jane Doe | Impressum | Datenschutz\n\n{note}\n"
        );
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_photo_credit_is_no_footer() {
        let dump = format!("{P1}\n\n© Reuters\n\n{P2}\n\n{P3}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_sign_up_box_inside_the_article_is_no_comment_form() {
        // The same fields, no comment cue: the article goes on after it.
        let dump = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\nOur weekly letter\n\nName *\n\nE-Mail *\n\n{P1} {P2}\n"
        );
        let joined = format!("{P1} {P2}");
        assert!(text_body(&dump).contains(&joined));
    }

    #[test]
    fn a_sign_up_form_above_the_article_leaves_it_alone() {
        let dump = format!("Name *\n\nE-Mail *\n\n{P1}\n\n{P2}\n\n{P3}\n");
        assert_eq!(text_body(&dump), [P1, P2, P3]);
    }
}
