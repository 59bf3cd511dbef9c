"""Page furniture and page boundaries.

A gazette text layer interleaves the text with what the page carries:
typesetter garbage (``书书书``), page numbers (``—８１—``), running heads
(``浙江省人民政府公报 ２０１９ 年第 ２ 期``), TOC leader dots (``CCCC``) and a
single leading space where a new page begins. This pass finds them, marks
furniture lines (they are dropped from the text but kept in the model and the
repair log), tells each line which page it is on, and reads the printed page
numbers, so that later passes can place ``pb`` milestones.

Running heads are found as lines that repeat right after page numbers, not
by a hard-coded string; a profile may add patterns.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from . import rules
from .layout import MAX_PARAGRAPH_INDENT
from .model import Line, Page, Repair, ocr_note
from .patterns import (
    CAPTION,
    GAP,
    ISSUE_NUMBER,
    LEADER_DOTS,
    MONTH_LINE,
    OCR_LEADER_DOTS,
    ends_in_type,
    glyph_width,
    is_date,
    standalone,
    visual_width,
)
from .patterns import DIGIT as DIGITS

if TYPE_CHECKING:  # the PDF reader's furniture uses this module, and profiles hold the PDF settings
    from .profile import Profile

DASH = "[—－–\\-~～]"
#: The styles a page number is printed in (the number in group ``n``).
_MARK = rf"""(?:
        {DASH}{{1,2}}\s*(?P<n>{DIGITS}{{1,4}})\s*{DASH}{{1,2}}        # —8—, — 8 —, －8－, -8-
      | [一—－]\s*(?P<n>{DIGITS}{{1,4}})\s*[一—－]                  # 一8一, —8一: —8— read by OCR
      | 第\s*(?P<n>{DIGITS}{{1,4}})\s*页(?:\s*[/，,]?\s*共\s*{DIGITS}{{1,4}}\s*页)?   # 第8页, 第8页 共20页
      | [·•]\s*(?P<n>{DIGITS}{{1,4}})\s*[·•.．]                       # ·8·, ·47 .
      | (?P<n>{DIGITS}{{1,4}})\s*/\s*{DIGITS}{{1,4}}                   # 8/20
    )"""
#: A page number on a line of its own.
_PAGE_NUMBER = regex.compile(rf"^\s*{_MARK}\s*$", regex.VERBOSE)
#: A page number and a running head on one line, in either order (``head``: the head).
_HEADED_NUMBER = regex.compile(rf"^\s*(?:{_MARK}{GAP}+(?P<head>\S.*?)|(?P<head>\S.*?){GAP}+{_MARK})\s*$",
                               regex.VERBOSE)
_GARBAGE = regex.compile(r"^\s*(\p{Han})\1{2,}\s*$")


def is_garbage(text: str) -> bool:
    """A line of one character repeated, left by the typesetter (``书书书``).

    >>> is_garbage("书书书"), is_garbage("谢谢")
    (True, False)
    """
    return bool(_GARBAGE.match(text))
_PAGE_START = regex.compile(r"^(?: |\f+ ?)(?=[^ \t])")
_INDENT = regex.compile(rf"^{GAP}+")
_PUNCTUATION = regex.compile("[。；，！？：:]")
_NAMING = regex.compile(r"\p{Han}{4}")
_WHITESPACE = regex.compile(r"\s+")


def page_number_of(text: str) -> int | None:
    """The printed page number if the line is a page number.

    >>> page_number_of("—８１—"), page_number_of("— 5 —"), page_number_of("———建设")
    (81, 5, None)
    >>> page_number_of("第 ３ 页"), page_number_of("3/12"), page_number_of("－１２－"), page_number_of("2023")
    (3, 3, 12, None)
    >>> page_number_of("一 12一")  # the dashes read by OCR as 一
    12
    >>> page_number_of("·47 .")
    47
    """
    match = _PAGE_NUMBER.match(text)
    return int(match["n"].translate(_FULLWIDTH_DIGITS)) if match else None


def printed_number(text: str) -> int | None:
    """The page number of a page-number line, alone or beside a running head.

    >>> printed_number("国务院公报　２０１９年第５号　—３—"), printed_number("·12· 政府公报")
    (3, 12)
    """
    match = _PAGE_NUMBER.match(text) or _HEADED_NUMBER.match(text)
    return int(match["n"].translate(_FULLWIDTH_DIGITS)) if match else None


def head_beside_number(text: str) -> str | None:
    """The running head of a line that prints it beside the page number.

    >>> head_beside_number("—３—　某某市政府公报"), head_beside_number("比例为 1/3")
    ('某某市政府公报', '比例为')
    """
    match = _HEADED_NUMBER.match(text)
    return match["head"] if match else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def find_furniture(lines: list[Line], profile: Profile, page_marks: bool = True) -> list[Page]:
    """Mark furniture and page starts on ``lines`` and number their pages.

    Returns the pages found, with printed numbers where the text layer
    gives them (read from page-number lines, reconciled along the sequence).
    A text layer marks a page start with a space (``page_marks``); lines
    from a Word document keep the page starts and the furniture (headers,
    footers) their reader found.
    """
    for line in lines:
        if page_marks:
            line.page_start = bool(_PAGE_START.match(line.text))
        if line.furniture is not None:
            continue
        if is_garbage(line.text):
            line.furniture = rules.TYPESETTER_GARBAGE.name
        elif page_number_of(line.text) is not None:
            line.furniture = rules.PAGE_NUMBER.name
    _mark_heads_beside_numbers(lines, profile)
    heads = _running_heads(lines, profile)
    for line in lines:
        if line.furniture is None and _matches_head(line.text, heads):
            line.furniture = rules.RUNNING_HEAD.name
    _assign_pages(lines)
    return number_pages(lines)


def _normalized(text: str) -> str:
    return _WHITESPACE.sub("", text)


#: A running head naming a publication and its issue: ``××省人民政府公报2023年第5期``
#: (white space removed, digits folded), maybe with the cumulative number, or
#: naming the publication alone.
_PUBLICATION_ISSUE = regex.compile(r"^[^\d。，；：、]{2,30}?\d{4}年第\d{1,3}[期号](?:[（(]总第\d{1,5}[期号][）)])?$")
#: …or naming the publication alone (``某某市政府公报``), beside a page number:
#: first in the text, that is the masthead of an issue.
_PUBLICATION = regex.compile(r"^[^\d。，；：、]{2,30}(?:公报|政报)$")


#: The furniture a page ends after (printed at the foot) or begins at (at the head).
_NUMBERED = (rules.PAGE_NUMBER.name, rules.HEAD_WITH_PAGE_NUMBER.name)


def _mark_heads_beside_numbers(lines: list[Line], profile: Profile) -> None:
    """Mark lines that print a running head beside the page number: the head
    names a publication (and its issue), or repeats on such lines."""
    found = {index: _normalized(head) for index, line in enumerate(lines)
             if line.furniture is None and (head := head_beside_number(line.text))}
    repeats = Counter(found.values())
    for index, head in found.items():
        named = _PUBLICATION.match(head) or _PUBLICATION_ISSUE.match(head.translate(_FULLWIDTH_DIGITS))
        if (named or repeats[head] >= profile.running_head_min_repeats) and _head_like(head):
            lines[index].furniture = rules.HEAD_WITH_PAGE_NUMBER.name


def _head_like(text: str) -> bool:
    """A running head is short, holds no sentence nor label (``责任单位：…``,
    repeated under items, is text) and names something (a table's sub-heads
    ``X Y X Y`` do not)."""
    return len(text) <= 40 and not _PUNCTUATION.search(text) and bool(_NAMING.search(text))


def _next_text(lines: list[Line], index: int) -> str:
    """The text of the first content line after ``index`` ("" if none),
    read from there on (not a copy of the rest: this runs beside every
    page number).

    >>> _next_text([Line(1, "自然资源部办公厅"), Line(2, "—2—", furniture="page_number"), Line(3, "2021年8月6日")], 0)
    '2021年8月6日'
    """
    return next((lines[at].text for at in range(index + 1, len(lines)) if lines[at].furniture is None), "")


def _previous_text(lines: list[Line], index: int) -> str:
    """The text of the last content line before ``index`` ("" if none).

    >>> _previous_text([Line(1, "理（职员）岗位"), Line(2, "—2—", furniture="page_number"), Line(3, "等级对应表")], 2)
    '理（职员）岗位'
    """
    return next((lines[at].text for at in range(index - 1, -1, -1) if lines[at].furniture is None), "")


def _running_heads(lines: list[Line], profile: Profile) -> list[regex.Pattern]:
    """Lines printed next to a page number, or first in the text, that
    repeat there on one side of it (a head keeps its place: the title above
    one page's number and the signature below another's are no head), and
    are found there at least as often as anywhere else (a table's header
    printed at each of its tables is no head) and never over a date, with
    its day or without (the signature at the top of the last page, the
    same name as the title's first line: ``自然资源部办公厅``, ``北京市中医管理局``
    over ``2021年3月``); or name a publication and its issue (then found
    even once)."""
    sides = [{index + step for index, line in enumerate(lines) if line.furniture in _NUMBERED} for step in (-1, 1)]
    before, after = (Counter(_normalized(lines[index].text) for index in sorted(side | {0})
                             if 0 <= index < len(lines) and lines[index].furniture is None
                             and not standalone(lines[index].text.strip())) for side in sides)
    counts = before | after
    beside = sides[0] | sides[1]
    everywhere = Counter(_normalized(line.text) for line in lines if _normalized(line.text) in counts)
    named = {_normalized(lines[index].text) for index in beside | _first_head(lines) if 0 <= index < len(lines)
             and _PUBLICATION.match(_normalized(lines[index].text))}
    signing = {_normalized(lines[index].text) for index in beside | {0} if 0 <= index < len(lines)
               and _signs(_normalized(_next_text(lines, index)))}
    titling = _titling(lines, beside | {0}, profile)
    found = [
        regex.compile(regex.escape(text))
        for text, n in counts.items()
        if ((n >= profile.running_head_min_repeats and 2 * n >= everywhere[text] and text not in signing | titling)
            or text in named or _PUBLICATION_ISSUE.match(text.translate(_FULLWIDTH_DIGITS)))
        and _head_like(text)
    ]
    return found + [regex.compile(p) for p in profile.running_heads]


def _titling(lines: list[Line], places: set[int], profile: Profile) -> set[str]:
    """The lines that, at each of ``places`` they are found at, open a title
    or a table's caption wrapped onto the next line, or close one wrapped
    from the line above: a title's first line and an attachment's caption
    that begin alike (``宁波国家高新区梅墟街道办事处公开招聘`` over
    ``社会服务管理综治工作人员公告`` and, atop a later page, over
    ``社会服务管理综治工作人员报名表``), or the captions of attachments that
    end alike (``理（职员）岗位`` over ``等级对应表`` atop one page,
    ``…教师专业技术岗位`` over it atop the next).

    >>> from gazette.normalize.profile import default_profile
    >>> head = "某某街道办事处公开招聘"
    >>> lines = [Line(1, head), Line(2, "工作人员公告"), Line(3, "—2—"), Line(4, head), Line(5, "工作人员报名表"),
    ...          Line(6, head), Line(7, "一、招聘条件")]
    >>> _titling(lines[:5], {0, 3}, default_profile()), _titling(lines, {0, 3, 5}, default_profile())
    ({'某某街道办事处公开招聘'}, set())
    """
    opens: dict[str, bool] = {}
    for index in sorted(place for place in places if 0 <= place < len(lines) and lines[place].furniture is None):
        text = _normalized(lines[index].text)
        above = _normalized(_previous_text(lines, index))
        closes = bool(above) and not _PUNCTUATED.search(above) and _titled(above + text, profile)
        opens[text] = opens.get(text, True) and (_titled(text + _normalized(_next_text(lines, index)), profile)
                                                 or closes)
    return {text for text, titled in opens.items() if titled}


def _titled(text: str, profile: Profile) -> bool:
    """Whether a title or a table's caption ends ``text``."""
    return ends_in_type(text, profile) or bool(CAPTION.match(text))


