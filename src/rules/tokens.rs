//! Class and id vocabularies: what the names web authors give their
//! elements say about the text inside.
//!
//! A class name or id is first normalised: lowercased, with `-`, `_`, `.`,
//! `:` and spaces removed (`article-body`, `article_body` and `articleBody`
//! all become `articlebody`). Each kind of boilerplate then has two lists:
//! `*_WHOLE`, names that must equal the normalised name (short words such as
//! `ad` or `nav` that would match far too much as substrings), and
//! `*_CONTAINS`, distinctive substrings (`newsletter` matches
//! `newsletter-signup-box`). Lists are sorted and lowercase.
//!
//! Names are matched one class at a time, never the whole `class`
//! attribute: WordPress writes `tag-foo category-bar` on the article
//! element itself, and those must not make the article a tag list.

/// Names that are never boilerplate even if they contain a boilerplate
/// substring (an opinion column is `commentary`, not comments; Drupal
/// writes `node-promoted` on a full article it promoted to the front
/// page, a publishing state, not a promo box; the Elementor page builder
/// wraps every text block of a post in `elementor-widget`,
/// `elementor-widget-container` and `elementor-widget-text-editor`).
pub const NEVER_BOILERPLATE_CONTAINS: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "commentary",
    "elementorwidgetcontainer",
    "elementorwidgetheading",
    "elementorwidgettexteditor",
    "elementorwidgetwrap",
    "entrycontent",
    "nodepromoted",
    "postbody",
    "postcontent",
    "storybody",
    "storycontent",
];

/// Whole names that are never boilerplate although they contain a
/// boilerplate word: Elementor's generic `elementor-widget` class (its
/// share or posts widgets carry a second, specific class that still
/// marks them).
pub const NEVER_BOILERPLATE_WHOLE: &[&str] = &["elementorwidget"];

/// Prefixes of class names that describe the article's topics rather than
/// the element (WordPress writes `tag-sponsoring category-news` on the
/// article element): such names are ignored.
pub const TAXONOMY_PREFIXES: &[&str] = &["category-", "format-", "tag-", "tags-", "topic-"];

/// First tokens (before the first `-` or `_`) that mark advertising slots:
/// `ad-slot`, `ads_wrapper`, `dfp-top`.
pub const AD_LEADING_TOKENS: &[&str] = &["ad", "ads", "adv", "advert", "dfp", "gpt"];

pub const AD_WHOLE: &[&str] = &["ad", "ads", "adv", "anzeige", "dfp", "gpt", "werbung"];

pub const AD_CONTAINS: &[&str] = &[
    "adbanner",
    "adblock",
    "adcontainer",
    "adholder",
    "adplaceholder",
    "adsbygoogle",
    "adsense",
    "adslot",
    "adunit",
    "adverti",
    "adwrapper",
    "adzone",
    "doubleclick",
    "googlead",
    "sponsor",
];

/// Classes of embedded social posts whose text the article quotes.
pub const EMBEDDED_POST_CLASSES: &[&str] = &["twitter-tweet"];

pub const AUTHOR_BIO_WHOLE: &[&str] = &["bio", "biography"];

pub const AUTHOR_BIO_CONTAINS: &[&str] = &[
    "aboutauthor",
    "abouttheauthor",
    "authorbio",
    "authorbox",
    "authorcard",
    "authordescription",
    "authordetails",
    "authorinfo",
    "authorprofile",
    "saboxplugin",
];

pub const BYLINE_WHOLE: &[&str] = &["author", "authors", "date", "meta", "published", "time"];

pub const BYLINE_CONTAINS: &[&str] = &[
    "articleauthor",
    "articledate",
    "articlemeta",
    "authorname",
    "byline",
    "dateline",
    "entrymeta",
    "postauthor",
    "postdate",
    "postmeta",
    "pubdate",
    "publishdate",
    "publishedat",
    "storymeta",
    "timestamp",
];

pub const CAPTION_WHOLE: &[&str] = &["credit", "credits", "legend", "legende"];

pub const CAPTION_CONTAINS: &[&str] = &[
    "bildlegende",
    "bildunterschrift",
    "caption",
    "imageannotation",
    "imagecredit",
    "imagelegend",
    "imagesubtitle",
    "mediacredit",
    "photocredit",
];

pub const COMMENT_WHOLE: &[&str] = &["respond", "talk"];

pub const COMMENT_CONTAINS: &[&str] = &["comment", "disqus", "kommentar", "replies", "reply"];

pub const COOKIE_WHOLE: &[&str] = &["cmp"];

pub const COOKIE_CONTAINS: &[&str] = &["consent", "cookie", "didomi", "gdpr", "onetrust"];

