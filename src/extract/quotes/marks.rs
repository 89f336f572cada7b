//! Quote spans: pairs of quotation marks within each paragraph, in one
//! linear scan. Marks are paired by their position (an opening mark follows
//! a space and precedes a word, a closing mark follows a word) more than by
//! their shape, because real pages mix shapes (`"…”`, `”…”`, `„…“`).

use std::ops::Range;

/// The two families of quotation marks. An article quotes with one of them
/// and nests the other inside (`"he said 'no'"`); the other family is then
/// content, never a quote of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// What a mark's shape says about its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `“`, `„`, `‘`, `‚`: opens unless it clearly closes (`„…“`).
    Opening,
    /// `”`, `’`: closes unless it clearly opens (`”…”`).
    Closing,
    /// `"`, `'`: the position decides.
    Either,
    /// `«`, `‹`: opens French and Russian quotes, closes German ones.
    AngleLeft,
    /// `»`, `›`: the mirror of [`Shape::AngleLeft`].
    AngleRight,
    /// `「`, `『`: always opens (Japanese quotes sit between letters, with
    /// no spaces to tell the direction).
    CornerOpen,
    /// `」`, `』`: always closes.
    CornerClose,
}

/// A quote found between marks: byte offsets into the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The opening mark.
    pub open: usize,
    /// The quoted words, marks and surrounding spaces excluded.
    pub content: Range<usize>,
    /// Just past the closing mark, or the paragraph end for a quote that
    /// continues in the next paragraph.
    pub after: usize,
    /// Index of the paragraph the span lies in.
    pub paragraph: usize,
    /// True if the quote runs on into the next paragraph (no closing mark).
    pub continues: bool,
}

/// The family and shape of a quotation mark. Japanese corner brackets
/// quote with `「」` and nest `『』`, so they join the two families.
fn mark_shape(c: char) -> Option<(Family, Shape)> {
    let mark = match c {
        '"' => (Family::Double, Shape::Either),
        '\u{201C}' | '\u{201E}' | '\u{201F}' => (Family::Double, Shape::Opening),
        '\u{201D}' => (Family::Double, Shape::Closing),
        '\u{AB}' => (Family::Double, Shape::AngleLeft),
        '\u{BB}' => (Family::Double, Shape::AngleRight),
        '\'' => (Family::Single, Shape::Either),
        '\u{2018}' | '\u{201A}' | '\u{201B}' => (Family::Single, Shape::Opening),
        '\u{2019}' => (Family::Single, Shape::Closing),
        '\u{2039}' => (Family::Single, Shape::AngleLeft),
        '\u{203A}' => (Family::Single, Shape::AngleRight),
        '\u{300C}' => (Family::Double, Shape::CornerOpen),
        '\u{300D}' => (Family::Double, Shape::CornerClose),
        '\u{300E}' => (Family::Single, Shape::CornerOpen),
        '\u{300F}' => (Family::Single, Shape::CornerClose),
        _ => return None,
    };
    Some(mark)
}

/// True for any quotation mark of either family.
pub fn is_quote_mark(c: char) -> bool {
    mark_shape(c).is_some()
}

/// Characters after which a mark may open a quote: `("…`, `—"…`.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
        )
}

/// The direction a mark takes at its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Open,
    Close,
    Ignore,
}

/// Decides whether the mark `shape` of `family` between `prev` and `next`
/// opens, closes or is no quotation mark (an apostrophe, inches, a stray).
fn decide(
    family: Family,
    shape: Shape,
    prev: Option<char>,
    next: Option<char>,
    opener: Option<char>,
    mark: char,
) -> Action {
    match shape {
        Shape::AngleLeft | Shape::AngleRight => return decide_angle(shape, opener, mark),
        Shape::CornerOpen => return Action::Open,
        Shape::CornerClose if opener.is_some() => return Action::Close,
        Shape::CornerClose => return Action::Ignore,
        _ => {}
    }
    let next_is_word = next.is_some_and(char::is_alphanumeric);
    let open_ctx = prev.is_none_or(|c| opens_after(c) || is_quote_mark(c))
        && match family {
            Family::Double => next.is_some_and(|c| !c.is_whitespace()),
            Family::Single => next_is_word || next.is_some_and(is_quote_mark),
        };
    let close_ctx = prev.is_some_and(|c| !c.is_whitespace() && !opens_after(c))
        && !next_is_word
        && !is_plural_possessive(family, prev, next);
    let inside = opener.is_some();
    match (open_ctx, close_ctx) {
        (true, false) => Action::Open,
        (false, true) if inside => Action::Close,
        (false, true) => Action::Ignore,
        _ => decide_by_shape(family, shape, prev, next, inside),
    }
}

