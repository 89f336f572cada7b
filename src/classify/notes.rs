//! Small notes around an article that are not the article: the
//! contributor credit at its foot ("Jane Doe contributed to this report."),
//! a photo gallery's counter ("Image 1 of 8"), the agency source line
//! ("SOURCE: News agencies"), the label of the text-size buttons, and a
//! portal's affiliate disclosure, a bare comment counter, and the
//! writer's contact line of addresses and handles.

use super::Kind;
use crate::blocks::Block;
use crate::rules::notes::{
    AFFILIATE_DISCLOSURES, COMMENT_COUNT_LABELS, CONTRIBUTOR_PHRASES, GALLERY_COUNTER_SEPARATORS,
    GALLERY_COUNTER_WORDS, READER_APPEAL_OPENERS, SOURCE_OPENERS, TOOL_LABELS,
};
use crate::rules::thresholds::{MAX_LABEL_CHARS, MAX_PHRASE_BLOCK_CHARS};
use crate::rules::{contains_any, contains_word, starts_with_any};

/// A source line names an agency or two ("SOURCE: Al Jazeera and news
/// agencies"); a longer block opening with "Source:" is a sentence about
/// the sources, which may be the article's.
const MAX_SOURCE_LINE_CHARS: usize = 60;

/// The kind of note the block is, if it is one; `lower` is the block's
/// text in lowercase.
pub fn note_kind(block: &Block, lower: &str) -> Option<Kind> {
    let trimmed = lower.trim();
    if starts_with_any(READER_APPEAL_OPENERS, trimmed) {
        return Some(Kind::Promo);
    }
    if block.chars > MAX_PHRASE_BLOCK_CHARS {
        return None;
    }
    if contains_any(CONTRIBUTOR_PHRASES, trimmed) {
        return Some(Kind::Byline);
    }
    if contains_any(AFFILIATE_DISCLOSURES, trimmed) {
        return Some(Kind::Legal);
    }
    if block.chars <= MAX_SOURCE_LINE_CHARS && starts_with_any(SOURCE_OPENERS, trimmed) {
        return Some(Kind::Other);
    }
    if block.chars <= MAX_LABEL_CHARS
        && (is_gallery_counter(trimmed) || contains_word(TOOL_LABELS, trimmed))
    {
        return Some(Kind::Other);
    }
    if block.chars <= MAX_LABEL_CHARS && contains_word(COMMENT_COUNT_LABELS, trimmed) {
        return Some(Kind::Comment);
    }
    if block.chars <= MAX_LABEL_CHARS && is_contact_line(trimmed) {
        return Some(Kind::Byline);
    }
    None
}

/// True if the text is nothing but e-mail addresses, web addresses and
/// social handles ("jane.doe@example.com", "twitter.com/janedoe"): the
/// writer's contact line under the story, or its lines one by one.
fn is_contact_line(lower: &str) -> bool {
    let mut tokens = lower
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | ';' | '|' | '(' | ')')))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .peekable();
    tokens.peek().is_some() && tokens.all(|t| is_email(t) || is_handle(t) || is_web_address(t))
}

fn is_email(token: &str) -> bool {
    token
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && is_host_name(host))
}

