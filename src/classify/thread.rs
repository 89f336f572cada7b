//! Forum threads and live tickers: pages whose posts all sit in boxes
//! named "comment" (`div.comment-body`, `li.live-match-comment`). On an
//! article page those boxes are the readers' comments and are removed;
//! on these pages they are all the page has to say, and they are its
//! content (trafilatura keeps a thread's posts too). The rule runs only
//! when the container was found by ignoring the marks
//! ([`super::container::choose_noting_marks`]): an article page with a
//! short text has its container outside the comment boxes.

use super::{Kind, block_kind};
use crate::blocks::Page;
use crate::rules::thresholds::{MIN_ARTICLE_PROSE_CHARS, MIN_THREAD_PROSE_CHARS};

/// If the container holds less than an article's prose outside its
/// comment boxes, and at least [`MIN_THREAD_PROSE_CHARS`] inside them,
/// the posts are the content: each block removed only for its comment
/// box is classified on its own.
pub fn posts_as_body(page: &Page, container: usize, kinds: &mut [Kind]) {
    let in_comment_box = |i: usize| {
        page.blocks.get(i).is_some_and(
            |b| matches!(b.mark, Some((m, Kind::Comment)) if page.is_inside(m, container)),
        ) && kinds.get(i) == Some(&Kind::Comment)
    };
    let mut body_prose = 0;
    let mut post_prose = 0;
    for (i, (block, kind)) in page.blocks.iter().zip(kinds.iter()).enumerate() {
        if !block.is_prose() || !page.is_within(block.element, container) {
            continue;
        }
        if *kind == Kind::Body {
            body_prose += block.own_chars();
        } else if in_comment_box(i) {
            post_prose += block.own_chars();
        }
    }
    if (body_prose as f32) >= MIN_ARTICLE_PROSE_CHARS || post_prose < MIN_THREAD_PROSE_CHARS {
        return;
    }
    let posts: Vec<usize> = (0..kinds.len()).filter(|&i| in_comment_box(i)).collect();
    for i in posts {
        if let (Some(kind), Some(block)) = (kinds.get_mut(i), page.blocks.get(i)) {
            *kind = block_kind(block);
        }
    }
}

#[cfg(test)]
mod tests {

    fn body(html: &str) -> Vec<String> {
        crate::classify::test_support::html_body(html)
    }

    const POST: &str = "The goalkeeper saves again, and the home side break away on the left wing.";

    #[test]
    fn a_live_ticker_made_of_comment_boxes_is_the_content() {
        let posts: String = (1..=6)
            .map(|n| format!("<li class=live-comment><span>{n}'</span><p>{POST} {n}</p></li>"))
            .collect();
        let html = format!(
            "<body><nav><a href=/>Home</a><a href=/f>Football</a></nav>\
             <main><h1>Lorient - Lyon</h1><ul class=live-comments>{posts}</ul></main></body>"
        );
        let got = body(&html);
        assert!(got.iter().any(|t| t == &format!("{POST} 1")), "{got:?}");
        assert!(got.len() >= 6, "{got:?}");
    }

    #[test]
    fn comments_under_an_article_stay_removed() {
        let article = format!("<p>{POST} One.</p><p>{POST} Two.</p><p>{POST} Three.</p>");
        let comments: String = (1..=6)
            .map(|n| format!("<div class=comment><p>{POST} Reader {n}.</p></div>"))
            .collect();
        let html = format!(
            "<body><main><article><h1>Match report</h1>{article}\
             <section class=comments>{comments}</section></article></main></body>"
        );
        let got = body(&html);
        assert_eq!(got.len(), 3, "{got:?}");
    }
}
