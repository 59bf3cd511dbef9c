"""Reflow: hard-wrapped lines back into paragraphs.

Reads: content lines with clean text, their pages and indents.
Writes: ``Block`` objects in reading order, and a ``join`` repair for each
line break removed.

Two kinds of text layer need different evidence:

* **hard-wrapped** (gazette PDFs): lines are cut at the column width; a
  paragraph's first line is two characters shorter (its indent) and its
  last line is usually short. A full line goes on in the next line; a short
  one ends its paragraph; a full line ending a sentence ends its paragraph
  when the next line is indent-short. Pages are crossed freely, so
  ``包括患者的姓`` / ``—９４—`` / ``（不含名）`` becomes one sentence.
* **web** (seeds 002, 004): one paragraph a line, but some are broken
  mid-sentence; a long line that does not end a sentence goes on.

In both, headings, dates, document numbers and signatures stay on their own
line, and titles wrapped over several short lines are joined. Where a layer
sets paragraphs further apart than lines (``spacing``), its gaps decide.
"""

from __future__ import annotations

import itertools

import regex

from . import rules
from .layout import (
    FIRST_LINE_SHORT,
    FIRST_LINE_SPAN,
    FULL_TOLERANCE,
    Layout,
    extent,
    measure_layout,
    printed_width,
    set_off,
)
from .model import Block, Geometry, Line, Repair, Segment
from .patterns import (
    CN_HEADING_START,
    ENDS_MID_SENTENCE,
    FINAL,
    HEADING_LINE,
    LINE_OPENER,
    MARKER_PATTERNS,
    is_date,
    is_list_entry,
    marker_kind,
    standalone,
    visual_width,
)
from .profile import Profile
from .roles import TableEdges, line_roles
from .rules import Rule
from .spacing import Spacing, measure_spacing
from .tables.cells import bracket_depth
from .tables.detect import is_title
from .tables.model import Table

#: ``一、`` may also be the end of a word cut by a wrap: 提供统 / 一、安全…
_CN_LIST_MARKER = regex.compile(f"^{MARKER_PATTERNS['cn']}")
#: …``第五条`` a reference cut by a wrap (《…的规定》 / 第五条第一款), ``1.5`` a
#: decimal (…月数的 / 1.5倍); not an item's number over a year (``2.2021年…``).
_CUT_OPENER = regex.compile(rf"^(?:{MARKER_PATTERNS['article']}|\d{{1,2}}[.．](?!\d{{4}}年)\d)")
#: A line that is a remark in brackets, complete: ``（此件公开发布）``.
_REMARK = regex.compile(r"^[（(][^（）()]+[）)]$")
_CLAUSE_PUNCT = regex.compile("[。，；]")
_LATIN_WORD_END = regex.compile(r"[A-Za-z]$")
_LATIN_WORD_START = regex.compile(r"^[A-Za-z]")

#: In web texts a paragraph may end with a closing bracket: ``（省科技厅公布）``.
_CLOSING = ("）", "】", "」", "』", "〕", ")")
#: A table row on one line ends with a number cell: ``科技创新 24 7090 3357 6 2``.
_ENDS_WITH_NUMBER_CELL = regex.compile(r"\s[\d.%]+$")
#: A web text breaks inside a Chinese sentence: after a Han character or a comma.
#: A field label starts a line of its own in web texts: ``国内统一刊号：``.
_LABEL = regex.compile(r"^\p{Han}{2,8}：")
#: PDF lines further apart than this many type sizes (bottom to top) never join.
MAX_JOIN_GAP = 2.0
#: Lines of one title differ in type size by at most this ratio.
TITLE_SIZE_SPREAD = 1.25
#: A line stopping mid-sentence at this share of the column goes on.
MID_SENTENCE_SHARE = 0.8
#: A web-text line shorter than this is never a sentence broken mid-way.
WEB_MIN_BROKEN = 15


