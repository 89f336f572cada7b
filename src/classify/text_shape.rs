//! The shape of a text dump's lines: which body lines are menus, teaser
//! lists, footers and other page furniture, told apart without tags or
//! links.
//!
//! Each line gets a class from its own text (jusText's scheme, with the
//! share of lowercase words standing in for stop words): `Good` prose,
//! `Near` (short or off-layout prose), `Short` (labels, headings, menu
//! items) or `Bad`. In a dump that keeps the page's layout, prose off the
//! article's indentation is demoted one class. Then `Short` and `Near`
//! lines take the class of their neighbours: a subheading between two
//! paragraphs is the article's, a label inside a menu is the menu's.
//! Body lines that end up `Bad` are removed.
//!
//! Between the article's first and last good line, the article's own
//! furniture is given back: lists nested in it, a paragraph set outside
//! its wrapper, rows of a table that the heading rules took for empty
//! sections. After its last line at the article's indentation, deeper
//! prose is a box (an author bio, a newsletter offer) and is removed.

use super::Kind;
use crate::blocks::{Block, LineShape, ends_sentence};
use crate::rules::contains_any;
use crate::rules::text_dump::{
    CLUSTER_GAP_LINES, COPYRIGHT_MARKS, COPYRIGHT_WORD, COPYRIGHT_WORD_MAX_CHARS, GOOD_LINE_CHARS,
    MIN_CLUSTER_SHARE, NEAR_LOWERCASE_SHARE, PROSE_LOWERCASE_SHARE, SHORT_LINE_CHARS,
    WIDE_CHAR_WEIGHT,
};

/// A line's class, from its own text and then from its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Good,
    Near,
    Short,
    Bad,
}

/// Share of the line's words (those starting with a letter) that do not
/// start with a capital. Scripts without case count as lowercase.
pub fn lowercase_share(text: &str) -> f32 {
    let initials: Vec<char> = text
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .filter(|c| c.is_alphabetic())
        .collect();
    if initials.is_empty() {
        return 0.0;
    }
    let lower = initials.iter().filter(|c| !c.is_uppercase()).count();
    lower as f32 / initials.len() as f32
}

/// True for characters of scripts written without spaces, where one
/// character carries about a word (Han, kana, Hangul, Thai...).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F // Thai
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
    )
}

/// The line's length in Latin-equivalent characters: a character of a
/// script without spaces counts [`WIDE_CHAR_WEIGHT`] (a Japanese sentence
/// is a third as long as its English translation).
fn weighted_chars(text: &str) -> usize {
    text.chars()
        .map(|c| if is_wide(c) { WIDE_CHAR_WEIGHT } else { 1 })
        .sum()
}

/// The line's text without its list bullet.
pub(crate) fn without_bullet(block: &Block) -> &str {
    if block.bullet {
        let mut chars = block.text.chars();
        chars.next();
        chars.as_str().trim_start()
    } else {
        &block.text
    }
}

/// A footer's copyright line: a © or "all rights reserved" anywhere, or the
/// word "copyright" in a line too short to be one of the article's own
/// paragraphs about copyright.
fn is_copyright_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    contains_any(COPYRIGHT_MARKS, &lower)
        || (lower.contains(COPYRIGHT_WORD) && text.chars().count() < COPYRIGHT_WORD_MAX_CHARS)
}

/// The class a line has on its own.
pub fn own_shape(block: &Block) -> Shape {
    let text = without_bullet(block);
    if is_copyright_line(text) {
        return Shape::Bad;
    }
    let chars = weighted_chars(text);
    if chars < SHORT_LINE_CHARS {
        // A short bullet is a menu or link-list item.
        return if block.bullet {
            Shape::Bad
        } else {
            Shape::Short
        };
    }
    let sentence = ends_sentence(text);
    let lowercase = lowercase_share(text);
    if (sentence || lowercase >= PROSE_LOWERCASE_SHARE) && chars > GOOD_LINE_CHARS {
        Shape::Good
    } else if sentence || lowercase >= NEAR_LOWERCASE_SHARE {
        Shape::Near
    } else {
        Shape::Bad
    }
}

