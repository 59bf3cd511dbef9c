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
line, and titles wrapped over several short lines are joined.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import rules
from .model import Block, Geometry, Line, Repair, Segment
from .patterns import (
    CN_HEADING_START,
    CN_NUMERAL,
    DATE_IN_TEXT,
    DATE_LINE,
    DOC_NUMBER,
    MARKER_PATTERNS,
    PRINT_LINE,
    visual_width,
)
from .profile import Profile
from .rules import Rule
from .tables.model import Table

#: Punctuation that ends a paragraph, possibly followed by closing quotes and
#: a bracketed remark: ``…给予优先支持。（省经信厅组织实施）``.
_FINAL = regex.compile(r"[。！？；：…][”’）」』》]*(?:[（(][^（）()]*[）)])?$")
#: What opens a line of its own: a division marker (``1.`` here also opens a
#: standard's clause number ``6.1``), or a part's label.
_MARKER = regex.compile(
    "^(?:" + "|".join(p for k, p in MARKER_PATTERNS.items() if k != "arabic")
    + rf"|\d{{1,2}}[.、．]|第[{CN_NUMERAL}\d]+(?:部分|篇)|[①-⑳]|——|专栏|附件|附表|抄送|注[：:])"
)
#: ``一、`` may also be the end of a word cut by a wrap: 提供统 / 一、安全.
_CN_LIST_MARKER = regex.compile(f"^{MARKER_PATTERNS['cn']}")
_HEADING = regex.compile(
    rf"^(?:[{CN_NUMERAL}]+、|第[{CN_NUMERAL}\d]+[章节部分篇])[^。；，]{{1,30}}$|^专栏\s*\d*.{{0,30}}$"
)
_CLAUSE_PUNCT = regex.compile("[。，；]")
_SIGNATURE_EXCLUDED = regex.compile("[，。；：、《》“”]")
_BRACKETED = regex.compile(r"^(?:[（(].*[）)]|【.*】)$")
_CLOSES_FIRST = regex.compile(r"^[^（(]*[）)]")
_LATIN_WORD_END = regex.compile(r"[A-Za-z]$")
_LATIN_WORD_START = regex.compile(r"^[A-Za-z]")

#: In web texts a paragraph may end with a closing bracket: ``（省科技厅公布）``.
_CLOSING = ("）", "】", "」", "』", "〕", ")")
#: A table row on one line ends with a number cell: ``科技创新 24 7090 3357 6 2``.
_ENDS_WITH_NUMBER_CELL = regex.compile(r"\s[\d.%]+$")
#: A web text breaks inside a Chinese sentence: after a Han character or a comma.
_ENDS_IN_CHINESE = regex.compile(r"[\p{Han}，、“《（]$")
#: A field label starts a line of its own in web texts: ``国内统一刊号：``.
_LABEL = regex.compile(r"^\p{Han}{2,8}：")
#: Fewer long lines than this are no evidence of hard wrapping.
MIN_LINES_FOR_LAYOUT = 5
#: Tolerance, in characters, when judging whether a line is full.
FULL_TOLERANCE = 1.5
#: A line stopping mid-sentence at this share of the column goes on.
MID_SENTENCE_SHARE = 0.8
#: A web-text line shorter than this is never a sentence broken mid-way.
WEB_MIN_BROKEN = 15


def is_date(text: str) -> bool:
    """True for a date standing on its own line.

    >>> is_date("2022年7月30日"), is_date("二〇二二年七月三十日"), is_date("2022年7月")
    (True, True, False)
    """
    return bool(DATE_LINE.match(text))


@dataclass
class Layout:
    """What reflow measured about a text layer."""

    hard_wrapped: bool
    column_width: float


def measure_layout(lines: list[Line], profile: Profile) -> Layout:
    """Decide whether lines are hard-wrapped and at which column width.

    The column width is the most common width among longer lines; a text
    is hard-wrapped when many of its long lines are about that wide and
    (nearly) none is wider, as a web text's paragraph lines are.
    """
    widths = [round(visual_width(line.text)) for line in lines]
    long = [w for w in widths if w >= 10]
    if not long:
        return Layout(False, 0)
    mode = profile.column_width or Counter(long).most_common(1)[0][0]
    near = sum(1 for w in long if mode - 4 <= w <= mode + 2)
    p95 = sorted(long)[int(0.95 * (len(long) - 1))]
    evidence = len(long) >= MIN_LINES_FOR_LAYOUT or profile.column_width
    wrapped = near / len(long) >= 0.3 and p95 <= mode + 3 and mode <= 60
    return Layout(bool(evidence) and wrapped, float(mode))


