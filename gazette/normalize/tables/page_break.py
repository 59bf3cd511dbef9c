"""Cells a page break cut: a table that goes on on the next page without
its header goes on in its cells too.

The PDF reader reads each page's part of a table as a grid of its own, so
at a page break:

* a merged cell (``类别`` down many rows) that goes on is printed empty at
  the top of the next page: its first row starts with an empty cell where
  the cell above reached the page's last row. It is one cell: the cell
  above spans the rows below too, and the empty one goes;
* a long cell wrapped over the break leaves a first row with its key
  cell empty and the rest of the text in that column, the cell above
  ending mid-list (``、``) or mid-sentence: the row is the rest of the row
  above, its texts are joined to it.

>>> rows = [Row([Cell("类别"), Cell("品种名称"), Cell("别名")], header=True),
...         Row([Cell("豆类", rowspan=2), Cell("豌豆"), Cell("荷兰豆")]),
...         Row([Cell("豆芽"), Cell("豆芽菜、银芽、")])]
>>> continue_rows(rows, Row([Cell("", rowspan=2), Cell(""), Cell("银针、银苗")]))
'the rest of the row above'
>>> [(c.text, c.rowspan) for c in rows[1].cells[:1] + rows[2].cells]
[('豆类', 3), ('豆芽', 1), ('豆芽菜、银芽、银针、银苗', 1)]
>>> rows = rows[:1] + [Row([Cell("豆类", rowspan=2), Cell("豌豆"), Cell("荷兰豆")]), Row([Cell("豆芽"), Cell("银芽")])]
>>> continue_rows(rows, Row([Cell(""), Cell("四棱豆"), Cell("翼豆")]))
'a merged cell going on'
>>> rows[1].cells[0].rowspan, [c.text for c in rows[-1].cells]
(3, ['四棱豆', '翼豆'])
>>> plain = [Row([Cell("瓜类"), Cell("蛇瓜")])]
>>> continue_rows(plain, Row([Cell(""), Cell("节瓜")]))  # nothing says the cell above goes on
>>> [c.text for c in plain[-1].cells]
['', '节瓜']
"""

from __future__ import annotations

import regex

from .model import Cell, Row

#: A cell ending so that its text goes on: mid-list or mid-sentence, or a
#: long text (a wrapped cell) without a final stop.
_GOES_ON = regex.compile(r"[、，,；;：:（(“《]$|^.{20,}\p{Han}$")


def continue_rows(rows: list[Row], first: Row) -> str | None:
    """Add ``first``, the first row of the table's part on the next page, to
    ``rows`` (the table so far), joining the cells the page break cut; say
    how it was joined (None: added as it is)."""
    covering = _covering_last_row(rows)
    placed = _columns(first)
    merged = {column for column, cell in placed.items()
              if not cell.text and cell.colspan == 1 and column in covering and covering[column].text
              and (covering[column].rowspan > 1 or cell.rowspan > 1)}
    rest = {column: cell for column, cell in placed.items() if column not in merged}
    if _is_rest_of_row(rest, covering):
        for column, cell in rest.items():
            if cell.text:
                covering[column].text += cell.text
        for column in merged:
            covering[column].rowspan += placed[column].rowspan - 1
        return "the rest of the row above"
    for column in merged:
        covering[column].rowspan += placed[column].rowspan
    rows.append(Row([cell for column, cell in placed.items() if column not in merged], header=first.header))
    return "a merged cell going on" if merged else None


def _is_rest_of_row(rest: dict[int, Cell], covering: dict[int, Cell]) -> bool:
    """An empty key cell, one row high, and each text under a cell of the
    row above that goes on (at least one)."""
    if not rest or any(cell.rowspan > 1 for cell in rest.values()):
        return False
    key = rest[min(rest)]
    filled = [column for column, cell in rest.items() if cell.text]
    return (not key.text and bool(filled)
            and all(column in covering and _GOES_ON.search(covering[column].text) for column in filled))


def _columns(row: Row) -> dict[int, Cell]:
    """The column each cell of a row starts at, nothing above covering it."""
    placed, column = {}, 0
    for cell in row.cells:
        placed[column] = cell
        column += cell.colspan
    return placed


def _covering_last_row(rows: list[Row]) -> dict[int, Cell]:
    """Column → the cell that covers it in the last row (only cells that
    start at that column: a merged cell counts once, at its left)."""
    covered: dict[int, int] = {}  # column → rows below still covered by a cell above
    reaching: dict[int, tuple[Cell, int]] = {}  # column → (cell, its last row)
    for index, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while covered.get(column, 0) > 0:
                column += 1
            reaching[column] = (cell, index + cell.rowspan - 1)
            column += cell.colspan
        covered = {c: last - index for start, (cell, last) in reaching.items() if last > index
                   for c in range(start, start + cell.colspan)}
    last_row = len(rows) - 1
    return {column: cell for column, (cell, last) in reaching.items() if last == last_row}
