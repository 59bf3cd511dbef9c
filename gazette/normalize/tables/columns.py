"""What the cells of a column look like, judged from its head or its cells.

Stacked tables lose every cell boundary; what is left is what cells look
like: a 序号 column holds row numbers, a 责任单位 column lists bodies
separated by ``、``/``，``, a 完成时间 column holds dates or ``长期``, a text
column holds sentences ending in ``。``. ``fit`` scores a candidate cell
for a column of a kind; segmentation keeps the reading that scores best.

>>> kind_of_head("责任单位"), kind_of_head("完成时间"), kind_of_head("重点工作举措")
('bodies', 'date', 'text')
>>> fit("bodies", "省商务厅，各市、县（市、区）政府"), fit("bodies", "不断动态调整。")
(2, -4)
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from functools import cache, lru_cache

import regex

from ..patterns import CN_NUMERAL
from .cells import INTEGER, ROW_NUMBER, is_number

_HAN = regex.compile(r"\p{Han}")
#: A column's kind is that of at least this share of its cells.
MAJORITY = 0.6

_SEQ_HEAD = regex.compile(r"^(?:序号|编号|序)$")
_BODIES_HEAD = regex.compile(r"单位|部门|机构|主体|责任")
_DATE_HEAD = regex.compile(r"时间|时限|期限|日期|节点|年限")
_NUMBER_HEAD = regex.compile(r"[（(](?:个|亿元|万元|元|%|％|人|项)[）)]$|数$|金额|比重|比例")
_DATE_CELL = regex.compile(r"^(?:\d{4}年|\d{1,2}(?:[～~\-－—至]\d{1,2})?月|长期|持续|每年|即时|常态化)")
_BODY_END = regex.compile(
    r"(?:厅|局|府|关|团|行|会|委|办|院|校|部|司|处|室|中心|公司|单位|街道|署|站|所|队|馆|社|台|组)$"
)


def kind_of_head(head: str) -> str:
    """The kind of a column from its head: ``seq``, ``bodies``, ``date``, ``number`` or ``text``."""
    if _SEQ_HEAD.match(head):
        return "seq"
    if _BODIES_HEAD.search(head):
        return "bodies"
    if _DATE_HEAD.search(head):
        return "date"
    if _NUMBER_HEAD.search(head):
        return "number"
    return "text"


def kind_of_cells(cells: list[str]) -> str:
    """The kind of a column from cells known to belong to it: ``code`` for
    identifiers and parameters without Chinese (``A1``, ``R-160.000L-96.753``).

    >>> kind_of_cells(["1", "8"]), kind_of_cells(["93%", "3个"]), kind_of_cells(["约束性", "翻一番"])
    ('seq', 'number', 'text')
    >>> kind_of_cells(["A1", "B12"]), kind_of_cells(["-0.6*", "-0.1", "0.01▲"])
    ('code', 'number')
    """
    if cells and all(INTEGER.match(cell) for cell in cells):
        return "seq"
    if cells and all(is_number(cell) for cell in cells):
        return "number"
    if cells and not any(_HAN.search(cell) for cell in cells):
        return "code"
    return "text"


def majority_kind(cells: list[str], head: str = "") -> str:
    """The kind most cells of a column have (rows with empty cells shift
    some cells into the wrong column, so not all of them need agree); where
    most have several, the kind its ``head`` names (``10月``, ``9月`` under
    ``比赛时间`` are dates, not figures).

    >>> majority_kind(["13725.5845", "13701.6906", "与红线交点1"]), majority_kind(["A1", "A2", "圆曲线中点"])
    ('number', 'code')
    >>> majority_kind(["市税务局", "市财政局、市商务局", "各区人民政府"]), majority_kind(["2024年底前", "长期坚持"])
    ('bodies', 'date')
    >>> majority_kind(["10月", "6～9月", "9月"]), majority_kind(["10月", "6～9月", "9月"], "比赛时间")
    ('number', 'date')
    """
    if not cells:
        return "text"
    kinds = [kind for kind, test in (("seq", row_number), ("number", is_number),
                                     ("code", lambda cell: not _HAN.search(cell)), ("bodies", _is_bodies),
                                     ("date", _is_date))
             if sum(1 for cell in cells if test(cell)) >= MAJORITY * len(cells)]
    named = kind_of_head(head) if head else None
    return named if named in kinds else kinds[0] if kinds else "text"


def _is_date(cell: str) -> bool:
    """A date or a term (``2024年底前``, ``6～9月``, ``长期坚持``), not a longer
    cell that opens with a year (``2022年度辖区会计类监管岗位一级主任科员及以下``,
    a post; ``2022年因故暂缓考察（体检）人员``, a remark).

    >>> _is_date("2024年底前"), _is_date("2022年度辖区会计类监管岗位一级主任科员及以下")
    (True, False)
    """
    return bool(_DATE_CELL.match(cell)) and len(cell) <= MAX_DATE_CELL


#: A date or a term is at most this long (``2023年12月31日前完成``).
MAX_DATE_CELL = 15


def _is_bodies(cell: str) -> bool:
    """A list of bodies (``市市场监管局、市税务局``): no sentence, no figure, a body's name at its end."""
    return _is_name(cell) and bool(_BODY_END.search(cell))


