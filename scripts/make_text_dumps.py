#!/usr/bin/env python3
"""Turn an eval folder of HTML pages into the same folder of plain-text dumps (dev only).

decant reads plain-text dumps (text already pulled out of HTML, boilerplate and
all) through the same block classifier as HTML. To measure that path on real
pages, this script converts a benchmark folder (see ../shared/eval/README.md)
into a sibling folder in the same format whose pages are inscriptis' text:

  SRC/html/ID.html.gz + SRC/ground-truth.json   ->  OUT/html/ID.txt + OUT/ground-truth.json
  SRC/html/FILE.gz    + SRC/evaldata.json       ->  OUT/html/ID.txt + OUT/evaldata.json
                                                     (each "file" renamed to ID.txt)

ID is the page id score.py gives the original file (its name without .gz,
.html, .htm, .xhtml, .txt), so predictions made on the dumps score with the
same ground truth by `decant eval OUT` and by score.py. Text is written as
UTF-8 with a final newline.

  python3 scripts/make_text_dumps.py SRC OUT [--raw-predictions PRED.json]

--raw-predictions also writes every dump, unchanged, as a prediction in the
benchmark's JSON format ({id: {"articleBody": text}}): scoring that file gives
the baseline of the raw dump (what a reader gets with no extraction at all):

  python3 ../shared/eval/score.py scrapinghub OUT/ground-truth.json PRED.json

Needs inscriptis (pip install inscriptis). Pages in any charset are decoded
by their BOM, else their <meta> charset, else as UTF-8, else windows-1252:
the same bytes always give the same dumps, whatever else is installed.
Dev tooling only: decant never runs Python.
"""
import argparse
import gzip
import json
import re
import shutil
import sys
from pathlib import Path

from inscriptis import get_text

SCRAPINGHUB_TRUTH = "ground-truth.json"
WITHWITHOUT_TRUTH = "evaldata.json"
PAGE_DIR = "html"
SUFFIXES = (".gz", ".html", ".htm", ".xhtml", ".txt")


def page_id(name):
    """score.py's page id: the file name without its page suffixes."""
    name = Path(str(name).split("#")[0]).name
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.IGNORECASE)


def decode(raw):
    """The page's text: BOM, else a <meta> charset in the first 4 KiB,
    else UTF-8 if it decodes, else windows-1252 (what browsers assume)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace")
    match = META_CHARSET.search(raw[:4096])
    if match:
        try:
            return raw.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_page(path):
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return decode(raw)


def dump(html):
    """inscriptis' text of a page, lines right-trimmed, one final newline."""
    text = get_text(html) if html.strip() else ""
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def first_existing(folder, names):
    for name in names:
        path = folder / name
        if path.is_file():
            return path
    return None


def pages_of(src):
    """[(page id, source page path, truth key)] and the truth file's name."""
    html = src / PAGE_DIR
    if (src / SCRAPINGHUB_TRUTH).is_file():
        truth = json.loads((src / SCRAPINGHUB_TRUTH).read_text("utf8"))
        pages = [
            (key, first_existing(html, [f"{key}.html.gz", f"{key}.html"]), key)
            for key in sorted(truth)
        ]
        return SCRAPINGHUB_TRUTH, truth, pages
    if (src / WITHWITHOUT_TRUTH).is_file():
        truth = json.loads((src / WITHWITHOUT_TRUTH).read_text("utf8"))
        pages = [
            (page_id(entry["file"]), first_existing(html, [f"{entry['file']}.gz", entry["file"]]), key)
            for key, entry in sorted(truth.items())
        ]
        return WITHWITHOUT_TRUTH, truth, pages
    sys.exit(f"{src}: not a benchmark folder (needs {PAGE_DIR}/ and {SCRAPINGHUB_TRUTH} or {WITHWITHOUT_TRUTH})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="benchmark folder with html/ pages")
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--raw-predictions", type=Path, help="also write the raw dumps as predictions")
    args = parser.parse_args()

    truth_name, truth, pages = pages_of(args.src)
    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / PAGE_DIR).mkdir(parents=True)
    raw = {}
    missing = 0
    for pid, path, key in pages:
        name = f"{pid}.txt"
        assert page_id(name) == pid, f"page id {pid!r} does not survive as {name!r}"
        text = ""
        if path is None:
            missing += 1
        else:
            text = dump(read_page(path))
            (args.out / PAGE_DIR / name).write_text(text, "utf8")
        raw[pid] = {"articleBody": text}
        if truth_name == WITHWITHOUT_TRUTH:
            truth[key] = {**truth[key], "file": name}
    (args.out / truth_name).write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf8")
    if args.raw_predictions:
        args.raw_predictions.write_text(json.dumps(raw, ensure_ascii=False), "utf8")
    print(f"{args.out}: {len(pages) - missing} text dumps, {missing} pages missing", file=sys.stderr)


if __name__ == "__main__":
    main()
