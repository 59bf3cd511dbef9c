"""The source of a package as the review shows it: its pages, and where each line is.

A PDF's pages are rendered to PNG by PDFium (``page_image``, at ``SCALE``
pixels per point); its lines are read again, with the settings the package
records, to know where each one was printed (``lines``: the repair log's
line numbers are those lines' numbers), so that a click on a repair shows
its place on the page. Pages are read again without OCR (that would take
seconds a page): a scanned page is shown, its lines (and their repairs) are
not placed on it. A text layer, an OFD file or a
Word document is shown as its lines of text.

>>> from pathlib import Path
>>> view = SourceView.of(Path("samples/004_c58432d889cd2317.txt").read_bytes(), "004.txt", None)
>>> view.pages, view.lines[0].text[:6], view.lines[0].box
(0, '绍兴市人民政', None)
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import lru_cache

import pypdfium2

from gazette.normalize import SourceError, source_from_bytes
from gazette.normalize.read import PDFIUM, PdfSettings

#: Pixels per point of a page image (90 dots per inch).
SCALE = 1.25


@dataclass(frozen=True)
class SourceLine:
    """A line of the source: number (as in the repair log), page, text, and
    its box on the page image in pixels (None where unknown)."""

    no: int
    page: int
    text: str
    box: tuple[int, int, int, int] | None = None


@dataclass(frozen=True)
class SourceView:
    """What the review shows of a source: how many page images it has (0:
    none, the lines are shown as text) and its lines."""

    pages: int
    lines: tuple[SourceLine, ...]

    @classmethod
    def of(cls, data: bytes, name: str, settings: dict | None) -> SourceView:
        return _view(data, name, tuple(sorted((settings or {}).items())))


@lru_cache(maxsize=16)
def _view(data: bytes, name: str, settings: tuple) -> SourceView:
    """The view of a source, read again without OCR (a scanned page has no lines then)."""
    reading = replace(PdfSettings(**dict(settings)) if settings else PdfSettings(), ocr_engine="none",
                      force_ocr=False)
    try:
        source = source_from_bytes(data, name, reading)
    except SourceError:  # an image-only PDF: its pages, no lines
        return SourceView(_pdf_pages(data), ())
    lines = tuple(SourceLine(line.no, line.page, line.text, _box(line)) for line in source.lines)
    return SourceView(len(source.page_heights) if source.format == "pdf" else 0, lines)


def _pdf_pages(data: bytes) -> int:
    """How many pages a PDF has (0 for anything PDFium cannot open)."""
    with PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return 0
        try:
            return len(document)
        finally:
            document.close()


def _box(line) -> tuple[int, int, int, int] | None:
    g = line.geometry
    if g is None:
        return None
    return (round(g.x0 * SCALE), round(g.top * SCALE), round((g.x1 - g.x0) * SCALE), round((g.bottom - g.top) * SCALE))


@lru_cache(maxsize=64)
def page_image(data: bytes, page: int) -> bytes:
    """Page ``page`` (1 = first) of a PDF as PNG bytes (``IndexError`` if it has no such page)."""
    with PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            if not 1 <= page <= len(document):
                raise IndexError(page)
            drawn = document[page - 1]
            rendered = drawn.render(scale=SCALE).to_pil()
            drawn.close()
        finally:
            document.close()
    out = io.BytesIO()
    rendered.save(out, "PNG")
    return out.getvalue()
