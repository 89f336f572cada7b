"""Type stubs of decant (the compiled module ``decant._decant``)."""

from __future__ import annotations

import datetime
from typing import Iterable, Optional, Sequence, TypedDict, Union

import pyarrow

__version__: str
DEFAULT_MAX_PAGE_BYTES: int
"""Pages larger than this many bytes are rejected as ``too_large`` (16 MiB)."""
DEFAULT_MAX_ELEMENTS: int
"""Pages with more parsed nodes than this are rejected as ``too_many_elements``."""
DEFAULT_MAX_DEPTH: int
"""Pages nesting elements deeper than this are rejected as ``too_deep``."""
DEFAULT_PAGE_TIMEOUT_MS: int
"""A page whose extraction takes longer is rejected as ``timeout``."""

class Quote(TypedDict):
    text: str
    speaker: Optional[str]
    cue: Optional[str]
    start: int
    """Start of the quote in ``text``, in characters: ``text[start:end]``."""
    end: int

class RemovedBlock(TypedDict):
    kind: str
    text: str

class Page(TypedDict):
    """One page's result: the columns of ``articles-*.parquet`` plus
    ``reject_reason`` / ``reject_detail``. For a rejected page every
    article field but ``id``, ``source`` and ``url`` is None."""

    id: str
    source: str
    url: Optional[str]
    fetched_at: Optional[datetime.datetime]
    title: Optional[str]
    site_name: Optional[str]
    description: Optional[str]
    language: Optional[str]
    authors: Optional[list[str]]
    tags: Optional[list[str]]
    date_published: Optional[datetime.date]
    date_modified: Optional[datetime.date]
    date_source: Optional[str]
    canonical_url: Optional[str]
    image_url: Optional[str]
    text: Optional[str]
    word_count: Optional[int]
    quotes: Optional[list[Quote]]
    removed: Optional[list[RemovedBlock]]
    content_hash: Optional[str]
    encoding: Optional[str]
    reject_reason: Optional[str]
    reject_detail: Optional[str]

def extract_batch(
    batch: Union[pyarrow.RecordBatch, pyarrow.Table],
    html_column: str = "html",
    url_column: Optional[str] = "url",
    keep_columns: Sequence[str] = (),
    *,
    id_column: Optional[str] = None,
    keep_removed: bool = False,
    max_page_bytes: int = ...,
    max_elements: int = ...,
    max_depth: int = ...,
    page_timeout_ms: int = ...,
    threads: int = 0,
) -> pyarrow.RecordBatch:
    """Extracts the article of every row of ``batch``.

    Returns a ``RecordBatch`` with one row per input row, in input order:
    the columns of decant's ``articles-*.parquet`` with their Arrow types
    (every column nullable), then ``reject_reason`` and ``reject_detail``
    (utf8; null for articles), then the ``keep_columns`` of the input as
    they are. A row that yields no article has null ``text`` and the other
    article columns null, except ``id``, ``source`` and ``url``; its
    ``reject_reason`` is one of the CLI's reasons (``empty``, ``not_html``,
    ``too_large``, ``too_many_elements``, ``no_article``, ``panic``, ...).
    A null html value is rejected as ``empty``.

    The answers are the CLI's: each row is the page ``decant extract``
    reads from a file holding the same bytes (binary column) or from a
    JSONL line holding the same string (string column: the text is already
    UTF-8, so a ``<meta charset>`` in it is not obeyed).

    Args:
        batch: a ``pyarrow.RecordBatch`` or ``pyarrow.Table`` (any object
            with ``__arrow_c_array__`` or ``__arrow_c_stream__``). Its
            buffers are read in place: the HTML is not copied.
        html_column: the pages: ``string``, ``large_string``,
            ``string_view``, ``binary``, ``large_binary`` or ``binary_view``.
        url_column: the pages' URLs (string types), or None. A batch
            without a column of the default name ``"url"`` has no URLs;
            any other name must exist. The URL fills ``url`` and helps
            date and metadata extraction.
        keep_columns: input columns copied to the output, after decant's
            columns (they must not share a name with them).
        id_column: a column whose values (cast to strings) become ``id``;
            by default ``id`` is the row's number in ``batch``, from 0.
            ``source`` is always ``"row:N"``.
        keep_removed: fill ``removed`` with every stripped block and its
            kind (the CLI's ``--keep-removed``); otherwise it is null.
        max_page_bytes: the CLI's ``--max-page-bytes``.
        max_elements: the CLI's ``--max-elements``.
        max_depth: the CLI's ``--max-depth``.
        page_timeout_ms: the CLI's ``--page-timeout-ms`` (0: no limit).
            The only option whose outcome depends on the machine's load.
        threads: 0 spreads the pages over rayon's global pool (one thread
            per core, shared by every call in the process); 1 runs them on
            the calling thread (best inside engines that already run one
            task per core, and for several Python threads calling at once);
            N > 1 uses a pool of N threads made for the call.

    The GIL is released while pages are extracted, so other Python threads
    run meanwhile.

    Raises:
        ValueError: a named column is missing or a kept column clashes with
            an output column; a limit is 0.
        TypeError: ``batch`` is not Arrow data, or the html or url column
            is not a string or binary type.
    """

def extract(
    html: Union[str, bytes],
    url: Optional[str] = None,
    *,
    keep_removed: bool = False,
    max_page_bytes: int = ...,
    max_elements: int = ...,
    max_depth: int = ...,
    page_timeout_ms: int = ...,
) -> Page:
    """Extracts the article of one page.

    ``html`` as ``str`` is taken as already decoded text (UTF-8); as
    ``bytes`` its charset is found as the CLI does for a file (byte-order
    mark, ``<meta charset>``, detection). Returns a dict keyed by the
    output column names (see :class:`Page`), equal to row 0 of
    ``extract_batch`` on a one-row batch of the same page: ``id`` is
    ``"0"``, ``source`` is ``"row:0"``, dates are ``datetime.date``.
    A page that yields no article is not an error: its dict has
    ``text`` None and ``reject_reason`` set.
    """

def output_schema(keep_fields: Optional[Iterable[pyarrow.Field]] = None) -> pyarrow.Schema:
    """The schema of ``extract_batch``'s output when it keeps the input
    columns of ``keep_fields`` (e.g. ``[table.schema.field("warc_id")]``).
    Useful to declare the output of a Spark ``mapInArrow``."""

