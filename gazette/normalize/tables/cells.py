"""Cells of a table row printed on one line: which gaps separate cells.

A text layer prints a row as its cells separated by a space, but it also
puts spaces inside cells: between a number and its unit (``３７ 个``), after a
kept decimal point (``０． ０３％``), inside brackets (``（且车长小于 ６ 米）``) and
between letter-spaced characters (``类　 别``). A gap is a cell boundary
unless it is one of those.

>>> units = ("个", "万", "亿", "类", "座")
>>> split_cells("８ 信用环境 国家社会信用体系建设示范城市数量 ３ 个 ６ 个以上 预期性", units)
['８', '信用环境', '国家社会信用体系建设示范城市数量', '３个', '６个以上', '预期性']
>>> split_cells("序号 类　 别 指　 　 标 属性", units)
['序号', '类别', '指标', '属性']
>>> split_cells("坐标编号  X坐标  Y坐标  说 明", units)
['坐标编号', 'X坐标', 'Y坐标', '说明']
>>> split_cells("类 别  序 号  指 标  备 注", units), split_cells("类 别\u3000序 号\u3000备 注", units)
(['类别', '序号', '指标', '备注'], ['类别', '序号', '备注'])
>>> split_cells("1 类 ≤9 座（且车长小于 6 米） 2", units)
['1类', '≤9座（且车长小于6米）', '2']
>>> split_cells("１\u3000知识产权保护\u3000整合分散的审判资源\u3000全国", units)
['１', '知识产权保护', '整合分散的审判资源', '全国']
>>> split_cells("３\u3000座位\u3000动态调整", units)  # a row's number before a word opening with a unit
['３', '座位', '动态调整']
"""

from __future__ import annotations

import itertools
from functools import cache, lru_cache

import regex

from ..patterns import DIGIT, GAP

_GAP = regex.compile(rf"{GAP}+")
#: The one space a text layer puts between a number and its unit (``３７ 个``):
#: a wider gap, or a tab, parts two cells even before a unit-like word
#: (``4455\t个人全额缴存``, ``5346  单位和个人各半``).
_UNIT_GAPS = (" ", "\u3000", "\u00a0", "\u2002")
_DIGIT = regex.compile(DIGIT)
_OPENING = "（(〔［[《“"
_CLOSING = "）)〕］]》”"
#: A number cell: ``24``, ``6.2``, ``93%``, ``3000万次``, ``≥40``, signed (``-22.5``,
#: ``＋3.1``), or marked for a note under the table (``0.01▲``, ``-81*``).
NUMBER = regex.compile(r"^[≤≥<>约]?[-－+＋]?[0-9０-９][0-9０-９.．,，]*[%％]?\p{Han}{0,3}[*＊▲△※]?$")
INTEGER = regex.compile(r"^[0-9０-９]+$")
_HAN = regex.compile(r"\p{Han}")


def split_cells(text: str, units: tuple[str, ...]) -> list[str]:
    """The cells of a row line, spaces inside cells removed."""
    return list(_cells(text, units))


@lru_cache(maxsize=8192)
def _cells(text: str, units: tuple[str, ...]) -> tuple[str, ...]:
    """``split_cells``, kept: finding a table asks it of each line several times."""
    return tuple(_GAP.sub("", text[start:end]) for start, end in cell_spans(text, units))


#: Two spaces or more, or a tab: a gap that parts cells, never the words of a cell.
WIDE_GAP = regex.compile(r" {2,}|\t")
#: A line with this many wide gaps parts its cells so: one space there is
#: inside a cell (``石凯 13576210376``, ``井冈山经开区 管委会``).
MIN_WIDE_GAPS = 2
#: A wide gap, or ideographic spaces: what parts a line's pieces in ``wide_parts``.
_PARTING = regex.compile(rf"{WIDE_GAP.pattern}|\u3000+")