pub const LEGAL_CONTAINS: &[&str] = &["copyright", "disclaimer", "impressum", "legal"];

pub const NAVIGATION_WHOLE: &[&str] = &[
    "header",
    "masthead",
    "menu",
    "nav",
    "pager",
    "siteheader",
    "skip",
    "toc",
    "topbar",
];

pub const NAVIGATION_CONTAINS: &[&str] = &[
    "breadcrumb",
    "dropdown",
    "globalheader",
    "hamburger",
    "mainnav",
    "megamenu",
    "menubar",
    "menuitem",
    "navbar",
    "navigation",
    "navmenu",
    "offcanvas",
    "pageheader",
    "pagination",
    "sitenav",
    "skiplink",
    "subnav",
    "tableofcontents",
    "toccontainer",
    "topnav",
];

pub const NEWSLETTER_CONTAINS: &[&str] = &[
    "mailchimp",
    "mailinglist",
    "newsletter",
    "optin",
    "signup",
    "subscribe",
    "subscription",
];

pub const OTHER_WHOLE: &[&str] = &["hidden", "hide", "print", "sronly"];

pub const OTHER_CONTAINS: &[&str] = &[
    "footer",
    "hovercard",
    "lightbox",
    "modal",
    "overlay",
    "popover",
    "popup",
    "printonly",
    "screenreader",
    "sidebar",
    "tooltip",
    "visuallyhidden",
    "widget",
];

/// (Not `paywall`: in a scraped page the element named so holds the
/// article text the paywall hides from non-subscribers.)
pub const PROMO_CONTAINS: &[&str] = &[
    "donate",
    "donation",
    "marketing",
    "membership",
    "promo",
    "upsell",
];

pub const RELATED_CONTAINS: &[&str] = &[
    "alsoread",
    "morearticles",
    "morenews",
    "morestories",
    "mostpopular",
    "mostread",
    "mostviewed",
    "nextarticle",
    "nextpost",
    "outbrain",
    "popular",
    "postnav",
    "prevpost",
    "readalso",
    "readmore",
    "recirc",
    "recommend",
    "related",
    "seealso",
    "taboola",
    "trending",
    "youmayalso",
    "youmightalso",
];

pub const SHARE_CONTAINS: &[&str] = &["addthis", "share", "shariff", "sharing", "social"];

pub const TAGS_WHOLE: &[&str] = &["categories", "keywords", "tag", "tags", "topics"];

pub const TAGS_CONTAINS: &[&str] = &[
    "articletags",
    "entrytags",
    "posttags",
    "schlagwort",
    "storytags",
    "tagcloud",
    "taglist",
    "tagsection",
];

/// Normalised names whose element very likely holds the article itself;
/// they raise a container's score by [`super::thresholds::STRONG_POSITIVE_BONUS`].
pub const POSITIVE_STRONG_CONTAINS: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "bodytext",
    "entrybody",
    "entrycontent",
    "postbody",
    "postcontent",
    "posttext",
    "richtext",
    "storybody",
    "storycontent",
    "storytext",
];

/// Whole names that suggest, more weakly, an article container.
pub const POSITIVE_WEAK_WHOLE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::is_sorted_lowercase;

    #[test]
    fn every_vocabulary_is_sorted_and_lowercase() {
        for list in [
            EMBEDDED_POST_CLASSES,
            NEVER_BOILERPLATE_CONTAINS,
            NEVER_BOILERPLATE_WHOLE,
            TAXONOMY_PREFIXES,
            AD_LEADING_TOKENS,
            AD_WHOLE,
            AD_CONTAINS,
            AUTHOR_BIO_WHOLE,
            AUTHOR_BIO_CONTAINS,
            BYLINE_WHOLE,
            BYLINE_CONTAINS,
            CAPTION_WHOLE,
            CAPTION_CONTAINS,
            COMMENT_WHOLE,
            COMMENT_CONTAINS,
            COOKIE_WHOLE,
            COOKIE_CONTAINS,
            LEGAL_CONTAINS,
            NAVIGATION_WHOLE,
            NAVIGATION_CONTAINS,
            NEWSLETTER_CONTAINS,
            OTHER_WHOLE,
            OTHER_CONTAINS,
            PROMO_CONTAINS,
            RELATED_CONTAINS,
            SHARE_CONTAINS,
            TAGS_WHOLE,
            TAGS_CONTAINS,
            POSITIVE_STRONG_CONTAINS,
            POSITIVE_WEAK_WHOLE,
        ] {
            assert!(is_sorted_lowercase(list), "{list:?}");
        }
    }
}
