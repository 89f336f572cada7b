//! The clean body of a page: the text of the blocks classified as body,
//! in reading order, one blank line between blocks; and what was removed,
//! with its kind.

use scraper::Html;

use crate::bench::{Stage, tick};
use crate::blocks::{self, Block, Page};
use crate::classify::{self, Kind, is_heading_like};
use crate::config::Config;
use crate::record::Removed;

/// The body of one page and what was removed from it.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// Body blocks joined by "\n\n".
    pub text: String,
    /// Stripped blocks with their kind, in page order.
    pub removed: Vec<Removed>,
    /// The headline, if the page (or dump) shows one above the body.
    pub title: Option<String>,
}

impl Body {
    /// Why no body was found, for the `detail` of a `no_article` reject.
    pub fn no_article_detail(&self) -> String {
        format!(
            "no body blocks ({} blocks removed as boilerplate)",
            self.removed.len()
        )
    }
}

/// Extracts the body of a parsed HTML page.
pub fn from_html(doc: &Html, config: &Config) -> Body {
    let page = blocks::from_html(doc);
    let kinds = classify::classify_html(&page);
    tick(config, Stage::BlocksClassify);
    let body = assemble(&page, &kinds);
    tick(config, Stage::Body);
    body
}

/// Extracts the body of a plain-text dump.
pub fn from_text(text: &str, _config: &Config) -> Body {
    let page = blocks::from_text(text);
    let kinds = classify::classify_text(&page);
    assemble(&page, &kinds)
}

/// Joins body blocks into the text, the headline into the title, and the
/// rest into removed groups.
fn assemble(page: &Page, kinds: &[Kind]) -> Body {
    let mut body = Body::default();
    let mut parts: Vec<&str> = Vec::new();
    let mut group: Option<RemovedGroup> = None;
    for (block, &kind) in page.blocks.iter().zip(kinds) {
        match kind {
            Kind::Body => parts.push(&block.text),
            Kind::Title if body.title.is_none() => body.title = Some(block.text.clone()),
            _ => {
                match group.as_mut() {
                    Some(g) if g.accepts(block, kind) => g.push(block),
                    _ => {
                        body.removed.extend(group.take().map(RemovedGroup::finish));
                        group = Some(RemovedGroup::start(block, kind));
                    }
                }
                continue;
            }
        }
        body.removed.extend(group.take().map(RemovedGroup::finish));
    }
    body.removed.extend(group.take().map(RemovedGroup::finish));
    body.text = parts.join("\n\n");
    body
}

/// Consecutive removed blocks that belong together: same kind, and either
/// the same paragraph (or boilerplate element) or the section of the
/// heading that opened the group. A heading always opens a new group,
/// unless it repeats the group's own heading (a widget shown twice).
struct RemovedGroup<'a> {
    kind: Kind,
    heading: Option<&'a str>,
    last_group: usize,
    lines: Vec<&'a str>,
}

impl<'a> RemovedGroup<'a> {
    fn start(block: &'a Block, kind: Kind) -> Self {
        RemovedGroup {
            kind,
            heading: is_heading_like(block).then_some(block.text.as_str()),
            last_group: block.group,
            lines: vec![&block.text],
        }
    }

    fn accepts(&self, block: &Block, kind: Kind) -> bool {
        if kind != self.kind {
            return false;
        }
        if is_heading_like(block) {
            return self.heading == Some(block.text.as_str());
        }
        block.group == self.last_group || self.heading.is_some()
    }

    fn push(&mut self, block: &'a Block) {
        self.last_group = block.group;
        self.lines.push(&block.text);
    }

    fn finish(self) -> Removed {
        Removed {
            kind: self.kind.as_str().to_string(),
            text: self.lines.join("\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> String {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
    }

    /// The founding example: a text dump of a news page with a caption,
    /// promos, a bio and subscription offers mixed into the article.
    #[test]
    fn founding_example_text_dump_matches_the_expected_output() {
        let expected: serde_json::Value =
            serde_json::from_str(&read("tests/golden/newsweek-kazakhstan.json"))
                .unwrap_or_else(|e| panic!("expected JSON: {e}"));
        let body = from_text(&read("samples/newsweek-kazakhstan.txt"), &Config::default());
        assert_eq!(Some(body.text.as_str()), expected["text"].as_str());
        assert_eq!(body.title.as_deref(), expected["title"].as_str());
        let want: Vec<(String, String)> = expected["removed"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                let field = |k: &str| r[k].as_str().unwrap_or_default().to_string();
                (field("kind"), field("text"))
            })
            .collect();
        let got: Vec<(String, String)> =
            body.removed.into_iter().map(|r| (r.kind, r.text)).collect();
        assert_eq!(got, want);
    }
}

/// One rule, one small page shape: each test wraps a boilerplate shape
/// around the same short article and checks the article stays whole and
/// the boilerplate is removed with its kind.
#[cfg(test)]
mod page_shapes {
    use super::*;