#: What a title's pieces hold none of.
_PUNCTUATED = regex.compile("[。，；：！？]")


def _signs(text: str) -> bool:
    """Whether a line is a signature's date, with its day or without (``2021年3月``).

    >>> _signs("2021年3月"), _signs("2021年3月5日"), _signs("政府采购意向")
    (True, True, False)
    """
    return is_date(text) or bool(MONTH_LINE.match(text))


#: The masthead of an issue gives the issue's number within this many lines of its name.
_MASTHEAD_LINES = 4


def _first_head(lines: list[Line]) -> set[int]:
    """The first line, where it may be a running head printed once: no
    issue's number follows it (that would make it an issue's masthead).

    >>> _first_head([Line(1, "政府公报"), Line(2, "关于调整住房公积金有关业务政策的通知")])
    {0}
    >>> _first_head([Line(1, "浙江省人民政府公报"), Line(2, "２０２２年第１９期")])
    set()
    """
    following = "".join(line.text for line in lines[1 : 1 + _MASTHEAD_LINES]).translate(_FULLWIDTH_DIGITS)
    return set() if ISSUE_NUMBER.search(_normalized(following)) else {0}


def _matches_head(text: str, heads: list[regex.Pattern]) -> bool:
    if not heads:
        return False
    normalized = _normalized(text)
    return any(head.fullmatch(normalized) for head in heads)


