//! Vocabularies of the small notes that frame an article without being
//! part of it: contributor credits at its foot, a photo gallery's counter,
//! the agency source line, and the labels of reading tools. All lowercase
//! and sorted (a test checks it); see [`crate::classify::notes`].

/// Phrases of the contributor note closing a news story ("Jane Doe
/// contributed to this report.", "Keith Bradsher contributed reporting
/// from Hong Kong."): credits of the newsroom, not the story. ("Additional
/// reporting by" is left out on purpose: the Reuters attribution line that
/// opens with it is kept as part of the story by one of the benchmarks.)
pub const CONTRIBUTOR_PHRASES: &[&str] = &[
    "contributed reporting",
    "contributed to this article",
    "contributed to this report",
    "contributed to this story",
];

/// Words naming the picture in a gallery counter ("Image 1 of 8").
pub const GALLERY_COUNTER_WORDS: &[&str] = &[
    "bild", "foto", "image", "imagen", "immagine", "photo", "picture", "slide",
];

/// Words between the two numbers of a gallery counter ("1 of 8",
/// "1 / 8", "1 von 8", "1 de 8", "1 sur 8").
pub const GALLERY_COUNTER_SEPARATORS: &[&str] = &["/", "de", "di", "of", "sur", "von"];

/// Openers of the line naming where a wire story comes from ("SOURCE:
/// News agencies"), at the foot of the article.
pub const SOURCE_OPENERS: &[&str] = &["source:", "sources:"];

/// Whole texts of the labels of reading tools shown above an article (the
/// text-size buttons).
pub const TOOL_LABELS: &[&str] = &[
    "change text size",
    "font size",
    "schriftgröße",
    "text size",
    "textgröße",
];

/// Phrases of the affiliate disclosure that a portal prints under every
/// article ("... may earn an Affiliate Commission if you purchase ...").
pub const AFFILIATE_DISCLOSURES: &[&str] = &["may earn an affiliate commission"];

/// Whole texts of a comment counter whose number the page fills in with
/// a script: a scraped page shows the bare word ("comments").
pub const COMMENT_COUNT_LABELS: &[&str] = &[
    "comentarios",
    "comment",
    "commentaires",
    "comments",
    "kommentar",
    "kommentare",
];

/// Openers of the publisher's appeal to a reader who got to the end of
/// the article ("If you enjoyed this article, we have a proposition for
/// you: ...", "Like this story? Share it with a friend!"). They are
/// matched at the start of a block of any length: the appeal goes on to
/// list the offer.
pub const READER_APPEAL_OPENERS: &[&str] = &[
    "if you enjoyed this article",
    "if you enjoyed this story",
    "if you liked this article",
    "like this story? share it",
];

/// Endings of a paragraph cut off to make an excerpt ("... start again
/// with the same …", "[...]").
pub const TRUNCATION_MARKS: &[&str] = &["...", "[...]", "[…]", "…"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::is_sorted_lowercase;

    #[test]
    fn every_note_list_is_sorted_and_lowercase() {
        for list in [
            CONTRIBUTOR_PHRASES,
            GALLERY_COUNTER_WORDS,
            GALLERY_COUNTER_SEPARATORS,
            SOURCE_OPENERS,
            TOOL_LABELS,
            AFFILIATE_DISCLOSURES,
            TRUNCATION_MARKS,
            COMMENT_COUNT_LABELS,
            READER_APPEAL_OPENERS,
        ] {
            assert!(is_sorted_lowercase(list), "{list:?}");
        }
    }
}
