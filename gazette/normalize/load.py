"""Open a source file whatever it is: a PDF (by its header) or a text layer.

>>> load_source("samples/002_5b2ac79b115885a4.txt").format
'text'
"""

from __future__ import annotations

from pathlib import Path

from .pdf.reader import is_pdf, read_pdf
from .pdf.settings import PdfSettings
from .sources import Source, SourceError, read_bytes, source_from_bytes


def load_source(path: str | Path, settings: PdfSettings | None = None) -> Source:
    """Read ``path`` as a PDF or a text layer (``SourceError`` if neither)."""
    return source_from_data(read_bytes(path), str(path), settings)


def source_from_data(data: bytes, name: str, settings: PdfSettings | None = None) -> Source:
    """Bytes that came from ``name``: a PDF when they start like one; a file
    named ``.pdf`` that does not is refused, not read as text."""
    if is_pdf(data):
        return read_pdf(data, name, settings)
    if Path(name).suffix.lower() == ".pdf":
        raise SourceError(name, "not a PDF despite its name (no %PDF- header)")
    return source_from_bytes(data, name)