#: A section's number in a column of row numbers (``一  城乡社区支出`` over
#: ``1  城市公用事业附加安排的支出``, a budget's rows).
ORDINAL = regex.compile(rf"^[{CN_NUMERAL}]{{1,3}}$")


def row_number(cell: str) -> bool:
    """A row's number: ``12``, ``12.``, or a section's, ``三``."""
    return bool(INTEGER.match(cell) or ROW_NUMBER.fullmatch(cell) or ORDINAL.match(cell))


def row_fit(kind: str, cell: str) -> int:
    """How well a cell of a row printed one a line fits a column: a number
    belongs in a number column, bodies in a column of bodies (牵头单位), a
    date or a term in a column of dates (完成时限), Chinese text in a text
    column.

    >>> row_fit("number", "13725.5845"), row_fit("text", "圆曲线中点"), row_fit("code", "圆曲线中点")
    (2, 1, -3)
    >>> row_fit("seq", "三"), row_fit("number", "三")
    (2, -3)
    """
    han = bool(_HAN.search(cell))
    if kind == "seq" and ORDINAL.match(cell):
        return 2
    if kind in ("seq", "number"):
        return 2 if is_number(cell) else -3
    if kind == "code":
        return -3 if han else (1 if not is_number(cell) else -1)
    if kind == "bodies":
        return 2 if _is_bodies(cell) else 0 if _is_name(cell) else -1
    if kind == "date":
        return 2 if _DATE_CELL.match(cell) else -1
    return 1 if han else -1


def _is_name(cell: str) -> bool:
    """A name that may stand among bodies though it ends in none of theirs
    (``梅墟街道梅福社区``, ``沁盛梅墟市场`` under ``单位名称``): words, no sentence, no figure.

    >>> _is_name("梅墟街道梅福社区"), _is_name("4450"), _is_name("不断动态调整。")
    (True, False, False)
    """
    return bool(_HAN.search(cell)) and "。" not in cell and not _DIGITS.search(cell)


#: What a jump over columns between two cells of a row costs in ``align``
#: (once, however many columns: merged cells above leave a block of them).
SKIP = 0.5


#: What a cell sharing all its words with a column's cells gains in ``align``.
LIKE = 2.0


