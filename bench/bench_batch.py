"""Batch throughput: the Prefect inbox flow against plain Python, processes and Dask.

For an inbox of N distinct inputs (copies of the samples, each with its own
remark line), prints the median wall time of R runs (fresh archive each) of:

* ``loop``: a plain Python loop over ``archive_file`` (the baseline);
* ``flow, 1 worker``: ``gazette batch --workers 1`` against a running
  ``prefect server start`` (server start-up reported separately);
* ``flow, 2 processes``: ``gazette batch --workers 2``;
* ``dask, 1 worker`` / ``dask, 2 workers``: ``gazette batch --dask-address``
  on a local Dask cluster;

with orchestration overhead (flow-1 vs loop), speed-ups (2 vs 1), and the
peak RSS of the batch process for N and 3N inputs (memory flat in N?).

    .venv/bin/python bench/bench_batch.py [--files 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
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

BIN = Path(sys.executable).parent
LOOP = "import sys; from gazette.archive import archive_file; from gazette.archive.inbox import inbox_files\n" \
       "[archive_file(p, sys.argv[2]) for p in inbox_files(sys.argv[1])]"


def make_inbox(folder: Path, count: int) -> Path:
    """Distinct inputs, dated an hour back (past the inbox's quiet time)."""
    folder.mkdir(parents=True)
    samples = sorted((ROOT / "samples").glob("*.txt"))
    past = time.time() - 3600
    for n in range(count):
        sample = samples[n % len(samples)]
        text = sample.read_text("utf-8") + f"\n（第{n}份测试副本）\n"
        path = folder / f"{n:04d}-{sample.name}"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (past, past))
    return folder


def timed(command: list[str], env: dict) -> float:
    """Wall time of one command (which must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode:
        raise RuntimeError(f"{command[:3]} failed: {done.stderr.decode()[-500:]}")
    return time.perf_counter() - start


def median_time(command_for, env: dict, runs: int) -> float:
    return statistics.median(timed(command_for(i), env) for i in range(runs))


def peak_rss(command: list[str], env: dict) -> int:
    """Peak RSS (MiB) of a command's own process (``wait4``)."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gazette-batch-bench-"))
    inbox = make_inbox(work / "inbox", args.files)
    big = make_inbox(work / "inbox3", 3 * args.files)
    archive = lambda name, i: str(work / f"{name}-{i}")  # noqa: E731 - fresh archive per run
    results: dict[str, float] = {}
    with local_prefect_server(quiet_environment(work / "home")) as (api, startup):
        env = {**quiet_environment(work / "home"), "PREFECT_API_URL": api}
        results["loop"] = median_time(lambda i: [sys.executable, "-c", LOOP, str(inbox), archive("loop", i)],
                                      env, args.runs)
        gazette = str(BIN / "gazette")
        for workers in (1, 2):
            results[f"flow, {workers} worker(s)"] = median_time(
                lambda i, n=workers: [gazette, "batch", str(inbox), "--archive", archive(f"flow{n}", i),
                                      "--workers", str(n)], env, args.runs)
        from distributed import LocalCluster

        os.environ.update({k: v for k, v in env.items() if k.startswith("PREFECT_") or k == "DO_NOT_TRACK"})
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster:
                results[f"dask, {workers} worker(s)"] = median_time(
                    lambda i, n=workers, address=cluster.scheduler_address: [
                        gazette, "batch", str(inbox), "--archive", archive(f"dask{n}", i), "--dask-address", address],
                    env, args.runs)
        rss_small = peak_rss([gazette, "batch", str(inbox), "--archive", archive("rss", 1), "--workers", "1"], env)
        rss_big = peak_rss([gazette, "batch", str(big), "--archive", archive("rss", 3), "--workers", "1"], env)
        rss_loop = peak_rss([sys.executable, "-c", LOOP, str(big), archive("rssloop", 3)], env)
    shutil.rmtree(work, ignore_errors=True)
    loop = results["loop"]
    print(f"batch of {args.files} inputs, median of {args.runs} runs, 2 cores; "
          f"prefect server start-up {startup:.1f} s (once, not included)")
    for name, seconds in results.items():
        print(f"  {name:<22} {seconds:7.2f} s  {args.files / seconds:6.1f} files/s  ({seconds / loop:.2f}× loop)")
    print(f"  orchestration overhead (flow 1 worker vs loop): {results['flow, 1 worker(s)'] / loop - 1:+.0%}")
    print(f"  speed-up 2 processes vs 1: {results['flow, 1 worker(s)'] / results['flow, 2 worker(s)']:.2f}×; "
          f"2 Dask workers vs 1: {results['dask, 1 worker(s)'] / results['dask, 2 worker(s)']:.2f}×")
    print(f"  peak RSS of the batch process: {rss_small} MiB for {args.files} files, {rss_big} MiB for "
          f"{3 * args.files} files (plain loop over {3 * args.files}: {rss_loop} MiB)")


if __name__ == "__main__":
    main()
