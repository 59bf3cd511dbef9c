"""Prefect flows: one file by hand, an inbox on a schedule, scale-out on Dask.

Thin layers over ``gazette.archive``: the tasks call the library call
``archive_file`` (which skips what this code version archived, quarantines
bad inputs and renders each file within its ``Limits``) and return small
``Outcome`` objects, not text. ``process_inbox`` maps ``archive_chunk`` over
the inbox, gives each file the environment failed one more try as a task of
its own (``archive_one``, which fails in Prefect when the file fails), and
ends with a run report, as a Prefect Markdown artifact and as a file in the
archive. A task that breaks (its worker died, say) fails its files, not the
run: the report is always written.

The task runner is chosen by the caller (``runner_for``): processes on one
machine (CPU-bound repairs gain nothing from threads), or an existing Dask
cluster through ``prefect-dask``.
"""

from __future__ import annotations

import os
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from gazette.archive import ArchiveLayout, Limits, Outcome, archive_file
from gazette.archive.budget import INBOX_QUIET_TIME
from gazette.archive.inbox import inbox_files, new_run_id, run_report, save_report
from gazette.archive.ingest import failed_outcome
from gazette.archive.package import remove_abandoned_staging
from gazette.archive.problem import Problem
from gazette.archive.take import shown
from gazette.normalize import Profile
from gazette.normalize.read import PageWorkers


class FailedFileError(Exception):
    """A file the environment failed to archive: raised so that Prefect marks
    its task failed (and retries it); carries the outcome."""

    def __init__(self, outcome: Outcome):
        super().__init__(outcome)
        self.outcome = outcome

    def __str__(self) -> str:
        return f"{shown(self.outcome.source)}: {self.outcome.reason}"


@task(name="archive-one", retries=1, retry_delay_seconds=2)
def archive_one(path: str, archive: str, profile: Profile | None = None, limits: Limits | None = None,
                force: bool = False, workers: PageWorkers | None = None) -> Outcome:
    """Archive one source (skipped if done unless ``force``, quarantined if bad;
    a scan's pages read by ``workers``); the task fails, with
    ``FailedFileError``, when the environment failed it."""
    outcome = archive_file(path, archive, profile, limits=limits, force=force, workers=workers)
    if outcome.status == "failed":
        raise FailedFileError(outcome)
    return outcome


@task(name="archive-chunk")
def archive_chunk(paths: list[str], archive: str, profile: Profile | None = None,
                  limits: Limits | None = None, workers: PageWorkers | None = None,
                  force: bool = False) -> list[Outcome]:
    """Archive a few sources in one task: the per-task cost of orchestration
    (≈30 ms of server and client time) is paid once per chunk, not per file."""
    return [archive_file(path, archive, profile, limits=limits, workers=workers, force=force) for path in paths]


def chunks(paths: list[str], workers: int, most: int = 10) -> list[list[str]]:
    """Split work into chunks: about four per worker, at most ``most`` files each.

    >>> [len(c) for c in chunks([str(n) for n in range(25)], workers=2)]
    [4, 4, 4, 4, 4, 4, 1]
    """
    size = max(1, min(most, -(-len(paths) // (4 * max(workers, 1)))))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


@flow(name="process-file")
def process_file(path: str | bytes, archive: str = "archive", profile: Profile | None = None,
                 limits: Limits | None = None, force: bool = False, workers: PageWorkers | None = None) -> Outcome:
    """One source file → one archive package (the manual run; ``force``: a new
    version even if this code version archived it with these settings).

    A path whose bytes are not UTF-8 is given as bytes (``flow_path``):
    Prefect records flow parameters as JSON, which cannot hold it.
    """
    path = os.fsdecode(path)
    (outcome,) = outcomes_of(archive_one(path, archive, profile, limits, force, workers, return_state=True), [path])
    return outcome


def flow_path(path: str) -> str | bytes:
    """``path`` as ``process_file`` takes it: as is, or its bytes when they are not UTF-8.

    >>> flow_path("inbox/公告.txt"), flow_path(os.fsdecode(b"inbox/\\xb9\\xab.txt"))
    ('inbox/公告.txt', b'inbox/\\xb9\\xab.txt')
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


@flow(name="process-inbox")
def process_inbox(inbox: str, archive: str = "archive", profile: Profile | None = None,
                  show_progress: bool = False, workers: int = 2, limits: Limits | None = None,
                  page_workers: PageWorkers | None = None, force: bool = False) -> dict:
    """Archive every new file of an inbox (every file: a new package version
    of each, with ``force``); return (and save) the run report."""
    layout = ArchiveLayout(Path(archive))
    remove_abandoned_staging(layout)
    limits = limits or Limits(quiet_time=INBOX_QUIET_TIME)
    planned = chunks([str(p) for p in inbox_files(inbox)], workers)
    futures = archive_chunk.map(planned, archive=archive, profile=profile, limits=limits, workers=page_workers,
                                force=force)
    outcomes = _collect(futures, planned, show_progress)
    outcomes = _retry_failed(outcomes, archive, profile, limits, force)
    run_id = new_run_id()
    markdown, data = run_report(sorted(outcomes, key=lambda o: o.source), run_id)
    try:
        data["report_file"] = str(save_report(layout, markdown, data))
    except OSError as error:  # a full disk, say: the artifact and the command's output still show it
        data["report_file"] = f"not written ({error})"
    create_markdown_artifact(markdown, key="gazette-inbox-report", description=f"gazette inbox run {run_id}")
    return data


def outcomes_of(result, paths: list[str]) -> list[Outcome]:
    """What a task (its future or final state) gave for ``paths``: its
    outcomes, the outcome its ``FailedFileError`` carries, or a failed outcome
    for each file when the task itself broke."""
    try:
        value = result.result(raise_on_failure=False)
    except Exception as error:  # the runner lost the task (a broken process pool, say)
        value = error
    if isinstance(value, FailedFileError):
        return [value.outcome]
    if isinstance(value, BaseException):
        problem = Problem.of(value, "task")
        return [failed_outcome(path, problem) for path in paths]
    return value if isinstance(value, list) else [value]


def _retry_failed(outcomes: list[Outcome], archive: str, profile: Profile | None, limits: Limits,
                  force: bool = False) -> list[Outcome]:
    """Each file the environment failed, tried once more as a task of its own."""
    failed = [outcome.source for outcome in outcomes if outcome.status == "failed"]
    if not failed:
        return outcomes
    futures = archive_one.with_options(retries=0).map(failed, archive=archive, profile=profile, limits=limits,
                                                      force=force)
    again = {path: outcomes_of(future, [path])[0] for future, path in zip(futures, failed)}
    return [again.get(outcome.source, outcome) for outcome in outcomes]


def _collect(futures, planned: list[list[str]], show_progress: bool) -> list[Outcome]:
    paths_of = {future.task_run_id: paths for future, paths in zip(futures, planned)}
    if not show_progress:
        return [outcome for future in futures for outcome in outcomes_of(future, paths_of[future.task_run_id])]
    from rich.progress import Progress

    outcomes = []
    with Progress(transient=False) as progress:
        bar = progress.add_task("archiving", total=sum(map(len, planned)))
        for future in as_completed(futures):
            done = outcomes_of(future, paths_of[future.task_run_id])
            outcomes += done
            last = done[-1] if done else None
            label = f"{last.status:<11} {shown(Path(last.source).name)[:40]}" if last else "archiving"
            progress.update(bar, advance=len(done), description=label)
    return outcomes


def runner_for(workers: int = 2, dask_address: str | None = None):
    """The task runner: a bounded process pool, one thread, or a Dask cluster."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(max_workers=workers)
