"""Read a page without a text layer from its image (OCR), into the same lines.

A scanned page is rendered by PDFium (``pypdfium2``) at ``PdfSettings.ocr_dpi``,
handed to an OCR engine, and the pieces of text the engine finds (each
with its box and confidence) are grouped into printed lines: ``Line``
objects with a ``Geometry`` in PDF points, as the text-layer reader makes
them, and ``Line.ocr_confidence``. Everything after reading (furniture by
position, reflow by indent, titles, structure) is shared with text layers.

One page is rendered, read and dropped at a time, so memory does not grow
with the page count. Engines (``PdfSettings.ocr_engine``):

* ``rapidocr``: PP-OCRv4 detection and recognition models that ship inside
  the ``rapidocr-onnxruntime`` wheel, run by onnxruntime on the CPU, one
  thread (``pip install 'gazette[ocr]'``; nothing is downloaded at run time);
* ``tesseract``: Tesseract 5 with its ``chi_sim`` model, called as a program
  (Debian packages ``tesseract-ocr`` and ``tesseract-ocr-chi-sim``).

A missing engine is a ``SourceError`` naming what to install.

>>> rows = printed_lines([Box(240, 10, 300, 40, "通知", 0.9), Box(20, 12, 200, 42, "关于", 0.99),
...                       Box(20, 80, 90, 110, "各区：", 0.97)])
>>> [text_of(row) for row in rows]
['关于 通知', '各区：']
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import io
import os
import statistics
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Protocol

import pypdfium2

from .. import progress
from ..model import Geometry, Line, Notice, OcrPage, SourceError
from .line_crops import line_crops, with_dash
from .magic import is_pdf
from .pdfium_lock import PDFIUM
from .settings import PdfSettings

if TYPE_CHECKING:
    from .workers import PageWorkers

#: What to install for each engine, in the error a missing engine gives.
INSTALL = {
    "rapidocr": "pip install 'gazette[ocr]' (rapidocr-onnxruntime)",
    "tesseract": "apt-get install tesseract-ocr tesseract-ocr-chi-sim",
}


class EngineMissingError(RuntimeError):
    """The OCR engine the settings name cannot be run here."""


@dataclass(frozen=True)
class Box:
    """A piece of text the engine found: its box in pixels of the page image
    (from the top left), its text, the engine's confidence (0–1) and the
    slope of its line where the engine knows it (pixels down per pixel right)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float
    slope: float = 0.0

    @property
    def height(self) -> float:
        """The box's height in pixels."""
        return self.bottom - self.top


class Engine(Protocol):
    """An OCR engine: the pieces of text of a page image (RGB)."""

    name: str
    #: type size ÷ box height (measured on rendered pages against their text layer).
    type_ratio: float

    def read(self, image: Any) -> list[Box]: ...


class RapidOcr:
    """PP-OCRv4 (``rapidocr-onnxruntime``): boxes of text lines, or of the
    pieces of a line the detector sees apart. The detector keeps boxes it
    scores from ``BOX_THRESHOLD`` (its default 0.5 dropped single-digit page
    numbers and list markers); the recogniser reads the crops ``line_crops``
    makes of them, and what it reads under ``MIN_SCORE`` is dropped as no text."""

    name = "rapidocr"
    type_ratio = 1.05
    BOX_THRESHOLD, MIN_SCORE = 0.3, 0.5

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as error:
            raise EngineMissingError(f"the OCR engine rapidocr is not installed: {INSTALL['rapidocr']}") from error
        self._ocr = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)

    def read(self, image: Any) -> list[Box]:
        import numpy

        pixels = numpy.asarray(image)
        # no angle classifier: pages are upright, and it turned some long lines upside down (read as nothing)
        quads, _ = self._ocr(pixels, use_cls=False, use_rec=False, box_thresh=self.BOX_THRESHOLD)
        if not quads:
            return []
        crops = line_crops([numpy.array(quad, numpy.float32) for quad in quads], pixels,
                           lambda quad: self._ocr.get_crop_img_list(pixels, [quad])[0])
        found, _ = self._ocr.text_rec([crop.image for crop in crops])
        return [Box(crop.x0, crop.top, crop.x1, crop.bottom, with_dash(crop, text), float(score), crop.slope)
                for crop, (text, score) in zip(crops, found, strict=True) if text.strip() and score >= self.MIN_SCORE]


