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

import itertools
from collections import Counter
from dataclasses import dataclass, replace

from .model import Line
from .patterns import FINAL, is_list_entry, standalone, visual_width

#: Lines narrower than this say nothing about the column width.
MIN_LONG = 10
#: A line ending within this many cells of the column width is full
#: (punctuation may hang one cell beyond it).
FULL_TOLERANCE = 1.5
#: The full lines of a column end within this many cells of each other.
WIDTH_WINDOW = 4
#: The column's width is the widest extent reached by at least this share of
#: the lines of the most common one.
PEAK_SHARE = 0.5
#: Share of the long lines that must be full for the layer to be hard-wrapped…
MIN_FULL_SHARE = 0.15
#: …and at least this many of them.
MIN_FULL_LINES = 2
#: Fewer long lines than this, no two ending together, measure no column
#: (more: their middle one is taken for it).
MIN_AGREEING_LINES = 5
#: At most this share of the long lines may go beyond the column (a URL, a wide
#: row of a table printed a row a line), few of them by much: a line this many
#: times as wide is a web text's paragraph.
BEYOND_SHARE = 0.05
FAR_BEYOND = 1.3
#: …unless the full lines outnumber those beyond by this factor at least, and
#: lines stopping mid-sentence end at the column: then the lines beyond are
#: what a hard-wrapped layer prints unwrapped (the rows of a table not found
#: as one, 300 characters long), no web text's paragraphs (a web text's lines
#: are its paragraphs: few end where a column would; a short one, mostly
#: tables, may have two headings as long and one paragraph of 170).
FULL_DOMINANT = 2
#: Line breaks narrower than this share of the widest are no wraps (short
#: lines of a list, names): they do not count when weighing the evidence.
WIDE_BREAK = 0.6
#: A hard-wrapped column is at most this wide (web paragraphs are longer)…
MAX_COLUMN = 60
#: …and at least this wide: lines as narrow that stop mid-sentence are a
#: title's pieces (``宁波国家高新区（新材`` / ``料科技城）政府部门涉``), where a
#: short document has little text besides its tables.
MIN_COLUMN = 14
#: A paragraph's indent is at most this many cells; more sets a line off.
MAX_PARAGRAPH_INDENT = 4
#: An indent marks a paragraph's start when at least this share of the lines
#: after a sentence's end are indented, and at least this many.
INDENTED_SHARE = 0.6
MIN_INDENTED_STARTS = 3
#: A paragraph's first line ends this many cells short of the column (its
#: indent, kept or lost); where such first lines are the most common width,
#: a width this much wider reached by this share of as many lines is the column.
FIRST_LINE_SHORT = 2
FIRST_LINES_SHARE = 0.25
#: A line this many cells short of the column, or less, is full.
ENDED_SHORT = 2
#: A paragraph's first line ends within this many cells of the column.
FIRST_LINE_SPAN = FIRST_LINE_SHORT + FULL_TOLERANCE
#: A centred line's middle is within this many cells of the column's middle.
CENTRE_TOLERANCE = 2.5
#: A centred line's left margin is at least this many cells (a paragraph's indent is two).
MIN_CENTRED_MARGIN = 3
#: A line set to the right ends within this many cells of the right edge.
RIGHT_TOLERANCE = 8


@dataclass(frozen=True)
class Layout:
    """What was measured: hard-wrapped or not, the column width in cells,
    whether the layer keeps the white space lines start with, whether it
    indents every paragraph's first line (``indent_starts``), and by which
    width: the text layer's own (``raw``) or the repaired text's."""

    hard_wrapped: bool
    column_width: float
    keeps_indents: bool = False
    raw: bool = False
    indent_starts: bool = False


def printed_width(line: Line, layout: Layout) -> float:
    """A line's width in cells, by the measure the layout was taken with."""
    if layout.raw and line.width is not None:
        return line.width
    return visual_width(line.text)


def extent(line: Line, layout: Layout) -> float:
    """Where a line ends, in cells from the left margin."""
    return line.indent + printed_width(line, layout)


