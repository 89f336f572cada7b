//! Thresholds and weights of the heuristics, each with its reason.

/// A block with fewer non-link characters than this is not counted as
/// prose when scoring containers: real paragraphs are longer than menu
/// items, buttons and labels.
pub const MIN_PROSE_CHARS: usize = 25;

/// Prose has at most this share of its characters inside links; menus and
/// link lists are nearly all link text.
pub const MAX_PROSE_LINK_DENSITY: f32 = 0.4;

/// A sentence with at least this many characters outside its links is
/// prose however many links it has (news digests link half their words).
pub const MIN_LINKED_PROSE_OWN_CHARS: usize = 80;

/// A block whose share of link characters exceeds this is navigation or a
/// link list, unless it is long prose.
pub const LINK_LIST_DENSITY: f32 = 0.55;

/// Prose of at least this many characters is kept even when link-dense
/// (a paragraph made of one long quoted link still reads as text).
pub const LONG_PROSE_CHARS: usize = 400;

/// Words that make a block without final punctuation still count as prose
/// (long sentences that end in a link or a quote mark).
pub const MIN_PROSE_WORDS: usize = 12;

/// Share of a short unlinked text block (a line of dialogue, a list item,
/// a label) counted as prose when scoring containers; the rest counts as
/// junk. Short posts are made of such lines; so are footers, less so.
pub const SHORT_TEXT_WEIGHT: f32 = 0.3;

/// Share of an element's prose and junk that counts for its parent. Below
/// 1, text counts most for the element that holds it directly: an article
/// is a run of sibling paragraphs, while teaser summaries are scattered one
/// per card, deep in many small containers, and should not pull the
/// container up to the whole page.
pub const ANCESTOR_DECAY: f32 = 0.9;

/// Weight of boilerplate characters against prose characters when choosing
/// the container of the article: a container that grows to take in 100
/// characters of prose must not also take in more than 1/weight times that
/// of menus and link lists.
pub const JUNK_WEIGHT: f32 = 0.7;

/// Score factor of an element whose tag or names only say "probably not
/// the article" (`form`, `header`, `aside`, `sidebar`): some sites wrap the
/// whole article in one, so it stays a candidate, with a handicap. A
/// third: a sidebar's tweet or "about this site" blurb must not tie with a
/// short post (at a half, a 120-character tweet beat a 60-character post);
/// a live ticker whose minutes all sit in such boxes still wins (at 0.15
/// one of trafilatura-dev's did not).
pub const MARKED_CONTAINER_FACTOR: f32 = 0.3;

/// Score factor of an element whose names say which boilerplate it is
/// (comments, related links...): a comment list may hold far more prose
/// than the article, and must still not be chosen.
pub const MARKED_KIND_CONTAINER_FACTOR: f32 = 0.05;

/// Score factor of `itemprop=articleBody` and strong class names such as
/// `article-body`: publishers mean them.
pub const STRONG_POSITIVE_BONUS: f32 = 1.4;

/// Score factor of `<article>`, `<main>` and weak names like `content`.
pub const WEAK_POSITIVE_BONUS: f32 = 1.1;

/// A page whose best container holds less prose than this has no article
/// (an index, a search page, a login wall).
pub const MIN_ARTICLE_PROSE_CHARS: f32 = 120.0;

/// ...but a container whose tag or names (or its parent's, which then
/// becomes the container: a lone paragraph in `div.post`) say it holds
/// the article (`article`,
/// `entry-content`, `post`) needs only this much: a blog's
/// short post (three lines of dialogue, one joke) is still an article.
pub const MIN_NAMED_ARTICLE_PROSE_CHARS: f32 = 60.0;

/// Prose in a container's comment boxes that makes them a forum thread or
/// a live ticker when the container has no article besides (see
/// `classify::thread`): several posts, not one stray reply.
pub const MIN_THREAD_PROSE_CHARS: usize = 300;

/// Phrase rules for promos, newsletters, cookies and the like only apply to
/// blocks shorter than this: longer ones are article paragraphs that happen
/// to mention the word.
pub const MAX_PHRASE_BLOCK_CHARS: usize = 300;

/// Share, ad and related labels are short.
pub const MAX_LABEL_CHARS: usize = 80;

/// A heading-like line (a title, an image alt line, a section heading) is
/// at most this long and ends without sentence punctuation.
pub const MAX_HEADING_CHARS: usize = 90;

/// A byline or dateline at the top of a body is short.
pub const MAX_BYLINE_CHARS: usize = 120;

