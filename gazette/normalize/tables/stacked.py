"""Rebuild a stacked table: one character (or digit pair) a line, cell after cell.

Seed 003 prints its 重点工作清单 as ``序`` / ``号`` / ``重`` / ``点`` / … /
``１`` / ``新`` / ``培`` / … . What survives of the layout:

* a blank line (or a page start) ends each printed line of a cell, so a
  cell boundary can only fall where one of those *breaks* is;
* the header's cells are the first groups after the title, starting at a
  column head word (``序号``);
* each row starts with its number on a line of its own, at a break, in
  sequence (``１``, ``２``, … — a ``３`` inside a sentence is not at a break
  or not next in sequence);
* the other cells are segmented at breaks into the columns so that each
  cell looks like its column (``columns.fit``): sentences ending in ``。``,
  lists of bodies, dates or ``长期``.

Digit pairs rejoin by concatenation: ``１０`` / ``０`` / ``场`` → ``100场``.
What precedes the header (``附件``, the title) is returned as text groups,
to be read as ordinary lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial

from ..model import Line
from ..patterns import visual_width
from .cells import INTEGER
from .columns import fit, kind_of_head
from .model import Cell, Row, Table


class TableShapeError(ValueError):
    """The lines do not read as a table of this shape (the reason says why)."""


@dataclass
class StackedRead:
    """A stacked table read: the grid, the line groups before its header, and
    where each table line went (row, column), for the repair log."""

    table: Table
    preface: list[list[Line]]
    places: dict[int, str] = field(default_factory=dict)


def line_groups(lines: list[Line]) -> list[list[Line]]:
    """Lines split at breaks: a blank line between them or a new page; in a
    PDF, a gap wider than ``BREAK_RATIO`` times the tightest pitch of the
    region on that page (its lines are numbered with a blank between
    wherever the pitch is wide, as a body's lines are: the pitch says more).

    >>> groups = line_groups([Line(1, "序"), Line(2, "号"), Line(4, "重")])
    >>> [[line.text for line in group] for group in groups]
    [['序', '号'], ['重']]
    """
    pitches = _tightest_pitch(lines)
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        if previous is not None and not line.page_start and _close(previous, line, pitches):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


#: In a PDF, a stacked cell's lines are set at the region's tightest pitch; a wider gap is a break.
BREAK_RATIO = 1.3


def _tightest_pitch(lines: list[Line]) -> dict[int, float]:
    """For each page, the smallest distance between the tops of two of its
    lines (PDF lines; a page set tighter than another has its own)."""
    pitches: dict[int, float] = {}
    for above, below in itertools.pairwise(lines):
        if above.geometry is None or below.geometry is None or above.page != below.page:
            continue
        step = below.geometry.top - above.geometry.top
        if step > 0:
            pitches[below.page] = min(step, pitches.get(below.page, step))
    return pitches


def _close(above: Line, below: Line, pitches: dict[int, float]) -> bool:
    """Whether two lines are printed lines of one cell: next to each other on
    one page (in a PDF, at the page's pitch)."""
    pitch = pitches.get(below.page)
    if pitch is None or above.geometry is None or below.geometry is None:
        return below.no == above.no + 1 and not below.page_start
    return above.page == below.page and below.geometry.top - above.geometry.top <= BREAK_RATIO * pitch


def _across_pages(groups: list[list[Line]]) -> list[list[Line]]:
    """A PDF's groups with those that only a new page parts joined again:
    where a page ends says nothing of a cell (the row's reading may still
    cut there, ``_read_row``); a text layer's page start stays a break."""
    joined: list[list[Line]] = []
    for group in groups:
        last = joined[-1][-1] if joined else None
        if last is not None and last.geometry is not None and group[0].geometry is not None \
                and last.page != group[0].page:
            joined[-1] = joined[-1] + group
        else:
            joined.append(group)
    return joined


def read_stacked(lines: list[Line], head_words: tuple[str, ...]) -> StackedRead:
    """The table of a stacked region (raises ``TableShapeError`` when it does
    not read): by its breaks, or, where the layout kept none (a PDF that
    prints every line at one pitch), line by line (``_read_unbroken``)."""
    groups = line_groups(lines)
    try:
        return _read(groups, head_words, _across_pages)
    except TableShapeError:
        if len(groups) * UNBROKEN_SHARE > len(lines):
            raise
        return _read([[line] for line in lines], head_words, partial(_header_cells, head_words=head_words))


#: A region whose breaks part fewer than one line in this many is read line by line.
UNBROKEN_SHARE = 4


def _read(groups: list[list[Line]], head_words: tuple[str, ...],
          header_cells: Callable[[list[list[Line]]], list[list[Line]]]) -> StackedRead:
    """The table of a region's groups; ``header_cells`` makes the header's groups its cells."""
    start = _header_start(groups, head_words)
    rows = _row_starts(groups, start)
    header_groups = header_cells(groups[start : rows[0]])
    header = [_text(group) for group in header_groups]
    if len(header) < 2:
        raise TableShapeError("no column heads before the first row number")
    kinds = [kind_of_head(head) for head in header]
    places = {line.no: f"header, column {col + 1}" for col, group in enumerate(header_groups) for line in group}
    table_rows = [Row([Cell(head) for head in header], header=True)]
    for number, (begin, end) in enumerate(zip(rows, rows[1:] + [len(groups)]), start=1):
        row, row_places = _read_row(groups[begin:end], kinds, number)
        table_rows.append(row)
        places.update(row_places)
    table = Table(table_rows, shape="stacked", lines=[line.no for group in groups[start:] for line in group])
    return StackedRead(table, groups[:start], places)


def _header_cells(groups: list[list[Line]], head_words: tuple[str, ...]) -> list[list[Line]]:
    """A header read line by line: each cell runs to the line that completes
    a column head word (``序`` / ``号``, ``重`` … ``举`` / ``措``).

    >>> lines = [[Line(n, ch)] for n, ch in enumerate("序号重点工作举措责任单位")]
    >>> ["".join(line.text for line in cell) for cell in _header_cells(lines, ("序号", "举措", "单位"))]
    ['序号', '重点工作举措', '责任单位']
    """
    cells: list[list[Line]] = []
    current: list[Line] = []
    for group in groups:
        current += group
        if _text(current).endswith(head_words):
            cells.append(current)
            current = []
    if current:
        cells.append(current)
    return cells


def _text(lines: list[Line]) -> str:
    return "".join(line.text.strip() for line in lines)


def _header_start(groups: list[list[Line]], head_words: tuple[str, ...]) -> int:
    """The first group that prints a column head word, alone or with the groups after it (``序`` / ``号``)."""
    for index in range(len(groups)):
        if any(_text([line for group in groups[index : index + count] for line in group]) in head_words
               for count in range(1, MAX_HEAD_GROUPS + 1)):
            return index
    raise TableShapeError("no column head (序号, 责任单位, …) found")


#: A column head word is printed over at most this many groups (read line by line, a character each).
MAX_HEAD_GROUPS = 4


def _row_starts(groups: list[list[Line]], start: int) -> list[int]:
    """Indexes of the groups that open rows ``1``, ``2``, … in sequence."""
    starts: list[int] = []
    for index in range(start + 1, len(groups)):
        group = groups[index]
        first = group[0].text.strip()
        in_sequence = INTEGER.match(first) and int(first) == len(starts) + 1
        if in_sequence and (len(group) == 1 or not INTEGER.match(group[1].text.strip())):
            starts.append(index)
    if not starts:
        raise TableShapeError("no row numbers 1, 2, … at line breaks")
    return starts


def _read_row(groups: list[list[Line]], kinds: list[str], number: int) -> tuple[Row, dict[int, str]]:
    """A row from its groups: the number, then the other cells segmented by fit.

    Cells are cut at breaks; where that leaves a cell that does not fit its
    column (a page start lost the breaks: seed 003, row 9), the cut may fall
    between any two lines, whichever reads better.
    """
    rest = [groups[0][1:]] if len(groups[0]) > 1 else []
    rest = _across_pages(rest + groups[1:])
    found = _segmented(rest, kinds[1:])
    if found is None or not _all_fit(found, kinds[1:]):
        lines = [[line] for group in rest for line in group]
        options = [option for option in (found, _segmented(lines, kinds[1:])) if option is not None]
        if not options:
            raise TableShapeError(f"row {number} does not divide into {len(kinds) - 1} cells")
        found = max(options, key=lambda option: option[0])
    _, units, spans = found
    cells = [Cell(str(number))]
    places = {groups[0][0].no: f"row {number}, column 1"}
    for col, (begin, end) in enumerate(spans, start=2):
        cells.append(Cell("".join(_text(unit) for unit in units[begin:end])))
        places.update((line.no, f"row {number}, column {col}") for unit in units[begin:end] for line in unit)
    return Row(cells), places


def _all_fit(found: tuple[int, list[list[Line]], list], kinds: list[str]) -> bool:
    _, units, spans = found
    return all(fit(kind, "".join(_text(unit) for unit in units[a:b])) >= 0 for kind, (a, b) in zip(kinds, spans))


def _segmented(units: list[list[Line]], kinds: list[str]) -> tuple[int, list[list[Line]], list] | None:
    found = _best_segmentation(tuple(_text(unit) for unit in units), tuple(kinds))
    return None if found is None else (found[0], units, found[1])


#: Printed lines of a cell are as wide as its column except the last; a cell
#: whose inner line is much shorter than its widest is two cells.
SHORT_INNER_LINE = 0.6
SHORT_LINE_PENALTY = 3


def _short_inner_line(texts: tuple[str, ...]) -> bool:
    """``开放平台建设`` / ``开展专项执法行动，规范市场`` / …: a short line inside a cell.

    >>> _short_inner_line(("开放平台建设", "开展专项执法行动，规范市场", "秩序。"))
    True
    >>> _short_inner_line(("新培育一批平台，不断动态调", "整。"))
    False
    """
    widths = [visual_width(text) for text in texts]
    return len(widths) > 1 and min(widths[:-1]) < SHORT_INNER_LINE * max(widths)


def _best_segmentation(texts: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[int, list[tuple[int, int]]] | None:
    """The best score and spans of ``texts`` (one per column) whose joined texts fit the kinds.

    >>> _best_segmentation(("新培育一批平台，不断动态调", "整。", "省商务厅，各市、县（市、",
    ...                     "区）政府", "2021年6月"), ("text", "bodies", "date"))
    (6, [(0, 2), (2, 4), (4, 5)])
    """

    @cache
    def best(position: int, column: int) -> tuple[int, tuple[tuple[int, int], ...]] | None:
        if column == len(kinds):
            return (0, ()) if position == len(texts) else None
        options = []
        for end in range(position + 1, len(texts) - (len(kinds) - column - 1) + 1):
            tail = best(end, column + 1)
            if tail is not None:
                score = fit(kinds[column], "".join(texts[position:end])) + tail[0]
                score -= SHORT_LINE_PENALTY * _short_inner_line(texts[position:end])
                options.append((score, ((position, end),) + tail[1]))
        return max(options, key=lambda option: option[0]) if options else None

    found = best(0, 0)
    return (found[0], list(found[1])) if found else None
