//! A byte-level pre-pass before html5ever: empties the elements whose
//! content no stage reads, so the tokenizer does not walk it. Most bytes
//! of modern pages are scripts, styles and inline SVG icons.
//!
//! What is emptied: the content of `<script>` (except JSON-LD, which the
//! metadata reads), `<style>` and `<svg>` elements, and the text of
//! comments. The tags themselves stay, with their attributes, so the
//! parsed tree has the same elements in the same places: only text no
//! stage reads (and the elements inside an SVG) is gone.
//!
//! The scan follows the HTML tokenizer where it matters: markup is only
//! recognised in text (not inside attribute values, comments, `<title>`,
//! `<textarea>` or other raw-text elements), and a raw-text element ends
//! at the first `</name` followed by a space, `/` or `>`. Where the
//! tokenizer would do something this scan does not model (a `<!--` inside
//! a script, `<plaintext>`), the rest of the page is copied unchanged.

use memchr::memchr;

/// Elements whose content is dropped: never visible article text, never
/// read by the metadata (JSON-LD scripts excepted).
const EMPTIED: &[&[u8]] = &[b"script", b"style", b"svg"];

/// Elements whose content the tokenizer reads as text up to their end tag
/// (raw text or RCDATA): markup inside them is not markup, so the scan
/// copies them unchanged.
const TEXT_ONLY: &[&[u8]] = &[
    b"iframe",
    b"noembed",
    b"noframes",
    b"textarea",
    b"title",
    b"xmp",
];

/// The `type` of a JSON-LD script: its content is kept.
const JSON_LD_TYPE: &[u8] = b"application/ld+json";

/// An emptied comment: comments stay in place (they separate text nodes)
/// but lose their text.
const EMPTY_COMMENT: &[u8] = b"<!---->";

/// The page with the content of scripts, styles, SVGs and comments removed.
pub fn strip_inert(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut pos = 0;
    while let Some(offset) = memchr(b'<', bytes.get(pos..).unwrap_or_default()) {
        let lt = pos + offset;
        copy(&mut out, bytes, pos, lt);
        pos = match markup_at(bytes, lt) {
            Markup::Text => {
                out.push(b'<');
                lt + 1
            }
            Markup::Comment { end } => {
                out.extend_from_slice(EMPTY_COMMENT);
                end
            }
            Markup::Declaration { end } => {
                copy(&mut out, bytes, lt, end);
                end
            }
            Markup::EndTag { end } => {
                copy(&mut out, bytes, lt, end);
                end
            }
            Markup::StartTag(tag) => match after_start_tag(bytes, &tag) {
                Content::Markup => {
                    copy(&mut out, bytes, lt, tag.end);
                    tag.end
                }
                Content::Keep { end } => {
                    copy(&mut out, bytes, lt, end);
                    end
                }
                Content::Drop { end } => {
                    copy(&mut out, bytes, lt, tag.end);
                    end
                }
                Content::Unmodelled => {
                    copy(&mut out, bytes, lt, bytes.len());
                    bytes.len()
                }
            },
        };
    }
    copy(&mut out, bytes, pos, bytes.len());
    String::from_utf8(out).unwrap_or_else(|_| html.to_string())
}

fn copy(out: &mut Vec<u8>, bytes: &[u8], from: usize, to: usize) {
    out.extend_from_slice(bytes.get(from..to).unwrap_or_default());
}

/// What starts at a `<`.
enum Markup {
    /// A `<` that opens no markup: plain text.
    Text,
    /// `<!-- ... -->`; `end` is just past it.
    Comment {
        end: usize,
    },
    /// `<!DOCTYPE ...>`, `<?...>`, `<![CDATA[...` outside foreign content:
    /// copied as they are.
    Declaration {
        end: usize,
    },
    EndTag {
        end: usize,
    },
    StartTag(StartTag),
}

/// A start tag: its lowercase name, where it ends (just past `>`), whether
/// it closes itself (`/>`) and whether it declares JSON-LD.
struct StartTag {
    name: Vec<u8>,
    end: usize,
    self_closing: bool,
    json_ld: bool,
}

