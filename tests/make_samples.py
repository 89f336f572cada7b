#!/usr/bin/env python3
"""Validate the hand-made samples and build the generated ones.

Dev tooling only (decant never runs Python). From the repository root:

    pip install warcio
    python3 tests/make_samples.py            # validate, then (re)write generated samples
    python3 tests/make_samples.py --check    # validate; fail if a generated file is stale

Hand-made (this script only checks them): samples/*.html in UTF-8 and their
tests/golden/*.json. Generated here from those pages and from the small pages
below: samples/pages.jsonl, samples/crawl.warc.gz, samples/gzipped-page.html.gz,
samples/latin1-page.html, samples/shift-jis-page.html and their expected files.

Validation of every page with an expected file (conventions in tests/golden/README.md):
- the HTML parses with html.parser and its non-void elements are balanced;
- the page is cut into blocks (p, headings, li, table rows with cells joined by
  " | ", ...); every block of the expected text must be exactly one page block, and
  the expected blocks must come in page order;
- every must_not_contain snippet occurs in the page but not in the expected text;
- every quote occurs in the expected text, in order;
- title, site name and authors occur in the page;
- the WARC reads back with warcio with the intended record kinds.
The generated files are byte-for-byte reproducible (fixed record ids and dates,
gzip mtime 0), so --check can compare them with what is committed.
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
EXPECTED = Path(__file__).resolve().parent / "golden"

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
# Start tags that close an open <p> in an HTML5 parser (html5ever): a page that nests
# them in a <p> would parse differently in decant than here, so it is flagged.
CLOSES_P = {
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
    "table", "ul",
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
        if tag in CLOSES_P and "p" in self.stack:
            self.problems.append(f"<{tag}> inside an open <p> at line {self.getpos()[0]}")
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


def check_text_dump(name, dump, exp):
    """A plain-text dump: its blocks are its non-empty lines."""
    problems = []
    lines = [collapse(line) for line in dump.splitlines() if line.strip()]
    position = 0
    for block in exp["text"].split("\n\n"):
        try:
            position = lines.index(block, position) + 1
        except ValueError:
            problems.append(f"{name}: block not found in order: {block[:80]!r}")
    for snippet in exp.get("must_not_contain", []):
        if snippet not in dump:
            problems.append(f"{name}: must_not_contain snippet not in page: {snippet!r}")
        if snippet in exp["text"]:
            problems.append(f"{name}: must_not_contain snippet in text: {snippet!r}")
    start = 0
    for quote in exp.get("quotes", []):
        found = exp["text"].find(quote["text"], start)
        if found < 0:
            problems.append(f"{name}: quote not in text (in order): {quote['text'][:60]!r}")
        else:
            start = found + len(quote["text"])
    return problems


CHECK_ONLY = "--check" in sys.argv
STALE = []


def emit(path, data):
    """Writes a generated file, or with --check verifies the committed one is up to date."""
    if CHECK_ONLY:
        if not path.exists() or path.read_bytes() != data:
            STALE.append(f"{path.relative_to(ROOT)} is stale: run python3 tests/make_samples.py")
    else:
        path.write_bytes(data)


def write_json(path, value):
    emit(path, (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def build_jsonl():
    problems = []
    lines = []
    for number, (page, exp) in enumerate(zip(JSONL_PAGES, JSONL_EXPECTED), start=1):
        assert page["id"] == exp["id"] and page.get("url") == exp.get("url")
        exp["line"] = number
        if "html" in page:
            problems += check_page(f"pages.jsonl#{page['id']}", page["html"], exp)
        else:
            problems += check_text_dump(f"pages.jsonl#{page['id']}", page["text"], exp)
        lines.append(json.dumps(page, ensure_ascii=False))
    emit(SAMPLES / "pages.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    write_json(EXPECTED / "pages.json", JSONL_EXPECTED)
    return problems


def tiny_png():
    """A valid 1x1 grey PNG, the non-HTML response a crawl also holds."""
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def build_warc():
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    info = writer.create_warcinfo_record(
        "crawl.warc.gz",
        {"software": "decant samples (tests/make_samples.py, warcio)",
         "format": "WARC File Format 1.1",
         "description": "Three news pages and one image, fetched by a test crawler"},
    )
    info.rec_headers.replace_header("WARC-Record-ID", f"<{WARC_INFO_ID}>")
    info.rec_headers.replace_header("WARC-Date", WARC_DATE)
    writer.write_record(info)
    expected = []
    for entry in WARC_PAGES:
        url = entry["url"]
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3]
        req_headers = StatusAndHeaders(f"GET {path} HTTP/1.1", [
            ("Host", host),
            ("User-Agent", "decant-samples-crawler/1.0 (+https://example.org/bot)"),
            ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
            ("Accept-Encoding", "identity"),
        ], is_http_request=True)
        request = writer.create_warc_record(url, "request", http_headers=req_headers,
                                            payload=io.BytesIO(b""),
                                            warc_headers_dict={"WARC-Record-ID": f"<{entry['request_id']}>",
                                                               "WARC-Date": entry["date"],
                                                               "WARC-Concurrent-To": f"<{entry['id']}>"})
        if entry.get("file"):
            body = (SAMPLES / entry["file"]).read_bytes()
            content_type = "text/html; charset=utf-8"
        else:
            body = tiny_png()
            content_type = "image/png"
        resp_headers = StatusAndHeaders("200 OK", [
            ("Date", "Fri, 20 Nov 2026 08:15:02 GMT"),
            ("Server", "nginx"),
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=300"),
        ], protocol="HTTP/1.1")
        response = writer.create_warc_record(url, "response", http_headers=resp_headers,
                                             payload=io.BytesIO(body),
                                             warc_headers_dict={"WARC-Record-ID": f"<{entry['id']}>",
                                                                "WARC-Date": entry["date"],
                                                                "WARC-IP-Address": "203.0.113.7"})
        writer.write_record(request)
        writer.write_record(response)
        if entry.get("file"):
            exp = json.loads((EXPECTED / (Path(entry["file"]).stem + ".json")).read_text(encoding="utf-8"))
            page = {"id": entry["id"], "url": url, "fetched_at": entry["date"], "source": "crawl.warc.gz"}
            page.update({k: v for k, v in exp.items() if k not in ("source", "notes")})
            page["notes"] = f"Same page as samples/{entry['file']} (its expected file holds the reasoning)."
            expected.append(page)
    emit(SAMPLES / "crawl.warc.gz", out.getvalue())
    offsets = record_offsets(out.getvalue())
    for page in expected:
        page["offset"] = offsets[page["id"]]
    write_json(EXPECTED / "crawl.json", expected)
    return check_warc(out.getvalue())


def record_offsets(data):
    """Byte offset of each record in the compressed file, by record id without <>."""
    from warcio.archiveiterator import ArchiveIterator

    offsets = {}
    with io.BytesIO(data) as stream:
        records = ArchiveIterator(stream)
        for record in records:
            offsets[record.rec_headers.get_header("WARC-Record-ID").strip("<>")] = records.get_record_offset()
    return offsets


def check_warc(data):
    """Reads the WARC back with warcio: record types and payloads as intended."""
    from warcio.archiveiterator import ArchiveIterator

    problems = []
    kinds = []
    with io.BytesIO(data) as stream:
        for record in ArchiveIterator(stream):
            kinds.append(record.rec_type)
            if record.rec_type == "response":
                payload = record.content_stream().read()
                ctype = record.http_headers.get_header("Content-Type")
                if ctype.startswith("text/html") and b"</html>" not in payload:
                    problems.append("crawl.warc.gz: truncated HTML payload")
    if kinds != ["warcinfo"] + ["request", "response"] * len(WARC_PAGES):
        problems.append(f"crawl.warc.gz: record kinds {kinds}")
    return problems


def build_single(name, markup, encoding, exp, compress=False):
    problems = check_page(name, markup, exp)
    data = markup.encode(encoding)  # strict: every character must exist in the charset
    if compress:
        data = gzip.compress(data, mtime=0)
    emit(SAMPLES / name, data)
    write_json(EXPECTED / (name.split(".")[0] + ".json"), exp)
    return problems


def main():
    count, problems = validate_html_samples()
    print(f"{count} hand-made HTML samples checked")
    founding = json.loads((EXPECTED / "newsweek-kazakhstan.json").read_text(encoding="utf-8"))
    problems += check_text_dump("newsweek-kazakhstan.txt",
                                (SAMPLES / "newsweek-kazakhstan.txt").read_text(encoding="utf-8"), founding)
    problems += build_jsonl()
    problems += build_warc()
    problems += build_single("gzipped-page.html.gz", GZIPPED_PAGE, "utf-8", GZIPPED_EXPECTED,
                             compress=True)
    problems += build_single("latin1-page.html", LATIN1_PAGE, "cp1252", LATIN1_EXPECTED)
    problems += build_single("shift-jis-page.html", SJIS_PAGE, "shift_jis", SJIS_EXPECTED)
    problems += STALE
    verb = "checked" if CHECK_ONLY else "written"
    print(f"generated samples {verb}: pages.jsonl, crawl.warc.gz, gzipped-page.html.gz, "
          "latin1-page.html, shift-jis-page.html and their expected files")
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(problems)} problems")
    if problems:
        sys.exit(1)


# ---------------------------------------------------------------------------
# The hand-written pages and answers of the generated samples.
# ---------------------------------------------------------------------------

JSONL_PAGES = [
    {
        "id": "jsonl-001",
        "url": "https://www.coastlinesportsdaily.com/soccer/2026/10/31/harbor-hawks-clinch-playoff-spot/",
        "html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbor Hawks rally late to clinch playoff spot | Coastline Sports Daily</title>
<meta property="og:site_name" content="Coastline Sports Daily">
<meta property="og:title" content="Harbor Hawks rally late to clinch playoff spot">
<link rel="canonical" href="https://www.coastlinesportsdaily.com/soccer/2026/10/31/harbor-hawks-clinch-playoff-spot/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbor Hawks rally late to clinch playoff spot","datePublished":"2026-10-31T19:40:00-04:00","author":{"@type":"Person","name":"Pete Lindgren"},"publisher":{"@type":"Organization","name":"Coastline Sports Daily"}}</script>
</head>
<body>
<nav class="top-nav"><a href="/">Home</a> <a href="/soccer/">Soccer</a> <a href="/hockey/">Hockey</a> <a href="/high-school/">High School</a> <a href="/scores/">Scores</a></nav>
<div class="story">
<h1>Harbor Hawks rally late to clinch playoff spot</h1>
<p class="byline">By Pete Lindgren | October 31, 2026</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="story-text">
<p>The Harbor Hawks scored twice in the final six minutes on Saturday to beat Eastport United 2-1 and clinch the last playoff spot in the Coastal League.</p>
<p>Midfielder Ana Ribeiro equalized in the 84th minute with a low shot from the edge of the box, and substitute Kofi Mensah headed in the winner three minutes later from a corner kick.</p>
<p>"We talked all week about not panicking if we went down early," Hawks coach Lisa Moreau said. "The players stayed calm, and they earned this."</p>
<p>Eastport had taken the lead just before halftime when striker Dmitri Volkov finished a quick counterattack. United pressed for a second goal after the break but could not beat Hawks goalkeeper Sam Whitaker, who made five saves.</p>
<div class="related-box"><strong>Related:</strong> <a href="/soccer/2026/10/30/northshore-top-seed/">Northshore FC clinches top seed with rout of Bayside</a></div>
<p>The Hawks will face top-seeded Northshore FC in the first round next Saturday. Northshore won both regular-season meetings between the teams.</p>
<p>"They're the best team in the league, and we know it," Ribeiro said. "That's fine. Nobody expects anything from us."</p>
</div>
</div>
<footer><p>&copy; 2026 Coastline Sports Daily. All rights reserved.</p><a href="/privacy/">Privacy</a> <a href="/contact/">Contact</a></footer>
</body>
</html>
""",
    },
    {
        "id": "jsonl-002",
        "url": "https://westbrookneighbor.com/news/library-to-lend-telescopes",
        "html": """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Library to lend telescopes starting next month | Westbrook Neighbor</title>
<meta name="author" content="Grace Abernathy">
<meta property="og:site_name" content="Westbrook Neighbor">
<meta property="og:title" content="Library to lend telescopes starting next month">
<meta property="article:published_time" content="2026-11-05T12:00:00-06:00">
</head>
<body>
<header><div class="brand">Westbrook Neighbor</div><ul class="menu"><li><a href="/news">News</a></li><li><a href="/schools">Schools</a></li><li><a href="/events">Events</a></li><li><a href="/classifieds">Classifieds</a></li></ul></header>
<main>
<article class="post">
<h1 class="post-title">Library to lend telescopes starting next month</h1>
<div class="post-meta">Posted by Grace Abernathy on November 5, 2026</div>
<div class="post-content">
<p>The Westbrook Public Library will begin lending telescopes to cardholders on Dec. 1, part of a program funded by the local astronomy club.</p>
<p>The library has bought eight tabletop reflector telescopes, each packed in a padded case with a moon map, a star guide and a red flashlight. Cardholders age 18 and older can borrow one for two weeks at a time.</p>
<p>&ldquo;A lot of people are curious about astronomy but don&rsquo;t want to spend $300 on a telescope before they know if they&rsquo;ll use it,&rdquo; said library director Helen Park. &ldquo;This lets them try it first.&rdquo;</p>
<p>The Westbrook Astronomy Club paid for the telescopes with money raised at its annual star party. Club members will also hold a free workshop on Nov. 22 to show borrowers how to set up and focus the instruments.</p>
<p>Telescopes can be reserved through the library&rsquo;s online catalog. The library expects a waiting list and asks borrowers to return them on time.</p>
</div>
</article>
<div class="signup-box"><h3>Get local news in your inbox</h3><p>The Westbrook Neighbor newsletter arrives every Thursday.</p><form><input type="email" placeholder="Email"><button>Subscribe</button></form></div>
<section class="comments"><h3>Reader comments (2)</h3><div class="comment"><b>Jan W.</b><p>What a great idea. Signing up my whole family.</p></div><div class="comment"><b>Ollie</b><p>Will there be kids&rsquo; workshops too?</p></div></section>
</main>
<footer><p>Westbrook Neighbor is a community news site. &copy; 2026</p></footer>
</body>
</html>
""",
    },
    {
        "id": "jsonl-003",
        "url": "https://www.portellispilot.com/news/ferry-service-resume",
        "text": """Ferry service to resume after three-week suspension

Passenger ferries between Port Ellis and Manitou Island will resume on Monday after a three-week suspension caused by damage to the island's main dock, the county transit authority said.

Crews finished replacing 14 damaged pilings on Thursday, and a state inspector approved the dock on Friday afternoon.

"We know these three weeks have been hard on island residents and businesses," transit director Carla Jimenez said. "We're grateful for their patience."

Advertisement

The authority will run a holiday schedule with four round trips a day through Jan. 4, then return to the regular winter schedule of six.

Share this article
Facebook
Twitter
Email

Island residents had relied on a smaller water taxi and a weekly freight barge during the suspension. Grocer Tom Halvorsen said his shelves had been half empty for most of that time.

"People were driving to the mainland for milk," Halvorsen said. "It will be good to have normal deliveries again."

About the author
Nadia Petrova is a reporter based in Port Ellis who covers transportation and the islands. Read more

Subscribe for $1 a week
""",
    },
]

