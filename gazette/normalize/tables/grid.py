"""Rebuild a table the PDF drew with rules: its rows come already cut into cells.

The PDF reader found the cells by the table's rules (``pdf.grid``) and
wrote each row as one line, cells separated by tabs, with their spans in
``Line.grid``; the character repairs have run on those lines since. What is
left: the title above, the header rows, a header printed again where the
table goes on after a page break (dropped, as ``续表`` is), and the notes.

>>> from gazette.normalize.model import Line, GridRow
>>> rows = [Line(1, "主要指标表"), Line(2, "序号\\t指标", grid=GridRow((1, 0), 2, [(1, 1)] * 2, True)),
...         Line(3, "1\\t地区生产总值（亿元）", grid=GridRow((1, 0), 2, [(1, 1)] * 2))]
>>> read = read_grid(rows, "ruled")
>>> read.table.title, read.table.grid(), read.places[3]
('主要指标表', [['序号', '指标'], ['1', '地区生产总值（亿元）']], 'row 1: 1 | 地区生产总值（亿元）')

A line of text among the rows is none of these: the table does not read
(it is kept raw, its text whole), rather than drop the line.

>>> read_grid([rows[1], Line(4, "第7.11条 养护设施"), rows[2]], "ruled")
Traceback (most recent call last):
...
gazette.normalize.tables.stacked.TableShapeError: line 4: text inside a table the PDF reader read: 第7.11条 养护设施
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Line
from .detect import CONTINUED, NOTE, is_title
from .model import Cell, Row, Table
from .page_break import continue_rows
from .stacked import TableShapeError


@dataclass
class GridRead:
    """A PDF table read, and what each of its lines became (for the repair log)."""

    table: Table
    places: dict[int, str] = field(default_factory=dict)


def read_grid(lines: list[Line], shape: str) -> GridRead:
    """The table of a ``ruled`` or ``aligned`` region (``TableShapeError`` if
    a row lost its cells)."""
    read = GridRead(Table([], shape=shape, lines=[line.no for line in lines]))
    first = next(line.grid.table for line in lines if line.grid is not None)
    headers: list[list[str]] = []
    notes: list[Line] = []
    part = first  # the page's part of the table the last row was in
    for line in lines:
        text = line.text.strip()
        if line.grid is None:
            if line is lines[0] and is_title(line):
                read.table.title, read.places[line.no] = text, "title"
            elif NOTE.match(text) or notes:
                notes.append(line)
                read.places[line.no] = "note"
            elif CONTINUED.match(text):  # 续表 between two pages of the table
                read.places[line.no] = "repeated header"
            else:  # detection lets no other text line in; if one is, the table is kept raw, its text whole
                raise TableShapeError(f"line {line.no}: text inside a table the PDF reader read: {text[:20]}")
            continue
        read.places[line.no] = _place_row(read.table, line, headers, first, part)
        part = line.grid.table
    read.table.notes = ["".join(line.text.strip() for line in notes)] if notes else []
    return read


def _place_row(table: Table, line: Line, headers: list[list[str]], first: tuple[int, int],
               part: tuple[int, int]) -> str:
    """Add a row line's cells to the table; say where they went. The header
    is that of the table's first page: where the table goes on, a header
    printed again is dropped, and a first row that is not one is a row,
    whose cells may go on the cells above (``page_break``)."""
    grid = line.grid
    assert grid is not None, "only table rows are placed"
    texts = [text.strip() for text in line.text.split("\t")]
    if len(texts) != len(grid.spans):
        raise TableShapeError(f"line {line.no}: {len(texts)} cells for {len(grid.spans)} cells found in the PDF")
    if grid.header and grid.table != first and texts in headers:
        return "repeated header"
    header = grid.header and grid.table == first
    if header:
        headers.append(texts)
    cells = [Cell(text, rowspan, colspan) for text, (rowspan, colspan) in zip(texts, grid.spans)]
    if grid.table != part and not header:
        joined = continue_rows(table.rows, Row(cells))
        if joined == "the rest of the row above":
            return f"{joined} (page break): {' | '.join(texts)}"
    else:
        table.rows.append(Row(cells, header=header))
    if header:
        return "header"
    body = sum(1 for row in table.rows if not row.header)
    return f"row {body}: {' | '.join(texts)}"