fn is_handle(token: &str) -> bool {
    token.strip_prefix('@').is_some_and(|name| {
        !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// "https://…", "www.…", or "example.com/path".
fn is_web_address(token: &str) -> bool {
    if token.starts_with("http://") || token.starts_with("https://") || token.starts_with("www.") {
        return true;
    }
    token
        .split_once('/')
        .is_some_and(|(host, _)| is_host_name(host))
}

/// "example.com": dot-separated names ending in a top-level domain of
/// letters (so "3.5" of "3.5/10" is not one).
fn is_host_name(host: &str) -> bool {
    let mut labels = host.rsplit('.');
    let top = labels.next().unwrap_or_default();
    top.len() >= 2
        && top.chars().all(|c| c.is_ascii_alphabetic())
        && labels.next().is_some_and(|l| !l.is_empty())
}

/// True if the lowercase text is nothing but gallery counters: "image 1 of
/// / 8", "1 / 8", or a run of them ("image 1 of 5 image 2 of 5").
fn is_gallery_counter(lower: &str) -> bool {
    let spaced = lower.replace('/', " / ");
    let mut tokens = spaced.split_whitespace().peekable();
    let mut counters = 0;
    while tokens.peek().is_some() {
        if tokens
            .peek()
            .is_some_and(|t| contains_word(GALLERY_COUNTER_WORDS, t))
        {
            tokens.next();
        }
        if !tokens.next().is_some_and(is_number) {
            return false;
        }
        let mut separators = 0;
        while tokens
            .peek()
            .is_some_and(|t| contains_word(GALLERY_COUNTER_SEPARATORS, t))
        {
            tokens.next();
            separators += 1;
        }
        if separators == 0 || !tokens.next().is_some_and(is_number) {
            return false;
        }
        counters += 1;
    }
    counters > 0
}

fn is_number(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str =
        "The council approved the new budget on Tuesday after a long debate about schools.";

    fn body(article: &str) -> Vec<String> {
        let html = format!(
            "<body><nav><a href=/>Home</a><a href=/n>News</a></nav><article>\
             <h1>Council passes budget</h1><p>{P}</p><p>{P} Two.</p>{article}<p>{P} Three.</p>\
             </article><footer><a href=/about>About us</a></footer></body>"
        );
        crate::classify::test_support::html_body(&html)
    }

    fn kind(text: &str) -> Option<Kind> {
        crate::blocks::from_text(text)
            .blocks
            .first()
            .and_then(|b| note_kind(b, b.lower()))
    }

    #[test]
    fn contributor_credits_are_not_the_story() {
        let got = body("<p><i>Jane Doe contributed to this report.</i></p>");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            kind("Associated Press writers Alan Doe and Jill Roe contributed to this report."),
            Some(Kind::Byline)
        );
        assert_eq!(
            kind("Keith Doe contributed reporting from Hong Kong."),
            Some(Kind::Byline)
        );
        assert_eq!(
            kind("The doctors contributed money and raised more from friends."),
            None
        );
    }

    #[test]
    fn gallery_counters_are_not_text() {
        let got = body(
            "<div class=slide-count><span>Image </span><span>1</span>\
             <span> of </span><span>/</span><span>8</span></div>",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            kind("Image 1 of 5 Image 2 of 5 Image 3 of 5"),
            Some(Kind::Other)
        );
        assert_eq!(kind("3 / 12"), Some(Kind::Other));
        assert_eq!(kind("Foto 2 von 7"), Some(Kind::Other));
        assert_eq!(kind("Image 1 shows the damage"), None);
        assert_eq!(kind("Chapter 1 of 5"), None);
        assert_eq!(kind("Image"), None);
    }

    #[test]
    fn source_lines_and_tool_labels_are_not_text() {
        let got = body("<div class=source><p>SOURCE: <span>News agencies</span></p></div>");
        assert_eq!(got.len(), 3, "{got:?}");
        let got = body("<div class=tools><span>Text size</span><button></button></div>");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            kind(
                "Source: the ministry said figures for October were revised twice because of late reports."
            ),
            None
        );
    }

    #[test]
    fn bare_comment_counters_and_contact_lines_are_not_text() {
        let got = body(
            "<p><span class=count></span> comments</p>\
             <p><a href=mailto:jane@example.com>jane.doe@example.com</a> \
             <a href=https://twitter.com/janedoe>twitter.com/janedoe</a></p>",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(kind("Comments"), Some(Kind::Comment));
        assert_eq!(kind("@janedoe"), Some(Kind::Byline));
        assert_eq!(
            kind("Write to jane.doe@example.com with your questions"),
            None
        );
        assert_eq!(kind("twitter.com/janedoe"), Some(Kind::Byline));
        assert_eq!(kind("See example.com/path for more"), None);
        assert_eq!(kind("3.5/10"), None);
    }

    #[test]
    fn appeals_to_the_reader_after_the_article_are_promos() {
        let offer = format!(
            "If you enjoyed this article, we have a proposition for you: join us. {}",
            "Members get every article, no paywalls and no ads. ".repeat(6)
        );
        assert_eq!(kind(&offer), Some(Kind::Promo));
        assert_eq!(
            kind("Like this story? Share it with a friend!"),
            Some(Kind::Promo)
        );
        assert_eq!(kind("Readers who enjoyed this article wrote to us."), None);
    }

    #[test]
    fn affiliate_disclosures_are_legal_lines() {
        assert_eq!(
            kind(
                "Microsoft may earn an Affiliate Commission if you purchase something through recommended links in this article."
            ),
            Some(Kind::Legal)
        );
    }
}