/// `the workers’ union`: a single mark after an s and before a space is an
/// apostrophe, not the end of a quote.
fn is_plural_possessive(family: Family, prev: Option<char>, next: Option<char>) -> bool {
    family == Family::Single
        && prev.is_some_and(|c| c == 's' || c == 'S')
        && next.is_some_and(char::is_whitespace)
}

/// A mark whose position is ambiguous (`word"word`, `" `): its shape
/// decides; an ASCII mark only closes an open quote.
fn decide_by_shape(
    family: Family,
    shape: Shape,
    prev: Option<char>,
    next: Option<char>,
    inside: bool,
) -> Action {
    let glued_left = prev.is_some_and(|c| !c.is_whitespace());
    let glued_right = next.is_some_and(|c| !c.is_whitespace());
    let apostrophe = glued_left && next.is_some_and(char::is_alphanumeric);
    if family == Family::Single && (apostrophe || is_plural_possessive(family, prev, next)) {
        return Action::Ignore;
    }
    match shape {
        Shape::Opening if glued_right && !inside => Action::Open,
        Shape::Opening | Shape::Closing | Shape::Either if glued_left && inside => Action::Close,
        // `ourselves? " she wrote`: a double mark standing alone between
        // spaces inside an open quote is its sloppily spaced close.
        Shape::Closing | Shape::Either if inside && family == Family::Double && !glued_right => {
            Action::Close
        }
        _ => Action::Ignore,
    }
}

/// Angle quotes keep their spaces (`« Bonjour »`), so their shape decides:
/// inside a quote opened by one angle, the mirrored angle closes it.
fn decide_angle(shape: Shape, opener: Option<char>, mark: char) -> Action {
    let opener_shape = opener.and_then(mark_shape).map(|(_, s)| s);
    match (opener_shape, shape) {
        (None, _) => Action::Open,
        (Some(Shape::AngleLeft), Shape::AngleRight)
        | (Some(Shape::AngleRight), Shape::AngleLeft) => Action::Close,
        (Some(Shape::AngleLeft | Shape::AngleRight), _) => Action::Open,
        (Some(_), Shape::AngleRight) => Action::Close,
        (Some(_), _) if opener == Some(mark) => Action::Close,
        (Some(_), _) => Action::Open,
    }
}

/// The family an article quotes with: single marks only when single
/// openers outnumber all double marks (British style), since single marks
/// double as apostrophes.
pub fn main_family(text: &str) -> Family {
    let doubles = marks_of(text, Family::Double).count();
    let single_openers = marks_of(text, Family::Single)
        .filter(|m| {
            let starts_word =
                m.prev.is_none_or(opens_after) && m.next.is_some_and(char::is_alphanumeric);
            starts_word && mark_shape(m.mark).is_some_and(|(_, s)| s != Shape::Closing)
        })
        .count();
    if single_openers > doubles {
        Family::Single
    } else {
        Family::Double
    }
}

/// A quotation mark at byte `at` with the characters on either side.
struct Mark {
    at: usize,
    mark: char,
    prev: Option<char>,
    next: Option<char>,
}

/// Every quotation mark of `family` in `text`. The marks are an ASCII
/// quote or start with the bytes 0xC2 (`«»`) or 0xE2 (the typographic
/// ones), or 0xE3 (the corner brackets), so a byte search finds the
/// candidates and only they are decoded.
fn marks_of(text: &str, family: Family) -> impl Iterator<Item = Mark> + '_ {
    let ascii = match family {
        Family::Double => b'"',
        Family::Single => b'\'',
    };
    let bytes = text.as_bytes();
    let candidates = memchr::memchr3_iter(ascii, 0xC2, 0xE2, bytes);
    let corners = memchr::memchr_iter(0xE3, bytes);
    merge_sorted(candidates, corners).filter_map(move |at| {
        let mark = text.get(at..)?.chars().next()?;
        let (f, _) = mark_shape(mark)?;
        (f == family).then(|| Mark {
            at,
            mark,
            prev: text.get(..at).and_then(|t| t.chars().next_back()),
            next: text
                .get(at + mark.len_utf8()..)
                .and_then(|t| t.chars().next()),
        })
    })
}