/// What follows a start tag.
enum Content {
    /// Ordinary markup: the scan goes on after the tag.
    Markup,
    /// Text to copy unchanged up to `end` (the start of the end tag).
    Keep { end: usize },
    /// Content to drop up to `end` (the start of the end tag).
    Drop { end: usize },
    /// Something this scan does not model: copy the rest unchanged.
    Unmodelled,
}

fn markup_at(bytes: &[u8], lt: usize) -> Markup {
    let rest = bytes.get(lt..).unwrap_or_default();
    match rest.get(1) {
        Some(b'!') if rest.starts_with(b"<!--") => Markup::Comment {
            end: comment_end(bytes, lt + 4),
        },
        Some(b'!' | b'?') => Markup::Declaration {
            end: after_gt(bytes, lt + 2),
        },
        Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let (_, after_name) = tag_name(bytes, lt + 2);
            Markup::EndTag {
                end: scan_attributes(bytes, after_name).end,
            }
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, after_name) = tag_name(bytes, lt + 1);
            let attrs = scan_attributes(bytes, after_name);
            Markup::StartTag(StartTag {
                name,
                end: attrs.end,
                self_closing: attrs.self_closing,
                json_ld: attrs.json_ld,
            })
        }
        _ => Markup::Text,
    }
}

fn after_start_tag(bytes: &[u8], tag: &StartTag) -> Content {
    let name = tag.name.as_slice();
    if name == b"plaintext" {
        return Content::Unmodelled;
    }
    if name == b"svg" {
        if tag.self_closing {
            return Content::Markup;
        }
        return match svg_end(bytes, tag.end) {
            Some(end) => Content::Drop { end },
            None => Content::Unmodelled,
        };
    }
    let emptied = EMPTIED.contains(&name);
    if !emptied && !TEXT_ONLY.contains(&name) {
        return Content::Markup;
    }
    let end = raw_text_end(bytes, tag.end, name);
    let content = bytes.get(tag.end..end).unwrap_or_default();
    if name == b"script" && may_double_escape(content) {
        return Content::Unmodelled;
    }
    if emptied && !(name == b"script" && tag.json_ld) {
        Content::Drop { end }
    } else {
        Content::Keep { end }
    }
}

/// The lowercase tag name starting at `from`, and where it ends.
fn tag_name(bytes: &[u8], from: usize) -> (Vec<u8>, usize) {
    let mut end = from;
    while let Some(&c) = bytes.get(end) {
        if c.is_ascii_whitespace() || c == b'/' || c == b'>' {
            break;
        }
        end += 1;
    }
    let name = bytes
        .get(from..end)
        .unwrap_or_default()
        .to_ascii_lowercase();
    (name, end)
}

/// Where a tag's attributes end.
struct Attributes {
    /// Just past the closing `>` (or the end of the page).
    end: usize,
    self_closing: bool,
    /// `type="application/ld+json"` is among them.
    json_ld: bool,
}

