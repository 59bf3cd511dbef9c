"""Bounded work per file: long single lines, PDF bombs, and what the budget costs.

Prints, in this order:

* ``lines``: the whole render (``gazette.render.render``) of sample 004 with
  one more line of 62 KB … 1 MB of each shape that used to be quadratic in
  the line's length (``tests/hostile.py``: letter-spaced, a table row, field
  gaps, full-width digits), median of ``--runs``, and the time ratio to
  62 KB next to the size ratio (linear: the two are alike);
* ``wide``: the render of a table of 20 … 160 columns and 30 rows whose
  rows show three cells more than the columns (spaces inside cells:
  ``tests/hostile.wide_table``), median of ``--runs``, the time ratio to 20
  columns next to the columns' ratio (where to join a row's cells is chosen
  column by column: linear);
* ``bombs``: ``archive_file`` on PDFs whose content stream inflates to
  1 … 50 MiB of text operators, with the default limits (or ``--time-limit``
  / ``--memory-limit``), each in a fresh process: outcome, wall time, peak
  RSS of the rendering child;
* ``overhead``: the round trip of a child that does nothing, and per
  sample the median time of decoding and rendering it in this process and
  within the budget (a forked child, the result pickled back), run in turns,
  and the median of the differences, in a process that has imported Prefect
  (as a worker has).

    .venv/bin/python bench/bench_limits.py [--runs 3] [--only lines|wide|bombs|overhead]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_repairs import median_seconds  # noqa: E402

from tests.hostile import SHAPES, bomb_pdf, long_line, wide_table  # noqa: E402

SIZES_KB = (62, 125, 250, 500, 1000)
WIDE_COLUMNS = (20, 40, 80, 160)
BOMBS_MIB = (1, 4, 16, 50)
#: Run in a fresh process per bomb: the outcome, its time, the child's peak RSS.
BOMB = """
import json, resource, sys, time
from gazette.archive import Limits, archive_file
start = time.perf_counter()
outcome = archive_file(sys.argv[1], sys.argv[2], limits=Limits(float(sys.argv[3]), int(sys.argv[4])))
print(json.dumps([outcome.status, outcome.reason, time.perf_counter() - start,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024]))
"""


def lines(runs: int) -> None:
    from gazette.normalize import source_from_bytes
    from gazette.render import render

    base = (ROOT / "samples" / "004_c58432d889cd2317.txt").read_text("utf-8")
    print(f"lines: render of sample 004 plus one line of each shape, median of {runs}")
    for shape in SHAPES:
        first = None
        for kb in SIZES_KB:
            data = (base + long_line(shape, kb * 1024) + "\n").encode()
            seconds = median_seconds(lambda data=data: render(source_from_bytes(data, "long.txt")), runs)
            first = first or seconds
            print(f"  {shape:<14} {kb:>5} KB  {seconds:7.2f} s   "
                  f"size ×{kb / SIZES_KB[0]:5.1f}  time ×{seconds / first:5.1f}")


def wide(runs: int) -> None:
    from gazette.normalize import source_from_bytes
    from gazette.render import render

    print(f"wide: render of a table of 30 rows, three cells too many in each, median of {runs}")
    first = None
    for columns in WIDE_COLUMNS:
        data = wide_table(columns).encode()
        seconds = median_seconds(lambda data=data: render(source_from_bytes(data, "wide.txt")), runs)
        first = first or seconds
        print(f"  {columns:>4} columns  {seconds:7.2f} s   columns ×{columns / WIDE_COLUMNS[0]:4.1f}  "
              f"time ×{seconds / first:5.1f}")


def bombs(time_limit: float, memory_limit: int) -> None:
    print(f"bombs: archive_file with time limit {time_limit:g} s, memory limit {memory_limit} MiB")
    work = Path(tempfile.mkdtemp(prefix="gazette-bombs-"))
    for mib in BOMBS_MIB:
        path = work / f"bomb-{mib}.pdf"
        path.write_bytes(bomb_pdf(mib))
        done = subprocess.run([sys.executable, "-c", BOMB, str(path), str(work / f"archive-{mib}"),
                               str(time_limit), str(memory_limit)], capture_output=True, text=True, check=True)
        status, reason, seconds, peak = json.loads(done.stdout.splitlines()[-1])
        print(f"  {mib:>3} MiB of operators ({path.stat().st_size / 1024:6.1f} KB file): {status} after "
              f"{seconds:6.1f} s, child's peak RSS {peak} MiB  ({reason})")


def overhead(runs: int) -> None:
    import resource

    import prefect  # noqa: F401 - a worker has it imported: a bigger process to fork

    from gazette import __version__
    from gazette.archive.budget import Limits, run_limited
    from gazette.archive.ingest import prepare
    from gazette.normalize import default_profile

    profile, limits = default_profile(), Limits()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"overhead: decode and render in this process ({rss} MiB, Prefect imported) and within the budget, "
          f"one after the other, median of {runs} (difference: median of the pairs)")
    trivial = median_seconds(lambda: run_limited(limits, int), runs)
    print(f"  a child that does nothing: {trivial * 1000:.1f} ms")
    for path in sorted((ROOT / "samples").iterdir()):
        args = (path.read_bytes(), path.name, profile, __version__)
        pairs = [(median_seconds(lambda args=args: prepare(*args), 1),
                  median_seconds(lambda args=args: run_limited(limits, prepare, *args), 1)) for _ in range(runs)]
        direct, limited = (statistics.median(times) for times in zip(*pairs))
        extra = statistics.median(b - a for a, b in pairs)
        print(f"  {path.name:<26} {direct * 1000:7.1f} ms  within budget {limited * 1000:7.1f} ms  "
              f"overhead {extra * 1000:+6.1f} ms ({extra / direct:+.0%})")


def main() -> None:
    from gazette.archive.budget import Limits

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("lines", "wide", "bombs", "overhead"))
    parser.add_argument("--time-limit", type=float, default=Limits.time_limit)
    parser.add_argument("--memory-limit", type=int, default=Limits.memory_limit)
    args = parser.parse_args()
    if args.only in (None, "lines"):
        lines(args.runs)
    if args.only in (None, "wide"):
        wide(args.runs)
    if args.only in (None, "bombs"):
        bombs(args.time_limit, args.memory_limit)
    if args.only in (None, "overhead"):
        overhead(max(args.runs, 9))


if __name__ == "__main__":
    main()
