"""Page numbers and running heads of a PDF, from the evidence its pages give.

No fixed share of the page height says where a page's furniture is: GB/T
9704 prints the page number 7 mm below the type area, which on A4 is just
above a 10 % foot band. The evidence is combined instead:

* **shape**: a page number alone on its line, ``— 1 —``, ``- 1 -``, ``－1－``,
  ``第1页``, ``1/8``, ``·1·``, or a bare ``1`` or roman ``IV`` (the pieces of one
  printed line, dashes drawn apart from the digit, are already one line);
* **place**: the first or the last line of the page; a bare number also
  set apart from the text by a gap wider than the page's usual gap between
  lines (or printed in the head or foot band of the page);
* **sequence**: bare numbers count up with the pages (the printed number
  minus the page's position is the same on several pages; roman numerals
  of the front matter count on their own).

Running heads are the first lines of pages, set apart the same way, whose
text (digits aside) recurs on several pages. A line of one character
repeated (``书书书``) is the typesetter's garbage, wherever it stands.

>>> from gazette.normalize.model import Geometry, Line
>>> def page(seq, number):
...     body = [Line(0, "为进一步激发市场活力和社会创造力", seq,
...                  geometry=Geometry(90, 500, 100 + 29 * i, 16, bottom=116 + 29 * i)) for i in range(20)]
...     return body + [Line(0, number, seq, geometry=Geometry(460, 507, 757, 14, bottom=771))]
>>> pages = [page(1, "— 1 —"), page(2, "2"), page(3, "3")]
>>> from gazette.normalize.read import PdfSettings
>>> mark_furniture([(lines, 842.0) for lines in pages], PdfSettings())
>>> [p[-1].furniture for p in pages]
['page_number', 'page_number', 'page_number']
>>> printed_page_number("— 1 —"), printed_page_number("IV"), printed_page_number("2023年")
(1, 4, None)
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from typing import TYPE_CHECKING

import regex

from . import rules
from .model import Line
from .pages import is_garbage, page_number_of

if TYPE_CHECKING:
    from .read import PdfSettings

#: A page number's forms beyond the text layers' (``pages.page_number_of``):
#: a bare number of up to 4 digits, a roman numeral.
_BARE = regex.compile(r"^\s*([0-9０-９]{1,4})\s*$")
_ROMAN = regex.compile(r"^\s*([IVXLivxl]{1,6})\s*$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
#: A line is set apart from the text when the gap to its neighbour exceeds
#: the page's usual gap between lines by this factor.
APART = 1.3
#: Bare numbers are page numbers when this many pages agree on their sequence.
MIN_SEQUENCE = 2
#: Digits aside, a running head's text recurs on at least this many pages.
MIN_HEAD_PAGES = 2
MAX_HEAD = 40
#: A run of dashes, however OCR read it.
_DASH_RUN = regex.compile(r"[\-—–―]+")
_DIGITS = regex.compile(r"[0-9０-９\s]+")


def printed_page_number(text: str) -> int | None:
    """The number a page-number line prints, in any of its forms."""
    value = page_number_of(text)
    if value is not None:
        return value
    if bare := _BARE.match(text):
        return int(bare[1].translate(_FULLWIDTH)) or None
    if roman := _ROMAN.match(text):
        return _roman(roman[1].lower())
    return None


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _roman(text: str) -> int | None:
    """``iv`` → 4; None for what is no well-formed small roman numeral."""
    values = [_ROMAN_VALUES.get(ch, 0) for ch in text]
    if text.count("i") > 3 or any(v == 0 for v in values) or not values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 90 else None


def mark_furniture(pages: list[tuple[list[Line], float]], settings: PdfSettings) -> None:
    """Mark the page numbers and running heads among each page's lines
    (text lines; table rows are never furniture); a page comes with its
    height, and lines in its head or foot band (``settings``) are in its
    margin anyway."""
    for page, _ in pages:
        for line in _text_lines(page):
            if is_garbage(line.text):
                line.furniture = rules.TYPESETTER_GARBAGE.name
    numbers = _page_number_candidates(pages, settings)
    for line in _confirmed_numbers(numbers):
        line.furniture = rules.PAGE_NUMBER.name
    _mark_running_heads(pages, settings)


def _text_lines(page: list[Line]) -> list[Line]:
    return [line for line in page if line.grid is None and line.furniture is None]


def _page_number_candidates(pages: list[tuple[list[Line], float]],
                            settings: PdfSettings) -> list[tuple[int, Line, int, bool]]:
    """``(page, line, value, shaped)`` for the first and last line of each page
    that prints a number and stands apart; ``shaped`` when its form (dashes,
    第N页…) says page number by itself."""
    found = []
    for page, height in pages:
        lines = _text_lines(page)
        for index in {0, len(lines) - 1} if lines else set():
            line = lines[index]
            value = printed_page_number(line.text.strip())
            shaped = page_number_of(line.text.strip()) is not None
            if value is not None and (shaped or _apart(lines, index, height, settings)):
                found.append((line.page, line, value, shaped))
    return found


def _confirmed_numbers(candidates: list[tuple[int, Line, int, bool]]) -> list[Line]:
    """Shaped numbers, and bare ones whose sequence several pages confirm
    (arabic and roman counted apart: front matter restarts the count); where
    shaped numbers say how the pages are numbered, a bare arabic number must
    count with them (``８`` and ``９`` of a table at the top of two pages
    numbered ``—54—``, ``—55—`` are no page numbers)."""
    offsets = Counter((_is_roman(line), value - seq) for seq, line, value, shaped in candidates if not shaped)
    shaped_offsets = {value - seq for seq, line, value, shaped in candidates if shaped}
    pages = {seq for seq, *_ in candidates}
    return [line for seq, line, value, shaped in candidates
            if shaped or (offsets[(_is_roman(line), value - seq)] >= min(MIN_SEQUENCE, len(pages))
                          and (_is_roman(line) or not shaped_offsets or value - seq in shaped_offsets))]


def _is_roman(line: Line) -> bool:
    return bool(_ROMAN.match(line.text))


def _apart(lines: list[Line], index: int, height: float, settings: PdfSettings) -> bool:
    """Whether the first or last line of a page stands apart from the rest:
    in the page's head or foot band, or farther from its neighbour than the
    usual gap between the page's lines."""
    line = lines[index]
    geometry = line.geometry
    assert geometry is not None
    if geometry.top < settings.header_band * height or geometry.top > (1 - settings.footer_band) * height:
        return True
    if len(lines) < 3:
        return False
    neighbour = lines[index - 1] if index else lines[index + 1]
    gap = _gap(neighbour, line) if index else _gap(line, neighbour)
    gaps = [_gap(a, b) for a, b in itertools.pairwise(lines) if a is not line and b is not line]
    usual = statistics.median(gaps) if gaps else 0.0
    return gap > APART * max(usual, 0.0) + 0.25 * geometry.size