def _assign_pages(lines: list[Line]) -> None:
    """Give each line its page: a page ends after its page number (printed at
    the foot) or begins at it (printed at the head, as the text's first
    line shows), and begins at a running head or a page-start mark."""
    at_head = _numbers_at_head(lines)
    page, used, pending = 1, False, False
    for line in lines:
        number = line.furniture in _NUMBERED
        starts = line.page_start or line.furniture == rules.RUNNING_HEAD.name or (number and at_head)
        if (pending or starts) and used:
            page, used = page + 1, False
        pending = number and not at_head
        line.page = page
        used = used or line.furniture is None


def _numbers_at_head(lines: list[Line]) -> bool:
    """Whether page numbers are printed at the head of the page: the first
    one comes before any text (running heads and garbage aside)."""
    for line in lines:
        if line.furniture in _NUMBERED:
            return True
        if line.furniture is None:
            return False
    return False


def number_pages(lines: list[Line], value: Callable[[str], int | None] | None = None) -> list[Page]:
    """The pages of lines whose ``page`` is set, printed numbers from their
    page-number lines (read by ``value``, ``printed_number`` by default)."""
    value = value or printed_number
    count = lines[-1].page if lines else 1
    pages = [Page(seq=seq) for seq in range(1, count + 1)]
    anchors = [
        (line.page, number)
        for line in lines
        if line.furniture in _NUMBERED and (number := value(line.text)) is not None
    ]
    fill_page_numbers(pages, _repair_broken_numbers(anchors, pages))
    return pages


