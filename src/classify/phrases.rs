//! Boilerplate recognised by what it says: promos and editorial notices,
//! newsletter sign-ups, share buttons, related links, tag lists, cookie
//! notices, legal lines, comment prompts and ad labels; tag-list labels,
//! and teasers that end in a "Weiterlesen" link.

use super::Kind;
use crate::blocks::Block;
use crate::rules::phrases as p;
use crate::rules::thresholds::{MAX_LABEL_CHARS, MAX_PHRASE_BLOCK_CHARS};
use crate::rules::{contains_any, contains_word, starts_with_any};

/// The kind of boilerplate a block's words say it is, if any (read once
/// per block, however many rules ask).
pub fn phrase_kind(block: &Block) -> Option<Kind> {
    *block
        .phrase
        .get_or_init(|| phrase_kind_of_lowered(block, block.lower()))
}

/// [`phrase_kind`] computed, from the block's text in lowercase (`lower`).
fn phrase_kind_of_lowered(block: &Block, lower: &str) -> Option<Kind> {
    let bare = lower.trim_start_matches(['•', '·', '-', '*', ' ', '›', '»', '>']);
    if block.chars <= MAX_LABEL_CHARS {
        let label = bare.trim_end_matches([':', ' ', '.', '!', '-']);
        if contains_word(p::AD_WHOLE, label) || starts_with_any(p::AD_OPENERS, bare) {
            return Some(Kind::Ad);
        }
        if contains_word(p::SHARE_WHOLE, label)
            || starts_with_any(p::SHARE_OPENERS, bare)
            || contains_any(p::DOWNLOAD_LINKS, bare)
        {
            return Some(Kind::Share);
        }
        if starts_with_any(p::RELATED_OPENERS, bare) {
            return Some(Kind::Related);
        }
        if contains_word(p::TAGS_WHOLE, label) {
            return Some(Kind::Tags);
        }
    }
    if block.chars <= MAX_PHRASE_BLOCK_CHARS && starts_with_any(p::CITATION_OPENERS, bare) {
        return Some(Kind::Other);
    }
    if is_teaser_with_more_link(block, lower) {
        return Some(Kind::Related);
    }
    if block.chars > MAX_PHRASE_BLOCK_CHARS {
        return None;
    }
    let rules: [(Kind, &[&str]); 5] = [
        (Kind::Newsletter, p::NEWSLETTER),
        (Kind::Promo, p::PROMO),
        (Kind::Cookie, p::COOKIE),
        (Kind::Legal, p::LEGAL),
        (Kind::Comment, p::COMMENT),
    ];
    if let Some(kind) = rules
        .into_iter()
        .find(|(_, list)| contains_any(list, bare))
        .map(|(kind, _)| kind)
    {
        return Some(kind);
    }
    if starts_with_any(p::TAGS_OPENERS, bare) {
        return Some(Kind::Tags);
    }
    None
}

/// True if the block is a teaser of another page: short, and ending, after
/// a sentence, in a linked "more" word of [`p::MORE_LINK_WORDS`] ("...
/// Seht selbst! Weiterlesen"). An article's paragraph may end in "mehr",
/// but not as a link after a full stop.
fn is_teaser_with_more_link(block: &Block, lower: &str) -> bool {
    if block.chars > MAX_PHRASE_BLOCK_CHARS || block.link_chars == 0 {
        return false;
    }
    let text = lower.trim_end();
    p::MORE_LINK_WORDS.iter().any(|word| {
        text.strip_suffix(word).is_some_and(|head| {
            head.ends_with(char::is_whitespace)
                && crate::blocks::ends_sentence(head)
                && block.link_chars >= word.chars().count()
        })
    })
}

