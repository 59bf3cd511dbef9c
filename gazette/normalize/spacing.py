"""The spacing of a text layer: how many blank lines it sets between lines.

Blank lines are not kept as lines, but the physical line numbers of the
lines around them show them. Most layers set every line the same distance
apart (no blank line, or one between every line); some set paragraphs
further apart than the lines of a paragraph. There a wider gap parts two
paragraphs, and where the gaps part (nearly) every paragraph, lines without
one belong together, even when nothing else tells (a full line ending a
sentence over a short line, in a layer that lost its indents).

Only lines with nothing between them but blank lines are measured: page
furniture between two lines (a page break) hides their distance, a table's
lines have their own, and lines read from a PDF have no blank lines.

>>> from gazette.normalize.model import Line
>>> lines = [Line(1, "一、总体要求"), Line(3, "各地要加强组织领导，"), Line(5, "确保落实。"),
...          Line(9, "二、工作措施"), Line(11, "完善制度。"), Line(15, "三、保障措施")]
>>> spacing = measure_spacing(lines, Layout(False, 0.0))
>>> sorted(spacing.parted), spacing.marks_paragraphs
([9, 15], False)
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from .layout import FIRST_LINE_SPAN, Layout, extent
from .model import Line
from .patterns import FINAL

#: Gaps mark paragraphs when at least this share of the lines after a
#: sentence's end are set apart by a wider gap…
MARKING_SHARE = 0.6
#: …and at least this many.
MIN_MARKED = 3


@dataclass(frozen=True)
class Spacing:
    """Lines set further below the line above than the layer's usual
    (``parted``), lines whose distance to the line above is known
    (``measured``), and whether wider gaps part the layer's paragraphs."""

    parted: frozenset[int] = frozenset()
    measured: frozenset[int] = frozenset()
    marks_paragraphs: bool = False


def measure_spacing(lines: list[Line], layout: Layout) -> Spacing:
    """The spacing of ``lines`` (all lines of the layer, furniture included;
    ``layout`` measured on its content lines)."""
    gaps = {line.no: line.no - prev.no - 1 for prev, line in itertools.pairwise(lines)
            if _measurable(prev) and _measurable(line)}
    if not gaps:
        return Spacing()
    (usual, _), *_ = Counter(gaps.values()).most_common(1)
    parted = frozenset(no for no, gap in gaps.items() if gap > usual)
    after_end = [line.no for prev, line in itertools.pairwise(lines) if line.no in gaps and _ends(prev, layout)]
    marked = sum(1 for no in after_end if no in parted)
    marks = marked >= MIN_MARKED and marked >= MARKING_SHARE * len(after_end)
    return Spacing(parted, frozenset(gaps), marks)


def _ends(line: Line, layout: Layout) -> bool:
    """A line that ends its paragraph: it ends a sentence or a remark in
    brackets, short of the column (a full line may end a sentence and go on)."""
    ended = FINAL.search(line.text) or line.text.endswith(("）", ")"))
    return bool(ended) and not (layout.hard_wrapped and extent(line, layout) >= layout.column_width - FIRST_LINE_SPAN)


def _measurable(line: Line) -> bool:
    """A line whose distance to its neighbours says something: text of a
    text layer (not furniture, nor a table's, nor a PDF's)."""
    return not line.furniture and line.table is None and line.geometry is None