/// Scans attributes as the tokenizer does (names up to `=`, space, `/` or
/// `>`; values quoted with `"` or `'`, or unquoted up to a space or `>`).
fn scan_attributes(bytes: &[u8], from: usize) -> Attributes {
    let mut pos = from;
    let mut json_ld = false;
    let mut self_closing = false;
    loop {
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        match bytes.get(pos) {
            None => {
                return Attributes {
                    end: bytes.len(),
                    self_closing: false,
                    json_ld,
                };
            }
            Some(b'>') => {
                return Attributes {
                    end: pos + 1,
                    self_closing,
                    json_ld,
                };
            }
            Some(b'/') => {
                self_closing = bytes.get(pos + 1) == Some(&b'>');
                pos += 1;
                continue;
            }
            Some(_) => self_closing = false,
        }
        let name_start = pos;
        pos += 1; // the first character may be '=' (part of the name)
        while let Some(&c) = bytes.get(pos) {
            if c.is_ascii_whitespace() || matches!(c, b'/' | b'>' | b'=') {
                break;
            }
            pos += 1;
        }
        let name = bytes.get(name_start..pos).unwrap_or_default();
        let mut after = pos;
        while bytes.get(after).is_some_and(u8::is_ascii_whitespace) {
            after += 1;
        }
        if bytes.get(after) != Some(&b'=') {
            continue;
        }
        pos = after + 1;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let (value, next) = match bytes.get(pos) {
            Some(&quote @ (b'"' | b'\'')) => {
                let start = pos + 1;
                let rest = bytes.get(start..).unwrap_or_default();
                let close = memchr(quote, rest).map_or(bytes.len(), |i| start + i);
                (bytes.get(start..close).unwrap_or_default(), close + 1)
            }
            _ => {
                let start = pos;
                let mut end = pos;
                while let Some(&c) = bytes.get(end) {
                    if c.is_ascii_whitespace() || c == b'>' {
                        break;
                    }
                    end += 1;
                }
                (bytes.get(start..end).unwrap_or_default(), end)
            }
        };
        if name.eq_ignore_ascii_case(b"type")
            && value.trim_ascii().eq_ignore_ascii_case(JSON_LD_TYPE)
        {
            json_ld = true;
        }
        pos = next;
    }
}

/// Just past the first `>` at or after `from` (or the end of the page).
fn after_gt(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    memchr(b'>', rest).map_or(bytes.len(), |i| from + i + 1)
}

/// Just past the end of a comment whose text starts at `from`: `-->` or
/// `--!>`; `<!-->` and `<!--->` are empty comments; an unclosed comment
/// runs to the end of the page.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut pos = from;
    while let Some(i) = memchr(b'>', bytes.get(pos..).unwrap_or_default()) {
        let gt = pos + i;
        let before = bytes.get(from..gt).unwrap_or_default();
        if before.ends_with(b"--") || before.ends_with(b"--!") {
            return gt + 1;
        }
        pos = gt + 1;
    }
    bytes.len()
}

/// Where the content of a raw-text element `name` starting at `from` ends:
/// at the first `</name` followed by a space, `/` or `>` (or the end of
/// the page).
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut pos = from;
    while let Some(i) = memchr(b'<', bytes.get(pos..).unwrap_or_default()) {
        let lt = pos + i;
        if closes(bytes, lt, name) {
            return lt;
        }
        pos = lt + 1;
    }
    bytes.len()
}

/// True if `</name` followed by a space, `/` or `>` starts at `lt`.
fn closes(bytes: &[u8], lt: usize, name: &[u8]) -> bool {
    let tag = bytes.get(lt + 2..lt + 2 + name.len());
    bytes.get(lt + 1) == Some(&b'/')
        && tag.is_some_and(|t| t.eq_ignore_ascii_case(name))
        && bytes
            .get(lt + 2 + name.len())
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
}

