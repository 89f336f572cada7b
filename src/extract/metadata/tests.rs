//! Page-shaped tests of `from_html` and `from_text`: one small page per
//! source and per cleaning rule.

use chrono::{DateTime, NaiveDate, Utc};
use scraper::Html;

use super::*;
use crate::record::Removed;

fn ctx_at(url: Option<&str>, fetched: &str) -> PageContext {
    PageContext {
        url: url.map(str::to_string),
        fetched_at: DateTime::parse_from_rfc3339(fetched)
            .ok()
            .map(|t| t.with_timezone(&Utc)),
    }
}

fn ctx() -> PageContext {
    ctx_at(None, "2024-01-01T00:00:00Z")
}

fn meta_of(html: &str) -> Metadata {
    from_html(&Html::parse_document(html), &ctx())
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn json_ld_graph_with_nested_author_array() {
    let m = meta_of(
        r##"<html lang="en"><head><title>Ignored | Example Times</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"#site","name":"Example Times"},
          {"@type":"Person","@id":"#p1","name":"Jane Doe"},
          {"@type":"NewsArticle","headline":"Council Approves New Budget",
           "datePublished":"2019-11-19T23:30:00-05:00","dateModified":"2019-11-20T08:00:00-05:00",
           "author":[{"@id":"#p1"},{"@type":"Person","name":"John Roe"}],
           "publisher":{"@type":"Organization","name":"Example Times"},
           "keywords":["budget","council"],"image":"https://example.com/a.jpg",
           "description":"The council approved it."}]}</script>
        </head><body><h1>Council Approves New Budget</h1></body></html>"##,
    );
    assert_eq!(m.title.as_deref(), Some("Council Approves New Budget"));
    assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(m.site_name.as_deref(), Some("Example Times"));
    assert_eq!(m.date_published, day(2019, 11, 19));
    assert_eq!(m.date_modified, day(2019, 11, 20));
    assert_eq!(m.date_source.as_deref(), Some("json_ld"));
    assert_eq!(m.tags, vec!["budget", "council"]);
    assert_eq!(m.image_url.as_deref(), Some("https://example.com/a.jpg"));
    assert_eq!(m.description.as_deref(), Some("The council approved it."));
    assert_eq!(m.html_lang.as_deref(), Some("en"));
}

#[test]
fn opengraph_with_offset_published_time() {
    let m = meta_of(
        r#"<head><meta property="og:title" content="Storm Hits Coast">
        <meta property="og:site_name" content="Daily Example">
        <meta property="article:published_time" content="2019-11-19T23:30:00-05:00">
        <meta property="article:modified_time" content="2019-11-21T10:00:00+00:00">
        <meta property="article:author" content="https://www.facebook.com/janedoe">
        <meta property="article:tag" content="weather"><meta property="article:tag" content="storms">
        <meta property="article:section" content="News">
        <meta property="og:url" content="https://example.com/storm">
        <meta property="og:image" content="/img/storm.jpg">
        <meta name="author" content="Jane Doe"></head><body></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Storm Hits Coast"));
    assert_eq!(m.site_name.as_deref(), Some("Daily Example"));
    assert_eq!(m.date_published, day(2019, 11, 19));
    assert_eq!(m.date_source.as_deref(), Some("meta"));
    assert_eq!(m.date_modified, day(2019, 11, 21));
    // The profile URL of article:author is skipped; meta author names her.
    assert_eq!(m.authors, vec!["Jane Doe"]);
    assert_eq!(m.tags, vec!["weather", "storms", "News"]);
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://example.com/storm")
    );
    assert_eq!(
        m.image_url.as_deref(),
        Some("https://example.com/img/storm.jpg")
    );
}

