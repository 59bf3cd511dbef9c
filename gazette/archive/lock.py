"""One writer at a time: an exclusive lock on ``ARCHIVE/.lock``.

Rendering runs in parallel; only installing a package, moving its pointers
and updating the catalog happen under the lock, so two runs at once (or two
workers of one run) never interleave their writes. The lock is a ``flock``:
the kernel releases it when its process dies, so a killed run never leaves
the archive locked.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager

from .layout import ArchiveLayout


@contextmanager
def archive_lock(layout: ArchiveLayout) -> Iterator[None]:
    """Hold the archive's write lock inside the ``with`` block."""
    layout.root.mkdir(parents=True, exist_ok=True)
    with open(layout.lock, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