def wide_cells(text: str) -> list[str]:
    """The cells of a row line parted at its wide gaps only, the spaces
    inside them removed; a tab after a tab parts an empty cell.

    >>> wide_cells("7月14日 12：00前  市级实验学校报名"), wide_cells("大豆\\t7.0\\t\\t-1.6")
    (['7月14日12：00前', '市级实验学校报名'], ['大豆', '7.0', '', '-1.6'])
    """
    return [_GAP.sub("", part) for part in WIDE_GAP.split(text.strip())]


def wide_parts(text: str) -> list[str]:
    """The pieces of a line between its wide gaps and its ideographic spaces,
    the gaps a line of prose does not have (one space around a figure,
    ``在川创业 ３ 年内``, is none).

    >>> wide_parts("裁量基准编码  裁量档"), wide_parts("１\u3000项目\u3000白 磊"), wide_parts("在川创业 ３ 年内")
    (['裁量基准编码', '裁量档'], ['１', '项目', '白 磊'], ['在川创业 ３ 年内'])
    >>> wide_parts("姓  名  性  别  照  片")
    ['姓  名', '性  别', '照  片']
    """
    spaced = _spaced_heads(text)  # ``序  号``: a head letter-spaced, one piece
    cuts = [gap for gap in _PARTING.finditer(text) if gap.start() not in spaced]
    return [part.strip(" ") for part in _pieces(text, cuts) if part.strip(" ")]


def _pieces(text: str, cuts: list[regex.Match]) -> list[str]:
    """The text before, between and after the gaps ``cuts`` (in order).

    >>> _pieces("籍贯 出生年月", list(_GAP.finditer("籍贯 出生年月")))
    ['籍贯', '出生年月']
    """
    return [text[start.end() if start else 0 : end.start() if end else len(text)]
            for start, end in itertools.pairwise([None, *cuts, None])]