def reflow(lines: list[Line], profile: Profile, tables: dict[int, Table] | None = None,
           ) -> tuple[list[Block], list[Repair]]:
    """Group content and furniture lines into blocks in reading order.

    Lines of a table (``Line.table``) become one ``table`` block, holding the
    grid from ``tables`` (region number → ``Table``), where the table starts.
    """
    content = [line for line in lines if not line.furniture and line.table is None]
    layout = measure_layout(_measurable(lines, content), profile.column_width)
    roles = line_roles(content, layout, profile, _table_edges(lines, tables or {}))
    spacing = measure_spacing(lines, layout)
    blocks: list[Block] = []
    repairs: list[Repair] = []
    pending_furniture: list[Block] = []
    current: Block | None = None
    previous: Line | None = None
    for line in lines:
        if line.furniture:
            pending_furniture.append(Block("furniture", [_segment(line)], furniture=line.furniture))
            continue
        if line.table is not None:
            _add_table_line(blocks, line, (tables or {}).get(line.table))
            current = previous = None
            continue
        rule = _join_rule(previous, line, current, layout, roles, spacing) if previous and current else None
        if rule and current is not None:
            joiner = _joiner(current.text, line.text)
            repairs.append(_join_repair(rule, current.text, line, joiner))
            current.append(joiner, _segment(line))
        else:
            blocks.extend(pending_furniture)
            pending_furniture = []
            current = Block(_kind(line, roles), [_segment(line)])
            blocks.append(current)
        previous = line
    blocks.extend(pending_furniture)
    return blocks, repairs


def _measurable(lines: list[Line], content: list[Line]) -> list[Line]:
    """The content lines that show the column: not a table's caption right
    above it, a line of its own that stops where its words do, not at the
    column's edge (``宁波市工业标准化建设经费补助申请表``: a text of forms
    keeps only their captions, and they are no hard-wrapped lines)."""
    captions = {line.no for line, after in itertools.pairwise(lines)
                if line.table is None and after.table is not None and is_title(line)}
    return [line for line in content if line.no not in captions]


def _table_edges(lines: list[Line], tables: dict[int, Table]) -> TableEdges:
    """The content lines right under a table, right above one with a
    caption and right above any, page furniture between them passed over
    (a page's foot under a table's last row)."""
    content = [line for line in lines if not line.furniture]
    pairs = [(above, below) for above, below in itertools.pairwise(content)
             if (above.table is None) != (below.table is None)]
    return TableEdges(
        frozenset(below.no for above, below in pairs if above.table is not None),
        frozenset(above.no for above, below in pairs if below.table is not None and below.table in tables
                  and tables[below.table].title),
        frozenset(above.no for above, below in pairs if below.table is not None))


def _add_table_line(blocks: list[Block], line: Line, table: Table | None) -> None:
    """Open the table's block at its first line; later lines only add their segment."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != "table" or last.table is not table:
        blocks.append(Block("table", [], table=table))
    blocks[-1].segments.append(_segment(line))


def _segment(line: Line) -> Segment:
    start = line.geometry.x0 / line.geometry.size if line.geometry is not None and line.geometry.size else line.indent
    return Segment(line.no, line.page, line.text, start)


#: The block kind of a role, where it is not the role itself.
_ROLE_KINDS = {"addressee": "paragraph"}


def _kind(line: Line, roles: dict[int, str]) -> str:
    if line.no in roles:
        return _ROLE_KINDS.get(roles[line.no], roles[line.no])
    if is_date(line.text):
        return "date"
    if HEADING_LINE.match(line.text):
        return "heading"
    return "paragraph"


def _join_rule(prev: Line, line: Line, block: Block, layout: Layout, roles: dict[int, str],
               spacing: Spacing) -> Rule | None:
    """The rule by which ``line`` continues ``prev``'s block, or None."""
    if prev.joins_next:
        return rules.JOIN_STACKED_CHARACTERS
    if roles.get(prev.no) == "title" and roles.get(line.no) == "title":
        return rules.JOIN_TITLE_LINES
    if roles.get(prev.no) == "addressee" == roles.get(line.no):
        return rules.JOIN_WRAPPED_LINE
    if prev.no in roles or line.no in roles or prev.ends_entry or line.no in spacing.parted:
        return None
    if (standalone(prev.text) and not _wrapped_item(prev, layout)) or standalone(line.text):
        return None
    if spacing.marks_paragraphs and line.no in spacing.measured:
        return rules.JOIN_WRAPPED_LINE  # gaps part every paragraph, and none parts these lines
    if prev.geometry is not None and line.geometry is not None:
        return _geometry_join(prev, line)
    if layout.indent_starts:
        return _indented_join(prev, line, layout)
    return _text_join(prev, line, block, layout)


