"""A PDF page read by PDFium where that reads it as pdfminer would, only faster.

pdfminer interprets a page in Python; PDFium (pypdfium2) does it in C. On
every real text PDF we have, a page read here gives the reader the same
lines, tables and XML as pdfplumber's page, in a third of the time or less
(``bench/bench_scale.py``). What it takes to be the same:

* **boxes** built as pdfminer builds them: from the character's origin, the
  font's descent and the type size (PDFium's own "loose" box scales the
  font's ascent and descent to the type size instead, 1–189 pt off), the
  width from PDFium's advance (within 0.2 pt), numbers rounded back to the
  decimals the PDF wrote (``exact``);
* **boxes down the page**: a character of a font that writes down the page
  (a ``-V`` CMap) is boxed as pdfminer boxes it, an em wide centred on the
  pen and the font's advance high (``_down_char``): PDFium's loose box of
  such a glyph mixes text space and page space and takes in the glyph's
  ink, and its origin is off the pen by the glyph's position vector;
* **spaces**: the spaces PDFium puts in itself where it sees a gap are left
  out (pdfminer has none), and a text object of spaces only, which PDFium
  skips (its glyphs have no width), is read as the blank pdfminer reads;
* **shapes**: paths become pdfminer's lines, rectangles and curves
  (``paths``), so pdfplumber's table finder reads the same edges; a page is
  also cropped and its words found with pdfplumber's own functions.

``quick_page`` gives such a page (a ``QuickPage``, with the attributes of
pdfplumber's page that the reader uses), or None where PDFium may read it
otherwise and pdfplumber reads it: a rotated page or a page box off the
origin, a form XObject that draws more than text, an ``ActualText`` (PDFium
reads it instead of the glyphs), characters not upright, set in a font
down the page that PDFium may place otherwise (``odd_vertical_fonts``,
checked by the reader on pdfminer's resources) or without Unicode mapping
(pdfminer's ``(cid:N)``, which the reader reports), a hyphen PDFium joined.

>>> import pypdfium2, pathlib
>>> sample = pathlib.Path(__file__).parents[4] / "tests/data/pdf/sichuan_chuanbangui-2025-6_p1-4.pdf"
>>> document = pypdfium2.PdfDocument(sample.read_bytes())
>>> page = quick_page(document, 2, (595.276, 841.89))
>>> first = page.chars[0]
>>> "".join(char["text"] for char in page.chars[:8]), round(first["x0"], 3), round(first["top"], 3)
('支持创业带动就业', 140.974, 128.26)

"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import pypdfium2
import pypdfium2.raw as pdfium
from pdfminer.cmapdb import CMapDB
from pdfminer.pdffont import IDENTITY_ENCODER, get_widths2
from pdfminer.pdftypes import PDFStream, list_value, resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.utils import crop_to_bbox, curve_to_edges, extract_words, line_to_edge, rect_to_edges

from ..pdfium_lock import PDFIUM
from .exact import exact
from .paths import path_shapes

#: PDFium itself counts once a character printed again within 7 % of its
#: type size (0.84 pt at 12 pt), whatever the reader's ``dedupe_tolerance``:
#: with a smaller tolerance than this (points) pdfminer reads every page.
PDFIUM_DEDUPE = 1.0


@dataclass(frozen=True)
class QuickPage:
    """What the reader asks of a pdfplumber page, read by PDFium: the page's
    size, characters, pictures, and shapes (``paths``) with their edges for
    pdfplumber's table finder."""

    width: float
    height: float
    chars: list[dict]
    images: list[dict]
    lines: list[dict] = field(default_factory=list)
    rects: list[dict] = field(default_factory=list)
    curves: list[dict] = field(default_factory=list)
    #: The part of the page kept (``crop``); the whole page when None.
    part: tuple[float, float, float, float] | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.part or (0.0, 0.0, self.width, self.height)

    @cached_property
    def edges(self) -> list[dict]:
        """The shapes' edges, as pdfplumber's ``Page.edges`` lists them."""
        return ([line_to_edge(line) for line in self.lines]
                + [edge for rect in self.rects for edge in rect_to_edges(rect)]
                + [edge for curve in self.curves for edge in curve_to_edges(curve)])

    def filter(self, test: Callable[[dict], bool]) -> QuickPage:
        """The page with only the objects ``test`` keeps (pdfplumber's ``Page.filter``)."""
        return replace(self, chars=[*filter(test, self.chars)], images=[*filter(test, self.images)],
                       lines=[*filter(test, self.lines)], rects=[*filter(test, self.rects)],
                       curves=[*filter(test, self.curves)])

    def crop(self, box: tuple[float, float, float, float]) -> QuickPage:
        """The objects inside ``box``, cut to it (pdfplumber's ``Page.crop``)."""
        return replace(self, chars=crop_to_bbox(self.chars, box), images=crop_to_bbox(self.images, box),
                       lines=crop_to_bbox(self.lines, box), rects=crop_to_bbox(self.rects, box),
                       curves=crop_to_bbox(self.curves, box), part=box)

    def extract_words(self, **settings) -> list[dict]:
        """pdfplumber's words of the page's characters (``Page.extract_words``)."""
        return extract_words(self.chars, **settings)


