//! The clean body of a page: the text of the blocks classified as body,
//! in reading order, one blank line between blocks; and what was removed,
//! with its kind.

use scraper::Html;

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
pub fn from_html(doc: &Html, _config: &Config) -> Body {
    let page = blocks::from_html(doc);
    let kinds = classify::classify_html(&page);
    assemble(&page, &kinds)
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
            serde_json::from_str(&read("tests/expected/newsweek-kazakhstan.json"))
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
