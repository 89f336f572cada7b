#!/usr/bin/env python3
"""Compare decant with other body extractors on the two dev sets (dev-only tool).

This script is never a runtime dependency of decant. It runs decant and the
Python extractors that are installed on the eval sets described in
../shared/eval/README.md, writes every tool's predictions in the benchmark's
JSON format ({page_id: {"articleBody": text}}) into OUT, scores them with the
eval folder's own score.py, and prints a Markdown table.

  python3 scripts/side_by_side.py [--decant PATH] [--eval-dir ../shared/eval]
                                  [--tools decant,trafilatura,readability,resiliparse,newspaper]
                                  [--sets scrapinghub,trafilatura] [--out DIR]

Setup (any tool missing is reported and skipped):
  pip install trafilatura readability-lxml lxml_html_clean html-text resiliparse newspaper4k

How each tool gets its pages:
  * decant:      `decant extract SET/html -o OUT/decant-SET --format jsonl -q -j N`
                 (N = --decant-threads, default 1 so it is compared single-core);
                 timed as the whole process run (start-up, reading, writing included).
  * trafilatura: trafilatura.extract(page, include_comments=False), as in the
                 README's measurement; it gets raw bytes and decodes them itself.
  * readability: Document(html).summary(html_partial=True) turned into text with
                 html_text.extract_text, as the scrapinghub benchmark's runner does
                 (fallback without html-text: lxml itertext per block element).
  * resiliparse: extract_plain_text(html, main_content=True), html decoded with
                 resiliparse's own detect_encoding/bytes_to_str.
  * newspaper:   newspaper.article(url, input_html=html, fetch_images=False).parse();
                 article.text (Japanese pages need tinysegmenter, Korean ones nltk with
                 its punkt_tab data; a page that fails scores as empty).
The scrapinghub pages are UTF-8 and given to every Python tool as a UTF-8 str,
exactly as the benchmark's own runners do. trafilatura-dev pages come in any
charset: trafilatura decodes its bytes itself, resiliparse uses its own
detection, readability and newspaper get trafilatura.utils.decode_file's
result (meta/HTTP-equiv charset, then charset guessing), or charset_normalizer.

Timing covers only each tool's extraction (and decoding, which is part of it)
over all pages of a set, in this single process; gunzip and file reading are
done beforehand and not counted.
"""
import argparse
import contextlib
import gzip
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ALL_TOOLS = ("decant", "trafilatura", "readability", "resiliparse", "newspaper")
SCORE_LINE = re.compile(
    r"F1 (?P<f1>[\d.]+)\s+precision (?P<precision>[\d.]+)\s+"
    r"recall (?P<recall>[\d.]+)\s+accuracy (?P<accuracy>[\d.]+)"
)


class EvalSet:
    """One dev set: where its pages are, how to score it, and each page's URL."""

    def __init__(self, key, folder, truth_file, metric, eval_dir):
        self.key = key
        self.folder = eval_dir / folder
        self.html_dir = self.folder / "html"
        self.truth = self.folder / truth_file
        self.metric = metric
        self.declared_utf8 = key == "scrapinghub"

    def pages(self, page_id):
        """Return [(page_id, raw bytes)] for every page, sorted by file name."""
        out = []
        for path in sorted(self.html_dir.iterdir()):
            if not path.is_file():
                continue
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            out.append((page_id(path.name), data))
        return out

    def urls(self, page_id):
        """Return {page_id: url} from the ground truth (used by newspaper)."""
        truth = json.loads(self.truth.read_text("utf8"))
        if self.metric == "scrapinghub":
            return {key: (item.get("url") or "") for key, item in truth.items()}
        return {page_id(item["file"]): url for url, item in truth.items()}


def eval_sets(eval_dir):
    return {
        "scrapinghub": EvalSet("scrapinghub", "scrapinghub-dev", "ground-truth.json",
                               "scrapinghub", eval_dir),
        "trafilatura": EvalSet("trafilatura", "trafilatura-dev", "evaldata.json",
                               "withwithout", eval_dir),
    }


def load_scorer(eval_dir):
    """Import the eval folder's score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer, eval_set, predictions):
    """Score a predictions file/folder; return the parsed figures and score.py's line."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        getattr(scorer, eval_set.metric)(eval_set.truth, predictions)
    line = buffer.getvalue().strip()
    match = SCORE_LINE.search(line)
    figures = {k: float(v) for k, v in match.groupdict().items()} if match else {}
    return figures, line