def reflow(lines: list[Line], profile: Profile, tables: dict[int, Table] | None = None,
           ) -> tuple[list[Block], list[Repair]]:
    """Group content and furniture lines into blocks in reading order.

    Lines of a table (``Line.table``) become one ``table`` block, holding the
    grid from ``tables`` (region number → ``Table``), where the table starts.
    """
    content = [line for line in lines if not line.furniture and line.table is None]
    layout = measure_layout(content, profile)
    roles = _title_runs(content, layout, profile) | _signatures(content, layout, profile)
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
        rule = _join_rule(previous, line, current, layout, roles) if previous and current else None
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


def _add_table_line(blocks: list[Block], line: Line, table: Table | None) -> None:
    """Open the table's block at its first line; later lines only add their segment."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != "table" or last.table is not table:
        blocks.append(Block("table", [], table=table))
    blocks[-1].segments.append(_segment(line))


def _segment(line: Line) -> Segment:
    return Segment(line.no, line.page, line.text)


def _kind(line: Line, roles: dict[int, str]) -> str:
    if line.no in roles:
        return roles[line.no]
    if is_date(line.text):
        return "date"
    if _HEADING.match(line.text):
        return "heading"
    return "paragraph"


def _join_rule(prev: Line, line: Line, block: Block, layout: Layout, roles: dict[int, str]) -> Rule | None:
    """The rule by which ``line`` continues ``prev``'s block, or None."""
    if prev.joins_next:
        return rules.JOIN_STACKED_CHARACTERS
    if roles.get(prev.no) == "title" and roles.get(line.no) == "title":
        return rules.JOIN_TITLE_LINES
    if prev.no in roles or line.no in roles or prev.ends_entry:
        return None
    if _standalone(prev) or _standalone(line):
        return None
    if prev.geometry is not None and line.geometry is not None:
        return _geometry_join(prev.geometry, line.geometry, prev.text, prev.page != line.page)
    if _is_heading_block(block):
        return rules.JOIN_WRAPPED_HEADING if _heading_goes_on(prev, line, layout) else None
    mid_sentence = not _FINAL.search(prev.text)
    if line.indented and mid_sentence:
        return rules.JOIN_INDENTED_CONTINUATION
    if _MARKER.match(line.text) and not (
        layout.hard_wrapped and mid_sentence and _wide(prev, layout) and _CN_LIST_MARKER.match(line.text)
    ):
        return None
    if layout.hard_wrapped:
        goes_on = _hard_wrap_goes_on(prev, line, block, layout)
        if goes_on and prev.page != line.page:
            return rules.JOIN_ACROSS_PAGE
        return rules.JOIN_WRAPPED_LINE if goes_on else None
    if prev.text.endswith(_CLOSING) or _ENDS_WITH_NUMBER_CELL.search(prev.text) or _LABEL.match(line.text):
        return None
    if CN_HEADING_START.match(block.text) and "。" not in block.text:
        return None
    broken_in_chinese = bool(_ENDS_IN_CHINESE.search(prev.text))
    return rules.JOIN_BROKEN_SENTENCE if broken_in_chinese and _wide(prev, layout) else None


def _geometry_join(above: Geometry, below: Geometry, above_text: str, new_page: bool) -> Rule | None:
    """PDF lines: a line goes on in the next when it reaches the right edge
    and the next is neither indented nor centred; centred lines in large
    type (a title over two lines) join each other; an indented line goes on
    a short line that stops mid-sentence (a TOC entry's second line)."""
    if above.centred and below.centred and above.large and below.large:
        return rules.JOIN_TITLE_LINES
    if below.indented and not above.full and not _FINAL.search(above_text):
        return rules.JOIN_INDENTED_CONTINUATION
    if below.indented or below.centred or above.centred or not above.full:
        return None
    return rules.JOIN_ACROSS_PAGE if new_page else rules.JOIN_WRAPPED_LINE


def _wide(line: Line, layout: Layout) -> bool:
    """Wide enough that stopping mid-sentence means a line break, not an end."""
    if layout.hard_wrapped:
        return visual_width(line.text) >= MID_SENTENCE_SHARE * layout.column_width
    return len(line.text) >= WEB_MIN_BROKEN


def _is_heading_block(block: Block) -> bool:
    """A block opened by ``一、`` or ``第X章`` with no sentence in it."""
    text = block.text
    return bool(CN_HEADING_START.match(text)) and not _CLAUSE_PUNCT.search(text)


