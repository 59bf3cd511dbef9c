"""Read a PDF with pdfplumber into the ``Line`` model the text path uses.

Each page is read on its own (characters → deduplicated → lines) and closed
before the next, so memory follows the text, not the page count. What the
text layer loses, the geometry keeps, and it is written onto the lines:

* page numbers and running heads: lines in the foot/head band of the page
  (``PdfSettings.footer_band``/``header_band``) that read as a page number or
  repeat on several pages are page furniture;
* paragraph starts: a line starting right of the text's left edge
  (``indent_chars``) starts a paragraph, a line reaching the right edge goes
  on (``Geometry.indented``/``full``, used by reflow);
* titles: centred lines in larger type (``Geometry.centred``/``large``);
* bold by double printing: characters printed twice at (nearly) the same
  place count once (``without_overprint``);
* line numbers count lines from the start of the PDF, and a vertical gap
  wider than ``blank_gap_ratio`` × the type size counts as a blank line, as
  in a text layer (a stacked table's cells end where such a gap is).

A page without a text layer but with an image (a scan), or every page with
``PdfSettings.force_ocr``, is read by OCR instead (``ocr.Scans``: lines with
the same geometry, and their confidence).

Bad PDFs raise ``SourceError`` with the reason: not a PDF, encrypted with a
password, damaged or truncated, too many pages, no text at all ("needs OCR"
when OCR is off, ``ocr_engine = "none"``), a page to OCR without the engine.
Pages without text in an otherwise readable PDF are listed in
``Source.warnings``.
"""

from __future__ import annotations

import hashlib
import io
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .. import rules
from ..model import Geometry, GridRow, Line, Source, SourceError
from ..pages import page_number_of
from .aligned import find_aligned_tables
from .glyphs import without_overprint
from .grid import PageTable
from .ocr import Scans
from .ruled import find_ruled_tables
from .settings import PdfSettings

_DIGITS = regex.compile(r"[0-9０-９\s]+")
#: pdfminer's stand-in for a glyph it cannot map to Unicode.
_UNMAPPED = regex.compile(r"\(cid:\d+\)")
#: What pdfminer raises on a damaged file.
_DAMAGED = (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, AssertionError)


def is_pdf(data: bytes) -> bool:
    """Whether the bytes start like a PDF (``%PDF-`` within the first KiB)."""
    return b"%PDF-" in data[:1024]


def read_pdf(data: bytes, name: str, settings: PdfSettings | None = None) -> Source:
    """The lines of a PDF, with pages, furniture and geometry (or ``SourceError``).

    >>> read_pdf(b"hello", "a.pdf")
    Traceback (most recent call last):
    gazette.normalize.model.SourceError: a.pdf: not a PDF (no %PDF- header)
    """
    settings = settings or PdfSettings()
    if not is_pdf(data):
        raise SourceError(name, "not a PDF (no %PDF- header)")
    lines: list[Line] = []
    heads: list[Line] = []
    warnings: list[str] = []
    scans = Scans(data, name, settings)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _check_pages(pdf, name, settings, warnings)
            for seq, page in enumerate(pdf.pages, start=1):
                view = _cropped(page, seq, name, settings)
                bands = _Bands.of(view, settings)
                page_lines = _page_lines(view, seq, lines[-1].no + 1 if lines else 0, settings, bands)
                if scans.wanted(view, page_lines):  # OCR (pdf/ocr.py): no text layer, or forced
                    page_lines = scans.read(seq, lines[-1].no + 1 if lines else 0, page.bbox, view.bbox)
                    for line in page_lines:
                        line.furniture = _band_furniture(line, bands)
                else:
                    page_lines = _readable(page_lines, seq, warnings)
                lines += page_lines
                heads += [line for line in page_lines if bands.in_head(line)]
                page.close()
    except (PdfminerException, *_DAMAGED) as error:
        raise SourceError(name, _reason(error)) from error
    finally:
        scans.close()
    if not lines and scans.pages:
        raise SourceError(name, f"no text on any page (image-only PDF: OCR by {settings.ocr_engine} found none)")
    if not lines:
        detail = "; ".join(warnings) if any("cid" in w for w in warnings) else "image-only PDF"
        raise SourceError(name, f"no text layer on any page ({detail}: needs OCR)")
    _mark_running_heads(heads)
    mark_layout(lines, settings)
    return Source(Path(name).name, hashlib.sha256(data).hexdigest(), "pdf", lines, data, "pdf",
                  warnings + scans.warnings, scans.pages)


