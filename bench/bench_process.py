"""Wall time of the whole ``gazette process`` command.

Runs ``gazette process SAMPLE`` as a subprocess (what a user types), N times:

1. with Prefect's embedded (ephemeral) server, started by each command;
2. against a real ``prefect server start`` on loopback (its start-up time
   is reported separately);

and, as the baseline in the same run, the library call the flow wraps
(``archive_file``) in a fresh Python process. Prints the median of each.

    .venv/bin/python bench/bench_process.py [--runs 3] [--sample samples/000_….txt]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.local_server import local_prefect_server, quiet_environment  # noqa: E402

GAZETTE = str(Path(sys.executable).with_name("gazette"))


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def _median(command_for_run, env: dict[str, str], runs: int) -> float:
    return statistics.median(_timed(command_for_run(i), env) for i in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", default=str(ROOT / "samples" / "000_5a95f0f51e0668fe.txt"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    env = quiet_environment(work / "prefect-home")
    try:
        library = _median(
            lambda i: [sys.executable, "-c",
                       "import sys; from gazette.archive import archive_file; archive_file(sys.argv[1], sys.argv[2])",
                       args.sample, str(work / f"lib-{i}")],
            env, args.runs)
        _timed([GAZETTE, "process", args.sample, "--archive", str(work / "warm")], env)  # creates the database
        embedded = _median(lambda i: [GAZETTE, "process", args.sample, "--archive", str(work / f"emb-{i}")],
                           env, args.runs)
        with local_prefect_server(env) as (api, startup):
            against_server = _median(
                lambda i: [GAZETTE, "process", args.sample, "--archive", str(work / f"srv-{i}")],
                {**env, "PREFECT_API_URL": api}, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"gazette process {Path(args.sample).name}, median of {args.runs} runs (fresh process each):")
    print(f"  library call only (baseline)      {library:6.2f} s")
    print(f"  embedded Prefect server           {embedded:6.2f} s  ({embedded / library:.1f}× baseline)")
    print(f"  running 'prefect server start'    {against_server:6.2f} s  ({against_server / library:.1f}× baseline)")
    print(f"  (server start-up until healthy    {startup:6.2f} s, once)")


if __name__ == "__main__":
    main()
