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

import regex

from .cells import INTEGER, is_number

_SEQ_HEAD = regex.compile(r"^(?:序号|编号|序)$")
_BODIES_HEAD = regex.compile(r"单位|部门|机构|主体|责任")
_DATE_HEAD = regex.compile(r"时间|时限|期限|日期|节点|年限")
_NUMBER_HEAD = regex.compile(r"[（(](?:个|亿元|万元|元|%|％|人|项)[）)]$|数$|金额|比重|比例")
_DATE_CELL = regex.compile(r"^(?:\d{4}年|\d{1,2}月|长期|持续|每年|即时|常态化)")
_BODY_END = regex.compile(
    r"(?:厅|局|府|关|团|行|会|委|办|院|部|司|处|室|中心|公司|单位|街道|署|站|所|队|馆|社|台|组)$"
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
    """The kind of a column from cells known to belong to it.

    >>> kind_of_cells(["1", "8"]), kind_of_cells(["93%", "3个"]), kind_of_cells(["约束性", "翻一番"])
    ('seq', 'number', 'text')
    """
    if cells and all(INTEGER.match(cell) for cell in cells):
        return "seq"
    if cells and all(is_number(cell) for cell in cells):
        return "number"
    return "text"


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
        return 2 if _BODY_END.search(cell) and not regex.search(r"\d", cell) else -1
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