/// True if the block opens with a phrase announcing related links.
pub fn is_related_opener(block: &Block) -> bool {
    block.chars <= MAX_LABEL_CHARS && starts_with_any(p::RELATED_OPENERS, block.lower())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_text;

    fn kind(text: &str) -> Option<Kind> {
        from_text(text).blocks.first().and_then(phrase_kind)
    }

    #[test]
    fn tip_lines_and_subscription_offers_are_promos() {
        assert_eq!(
            kind(
                "Do you have a tip on a world news story that we should be covering? Let us know."
            ),
            Some(Kind::Promo)
        );
        assert_eq!(
            kind("• Newsweek magazine delivered to your door"),
            Some(Kind::Promo)
        );
    }

    #[test]
    fn ai_use_notices_are_promos() {
        assert_eq!(
            kind("To read how we use AI as a newsroom tool, Click here."),
            Some(Kind::Promo)
        );
    }

    #[test]
    fn newsletter_boxes_share_bars_and_labels() {
        assert_eq!(
            kind("Sign up for our daily newsletter"),
            Some(Kind::Newsletter)
        );
        assert_eq!(kind("Share on Facebook"), Some(Kind::Share));
        assert_eq!(kind("Advertisement"), Some(Kind::Ad));
        assert_eq!(kind("Read more: Why prices rose"), Some(Kind::Related));
        assert_eq!(kind("Tags: economy, inflation"), Some(Kind::Tags));
        assert_eq!(
            kind("We use cookies to improve your experience."),
            Some(Kind::Cookie)
        );
        assert_eq!(
            kind("© 2024 Example Media. All rights reserved."),
            Some(Kind::Legal)
        );
        assert_eq!(kind("Leave a comment"), Some(Kind::Comment));
    }

    #[test]
    fn tag_labels_and_more_teasers() {
        assert_eq!(kind("Schlagworte"), Some(Kind::Tags));
        assert_eq!(kind("Themen:"), Some(Kind::Tags));
        assert_eq!(kind("Ähnliche Beiträge"), Some(Kind::Related));
        let teaser = "<p>Sommerzeit ist Urlaubszeit. Seht selbst! <a href=/x>Weiterlesen</a></p>";
        let page = crate::blocks::from_html(&scraper::Html::parse_document(teaser));
        assert_eq!(
            page.blocks.first().and_then(phrase_kind),
            Some(Kind::Related)
        );
        let unlinked = "<p>Sommerzeit ist Urlaubszeit. Seht selbst! Weiterlesen</p>";
        let page = crate::blocks::from_html(&scraper::Html::parse_document(unlinked));
        assert_eq!(page.blocks.first().and_then(phrase_kind), None);
        let sentence = "<p>Sie wollte <a href=/x>noch mehr</a></p>";
        let page = crate::blocks::from_html(&scraper::Html::parse_document(sentence));
        assert_eq!(page.blocks.first().and_then(phrase_kind), None);
    }

    #[test]
    fn promos_of_the_publication_in_other_words() {
        assert_eq!(
            kind(
                "Die aktuelle Ausgabe jetzt am Kiosk, im Abo, als e-Paper und bei Readly erhältlich."
            ),
            Some(Kind::Promo)
        );
        assert_eq!(
            kind(
                "Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern."
            ),
            Some(Kind::Newsletter)
        );
        assert_eq!(
            kind(
                "We want to hear what you think about this article. Submit a letter to the editor."
            ),
            Some(Kind::Promo)
        );
        assert_eq!(kind("(Alle Angaben ohne Gewähr)"), Some(Kind::Legal));
        assert_eq!(kind("- Anzeige-"), Some(Kind::Ad));
        assert_eq!(
            kind("Dieses Skript als PDF herunterladen"),
            Some(Kind::Share)
        );
        assert_eq!(
            kind("SUGGESTED CITATION Doe, Jane: Experts in the crisis, ExampleBlog, 2020/4/09."),
            Some(Kind::Other)
        );
        assert_eq!(
            kind("*Werbung. Dieser Beitrag enthält Werbung für eine Marke."),
            Some(Kind::Ad)
        );
        assert_eq!(
            kind("If you're already a subscriber, you can log in for immediate access."),
            Some(Kind::Promo)
        );
        assert_eq!(
            kind("Rezept drucken Bei Pinterest speichern"),
            Some(Kind::Share)
        );
    }

    #[test]
    fn article_sentences_mentioning_the_words_stay() {
        assert_eq!(
            kind("Newsweek has contacted Russia's Foreign Ministry for comment via email."),
            None
        );
        let long = format!(
            "{} she said the subscribe button was broken.",
            "The minister spoke at length. ".repeat(12)
        );
        assert_eq!(kind(&long), None);
    }
}
