//! A byte-level pre-pass before html5ever: removes what no stage reads, so
//! the tokenizer does not walk it and the tree builder does not store it.
//! Most bytes of modern pages are scripts, styles, inline SVG icons and
//! attributes nobody reads (link targets, `data-*`, image sources).
//!
//! What is removed:
//! - the content of `<script>` (except JSON-LD, which the metadata reads),
//!   `<style>` and `<svg>` elements, and the text of comments. The tags
//!   themselves stay, so the parsed tree has the same elements in the same
//!   places: only text no stage reads (and the elements inside an SVG) is
//!   gone;
//! - the attributes of start tags that neither a stage nor html5ever's tree
//!   builder reads (see [`keeps`]): the element stays with the others;
//! - the indentation around tags: a run of whitespace that starts or ends
//!   a piece of text next to markup becomes one space (see
//!   [`collapse_edges`]). Every stage reads whitespace runs as one space
//!   or trims them, and the tree builder only asks whether a character is
//!   whitespace, so the tree is the same but for shorter whitespace; the
//!   tokenizer no longer emits a line break at the start of most text
//!   pieces as a token of its own. After the first `<pre>` (or `<listing>`)
//!   the page's whitespace is left as it is.
//!
//! The scan follows the HTML tokenizer where it matters: markup is only
//! recognised in text (not inside attribute values, comments, `<title>`,
//! `<textarea>` or other raw-text elements), attributes are delimited as
//! the tokenizer delimits them (a `>` inside a quoted value does not end
//! the tag), and a raw-text element ends at the first `</name` followed by
//! a space, `/` or `>`. Where the tokenizer would do something this scan
//! does not model (a `<!--` inside a script, `<plaintext>`), the rest of
//! the page is copied unchanged. Known gap: inside MathML, a
//! `<![CDATA[...]]>` section is text to the tokenizer but markup to this
//! scan (as it is outside foreign content), so tags written in it lose
//! their unread attributes and scripts their content. Text on both sides
//! of a tag the tree builder ignores (a stray end tag) becomes one text
//! node, so whitespace collapsed next to that tag is collapsed inside the
//! node's text: only readers that keep inner whitespace see it.

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

/// Elements whose text keeps its whitespace as written (`<pre>`, and
/// `<listing>`, which the tree builder treats as one): from the first of
/// them on, whitespace is not collapsed.
const KEEPING_WHITESPACE: &[&[u8]] = &[b"listing", b"pre"];

/// The `type` of a JSON-LD script: its content is kept.
const JSON_LD_TYPE: &[u8] = b"application/ld+json";

/// An emptied comment: comments stay in place (they separate text nodes)
/// but lose their text.
const EMPTY_COMMENT: &str = "<!---->";

/// Attributes kept on every element: those a stage reads, and those
/// html5ever's tree builder looks at (so the tree is built as from the
/// whole page). Every other attribute is dropped, except on the elements
/// of [`ELEMENTS_KEEPING_ALL`] and the pairs of [`KEPT_ON_ELEMENT`]. A
/// test in this module finds every attribute the stages read by name
/// (`dom::attr`, `dom::plain_attrs`) and checks it is kept.
/// Lowercase, sorted by length then alphabetically (a lookup compares
/// only the names of the length asked).
pub const KEPT_ATTRIBUTES: &[&str] = &[
    // class names and ids: blocks, classify, metadata.
    "id",
    // metadata: `rel=author` links, `<link rel=canonical>`.
    "rel",
    // tree builder: form association.
    "form",
    // metadata: the page's language.
    "lang",
    // metadata: `<meta name>`.
    "name",
    // metadata: JSON-LD scripts; tree builder: `<input type=hidden>`.
    "type",
    // class names: blocks, classify, metadata.
    "class",
    // blocks: inline styles that hide an element.
    "style",
    // metadata: machine-readable dates (`<abbr title="2019-11-19">`).
    "title",
    // blocks and metadata: hidden elements.
    "hidden",
    // tree builder: a `<meta charset>` is an encoding indicator.
    "charset",
    // metadata: `<meta content>`, microdata, machine-readable dates.
    "content",
    // metadata: `<time pubdate>`.
    "pubdate",
    // metadata: `<time datetime>`, microdata, machine-readable dates.
    "datetime",
    // tree builder: MathML annotation-xml integration points.
    "encoding",
    // classify (articleBody) and metadata (microdata, meta keys).
    "itemprop",
    // metadata: `<meta property>` (Open Graph).
    "property",
    // metadata: the page's language.
    "xml:lang",
    // metadata: `<meta http-equiv>`; tree builder: encoding indicator.
    "http-equiv",
    // blocks: hidden elements.
    "aria-hidden",
    // tree builder: declarative shadow roots.
    "shadowrootmode",
];