JSONL_EXPECTED = [
    {
        "id": "jsonl-001",
        "url": "https://www.coastlinesportsdaily.com/soccer/2026/10/31/harbor-hawks-clinch-playoff-spot/",
        "source": "pages.jsonl",
        "title": "Harbor Hawks rally late to clinch playoff spot",
        "authors": ["Pete Lindgren"],
        "site_name": "Coastline Sports Daily",
        "date_published": "2026-10-31",
        "language": "en",
        "text": "The Harbor Hawks scored twice in the final six minutes on Saturday to beat Eastport United 2-1 and clinch the last playoff spot in the Coastal League.\n\nMidfielder Ana Ribeiro equalized in the 84th minute with a low shot from the edge of the box, and substitute Kofi Mensah headed in the winner three minutes later from a corner kick.\n\n\"We talked all week about not panicking if we went down early,\" Hawks coach Lisa Moreau said. \"The players stayed calm, and they earned this.\"\n\nEastport had taken the lead just before halftime when striker Dmitri Volkov finished a quick counterattack. United pressed for a second goal after the break but could not beat Hawks goalkeeper Sam Whitaker, who made five saves.\n\nThe Hawks will face top-seeded Northshore FC in the first round next Saturday. Northshore won both regular-season meetings between the teams.\n\n\"They're the best team in the league, and we know it,\" Ribeiro said. \"That's fine. Nobody expects anything from us.\"",
        "must_not_contain": ["High School", "By Pete Lindgren", "Share on Facebook", "Related:", "Northshore FC clinches top seed", "All rights reserved"],
        "quotes": [
            {"text": "We talked all week about not panicking if we went down early,", "speaker": "Lisa Moreau", "cue": "said"},
            {"text": "The players stayed calm, and they earned this.", "speaker": "Lisa Moreau", "cue": "said"},
            {"text": "They're the best team in the league, and we know it,", "speaker": "Ana Ribeiro", "cue": "said"},
            {"text": "That's fine. Nobody expects anything from us.", "speaker": "Ana Ribeiro", "cue": "said"},
        ],
        "notes": "A short page in a JSONL line (html field). The 'Related:' box between paragraphs is removed. 19:40-04:00 is 23:40Z, the same date.",
    },
    {
        "id": "jsonl-002",
        "url": "https://westbrookneighbor.com/news/library-to-lend-telescopes",
        "source": "pages.jsonl",
        "title": "Library to lend telescopes starting next month",
        "authors": ["Grace Abernathy"],
        "site_name": "Westbrook Neighbor",
        "date_published": "2026-11-05",
        "language": "en",
        "text": "The Westbrook Public Library will begin lending telescopes to cardholders on Dec. 1, part of a program funded by the local astronomy club.\n\nThe library has bought eight tabletop reflector telescopes, each packed in a padded case with a moon map, a star guide and a red flashlight. Cardholders age 18 and older can borrow one for two weeks at a time.\n\n“A lot of people are curious about astronomy but don’t want to spend $300 on a telescope before they know if they’ll use it,” said library director Helen Park. “This lets them try it first.”\n\nThe Westbrook Astronomy Club paid for the telescopes with money raised at its annual star party. Club members will also hold a free workshop on Nov. 22 to show borrowers how to set up and focus the instruments.\n\nTelescopes can be reserved through the library’s online catalog. The library expects a waiting list and asks borrowers to return them on time.",
        "must_not_contain": ["Classifieds", "Posted by Grace Abernathy", "Get local news in your inbox", "Reader comments (2)", "Signing up my whole family", "community news site"],
        "quotes": [
            {"text": "A lot of people are curious about astronomy but don’t want to spend $300 on a telescope before they know if they’ll use it,", "speaker": "Helen Park", "cue": "said"},
            {"text": "This lets them try it first.", "speaker": "Helen Park", "cue": "said"},
        ],
        "notes": "No JSON-LD: author from meta name=author (and the 'Posted by' line), date from article:published_time. Curly quotes come from named entities (&ldquo; &rsquo;).",
    },
    {
        "id": "jsonl-003",
        "url": "https://www.portellispilot.com/news/ferry-service-resume",
        "source": "pages.jsonl",
        "title": "Ferry service to resume after three-week suspension",
        "authors": ["Nadia Petrova"],
        "site_name": None,
        "date_published": None,
        "language": "en",
        "text": "Passenger ferries between Port Ellis and Manitou Island will resume on Monday after a three-week suspension caused by damage to the island's main dock, the county transit authority said.\n\nCrews finished replacing 14 damaged pilings on Thursday, and a state inspector approved the dock on Friday afternoon.\n\n\"We know these three weeks have been hard on island residents and businesses,\" transit director Carla Jimenez said. \"We're grateful for their patience.\"\n\nThe authority will run a holiday schedule with four round trips a day through Jan. 4, then return to the regular winter schedule of six.\n\nIsland residents had relied on a smaller water taxi and a weekly freight barge during the suspension. Grocer Tom Halvorsen said his shelves had been half empty for most of that time.\n\n\"People were driving to the mainland for milk,\" Halvorsen said. \"It will be good to have normal deliveries again.\"",
        "must_not_contain": ["Advertisement", "Share this article", "Twitter", "About the author", "Nadia Petrova is a reporter based in Port Ellis", "Subscribe for $1 a week"],
        "quotes": [
            {"text": "We know these three weeks have been hard on island residents and businesses,", "speaker": "Carla Jimenez", "cue": "said"},
            {"text": "We're grateful for their patience.", "speaker": "Carla Jimenez", "cue": "said"},
            {"text": "People were driving to the mainland for milk,", "speaker": "Tom Halvorsen", "cue": "said"},
            {"text": "It will be good to have normal deliveries again.", "speaker": "Tom Halvorsen", "cue": "said"},
        ],
        "notes": "A plain-text dump in a JSONL line (text field), shaped like the founding example: the first line is the title; the author is named only in the bio; no site name, date or language marker (language by detection: en). The ad label, the share lines, the bio and the subscription line are removed.",
    },
]

