"""Progress of the slow steps of reading one file, for whoever bounds its time.

OCR takes seconds a page: the reader says when it has read a page
(``page_read``), and the archive's per-file budget, listening in the
process that renders the file, gives the file more time for each one
(``gazette.archive.budget``). Without a listener nothing happens.

>>> heard = []
>>> listen(heard.append)
>>> page_read(3)
>>> heard
[3]
>>> listen(None)
>>> page_read(4)
"""

from __future__ import annotations

from collections.abc import Callable

_listener: Callable[[int], None] | None = None


def listen(callback: Callable[[int], None] | None) -> None:
    """Call ``callback(page)`` after each page read by OCR (None: stop)."""
    global _listener
    _listener = callback


def page_read(seq: int) -> None:
    """Page ``seq`` has been read by OCR."""
    if _listener is not None:
        _listener(seq)
