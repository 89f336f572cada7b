//! The article container: the element whose subtree holds the most prose
//! for the least boilerplate.
//!
//! Each element's prose and junk characters were summed bottom-up during
//! the walk (a marked element's prose counted as junk for its ancestors).
//! The container maximises `(prose - JUNK_WEIGHT * junk) * bonus`: growing
//! from the paragraphs' parent to an ancestor pays only if the ancestor
//! adds more prose than weighted menus, link lists and marked boxes.

use super::{Kind, phrases, recipe};
use crate::blocks::{Page, Tag};
use crate::rules::thresholds::{
    JUNK_WEIGHT, MARKED_CONTAINER_FACTOR, MARKED_KIND_CONTAINER_FACTOR, MAX_CONTAINER_CANDIDATES,
    MAX_PASSED_JUNK_CHARS, MAX_PROSE_LINK_DENSITY, MAX_SIBLING_JUNK_RATIO, MAX_WIDEN_LEVELS,
    MAX_WIDEN_STEPS, MIN_ARTICLE_PROSE_CHARS, MIN_NAMED_ARTICLE_PROSE_CHARS,
    MIN_SIBLING_PROSE_CHARS, SHORT_TEXT_WEIGHT,
};

/// Score of one element as the article container. With `heed_marks`
/// false, boilerplate marks are ignored (the fallback for pages whose
/// whole article sits under a misleading class name).
pub fn score(page: &Page, index: usize, heed_marks: bool) -> f32 {
    let Some(e) = page.elements.get(index) else {
        return f32::MIN;
    };
    if !e.is_block || e.prose <= 0.0 {
        return f32::MIN;
    }
    let s = (e.prose - JUNK_WEIGHT * e.junk) * e.bonus;
    match e.context_mark {
        _ if !heed_marks => s,
        None => s,
        Some(Kind::Other | Kind::Caption) => s * MARKED_CONTAINER_FACTOR,
        Some(_) => s * MARKED_KIND_CONTAINER_FACTOR,
    }
}

/// The index of the article container, or None if no element holds enough
/// prose to be an article.
pub fn choose(page: &Page) -> Option<usize> {
    choose_noting_marks(page).map(|(container, _)| container)
}

/// [`choose`], also telling whether the container was found heeding the
/// boilerplate marks (false: only by ignoring them, so the page's prose
/// all sits in marked boxes, such as a thread's "comment" posts).
pub fn choose_noting_marks(page: &Page) -> Option<(usize, bool)> {
    let notices = notices(page);
    choose_with(page, &notices, true)
        .map(|c| (c, true))
        .or_else(|| choose_with(page, &notices, false).map(|c| (c, false)))
        .map(|(c, heeded)| (recipe::widen_to_ingredients(page, c), heeded))
}

/// For each block: true if it is prose whose words say it is a site's
/// notice (a cookie banner, a legal line), never an article's text.
fn notices(page: &Page) -> Vec<bool> {
    page.blocks
        .iter()
        .map(|b| {
            b.is_prose()
                && phrases::phrase_kind(b).is_some_and(|k| matches!(k, Kind::Cookie | Kind::Legal))
        })
        .collect()
}

/// The best candidate that holds an article. Candidates are tried best
/// first, but only to pass over notices: an element whose prose is mostly
/// a cookie banner or a legal line (by its words, see
/// [`super::phrases`]) is not an article, and the next candidate is
/// tried. The first candidate that is not a notice decides: it holds an
/// article or the page has none.
fn choose_with(page: &Page, notices: &[bool], heed_marks: bool) -> Option<usize> {
    let mut ranked: Vec<(usize, f32)> = (0..page.elements.len())
        .map(|i| (i, score(page, i, heed_marks)))
        .filter(|&(_, s)| s > f32::MIN)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(candidate, _) in ranked.iter().take(MAX_CONTAINER_CANDIDATES) {
        let container = widen(page, notices, candidate, heed_marks);
        let sums = prose_and_junk(page, notices, container, None, heed_marks);
        if sums.notice > sums.prose {
            continue;
        }
        if sums.prose >= MIN_ARTICLE_PROSE_CHARS {
            return Some(container);
        }
        return short_article(page, notices, candidate, container, heed_marks);
    }
    None
}