def _gap(above: Line, below: Line) -> float:
    assert above.geometry is not None and below.geometry is not None
    return below.geometry.top - above.geometry.bottom


def _mark_running_heads(pages: list[tuple[list[Line], float]], settings: PdfSettings) -> None:
    """First lines of pages, standing apart, whose text recurs on several
    pages; not in title type (two items of one title, each opening a page)."""
    sizes = [line.geometry.size for page, _ in pages for line in _text_lines(page) if line.geometry is not None]
    title = settings.title_size_ratio * statistics.median(sizes) if sizes else float("inf")
    heads = [lines[0] for page, height in pages
             if (lines := _text_lines(page)) and _apart(lines, 0, height, settings) and len(lines[0].text) <= MAX_HEAD
             and lines[0].geometry is not None and lines[0].geometry.size < title]
    counts = Counter(_head_key(line.text) for line in heads)
    for line in heads:
        key = _head_key(line.text)
        if key and counts[key] >= MIN_HEAD_PAGES:
            line.furniture = rules.RUNNING_HEAD.name


def _head_key(text: str) -> str:
    """What a running head's repeats share: its text without digits (a page
    number, an issue's date) and spaces, a run of dashes as one (OCR reads
    ``GJB 9001C—2017`` as ``GJB9001C-2017`` on one page, ``GJB 9001C——2017`` on the next).

    >>> _head_key("GJB 9001C——2017") == _head_key("GJB9001C-2017") == "GJBC—"
    True
    """
    return _DASH_RUN.sub("—", _DIGITS.sub("", text))
