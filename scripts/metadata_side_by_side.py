#!/usr/bin/env python3
"""Dev only: per-field metadata accuracy of trafilatura and newspaper4k on the
hand-labelled pages of tests/data/metadata/labels.json, scored exactly as
tests/metadata_gate.rs scores decant (see that file's doc).

    python3 scripts/metadata_side_by_side.py            # both tools
    python3 scripts/metadata_side_by_side.py --misses   # and every miss

decant's own row comes from `cargo test --test metadata_gate -- --nocapture`.
Needs trafilatura and newspaper4k (pip); decant never needs Python.
"""
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FIELDS = ["title", "authors", "date_published", "site_name", "language"]


def collapse(s):
    return " ".join((s or "").split())


def name_key(s):
    return collapse("".join(c if c.isalnum() else " " for c in s.lower()))


def site_key(s):
    squashed = "".join(c for c in s.lower() if c.isalnum())
    return squashed[3:] if squashed.startswith("the") and len(squashed) > 3 else squashed


def authors_f1(truth, predicted):
    t = {name_key(n) for n in truth}
    p = {name_key(n) for n in predicted}
    if not t and not p:
        return 1.0
    common = len(t & p)
    if common == 0:
        return 0.0
    precision, recall = common / len(p), common / len(t)
    return 2 * precision * recall / (precision + recall)


def iso_day(value):
    """The YYYY-MM-DD a tool gives (its string or datetime, as the tool dates it)."""
    if value is None or value == "":
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    m = re.match(r"(\d{4}-\d{2}-\d{2})", str(value))
    return m.group(1) if m else None


def language_code(value):
    if not value:
        return None
    return re.split(r"[-_]", str(value).strip())[0].lower() or None


def score(label, got):
    sites = [label["site_name"]] + label.get("site_name_also", [])
    title = float(collapse(label.get("title")) == collapse(got["title"]) and got["title"] is not None)
    authors = authors_f1(label["authors"], got["authors"])
    date = float(label.get("date_published") == got["date_published"])
    site = float(got["site_name"] is not None and any(site_key(s) == site_key(got["site_name"]) for s in sites))
    language = float(label.get("language") == got["language"])
    return [title, authors, date, site, language]


def split_names(value):
    """trafilatura gives authors as one '; '-joined string."""
    if not value:
        return []
    return [n.strip() for n in value.split(";") if n.strip()]


def trafilatura_meta(html, url):
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"title": None, "authors": [], "date_published": None, "site_name": None, "language": None}
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    lang = get("language")
    if not lang:
        # trafilatura fills `language` only with its optional detector; its
        # metadata reads <html lang> when present.
        m = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z-]+)", html[:5000], re.I)
        lang = m.group(1) if m else None
    return {
        "title": get("title"),
        "authors": split_names(get("author")),
        "date_published": iso_day(get("date")),
        "site_name": get("sitename"),
        "language": language_code(lang),
    }


def newspaper_meta(html, url):
    import newspaper

    article = newspaper.Article(url)
    article.download(input_html=html)
    article.parse()
    meta_site = article.meta_site_name or None
    return {
        "title": article.title or None,
        "authors": list(article.authors or []),
        "date_published": iso_day(article.publish_date),
        "site_name": meta_site,
        "language": language_code(article.meta_lang),
    }


def main():
    show_misses = "--misses" in sys.argv
    labels = json.loads((DATA / "metadata" / "labels.json").read_text())
    tools = {"trafilatura": trafilatura_meta, "newspaper4k": newspaper_meta}
    rows = {}
    for tool, fn in tools.items():
        totals = [0.0] * len(FIELDS)
        for label in labels:
            html = gzip.open(DATA / "scrapinghub" / f"{label['id']}.html.gz").read().decode("utf-8", "replace")
            try:
                got = fn(html, label["url"])
            except Exception as e:  # a tool failing on a page scores 0 there
                print(f"{tool} failed on {label['id'][:12]}: {e}", file=sys.stderr)
                got = {"title": None, "authors": ["<error>"], "date_published": "error", "site_name": None, "language": "error"}
            for i, s in enumerate(score(label, got)):
                totals[i] += s
                if show_misses and s < 1:
                    field = FIELDS[i]
                    want = label.get(field) if field != "site_name" else [label["site_name"]] + label.get("site_name_also", [])
                    print(f"{tool:12} {field:15} {label['id'][:12]} got {got[field]!r} vs {want!r}")
        rows[tool] = [t / len(labels) for t in totals]
    print(f"\n{len(labels)} labelled pages")
    print("| tool | " + " | ".join(FIELDS) + " |")
    print("|---|" + "---|" * len(FIELDS))
    for tool, accs in rows.items():
        print(f"| {tool} | " + " | ".join(f"{a:.3f}" for a in accs) + " |")


if __name__ == "__main__":
    main()