def cell_spans(text: str, units: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the cells of a row line are: ``(start, end)`` offsets into ``text``.

    >>> cell_spans("科技创新 24 6 2", ("个",))
    [(0, 4), (5, 7), (8, 9), (10, 11)]
    >>> row = "灵活就业人员\\t4455\\t个人全额缴存"  # a tab parts cells; one space keeps a number and its unit
    >>> [row[a:b] for a, b in cell_spans(row, ("个",))], len(cell_spans("项目数 37 个", ("个",)))
    (['灵活就业人员', '4455', '个人全额缴存'], 2)
    >>> split_cells("工业互联网平台\\t个\\t\\t50", ("个",))  # tab after tab: the cell between is empty
    ['工业互联网平台', '个', '', '50']
    >>> split_cells("13  赛维LDK太阳能  新余高新区管委会  张涛 13979001015", ())  # one space inside a cell
    ['13', '赛维LDK太阳能', '新余高新区管委会', '张涛13979001015']
    >>> split_cells("１．  擅自挪用专项维修资金的  ３０  １０", ())  # a row's number with its point
    ['１．', '擅自挪用专项维修资金的', '３０', '１０']
    """
    spans: list[tuple[int, int]] = []
    start = scanned = depth = 0
    gaps = list(_GAP.finditer(text))
    ideographic = _ideographic_cells(text, gaps)
    wide = sum(1 for gap in gaps if WIDE_GAP.search(gap[0])) >= MIN_WIDE_GAPS
    spaced = _spaced_heads(text)
    for gap in gaps:
        depth = bracket_depth(text[scanned : gap.start()], depth)  # each character counted once
        scanned = gap.start()
        if (not wide or gap[0] != " ") and gap.start() not in spaced and is_cell_gap(text, gap, units, depth,
                                                                                      ideographic):
            spans.append((start, gap.start()))
            spans += [(gap.start(), gap.start())] * (gap[0].count("\t") - 1)  # tab after tab: an empty cell
            start = gap.end()
    spans.append((start, len(text)))
    spans = [(a, b) for a, b in spans if a == b or text[a:b].strip()]
    return _number_apart(text, gaps, spans)


def _number_apart(text: str, gaps: list[regex.Match], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with a row's number and its point parted from the cell
    after it by one space, where the line has two cells more and parts
    them as rows do, not as prose (a layer that parts every cell by one
    space: ``１． 宁波甬康综合门诊部 高新区院士路351号3楼 三星级``): no clause on
    it, or ``MIN_WORD_GAPS`` spaces between two words (``１． 北京市中医管理局
    行业管理会议服务 依据实际需要，完成…``; prose puts a space beside a figure
    or a Latin letter only). A list's item keeps its number (``１． 到 2025 年，…``),
    and so does a cell where wide gaps part the cells (``2. 政府性基金  三、教育支出``).

    >>> split_cells("１． 宁波甬康综合门诊部 高新区院士路351号3楼 三星级", ())
    ['１．', '宁波甬康综合门诊部', '高新区院士路351号3楼', '三星级']
    >>> split_cells("１． 北京市中医管理局 行业管理会议服务 依据实际需要，完成会议服务 ３４．２", ())
    ['１．', '北京市中医管理局', '行业管理会议服务', '依据实际需要，完成会议服务', '３４．２']
    >>> split_cells("１． 到 2025 年，全市新增 100 个", ("年", "个"))
    ['１．到', '2025年，全市新增', '100个']
    >>> split_cells("2. 政府性基金  三、教育支出  250,000", ())
    ['2.政府性基金', '三、教育支出', '250,000']
    """
    first = gaps[0] if gaps else None
    if (first is None or first[0] != " " or len(spans) < 2 or spans[0][1] <= first.start()
            or not ROW_NUMBER.fullmatch(text[: first.start()]) or any(WIDE_GAP.search(gap[0]) for gap in gaps)):
        return spans
    if CLAUSE.search(text) and word_gaps(text[first.end() :]) < MIN_WORD_GAPS:
        return spans
    return [(0, first.start()), (first.end(), spans[0][1]), *spans[1:]]


#: Spaces between two words (``word_gaps``) a line has at least to be a
#: row of cells in a layer that parts them by one space, though it holds a clause.
MIN_WORD_GAPS = 2


def word_gaps(text: str) -> int:
    """How many single spaces of a line stand between two words, no figure
    or Latin letter beside them (prose's spaces: ``在川创业 ３ 年内``) and no
    head's letter-spacing (``类 别``): the gaps between the cells of a layer
    that parts them by one space (``发展改革委 《…法》``), which prose has not.

    >>> word_gaps("发展改革委 《招标投标法》 投标保证金"), word_gaps("在川创业 ３ 年内"), word_gaps("序号 类 别")
    (2, 0, 1)
    """
    text = text.strip()
    if not _WORD_SPACE_WORD.search(text):
        return 0  # most lines: fast, in the regex engine
    return sum(1 for gap in _GAP.finditer(text) if gap[0] == " " and _between_words(text, *gap.span()))


def han_parts(text: str) -> list[str]:
    """The pieces of a line between its single spaces that stand between two
    Han characters (``word_gaps``): the fields of a blank form in a layer
    that parts them by one space (``籍贯 出生年月 政治面貌``); a field's own
    spaces beside its boxes and brackets stay (``否□ 是□ （退伍时间）``).

    >>> han_parts("籍贯 出生年月 政治面貌"), han_parts("退伍军人 否□ 是□ （退伍时间）"), han_parts("姓 名 性别")
    (['籍贯', '出生年月', '政治面貌'], ['退伍军人', '否□ 是□ （退伍时间）'], ['姓 名', '性别'])
    """
    text = text.strip()
    if not _HAN_SPACE_HAN.search(text):
        return [text]
    cuts = [gap for gap in _GAP.finditer(text) if gap[0] == " " and _HAN.match(text[gap.start() - 1])
            and _HAN.match(text[gap.end()]) and _between_words(text, *gap.span())]
    return _pieces(text, cuts)


def _between_words(text: str, start: int, end: int) -> bool:
    """Whether the gap from ``start`` to ``end`` has no figure, Latin letter
    or letter-spaced character beside it (``word_gaps``)."""
    return (not _FIGURE_OR_LATIN.match(text[start - 1]) and not _FIGURE_OR_LATIN.match(text[end])
            and not _letter_spaced_pair(text[max(start - 3, 0) : start], text[end : end + 3]))


#: One space between two Han characters (``han_parts``).
_HAN_SPACE_HAN = regex.compile(r"\p{Han} \p{Han}")
#: The characters prose sets one space beside: a figure's, a Latin letter, ASCII punctuation.
_BESIDE_PROSE_SPACE = r"0-9０-９A-Za-zＡ-Ｚａ-ｚ!-/:-@\[-`{-~"
_FIGURE_OR_LATIN = regex.compile(rf"[{_BESIDE_PROSE_SPACE}]")
#: One space with none of them (nor white space) on either side (``word_gaps``'s candidates).
_WORD_SPACE_WORD = regex.compile(rf"[^\s{_BESIDE_PROSE_SPACE}] [^\s{_BESIDE_PROSE_SPACE}]")


#: A clause's punctuation (a list's ``、`` aside): a sentence holds it, a head does not.
CLAUSE = regex.compile("[。，；：]")


def is_cell_gap(text: str, gap: regex.Match, units: tuple[str, ...], depth: int, ideographic: bool = False) -> bool:
    """Whether the white space ``gap`` in ``text`` separates two cells;
    ``depth`` is the ``bracket_depth`` of the text before it, ``ideographic``
    whether the line parts cells with ideographic spaces only (``_ideographic_cells``).

    Looks only at the characters next to the gap, so that a row line's cells
    are found in time linear in its length.

    >>> text = "（且车长 ６ 米） ２"
    >>> [is_cell_gap(text, gap, ("米",), bracket_depth(text[: gap.start()])) for gap in _GAP.finditer(text)]
    [False, False, True]
    >>> texts = ("９ 万载调查队 彭琦", "９ 万元 补助", "２０２０ 年江西省市场监督管理局 ３７ 个")
    >>> [is_cell_gap(text, _GAP.search(text), ("万", "元", "年", "个"), 0) for text in texts]
    [True, False, False]
    >>> text = "收入总计 189,767,551 支出总计 189,767,551"
    >>> [is_cell_gap(text, gap, ("支",), 0) for gap in _GAP.finditer(text)]
    [True, True, True]
    >>> text = "硕士研究生 155112010400803 张继芃 男"
    >>> [is_cell_gap(text, gap, ("张",), 0) for gap in _GAP.finditer(text)]
    [True, True, True]
    >>> split_cells("33 8.3.5 e) GJB 909-1990 关键件和重要件的质量控制", ())
    ['33', '8.3.5e)', 'GJB909-1990', '关键件和重要件的质量控制']
    """
    start, end = gap.span()
    if start == 0 or end == len(text):
        return False
    if "\t" in gap[0] or (depth > 0 and WIDE_GAP.search(gap[0])):
        return True  # a tab parts cells, whatever is beside it; so do two spaces, even where a cell lost its ``）``
    if WIDE_GAP.search(gap[0]) and ROW_NUMBER.fullmatch(text[:start]):
        return True  # a row's number with its point (``１．  擅自挪用…``): a cell of its own
    if text[start - 1] in ".．,，、" or depth > 0:
        return False  # a cell does not end in a point or a comma: ``维修账目, 接受…`` goes on
    if gap[0] == " " and _inside_code(text, start, end):
        return False  # a standard's code (``GB/T 33190-2016``), a clause's item (``8.3.5 e)``): one cell
    if ideographic:  # ``类 别　序 号``, ``在建　白 磊１３５…``: ideographic spaces part cells, single spaces are inside
        return "\u3000" in gap[0] and not (_spaced_out(text, start - 1, -1) and _spaced_out(text, end, 1))
    if "\u3000" in gap[0] and (_lone_han(text, start - 1, -1) or _lone_han(text, end, 1)):
        return False  # an ideographic space letter-spaces a head (``类　 别``); between words it parts cells
    if len(gap[0]) == 1 and _letter_spaced_pair(text[max(start - 3, 0) : start], text[end : end + 3]):
        return False  # one space between two lone characters letter-spaces a head; a wider gap parts heads
    if gap[0] == "\u3000" and INTEGER.match(text[:start]) and "\u3000" in text[end:]:
        return True  # a row's number, its cells parted by ideographic spaces (``３　年龄　1. …``): no quantity
    quantity = _DIGIT.match(text[start - 1]) and text.startswith(units, end) and gap[0] in _UNIT_GAPS
    # before a name opening with a unit's character, no quantity: an amount or a code (``189,767,551 支出总计``),
    # or a row's number first on a line whose words one space parts elsewhere (``１１ 张宇雯  女``)
    if quantity and _named(text, end, units) and (_NO_COUNT_BEFORE.search(text, 0, start) or (
            INTEGER.fullmatch(text[:start]) and word_gaps(text) > 0)):
        return True
    return not quantity


#: A standard's code is its issuer's letters, one space, and its number
#: with the year after a dash (``GB/T 33190-2016``, ``GJB/Z 170-2013``,
#: ``GJB 9001C``); a clause of a standard may name an item of it after one
#: space (``8.3.5 e)``).
_CODE_PREFIX = regex.compile(r"(?<![A-Za-z0-9])[A-Z]{2,5}(?:/[A-Z])?$")
_CODE_NUMBER = regex.compile(r"[0-9]+(?:\.[0-9]+)*[A-Z]?(?:-[0-9]{2,4})?(?=\s|$)")
_CLAUSE_NUMBER = regex.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)+$")
_CLAUSE_ITEM = regex.compile(r"[a-z]\)(?=\s|$)")


