#!/usr/bin/env python3
"""Pages/s of decant and other extractors on the same pages (dev-only tool).

Never a runtime dependency of decant. On one folder of pages (.html, or
.html.gz, one page per file) it measures, each in its own single process:

  * decant, 1 thread and 2 threads: `decant bench FOLDER -j N --json`, the
    whole pipeline's pages/s (reading, gunzip, decoding, extraction and
    Parquet writing included, wall clock);
  * decant extraction only and bare parse: the same `decant bench` runs'
    paired pass, which decodes the pages beforehand and times, on one
    thread, decant's extraction (parse to record) and a bare
    `scraper::Html::parse_document` of each page, block by block;
  * dom_smoothie (Rust Readability port): a scratch runner kept outside the
    repository (default /work/scratch/dom_smoothie_runner, a cargo project
    depending on dom_smoothie from crates.io), built with `cargo build
    --release` if it has no binary yet; it reads and gunzips every page
    first and times the extraction only;
  * resiliparse: `extract_plain_text(HTMLTree.parse(html),
    main_content=True)`;
  * trafilatura: `extract(html, include_comments=False)`.

For the Python tools and dom_smoothie the pages are read, gunzipped and
decoded (UTF-8, errors replaced) beforehand and not timed: only extraction
is, over all pages, in this process. decant's figure is stricter (its whole
run). Each tool runs `--rounds` times and the best round is kept; a tool
that is not installed is reported and skipped. The table is printed in
Markdown.

  python3 scripts/speed_side_by_side.py FOLDER [--decant PATH] [--rounds N]
      [--tools decant,bare,dom_smoothie,resiliparse,trafilatura]
      [--dom-smoothie-runner DIR]

The machine's load changes every figure: compare rows of one run, measured
on a quiet machine.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ALL_TOOLS = ("decant", "bare", "dom_smoothie", "resiliparse", "trafilatura")
DEFAULT_RUNNER = Path("/work/scratch/dom_smoothie_runner")


def page_files(folder):
    return sorted(p for p in Path(folder).iterdir()
                  if p.is_file() and not p.name.startswith("."))


def load_pages(folder):
    """Every page as text: gunzipped if need be, decoded as UTF-8 (errors replaced)."""
    pages = []
    for path in page_files(folder):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        pages.append(data.decode("utf-8", errors="replace"))
    return pages


def decant_command(args):
    if args.decant:
        return [args.decant]
    return ["cargo", "run", "--release", "--quiet", "--manifest-path",
            str(REPO / "Cargo.toml"), "--"]


def run_decant_bench(args, threads):
    """One `decant bench` run: (pipeline pages/s, (extraction-only pages/s,
    bare-parse pages/s) of its paired pass, pages)."""
    command = decant_command(args) + ["bench", str(args.folder), "-j", str(threads), "--json"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    run, paired = report["run"], report["rounds"][0]
    pipeline = run["pages_read"] / run["seconds"] if run["seconds"] else 0.0
    pages = paired["html_pages"]
    extraction = pages / paired["extraction"] if paired["extraction"] else 0.0
    bare = pages / paired["bare_parse"] if paired["bare_parse"] else 0.0
    baseline = (extraction, bare)
    return pipeline, baseline, run["pages_read"]


def time_python(extract, pages):
    started = time.perf_counter()
    errors = 0
    for html in pages:
        try:
            extract(html)
        except Exception:  # a page a tool fails on still costs its time
            errors += 1
    return time.perf_counter() - started, errors


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def extract(html):
        return extract_plain_text(HTMLTree.parse(html), main_content=True)
    return extract


def make_trafilatura():
    import trafilatura

    def extract(html):
        return trafilatura.extract(html, include_comments=False)
    return extract


def dom_smoothie_binary(runner):
    binary = runner / "target" / "release" / "dom_smoothie_runner"
    if not binary.exists() and (runner / "Cargo.toml").exists():
        print(f"building {runner} ...", file=sys.stderr)
        env = dict(os.environ, CARGO_TARGET_DIR=str(runner / "target"))
        subprocess.run(["cargo", "build", "--release", "--manifest-path",
                        str(runner / "Cargo.toml")], check=True, env=env)
    return binary if binary.exists() else None


def run_dom_smoothie(binary, folder):
    out = subprocess.run([str(binary), str(folder)], check=True,
                         capture_output=True, text=True).stdout
    report = json.loads(out.strip().splitlines()[-1])
    return report["seconds"], report["errors"], report["pages"]


def best(values):
    return max(values) if values else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--decant", help="decant binary (default: cargo run --release)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--tools", default=",".join(ALL_TOOLS))
    parser.add_argument("--dom-smoothie-runner", type=Path, default=DEFAULT_RUNNER)
    args = parser.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(ALL_TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    n_files = len(page_files(args.folder))
    rows = []  # (tool, pages/s, note)

    if "decant" in tools or "bare" in tools:
        one, two, only, bare = [], [], [], []
        for _ in range(args.rounds):
            pipeline, (extraction, baseline), _ = run_decant_bench(args, 1)
            one.append(pipeline)
            only.append(extraction)
            bare.append(baseline)
            if "decant" in tools:
                pipeline, _, _ = run_decant_bench(args, 2)
                two.append(pipeline)
        if "decant" in tools:
            rows.append(("decant, 1 thread (whole run)", best(one),
                         "`decant bench -j 1`: read, gunzip, decode, extract, write Parquet"))
            two_note = "`decant bench -j 2`"
            if best(one):
                two_note += f"; {best(two) / best(one):.2f}x one thread"
            rows.append(("decant, 2 threads (whole run)", best(two), two_note))
            rows.append(("decant, 1 thread (extraction only)", best(only),
                         "`decant bench -j 1` paired pass: parse to record, "
                         "pages decoded beforehand"))
        if "bare" in tools:
            rows.append(("bare scraper parse, 1 thread", best(bare),
                         "`decant bench -j 1` paired pass: "
                         "`scraper::Html::parse_document`, pages decoded beforehand"))

    if "dom_smoothie" in tools:
        binary = dom_smoothie_binary(args.dom_smoothie_runner)
        if binary is None:
            rows.append(("dom_smoothie", None, f"no runner in {args.dom_smoothie_runner}"))
        else:
            speeds, errors = [], 0
            for _ in range(args.rounds):
                seconds, errors, pages = run_dom_smoothie(binary, args.folder)
                speeds.append(pages / seconds if seconds else 0.0)
            rows.append(("dom_smoothie (Rust Readability)", best(speeds),
                         f"extraction only; {errors} pages failed"))

    python_tools = [("resiliparse", make_resiliparse,
                     "`extract_plain_text(tree, main_content=True)`, extraction only"),
                    ("trafilatura", make_trafilatura,
                     "`extract(html, include_comments=False)`, extraction only")]
    wanted = [t for t in python_tools if t[0] in tools]
    pages = load_pages(args.folder) if wanted else []
    for name, make, note in wanted:
        try:
            extract = make()
        except ImportError as error:
            rows.append((name, None, f"not installed ({error})"))
            continue
        speeds, errors = [], 0
        for _ in range(args.rounds):
            seconds, errors = time_python(extract, pages)
            speeds.append(len(pages) / seconds if seconds else 0.0)
        if errors:
            note += f"; {errors} pages failed"
        rows.append((name, best(speeds), note))

    print(f"{n_files} pages from {args.folder}, best of {args.rounds} round(s), "
          f"one process each, {time.strftime('%Y-%m-%d %H:%M')}\n")
    print("| tool | pages/s | what is timed |")
    print("|---|---:|---|")
    for tool, speed, note in rows:
        shown = "-" if speed is None else f"{speed:.1f}"
        print(f"| {tool} | {shown} | {note} |")


if __name__ == "__main__":
    main()