    const P1: &str =
        "The council approved the new budget on Tuesday after a long debate about schools.";
    const P2: &str =
        "Critics said the plan would raise local taxes for families already under pressure.";
    const P3: &str =
        "The mayor defended the spending and promised a review of the numbers next spring.";

    fn page(before: &str, middle: &str, after: &str) -> String {
        format!(
            "<html><body><nav><a href=/>Home</a><a href=/news>News</a></nav>\
             <header><a href=/>The Daily Example</a></header>\
             <article>{before}<p>{P1}</p>{middle}<p>{P2}</p><p>{P3}</p>{after}</article>\
             <footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>"
        )
    }

    fn extract(html: &str) -> Body {
        let doc = Html::parse_document(html);
        from_html(&doc, &Config::default())
    }

    fn article() -> String {
        [P1, P2, P3].join("\n\n")
    }

    fn removed_kind(body: &Body, needle: &str) -> Option<String> {
        body.removed
            .iter()
            .find(|r| r.text.contains(needle))
            .map(|r| r.kind.clone())
    }

    fn assert_removed(html: &str, needle: &str, kind: &str) {
        let body = extract(html);
        assert_eq!(body.text, article(), "body of {html}");
        assert_eq!(
            removed_kind(&body, needle).as_deref(),
            Some(kind),
            "{:?}",
            body.removed
        );
    }

    #[test]
    fn navigation_header_and_footer_are_not_body() {
        let body = extract(&page("", "", ""));
        assert_eq!(body.text, article());
        assert_eq!(removed_kind(&body, "Home").as_deref(), Some("navigation"));
    }

    #[test]
    fn promo_box_by_class_and_by_words() {
        let boxed = "<div class='promo-box'><p>Get the print edition for less.</p></div>";
        assert_removed(&page("", boxed, ""), "print edition", "promo");
        let tip = "<p>Do you have a tip on a story we should be covering? Let us know via tips@example.com.</p>";
        assert_removed(&page("", "", tip), "Do you have a tip", "promo");
    }

    #[test]
    fn figcaption_and_photo_credit_lines_are_captions() {
        let figure = "<figure><img src=a.jpg><figcaption>The council chamber on Tuesday. \
                      Photo: Jane Doe</figcaption></figure>";
        assert_removed(&page("", figure, ""), "council chamber", "caption");
        let credit = "<p>Council members vote. Contributor/Getty Images</p>";
        assert_removed(&page("", credit, ""), "Getty Images", "caption");
    }

    #[test]
    fn author_bio_by_class_and_by_heading() {
        let by_class = "<div class='author-bio'><p>Jane Doe covers city hall.</p></div>";
        assert_removed(&page("", "", by_class), "Jane Doe", "author_bio");
        let by_heading =
            "<h3>About the author</h3><p>Jane Doe is a reporter based in Springfield.</p>";
        assert_removed(
            &page("", "", by_heading),
            "based in Springfield",
            "author_bio",
        );
    }

    #[test]
    fn newsletter_box() {
        let signup = "<div class='newsletter-signup'><p>Sign up for our morning briefing</p></div>";
        assert_removed(&page("", signup, ""), "morning briefing", "newsletter");
        let words = "<p>Sign up for our newsletter to get the news first.</p>";
        assert_removed(&page("", "", words), "Sign up", "newsletter");
    }

    #[test]
    fn share_bar() {
        let bar = "<div class='share-bar'><a href=#>Facebook</a> <a href=#>Twitter</a></div>";
        assert_removed(&page(bar, "", ""), "Facebook", "share");
        let words = "<ul><li><a href=#>Share on Facebook</a></li></ul>";
        assert_removed(&page("", "", words), "Share on Facebook", "share");
    }

