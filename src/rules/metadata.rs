//! Vocabularies and thresholds of metadata extraction (authors, dates, site
//! names, languages), as sorted lowercase data with the reason for each.

/// Words that open a byline and are not part of any name ("By Jane Doe",
/// "Von Hans Müller", "Par Marie Dupont", "Por Ana Gómez"). Matched as whole
/// leading words, case-insensitively; a trailing ':' is also stripped.
pub const BYLINE_PREFIXES: &[&str] = &[
    "auteur",
    "author",
    "authors",
    "autor",
    "autora",
    "autoren",
    "by",
    "de",
    "door",
    "erstellt von",
    "escrito por",
    "geschrieben von",
    "interview",
    "par",
    "por",
    "posted by",
    "redigido por",
    "reported by",
    "scritto da",
    "story by",
    "text",
    "texto",
    "verfasst von",
    "von",
    "words by",
    "written by",
    "écrit par",
    "автор",
    "текст",
];

/// Connectors between names in a credit line ("A, B and C", "A & B",
/// "A und B"). Matched as whole words between names.
pub const NAME_CONNECTORS: &[&str] = &["and", "e", "et", "und", "y"];

/// Job titles that follow or precede a name in a byline and are not names
/// ("Jane Doe, Staff Writer", "Senior Correspondent John Roe"). A credit part
/// made only of these words (plus "staff"/"senior"-like qualifiers) is dropped,
/// and a trailing run of them is cut from a name.
pub const ROLE_WORDS: &[&str] = &[
    "analyst",
    "anchor",
    "assistant",
    "associate",
    "at-large",
    "chief",
    "columnist",
    "contributing",
    "contributor",
    "contributors",
    "correspondent",
    "correspondents",
    "critic",
    "deputy",
    "desk",
    "director",
    "editor",
    "editorial",
    "editors",
    "executive",
    "freelance",
    "guest",
    "intern",
    "journalist",
    "journalists",
    "large",
    "lead",
    "managing",
    "news",
    "photographer",
    "political",
    "producer",
    "redacción",
    "redakcja",
    "redakteur",
    "redakteurin",
    "redaktion",
    "redazione",
    "redação",
    "reporter",
    "reporters",
    "rédaction",
    "senior",
    "special",
    "staff",
    "team",
    "writer",
    "writers",
];

/// Role words that, on their own, make a phrase a job title: a name part must
/// contain one of these for the trailing-role cut in [`ROLE_WORDS`] to apply
/// (so "News" alone never cuts a name).
pub const ROLE_HEADS: &[&str] = &[
    "analyst",
    "anchor",
    "columnist",
    "contributor",
    "contributors",
    "correspondent",
    "correspondents",
    "critic",
    "editor",
    "editorial",
    "editors",
    "intern",
    "journalist",
    "journalists",
    "photographer",
    "producer",
    "redacción",
    "redakcja",
    "redakteur",
    "redakteurin",
    "redaktion",
    "redazione",
    "redação",
    "reporter",
    "reporters",
    "rédaction",
    "staff",
    "team",
    "writer",
    "writers",
];

/// Words that show a credit candidate is page furniture, not a person
/// ("Email the author", "View all posts", "Follow on Twitter", "Updated").
/// A candidate containing one of these words is dropped.
pub const NOT_NAME_WORDS: &[&str] = &[
    "about",
    "admin",
    "administrator",
    "aktualisiert",
    "all",
    "anonymous",
    "articles",
    "comment",
    "comments",
    "contact",
    "email",
    "facebook",
    "follow",
    "instagram",
    "linkedin",
    "more",
    "no author",
    "posted",
    "posts",
    "profile",
    "published",
    "read",
    "share",
    "sign",
    "stories",
    "subscribe",
    "super user",
    "the author",
    "twitter",
    "unknown",
    "updated",
    "user",
    "veröffentlicht",
    "view",
    "webmaster",
];