def _readable(page_lines: list[Line], seq: int, warnings: list[str]) -> list[Line]:
    """The page's lines but those of unmapped glyphs; a page without text is
    reported (it needs OCR), not silently empty."""
    unmapped = [line for line in page_lines if _UNMAPPED.search(line.text)]
    if unmapped:
        warnings.append(f"page {seq}: {len(unmapped)} lines of characters without Unicode "
                        "mapping (cid codes) left out (needs OCR)")
        return [line for line in page_lines if line not in unmapped]
    if not page_lines:
        warnings.append(f"page {seq}: no text layer (needs OCR)")
    return page_lines


def _cropped(page, seq: int, name: str, settings: PdfSettings):
    """The page without its crop margins (the page itself when none are set):
    what is not printed entirely inside what is left is left out."""
    x0, top, x1, bottom = page.bbox
    box = (x0 + settings.crop_left, top + settings.crop_top, x1 - settings.crop_right, bottom - settings.crop_bottom)
    if box == page.bbox:
        return page
    if box[2] <= box[0] or box[3] <= box[1]:
        raise SourceError(name, f"the crop margins leave nothing of page {seq} ({x1 - x0:g} × {bottom - top:g} pt)")
    return page.within_bbox(box)


@dataclass(frozen=True)
class _Bands:
    """Where the head band of a page ends and its foot band starts (points)."""

    head: float
    foot: float

    @classmethod
    def of(cls, view, settings: PdfSettings) -> _Bands:
        _, top, _, bottom = view.bbox
        height = bottom - top
        return cls(top + settings.header_band * height, bottom - settings.footer_band * height)

    def in_head_or_foot(self, line: Line) -> bool:
        """Whether a line (not a table row) is printed in the head or foot band."""
        return line.grid is None and not self.head <= placed(line).top <= self.foot

    def in_head(self, line: Line) -> bool:
        """Whether a content line is printed in the head band (a running head, maybe)."""
        return line.furniture is None and line.grid is None and placed(line).top < self.head


def placed(line: Line) -> Geometry:
    """The geometry of a line read from a PDF (every such line has one)."""
    assert line.geometry is not None, f"line {line.no} was not read from a PDF page"
    return line.geometry


def _reason(error: Exception) -> str:
    """Why pdfminer could not read a file (pdfplumber wraps its exceptions)."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFPasswordIncorrect):
        return "encrypted PDF: a password is needed to read it"
    detail = str(cause) or type(cause).__name__
    return f"damaged or truncated PDF ({detail})"


def _check_pages(pdf: pdfplumber.PDF, name: str, settings: PdfSettings, warnings: list[str]) -> None:
    if pdf.doc.encryption is not None:
        warnings.append("encrypted PDF with an empty user password: read without a password")
    count = len(pdf.pages)
    if count > settings.max_pages:
        raise SourceError(name, f"too many pages ({count}, limit {settings.max_pages})")


def _page_lines(page, seq: int, numbered: int, settings: PdfSettings, bands: _Bands) -> list[Line]:
    """The text lines of one page, top to bottom, with their geometry; a
    table's text becomes one line per table row (``Line.grid``)."""
    found = page.extract_text_lines(strip=True, return_chars=True, y_tolerance=settings.line_tolerance)
    tables = find_ruled_tables(page, found, settings)
    body = [item for item in found if bands.head <= item["top"] <= bands.foot]
    tables += find_aligned_tables(page, body, settings, tables)
    items = [item for item in found if not any(table.holds(item) for table in tables)]
    items += [{"table": number, "row": row, "top": row.top} for number, table in enumerate(tables)
              for row in table.rows]
    lines: list[Line] = []
    no = numbered
    for item in sorted(items, key=lambda item: item["top"]):
        line = _grid_line(item, tables[item["table"]], seq) if "row" in item else _text_line(item, seq, settings)
        if line is None:
            continue
        gap = placed(line).top - placed(lines[-1]).top if lines else 0.0
        no += 2 if gap > settings.blank_gap_ratio * placed(line).size and line.grid is None else 1
        line.no = no
        line.furniture = _band_furniture(line, bands)
        lines.append(line)
    if lines:
        lines[0].page_start = True
    return lines


