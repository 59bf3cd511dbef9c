"""Which lines are titles and signatures: parts reflow keeps whole.

Read from the text and, where the layer keeps it, the white space lines
start with (``layout.set_off``):

* a **title** is a run of one to five lines without sentence punctuation
  or list markers, each short (or centred), that ends in a document type
  (通知, 意见, 批复, 公告…) or stands right above a document number; a run
  right above a date is a signature, not a title. A web text prints a
  title on one line. The lines a document opens with are its title when
  they end in a document type, whatever follows them, or, above any table,
  when they name no type but no body either and text that is no title's
  follows them (``…2021年政府采购意向`` over its first sentence).
* the **addressee** (主送机关) is the lines from right after the title or
  the document number to the first one ending in ``：``, with no sentence
  in them (``。``, a cited title ``《…》``, ``根据…``, ``…如下：``): it may wrap
  over several lines, and never runs on into the text;
* a **signature** is the run of issuer lines right above a date (or a print
  date): short lines without sentence punctuation, up to three, or up to
  twelve when each names an issuing body (joint issuers one a line) or is set
  to the right; where no such date closes the text, its last line when it
  names one body, over a date without its day (``2021年3月``) or alone.

>>> from gazette.normalize.model import Line
>>> from gazette.normalize.layout import Layout
>>> from gazette.normalize.profile import default_profile
>>> lines = [Line(1, "国务院办公厅关于调整国家"), Line(2, "教材委员会组成人员的通知"), Line(3, "国办发〔2018〕109号"),
...          Line(4, "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："),
...          Line(5, "国务院办公厅"), Line(6, "2018年11月20日")]
>>> line_roles(lines, Layout(True, 38.0), default_profile())
{1: 'title', 2: 'title', 4: 'addressee', 5: 'signature'}
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from .layout import FIRST_LINE_SPAN, MIN_CENTRED_MARGIN, Layout, centred_alone, extent, printed_width, set_off
from .model import Line
from .patterns import (
    ATTACHMENT_HEAD,
    ATTACHMENT_NOTE,
    BODY_END,
    BODY_ENDING,
    BODY_LINE,
    CAPTION,
    CN_DATE,
    DATE_IN_TEXT,
    DIGIT,
    FINAL,
    HAN,
    HEAD_MARK,
    ISSUER_MARK,
    LINE_OPENER,
    MAX_OPENING_MARKS,
    MONTH_LINE,
    ORDER_NUMBER,
    PRINT_LINE,
    QUALIFIER,
    REGISTER_CODE,
    SENTENCE_BEFORE_COLON,
    STANDARD_MASTHEAD,
    TOC_HEAD,
    UNTITLED,
    bracketed_body,
    ends_in_type,
    is_date,
    joint_bodies,
    marker_kind,
    number_line,
    opening_marks,
    standalone,
    visual_width,
    wrapped_body,
)
from .profile import Profile
from .tables.cells import bracket_depth

#: The lines of a cover's title differ in type size by at most this ratio.
COVER_SIZE_SPREAD = 1.1
#: The lines of a title differ in type size by at most this ratio.
TITLE_SIZE_SPREAD = 1.25
#: A title wraps over at most this many lines.
MAX_TITLE_LINES = 8
#: A title line is narrower than this share of the column, and at least
#: this wide (a character alone on its line is stacked, not a title's).
TITLE_SHARE = 0.85
MIN_TITLE_PIECE = 2
#: A web text's title line is at most this wide; the title a web text opens
#: with, on a line of its own, at most this.
WEB_TITLE = 60
MAX_OPENING_WEB_TITLE = 120
#: A title without a document type that opens a document has at least this
#: many Chinese characters.
MIN_UNTYPED_TITLE = 6
#: An addressee wraps over at most this many lines.
MAX_ADDRESSEE_LINES = 6
#: Issuer lines above a date: three at most, twelve when each names a body.
MAX_SIGNATURE_LINES = 3
MAX_ISSUER_LINES = 12
#: A signature line is at most this share of the column (and this many cells).
SIGNATURE_SHARE = 0.6
MIN_SIGNATURE_LIMIT = 24

_CLAUSE_PUNCT = regex.compile("[。，；]")
#: White space between two words of a line.
_SPACED = regex.compile(r"\S\s+\S")
#: A year in a document number's brackets: ``府办专督〔2020〕24``.
_NUMBER_YEAR = regex.compile(r"[〔［\[]\d{4}[〕］\]]")
_HAN = regex.compile(HAN)
#: A sentence that ends in a colon, not a list of bodies: ``根据《…》有关规定，通告如下：``.
_SIGNATURE_EXCLUDED = regex.compile("[，。；：、《》“”]")
_BRACKETED = regex.compile(r"^(?:[（(].*[）)]|【.*】)$")
_CLOSES_FIRST = regex.compile(r"^[^（(]*[）)]")
_BRACKET = regex.compile(r"[（()）]")
_DIGIT = regex.compile(DIGIT)
#: A short quoted name, Chinese or not, its closing quote maybe on the next line: ``“1+3”``, ``“１ + ３``.
_QUOTED = regex.compile(r"^[“‘][^“”‘’，。；]{1,12}[”’]?$")
#: A title's bracket (its qualifier, its date) is at most this long.
MAX_BRACKET_REST = 12
#: The name of an issuing body (a seal note may follow).
_BODY = regex.compile(rf"{BODY_END}(?:[（(]代章[）)])?$")


@dataclass(frozen=True)
class TableEdges:
    """Where tables stand in a text whose lines leave theirs out: the
    numbers of the lines right under a table (``below``), of those right
    above a table that has a caption (``captioned``), and of those right
    above any (``above``)."""

    below: frozenset[int] = frozenset()
    captioned: frozenset[int] = frozenset()
    above: frozenset[int] = frozenset()


def line_roles(lines: list[Line], layout: Layout, profile: Profile,
               tables: TableEdges = TableEdges()) -> dict[int, str]:
    """``title``, ``addressee`` or ``signature`` for the line numbers that
    are one (or ``date`` for a date without its day under a signature)."""
    titles = title_lines(lines, layout, profile, tables)
    return titles | addressee_lines(lines, titles, tables) | signature_lines(lines, layout, profile)


def addressee_lines(lines: list[Line], titles: dict[int, str], tables: TableEdges = TableEdges()) -> dict[int, str]:
    """The lines of each addressee (see the module docstring); an addressee
    never runs on under a table (``（2018年第二季度）`` / ``信息发布单位：…``
    over a table, ``说明：`` under it).

    >>> lines = [Line(1, "用户水龙头水质监测结果"), Line(2, "（2018年第二季度）"), Line(5, "说明：")]
    >>> addressee_lines(lines, {1: "title"}), addressee_lines(lines, {1: "title"}, TableEdges(frozenset({5})))
    ({2: 'addressee', 5: 'addressee'}, {})
    """
    found: dict[int, str] = {}
    for index, line in enumerate(lines[:-1]):
        head = line.no in titles or number_line(line.text)
        following = lines[index + 1]
        if not head or following.no in titles or number_line(following.text):
            continue
        taken: list[Line] = []
        for candidate in lines[index + 1 : index + 1 + MAX_ADDRESSEE_LINES]:
            if "。" in candidate.text or LINE_OPENER.match(candidate.text) or standalone(candidate.text) \
                    or (taken and candidate.no in tables.below):
                break
            taken.append(candidate)
            if candidate.text.endswith(("：", ":")):
                if not SENTENCE_BEFORE_COLON.search("".join(item.text for item in taken)):
                    found.update((item.no, "addressee") for item in taken)
                break
    return found


def title_lines(lines: list[Line], layout: Layout, profile: Profile,
                tables: TableEdges = TableEdges()) -> dict[int, str]:
    """The lines of titles, one line or wrapped over several (see the module
    docstring); a document's opening title ends at a table."""
    titles: dict[int, str] = {}
    if not layout.hard_wrapped:
        titles = {line.no: "title" for line, after in zip(lines, [*lines[1:], None])
                  if _title_piece(line, layout, WEB_TITLE, []) and _is_title([line], None, profile)
                  and _ends_type(line, after, layout, WEB_TITLE, profile)}
    limit = TITLE_SHARE * layout.column_width if layout.hard_wrapped else WEB_TITLE
    run: list[Line] = []
    above: Line | None = None  # the line above the run
    for before, line in zip([None, *lines], [*lines, None]):
        centred = line is not None and set_off(line, layout) == "centred"
        piece = line if line is not None and (layout.hard_wrapped or centred or not layout.column_width) \
            and _title_piece(line, layout, limit, run) else None
        if piece is not None and (not run or _one_type(run[-1], piece)):
            above = above if run else before
            run.append(piece)  # a web text wraps no title: there only centred lines make one
            continue
        if 2 <= len(run) <= MAX_TITLE_LINES and (_is_title(run, line, profile)
                                                 or _heads_attachment(above, run, layout)):
            titles.update((item.no, "title") for item in run)
        run, above = ([piece], before) if piece is not None else ([], None)
    for index, (line, following) in enumerate(itertools.pairwise(lines)):
        if _is_single_line_title(line, following, layout, profile):
            titles[line.no] = "title"
        titles.update((item.no, "title") for item in _printed_title_below_number(lines, index, layout, profile))
    opening = _opening_title(lines, layout, limit if layout.hard_wrapped else MAX_OPENING_WEB_TITLE, profile,
                             tables)
    near = itertools.takewhile(lambda line: line.no not in tables.below, lines[: MAX_TITLE_LINES + 2])
    if opening and (opening[-1].no in titles or not any(line.no in titles for line in near)):
        titles.update((line.no, "title") for line in opening)  # its last line alone may have been found
    for line, following in itertools.pairwise(lines):
        if line.no in titles and _lone_qualifier(following.text) and ends_in_type(line.text, profile):
            titles[following.no] = "title"  # ``…公示公告`` / ``（第二批）``: a narrow column broke it off
    for head, first, line in zip(lines, lines[1:], lines[2:]):
        if line.no in titles and _attachment_title_head(head, first, layout, limit, profile):
            titles[first.no] = "title"  # ``附件：`` / ``…2023年拟录用`` / ``参公单位工作人员名单``
    return titles or cover_title(lines)


