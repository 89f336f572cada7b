"""What the tests compare against: the ``decant`` CLI's own output.

Pages come from files the CLI reads as they are (``samples/``, an eval
set's ``html/``); the CLI writes its Parquet dataset; the tests build Arrow
batches of the same bytes, run them through the wheel (directly, in Spark,
in Ray) and compare the results page by page, keyed by the CLI's ``source``
(the file's path relative to the input folder).

``DECANT_CLI`` is the command that runs the CLI (split like a shell
command); by default ``cargo run --quiet`` in this repository.
"""

from __future__ import annotations

import glob
import gzip
import os
import shlex
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"

# File kinds the tests feed as pages: one page per file, read as bytes.
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")

# Columns that name the page rather than describe it: the CLI names a page
# by its file, extract_batch by its row (the tests key rows by file).
NAMING_COLUMNS = ("id", "source")

# The key column the tests add to their batches and keep in the output.
KEY = "key"


def cli_command() -> list[str]:
    """The command that runs the decant CLI."""
    if os.environ.get("DECANT_CLI"):
        return shlex.split(os.environ["DECANT_CLI"])
    return ["cargo", "run", "--quiet", "--manifest-path", str(REPO / "Cargo.toml"), "--"]


def page_files(folder: Path) -> list[Path]:
    """The one-page files of ``folder`` (recursively), sorted."""
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.name.endswith(PAGE_SUFFIXES)
    )


def read_page(path: Path) -> bytes:
    """A page's bytes as the CLI reads them (gzip undone)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def pages_table(folder: Path, html_type: pa.DataType = pa.binary()) -> pa.Table:
    """(key, url, html) rows of every page file of ``folder``: ``key`` is
    the CLI's ``source`` for that file, ``url`` is null as for a file."""
    files = page_files(folder)
    return pa.table(
        {
            KEY: pa.array([p.relative_to(folder).as_posix() for p in files], pa.string()),
            "url": pa.array([None] * len(files), pa.string()),
            "html": pa.array([read_page(p) for p in files], html_type),
        }
    )


def run_cli(inputs: list[Path], out: Path, *options: str) -> None:
    """Runs ``decant extract INPUTS -o OUT`` (Parquet)."""
    command = cli_command() + ["extract", *map(str, inputs), "-o", str(out), "--quiet", *options]
    subprocess.run(command, check=True, cwd=REPO)


def cli_results(out: Path) -> dict[str, dict]:
    """The CLI's rows by ``source``: article rows, and reject rows as
    ``{"reject_reason": reason}``."""
    rows: dict[str, dict] = {}
    for path in sorted(glob.glob(str(out / "articles-*.parquet"))):
        for row in pq.read_table(path).to_pylist():
            rows[row["source"]] = row
    for row in pq.read_table(out / "rejects.parquet").to_pylist():
        rows[row["source"]] = {"reject_reason": row["reason"]}
    return rows


def compare(expected: dict[str, dict], actual_rows: list[dict]) -> list[str]:
    """Differences between the CLI's rows and extract_batch rows (which
    carry the ``key`` column): every column but the naming ones, for
    articles; the reason, for rejects. Empty when they agree."""
    problems = []
    actual = {row[KEY]: row for row in actual_rows}
    if sorted(actual) != sorted(expected):
        missing = sorted(set(expected) - set(actual))
        extra = sorted(set(actual) - set(expected))
        problems.append(f"pages differ: missing {missing[:5]}, extra {extra[:5]}")
    for key in sorted(set(actual) & set(expected)):
        want, got = expected[key], actual[key]
        if "reject_reason" in want:
            if got.get("text") is not None or got.get("reject_reason") != want["reject_reason"]:
                problems.append(
                    f"{key}: CLI rejects it ({want['reject_reason']}), "
                    f"binding gives reason {got.get('reject_reason')!r}"
                )
            continue
        if got.get("reject_reason") is not None:
            problems.append(f"{key}: binding rejects it ({got['reject_reason']}), CLI does not")
            continue
        for column, value in want.items():
            if column in NAMING_COLUMNS:
                continue
            if got.get(column) != value:
                problems.append(f"{key}: column {column} differs: CLI {value!r:.120} binding {got.get(column)!r:.120}")
    return problems
