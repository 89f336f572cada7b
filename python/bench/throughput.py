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
import os
import resource
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


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_seconds(command: list[str], folder: Path) -> tuple[float, float]:
    """The CLI run's wall seconds (its --stats) and CPU seconds."""
    with tempfile.TemporaryDirectory() as out:
        stats = Path(out) / "stats.json"
        cpu = children_cpu()
        subprocess.run(
            command + ["extract", str(folder), "-o", f"{out}/ds", "-j", "1", "--quiet", "--stats", str(stats)],
            check=True,
        )
        return json.loads(stats.read_text())["seconds"], children_cpu() - cpu


def binding_seconds(table) -> tuple[float, float]:
    """extract_batch's wall and CPU seconds (the process's CPU time)."""
    started, cpu = time.perf_counter(), time.process_time()
    decant.extract_batch(table, threads=1)
    return time.perf_counter() - started, time.process_time() - cpu


def short_call_overtakes_long_call(table) -> bool:
    """Whether a one-page call in one thread ends while a call on all the
    pages in another thread is still running: no lock serialises calls."""
    one_page = table.slice(0, 1)
    long_done = threading.Event()
    long_call = threading.Thread(
        target=lambda: (decant.extract_batch(table, threads=1), long_done.set())
    )
    long_call.start()
    time.sleep(0.05)
    decant.extract_batch(one_page, threads=1)
    overtook = not long_done.is_set()
    long_call.join()
    return overtook


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
    parser.add_argument("--skip-cli", action="store_true", help="only the thread figures")
    args = parser.parse_args()
    command = shlex.split(args.cli)
    table = reference.pages_table(args.folder).select(["url", "html"])
    pages = table.num_rows
    cli, binding, one, two = [], [], [], []
    for _ in range(args.rounds):
        if not args.skip_cli:
            cli.append(cli_seconds(command, args.folder))
            binding.append(binding_seconds(table))
        one.append(threads_seconds(table, 1))
        two.append(threads_seconds(table, 2))
    print(f"pages: {pages}, rounds: {args.rounds} (best of each)")
    if not args.skip_cli:
        for what, index in (("wall", 0), ("CPU", 1)):
            cli_ms = 1000 * min(r[index] for r in cli) / pages
            binding_ms = 1000 * min(r[index] for r in binding) / pages
            print(f"{what:>4} CLI -j 1:               {cli_ms:.2f} ms/page ({1000 / cli_ms:.1f} pages/s)")
            print(f"{what:>4} extract_batch threads=1: {binding_ms:.2f} ms/page ({1000 / binding_ms:.1f} pages/s), "
                  f"{100 * (binding_ms / cli_ms - 1):+.1f}% against the CLI")
    one_rate, two_rate = pages / min(one), 2 * pages / min(two)
    print(f"1 Python thread:             {one_rate:.1f} pages/s")
    print(f"2 Python threads:            {two_rate:.1f} pages/s ({two_rate / one_rate:.2f}x)")
    print(f"a 1-page call overtakes a {pages}-page call in another thread: {short_call_overtakes_long_call(table)}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
