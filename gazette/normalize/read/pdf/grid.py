"""A table of a PDF page as a grid of cells, whoever found the cells.

``ruled`` finds cells from a table's rules, ``aligned`` from text printed in
columns; both hand the cells' boxes (``x0, top, x1, bottom``) to
``table_of``. Each character of the table goes to the cell its centre falls
in, so a cell wrapped over several printed lines stays one cell, columns
printed side by side do not run together as they do in a text layer, and a
merged cell is one cell with its spans.

>>> grid = CellGrid([(72, 130, 120, 150), (120, 130, 220, 150), (72, 150, 120, 190),
...                  (120, 150, 220, 170), (120, 170, 220, 190)])
>>> grid.columns, [grid.spans(cell) for cell in grid.cells]
(2, [(1, 1), (1, 1), (2, 1), (1, 1), (1, 1)])
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from ..glyphs import overprinted
from ..settings import PdfSettings

#: Characters between which a gap or a line break is a space (Latin words).
_LATIN = regex.compile(r"[A-Za-z0-9]")
#: Cells closer than this (points) share an edge.
_EDGE_TOLERANCE = 1.0

Box = tuple[float, float, float, float]


@dataclass
class GridRowText:
    """One row of a page's table: the texts and ``(rowspan, colspan)`` of the
    cells that start in it, where it is printed, whether it is a header row."""

    top: float
    texts: list[str]
    spans: list[tuple[int, int]]
    header: bool = False


@dataclass
class PageTable:
    """A table of one page: its box, columns, how it was found (``ruled``:
    by its rules, else by its text's alignment), type size and rows."""

    bbox: Box
    columns: int
    ruled: bool
    size: float = 0.0
    rows: list[GridRowText] = field(default_factory=list)
    #: Characters printed inside the table's box but in none of its cells
    #: (a merged cell whose closing rule is on the next page): the reader
    #: keeps them as text lines.
    outside_cells: list[dict] = field(default_factory=list)

    def holds(self, item: dict) -> bool:
        """Whether a text line (pdfplumber's dict) is printed inside the table."""
        x0, top, x1, bottom = self.bbox
        middle = (item["top"] + item["bottom"]) / 2
        return top <= middle <= bottom and item["x0"] < x1 and item["x1"] > x0


def table_of(cells: list[Box], lines: list[dict], settings: PdfSettings, ruled: bool) -> PageTable | None:
    """The table of these cells, read from the text lines' characters; None
    for a single column (a frame around a paragraph). A single row is a
    table: the end of one going on from the page before, maybe."""
    grid = CellGrid(cells)
    if grid.columns < 2:
        return None
    box = (grid.xs[0], grid.tops[0], grid.xs[-1], grid.tops[-1])
    table = PageTable(box, grid.columns, ruled)
    inside = [item for item in lines if table.holds(item)]
    in_cells, table.outside_cells = _cell_chars(grid, inside)
    table.rows = grid.rows(in_cells, settings.dedupe_tolerance)
    sizes = sorted(char["size"] for item in inside for char in item["chars"])
    table.size = sizes[len(sizes) // 2] if sizes else 0.0
    return table


class CellGrid:
    """Cells (``x0, top, x1, bottom``) on the column and row edges they share."""

    def __init__(self, cells: list[Box]) -> None:
        self.cells = sorted(cells, key=lambda cell: (round(cell[1]), cell[0]))
        self.xs = _edges([cell[0] for cell in cells] + [cell[2] for cell in cells])
        self.tops = _edges([cell[1] for cell in cells] + [cell[3] for cell in cells])
        self.columns = len(self.xs) - 1
        self.row_count = len(self.tops) - 1
        self._covering = {
            (row, col): index
            for index, cell in enumerate(self.cells)
            for row in range(self._index(self.tops, cell[1]), self._index(self.tops, cell[3]))
            for col in range(self._index(self.xs, cell[0]), self._index(self.xs, cell[2]))
        }

    def spans(self, cell: Box) -> tuple[int, int]:
        """``(rowspan, colspan)`` of a cell."""
        return (self._index(self.tops, cell[3]) - self._index(self.tops, cell[1]),
                self._index(self.xs, cell[2]) - self._index(self.xs, cell[0]))

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell holding the point, if any (by the row and
        column the point is in, not by trying every cell)."""
        return self._covering.get((bisect_right(self.tops, y) - 1, bisect_right(self.xs, x) - 1))

    def rows(self, chars: dict[int, list[dict]], tolerance: float) -> list[GridRowText]:
        """The rows, cells in column order; the first row is the header, and
        so are the rows its merged cells reach down into."""
        rows = [GridRowText(self.tops[r], [], []) for r in range(self.row_count)]
        for index, cell in enumerate(self.cells):
            row = rows[self._index(self.tops, cell[1])]
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


def _cell_chars(grid: CellGrid, lines: list[dict]) -> tuple[dict[int, list[dict]], list[dict]]:
    """The characters of each cell, in reading order, each tagged with its
    line; and the characters in no cell."""
    chars: dict[int, list[dict]] = {}
    outside: list[dict] = []
    for number, item in enumerate(lines):
        for char in item["chars"]:
            index = grid.cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
            if index is not None:
                chars.setdefault(index, []).append({**char, "line": number})
            else:
                outside.append(char)
    return chars, outside


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


def joined(before: str, after: str) -> str:
    """Two pieces of a cell's text, one printed under the other.

    >>> joined("地区生产总值年均", "增长（%）"), joined("GDP per", "capita")
    ('地区生产总值年均增长（%）', 'GDP per capita')
    """
    space = before and after and _LATIN.match(before[-1]) and _LATIN.match(after[0])
    return before + (" " if space else "") + after


def _spaced(previous: dict, char: dict) -> bool:
    """A space between two Latin letters or digits on different lines or apart."""
    if not (_LATIN.match(previous["text"]) and _LATIN.match(char["text"])):
        return False
    return char["line"] != previous["line"] or char["x0"] - previous["x1"] > 0.25 * char["size"]