def _repair_broken_numbers(
    anchors: list[tuple[int, int]], pages: list[Page]
) -> list[tuple[int, int]]:
    """Read an OCR-broken number (``—０５—`` after ``—９４—``) as the expected one.

    The repaired page is marked ``printed_certain=False``.
    """
    repaired = list(anchors[:1])
    for seq, printed in anchors[1:]:
        prev_seq, prev_printed = repaired[-1]
        expected = prev_printed + seq - prev_seq
        digits = str(printed).lstrip("0") or "0"
        if printed < expected and str(expected).endswith(digits):
            printed = expected
            pages[seq - 1].printed_certain = False
        repaired.append((seq, printed))
    return repaired


def fill_page_numbers(pages: list[Page], anchors: list[tuple[int, int]]) -> None:
    """Give pages printed numbers from anchors ``(seq, printed)``, where consistent.

    Anchors set the numbers of pages that have none (a page's own printed
    number wins). Between two numbered pages whose difference matches the page
    count, the pages are filled in; where pages are missing from the text
    layer (the difference does not match), numbers stay unknown rather than
    guessed. Before the first and after the last numbered page, numbers are
    counted on.

    >>> pages = [Page(seq) for seq in range(1, 6)]
    >>> fill_page_numbers(pages, [(2, 4)])
    >>> [p.printed for p in pages]
    [3, 4, 5, 6, 7]
    """
    for seq, printed in anchors:
        if pages[seq - 1].printed is None:
            pages[seq - 1].printed = printed
    known = [(page.seq, page.printed) for page in pages if page.printed is not None]
    if not known:
        return
    first_seq, first_printed = known[0]
    for seq in range(max(1, first_seq - first_printed + 1), first_seq):
        pages[seq - 1].printed = first_printed - (first_seq - seq)
    for (a_seq, a_no), (b_seq, b_no) in itertools.pairwise(known):
        if b_no - a_no == b_seq - a_seq:
            for seq in range(a_seq + 1, b_seq):
                pages[seq - 1].printed = a_no + seq - a_seq
    last_seq, last_printed = known[-1]
    for seq in range(last_seq + 1, len(pages) + 1):
        pages[seq - 1].printed = last_printed + seq - last_seq


