"""Tables printed without rules: columns found by characters sharing x positions.

A table without rules prints its columns side by side with wide gaps; a
text layer (and pdfplumber's text lines) runs them together into one line
per printed line, and a cell wrapped over two printed lines becomes two
rows. Here:

1. **where**: a run of at least ``MIN_LINES`` printed lines that each have a
   gap wider than ``PdfSettings.column_gap_chars`` characters between two
   characters (body text has none), with the short lines among them that
   fit in one of their columns (the next lines of wrapped cells);
2. **columns**: pdfplumber's table finder with its "text" strategy, run on
   that band only (so the paragraphs around are never taken in): it puts
   column edges where words line up;
3. **rows**: the finder cuts a row at every printed line; a printed line
   whose cells all sit under cells of the row's first line, with fewer of
   them filled and no row number of its own, is the rest of that row's
   wrapped cells and is joined to it.

The first row is the header. Not taken for a table: fewer than
``MIN_COLUMNS`` columns (joint issuers signing two a line), or a first row
with a number in it (a table of contents with its page numbers set apart
by white space instead of leader dots: it has no header); a line with
leader dots is a TOC entry, its page number set apart is no column.
"""

from __future__ import annotations

import itertools

import regex

from ...patterns import LEADER_DOTS
from ..settings import PdfSettings
from .finder import find_tables
from .grid import GridRowText, PageTable, joined, table_of

#: At least this many printed lines with column gaps make a table…
MIN_LINES = 3
#: …of at least this many columns.
MIN_COLUMNS = 3
#: pdfplumber's table finder, cells from the alignment of words.
TEXT_STRATEGY = {"vertical_strategy": "text", "horizontal_strategy": "text"}
#: A chunk starts where a column does if within this many points of it.
_ALIGN = 2.0
#: A page number or a figure: no column head is one.
_NUMBER = regex.compile(r"^[（(]?[0-9０-９][0-9０-９.,，．]*[）)]?$")


def find_aligned_tables(page, text_lines: list[dict], settings: PdfSettings,
                        taken: list[PageTable]) -> list[PageTable]:
    """The tables of a page printed in columns without rules (outside ``taken``)."""
    if not settings.aligned_tables:
        return []
    free = [item for item in text_lines if not any(table.holds(item) for table in taken)]
    tables = []
    for top, bottom in _bands(free, settings):
        x0, page_top, x1, page_bottom = page.bbox
        band = page.crop((x0, max(top - 0.5, page_top), x1, min(bottom + 0.5, page_bottom)))
        for found in find_tables(band, TEXT_STRATEGY):
            table = table_of(found.cells, free, settings, ruled=False)
            if table is not None and _is_a_table(table):
                table.rows = wrapped_cells_joined(table.rows)
                tables.append(table)
    return tables


def _is_a_table(table: PageTable) -> bool:
    """Enough columns, and a first row of heads (no numbers)."""
    first = next((row.texts for row in table.rows if any(row.texts)), [])
    return table.columns >= MIN_COLUMNS and not any(_NUMBER.match(text) for text in first)


def chunk_starts(item: dict, settings: PdfSettings) -> list[float]:
    """Where the pieces of a printed line start, pieces parted by a gap wider
    than ``column_gap_chars`` characters.

    >>> chars = [{"text": t, "x0": x, "x1": x + 12, "size": 12} for t, x in (("序", 75), ("号", 87), ("类", 123))]
    >>> chunk_starts({"chars": chars}, PdfSettings())
    [75, 123]
    """
    chars = [char for char in item["chars"] if char["text"].strip()]
    starts = [chars[0]["x0"]] if chars else []
    for before, char in itertools.pairwise(chars):
        if char["x0"] - before["x1"] > settings.column_gap_chars * char["size"]:
            starts.append(char["x0"])
    return starts


def _bands(lines: list[dict], settings: PdfSettings) -> list[tuple[float, float]]:
    """``(top, bottom)`` of each run of lines printed in columns."""
    starts = [[] if LEADER_DOTS.search(item["text"]) else chunk_starts(item, settings) for item in lines]
    bands, index = [], 0
    while index < len(lines):
        if len(starts[index]) < 2:
            index += 1
            continue
        end, columns = index + 1, set(starts[index])
        while end < len(lines) and (len(starts[end]) >= 2 or _fits_a_column(lines[end], starts[end], columns)):
            columns |= set(starts[end]) if len(starts[end]) >= 2 else set()
            end += 1
        while end > index and len(starts[end - 1]) < 2 and abs(starts[end - 1][0] - min(columns)) <= _ALIGN:
            end -= 1  # a short line under the table at its left edge is text again
        if sum(len(found) >= 2 for found in starts[index:end]) >= MIN_LINES:
            bands.append((lines[index]["top"], lines[end - 1]["bottom"]))
        index = end
    return bands


def _fits_a_column(item: dict, starts: list[float], columns: set[float]) -> bool:
    """A one-piece line that starts where a column starts and ends before
    the next column (a wrapped cell's next line)."""
    if len(starts) != 1:
        return False
    column = next((x for x in columns if abs(starts[0] - x) <= _ALIGN), None)
    following = [x for x in columns if x > starts[0] + _ALIGN]
    return column is not None and (not following or item["x1"] < min(following))


def wrapped_cells_joined(rows: list[GridRowText]) -> list[GridRowText]:
    """Printed lines joined into table rows; the first row is the header.

    >>> rows = [GridRowText(0, ["1", "经济发", "6.2"], [(1, 1)] * 3), GridRowText(14, ["", "展", ""], [(1, 1)] * 3),
    ...         GridRowText(28, ["2", "科技", "2.8"], [(1, 1)] * 3)]
    >>> [row.texts for row in wrapped_cells_joined(rows)]
    [['1', '经济发展', '6.2'], ['2', '科技', '2.8']]
    """
    joined_rows: list[GridRowText] = []
    first_filled: set[int] = set()
    for row in rows:
        filled = {col for col, text in enumerate(row.texts) if text}
        if not filled:
            continue
        if joined_rows and _continues(filled, first_filled, row.texts[0]):
            last = joined_rows[-1]
            last.texts = [joined(a, b) for a, b in zip(last.texts, row.texts)]
            continue
        joined_rows.append(GridRowText(row.top, list(row.texts), list(row.spans)))
        first_filled = filled
    for number, row in enumerate(joined_rows):
        row.header = number == 0
    return joined_rows


def _continues(filled: set[int], first_filled: set[int], first_text: str) -> bool:
    return filled <= first_filled and len(filled) < len(first_filled) and not first_text.isdigit()