def quick_page(document: pypdfium2.PdfDocument, seq: int, size: tuple[float, float],
               doctop: float = 0.0) -> QuickPage | None:
    """Page ``seq`` (from 1) of ``document`` read by PDFium, or None when it
    needs pdfplumber (see the module docstring); ``size`` is the page's
    width and height as pdfminer reads them from the page box (PDFium's are
    single precision), ``doctop`` how far down the document it starts. A
    page PDFium fails on is pdfplumber's too."""
    with PDFIUM:
        try:
            return _read(document, seq, size, doctop)
        except (pypdfium2.PdfiumError, _NotPlainError):
            return None


def _read(document: pypdfium2.PdfDocument, seq: int, size: tuple[float, float], doctop: float) -> QuickPage | None:
    """The page read (``_NotPlainError`` where PDFium may read it otherwise)."""
    page = document[seq - 1]
    text = None
    try:
        if not _plain_box(page):
            return None
        width, height = size
        text = page.get_textpage()
        drawn = _Drawn.of(page, text, height, doctop)
        chars = list(_char_boxes(text, height, doctop))
        return QuickPage(width, height, chars + drawn.blanks, drawn.images, *drawn.shapes())
    finally:
        if text is not None:
            text.close()
        page.close()


def odd_vertical_fonts(resources) -> bool:
    """Whether a page's resources (pdfminer's dict) hold a font that writes
    down the page whose characters a ``QuickPage`` may box otherwise than
    pdfminer, so that pdfplumber reads the page: an embedded CMap of
    ``WMode`` 1, a CMap named for writing down that pdfminer does not know
    (PDFium writes down by the name's last letter, pdfminer then across),
    or glyph metrics of their own (``W2``: PDFium does not tell which glyph
    a character is). ``Identity-V`` and the like with the font's metrics
    for all glyphs (``DW2``) are read by PDFium (``_down_style``).

    >>> from pdfminer.psparser import LIT
    >>> down = {"Encoding": LIT("Identity-V"), "DescendantFonts": [{"W2": [120, [-1000, 250, 880]]}]}
    >>> odd_vertical_fonts({"Font": {"F1": {"Encoding": LIT("Identity-H")}, "F2": down}})
    True
    >>> odd_vertical_fonts({"Font": {"F1": {"Encoding": LIT("Identity-V")}}})
    False
    """
    fonts = resolve1((resolve1(resources) or {}).get("Font")) or {}
    for font in map(resolve1, fonts.values()):
        encoding = resolve1(font.get("Encoding")) if isinstance(font, dict) else None
        if isinstance(encoding, PSLiteral) and str(encoding.name).endswith("V") and (
                not _pdfminer_writes_down(str(encoding.name)) or _own_metrics(font)):
            return True
        if isinstance(encoding, PDFStream) and resolve1(encoding.get("WMode")) == 1:
            return True
    return False