def _heading_goes_on(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether a wide line opened by ``一、`` goes on in the next line.

    A heading wraps onto a short line that is no sentence (``十二、…较好的县`` /
    ``（市、区）``); a wide line of a run-in item stops mid-phrase and goes on
    (``一、原则同意…（以`` / ``下简称规划）。``). A wide heading that ends in a
    closing bracket is complete.
    """
    if _MARKER.match(line.text) or not _wide(prev, layout):
        return False
    short = len(line.text) <= 0.5 * layout.column_width
    if short and not _FINAL.search(line.text):
        return True
    return not prev.text.endswith(_CLOSING)


def _standalone(line: Line) -> bool:
    return _standalone_text(line.text)


@lru_cache(maxsize=4096)
def _standalone_text(text: str) -> bool:
    """A date, print date, document number or heading: a line of its own."""
    return bool(is_date(text) or PRINT_LINE.match(text) or DOC_NUMBER.fullmatch(text) or _HEADING.match(text))


def _hard_wrap_goes_on(prev: Line, line: Line, block: Block, layout: Layout) -> bool:
    """A line that stops mid-sentence goes on unless it is clearly short;
    one that ends a sentence goes on only when it is full and the next line
    does not look indented."""
    if not _FINAL.search(prev.text):
        return _wide(prev, layout)
    width = visual_width(prev.text)
    first = len(block.segments) == 1
    full = layout.column_width - (2 if first else 0) - FULL_TOLERANCE
    if width < full:
        return False
    if prev.text.endswith(("；", "，")):
        return True
    indent_short = layout.column_width - 2 + 0.5
    return visual_width(line.text) > indent_short


def _title_runs(lines: list[Line], layout: Layout, profile: Profile) -> dict[int, str]:
    """Line numbers of titles wrapped over several short lines.

    A run of two to four short lines without sentence punctuation or list
    markers is a title when it ends in a document type (通知, 意见, 方案…)
    or is followed by a document number; a run followed by a date is a
    signature block, not a title. Web texts do not wrap titles: there a
    title is a single line ending in a document type.
    """
    if not layout.hard_wrapped:
        return {
            line.no: "title"
            for line in lines
            if _title_like(line, 60) and _is_title([line], None, profile)
        }
    limit = 0.85 * layout.column_width
    titles: dict[int, str] = {}
    run: list[Line] = []
    for line in lines + [None]:
        if line is not None and _title_like(line, limit):
            run.append(line)
            continue
        if 2 <= len(run) <= 4 and _is_title(run, line, profile):
            titles.update((item.no, "title") for item in run)
        run = []
    for line, following in itertools.pairwise(lines):
        if _is_single_line_title(line, following, profile):
            titles[line.no] = "title"
    return titles


def _is_single_line_title(line: Line, following: Line, profile: Profile) -> bool:
    """A title on one line, ending in a document type, over an addressee or number."""
    addressee = following.text.endswith("：") and "。" not in following.text
    return (
        (addressee or bool(DOC_NUMBER.fullmatch(following.text)))
        and line.text.endswith(tuple(profile.document_types))
        and not _CLAUSE_PUNCT.search(line.text)
    )


def _signatures(lines: list[Line], layout: Layout, profile: Profile) -> dict[int, str]:
    """Issuer lines right above a date: ``浙江省人民政府`` / ``2021年6月4日``.

    Up to three short lines without punctuation above a date line are the
    signature (joint issuers stand one a line); the line above a print date
    (``2022年12月30日印发``) is the printer.
    """
    limit = 0.6 * layout.column_width if layout.hard_wrapped else 25
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not (is_date(line.text) or PRINT_LINE.match(line.text)):
            continue
        for above in reversed(lines[max(0, index - 3) : index]):
            if not _signature_like(above.text, limit, profile):
                break
            found[above.no] = "signature"
    return found


def _signature_like(text: str, limit: float, profile: Profile) -> bool:
    return (
        visual_width(text) <= limit
        and not _SIGNATURE_EXCLUDED.search(text)
        and not _MARKER.match(text)
        and not text.endswith(tuple(profile.document_types))
    )


def _title_like(line: Line, limit: float) -> bool:
    text = line.text
    return (
        3 <= visual_width(text) < limit
        and not line.indented
        and not DATE_IN_TEXT.search(text)
        and not _FINAL.search(text)
        and not _BRACKETED.match(text)
        and not _CLOSES_FIRST.match(text)
        and "，" not in text
        and not _MARKER.match(text)
        and not _standalone(line)
    )


def _is_title(run: list[Line], after: Line | None, profile: Profile) -> bool:
    if after is not None and (is_date(after.text) or after.indented):
        return False
    text = "".join(line.text for line in run)
    if after is not None and DOC_NUMBER.fullmatch(after.text):
        return True
    return text.endswith(tuple(profile.document_types))


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
