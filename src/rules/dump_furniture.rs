//! Vocabularies and thresholds for the page furniture of text dumps that
//! reads like prose: comment threads, teaser cards, lists of other
//! articles and author or site boxes (see
//! [`crate::classify::dump_furniture`]). Lists are lowercase and sorted.

/// Verbs closing the header line of a comment ("Jane on May 2, 2019 at
/// 4:47 pm said:", "3. Peter sagt:").
pub const COMMENT_HEADER_VERBS: &[&str] = &[
    "a dit",
    "antwortet",
    "dice",
    "disse",
    "kommentierte",
    "meint",
    "napisał",
    "sagt",
    "said",
    "says",
    "schreibt",
    "writes",
    "wrote",
    "zegt",
    "écrit",
];

/// A comment header is a short line: a name, maybe a date, the verb.
pub const MAX_COMMENT_HEADER_CHARS: usize = 140;

/// Comment headers a dump needs before its thread is taken for one (a
/// single "X says:" may be a quote the article introduces).
pub const MIN_COMMENT_HEADERS: usize = 2;

/// Lengths (in lines) of the repeating unit of a teaser list: a title, a
/// byline, a date, the excerpt, a "read more" link.
pub const MIN_CARD_LINES: usize = 2;
pub const MAX_CARD_LINES: usize = 5;

/// Times a unit must repeat to be a list of cards, not a coincidence.
pub const MIN_CARD_REPEATS: usize = 3;

/// A card's meta line (a date, "66 Likes") is short.
pub const MAX_CARD_META_CHARS: usize = 60;

/// Letters a label repeated in every card needs ("Mehr erfahren", a
/// category name), so that separators ("." or "|") do not count.
pub const MIN_CARD_LABEL_LETTERS: usize = 3;

/// Headings of lists of other articles that the phrase vocabulary of
/// related links ([`crate::rules::phrases::RELATED_OPENERS`]) lacks:
/// sidebars of recent, popular and latest posts.
pub const ARTICLE_LIST_OPENERS: &[&str] = &[
    "aktuelle artikel",
    "am beliebtesten",
    "beliebte",
    "further reading",
    "latest",
    "les plus lus",
    "letzte beiträge",
    "mais lidas",
    "meistgelesen",
    "más leídas",
    "neue beiträge",
    "neueste",
    "popular",
    "recent comments",
    "recent posts",
    "saiba mais",
    "top stories",
    "trending",
];

/// Such a heading is a label, not a sentence.
pub const MAX_LIST_OPENER_CHARS: usize = 40;

/// List items under such a heading that make it a list of links.
pub const MIN_LISTED_ARTICLES: usize = 2;

/// Link lines closing an author's box ("View all posts by Jane Doe").
pub const POSTS_BY_CLOSERS: &[&str] = &[
    "all posts by",
    "alle artikel von",
    "alle beiträge von",
    "more articles by",
    "more stories by",
    "posts by",
    "read more from this author",
    "read the latest from",
    "see all posts by",
    "ver todos los artículos",
    "view all posts by",
    "voir tous les articles",
    "weitere artikel von",
    "weitere beiträge von",
    "zeige alle beiträge von",
];

/// A closer is one link line.
pub const MAX_CLOSER_CHARS: usize = 80;

/// Words opening the heading of a box about someone or something ("About
/// Jane Doe", "Über uns").
pub const ABOUT_WORDS: &[&str] = &[
    "a propos de",
    "about",
    "acerca de",
    "sobre",
    "à propos de",
    "über",
];

/// Words after [`ABOUT_WORDS`] that make the heading a box about the site
/// or its people whatever their case ("About us", "Über den Autor").
pub const ABOUT_SELF_WORDS: &[&str] = &[
    "das", "dem", "den", "der", "die", "me", "mich", "nosotros", "nous", "nós", "the", "this",
    "uns", "us",
];

/// Whole headings (a trailing colon aside) labelling the author's box.
pub const AUTHOR_LABELS: &[&str] = &[
    "auteur",
    "author",
    "autor",
    "autora",
    "autore",
    "autorin",
    "der autor",
    "die autorin",
    "o autorze",
    "sobre el autor",
    "sobre o autor",
    "the author",
    "zum autor",
    "zur autorin",
];

/// A box's heading is short.
pub const MAX_BOX_HEADING_CHARS: usize = 50;

/// Words after "About" in a box heading (a name of up to three words).
pub const MAX_ABOUT_NAME_WORDS: usize = 3;

/// Short lines (a name, a role, "+ Follow") between a box's heading and
/// its prose.
pub const MAX_BOX_LABEL_LINES: usize = 2;

/// Prose lines a box holds: a bio is a paragraph or three.
pub const MAX_BOX_PROSE_LINES: usize = 3;

/// Good prose lines of the article that come before a name heading whose
/// paragraph starts with the name, for that pair to be an author's box
/// (above the article, the name is the article's subject or kicker).
pub const MIN_ARTICLE_LINES_BEFORE_BOX: usize = 3;

/// Phrases of licence, liability and advertising notes under a page
/// ("licensed under a Creative Commons ...", "erhält CHIP ggf. eine
/// Provision vom Händler"): about the site, not the story.
pub const NOTICE_PHRASES: &[&str] = &[
    "advertising disclaimer",
    "advertising disclosure",
    "affiliate commission",
    "affiliate link",
    "affiliate-link",
    "creative commons",
    "eine provision",
    "haftung für die inhalte",
    "keine haftung für",
    "licensed under",
    "may earn a commission",
    "provision vom",
    "we may receive compensation",
];

/// Such a note is a line or two, not an article's paragraph about
/// licences.
pub const MAX_NOTICE_CHARS: usize = 300;

/// Labels of a link to another story set in the article, besides the
/// related-link openers ([`crate::rules::phrases::RELATED_OPENERS`]).
pub const INLINE_LINK_LABELS: &[&str] = &[
    "czytaj także",
    "czytaj też",
    "dowiedz się więcej",
    "en vidéo",
    "le puede interesar",
    "lee más",
    "lee también",
    "leia mais",
    "lire aussi",
    "mira",
    "redaktionstipp",
    "saiba mais",
    "te puede interesar",
    "vea también",
    "ver también",
    "zobacz także",
    "zobacz też",
];

/// What separates the label from the story's title.
pub const INLINE_LINK_SEPARATORS: &[&str] = &["-", ":", ">", "|", "»", "–", "›"];

/// A labelled link is one headline long.
pub const MAX_INLINE_LINK_CHARS: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::is_sorted_lowercase;

    #[test]
    fn vocabularies_are_sorted_and_lowercase() {
        for list in [
            COMMENT_HEADER_VERBS,
            ARTICLE_LIST_OPENERS,
            POSTS_BY_CLOSERS,
            ABOUT_WORDS,
            ABOUT_SELF_WORDS,
            AUTHOR_LABELS,
            NOTICE_PHRASES,
            INLINE_LINK_LABELS,
            INLINE_LINK_SEPARATORS,
        ] {
            assert!(is_sorted_lowercase(list), "{list:?}");
        }
    }
}
