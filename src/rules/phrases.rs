//! Phrase vocabularies: what boilerplate says. All lowercase, sorted, and
//! matched against the lowercased text of one block. Most lists apply only
//! to short blocks (see [`super::thresholds`]): a long paragraph of the
//! article may well mention a newsletter or a cookie.

/// Phrases of promotions, subscription offers, tip lines and editorial
/// notices (how the newsroom uses AI, its corrections policy): text
/// addressed to the reader about the publication, not about the story.
pub const PROMO: &[&str] = &[
    "abonnez-vous",
    "ad-free",
    "already a subscriber",
    "als e-paper",
    "app for ios and android",
    "app updates",
    "apps for ios and android",
    "assine agora",
    "assine já",
    "become a member",
    "become a subscriber",
    "cet article vous a intéressé",
    "chat with us in facebook messenger",
    "click here",
    "delivered to your door",
    "do you have a tip",
    "download our app",
    "download our apps",
    "download the app",
    "editorial guidelines",
    "editorial policy",
    "editorial standards",
    "einzelheft",
    "first-time subscribers",
    "follow us on",
    "gefällt dir unser",
    "gefällt ihnen unser",
    "got a tip",
    "have a tip",
    "instant access to the full article",
    "jetzt abonnieren",
    "please subscribe",
    "pour accéder en illimité",
    "pour lire la suite",
    "puede escribirnos",
    "soutenez l'information",
    "straight to your phone",
    "submit a letter to the editor",
    "subscribe now",
    "subscribe today",
    "subscribers only",
    "support our journalism",
    "support quality journalism",
    "suscríbete",
    "unlimited access",
    "uses ai",
    "war der artikel nützlich",
    "we want to hear what you think",
    "werde mitglied",
    "werden sie mitglied",
];

/// Phrases of newsletter sign-ups.
pub const NEWSLETTER: &[&str] = &[
    "delivered to your inbox",
    "do you want to be informed",
    "enter your email",
    "für unseren newsletter",
    "geben sie ihre e-mail-adresse ein",
    "get our newsletter",
    "gib deine e-mail-adresse ein",
    "in deinen posteingang",
    "in ihren posteingang",
    "newsletter abonnieren",
    "notre newsletter",
    "nuestra newsletter",
    "nuestro boletín",
    "sign up for our",
    "sign up for the",
    "sign up to our",
    "subscribe to our",
    "to your inbox",
    "wir informieren sie regelmäßig",
    "à notre lettre d'information",
];

/// Whole texts (after trimming trailing `:`) of share bars and their
/// buttons.
pub const SHARE_WHOLE: &[&str] = &[
    "artikel drucken",
    "drucken",
    "e-mail",
    "email",
    "facebook",
    "flipboard",
    "linkedin",
    "permalien",
    "permalink",
    "pinterest",
    "print",
    "reddit",
    "rezept drucken",
    "share",
    "share this",
    "share this article",
    "share this story",
    "teilen",
    "telegram",
    "tweet",
    "twitter",
    "whatsapp",
    "xing",
];

/// Openers of share prompts ("Share on Facebook", "Share this article").
pub const SHARE_OPENERS: &[&str] = &[
    "artikel teilen",
    "den artikel mit anderen teilen",
    "diesen artikel teilen",
    "möchten sie den artikel teilen",
    "permalien ",
    "permalink ",
    "rezept drucken",
    "share on",
    "share this",
    "share this article",
    "share via",
    "teilen auf",
];

/// Short links to the article as a file ("Dieses Skript als PDF
/// herunterladen", "PDF version"): print and download tools, like a share
/// bar's.
pub const DOWNLOAD_LINKS: &[&str] = &[
    "als pdf",
    "download as pdf",
    "download pdf",
    "pdf download",
    "pdf herunterladen",
    "pdf version",
    "pdf-download",
    "pdf-version",
];

/// Openers of the citation note under a blog post or paper ("Suggested
/// citation: Doe, Jane: Title, Blog, 2020"): how to cite it, not its text.
pub const CITATION_OPENERS: &[&str] = &[
    "cite this article",
    "diese folge zitieren",
    "how to cite",
    "suggested citation",
    "zitiervorschlag",
    "zitierweise",
];

/// Openers of links to other articles.
pub const RELATED_OPENERS: &[&str] = &[
    "alle artikel",
    "also read",
    "auch interessant",
    "das könnte dich auch interessieren",
    "das könnte sie auch interessieren",
    "das thema könnte",
    "diese artikel könnten",
    "don't miss",
    "empfohlene artikel",
    "empfohlene beiträge",
    "explore further",
    "keep reading",
    "lee también",
    "leia também",
    "lesen sie auch",
    "lire aussi",
    "mehr zu ",
    "mehr zum thema",
    "more from",
    "more on this",
    "most popular",
    "most read",
    "read also",
    "read more",
    "read next",
    "recommended",
    "related",
    "see also",
    "veja também",
    "verwandte themen",
    "weitere artikel",
    "weitere informationen",
    "weitere topthemen",
    "weiterlesen",
    "you may also like",
    "you might also like",
    "zum weiterlesen",
    "à lire aussi",
    "ähnliche artikel",
    "ähnliche beiträge",
];

