"""decant: clean article text, metadata and quotes from raw web pages.

The same extraction as the ``decant`` command-line tool, for Python and for
the engines that run Python over Arrow batches (Spark ``mapInArrow``, Ray
Data ``map_batches(batch_format="pyarrow")``):

- :func:`extract_batch` takes a ``pyarrow.RecordBatch`` or ``Table`` of
  pages and returns a ``RecordBatch`` with the columns of decant's Parquet
  output, one row per input row, in order.
- :func:`extract` takes one page and returns a dict of the same columns.
- :func:`output_schema` is the schema ``extract_batch`` returns.

``extract_batch`` and ``output_schema`` need pyarrow (``pip install
decant[arrow]``); ``extract`` does not.
"""

from ._decant import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_ELEMENTS,
    DEFAULT_MAX_PAGE_BYTES,
    DEFAULT_PAGE_TIMEOUT_MS,
    __version__,
    extract,
    extract_batch,
    output_schema,
)

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_ELEMENTS",
    "DEFAULT_MAX_PAGE_BYTES",
    "DEFAULT_PAGE_TIMEOUT_MS",
    "__version__",
    "extract",
    "extract_batch",
    "output_schema",
]