def _text_line(item: dict, seq: int, settings: PdfSettings) -> Line | None:
    """A line of text (``None`` if only overprinted spaces are left)."""
    text = without_overprint(item["text"], item["chars"], settings.dedupe_tolerance)
    if not text.strip():
        return None
    size = statistics.median(char["size"] for char in item["chars"])
    return Line(no=0, text=text, page=seq, geometry=Geometry(item["x0"], item["x1"], item["top"], size))


def _grid_line(item: dict, table: PageTable, seq: int) -> Line:
    """A row of a table: its cells' texts separated by tabs."""
    row = item["row"]
    x0, _, x1, _ = table.bbox
    cells = GridRow((seq, item["table"]), table.columns, row.spans, row.header, table.ruled)
    return Line(no=0, text="\t".join(row.texts), page=seq, geometry=Geometry(x0, x1, row.top, table.size),
                grid=cells)


def _band_furniture(line: Line, bands: _Bands) -> str | None:
    """A page number printed in the head or foot band of the page."""
    number = page_number_of(line.text.strip()) if bands.in_head_or_foot(line) else None
    return rules.PAGE_NUMBER.name if number is not None else None


def mark_layout(lines: list[Line], settings: PdfSettings) -> None:
    """Indents, full lines, centred and large lines against the body text's
    edges and size."""
    body = [line for line in lines if line.furniture is None and line.grid is None]
    if not body:
        return
    size = statistics.median(placed(line).size for line in body)
    left, right = _text_edges(body)
    centre = (left + right) / 2
    for line in body:
        g = placed(line)
        g.large = g.size >= settings.title_size_ratio * size
        g.centred = (abs((g.x0 + g.x1) / 2 - centre) <= settings.centre_tolerance_chars * g.size
                     and g.x0 >= left + 2 * size and g.x1 <= right - 2 * size)
        g.indented = not g.centred and g.x0 >= left + settings.indent_chars * size - 0.5
        g.full = g.x1 >= right - settings.full_line_chars * size


def _text_edges(body: list[Line]) -> tuple[float, float]:
    """The left and right edges of the text column, from its long lines
    (short ones — stacked characters, centred titles — say nothing)."""
    widest = max(placed(line).x1 - placed(line).x0 for line in body)
    long = [placed(line) for line in body if placed(line).x1 - placed(line).x0 >= 0.5 * widest]
    left = Counter(round(g.x0) for g in long).most_common(1)[0][0]
    right = sorted(g.x1 for g in long)[int(0.9 * (len(long) - 1))]
    return float(left), right


def _mark_running_heads(heads: list[Line]) -> None:
    """Head-band lines whose text (digits aside) recurs on several pages."""
    counts = Counter(_DIGITS.sub("", line.text) for line in heads)
    for line in heads:
        if counts[_DIGITS.sub("", line.text)] >= 2 and len(line.text) <= 40:
            line.furniture = rules.RUNNING_HEAD.name
