"""Tables a PDF draws with rules: pdfplumber's table finder on the rules.

pdfplumber's table finder (``finder.find_tables``, "lines" strategy) turns a
page's ruling lines into cells; ``grid.table_of`` reads the text into them.
Pages without any rule are not searched.

Only what is seen is a rule: a stroked path or rectangle in a colour
other than white, or a thin filled one (a rule drawn as a black bar of
0.5 pt). Word processors put an invisible white box behind each line
(``fill``, no ``stroke``, colour ``(1, 1, 1)``) and shade header cells with
wide light fills; taken as rules, those turn prose into one-column tables.

A table that goes on over a page break is often left open there: its
vertical rules stop at the page's last row (or start at the next page's
first) with no horizontal rule to close them, so pdfplumber finds no cell
in that row, nor the merged cells that reach into it (``三、本年度办理结果``
of a 政府信息公开 annual report). Where two or more vertical rules end at
the same height and no horizontal rule meets one of them, the table is
closed there (``closing_rules``).
"""

from __future__ import annotations

import bisect

from ..settings import PdfSettings
from .finder import find_tables
from .grid import PageTable, table_of

#: A filled shape at most this thick (points) is a rule drawn as a bar.
MAX_RULE_THICKNESS = 3.0
#: Every component of a colour at least this light (CMYK: this dark) is white.
WHITE = 0.95


def find_ruled_tables(page, text_lines: list[dict], settings: PdfSettings) -> list[PageTable]:
    """The ruled tables of a page, read from its text lines' characters."""
    if not settings.ruled_tables or not (page.lines or page.rects or page.curves):
        return []  # no shape, so no edge (asking for the edges would build them)
    ruled = page.filter(lambda obj: obj.get("object_type") not in _SHAPES or is_seen_rule(obj))
    edges = ruled.edges
    if not edges:
        return []
    found = find_tables(ruled, {"explicit_horizontal_lines": closing_rules(edges)})
    tables = (table_of(table.cells, text_lines, settings, ruled=True) for table in found)
    return [table for table in tables if table is not None]


_SHAPES = {"rect", "line", "curve"}
#: Rule ends closer than this (points) meet.
_MEET = 1.5


def closing_rules(edges: list[dict]) -> list[dict]:
    """Horizontal rules that close a table left open at a page break (see the
    module docstring), as pdfplumber line objects.

    >>> def vertical(x, top, bottom):
    ...     return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}
    >>> edges = [vertical(77, 364, 778), vertical(180, 578, 778), vertical(516, 364, 778),
    ...          {"orientation": "h", "x0": 77, "x1": 516, "top": 364, "bottom": 364},
    ...          {"orientation": "h", "x0": 180, "x1": 516, "top": 759, "bottom": 759}]
    >>> [(rule["x0"], rule["x1"], rule["top"]) for rule in closing_rules(edges)]
    [(77, 516, 778)]
    """
    verticals = [edge for edge in edges if edge["orientation"] == "v"]
    horizontals = _by_height([edge for edge in edges if edge["orientation"] == "h"])
    closing = []
    for end in ("top", "bottom"):
        for group in _same_height(verticals, end):
            height = group[0][end]
            if len(group) < 2:
                continue
            passing = _passing(height, horizontals)
            if not all(passing.met(edge["x0"]) for edge in group):
                x0, x1 = min(edge["x0"] for edge in group), max(edge["x0"] for edge in group)
                closing.append({"object_type": "line", "orientation": "h", "x0": x0, "x1": x1, "top": height,
                                "bottom": height, "width": x1 - x0, "height": 0})
    return closing


def _same_height(verticals: list[dict], end: str) -> list[list[dict]]:
    """The vertical rules grouped by where they end (``top`` or ``bottom``)."""
    groups: list[list[dict]] = []
    for edge in sorted(verticals, key=lambda edge: edge[end]):
        if groups and edge[end] - groups[-1][0][end] <= _MEET:
            groups[-1].append(edge)
        else:
            groups.append([edge])
    return groups


def _by_height(horizontals: list[dict]) -> dict[int, list[tuple[float, float, float]]]:
    """Horizontal rules (``top, x0, x1``) by their height rounded to the point
    (a table has thousands of rule pieces: looking at them all for each end
    was quadratic)."""
    found: dict[int, list[tuple[float, float, float]]] = {}
    for rule in horizontals:
        found.setdefault(round(rule["top"]), []).append((rule["top"], rule["x0"], rule["x1"]))
    return found


class _Spans:
    """Where horizontal rules run at one height: their extents, each
    widened by ``_MEET`` and merged where they overlap, in order."""

    def __init__(self, extents: list[tuple[float, float]]) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        for x0, x1 in sorted(extents):
            if self.ends and x0 - _MEET <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], x1 + _MEET)
            else:
                self.starts.append(x0 - _MEET)
                self.ends.append(x1 + _MEET)

    def met(self, x: float) -> bool:
        """Whether a rule passes through ``x`` (a vertical rule's end)."""
        at = bisect.bisect_right(self.starts, x) - 1
        return at >= 0 and x <= self.ends[at]


def _passing(height: float, horizontals: dict[int, list[tuple[float, float, float]]]) -> _Spans:
    """The horizontal rules within ``_MEET`` of ``height``."""
    return _Spans([(x0, x1) for key in range(round(height - _MEET), round(height + _MEET) + 1)
                   for top, x0, x1 in horizontals.get(key, ()) if abs(top - height) <= _MEET])


def is_seen_rule(shape: dict) -> bool:
    """Whether a drawn shape is a visible rule (see the module docstring).

    >>> box = {"x0": 90, "x1": 505, "top": 100, "bottom": 124, "fill": True, "stroke": False}
    >>> is_seen_rule(box | {"non_stroking_color": (1.0, 1.0, 1.0)})
    False
    >>> is_seen_rule(box | {"non_stroking_color": (0, 0, 0), "bottom": 100.5})
    True
    >>> is_seen_rule(box | {"stroke": True, "stroking_color": (0,)})
    True
    """
    if shape.get("stroke") and not _white(shape.get("stroking_color")):
        return True
    thickness = min(shape["x1"] - shape["x0"], shape["bottom"] - shape["top"])
    return bool(shape.get("fill")) and thickness <= MAX_RULE_THICKNESS and not _white(shape.get("non_stroking_color"))


def _white(colour) -> bool:
    """Whether a colour (a grey number, or a grey, RGB or CMYK tuple; None
    is black) is white.

    >>> _white(1.0), _white((1.0,)), _white((1.0, 1.0, 1.0)), _white((0, 0, 0, 0)), _white(0), _white(None)
    (True, True, True, True, False, False)
    """
    if isinstance(colour, (int, float)):
        colour = (colour,)  # pdfminer gives a grey as a bare number
    if not isinstance(colour, (tuple, list)) or not colour or not all(isinstance(c, (int, float)) for c in colour):
        return False  # black by default, or a pattern: seen
    if len(colour) == 4:
        return all(c <= 1 - WHITE for c in colour)
    return all(c >= WHITE for c in colour)