    #[test]
    fn related_links_and_read_more() {
        let related = "<div class='related-stories'><h3>More stories</h3><ul>\
                       <li><a href=/a>Another budget story</a></li></ul></div>";
        assert_removed(&page("", "", related), "Another budget story", "related");
        let read_more = "<p><a href=/b>Read more: How the budget works</a></p>";
        assert_removed(&page("", read_more, ""), "How the budget works", "related");
        let section = "<h2>Mehr zum Thema</h2><p><a href=/c>Haushalt</a> im Rat beschlossen</p>";
        assert_removed(&page("", "", section), "Haushalt", "related");
    }

    #[test]
    fn tag_list() {
        let tags = "<div class='tags'><a href=/t/a>budget</a> <a href=/t/b>council</a></div>";
        assert_removed(&page("", "", tags), "budget", "tags");
        let words = "<p>Tags: budget, council, schools</p>";
        assert_removed(&page("", "", words), "Tags:", "tags");
    }

    #[test]
    fn cookie_banner() {
        let banner =
            "<div id='cookie-consent'><p>We use cookies to improve your experience.</p></div>";
        assert_removed(&page("", "", banner), "cookies", "cookie");
    }

    #[test]
    fn comments_section() {
        let comments = format!(
            "<section id='comments'><h3>3 comments</h3><p>{P1} I disagree entirely.</p>\
             <p>{P2} Great reporting.</p><p>{P3} Thanks.</p><p>{P3} Again.</p></section>"
        );
        assert_removed(&page("", "", &comments), "I disagree", "comment");
    }

    #[test]
    fn ads_and_sponsored_labels() {
        let slot = "<div class='ad-slot'><p>Buy our shoes</p></div>";
        assert_removed(&page("", slot, ""), "shoes", "ad");
        let label = "<p>Advertisement</p>";
        assert_removed(&page("", label, ""), "Advertisement", "ad");
    }

    #[test]
    fn ai_use_and_editorial_policy_notices() {
        let notice = "<p>To read how the Example uses AI as a newsroom tool, click here.</p>";
        assert_removed(&page("", "", notice), "newsroom tool", "promo");
        let policy = "<p>Read our editorial standards.</p>";
        assert_removed(&page("", "", policy), "editorial standards", "promo");
    }

    #[test]
    fn byline_and_dateline_at_the_top_of_the_body() {
        let top = "<h1>Council passes budget</h1><p>By Jane Doe</p><p>March 3, 2024</p>";
        let body = extract(&page(top, "", ""));
        assert_eq!(body.text, article());
        assert_eq!(body.title.as_deref(), Some("Council passes budget"));
        assert_eq!(removed_kind(&body, "Jane Doe").as_deref(), Some("byline"));
        assert_eq!(removed_kind(&body, "March 3").as_deref(), Some("byline"));
    }

    #[test]
    fn date_stamps_and_figure_labels_inside_the_article_are_not_body() {
        let middle = "<p>Abbildung 2: Der Saal am Dienstag</p>\
                      <p>Stand: 12.03.2024, 14:05 Uhr</p>";
        let body = extract(&page("", middle, "<p>Publiziert: 03.04.2024, 12:35</p>"));
        assert_eq!(body.text, article());
        assert_eq!(removed_kind(&body, "Abbildung").as_deref(), Some("caption"));
        assert_eq!(removed_kind(&body, "Stand:").as_deref(), Some("byline"));
        assert_eq!(removed_kind(&body, "Publiziert").as_deref(), Some("byline"));
    }

    #[test]
    fn credits_after_a_copyright_sign_and_caption_legends_are_captions() {
        let middle = "<p>Der Rat bei der Abstimmung © Presseamt | Jane Doe</p>\
                      <div class=legend><div>Die Ratsmitglieder vor dem Rathaus</div></div>";
        let body = extract(&page("", middle, ""));
        assert_eq!(body.text, article());
        assert_eq!(removed_kind(&body, "Presseamt").as_deref(), Some("caption"));
        assert_eq!(
            removed_kind(&body, "vor dem Rathaus").as_deref(),
            Some("caption")
        );
    }

    #[test]
    fn tag_labels_related_headings_and_teasers_with_a_more_link() {
        let after = "<h3>Empfohlene Beiträge</h3><p>Neue Brücke: Die Stadt plant. \
                     <a href=/b>Weiterlesen</a></p><div><span>Schlagworte</span></div>";
        let body = extract(&page("", "", after));
        assert_eq!(body.text, article());
        assert_eq!(
            removed_kind(&body, "Neue Brücke").as_deref(),
            Some("related")
        );
        assert_eq!(removed_kind(&body, "Schlagworte").as_deref(), Some("tags"));
    }

