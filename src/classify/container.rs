//! The article container: the element whose subtree holds the most prose
//! for the least boilerplate.
//!
//! Each element's prose and junk characters were summed bottom-up during
//! the walk (a marked element's prose counted as junk for its ancestors).
//! The container maximises `(prose - JUNK_WEIGHT * junk) * bonus`: growing
//! from the paragraphs' parent to an ancestor pays only if the ancestor
//! adds more prose than weighted menus, link lists and marked boxes.

use super::Kind;
use crate::blocks::{Page, Tag};
use crate::rules::thresholds::{
    JUNK_WEIGHT, MARKED_CONTAINER_FACTOR, MARKED_KIND_CONTAINER_FACTOR, MAX_PASSED_JUNK_CHARS,
    MAX_PROSE_LINK_DENSITY, MAX_SIBLING_JUNK_RATIO, MAX_WIDEN_STEPS, MIN_ARTICLE_PROSE_CHARS,
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
    choose_with(page, true).or_else(|| choose_with(page, false))
}

fn choose_with(page: &Page, heed_marks: bool) -> Option<usize> {
    let best = (0..page.elements.len())
        .map(|i| (i, score(page, i, heed_marks)))
        .fold(None::<(usize, f32)>, |best, (i, s)| match best {
            Some((_, bs)) if bs >= s => best,
            _ => Some((i, s)),
        })?;
    let container = widen(page, best.0);
    let (prose, _) = prose_and_junk(page, container, None);
    (prose >= MIN_ARTICLE_PROSE_CHARS).then_some(container)
}

/// Prose and junk characters (undecayed) of the blocks within `outer` but
/// not within `inner`. Headings count as neither.
fn prose_and_junk(page: &Page, outer: usize, inner: Option<usize>) -> (f32, f32) {
    let mut prose = 0.0;
    let mut junk = 0.0;
    for b in &page.blocks {
        if !page.is_within(b.element, outer) || inner.is_some_and(|i| page.is_within(b.element, i))
        {
            continue;
        }
        let unmarked = b
            .mark
            .is_none_or(|(m, kind)| kind == Kind::Other || !page.is_inside(m, outer));
        if b.is_prose() && unmarked {
            prose += b.own_chars() as f32;
            junk += b.link_chars as f32;
        } else if unmarked && b.link_density() <= MAX_PROSE_LINK_DENSITY {
            // Short unlinked text (ingredients, a list of facts) is
            // neither the article's prose nor boilerplate.
            prose += b.own_chars() as f32 * SHORT_TEXT_WEIGHT;
            junk += b.link_chars as f32;
        } else if !matches!(b.tag, Tag::Heading(_)) {
            junk += b.chars as f32;
        }
    }
    (prose, junk)
}

/// Grows the container towards the root while what an ancestor adds is
/// clean prose: an article split over sibling elements (a lead paragraph
/// apart from the body, text on both sides of a share box or a video).
/// Ancestors that add nothing, or only a little boilerplate (a byline),
/// are passed through without being taken.
fn widen(page: &Page, container: usize) -> usize {
    let mut current = container;
    let mut probe = container;
    for _ in 0..MAX_WIDEN_STEPS {
        let Some(parent) = page.elements.get(probe).and_then(|e| e.parent) else {
            break;
        };
        if page
            .elements
            .get(parent)
            .is_some_and(|p| p.mark.is_some_and(|k| k != Kind::Other))
        {
            break;
        }
        let (prose, junk) = prose_and_junk(page, parent, Some(current));
        if prose >= MIN_SIBLING_PROSE_CHARS && junk <= prose * MAX_SIBLING_JUNK_RATIO {
            current = parent;
        } else if prose > 0.0 || junk > MAX_PASSED_JUNK_CHARS {
            break;
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
    fn pages_without_prose_have_no_container() {
        let html = "<body><ul><li><a href=/>Home</a></li><li><a href=/x>Login</a></li></ul></body>";
        assert!(container_text(html).is_empty());
    }
}