def _inside_code(text: str, start: int, end: int) -> bool:
    """Whether the space from ``start`` to ``end`` is inside a standard's
    code or between a clause's number and its item.

    >>> _inside_code("GJB/Z 170-2013", 5, 6), _inside_code("8.3.5 e)", 5, 6), _inside_code("GDP 5000亿元", 3, 4)
    (True, True, False)
    """
    return bool((_CODE_PREFIX.search(text, 0, start) and _CODE_NUMBER.match(text, end))
                or (_CLAUSE_NUMBER.search(text, 0, start) and _CLAUSE_ITEM.match(text, end)))


#: An amount with its thousands parted by commas (``189,767,551``, ``1,234.50``).
AMOUNT = r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?"
#: Right before a gap, a figure that counts nothing a unit after it names: an
#: amount (``189,767,551``), or a code of many digits (an examinee's number,
#: ``155112010400803``; a phone number).
_NO_COUNT_BEFORE = regex.compile(rf"(?<![0-9０-９,，.．])(?:{AMOUNT}|[0-9０-９]{{9,}})$")


def _named(text: str, at: int, units: tuple[str, ...]) -> bool:
    """Whether the word at ``at`` is a name that opens with a unit's
    character (``张宇雯``, ``万载调查队``), not units only (``万元``, ``人次``).
    A line of prose opens so too (``２０２０ 年江西省…``, ``３ 年以上…``):
    ``is_cell_gap`` asks it only of a line whose words one space parts
    elsewhere, as a row's cells are and prose's are not (``word_gaps``).

    >>> _named("１１ 张宇雯 女", 3, ("张", "万", "元")), _named("５ 万元", 2, ("张", "万", "元"))
    (True, False)
    """
    word = _HAN_RUN.match(text, at)
    rest = word[0] if word else ""
    while unit := next((unit for unit in units if rest.startswith(unit)), None):
        rest = rest[len(unit) :]
    return bool(rest)


