"""The layout of a text layer: is it hard-wrapped, at which column width, and
which lines are set off (centred, set to the right).

A text layer keeps no geometry, but its lines still show the page: a
hard-wrapped layer cuts every line of a paragraph at the column width, so
many lines end at the same place, and none much further; a web text has
one paragraph a line, of any length. Some layers also keep the white space
a line starts with (a paragraph's indent of about two characters, the wide
left margin of a centred title, of a signature set to the right): there a
line's *extent*, its indent plus its width, tells where it ends on the
page.

>>> from gazette.normalize.model import Line
>>> lines = [Line(1, "为深入贯彻落实习近平新时代中国特色社会主义思想，全面贯彻党", indent=2),
...          Line(2, "的十九大和十九届二中、三中全会精神，坚定实施科教兴国战略、人才"),
...          Line(3, "强国战略和创新驱动发展战略，国务院决定，对为我国科学技术进步、"),
...          Line(4, "国务院", indent=24), Line(5, "2018年12月28日", indent=21)]
>>> layout = measure_layout(lines, column_width=0)
>>> layout.hard_wrapped, layout.column_width, set_off(lines[3], layout)
(True, 31.0, 'right')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Line
from .patterns import visual_width

#: Lines narrower than this say nothing about the column width.
MIN_LONG = 10
#: A line ending within this many cells of the column width is full
#: (punctuation may hang one cell beyond it).
FULL_TOLERANCE = 1.5
#: The full lines of a column end within this many cells of each other.
WIDTH_WINDOW = 4
#: Share of the long lines that must be full for the layer to be hard-wrapped…
MIN_FULL_SHARE = 0.15
#: …and at least this many of them.
MIN_FULL_LINES = 2
#: A hard-wrapped column is at most this wide (web paragraphs are longer).
MAX_COLUMN = 60
#: A paragraph's indent is at most this many cells; more sets a line off.
MAX_PARAGRAPH_INDENT = 4
#: A centred line's middle is within this many cells of the column's middle.
CENTRE_TOLERANCE = 2.5
#: A line set to the right ends within this many cells of the right edge.
RIGHT_TOLERANCE = 8


@dataclass(frozen=True)
class Layout:
    """What was measured: hard-wrapped or not, the column width in cells, and
    whether the layer keeps the white space lines start with."""

    hard_wrapped: bool
    column_width: float
    keeps_indents: bool = False


def extent(line: Line) -> float:
    """Where a line ends, in cells from the left margin."""
    return line.indent + visual_width(line.text)


def measure_layout(lines: list[Line], column_width: int = 0) -> Layout:
    """Hard-wrapped or not, and the column width (``column_width`` given by a
    profile, else measured): the widest extent that several long lines reach
    (within ``FULL_TOLERANCE``) and (nearly) none goes beyond."""
    extents = sorted((extent(line) for line in lines), reverse=True)
    long = [value for value in extents if value >= MIN_LONG]
    keeps = sum(1 for line in lines if line.indent > MAX_PARAGRAPH_INDENT) >= 2
    if not long:
        return Layout(False, 0.0, keeps)
    width = float(column_width) if column_width else _full_width(long)
    if width == 0:
        return Layout(False, float(round(long[len(long) // 2])), keeps)
    full = sum(1 for value in long if width - FULL_TOLERANCE <= value <= width + FULL_TOLERANCE)
    beyond = sum(1 for value in long if value > width + 2)
    wrapped = (full >= max(MIN_FULL_LINES, MIN_FULL_SHARE * len(long)) and beyond <= 0.05 * len(long)
               and width <= MAX_COLUMN) or bool(column_width)
    return Layout(wrapped, width, keeps)


def _full_width(long: list[float]) -> float:
    """The most common extent (rounded) among the widest lines that enough
    lines reach (0 if none is): half-width digits make full lines of one
    column differ by a cell or two, hanging punctuation by one."""
    needed = max(MIN_FULL_LINES, MIN_FULL_SHARE * len(long))
    for candidate in long:
        if sum(1 for value in long if candidate - 2 * FULL_TOLERANCE <= value <= candidate) < needed:
            continue
        near = Counter(round(value) for value in long if candidate - WIDTH_WINDOW <= value <= candidate)
        return float(max(near, key=lambda width: (near[width], width)))
    return 0.0


def set_off(line: Line, layout: Layout) -> str | None:
    """``centred`` or ``right`` for a line the layer sets off from the left
    margin (only where it keeps leading white space), else None."""
    if not layout.keeps_indents or line.indent <= MAX_PARAGRAPH_INDENT or not layout.column_width:
        return None
    middle = line.indent + visual_width(line.text) / 2
    if abs(middle - layout.column_width / 2) <= CENTRE_TOLERANCE:
        return "centred"
    if extent(line) >= layout.column_width - RIGHT_TOLERANCE:
        return "right"
    return None