/// News agencies. An agency credit is kept only when it is the only credit
/// of the page ("By Jane Doe and AP" → ["Jane Doe"]; "By AP" → ["AP"]).
pub const AGENCIES: &[&str] = &[
    "aap",
    "afp",
    "agence france-presse",
    "anadolu",
    "ani",
    "ansa",
    "ap",
    "ap news",
    "apa",
    "associated press",
    "canadian press",
    "dpa",
    "efe",
    "epd",
    "ians",
    "kna",
    "kyodo",
    "pa",
    "press association",
    "pti",
    "reuters",
    "ria novosti",
    "sda",
    "tass",
    "the associated press",
    "the canadian press",
    "upi",
    "xinhua",
    "yonhap",
];

/// Words that, after (part of) the site's name, make a credit a desk of the
/// paper rather than a person ("Telegraph Sport", "Detroit News wire
/// services", "Herald Staff").
pub const DESK_WORDS: &[&str] = &[
    "correspondents",
    "desk",
    "digital",
    "editorial",
    "editors",
    "newsroom",
    "online",
    "reporters",
    "service",
    "services",
    "sport",
    "sports",
    "staff",
    "team",
    "web",
    "wire",
    "wires",
];

/// Parts of a copyright line's name that make it a photo credit or a desk,
/// not the publisher ("© AdobeStock", "© Getty Images", "© Redaktion").
/// Matched as substrings of the lowercased name.
pub const NOT_PUBLISHER_WORDS: &[&str] = &[
    "foto",
    "getty",
    "image",
    "photo",
    "picture",
    "redaktion",
    "shutterstock",
    "stock",
];

/// Lowercase particles that may sit inside a person's name ("Isabel van
/// Brugen", "Ursula von der Leyen", "Luiz Inácio da Silva").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "la",
    "le", "ten", "ter", "van", "von",
];

/// Weekday names of English, German, French, Spanish and Portuguese pages:
/// bylines put them beside dates ("Donnerstag, 19.11.2019"), never in names.
pub const WEEKDAYS: &[&str] = &[
    "dienstag",
    "domingo",
    "donnerstag",
    "freitag",
    "friday",
    "jeudi",
    "jueves",
    "lundi",
    "lunes",
    "mardi",
    "martes",
    "mercredi",
    "mittwoch",
    "miércoles",
    "monday",
    "montag",
    "quarta-feira",
    "quinta-feira",
    "samedi",
    "samstag",
    "saturday",
    "segunda-feira",
    "sexta-feira",
    "sonntag",
    "sunday",
    "sábado",
    "terça-feira",
    "thursday",
    "tuesday",
    "vendredi",
    "viernes",
    "wednesday",
];

/// Weekday abbreviations, removed only as the last word of a name
/// ("Tomas Spahn Fr"), where no name ends.
pub const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "di", "do", "fr", "fri", "mi", "mo", "mon", "sa", "sat", "so", "sun", "thu", "tue", "wed",
];

/// Most names a page's own markup (microdata, author links, bylines) may
/// credit; more is a list of references or of other articles' authors.
pub const MAX_MARKUP_AUTHORS: usize = 12;

/// Most words a person's name may have; longer credit parts are sentences.
pub const MAX_NAME_WORDS: usize = 6;

/// Longest credit text (in chars) read as a byline; longer elements carrying
/// a byline class are containers (a whole article header or a bio).
pub const MAX_BYLINE_CHARS: usize = 200;

