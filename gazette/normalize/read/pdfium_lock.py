"""One lock for every call into PDFium.

PDFium is not thread-safe: two threads must never be inside it at once, not
even with two documents (pypdfium2's documentation: it would crash or
corrupt the process). Processes read in parallel; threads (the review app's
request threads, a thread-pool task runner) take turns: every use of PDFium
in gazette holds ``PDFIUM``, a re-entrant lock, and closes what it opened
before letting go (a pypdfium2 object left to the garbage collector would be
closed in whatever thread collects it).

>>> with PDFIUM:
...     with PDFIUM:  # re-entrant: a reader holding it may call another
...         pass
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
