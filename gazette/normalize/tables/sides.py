"""A table of two sides printed side by side: a budget's income and its
spending, each side an item's name and its figures.

``项目  决算数  项目  合计  一般公共预算财政拨款 …``: the header names the items'
column again where the second side starts. A text layer prints only the
cells that hold something, so a row may show both sides
(``一、一般公共预算财政拨款  9746.50  一、一般公共服务支出``), one side only
(``八、社会保障和就业支出  754.75  754.75``), or an item alone
(``四、公共安全支出``). Each name opens its side's cells, its figures follow
it in that side's columns from the left. Where a row shows one side, the
side is the one whose figures it can fill, then the one whose items the
name's number goes on from (``四、`` after ``三、``), then the one whose
items are written with its characters (``…支出`` among spending), then the
first.
"""

from __future__ import annotations

from ..structure.parts import marker_number
from .cells import is_number
from .columns import words_of
from .model import Cell, Row


def side_starts(heads: list[str]) -> list[int] | None:
    """Where each side starts: the first column and the one whose head
    prints the first head again, a name and a figure's column at least on
    each side; None for a table of one side.

    >>> side_starts(["项目", "决算数", "项目", "合计", "一般公共预算"]), side_starts(["项目", "金额", "项目"])
    ([0, 2], None)
    """
    again = [at for at, head in enumerate(heads) if at and head == heads[0]]
    if len(again) != 1 or again[0] < 2 or again[0] > len(heads) - 2:
        return None
    return [0, again[0]]


def side_rows(rows: list[list[str]], starts: list[int], width: int) -> list[Row] | None:
    """The rows of a table of two sides (``side_starts``), each line's names
    and figures placed on their sides; None where a line opens with a
    figure, shows more names than sides or a side more figures than it has
    columns (no such table: ``rows`` reads it).

    >>> starts, rows = [0, 2], [["一、拨款收入", "9746.50", "一、一般公共服务支出"], ["二、外交支出", "20", "20"],
    ...                          ["三、国防支出"], ["总计", "9746.50", "总计", "9746.50", "9746.50"]]
    >>> [[cell.text for cell in row.cells] for row in side_rows(rows, starts, 5)]  # doctest: +NORMALIZE_WHITESPACE
    [['一、拨款收入', '9746.50', '一、一般公共服务支出', '', ''], ['', '', '二、外交支出', '20', '20'],
     ['', '', '三、国防支出', '', ''], ['总计', '9746.50', '总计', '9746.50', '9746.50']]
    """
    ends = [*starts[1:], width]
    names: list[list[str]] = [[] for _ in starts]
    built = []
    for cells in rows:
        groups = _groups(cells)
        if groups is None or len(groups) > len(starts):
            return None
        sides = range(len(groups)) if len(groups) == len(starts) else [_side(groups[0], starts, ends, names)]
        row = [Cell("") for _ in range(width)]
        for side, group in zip(sides, groups):
            if len(group) > ends[side] - starts[side]:
                return None
            for at, text in enumerate(group):
                row[starts[side] + at] = Cell(text)
            names[side].append(group[0])
        built.append(Row(row))
    return built


def _groups(cells: list[str]) -> list[list[str]] | None:
    """A line's cells as names, each with the figures after it; None where
    the line opens with a figure.

    >>> _groups(["一、拨款收入", "9746.50", "一、支出"]), _groups(["9746.50", "总计"])
    ([['一、拨款收入', '9746.50'], ['一、支出']], None)
    """
    if not cells or is_number(cells[0]):
        return None
    groups: list[list[str]] = []
    for cell in cells:
        if is_number(cell):
            groups[-1].append(cell)
        else:
            groups.append([cell])
    return groups


def _side(group: list[str], starts: list[int], ends: list[int], names: list[list[str]]) -> int:
    """The side a line showing one side's cells is on (see the module's docstring)."""
    fitting = [side for side in range(len(starts)) if len(group) <= ends[side] - starts[side]]
    if len(fitting) == 1:
        return fitting[0]
    following = [side for side in fitting if _follows(group[0], names[side])]
    if len(following) == 1:
        return following[0]
    alike = [(len(words_of([group[0]]) & words_of(names[side])), -side) for side in fitting]
    return -max(alike)[1] if max(alike)[0] else fitting[0]


def _follows(name: str, above: list[str]) -> bool:
    """Whether a name's marker comes right after the last marker of the
    same kind among a side's names (``四、`` after ``三、``).

    >>> _follows("四、公共安全支出", ["三、国防支出"]), _follows("四、公共安全支出", ["三、国防支出", "1.军费"])
    (True, True)
    >>> _follows("一、一般公共预算财政拨款", ["年初财政拨款结转和结余"])
    False
    """
    marked = marker_number(name)
    if marked is None:
        return False
    for before in reversed(above):
        previous = marker_number(before)
        if previous is not None and previous[0] == marked[0]:
            return marked[1] == previous[1] + 1
    return False
