"""Tables a PDF draws with rules: cells found by pdfplumber, text by position.

pdfplumber's table finder (``Page.find_tables``, "lines" strategy) turns a
page's ruling lines into cells. Each character of the table goes to the
cell its centre falls in, so a cell wrapped over several printed lines
stays one cell, columns printed side by side do not run together as they
do in a text layer, and a merged cell is one cell with its spans. A table
of fewer than two rows or columns (a box drawn around a paragraph) is not
a table and stays text.

>>> grid = _Grid([(72, 130, 120, 150), (120, 130, 220, 150), (72, 150, 120, 190),
...               (120, 150, 220, 170), (120, 170, 220, 190)])
>>> grid.columns, [grid.spans(cell) for cell in grid.cells]
(2, [(1, 1), (1, 1), (2, 1), (1, 1), (1, 1)])
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from .glyphs import overprinted
from .settings import PdfSettings

#: Characters between which a gap or a line break is a space (Latin words).
_LATIN = regex.compile(r"[A-Za-z0-9]")
#: Cells closer than this (points) share an edge.
_EDGE_TOLERANCE = 1.0


@dataclass
class RuledRowText:
    """One row of a ruled table: the texts and ``(rowspan, colspan)`` of the
    cells that start in it, where it is printed, whether it is a header row."""

    top: float
    texts: list[str]
    spans: list[tuple[int, int]]
    header: bool = False


@dataclass
class RuledTable:
    """A ruled table of one page: its box, columns, type size and rows."""

    bbox: tuple[float, float, float, float]
    columns: int
    size: float = 0.0
    rows: list[RuledRowText] = field(default_factory=list)

    def holds(self, item: dict) -> bool:
        """Whether a text line (pdfplumber's dict) is printed inside the table."""
        x0, top, x1, bottom = self.bbox
        middle = (item["top"] + item["bottom"]) / 2
        return top <= middle <= bottom and item["x0"] < x1 and item["x1"] > x0


def find_ruled_tables(page, text_lines: list[dict], settings: PdfSettings) -> list[RuledTable]:
    """The ruled tables of a page, read from its text lines' characters."""
    if not settings.ruled_tables or not page.edges:
        return []
    tables = []
    for found in page.find_tables():
        grid = _Grid(found.cells)
        if grid.columns < 2 or grid.row_count < 2:
            continue
        table = RuledTable(found.bbox, grid.columns)
        inside = [item for item in text_lines if table.holds(item)]
        table.rows = grid.rows(_cell_chars(grid, inside), settings.dedupe_tolerance)
        sizes = sorted(char["size"] for item in inside for char in item["chars"])
        table.size = sizes[len(sizes) // 2] if sizes else 0.0
        tables.append(table)
    return tables


class _Grid:
    """Cells (``x0, top, x1, bottom``) on the column and row edges they share."""

    def __init__(self, cells: list[tuple[float, float, float, float]]) -> None:
        self.cells = sorted(cells, key=lambda cell: (round(cell[1]), cell[0]))
        self.xs = _edges([cell[0] for cell in cells] + [cell[2] for cell in cells])
        self.tops = _edges([cell[1] for cell in cells] + [cell[3] for cell in cells])
        self.columns = len(self.xs) - 1
        self.row_count = len(self.tops) - 1

    def spans(self, cell: tuple[float, float, float, float]) -> tuple[int, int]:
        """``(rowspan, colspan)`` of a cell."""
        return (self._index(self.tops, cell[3]) - self._index(self.tops, cell[1]),
                self._index(self.xs, cell[2]) - self._index(self.xs, cell[0]))

    def row_of(self, cell: tuple[float, float, float, float]) -> int:
        return self._index(self.tops, cell[1])

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell holding the point, if any."""
        for index, (x0, top, x1, bottom) in enumerate(self.cells):
            if x0 <= x <= x1 and top <= y <= bottom:
                return index
        return None

    def rows(self, chars: dict[int, list[dict]], tolerance: float) -> list[RuledRowText]:
        """The rows, cells in column order; the first row is the header, and
        so are the rows its merged cells reach down into."""
        rows = [RuledRowText(self.tops[r], [], []) for r in range(self.row_count)]
        for index, cell in enumerate(self.cells):
            row = rows[self.row_of(cell)]
            row.texts.append(cell_text(chars.get(index, []), tolerance))
            row.spans.append(self.spans(cell))
        header_rows = max((rowspan for rowspan, _ in rows[0].spans), default=1)
        for row in rows[:header_rows]:
            row.header = True
        return [row for row in rows if row.texts]

    @staticmethod
    def _index(edges: list[float], value: float) -> int:
        return bisect_right(edges, value + _EDGE_TOLERANCE) - 1


def _edges(values: list[float]) -> list[float]:
    """Distinct edge positions, those within ``_EDGE_TOLERANCE`` taken as one."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _cell_chars(grid: _Grid, lines: list[dict]) -> dict[int, list[dict]]:
    """The characters of each cell, in reading order, each tagged with its line."""
    chars: dict[int, list[dict]] = {}
    for number, item in enumerate(lines):
        for char in item["chars"]:
            index = grid.cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
            if index is not None:
                chars.setdefault(index, []).append({**char, "line": number})
    return chars


def cell_text(chars: list[dict], tolerance: float) -> str:
    """A cell's text from its characters: lines joined without a break (a
    space only between Latin words), white space dropped, characters printed
    twice for bold counted once.

    >>> chars = [{"text": t, "x0": x, "x1": x + 12, "top": top, "size": 12, "line": n}
    ...          for t, x, top, n in (("城", 72, 0, 0), ("城", 72.2, 0, 0), ("镇", 84, 0, 0),
    ...                               ("（", 72, 14, 1), ("万", 84, 14, 1), ("人", 96, 14, 1), ("）", 108, 14, 1))]
    >>> cell_text(chars, 1.0)
    '城镇（万人）'
    """
    text, previous = "", None
    for char in chars:
        if not char["text"].strip():
            continue
        if previous is not None and overprinted(previous, char, tolerance):
            continue
        if previous is not None and _spaced(previous, char):
            text += " "
        text += char["text"]
        previous = char
    return text


def _spaced(previous: dict, char: dict) -> bool:
    """A space between two Latin letters or digits on different lines or apart."""
    if not (_LATIN.match(previous["text"]) and _LATIN.match(char["text"])):
        return False
    return char["line"] != previous["line"] or char["x0"] - previous["x1"] > 0.25 * char["size"]