def _indented_join(prev: Line, line: Line, layout: Layout) -> Rule | None:
    """A layer that indents every paragraph's first line: an indented line
    (or one set off) starts a block; any other goes on a line that stops
    mid-sentence or reaches the column's edge."""
    if line.indented or set_off(line, layout) or set_off(prev, layout):
        return None
    mid_sentence = _mid_sentence(prev)
    if LINE_OPENER.match(line.text) and not (mid_sentence and _CN_LIST_MARKER.match(line.text)) \
            and not _cut_reference(prev, line, layout):
        return None
    full = layout.hard_wrapped and extent(prev, layout) >= layout.column_width - FULL_TOLERANCE
    if not (mid_sentence or full):
        return None
    return rules.JOIN_ACROSS_PAGE if prev.page != line.page else rules.JOIN_WRAPPED_LINE


def _text_join(prev: Line, line: Line, block: Block, layout: Layout) -> Rule | None:
    """A layer whose indents say nothing (lost, or only on TOC entries): line
    widths, sentence ends and markers decide."""
    if _is_heading_block(block):
        return rules.JOIN_WRAPPED_HEADING if _heading_goes_on(prev, line, layout) else None
    mid_sentence = _mid_sentence(prev) and not _closes_remark(prev, block)
    opens = bool(LINE_OPENER.match(line.text)) and not _cut_reference(prev, line, layout)
    if line.indented and _LABEL.match(line.text):
        return None  # an indented field of its own (``传真：…``, ``邮政编码：330036`` under a line however full)
    if line.indented and mid_sentence and not opens:
        return rules.JOIN_INDENTED_CONTINUATION
    marker_goes_on = layout.hard_wrapped and mid_sentence and _wide(prev, layout) and _CN_LIST_MARKER.match(line.text)
    if opens and not marker_goes_on:
        return None
    if layout.hard_wrapped:
        goes_on = _hard_wrap_goes_on(prev, line, block, layout)
        if goes_on and prev.page != line.page:
            return rules.JOIN_ACROSS_PAGE
        return rules.JOIN_WRAPPED_LINE if goes_on else None
    if prev.text.endswith(_CLOSING) or _ENDS_WITH_NUMBER_CELL.search(prev.text) or _LABEL.match(line.text):
        return None
    if marker_kind(block.text) is not None and "。" not in block.text:
        return None  # a numbered heading (一、, （一）, 1.) stands on its line
    if _field_gap(prev.text, _cited_open(block.text, prev.text)):
        return None  # an entry of a list (name　post), not a broken sentence
    broken_in_chinese = bool(ENDS_MID_SENTENCE.search(prev.text))
    return rules.JOIN_BROKEN_SENTENCE if broken_in_chinese and _wide(prev, layout) else None


def _field_gap(text: str, cited: bool = False) -> bool:
    """Whether a line parts fields by an ideographic space (``王　湛　江苏省原副省长``),
    not inside a cited title, where one parts joint issuers' names
    (``贯彻落实《住房城乡建设部　中国人民银行　金融监管总局关于…``, its ``》``
    maybe on a later line; ``cited``: a title cited on a line above is still open).

    >>> _field_gap("王　湛　江苏省原副省长"), _field_gap("贯彻落实《住房城乡建设部　中国人民银行　金融监管总局关于")
    (True, False)
    >>> _field_gap("人民银行　金融监管总局关于优化个人住房贷款", cited=True)
    False
    """
    return "\u3000" in _CITED.sub("", ("《" if cited else "") + text)


def _cited_open(block: str, line: str) -> bool:
    """Whether a title cited in a block's text before its last ``line`` is still open."""
    before = block[: len(block) - len(line)] if block.endswith(line) else block
    return before.count("《") > before.count("》")