def _attachment_title_head(head: Line, first: Line, layout: Layout, limit: float, profile: Profile) -> bool:
    """Whether a line right under an attachment's head, over a title's
    line, is that title's first line: a title piece ending in no type (an
    attachment's title printed over two lines where nothing is centred:
    ``附件：`` / ``国家统计局江西调查队系统2023年拟录用`` / ``参公单位工作人员名单``).

    >>> from gazette.normalize.profile import default_profile
    >>> head, web, profile = Line(1, "附件："), Layout(False, 18.0), default_profile()
    >>> _attachment_title_head(head, Line(2, "国家统计局江西调查队系统2023年拟录用"), web, 40, profile)
    True
    >>> _attachment_title_head(head, Line(2, "关于做好招录工作的通知"), web, 40, profile)
    False
    """
    return (bool(ATTACHMENT_HEAD.match(head.text.strip())) and _title_piece(first, layout, limit, [])
            and not ends_in_type(first.text, profile))


def _opening_title(lines: list[Line], layout: Layout, limit: float, profile: Profile,
                   tables: TableEdges) -> list[Line]:
    """The title a document opens with when neither a number nor an
    addressee follows it (``关于调整住房公积金有关业务政策的通知`` / the text):
    its first lines, short and without a sentence, up to one that ends in a
    document type outside any bracket (``《…详细规划`` / ``》局部调整`` goes
    on) or closes one after it (``…证书公告(`` / ``2018-10-30)``); the
    issuer's mark, a register code or, over an
    attachment printed alone, its label (``附件2``) may stand above; a
    table ends it (only the lines before any table are read, as far as a
    title may reach). One without a document type (``_untyped_title``)
    does not stand over a table's caption: that may be its last line."""
    reach = lines[: MAX_OPENING_MARKS + MAX_TITLE_LINES]
    head = list(itertools.takewhile(lambda line: line.no not in tables.below, reach))
    start = opening_marks([line.text for line in head])
    run: list[Line] = []
    pieces = head[start : start + MAX_TITLE_LINES]
    for line, after in zip(pieces, [*pieces[1:], None]):
        if not _title_piece(line, layout, limit, run):
            break
        run.append(line)
        closed = bracket_depth("".join(piece.text for piece in run)) == 0  # none ends inside 《…
        if closed and (_ends_type(line, after, layout, limit, profile) or _closes_typed(run, profile)
                       or CAPTION.match("".join(piece.text.strip() for piece in run))):
            return run  # a document that is a table opens with its caption (``部分宁波在职研究生专业一览表``)
    following = head[start + len(run)] if start + len(run) < len(head) else None  # None: a table, or the end
    if run and run[-1].no not in tables.captioned and _untyped_title(run, following, profile):
        return run
    caption = head[start : start + MAX_TITLE_LINES]
    return _caption_over_table(caption, bool(caption) and caption[-1].no in tables.above, labelled=start > 0)