#: A run of Chinese characters.
_HAN_RUN = regex.compile(r"\p{Han}+")

#: A row's number printed with a point or a comma, first on its line (``１．``, ``12、``).
ROW_NUMBER = regex.compile(r"[0-9０-９]{1,3}[.．、]")


def opens_numbered(cells: list[str]) -> bool:
    """Whether a row line's cells open with its number, bare or with its
    point, before two cells more: a row of its own, not a list's item.

    >>> opens_numbered(["１．", "擅自挪用专项维修资金", "３０"]), opens_numbered(["13", "赛维LDK太阳能", "新余高新区"])
    (True, True)
    >>> opens_numbered(["1.本科及以上学历"]), opens_numbered(["１．", "擅自挪用专项维修资金的"])
    (False, False)
    """
    return len(cells) >= 3 and bool(INTEGER.match(cells[0]) or ROW_NUMBER.fullmatch(cells[0]))


def _lone_han(text: str, at: int, step: int) -> bool:
    """Whether ``text[at]`` is a Han character standing alone on its side of
    a gap: white space or the line's end beyond it (``step`` away from the gap).

    >>> _lone_han("类\u3000 别", 0, -1), _lone_han("1996年\u30001997年", 4, -1)
    (True, False)
    """
    beyond = at + step
    return bool(_HAN.match(text[at])) and (not 0 <= beyond < len(text) or text[beyond].isspace())