#: A cited title, closed or going on to the line's end.
_CITED = regex.compile(r"《[^《》]*(?:》|$)")


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence outside brackets (``…；责任单位：`` inside
    an open ``（`` does not).

    >>> _ends_sentence("加大政策支持。"), _ends_sentence("（牵头责任单位：区经信局；责任单位：")
    (True, False)
    """
    return bool(FINAL.search(text)) and text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def _mid_sentence(line: Line) -> bool:
    """Whether a line stops in the middle of a sentence: it ends neither a
    sentence nor a remark in brackets standing on its own line."""
    return not _ends_sentence(line.text) and not _REMARK.match(line.text)


def _closes_remark(prev: Line, block: Block) -> bool:
    """Whether a line closes a remark in brackets that its block opened
    after a sentence's end, on a line above: the block ends there
    (``…市长负责制。（省发展改革委…负责，`` / ``各市、县人民政府负责落实…不再一一列出）``,
    then ``二、…``), where the line alone, its ``（`` above it, seems to stop
    mid-sentence."""
    return prev.text.endswith(_CLOSING) and _ends_sentence(block.text)


def _cut_reference(prev: Line, line: Line, layout: Layout) -> bool:
    """A line opened by ``第五条`` or ``1.5`` under a wide line that stops
    mid-sentence: a reference or a number cut by a wrap (``…过渡政策的规定》``
    / ``第五条第一款…``, ``…月数的`` / ``1.5倍…``), not a clause."""
    return layout.hard_wrapped and _mid_sentence(prev) and _wide(prev, layout) \
        and bool(_CUT_OPENER.match(line.text))


def _geometry_join(prev: Line, line: Line) -> Rule | None:
    """PDF lines: a line goes on in the next when it reaches the right edge
    and the next is neither indented nor centred nor a division marker
    (``（二）``, ``3.``; a marker goes on only a line that stops mid-sentence:
    ``包括`` / ``（一）…``); centred lines in large type (a title over two
    lines, in one type size) join each other, and a line in title type
    joins no line of another size; an indented line goes on a short line that stops
    mid-sentence (a TOC entry's second line). Two lines set apart by more
    than ``MAX_JOIN_GAP`` times their type size (a rule, a signature block
    between them) never join."""
    above, below = prev.geometry, line.geometry
    assert above is not None and below is not None, "both lines were read from a PDF"
    new_page = prev.page != line.page
    if not new_page and below.top - above.bottom > MAX_JOIN_GAP * max(above.size, below.size):
        return None
    if above.centred and below.centred and above.large and below.large and _same_type(above, below):
        return rules.JOIN_TITLE_LINES
    if (above.large or below.large) and not _same_type(above, below):
        return None  # a title's line never goes on in a line of body type
    mid_sentence = not FINAL.search(prev.text)
    opener = LINE_OPENER.match(line.text)
    if below.indented and not above.full and mid_sentence and not opener:
        return rules.JOIN_INDENTED_CONTINUATION
    if below.indented or below.centred or above.centred or not above.full:
        return None
    if opener and not (mid_sentence and _CN_LIST_MARKER.match(line.text)):
        return None
    return rules.JOIN_ACROSS_PAGE if new_page else rules.JOIN_WRAPPED_LINE


def _same_type(above: Geometry, below: Geometry) -> bool:
    """Lines of one title share their type size (a cover's title in 36 pt
    and the line in 18 pt under it are two blocks); read by OCR, sizes vary
    a little."""
    return max(above.size, below.size) <= TITLE_SIZE_SPREAD * min(above.size, below.size)


def _wrapped_item(line: Line, layout: Layout) -> bool:
    """A line that looks like a heading (``三、拟取得落户资格人员名单自…在市``)
    but fills a hard-wrapped column (as a paragraph's first line does, a
    little short of it) and stops mid-sentence: an item that goes on."""
    return (layout.hard_wrapped and bool(HEADING_LINE.match(line.text)) and not FINAL.search(line.text)
            and _spread_width(line, layout) >= layout.column_width - FIRST_LINE_SPAN)


def _wide(line: Line, layout: Layout) -> bool:
    """Wide enough that stopping mid-sentence means a line break, not an end."""
    if layout.hard_wrapped:
        return _spread_width(line, layout) >= MID_SENTENCE_SHARE * layout.column_width
    return len(line.text) >= WEB_MIN_BROKEN


def _spread_width(line: Line, layout: Layout) -> float:
    """The room a line took on the page: the wider of its measures, the
    spaces the layer put around its numbers (``自 ２０２１ 年``) counted or not."""
    return max(printed_width(line, layout), line.width or 0.0)


def _is_heading_block(block: Block) -> bool:
    """A block opened by ``一、`` or ``第X章`` with no sentence in it."""
    text = block.text
    return bool(CN_HEADING_START.match(text)) and not _CLAUSE_PUNCT.search(text)


def _heading_goes_on(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether a wide line opened by ``一、`` goes on in the next line.

    A heading wraps onto a short line that is no sentence (``十二、…较好的县`` /
    ``（市、区）``); a wide line of a run-in item stops mid-phrase and goes on
    (``一、原则同意…（以`` / ``下简称规划）。``). A wide heading that ends in a
    closing bracket is complete, and so is one over a paragraph's first line
    (two cells short of the column, going on: a layer that lost its indents).
    """
    if LINE_OPENER.match(line.text) or not _wide(prev, layout):
        return False
    short = len(line.text) <= 0.5 * layout.column_width
    if (short and not FINAL.search(line.text)) or _open_phrase(prev.text):
        return True
    return not prev.text.endswith(_CLOSING) and not _opens_paragraph(line, layout)


def _open_phrase(text: str) -> bool:
    """A line that stops inside a phrase: after a comma or an enumeration
    comma, or inside a bracket it opened (``…的县（市、``)."""
    return text.endswith(("，", "、", "（", "《", "“")) or bracket_depth(text) > 0


def _opens_paragraph(line: Line, layout: Layout) -> bool:
    """A line as wide as a paragraph's first line in a layer that lost its
    indents (two cells short of the column), that goes on: no wrapped line
    ends there mid-sentence (it would be full)."""
    width = _spread_width(line, layout)
    first_line = layout.column_width - FIRST_LINE_SPAN <= width <= layout.column_width - FULL_TOLERANCE
    return layout.hard_wrapped and first_line and not FINAL.search(line.text)


#: Opening marks: a line ending in one goes on in the next.
_OPENED = ("“", "《", "（", "(", "〔", "［", "‘")
#: The sentence that ends a 公文's opening paragraph and leads to its items
#: (``现就有关事项通知如下：``, ``经省政府同意，现函复如下：``, ``现将安置任务下达给你们…``):
#: under a full line that ended a sentence, it is that paragraph's last line.
_TRANSITION = regex.compile(r"如下[：:。]$|^现(?:将|就|通知|批复|函复|结合)")
#: A time's hour and colon ending a line, its minutes opening the next.
_HOUR = regex.compile(r"(?<!\d)\d{1,2}[：:]$")
_MINUTES = regex.compile(r"^\d{2}(?!\d)")


def _hard_wrap_goes_on(prev: Line, line: Line, block: Block, layout: Layout) -> bool:
    """A line that stops mid-sentence goes on unless it is clearly short
    (an entry of a list, ``王晓晖　中央宣传部副部长``, only where the next
    line's first character would not have fitted on it; not a line inside
    a title cited on a line above, ``人民银行　金融监管总局关于…``); one that ends a
    sentence goes on only when it is full and the next line does not look
    indented, or is a remark in brackets (``…融资渠道。`` / ``（牵头责任单位：区财政局）``:
    the text flowed on, a remark of its own would start a line), or the
    sentence leading to the items (``…收悉。`` / ``经省政府同意，现函复如下：``). One that
    ends in an opening mark, or in a time's hour over its minutes, always
    goes on."""
    first = len(block.segments) == 1
    if prev.text.endswith(_OPENED):
        return True  # a mark opened for a word too long to follow it on the line (``编号为“`` / ``DGSZ…-052”。``)
    if _HOUR.search(prev.text) and _MINUTES.match(line.text):
        return True  # a time cut at its colon (``下午13:00-16：`` / ``00。``), no sentence's end
    ended = _ends_sentence(block.text)  # a remark may close on this line what an earlier one opened
    if not ended and is_list_entry(prev.text) and not _cited_open(block.text, prev.text):
        room = layout.column_width - (FIRST_LINE_SHORT if first else 0)
        return _spread_width(prev, layout) + visual_width(line.text[:1]) > room
    if not ended:
        return _wide(prev, layout)
    width = printed_width(prev, layout)
    full = layout.column_width - (FIRST_LINE_SHORT if first else 0) - FULL_TOLERANCE
    if width < full:
        return False
    if prev.text.endswith(("；", "，")) or _REMARK.match(line.text) or _TRANSITION.search(line.text):
        return True
    indent_short = layout.column_width - FIRST_LINE_SHORT + 0.5
    return printed_width(line, layout) > indent_short


def _joiner(before: str, after: str) -> str:
    """A space between two Latin words, nothing between Chinese ones."""
    if _LATIN_WORD_END.search(before) and _LATIN_WORD_START.match(after):
        return " "
    return ""


def _join_repair(rule: Rule, before: str, line: Line, joiner: str) -> Repair:
    tail, head = before[-8:], line.text[:8]
    return Repair(
        rule.name, line.page, line.no, len(before), f"{tail}\n{head}", f"{tail}{joiner}{head}", op="join"
    )
