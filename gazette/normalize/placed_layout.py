"""Indents, full lines, centred and large lines, from where lines were printed.

A pass for the lines of a PDF, an OFD file or a scan (``Line.geometry``):
against the body text's left and right edges (per page when a page has a
column of its own) and its median type size, a line is ``indented`` when it
starts right of the edge, ``full`` when it reaches the right edge,
``centred`` when its middle is the column's and it stops short of both
edges (or is in large type), ``large`` in type larger than the body's by
``PdfSettings.title_size_ratio``. Reflow and titles read these cues.

>>> from .read import PdfSettings
>>> lines = [Line(no, "文字" * 20, 1, geometry=Geometry(72, 522, 100 + 15 * no, 12, 112 + 15 * no))
...          for no in range(10)] + [Line(10, "标题", 1, geometry=Geometry(270, 324, 300, 22, 322))]
>>> mark_layout(lines, PdfSettings())
>>> lines[-1].geometry.centred, lines[-1].geometry.large, lines[0].geometry.full
(True, True, True)
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING

from .model import Geometry, Line, placed

if TYPE_CHECKING:
    from .read import PdfSettings


def mark_layout(lines: list[Line], settings: PdfSettings) -> None:
    """Indents, full lines, centred and large lines against the body text's
    edges and size: a line is centred when its middle is the column's and
    it stops short of both edges, or when it is in large type."""
    body = [line for line in lines if line.furniture is None and line.grid is None]
    if not body:
        return
    size = statistics.median(placed(line).size for line in body)
    document = _text_edges(body)
    for page in dict.fromkeys(line.page for line in body):
        on_page = [line for line in body if line.page == page]
        left, right = _text_edges(on_page) if len(_long(on_page)) >= MIN_PAGE_COLUMN_LINES else document
        _mark_lines(on_page, left, right, size, settings)


#: A page with this many long lines has its own text column (a book printed on
#: both sides, or scanned, shifts it from page to page); others take the document's.
MIN_PAGE_COLUMN_LINES = 8


def _mark_lines(body: list[Line], left: float, right: float, size: float, settings: PdfSettings) -> None:
    centre = (left + right) / 2
    for line in body:
        g = placed(line)
        g.large = g.size >= settings.title_size_ratio * size
        mid_on_centre = abs((g.x0 + g.x1) / 2 - centre) <= settings.centre_tolerance_chars * g.size
        # a line in large type as wide as the column is centred too (the first line of a cover's title)
        g.centred = mid_on_centre and (g.large or (g.x0 >= left + 2 * size and g.x1 <= right - 2 * size))
        g.indented = not g.centred and g.x0 >= left + settings.indent_chars * size - 0.5
        g.full = g.x1 >= right - settings.full_line_chars * size


def _text_edges(body: list[Line]) -> tuple[float, float]:
    """The left and right edges of the text column, from its long lines
    (short ones — stacked characters, centred titles — say nothing)."""
    long = _long(body)
    left = Counter(round(g.x0) for g in long).most_common(1)[0][0]
    right = sorted(g.x1 for g in long)[int(0.9 * (len(long) - 1))]
    return float(left), right


def _long(body: list[Line]) -> list[Geometry]:
    """The geometry of the lines at least half as wide as the widest."""
    widest = max(placed(line).x1 - placed(line).x0 for line in body)
    return [placed(line) for line in body if placed(line).x1 - placed(line).x0 >= 0.5 * widest]

