"""Lines read from a page where each glyph has its place (a PDF, an OFD file).

The readers of such formats find the printed lines (``lines.printed_lines``)
and hand them here: ``text_line`` makes a ``Line`` with its ``Geometry``,
``numbered`` numbers a page's lines (a vertical gap wider than
``blank_gap_ratio`` × the type size counts as a blank line, as in a text
layer). What the places say about the lines (furniture, indents, titles) is
decided by the passes of ``normalize`` (``placed_furniture``, ``placed_layout``).

>>> lines = [Line(0, "第一条", 1, geometry=Geometry(90, 140, 100, 16, bottom=116)),
...          Line(0, "第二条", 1, geometry=Geometry(90, 140, 150, 16, bottom=166))]
>>> [(line.no, line.page_start) for line in numbered(lines, 0, PdfSettings())]
[(1, True), (3, False)]
"""

from __future__ import annotations

import statistics

from ..model import Geometry, Line, placed
from .glyphs import without_overprint
from .settings import PdfSettings


def text_line(item: dict, seq: int, settings: PdfSettings) -> Line | None:
    """A printed line (``lines.printed_lines``) of page ``seq`` as a ``Line`` with its
    geometry (``None`` if only overprinted spaces are left)."""
    text = without_overprint(item["text"], item["chars"], settings.dedupe_tolerance)
    if not text.strip():
        return None
    size = statistics.median(char["size"] for char in item["chars"])
    geometry = Geometry(item["x0"], item["x1"], item["top"], size, bottom=item["bottom"])
    return Line(no=0, text=text, page=seq, geometry=geometry)


def numbered(lines: list[Line], after: int, settings: PdfSettings) -> list[Line]:
    """A page's lines, top to bottom, numbered after line ``after``: a gap
    between two text lines wider than ``blank_gap_ratio`` × the type size
    counts one blank line (table rows are never apart); the first line
    starts the page."""
    no = after
    for index, line in enumerate(lines):
        gap = placed(line).top - placed(lines[index - 1]).top if index else 0.0
        no += 2 if gap > settings.blank_gap_ratio * placed(line).size and line.grid is None else 1
        line.no = no
    if lines:
        lines[0].page_start = True
    return lines