class Tesseract:
    """Tesseract 5, ``chi_sim``: boxes of words (a Chinese word is often one
    character), confidence 0–100 scaled to 0–1."""

    name = "tesseract"
    type_ratio = 1.1

    def __init__(self) -> None:
        self.read(_blank())  # fails now, with the reason, if tesseract or chi_sim is missing

    def read(self, image: Any) -> list[Box]:
        png = io.BytesIO()
        image.save(png, format="PNG")
        command = ["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "3", "tsv"]
        try:
            done = subprocess.run(command, input=png.getvalue(), capture_output=True, check=False,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        except FileNotFoundError as error:
            raise EngineMissingError(f"the OCR engine tesseract is not installed: {INSTALL['tesseract']}") from error
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise EngineMissingError(f"tesseract cannot read Chinese ({detail[0]}): {INSTALL['tesseract']}")
        rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [_word_box(row) for row in rows if row["level"] == "5" and row["text"].strip()]


def _word_box(row: dict[str, str]) -> Box:
    left, top, width, height = (float(row[key]) for key in ("left", "top", "width", "height"))
    return Box(left, top, left + width, top + height, row["text"].strip(), max(float(row["conf"]), 0.0) / 100)


def _blank() -> Any:
    from PIL import Image

    return Image.new("RGB", (64, 32), "white")


ENGINES: dict[str, type[RapidOcr] | type[Tesseract]] = {"rapidocr": RapidOcr, "tesseract": Tesseract}


@cache
def engine(name: str) -> Engine:
    """The engine of that name, loaded once per process (its models are large)."""
    return ENGINES[name]()


def scanned(data: bytes, settings: PdfSettings) -> bool:
    """Whether a PDF's first page is a scan (an image and no text) that OCR is
    on for: a cheap look (PDFium) before the file is read.

    >>> scanned(open("samples/scan_amac_334_p1_p4.pdf", "rb").read(), PdfSettings())
    True
    >>> scanned(open("samples/demo_gazette.pdf", "rb").read(), PdfSettings())
    False
    """
    if settings.ocr_engine == "none" or not is_pdf(data):
        return False
    with PDFIUM:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:
            return False
        try:
            if not len(pdf):
                return False
            page = pdf[0]
            text = page.get_textpage()
            has_text = text.count_chars() > 0
            images = any(True for _ in page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
            text.close()
            page.close()
            return settings.force_ocr or (images and not has_text)
        finally:
            pdf.close()


def load_engine(settings: PdfSettings) -> None:
    """Load the engine in this process now (a worker, before it forks the
    children that read its files: they inherit it, loaded once); a missing
    engine is left for the reading to report."""
    with contextlib.suppress(EngineMissingError):
        engine(settings.ocr_engine)


_SLOPED = 4


def printed_lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped into printed lines, top to bottom, each left to right: a
    box whose vertical middle lies inside a line's band belongs to that line
    (a piece of text set apart on the same line, a signature beside a date,
    a page number after leader dots). On a page scanned askew the bands
    slope as its lines do (the median slope of its boxes), so a piece at the
    far right still meets its line. The slope is the median of the boxes
    at least ``_SLOPED`` times as wide as high (a short box's slope is noise).

    >>> skewed = [Box(20, 100, 900, 140, "8.2.1 顾客沟通", 0.9, 0.02), Box(1400, 140, 1430, 160, "9", 0.8),
    ...           Box(20, 142, 900, 182, "8.2.2 确定", 0.9, 0.02)]
    >>> [text_of(row) for row in printed_lines(skewed)]
    ['8.2.1 顾客沟通　9', '8.2.2 确定']
    """
    lines = [box.slope for box in boxes if box.x1 - box.x0 >= _SLOPED * box.height]
    slope = statistics.median(lines) if lines else 0.0

    def level(box: Box) -> tuple[float, float]:
        drop = slope * (box.x0 + box.x1) / 2
        return box.top - drop, box.bottom - drop

    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda box: sum(level(box)) / 2):
        middle = sum(level(box)) / 2
        row = rows[-1] if rows else None
        if row is not None and min(level(b)[0] for b in row) <= middle <= max(level(b)[1] for b in row):
            row.append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda box: box.x0) for row in rows]


def text_of(row: list[Box]) -> str:
    """The text of a printed line: pieces side by side, a space where the gap
    between two is wider than a third of the type (always between two Latin
    words or numbers), an ideographic space where it is wider than two
    characters (two fields: joint issuers, a name and a date)."""
    size = statistics.median(box.height for box in row)
    parts = [row[0].text]
    for before, box in pairwise(row):
        gap = box.x0 - before.x1
        latin = before.text[-1:].isascii() and box.text[:1].isascii() and before.text[-1:].isalnum()
        parts.append("\u3000" if gap > 2 * size else " " if gap > size / 3 or latin else "")
        parts.append(box.text)
    return "".join(parts)


@dataclass
class Scans:
    """The page images of one PDF, read by OCR when a page needs it.

    ``pages`` lists the pages read so far (engine, resolution, confidence),
    ``notices`` what the run report should say about them.
    """

    data: bytes
    name: str
    settings: PdfSettings
    pages: list[OcrPage] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    _pdf: pypdfium2.PdfDocument | None = None

    def wanted(self, view: Any, page_lines: list[Line]) -> bool:
        """Whether a page is read by OCR: one without text but with an image
        (a page with neither is reported, not read), or any page when forced."""
        if self.settings.ocr_engine == "none":
            return False
        return self.settings.force_ocr or (not page_lines and bool(view.images))

    def boxes(self, seq: int, image: Callable[[float], Any] | None = None) -> list[Box]:
        """What the engine finds on page ``seq``'s image, read in this process."""
        reader = self._engine(seq)
        dpi = self.settings.ocr_dpi
        return _read_once(reader, lambda: without_seals(image(dpi), dpi) if image else self._image(seq))

    def spread(self, seqs: list[int], workers: PageWorkers,
               image_of: Callable[[int], Callable[[float], Any]] | None = None) -> dict[int, list[Box]]:
        """The boxes of pages ``seqs``, read by ``workers`` (in this process
        when there is one local worker or one page, drawn by ``image_of(seq)``
        where PDFium cannot draw them: an OFD page); a page that fails fails
        the file, naming the page."""
        if workers.address or (workers.count > 1 and len(seqs) > 1):
            found = {}
            for seq, boxes in workers.read(self.data, seqs, self.settings):
                if isinstance(boxes, str):
                    raise SourceError(self.name, f"page {seq}: reading it by OCR failed ({boxes})")
                found[seq] = boxes
                progress.page_read(seq)
            return found
        found = {}
        for seq in seqs:
            found[seq] = self.boxes(seq, image_of(seq) if image_of else None)
            progress.page_read(seq)
        return found

    def lines(self, seq: int, numbered: int, page_box: tuple[float, float, float, float],
              view_box: tuple[float, float, float, float], boxes: list[Box]) -> list[Line]:
        """The printed lines of page ``seq`` from the engine's boxes, numbered after line ``numbered``."""
        kind = ENGINES[self.settings.ocr_engine]
        scale = 72 / self.settings.ocr_dpi
        lines = [_line(row, seq, kind.type_ratio, scale, page_box) for row in printed_lines(boxes)]
        lines = [line for line in lines if _inside(line, view_box)]
        _number(lines, numbered, self.settings)
        self._record(seq, kind.name, lines)
        return lines

    def _engine(self, seq: int) -> Engine:
        try:
            return engine(self.settings.ocr_engine)
        except EngineMissingError as error:
            why = "is to be read by OCR (force_ocr)" if self.settings.force_ocr else "has no text layer and needs OCR"
            raise SourceError(self.name, f"page {seq} {why}, but {error}") from error

    def _image(self, seq: int) -> Any:
        with PDFIUM:
            if self._pdf is None:
                self._pdf = pypdfium2.PdfDocument(self.data)
            return rendered(self._pdf, seq, self.settings.ocr_dpi)

    def _record(self, seq: int, engine_name: str, lines: list[Line]) -> None:
        confidences = [line.ocr_confidence or 0.0 for line in lines]
        threshold = self.settings.ocr_min_confidence
        doubtful = tuple((line.no, line.ocr_confidence or 0.0, line.text) for line in lines
                         if (line.ocr_confidence or 0.0) < threshold)
        mean = round(statistics.fmean(confidences), 3) if confidences else 0.0
        self.pages.append(OcrPage(seq, engine_name, int(self.settings.ocr_dpi), mean, doubtful))
        if not lines:
            self.notices.append(Notice("ocr-empty", f"no text found by OCR ({engine_name})", seq))
        self.notices += [Notice("ocr-doubtful", f"line {no} read by OCR with confidence {value:.2f} "
                                f"(under {threshold:g}), to be checked: {text}", seq) for no, value, text in doubtful]

    def close(self) -> None:
        """Let PDFium go (the document is opened on the first page read)."""
        with PDFIUM:
            if self._pdf is not None:
                self._pdf.close()
                self._pdf = None


#: A red pixel: red well above green and blue (seals, red 版头 and rules).
_RED_MARGIN = 50
#: Inside a seal, a pale pixel tinted red (its faded edges, which OCR read as
#: words of its ring: ``收资基``) is the seal's too: red this much above green
#: and blue, and not dark (black text under the seal stays).
_TINT_MARGIN, _NOT_DARK = 20, 165
#: Side of the cells red is counted in (pixels), and the share of red that marks a cell.
_CELL, _CELL_SHARE = 16, 0.02
#: A seal is a red mark about round: each side 20–70 mm, its sides within 3:4 of each other.
_SEAL_MM, _SEAL_RATIO = (20.0, 70.0), 0.75


def without_seals(image: Any, dpi: float) -> Any:
    """The page image with the red of its seals made white, so that the black
    text printed under a seal (the issuer's name, the date) can be read; red
    that is not a seal (a red 版头, red rules) stays.

    >>> from PIL import Image, ImageDraw
    >>> page = Image.new("RGB", (800, 800), "white")
    >>> ImageDraw.Draw(page).ellipse((200, 200, 520, 520), outline=(220, 30, 30), width=12)
    >>> ImageDraw.Draw(page).rectangle((40, 40, 760, 70), fill=(220, 30, 30))
    >>> clean = without_seals(page, 200)
    >>> clean.getpixel((206, 360)), clean.getpixel((400, 50))
    ((255, 255, 255), (220, 30, 30))
    """
    import numpy
    from PIL import Image

    pixels = numpy.asarray(image).copy()
    red, green, blue = (pixels[..., channel].astype(int) for channel in range(3))
    mask = (red > 120) & (red - green > _RED_MARGIN) & (red - blue > _RED_MARGIN)
    tinted = ((red - green > _TINT_MARGIN) & (red - blue > _TINT_MARGIN)
              & ((red + green + blue) >= 3 * _NOT_DARK))
    for top, left, bottom, right in _red_marks(mask):
        if _is_seal(bottom - top, right - left, dpi):
            area = mask[top:bottom, left:right] | tinted[top:bottom, left:right]
            pixels[top:bottom, left:right][area] = 255
    return Image.fromarray(pixels)


def _is_seal(height: float, width: float, dpi: float) -> bool:
    low, high = (mm / 25.4 * dpi for mm in _SEAL_MM)
    short, long = sorted((height, width))
    return low <= short and long <= high and short >= _SEAL_RATIO * long


def _red_marks(mask: Any) -> list[tuple[int, int, int, int]]:
    """The boxes (top, left, bottom, right in pixels) of the red marks: cells
    with some red, grouped with the cells up to two cells away."""
    rows, columns = mask.shape[0] // _CELL, mask.shape[1] // _CELL
    cells = mask[: rows * _CELL, : columns * _CELL].reshape(rows, _CELL, columns, _CELL).mean(axis=(1, 3))
    red = {(int(y), int(x)) for y, x in zip(*(cells > _CELL_SHARE).nonzero())}
    marks = []
    while red:
        todo = [red.pop()]
        group = list(todo)
        while todo:
            y, x = todo.pop()
            near = {(y + dy, x + dx) for dy in range(-2, 3) for dx in range(-2, 3)} & red
            red -= near
            todo += near
            group += near
        ys, xs = [y for y, _ in group], [x for _, x in group]
        marks.append((min(ys) * _CELL, min(xs) * _CELL, (max(ys) + 1) * _CELL, (max(xs) + 1) * _CELL))
    return marks


@cache
def libc() -> Any:
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to give back
        return None


def _give_back_memory() -> None:
    """Return the heap a page left free to the system (glibc's ``malloc_trim``):
    without it the engine's buffers for pages of different sizes fragment the
    heap and the resident memory grows with the page count (measured on the
    GJB scan: 394 → 733 MiB after pages 6–15; with it 155 MiB after each)."""
    found = libc()
    if found is not None:
        found.malloc_trim(0)


def rendered(pdf: pypdfium2.PdfDocument, seq: int, dpi: float) -> Any:
    """Page ``seq`` of an open PDF as an RGB image at ``dpi``, its seals taken off."""
    with PDFIUM:
        page = pdf[seq - 1]
        try:
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        finally:
            page.close()
    return without_seals(image, dpi)


def page_boxes(data: bytes, seq: int, settings: PdfSettings) -> list[Box]:
    """Page ``seq`` of a PDF (rendered by PDFium) or of an OFD file (drawn from
    its images) read by the engine: what a worker does for one page (the
    engine is loaded once per process)."""
    return _read_once(engine(settings.ocr_engine), lambda: _drawn(data, seq, settings.ocr_dpi))


def _drawn(data: bytes, seq: int, dpi: float) -> Any:
    """Page ``seq`` of a PDF (rendered by PDFium) or of an OFD file (drawn
    from its images) at ``dpi``, its seals taken off."""
    if not is_pdf(data):
        from .ofd import page_image  # the OFD reader reads by OCR through this module

        return without_seals(page_image(data, seq, dpi), dpi)
    with PDFIUM:
        pdf = pypdfium2.PdfDocument(data)
        try:
            return rendered(pdf, seq, dpi)
        finally:
            pdf.close()


def _read_once(reader: Engine, draw: Callable[[], Any]) -> list[Box]:
    """What the engine finds on the page image ``draw`` makes, the image then
    let go and the memory it took given back (one page image at a time)."""
    picture = draw()
    found = reader.read(picture)
    del picture
    _give_back_memory()
    return found


def _line(row: list[Box], seq: int, type_ratio: float, scale: float, page_box: tuple[float, ...]) -> Line:
    """A printed line in points, as the text-layer reader places it."""
    x0, top = page_box[0], page_box[1]
    height = statistics.median(box.height for box in row)
    geometry = Geometry(x0 + min(b.x0 for b in row) * scale, x0 + max(b.x1 for b in row) * scale,
                        top + min(b.top for b in row) * scale, height * scale * type_ratio,
                        top + max(b.bottom for b in row) * scale)
    characters = sum(len(box.text) for box in row)
    confidence = sum(box.confidence * len(box.text) for box in row) / characters
    return Line(no=0, text=text_of(row), page=seq, geometry=geometry, ocr_confidence=round(confidence, 3))


def _inside(line: Line, view_box: tuple[float, ...]) -> bool:
    g = line.geometry
    assert g is not None
    return view_box[0] <= g.x0 and g.x1 <= view_box[2] and view_box[1] <= g.top <= view_box[3]


def _number(lines: list[Line], numbered: int, settings: PdfSettings) -> None:
    """Line numbers after ``numbered``, a blank line counted where the line
    starts more than ``blank_gap_ratio`` × its type size below the line
    above, as the text-layer reader counts them."""
    no, above = numbered, None
    for line in lines:
        g = line.geometry
        assert g is not None
        no += 2 if above is not None and g.top - above > settings.blank_gap_ratio * g.size else 1
        line.no, above = no, g.top
    if lines:
        lines[0].page_start = True