WARC_DATE = "2026-11-27T20:15:00Z"
WARC_INFO_ID = "urn:uuid:6f1d2a40-3c5e-4b7a-9e21-0c8d5b3f7a10"
# Fixed record ids and dates, so that the file and its expected answer are stable.
WARC_PAGES = [
    {
        "file": "wordpress-council-budget.html",
        "url": "https://riversideledger.com/2026/06/11/council-approves-budget-library-hours/",
        "id": "urn:uuid:1b7e4c2d-8a90-4f3e-b1d2-3c4d5e6f7a81",
        "request_id": "urn:uuid:1b7e4c2d-8a90-4f3e-b1d2-3c4d5e6f7a80",
        "date": "2026-11-27T20:15:02Z",
    },
    {
        "file": None,
        "url": "https://riversideledger.com/wp-content/uploads/2024/01/ledger-logo.png",
        "id": "urn:uuid:2c8f5d3e-9b01-4a4f-82e3-4d5e6f708192",
        "request_id": "urn:uuid:2c8f5d3e-9b01-4a4f-82e3-4d5e6f708191",
        "date": "2026-11-27T20:15:03Z",
    },
    {
        "file": "german-news-bahn.html",
        "url": "https://www.elbbote.de/region/stade/geestbahn-fuenf-monate-busse-statt-zuege-a4471902.html",
        "id": "urn:uuid:3d906e4f-ac12-4b50-93f4-5e6f708192a3",
        "request_id": "urn:uuid:3d906e4f-ac12-4b50-93f4-5e6f708192a2",
        "date": "2026-11-27T20:15:07Z",
    },
    {
        "file": "table-rent-report.html",
        "url": "https://www.greatlakesgazette.com/news/housing/2026/04/22/rents-rising-fastest-mid-sized-cities/",
        "id": "urn:uuid:4ea17f50-bd23-4c61-a405-6f708192a3b4",
        "request_id": "urn:uuid:4ea17f50-bd23-4c61-a405-6f708192a3b3",
        "date": "2026-11-27T20:15:11Z",
    },
]

