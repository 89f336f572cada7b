"""decant inside the engines: a Spark ``mapInArrow`` job (local[2]) and a
Ray Data ``map_batches(batch_format="pyarrow")`` job (2 CPUs) read a
Parquet file of (key, url, html) rows made from samples/, run
extract_batch, write Parquet, and their rows equal the CLI's.

Skipped when pyspark / ray are not installed, unless
``DECANT_REQUIRE_ENGINES=1`` (CI), which makes their absence a failure.
"""

from __future__ import annotations

import glob
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import decant
import reference


def require(module: str):
    if os.environ.get("DECANT_REQUIRE_ENGINES") == "1":
        return __import__(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def pages_parquet(sample_pages, tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "pages.parquet"
    # Several row groups, so the engines split the file into several tasks.
    pq.write_table(sample_pages, path, row_group_size=4)
    return path


def read_output(folder) -> list[dict]:
    files = sorted(glob.glob(os.path.join(folder, "*.parquet")))
    assert files, f"no Parquet written in {folder}"
    return pa.concat_tables([pq.read_table(f) for f in files]).to_pylist()


def extract_job(key: str):
    """The function an engine maps: every batch through extract_batch.
    Built here so that it holds no reference to this module (the engines'
    workers cannot import the tests): cloudpickle sends it by value."""

    def extract_batches(batches):
        import decant

        for batch in batches:
            yield decant.extract_batch(batch, keep_columns=(key,), threads=1)

    return extract_batches


def test_spark_map_in_arrow_gives_the_cli_answers(pages_parquet, cli_on_samples, tmp_path):
    require("pyspark")
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("decant-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        pages = spark.read.parquet(str(pages_parquet)).repartition(2)
        key_field = pa.field(reference.KEY, pa.string())
        spark_schema = from_arrow_schema(decant.output_schema([key_field]))
        # Spark's own Arrow types (timestamps in microseconds) for the batches.
        arrow_schema = to_arrow_schema(spark_schema, timezone="UTC")
        extract_batches = extract_job(reference.KEY)

        def job(batches):
            for out in extract_batches(batches):
                yield out.cast(arrow_schema)

        out_dir = tmp_path / "spark-out"
        pages.mapInArrow(job, spark_schema).write.parquet(str(out_dir))
    finally:
        spark.stop()
    rows = read_output(out_dir)
    problems = reference.compare(cli_on_samples, rows)
    assert not problems, "\n".join(problems)


def test_ray_map_batches_gives_the_cli_answers(pages_parquet, cli_on_samples, tmp_path):
    require("ray")
    import ray

    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        import ray.data

        out_schema = decant.output_schema([pa.field(reference.KEY, pa.string())])
        extract_batches = extract_job(reference.KEY)

        def job(table):
            import pyarrow

            batches = list(extract_batches(table.to_batches()))
            return pyarrow.Table.from_batches(batches, schema=out_schema)

        out_dir = tmp_path / "ray-out"
        (
            ray.data.read_parquet(str(pages_parquet))
            .map_batches(job, batch_format="pyarrow", batch_size=4)
            .write_parquet(str(out_dir))
        )
    finally:
        ray.shutdown()
    rows = read_output(out_dir)
    problems = reference.compare(cli_on_samples, rows)
    assert not problems, "\n".join(problems)