    #[test]
    fn headings_lists_quotes_and_tables_stay_in_order() {
        let middle = "<h2>What changes</h2><ul><li>More teachers</li><li>New roads</li></ul>\
                      <blockquote>We kept our promise.</blockquote>\
                      <table><tr><td>Schools</td><td>$4m</td></tr></table>";
        let body = extract(&page("", middle, ""));
        let want = [
            P1,
            "What changes",
            "More teachers",
            "New roads",
            "We kept our promise.",
            "Schools | $4m",
            P2,
            P3,
        ]
        .join("\n\n");
        assert_eq!(body.text, want);
    }

    #[test]
    fn embedded_tweet_text_and_its_attribution_are_body() {
        let tweet = "<figure class='kg-card kg-embed-card'><blockquote class='twitter-tweet'>\
                     <p>Road closed at the bridge. #Flood</p>&mdash; City Desk (@citydesk) \
                     <a href=/s/1>May 2, 2024</a></blockquote></figure>";
        let body = extract(&page("", tweet, ""));
        let want = [
            P1,
            "Road closed at the bridge. #Flood",
            "— City Desk (@citydesk) May 2, 2024",
            P2,
            P3,
        ]
        .join("\n\n");
        assert_eq!(body.text, want);
    }

    #[test]
    fn a_dek_above_the_byline_is_not_body() {
        let top = "<h1>Council passes budget</h1>\
                   <p>The vote ends a year of argument over how to pay for new schools.</p>\
                   <p>Par Jeanne Dupont Publié le 3 mars 2024 à 10h00</p>";
        let body = extract(&page(top, "", ""));
        assert_eq!(body.text, article());
        assert_eq!(removed_kind(&body, "Par Jeanne").as_deref(), Some("byline"));
        assert!(removed_kind(&body, "year of argument").is_some());
    }

    #[test]
    fn a_subtitle_heading_above_the_byline_and_clap_counts_are_not_body() {
        let top = "<h1>Council passes budget</h1><h2>Notes from a long night</h2>\
                   <p>4 min read</p><div class=claps><p>1.2K</p></div>";
        let body = extract(&page(top, "", ""));
        assert_eq!(body.text, article());
        assert!(removed_kind(&body, "Notes from").is_some());
        assert!(removed_kind(&body, "1.2K").is_some());
    }

    #[test]
    fn a_heading_over_sub_headings_stays() {
        let faq = "<h2>Frequently asked questions</h2><h3>Do I need a permit?</h3>\
                   <p>No. Any resident can attend the council meeting without one.</p>";
        let body = extract(&page("", faq, ""));
        assert!(
            body.text
                .contains("Frequently asked questions\n\nDo I need a permit?")
        );
    }

    #[test]
    fn the_title_line_of_an_offer_box_goes_with_the_box() {
        let middle = "<div class=box><p>Example Plus</p>\
                      <p>Subscribe now: every article for $1 in the first month.</p></div>";
        let body = extract(&page("", middle, ""));
        assert_eq!(body.text, article());
        assert_eq!(
            removed_kind(&body, "Example Plus").as_deref(),
            Some("promo")
        );
    }

    #[test]
    fn multilingual_ad_labels_and_subscription_promos() {
        assert_removed(&page("", "<p>Publicité</p>", ""), "Publicité", "ad");
        assert_removed(&page("", "<p>Publicidad</p>", ""), "Publicidad", "ad");
        let promo = "<p>Soutenez l'information locale. Abonnez-vous : 1 € le premier mois.</p>";
        assert_removed(&page("", "", promo), "Abonnez-vous", "promo");
    }

    #[test]
    fn no_glued_words_and_no_paragraph_twice() {
        let middle = format!(
            "<p>split<b>word</b> and <i>in</i>line</p><aside class=pullquote><p>{P1}</p></aside><p>{P1}</p>"
        );
        let body = extract(&page("", &middle, ""));
        assert!(body.text.contains("splitword and inline"));
        assert_eq!(body.text.matches(P1).count(), 1);
    }

    #[test]
    fn paragraphs_are_separate_and_a_pull_quote_before_its_paragraph_is_kept_once() {
        let middle = format!("<blockquote class=pull-quote><p>{P2}</p></blockquote>");
        let body = extract(&page("", &middle, ""));
        assert_eq!(body.text, article());
        assert_eq!(body.text.matches(P2).count(), 1);
        assert!(body.text.contains(&format!("{P1}\n\n{P2}")));
    }