/// Where the content of an `<svg>` starting at `from` ends: the start of
/// its matching `</svg>` (nested SVGs counted, comments and CDATA skipped).
/// None when it is never closed.
fn svg_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut pos = from;
    while let Some(i) = memchr(b'<', bytes.get(pos..).unwrap_or_default()) {
        let lt = pos + i;
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<![CDATA[") {
            pos = find(bytes, lt, b"]]>").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        pos = match markup_at(bytes, lt) {
            Markup::Text => lt + 1,
            Markup::Comment { end } | Markup::Declaration { end } => end,
            Markup::EndTag { end } => {
                if closes(bytes, lt, b"svg") {
                    depth -= 1;
                    if depth == 0 {
                        return Some(lt);
                    }
                }
                end
            }
            Markup::StartTag(tag) => {
                if tag.name == b"svg" && !tag.self_closing {
                    depth += 1;
                }
                tag.end
            }
        };
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

/// True if a script's text holds `<!--` then `<script` with no `-->`
/// between: the tokenizer's double-escaped state, where `</script>` does
/// not end the script. (A `<!--` alone does not change where it ends.)
fn may_double_escape(content: &[u8]) -> bool {
    let mut rest = content;
    while let Some(open) = memchr::memmem::find(rest, b"<!--") {
        let after = rest.get(open..).unwrap_or_default();
        let inner = memchr::memmem::find(after, b"<script");
        let close = memchr::memmem::find(after, b"-->");
        match (inner, close) {
            (Some(inner), Some(close)) if inner < close => return true,
            (Some(_), None) => return true,
            (_, Some(close)) => rest = after.get(close..).unwrap_or_default(),
            (None, None) => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_style_and_svg_content_is_dropped_tags_stay() {
        let html = "<p>a</p><script src=x.js>var s = '<p>no</p>';</script>\
                    <style>p{color:red}</style><svg viewBox='0 0 1 1'><path d='M0'/></svg><p>b</p>";
        assert_eq!(
            strip_inert(html),
            "<p>a</p><script src=x.js></script><style></style><svg viewBox='0 0 1 1'></svg><p>b</p>"
        );
    }

    #[test]
    fn json_ld_is_kept_for_the_metadata() {
        let html =
            r#"<script type=" Application/LD+JSON ">{"headline":"H"}</script><script>x()</script>"#;
        assert_eq!(
            strip_inert(html),
            r#"<script type=" Application/LD+JSON ">{"headline":"H"}</script><script></script>"#
        );
    }

    #[test]
    fn comments_keep_their_place_but_lose_their_text() {
        assert_eq!(
            strip_inert("a<!-- <p>x</p> -->b<!-->c"),
            "a<!---->b<!---->c"
        );
        assert_eq!(strip_inert("a<!-- open"), "a<!---->");
    }

    #[test]
    fn markup_inside_attributes_and_titles_is_text() {
        let html = r#"<div data-x="<script>"><title>a <script> b</title><p>kept</p></div>"#;
        assert_eq!(strip_inert(html), html);
        let html = "<textarea><style>x</style></textarea>";
        assert_eq!(strip_inert(html), html);
    }

    #[test]
    fn a_script_ends_at_its_first_end_tag_even_inside_a_string() {
        assert_eq!(
            strip_inert("<script>document.write('</script>')</script>"),
            "<script></script>')</script>"
        );
    }

    #[test]
    fn double_escaped_scripts_are_left_as_they_are() {
        let html = "<script><!-- document.write('<script></script>') --></script><p>after</p>";
        assert_eq!(strip_inert(html), html);
        assert_eq!(
            strip_inert("<script><!-- x() --></script><p>a</p>"),
            "<script></script><p>a</p>"
        );
    }

    #[test]
    fn nested_and_self_closing_svgs() {
        assert_eq!(
            strip_inert("<svg><svg><g/></svg><text>t</text></svg><p>a</p>"),
            "<svg></svg><p>a</p>"
        );
        assert_eq!(strip_inert("<svg/><p>a</p>"), "<svg/><p>a</p>");
        assert_eq!(strip_inert("<svg><g>never closed"), "<svg><g>never closed");
    }

    #[test]
    fn stray_angle_brackets_and_multibyte_text_survive() {
        let html = "<p>1 < 2 and é > ü</p><SCRIPT>x</SCRIPT >";
        assert_eq!(
            strip_inert(html),
            "<p>1 < 2 and é > ü</p><SCRIPT></SCRIPT >"
        );
    }

    /// The parsed text of a page is the same with and without the pre-pass.
    #[test]
    fn visible_text_is_unchanged_by_the_pre_pass() {
        let html = "<html><head><title>T</title><style>b{}</style></head><body>\
                    <p>One <b>two</b><!-- c --> three</p><svg><text>icon</text></svg>\
                    <script>if (a < b) {}</script><p>four</p></body></html>";
        let text = |h: &str| -> String {
            scraper::Html::parse_document(h)
                .root_element()
                .text()
                .filter(|t| !t.contains('{') && !t.contains("icon"))
                .collect()
        };
        assert_eq!(text(&strip_inert(html)), text(html));
    }
}