/// Attributes kept only on one element, as (element, attribute): link
/// targets are many and long, and only `<link rel=canonical href>` (and
/// `image_src`) is read.
pub const KEPT_ON_ELEMENT: &[(&str, &str)] = &[("link", "href")];

/// Elements that keep all their attributes: html5ever's formatting
/// elements, whose attributes the tree builder compares (three identical
/// open formatting elements drop the earliest from the list it
/// reconstructs). `a` is not among them: a new `<a>` closes the open one,
/// so two are never compared. Lowercase, sorted by length then
/// alphabetically.
pub const ELEMENTS_KEEPING_ALL: &[&str] = &[
    "b", "i", "s", "u", "em", "tt", "big", "code", "font", "nobr", "small", "strike", "strong",
];

/// True if the pre-pass keeps attribute `attribute` on element `element`
/// (both as the tokenizer names them: ASCII lowercase).
pub fn keeps(element: &str, attribute: &str) -> bool {
    ElementRule::of(element.as_bytes()).keeps(attribute.as_bytes())
}

/// Which attributes one element keeps.
#[derive(Clone, Copy)]
enum ElementRule {
    /// All of them ([`ELEMENTS_KEEPING_ALL`]).
    All,
    /// Those of [`KEPT_ATTRIBUTES`], and these of [`KEPT_ON_ELEMENT`].
    Listed(&'static [(&'static str, &'static str)]),
}

impl ElementRule {
    /// The rule of element `name` (as written in the page: any ASCII case).
    fn of(name: &[u8]) -> Self {
        if listed(&KEEPING_ALL_PACKED, name) {
            return ElementRule::All;
        }
        let own = KEPT_ON_ELEMENT
            .iter()
            .position(|(el, _)| el.as_bytes().eq_ignore_ascii_case(name))
            .and_then(|i| KEPT_ON_ELEMENT.get(i..=i))
            .unwrap_or_default();
        ElementRule::Listed(own)
    }

    /// True if attribute `name` (any ASCII case) is kept.
    fn keeps(self, name: &[u8]) -> bool {
        match self {
            ElementRule::All => true,
            ElementRule::Listed(own) => {
                listed(&KEPT_PACKED, name)
                    || own
                        .iter()
                        .any(|(_, at)| at.as_bytes().eq_ignore_ascii_case(name))
            }
        }
    }
}

/// A name in ASCII lowercase as one integer: a marker bit, then its bytes
/// (big-endian), so names compare in one instruction and integers sort
/// as the lists do (by length, then alphabetically). Names longer than
/// [`MAX_PACKED`] bytes are None: none is kept.
const fn packed(name: &[u8]) -> Option<u128> {
    if name.len() > MAX_PACKED {
        return None;
    }
    let mut value = 1u128;
    let mut rest = name;
    while let [first, tail @ ..] = rest {
        value = (value << 8) | first.to_ascii_lowercase() as u128;
        rest = tail;
    }
    Some(value)
}

/// Longest name [`packed`] packs: 15 bytes and the marker fill 121 bits.
const MAX_PACKED: usize = 15;

/// The names of `list`, packed (0 for a name too long to pack).
const fn packed_list<const N: usize>(list: &[&str]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N && i < list.len() {
        out[i] = match packed(list[i].as_bytes()) {
            Some(value) => value,
            None => 0,
        };
        i += 1;
    }
    out
}

const KEPT_PACKED: [u128; KEPT_ATTRIBUTES.len()] = packed_list(KEPT_ATTRIBUTES);
const KEEPING_ALL_PACKED: [u128; ELEMENTS_KEEPING_ALL.len()] = packed_list(ELEMENTS_KEEPING_ALL);

/// True if `name` (any ASCII case) is among the `packed` names (sorted).
fn listed(packed_names: &[u128], name: &[u8]) -> bool {
    packed(name).is_some_and(|key| packed_names.binary_search(&key).is_ok())
}

/// A byte range of the page.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Span {
    start: usize,
    end: usize,
}

