//! Pages as ordered text blocks with features; HTML and plain text meet here.
//!
//! HTML is walked once, iteratively (an explicit stack, so nesting depth is
//! bounded by memory, not by the call stack). Block elements (`p`, `div`,
//! `li`, headings...) end the text gathered so far; inline elements (`a`,
//! `b`, `span`...) never split words; `<br>` is a line break inside a block.
//! Elements that never hold visible article text (scripts, styles, forms
//! controls, hidden elements) are skipped with their subtree. Elements that
//! usually hold boilerplate (`nav`, `aside`, `footer`, class `share-bar`...)
//! are not dropped here: they *mark* the blocks inside, and the classifier
//! decides, knowing where the article container is (some sites wrap the
//! whole article in a `<form>` or a `<header>`).
//!
//! Plain-text dumps become one block per non-empty line, with the index of
//! their blank-line-separated paragraph and the line's layout
//! ([`LineShape`]: indentation, and whether blank lines set it apart).

use std::cell::{OnceCell, RefCell};

use ego_tree::iter::Edge;
use html5ever::{LocalName, local_name, ns};
use scraper::{Html, Node, node::Element};

use crate::chars::{whitespace_len, word_len};
use crate::classify::Kind;
use crate::classify::names::{self, ElementNames};
use crate::dom;
use crate::rules::contains_word;
use crate::rules::text_dump::TAB_WIDTH;
use crate::rules::thresholds::{
    ANCESTOR_DECAY, MAX_MARKED_PROSE_SHARE, MAX_PROSE_LINK_DENSITY, MIN_LINKED_PROSE_OWN_CHARS,
    MIN_PROSE_CHARS, MIN_PROSE_WORDS, SHORT_TEXT_WEIGHT, WRAPPER_PROSE_SHARE,
};
use crate::rules::tokens::EMBEDDED_POST_CLASSES;

/// What element a block's text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// `h1`..`h6`, with its level.
    Heading(u8),
    Paragraph,
    /// `li`, `dt`, `dd`.
    ListItem,
    Quote,
    Pre,
    /// A table row (`tr`): its cells (`td`, `th`) joined by
    /// [`CELL_SEPARATOR`].
    Cell,
    /// `figcaption`, table `caption`.
    Caption,
    /// Text directly in a `div`, `section` or other block element.
    Other,
    /// A line of a plain-text dump.
    Line,
}

/// One block of text with the features the classifier uses.
#[derive(Clone, Debug)]
pub struct Block {
    /// Whitespace-collapsed text; lines of `<br>` separated by `\n`.
    pub text: String,
    pub tag: Tag,
    /// Characters of the text (Unicode scalar values).
    pub chars: usize,
    /// Characters of the text that are inside links.
    pub link_chars: usize,
    /// Index in [`Page::elements`] of the innermost element holding the
    /// block (0 for text dumps).
    pub element: usize,
    /// The innermost ancestor element marked as boilerplate, with its kind.
    pub mark: Option<(usize, Kind)>,
    /// Blocks with the same group belong together: the same blank-line
    /// separated paragraph of a text dump, or the same marked element.
    pub group: usize,
    /// A text-dump line starting with a bullet (`•`, `-`, `*`).
    pub bullet: bool,
    /// The text lowercased, made on first use ([`Block::lower`]).
    pub lower: OnceCell<String>,
    /// What the block's words say it is, read on first use
    /// ([`crate::classify::phrases::phrase_kind`]): the container choice
    /// and the block's own kind both ask.
    pub phrase: OnceCell<Option<Kind>>,
}

impl Block {
    /// The text lowercased (`str::to_lowercase`), made once however many
    /// rules read it.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_lowercase())
    }

    /// Share of the characters that are link text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// True if the block reads as prose: long enough, few links, sentence
    /// punctuation or many words.
    pub fn is_prose(&self) -> bool {
        let own_chars = self.own_chars();
        let sentence = ends_sentence(&self.text);
        !matches!(self.tag, Tag::Heading(_))
            && own_chars >= MIN_PROSE_CHARS
            && (self.link_density() <= MAX_PROSE_LINK_DENSITY
                || (sentence && own_chars >= MIN_LINKED_PROSE_OWN_CHARS))
            && (sentence || self.text.split_whitespace().count() >= MIN_PROSE_WORDS)
    }

    /// Characters outside links.
    pub fn own_chars(&self) -> usize {
        self.chars.saturating_sub(self.link_chars)
    }
}