def _lone_qualifier(text: str) -> bool:
    """Whether a line holds only what qualifies the title above it, in
    brackets, without a figure (``（第二批）``, ``（试行）``, ``（征求意见稿）``: the
    title's last line where a narrow column broke it off), not a number or
    a date (``（国办发〔2020〕1号）``).

    >>> _lone_qualifier("（第二批）"), _lone_qualifier("（国办发〔2020〕1号）"), _lone_qualifier("（一）总体要求")
    (True, False, False)
    """
    text = text.strip()
    return bool(QUALIFIER.fullmatch(text)) and not _DIGIT.search(text)


def _caption_over_table(lines: list[Line], table_under: bool, labelled: bool = False) -> list[Line]:
    """The lines, right above a table (``table_under``), that make its
    caption however wide they are (``重庆邮电大学管理（职员）岗位等级对`` /
    ``应表``, set flush left at the column's edge under ``附件 １：``), or,
    under an attachment's label (``labelled``), hold no sentence
    (``选调岗位、单位、人数、学历（`` / ``学位）要求、范围及资格条件``): the title
    of a document that is a table; none else.

    >>> lines = [Line(1, "重庆邮电大学管理（职员）岗位等级对"), Line(2, "应表")]
    >>> [line.text for line in _caption_over_table(lines, True)], _caption_over_table(lines, False)
    (['重庆邮电大学管理（职员）岗位等级对', '应表'], [])
    >>> untyped = [Line(1, "选调岗位、单位、人数、学历（"), Line(2, "学位）要求、范围及资格条件")]
    >>> len(_caption_over_table(untyped, True, labelled=True)), len(_caption_over_table(untyped, True))
    (2, 0)
    """
    caption = "".join(line.text.strip() for line in lines)
    named = CAPTION.match(caption) or (labelled and not UNTITLED.search(caption))
    return lines if table_under and 0 < len(lines) <= MAX_TITLE_LINES and named else []