# ---------------------------------------------------------------- decoding


def decode_common(data):
    """Decode page bytes the cheap standard way: trafilatura's decoder, else charset_normalizer."""
    try:
        from trafilatura.utils import decode_file

        return decode_file(data)
    except ImportError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:
        pass
    return data.decode("utf8", errors="replace")


def as_text(data, eval_set, decoder=decode_common):
    if eval_set.declared_utf8:
        return data.decode("utf8", errors="replace")
    return decoder(data)


# ---------------------------------------------------------------- Python tools


def make_trafilatura():
    import trafilatura

    def run(data, eval_set, url):
        page = data.decode("utf8", errors="replace") if eval_set.declared_utf8 else data
        return trafilatura.extract(page, include_comments=False) or ""

    return run, f"trafilatura {version_of('trafilatura')}"


def summary_to_text_lxml(summary):
    """Fallback when html-text is missing: text per block element, joined by newlines."""
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.fromstring(summary)
    blocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
              "tr", "td", "th", "dd", "dt", "figcaption", "section", "article", "br"}
    parts = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in blocks:
                parts.append("\n")
            if element.text and tag:
                parts.append(element.text)
        else:
            if tag in blocks:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    text = "".join(parts)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def make_readability():
    from readability import Document

    try:
        import html_text

        to_text, how = html_text.extract_text, "html_text"
    except ImportError:
        to_text, how = summary_to_text_lxml, "lxml blocks"

    def run(data, eval_set, url):
        summary = Document(as_text(data, eval_set)).summary(html_partial=True)
        return to_text(summary) or ""

    return run, f"readability-lxml {version_of('readability-lxml')} ({how})"


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def own_decoder(data):
        return bytes_to_str(data, detect_encoding(data))

    def run(data, eval_set, url):
        return extract_plain_text(as_text(data, eval_set, own_decoder), main_content=True) or ""

    return run, f"resiliparse {version_of('resiliparse')}"


def make_newspaper():
    import newspaper

    def run(data, eval_set, url):
        # fetch_images=False: the text is the same, but the default would download
        # every image over the network to rank them (seconds per page, or timeouts).
        article = newspaper.article(url or "http://example.com/", input_html=as_text(data, eval_set),
                                    fetch_images=False)
        article.parse()
        return article.text or ""

    return run, f"newspaper4k {version_of('newspaper4k')}"


PYTHON_TOOLS = {
    "trafilatura": make_trafilatura,
    "readability": make_readability,
    "resiliparse": make_resiliparse,
    "newspaper": make_newspaper,
}


def version_of(dist):
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:  # noqa: BLE001 - a missing version is only cosmetic
        return "?"


def run_python_tool(name, run, eval_set, pages, urls, out_dir):
    """Extract every page with one tool; write the JSON; return (path, seconds, errors)."""
    predictions, errors = {}, 0
    elapsed = 0.0
    for key, data in pages:
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text = run(data, eval_set, urls.get(key, ""))
        except Exception as error:  # noqa: BLE001 - a failing page scores as empty
            errors += 1
            text = ""
            first_line = next((l for l in str(error).splitlines() if l.strip("* ")), "")
            print(f"  {name} failed on {key}: {type(error).__name__}: {first_line}"[:200],
                  file=sys.stderr)
        elapsed += time.perf_counter() - start
        predictions[key] = {"articleBody": text}
    path = out_dir / f"{name}-{eval_set.key}.json"
    path.write_text(json.dumps(predictions, ensure_ascii=False, indent=1, sort_keys=True), "utf8")
    return path, elapsed, errors


# ---------------------------------------------------------------- decant


def default_decant():
    candidates = []
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "decant")
    candidates += [REPO / "target" / "release" / "decant", REPO.parent / "target" / "release" / "decant"]
    for path in candidates:
        if path.is_file():
            return path
    return candidates[0]


def run_decant(binary, threads, eval_set, out_dir):
    """Run decant over one set into OUT/decant-SET; return (folder, seconds, version)."""
    folder = out_dir / f"decant-{eval_set.key}"
    if folder.exists():
        shutil.rmtree(folder)
    command = [str(binary), "extract", str(eval_set.html_dir), "-o", str(folder),
               "--format", "jsonl", "-q", "-j", str(threads)]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    elapsed = time.perf_counter() - start
    return folder, elapsed, " ".join(command)


