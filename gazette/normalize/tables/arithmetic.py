"""Lost decimal points in a table column, read with the table's own arithmetic.

A text layer loses the decimal point of ``６．２`` and prints ``６ ２``: the row
then has one cell too many, its last two digit groups being one number.
Which two columns merge is checked against what the table states about
itself: shares that sum to 100, or a 合计/总计 row that the other rows sum
to. A reading the arithmetic confirms is recorded as certain, with the
check in the repair's ``note``; one it does not (only the count of column
heads says a cell is too many) is recorded as a guess.

>>> confirmed_by_sum([6.2, 31.9, 22.6, 16.3, 23.0])
'the column sums to 100 (shares)'
>>> confirmed_by_sum([6, 31, 22, 16, 23]) is None
True
"""

from __future__ import annotations

from collections import Counter

import regex

from .. import rules
from ..model import Line, Repair
from .cells import INTEGER, cell_spans, split_cells

#: A row summing the others (its first cell).
TOTAL = regex.compile(r"^(?:合计|总计|小计|全省|总数|总体)")
_DECIMALS = regex.compile(r"^[0-9]{1,2}$")


def confirmed_by_sum(values: list[float], total: float | None = None) -> str | None:
    """Why ``values`` are right, if the arithmetic says so (rounding allowed)."""
    tolerance = 0.051 * len(values) + 1e-9
    if total is not None and abs(sum(values) - total) <= tolerance:
        return f"the column sums to its total row ({total:g})"
    if abs(sum(values) - 100) <= tolerance:
        return "the column sums to 100 (shares)"
    return None


def lost_decimal_column(rows: list, header: list[Line], units: tuple[str, ...]) -> list[Repair]:
    """Restore a column's lost decimal points in place; the repairs made.

    ``rows`` are the table's logical lines (``.lines``, ``.cells``). Only
    one-line rows are edited; each edit is an ``edit`` repair of its line.
    """
    counts = Counter(len(row.cells) for row in rows if len(row.cells) >= 2)
    if not counts:
        return []
    width = counts.most_common(1)[0][0]
    candidates = [row for row in rows if len(row.cells) == width and len(row.lines) == 1]
    heads = _head_count(header, units)
    for column in reversed(range(width - 1)):
        if not all(_splits_number(row.cells, column) and _point_gap(row.lines[0], column, units)
                   for row in candidates):
            continue
        reason = _check(candidates, column)
        if reason or heads == width - 1:
            return [_restore(row.lines[0], column, units, reason) for row in candidates]
    return []


def _head_count(header: list[Line], units: tuple[str, ...]) -> int | None:
    if len(header) == 1:
        return len(split_cells(header[0].text.strip(), units))
    return None


def _splits_number(cells: list[str], column: int) -> bool:
    return bool(INTEGER.match(cells[column]) and _DECIMALS.match(cells[column + 1]))


def _point_gap(line: Line, column: int, units: tuple[str, ...]) -> bool:
    """Whether cells ``column`` and ``column + 1`` of a row's line stand one
    space apart, the room a lost point leaves (``６ ２``): two spaces, a tab
    or an ideographic space part two cells (``９  ２`` under ``工会干部
    一线人员``: two counts).

    >>> _point_gap(Line(1, "甲类 １２ ３ ５"), 1, ()), _point_gap(Line(2, "创新创业园  ９  ２  ０"), 1, ())
    (True, False)
    """
    spans = cell_spans(line.text, units)
    return column + 1 < len(spans) and line.text[spans[column][1] : spans[column + 1][0]] == " "


def _check(rows: list, column: int) -> str | None:
    values = {id(row): float(f"{row.cells[column]}.{row.cells[column + 1]}") for row in rows}
    totals = [row for row in rows if TOTAL.match(row.cells[0])]
    if totals:
        parts = [values[id(row)] for row in rows if not TOTAL.match(row.cells[0])]
        return confirmed_by_sum(parts, values[id(totals[0])])
    return confirmed_by_sum(list(values.values()))


def _restore(line: Line, column: int, units: tuple[str, ...], reason: str | None) -> Repair:
    """Put the decimal point back between cells ``column`` and ``column + 1``."""
    spans = cell_spans(line.text, units)
    gap_start, gap_end = spans[column][1], spans[column + 1][0]
    before = line.text[spans[column][0] : spans[column + 1][1]]
    after = line.text[spans[column][0] : gap_start] + "." + line.text[gap_end : spans[column + 1][1]]
    line.text = line.text[: spans[column][0]] + after + line.text[spans[column + 1][1] :]
    note = f"checked: {reason}" if reason else "one cell more than the column heads: digit groups read as one number"
    return Repair(rules.RESTORE_DECIMAL_POINT_IN_TABLE.name, line.page, line.no, spans[column][0], before, after,
                  certain=reason is not None, note=note)