/// The page as it is rewritten: everything is kept, from `kept_from` on,
/// until a part is cut or replaced (which copies what was kept before it).
/// Every cut falls on an ASCII byte, so the pieces are whole characters.
struct Rewrite<'a> {
    html: &'a str,
    out: String,
    kept_from: usize,
}

impl<'a> Rewrite<'a> {
    fn new(html: &'a str) -> Self {
        Rewrite {
            html,
            out: String::with_capacity(html.len()),
            kept_from: 0,
        }
    }

    /// Replaces `from..to` (at or after everything cut so far) by `with`.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        self.keep_until(from);
        self.out.push_str(with);
        self.kept_from = to;
    }

    fn cut(&mut self, from: usize, to: usize) {
        self.replace(from, to, "");
    }

    fn keep_until(&mut self, to: usize) {
        if let Some(kept) = self.html.get(self.kept_from..to) {
            self.out.push_str(kept);
        }
    }

    fn finish(mut self) -> String {
        self.keep_until(self.html.len());
        self.out
    }
}

/// The page without the content of scripts, styles, SVGs and comments, and
/// without the attributes no stage reads.
pub fn strip_inert(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut page = Rewrite::new(html);
    let mut dropped = Vec::new();
    let mut pos = 0;
    // Where the text before the next markup starts, and whether its
    // whitespace may still be collapsed.
    let mut text_from = 0;
    let mut collapse = true;
    while let Some(offset) = memchr(b'<', bytes.get(pos..).unwrap_or_default()) {
        let lt = pos + offset;
        let markup = markup_at(bytes, lt, Some(&mut dropped));
        if matches!(markup, Markup::Text) {
            pos = lt + 1;
            continue;
        }
        if collapse {
            collapse_edges(&mut page, bytes, text_from, lt);
        }
        pos = match markup {
            Markup::Text => lt + 1,
            Markup::Comment { end } => {
                page.replace(lt, end, EMPTY_COMMENT);
                end
            }
            Markup::Declaration { end } | Markup::EndTag { end } => end,
            Markup::StartTag(tag) => {
                collapse &= !tag.is_any(bytes, KEEPING_WHITESPACE);
                let content = after_start_tag(bytes, &tag);
                if !matches!(content, Content::Unmodelled) {
                    cut_attributes(&mut page, bytes, &dropped);
                }
                match content {
                    Content::Markup => tag.end,
                    Content::Keep { end } => end,
                    Content::Drop { end } => {
                        page.cut(tag.end, end);
                        end
                    }
                    Content::Unmodelled => bytes.len(),
                }
            }
        };
        text_from = pos;
    }
    page.finish()
}

/// Collapses the whitespace at the edges of the text `from..to` (between
/// two pieces of markup) to one space each: all of it if the text is only
/// whitespace. Whitespace inside the text is left as it is. Whitespace is
/// the tokenizer's (ASCII: space, tab, line feed, form feed, return).
fn collapse_edges(page: &mut Rewrite<'_>, bytes: &[u8], from: usize, to: usize) {
    let text = bytes.get(from..to).unwrap_or_default();
    let lead = text.iter().take_while(|b| b.is_ascii_whitespace()).count();
    if lead == text.len() {
        collapse_run(page, bytes, from, to);
        return;
    }
    let trail = text
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    collapse_run(page, bytes, from, from + lead);
    collapse_run(page, bytes, to - trail, to);
}

/// Replaces the whitespace run `from..to` by one space (if it is not one
/// space, or nothing, already).
fn collapse_run(page: &mut Rewrite<'_>, bytes: &[u8], from: usize, to: usize) {
    if to > from && bytes.get(from..to) != Some(b" ") {
        page.replace(from, to, " ");
    }
}