def decant_version(binary):
    try:
        done = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30)
        return done.stdout.strip() or "decant"
    except (OSError, subprocess.SubprocessError):
        return "decant"


# ---------------------------------------------------------------- table


def fmt(value):
    return "" if value is None else f"{value:.3f}"


def markdown_table(rows, labels):
    header = ("| tool | scrapinghub F1 | precision | recall | accuracy | "
              "trafilatura-dev F1 | precision | recall | pages/s |")
    lines = [header, "|" + "---|" * 9]
    for tool, result in rows.items():
        sh = result.get("scrapinghub", {})
        tr = result.get("trafilatura", {})
        pages = sum(r.get("pages", 0) for r in result.values())
        seconds = sum(r.get("seconds", 0.0) for r in result.values())
        speed = f"{pages / seconds:.1f}" if seconds > 0 else ""
        lines.append(
            f"| {labels.get(tool, tool)} | {fmt(sh.get('f1'))} | {fmt(sh.get('precision'))} | "
            f"{fmt(sh.get('recall'))} | {fmt(sh.get('accuracy'))} | {fmt(tr.get('f1'))} | "
            f"{fmt(tr.get('precision'))} | {fmt(tr.get('recall'))} | {speed} |"
        )
    return "\n".join(lines)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decant", type=Path, default=default_decant(),
                        help="decant binary (default: the release build in the target dir)")
    parser.add_argument("--decant-threads", type=int, default=1,
                        help="decant -j value; 1 compares it single-core like the Python tools")
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval",
                        help="folder holding score.py and the dev sets (default: ../shared/eval)")
    parser.add_argument("--tools", default=",".join(ALL_TOOLS),
                        help=f"comma-separated subset of {','.join(ALL_TOOLS)}")
    parser.add_argument("--sets", default="scrapinghub,trafilatura",
                        help="comma-separated subset of scrapinghub,trafilatura")
    parser.add_argument("--out", type=Path, default=Path("/tmp/decant-side-by-side"),
                        help="folder for the predictions and results.json")
    return parser.parse_args()


def main():
    args = parse_args()
    eval_dir = args.eval_dir.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    out_dir = args.out.resolve()
    scorer = load_scorer(eval_dir)
    sets = eval_sets(eval_dir)
    chosen_sets = [sets[s.strip()] for s in args.sets.split(",") if s.strip()]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown:
        sys.exit(f"unknown tools: {', '.join(unknown)} (known: {', '.join(ALL_TOOLS)})")

    labels, runners, skipped = {}, {}, {}
    for tool in tools:
        if tool == "decant":
            if not args.decant.is_file():
                skipped[tool] = f"binary not found at {args.decant}"
                continue
            labels[tool] = f"{decant_version(args.decant)} (-j {args.decant_threads})"
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                runners[tool], labels[tool] = PYTHON_TOOLS[tool]()
        except ImportError as error:
            skipped[tool] = f"not installed ({error})"
    for tool, why in skipped.items():
        print(f"skipping {tool}: {why}", file=sys.stderr)

    results = {t: {} for t in tools if t not in skipped}
    for eval_set in chosen_sets:
        pages = eval_set.pages(scorer.page_id)
        urls = eval_set.urls(scorer.page_id)
        for tool in results:
            print(f"{tool} on {eval_set.key}-dev ({len(pages)} pages) ...", file=sys.stderr)
            if tool == "decant":
                predictions, seconds, command = run_decant(args.decant, args.decant_threads,
                                                           eval_set, out_dir)
                errors, note = 0, command
            else:
                predictions, seconds, errors = run_python_tool(
                    tool, runners[tool], eval_set, pages, urls, out_dir)
                note = ""
            figures, line = score(scorer, eval_set, predictions)
            results[tool][eval_set.key] = dict(figures, pages=len(pages), seconds=seconds,
                                               errors=errors, score_line=line,
                                               predictions=str(predictions), command=note)
            print(f"  {line}  ({seconds:.1f} s, {errors} errors)", file=sys.stderr)

    (out_dir / "results.json").write_text(
        json.dumps({"labels": labels, "skipped": skipped, "results": results}, indent=2), "utf8")
    table = markdown_table(results, labels)
    (out_dir / "results.md").write_text(table + "\n", "utf8")
    print(table)
    if skipped:
        print("\nskipped: " + "; ".join(f"{t}: {why}" for t, why in skipped.items()))


if __name__ == "__main__":
    main()