/// True if the text ends like a sentence (punctuation, maybe a closing
/// quote or bracket after it; German closes its „quotes“ with `“` and `‘`).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '«' | ')' | ']'
            )
    });
    trimmed.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？'])
}

/// One element of the page, in document (pre-order) order, with the prose
/// statistics of its subtree used to choose the article container.
#[derive(Clone, Debug)]
pub struct ElementInfo {
    pub parent: Option<usize>,
    /// Index of the last element of its subtree: `i` is inside `e` iff
    /// `e < i && i <= elements[e].last`.
    pub last: usize,
    pub is_block: bool,
    /// Its own boilerplate mark, from its tag or names.
    pub mark: Option<Kind>,
    /// Its own mark or else its innermost marked ancestor's: a paragraph's
    /// parent inside a comment list is still inside the comment list.
    pub context_mark: Option<Kind>,
    /// Container bonus from tag and names (1.0 if none).
    pub bonus: f32,
    /// Prose characters in its subtree, not counting marked descendants.
    pub prose: f32,
    /// Other characters in its subtree (links, labels, marked descendants).
    pub junk: f32,
    /// Prose characters in its whole subtree, marks and depth ignored.
    pub raw_prose: f32,
    /// `h1` elements in its subtree.
    pub h1s: u32,
}

/// A page as blocks, plus the element table the blocks point into.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub blocks: Vec<Block>,
    pub elements: Vec<ElementInfo>,
    /// For a text dump, the layout of each block's line (same index as
    /// `blocks`); empty for HTML pages.
    pub lines: Vec<LineShape>,
}

/// The layout of one line of a text dump: what a layout-keeping converter
/// (inscriptis, `lynx -dump`) leaves of the page's structure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineShape {
    /// Leading columns (a tab counts [`TAB_WIDTH`]): the element's nesting.
    pub indent: usize,
    /// Blank lines (or the dump's start or end) on both sides: a paragraph
    /// of its own, as converters write `<p>`, rather than one of a run of
    /// menu items or `<br>` lines.
    pub alone: bool,
    /// Cells of a table row: runs of text set apart by two or more spaces
    /// or a tab, as converters align a table's columns (1 for prose).
    pub cells: usize,
}

impl Page {
    /// True if element `inner` is strictly inside element `outer`.
    pub fn is_inside(&self, inner: usize, outer: usize) -> bool {
        self.elements
            .get(outer)
            .is_some_and(|e| outer < inner && inner <= e.last)
    }

    /// True if element `inner` is `outer` or inside it.
    pub fn is_within(&self, inner: usize, outer: usize) -> bool {
        inner == outer || self.is_inside(inner, outer)
    }
}

/// Elements skipped with everything inside: never visible article text
/// (`rt` and `rp` are ruby readings printed above the words they gloss).
/// Sorted, for binary search.
const SKIPPED_TAGS: &[&str] = &[
    "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "input", "map", "math",
    "meter", "object", "option", "progress", "rp", "rt", "script", "select", "style", "svg",
    "template", "textarea", "video",
];

/// Elements that never split words. Every other element is a block.
/// Sorted, for binary search.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "ruby", "s", "samp",
    "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// Between the cells of one table row: a row is one block.
pub const CELL_SEPARATOR: &str = " | ";

/// Table cells: they do not end a block, they separate the row's cells.
fn is_cell(name: &str) -> bool {
    matches!(name, "td" | "th")
}

/// What an element's tag name says, from the tag lists above: read once
/// per distinct tag name and thread ([`tag_facts`]), since every page
/// repeats a few dozen tags thousands of times.
#[derive(Clone, Copy)]
struct TagFacts {
    /// In [`SKIPPED_TAGS`].
    skipped: bool,
    /// In [`INLINE_TAGS`].
    inline: bool,
    cell: bool,
    tag: Tag,
    /// Its boilerplate mark ([`names::tag_mark`]).
    mark: Option<Kind>,
    is_br: bool,
    is_link: bool,
    is_pre: bool,
    is_h1: bool,
    is_blockquote: bool,
}