def _ideographic_cells(text: str, gaps: list[regex.Match]) -> bool:
    """Whether a line parts its cells with ideographic spaces, and its single
    ASCII spaces are inside cells: it has an ideographic gap, its other gaps
    are single spaces, and either each of those is between two characters
    standing alone (heads letter-spaced: ``类 别　序 号``) or the line has
    ``MIN_WIDE_GAPS`` gaps of one ideographic space (``８　项目　在建　白 磊``).

    >>> lines = ("类 别\u3000序 号", "序号 类\u3000 别 属性", "１\u3000项目\u3000在建\u3000白 磊", "３７ 个\u3000项目")
    >>> [_ideographic_cells(line, list(_GAP.finditer(line))) for line in lines]
    [True, False, True, False]
    """
    ideographic = [gap for gap in gaps if "\u3000" in gap[0]]
    if not ideographic or any(gap[0] != " " for gap in gaps if "\u3000" not in gap[0]):
        return False
    if len(ideographic) >= MIN_WIDE_GAPS and all(gap[0] == "\u3000" for gap in ideographic):
        return True
    return all("\u3000" in gap[0] or (_lone_han(text, gap.start() - 1, -1) and _lone_han(text, gap.end(), 1))
               for gap in gaps)


def _spaced_out(text: str, at: int, step: int) -> bool:
    """Whether ``text[at]`` is a Han character alone between ideographic
    spaces (or the line's end): one character of a head letter-spaced so
    (``序　号``), where a single ASCII space beside it is inside its cell.

    >>> _spaced_out("序\u3000号\u3000项目", 0, -1), _spaced_out("在建\u3000白 磊", 3, 1)
    (True, False)
    """
    beyond = at + step
    return bool(_HAN.match(text[at])) and (not 0 <= beyond < len(text) or text[beyond] == "\u3000")


def _letter_spaced_pair(left: str, right: str) -> bool:
    """A two-character head letter-spaced with one space (``说 明``): a Han
    character alone on each side of the gap, neither part of a word spaced
    out with ideographic spaces (``类　 别 指　 标`` are two heads). ``left``
    and ``right`` are the (up to) three characters on each side."""
    lone_left = bool(_HAN.match(left[-1])) and (len(left) == 1 or not _HAN.match(left[-2]))
    lone_right = bool(_HAN.match(right[0])) and (len(right) == 1 or not _HAN.match(right[1]))
    return lone_left and lone_right and "\u3000" not in left[-3:-1] and "\u3000" not in right[1:3]


