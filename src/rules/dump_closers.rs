//! Vocabularies and thresholds for what follows and flanks the article in
//! a text dump (see [`crate::classify::dump_closers`]): prompts addressed
//! to the reader (share, push notifications, newsletter sign-ups, comment
//! logins, calls to buy or register), related headlines without bullets,
//! a blog's "posted in ... tagged" line, and boxes about the site or the
//! author. Lists are lowercase and sorted.

/// Phrases asking the reader to share the article.
pub const SHARE_PROMPTS: &[&str] = &[
    "artikel gefallen?",
    "beitrag gefallen?",
    "did you enjoy this article",
    "did you like this article",
    "if you enjoyed this article",
    "if you liked this article",
    "jetzt teilen",
    "share this post",
    "teilen sie diesen artikel",
    "vergiss nicht zu teilen",
    "wenn dir der artikel gefallen hat",
];

/// Phrases of a browser's push-notification offer.
pub const PUSH_PROMPTS: &[&str] = &[
    "allow notifications",
    "benachrichtigungen aktivieren",
    "notifications push",
    "push notifications",
    "push-benachrichtigungen",
    "push-mitteilungen",
];

/// Phrases of a comment form: the login it asks for, the fields it marks.
pub const COMMENT_FORM_PROMPTS: &[&str] = &[
    "bitte loggen sie sich",
    "e-mail-adresse wird nicht veröffentlicht",
    "email address will not be published",
    "erforderliche felder sind mit",
    "logged in to post a comment",
    "must be logged in to",
    "pflichtfelder sind mit",
    "um kommentieren zu können",
    "um zu kommentieren",
];

/// Words naming a newsletter.
pub const NEWSLETTER_WORDS: &[&str] = &["infobrief", "newsletter"];

/// Words that, beside a [`NEWSLETTER_WORDS`] word, ask the reader to sign
/// up or record the consent to it ("Jetzt anmelden!", "willige ich ...
/// bis auf Widerruf ein").
pub const NEWSLETTER_CALLS: &[&str] = &[
    "abonnier",
    "anmeld",
    "bestell",
    "inscreva",
    "inscrivez",
    "registrier",
    "sign up",
    "subscribe",
    "suscrib",
    "widerruf",
    "zapisz",
];

/// Calls to act that no article sentence makes: visit our shop, do you
/// know our finder, order the current issue, subscription terms.
pub const CALL_PROMPTS: &[&str] = &[
    "besuchen sie unseren",
    "immediate online access",
    "jetzt die aktuelle ausgabe",
    "kennen sie schon unser",
    "kennst du schon unser",
    "kennt ihr schon unser",
    "subscription will auto renew",
];

/// A button's words: click, register, donate, follow (only in a line as
/// short as a button's, see [`MAX_SHORT_PROMPT_CHARS`]).
pub const BUTTON_PROMPTS: &[&str] = &[
    "donate now",
    "donate today",
    "einfach hier klicken",
    "folge uns auf",
    "folgen sie uns",
    "hier kostenlos anmelden",
    "jetzt spenden",
    "suivez-nous",
    "síguenos",
];

/// First-person consent under a sign-up form or an embedded post's
/// placeholder ("willige ich bis auf Widerruf ein", "I consent to", "Ich
/// bin damit einverstanden, dass mir externe Inhalte angezeigt werden").
pub const CONSENT_PROMPTS: &[&str] = &[
    "bis auf jederzeitigen widerruf",
    "bis auf widerruf",
    "einen externen inhalt",
    "einwilligung jederzeit",
    "externe inhalte angezeigt",
    "i consent to",
    "ich willige",
    "meine einwilligung kann ich",
    "willige ich",
    "withdraw my consent",
    "wyrażam zgodę",
    "you may revoke this consent",
];

/// A consent text may run to a paragraph of legal terms.
pub const MAX_CONSENT_CHARS: usize = 800;

/// A prompt is a line or two; a paragraph that says the same words is the
/// article's.
pub const MAX_PROMPT_CHARS: usize = 300;

/// Share and button prompts are a button's line: a sentence of the
/// article may say "jetzt teilen" too, but not in so few words.
pub const MAX_SHORT_PROMPT_CHARS: usize = 150;

/// Lines under a related heading that are taken for headlines at most (a
/// longer run is more than a box of links).
pub const MAX_RELATED_HEADLINES: usize = 12;

/// A headline is one line, not a paragraph.
pub const MAX_HEADLINE_CHARS: usize = 160;

/// Words a headline has at least (fewer is a label or a menu item).
pub const MIN_HEADLINE_WORDS: usize = 4;

/// Headings of other articles that neither the related openers
/// ([`crate::rules::phrases::RELATED_OPENERS`]) nor the article-list
/// openers ([`crate::rules::dump_furniture::ARTICLE_LIST_OPENERS`]) hold.
pub const RELATED_HEADINGS: &[&str] = &[
    "en ce moment",
    "leia mais",
    "lesen sie hier",
    "lesetipp",
    "más noticias",
    "noticias relacionadas",
    "redaktionstipp",
    "relacionadas",
    "relacionados",
    "temas relacionados",
    "weitere beiträge",
    "zuletzt notiert",
];

