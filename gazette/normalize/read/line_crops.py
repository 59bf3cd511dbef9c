"""The line images an OCR recogniser reads, made from what its detector found.

PP-OCR's detector finds pieces of text as rotated boxes, and its recogniser
reads each box on its own. Read that way, the GJB scan lost what the
detector cut off or set apart: a list marker printed apart from its item
(``c)  应对与…``), the two-em dash that opens a list item in standards
(``——统一…``; the detector does not see a thin bar as text, or cuts it in
half, and the recogniser reads the half as 一, ``-``, ``_`` or nothing),
a single-digit page number after a TOC's leader dots. Here:

* a **small piece** (no wider than ``SMALL`` × its height: a marker, a number,
  a dash) is read together with the piece beside it on the same band when
  the gap is under ``NEAR`` × the height and no ruled line stands in it;
  pieces of about one height that overlap on their band are read together
  whatever their width, and so is a fragment (a dash the detector cut short,
  a dot) lying within the band of the line it is near, however low it is;
* **ink just left of a piece** on its band (up to ``REACH`` × its height,
  never into another piece) is taken into its crop;
* a **thin solid bar opening a crop**, at least ``DASH_WIDTH`` × the height of
  the line's ink (the numeral 一 is narrower), is a dash: the crop says so,
  and ``with_dash`` makes what the recogniser read of it (一, ``-``, ``_``,
  ``—``, or nothing) the dash ``——`` where words follow (a list item of a
  standard); before a number (``—2—``, a page number, whose ink is only as
  high as its digits) the reading stays.

Each crop is the main piece's rotated box stretched along the line, so a
page scanned askew is read as straight lines.

>>> import numpy
>>> page = numpy.full((60, 400, 3), 255, numpy.uint8)
>>> page[28:31, 20:70] = 0          # a bar 50 px wide, 3 px thick
>>> page[14:44, 72:102] = 0         # a glyph 30 px high right after it
>>> quad = numpy.array([[60, 10], [110, 10], [110, 48], [60, 48]], numpy.float32)
>>> [crop] = line_crops([quad], page, lambda q: _straight(page, q))
>>> crop.dash, crop.x0, crop.image.shape[1]
(True, 20.0, 90)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
import regex

#: A piece no wider than this × its height is small: a marker, a number, a dash.
SMALL = 2.0
#: A small piece is read with its neighbour when the gap is under this × the height.
NEAR = 1.0
#: Pieces whose heights differ more than this ratio are not one line.
SAME_HEIGHT = 1.5
#: How far left of a piece (× its height) ink that no piece holds is taken in.
REACH = 1.5
#: A gap wider than this × the height ends the ink taken in.
INK_GAP = 0.3
#: A dash opening a line is at least this × the line's ink height wide, and at most
#: ``DASH_THICKNESS`` × it thick, over ``DASH_SOLID`` of its columns.
DASH_WIDTH, DASH_THICKNESS, DASH_SOLID = 1.3, 0.25, 0.9
#: A grey level under this is ink.
INK = 128
#: A column of the gap this dark over its band's height is a ruled line.
RULE = 0.8


@dataclass(frozen=True)
class Crop:
    """One image for the recogniser: where it lies on the page (pixels; top
    and bottom of its band at its middle), whether a dash opens it, and the
    slope of its line (pixels down per pixel right: a page scanned askew)."""

    image: Any
    x0: float
    top: float
    x1: float
    bottom: float
    dash: bool
    slope: float = 0.0


def line_crops(quads: Sequence[Any], pixels: Any, rectify: Callable[[Any], Any]) -> list[Crop]:
    """The crops to read for the detector's boxes (``quads``: 4 × 2 corners,
    top left first, clockwise) on the page image ``pixels`` (RGB);
    ``rectify`` turns a quad into its straightened image (the engine's own)."""
    ink = pixels.mean(axis=2) < INK
    return [_crop(group, quads, ink, rectify) for group in _groups(quads, ink)]


def _crop(group: list[int], quads: Sequence[Any], ink: Any, rectify: Callable[[Any], Any]) -> Crop:
    main = quads[max(group, key=lambda k: _width(quads[k]))]
    height = _height(main)
    left = min(_bounds(quads[k])[0] for k in group)
    right = max(_bounds(quads[k])[2] for k in group)
    others = [_bounds(q)[2] for q in quads if _bounds(q)[2] <= left and _same_band(q, main)]
    reach = min(max([left - REACH * height, 0.0] + [x + 1 for x in others]), left)
    image = rectify(_stretched(main, reach, right))
    dark = (image.mean(axis=2) if image.ndim == 3 else image) < INK
    scale = (right - reach) / max(image.shape[1], 1)
    start = _ink_start(dark, round((left - reach) / scale))
    dash = _leading_dash(dark[:, start:])
    # the band at the box's middle: on a page scanned askew the box's upright
    # bounds are taller than its type (a long line would look like a title's)
    top, bottom = float(main[0][1] + main[1][1]) / 2, float(main[3][1] + main[2][1]) / 2
    slope = float(main[1][1] - main[0][1]) / max(float(main[1][0] - main[0][0]), 1.0)
    return Crop(image[:, start:], reach + start * scale, top, right, bottom, dash, slope)


def with_dash(crop: Crop, text: str) -> str:
    """The text read from a crop that a dash opens, that dash read as ``——``
    where words follow it.

    >>> crop = Crop(None, 0, 0, 10, 10, dash=True)
    >>> with_dash(crop, "一统一不同质量管理体系的架构；"), with_dash(crop, "“应”表示要求；"), with_dash(crop, "一2一")
    ('——统一不同质量管理体系的架构；', '——“应”表示要求；', '一2一')
    >>> with_dash(crop, "-一GB/T 19004《追求组织的持续成功》")
    '——GB/T 19004《追求组织的持续成功》'
    """
    return _READ_DASH.sub("——", text, count=1) if crop.dash else text


#: What the recogniser makes of a dash opening a line (up to two marks, or none), before words
#: (or a code: ``——GB/T 19004《…》``).
_READ_DASH = regex.compile(r"^[一\-_—–―~,，、.·]{0,2}+(?=[\p{Han}“‘《（(A-Z])")


def _groups(quads: Sequence[Any], ink: Any) -> list[list[int]]:
    """Indices of the pieces read together: each small piece with its
    neighbour on the band, left to right."""
    order = sorted(range(len(quads)), key=lambda i: _bounds(quads[i])[0])
    owner = {i: i for i in order}
    groups = {i: [i] for i in order}
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if owner[i] != owner[j] and _read_together(quads[i], quads[j], ink):
                kept, gone = owner[i], owner[j]
                groups[kept] += groups.pop(gone)
                for k in groups[kept]:
                    owner[k] = kept
    return list(groups.values())


def _read_together(a: Any, b: Any, ink: Any) -> bool:
    """Whether piece ``b`` (starting right of ``a``'s start) is read with
    ``a``: of about one height, they overlap on their band (the detector cut
    a marker off its line, overlapping it: read apart, both crops held it),
    or a small one is near the other with no rule between; or the lower one
    is a fragment of the other (a dash cut short, a dot) near it."""
    if not _same_band(a, b):
        return False
    (ax0, _, ax1, _), (bx0, _, bx1, _) = _bounds(a), _bounds(b)
    ha, hb = _height(a), _height(b)
    height = min(ha, hb)
    if max(ha, hb) > SAME_HEIGHT * height:
        fragment = _fragment_of(*((b, a) if hb < ha else (a, b))) and bx0 - ax1 <= NEAR * max(ha, hb)
        return fragment and not _rule_between(a, b, ink)
    if bx0 < ax1:
        return True
    small = min(ax1 - ax0, bx1 - bx0) <= SMALL * height
    return small and bx0 - ax1 <= NEAR * height and not _rule_between(a, b, ink)


def _bounds(quad: Any) -> tuple[float, float, float, float]:
    return (float(quad[:, 0].min()), float(quad[:, 1].min()), float(quad[:, 0].max()), float(quad[:, 1].max()))


def _width(quad: Any) -> float:
    x0, _, x1, _ = _bounds(quad)
    return x1 - x0


def _height(quad: Any) -> float:
    return float(numpy.linalg.norm(quad[3] - quad[0]) + numpy.linalg.norm(quad[2] - quad[1])) / 2


def _same_band(a: Any, b: Any) -> bool:
    """One piece's middle lies between the other's top and bottom edges, taken
    at that point along the (maybe slanted) line."""
    return _holds(a, b) or _holds(b, a)


def _holds(quad: Any, other: Any) -> bool:
    top, bottom = _band_at(quad, float(other[:, 0].mean()))
    return bool(top <= float(other[:, 1].mean()) <= bottom)


def _fragment_of(piece: Any, line: Any) -> bool:
    """Whether the lower ``piece`` is a fragment of ``line``: a piece of
    text (no taller than it is wide), the fragment small beside it, all of it
    within the line's band (not a streak down the page's edge, not a line
    beside a tall mark)."""
    if _width(line) < _height(line) or _width(piece) > SMALL * _height(line):
        return False
    top, bottom = _band_at(line, float(piece[:, 0].mean()))
    return bool(top <= float(piece[:, 1].min()) and float(piece[:, 1].max()) <= bottom)


def _band_at(quad: Any, x: float) -> tuple[float, float]:
    """The top and bottom edges of ``quad`` (maybe slanted) at ``x``."""
    along = (x - quad[0][0]) / max(quad[1][0] - quad[0][0], 1.0)
    return (float(quad[0][1] + along * (quad[1][1] - quad[0][1])),
            float(quad[3][1] + along * (quad[2][1] - quad[3][1])))


def _rule_between(a: Any, b: Any, ink: Any) -> bool:
    """A ruled line (a dark column over the band) in the gap between a and b."""
    (_, atop, ax1, abottom), (bx0, btop, _, bbottom) = _bounds(a), _bounds(b)
    x0, x1, top, bottom = int(ax1), int(bx0), int(max(atop, btop)), int(min(abottom, bbottom))
    if x1 <= x0 or bottom <= top:
        return False
    return bool((ink[top:bottom, x0:x1].mean(axis=0) > RULE).any())


def _stretched(quad: Any, left: float, right: float) -> Any:
    """The quad with its left edge moved to ``x = left`` and its right edge to
    ``x = right``, along the line's slope."""
    moved = quad.astype(numpy.float32).copy()
    slope = moved[1] - moved[0]
    slope = slope / max(abs(float(slope[0])), 1e-6)
    for corner, x in ((0, left), (3, left), (1, right), (2, right)):
        moved[corner] = moved[corner] + slope * (x - moved[corner][0])
    return moved


def _ink_start(dark: Any, start: int) -> int:
    """The leftmost column of ink reached from column ``start`` going left
    over the middle half of the crop, across gaps of at most ``INK_GAP`` × its height."""
    height = dark.shape[0]
    band = dark[height // 4 : height - height // 4]
    found, blank = min(start, dark.shape[1] - 1), 0
    for x in range(found - 1, -1, -1):
        if band[:, x].any():
            found, blank = x, 0
        else:
            blank += 1
            if blank > INK_GAP * height:
                break
    return found


def _leading_dash(dark: Any) -> bool:
    """Whether a dash opens the crop: a solid bar, thin and about the middle
    of the line's ink, wider than a character, with ink after it."""
    rows, columns = numpy.flatnonzero(dark.any(axis=1)), numpy.flatnonzero(dark.any(axis=0))
    if len(rows) < 2 or not len(columns):
        return False
    ink_top, ink_height = int(rows[0]), int(rows[-1] - rows[0] + 1)
    first = int(columns[0])
    on = numpy.flatnonzero(dark[:, first])
    low, high, end = int(on[0]), int(on[-1]), first
    for x in range(first, dark.shape[1]):
        on = numpy.flatnonzero(dark[:, x])
        if not len(on):
            continue
        if max(high, int(on[-1])) - min(low, int(on[0])) + 1 > DASH_THICKNESS * ink_height:
            break
        low, high, end = min(low, int(on[0])), max(high, int(on[-1])), x
    else:
        return False  # nothing after the bar: the recogniser reads it alone
    middle = (low + high) / 2
    centred = ink_top + ink_height / 4 <= middle <= ink_top + 3 * ink_height / 4
    solid = dark[:, first : end + 1].any(axis=0).mean() >= DASH_SOLID
    wide = end - first + 1 >= DASH_WIDTH * ink_height
    return bool(wide and centred and solid)


def _straight(pixels: Any, quad: Any) -> Any:
    """The quad's bounding box cut out of the page (for the example: a straight box)."""
    x0, top, x1, bottom = (int(v) for v in _bounds(quad))
    return pixels[top:bottom, x0:x1]