/// A caption or photo credit line is at most this long.
pub const MAX_CAPTION_CHARS: usize = 400;

/// The credit after a caption's `©` ("Agency | Jane Doe") is a name or
/// two, at most this long; a longer tail is a sentence that mentions the
/// sign.
pub const MAX_COPYRIGHT_CREDIT_CHARS: usize = 80;

/// A picture caption opener ("In this Dec. 12, 2006, file photo") names
/// the picture within this many characters.
pub const PHOTO_WORD_WINDOW: usize = 40;

/// An author bio is at most this long.
pub const MAX_BIO_CHARS: usize = 700;

/// The bio sentence's role word must come within this many characters of
/// the start ("Jane Doe is a senior political reporter").
pub const BIO_ROLE_WINDOW: usize = 90;

/// Share of the blocks at the end of a text dump where a bio sentence may
/// stand without an "About the writer" heading.
pub const TAIL_SHARE: f32 = 0.3;

/// The container's ancestors are examined for more of the article up to
/// this many levels that add something (levels that only wrap the one
/// below do not count).
pub const MAX_WIDEN_STEPS: usize = 6;

/// ...and never more than this many levels in all: page builders
/// (Elementor, Gutenberg columns) nest a paragraph a dozen wrappers deep;
/// the bound keeps the walk's cost small on pathological nesting.
pub const MAX_WIDEN_LEVELS: usize = 32;

/// Container candidates tried, best first, passing over those that are a
/// site's notice (a cookie banner outscoring a three-line post).
pub const MAX_CONTAINER_CANDIDATES: usize = 8;

/// The headline above a standfirst is at most this many blocks before the
/// article body's first block (a date, a byline, a share row of a dozen
/// links may stand between); an `h1` further up is the site's name or a
/// teaser's, not the article's headline.
pub const MAX_LEAD_GAP_BLOCKS: usize = 30;

/// A page whose body holds at least this many teasers (a summary right
/// under a linked title), and fewer other paragraphs, is an index or a
/// search page. Articles link a heading or two, not five in a row; a
/// result page lists ten, a front page's section five or more (a blog
/// post closing on four "latest posts" cards keeps its text).
pub const MIN_INDEX_TEASERS: usize = 5;

/// A teaser's summary is a sentence or two, at most this long; a list of
/// longer excerpts (a blog's front page, a press-release feed) is read as
/// content by both benchmarks, so it is not taken back.
pub const MAX_TEASER_CHARS: usize = 200;

/// A teaser's title is nearly all link text.
pub const TEASER_TITLE_LINK_DENSITY: f32 = 0.8;

/// An ancestor adding no prose and at most this much boilerplate (a
/// byline, a share row) is passed through when looking further up.
pub const MAX_PASSED_JUNK_CHARS: f32 = 200.0;

/// A parent is taken in only for at least this much more prose.
pub const MIN_SIBLING_PROSE_CHARS: f32 = 50.0;

/// ...and only if what it adds besides prose (menus, link lists, marked
/// boxes) is at most this share of the prose it adds: teaser cards, with a
/// linked title over each summary, stay out.
pub const MAX_SIBLING_JUNK_RATIO: f32 = 0.25;

/// An element marked as boilerplate by its names that holds more than this
/// share of the page's prose and the `h1` is a page wrapper with an unlucky
/// class name, not a boilerplate box. (A long footer blurb may outweigh a
/// short article, but it does not hold the headline.)
pub const MAX_MARKED_PROSE_SHARE: f32 = 0.5;

/// ...and one that holds more than this share is a wrapper even without
/// an `h1`.
pub const WRAPPER_PROSE_SHARE: f32 = 0.8;

/// A recipe's ingredient list has at least this many lines of a quantity
/// and a unit ("125 g Mehl"); two such lines are a fact box or a price.
pub const MIN_INGREDIENT_LINES: usize = 3;

/// An ingredient line is short: a quantity, a unit, a name and a note.
pub const MAX_INGREDIENT_LINE_CHARS: usize = 80;

/// The ingredient list of a recipe whose steps are the container sits in
/// a box beside them, at most this many levels above the steps (the
/// recipe's own box, under a few layout wrappers).
pub const MAX_RECIPE_WIDEN_LEVELS: usize = 8;

/// A block with at least this many words spelt in Latin and Cyrillic
/// letters at once ("Аdvеrtіѕе" with a Cyrillic А, е, і, ѕ) is an
/// advertisement disguised from filters: no language writes words so,
/// and one such word may be a typo.
pub const MIN_MIXED_SCRIPT_WORDS: usize = 3;
