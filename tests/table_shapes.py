"""The tuning part's tables rewritten in shapes real text layers print:
without their header, cut to a few columns, a head noting its unit in
brackets, rows numbered with a point, heads lengthened by a year and a
unit, a fifth of the cells empty, heads letter-spaced with two spaces, a
column's runs of one cell merged down; and the document's tables printed
one right under another (``back_to_back``).
``bench/bench_table_shapes.py`` scores every shape; tests make single
documents of a shape.

>>> numbered_with_a_point([["序号", "名称"], ["1", "国家林业局"]])
[['序号', '名称'], ['1.', '国家林业局']]
"""

from __future__ import annotations

import dataclasses
import itertools
import zlib
from collections.abc import Callable

import regex

from .corpus_renderer import Document

Rows = list[list[str]]


def without_header(rows: Rows) -> Rows | None:
    """The table without its first row (a table continued from the page
    before, or printed under its caption only)."""
    return rows[1:] if len(rows) > 3 else None


def two_columns(rows: Rows) -> Rows | None:
    """The table's first two columns, without the rows they leave empty
    (no table prints a row of empty cells: the sets' builders drop them)."""
    cut = [row[:2] for row in rows if any(cell.strip() for cell in row[:2])]
    return cut if max(map(len, rows)) >= 3 else None


def unit_noted(rows: Rows) -> Rows | None:
    """The last head without brackets notes the unit: ``…（单位：万元）``."""
    heads = list(rows[0])
    at = next((i for i in range(len(heads) - 1, 0, -1) if heads[i].strip() and "（" not in heads[i]), None)
    if len(heads) < 3 or at is None:
        return None
    heads[at] = heads[at].strip() + "（单位：万元）"
    return [heads, *rows[1:]]


def numbered_with_a_point(rows: Rows) -> Rows | None:
    """Row numbers printed with a point: ``1.``."""
    body = [[row[0].strip() + ".", *row[1:]] if row and row[0].strip().isdigit() else row for row in rows[1:]]
    return [rows[0], *body] if body != rows[1:] else None


def dated_heads(rows: Rows) -> Rows | None:
    """The heads of columns of figures lengthened by a year and a unit:
    ``2020年度预算数（万元）``."""
    heads = list(rows[0])
    for at, head in enumerate(heads):
        column = [row[at].strip() for row in rows[1:] if at < len(row) and row[at].strip()]
        if len(column) >= 2 and all(_FIGURE.fullmatch(cell) for cell in column):
            heads[at] = f"2020年度{head.strip()}（万元）"
    return [heads, *rows[1:]] if heads != rows[0] else None


_FIGURE = regex.compile(r"[-0-9.,%]+")


def sparse(rows: Rows) -> Rows | None:
    """A fifth of the body's cells after the first column emptied (chosen by
    a digest of the cell and its place: the same cells every run), as a
    sparse table prints them: nothing, the gaps around them closed up."""
    body = [[cell if at == 0 or not cell.strip() or zlib.crc32(f"{r}-{at}-{cell}".encode()) % 5 else ""
             for at, cell in enumerate(row)] for r, row in enumerate(rows[1:])]
    body = [new if any(cell.strip() for cell in new) else old  # no row printed empty
            for new, old in zip(body, rows[1:])]
    return [rows[0], *body] if body != rows[1:] else None

def spaced_heads(rows: Rows) -> Rows | None:
    """Heads of two characters letter-spaced with two spaces (``序  号``,
    ``备  注``), as PDF text often prints them."""
    heads = [f"{head[0]}  {head[1]}" if regex.fullmatch(r"\p{Han}{2}", head.strip()) else head for head in rows[0]]
    return [heads, *rows[1:]] if heads != rows[0] else None


def merged_down(rows: Rows) -> Rows | None:
    """The first column of words that repeats a cell in the next row at
    least twice (a category, a buyer) printed once for each run, in its
    first row, as a Word table's cell merged down over the run prints: the
    later rows hold nothing there.

    >>> merged_down([["序号", "采购人", "项目"], ["1", "市中医局", "会议"], ["2", "市中医局", "印刷"],
    ...              ["3", "市中医局", "培训"]])
    [['序号', '采购人', '项目'], ['1', '市中医局', '会议'], ['2', '', '印刷'], ['3', '', '培训']]
    """
    body = [list(row) for row in rows[1:]]
    for col in range(max(map(len, rows))):
        cells = [row[col].strip() if col < len(row) else "" for row in body]
        runs = sum(1 for above, cell in itertools.pairwise(cells) if cell and cell == above)
        if runs >= 2 and not all(cell.isdigit() for cell in cells if cell):
            for at in range(len(body) - 1, 0, -1):
                if cells[at] and cells[at] == cells[at - 1]:
                    body[at][col] = ""
            return [rows[0], *body]
    return rows


#: The shapes, by name.
SHAPES: dict[str, Callable[[Rows], Rows | None]] = {
    "as-is": lambda rows: rows,
    "without-header": without_header,
    "two-columns": two_columns,
    "unit-noted": unit_noted,
    "numbered-with-a-point": numbered_with_a_point,
    "dated-heads": dated_heads,
    "sparse": sparse,
    "spaced-heads": spaced_heads,
    "merged-down": merged_down,
}


def back_to_back(doc: Document) -> Document | None:
    """The document with the lines between two of its tables left out where
    they are ``MAX_BETWEEN`` at most (a caption, a label: ``附件4：`` /
    ``…工勤技能岗位等级对应表``), as a layer prints tables that follow each
    other with nothing between (a Word file's tables back to back, a
    spreadsheet's sheets); None if no two tables are so close.

    >>> doc = Document("t", ["[TABLE]", "序号\t名称", "1\t甲", "[/TABLE]", "附件2", "[TABLE]", "区\t人数",
    ...                      "东城区\t4", "[/TABLE]"], {})
    >>> back_to_back(doc).lines[3:5]
    ['[/TABLE]', '[TABLE]']
    """
    lines: list[str] = []
    between: list[str] | None = None  # the lines since the last table's end
    for line in doc.lines:
        if line == "[TABLE]" and between is not None and len(between) <= MAX_BETWEEN:
            between = None  # left out
        elif between is not None and line != "[TABLE]":
            between.append(line)
            continue
        if between:
            lines += between
        between = [] if line == "[/TABLE]" else None
        lines.append(line)
    lines += between or []
    return dataclasses.replace(doc, lines=lines) if lines != doc.lines else None


#: The lines between two tables ``back_to_back`` leaves out: a label and a caption over two lines.
MAX_BETWEEN = 3


def reshaped(doc: Document, shape: Callable[[Rows], Rows | None]) -> Document | None:
    """The document with each table rewritten by ``shape`` (None if the
    shape leaves every table as it is, or makes none of one)."""
    lines: list[str] = []
    table: list[str] | None = None
    changed = False
    for line in doc.lines:
        if line == "[TABLE]":
            table = []
        elif line == "[/TABLE]" and table is not None:
            rows = [row.split("\t") for row in table]
            new = shape(rows)
            if new is None:
                return None
            changed = changed or new != rows
            lines += ["[TABLE]", *("\t".join(row) for row in new), "[/TABLE]"]
            table = None
        elif table is not None:
            table.append(line)
        else:
            lines.append(line)
    return dataclasses.replace(doc, lines=lines) if changed or shape is SHAPES["as-is"] else None
