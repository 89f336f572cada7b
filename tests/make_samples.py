#!/usr/bin/env python3
"""Validate the hand-made samples and build the generated ones.

Dev tooling only (decant never runs Python). From the repository root:

    pip install warcio
    python3 tests/make_samples.py            # validate, then (re)write generated samples
    python3 tests/make_samples.py --check    # validate only, write nothing

Hand-made (this script only checks them): samples/*.html in UTF-8 and their
samples/expected/*.json. Generated here from those pages and from the small pages
below: samples/pages.jsonl, samples/crawl.warc.gz, samples/gzipped-page.html.gz,
samples/latin1-page.html, samples/shift-jis-page.html and their expected files.

Validation of every page with an expected file (conventions in samples/README.md):
- the HTML parses with html.parser and its non-void elements are balanced;
- the page is cut into blocks (p, headings, li, table rows with cells joined by
  " | ", ...); every block of the expected text must be exactly one page block, and
  the expected blocks must come in page order;
- every must_not_contain snippet occurs in the page but not in the expected text;
- every quote occurs in the expected text, in order;
- title, site name and authors occur in the page.
"""

import gzip
import html
import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}
# Elements whose start or end closes the current text block.
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "button", "dd", "details",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "label", "li", "main", "nav", "ol", "p",
    "pre", "section", "select", "summary", "table", "tbody", "textarea", "tfoot",
    "thead", "tr", "ul", "br",
}
SKIP = {"script", "style", "noscript", "template", "svg", "head", "title"}
CELL = {"td", "th"}
SPACE = re.compile(r"[\s\u00a0\u202f]+")


def collapse(text):
    return SPACE.sub(" ", text).strip()


class Blocks(HTMLParser):
    """Cuts a page into whitespace-collapsed text blocks; checks tag balance."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = []
        self.cells = None  # list of cell texts while inside a <tr>
        self.skip_depth = 0
        self.stack = []
        self.problems = []

    def flush(self):
        text = collapse("".join(self.current))
        self.current = []
        if self.cells is not None:
            if text:
                self.cells[-1] += (" " if self.cells[-1] else "") + text
            return
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
        if tag in SKIP:
            self.skip_depth += 1
            return
        if tag == "tr":
            self.flush()
            self.cells = []
        elif tag in CELL and self.cells is not None:
            self.flush()
            self.cells.append("")
        elif tag in BLOCK:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            # html.parser never closes implied tags: an unbalanced tag is a slip.
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
                                 f" at line {self.getpos()[0]}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()
        if tag in SKIP:
            self.skip_depth -= 1
            return
        if tag == "tr" and self.cells is not None:
            self.flush()
            row = " | ".join(collapse(c) for c in self.cells)
            self.cells = None
            if collapse(row):
                self.blocks.append(row)
        elif tag in CELL and self.cells is not None:
            self.flush()
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if self.skip_depth == 0:
            self.current.append(data)

    def close(self):
        super().close()
        self.flush()
        if self.stack and self.stack != ["html"]:
            self.problems.append(f"unclosed at end: {self.stack}")


def page_blocks(markup):
    parser = Blocks()
    parser.feed(markup)
    parser.close()
    return parser.blocks, parser.problems


def check_page(name, markup, exp, min_words=None):
    """Returns a list of problems (empty when the expected answer fits the page)."""
    problems = []
    blocks, tag_problems = page_blocks(markup)
    problems += [f"{name}: {p}" for p in tag_problems]
    all_text = "\n".join(blocks)
    # Metadata may live in attributes and JSON-LD, so search the decoded raw markup too.
    raw = html.unescape(markup)
    position = 0
    text = exp["text"]
    for block in text.split("\n\n"):
        if block != collapse(block) or not block:
            problems.append(f"{name}: badly spaced block {block[:60]!r}")
        try:
            position = blocks.index(block, position) + 1
        except ValueError:
            where = "elsewhere" if block in blocks else "nowhere"
            problems.append(f"{name}: block not found in order ({where}): {block[:80]!r}")
    for snippet in exp.get("must_not_contain", []):
        if snippet not in all_text:
            problems.append(f"{name}: must_not_contain snippet not in page: {snippet!r}")
        if snippet in text:
            problems.append(f"{name}: must_not_contain snippet in text: {snippet!r}")
    start = 0
    for quote in exp.get("quotes", []):
        found = text.find(quote["text"], start)
        if found < 0:
            problems.append(f"{name}: quote not in text (in order): {quote['text'][:60]!r}")
        else:
            start = found + len(quote["text"])
    for field in ("title", "site_name"):
        if exp.get(field) and exp[field] not in raw:
            problems.append(f"{name}: {field} not in page: {exp[field]!r}")
    for author in exp.get("authors", []):
        if author not in raw:
            problems.append(f"{name}: author not in page: {author!r}")
    if exp.get("date_published") and not re.fullmatch(r"\d{4}-\d\d-\d\d", exp["date_published"]):
        problems.append(f"{name}: bad date {exp['date_published']!r}")
    words = len(text.split())
    if min_words and not min_words <= words <= 900:
        problems.append(f"{name}: {words} words, outside {min_words}..900")
    return problems


def validate_html_samples():
    problems = []
    count = 0
    for path in sorted(SAMPLES.glob("*.html")):
        if path.name in GENERATED_HTML:
            continue
        exp_path = EXPECTED / (path.stem + ".json")
        if not exp_path.exists():
            problems.append(f"{path.name}: no expected file")
            continue
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        if exp.get("source") != path.name:
            problems.append(f"{path.name}: expected source is {exp.get('source')!r}")
        problems += check_page(path.name, path.read_text(encoding="utf-8"), exp, min_words=300)
        count += 1
    return count, problems


GENERATED_HTML = {"latin1-page.html", "shift-jis-page.html"}


def main():
    check_only = "--check" in sys.argv
    count, problems = validate_html_samples()
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{count} hand-made HTML samples checked, {len(problems)} problems")
    if problems:
        sys.exit(1)
    if check_only:
        return


if __name__ == "__main__":
    main()