/// The indentation holding most characters of good prose that the other
/// rules kept as body (a long cookie notice or a comment thread does not
/// set the article's indentation), when the dump has more than one
/// indentation at all (a flat dump says nothing).
pub fn article_indent(
    shapes: &[Shape],
    blocks: &[Block],
    lines: &[LineShape],
    kinds: &[Kind],
) -> Option<usize> {
    let first = lines.first()?.indent;
    if lines.iter().all(|l| l.indent == first) {
        return None;
    }
    let mut weights: Vec<(usize, usize)> = Vec::new();
    for (((shape, block), line), kind) in shapes.iter().zip(blocks).zip(lines).zip(kinds) {
        if *shape != Shape::Good || *kind != Kind::Body {
            continue;
        }
        match weights
            .iter_mut()
            .find(|(indent, _)| *indent == line.indent)
        {
            Some((_, weight)) => *weight += block.chars,
            None => weights.push((line.indent, block.chars)),
        }
    }
    // Ties go to the first indentation met (the lowest index wins).
    let best = weights.iter().map(|(_, w)| *w).max()?;
    weights
        .iter()
        .find(|(_, w)| *w == best)
        .map(|(indent, _)| *indent)
}

/// Prose off the article's indentation drops one class: a good line in a
/// run of sidebar lines is only near-good, a near-good teaser there is
/// bad. A good paragraph of its own (`<p>` prose, blank lines around it)
/// stays good wherever it sits: articles nest a paragraph deeper (a quote,
/// a box) or shallower (a lead outside the body's wrapper).
fn demote_off_layout(shapes: &mut [Shape], lines: &[LineShape], indent: usize) {
    for (shape, line) in shapes.iter_mut().zip(lines) {
        if line.indent == indent {
            continue;
        }
        *shape = match *shape {
            Shape::Good if line.alone => Shape::Good,
            Shape::Good => Shape::Near,
            Shape::Near => Shape::Bad,
            other => other,
        };
    }
}

/// The nearest decided class before (`step` -1) or after (+1) line `i`,
/// skipping `Short` lines and, unless `stop_at_near`, `Near` ones; the
/// dump's edges count as `Bad`.
fn neighbour(shapes: &[Shape], i: usize, forward: bool, stop_at_near: bool) -> Shape {
    let decided = |s: &&Shape| match s {
        Shape::Good | Shape::Bad => true,
        Shape::Near => stop_at_near,
        Shape::Short => false,
    };
    let found = if forward {
        shapes.iter().skip(i + 1).find(decided)
    } else {
        shapes.iter().take(i).rev().find(decided)
    };
    found.copied().unwrap_or(Shape::Bad)
}

/// jusText's context step: a short line between good ones is good, between
/// bad ones bad, and otherwise good only next to good prose with no bad
/// line on the other side; a near-good line is bad only between bad lines.
fn resolve_by_context(own: &[Shape]) -> Vec<Shape> {
    own.iter()
        .enumerate()
        .map(|(i, shape)| resolve_one(own, i, *shape))
        .collect()
}

/// The class of line `i` (own class `shape`) given its neighbours.
fn resolve_one(own: &[Shape], i: usize, shape: Shape) -> Shape {
    let (before, after) = (
        neighbour(own, i, false, false),
        neighbour(own, i, true, false),
    );
    match shape {
        Shape::Short if before == after => before,
        Shape::Short => {
            let near = [
                neighbour(own, i, false, true),
                neighbour(own, i, true, true),
            ];
            if near.contains(&Shape::Good) && !near.contains(&Shape::Bad) {
                Shape::Good
            } else {
                Shape::Bad
            }
        }
        Shape::Near if before == Shape::Bad && after == Shape::Bad => Shape::Bad,
        Shape::Near => Shape::Good,
        other => other,
    }
}