def _pdfminer_writes_down(name: str) -> bool:
    """Whether pdfminer writes down the page with the CMap so named."""
    try:
        return CMapDB.get_cmap(IDENTITY_ENCODER.get(name, name)).is_vertical()
    except CMapDB.CMapNotFound:
        return False


def _own_metrics(font: dict) -> bool:
    """Whether a composite font gives some glyphs metrics down the page of
    their own (``W2``, as pdfminer reads it), or its descendant font is no
    dictionary."""
    descendants = resolve1(font.get("DescendantFonts"))
    descendant = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else {}
    return not isinstance(descendant, dict) or bool(get_widths2(list_value(descendant.get("W2", []))))


def _plain_box(page: pypdfium2.PdfPage) -> bool:
    """Not rotated, and its boxes at the origin: PDFium's and pdfminer's coordinates agree."""
    box = page.get_mediabox()
    return page.get_rotation() == 0 and box[:2] == (0, 0) and page.get_cropbox() == box


class _NotPlainError(Exception):
    """Something on the page PDFium may read otherwise than pdfminer."""


@dataclass
class _Drawn:
    """What a page draws besides the characters PDFium's text page holds:
    its pictures, its paths' shapes (``paths``), and the spaces PDFium
    leaves out of the text page (a text object of spaces only: its glyphs
    have no width, and PDFium skips a text object without width; pdfminer
    reads the spaces, and they part words)."""

    height: float
    doctop: float
    images: list[dict] = field(default_factory=list)
    blanks: list[dict] = field(default_factory=list)
    paths: list[dict] = field(default_factory=list)

    @classmethod
    def of(cls, page: pypdfium2.PdfPage, text: pypdfium2.PdfTextPage, height: float, doctop: float) -> _Drawn:
        """What the page draws; ``_NotPlainError`` if a form XObject draws
        anything but text (its objects' boxes are in the form's own space), a
        text object carries an ``ActualText`` (PDFium reads that instead of
        the glyphs, pdfminer the glyphs), or one without width holds more than
        spaces."""
        drawn = cls(height, doctop)
        left, bottom, right, top = box = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
        page, text = page.raw, text.raw  # the handles themselves: a call is then cheaper
        object_at, kind_of, marks, bounds = (pdfium.FPDFPage_GetObject, pdfium.FPDFPageObj_GetType,
                                             pdfium.FPDFPageObj_CountMarks, pdfium.FPDFPageObj_GetBounds)
        for index in range(pdfium.FPDFPage_CountObjects(page)):
            item = object_at(page, index)
            kind = kind_of(item)
            if kind != _TEXT:
                drawn._take(item, kind, box)
                continue
            if marks(item) and _actual_text(item):
                raise _NotPlainError
            bounds(item, left, bottom, right, top)
            if right.value - left.value < _NO_WIDTH:
                drawn.blanks.append(_blank(item, text, height, doctop))
        return drawn

    def shapes(self) -> tuple[list[dict], list[dict], list[dict]]:
        """The lines, rectangles and curves, each in the order drawn."""
        return tuple([shape for shape in self.paths if shape["object_type"] == kind]  # type: ignore[return-value]
                     for kind in ("line", "rect", "curve"))

    def _take(self, item, kind: int, box: tuple[ctypes.c_float, ...]) -> None:
        """A drawing: a form XObject (text only, else ``_NotPlainError``), a path or a picture."""
        if kind == pdfium.FPDF_PAGEOBJ_FORM:
            if not _text_only(item):
                raise _NotPlainError
        elif kind == pdfium.FPDF_PAGEOBJ_PATH:
            self.paths += path_shapes(item, self.height, self.doctop)
        elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            pdfium.FPDFPageObj_GetBounds(item, *box)
            left, bottom, right, top = (value.value for value in box)
            self.images.append({"object_type": "image", "x0": left, "x1": right, "top": self.height - top,
                                "bottom": self.height - bottom})


