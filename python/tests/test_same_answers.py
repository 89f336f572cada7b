"""extract_batch gives the CLI's answers, page by page: text, metadata,
quotes and every other column, and the same rejects.

On the sample pages always; on an eval set's pages when
``DECANT_EVAL_DIR`` is set (CI sets it to ``../shared/eval`` and
``DECANT_REQUIRE_EVAL=1``, which makes a missing set an error).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pytest

import decant
import reference

EVAL_SET = "scrapinghub-dev"


def extract_rows(table: pa.Table, **options) -> list[dict]:
    out = decant.extract_batch(table, keep_columns=(reference.KEY,), **options)
    return out.to_pylist()


def test_samples_give_the_cli_answers(sample_pages, cli_on_samples):
    assert sample_pages.num_rows >= 10
    problems = reference.compare(cli_on_samples, extract_rows(sample_pages))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("threads", [1, 2, 0])
def test_answers_do_not_depend_on_threads(sample_pages, cli_on_samples, threads):
    problems = reference.compare(cli_on_samples, extract_rows(sample_pages, threads=threads))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("html_type", [pa.large_binary(), pa.binary_view()])
def test_other_binary_layouts_give_the_same_answers(sample_pages, cli_on_samples, html_type):
    table = sample_pages.set_column(
        2, "html", sample_pages.column("html").cast(html_type)
    )
    problems = reference.compare(cli_on_samples, extract_rows(table))
    assert not problems, "\n".join(problems)


def eval_dir() -> Path | None:
    root = os.environ.get("DECANT_EVAL_DIR")
    if not root:
        if os.environ.get("DECANT_REQUIRE_EVAL") == "1":
            pytest.fail("DECANT_REQUIRE_EVAL=1 but DECANT_EVAL_DIR is not set")
        return None
    folder = Path(root) / EVAL_SET / "html"
    if not folder.is_dir():
        pytest.fail(f"DECANT_EVAL_DIR is set but {folder} is missing")
    return folder


def test_eval_pages_give_the_cli_answers(tmp_path):
    folder = eval_dir()
    if folder is None:
        pytest.skip("DECANT_EVAL_DIR is not set")
    reference.run_cli([folder], tmp_path / "dataset")
    expected = reference.cli_results(tmp_path / "dataset")
    pages = reference.pages_table(folder)
    assert pages.num_rows == len(expected) >= 90
    problems = reference.compare(expected, extract_rows(pages))
    assert not problems, "\n".join(problems[:20])


def test_string_column_with_urls_gives_the_jsonl_answers(tmp_path):
    """A utf8 html column with URLs and ids is what the CLI reads from JSON
    Lines: the same text, the URL-aided metadata, and the JSONL ids."""
    jsonl = reference.SAMPLES / "pages.jsonl"
    reference.run_cli([jsonl], tmp_path / "dataset")
    expected = reference.cli_results(tmp_path / "dataset")
    import json

    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    html_lines = [(n, line) for n, line in enumerate(lines, start=1) if "html" in line]
    assert len(html_lines) >= 2
    expected = {k: v for k, v in expected.items() if k in {f"pages.jsonl:{n}" for n, _ in html_lines}}
    for html_type in (pa.string(), pa.large_string(), pa.string_view()):
        table = pa.table(
            {
                reference.KEY: [f"pages.jsonl:{n}" for n, _ in html_lines],
                "page_id": [line["id"] for _, line in html_lines],
                "url": [line["url"] for _, line in html_lines],
                "html": pa.array([line["html"] for _, line in html_lines], html_type),
            }
        )
        rows = extract_rows(table, id_column="page_id")
        problems = reference.compare(expected, rows)
        assert not problems, "\n".join(problems)
        assert [r["id"] for r in rows] == [expected[r[reference.KEY]]["id"] for r in rows]
        assert all(r["url"] for r in rows)
