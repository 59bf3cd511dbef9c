"""Read a PDF with pdfplumber into the ``Line`` model the text path uses.

Each page is read on its own (characters → deduplicated → lines) and closed
before the next, so memory follows the text, not the page count. What the
text layer loses, the geometry keeps (``Line.geometry``: where each line was
printed, its type size; ``Source.page_heights``), for the passes that decide
by position (``placed_furniture``: page numbers and running heads;
``placed_layout``: indents, full, centred and large lines). Reading itself:

* bold by double printing: characters printed twice at (nearly) the same
  place count once (``without_overprint``);
* the characters of one printed line are grouped by baseline or overlap
  (``lines.printed_lines``), tables cut into cells by their rules or their
  columns (``ruled``, ``aligned``: one ``Line`` per row, ``Line.grid``);
* line numbers count lines from the start of the PDF, and a vertical gap
  wider than ``blank_gap_ratio`` × the type size counts as a blank line, as
  in a text layer (a stacked table's cells end where such a gap is).

A page without a text layer but with an image (a scan), or every page with
``PdfSettings.force_ocr``, is read by OCR instead (``ocr.Scans``: lines with
the same geometry, and their confidence).

Bad PDFs raise ``SourceError`` with the reason: not a PDF, encrypted with a
password, damaged or truncated, too many pages, no text at all ("needs OCR"
when OCR is off, ``ocr_engine = "none"``), a page to OCR without the engine.
Pages without text in an otherwise readable PDF are ``Notice`` records in
``Source.notices``, and so is whatever may have lost or hidden text on a
page (``page_problems``): a content stream that does not decompress (pdfminer
then drops it, or keeps what came before the damage, and says nothing),
pdfminer's own warnings while it read the page (they would go to stderr
only), characters printed outside the page, pictures over a page with text.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import regex
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE, PDFStream
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ...model import Geometry, GridRow, Line, Notice, Source, SourceError
from ..lines import printed_lines
from ..magic import is_pdf
from ..ocr import Scans
from ..pdfium_lock import PDFIUM
from ..placed import numbered, text_line
from ..settings import PdfSettings
from ..workers import PageWorkers
from .aligned import find_aligned_tables
from .grid import PageTable
from .quick import PDFIUM_DEDUPE, QuickPage, odd_vertical_fonts, quick_page
from .ruled import find_ruled_tables

#: pdfminer's stand-in for a glyph it cannot map to Unicode.
_UNMAPPED = regex.compile(r"\(cid:\d+\)")
#: What pdfminer (and pdfplumber, for a page box that is not four numbers) raises on a damaged file.
_DAMAGED = (PDFSyntaxError, PSException, MalformedPDFException, ValueError, LookupError, TypeError, AttributeError,
            AssertionError)


def read_pdf(data: bytes, name: str, settings: PdfSettings | None = None,
             workers: PageWorkers | None = None) -> Source:
    """The lines of a PDF, with their pages and geometry (or ``SourceError``).
    Pages to read by OCR are read once the text pages are, by ``workers``
    (in this process by default), and put back in their place.

    >>> read_pdf(b"hello", "a.pdf")
    Traceback (most recent call last):
    gazette.normalize.model.SourceError: a.pdf: not a PDF (no %PDF- header)
    """
    settings = settings or PdfSettings()
    if not is_pdf(data):
        raise SourceError(name, "not a PDF (no %PDF- header)")
    read: list[list[Line] | _Scanned] = []
    heights: list[float] = []
    notices: list[Notice] = []
    scans = Scans(data, name, settings)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _check_pages(pdf, name, settings, notices)
            with _quick_document(data, settings, len(pdf.pages)) as quick:
                for seq, page in enumerate(pdf.pages, start=1):
                    view, found = _one_page(page, seq, name, settings, quick, scans, notices)
                    read.append(found)
                    heights.append(view.height)
                    page.close()
        lines = _in_order(read, scans, workers or PageWorkers())
    except (PdfminerException, *_DAMAGED) as error:
        raise SourceError(name, _reason(error)) from error
    finally:
        scans.close()
    if not lines and scans.pages:
        raise SourceError(name, f"no text on any page (image-only PDF: OCR by {settings.ocr_engine} found none)")
    if not lines:
        lost = any(notice.kind in ("unmapped", "damaged-stream") for notice in notices)
        detail = "; ".join(str(notice) for notice in notices) if lost else "image-only PDF"
        raise SourceError(name, f"no text layer on any page ({detail}: needs OCR)")
    return Source(Path(name).name, hashlib.sha256(data).hexdigest(), "pdf", lines, data, "pdf",
                  notices + scans.notices, scans.pages, page_heights=heights, settings=settings)


def _one_page(page, seq: int, name: str, settings: PdfSettings, quick: pypdfium2.PdfDocument | None, scans: Scans,
              notices: list[Notice]) -> tuple[Any, list[Line] | _Scanned]:
    """``(view, lines)`` of page ``seq``: read by PDFium where it may be
    (``quick``), else by pdfplumber; its lines, or the page to read by OCR.
    What may have lost text on it goes to ``notices``."""
    damaged = damaged_streams(page.page_obj)
    plain = quick is not None and not damaged and not odd_vertical_fonts(page.page_obj.resources)
    view, page_lines, heard = _read_page(page, seq, name, settings, quick if plain else None)
    problems = page_problems(seq, damaged, heard, _outside(view if isinstance(view, QuickPage) else page, view))
    notices += problems
    if scans.wanted(view, page_lines):  # OCR (read/ocr.py): no text layer, or forced
        return view, _Scanned(seq, page.bbox, view.bbox)
    notices += pictures(view, seq, has_text=bool(page_lines))
    return view, _readable(page_lines, seq, notices, explained=bool(problems))


@dataclass(frozen=True)
class _Scanned:
    """A page to read by OCR: its position, its box and the box left of it by the crop margins."""

    seq: int
    page_box: tuple[float, float, float, float]
    view_box: tuple[float, float, float, float]


def _in_order(read: list[list[Line] | _Scanned], scans: Scans, workers: PageWorkers) -> list[Line]:
    """Every page's lines in page order, numbered on from the page before: the
    text pages as read (numbered from 0), the scanned ones read by OCR now."""
    found = scans.spread([item.seq for item in read if isinstance(item, _Scanned)], workers)
    lines: list[Line] = []
    for item in read:
        after = lines[-1].no + 1 if lines else 0
        if isinstance(item, _Scanned):
            lines += scans.lines(item.seq, after, item.page_box, item.view_box, found[item.seq])
        else:
            for line in item:
                line.no += after
            lines += item
    return lines


def _readable(page_lines: list[Line], seq: int, notices: list[Notice], explained: bool = False) -> list[Line]:
    """The page's lines but those of unmapped glyphs; a page without text is
    reported (it needs OCR, unless a problem already ``explained`` it), not silently empty."""
    unmapped = [line for line in page_lines if _UNMAPPED.search(line.text)]
    if unmapped:
        notices.append(Notice("unmapped", f"{len(unmapped)} lines of characters without Unicode "
                              "mapping (cid codes) left out (needs OCR)", seq))
        return [line for line in page_lines if line not in unmapped]
    if not page_lines and not explained:
        notices.append(Notice("no-text", "no text layer (needs OCR)", seq))
    return page_lines


def page_problems(seq: int, damaged: list[str], heard: list[str], outside: tuple[int, bool]) -> list[Notice]:
    """What may have lost or hidden text on page ``seq``, one ``Notice``
    each: its ``damaged_streams``, what pdfminer warned of while reading
    it (``pdfminer_warnings``; the same message once, with a count), and the
    characters printed wholly outside the page (``_outside``: how many, and
    whether the crop margins left them out).

    >>> heard = ["Data-loss while decompressing corrupted data"] * 2
    >>> page_problems(2, ["content stream 1 ends early (cut short or damaged): text at its end may be lost"],
    ...               heard, (3, False))  # doctest: +NORMALIZE_WHITESPACE
    [Notice(kind='damaged-stream', message='content stream 1 ends early (cut short or damaged): text at its end
            may be lost', page=2),
     Notice(kind='pdfminer', message='pdfminer: Data-loss while decompressing corrupted data (2 times)', page=2),
     Notice(kind='outside', message='3 characters printed outside the page (read, though a viewer does not show
            them)', page=2)]
    """
    problems = [Notice("damaged-stream", problem, seq) for problem in damaged]
    problems += [Notice("pdfminer", f"pdfminer: {message}" + (f" ({count} times)" if count > 1 else ""), seq)
                 for message, count in Counter(heard).items()]
    count, cropped = outside
    if count:
        fate = "left out with the crop margins" if cropped else "read, though a viewer does not show them"
        problems.append(Notice("outside", f"{count} characters printed outside the page ({fate})", seq))
    return problems


#: A picture covering at least this share of a page with text is reported.
PICTURE_SHARE = 0.1


def pictures(page, seq: int, has_text: bool) -> list[Notice]:
    """A report for each large picture on a page that has a text layer: a
    chart, a map or a scanned box whose words the text layer does not hold
    (a page without text is reported as needing OCR instead).

    >>> class Page:
    ...     width, height = 595.0, 842.0
    ...     images = [{"x0": 60, "x1": 535, "top": 100, "bottom": 520}]
    >>> [str(notice) for notice in pictures(Page(), 16, has_text=True)]
    ['page 16: a picture covers 40% of the page: any text in it is not in the text layer (needs OCR)']
    """
    if not has_text:
        return []
    area = page.width * page.height
    shares = [(image["x1"] - image["x0"]) * (image["bottom"] - image["top"]) / area for image in page.images]
    return [Notice("picture", f"a picture covers {share:.0%} of the page: any text in it is not in the text layer "
                   "(needs OCR)", seq) for share in shares if share >= PICTURE_SHARE]


def damaged_streams(page_obj) -> list[str]:
    """The content streams of a page (pdfminer's ``PDFPage``, not read yet)
    whose compressed data is damaged or cut short, checked without keeping
    what they inflate to."""
    found = []
    for number, stream in enumerate(page_obj.contents, start=1):
        stream = stream.resolve() if hasattr(stream, "resolve") else stream
        damage = _flate_damage(stream) if isinstance(stream, PDFStream) else None
        if damage:
            found.append(f"content stream {number} {damage}")
    return found


def _flate_damage(stream: PDFStream) -> str | None:
    """Why a stream's Flate data does not inflate (after the text filters
    before it), or None; only what pdfminer has not decoded yet is checked."""
    data = stream.rawdata
    if data is None:
        return None
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for kind, _ in stream.get_filters():
        if kind in LITERALS_FLATE_DECODE:
            return _inflate_damage(data)
        if kind not in (*LITERALS_ASCII85_DECODE, *LITERALS_ASCIIHEX_DECODE):
            return None
        data = ascii85decode(data) if kind in LITERALS_ASCII85_DECODE else asciihexdecode(data)
    return None


def _inflate_damage(data: bytes) -> str | None:
    """
    >>> _inflate_damage(zlib.compress(b"BT (a) Tj ET")) is None, _inflate_damage(zlib.compress(b"BT (a) Tj ET")[:-6])
    (True, 'ends early (cut short or damaged): text at its end may be lost')
    """
    inflater = zlib.decompressobj()
    try:
        while data:
            inflater.decompress(data, 1 << 20)
            data = inflater.unconsumed_tail
        inflater.flush()
    except zlib.error as error:
        return f"is damaged ({error}): its text may be lost or wrong"
    return None if inflater.eof else "ends early (cut short or damaged): text at its end may be lost"


@contextmanager
def pdfminer_warnings() -> Iterator[list[str]]:
    """The warnings pdfminer logs inside the block, collected instead of
    printed (they say where text may have been lost)."""
    heard: list[str] = []
    handler = _Collect(heard)
    logger = logging.getLogger("pdfminer")
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield heard
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class _Collect(logging.Handler):
    def __init__(self, heard: list[str]):
        super().__init__(logging.WARNING)
        self.heard = heard

    def emit(self, record: logging.LogRecord) -> None:
        self.heard.append(record.getMessage())


def _outside(page, view) -> tuple[int, bool]:
    """(characters printed wholly outside the page, whether ``view`` is cropped and so leaves them out)."""
    x0, top, x1, bottom = page.bbox
    count = sum(1 for ch in page.chars
                if ch["x1"] <= x0 or ch["x0"] >= x1 or ch["bottom"] <= top or ch["top"] >= bottom)
    return count, view is not page


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


def _reason(error: Exception) -> str:
    """Why pdfminer could not read a file (pdfplumber wraps its exceptions)."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFPasswordIncorrect):
        return "encrypted PDF: a password is needed to read it"
    detail = str(cause) or type(cause).__name__
    return f"damaged or truncated PDF ({detail})"


def _check_pages(pdf: pdfplumber.PDF, name: str, settings: PdfSettings, notices: list[Notice]) -> None:
    if pdf.doc.encryption is not None:
        notices.append(Notice("encrypted", "encrypted PDF with an empty user password: read without a password"))
    count = len(pdf.pages)
    if count > settings.max_pages:
        raise SourceError(name, f"too many pages ({count}, limit {settings.max_pages})")


@contextmanager
def _quick_document(data: bytes, settings: PdfSettings, pages: int) -> Iterator[pypdfium2.PdfDocument | None]:
    """The PDF opened by PDFium to read pages ``quick``: when asked for, with
    no crop margins, characters printed again counted once at least as far
    apart as PDFium does (``quick.PDFIUM_DEDUPE``), if PDFium opens it and
    finds the ``pages`` pdfminer finds (else None: pdfplumber reads all)."""
    margins = (settings.crop_top, settings.crop_bottom, settings.crop_left, settings.crop_right)
    document = None
    if settings.pdfium_text and not any(margins) and settings.dedupe_tolerance >= PDFIUM_DEDUPE:
        with PDFIUM, suppress(pypdfium2.PdfiumError):
            document = pypdfium2.PdfDocument(data)
    try:
        with PDFIUM:
            same = document is not None and len(document) == pages
        yield document if same else None
    finally:
        if document is not None:
            with PDFIUM:
                document.close()


def _read_page(page, seq: int, name: str, settings: PdfSettings, quick: pypdfium2.PdfDocument | None):
    """``(view, lines, heard)``: the page as read (PDFium's ``QuickPage``
    where it may read it, else pdfplumber's page less its crop margins), its
    text lines, and what pdfminer warned of while reading it."""
    fast = None if quick is None else quick_page(quick, seq, (page.width, page.height), page.initial_doctop)
    if fast is not None:
        return fast, _page_lines(fast, seq, 0, settings, _Bands.of(fast, settings)), []
    with pdfminer_warnings() as heard:
        view = _cropped(page, seq, name, settings)
        found = _page_lines(view, seq, 0, settings, _Bands.of(view, settings))
    return view, found, heard


def _page_lines(page, seq: int, after: int, settings: PdfSettings, bands: _Bands) -> list[Line]:
    """The text lines of one page (pdfplumber's or a ``QuickPage``), top to
    bottom, with their geometry; a table's text becomes one line per table
    row (``Line.grid``)."""
    found = printed_lines(page.chars)
    tables = find_ruled_tables(page, found, settings)
    body = [item for item in found if bands.head <= item["top"] <= bands.foot]
    tables += find_aligned_tables(page, body, settings, tables)
    items = [item for item in found if not any(table.holds(item) for table in tables)]
    items += [item for table in tables for item in printed_lines(table.outside_cells)]
    items += [{"table": number, "row": row, "top": row.top} for number, table in enumerate(tables)
              for row in table.rows]
    ordered = sorted(items, key=lambda item: item["top"])
    lines = [_grid_line(item, tables[item["table"]], seq) if "row" in item else text_line(item, seq, settings)
             for item in ordered]
    return numbered([line for line in lines if line is not None], after, settings)


def _grid_line(item: dict, table: PageTable, seq: int) -> Line:
    """A row of a table: its cells' texts separated by tabs."""
    row = item["row"]
    x0, _, x1, _ = table.bbox
    cells = GridRow((seq, item["table"]), table.columns, row.spans, row.header, table.ruled)
    geometry = Geometry(x0, x1, row.top, table.size, bottom=row.top + table.size)  # the row's first printed line
    return Line(no=0, text="\t".join(row.texts), page=seq, geometry=geometry, grid=cells)