/// The positions of two ascending iterators, merged in order.
fn merge_sorted(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&x), Some(&y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// The state of one paragraph's scan: the open quotes (outermost first)
/// and the quotes closed directly inside the outermost one, kept in case
/// the outermost mark turns out to be a stray that never closes.
#[derive(Default)]
struct Scan {
    open: Vec<(char, usize)>,
    nested: Vec<Span>,
}

/// Finds the quote spans of the paragraphs `paragraphs` (byte ranges of
/// `text`, in order) for marks of `family`. Linear in the text length.
pub fn find_spans(text: &str, paragraphs: &[Range<usize>], family: Family) -> Vec<Span> {
    let mut spans = Vec::new();
    for (index, range) in paragraphs.iter().enumerate() {
        let Some(paragraph) = text.get(range.clone()) else {
            continue;
        };
        let next_opens = paragraphs
            .get(index + 1)
            .and_then(|r| text.get(r.clone()))
            .is_some_and(|next| starts_with_opening_mark(next, family));
        scan_paragraph(
            paragraph,
            range.start,
            index,
            family,
            next_opens,
            &mut spans,
        );
    }
    spans
}

/// True if `paragraph` begins with a mark of `family` that opens a quote:
/// the sign that a quote left open above continues here.
fn starts_with_opening_mark(paragraph: &str, family: Family) -> bool {
    let mut chars = paragraph.trim_start().chars();
    let Some(first) = chars.next() else {
        return false;
    };
    match mark_shape(first) {
        Some((f, shape)) if f == family => {
            decide(f, shape, None, chars.next(), None, first) == Action::Open
        }
        _ => false,
    }
}

fn scan_paragraph(
    paragraph: &str,
    base: usize,
    index: usize,
    family: Family,
    next_opens: bool,
    spans: &mut Vec<Span>,
) {
    let mut scan = Scan::default();
    for Mark {
        at,
        mark,
        prev,
        next,
    } in marks_of(paragraph, family)
    {
        let Some((f, shape)) = mark_shape(mark) else {
            continue;
        };
        let opener = scan.open.last().map(|&(m, _)| m);
        match decide(f, shape, prev, next, opener, mark) {
            Action::Open => scan.open.push((mark, base + at)),
            Action::Close => close_quote(
                &mut scan,
                text_of(paragraph, base),
                base + at,
                mark,
                index,
                spans,
            ),
            Action::Ignore => {}
        }
    }
    finish_paragraph(scan, paragraph, base, index, next_opens, spans);
}

/// The paragraph with the byte offset of its start, to cut spans from.
struct Located<'a> {
    text: &'a str,
    base: usize,
}

fn text_of(text: &str, base: usize) -> Located<'_> {
    Located { text, base }
}

impl Located<'_> {
    /// The span between an opening mark at `open` and `end`, with spaces
    /// inside the marks trimmed off.
    fn span(&self, open: usize, open_mark: char, end: usize) -> Option<Range<usize>> {
        let start = open + open_mark.len_utf8();
        let inner = self
            .text
            .get(start.checked_sub(self.base)?..end.checked_sub(self.base)?)?;
        let lead = inner.len() - inner.trim_start().len();
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(start + lead..start + lead + trimmed.len())
    }
}

fn close_quote(
    scan: &mut Scan,
    paragraph: Located<'_>,
    at: usize,
    mark: char,
    index: usize,
    spans: &mut Vec<Span>,
) {
    let Some((open_mark, open)) = scan.open.pop() else {
        return;
    };
    let after = at + mark.len_utf8();
    let Some(content) = paragraph.span(open, open_mark, at) else {
        return;
    };
    let span = Span {
        open,
        content,
        after,
        paragraph: index,
        continues: false,
    };
    match scan.open.len() {
        0 => {
            scan.nested.clear();
            spans.push(span);
        }
        1 => scan.nested.push(span),
        _ => {}
    }
}