/// Every line's class, after layout and context (see [`verdicts`]), for
/// lines whose own kind is their kind after the neighbourhood rules.
pub fn shapes(blocks: &[Block], lines: &[LineShape], kinds: &[Kind]) -> Vec<Shape> {
    verdicts(blocks, lines, kinds, kinds).shapes
}

/// What the dump's shape says of each line.
#[derive(Debug, Default)]
pub struct Verdicts {
    /// Each line's class after layout and context.
    pub shapes: Vec<Shape>,
    /// Lines the neighbourhood rules removed that are the article's after
    /// all (see [`widen_inside_article`]).
    pub restored: Vec<bool>,
}

/// The dump's layout as the article-wide rules read it.
struct Layout<'a> {
    lines: &'a [LineShape],
    blocks: &'a [Block],
    /// The kind each line has on its own, before the neighbourhood rules.
    own_kinds: &'a [Kind],
    /// The kind after the neighbourhood rules.
    kinds: &'a [Kind],
    /// The article's indentation.
    indent: usize,
}

impl Layout<'_> {
    fn indent_of(&self, i: usize) -> Option<usize> {
        self.lines.get(i).map(|l| l.indent)
    }

    fn kind_of(&self, i: usize) -> Kind {
        self.kinds.get(i).copied().unwrap_or(Kind::Other)
    }
}

/// Every line's class, after layout and context, and the lines given back
/// to the article. A dump without one good line of body (a short news
/// item, whose only long lines are a cookie notice or a server's warnings
/// that their words remove) has its near-good lines as its best prose.
/// `own_kinds` are the lines' kinds before the neighbourhood rules,
/// `kinds` after them.
pub fn verdicts(
    blocks: &[Block],
    lines: &[LineShape],
    own_kinds: &[Kind],
    kinds: &[Kind],
) -> Verdicts {
    let mut own: Vec<Shape> = blocks.iter().map(own_shape).collect();
    let good_body = own
        .iter()
        .zip(kinds)
        .any(|(shape, kind)| *shape == Shape::Good && *kind == Kind::Body);
    if !good_body {
        for shape in own.iter_mut().filter(|s| **s == Shape::Near) {
            *shape = Shape::Good;
        }
    }
    let alone_shapes = own.clone();
    let indent = article_indent(&own, blocks, lines, kinds);
    if let Some(indent) = indent {
        demote_off_layout(&mut own, lines, indent);
    }
    let mut resolved = resolve_by_context(&own);
    drop_far_clusters(&mut resolved, &alone_shapes, blocks);
    let mut restored = vec![false; resolved.len()];
    if let Some(indent) = indent {
        let layout = Layout {
            lines,
            blocks,
            own_kinds,
            kinds,
            indent,
        };
        widen_inside_article(&mut resolved, &mut restored, &alone_shapes, &layout);
        cut_deeper_tail(&mut resolved, &mut restored, &layout);
    }
    Verdicts {
        shapes: resolved,
        restored,
    }
}

/// Between the article's first and last good body line, three kinds of
/// lines the line-by-line rules lost are the article's:
/// - a list nested in it: bullets deeper than the article's indentation
///   (its bullet lists, however short their items);
/// - a near-good paragraph of its own set shallower than the article (a
///   lead or a quote outside the paragraphs' wrapper);
/// - a line at the article's indentation, inside a paragraph block, that a
///   neighbourhood rule removed though it was body on its own (the rows
///   of a table or an ingredient list read as a run of empty headings).
fn widen_inside_article(
    resolved: &mut [Shape],
    restored: &mut [bool],
    own: &[Shape],
    layout: &Layout,
) {
    let is_article_line =
        |i: usize, shape: &Shape| *shape == Shape::Good && layout.kind_of(i) == Kind::Body;
    let first = resolved
        .iter()
        .enumerate()
        .position(|(i, s)| is_article_line(i, s));
    let last = resolved
        .iter()
        .enumerate()
        .rposition(|(i, s)| is_article_line(i, s));
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    for i in first..=last {
        let (Some(line), Some(block)) = (layout.lines.get(i), layout.blocks.get(i)) else {
            continue;
        };
        let own_kind = layout.own_kinds.get(i).copied().unwrap_or(Kind::Other);
        if layout.kind_of(i) == Kind::Other
            && own_kind == Kind::Body
            && line.indent == layout.indent
            && !line.alone
        {
            if let Some(r) = restored.get_mut(i) {
                *r = true;
            }
            continue;
        }
        let Some(shape) = resolved.get_mut(i) else {
            continue;
        };
        if *shape != Shape::Bad {
            continue;
        }
        let near_paragraph =
            own.get(i) == Some(&Shape::Near) && line.alone && line.indent < layout.indent;
        let nested_bullet = block.bullet && line.indent > layout.indent;
        if near_paragraph || nested_bullet {
            *shape = Shape::Good;
        }
    }
}