/// Openers of tag and topic lists.
pub const TAGS_OPENERS: &[&str] = &[
    "categories:",
    "category:",
    "filed under",
    "kategorie:",
    "keywords:",
    "schlagwörter",
    "tagged",
    "tags:",
    "themen:",
    "topics:",
];

/// Whole texts (after trimming a trailing `:`) that label a tag or topic
/// list ("Schlagworte", "Themen" above the links).
pub const TAGS_WHOLE: &[&str] = &[
    "etiquetas",
    "keywords",
    "mots-clés",
    "schlagworte",
    "schlagwörter",
    "stichworte",
    "stichwörter",
    "tags",
    "themen",
    "topics",
];

/// Phrases of cookie and consent notices.
pub const COOKIE: &[&str] = &[
    "cookie policy",
    "cookie settings",
    "cookies",
    "datenschutzerklärung",
    "privacy settings",
    "we use cookies",
];

/// Phrases of legal lines: copyright and terms.
pub const LEGAL: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "angaben ohne gewähr",
    "copyright ©",
    "privacy policy",
    "terms of service",
    "terms of use",
];

/// Phrases of comment sections and their prompts.
pub const COMMENT: &[&str] = &[
    "add a comment",
    "comments are closed",
    "join the conversation",
    "join the discussion",
    "kommentar schreiben",
    "kommentare",
    "leave a comment",
    "leave a reply",
    "log in to comment",
    "post a comment",
    "show comments",
    "tell us what you think",
    "view comments",
];

/// Whole texts (after trimming) that label advertising.
pub const AD_WHOLE: &[&str] = &[
    "ad",
    "advert",
    "advertisement",
    "advertising",
    "anzeige",
    "paid content",
    "promoted",
    "pubblicità",
    "publicidad",
    "publicité",
    "sponsored",
    "sponsored content",
    "werbung",
];

/// Openers of advertising labels ("Anzeige - Heute mal ausgehen?").
pub const AD_OPENERS: &[&str] = &[
    "*werbung",
    "advertisement:",
    "anzeige -",
    "anzeige:",
    "sponsored by",
    "unbeauftragte werbung",
    "unbezahlte werbung",
    "werbung.",
    "werbung:",
];

/// Headings that open an author bio.
pub const BIO_OPENERS: &[&str] = &[
    "about the author",
    "about the authors",
    "about the writer",
    "über den autor",
    "über die autorin",
];

/// Job words of a bio sentence ("X is a reporter based in ...").
pub const BIO_ROLES: &[&str] = &[
    "analyst",
    "author",
    "columnist",
    "contributor",
    "correspondent",
    "critic",
    "editor",
    "freelance",
    "journalist",
    "producer",
    "reporter",
    "writer",
];

/// Words (or endings of compound words: "Bürgerrechtsverband") naming what
/// an organisation is, in the profile closing a press release.
pub const ORGANISATION_ROLES: &[&str] = &[
    "agency",
    "anbieter",
    "association",
    "company",
    "corporation",
    "dienstleister",
    "empresa",
    "entreprise",
    "hersteller",
    "manufacturer",
    "nonprofit",
    "organisation",
    "organization",
    "provider",
    "société",
    "supplier",
    "unternehmen",
    "verband",
];

/// Openers of bylines and datelines at the top of a body.
pub const BYLINE_OPENERS: &[&str] = &[
    "actualizado",
    "aktualisiert",
    "by ",
    "mis à jour",
    "modifié le",
    "par ",
    "por ",
    "posted",
    "publicado",
    "published",
    "publié le",
    "updated",
    "veröffentlicht",
    "von ",
    "written by",
];

/// Labels of a line that only dates the article ("Aktualisiert:
/// 11.04.2020, 10:27", "Publiziert am 3.4.2020"): such a line is meta data
/// wherever it stands, not only above the first paragraph.
pub const DATE_STAMP_LABELS: &[&str] = &[
    "actualizado",
    "aktualisiert",
    "erstellt",
    "geändert",
    "last updated",
    "mis à jour",
    "posted",
    "publicado",
    "published",
    "publiziert",
    "publié",
    "stand",
    "updated",
    "veröffentlicht",
];

/// Labels in front of a reading time ("Lesezeit: 4 Minuten").
pub const READING_TIME_LABELS: &[&str] = &[
    "czas czytania",
    "lesedauer",
    "lesezeit",
    "reading time",
    "temps de lecture",
    "tiempo de lectura",
];

/// Words after a reading time ("4 min read", "11 minut czytania").
pub const READING_TIME_ENDINGS: &[&str] = &[
    "czytania",
    "de lectura",
    "de lecture",
    "di lettura",
    "lesedauer",
    "lesezeit",
    "read",
    "reading",
];