/// Cuts the `dropped` attributes of a tag, each with the whitespace before
/// it (which the tokenizer would read a character at a time). A space is
/// left where the cut would join what is on its two sides: after a `/`
/// (which would read as the `/>` of a self-closing tag) and before an
/// attribute written right after a quoted value (`a="1"b`), which would
/// join the tag name or the attribute before.
fn cut_attributes(page: &mut Rewrite<'_>, bytes: &[u8], dropped: &[Span]) {
    for span in dropped {
        let before = bytes.get(..span.start).unwrap_or_default();
        let spaces = before
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let from = span.start - spaces;
        let after_slash = from.checked_sub(1).and_then(|i| bytes.get(i)) == Some(&b'/');
        let joins_next = bytes
            .get(span.end)
            .is_some_and(|&b| !b.is_ascii_whitespace() && b != b'>' && b != b'/');
        let space = if after_slash || joins_next { " " } else { "" };
        page.replace(from, span.end, space);
    }
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

/// A start tag: where its name is, where it ends (just past `>`), whether
/// it closes itself (`/>`) and whether it declares JSON-LD.
struct StartTag {
    name: Span,
    end: usize,
    self_closing: bool,
    json_ld: bool,
}

impl StartTag {
    /// True if the tag's name is `name` (lowercase), in any ASCII case.
    fn is(&self, bytes: &[u8], name: &[u8]) -> bool {
        bytes
            .get(self.name.start..self.name.end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }

    fn is_any(&self, bytes: &[u8], names: &[&[u8]]) -> bool {
        names.iter().any(|name| self.is(bytes, name))
    }
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

/// The markup starting at the `<` at `lt`. For a start tag, `dropped`
/// (if given) receives the spans of the attributes to drop, in order (it
/// is cleared first).
fn markup_at(bytes: &[u8], lt: usize, mut dropped: Option<&mut Vec<Span>>) -> Markup {
    let rest = bytes.get(lt..).unwrap_or_default();
    match rest.get(1) {
        Some(b'!') if rest.starts_with(b"<!--") => Markup::Comment {
            end: comment_end(bytes, lt + 4),
        },
        Some(b'!' | b'?') => Markup::Declaration {
            end: after_gt(bytes, lt + 2),
        },
        Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let name = tag_name(bytes, lt + 2);
            Markup::EndTag {
                end: scan_attributes(bytes, name.end, |_| {}).end,
            }
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let name = tag_name(bytes, lt + 1);
            let element = bytes.get(name.start..name.end).unwrap_or_default();
            let mut rule = None;
            let mut json_ld = false;
            if let Some(dropped) = dropped.as_mut() {
                dropped.clear();
            }
            let attrs = scan_attributes(bytes, name.end, |attribute| {
                let name = attribute.name(bytes);
                json_ld |= name.eq_ignore_ascii_case(b"type")
                    && attribute
                        .value(bytes)
                        .trim_ascii()
                        .eq_ignore_ascii_case(JSON_LD_TYPE);
                if let Some(dropped) = dropped.as_mut()
                    && !rule
                        .get_or_insert_with(|| ElementRule::of(element))
                        .keeps(name)
                {
                    dropped.push(attribute.whole);
                }
            });
            Markup::StartTag(StartTag {
                name,
                end: attrs.end,
                self_closing: attrs.self_closing,
                json_ld,
            })
        }
        _ => Markup::Text,
    }
}

fn after_start_tag(bytes: &[u8], tag: &StartTag) -> Content {
    if tag.is(bytes, b"plaintext") {
        return Content::Unmodelled;
    }
    if tag.is(bytes, b"svg") {
        if tag.self_closing {
            return Content::Markup;
        }
        return match svg_end(bytes, tag.end) {
            Some(end) => Content::Drop { end },
            None => Content::Unmodelled,
        };
    }
    let emptied = tag.is_any(bytes, EMPTIED);
    if !emptied && !tag.is_any(bytes, TEXT_ONLY) {
        return Content::Markup;
    }
    let name = bytes.get(tag.name.start..tag.name.end).unwrap_or_default();
    let end = raw_text_end(bytes, tag.end, name);
    let content = bytes.get(tag.end..end).unwrap_or_default();
    let script = tag.is(bytes, b"script");
    if script && may_double_escape(content) {
        return Content::Unmodelled;
    }
    if emptied && !(script && tag.json_ld) {
        Content::Drop { end }
    } else {
        Content::Keep { end }
    }
}

/// A set of bytes, as a table indexed by byte.
type ByteSet = [bool; 256];

const fn byte_set(members: &[u8]) -> ByteSet {
    let mut set = [false; 256];
    let mut rest = members;
    while let [first, tail @ ..] = rest {
        set[*first as usize] = true;
        rest = tail;
    }
    set
}

/// ASCII whitespace as `u8::is_ascii_whitespace` has it (the tokenizer's,
/// with the carriage return it turns into a line feed).
const SPACES: &[u8] = b"\t\n\x0C\r ";

/// What ends a tag name: a space, `/` or `>`.
const TAG_NAME_END: ByteSet = byte_set(b"\t\n\x0C\r />");
/// What ends an attribute name: a space, `/`, `>` or `=`.
const ATTRIBUTE_NAME_END: ByteSet = byte_set(b"\t\n\x0C\r />=");
/// What ends an unquoted attribute value: a space or `>`.
const UNQUOTED_VALUE_END: ByteSet = byte_set(b"\t\n\x0C\r >");
const NOT_SPACE: ByteSet = not(byte_set(SPACES));

const fn not(set: ByteSet) -> ByteSet {
    let mut out = [false; 256];
    let mut i = 0;
    while i < 256 {
        out[i] = !set[i];
        i += 1;
    }
    out
}

/// The first position at or after `from` whose byte is in `set`, or the
/// end of the page.
fn find_in(bytes: &[u8], from: usize, set: &ByteSet) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&c| set[usize::from(c)]))
        .map_or(bytes.len(), |i| from + i)
}