def words_of(cells: list[str]) -> frozenset[str]:
    """The Chinese characters a column's cells are written with, and the
    forms its figures are written in (``figure_form``): a budget's amounts
    (``45,710``) and its shares (``75.5``) are figures alike in kind and
    told apart by their form.

    >>> sorted(words_of(["罚款56万元"])), sorted(words_of(["438,940", "-12.5%"]))
    (['万', '元', '款', '罚'], ['#,#', '#.#%'])
    """
    return frozenset([char for cell in cells for char in cell if _HAN.match(char)]
                     + [figure_form(cell) for cell in cells if is_number(cell)])


def figure_form(cell: str) -> str:
    """The form a figure is written in: its digits' runs as ``#``, its
    separators, point and sign of per cent kept, its own sign left out.

    >>> figure_form("-1,834.50"), figure_form("75.5"), figure_form("５万")
    ('#,#.#', '#.#', '#万')
    """
    return _DIGITS.sub("#", unicodedata.normalize("NFKC", cell).lstrip("-+－"))


_DIGITS = regex.compile(r"\d+")


def _alike(cell: str, words: frozenset[str]) -> float:
    """How much a cell's characters are a column's (``words_of``): the share
    of the two sets that both hold (a column of long sentences holds many
    characters, so a short cell is alike to it only a little).

    >>> round(_alike("警告并罚款14万元", words_of(["罚款56万元"])), 2), _alike("警告", frozenset())
    (0.57, 0.0)
    """
    mine = words_of([cell])
    return len(mine & words) / len(mine | words) if mine and words else 0.0


def align(cells: list[str], kinds: list[str], lengths: list[float],
          words: list[frozenset[str]] | None = None) -> list[int] | None:
    """Which column each cell of a row with empty or merged cells stands in:
    the first in the first (in the second, if the first numbers the rows
    and the row prints no number: ``其中：征地和拆迁补偿支出  171,903…``
    under ``序号  项目…``), the others in order where they fit best (by
    kind, then by how near their length is to the column's usual one, in
    steps of a tenth, and how alike their characters are to the column's
    ``words``, a jump over columns between two cells costing ``SKIP``, then
    as far left as can be); None if some cell fits nowhere. An empty cell is more often
    the last (an empty 备注) than one between two cells of text, and a
    cell's length tells its column only roughly.

    >>> align(["A1", "13725.5845", "103543.5725", "与红线交点1"],
    ...       ["code", "number", "number", "number", "number", "code", "text"], [2, 10, 11, 10, 11, 17, 5])
    [0, 1, 2, 6]
    >>> align(["2", "统一社会信用代码重错码率", "0.03%"], ["seq", "text", "text", "number"], [1, 4, 14, 4])
    [0, 2, 3]
    >>> row = ["3", "急需工种或职业资格（职业技能等级）、服务行业", "1. 职业工种或职业资格" * 5]
    >>> align(row, ["seq", "text", "text", "text"], [1, 4, 45, 32])
    [0, 1, 2]
    >>> task = ["3", "加强知识产权保护，健全快速维权机制。", "市市场监管局", "持续推进"]  # no 责任单位
    >>> align(task, ["seq", "text", "bodies", "bodies", "date"], [1, 38.5, 9, 8.5, 8])
    [0, 1, 2, 4]
    >>> align(["城市建设支出", "1,800", "1,800"], ["seq", "text", "number", "number", "number"], [1, 12, 5, 5, 4])
    [1, 2, 3]
    """
    if not cells or len(cells) > len(kinds):
        return None

    def fits(column: int, cell: str) -> float:
        return cell_fit(cell, kinds[column], lengths[column], words[column] if words else frozenset())

    @cache
    def best(index: int, column: int) -> tuple[float, tuple[int, ...]]:
        """The best placement of cells[index:] with cells[index] in ``column``."""
        if index == len(cells) - 1:
            return fits(column, cells[index]), (column,)
        last = len(kinds) - len(cells) + index + 1  # the last column the next cell may stand in
        rest = [(found - (SKIP if later > column + 1 else 0.0), places) for later in range(column + 1, last + 1)
                for found, places in [best(index + 1, later)]]
        score, places = max(rest, key=lambda found: (round(found[0], 6), [-c for c in found[1]]))
        return fits(column, cells[index]) + score, (column, *places)

    unnumbered = kinds[0] == "seq" and len(cells) < len(kinds) and row_fit("seq", cells[0]) < 0
    _, places = best(0, 1 if unnumbered else 0)
    return list(places) if standing(cells, places, kinds) else None