def _closes_typed(run: list[Line], profile: Profile) -> bool:
    """Whether the last of a title's pieces closes a bracket after its
    document type, opened on a piece above (``…证书公告(`` / ``２０１８－１０－``
    / ``３０ )``, ``…实施方案（`` / ``2021—2023年）``): the title ends there.

    >>> from gazette.normalize.profile import default_profile
    >>> run = [Line(1, "滨州市撤销药品GSP认证证书公告("), Line(2, "2018-10-"), Line(3, "30)")]
    >>> _closes_typed(run, default_profile()), _closes_typed(run[:2], default_profile())
    (True, False)
    """
    if len(run) < 2 or bracket_depth("".join(line.text for line in run[:-1])) == 0:
        return False
    typed = _TYPED_BRACKET.match("".join(line.text for line in run).strip())
    return typed is not None and ends_in_type(typed.group(1), profile)


#: A title's text up to the bracket it ends with.
_TYPED_BRACKET = regex.compile(r"^(.+)[（(][^（）()]*[）)]$")

def _ends_type(line: Line, after: Line | None, layout: Layout, limit: float, profile: Profile) -> bool:
    """Whether a title piece ends the title in a document type: a type of
    one character (信, 令, 函) only where no title piece follows (a cut
    title goes on: ``国家金融监`` / ``督管理总局`` / ``行政处罚信`` / ``息公开表``).

    >>> from gazette.normalize.profile import default_profile
    >>> wide = Layout(True, 30.0)
    >>> cut, rest = Line(3, "行政处罚信"), Line(4, "息公开表")
    >>> _ends_type(cut, rest, wide, 20.0, default_profile()), _ends_type(cut, Line(4, "各有关单位："), wide, 20.0,
    ...                                                                     default_profile())
    (False, True)
    """
    text = QUALIFIER.sub("", line.text)
    types = [kind for kind in profile.document_types if text.endswith(kind)]
    if not types:
        return False
    return max(map(len, types)) > 1 or after is None or not _title_piece(after, layout, limit, [line])


def _untyped_title(run: list[Line], following: Line | None, profile: Profile) -> bool:
    """Whether the run of title pieces a document opens with is its title
    though it ends in no document type (``用户水龙头水质监测结果``,
    ``…2021年政府采购意向``, ``…统计数据``): at least ``MIN_UNTYPED_TITLE``
    Chinese characters, no white space between words (a form's labels:
    ``申请单位　法人代表``), no document number's year (``〔2020〕``), no
    body's name at its end (an issuer's name over its date is a signature),
    and nothing after it (a table holds the rest) or text that is no
    title's: a sentence, a heading, a remark in brackets, the contents
    (``目录``), its number in brackets (``（浙金罚决字〔2024〕52号）``); not a
    line ending in a document type (the title goes on there, set as a
    paragraph), a date, or a number without brackets (an issuer's name over
    its number).

    >>> from gazette.normalize.profile import default_profile
    >>> title, text = [Line(1, "北京市中医管理局2021年政府采购意向")], Line(2, "为便于供应商及时了解政府采购信息，…")
    >>> _untyped_title(title, text, default_profile()), _untyped_title([Line(1, "北京市中医管理局")], text,
    ...                                                                  default_profile())
    (True, False)
    >>> numbered = Line(2, "（浙金罚决字〔2024〕52号）")
    >>> _untyped_title([Line(1, "国家金融监督管理总局浙江监管局行政处罚信息公开表")], numbered, default_profile())
    True
    """
    text = "".join(line.text for line in run)
    if len(_HAN.findall(text)) < MIN_UNTYPED_TITLE or _BODY.search(text) or any(
            _SPACED.search(line.text) or _NUMBER_YEAR.search(line.text) for line in run):
        return False
    if following is None:
        return True
    goes_on = ends_in_type(following.text, profile) and not TOC_HEAD.match(following.text)
    numbered = _opens_number(following.text) and not _BRACKETED.match(following.text)
    return not (is_date(following.text) or numbered or goes_on)