GZIPPED_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harbor commission votes to keep Point Sable lighthouse lit | Port Ellis Pilot</title>
<link rel="canonical" href="https://www.portellispilot.com/news/point-sable-lighthouse-vote">
<meta property="og:site_name" content="Port Ellis Pilot">
<meta property="og:title" content="Harbor commission votes to keep Point Sable lighthouse lit">
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","@id":"https://www.portellispilot.com/news/point-sable-lighthouse-vote#article","headline":"Harbor commission votes to keep Point Sable lighthouse lit","datePublished":"2026-11-19T16:30:00-05:00","author":[{"@id":"https://www.portellispilot.com/#/person/nadia-petrova"}],"publisher":{"@id":"https://www.portellispilot.com/#org"},"inLanguage":"en-US"},{"@type":"Person","@id":"https://www.portellispilot.com/#/person/nadia-petrova","name":"Nadia Petrova"},{"@type":"NewsMediaOrganization","@id":"https://www.portellispilot.com/#org","name":"Port Ellis Pilot"}]}</script>
</head>
<body>
<div class="consent-banner" id="consent"><p>We use cookies to understand how readers use our site. <a href="/privacy">Learn more</a></p><button>Accept</button><button>Decline</button></div>
<header class="masthead"><a class="logo" href="/">Port Ellis Pilot</a>
<nav class="primary-nav"><a href="/news">News</a> <a href="/harbor">Harbor</a> <a href="/islands">Islands</a> <a href="/sports">Sports</a> <a href="/obituaries">Obituaries</a></nav>
<a class="subscribe-link" href="/subscribe">Subscribe</a></header>
<main>
<article class="article">
<h1 class="article__title">Harbor commission votes to keep Point Sable lighthouse lit</h1>
<p class="article__byline">By <span class="author">Nadia Petrova</span> &middot; <time datetime="2026-11-19T16:30:00-05:00">Nov. 19, 2026</time></p>
<figure class="article__image"><img src="/img/point-sable.jpg" alt="Point Sable lighthouse at dusk"><figcaption>The Point Sable lighthouse was built in 1911. Photo: Marco Diaz / Port Ellis Pilot</figcaption></figure>
<div class="article__body">
<p>The Port Ellis harbor commission voted 4-1 on Thursday to keep the Point Sable lighthouse lit for at least another decade, ending a two-year debate over whether the 1911 tower was worth the cost of maintaining.</p>
<p>The commission will spend $1.4 million over the next three years to repair the lantern room, replace corroded railings and install an LED light that uses a fraction of the power of the current lamp. About $600,000 will come from a state historic preservation grant.</p>
<p>The Coast Guard stopped relying on the lighthouse for navigation in 2019, when it installed an automated beacon at the end of the harbor's breakwater. Since then the tower has been maintained by the city as a landmark.</p>
<p>"Every fishing family in this town has a story about that light bringing somebody home," said commissioner Ruth Ambrose, who made the motion. "We're not going to be the ones who turn it off."</p>
<p>Commissioner Dale Fenner cast the only vote against the plan. He said the money would be better spent dredging the harbor's north channel, which has become too shallow for some commercial boats at low tide.</p>
<p>"I love the lighthouse as much as anybody," Fenner said. "But you can't unload a catch at a lighthouse."</p>
<p>Repair work is expected to begin in April. The tower will be closed to visitors during construction, and the light will be dark for about six weeks while the new lamp is installed.</p>
</div>
<aside class="article__related"><h2>Read more</h2><ul><li><a href="/news/north-channel-dredging">North channel too shallow for larger boats, fishermen say</a></li><li><a href="/news/lighthouse-open-house">Lighthouse open house draws record crowd</a></li></ul></aside>
</article>
</main>
<footer class="site-footer"><p>Port Ellis Pilot, 14 Wharf Street, Port Ellis</p><p>&copy; 2026 Port Ellis Pilot</p></footer>
</body>
</html>
"""

GZIPPED_EXPECTED = {
    "source": "gzipped-page.html.gz",
    "title": "Harbor commission votes to keep Point Sable lighthouse lit",
    "authors": ["Nadia Petrova"],
    "site_name": "Port Ellis Pilot",
    "date_published": "2026-11-19",
    "language": "en",
    "text": "The Port Ellis harbor commission voted 4-1 on Thursday to keep the Point Sable lighthouse lit for at least another decade, ending a two-year debate over whether the 1911 tower was worth the cost of maintaining.\n\nThe commission will spend $1.4 million over the next three years to repair the lantern room, replace corroded railings and install an LED light that uses a fraction of the power of the current lamp. About $600,000 will come from a state historic preservation grant.\n\nThe Coast Guard stopped relying on the lighthouse for navigation in 2019, when it installed an automated beacon at the end of the harbor's breakwater. Since then the tower has been maintained by the city as a landmark.\n\n\"Every fishing family in this town has a story about that light bringing somebody home,\" said commissioner Ruth Ambrose, who made the motion. \"We're not going to be the ones who turn it off.\"\n\nCommissioner Dale Fenner cast the only vote against the plan. He said the money would be better spent dredging the harbor's north channel, which has become too shallow for some commercial boats at low tide.\n\n\"I love the lighthouse as much as anybody,\" Fenner said. \"But you can't unload a catch at a lighthouse.\"\n\nRepair work is expected to begin in April. The tower will be closed to visitors during construction, and the light will be dark for about six weeks while the new lamp is installed.",
    "must_not_contain": ["We use cookies", "Obituaries", "By Nadia Petrova", "The Point Sable lighthouse was built in 1911", "Photo: Marco Diaz / Port Ellis Pilot", "Read more", "North channel too shallow", "14 Wharf Street"],
    "quotes": [
        {"text": "Every fishing family in this town has a story about that light bringing somebody home,", "speaker": "Ruth Ambrose", "cue": "said"},
        {"text": "We're not going to be the ones who turn it off.", "speaker": "Ruth Ambrose", "cue": "said"},
        {"text": "I love the lighthouse as much as anybody,", "speaker": "Dale Fenner", "cue": "said"},
        {"text": "But you can't unload a catch at a lighthouse.", "speaker": "Dale Fenner", "cue": "said"},
    ],
    "notes": "A UTF-8 page stored only gzip-compressed (gzip mtime 0). JSON-LD @graph whose author is an @id reference to a Person node. 16:30-05:00 is 21:30Z, the same date.",
}

LATIN1_PAGE = """<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="windows-1252">
<title>Valdeluna cerrará el casco antiguo al tráfico en primavera | Diario de Valdeluna</title>
<meta name="author" content="Lucía Fernández Ortega">
<meta property="og:site_name" content="Diario de Valdeluna">
<meta property="og:title" content="Valdeluna cerrará el casco antiguo al tráfico en primavera">
<meta property="article:published_time" content="2026-10-21T09:15:00+02:00">
<link rel="canonical" href="https://www.diariodevaldeluna.es/local/valdeluna-cerrara-casco-antiguo-trafico-primavera">
</head>
<body>
<div id="aviso-cookies" class="aviso-cookies"><p>Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.</p><a href="#" class="aceptar">Aceptar</a></div>
<header class="cabecera"><a href="/" class="logo">Diario de Valdeluna</a>
<ul class="menu"><li><a href="/local/">Local</a></li><li><a href="/provincia/">Provincia</a></li><li><a href="/deportes/">Deportes</a></li><li><a href="/opinion/">Opinión</a></li><li><a href="/esquelas/">Esquelas</a></li></ul></header>
<div class="noticia">
<h1>Valdeluna cerrará el casco antiguo al tráfico en primavera</h1>
<p class="firma">Lucía Fernández Ortega · <time datetime="2026-10-21T09:15:00+02:00">21 de octubre de 2026, 09:15</time></p>
<div class="compartir">Compartir: <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Correo</a></div>
<div class="cuerpo">
<p>El pleno del Ayuntamiento de Valdeluna aprobó este martes la peatonalización del casco antiguo, que quedará cerrado al tráfico de vehículos particulares a partir del 1 de abril. La medida salió adelante con 13 votos a favor y 8 en contra.</p>
<p>La zona afectada abarca 42 calles entre la plaza Mayor y la antigua muralla. Solo podrán circular los vecinos empadronados, los servicios de emergencia y los vehículos de carga y descarga, estos últimos entre las 7.00 y las 11.00 horas. Quienes accedan sin autorización se enfrentarán a multas de 90 €.</p>
<p>“Queremos un centro para las personas, no para los coches”, afirmó la alcaldesa, Carmen Ruiz Salgado, durante el debate. “Las ciudades que lo han hecho no han vuelto atrás.”</p>
<div class="publicidad">Publicidad</div>
<p>La oposición criticó que el proyecto no incluya nuevos aparcamientos disuasorios. El portavoz del grupo municipal, Andrés Villalba, advirtió de que los comerciantes del centro podrían perder clientes. “¿Dónde van a dejar el coche los vecinos de los pueblos de alrededor?”, preguntó.</p>
<p>El Ayuntamiento invertirá 2,3 millones de euros en la renovación del pavimento y del alumbrado. Una parte —unos 900.000 euros— procede de fondos europeos destinados a la movilidad sostenible.</p>
<p>La asociación de comerciantes del casco antiguo ha pedido una reunión con el equipo de gobierno antes de que entre en vigor la medida.</p>
</div>
<div class="relacionadas"><h3>Noticias relacionadas</h3><ul><li><a href="/local/nuevo-aparcamiento-estacion">El nuevo aparcamiento de la estación abrirá en verano</a></li><li><a href="/local/comerciantes-piden-ayudas">Los comerciantes piden ayudas para la reforma de fachadas</a></li></ul></div>
<div class="suscripcion">Suscríbase al Diario de Valdeluna: el periódico en su casa cada mañana por 12 € al mes.</div>
</div>
<footer class="pie"><p>© 2026 Diario de Valdeluna · Aviso legal · Política de privacidad</p></footer>
</body>
</html>
"""

LATIN1_EXPECTED = {
    "source": "latin1-page.html",
    "title": "Valdeluna cerrará el casco antiguo al tráfico en primavera",
    "authors": ["Lucía Fernández Ortega"],
    "site_name": "Diario de Valdeluna",
    "date_published": "2026-10-21",
    "language": "es",
    "text": "El pleno del Ayuntamiento de Valdeluna aprobó este martes la peatonalización del casco antiguo, que quedará cerrado al tráfico de vehículos particulares a partir del 1 de abril. La medida salió adelante con 13 votos a favor y 8 en contra.\n\nLa zona afectada abarca 42 calles entre la plaza Mayor y la antigua muralla. Solo podrán circular los vecinos empadronados, los servicios de emergencia y los vehículos de carga y descarga, estos últimos entre las 7.00 y las 11.00 horas. Quienes accedan sin autorización se enfrentarán a multas de 90 €.\n\n“Queremos un centro para las personas, no para los coches”, afirmó la alcaldesa, Carmen Ruiz Salgado, durante el debate. “Las ciudades que lo han hecho no han vuelto atrás.”\n\nLa oposición criticó que el proyecto no incluya nuevos aparcamientos disuasorios. El portavoz del grupo municipal, Andrés Villalba, advirtió de que los comerciantes del centro podrían perder clientes. “¿Dónde van a dejar el coche los vecinos de los pueblos de alrededor?”, preguntó.\n\nEl Ayuntamiento invertirá 2,3 millones de euros en la renovación del pavimento y del alumbrado. Una parte —unos 900.000 euros— procede de fondos europeos destinados a la movilidad sostenible.\n\nLa asociación de comerciantes del casco antiguo ha pedido una reunión con el equipo de gobierno antes de que entre en vigor la medida.",
    "must_not_contain": ["Utilizamos cookies", "Esquelas", "21 de octubre de 2026, 09:15", "Compartir", "Publicidad", "Noticias relacionadas", "Suscríbase", "Aviso legal"],
    "quotes": [
        {"text": "Queremos un centro para las personas, no para los coches", "speaker": "Carmen Ruiz Salgado", "cue": "afirmó"},
        {"text": "Las ciudades que lo han hecho no han vuelto atrás.", "speaker": "Carmen Ruiz Salgado", "cue": "afirmó"},
        {"text": "¿Dónde van a dejar el coche los vecinos de los pueblos de alrededor?", "speaker": "Andrés Villalba", "cue": "preguntó"},
    ],
    "notes": "Encoded in windows-1252 (not ISO-8859-1: the curly quotes are bytes 0x93/0x94, the em dashes 0x97, the euro sign 0x80), declared by <meta charset>. Decoded as ISO-8859-1 these would become C1 control characters. The author has two surnames: one name. The subscription line is a promo.",
}

SJIS_PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>市営バス、来年4月から運賃を一律200円に | 湊町新報</title>
<meta name="author" content="佐藤健一">
<meta property="og:site_name" content="湊町新報">
<meta property="og:title" content="市営バス、来年4月から運賃を一律200円に">
<meta property="article:published_time" content="2026-11-12T10:30:00+09:00">
</head>
<body>
<div id="header"><a href="/">湊町新報</a>
<ul id="gnavi"><li><a href="/">トップ</a></li><li><a href="/chiiki/">地域</a></li><li><a href="/seiji/">政治</a></li><li><a href="/keizai/">経済</a></li><li><a href="/sports/">スポーツ</a></li></ul></div>
<div id="main">
<h1>市営バス、来年4月から運賃を一律200円に</h1>
<p class="date">2026年11月12日 10時30分　佐藤健一</p>
<div id="kiji">
<p>湊町市は11日、市営バスの運賃を来年4月から全線一律200円にすると発表した。現在は距離に応じて170円から420円までの運賃がかかっており、郊外に住む利用者の負担を減らすのが狙い。</p>
<p>市によると、運賃の一律化で年間およそ1億2千万円の減収が見込まれるが、利用者の増加と一般会計からの補助で補う方針だ。</p>
<p>田中浩二市長は記者会見で「高齢者や学生が気軽にバスを使える町にしたい」と述べた。</p>
<p>一方、市議会の一部からは財源の見通しが甘いとの声も上がっている。中村由美市議は「利用者が増えなければ、数年後に再び値上げを迫られる」と指摘した。</p>
<p>市は12月に市民説明会を開き、意見を募る予定。</p>
</div>
<div class="share">この記事をシェアする <a href="#">X</a> <a href="#">Facebook</a> <a href="#">LINE</a></div>
<div class="kanren"><h2>関連記事</h2><ul><li><a href="/chiiki/20261001.html">湊町駅前に新しいバスターミナル完成</a></li><li><a href="/chiiki/20260915.html">市営バス、利用者数が3年ぶりに増加</a></li></ul></div>
</div>
<div id="footer">Copyright (C) 湊町新報社 All rights reserved.</div>
</body>
</html>
"""

