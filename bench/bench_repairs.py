"""Throughput of the text repairs on the bundled samples.

Prints MB/s (median of N runs, one core) for the whole ``normalize`` pass
and for ``render`` (normalize + structure + validated XML), next to two
baselines measured in the same run on the same bytes:
``decode+split`` (the least any pipeline must do) and ``NFKC`` (the blanket
Unicode cleanup a hand-written script would use, which is wrong for Chinese
punctuation but sets the pace of a C-level pass).

    .venv/bin/python bench/bench_repairs.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
import unicodedata
from pathlib import Path

from gazette.normalize import normalize, source_from_bytes
from gazette.normalize.read.text import decode_text, split_lines
from gazette.render import render

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def median_seconds(work, runs: int) -> float:
    """Median wall time of ``runs`` calls of ``work`` (also used by bench_pdf)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    blobs = [(p.name, p.read_bytes()) for p in SAMPLES]
    megabytes = sum(len(data) for _, data in blobs) / 1e6

    def repairs():
        for name, data in blobs:
            normalize(source_from_bytes(data, name))

    def render_all():
        for name, data in blobs:
            render(source_from_bytes(data, name))

    def decode_split():
        for name, data in blobs:
            split_lines(decode_text(data, name)[0])

    def nfkc():
        for _, data in blobs:
            unicodedata.normalize("NFKC", data.decode("utf-8"))

    repairs()  # warm caches (OpenCC dictionaries, compiled patterns)
    results = {name: median_seconds(fn, args.runs) for name, fn in
               [("normalize (all repairs)", repairs), ("render (+structure, XML)", render_all),
                ("decode+split", decode_split), ("NFKC", nfkc)]}
    print(f"{len(blobs)} samples, {megabytes:.3f} MB, median of {args.runs} runs")
    base = results["normalize (all repairs)"]
    for name, seconds in results.items():
        rate = megabytes / seconds
        print(f"  {name:<24} {seconds * 1000:8.1f} ms  {rate:8.2f} MB/s  ({seconds / base:.3f}× normalize)")


if __name__ == "__main__":
    main()