    #[test]
    fn an_article_wrapped_in_a_form_is_still_found() {
        let html = format!(
            "<body><form action=/x><div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></form></body>"
        );
        assert_eq!(extract(&html).text, article());
    }

    #[test]
    fn bare_urls_and_labels_after_the_article_are_removed() {
        let after = "<p>https://example.com/news/budget-123</p><p>Contact:</p>";
        let body = extract(&page("", "", after));
        assert_eq!(body.text, article());
        assert_eq!(removed_kind(&body, "Contact:").as_deref(), Some("other"));
    }

    #[test]
    fn an_article_split_around_a_share_box_is_kept_whole() {
        let html = format!(
            "<body><div class=layout><div class=part><p>{P1}</p></div>\
             <div class=share-tools><a href=#>Share</a></div>\
             <div class=part><p>{P2}</p><p>{P3}</p></div></div>\
             <div class=teasers><a href=/x>Other story one</a><a href=/y>Other story two</a></div></body>"
        );
        assert_eq!(extract(&html).text, article());
    }

    #[test]
    fn a_page_wrapper_with_a_misleading_class_is_not_boilerplate() {
        let html = format!(
            "<body><div class='menu-open'><h1>Council passes budget</h1>\
             <div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></body>"
        );
        assert_eq!(extract(&html).text, article());
    }

    /// Item 8 of the body issue: no page is an article by force.
    fn rejected_as_no_article(html: &str) -> bool {
        matches!(
            crate::extract_html(html, &crate::PageContext::default(), &Config::default()),
            Err(crate::PageError::NoArticle(_))
        )
    }

    #[test]
    fn an_index_page_of_teasers_is_no_article() {
        let cards: String = [
            (
                "a",
                "Council passes budget",
                "The council approved the new budget after a long debate.",
            ),
            (
                "b",
                "Bridge to close in May",
                "Repairs will keep the old bridge shut for most of the summer.",
            ),
            (
                "c",
                "New head for the library",
                "The board named a former teacher to run the city library.",
            ),
            (
                "d",
                "Rents rise again",
                "Average rents went up for the sixth quarter in a row, a report says.",
            ),
            (
                "e",
                "Storm cuts power",
                "Thousands of homes were left without power after the storm on Friday.",
            ),
        ]
        .iter()
        .map(|(href, title, summary)| {
            format!("<div class=card><h2><a href=/{href}>{title}</a></h2><p>{summary}</p></div>")
        })
        .collect();
        let html = format!(
            "<html><body><nav><a href=/>Home</a></nav><main><h1>Latest news</h1>{cards}</main></body></html>"
        );
        assert!(rejected_as_no_article(&html), "{:?}", extract(&html).text);
    }

    #[test]
    fn a_search_results_page_is_no_article() {
        let results: String = (1..=6)
            .map(|n| {
                format!(
                    "<li><a href=/r{n}>Budget story number {n} of the council</a>\
                     <p>The council met on day {n} and talked about the budget for schools.</p></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><h1>Search results for “budget”</h1><form><input name=q>\
             <button>Search</button></form><ol class=results>{results}</ol></body></html>"
        );
        assert!(rejected_as_no_article(&html), "{:?}", extract(&html).text);
    }

    #[test]
    fn a_login_wall_is_no_article() {
        let html = "<html><body><h1>Sign in</h1><form><label>Email</label><input name=e>\
                    <label>Password</label><input type=password name=p><button>Log in</button>\
                    <a href=/forgot>Forgot your password?</a></form>\
                    <p>No account yet? <a href=/join>Register</a></p></body></html>";
        assert!(rejected_as_no_article(html), "{:?}", extract(html).text);
    }

    #[test]
    fn an_article_with_a_few_linked_headings_is_still_an_article() {
        let middle = "<h2><a href=/x>Read the full report</a></h2><p>More on schools.</p>";
        let html = page("", middle, "");
        assert!(!rejected_as_no_article(&html));
    }

    #[test]
    fn pages_without_an_article_give_an_empty_body() {
        let html = "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/a>About</a></li></ul></nav>\
                    <div class=login><p>Please log in</p></div></body>";
        assert!(extract(html).text.is_empty());
    }
}