SJIS_EXPECTED = {
    "source": "shift-jis-page.html",
    "title": "市営バス、来年4月から運賃を一律200円に",
    "authors": ["佐藤健一"],
    "site_name": "湊町新報",
    "date_published": "2026-11-12",
    "language": "ja",
    "text": "湊町市は11日、市営バスの運賃を来年4月から全線一律200円にすると発表した。現在は距離に応じて170円から420円までの運賃がかかっており、郊外に住む利用者の負担を減らすのが狙い。\n\n市によると、運賃の一律化で年間およそ1億2千万円の減収が見込まれるが、利用者の増加と一般会計からの補助で補う方針だ。\n\n田中浩二市長は記者会見で「高齢者や学生が気軽にバスを使える町にしたい」と述べた。\n\n一方、市議会の一部からは財源の見通しが甘いとの声も上がっている。中村由美市議は「利用者が増えなければ、数年後に再び値上げを迫られる」と指摘した。\n\n市は12月に市民説明会を開き、意見を募る予定。",
    "must_not_contain": ["トップ", "2026年11月12日 10時30分", "この記事をシェアする", "関連記事", "湊町駅前に新しいバスターミナル完成", "Copyright (C)"],
    "quotes": [
        {"text": "高齢者や学生が気軽にバスを使える町にしたい", "speaker": "田中浩二", "cue": "述べた"},
        {"text": "利用者が増えなければ、数年後に再び値上げを迫られる", "speaker": "中村由美", "cue": "指摘した"},
    ],
    "notes": "Encoded in Shift_JIS, declared by <meta http-equiv=Content-Type> (the older form). Japanese quotes are 「…」. The date line uses an ideographic space (U+3000) between the time and the author; it is not body. 10:30+09:00 is 01:30Z, the same date.",
}

if __name__ == "__main__":
    main()
