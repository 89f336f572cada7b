"""Clean a dataset of raw pages with decant inside Ray Data.

Reads Parquet or JSON Lines rows with an HTML column (and optionally a URL
column), runs ``decant.extract_batch`` on every batch with
``map_batches(batch_format="pyarrow")`` and writes the articles (and the
rejected rows, with their ``reject_reason``) as Parquet: the columns of
``decant extract``'s output.

    pip install "ray[data]" "decant[arrow]"
    python examples/ray_extract.py pages.parquet out/
    python examples/ray_extract.py pages.parquet out/ --address auto --wheel dist/decant-*.whl

With ``--wheel`` the wheel is shipped to the cluster's workers through
``runtime_env={"py_modules": [wheel]}``; without it, the workers must have
decant installed (or use ``runtime_env={"pip": ["decant[arrow]"]}``).
"""

from __future__ import annotations

import argparse
import os
import time

import pyarrow as pa
import pyarrow.compute as pc

import decant


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="Parquet file/folder, or JSON Lines (.jsonl / .json[.gz])")
    parser.add_argument("output", help="output folder (Parquet)")
    parser.add_argument("--html-column", default="html")
    parser.add_argument("--url-column", default="url", help="'' for none")
    parser.add_argument("--keep", nargs="*", default=[], help="input columns to copy to the output")
    parser.add_argument("--keep-removed", action="store_true", help="fill the removed column")
    parser.add_argument("--articles-only", action="store_true", help="drop the rejected rows")
    parser.add_argument("--address", help="Ray cluster address (default: a local Ray)")
    parser.add_argument("--num-cpus", type=int, help="CPUs of the local Ray")
    parser.add_argument("--wheel", help="the decant wheel to ship to the workers")
    parser.add_argument("--batch-size", type=int, default=256, help="pages per batch")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray
    import ray.data

    runtime_env = {"py_modules": [args.wheel]} if args.wheel else None
    ray.init(
        address=args.address,
        num_cpus=None if args.address else args.num_cpus,
        include_dashboard=False,
        runtime_env=runtime_env,
    )
    is_json = any(args.input.endswith(s) for s in (".jsonl", ".json", ".jsonl.gz", ".json.gz"))
    pages = ray.data.read_json(args.input) if is_json else ray.data.read_parquet(args.input)
    url_column = args.url_column or None
    if url_column and url_column not in pages.schema().names:
        url_column = None
    html_column, keep, keep_removed = args.html_column, tuple(args.keep), args.keep_removed
    articles_only = args.articles_only

    def extract(table: pa.Table) -> pa.Table:
        # A pyarrow batch is a Table: extract each of its record batches.
        # Ray gives each task one CPU, so each call uses its own thread only.
        out = [
            decant.extract_batch(
                batch,
                html_column=html_column,
                url_column=url_column,
                keep_columns=keep,
                keep_removed=keep_removed,
                threads=1,
            )
            for batch in table.to_batches()
        ]
        schema = decant.output_schema([table.schema.field(name) for name in keep])
        result = pa.Table.from_batches(out, schema=schema)
        if articles_only:
            result = result.filter(pc.is_null(result.column("reject_reason")))
        return result

    articles = pages.map_batches(extract, batch_format="pyarrow", batch_size=args.batch_size)
    started = time.perf_counter()
    articles.write_parquet(args.output)
    seconds = time.perf_counter() - started
    rows = ray.data.read_parquet(args.output).count()
    print(f"{rows} rows written to {args.output} in {seconds:.1f} s ({rows / seconds:.1f} rows/s)")
    ray.shutdown()


if __name__ == "__main__":
    main()