def measure_layout(lines: list[Line], column_width: int = 0) -> Layout:
    """Hard-wrapped or not, and the column width (``column_width`` given by a
    profile, else measured).

    The lines that stop in the middle of a sentence are where the layer cut
    at the column's edge: the most common extent among the widest of them
    is the column width, and the layer is hard-wrapped when at least two of
    them end there (or, without such breaks, when many long lines do) and
    (nearly) no line goes beyond it, as a web text's paragraphs do. Fewer
    than ``MIN_FULL_LINES`` long lines measure no column (``column_width``
    0: a document of forms, a text of tables under its one-line title).

    Two measures of width are tried, the text layer's own (spaces between
    glyphs take room) and the repaired text's (they do not): the one under
    which the line breaks end closer together is the one the layer was
    printed by.
    """
    keeps = sum(1 for line in lines if line.indent >= MIN_CENTRED_MARGIN) >= 2
    layouts = [_measured(lines, column_width, Layout(False, 0.0, keeps, raw)) for raw in (False, True)]
    found = max(layouts, key=lambda layout: _tightness(lines, layout))
    return replace(found, indent_starts=_indents_start_paragraphs(lines, found))


def _indents_start_paragraphs(lines: list[Line], layout: Layout) -> bool:
    """Whether the lines after a paragraph's end are mostly indented: then
    an indent is how the layer marks a new paragraph. A paragraph ends with
    a sentence, or with a closing bracket (a remark ends many paragraphs).
    An indented line after it counts for indents; one that is not counts
    against them only after a line short of the column. A full line of a
    hard-wrapped layer shows no end: the bracket may close a reference that
    goes on (``（国发〔2022〕2号）`` / ``等要求``), the sentence may be followed by
    the next of the same paragraph (``…的；`` / ``纳入全市联合惩戒…``), so the line
    after it, flush, says nothing against indents."""
    starts = [line for before, line in itertools.pairwise(lines)
              if (FINAL.search(before.text) or before.text.endswith(("）", ")")))
              and line.indent <= MAX_PARAGRAPH_INDENT and (line.indented or not _full(before, layout))]
    indented = sum(1 for line in starts if line.indented)
    return indented >= MIN_INDENTED_STARTS and indented >= INDENTED_SHARE * len(starts)


def _full(line: Line, layout: Layout) -> bool:
    """A line of a hard-wrapped layer that reaches (nearly) the column's edge."""
    return layout.hard_wrapped and extent(line, layout) >= layout.column_width - ENDED_SHORT