/// At the paragraph's end, a quote still open continues in the next
/// paragraph if that one opens with a mark; otherwise its opening mark was
/// a stray and the quotes closed inside it stand on their own.
fn finish_paragraph(
    scan: Scan,
    paragraph: &str,
    base: usize,
    index: usize,
    next_opens: bool,
    spans: &mut Vec<Span>,
) {
    let Some(&(open_mark, open)) = scan.open.first() else {
        return;
    };
    let end = base + paragraph.trim_end().len();
    let located = text_of(paragraph, base);
    match located.span(open, open_mark, end.max(open + open_mark.len_utf8())) {
        Some(content) if next_opens => spans.push(Span {
            open,
            content,
            after: base + paragraph.len(),
            paragraph: index,
            continues: true,
        }),
        _ => spans.extend(scan.nested),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paragraphs = super::super::paragraph_ranges(text);
        let family = main_family(text);
        find_spans(text, &paragraphs, family)
            .into_iter()
            .filter_map(|s| text.get(s.content))
            .collect()
    }

    #[test]
    fn pairs_ascii_and_typographic_marks() {
        assert_eq!(
            quoted(r#"He said "one two three four" today."#),
            ["one two three four"]
        );
        assert_eq!(
            quoted("He said \u{201C}one two\u{201D} today."),
            ["one two"]
        );
        assert_eq!(
            quoted("Er sagte \u{201E}eins zwei drei\u{201C} heute."),
            ["eins zwei drei"]
        );
        assert_eq!(
            quoted("Il a dit \u{AB} un deux trois \u{BB} hier."),
            ["un deux trois"]
        );
        assert_eq!(
            quoted("Er sagte \u{BB}eins zwei\u{AB} heute."),
            ["eins zwei"]
        );
    }

    #[test]
    fn pairs_mismatched_marks_as_pages_have_them() {
        assert_eq!(
            quoted("He said \"one two three\u{201D} today."),
            ["one two three"]
        );
        assert_eq!(
            quoted("He said \u{201D}one two three\u{201D} today."),
            ["one two three"]
        );
        assert_eq!(
            quoted("He said \u{201C}one two three\u{201C} today."),
            ["one two three"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "\u{201C}He told me \u{2018}go home now\u{2019} and left,\u{201D} she said.";
        assert_eq!(
            quoted(text),
            ["He told me \u{2018}go home now\u{2019} and left,"]
        );
        let text = r#""I told him "no way" and left," she said."#;
        assert_eq!(quoted(text), [r#"I told him "no way" and left,"#]);
    }

    #[test]
    fn british_single_quotes_with_apostrophes() {
        let text = "\u{2018}It\u{2019}s the workers\u{2019} union that won,\u{2019} she said. \u{2018}We\u{2019}re glad.\u{2019}";
        assert_eq!(
            quoted(text),
            [
                "It\u{2019}s the workers\u{2019} union that won,",
                "We\u{2019}re glad."
            ]
        );
    }

    #[test]
    fn inches_and_stray_marks_are_not_quotes() {
        assert_eq!(
            quoted(r#"A 12" pipe was "very old and broken," he said."#),
            ["very old and broken,"]
        );
        let text = r#"Stray "open and then "a real quote here," he said."#;
        assert_eq!(quoted(text), ["a real quote here,"]);
    }

    #[test]
    fn a_quote_open_at_paragraph_end_continues_when_reopened() {
        let text = "\"First part of it.\n\n\"Second part of it,\" he said.";
        assert_eq!(quoted(text), ["First part of it.", "Second part of it,"]);
        let text = "\"First part of it.\n\nNo quote follows here.";
        assert!(quoted(text).is_empty());
    }

    #[test]
    fn unbalanced_marks_take_linear_time_without_panic() {
        let text = "\" a".repeat(10_000) + &"\u{201D}".repeat(10_000) + &"'x ".repeat(10_000);
        let spans = quoted(&text);
        assert!(spans.len() <= 10_000);
    }
}