#[test]
fn meta_author_with_by_and_roles() {
    let m = meta_of(r#"<meta name="author" content="By Jane Doe and John Roe, Staff Writers">"#);
    assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
}

#[test]
fn twitter_card_and_dublin_core() {
    let m = meta_of(
        r#"<meta name="twitter:title" content="Card Title"><meta name="DC.creator" content="Ann Lee">
        <meta name="dc.date" content="2018-05-04">"#,
    );
    assert_eq!(m.title.as_deref(), Some("Card Title"));
    assert_eq!(m.authors, vec!["Ann Lee"]);
    assert_eq!(m.date_published, day(2018, 5, 4));
}

#[test]
fn title_suffix_is_stripped_when_it_is_the_site() {
    let m = meta_of(
        r#"<head><title>Storm Hits Coast | Daily Example</title>
        <meta property="og:site_name" content="Daily Example"></head><body><h1>Logo</h1></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Storm Hits Coast"));
}

#[test]
fn title_suffix_is_stripped_when_h1_matches_and_names_the_site() {
    let m = meta_of(
        r#"<head><title>Storm Hits Coast – Daily Example</title></head>
        <body><article><h1>Storm Hits Coast</h1></article></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Storm Hits Coast"));
    assert_eq!(m.site_name.as_deref(), Some("Daily Example"));
}

#[test]
fn title_with_a_dash_of_its_own_is_kept() {
    let m = meta_of(
        r#"<head><title>Brexit - what next?</title></head><body><h1>Brexit - what next?</h1></body>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Brexit - what next?"));
}

#[test]
fn time_element_in_the_article() {
    let m = meta_of(
        r#"<body><aside><time datetime="2001-01-01">old</time></aside>
        <article><h1>Story</h1><time datetime="2019-11-19T09:00:00+01:00">19 Nov</time></article></body>"#,
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
    assert_eq!(m.date_source.as_deref(), Some("time_element"));
}

#[test]
fn microdata_author_and_date() {
    let m = meta_of(
        r#"<article itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Micro</h1>
        <span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>
        <span itemprop="datePublished" content="2017-03-02">March 2</span></article>"#,
    );
    assert_eq!(m.authors, vec!["Jane Doe"]);
    assert_eq!(m.date_published, day(2017, 3, 2));
    assert_eq!(m.title.as_deref(), Some("Micro"));
}

#[test]
fn byline_element_not_sidebar() {
    let m = meta_of(
        r#"<body><aside class="trending"><span class="author">By Sidebar Name</span></aside>
        <article><h1>Story</h1><div class="byline">By <a rel="nofollow">JANE DOE</a> | Updated March 3, 2020</div>
        <p>Text.</p></article>
        <div class="related-posts"><span class="byline">By Other Writer</span></div></body>"#,
    );
    assert_eq!(m.authors, vec!["Jane Doe"]);
}

#[test]
fn rel_author_link() {
    let m = meta_of(
        r#"<article><h1>S</h1><p>By <a rel="author" href="/a/ann">Ann Lee</a></p></article>"#,
    );
    assert_eq!(m.authors, vec!["Ann Lee"]);
}

#[test]
fn agency_only_when_it_is_the_only_credit() {
    let alone = meta_of(r#"<meta name="author" content="Reuters">"#);
    assert_eq!(alone.authors, vec!["Reuters"]);
    let both = meta_of(
        r#"<meta name="author" content="Reuters"><article><h1>S</h1><p class="byline">By Jane Doe</p></article>"#,
    );
    assert_eq!(both.authors, vec!["Jane Doe"]);
}

#[test]
fn site_name_as_author_gives_way_to_the_byline() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="Daily Example"><meta name="author" content="Daily Example">
        <article><h1>S</h1><span class="author-name">Ann Lee</span></article>"#,
    );
    assert_eq!(m.authors, vec!["Ann Lee"]);
}

#[test]
fn url_date_when_nothing_else() {
    let doc = Html::parse_document("<h1>Story</h1><p>Text</p>");
    let m = from_html(
        &doc,
        &ctx_at(
            Some("https://example.com/2019/11/19/story/"),
            "2024-01-01T00:00:00Z",
        ),
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
    assert_eq!(m.date_source.as_deref(), Some("url"));
}

#[test]
fn german_dateline_under_the_headline() {
    let m = meta_of(
        r#"<html lang="de"><body><p>Menü</p><h1>Schlagzeile</h1><p>19. November 2019</p>
        <p>Der lange Text des Artikels beginnt hier.</p></body></html>"#,
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
    assert_eq!(m.date_source.as_deref(), Some("text"));
}

#[test]
fn french_and_spanish_dates_in_date_elements() {
    let fr = meta_of(
        r#"<article><h1>T</h1><span class="date">Publié le 3 mars 2021 à 10h</span></article>"#,
    );
    assert_eq!(fr.date_published, day(2021, 3, 3));
    assert_eq!(fr.date_source.as_deref(), Some("byline"));
    let es =
        meta_of(r#"<article><h1>T</h1><div class="fecha">12 de octubre de 2020</div></article>"#);
    assert_eq!(es.date_published, day(2020, 10, 12));
}

#[test]
fn future_date_is_rejected_and_the_next_source_used() {
    let m = meta_of(
        r#"<meta property="article:published_time" content="2031-01-01T00:00:00Z">
        <article><h1>S</h1><time datetime="2020-06-01">June 1</time></article>"#,
    );
    assert_eq!(m.date_published, day(2020, 6, 1));
    assert_eq!(m.date_source.as_deref(), Some("time_element"));
}

#[test]
fn broken_json_ld_is_ignored() {
    let m = meta_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken" "author":}</script>
        <meta property="og:title" content="From OpenGraph"><meta name="author" content="Ann Lee">"#,
    );
    assert_eq!(m.title.as_deref(), Some("From OpenGraph"));
    assert_eq!(m.authors, vec!["Ann Lee"]);
}

#[test]
fn relative_canonical_is_made_absolute() {
    let doc = Html::parse_document(r#"<link rel="canonical" href="/news/story">"#);
    let m = from_html(
        &doc,
        &ctx_at(Some("https://example.com/x?utm=1"), "2024-01-01T00:00:00Z"),
    );
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://example.com/news/story")
    );
}

fn removed(kind: &str, text: &str) -> Removed {
    Removed {
        kind: kind.to_string(),
        text: text.to_string(),
    }
}

/// The founding sample's shape: the author is only named in the bio and the
/// site only in the bio and promos (blocks as listed in the expected JSON).
#[test]
fn text_dump_author_from_bio_and_site_from_promos() {
    let body = Body {
        text: "Another ally appeared to turn its back on Moscow on Thursday when Kazakh President \
               Kassym-Jomart Tokayev said his country would not help Russia.\n\nTimothy Ash, an \
               economist, said the statement was significant."
            .to_string(),
        title: Some("Another Neighbor Turns Back on Russia".to_string()),
        removed: vec![
            removed(
                "caption",
                "Kazakh President Kassym-Jomart Tokayev and Vladimir Putin\nFrom left, Kazakh President \
                 Kassym-Jomart Tokayev and Russian President Vladimir Putin are seen in St. Petersburg, \
                 Russia, on December 26, 2022. Contributor/Getty Images",
            ),
            removed(
                "promo",
                "Do you have a tip on a world news story that Newsweek should be covering? Let us know \
                 via worldnews@newsweek.com.",
            ),
            removed(
                "promo",
                "Uncommon Knowledge\nNewsweek is committed to challenging conventional wisdom.\nNewsweek \
                 is committed to challenging conventional wisdom.",
            ),
            removed(
                "author_bio",
                "About the writer\nIsabel van Brugen is a Newsweek Reporter based in Kuala Lumpur. Her \
                 focus is reporting on the Russia-Ukraine war. Isabel ... Read more",
            ),
            removed(
                "promo",
                "To read how Newsweek uses AI as a newsroom tool, Click here.",
            ),
            removed(
                "promo",
                "Newsweek cover\n• Newsweek magazine delivered to your door\n• Enjoy ad-free browsing on \
                 Newsweek.com",
            ),
        ],
    };
    let m = from_text(&body, &PageContext::default());
    assert_eq!(
        m.title.as_deref(),
        Some("Another Neighbor Turns Back on Russia")
    );
    assert_eq!(m.authors, vec!["Isabel van Brugen"]);
    assert_eq!(m.site_name.as_deref(), Some("Newsweek"));
    assert_eq!(m.date_published, None);
    assert_eq!(detect_language(&body.text, None).as_deref(), Some("en"));
}

#[test]
fn text_dump_site_from_promos_without_a_bio() {
    let body = Body {
        text: "Body.".to_string(),
        title: None,
        removed: vec![
            removed("promo", "Subscribe to Examplia today"),
            removed("promo", "Examplia newsletter: the best of Examplia"),
        ],
    };
    assert_eq!(
        from_text(&body, &PageContext::default())
            .site_name
            .as_deref(),
        Some("Examplia")
    );
}

#[test]
fn text_dump_dateline_and_byline() {
    let body = Body {
        text: "By Jane Doe\n\nMarch 3, 2020\n\nThe story starts here with a long paragraph."
            .to_string(),
        title: Some("Story".to_string()),
        removed: Vec::new(),
    };
    let m = from_text(&body, &ctx());
    assert_eq!(m.authors, vec!["Jane Doe"]);
    assert_eq!(m.date_published, day(2020, 3, 3));
    assert_eq!(m.date_source.as_deref(), Some("text"));
}

#[test]
fn a_site_crediting_itself_credits_nobody() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="Jobs & Hire"><meta name="author" content="Jobs & Hire">"#,
    );
    assert!(m.authors.is_empty());
}

#[test]
fn utc_timestamp_gives_way_to_the_local_day() {
    // 01:53 UTC on the 20th is the evening of the 19th where the paper is;
    // the page's URL and visible date say the 19th.
    let doc = Html::parse_document(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-20T01:53:14Z"}</script>
        <article><h1>Column</h1><time datetime="2019-11-20T01:53:14Z">Nov. 19, 2019 5:53 PM PT</time></article>"#,
    );
    let m = from_html(
        &doc,
        &ctx_at(
            Some("https://example.com/story/2019-11-19/column"),
            "2024-01-01T00:00:00Z",
        ),
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
}

#[test]
fn local_offset_timestamp_is_kept() {
    let m = meta_of(
        r#"<meta property="article:published_time" content="2019-11-19T23:30:00-05:00">
        <article><h1>S</h1><p class="date">November 20, 2019</p></article>"#,
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
}

#[test]
fn empty_and_deeply_nested_pages_do_not_panic() {
    assert_eq!(meta_of("").authors, Vec::<String>::new());
    let deep = format!(
        "{}<p class=\"byline\">By Jane Doe</p>{}",
        "<div class=\"x\">".repeat(3000),
        "</div>".repeat(3000)
    );
    let m = meta_of(&deep);
    assert_eq!(m.authors, vec!["Jane Doe"]);
}

#[test]
fn text_dump_without_credits_gives_only_the_title() {
    let body = Body {
        text: "Just a paragraph of text.".to_string(),
        title: Some("Title".to_string()),
        removed: Vec::new(),
    };
    let m = from_text(&body, &PageContext::default());
    assert_eq!(m.title.as_deref(), Some("Title"));
    assert!(m.authors.is_empty());
    assert_eq!(m.site_name, None);
    assert_eq!(m.date_published, None);
}

#[test]
fn visible_byline_without_markup() {
    let m = meta_of(
        r#"<h1>PolitiFact's guide to tariffs</h1><div><span>By</span> <a href="/staff/lj/">Louis Jacobson</a>
        <span>November 18, 2019</span></div><p>Long text.</p>"#,
    );
    assert_eq!(m.authors, vec!["Louis Jacobson"]);
    let m = meta_of(r#"<h1>Tips</h1><p>Written by <a href="/team">Rachael Link, MS, RD</a></p>"#);
    assert_eq!(m.authors, vec!["Rachael Link"]);
}

#[test]
fn visible_prefix_words_in_sentences_are_not_credits() {
    let m = meta_of(r#"<h1>Urlaub</h1><p>Von</p><p>Einheimischen und Gästen geschätzt</p>"#);
    assert!(m.authors.is_empty());
}

#[test]
fn dateline_above_the_headline_and_screen_reader_h1() {
    // A hidden-style first h1 at the top must not use up the dateline window
    // of the real headline; a date right above the headline counts.
    let nav: String = (0..60).map(|i| format!("<li>Menu {i}</li>")).collect();
    let m = meta_of(&format!(
        r#"<h1 class="aural">Bundeskriminalamt</h1><ul>{nav}</ul><p>08. Februar 2022</p>
        <h1>Impforte schliessen</h1><p>Die Impforte werden geschlossen.</p>"#
    ));
    assert_eq!(m.title.as_deref(), Some("Impforte schliessen"));
    assert_eq!(m.date_published, day(2022, 2, 8));
}

#[test]
fn site_name_shown_in_the_title_beats_a_wire_publisher() {
    let m = meta_of(
        r#"<head><title>Storm Hits Coast - Connecticut Post</title>
        <meta property="og:site_name" content="Connecticut Post">
        <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Associated Press"}}</script>
        </head>"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("Connecticut Post"));
}

#[test]
fn readable_site_name_beats_a_slug() {
    let m = meta_of(
        r#"<head><title>Story | Live Science</title><meta property="og:site_name" content="livescience.com">
        <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Live Science"}}</script>
        </head>"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("Live Science"));
    let m = meta_of(
        r#"<meta property="og:site_name" content="usatoday"><meta name="application-name" content="USA TODAY">"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("USA TODAY"));
}

#[test]
fn an_agency_site_keeps_its_name() {
    let m = meta_of(r#"<meta property="og:site_name" content="Reuters">"#);
    assert_eq!(m.site_name.as_deref(), Some("Reuters"));
}

#[test]
fn site_name_with_and_without_domain_agree() {
    let m = meta_of(
        r#"<head><title>Story - SpaceNews.com</title><meta property="og:site_name" content="SpaceNews.com">
        <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"SpaceNews"}}</script>
        </head>"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("SpaceNews"));
}

#[test]
fn a_headline_in_the_site_name_field_is_not_the_site() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="Cup preview: the home side hopes for a full house and many fans">
        <meta name="application-name" content="Handball Weekly">"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("Handball Weekly"));
}

#[test]
fn twice_escaped_entities_in_titles_are_decoded() {
    let m =
        meta_of(r#"<meta property="og:title" content="Tom &amp;amp; Jerry &amp;raquo; Reviews">"#);
    assert_eq!(m.title.as_deref(), Some("Tom & Jerry » Reviews"));
}

#[test]
fn author_named_only_in_an_html_bio_box() {
    let m = meta_of(
        r#"<article><h1>Another Neighbor Turns Back on Russia</h1><p>Text of the story.</p>
        <div class="author-bio"><h3>About the writer</h3><p>Isabel van Brugen is a Newsweek Reporter
        based in Kuala Lumpur. Her focus is the war.</p></div></article>"#,
    );
    assert_eq!(m.authors, vec!["Isabel van Brugen"]);
}

#[test]
fn an_updated_date_element_is_not_the_publication_date() {
    let m = meta_of(
        r#"<article><h1>S</h1><span class="date-updated">March 9, 2020</span>
        <span class="date">March 3, 2020</span></article>"#,
    );
    assert_eq!(m.date_published, day(2020, 3, 3));
}

#[test]
fn tags_without_cms_codes_and_labels() {
    let m = meta_of(
        r#"<meta name="keywords" content="ctp_video, topic: Politics &amp; Policy, Hong Kong, /article, hong kong">"#,
    );
    assert_eq!(m.tags, vec!["Politics & Policy", "Hong Kong"]);
}

#[test]
fn json_ld_section_object_is_not_the_article() {
    let m = meta_of(
        r##"<script type="application/ld+json">[{"@type":"Article","name":"Opinion"},
        {"@type":"NewsArticle","headline":"Pour le néolibéralisme, la retraite est un archaïsme"}]</script>
        <h1 class="logo">AOC</h1>"##,
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Pour le néolibéralisme, la retraite est un archaïsme")
    );
}

#[test]
fn utc_timestamp_takes_the_zone_the_byline_prints() {
    // Published 9:07 pm EST on the 19th, stamped 02:07Z on the 20th; the
    // page shows only the update time, but with its zone.
    let m = meta_of(
        r#"<html><head><title>Candidate takes campaign south</title>
        <meta property="article:published_time" content="2019-11-20T02:07:18Z"></head>
        <body><h1>Candidate takes campaign south</h1>
        <time datetime="2019-11-20T05:24:29Z">Updated 12:24 am EST, Wednesday, November 20, 2019</time>
        <p>Story.</p></body></html>"#,
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
}

#[test]
fn json_ld_offset_on_a_utc_clock_is_a_mislabel() {
    // JSON-LD stamps the UTC clock with the site's offset (-06:00); the meta
    // gives the same clock as UTC, and the byline prints 10:31 pm CST.
    let m = meta_of(
        r#"<html><head><title>A weird EV wagon</title>
        <meta property="article:published_time" content="2019-11-20T04:31:13+00:00">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"A weird EV wagon",
          "datePublished":"2019-11-20T04:31:13-06:00"}</script></head>
        <body><h1>A weird EV wagon</h1>
        <div class="author_date">Chris Davies - Nov 19, 2019, 10:31 pm CST</div>
        <p>Story.</p></body></html>"#,
    );
    assert_eq!(m.date_published, day(2019, 11, 19));
}

#[test]
fn copyright_line_names_the_site_when_nothing_else_does() {
    // A corporate press page: no site metadata, no title suffix, but the
    // footer says who publishes it.
    let m = meta_of(
        r#"<html><head><title>Company announces a partnership</title></head>
        <body><h1>Company announces a partnership</h1><p>Story.</p>
        <footer><p class="copyright">©2019 Ascom</p></footer></body></html>"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("Ascom"));
    let declared = meta_of(
        r#"<html><head><title>Story</title><meta property="og:site_name" content="Example News">
        </head><body><h1>Story</h1><p>Text.</p><footer>© 2019 Example Holdings Inc.</footer></body></html>"#,
    );
    assert_eq!(declared.site_name.as_deref(), Some("Example News"));
    // A photo credit in the article is not the publisher.
    let photo = meta_of(
        r#"<html><head><title>Company announces a partnership</title></head>
        <body><h1>Company announces a partnership</h1><figure><img src="a.jpg">
        <figcaption>© AdobeStock</figcaption></figure><p>Story.</p></body></html>"#,
    );
    assert_eq!(photo.site_name, None);
}

#[test]
fn site_name_from_a_domain_drops_www() {
    let m = meta_of(
        r#"<html><head><title>Twenty-three food bloggers — www.example.ru</title></head>
        <body><h1>Twenty-three food bloggers</h1><p>Text.</p></body></html>"#,
    );
    assert_eq!(m.site_name.as_deref(), Some("example.ru"));
}

#[test]
fn nested_name_part_of_a_byline_credits_everyone() {
    // The container's text runs the outlet and the date into the second
    // name; its author-classed part holds the names alone.
    let m = meta_of(
        r#"<html><head><title>Campaign goes viral</title></head><body>
        <h1>Campaign goes viral</h1>
        <div class="byline-section"><div class="attribution">
          <span class="author">Lisa Kaczke and Trevor J. Mitchell</span>
          <span class="publication">Sioux Falls Argus Leader</span></div>
          <div class="publish-date">Published 10:02 AM EST Nov 19, 2019</div></div>
        <p>Story.</p></body></html>"#,
    );
    assert_eq!(m.authors, vec!["Lisa Kaczke", "Trevor J. Mitchell"]);
}

#[test]
fn visible_byline_naming_the_whole_team_beats_one_declared_author() {
    let m = meta_of(
        r#"<html><head><title>Key moments of the hearing</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Key moments of the hearing",
          "author":{"@type":"Person","name":"Stefan Becket"}}</script></head><body>
        <article><h1>Key moments of the hearing</h1>
        <p class="content__meta-byline">By Stefan Becket, Kathryn Watson, Grace Segers</p>
        <p>Story.</p></article></body></html>"#,
    );
    assert_eq!(
        m.authors,
        vec!["Stefan Becket", "Kathryn Watson", "Grace Segers"]
    );
    // A byline naming someone else does not replace the declared author.
    let other = meta_of(
        r#"<html><head><title>Key moments of the hearing</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Key moments of the hearing",
          "author":{"@type":"Person","name":"Stefan Becket"}}</script></head><body>
        <article><h1>Key moments of the hearing</h1>
        <p class="byline">By Kathryn Watson, Grace Segers</p><p>Story.</p></article></body></html>"#,
    );
    assert_eq!(other.authors, vec!["Stefan Becket"]);
    // Teasers after the story with their own bylines are not the team.
    let teasers = meta_of(
        r#"<html><head><title>Key moments of the hearing</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Key moments of the hearing",
          "author":{"@type":"Person","name":"Stefan Becket"}}</script></head><body>
        <article><h1>Key moments of the hearing</h1>
        <p class="byline">By Stefan Becket</p><p>Story.</p></article>
        <div><p class="byline">By Kathryn Watson</p><p class="byline">By Grace Segers</p></div></body></html>"#,
    );
    assert_eq!(teasers.authors, vec!["Stefan Becket"]);
}

#[test]
fn a_desk_credit_of_the_site_credits_nobody() {
    let m = meta_of(
        r#"<html><head><title>Tennis podcast | The Telegraph</title>
        <meta property="og:site_name" content="The Telegraph"></head><body>
        <h1>Tennis podcast</h1><span class="byline__author-name">Telegraph Sport</span>
        <p>Story.</p></body></html>"#,
    );
    assert!(m.authors.is_empty(), "{:?}", m.authors);
}

#[test]
fn a_copyright_owner_does_not_hide_the_author() {
    // A one-person site: the footer names the owner, who is also the
    // byline's author; the credit stays.
    let m = meta_of(
        r#"<html><head><title>Walk through the west of the city</title>
        <meta name="author" content="Paul Sippel"></head><body>
        <h1>Walk through the west of the city</h1><p>Story.</p>
        <footer><p>© 2022 Paul Sippel</p></footer></body></html>"#,
    );
    assert_eq!(m.authors, vec!["Paul Sippel"]);
    assert_eq!(m.site_name.as_deref(), Some("Paul Sippel"));
}