def cover_title(lines: list[Line]) -> dict[int, str]:
    """The title of a PDF document without a number (a report, a budget, a
    plan): the first lines of its first page in its largest type, centred,
    when that type is large; none if a document number is printed anywhere
    (the title of a 公文 is found by its place).

    >>> from gazette.normalize.model import Geometry
    >>> def line(no, text, size):
    ...     return Line(no, text, 1, geometry=Geometry(150, 450, 100 + 40 * no, size, 130 + 40 * no, centred=True,
    ...                                                large=size > 20))
    >>> cover_title([line(1, "上海市普陀区2025年", 36), line(2, "区级部门预算", 36),
    ...              line(3, "预算主管部门：某街道", 18)])
    {1: 'title', 2: 'title'}
    >>> cover_title([line(1, "GJB", 66), line(2, "中华人民共和国国家军用标准", 35), line(3, "质量管理体系要求", 26),
    ...              line(4, "Quality management systems requirements", 18)])
    {3: 'title'}
    """
    placed = [line for line in lines if line.geometry is not None and line.page == lines[0].page]
    if not placed or any(number_line(line.text) for line in lines):
        return {}
    candidates = [line.geometry.size for line in placed if line.geometry is not None and _may_be_cover_title(line)]
    if not candidates:
        return {}
    largest = max(candidates)
    start = next(i for i, line in enumerate(placed)
                 if line.geometry and line.geometry.size == largest and _may_be_cover_title(line))
    run = list(itertools.takewhile(lambda line: _cover_title_line(line, largest), placed[start:]))
    return {line.no: "title" for line in run} if 0 < len(run) <= MAX_TITLE_LINES else {}


def _may_be_cover_title(line: Line) -> bool:
    """Chinese words that are not the masthead over a title: a standard's
    (``中华人民共和国国家军用标准``, under a logo ``GJB``) or an issuer's mark."""
    return (_HAN.search(line.text) is not None and not STANDARD_MASTHEAD.match(line.text)
            and not ISSUER_MARK.match(line.text))


def _cover_title_line(line: Line, largest: float) -> bool:
    g = line.geometry
    return (g is not None and g.large and g.centred and largest <= COVER_SIZE_SPREAD * g.size
            and not FINAL.search(line.text) and _HAN.search(line.text) is not None)


def _one_type(above: Line, below: Line | None) -> bool:
    """Whether two PDF lines are printed in one type size (a title's lines
    are; a line of body text and a title under it are not); lines of a text
    layer, without sizes, always are."""
    if below is None or above.geometry is None or below.geometry is None:
        return True
    sizes = sorted((above.geometry.size, below.geometry.size))
    return sizes[1] <= TITLE_SIZE_SPREAD * sizes[0]