/// After the article's last line at its own indentation, kept prose set
/// deeper is a box that follows the article (an author bio, a newsletter
/// offer, a disclaimer), not more of it.
fn cut_deeper_tail(resolved: &mut [Shape], restored: &mut [bool], layout: &Layout) {
    let at_article_indent = |i: usize| layout.indent_of(i) == Some(layout.indent);
    let kept_at_indent = |i: usize| {
        at_article_indent(i)
            && (restored.get(i) == Some(&true)
                || (resolved.get(i) == Some(&Shape::Good) && layout.kind_of(i) == Kind::Body))
    };
    let Some(last) = (0..resolved.len()).rev().find(|&i| kept_at_indent(i)) else {
        return;
    };
    for i in last + 1..resolved.len() {
        if layout
            .indent_of(i)
            .is_some_and(|indent| indent > layout.indent)
        {
            if let Some(shape) = resolved.get_mut(i).filter(|s| **s == Shape::Good) {
                *shape = Shape::Bad;
            }
            if let Some(r) = restored.get_mut(i) {
                *r = false;
            }
        }
    }
}

/// Runs of good lines with fewer than [`CLUSTER_GAP_LINES`] bad lines
/// between them: the article is one such cluster (its subheadings and
/// short paragraphs resolved good around its prose).
fn clusters(shapes: &[Shape]) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut bad_since_last = 0;
    for (i, shape) in shapes.iter().enumerate() {
        match shape {
            Shape::Good => {
                match clusters.last_mut() {
                    Some(cluster) if bad_since_last < CLUSTER_GAP_LINES => cluster.push(i),
                    _ => clusters.push(vec![i]),
                }
                bad_since_last = 0;
            }
            Shape::Bad => bad_since_last += 1,
            Shape::Near | Shape::Short => {}
        }
    }
    clusters
}

/// A cluster of good lines far below the article (a long run of menus and
/// teasers between them) with much less prose than the largest one is a
/// widget: a teaser with its summary, a footer's "about us". Clusters
/// above the largest one stay: the article's lead or first paragraphs
/// often sit above a player, a gallery or an ad block that splits it.
fn drop_far_clusters(resolved: &mut [Shape], own: &[Shape], blocks: &[Block]) {
    let clusters = clusters(resolved);
    let prose = |cluster: &Vec<usize>| -> usize {
        cluster
            .iter()
            .filter(|&&i| own.get(i) == Some(&Shape::Good))
            .filter_map(|&i| blocks.get(i))
            .map(|b| b.chars)
            .sum()
    };
    let largest = clusters.iter().map(prose).max().unwrap_or(0);
    // The first cluster with the most prose is the article's.
    let article = clusters
        .iter()
        .position(|c| prose(c) == largest)
        .unwrap_or(0);
    for cluster in clusters.iter().skip(article + 1) {
        if (prose(cluster) as f32) < MIN_CLUSTER_SHARE * largest as f32 {
            for &i in cluster {
                if let Some(shape) = resolved.get_mut(i) {
                    *shape = Shape::Bad;
                }
            }
        }
    }
}