/// A container with less than an article's prose is still one inside an
/// element named as the article (`article`, `div.post`, `entry-content`;
/// a blog's three-line post): the candidate or the container itself, or
/// else the container's parent, which then becomes the container (a lone
/// paragraph's lines beside it are the post's too).
fn short_article(
    page: &Page,
    notices: &[bool],
    candidate: usize,
    container: usize,
    heed_marks: bool,
) -> Option<usize> {
    let named = |i: usize| page.elements.get(i).is_some_and(|e| e.bonus > 1.0);
    let chosen = if named(candidate) || named(container) {
        container
    } else {
        page.elements
            .get(container)
            .and_then(|e| e.parent)
            .filter(|&p| named(p))?
    };
    let sums = prose_and_junk(page, notices, chosen, None, heed_marks);
    (sums.prose >= MIN_NAMED_ARTICLE_PROSE_CHARS).then_some(chosen)
}

/// What the blocks of a part of the page hold, for the container rules.
#[derive(Default)]
struct Sums {
    /// The article's prose (short unlinked lines weighted down).
    prose: f32,
    /// Menus, link lists, marked boxes.
    junk: f32,
    /// Prose that is a site's notice (see [`notices`]): neither the
    /// article's nor counted as junk when choosing, but a container made
    /// mostly of it is no article.
    notice: f32,
}

/// Prose and junk characters (undecayed) of the blocks within `outer` but
/// not within `inner`. Headings count as neither. With `heed_marks` false,
/// boxes marked as boilerplate count like any other text (the fallback of
/// [`choose`]: a live ticker or a forum thread whose every post sits in a
/// "comment" box).
fn prose_and_junk(
    page: &Page,
    notices: &[bool],
    outer: usize,
    inner: Option<usize>,
    heed_marks: bool,
) -> Sums {
    let mut sums = Sums::default();
    for (i, b) in page.blocks.iter().enumerate() {
        if !page.is_within(b.element, outer) || inner.is_some_and(|i| page.is_within(b.element, i))
        {
            continue;
        }
        let unmarked = !heed_marks
            || b.mark
                .is_none_or(|(m, kind)| kind == Kind::Other || !page.is_inside(m, outer));
        if notices.get(i).copied().unwrap_or(false) {
            sums.notice += b.own_chars() as f32;
        } else if b.is_prose() && unmarked {
            sums.prose += b.own_chars() as f32;
            sums.junk += b.link_chars as f32;
        } else if unmarked && b.link_density() <= MAX_PROSE_LINK_DENSITY {
            // Short unlinked text (ingredients, a list of facts) is
            // neither the article's prose nor boilerplate.
            sums.prose += b.own_chars() as f32 * SHORT_TEXT_WEIGHT;
            sums.junk += b.link_chars as f32;
        } else if !matches!(b.tag, Tag::Heading(_)) {
            sums.junk += b.chars as f32;
        }
    }
    sums
}