def _title_piece(line: Line, layout: Layout, limit: float, run: list[Line]) -> bool:
    """A line that may be (part of) a title: short or centred, Chinese, no
    sentence in it, not the marks above a head (``机密★1年``, ``特急``), the
    issuer's mark (``杭州市人民政府文件``) nor a code
    (``ZJAC00-2024-0001``, the register number printed above it), nor an
    order's number under its head (``…令`` / ``第706号``; under another piece,
    ``…第四次会议`` / ``第14040218号``, it goes on the title), nor a TOC entry's
    last line (its leader dots were there).

    Where no line is long enough to measure a column (a document of forms),
    a margin sets a line off as centring does (``        宁波市工业标准化
    建设经费补助申请表`` under ``附件1``).

    A later piece may begin by closing a bracket the pieces before it
    (``run``) opened (``…管理办法（试`` / ``行）``), however short or indented
    it is (a layer that centres lines on a column measured too narrow:
    ``…（新材料科技城`` / ``）贵驷街道…岗位及``); a first one may not
    (``号）收悉…``). Pieces inside that bracket, up to its end, may hold a
    date and no Chinese (``…证书公告(`` / ``２０１８－１０－`` / ``３０ )``), as
    may a later piece that is a short quoted name (``2026年`` / ``“1+3”`` /
    ``培养实验…``, or ``“１ + ３`` / ``”培养实验市``).
    """
    text = line.text
    above = run[-1] if run else None
    centred = set_off(line, layout) == "centred" or centred_alone(line, layout) or (
        not layout.column_width and line.indent >= MIN_CENTRED_MARGIN)  # no line long enough to measure a column
    depth = bracket_depth("".join(piece.text for piece in run))
    closes = depth > 0 and bool(_CLOSES_FIRST.match(text))
    inside = depth > 0 and len(text.strip()) <= MAX_BRACKET_REST and (
        not _BRACKET.search(text) or (text.rstrip().endswith(("）", ")")) and bracket_depth(text, depth) == 0))
    quoted = bool(run) and bool(_QUOTED.match(text.strip()))  # a later piece: ``“1+3”`` in ``2026年“1+3”培养…``
    return (
        (centred or closes or MIN_TITLE_PIECE <= printed_width(line, layout) < limit)
        and not line.joins_next
        and not line.ends_entry
        and (centred or closes or not line.indented)
        and (inside or not (DATE_IN_TEXT.search(text) or CN_DATE.search(text)))
        and not FINAL.search(text)
        and not _BRACKETED.match(text)
        and not (above is None and _CLOSES_FIRST.match(text))
        and "，" not in text
        and not LINE_OPENER.match(text)
        and not standalone(text)
        and not (ORDER_NUMBER.match(text) and (above is None or above.text.endswith("令")))
        and (inside or quoted or _HAN.search(text) is not None)
        and not ISSUER_MARK.match(text)
        and not HEAD_MARK.match(text)
    )


def _is_title(run: list[Line], after: Line | None, profile: Profile) -> bool:
    """A run is a title when it ends in a document type or stands above a
    document number, and not above a date (a signature)."""
    if after is not None and is_date(after.text):
        return False
    if after is not None and _opens_number(after.text):
        return True
    text = "".join(line.text for line in run)
    return ends_in_type(text, profile) and visual_width(text) >= 3


def _heads_attachment(above: Line | None, run: list[Line], layout: Layout) -> bool:
    """Whether a run of centred lines right under an attachment's head is
    its title, whatever it names (``附件 １`` / ``北京市商业步行街高质量发`` /
    ``展评价指标体系（试行）``); lines a short text's column, measured too
    narrow, shows set to the right are set off all the same, and where no
    column is measured (a document of forms, no line long enough), short
    lines are title pieces however they are set (``附件2`` / ``宁波市农业`` /
    ``标准化经费`` / ``补助申请表``, a layer that centres nothing).

    >>> from gazette.normalize.layout import Layout
    >>> run = [Line(2, "北京市商业步行街高质量发", indent=8.0), Line(3, "展评价指标体系（试行）", indent=9.0)]
    >>> layout = Layout(True, 26.0, keeps_indents=True)
    >>> _heads_attachment(Line(1, "附件 １"), run, layout), _heads_attachment(None, run, layout)
    (True, False)
    """
    return (above is not None and bool(ATTACHMENT_HEAD.match(above.text.strip()))
            and (not layout.column_width or all(set_off(line, layout) in ("centred", "right") for line in run)))


def _opens_number(text: str) -> bool:
    """A document's number, an order's, or the register code printed above either."""
    return bool(number_line(text) or ORDER_NUMBER.match(text) or REGISTER_CODE.fullmatch(text))


def _is_single_line_title(line: Line, following: Line, layout: Layout, profile: Profile) -> bool:
    """A title on one line, ending in a document type, over an addressee or
    number; not a numbered heading (``10.2不合格和纠正措施``), nor, over a
    line ending in a colon, a paragraph's first line, indented or as wide as
    one (``关于…的请示`` / ``（〔1996〕…号）收悉，现批复如下：``): a title is
    set in larger type."""
    addressee = _addressee_like(following)
    # as wide as a paragraph's first line (a centred title's margins are wider), or indented in a web text
    wide = extent(line, layout) >= layout.column_width - FIRST_LINE_SPAN
    first_line = wide if layout.hard_wrapped else line.indented
    return (
        (_opens_number(following.text) or (addressee and not first_line))
        and ends_in_type(line.text, profile)
        and not _CLAUSE_PUNCT.search(line.text)
        and not LINE_OPENER.match(line.text)
    )