/// Removes the body lines whose shape is bad: prose-like ones as `Other`
/// (a footer's address, a teaser's summary), the rest as `Navigation`;
/// gives back to the body the lines [`widen_inside_article`] restores.
/// `own_kinds` are the lines' kinds before the neighbourhood rules.
pub fn apply(blocks: &[Block], lines: &[LineShape], own_kinds: &[Kind], kinds: &mut [Kind]) {
    if lines.len() != blocks.len() || own_kinds.len() != blocks.len() {
        return;
    }
    let verdicts = verdicts(blocks, lines, own_kinds, kinds);
    let judged = verdicts.shapes.iter().zip(&verdicts.restored);
    for (((shape, restored), block), kind) in judged.zip(blocks).zip(kinds.iter_mut()) {
        if *restored {
            *kind = Kind::Body;
        } else if *kind == Kind::Body && *shape == Shape::Bad {
            *kind = if ends_sentence(&block.text) {
                Kind::Other
            } else {
                Kind::Navigation
            };
        }
    }
    super::text_recall::apply(blocks, lines, own_kinds, kinds);
    super::dump_furniture::apply(blocks, lines, kinds);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::from_text;
    use crate::classify::test_support::{P1, P2, P3};

    /// The lines of `dump` kept as body.
    fn body(dump: &str) -> Vec<String> {
        crate::classify::test_support::text_body(dump)
    }

    fn shapes_of(dump: &str) -> Vec<Shape> {
        let page = from_text(dump);
        let kinds = vec![Kind::Body; page.blocks.len()];
        shapes(&page.blocks, &page.lines, &kinds)
    }

    #[test]
    fn lowercase_share_tells_prose_from_title_case() {
        assert!(lowercase_share(P1) > PROSE_LOWERCASE_SHARE);
        assert!(lowercase_share("Sports Weather Traffic Best Of Local News") < 0.1);
        assert!(lowercase_share("Der Rat hat am Dienstag den Haushalt beschlossen.") > 0.45);
        assert_eq!(lowercase_share("日本の ニュース"), 1.0);
    }

    #[test]
    fn a_menu_of_short_lines_above_the_article_is_removed() {
        // A flat dump (no indentation): the menu is a run of short lines
        // with nothing good around it but the article below.
        let dump = format!("Home\nNews\nSport\nWeather\n\n{P1}\n\n{P2}\n\n{P3}\n");
        assert_eq!(body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_subheading_between_paragraphs_stays() {
        let dump = format!("{P1}\n\nWhat changes next\n\n{P2}\n\n{P3}\n");
        assert_eq!(body(&dump), [P1, "What changes next", P2, P3]);
    }

    #[test]
    fn short_bullets_are_menu_items_but_bullets_of_prose_stay() {
        // A flat dump (no layout to tell a nested list from a menu): a
        // bullet is judged by its own text.
        let dump = format!("{P1}\n* Home\n* Contact us\n\n{P2}\n* {P3}\n");
        assert_eq!(body(&dump), [P1, P2, format!("* {P3}").as_str()]);
    }

    #[test]
    fn teaser_titles_after_the_article_are_removed() {
        // "Most read": Title Case headlines of other stories, each longer
        // than a menu item but not prose.
        let dump = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\nMost Read\n\n\
             Brookings Report Says AI Will Heavily Affect Tech And White-Collar Jobs\n\
             Hearthstone Battlegrounds Gets Four New Heroes In Big Update\n"
        );
        assert_eq!(body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn prose_off_the_article_indentation_needs_good_neighbours() {
        // A layout-keeping dump: the article at 10 columns, a sidebar
        // teaser (near-good prose) at 4 columns between menu items.
        let teaser = "Read how the city plans its budget for the next ten years.";
        let dump = format!(
            "  * Home\n  * News\n\n    {teaser}\n  * Contact\n\n\
             \x20         {P1}\n\n          {P2}\n\n          {P3}\n"
        );
        assert_eq!(shapes_of(&dump).get(2), Some(&Shape::Bad));
        assert_eq!(body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn copyright_lines_are_never_body() {
        let dump = format!("{P1}\n\n{P2}\n\n© 2024 Example Media. All rights reserved.\n\n{P3}\n");
        assert_eq!(body(&dump), [P1, P2, P3]);
        let spelt_out = "Copyright 2024 Example Media Inc. Use of this site constitutes acceptance of our terms.";
        let dump = format!("{P1}\n\n{P2}\n\n{spelt_out}\n\n{P3}\n");
        assert_eq!(body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn an_article_paragraph_about_copyright_is_prose() {
        let about = "The court held that the photographs were protected by copyright even though \
                     the agency had published them without a notice, and it sent the question of \
                     damages back to the lower court, which must now decide how much the blog owes \
                     the photographer for each of the images it copied.";
        let dump = format!("{P1}\n\n{about}\n\n{P2}\n\n{P3}\n");
        assert_eq!(body(&dump), [P1, about, P2, P3]);
    }

    #[test]
    fn without_good_prose_the_best_lines_present_are_the_article() {
        // A short item: no line is long enough to be good on its own.
        let dump = "Menu\nSearch\n\nThe city library opens on Sunday for the first time in years.\n\n\
                    Staff will run a reading hour for children at ten.\n";
        assert_eq!(
            body(dump),
            [
                "The city library opens on Sunday for the first time in years.",
                "Staff will run a reading hour for children at ten."
            ]
        );
    }

    #[test]
    fn near_good_lines_are_the_article_when_only_boilerplate_is_good() {
        // A two-sentence post: its only good line is the cookie notice,
        // which its words remove, so the post's lines are the best prose.
        let cookie = "This website uses cookies to improve your experience while you \
            navigate through the website, and we also use third-party cookies that help us \
            analyze and understand how you use this website and its many pages and services.";
        let first = "Our second son was born last week, a few days later than planned.";
        let second = "Here is how his brother looked at him the first time they met:";
        let dump =
            format!("* Home\n* About\n\n{first}\n\n{second}\n\n* Archive\n* Feeds\n\n{cookie}\n");
        assert_eq!(body(&dump), [first, second]);
    }

    #[test]
    fn japanese_lines_are_measured_by_what_they_say() {
        let line =
            "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されました。";
        let page = from_text(line);
        assert!(weighted_chars(line) > SHORT_LINE_CHARS);
        assert_eq!(page.blocks.first().map(own_shape), Some(Shape::Near));
    }

    #[test]
    fn a_long_cookie_notice_does_not_set_the_article_indentation() {
        // The cookie notice (removed by its words) is longer than the
        // article and sits at another indentation.
        let cookie = "This website uses cookies to improve your experience while you \
            navigate through the website, and we also use third-party cookies that help us \
            analyze and understand how you use this website and its many pages and services.";
        let dump = format!(
            "      {P1}\n\n      {P2}\n\n  {cookie}\n\n  {cookie} Again.\n\n  {cookie} More.\n"
        );
        assert_eq!(body(&dump), [P1, P2]);
    }

    #[test]
    fn a_paragraph_of_its_own_off_the_article_indentation_stays() {
        // The lead sits outside the body's wrapper, two columns left of
        // the other paragraphs, between blank lines.
        let dump = format!("  * Home\n  * News\n\n  {P1}\n\n      {P2}\n\n      {P3}\n");
        assert_eq!(body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn a_teaser_far_below_the_article_is_removed() {
        // A long list of footer links separates one teaser paragraph from
        // the article.
        let links: String = (1..=12).map(|n| format!("  * Section {n}\n")).collect();
        let teaser = "Our sister paper also reports on the city, with stories on schools and \
            transport written by people who live there and know what matters.";
        let dump = format!("{P1}\n\n{P2}\n\n{P3}\n\n{P1} {P2}\n\n{links}\n{teaser}\n");
        let joined = format!("{P1} {P2}");
        assert_eq!(body(&dump), [P1, P2, P3, joined.as_str()]);
    }

    #[test]
    fn a_short_bullet_list_nested_in_the_article_stays() {
        // Menu bullets sit above the article; the article's own list is
        // nested deeper than its paragraphs, between two of them.
        let dump = format!(
            "  * Home\n  * News\n\n      {P1}\n\n          * Schools\n          * Roads and bridges\n\n\
             \x20     {P2}\n\n      {P3}\n"
        );
        assert_eq!(
            body(&dump),
            [P1, "* Schools", "* Roads and bridges", P2, P3]
        );
    }

    #[test]
    fn a_near_good_paragraph_set_outside_the_article_wrapper_stays() {
        // A short paragraph between two of the article's, two columns
        // left of them (a quote or a box outside the paragraphs' wrapper).
        let near = "The vote was seven to six, the closest in a decade.";
        let dump = format!("  * Home\n\n      {P1}\n\n    {near}\n\n      {P2}\n\n      {P3}\n");
        assert_eq!(body(&dump), [P1, near, P2, P3]);
    }

    #[test]
    fn table_rows_inside_the_article_are_not_empty_sections() {
        // Rows of a table at the article's indentation, one block without
        // blank lines: the heading rules read each as a heading with an
        // empty section, the article around them gives them back.
        let rows = [
            "file fast slow",
            "apache_builds 2.3 GB/s 0.098 GB/s",
            "gsoc-2018 3.3 GB/s",
        ];
        let dump = format!(
            "  * Home\n\n      {P1}\n\n      {}\n      {}\n      {}\n\n      {P2}\n\n      {P3}\n",
            rows[0], rows[1], rows[2]
        );
        let page = from_text(&dump);
        let own: Vec<Kind> = page
            .blocks
            .iter()
            .map(crate::classify::block_kind)
            .collect();
        let mut after_sequence = own.clone();
        crate::classify::sequence::apply(
            &page.blocks,
            &mut after_sequence,
            crate::classify::sequence::Source::Text,
        );
        assert!(after_sequence.contains(&Kind::Other), "{after_sequence:?}");
        assert_eq!(body(&dump), [P1, rows[0], rows[1], rows[2], P2, P3]);
    }

    #[test]
    fn prose_set_deeper_after_the_article_is_a_box() {
        // An author bio after the last paragraph, nested deeper: good
        // prose of its own, but not the article's.
        let bio = "Jane Doe has covered the city council for the paper since 2015, and before \
            that she wrote about schools and transport for a weekly in the north of the county.";
        let dump =
            format!("  * Home\n\n      {P1}\n\n      {P2}\n\n      {P3}\n\n          {bio}\n");
        assert_eq!(body(&dump), [P1, P2, P3]);
    }

    #[test]
    fn prose_set_deeper_inside_the_article_stays() {
        // The same deeper paragraph before the article's last paragraph is
        // a quote within it.
        let quote = "Jane Doe, who has covered the council for years, said the vote was the \
            closest she could remember and that the appeal would take until the summer.";
        let dump =
            format!("  * Home\n\n      {P1}\n\n          {quote}\n\n      {P2}\n\n      {P3}\n");
        assert_eq!(body(&dump), [P1, quote, P2, P3]);
    }

    #[test]
    fn a_lead_far_above_the_article_stays() {
        // The lead paragraph, then a gallery's captions and a share bar
        // (a long run of short lines), then the rest of the article.
        let bar: String = (1..=12).map(|n| format!("* Photo {n}\n")).collect();
        let joined = format!("{P2} {P3}");
        let dump = format!("{P1}\n\n{bar}\n{P2}\n\n{P3}\n\n{joined}\n");
        assert_eq!(body(&dump), [P1, P2, P3, joined.as_str()]);
    }

    #[test]
    fn a_flat_dump_has_no_article_indentation() {
        let page = from_text(&format!("{P1}\n\n{P2}\n"));
        let own: Vec<Shape> = page.blocks.iter().map(own_shape).collect();
        let kinds = vec![Kind::Body; page.blocks.len()];
        assert_eq!(
            article_indent(&own, &page.blocks, &page.lines, &kinds),
            None
        );
    }
}