impl TagFacts {
    fn of(name: &str) -> Self {
        TagFacts {
            skipped: contains_word(SKIPPED_TAGS, name),
            inline: contains_word(INLINE_TAGS, name),
            cell: is_cell(name),
            tag: tag_of(name),
            mark: names::tag_mark(name),
            is_br: name == "br",
            is_link: name == "a",
            is_pre: name == "pre",
            is_h1: name == "h1",
            is_blockquote: name == "blockquote",
        }
    }
}

/// Distinct tag names [`tag_facts`] remembers before it forgets them all
/// (a page of generated custom elements cannot grow it without bound).
const MAX_REMEMBERED_TAGS: usize = 1 << 12;

/// [`TagFacts::of`] the element's tag, looked up by its interned name.
fn tag_facts(el: &Element) -> TagFacts {
    thread_local! {
        static KNOWN: RefCell<dom::FastMap<LocalName, TagFacts>> =
            RefCell::new(dom::FastMap::default());
    }
    let local = &el.name.local;
    KNOWN.with(|known| {
        if let Some(facts) = known.borrow().get(local) {
            return *facts;
        }
        let facts = TagFacts::of(local);
        let mut known = known.borrow_mut();
        if known.len() >= MAX_REMEMBERED_TAGS {
            known.clear();
        }
        known.insert(local.clone(), facts);
        facts
    })
}

/// An embedded social post (`blockquote.twitter-tweet`): material the
/// article quotes. Its paragraphs are body whatever box holds it (a
/// `figure`, a "social embed" div); its attribution line is not.
fn is_embedded_post(el: &Element, tag: TagFacts) -> bool {
    tag.is_blockquote
        && dom::classes(el)
            .iter()
            .any(|c| contains_word(EMBEDDED_POST_CLASSES, c))
}

/// How the walk treats an element: skipped with its subtree (never
/// visible text, hidden, or an inline popup), or opened with what its
/// names say.
enum Entry {
    /// Skipped; `ends_words`: a hidden block element (a separator `div`)
    /// still separates the text around it, like any block: "5 min read"
    /// and "Feb 2, 2026" on either side of it must not be glued into one
    /// word.
    Skip {
        ends_words: bool,
    },
    Open(ElementNames),
}

fn entry(el: &Element, tag: TagFacts) -> Entry {
    if tag.skipped {
        return Entry::Skip { ends_words: false };
    }
    if is_hidden(el) {
        return Entry::Skip {
            ends_words: !tag.inline,
        };
    }
    let names = names::element_names(el);
    if is_inline_popup(tag, names) {
        return Entry::Skip { ends_words: false };
    }
    Entry::Open(names)
}

/// An inline element inside a sentence whose names say it is a popup,
/// tooltip, hover card or hidden text: the page shows it only on demand,
/// and its text would split the sentence.
fn is_inline_popup(tag: TagFacts, names: ElementNames) -> bool {
    tag.inline && names.mark == Some(Kind::Other)
}

/// True for elements the page hides from readers.
fn is_hidden(el: &Element) -> bool {
    el.attrs.iter().any(|(name, value)| {
        if name.prefix.is_some() || name.ns != ns!() {
            return false;
        }
        let local = &name.local;
        *local == local_name!("hidden")
            || (*local == local_name!("aria-hidden") && value.eq_ignore_ascii_case("true"))
            || (*local == local_name!("style") && style_hides(value))
    })
}

/// True if an inline style hides the element.
fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

fn tag_of(name: &str) -> Tag {
    match name {
        "h1" => Tag::Heading(1),
        "h2" => Tag::Heading(2),
        "h3" => Tag::Heading(3),
        "h4" => Tag::Heading(4),
        "h5" => Tag::Heading(5),
        "h6" => Tag::Heading(6),
        "p" => Tag::Paragraph,
        "li" | "dt" | "dd" => Tag::ListItem,
        "blockquote" => Tag::Quote,
        "pre" => Tag::Pre,
        "tr" | "td" | "th" => Tag::Cell,
        "figcaption" | "caption" => Tag::Caption,
        _ => Tag::Other,
    }
}

/// One open element during the walk.
struct Frame {
    element: usize,
    is_block: bool,
    is_link: bool,
    is_pre: bool,
    tag: Tag,
    /// This element pushed a mark on the mark stack.
    marked: bool,
}

/// Gathers text between block boundaries.
#[derive(Default)]
struct TextBuffer {
    text: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
    /// A table cell opened: the next text starts a new cell of the row.
    cell_pending: bool,
}