/// Where the tag name starting at `from` is: up to a space, `/` or `>`.
fn tag_name(bytes: &[u8], from: usize) -> Span {
    Span {
        start: from,
        end: find_in(bytes, from, &TAG_NAME_END),
    }
}

/// Where a tag's attributes end.
struct Attributes {
    /// Just past the closing `>` (or the end of the page).
    end: usize,
    self_closing: bool,
}

/// One attribute as the tokenizer delimits it.
struct Attribute {
    name: Span,
    /// The value without its quotes (empty, at the name's end, if none).
    value: Span,
    /// From the name to the end of the value, its closing quote included.
    whole: Span,
}

impl Attribute {
    fn name<'b>(&self, bytes: &'b [u8]) -> &'b [u8] {
        bytes
            .get(self.name.start..self.name.end)
            .unwrap_or_default()
    }

    fn value<'b>(&self, bytes: &'b [u8]) -> &'b [u8] {
        bytes
            .get(self.value.start..self.value.end)
            .unwrap_or_default()
    }
}

/// Scans attributes as the tokenizer does (names up to `=`, space, `/` or
/// `>`, the first character included whatever it is; values quoted with
/// `"` or `'`, or unquoted up to a space or `>`), calling `on_attribute`
/// on each.
fn scan_attributes(
    bytes: &[u8],
    from: usize,
    mut on_attribute: impl FnMut(&Attribute),
) -> Attributes {
    let mut pos = from;
    let mut self_closing = false;
    loop {
        pos = find_in(bytes, pos, &NOT_SPACE);
        match bytes.get(pos) {
            None => {
                return Attributes {
                    end: bytes.len(),
                    self_closing: false,
                };
            }
            Some(b'>') => {
                return Attributes {
                    end: pos + 1,
                    self_closing,
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
        // The first character may be '=' (part of the name).
        pos = find_in(bytes, pos + 1, &ATTRIBUTE_NAME_END);
        let name = Span {
            start: name_start,
            end: pos,
        };
        let after = find_in(bytes, pos, &NOT_SPACE);
        let (value, end) = if bytes.get(after) == Some(&b'=') {
            attribute_value(bytes, after + 1)
        } else {
            (
                Span {
                    start: pos,
                    end: pos,
                },
                pos,
            )
        };
        on_attribute(&Attribute {
            name,
            value,
            whole: Span {
                start: name_start,
                end,
            },
        });
        pos = end;
    }
}

/// The value starting after the `=` at `from` (spaces skipped), and where
/// the attribute ends: past the closing quote, or at the space or `>`
/// after an unquoted value (at the end of the page if it never ends).
fn attribute_value(bytes: &[u8], from: usize) -> (Span, usize) {
    let pos = find_in(bytes, from, &NOT_SPACE);
    match bytes.get(pos) {
        Some(&quote @ (b'"' | b'\'')) => {
            let start = pos + 1;
            let rest = bytes.get(start..).unwrap_or_default();
            match memchr(quote, rest) {
                Some(i) => (
                    Span {
                        start,
                        end: start + i,
                    },
                    start + i + 1,
                ),
                None => (
                    Span {
                        start,
                        end: bytes.len(),
                    },
                    bytes.len(),
                ),
            }
        }
        _ => {
            let end = find_in(bytes, pos, &UNQUOTED_VALUE_END);
            (Span { start: pos, end }, end)
        }
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
        pos = match markup_at(bytes, lt, None) {
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
                if tag.is(bytes, b"svg") && !tag.self_closing {
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
            "<p>a</p><script></script><style></style><svg></svg><p>b</p>"
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
        let html = r#"<div title="<script>"><title>a <script> b</title><p>kept</p></div>"#;
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

    #[test]
    fn whitespace_next_to_markup_becomes_one_space() {
        assert_eq!(
            strip_inert("<div>\n  <p>\n    One\n two\t</p>\r\n</div> <b>x</b>"),
            "<div> <p> One\n two </p> </div> <b>x</b>"
        );
        // A `<` that opens no markup is text: the run before it stays.
        assert_eq!(strip_inert("<p>1 \n < 2</p>"), "<p>1 \n < 2</p>");
    }

    #[test]
    fn whitespace_is_kept_as_written_from_the_first_pre_on() {
        assert_eq!(
            strip_inert("<p>\n a</p>\n<PRE>\n  x <b>y</b>\n</pre>\n<p>\n b</p>"),
            "<p> a</p> <PRE>\n  x <b>y</b>\n</pre>\n<p>\n b</p>"
        );
    }

    /// Blocks, which collapse whitespace, read the same text from an
    /// indented page with and without the pre-pass.
    #[test]
    fn collapsed_whitespace_leaves_the_blocks_unchanged() {
        let html = "<html>\n <head>\n  <title> T </title>\n </head>\n <body>\n\
                    <div>\n  <p>\n   One <a>two</a>\n   <b>three</b> four.\n  </p>\n\
                    <ul>\n   <li> x </li>\n   <li>y\n</li>\n  </ul>\n\
                    <table>\n <tr>\n  <td> a </td>\n  <td>b</td>\n </tr>\n</table>\n\
                    </div>\n </body>\n</html>\n";
        let blocks = |h: &str| -> Vec<String> {
            crate::blocks::from_html(&scraper::Html::parse_document(h))
                .blocks
                .into_iter()
                .map(|b| b.text)
                .collect()
        };
        assert_ne!(strip_inert(html), html);
        assert_eq!(blocks(&strip_inert(html)), blocks(html));
    }

    #[test]
    fn unread_attributes_are_dropped_and_read_ones_kept() {
        assert_eq!(
            strip_inert(
                r#"<a href="/x" data-id=3 class=c onclick="f()" title='t'>x</a><img src=a.png alt=A>"#
            ),
            r#"<a class=c title='t'>x</a><img>"#
        );
        // Names in any case; the hidden markers blocks reads stay.
        assert_eq!(
            strip_inert("<P CLASS=a DATA-X=1 Hidden ARIA-HIDDEN=true STYLE='display:none'>"),
            "<P CLASS=a Hidden ARIA-HIDDEN=true STYLE='display:none'>"
        );
    }

    #[test]
    fn some_elements_keep_more_attributes() {
        // Only `<link>` keeps its target: the canonical URL is read there.
        assert_eq!(
            strip_inert("<link rel=canonical href=/a><a rel=author href=/b>"),
            "<link rel=canonical href=/a><a rel=author>"
        );
        // Formatting elements keep all: the tree builder compares them.
        let html = "<b data-x=1><font color=red face=x size=2><i onclick=f()>";
        assert_eq!(strip_inert(html), html);
    }

    #[test]
    fn quoted_values_hide_their_markup_and_other_quotes() {
        assert_eq!(
            strip_inert(r#"<p data-x='a>b"c' class="k>"><q data-y="it's">t</q>"#),
            r#"<p class="k>"><q>t</q>"#
        );
        // A quoted value runs on past the end of the line.
        assert_eq!(strip_inert("<p data-x=\"a\n<b>\" id=i>x"), "<p id=i>x");
        // Attributes need no space between them after a quote.
        assert_eq!(strip_inert(r#"<p data-x="1"id="i">"#), r#"<p id="i">"#);
        assert_eq!(
            strip_inert(r#"<p id="i"data-x="1"class=c>"#),
            r#"<p id="i" class=c>"#
        );
    }

    #[test]
    fn malformed_tags_are_cut_as_the_tokenizer_reads_them() {
        // `/` then a name is an attribute; the space left keeps `/` from
        // reading as the `/>` of a self-closing tag.
        assert_eq!(strip_inert("<p/data-x=1>a"), "<p/ >a");
        assert_eq!(strip_inert("<p/data-x>a"), "<p/ >a");
        // An unquoted value takes the `/` in: this tag does not close itself.
        assert_eq!(strip_inert("<br data-x=1/>"), "<br>");
        assert_eq!(strip_inert("<br data-x/>"), "<br/>");
        // Unquoted values end at a space or `>` only.
        assert_eq!(strip_inert("<p data-x=a'b\"c id=i>"), "<p id=i>");
        // A name may start with `=` and hold quotes; no value is no value.
        assert_eq!(strip_inert(r#"<p ="x" a"b id>"#), r#"<p id>"#);
        // Spaces around `=`.
        assert_eq!(strip_inert("<p data-x = 'v' id = i>"), "<p id = i>");
        // Attributes of end tags are ignored by the tokenizer: left as is.
        assert_eq!(strip_inert("</p data-x=1>"), "</p data-x=1>");
    }

    #[test]
    fn unterminated_tags_stay_unterminated() {
        assert_eq!(strip_inert("a<p data-x=\"never closed"), "a<p");
        assert_eq!(strip_inert("a<p data-x='never"), "a<p");
        assert_eq!(strip_inert("a<p data-x=never"), "a<p");
        assert_eq!(strip_inert("a<p id=i data-x"), "a<p id=i");
        assert_eq!(strip_inert("a<p data-x="), "a<p");
        assert_eq!(strip_inert("a<p"), "a<p");
        assert_eq!(strip_inert("a<p class='x"), "a<p class='x");
    }

    #[test]
    fn multibyte_text_around_cut_attributes_survives() {
        assert_eq!(
            strip_inert("<p data-é='ü' title=é€>😀</p><p\u{a0}data-x=1>"),
            "<p title=é€>😀</p><p\u{a0}data-x=1>"
        );
    }

    /// The tree of a page with and without the pre-pass has the same
    /// elements, text and kept attributes, on shapes where the tokenizer
    /// or the tree builder could tell a difference.
    #[test]
    fn the_parsed_tree_is_unchanged_but_for_dropped_attributes() {
        let pages = [
            "<div data-x='<p>' class=a><p/data-y>one<p id=i>two</div>",
            "<table><tr><td data-x=1>a<input type=hidden data-y><input type=text></td></tr></table>",
            "<p><b data-x=1>1<b data-x=2>2<b data-x=3>3<b data-x=4>4</p>after",
            "<p><a href=1 data-x>a<a href=2>b</a></p>",
            "<math><mi data-x=1/>x</math><p data-y=\"a\"b=c>t",
            "<html data-x=1 lang=en><body data-y class=b><body id=second>t",
            "<frameset><frame src=a></frameset>",
            "<select data-x><option value=1>One<option value=2>Two</select>",
        ];
        for page in pages {
            let whole = shape(&scraper::Html::parse_document(page), true);
            let stripped = shape(&scraper::Html::parse_document(&strip_inert(page)), false);
            assert_eq!(stripped, whole, "{page}");
        }
    }

    /// Each node of a document: element names with the attributes the
    /// pre-pass keeps on them (all, for the stripped page, which must hold
    /// no other), text as it is.
    fn shape(doc: &scraper::Html, filter: bool) -> Vec<String> {
        doc.tree
            .nodes()
            .map(|node| match node.value() {
                scraper::Node::Element(el) => {
                    let attrs: Vec<String> = el
                        .attrs()
                        .filter(|(name, _)| !filter || keeps(el.name(), name))
                        .map(|(name, value)| format!("{name}={value}"))
                        .collect();
                    format!("<{} {}>", el.name(), attrs.join(" "))
                }
                scraper::Node::Text(text) => text.to_string(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn keep_lists_are_lowercase_and_sorted_by_length() {
        for list in [KEPT_ATTRIBUTES, ELEMENTS_KEEPING_ALL] {
            assert!(list.windows(2).all(|w| {
                let (a, b) = (w.first().unwrap(), w.get(1).unwrap());
                (a.len(), a) < (b.len(), b)
            }));
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
            assert!(list.iter().all(|w| w.len() <= MAX_PACKED));
        }
        assert!(keeps("div", "class") && keeps("link", "href") && keeps("b", "data-x"));
        assert!(!keeps("a", "href") && !keeps("div", "data-x") && !keeps("div", "clas"));
    }

    /// Every attribute a stage reads by name (`dom::attr(el, "name")`, the
    /// names listed for `dom::attr(el, a)`, the names matched on
    /// `dom::plain_attrs`) must be kept by the pre-pass, or the stage would
    /// silently read nothing. Attributes kept on some elements only must be
    /// read only where this test says they are.
    #[test]
    fn every_attribute_the_stages_read_is_kept() {
        /// Attributes kept on some elements only, and the one function
        /// that reads each (on those elements).
        const SCOPED_READS: &[(&str, &str)] = &[("href", "note_link")];
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut reads = Vec::new();
        for file in rust_files(&src) {
            if file.ends_with("prepass.rs") || file.ends_with("dom.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&file).unwrap();
            reads.extend(
                attribute_reads(&code)
                    .into_iter()
                    .map(|(f, a)| (file.clone(), f, a)),
            );
        }
        assert!(reads.len() > 20, "the scan found only {reads:?}");
        for (file, function, name) in &reads {
            let scoped = SCOPED_READS.iter().find(|(a, _)| a == name);
            match scoped {
                Some((_, reader)) => assert_eq!(
                    function, reader,
                    "{name} read in {function} ({file:?}): kept on {KEPT_ON_ELEMENT:?} only"
                ),
                None => assert!(
                    KEPT_ATTRIBUTES.contains(&name.as_str()),
                    "{name} read in {function} ({file:?}) is dropped by the pre-pass: \
                     add it to KEPT_ATTRIBUTES"
                ),
            }
        }
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        files
    }

    /// (function, attribute) for each attribute named in the code's
    /// attribute reads: the string literal ending an `attr(` call, the
    /// literals of the array just before (up to three lines) an
    /// `attr(el, name)` call with a variable, and the `"name" =>` arms
    /// after `plain_attrs(`.
    fn attribute_reads(code: &str) -> Vec<(String, String)> {
        let lines: Vec<&str> = code.lines().collect();
        let mut function = String::new();
        let mut reads = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed
                .strip_prefix("fn ")
                .or_else(|| trimmed.strip_prefix("pub fn "))
            {
                function = rest
                    .split(['(', '<'])
                    .next()
                    .unwrap_or_default()
                    .to_string();
                continue;
            }
            for call in line.split("attr(").skip(1) {
                let args = call_arguments(call);
                let last = args.rsplit(',').next().unwrap_or_default().trim();
                if let Some(name) = last.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
                    reads.push((function.clone(), name.to_string()));
                } else if function != "attr" && !last.contains('"') && args.contains(',') {
                    // (A wrapper named `attr` passes its caller's name on:
                    // its calls are read as calls of `attr`.)
                    let array = (1..=3)
                        .filter_map(|back| lines.get(i.checked_sub(back)?))
                        .find(|l| l.contains("[\""));
                    let names = array.map(|l| literals(l)).unwrap_or_default();
                    assert!(!names.is_empty(), "attribute read by a variable: {line}");
                    reads.extend(names.into_iter().map(|n| (function.clone(), n)));
                }
            }
            if line.contains("plain_attrs(") {
                for arm in lines.iter().skip(i + 1).take(6) {
                    if let Some((pattern, _)) = arm.split_once("=>") {
                        reads.extend(literals(pattern).into_iter().map(|n| (function.clone(), n)));
                    }
                }
            }
        }
        reads
    }

    /// The text of a call's arguments, `call` starting just after its `(`.
    fn call_arguments(call: &str) -> &str {
        let mut depth = 0usize;
        for (i, c) in call.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => return call.get(..i).unwrap_or_default(),
                ')' => depth -= 1,
                _ => {}
            }
        }
        call
    }

    fn literals(line: &str) -> Vec<String> {
        line.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }
}