/// Grows the container towards the root while what an ancestor adds is
/// clean prose: an article split over sibling elements (a lead paragraph
/// apart from the body, text on both sides of a share box or a video).
/// Ancestors that add nothing, or only a little boilerplate (a byline, a
/// share row), are passed through without being taken; what they add is
/// weighed with the next ancestor's. With the marks ignored (the posts of
/// a live ticker, each in its own box beside its minute label), a little
/// clean text is passed through too; on article pages that would let the
/// walk climb past the article into the page's side columns. Page builders nest a paragraph a dozen wrappers deep,
/// so only the levels that add something count against
/// [`MAX_WIDEN_STEPS`].
fn widen(page: &Page, notices: &[bool], container: usize, heed_marks: bool) -> usize {
    let mut current = container;
    let mut probe = container;
    let mut steps = 0;
    for _ in 0..MAX_WIDEN_LEVELS {
        let Some(parent) = page.elements.get(probe).and_then(|e| e.parent) else {
            break;
        };
        if heed_marks
            && page
                .elements
                .get(parent)
                .is_some_and(|p| p.mark.is_some_and(|k| k != Kind::Other))
        {
            break;
        }
        let added = prose_and_junk(page, notices, parent, Some(current), heed_marks);
        let (prose, junk) = (added.prose, added.junk + added.notice);
        let clean = junk <= prose * MAX_SIBLING_JUNK_RATIO;
        if prose >= MIN_SIBLING_PROSE_CHARS && clean {
            current = parent;
        } else if (prose > 0.0 && (heed_marks || !clean)) || junk > MAX_PASSED_JUNK_CHARS {
            break;
        }
        if prose > 0.0 || junk > 0.0 {
            steps += 1;
            if steps >= MAX_WIDEN_STEPS {
                break;
            }
        }
        probe = parent;
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_html;
    use scraper::Html;

    fn container_text(html: &str) -> Vec<String> {
        let page = from_html(&Html::parse_document(html));
        let Some(c) = choose(&page) else {
            return Vec::new();
        };
        page.blocks
            .iter()
            .filter(|b| page.is_within(b.element, c))
            .map(|b| b.text.clone())
            .collect()
    }

    const PARA: &str = "This is a sentence of the article that is long enough to count as prose.";

    #[test]
    fn the_container_holds_the_paragraphs_not_the_menus() {
        let html = format!(
            "<body><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul>\
             <div id=story><p>{PARA}</p><p>{PARA} Two.</p></div>\
             <div><a href=/a>Another headline here</a><a href=/b>And one more headline</a></div></body>"
        );
        assert_eq!(
            container_text(&html),
            [PARA.to_string(), format!("{PARA} Two.")]
        );
    }

    #[test]
    fn a_longer_comment_section_does_not_win() {
        let comment = format!("<p>{PARA} {PARA}</p>");
        let html = format!(
            "<body><article><p>{PARA}</p><p>{PARA} Again.</p></article>\
             <section class=comments>{}</section></body>",
            comment.repeat(4)
        );
        let got = container_text(&html);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_cookie_banner_does_not_win_over_a_short_post() {
        let html = "<body><div class=post-content><p>M: Who will be the next to slip on the ice tonight? \
                    Me: I bet it will be you... ouch, that hurt.</p></div>\
                    <div class=widget><p>Privacy &amp; cookies: this site uses cookies. \
                    By continuing to use this website, you agree to their use. To find out \
                    more, see our cookie policy.</p></div></body>";
        let got = container_text(html);
        assert_eq!(
            got,
            [
                "M: Who will be the next to slip on the ice tonight? Me: I bet it will be you... ouch, that hurt."
            ]
        );
    }

    #[test]
    fn a_short_text_needs_a_name_saying_it_is_the_article() {
        let line =
            "„I know I am drunk and I should perhaps not say this to you tonight, my friend…“";
        let named =
            format!("<body><div class=post><p>{line}</p><p>– „Then don't“</p></div></body>");
        assert_eq!(container_text(&named).len(), 2);
        let unnamed = format!("<body><div><p>{line}</p><p>– „Then don't“</p></div></body>");
        assert!(container_text(&unnamed).is_empty());
    }

    #[test]
    fn a_sidebar_tweet_does_not_outweigh_a_short_post() {
        let line =
            "„I know I am drunk and I should perhaps not say this to you tonight, my friend…“";
        let tweet = "Reading the paper this morning: the city council will vote on the new \
                     tram line next week, and nobody seems to know the cost yet. More at six, \
                     after the match.";
        let html = format!(
            "<body><div id=content><div class=post><p>{line}</p><p>– „Then don't“</p></div></div>\
             <div id=sidebar><ul><li class=widget><ul class=tweets><li>{tweet}</li></ul></li>\
             </ul></div></body>"
        );
        assert_eq!(container_text(&html), [line, "– „Then don't“"]);
    }

    #[test]
    fn wrappers_of_a_page_builder_do_not_use_up_the_widening() {
        let nest = |text: &str| {
            let open = "<div class=column><div class=wrap><div class=row><div class=inner>\
                        <div class=box><div class=cell><div class=holder>";
            format!("{open}<p>{text}</p></div></div></div></div></div></div></div>")
        };
        let html = format!(
            "<body><div class=entry>{}{}</div><ul><li><a href=/a>Other post one</a></li>\
             <li><a href=/b>Other post two</a></li></ul></body>",
            nest(PARA),
            nest(&format!("{PARA} Two."))
        );
        assert_eq!(container_text(&html).len(), 2);
    }

    #[test]
    fn pages_without_prose_have_no_container() {
        let html = "<body><ul><li><a href=/>Home</a></li><li><a href=/x>Login</a></li></ul></body>";
        assert!(container_text(html).is_empty());
    }
}