def _printed_title_below_number(lines: list[Line], index: int, layout: Layout, profile: Profile) -> list[Line]:
    """The lines of a title centred right below the document number at
    ``index`` (the order of GB/T 9704; a 决定书 has no addressee): in a PDF
    in large type, in a text layer set off by its white space, or anywhere
    in a layer that lost its white space; on one line ending in a document
    type, or wrapped over several up to the one that does, an addressee
    under them (a web page's title broken by the page, ``东莞市人民政府办公室关于进一步完善``
    / ``我市住房限购政策的通知`` over ``各镇人民政府…：``); none if the
    line at ``index`` is no number.

    >>> from gazette.normalize.profile import default_profile
    >>> lines = [Line(1, "东府办〔2017〕46号"), Line(2, "东莞市人民政府办公室关于进一步完善"),
    ...          Line(3, "我市住房限购政策的通知"), Line(4, "各镇人民政府，市府直属各单位：")]
    >>> [line.no for line in _printed_title_below_number(lines, 0, Layout(False, 0.0), default_profile())]
    [2, 3]
    >>> _printed_title_below_number(lines[:3], 0, Layout(False, 0.0), default_profile())
    []
    """
    if not number_line(lines[index].text):
        return []
    run: list[Line] = []
    loose = not layout.keeps_indents
    for line in lines[index + 1 : index + 1 + MAX_TITLE_LINES]:
        g = line.geometry
        centred = g.centred and g.large if g is not None else set_off(line, layout) == "centred" or loose
        if not centred or _CLAUSE_PUNCT.search(line.text) or (run and LINE_OPENER.match(line.text)):
            return []
        run.append(line)
        if ends_in_type(line.text, profile):
            break
    else:
        return []
    after = index + 1 + len(run)
    return run if len(run) == 1 or (after < len(lines) and _addressee_like(lines[after])) else []


def _addressee_like(line: Line) -> bool:
    """A line that may be an addressee under a title: it ends in a colon, no sentence before."""
    return line.text.endswith("：") and "。" not in line.text


def signature_lines(lines: list[Line], layout: Layout, profile: Profile) -> dict[int, str]:
    """Issuer lines right above a date: ``浙江省人民政府`` / ``2021年6月4日``
    (see the module docstring); the line above a print date
    (``2022年12月30日印发``) is the printer. A line that seems to go on
    the one above it (``_continues``) is an issuer's still where it opens
    a body's name wrapped onto the line below (``_opens_name``)."""
    limit = max(SIGNATURE_SHARE * layout.column_width, MIN_SIGNATURE_LIMIT) if layout.hard_wrapped else 25
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not (is_date(line.text) or PRINT_LINE.match(line.text)):
            continue
        start = max(0, index - MAX_ISSUER_LINES)
        above = list(reversed(lines[start:index]))
        run = list(itertools.takewhile(lambda item: _signature_like(item, layout, limit, profile), above))
        run = run[: next((n for n, item in enumerate(run)
                          if not (n and _opens_name(item.text, run[n - 1].text))
                          and (_continues(lines, index - 1 - n, layout) or (n and (
                              _set_apart(item, run[0], layout) or _ends_note(lines, index - 1 - n, layout))))),
                         len(run))]
        named = list(itertools.takewhile(lambda item: _names_a_body(item, layout), run))
        taken = named if len(named) > MAX_SIGNATURE_LINES else run[:MAX_SIGNATURE_LINES]
        found.update((item.no, "signature") for item in taken)
    return found or _undated_signature(lines, layout, limit, profile)


def _set_apart(line: Line, last: Line, layout: Layout) -> bool:
    """Whether a line above the signature's last line, set to the right,
    is set as the text is and names no body: the text's, not an issuer's
    (an attachment's title broken by the document over two lines,
    ``附件：国家税务总局江西省税务局2023年度拟录用公`` / ``务员名单（第二批）``,
    over ``国家税务总局江西省税务局``); joint issuers are set alike."""
    return set_off(last, layout) == "right" and not _names_a_body(line, layout)


def _ends_note(lines: list[Line], at: int, layout: Layout) -> bool:
    """Whether the line at ``at``, under an attachment note, names no body:
    the note's title broken by the document over two lines
    (``附件：…2023年度拟录用公`` / ``务员名单（第二批）``), not an issuer (one
    that opens a body's name wrapped onto the line below is the issuer's:
    ``省市场监管局新型冠状病毒感染的`` / ``肺炎疫情防控工作领导小组``)."""
    return at > 0 and bool(ATTACHMENT_NOTE.match(lines[at - 1].text.strip())) and not _names_a_body(lines[at], layout)