/// A related heading is a label.
pub const MAX_RELATED_HEADING_CHARS: usize = 50;

/// Openers of a blog's line under a post naming its category and tags
/// ("This entry was posted in News and tagged ...").
pub const POST_FOOTER_OPENERS: &[&str] = &[
    "cette entrée a été publiée",
    "dieser beitrag wurde unter",
    "dieser eintrag wurde veröffentlicht",
    "esta entrada fue publicada",
    "questa voce è stata pubblicata",
    "this entry was posted",
];

/// Such a line names a few categories and tags.
pub const MAX_POST_FOOTER_CHARS: usize = 400;

/// Lines of a comment form's field labels: short, ending in the star of a
/// required field ("Name *", "E-Mail *").
pub const MAX_FORM_LABEL_CHARS: usize = 30;

/// Words of a comment form's heading or fields ("Schreibe einen
/// Kommentar", "Leave a Reply"), near its labels: a newsletter box in the
/// article has the same "Name *" and "E-Mail *" but is no end of it.
pub const COMMENT_FORM_CUES: &[&str] = &[
    "antworten",
    "comentario",
    "comment",
    "commentaire",
    "komentarz",
    "kommentar",
    "reply",
    "répondre",
];

/// Lines above a form's first label searched for a comment cue.
pub const MAX_FORM_CUE_LINES: usize = 8;

/// Field labels that make a form, and how close together they stand.
pub const MIN_FORM_LABELS: usize = 2;
pub const MAX_FORM_LABEL_GAP: usize = 4;

/// Good lines of the article before a form, for prose after it to be the
/// sidebar's (a form above the article is a sign-up box in the header).
pub const MIN_ARTICLE_LINES_BEFORE_FORM: usize = 3;

/// Good lines of the article before a box defining its heading's name:
/// one is enough, as the box must also be the page's last prose.
pub const MIN_ARTICLE_LINES_BEFORE_ENTITY_BOX: usize = 1;

/// Good lines at the end of the article checked for a closing profile of
/// the publisher or the author (a press release's "Acme is a global
/// provider ...", then its second paragraph).
pub const PROFILE_TAIL_LINES: usize = 2;

/// Marks of a site footer's copyright line.
pub const FOOTER_COPYRIGHT_MARKS: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "copyright",
    "todos los derechos",
    "tous droits réservés",
    "©",
];

/// Links a site footer sets beside its copyright ("© 2020 Example |
/// Impressum | Datenschutz"): a photo credit ("© Reuters") has none.
pub const FOOTER_LINK_WORDS: &[&str] = &[
    "agb",
    "aviso legal",
    "contact",
    "cookie",
    "datenschutz",
    "impressum",
    "imprint",
    "kontakt",
    "mentions légales",
    "nutzungsbedingungen",
    "privacidad",
    "privacy",
    "terms",
];

/// A footer line is a line, not a paragraph.
pub const MAX_FOOTER_CHARS: usize = 250;

/// Words of a heading naming an entity whose box defines it ("Abenteuer
/// Astronomie" over "Abenteuer Astronomie war eine Zeitschrift ..."): a
/// name of two words or more (one word is a section's label: "Fazit").
pub const MIN_ENTITY_HEADING_WORDS: usize = 2;
pub const MAX_ENTITY_HEADING_WORDS: usize = 5;

/// Articles that may stand before an entity's name in its definition.
pub const ENTITY_ARTICLES: &[&str] = &["das", "der", "die", "el", "la", "le", "the"];

/// Parts of a web address naming a site in a box's heading ("Über das
/// Portal www.example.de", "About example.com").
pub const SITE_ADDRESS_MARKS: &[&str] = &[".at", ".ch", ".com", ".de", ".net", ".org", "www."];

/// Lines a box about the site holds (two short sections of prose).
pub const MAX_SITE_BOX_LINES: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::is_sorted_lowercase;

    #[test]
    fn vocabularies_are_sorted_and_lowercase() {
        for list in [
            SHARE_PROMPTS,
            PUSH_PROMPTS,
            COMMENT_FORM_PROMPTS,
            NEWSLETTER_WORDS,
            NEWSLETTER_CALLS,
            CALL_PROMPTS,
            BUTTON_PROMPTS,
            CONSENT_PROMPTS,
            COMMENT_FORM_CUES,
            RELATED_HEADINGS,
            POST_FOOTER_OPENERS,
            ENTITY_ARTICLES,
            SITE_ADDRESS_MARKS,
            FOOTER_COPYRIGHT_MARKS,
            FOOTER_LINK_WORDS,
        ] {
            assert!(is_sorted_lowercase(list), "{list:?}");
        }
    }
}
