"""Who reads the pages of one file by OCR: processes of this machine, or a Dask cluster.

OCR takes seconds a page on one core; one file's pages are independent, so
they can be read at once and put back in order. ``PageWorkers(count=2)``
forks two processes for the file (each loads the engine once, for all the
pages it reads); ``PageWorkers(address="tcp://…")`` sends the pages to an
existing Dask cluster (the file's bytes go once to each worker; a worker's
engine stays loaded between files). Each page comes back as the engine's
boxes, or as the reason it failed (the reader then fails the file, naming the
page: nothing is archived half).

>>> PageWorkers().count, PageWorkers(count=0)
Traceback (most recent call last):
gazette.normalize.read.settings.PdfSettingsError: page workers must be at least 1, got 0
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .ocr import Box, libc, page_boxes
from .settings import PdfSettings, PdfSettingsError

#: A page read: its position, and the engine's boxes or why reading it failed.
Read = tuple[int, list[Box] | str]
#: What each forked worker reads from: the file's bytes and the settings (set before the fork).
_FILE: tuple[bytes, PdfSettings] | None = None


@dataclass(frozen=True)
class PageWorkers:
    """``count`` local processes (1: the reading process itself), or the Dask
    cluster at ``address`` (then ``count`` is not used)."""

    count: int = 1
    address: str = ""

    def __post_init__(self) -> None:
        if self.count < 1:
            raise PdfSettingsError(f"page workers must be at least 1, got {self.count}")

    def read(self, data: bytes, seqs: list[int], settings: PdfSettings) -> Iterator[Read]:
        """Each page's boxes (or why reading it failed), in the order of ``seqs``."""
        if self.address:
            yield from _on_cluster(self.address, data, seqs, settings)
        else:
            yield from _on_processes(self.count, data, seqs, settings)


def _on_processes(count: int, data: bytes, seqs: list[int], settings: PdfSettings) -> Iterator[Read]:
    global _FILE
    _FILE = (data, settings)  # forked workers see it; nothing is pickled on the way in
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(count, len(seqs)), mp_context=context) as pool:
            yield from zip(seqs, pool.map(_page, seqs))
    finally:
        _FILE = None


def _page(seq: int) -> list[Box] | str:
    """In a forked worker: the boxes of page ``seq``, or why it failed."""
    assert _FILE is not None, "the file is set before the workers are forked"
    data, settings = _FILE
    return boxes_or_reason(data, seq, settings)


def boxes_or_reason(data: bytes, seq: int, settings: PdfSettings) -> list[Box] | str:
    """The boxes of page ``seq``, or the reason reading it failed (a worker
    never raises: its page is reported, the others go on)."""
    try:
        return page_boxes(data, seq, settings)
    except MemoryError:
        return "out of memory"
    except Exception as error:  # the engine's or PDFium's: said for this page
        return f"{type(error).__name__}: {error}"


def _on_cluster(address: str, data: bytes, seqs: list[int], settings: PdfSettings) -> Iterator[Read]:
    from distributed import Client

    with Client(address, timeout=30) as client:
        shared = client.scatter(data, broadcast=True)
        futures = client.map(cluster_boxes, [shared] * len(seqs), seqs, [settings] * len(seqs), pure=False)
        for seq, future in zip(seqs, futures):
            yield seq, future.result()


#: glibc's ``mallopt`` options: free memory kept at the top of the heap, and the
#: size from which an allocation gets its own mapping.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
#: Both, on a Dask worker. Dask's nanny sets ``MALLOC_TRIM_THRESHOLD_`` to 64 KiB,
#: which also freezes glibc's mapping threshold at 128 KiB: the engine's large
#: buffers were then mapped and unmapped at every use, and a page's OCR took 22–26 s
#: instead of 5.5 (measured on the GJB scan). Our own trim after each page still
#: returns what a page left free.
CLUSTER_TRIM_THRESHOLD = 32 << 20


def cluster_boxes(data: bytes, seq: int, settings: PdfSettings) -> list[Box] | str:
    """On a Dask worker: the allocator set as it is outside Dask, then the page's boxes."""
    found = libc()
    if found is not None:
        found.mallopt(_M_TRIM_THRESHOLD, CLUSTER_TRIM_THRESHOLD)
        found.mallopt(_M_MMAP_THRESHOLD, CLUSTER_TRIM_THRESHOLD)
    return boxes_or_reason(data, seq, settings)