impl TextBuffer {
    /// Adds a text node's text: whitespace runs collapse to one space
    /// (none at a line's start), except inside `pre`.
    fn push(&mut self, text: &str, in_link: bool, in_pre: bool) {
        if in_pre {
            self.push_preformatted(text, in_link);
            return;
        }
        let mut rest = text;
        loop {
            let word = rest.get(whitespace_len(rest)..).unwrap_or("");
            if word.len() != rest.len() {
                self.pending_space = true;
            }
            if word.is_empty() {
                return;
            }
            let (word, after) = word.split_at_checked(word_len(word)).unwrap_or((word, ""));
            self.start_word();
            self.text.push_str(word);
            let chars = word.chars().count();
            self.chars += chars;
            if in_link {
                self.link_chars += chars;
            }
            rest = after;
        }
    }

    /// Before a word: the cell separator or the pending space.
    fn start_word(&mut self) {
        if self.cell_pending {
            self.cell_pending = false;
            if !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push_str(CELL_SEPARATOR);
                self.pending_space = false;
            }
        }
        if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.pending_space = false;
    }

    /// [`TextBuffer::push`] inside `pre`: whitespace is kept, a no-break
    /// space as a space.
    fn push_preformatted(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            self.start_word();
            if c == '\u{a0}' {
                self.text.push(' ');
            } else {
                self.text.push(c);
            }
            if !c.is_whitespace() {
                self.chars += 1;
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }

    fn line_break(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    /// Takes the gathered text, trimmed line by line; None if blank. The
    /// buffer keeps its memory for the next block.
    fn take(&mut self) -> Option<(String, usize, usize)> {
        let chars = std::mem::take(&mut self.chars);
        let link_chars = std::mem::take(&mut self.link_chars);
        self.pending_space = false;
        self.cell_pending = false;
        let text = trimmed_lines(&self.text);
        self.text.clear();
        text.map(|text| (text, chars, link_chars))
    }
}

/// The lines of `raw`, each trimmed, without blank ones; None if blank.
fn trimmed_lines(raw: &str) -> Option<String> {
    if !raw.contains('\n') {
        let line = raw.trim();
        return (!line.is_empty()).then(|| line.to_string());
    }
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The walk's state: open elements, marks, text, and the output.
struct Walker {
    page: Page,
    frames: Vec<Frame>,
    marks: Vec<(usize, Kind)>,
    buffer: TextBuffer,
    links_open: usize,
    pre_open: usize,
}

impl Walker {
    fn new() -> Self {
        Walker {
            page: Page::default(),
            frames: Vec::new(),
            marks: Vec::new(),
            buffer: TextBuffer::default(),
            links_open: 0,
            pre_open: 0,
        }
    }

    fn open(&mut self, el: &Element, tag: TagFacts, names: ElementNames) {
        if tag.is_br {
            self.buffer.line_break();
        }
        let is_block = !tag.inline;
        let cell = tag.cell;
        if cell {
            self.buffer.cell_pending = true;
        } else if is_block {
            self.flush();
        }
        let index = self.page.elements.len();
        let mark = if is_embedded_post(el, tag) {
            Some(Kind::Body)
        } else {
            tag.mark.or(names.mark)
        };
        let parent = self.frames.last().map(|f| f.element);
        let context_mark = mark.or_else(|| self.marks.last().map(|m| m.1));
        self.page.elements.push(ElementInfo {
            parent,
            last: index,
            is_block,
            mark,
            context_mark,
            bonus: if is_block { names.bonus } else { 1.0 },
            prose: 0.0,
            junk: 0.0,
            raw_prose: 0.0,
            h1s: u32::from(tag.is_h1),
        });
        if let Some(kind) = mark {
            self.marks.push((index, kind));
        }
        let is_link = tag.is_link;
        let is_pre = tag.is_pre;
        self.links_open += usize::from(is_link);
        self.pre_open += usize::from(is_pre);
        self.frames.push(Frame {
            element: index,
            is_block: is_block && !cell,
            is_link,
            is_pre,
            tag: tag.tag,
            marked: mark.is_some(),
        });
    }

    fn close(&mut self) {
        let Some(top) = self.frames.last() else {
            return;
        };
        if top.is_block {
            self.flush();
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        self.links_open -= usize::from(frame.is_link && self.links_open > 0);
        self.pre_open -= usize::from(frame.is_pre && self.pre_open > 0);
        if frame.marked {
            self.marks.pop();
        }
        self.finish_element(frame.element);
    }

    /// Records the element's subtree end and adds its statistics to its
    /// parent's; a marked element's prose counts as junk for its ancestors.
    fn finish_element(&mut self, index: usize) {
        let last = self.page.elements.len().saturating_sub(1);
        let Some(info) = self.page.elements.get_mut(index) else {
            return;
        };
        info.last = last;
        let (prose, junk, h1s, marked, parent) = (
            info.prose,
            info.junk,
            info.h1s,
            info.mark.is_some(),
            info.parent,
        );
        let raw_prose = info.raw_prose;
        if let Some(p) = parent.and_then(|p| self.page.elements.get_mut(p)) {
            p.raw_prose += raw_prose;
            if marked {
                p.junk += (prose + junk) * ANCESTOR_DECAY;
            } else {
                p.prose += prose * ANCESTOR_DECAY;
                p.junk += junk * ANCESTOR_DECAY;
            }
            p.h1s += h1s;
        }
    }

    fn text(&mut self, text: &str) {
        self.buffer
            .push(text, self.links_open > 0, self.pre_open > 0);
    }

    /// Ends the current block, attributing it to the innermost block element.
    fn flush(&mut self) {
        let Some((text, chars, link_chars)) = self.buffer.take() else {
            return;
        };
        let holder = self.frames.iter().rev().find(|f| f.is_block);
        let (element, tag) = holder.map_or((0, Tag::Other), |f| (f.element, f.tag));
        let mark = self.marks.last().copied();
        let group = mark.map_or(self.page.blocks.len() + usize::MAX / 2, |(e, _)| e);
        let block = Block {
            text,
            tag,
            chars,
            link_chars,
            element,
            mark,
            group,
            bullet: false,
            lower: OnceCell::new(),
            phrase: OnceCell::new(),
        };
        if let Some(info) = self.page.elements.get_mut(element) {
            let own = chars.saturating_sub(link_chars) as f32;
            if block.is_prose() {
                info.raw_prose += own;
                info.prose += own;
                info.junk += link_chars as f32;
            } else if matches!(tag, Tag::Heading(_)) {
                // Headings are neither prose nor boilerplate.
            } else if block.link_density() <= MAX_PROSE_LINK_DENSITY {
                info.prose += own * SHORT_TEXT_WEIGHT;
                info.junk += link_chars as f32 + own * (1.0 - SHORT_TEXT_WEIGHT);
            } else {
                info.junk += chars as f32;
            }
        }
        self.page.blocks.push(block);
    }
}

/// Turns a parsed page into blocks, in one iterative walk of the tree.
pub fn from_html(doc: &Html) -> Page {
    let mut walker = Walker::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => walker.text(text),
                    Node::Element(el) => {
                        let tag = tag_facts(el);
                        match entry(el, tag) {
                            Entry::Skip { ends_words } => {
                                if ends_words {
                                    walker.flush();
                                }
                                skipping = Some(node.id());
                            }
                            Entry::Open(names) => walker.open(el, tag, names),
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if node.value().is_element() {
                    walker.close();
                }
            }
        }
    }
    walker.flush();
    let mut page = walker.page;
    unmark_page_wrappers(&mut page);
    page
}

/// A boilerplate box never holds most of the page's prose and the
/// headline: an element marked by its names (`class="nav-open"` on a page
/// wrapper) that does loses its mark, and the inherited marks of the elements inside are
/// recomputed. One pass in document order: parents come before children.
fn unmark_page_wrappers(page: &mut Page) {
    let total = page.elements.first().map_or(0.0, |root| root.raw_prose);
    if total <= 0.0 {
        return;
    }
    for i in 0..page.elements.len() {
        let Some(e) = page.elements.get(i) else { break };
        let share = e.raw_prose / total;
        let wrapper = share > MAX_MARKED_PROSE_SHARE && (e.h1s > 0 || share > WRAPPER_PROSE_SHARE);
        let mark = e.mark.filter(|_| !wrapper);
        let inherited = e
            .parent
            .and_then(|p| page.elements.get(p))
            .and_then(|p| p.context_mark);
        if let Some(e) = page.elements.get_mut(i) {
            e.mark = mark;
            e.context_mark = mark.or(inherited);
        }
    }
}

/// Bullet characters that open list lines of text dumps (`*` and `+` are
/// inscriptis' first two list levels).
const BULLETS: &[char] = &['•', '·', '‣', '▪', '◦', '●', '-', '*', '+', '–'];

/// True if the trimmed line starts with a bullet and a space.
fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!((chars.next(), chars.next()), (Some(b), Some(s)) if BULLETS.contains(&b) && s.is_whitespace())
}

/// True if the line is a bullet with nothing after it (an empty list item
/// a converter still marked).
fn is_bare_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!((chars.next(), chars.next()), (Some(b), None) if BULLETS.contains(&b))
}

