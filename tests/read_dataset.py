#!/usr/bin/env python3
"""Check that a decant Parquet dataset reads in pyarrow, DuckDB and polars.

Usage: read_dataset.py OUTPUT_DIR EXPECTED_ARTICLES EXPECTED_REJECTS

Opens OUTPUT_DIR/articles-*.parquet and OUTPUT_DIR/rejects.parquet with
pyarrow and DuckDB (and polars when installed), asserts the row counts and
the name and type of every column, prints a one-line summary and exits
non-zero on any mismatch. Needs: pip install pyarrow duckdb (polars optional).
"""

import glob
import os
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

try:
    import polars as pl
except ImportError:  # polars is an optional third opinion
    pl = None


def _list(item_type):
    return pa.list_(pa.field("item", item_type, nullable=False))


QUOTE = pa.struct(
    [
        pa.field("text", pa.string(), nullable=False),
        pa.field("speaker", pa.string()),
        pa.field("cue", pa.string()),
        pa.field("start", pa.int32(), nullable=False),
        pa.field("end", pa.int32(), nullable=False),
    ]
)
REMOVED = pa.struct(
    [
        pa.field("kind", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
    ]
)

# (name, Arrow type, nullable, DuckDB type) for every article column, in order.
ARTICLE_COLUMNS = [
    ("id", pa.string(), False, "VARCHAR"),
    ("source", pa.string(), False, "VARCHAR"),
    ("url", pa.string(), True, "VARCHAR"),
    ("fetched_at", pa.timestamp("ms", tz="UTC"), True, "TIMESTAMP WITH TIME ZONE"),
    ("title", pa.string(), True, "VARCHAR"),
    ("site_name", pa.string(), True, "VARCHAR"),
    ("description", pa.string(), True, "VARCHAR"),
    ("language", pa.string(), True, "VARCHAR"),
    ("authors", _list(pa.string()), False, "VARCHAR[]"),
    ("tags", _list(pa.string()), False, "VARCHAR[]"),
    ("date_published", pa.date32(), True, "DATE"),
    ("date_modified", pa.date32(), True, "DATE"),
    ("date_source", pa.string(), True, "VARCHAR"),
    ("canonical_url", pa.string(), True, "VARCHAR"),
    ("image_url", pa.string(), True, "VARCHAR"),
    ("text", pa.string(), False, "VARCHAR"),
    ("word_count", pa.int32(), False, "INTEGER"),
    (
        "quotes",
        _list(QUOTE),
        False,
        'STRUCT("text" VARCHAR, speaker VARCHAR, cue VARCHAR, "start" INTEGER, "end" INTEGER)[]',
    ),
    ("removed", _list(REMOVED), True, 'STRUCT(kind VARCHAR, "text" VARCHAR)[]'),
    ("content_hash", pa.string(), False, "VARCHAR"),
    ("encoding", pa.string(), True, "VARCHAR"),
]

REJECT_COLUMNS = [
    ("id", pa.string(), False, "VARCHAR"),
    ("source", pa.string(), False, "VARCHAR"),
    ("url", pa.string(), True, "VARCHAR"),
    ("reason", pa.string(), False, "VARCHAR"),
    ("detail", pa.string(), False, "VARCHAR"),
]

# polars dtypes as strings, for the columns whose mapping matters most.
POLARS_TYPES = {
    "fetched_at": "Datetime(time_unit='ms', time_zone='UTC')",
    "date_published": "Date",
    "authors": "List(String)",
    "word_count": "Int32",
}


def normalize_duckdb_type(text):
    """DuckDB quotes struct field names that are keywords only in some versions."""
    return text.replace('"', "")


def check_pyarrow(paths, columns, expected_rows, errors, label):
    expected = pa.schema([pa.field(n, t, nullable=nullable) for n, t, nullable, _ in columns])
    rows = 0
    for path in paths:
        schema = pq.read_schema(path)
        if not schema.remove_metadata().equals(expected):
            errors.append(f"pyarrow {label} {path}: schema\n{schema}\n!=\n{expected}")
        if b"decant.version" not in (pq.read_metadata(path).metadata or {}):
            errors.append(f"pyarrow {label} {path}: no decant.version metadata")
        rows += pq.read_table(path).num_rows
    if rows != expected_rows:
        errors.append(f"pyarrow {label}: {rows} rows, expected {expected_rows}")


def check_duckdb(pattern, columns, expected_rows, errors, label):
    con = duckdb.connect()
    source = f"read_parquet('{pattern}')"
    described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    got = [(row[0], normalize_duckdb_type(row[1])) for row in described]
    want = [(name, normalize_duckdb_type(t)) for name, _, _, t in columns]
    if got != want:
        errors.append(f"duckdb {label}: columns {got} != {want}")
    rows = con.execute(f"SELECT count(*) FROM {source}").fetchall()[0][0]
    if rows != expected_rows:
        errors.append(f"duckdb {label}: {rows} rows, expected {expected_rows}")


def check_polars(pattern, expected_rows, errors):
    frame = pl.read_parquet(pattern)
    if frame.height != expected_rows:
        errors.append(f"polars articles: {frame.height} rows, expected {expected_rows}")
    names = [name for name, _, _, _ in ARTICLE_COLUMNS]
    if frame.columns != names:
        errors.append(f"polars articles: columns {frame.columns} != {names}")
    for name, want in POLARS_TYPES.items():
        got = repr(frame.schema[name]) if name in frame.schema else None
        if got != want:
            errors.append(f"polars articles: {name} is {got}, expected {want}")
    quotes = frame.schema.get("quotes")
    if not (isinstance(quotes, pl.List) and isinstance(quotes.inner, pl.Struct)):
        errors.append(f"polars articles: quotes is {quotes}, expected List(Struct)")


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out_dir, want_articles, want_rejects = argv[1], int(argv[2]), int(argv[3])
    errors = []
    article_paths = sorted(glob.glob(os.path.join(out_dir, "articles-*.parquet")))
    rejects_path = os.path.join(out_dir, "rejects.parquet")
    if not os.path.exists(rejects_path):
        errors.append(f"{rejects_path} is missing")
    if want_articles > 0 and not article_paths:
        errors.append(f"no articles-*.parquet in {out_dir}")
    if any(name.endswith(".tmp") for name in os.listdir(out_dir)):
        errors.append(f"temporary files left in {out_dir}")

    if not errors:
        articles_glob = os.path.join(out_dir, "articles-*.parquet")
        check_pyarrow(article_paths, ARTICLE_COLUMNS, want_articles, errors, "articles")
        check_pyarrow([rejects_path], REJECT_COLUMNS, want_rejects, errors, "rejects")
        if article_paths:
            check_duckdb(articles_glob, ARTICLE_COLUMNS, want_articles, errors, "articles")
            if pl is not None:
                check_polars(articles_glob, want_articles, errors)
        check_duckdb(rejects_path, REJECT_COLUMNS, want_rejects, errors, "rejects")

    if errors:
        for error in errors:
            print(f"FAIL {error}", file=sys.stderr)
        return 1
    readers = "pyarrow, duckdb" + (", polars" if pl is not None else "")
    print(
        f"OK {out_dir}: {want_articles} articles in {len(article_paths)} file(s), "
        f"{want_rejects} rejects; schema and types agree in {readers}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
