"""pdfplumber's table finder, its search for cells indexed.

``pdfplumber.table.intersections_to_cells`` looks, for each point where
rules cross, through every later point for those below and to the right, and
builds two sets of bounding boxes each time it asks whether two points share
a rule: on a page of a ruled budget table (300 crossings) that is most of the
time the finder takes. ``cells`` gives the same cells in the same order from
an index built once: each point's rules as sets, the points of each column
and of each row. ``find_tables`` is pdfplumber's ``TableFinder`` with it, on
a pdfplumber page or a ``quick.QuickPage`` alike.

>>> one = {"x0": 0, "top": 0, "x1": 10, "bottom": 0}
>>> two = {"x0": 0, "top": 5, "x1": 10, "bottom": 5}
>>> left = {"x0": 0, "top": 0, "x1": 0, "bottom": 5}
>>> right = {"x0": 10, "top": 0, "x1": 10, "bottom": 5}
>>> crossings = {(0, 0): {"v": [left], "h": [one]}, (10, 0): {"v": [right], "h": [one]},
...              (0, 5): {"v": [left], "h": [two]}, (10, 5): {"v": [right], "h": [two]}}
>>> cells(crossings)
[(0, 0, 10, 5)]
"""

from __future__ import annotations

from collections import defaultdict

from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections
from pdfplumber.utils import obj_to_bbox

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def find_tables(page, settings: dict) -> list[Table]:
    """pdfplumber's tables of ``page`` (``Page.find_tables(settings)``), found faster."""
    return _Finder(page, settings).tables


class _Finder(TableFinder):
    """``TableFinder`` with ``cells`` for ``intersections_to_cells``; the rest is pdfplumber's."""

    def __init__(self, page, settings: dict) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(self.edges, self.settings.intersection_x_tolerance,
                                                    self.settings.intersection_y_tolerance)
        self.cells = cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def cells(intersections: dict) -> list[Box]:
    """The cells ``intersections_to_cells`` finds, in its order: for each
    point (sorted), the first point below it and the first to its right,
    each joined to it by a rule, whose corner opposite is a point joined to
    both by rules."""
    vertical = {point: {obj_to_bbox(edge) for edge in found["v"]} for point, found in intersections.items()}
    horizontal = {point: {obj_to_bbox(edge) for edge in found["h"]} for point, found in intersections.items()}
    points = sorted(intersections)
    columns: dict[float, list[Point]] = defaultdict(list)
    rows: dict[float, list[Point]] = defaultdict(list)
    for point in points:  # sorted: a column's points go down, a row's go right
        columns[point[0]].append(point)
        rows[point[1]].append(point)
    found = []
    for point in points:
        below = [other for other in columns[point[0]] if other[1] > point[1] and vertical[point] & vertical[other]]
        right = [other for other in rows[point[1]] if other[0] > point[0] and horizontal[point] & horizontal[other]]
        cell = _smallest(point, below, right, vertical, horizontal)
        if cell is not None:
            found.append(cell)
    return found


def _smallest(point: Point, below: list[Point], right: list[Point], vertical: dict, horizontal: dict) -> Box | None:
    """The first cell from ``point`` whose far corner is joined by rules to
    the point ``below`` and the point ``right`` it is made of."""
    for low in below:
        for side in right:
            corner = (side[0], low[1])
            if corner in vertical and vertical[corner] & vertical[side] and horizontal[corner] & horizontal[low]:
                return (point[0], point[1], corner[0], corner[1])
    return None