/// Month names (and their usual abbreviations) of English, German, French,
/// Spanish and Portuguese pages, lowercase, with their month number. Sorted
/// by name. Abbreviations are matched with an optional trailing '.'.
pub const MONTH_NAMES: &[(&str, u32)] = &[
    ("abr", 4),
    ("abril", 4),
    ("ago", 8),
    ("agosto", 8),
    ("apr", 4),
    ("april", 4),
    ("aug", 8),
    ("august", 8),
    ("avr", 4),
    ("avril", 4),
    ("dec", 12),
    ("december", 12),
    ("dez", 12),
    ("dezember", 12),
    ("dezembro", 12),
    ("dic", 12),
    ("diciembre", 12),
    ("déc", 12),
    ("décembre", 12),
    ("ene", 1),
    ("enero", 1),
    ("feb", 2),
    ("febrero", 2),
    ("februar", 2),
    ("february", 2),
    ("fev", 2),
    ("fevereiro", 2),
    ("fév", 2),
    ("févr", 2),
    ("février", 2),
    ("jan", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("january", 1),
    ("janv", 1),
    ("janvier", 1),
    ("juil", 7),
    ("juillet", 7),
    ("juin", 6),
    ("jul", 7),
    ("julho", 7),
    ("juli", 7),
    ("julio", 7),
    ("july", 7),
    ("jun", 6),
    ("june", 6),
    ("junho", 6),
    ("juni", 6),
    ("junio", 6),
    ("jänner", 1),
    ("mai", 5),
    ("maio", 5),
    ("mar", 3),
    ("march", 3),
    ("mars", 3),
    ("marzo", 3),
    ("may", 5),
    ("mayo", 5),
    ("mrz", 3),
    ("märz", 3),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("novembro", 11),
    ("noviembre", 11),
    ("oct", 10),
    ("october", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("out", 10),
    ("outubro", 10),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("setiembre", 9),
];

/// Publication dates before this year are rejected: the web had next to no
/// news pages before it, and older dates on a page are history, not the
/// publication day.
pub const MIN_PUBLICATION_YEAR: i32 = 1995;

/// A publication date may be this many days after the fetch date: the date
/// is the publisher's local calendar day, which can be a day ahead of UTC.
pub const FUTURE_DATE_TOLERANCE_DAYS: i64 = 1;

/// Time-zone abbreviations pages print after a clock time ("8:03 am EST",
/// "18.54 GMT", "11:06am IST"), with their offset from UTC in minutes. They
/// turn a UTC timestamp into the publisher's local calendar day. Sorted by
/// abbreviation. IST is India's (the common one on news pages); the US
/// generic "ET", "CT", "MT", "PT" are in [`GENERIC_US_ZONES`].
pub const ZONE_ABBREVIATIONS: &[(&str, i32)] = &[
    ("aedt", 660),
    ("aest", 600),
    ("bst", 60),
    ("cdt", -300),
    ("cest", 120),
    ("cet", 60),
    ("cst", -360),
    ("edt", -240),
    ("eest", 180),
    ("eet", 120),
    ("est", -300),
    ("gmt", 0),
    ("hkt", 480),
    ("ist", 330),
    ("jst", 540),
    ("kst", 540),
    ("mdt", -360),
    ("mesz", 120),
    ("mez", 60),
    ("mst", -420),
    ("pdt", -420),
    ("pst", -480),
    ("sgt", 480),
    ("utc", 0),
    ("wat", 60),
];

/// US zone names without standard/daylight ("8:03 am ET"), with their
/// standard offset in minutes; [`US_DAYLIGHT_MONTHS`] add an hour.
pub const GENERIC_US_ZONES: &[(&str, i32)] =
    &[("ct", -360), ("et", -300), ("mt", -420), ("pt", -480)];

/// Months (1-12) wholly or mostly on US daylight time (second Sunday of
/// March to first Sunday of November; the edge weeks are approximated).
pub const US_DAYLIGHT_MONTHS: std::ops::RangeInclusive<u32> = 4..=10;

/// Bytes of body text fed to the language detector: enough for a reliable
/// guess, bounded for speed on long pages.
pub const LANGUAGE_SAMPLE_BYTES: usize = 3000;

/// Bytes of the head of the body text that confirm a declared language
/// (`<html lang>` and the like): when the detector reliably reads them as
/// the declared language, the full sample is not read. The detector's cost
/// is about half fixed (its language profiles) and half per byte, so this
/// halves the cost on pages that declare their language truly.
pub const LANGUAGE_CONFIRM_BYTES: usize = 600;

/// Below this many chars of text the detector's guess is weak, and a valid
/// `<html lang>` is preferred over it.
pub const LANGUAGE_MIN_TEXT_CHARS: usize = 200;

/// whatlang's ISO 639-3 codes with their ISO 639-1 equivalent, sorted by the
/// 639-3 code. Every language whatlang 0.18 detects is listed.
pub const ISO_639_3_TO_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// Class/id tokens of elements that carry a byline ("byline", "author",
/// "article-author"). Matched against the element's class and id tokens split
/// on '-', '_' and spaces, so "c-byline__name" matches "byline".
pub const BYLINE_TOKENS: &[&str] = &[
    "auteur",
    "author",
    "authors",
    "autor",
    "byline",
    "bylines",
    "contributor",
    "creator",
    "writer",
];

/// Class/id tokens of author bio boxes ("author-bio", "biography"), whose
/// "X is a reporter ..." sentences name the author when nothing else does.
pub const BIO_TOKENS: &[&str] = &["aboutauthor", "authorbio", "authorinfo", "bio", "biography"];

/// Longest bio text read (chars): a bio is a paragraph or two.
pub const MAX_BIO_CHARS: usize = 1500;

/// Class/id tokens that mark a date as the last update, not the publication.
pub const UPDATE_TOKENS: &[&str] = &["lastmod", "modified", "update", "updated"];

/// Class/id tokens of elements that carry the publication date in the page
/// header ("date", "published", "timestamp", "dateline").
pub const DATE_TOKENS: &[&str] = &[
    "date",
    "dateline",
    "datum",
    "fecha",
    "posted",
    "pubdate",
    "publish",
    "published",
    "time",
    "timestamp",
];

/// Class/id tokens of containers whose bylines and dates belong to other
/// articles (sidebars, teasers, comments): nothing in them is page metadata.
pub const FOREIGN_CONTAINER_TOKENS: &[&str] = &[
    "carousel",
    "comment",
    "comments",
    "footer",
    "more",
    "most",
    "popular",
    "promo",
    "recommended",
    "related",
    "sidebar",
    "teaser",
    "trending",
    "widget",
];

/// Class names of elements only screen readers see ("aural", "sr-only"):
/// an `<h1>` there is a page label, not the headline the reader sees.
pub const SCREEN_READER_CLASSES: &[&str] = &[
    "aural",
    "element-invisible",
    "offscreen",
    "screen-reader-only",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Tags whose content is not the article's header (sidebars, menus, footers,
/// forms): bylines and dates inside them are ignored.
pub const FOREIGN_CONTAINER_TAGS: &[&str] = &["aside", "footer", "form", "nav"];

/// Separators between a headline and the site name in `<title>`
/// ("Headline | Site", "Headline - Site", "Headline — Site").
/// ("Site: Headline" is cut only when the part names the site.)
pub const TITLE_SEPARATORS: &[&str] = &[
    " - ", " : ", " :: ", " | ", " · ", " » ", " – ", " — ", ": ",
];

/// JSON-LD `@type`s of the object that describes the article itself.
pub const ARTICLE_TYPES: &[&str] = &[
    "advertisercontentarticle",
    "analysisnewsarticle",
    "article",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "newsarticle",
    "opinionnewsarticle",
    "reportagenewsarticle",
    "reviewnewsarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "techarticle",
];

/// JSON-LD `@type`s of a page-level object, used when no article object is
/// present ("WebPage" with a headline and dates).
pub const PAGE_TYPES: &[&str] = &[
    "aboutpage",
    "collectionpage",
    "itempage",
    "profilepage",
    "qapage",
    "webpage",
];

/// JSON-LD `@type`s naming the publication ("publisher", "WebSite").
pub const PUBLISHER_TYPES: &[&str] = &["newsmediaorganization", "organization", "website"];

/// Words that start sentences or headings often enough that they must not be
/// taken for a publication's name when counting capitalised words in promos.
pub const COMMON_CAPITALISED_WORDS: &[&str] = &[
    "a",
    "about",
    "all",
    "an",
    "and",
    "are",
    "as",
    "at",
    "but",
    "by",
    "click",
    "comment",
    "do",
    "enjoy",
    "for",
    "from",
    "get",
    "have",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "let",
    "more",
    "my",
    "new",
    "news",
    "no",
    "not",
    "of",
    "on",
    "or",
    "our",
    "read",
    "she",
    "sign",
    "so",
    "subscribe",
    "that",
    "the",
    "their",
    "there",
    "they",
    "this",
    "to",
    "up",
    "us",
    "we",
    "what",
    "when",
    "who",
    "why",
    "will",
    "with",
    "you",
    "your",
];

/// A publication name found by counting must appear at least this often in
/// the removed promos: once could be any proper noun.
pub const MIN_SITE_NAME_REPEATS: usize = 3;

/// Meta keys (`name`, `property`, `itemprop` or `http-equiv`, lowercased)
/// per field. Unlike the vocabularies above these lists are in order of
/// trust, first to last, not sorted: OpenGraph and `article:*` first, then
/// Twitter cards, then plain `<meta name>`, then Dublin Core.
pub mod meta_keys {
    /// The headline.
    pub const TITLE: &[&str] = &[
        "og:title",
        "twitter:title",
        "headline",
        "dc.title",
        "dcterms.title",
        "title",
        "sailthru.title",
        "parsely-title",
    ];
    /// The publication's name.
    pub const SITE_NAME: &[&str] = &[
        "og:site_name",
        "application-name",
        "apple-mobile-web-app-title",
        "dc.publisher",
        "dcterms.publisher",
        "publisher",
    ];
    /// Credited people (URLs among the values are skipped).
    pub const AUTHOR: &[&str] = &[
        "article:author",
        "author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "sailthru.author",
        "parsely-author",
        "citation_author",
        "twitter:creator:name",
    ];
    /// The publication date (first found wins).
    pub const PUBLISHED: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "article:published",
        "published_time",
        "datepublished",
        "date",
        "pubdate",
        "publish-date",
        "publish_date",
        "publishdate",
        "pdate",
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.date",
        "dc.date.created",
        "dcterms.created",
        "datecreated",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "article_date_original",
        "original-publish-date",
        "citation_publication_date",
        "citation_date",
    ];
    /// The last modification date.
    pub const MODIFIED: &[&str] = &[
        "article:modified_time",
        "og:updated_time",
        "article:modified",
        "modified_time",
        "datemodified",
        "last-modified",
        "dc.date.modified",
        "dcterms.modified",
        "article.updated",
    ];
    /// The summary.
    pub const DESCRIPTION: &[&str] = &[
        "og:description",
        "twitter:description",
        "description",
        "dc.description",
        "dcterms.description",
        "dcterms.abstract",
    ];
    /// The lead image.
    pub const IMAGE: &[&str] = &[
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
        "thumbnailurl",
        "image",
    ];
    /// The page's own URL.
    pub const URL: &[&str] = &["og:url", "twitter:url", "url"];
    /// Tags, as repeated metas or comma-separated lists.
    pub const TAGS: &[&str] = &[
        "article:tag",
        "news_keywords",
        "keywords",
        "dc.subject",
        "dcterms.subject",
        "parsely-tags",
        "sailthru.tags",
    ];
    /// Sections or categories, appended to the tags.
    pub const SECTION: &[&str] = &["article:section", "articlesection", "parsely-section"];
    /// The language of the page, used when `<html lang>` is missing.
    pub const LANGUAGE: &[&str] = &[
        "content-language",
        "og:locale",
        "dc.language",
        "dcterms.language",
        "language",
        "inlanguage",
    ];
}

/// Most tags kept: beyond this a keywords meta is SEO stuffing.
pub const MAX_TAGS: usize = 30;

/// Most JSON-LD scripts, byline elements and time elements read per page,
/// so a page of a thousand teasers costs no more than a normal one.
pub const MAX_CANDIDATES: usize = 40;

/// Most JSON-LD values (objects, arrays, strings) visited per script.
pub const MAX_JSON_LD_NODES: usize = 5000;

/// Longest JSON-LD script parsed (bytes); larger ones are data dumps.
pub const MAX_JSON_LD_BYTES: usize = 1_000_000;

/// Short text lines after the headline searched for a visible date: a
/// dateline sits right under the headline, a date further down is history.
pub const MAX_HEADER_TEXTS: usize = 40;

/// Longest text line read as a dateline (chars); longer ones are paragraphs.
pub const MAX_DATELINE_CHARS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted_lowercase(name: &str, list: &[&str]) {
        for w in list {
            assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
        }
        for pair in list.windows(2) {
            if let [a, b] = pair {
                assert!(a < b, "{name}: {a:?} !< {b:?} (unsorted or duplicate)");
            }
        }
    }

    #[test]
    fn vocabularies_are_sorted_and_lowercase() {
        assert_sorted_lowercase("BYLINE_PREFIXES", BYLINE_PREFIXES);
        assert_sorted_lowercase("NAME_CONNECTORS", NAME_CONNECTORS);
        assert_sorted_lowercase("ROLE_WORDS", ROLE_WORDS);
        assert_sorted_lowercase("ROLE_HEADS", ROLE_HEADS);
        assert_sorted_lowercase("NOT_NAME_WORDS", NOT_NAME_WORDS);
        assert_sorted_lowercase("AGENCIES", AGENCIES);
        assert_sorted_lowercase("NAME_PARTICLES", NAME_PARTICLES);
        assert_sorted_lowercase("WEEKDAYS", WEEKDAYS);
        assert_sorted_lowercase("WEEKDAY_ABBREVIATIONS", WEEKDAY_ABBREVIATIONS);
        assert_sorted_lowercase("BYLINE_TOKENS", BYLINE_TOKENS);
        assert_sorted_lowercase("DATE_TOKENS", DATE_TOKENS);
        assert_sorted_lowercase("BIO_TOKENS", BIO_TOKENS);
        assert_sorted_lowercase("UPDATE_TOKENS", UPDATE_TOKENS);
        assert_sorted_lowercase("FOREIGN_CONTAINER_TOKENS", FOREIGN_CONTAINER_TOKENS);
        assert_sorted_lowercase("FOREIGN_CONTAINER_TAGS", FOREIGN_CONTAINER_TAGS);
        assert_sorted_lowercase("SCREEN_READER_CLASSES", SCREEN_READER_CLASSES);
        assert_sorted_lowercase("ARTICLE_TYPES", ARTICLE_TYPES);
        assert_sorted_lowercase("PAGE_TYPES", PAGE_TYPES);
        assert_sorted_lowercase("DESK_WORDS", DESK_WORDS);
        assert_sorted_lowercase("NOT_PUBLISHER_WORDS", NOT_PUBLISHER_WORDS);
        assert_sorted_lowercase("PUBLISHER_TYPES", PUBLISHER_TYPES);
        assert_sorted_lowercase("COMMON_CAPITALISED_WORDS", COMMON_CAPITALISED_WORDS);
        let zones: Vec<&str> = ZONE_ABBREVIATIONS.iter().map(|(z, _)| *z).collect();
        assert_sorted_lowercase("ZONE_ABBREVIATIONS", &zones);
        let generic: Vec<&str> = GENERIC_US_ZONES.iter().map(|(z, _)| *z).collect();
        assert_sorted_lowercase("GENERIC_US_ZONES", &generic);
        let months: Vec<&str> = MONTH_NAMES.iter().map(|(m, _)| *m).collect();
        assert_sorted_lowercase("MONTH_NAMES", &months);
        let codes: Vec<&str> = ISO_639_3_TO_1.iter().map(|(c, _)| *c).collect();
        assert_sorted_lowercase("ISO_639_3_TO_1", &codes);
    }

    #[test]
    fn every_role_head_is_a_role_word() {
        for head in ROLE_HEADS {
            assert!(ROLE_WORDS.binary_search(head).is_ok(), "{head}");
        }
    }

    #[test]
    fn month_numbers_are_months() {
        assert!(MONTH_NAMES.iter().all(|(_, n)| (1..=12).contains(n)));
    }

    #[test]
    fn language_codes_are_two_letters() {
        assert!(ISO_639_3_TO_1.iter().all(|(_, c)| c.len() == 2));
    }
}