def standing(cells: list[str], places: tuple[int, ...] | list[int], kinds: list[str]) -> bool:
    """Whether each cell of a row may stand in the column ``places`` puts it
    in (``row_fit`` not negative).

    >>> standing(["A1", "13725.5845"], (0, 1), ["code", "number"]), standing(["A1", "圆曲线"], (0, 1),
    ...                                                                      ["code", "number"])
    (True, False)
    """
    return all(row_fit(kinds[col], cell) >= 0 for col, cell in zip(places, cells))


#: How many cells' fits ``cell_fit`` keeps: a table's rows are placed more than
#: once (``rows._Assembler.settle``, then each row), each time its cells against the same columns.
CELL_FITS = 1 << 16


def placed_fit(cells: list[str], places: tuple[int, ...], kinds: list[str], lengths: list[float],
               words: list[frozenset[str]]) -> float:
    """How well a row's cells fit the columns ``places`` puts them in, as
    ``align`` scores a placement: the cells' ``cell_fit``, less ``SKIP`` for
    each jump over columns.

    >>> kinds, lengths, words = ["code", "text", "text", "text"], [12, 14, 14, 8], [frozenset()] * 4
    >>> row = ["C01", "未组织培训", "警告"]
    >>> round(placed_fit(row, (0, 2, 3), kinds, lengths, words), 2), round(placed_fit(row, (0, 1, 2), kinds, lengths,
    ...                                                                                words), 2)
    (1.6, 1.9)
    """
    fits = sum(cell_fit(cell, kinds[col], lengths[col], words[col]) for cell, col in zip(cells, places))
    return fits - SKIP * sum(1 for left, right in itertools.pairwise(places) if right > left + 1)


@lru_cache(maxsize=CELL_FITS)
def cell_fit(cell: str, kind: str, length: float, words: frozenset[str]) -> float:
    """How well a cell of a row printed one a line fits a column of ``kind``
    whose cells are ``length`` long as a rule and written with ``words``:
    ``row_fit``, less how far the cell's length is from the usual one (in
    steps of a tenth), plus ``LIKE`` times how alike their characters are.

    >>> round(cell_fit("市财政局", "bodies", 4, frozenset("市税务局")), 2)
    2.67
    >>> cell_fit("市财政局", "number", 4, frozenset())
    -3.0
    """
    usual = max(length, 1.0)
    like = LIKE * _alike(cell, words) if words else 0.0
    return row_fit(kind, cell) - round(abs(math.log(max(len(cell), 1) / usual)) / 4, 1) + like


def fit(kind: str, cell: str) -> int:
    """How well ``cell`` fits a column of ``kind``: 2 good, 0 possible, negative unlikely."""
    if not cell:
        return -9
    if kind == "seq":
        return 2 if INTEGER.match(cell) else -4
    if kind == "number":
        return 2 if is_number(cell) else -2
    if kind == "date":
        return 2 if _DATE_CELL.match(cell) else -4
    if kind == "bodies":
        if "。" in cell:
            return -4
        return 2 if _is_bodies(cell) else -1
    return 2 if cell.endswith("。") else 0


def fits_loosely(kind: str, cell: str) -> bool:
    """Whether a lone fragment may sit in a column of ``kind`` (rows tables).

    >>> fits_loosely("text", "2"), fits_loosely("seq", "2"), fits_loosely("text", "约束性")
    (False, True, True)
    """
    if kind == "seq":
        return bool(INTEGER.match(cell))
    if kind == "number":
        return is_number(cell)
    return not INTEGER.match(cell)
