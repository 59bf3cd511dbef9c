"""Reading a source file, whatever it is, into the one ``Line`` model.

Every format has its reader, each turning bytes into a ``Source`` (lines with
their pages; geometry, furniture and layout cues where the format has them;
``Notice`` records of what reading noticed) or raising ``SourceError``
naming the file and the reason:

* ``text``: a text layer (``text.py``: UTF-8, GB18030 or UTF-16);
* ``pdf``: a PDF, by PDFium where it reads a page as pdfminer would and by
  pdfplumber otherwise (``pdf/``), scanned pages by OCR (``ocr.py``, on
  several workers if asked: ``workers.py``); every call into PDFium holds
  ``PDFIUM`` (``pdfium_lock.py``: PDFium is not thread-safe);
* ``ofd``: an OFD file, GB/T 33190 (``ofd.py``);
* ``docx``: a Word document (``docx.py``).

The format is told by the content, never by the file name alone
(``format_of``); a name that promises a format the bytes do not have is
refused. Two functions serve every caller: ``read_source`` for a file,
``source_from_bytes`` for bytes already read. What other packages may use of
reading is what this module exports; its modules are its own (a test keeps
them so).

>>> read_source("samples/002_5b2ac79b115885a4.txt").format
'text'
>>> source_from_bytes(b"%PDF-1.7 broken", "a.pdf")
Traceback (most recent call last):
gazette.normalize.model.SourceError: a.pdf: damaged or truncated PDF (No /Root object! - Is this really a PDF?)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model import Source, SourceError
from .docx import read_docx
from .magic import is_pdf
from .ocr import load_engine, scanned
from .ofd import read_ofd
from .pdf.reader import read_pdf
from .pdfium_lock import PDFIUM
from .settings import PdfSettings, PdfSettingsError
from .text import decode_text, text_source
from .workers import PageWorkers
from .zipped import zip_format

__all__ = ["MAX_SOURCE_BYTES", "PDFIUM", "PageWorkers", "PdfSettings", "PdfSettingsError", "decode_text", "format_of",
           "load_engine", "read_bytes", "read_source", "scanned", "source_from_bytes"]

#: Largest source we accept (a gazette text layer is well under 5 MB).
MAX_SOURCE_BYTES = 64 * 1024 * 1024

#: The formats a file name promises, by its suffix.
_PROMISED = {".pdf": "pdf", ".ofd": "ofd", ".docx": "docx"}


def read_source(path: str | Path, settings: PdfSettings | None = None, workers: PageWorkers | None = None) -> Source:
    """Read ``path`` in whatever format its bytes are.

    >>> src = read_source("samples/002_5b2ac79b115885a4.txt")
    >>> src.encoding, src.lines[0].no, src.lines[0].text
    ('utf-8', 3, '浙江省人民政府文件')
    """
    return source_from_bytes(read_bytes(path), str(path), settings, workers)


def source_from_bytes(data: bytes, name: str, settings: PdfSettings | None = None,
                      workers: PageWorkers | None = None) -> Source:
    """Bytes that came from ``name``, read by the reader of their format
    (a PDF's pages to read by OCR by ``workers``).

    >>> source_from_bytes(b"PK\\x03\\x04 not really", "a.ofd")
    Traceback (most recent call last):
    gazette.normalize.model.SourceError: a.ofd: damaged zip archive (File is not a zip file)
    >>> source_from_bytes("通知".encode(), "a.ofd")
    Traceback (most recent call last):
    gazette.normalize.model.SourceError: a.ofd: not an OFD file despite its name (not a zip holding OFD.xml)
    """
    found = format_of(data, name)
    promised = _PROMISED.get(Path(name).suffix.lower())
    if promised and promised != found:
        raise SourceError(name, f"not {_SPOKEN[promised]} despite its name ({_why_not(promised, found)})")
    settings = settings or PdfSettings()
    if found == "pdf":
        return read_pdf(data, name, settings, workers)
    if found == "ofd":
        return read_ofd(data, name, settings, workers)
    return _READERS[found](data, name, settings)


def format_of(data: bytes, name: str) -> str:
    """The format of ``data`` by its content: ``%PDF-`` near the start, a zip
    holding ``OFD.xml`` or ``word/document.xml``; anything else is a text
    layer (whose reader refuses binary content).

    >>> format_of(b"%PDF-1.4 ...", "x"), format_of("通知".encode(), "x")
    ('pdf', 'text')
    """
    if is_pdf(data):
        return "pdf"
    if data.startswith(b"PK"):
        return zip_format(data, name)
    return "text"


_READERS: dict[str, Callable[[bytes, str, PdfSettings], Source]] = {
    "ofd": read_ofd,
    "docx": read_docx,
    "text": lambda data, name, _settings: text_source(data, name),
}
_SPOKEN = {"pdf": "a PDF", "ofd": "an OFD file", "docx": "a Word document", "text": "a text layer"}
_MARK = {"pdf": "no %PDF- header", "ofd": "not a zip holding OFD.xml", "docx": "not a zip holding word/document.xml"}


def _why_not(promised: str, found: str) -> str:
    """
    >>> _why_not("pdf", "text"), _why_not("docx", "ofd")
    ('no %PDF- header', 'not a zip holding word/document.xml: its content is an OFD file')
    """
    return _MARK[promised] if found == "text" else f"{_MARK[promised]}: its content is {_SPOKEN[found]}"


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