#: PDFium's kind of a text object.
_TEXT = pdfium.FPDF_PAGEOBJ_TEXT
#: PDFium skips a text object narrower than this (``kSizeEpsilon``, points).
_NO_WIDTH = 0.01


def _text_only(form) -> bool:
    """Whether a form XObject (and the forms in it) holds nothing but text."""
    for index in range(pdfium.FPDFFormObj_CountObjects(form)):
        item = pdfium.FPDFFormObj_GetObject(form, index)
        kind = pdfium.FPDFPageObj_GetType(item)
        if kind != pdfium.FPDF_PAGEOBJ_TEXT and not (kind == pdfium.FPDF_PAGEOBJ_FORM and _text_only(item)):
            return False
    return True


def _actual_text(item) -> bool:
    """Whether one of a text object's marked-content marks has an ``ActualText``."""
    for number in range(pdfium.FPDFPageObj_CountMarks(item)):
        mark = pdfium.FPDFPageObj_GetMark(item, number)
        if pdfium.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != pdfium.FPDF_OBJECT_UNKNOWN:
            return True
    return False


def _blank(item, text, height: float, doctop: float) -> dict:
    """A text object PDFium skipped, as the blank character pdfminer reads
    (``_NotPlainError`` if it holds more than spaces, or spaces down the page)."""
    length = pdfium.FPDFTextObj_GetText(item, text, None, 0)
    buffer = (ctypes.c_ushort * max(length // 2, 1))()
    pdfium.FPDFTextObj_GetText(item, text, buffer, length)
    font = pdfium.FPDFTextObj_GetFont(item)
    if not _spaces(buffer, length) or _advance_down(font, buffer[0]):
        raise _NotPlainError
    matrix, size, descent = pdfium.FS_MATRIX(), ctypes.c_float(), ctypes.c_float()
    pdfium.FPDFPageObj_GetMatrix(item, matrix)
    pdfium.FPDFTextObj_GetFontSize(item, size)
    pdfium.FPDFFont_GetDescent(font, size, descent)
    return _char(" ", matrix.e, 0.0, matrix.f, _style(matrix.a, matrix.d, size.value, descent.value), height, doctop)


def _spaces(buffer, length: int) -> bool:
    """Whether a text object's text (UTF-16 units, ``length`` bytes with the closing zero) is white space only."""
    return all(chr(unit).isspace() for unit in buffer[:max(length // 2 - 1, 0)])


def _advance_down(font, code: int) -> float:
    """How far down the page a font that writes down the page moves the pen
    after a glyph (``DW2``: an em by default; ems), 0 for a font that writes
    across: PDFium gives such a font's glyph (here that of ``code``) that
    advance for width, negative."""
    width = ctypes.c_float()
    pdfium.FPDFFont_GetGlyphWidth(font, code, 1.0, width)
    return max(-width.value, 0.0)


def _char(text: str, x: float, width: float, base: float, style: _Style, height: float, doctop: float) -> dict:
    """A character as pdfminer boxes it (pdfplumber's dict), from its origin
    ``(x, base)``, its advance ``width`` and its text object's ``style``
    (``_Styles``): from the font's descent under the baseline to the type
    size above it; numbers rounded as ``exact`` rounds them.

    >>> _char("通", 72.00000762939453, 16.0, 700.0, (1.0, 1.0, 16.0, -2.0, 16.0, None), 842.0, 0.0)["top"]
    128.0
    """
    a, d, size, descent, rounded, _ = style
    low = height - base - descent
    left, top = round(x, 4), round(low - size, 4)
    return {"object_type": "char", "text": text, "x0": left, "x1": round(left + width, 4), "top": top,
            "bottom": round(low, 4), "doctop": doctop + top, "upright": True, "size": rounded,
            "matrix": (a, 0.0, 0.0, d, left, round(base, 4))}


def _down_char(text: str, base: float, style: _Style, column: _Column, height: float, doctop: float) -> dict:
    """A character of a font that writes down the page as pdfminer boxes it
    (pdfplumber's dict), from PDFium's origin ``base`` high and its text
    object's ``style`` and ``column`` (``_down_style``): an em wide, centred
    on the pen, from an em above the origin down the advance (pdfminer:
    (1000 − vy)/1000 em above the pen, which is vy/1000 em above the origin).

    >>> matrix = pdfium.FS_MATRIX(0.05, 0, 0, 0.05, 90.57599639892578, 235.469970703125)  # PDFium's singles
    >>> style = _down_style(matrix, 199.0, 1.0, 226.714)
    >>> char = _down_char("三", 226.714, style, style[5], 842.0, 0.0)
    >>> char["x0"], char["x1"], char["top"], char["bottom"], char["size"], char["matrix"][4:]
    (85.601, 95.551, 605.336, 615.286, 9.95, (90.576, 235.47))
    """
    a, d, size, _, rounded, _ = style
    left, right, pen, advance, lift = column
    high = height - base - size
    top = round(high, 4)
    return {"object_type": "char", "text": text, "x0": left, "x1": right, "top": top,
            "bottom": round(high + advance, 4), "doctop": doctop + top, "upright": True, "size": rounded,
            "matrix": (a, 0.0, 0.0, d, pen, round(base + lift, 4))}


#: The characters of one string shown are on one line (points).
_SAME_LINE = 0.01
#: What PDFium may have put in itself (a space, a line break).
_MADE = frozenset((0x20, 0x0D, 0x0A))
#: PDFium's marks for a hyphen it joined (0x02) and a glyph without Unicode (0xFFFE).
_MARKS = frozenset((0x02, 0xFFFE))
#: Where the characters of a text object down the page are (``_down_style``).
_Column = tuple[float, float, float, float, float]
#: A text object's style (``_Styles``).
_Style = tuple[float, float, float, float, float, _Column | None]


class _Styles:
    """What the characters of one text object share, read once per object:
    ``(a, d, size, descent, rounded, column)``: the scale of its matrix, its
    type size and its font's descent on the page (the font read once per
    font and size), the size pdfminer gives its characters as ``exact``
    rounds it, and for a font that writes down the page where its column is
    (``_down_style``; else None). ``_char`` and ``_down_char`` read it."""

    def __init__(self, text) -> None:
        self.text = text
        self.known: dict[int | None, _Style] = {}
        self.fonts: dict[tuple[int | None, float], tuple[float, float]] = {}
        self.matrix, self.descent = pdfium.FS_MATRIX(), ctypes.c_float()
        #: The text object last asked about.
        self.last: int | None = None

    def of(self, item, index: int, base: float) -> _Style:
        """The style of text object ``item``, which character ``index``,
        whose origin is ``base`` high, is of."""
        key = self.last = ctypes.c_void_p.from_buffer(item).value
        style = self.known.get(key)
        if style is None:
            style = self.known[key] = self._read(item, index, base)
        return style

    def _read(self, item, index: int, base: float) -> _Style:
        matrix = self.matrix
        pdfium.FPDFText_GetMatrix(self.text, index, matrix)
        if matrix.b or matrix.c or matrix.a <= 0 or matrix.d <= 0:
            raise _NotPlainError  # rotated, mirrored or slanted
        size = pdfium.FPDFText_GetFontSize(self.text, index)
        font = pdfium.FPDFTextObj_GetFont(item)
        key = (ctypes.c_void_p.from_buffer(font).value, size)
        if key not in self.fonts:
            pdfium.FPDFFont_GetDescent(font, size, self.descent)
            self.fonts[key] = (self.descent.value, _advance_down(font, pdfium.FPDFText_GetUnicode(self.text, index)))
        descent, advance = self.fonts[key]
        if advance:
            return _down_style(matrix, size, advance, base)
        return _style(matrix.a, matrix.d, size, descent)


def _style(a: float, d: float, size: float, descent: float) -> _Style:
    """``_Styles``'s tuple from a text object's scale (``a``, ``d``), type
    size and font descent, both in text space."""
    return a, d, size * d, descent * d, exact(size * d), None


def _down_style(matrix: pdfium.FS_MATRIX, size: float, advance: float, base: float) -> _Style:
    """``_Styles``'s tuple for a text object in a font that writes down the
    page, from its ``matrix`` (its first pen position), type size, the
    font's ``advance`` (ems) and its first character's origin ``base`` high.
    pdfminer's size of such a character is the em's width; its column is
    ``(left, right, pen, advance, lift)``: an em wide, centred on the pen,
    which does not move across (pdfminer puts every glyph half an em left of
    the pen: ``odd_vertical_fonts`` leaves a ``W2`` to pdfminer), and the
    pen is ``lift`` above the origin (the glyphs' vy, the same for all)."""
    a, d = matrix.a, matrix.d
    wide = size * a
    left = matrix.e - wide / 2
    column = (round(left, 4), round(left + wide, 4), round(matrix.e, 4), advance * size * d, matrix.f - base)
    return a, d, size * d, 0.0, exact(wide), column


def _char_boxes(text: pypdfium2.PdfTextPage, height: float, doctop: float):
    """Each character of PDFium's text page but those it put in itself
    (spaces where it sees a gap, line breaks: pdfminer has none), as
    pdfplumber's dict. Raises ``_NotPlainError`` at a character pdfminer may
    read otherwise: one without Unicode mapping (pdfminer's ``(cid:N)``),
    a hyphen PDFium joined, one not upright, one of a string shown down the
    page in a font PDFium writes across. A character of a font that writes
    down the page is boxed by ``_down_char``. A character outside the BMP,
    which PDFium gives as two halves, is one."""
    text = text.raw  # the handle itself: a call is then cheaper
    count = pdfium.FPDFText_CountChars(text)
    units = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(text, 0, count, units)
    x, y, box = ctypes.c_double(), ctypes.c_double(), pdfium.FS_RECTF()
    styles = _Styles(text)
    before: tuple[int | None, float] = (None, 0.0)  # the text object and baseline of the character before
    origin, loose = pdfium.FPDFText_GetCharOrigin, pdfium.FPDFText_GetLooseCharBox
    text_object = pdfium.FPDFText_GetTextObject
    for index in range(count):
        code = units[index]
        if code in _MADE and pdfium.FPDFText_IsGenerated(text, index):
            continue
        if 0xDC00 <= code <= 0xDFFF and index and 0xD800 <= units[index - 1] <= 0xDBFF:
            continue  # the second half of the character before
        if 0xD800 <= code <= 0xDBFF and 0xDC00 <= units[index + 1] <= 0xDFFF:
            code = 0x10000 + ((code - 0xD800) << 10) + units[index + 1] - 0xDC00  # PDFium gives it as two halves
        if code in _MARKS or 0xD800 <= code <= 0xDFFF or pdfium.FPDFText_HasUnicodeMapError(text, index):
            raise _NotPlainError
        origin(text, index, x, y)
        base = y.value
        style = styles.of(text_object(text, index), index, base)
        column = style[5]
        if column:
            yield _down_char(chr(code), base, style, column, height, doctop)
            continue
        if before[0] == styles.last and abs(before[1] - base) > _SAME_LINE:
            raise _NotPlainError  # one string shown down the page in a font PDFium writes across
        before = (styles.last, base)
        loose(text, index, box)
        yield _char(chr(code), x.value, box.right - box.left, base, style, height, doctop)
