"""Clean a dataset of raw pages with decant inside Spark.

Reads Parquet or JSON Lines rows with an HTML column (and optionally a URL
column), runs ``decant.extract_batch`` on every Arrow batch with
``mapInArrow`` and writes the articles (and the rejected rows, with their
``reject_reason``) as Parquet: the columns of ``decant extract``'s output.

    pip install pyspark "decant[arrow]"      # the wheel, on every node
    python examples/spark_extract.py pages.parquet out/ --master "local[*]"
    spark-submit examples/spark_extract.py s3://bucket/pages/ s3://bucket/articles/ \\
        --keep warc_id --url-column target_uri

Ship the wheel to a cluster whose nodes lack it with ``--archives`` /
``spark.archives`` (a packed virtualenv with decant installed, see the
README's "At scale" section) or preinstall it on every node.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import pyarrow as pa

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
    parser.add_argument("--master", help="Spark master, e.g. local[*] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, help="repartition the input into this many tasks")
    return parser.parse_args()


def start_spark(master: str | None):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("decant-extract")
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
        )
    return builder.getOrCreate()


def main() -> None:
    args = parse_args()
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

    spark = start_spark(args.master)
    is_json = any(args.input.endswith(s) for s in (".jsonl", ".json", ".jsonl.gz", ".json.gz"))
    pages = spark.read.json(args.input) if is_json else spark.read.parquet(args.input)
    if args.partitions:
        pages = pages.repartition(args.partitions)
    url_column = args.url_column or None
    if url_column and url_column not in pages.columns:
        url_column = None
    wanted = [args.html_column] + ([url_column] if url_column else []) + args.keep
    pages = pages.select(*dict.fromkeys(wanted))

    # The output schema, declared to Spark, and Spark's Arrow form of it
    # (timestamps in microseconds) that each returned batch is cast to.
    input_arrow = to_arrow_schema(pages.schema, timezone="UTC")
    kept_fields = [input_arrow.field(name) for name in args.keep]
    spark_schema = from_arrow_schema(decant.output_schema(kept_fields))
    arrow_schema = to_arrow_schema(spark_schema, timezone="UTC")
    html_column, keep, keep_removed = args.html_column, tuple(args.keep), args.keep_removed

    def extract(batches):
        # Spark runs one task per core, so each call uses its own thread only.
        for batch in batches:
            out = decant.extract_batch(
                batch,
                html_column=html_column,
                url_column=url_column,
                keep_columns=keep,
                keep_removed=keep_removed,
                threads=1,
            )
            yield out.cast(arrow_schema)

    articles = pages.mapInArrow(extract, spark_schema)
    if args.articles_only:
        articles = articles.where("reject_reason IS NULL")
    started = time.perf_counter()
    articles.write.mode("overwrite").parquet(args.output)
    seconds = time.perf_counter() - started
    rows = spark.read.parquet(args.output).count()
    print(f"{rows} rows written to {args.output} in {seconds:.1f} s ({rows / seconds:.1f} rows/s)")
    spark.stop()


if __name__ == "__main__":
    main()