def _measured(lines: list[Line], column_width: int, measure: Layout) -> Layout:
    long = sorted((value for line in lines if (value := extent(line, measure)) >= MIN_LONG), reverse=True)
    if len(long) < MIN_FULL_LINES:
        return measure  # one long line (a text of tables' title) measures no column
    breaks = _breaks(lines, measure)
    wide_breaks = [value for value in breaks if value >= WIDE_BREAK * breaks[0]] if breaks else []
    width = float(column_width) or _full_width(breaks, max(MIN_FULL_LINES, MIN_FULL_SHARE * len(wide_breaks)))
    broken = bool(width)  # line breaks mid-sentence end at the column: wrapped lines
    needed = MIN_FULL_LINES if width else max(MIN_FULL_LINES, MIN_FULL_SHARE * len(long))
    width = width or _full_width(long, needed)
    if width == 0 and len(long) < MIN_AGREEING_LINES:
        return measure  # a few long lines ending apart (a text of tables' wrapped title) measure no column
    if width == 0:
        return replace(measure, column_width=float(round(long[len(long) // 2])))
    full = sum(1 for value in long if width - FULL_TOLERANCE <= value <= width + FULL_TOLERANCE)
    beyond = sum(1 for value in long if value > width + 2)
    far = sum(1 for value in long if value > FAR_BEYOND * width + 2) > BEYOND_SHARE * len(long)
    dominant = broken and full >= FULL_DOMINANT * beyond
    wrapped = (full >= needed and (dominant or (beyond <= BEYOND_SHARE * len(long) and not far))
               and MIN_COLUMN <= width <= MAX_COLUMN) or bool(column_width)
    if not wrapped and measure.keeps_indents:
        width = _page_width(long)
    return replace(measure, hard_wrapped=wrapped, column_width=width)


def _page_width(extents: list[float]) -> float:
    """The width of the page a layer that wraps few lines (a list of names, a
    short notice) centres its lines on: the widest extent that another line
    nearly reaches (no line of a printed page goes beyond it).

    >>> _page_width([40.0, 36.0, 29.0, 28.0])
    40.0
    """
    for candidate in extents:
        if sum(1 for value in extents if candidate - WIDTH_WINDOW <= value <= candidate) >= MIN_FULL_LINES:
            return float(round(candidate))
    return float(round(extents[len(extents) // 2]))


def _breaks(lines: list[Line], measure: Layout) -> list[float]:
    """Extents of the lines that stop in the middle of a sentence, widest
    first; not the entries of a list (``王　湛　江苏省原副省长``: a field gap
    between names), which stop where their words do."""
    return sorted((value for line in lines if (value := extent(line, measure)) >= MIN_LONG
                   and not FINAL.search(line.text) and not standalone(line.text)
                   and not is_list_entry(line.text)), reverse=True)


def _tightness(lines: list[Line], layout: Layout) -> tuple[bool, int, float]:
    """Hard-wrapped first, then how many of the line breaks end at the
    column's edge, then which share of them."""
    breaks = _breaks(lines, layout)
    if not layout.hard_wrapped or not breaks:
        return (layout.hard_wrapped, 0, 0.0)
    near = sum(1 for value in breaks if abs(value - layout.column_width) <= FULL_TOLERANCE)
    return (True, near, near / len(breaks))


def _full_width(extents: list[float], needed: float) -> float:
    """Among the widest extents that ``needed`` lines reach (0 if none is),
    the widest (rounded) that nearly as many lines reach as the most common
    one: half-width digits make full lines of one column differ by a cell or
    two, hanging punctuation by one, and a layer that lost its indents ends
    each paragraph's first line two cells short of the column: where most
    paragraphs are short, those first lines are the most common, and the
    column is the width two cells wider that a few lines reach."""
    for candidate in extents:
        if sum(1 for value in extents if candidate - 2 * FULL_TOLERANCE <= value <= candidate) < needed:
            continue
        near = Counter(round(value) for value in extents if candidate - WIDTH_WINDOW <= value <= candidate)
        (common, most), *_ = near.most_common(1)
        wider = near.get(common + FIRST_LINE_SHORT, 0)
        if wider >= max(MIN_FULL_LINES, FIRST_LINES_SHARE * most):
            return float(max(width for width, count in near.items() if count >= PEAK_SHARE * wider))
        return float(max(width for width, count in near.items() if count >= PEAK_SHARE * most))
    return 0.0


def _centred(line: Line, layout: Layout) -> bool:
    """Whether a line's middle is the column's."""
    return abs(line.indent + printed_width(line, layout) / 2 - layout.column_width / 2) <= CENTRE_TOLERANCE


def centred_alone(line: Line, layout: Layout) -> bool:
    """A line centred in a hard-wrapped layer measured as keeping no indents
    because no other line is set off: a short notice's title, its paragraphs
    indented less than a centred line's margin (``关于调整住房公积金贷款首付比例的通知``
    over three paragraphs indented by two ASCII spaces).

    >>> layout = Layout(True, 26.0)
    >>> centred_alone(Line(1, "关于调整住房公积金贷款首付比例的通知", indent=4), layout), centred_alone(
    ...     Line(2, "为促进全市房地产市场平稳健康发展，助力化解房地产", indent=1), layout)
    (True, False)
    """
    return (layout.hard_wrapped and not layout.keeps_indents and line.indent >= MIN_CENTRED_MARGIN
            and _centred(line, layout))


def set_off(line: Line, layout: Layout) -> str | None:
    """``centred`` or ``right`` for a line the layer sets off from the left
    margin (only where it keeps leading white space), else None. A long line
    centred in a narrow column has margins no wider than a paragraph's
    indent: it is centred when its left margin is at least
    ``MIN_CENTRED_MARGIN`` and it stops short of the column's edge (a
    paragraph's first line reaches it).

    >>> layout = Layout(True, 27.0, keeps_indents=True)
    >>> set_off(Line(1, "自然资源部　中国银行保险监督管理委员", indent=4), layout)
    'centred'
    >>> set_off(Line(2, "为贯彻中央经济工作会议精神，落实党中央、国务", indent=2), layout) is None
    True
    """
    if not layout.keeps_indents or not layout.column_width or line.indent < MIN_CENTRED_MARGIN:
        return None
    centred = _centred(line, layout)
    if line.indent <= MAX_PARAGRAPH_INDENT:
        return "centred" if centred and layout.column_width - extent(line, layout) > FULL_TOLERANCE else None
    if centred:
        return "centred"
    if extent(line, layout) >= layout.column_width - RIGHT_TOLERANCE:
        return "right"
    return None