def strip_layout(lines: list[Line]) -> list[Repair]:
    """Remove page-start markers, indents and leader dots from content lines.

    Returns the repairs; furniture lines get a ``drop`` repair each.

    >>> from gazette.normalize.profile import default_profile
    >>> ls = [Line(1, "目录"), Line(2, "　 （浙政发〔２０２２〕２０ 号） （３）CCCCCCCC")]
    >>> _ = find_furniture(ls, default_profile())
    >>> [(r.rule, r.before) for r in strip_layout(ls)]
    [('strip_indent', '\\u3000 '), ('leader_dots', 'CCCCCCCC')]
    """
    repairs = []
    for line in lines:
        if line.furniture:
            repairs.append(Repair(line.furniture, line.page, line.no, 0, line.text, "", op="drop"))
            continue
        repairs.extend(_strip_line(line))
    return repairs


def _strip_line(line: Line) -> list[Repair]:
    """The page-start marker, indent and leader dots of one line. A PDF
    table row's text is its cells joined by tabs: a leading tab there is an
    empty first cell, not an indent, and is kept; so are the leading tabs
    of a text layer's line whose cells tabs part (``_empty_cells``)."""
    repairs: list[Repair] = []
    if line.grid is not None or _empty_cells(line.text):
        line.width = glyph_width(line.text)
        return repairs
    marker = _PAGE_START.match(line.text) if line.page_start else None
    if marker:
        repairs.append(Repair(rules.PAGE_START_MARKER.name, line.page, line.no, 0, marker[0], ""))
        line.text = line.text[marker.end():]
    repairs.extend(_strip_indent(line))
    repairs.extend(_strip_leader_dots(line))
    line.width = glyph_width(line.text)
    return repairs


def _strip_indent(line: Line) -> list[Repair]:
    """The white space a line starts with, taken off as its indent."""
    indent = _INDENT.match(line.text)
    if not indent:
        return []
    line.indent = visual_width(indent[0])
    line.indented = line.indent <= MAX_PARAGRAPH_INDENT
    line.text = line.text[indent.end():]
    return [Repair(rules.STRIP_INDENT.name, line.page, line.no, 0, indent[0], "")]


def strip_kept_tabs(lines: list[Line]) -> list[Repair]:
    """The tabs kept at the start of a line that parts its cells by tabs
    (``_empty_cells``), taken off as an indent where no table holds the
    line: they were no empty cells (a form's label, ``\\t经营管理人员数　研究生及以上学历``,
    in no table).

    >>> line = Line(1, "\\t经营管理人员数\\t研究生及以上学历")
    >>> [(r.rule, r.before) for r in strip_kept_tabs([line])], line.text, line.indented
    ([('strip_indent', '\\t')], '经营管理人员数\\t研究生及以上学历', True)
    """
    repairs: list[Repair] = []
    for line in lines:
        if line.table is None and line.grid is None and _empty_cells(line.text):
            repairs.extend(_strip_indent(line))
            line.width = glyph_width(line.text)
    return repairs


#: A row of a layer that parts cells by tabs, opened by empty cells: tabs, then cells parted by tabs.
_TABBED_ROW = regex.compile(r"^\t+[^\t\s][^\t]*\t")


def _empty_cells(text: str) -> bool:
    """Whether a line opens with empty cells, not an indent: tabs only
    before its text, and a tab parting its cells after it (a Word table
    copied as text, ``\\t其他国有土地使用权出让收入安排的支出\\t500\\t0\\t\\t-500``
    under ``序号\\t项目\\t…``; its 序号 is empty).

    >>> _empty_cells("\\t其他国有土地使用权出让收入安排的支出\\t500\\t0\\t\\t-500")
    True
    >>> _empty_cells("\\t为贯彻落实…，现通知如下：")
    False
    """
    return bool(_TABBED_ROW.match(text))


def _strip_leader_dots(line: Line) -> list[Repair]:
    """A TOC entry's leader dots, or on a line read by OCR what is left of
    them (``ocr_leader_dots``, a guess); the line then ends a TOC entry."""
    if line.ocr_confidence is not None and (dots := OCR_LEADER_DOTS.search(line.text)):
        rule, note = rules.OCR_LEADER_DOTS, ocr_note(line)
    elif dots := LEADER_DOTS.search(line.text):
        rule, note = rules.LEADER_DOTS, ""
    else:
        return []
    line.ends_entry = True
    line.text = line.text[: dots.start()] + line.text[dots.end():]
    return [Repair(rule.name, line.page, line.no, dots.start(), dots[0], "", rule.certain, note=note)]