/// Link texts that close a teaser ("... Seht selbst! Weiterlesen", "...
/// Hintergründe. mehr"): a short paragraph ending in one of them, after a
/// sentence, points to another page.
pub const MORE_LINK_WORDS: &[&str] = &[
    "continue reading",
    "czytaj więcej",
    "leer más",
    "leia mais",
    "lire la suite",
    "mehr",
    "mehr lesen",
    "more",
    "read more",
    "weiterlesen",
    "zum artikel",
];

/// Endings of photo credits ("... Contributor/Getty Images").
pub const CREDIT_ENDINGS: &[&str] = &[
    "/afp",
    "/ap",
    "/reuters",
    "afp via getty images",
    "ap photo",
    "domena publiczna",
    "getty images",
    "istock",
    "istock.com",
    "public domain",
    "shutterstock",
];

/// Openers of photo credits and image captions ("Photo: Jane Doe").
pub const CREDIT_OPENERS: &[&str] = &[
    "bild:",
    "bildquelle:",
    "credit:",
    "foto:",
    "fotos:",
    "fuente:",
    "image:",
    "photo:",
    "photograph:",
    "photos:",
    "picture:",
    "quelle:",
    "©",
    "źródło:",
];

/// Words that label a figure when a number (maybe) and a colon follow:
/// "Abbildung 4: ...", "Fig. 2: ...", "Grafik: ..." (see
/// [`crate::classify::caption`]). "Abbildung 4 zeigt ..." is a sentence
/// of the article and does not match.
pub const FIGURE_LABELS: &[&str] = &[
    "abb.",
    "abbildung",
    "afbeelding",
    "fig.",
    "figura",
    "figure",
    "grafik",
    "illustration",
];

/// Openers of news-agency photo captions that describe the picture: "In
/// this Dec. 12, 2006, file photo, ..." (the picture word follows within
/// [`crate::rules::thresholds::PHOTO_WORD_WINDOW`] characters).
pub const PICTURE_CAPTION_OPENERS: &[&str] = &["in this"];

/// Words naming the picture in such a caption opener.
pub const PICTURE_WORDS: &[&str] = &["file photo", "handout", "image", "photo", "picture"];

/// Units of measure of a recipe's ingredient lines ("125 g Mehl", "2 EL
/// Zucker", "1 cup flour", "3 Becher Schmand"): a run of lines opening on
/// a quantity and one of these is an ingredient list. Matched against the
/// first word after the quantity, lowercased, up to its first non-letter
/// ("Pck." is "pck", "Dose/n" is "dose").
pub const RECIPE_UNITS: &[&str] = &[
    "becher",
    "beutel",
    "bl",
    "blatt",
    "btl",
    "bund",
    "c",
    "can",
    "cans",
    "cl",
    "clove",
    "cloves",
    "cucchiai",
    "cucchiaini",
    "cucchiaino",
    "cucchiaio",
    "cucharada",
    "cucharadas",
    "cucharadita",
    "cucharaditas",
    "cuillère",
    "cuillères",
    "cup",
    "cups",
    "dash",
    "dashes",
    "dl",
    "dose",
    "dosen",
    "el",
    "g",
    "glas",
    "gr",
    "handvoll",
    "kg",
    "l",
    "lb",
    "lbs",
    "mg",
    "ml",
    "msp",
    "ounce",
    "ounces",
    "oz",
    "pck",
    "pinch",
    "pkg",
    "pound",
    "pounds",
    "prise",
    "prisen",
    "päckchen",
    "scheibe",
    "scheiben",
    "spritzer",
    "stange",
    "stangen",
    "stk",
    "stück",
    "tablespoon",
    "tablespoons",
    "tasse",
    "tassen",
    "tbsp",
    "teaspoon",
    "teaspoons",
    "tl",
    "tsp",
    "zehe",
    "zehen",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::is_sorted_lowercase;

    #[test]
    fn every_phrase_list_is_sorted_and_lowercase() {
        for list in [
            PROMO,
            NEWSLETTER,
            SHARE_WHOLE,
            SHARE_OPENERS,
            DOWNLOAD_LINKS,
            CITATION_OPENERS,
            RELATED_OPENERS,
            TAGS_OPENERS,
            TAGS_WHOLE,
            COOKIE,
            LEGAL,
            COMMENT,
            AD_WHOLE,
            AD_OPENERS,
            BIO_OPENERS,
            BIO_ROLES,
            ORGANISATION_ROLES,
            BYLINE_OPENERS,
            DATE_STAMP_LABELS,
            READING_TIME_LABELS,
            READING_TIME_ENDINGS,
            MORE_LINK_WORDS,
            CREDIT_ENDINGS,
            CREDIT_OPENERS,
            FIGURE_LABELS,
            PICTURE_CAPTION_OPENERS,
            PICTURE_WORDS,
            RECIPE_UNITS,
        ] {
            assert!(is_sorted_lowercase(list), "{list:?}");
        }
    }
}