def _opens_name(line: str, below: str) -> bool:
    """Whether ``line`` is the first piece of a body's name wrapped over it
    and ``below`` (``patterns.wrapped_body``) that cannot end the line above
    it: it ends in a word that joins it to what follows (``的``, ``和``…).
    Under a line it might close (``附件：…直播间二维码``), only so does it open
    the name: ``安置任务`` / ``丽水市人民政府`` under ``附件：…退出消防员`` closes
    the attachment's title.

    >>> _opens_name("省市场监管局新型冠状病毒感染的", "肺炎疫情防控工作领导小组")
    True
    >>> _opens_name("安置任务", "丽水市人民政府")
    False
    """
    return wrapped_body(line, below) and bool(_JOINS_ON.search(line.strip()))


#: A word a line does not end a text with: it joins what follows.
_JOINS_ON = regex.compile(r"[的和与及或之]$")


def _undated_signature(lines: list[Line], layout: Layout, limit: float, profile: Profile) -> dict[int, str]:
    """The signature of a text that prints no full date under it: its last
    line, one body's name (``成都市新经济发展委员会``; a web page prints the
    date apart; a statistical bulletin may print it in brackets,
    ``（万载县统计局）``), or that line over a date without its day
    (``2021年3月``, then the date), under a line that ends a sentence or a
    list; none else.

    >>> from gazette.normalize.profile import default_profile
    >>> text = [Line(1, "本次公开的采购意向是本单位政府采购工作的初步安排。"), Line(2, "北京市中医管理局"),
    ...         Line(3, "2021年3月")]
    >>> _undated_signature(text, Layout(False, 0.0), 25, default_profile())
    {2: 'signature', 3: 'date'}
    """
    month = len(lines) >= 3 and MONTH_LINE.match(lines[-1].text.strip()) is not None
    named = lines[:-1] if month else lines
    if len(named) < 2:
        return {}
    last, above = named[-1], named[-2]
    name = bracketed_body(last.text) or last.text.strip()
    signed = (_signature_like(last, layout, limit, profile) and bool(BODY_LINE.match(name))
              and bool(FINAL.search(above.text.strip()) or marker_kind(above.text.strip())))
    if not signed:
        return {}
    return {last.no: "signature"} | ({lines[-1].no: "date"} if month else {})


def _continues(lines: list[Line], index: int, layout: Layout) -> bool:
    """Whether the line at ``index`` goes on the line above it: it names no
    body, and that line is wide and stops mid-sentence (``附件：…首付`` /
    ``款的通知（征求意见稿）`` above a signature: the end of an attachment note)."""
    if index <= 0 or not layout.hard_wrapped or _names_a_body(lines[index], layout):
        return False
    above = lines[index - 1]
    return printed_width(above, layout) >= WRAPPED_SHARE * layout.column_width and not FINAL.search(above.text)


#: A line stopping mid-sentence at this share of the column goes on in the next.
WRAPPED_SHARE = 0.8


def _signature_like(line: Line, layout: Layout, limit: float, profile: Profile) -> bool:
    """A line that may name an issuer: short or set to the right, no
    sentence, no marker (joint issuers parted by ``、`` are no list of a
    sentence), not a title's end, nor the end of a line above it
    (it closes a bracket it did not open: ``…的通知（征求`` / ``意见稿）``)."""
    text = line.text
    joint = _joint(text)
    return (
        (printed_width(line, layout) <= limit or set_off(line, layout) == "right" or joint)
        and (not _SIGNATURE_EXCLUDED.search(text) or joint)
        and not LINE_OPENER.match(text)
        and not ends_in_type(text, profile)
        and not _CLOSES_FIRST.match(text)
    )


def _joint(text: str) -> bool:
    """Joint issuers on one line, however wide: parted by ``、`` or set side
    by side, parted by spaces (``东莞市住房公积金管理中心　中国人民银行东莞市分行``),
    each a body's name.

    >>> _joint("北京市科学技术委员会、中关村科技园区管理委员会")
    True
    >>> _joint("东莞市住房公积金管理中心　中国人民银行东莞市分行")
    True
    >>> _joint("加强监管、优化服务"), _joint("国家发展改革委"), _joint("联系人：张三　电话")
    (False, False, False)
    """
    parts = regex.split(r"\s+", text.strip())
    return joint_bodies(text) is not None or (
        len(parts) >= 2 and all(joint_bodies(part) or BODY_ENDING.search(part) for part in parts))


def _names_a_body(line: Line, layout: Layout) -> bool:
    """An issuing body's name (white space after it aside: ``东莞市住房公积金管理中心\u2002``,
    a space that parted it from the body beside it), or a line set to the right."""
    return bool(_BODY.search(line.text.strip())) or set_off(line, layout) == "right"
