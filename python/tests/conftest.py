"""Shared fixtures: the CLI's output on the sample pages, computed once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import reference  # noqa: E402


@pytest.fixture(scope="session")
def sample_pages():
    """(key, url, html) rows of the one-page files of samples/ (binary html)."""
    return reference.pages_table(reference.SAMPLES)


@pytest.fixture(scope="session")
def cli_on_samples(tmp_path_factory):
    """The CLI's rows by source for the one-page files of samples/."""
    out = tmp_path_factory.mktemp("cli-samples")
    files = reference.page_files(reference.SAMPLES)
    staged = out / "pages"
    staged.mkdir()
    # The CLI reads exactly these files, named as in samples/.
    for path in files:
        (staged / path.name).write_bytes(path.read_bytes())
    reference.run_cli([staged], out / "dataset")
    return reference.cli_results(out / "dataset")
