"""The shape of extract_batch's output and of extract's dict, and the
errors a caller gets for a wrong batch."""

from __future__ import annotations

import datetime
import threading

import pyarrow as pa
import pytest

import decant

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbor council approves new sea wall | Coastline Daily</title>
<meta property="og:site_name" content="Coastline Daily">
<meta property="article:published_time" content="2026-10-31T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbor council approves new sea wall</h1>
<p>The harbor council voted on Tuesday to build a new sea wall along the
northern shore, after two winters of flooding damaged homes and shops.</p>
<p>"We cannot wait for another storm season," said Maria Lopez, the council's
chair, after the vote. The wall will cost about 12 million dollars.</p>
<p>Work is expected to start in the spring and to last eighteen months,
according to the city's engineering office.</p></article>
<footer>Copyright Coastline Daily</footer></body></html>"""


def test_output_has_the_parquet_columns_then_reject_columns_then_kept():
    table = pa.table({"html": [ARTICLE, ""], "url": ["https://example.com/a", None], "n": [7, 8]})
    out = decant.extract_batch(table, keep_columns=("n",))
    assert isinstance(out, pa.RecordBatch)
    assert out.schema == decant.output_schema([table.schema.field("n")])
    assert out.schema.names[-3:] == ["reject_reason", "reject_detail", "n"]
    assert out.schema.field("fetched_at").type == pa.timestamp("ms", tz="UTC")
    assert out.schema.field("date_published").type == pa.date32()
    assert out.schema.field("quotes").type.value_type.names == ["text", "speaker", "cue", "start", "end"]
    rows = out.to_pylist()
    article, empty = rows
    assert "northern shore" in article["text"]
    assert article["url"] == "https://example.com/a"
    assert article["date_published"] == datetime.date(2026, 10, 31)
    assert article["reject_reason"] is None and article["n"] == 7
    q = article["quotes"][0]
    assert article["text"][q["start"]:q["end"]] == q["text"]
    assert empty["text"] is None and empty["reject_reason"] == "empty"
    assert empty["id"] == "1" and empty["source"] == "row:1" and empty["n"] == 8


def test_rows_keep_their_order_across_table_chunks():
    pages = [ARTICLE.replace("sea wall", f"sea wall {i}") for i in range(6)]
    table = pa.Table.from_batches(
        [pa.record_batch({"html": pages[:3]}), pa.record_batch({"html": pages[3:]})]
    )
    out = decant.extract_batch(table, threads=2)
    assert out.num_rows == 6
    assert [f"sea wall {i}" in r["text"] for i, r in enumerate(out.to_pylist())] == [True] * 6
    assert out.column("id").to_pylist() == [str(i) for i in range(6)]


def test_null_and_binary_pages_are_rejected_with_their_reason():
    table = pa.table({"html": pa.array([None, b"\x89PNG\r\n\x1a\n\x00\x00", ARTICLE.encode()], pa.binary())})
    out = decant.extract_batch(table).to_pylist()
    assert [r["reject_reason"] for r in out] == ["empty", "not_html", None]


def test_limits_are_the_cli_limits():
    out = decant.extract_batch(pa.table({"html": [ARTICLE]}), max_page_bytes=100).to_pylist()
    assert out[0]["reject_reason"] == "too_large"
    out = decant.extract_batch(pa.table({"html": [ARTICLE]}), max_elements=5).to_pylist()
    assert out[0]["reject_reason"] == "too_many_elements"
    deep = "<html><body>" + "<div>" * 300 + "<p>Deep text.</p>" + "</div>" * 300 + "</body></html>"
    out = decant.extract_batch(pa.table({"html": [deep]}), max_depth=100).to_pylist()
    assert out[0]["reject_reason"] == "too_deep"


def test_keep_removed_fills_the_removed_column():
    plain = decant.extract_batch(pa.table({"html": [ARTICLE]})).to_pylist()[0]
    kept = decant.extract_batch(pa.table({"html": [ARTICLE]}), keep_removed=True).to_pylist()[0]
    assert plain["removed"] is None
    assert any(block["kind"] == "navigation" for block in kept["removed"])


def test_extract_equals_one_row_of_extract_batch():
    one = decant.extract(ARTICLE, url="https://example.com/a")
    row = decant.extract_batch(pa.table({"html": [ARTICLE], "url": ["https://example.com/a"]})).to_pylist()[0]
    assert one == row
    assert decant.extract(ARTICLE.encode()) == decant.extract_batch(
        pa.table({"html": pa.array([ARTICLE.encode()], pa.binary())})
    ).to_pylist()[0]


def test_extract_reports_a_reject_instead_of_raising():
    page = decant.extract("   ")
    assert page["text"] is None and page["reject_reason"] == "empty"


def test_caller_mistakes_raise_clear_errors():
    table = pa.table({"html": [ARTICLE], "body": [1]})
    with pytest.raises(ValueError, match="no column"):
        decant.extract_batch(table, html_column="page")
    with pytest.raises(ValueError, match="no column"):
        decant.extract_batch(table, url_column="link")
    with pytest.raises(TypeError, match="string or binary"):
        decant.extract_batch(table, html_column="body")
    with pytest.raises(ValueError, match="already has a column"):
        decant.extract_batch(pa.table({"html": [ARTICLE], "title": ["x"]}), keep_columns=("title",))
    with pytest.raises(TypeError, match="RecordBatch or Table"):
        decant.extract_batch({"html": [ARTICLE]})
    with pytest.raises(ValueError):
        decant.extract_batch(table, max_page_bytes=0)


def test_an_empty_table_gives_an_empty_batch():
    table = pa.table({"html": pa.array([], pa.string()), "n": pa.array([], pa.int64())})
    out = decant.extract_batch(table, keep_columns=("n",))
    assert out.num_rows == 0
    assert out.schema.names[-1] == "n"


def test_the_gil_is_released_while_pages_are_extracted():
    """A Python thread makes progress while another is inside extract_batch."""
    table = pa.table({"html": [ARTICLE] * 400})
    ticks = []
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        decant.extract_batch(table, threads=1)
        ticks_during = len(ticks)
    finally:
        done.set()
        counter.join()
    assert ticks_during > 5


def test_calls_from_two_threads_run_at_once():
    """A one-page call ends while a long call runs in another thread: no
    lock serialises calls, so Python threads (and engine tasks sharing a
    process) extract in parallel."""
    pages = pa.table({"html": [ARTICLE] * 400})
    long_done = threading.Event()

    def long_call():
        decant.extract_batch(pages, threads=1)
        long_done.set()

    worker = threading.Thread(target=long_call)
    worker.start()
    try:
        out = decant.extract_batch(pa.table({"html": [ARTICLE]}), threads=1)
        overtook = not long_done.is_set()
    finally:
        worker.join()
    assert out.num_rows == 1
    assert overtook
