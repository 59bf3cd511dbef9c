"""Render clean table grids the way gazette text layers break them.

Used by ``test_tables``: a clean grid → (this renderer) → a text layer →
pipeline → compare the rebuilt grid cell by cell. Two renderings, as seed
003 shows them:

* ``render_stacked``: one character a line (digits in pairs), a blank line
  where a printed line of a cell ends (cells wrap at ``cell_width``), the row
  number on its own line right before the first line of the next cell;
  optionally a page break (page number, a page-start space, no blank lines
  on the new page's first printed line) inside a row;
* ``render_rows``: one row a line, cells separated by a space, numbers full
  width with a space before their unit, a percentage column whose decimal
  point is lost (``６ ２``), header cells broken over lines with the unit on a
  line of its own, bracketed cells that wrap onto the next line, merged
  category cells printed before their rows (numbers and category one a
  line), a page break with the header printed again, a ``注：`` note.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import regex

from .renderer import to_full_width as full_width


@dataclass
class Grid:
    """A clean table: heads, rows of cell texts, merged first-column categories."""

    heads: list[str]
    rows: list[list[str]]
    categories: list[tuple[str, int]] = field(default_factory=list)
    note: str | None = None
    title: str | None = None


def _stacked_units(text: str) -> list[str]:
    """Characters one a unit, digit runs in pairs: ``100场`` → ``10``, ``0``, ``场``."""
    units: list[str] = []
    for piece in regex.split(r"(\d+)", text):
        if piece.isdigit():
            units += [piece[i : i + 2] for i in range(0, len(piece), 2)]
        else:
            units += list(piece)
    return units


def _wrapped(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def render_stacked(grid: Grid, cell_width: int = 12, page_break_row: int | None = None,
                   page_number: int = 7) -> str:
    """The grid stacked one character a line (see the module docstring)."""
    out: list[str] = []

    def printed_line(text: str, blank_after: bool = True) -> None:
        out.extend(full_width(unit) for unit in _stacked_units(text))
        if blank_after:
            out.append("")

    for head in grid.heads:
        printed_line(head)
    for number, row in enumerate(grid.rows, start=1):
        if number == page_break_row:
            out += [f"—{full_width(str(page_number))}—", ""]
            out.append(" " + full_width(str(number)))
            for cell in row[1:]:
                printed_line(cell, blank_after=False)
            out.append("")
            continue
        out.append(full_width(str(number)))
        for cell in row[1:]:
            for line in _wrapped(cell, cell_width):
                printed_line(line)
    return "\n".join(out) + "\n"


def _row_cell(text: str) -> str:
    """A cell as a text layer prints it: full width, a space between a number and its unit."""
    spaced = regex.sub(r"(\d+(?:\.\d+)?%?)(?=\p{Han})", r"\1 ", text)
    spaced = regex.sub(r"(?<=\p{Han})(\d)", r" \1", spaced)
    return full_width(spaced)


def render_rows(grid: Grid, rng: random.Random, broken_header: bool = False,
                lost_decimal_column: int | None = None, wrap_at: int = 0,
                page_break_after: int | None = None) -> str:
    """The grid one row a line (see the module docstring)."""
    out: list[str] = []
    if grid.title:
        out += [grid.title, ""]
    if broken_header:
        for head in grid.heads:
            name, _, unit = head.partition("（")
            out += [name, ""] + ([f"（{unit}", ""] if unit else [])
    else:
        header_line = " ".join(full_width(head) for head in grid.heads)
        out += [header_line, ""]
    categories = _category_starts(grid)
    for index, row in enumerate(grid.rows):
        cells = list(row)
        if index in categories:
            name, span = categories[index]
            out += [full_width(str(index + n + 1)) for n in range(span)] + [name, ""]
            cells = cells[2:]
        elif any(start < index < start + span for start, (_, span) in categories.items()):
            cells = cells[2:]
        texts = [_row_cell(cell) for cell in cells]
        if lost_decimal_column is not None:
            column = lost_decimal_column - (len(row) - len(cells))
            texts[column] = texts[column].replace("．", " ")
        line = " ".join(texts)
        if wrap_at and len(line) > wrap_at and "（" in line[:wrap_at]:
            out += [line[:wrap_at], line[wrap_at:].lstrip(), ""]
        else:
            out += [line, ""]
        if page_break_after == index:
            out += [f"—{full_width(str(rng.randint(2, 90)))}—", ""]
            if not broken_header:
                out += [" " + " ".join(full_width(head) for head in grid.heads), ""]
            else:
                out += [" 续表", ""]
    if grid.note:
        out += ["　 " + _row_cell(grid.note), ""]
    return "\n".join(out) + "\n"


def _category_starts(grid: Grid) -> dict[int, tuple[str, int]]:
    starts: dict[int, tuple[str, int]] = {}
    index = 0
    for name, span in grid.categories:
        starts[index] = (name, span)
        index += span
    return starts
