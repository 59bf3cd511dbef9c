"""The single-file flow: one source → one archive package.

Each step is a small task over a library call, so the Prefect UI shows where
a file failed (reading, rendering or storing). Only storing does I/O that may
fail transiently, so only it retries. The flow returns a small summary, not
the text.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from gazette.archive import ArchiveResult, Rendering, render, store
from gazette.normalize import Profile, read_source
from gazette.normalize.sources import Source


@task(name="read-source")
def read_task(path: str) -> Source:
    """Read and decode the source file."""
    return read_source(path)


@task(name="normalize-and-render")
def render_task(source: Source, profile: Profile | None) -> Rendering:
    """Repair the text, find its structure and build the validated XML."""
    return render(source, profile)


@task(name="store-package", retries=2, retry_delay_seconds=1)
def store_task(archive: str, source: Source, rendering: Rendering) -> ArchiveResult:
    """Write the archive package atomically."""
    return store(archive, source, rendering)


@flow(name="process-file", log_prints=False)
def process_file(path: str, archive: str = "archive", profile: Profile | None = None) -> ArchiveResult:
    """Process one source file into the archive."""
    source = read_task(str(Path(path)))
    rendering = render_task(source, profile)
    return store_task(archive, source, rendering)
