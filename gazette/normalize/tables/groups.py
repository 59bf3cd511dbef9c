"""A table whose first column groups its rows: its first head spans two
columns, a group's name printed once, in the group's first row, before the
row's own name.

A text layer prints a merged cell once, in its first row, as a Word table
keeps it: under ``单位  工会干部  一线人员  小计`` the first row of a group has
one cell more than the header has heads (``街道  梅墟  １１  ４  １５``), the
group's other rows as many (``新明  １１  ４  １５``). A row of as many cells
outside a group, before the first (``机关  １４  ０  １４``) or a total
(``合计  …``), names itself across both columns.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from .arithmetic import TOTAL
from .model import Cell, Row

#: At least this many rows open a group.
MIN_GROUPS = 2
#: A name: Chinese, no figure.
_NAME = regex.compile(r"(?=.*\p{Han})\D+")


def grouped_rows(heads: list[str], rows: list[list[str]]) -> list[Row] | None:
    """The header and the rows of a table whose first column groups its
    rows, or None if it is not one: every row has as many cells as the
    header has heads or one more, at least ``MIN_GROUPS`` rows have one
    more, each of those opens with two names, and one at least has a row
    of the group after it (rows all one cell longer than the header have a
    column the header does not name, no group).

    >>> rows = grouped_rows(["单位", "干部", "小计"], [["机关", "14", "14"], ["街道", "梅墟", "11", "15"],
    ...                     ["新明", "11", "15"], ["直属工会", "一组", "7", "10"], ["合计", "32", "39"]])
    >>> [[(cell.text, cell.rowspan, cell.colspan) for cell in row.cells][:2] for row in rows]
    [[('单位', 1, 2), ('干部', 1, 1)], [('机关', 1, 2), ('14', 1, 1)], [('街道', 2, 1), ('梅墟', 1, 1)], \
[('新明', 1, 1), ('11', 1, 1)], [('直属工会', 1, 1), ('一组', 1, 1)], [('合计', 1, 2), ('32', 1, 1)]]
    """
    width = len(heads)
    opening = [cells for cells in rows if len(cells) == width + 1]
    grouping = any(len(first) > width == len(then) for first, then in pairwise(rows))
    if width < 2 or len(opening) < MIN_GROUPS or not grouping \
            or any(len(cells) not in (width, width + 1) for cells in rows) \
            or not all(_NAME.fullmatch(cells[0]) and _NAME.fullmatch(cells[1]) for cells in opening):
        return None
    built = [Row([Cell(heads[0], colspan=2), *map(Cell, heads[1:])], header=True)]
    group: Cell | None = None
    for cells in rows:
        if len(cells) > width:
            group = Cell(cells[0])
            built.append(Row([group, *map(Cell, cells[1:])]))
        elif group is not None and not TOTAL.match(cells[0]):
            group.rowspan += 1
            built.append(Row([*map(Cell, cells)]))
        else:
            group = None
            built.append(Row([Cell(cells[0], colspan=2), *map(Cell, cells[1:])]))
    return built