def _spaced_heads(text: str) -> set[int]:
    """Where a line letter-spaces its heads of two characters with two
    spaces, as PDF text prints short heads (the gaps' offsets): characters
    alone across such gaps (``_letter_spaced_pair``) pair off from the
    left into heads, where one pair at least is a head word of the default
    profile (``table_header_words``: ``序  号``, ``单  位``) or the line is a
    personal form's first, its photo box last (``姓  名  性  别  照  片``,
    ``PHOTO_BOX``); the others are heads spaced so too (``电  话``). A line
    that spells no head word so parts its heads there (``男  女``), and two
    spaces beside a head letter-spaced by one part heads (``姓 名  性 别``).

    >>> lines = ("序  号  单  位  电  话", "男  女  合计", "姓  名  性  别  照  片", "姓 名  性 别  相 片")
    >>> [sorted(_spaced_heads(line)) for line in lines]
    [[1, 7, 13], [], [1, 7, 13], []]
    """
    if not _LONE_PAIR.search(text):
        return set()  # most lines: asked of every line's gaps, each time its cells are split
    paired: list[regex.Match] = []
    chained: regex.Match | None = None  # the gap before, if it is the first of a pair
    for gap in _GAP.finditer(text):
        left, right = text[max(gap.start() - 3, 0) : gap.start()], text[gap.end() : gap.end() + 3]
        lone = gap[0] == "  " and _letter_spaced_pair(left, right) and not (
            _one_spaced(left[::-1]) or _one_spaced(right))  # ``姓 名  性 别``: two spaces part heads
        first = lone and not (chained is not None and chained.end() + 1 == gap.start())
        paired += [gap] if first else []
        chained = gap if first else None
    if not PHOTO_BOX.search(text) and not any(text[gap.start() - 1] + text[gap.end()] in _head_words()
                                              for gap in paired):
        return set()
    return {gap.start() for gap in paired}


#: Two characters alone on their sides of two spaces (``_letter_spaced_pair``'s, before its other tests).
_LONE_PAIR = regex.compile(r"(?<!\p{Han})\p{Han}  \p{Han}(?!\p{Han})")


def _one_spaced(chars: str) -> bool:
    """Whether a character beside a gap (first in ``chars``, read away from
    the gap) is letter-spaced by one space from the next: ``名 姓`` read
    leftwards from ``姓 名``.

    >>> _one_spaced("名 姓"), _one_spaced("名"), _one_spaced("号  序")
    (True, False, False)
    """
    return len(chars) == 3 and chars[1] == " " and bool(_HAN.match(chars[2]))


#: A personal form's photo box (``近期免冠相片``, ``相 片``, ``2寸免冠彩照``): a
#: field whose own cell is where the photo goes, no value cell after it.
PHOTO_BOX = regex.compile(r"(?:[相照] *片|彩照)$")


@cache
def _head_words() -> frozenset[str]:
    from ..profile import default_profile  # here: reading the profile imports this module

    return frozenset(word for word in default_profile().table_header_words if len(word) == 2)


def bracket_depth(text: str, depth: int = 0) -> int:
    """Brackets opened and not closed in ``text``, after ``depth`` were open before it.

    >>> bracket_depth("２ 轴（车长小于 ６ 米且最大允许总质量小于"), bracket_depth("（个）")
    (1, 0)
    >>> bracket_depth("米）以上", depth=1)
    0
    """
    for ch in text:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
    return depth


def is_number(text: str) -> bool:
    """A numeric cell (a number with at most a short unit).

    >>> is_number("6.2"), is_number("3000万次"), is_number("翻一番"), is_number("2021年6月")
    (True, True, False, False)
    >>> is_number("-22.5"), is_number("-0.6*"), is_number("0.01▲"), is_number("-")
    (True, True, True, False)
    """
    return bool(NUMBER.match(text)) and not _WORDS_BETWEEN_FIGURES.search(text)


#: Words between two figures: a date or a range, no number (``2021年6月``).
_WORDS_BETWEEN_FIGURES = regex.compile(r"\d\p{Han}+\d")
