"""Throughput of the wheel against the CLI, on the same pages, same run.

1. Per-page time, one thread: ``decant extract DIR -j 1`` (the CLI's whole
   run: reading, gunzip, extraction, Parquet writing; its ``--stats``
   seconds) against ``extract_batch(threads=1)`` on a binary column of the
   same pages, already in memory (extraction and Arrow in and out). The
   rounds alternate CLI and binding; the best round of each is reported.
2. Two Python threads, each calling ``extract_batch(threads=1)`` on its own
   copy of the pages, against one thread doing one copy: the speed-up of
   pages/s (2.0 is perfect on 2 free cores).

    python python/bench/throughput.py ../shared/eval/scrapinghub-dev/html \\
        --cli "cargo run --release --quiet --" --rounds 5
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import decant  # noqa: E402
import reference  # noqa: E402


def cli_seconds(command: list[str], folder: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        stats = Path(out) / "stats.json"
        subprocess.run(
            command + ["extract", str(folder), "-o", f"{out}/ds", "-j", "1", "--quiet", "--stats", str(stats)],
            check=True,
        )
        return json.loads(stats.read_text())["seconds"]


def binding_seconds(table) -> float:
    started = time.perf_counter()
    decant.extract_batch(table, threads=1)
    return time.perf_counter() - started


def threads_seconds(table, threads: int) -> float:
    workers = [threading.Thread(target=decant.extract_batch, args=(table,), kwargs={"threads": 1}) for _ in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cli", default="cargo run --release --quiet --")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    command = shlex.split(args.cli)
    table = reference.pages_table(args.folder).select(["url", "html"])
    pages = table.num_rows
    cli, binding, one, two = [], [], [], []
    for _ in range(args.rounds):
        cli.append(cli_seconds(command, args.folder))
        binding.append(binding_seconds(table))
        one.append(threads_seconds(table, 1))
        two.append(threads_seconds(table, 2))
    cli_ms, binding_ms = 1000 * min(cli) / pages, 1000 * min(binding) / pages
    one_rate, two_rate = pages / min(one), 2 * pages / min(two)
    print(f"pages: {pages}, rounds: {args.rounds} (best of each)")
    print(f"CLI -j 1:                    {cli_ms:.2f} ms/page ({1000 / cli_ms:.1f} pages/s)")
    print(f"extract_batch threads=1:     {binding_ms:.2f} ms/page ({1000 / binding_ms:.1f} pages/s), "
          f"{100 * (binding_ms / cli_ms - 1):+.1f}% against the CLI")
    print(f"1 Python thread:             {one_rate:.1f} pages/s")
    print(f"2 Python threads:            {two_rate:.1f} pages/s ({two_rate / one_rate:.2f}x)")


if __name__ == "__main__":
    main()
