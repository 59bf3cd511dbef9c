"""Reading a source file, whatever it is: a PDF (by its header) or a text layer.

One pair of functions for every caller: ``read_source`` for a file,
``source_from_bytes`` for bytes already read. Both give a ``Source`` (lines
with their pages, furniture and, for a PDF, geometry) or raise
``SourceError`` naming the file and the reason.

>>> read_source("samples/002_5b2ac79b115885a4.txt").format
'text'
>>> source_from_bytes(b"%PDF-1.7 broken", "a.pdf")
Traceback (most recent call last):
gazette.normalize.model.SourceError: a.pdf: damaged or truncated PDF (No /Root object! - Is this really a PDF?)
"""

from __future__ import annotations

from pathlib import Path

from .model import Source, SourceError
from .pdf.reader import is_pdf, read_pdf
from .pdf.settings import PdfSettings
from .text_layer import text_source

#: Largest source we accept (a gazette text layer is well under 5 MB).
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def read_source(path: str | Path, settings: PdfSettings | None = None) -> Source:
    """Read ``path`` as a PDF or a text layer.

    >>> src = read_source("samples/002_5b2ac79b115885a4.txt")
    >>> src.encoding, src.lines[0].no, src.lines[0].text
    ('utf-8', 3, '浙江省人民政府文件')
    """
    return source_from_bytes(read_bytes(path), str(path), settings)


def source_from_bytes(data: bytes, name: str, settings: PdfSettings | None = None) -> Source:
    """Bytes that came from ``name``: a PDF when they start like one; a file
    named ``.pdf`` that does not is refused, not read as text."""
    if is_pdf(data):
        return read_pdf(data, name, settings)
    if Path(name).suffix.lower() == ".pdf":
        raise SourceError(name, "not a PDF despite its name (no %PDF- header)")
    return text_source(data, name)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a source file, refusing what cannot be opened or is too large."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(str(path), f"file too large ({size} bytes, limit {MAX_SOURCE_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot open: {exc.strerror}") from exc