/// The cells of a trimmed line (see [`LineShape::cells`]).
fn cells_of(line: &str) -> usize {
    let mut cells = 1;
    let mut spaces = 0;
    for c in line.chars() {
        if c == '\t' || c == ' ' {
            spaces += if c == '\t' { 2 } else { 1 };
        } else {
            if spaces >= 2 {
                cells += 1;
            }
            spaces = 0;
        }
    }
    cells
}

/// Columns of leading whitespace.
fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { TAB_WIDTH } else { 1 })
        .sum()
}

/// Turns a plain-text dump into one block per non-empty line; blank lines
/// separate paragraphs (the block's `group`). Each block's layout goes to
/// [`Page::lines`].
pub fn from_text(text: &str) -> Page {
    let mut page = Page::default();
    let mut group = 0;
    let mut previous_blank = true;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        if let Some(last) = page.lines.last_mut() {
            // The line before is alone only if a blank line came after it.
            last.alone &= previous_blank;
        }
        if previous_blank && !page.blocks.is_empty() {
            group += 1;
        }
        page.lines.push(LineShape {
            indent: indent_of(raw),
            alone: previous_blank,
            cells: cells_of(line),
        });
        previous_blank = false;
        let collapsed = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let chars = collapsed.chars().filter(|c| !c.is_whitespace()).count();
        page.blocks.push(Block {
            bullet: starts_with_bullet(&collapsed) || is_bare_bullet(&collapsed),
            text: collapsed,
            tag: Tag::Line,
            chars,
            link_chars: 0,
            element: 0,
            mark: None,
            group,
            lower: OnceCell::new(),
            phrase: OnceCell::new(),
        });
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        from_html(&Html::parse_document(html))
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    /// [`TextBuffer::push`] outside `pre`, char by char: whitespace
    /// (Unicode's, no-break space included) collapses to one space.
    fn collapse_char_by_char(pieces: &[&str]) -> (String, usize) {
        let (mut text, mut chars, mut pending) = (String::new(), 0, false);
        for c in pieces.iter().flat_map(|p| p.chars()) {
            if c.is_whitespace() {
                pending = true;
                continue;
            }
            if pending && !text.is_empty() {
                text.push(' ');
            }
            pending = false;
            text.push(c);
            chars += 1;
        }
        (text, chars)
    }

    #[test]
    fn text_collapses_unicode_whitespace_as_char_is_whitespace_says() {
        let cases: &[&[&str]] = &[
            &["  a\tb\n\n c  ", "d", " e"],
            &["x\u{a0}y\u{2003}z\u{3000}é\u{85}ü\u{1680}w\u{202f}v\u{205f}u\u{2028}t"],
            &[
                "\u{1c}not\u{1f}space\u{200b}zero\u{feff}width",
                "\u{b}\u{c}vt",
            ],
            &["東京", "都 ", " déjà\u{a0}\u{a0}vu"],
            &["", "   ", "\u{a0}"],
        ];
        for pieces in cases {
            let mut buffer = TextBuffer::default();
            for piece in pieces.iter() {
                buffer.push(piece, false, false);
            }
            let (text, chars) = collapse_char_by_char(pieces);
            assert_eq!(
                (buffer.text.clone(), buffer.chars),
                (text, chars),
                "{pieces:?}"
            );
        }
    }

    #[test]
    fn tag_lists_are_sorted_for_binary_search() {
        assert!(crate::rules::is_sorted_lowercase(SKIPPED_TAGS));
        assert!(crate::rules::is_sorted_lowercase(INLINE_TAGS));
    }

    #[test]
    fn inline_elements_never_split_words() {
        assert_eq!(blocks("<p>a<b>b</b> c<a href=x>d</a></p>"), ["ab cd"]);
    }

    #[test]
    fn block_elements_always_separate() {
        assert_eq!(blocks("<div><p>a</p><p>b</p>c</div>"), ["a", "b", "c"]);
        assert_eq!(blocks("<ul><li>one</li><li>two</li></ul>"), ["one", "two"]);
    }

    #[test]
    fn a_table_row_is_one_block_with_its_cells_separated() {
        let html = "<table><tr><th>City</th><th>Rent</th></tr>\
                    <tr><td>Ashford</td><td> <b>$1,240</b> </td></tr></table><p>after</p>";
        assert_eq!(blocks(html), ["City | Rent", "Ashford | $1,240", "after"]);
    }

    #[test]
    fn br_is_a_line_break_inside_a_block() {
        assert_eq!(
            blocks("<p>first line<br>second  line</p>"),
            ["first line\nsecond line"]
        );
    }

    #[test]
    fn ruby_annotations_are_skipped() {
        // Furigana (`rt`) and their fallback brackets (`rp`) are readings
        // printed above the words, not text: kept, they split each word.
        let html = "<p><ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができて</p>";
        assert_eq!(blocks(html), ["法律ができて"]);
    }

    #[test]
    fn scripts_styles_and_hidden_elements_are_skipped() {
        let html = "<p>keep</p><script>var x;</script><style>p{}</style>\
                    <div hidden>h</div><div style='display: none'>n</div>\
                    <span aria-hidden='true'>i</span><p>also</p>";
        assert_eq!(blocks(html), ["keep", "also"]);
    }

    #[test]
    fn a_hidden_separator_div_still_separates_blocks() {
        let html = "<div><span>5 min read</span><div aria-hidden=true>·</div>\
                    <span>Feb 2, 2026</span></div>";
        assert_eq!(blocks(html), ["5 min read", "Feb 2, 2026"]);
    }

    #[test]
    fn inline_hover_cards_are_skipped() {
        let html = "<p>Rep. <span class=person><a href=/p>Jane Roe</a>\
                    <span class=hovercard>Jane Roe: latest stories</span></span> said no.</p>";
        assert_eq!(blocks(html), ["Rep. Jane Roe said no."]);
    }

    #[test]
    fn boilerplate_elements_mark_their_blocks() {
        let page = from_html(&Html::parse_document(
            "<nav><a href=/>Home</a></nav><div class='share-bar'>Share</div><p>text</p>",
        ));
        let marks: Vec<_> = page.blocks.iter().map(|b| b.mark.map(|m| m.1)).collect();
        assert_eq!(marks, [Some(Kind::Navigation), Some(Kind::Share), None]);
    }

    #[test]
    fn link_characters_are_counted() {
        let page = from_html(&Html::parse_document("<p>ab <a href=x>cd</a></p>"));
        let block = page.blocks.first().map(|b| (b.chars, b.link_chars));
        assert_eq!(block, Some((4, 2)));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 50_000;
        let html = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = Html::parse_document(&html);
        assert!(blocks_of(&doc).contains(&"deep text".to_string()));
    }

    fn blocks_of(doc: &Html) -> Vec<String> {
        from_html(doc).blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn text_dumps_become_lines_grouped_by_paragraph() {
        let page = from_text("Title\n\nfirst\n  • item\n\n\nlast");
        let got: Vec<_> = page
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.group, b.bullet))
            .collect();
        assert_eq!(
            got,
            [
                ("Title", 0, false),
                ("first", 1, false),
                ("• item", 1, true),
                ("last", 2, false)
            ]
        );
    }

    #[test]
    fn text_dump_lines_keep_their_indentation_and_isolation() {
        // inscriptis-like: a menu as a run of indented bullets, then two
        // paragraphs set apart by blank lines, then a bare bullet.
        let page = from_text("  * Home\n  * News\n\n      First para.\n\n\tSecond para.\n  *\n");
        let got: Vec<_> = page
            .lines
            .iter()
            .zip(&page.blocks)
            .map(|(l, b)| (l.indent, l.alone, b.bullet))
            .collect();
        assert_eq!(
            got,
            [
                (2, false, true),
                (2, false, true),
                (6, true, false),
                (4, false, false),
                (2, false, true)
            ]
        );
    }
}
