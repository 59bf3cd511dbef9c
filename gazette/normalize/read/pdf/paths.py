"""A path PDFium read as the shapes pdfminer makes of it, in pdfplumber's dicts.

pdfminer cuts a painted path at each ``m`` into subpaths and makes of each a
line (``ml``, ``mlh``), a rectangle (four sides on the axes, closed) or a
curve (the others; its points are where each segment ends); pdfplumber turns
them into ``line``, ``rect`` and ``curve`` objects, and these into the edges
its table finder reads. ``path_shapes`` does the same from PDFium's segments
(a curve comes as three ``BEZIERTO`` points: two control points and its
end; points are rounded to the decimals the PDF wrote, as ``exact`` does),
so a page read by PDFium (``quick``) gives the table finder the edges
pdfplumber would. A path neither filled nor stroked (``n``, a clip) is no
shape, as in pdfminer. Colours come as PDFium gives them, RGB (a grey is
three equal parts): ``ruled.is_seen_rule`` reads grey, RGB and CMYK alike.

>>> rect = [("m", (10, 20)), ("l", (110, 20)), ("l", (110, 21)), ("l", (10, 21)), ("l", (10, 20)), ("h", None)]
>>> line = [("m", (10, 30)), ("l", (110, 30))]
>>> curve = [("m", (0, 0)), ("c", (5, 5)), ("l", (10, 0))]
>>> list(pdfminer_shapes(rect + line + curve))
[('rect', [(10, 20), (110, 21)]), ('line', [(10, 30), (110, 30)]), ('curve', [(0, 0), (5, 5), (10, 0)])]
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator

import pypdfium2.raw as pdfium

Point = tuple[float, float]
#: PDFium's segment kinds as pdfminer's path operators.
_OPERATORS = {pdfium.FPDF_SEGMENT_MOVETO: "m", pdfium.FPDF_SEGMENT_LINETO: "l", pdfium.FPDF_SEGMENT_BEZIERTO: "c"}


def path_shapes(item, height: float, doctop: float) -> list[dict]:
    """The shapes of a PDFium path object (``FPDF_PAGEOBJECT``) on a page
    ``height`` points high that starts ``doctop`` points into the document."""
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium.FPDFPath_GetDrawMode(item, mode, stroke)
    if not mode.value and not stroke.value:
        return []
    style = {"stroke": bool(stroke.value), "fill": bool(mode.value),
             "evenodd": mode.value == pdfium.FPDF_FILLMODE_ALTERNATE,
             "stroking_color": _colour(item, pdfium.FPDFPageObj_GetStrokeColor),
             "non_stroking_color": _colour(item, pdfium.FPDFPageObj_GetFillColor)}
    return [_shape(kind, points, height, doctop) | style for kind, points in pdfminer_shapes(_operations(item))]


def _operations(item) -> list[tuple[str, Point | None]]:
    """The path's operators with the point each ends at, on the page (``h``
    closes a subpath: it has no point of its own), rounded as ``exact``."""
    matrix, x, y = pdfium.FS_MATRIX(), ctypes.c_float(), ctypes.c_float()
    pdfium.FPDFPageObj_GetMatrix(item, matrix)
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    segment_at, kind_of, point_of, closes = (pdfium.FPDFPath_GetPathSegment, pdfium.FPDFPathSegment_GetType,
                                             pdfium.FPDFPathSegment_GetPoint, pdfium.FPDFPathSegment_GetClose)
    operations: list[tuple[str, Point | None]] = []
    controls = 0
    for index in range(pdfium.FPDFPath_CountSegments(item)):
        segment = segment_at(item, index)
        operator = _OPERATORS.get(kind_of(segment), "?")
        if operator == "c":
            controls = (controls + 1) % 3
            if controls:  # a control point: the curve's end is the third
                continue
        point_of(segment, x, y)
        point = (round(a * x.value + c * y.value + e, 4), round(b * x.value + d * y.value + f, 4))
        operations.append((operator, point))
        if closes(segment):
            operations.append(("h", None))
    return operations


def pdfminer_shapes(operations: list[tuple[str, Point | None]]) -> Iterator[tuple[str, list[Point]]]:
    """``(kind, points)`` for each subpath as pdfminer's ``paint_path`` makes
    it: a ``line`` (its two ends), a ``rect`` (two opposite corners) or a
    ``curve`` (each segment's end)."""
    if not operations or operations[0][0] != "m":
        return
    starts = [index for index, (operator, _) in enumerate(operations) if operator == "m"] + [len(operations)]
    for start, end in itertools.pairwise(starts):
        if end - start > 1:
            yield _subpath_shape(operations[start:end])


def _subpath_shape(subpath: list[tuple[str, Point | None]]) -> tuple[str, list[Point]]:
    shape = "".join(operator for operator, _ in subpath)
    first = subpath[0][1]
    assert first is not None  # a subpath starts with m and its point
    points: list[Point] = [point if point is not None else first for _, point in subpath]
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:  # a redundant l before h
        shape = shape[:-2] + "h"
        points.pop()
    if shape in ("mlh", "ml"):
        return "line", points[:2]
    if shape in ("mlllh", "mllll") and points[0] == points[4] and _on_axes(points):
        return "rect", [points[0], points[2]]
    return "curve", points


def _on_axes(points: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)


def _shape(kind: str, points: list[Point], height: float, doctop: float) -> dict:
    """pdfplumber's dict of a shape (PDF points, y up, to its ``top``/``bottom``, y down)."""
    if kind == "rect":
        (x0, y0), (x1, y1) = points
        points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    return {"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0,
            "top": height - y1, "bottom": height - y0, "doctop": doctop + height - y1,
            "pts": [(x, height - y) for x, y in points]}


def _colour(item, getter) -> tuple[float, float, float]:
    """A fill or stroke colour as RGB parts from 0 to 1."""
    red, green, blue, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    getter(item, red, green, blue, alpha)
    return red.value / 255, green.value / 255, blue.value / 255
