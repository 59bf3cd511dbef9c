"""Rebuild a table printed one row a line: header, rows, merged cells, notes.

What a text layer does to such a table (seed 003), and how it is undone:

* **header cells broken over lines** (``领域`` / ``项目数`` / ``（个）`` / …): the
  pieces are grouped into as many heads as the rows have cells, a piece in
  brackets (a unit) closing the head before it;
* **a head written once over several columns** (``二级指标`` over ``综合型  业态多样``):
  rows print more cells than the header has heads; the heads whose kinds
  fit the columns under them span them (``_head_spans``);
* **lost decimal points** (``占比重 ６ ２``): a row with one cell too many whose
  two last digit groups read as one number; the column is checked against
  the table's own arithmetic (shares summing to 100, a 合计 row) — see
  ``arithmetic``;
* **merged cells**: the row numbers and the category of a group of rows
  come first, one a line (``３`` / ``４`` / ``５`` / ``信用应用``), then the rows
  without them: the numbers go to the rows in order and the category spans
  them (``rowspan``); a row missing leading cells otherwise continues the
  cell above it;
* **multi-line cells** (``２ 类`` / ``１０—１９ 座（…）`` / ``乘用车列车`` / ``２``):
  fragments gather until one fits the last column, then fill the row;
  a line ending inside brackets goes on in the next line; fragments before
  a full row are the start of its first cell (a name wrapped over lines);
* a repeated header row or ``续表`` after a page break is dropped; ``注：``
  lines become the table's notes.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import combinations, pairwise

import regex

from ..model import Line, Repair
from .arithmetic import TOTAL, lost_decimal_column
from .cells import CLAUSE, INTEGER, ROW_NUMBER, bracket_depth, is_number, opens_numbered, split_cells, wide_cells
from .columns import (
    align,
    cell_fit,
    fits_loosely,
    kind_of_cells,
    kind_of_head,
    majority_kind,
    placed_fit,
    row_fit,
    row_number,
    standing,
    words_of,
)
from .detect import (
    BLANK_ROW,
    CONTINUED,
    MAX_EXTRA_CELLS,
    MIN_FULL_ROW,
    NOTE,
    is_header_piece,
    is_section_row,
    is_sub_head,
    is_title,
    unbracketed,
)
from .groups import grouped_rows
from .model import Cell, Row, Table
from .sides import side_rows, side_starts
from .stacked import TableShapeError

#: Complete rows needed to read the columns off them; else rows that begin
#: with their own key, at least this share of them, show them from the left.
MIN_FULL_ROWS = 2
KEYED_SHARE = 0.6
_HAN = regex.compile(r"\p{Han}")
#: A head of one level of what a table grades (``一级指标``, ``二级指标``).
_LEVEL_HEAD = regex.compile(r"^[一二三四五六]级(?=\p{Han})")


@dataclass
class RowsRead:
    """A rows table read: the grid, the repairs made to its lines, and what
    each line became (for the repair log)."""

    table: Table
    repairs: list[Repair] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)


@dataclass
class _Logical:
    """One printed row or cell line: source lines joined while brackets are open."""

    lines: list[Line]
    cells: list[str]

    @property
    def text(self) -> str:
        """Its lines' text, joined by a space."""
        return " ".join(line.text.strip() for line in self.lines)

    def split(self, units: tuple[str, ...]) -> None:
        """(Re)read the cells from the lines' current text."""
        self.cells = split_cells(self.text, units)


def read_rows(lines: list[Line], units: tuple[str, ...], header_words: tuple[str, ...], over: int = 0,
              headed: bool = True) -> RowsRead:
    """The table of a rows region (raises ``TableShapeError`` when it does
    not read); its first ``over`` lines are rows printed above the header;
    a region not ``headed`` is rows only (``detect._headless_length``)."""
    read = RowsRead(Table([], lines=[line.no for line in lines]))
    index = over
    if not over and is_title(lines[0]):
        read.table.title = lines[0].text.strip()
        read.places[lines[0].no] = "title"
        index = 1
    header, index = _header_lines(lines, index, units) if headed else ([], index)
    body = lines[index:]
    first_note = next((i for i, line in enumerate(body) if NOTE.match(line.text.strip())), len(body))
    notes = body[first_note:]
    body = [line for before, line in zip([None, *body], body[:first_note]) if not _repeats_header(line, header, before)]
    logical = _logical_lines(body, units)
    read.repairs += lost_decimal_column(logical, header, units)
    for row in logical:
        row.split(units)
    single = split_cells(header[0].text.strip(), units) if len(header) == 1 else None
    if single and kind_of_head(single[0]) != "seq" and _names_first(logical):
        for row in logical:
            row.cells = _numbered_name(row.cells)
    if single and _corner(single, logical):
        single = ["", *single]
    grouped = _grouped_header(single, logical) if single else None
    if grouped is not None:
        header_rows, width = grouped
        header.extend(logical[0].lines)
        logical = logical[1:]
        if (codes := _code_columns(header_rows)) is not None:
            for row in logical:
                row.cells = _leveled(row.cells, codes, width)
    elif single and (spans := _head_spans(single, logical)) is not None:
        width = sum(spans)
        header_rows = [Row([Cell(head, colspan=span) for head, span in zip(single, spans)], header=True)]
    else:
        width = len(single) if single else _width(logical)
        header_rows = [Row([Cell(head) for head in single or _grouped_heads(header, width)], header=True)] \
            if header else []
    blank = all(BLANK_ROW.match(line.text.strip()) for line in body)  # a blank list: numbers to fill in, or none
    if blank:
        rows = [Row([Cell(line.text.strip())] + [Cell("") for _ in range(width - 1)]) for line in body]
        read.places.update((line.no, f"row {number}: {line.text.strip()}") for number, line in enumerate(body, 1))
    elif single and grouped is None and (groups := grouped_rows(single, [row.cells for row in logical])):
        header_rows, rows = groups[:1], groups[1:]  # the first column groups the rows (groups.py)
        read.places.update((line.no, f"row {number}: {' | '.join(row.cells)}")
                           for number, row in enumerate(logical, 1) for line in row.lines)
    elif single and width == len(single) and (starts := side_starts(single)) and (
            sided := side_rows([row.cells for row in logical], starts, width)):
        rows = sided  # two sides printed side by side (sides.py)
        read.places.update((line.no, f"row {number}: {' | '.join(row.cells)}")
                           for number, row in enumerate(logical, 1) for line in row.lines)
    else:
        filled = _filled_columns(logical, [cell.text for cell in header_rows[0].cells] if header_rows else [], width)
        named = single[filled.start : filled.stop] if single and len(single) == width else None
        rows = [_padded(row, filled, width)
                for row in _assemble(logical, len(filled), read.places, units, single, named)]
    read.table.rows = [_row_over(line, units, width) for line in lines[:over]] + header_rows + rows
    read.places.update((line.no, "row over the header") for line in lines[:over])
    read.table.notes = ["".join(line.text.strip() for line in notes)] if notes else []
    read.places.update((line.no, "header") for line in header)
    read.places.update((line.no, "note") for line in notes)
    for line in lines:
        read.places.setdefault(line.no, "repeated header")
    return read


def _names_first(logical: list[_Logical]) -> bool:
    """Whether most rows open with a name (Chinese), not with a number or a code.

    >>> _names_first([_Logical([], ["一、财政拨款收入", "189,767,551"]), _Logical([], ["1.", "一般公共预算资金"]),
    ...               _Logical([], ["二、事业收入", "0"])])
    True
    """
    return sum(1 for row in logical if row.cells and _HAN.match(row.cells[0])) > len(logical) / 2


def _numbered_name(cells: list[str]) -> list[str]:
    """A row's cells with a number that opens its first cell's words kept in
    that cell, where the rows' first cells are names under a header without
    a column of numbers (``1. 一般公共预算资金`` among ``一、财政拨款收入``,
    ``二、事业收入`` under ``项目  预算数``, in a layer that parts cells by one
    space: ``cells.split_cells`` parts them where a column of numbers may hold it).

    >>> _numbered_name(["1.", "一般公共预算资金", "189,767,551"]), _numbered_name(["１", "张宇雯"])
    (['1. 一般公共预算资金', '189,767,551'], ['１', '张宇雯'])
    """
    if len(cells) >= 2 and ROW_NUMBER.fullmatch(cells[0]) and _HAN.match(cells[1]):
        return [f"{cells[0]} {cells[1]}", *cells[2:]]
    return cells


def _row_over(line: Line, units: tuple[str, ...], width: int) -> Row:
    """A row printed above the header: its cells, then empty ones (``detect._rows_over``)."""
    cells = split_cells(line.text.strip(), units)
    return Row([Cell(text) for text in cells] + [Cell("") for _ in range(width - len(cells))])


def _header_lines(lines: list[Line], index: int, units: tuple[str, ...]) -> tuple[list[Line], int]:
    """The header: one line of cells, or short pieces up to the first row of cells."""
    if len(split_cells(lines[index].text.strip(), units)) >= 2:
        return [lines[index]], index + 1
    start = index
    while index < len(lines) and is_header_piece(lines[index], units):
        index += 1
    return lines[start:index], index


def _repeats_header(line: Line, header: list[Line], before: Line | None) -> bool:
    """``续表``, or a header row printed again after a page break (the
    layout's, left out); printed again on the same page, it heads the
    table's next part and is kept (``_assemble``'s ``heads``)."""
    text = line.text.strip()
    again = len(header) == 1 and text == header[0].text.strip()
    return bool(CONTINUED.match(text)) or (again and (before is None or before.page != line.page))


def _logical_lines(body: list[Line], units: tuple[str, ...]) -> list[_Logical]:
    """Lines joined while a bracket is open: ``…总质量小于`` / ``４５００ 千克） ２``."""
    logical: list[_Logical] = []
    for line in body:
        if (logical and bracket_depth(" ".join(part.text for part in logical[-1].lines)) > 0
                and not _numbered_row(line, units)):
            logical[-1].lines.append(line)
        else:
            logical.append(_Logical([line], []))
    for row in logical:
        row.split(units)
    return logical


def _numbered_row(line: Line, units: tuple[str, ...]) -> bool:
    """A line opening with a row's number and two cells more: a row of its
    own, even under a row whose bracket was left open (a cell that lost its
    ``）``: ``黄昌华（南昌高新区管委会项目办主任``)."""
    return opens_numbered(split_cells(line.text.strip(), units))


def _grouped_header(top: list[str], logical: list[_Logical]) -> tuple[list[Row], int] | None:
    """A header over two lines whose first groups the columns of the second
    (``坐标编号 | 左侧边缘线 | 右侧边缘线 | 说明`` over ``X Y X Y``), when the rows
    have more cells than either line: the first head spans both lines, the
    middle heads share the sub-heads, the last spans what is left.

    >>> rows, width = _grouped_header(["编号", "左侧", "右侧", "说明"],
    ...     [_Logical([], ["X", "Y", "X", "Y"]), _Logical([], ["A1", "1.5", "2.5", "3.5", "4.5", "R-1", "点"])])
    >>> width, [[(c.text, c.rowspan, c.colspan) for c in row.cells] for row in rows][0]
    (7, [('编号', 2, 1), ('左侧', 1, 2), ('右侧', 1, 2), ('说明', 2, 2)])
    """
    if len(logical) < 2 or len(top) < 3:
        return None
    sub = logical[0].cells
    width = _body_width(logical[1:])
    if not all(map(is_sub_head, sub)) or not (len(top) < width and len(sub) < width):
        return _grouped_shared(top, sub, width)
    middle = top[1:-1]
    if _repeats_for_last(top, sub, width):
        return _grouped_last(top, sub, width)
    if not (len(sub) % len(middle) == 0 and width - 1 - len(sub) >= 1):
        return (_grouped_coded(top, sub, width) or _grouped_last(top, sub, width) or _grouped_named(top, sub, width)
                or _grouped_shared(top, sub, width))
    span = len(sub) // len(middle)
    first = [Cell(top[0], rowspan=2)] + [Cell(text, colspan=span) for text in middle]
    first.append(Cell(top[-1], rowspan=2, colspan=width - 1 - len(sub)))
    return [Row(first, header=True), Row([Cell(text) for text in sub], header=True)], width


def _grouped_coded(top: list[str], sub: list[str], width: int) -> tuple[list[Row], int] | None:
    """A header whose head naming a code groups the code's levels printed
    under it (``功能分类科目编码`` over ``类  款  项``, a budget's subject code
    in the columns of its levels): the other heads span both lines.

    >>> top = ["功能分类科目编码", "功能分类科目名称", "合计", "财政拨款收入", "其他收入"]
    >>> rows, width = _grouped_coded(top, ["类", "款", "项"], 7)
    >>> [[(c.text, c.rowspan, c.colspan) for c in row.cells] for row in rows][0][:2]
    [('功能分类科目编码', 1, 3), ('功能分类科目名称', 2, 1)]
    """
    coded = [at for at, head in enumerate(top) if _names_levels_of(head, sub)]
    if len(coded) != 1 or len(top) + len(sub) - 1 < width:
        return None
    first = [Cell(text, colspan=len(sub)) if at == coded[0] else Cell(text, rowspan=2) for at, text in enumerate(top)]
    return [Row(first, header=True), Row([Cell(text) for text in sub], header=True)], len(top) + len(sub) - 1


def _code_columns(header: list[Row]) -> range | None:
    """The columns of a code's levels under a header that groups them
    (``_grouped_coded``): ``range(0, 3)`` under ``功能分类科目编码`` over ``类  款  项``.

    >>> rows, width = _grouped_coded(["功能分类科目编码", "功能分类科目名称", "合计"], ["类", "款", "项"], 5)
    >>> _code_columns(rows)
    range(0, 3)
    """
    at = 0
    for cell in header[0].cells:
        if len(header) == 2 and cell.colspan > 1 and _names_levels_of(cell.text, [sub.text for sub in header[1].cells]):
            return range(at, at + cell.colspan)
        at += cell.colspan
    return None


def _names_levels_of(head: str, sub: list[str]) -> bool:
    """Whether a head names a code whose levels the sub-heads are (``功能分类科目编码`` over ``类  款  项``)."""
    return bool(_CODE_HEAD.search(head)) and all(map(_CODE_LEVEL.fullmatch, sub))


def _leveled(cells: list[str], codes: range, width: int) -> list[str]:
    """A row's cells with an empty cell for each level of its code it does
    not print: a 类's own row prints no 款 or 项, and a 类 or 款 merged
    down over the rows under it is printed in its first row only. The
    printed levels follow each other from the first one's: 类 where its
    code has three digits, 款 where two (the classification of government
    revenue and expenditure numbers a 类 by three digits, a 款 and a 项 by
    two each). Other rows (``合计``, no code) are left as they are.

    >>> codes = range(0, 3)
    >>> _leveled(["201", "一般公共服务支出", "3,296,600"], codes, 5)
    ['201', '', '', '一般公共服务支出', '3,296,600']
    >>> _leveled(["05", "07", "专项普查活动", "438,300"], codes, 5)
    ['', '05', '07', '专项普查活动', '438,300']
    >>> _leveled(["合计", "189,767,551"], codes, 5)
    ['合计', '189,767,551']
    """
    printed = len(cells) - (width - len(codes))
    lead = cells[codes.start : codes.start + printed]
    if not 1 <= printed < len(codes) or not all(INTEGER.match(code) for code in lead) \
            or not _HAN.search(cells[codes.start + printed]):
        return cells  # no code, or a figure not printed (the name is not right after the codes)
    first = min(0 if len(lead[0]) >= _CLASS_DIGITS else 1, len(codes) - printed)
    levels = [""] * first + lead + [""] * (len(codes) - first - printed)
    return cells[: codes.start] + levels + cells[codes.start + printed :]


#: The digits of a budget subject's 类 (its 款 and 项 have two each).
_CLASS_DIGITS = 3


#: A head over the columns of a code's levels (``功能分类科目编码``, ``科目代码``).
_CODE_HEAD = regex.compile(r"(?:编码|代码)$")
#: A level of a budget's subject code (``类``, ``款``, ``项``, ``目``).
_CODE_LEVEL = regex.compile(r"[类款项目]")


def _repeats_for_last(top: list[str], sub: list[str], width: int) -> bool:
    """Whether the sub-heads are the header's first heads printed again for
    each of the last heads that group them (``结果维持 … 总计`` first in the
    header, 行政复议's, then twice under ``未经复议直接起诉  复议后起诉``,
    行政诉讼's): two groups or more. (``X  Y  X  Y`` under ``坐标编号  左侧边缘线
    右侧边缘线  说明`` repeats no head: the middle heads group them.)

    >>> top = ["结果维持", "总计", "未经复议直接起诉", "复议后起诉"]
    >>> _repeats_for_last(top, ["结果维持", "总计", "结果维持", "总计"], 6)
    True
    >>> _repeats_for_last(["编号", "左侧", "右侧", "说明"], ["X", "Y", "X", "Y"], 6)
    False
    """
    grouped = len(top) + len(sub) - width
    if grouped < 2 or len(sub) % grouped:
        return False
    block = sub[: len(sub) // grouped]
    return sub == block * grouped and top[: len(block)] == block


def _grouped_last(top: list[str], sub: list[str], width: int) -> tuple[list[Row], int] | None:
    """A header whose last heads group the sub-heads printed under them
    (``省（市） | 1995年招生人数 | 扩招 | 分年度招生任务`` over ``1996年 1997年
    1998年``): the heads before span both lines, and so does a column of
    remarks after them (``资格条件  备注`` over ``专业  最低学历  其他条件``:
    remarks are one column, ``_REMARKS``).

    >>> rows, width = _grouped_last(["省（市）", "招生人数", "扩招", "分年度招生任务"], ["1996年", "1997年", "1998年"],
    ...                             6)
    >>> [[(c.text, c.rowspan, c.colspan) for c in row.cells] for row in rows][0][-2:]
    [('扩招', 2, 1), ('分年度招生任务', 1, 3)]
    >>> rows, width = _grouped_last(["序号", "职位名称", "资格条件", "备注"], ["专业", "最低学历", "其他条件"], 6)
    >>> [[(c.text, c.rowspan, c.colspan) for c in row.cells] for row in rows][0][-2:]
    [('资格条件', 1, 3), ('备注', 2, 1)]
    """
    grouped = len(top) + len(sub) - width
    if grouped < 1 or len(sub) % grouped or grouped >= len(top):
        return None
    span = len(sub) // grouped
    end = len(top) - (1 if _REMARKS.fullmatch(top[-1]) and grouped < len(top) - 1 else 0)
    first = ([Cell(text, rowspan=2) for text in top[: end - grouped]]
             + [Cell(text, colspan=span) for text in top[end - grouped : end]]
             + [Cell(text, rowspan=2) for text in top[end:]])
    return [Row(first, header=True), Row([Cell(text) for text in sub], header=True)], width


#: The head of a column of remarks, which groups no sub-heads.
_REMARKS = regex.compile(r"备\s*注|附\s*注")


def _grouped_named(top: list[str], sub: list[str], width: int) -> tuple[list[Row], int] | None:
    """A header one of whose heads names what the sub-heads under it are,
    they all end as it does (``监测值`` over ``最大值  最小值  平均值``): it
    spans them, the other heads span both lines. The rows fill its columns
    or leave the last one empty (a ``备注`` to fill in). Of two heads ending
    so (``限值``, ``监测值``), the later groups: the sub-heads are printed
    under the last of the heads they could belong to.

    >>> top = ["序号", "指标", "限值", "监测值", "合格率", "备注"]
    >>> rows, width = _grouped_named(top, ["最大值", "最小值", "平均值"], 7)
    >>> width, [(c.text, c.rowspan, c.colspan) for c in rows[0].cells][2:5]
    (8, [('限值', 2, 1), ('监测值', 1, 3), ('合格率', 2, 1)])
    >>> _grouped_named(["序号", "地区", "人数", "备注"], ["男", "女"], 5) is None
    True
    """
    columns = len(top) - 1 + len(sub)
    ending = _common_ending(sub)
    named = [index for index, head in enumerate(top) if index and ending and head.endswith(ending)]
    if not named or not width <= columns <= width + 1:
        return None
    at = named[-1]
    first = [Cell(text, rowspan=2) for text in top[:at]] + [Cell(top[at], colspan=len(sub))]
    first += [Cell(text, rowspan=2) for text in top[at + 1:]]
    return [Row(first, header=True), Row([Cell(text) for text in sub], header=True)], columns


def _grouped_shared(top: list[str], sub: list[str], width: int) -> tuple[list[Row], int] | None:
    """A header whose heads over sub-heads share characters with each of
    them, their notes in brackets aside (``不动产登记部门登记的宗地情况`` over
    ``最终确定的宗地数（宗）  最终确定的登记宗地面积（亩）``, ``出租面积（亩）`` over
    ``出租给工业企业  出租给非工业/个人等主体``): the sub-heads go, in order, two
    or more under each head that groups them, ``MIN_SHARED`` characters a
    sub-head on average (one character is chance: ``区`` of ``地区`` and
    ``东城区``), so that they share the most characters; the other heads span
    both lines. The rows may print fewer
    cells than the columns (empty ones left out), never more. None where the
    sub-heads cannot all go under heads they share characters with, or are no
    heads (a figure, a sentence, longer than ``MAX_SHARED_SUB_HEAD``).

    >>> top = ["序号", "企业名称", "宗地情况", "出租面积（亩）", "街道"]
    >>> rows, width = _grouped_shared(top, ["宗地数（宗）", "宗地面积（亩）", "出租给工业企业", "出租给个人"], 5)
    >>> width, [(c.text, c.rowspan, c.colspan) for c in rows[0].cells][1:4]
    (7, [('企业名称', 2, 1), ('宗地情况', 1, 2), ('出租面积（亩）', 1, 2)])
    >>> _grouped_shared(["序号", "地区", "人数", "备注"], ["东城区", "西城区"], 4) is None
    True
    """
    if len(top) < 3 or len(sub) < 2 or not all(_sharing_sub_head(cell) for cell in sub):
        return None
    best: dict[tuple[int, int], tuple[int, tuple[int, ...]]] = {(0, 0): (0, ())}  # (heads, sub-heads) → score, spans
    for head, text in enumerate(top):
        for start in range(len(sub) + 1):
            if (head, start) not in best:
                continue
            score, spans = best[head, start]
            alone = (score, (*spans, 0))  # the head over no sub-head: it spans both lines
            best[head + 1, start] = max(best.get((head + 1, start), alone), alone)
            for stop in range(start + 2, len(sub) + 1):
                shared = [_shared(text, cell) for cell in sub[start:stop]]
                if not all(shared):
                    break
                if sum(shared) < MIN_SHARED * len(shared):
                    continue
                found = (score + sum(shared), (*spans, stop - start))
                best[head + 1, stop] = max(best.get((head + 1, stop), found), found)
    if (len(top), len(sub)) not in best:
        return None
    spans = best[len(top), len(sub)][1]
    columns = sum(max(span, 1) for span in spans)
    if columns < width:
        return None
    first = [Cell(text, colspan=span) if span else Cell(text, rowspan=2) for text, span in zip(top, spans, strict=True)]
    return [Row(first, header=True), Row([Cell(text) for text in sub], header=True)], columns


#: Characters a group's sub-heads share with their head, on average at least.
MIN_SHARED = 2
#: A sub-head that shares characters with the head over it may be this long.
MAX_SHARED_SUB_HEAD = 16
#: Characters too common in heads to tie a sub-head to the head over it.
_COMMON = frozenset("的和及与或等")


def _sharing_sub_head(cell: str) -> bool:
    """Whether a cell may be a sub-head under a head it shares characters
    with (``_grouped_shared``): longer than a sub-head found by its
    shortness alone may be (``detect.is_sub_head``), no figure, no clause.

    >>> _sharing_sub_head("最终确定的登记宗地面积（亩）"), _sharing_sub_head("12.5"), _sharing_sub_head("本科，男")
    (True, False, False)
    """
    return 0 < len(cell) <= MAX_SHARED_SUB_HEAD and not is_number(cell) and not CLAUSE.search(cell)


def _shared(head: str, sub: str) -> int:
    """How many characters a sub-head shares with a head, their notes in
    brackets (units) aside.

    >>> _shared("出租面积（亩）", "出租给工业企业"), _shared("出租面积（亩）", "宗地面积（亩）")
    (2, 2)
    >>> _shared("街道", "详细地址")
    0
    """
    return len(set(_HAN.findall(unbracketed(head))) & set(_HAN.findall(unbracketed(sub))) - _COMMON)


def _corner(heads: list[str], logical: list[_Logical]) -> bool:
    """Whether the header leaves the corner over the rows' names empty: the
    complete rows hold a cell more than the heads, names first and figures
    after, and every head names a figure's unit or year
    (``运营线路长度（公里）  运营线路条数（条）  …`` over ``上海  669.5  15  898  38.7``).

    >>> rows = [_Logical([], ["上海", "669.5", "15"]), _Logical([], ["北京", "637.6", "20"])]
    >>> _corner(["长度（公里）", "条数（条）"], rows), _corner(["城市", "长度（公里）"], rows)
    (True, False)
    """
    full = [row.cells for row in logical if len(row.cells) == len(heads) + 1 and all(row.cells)]
    return (len(full) >= MIN_FULL_ROWS and all(map(_FIGURE_HEAD.search, heads))
            and all(_HAN.search(cells[0]) and not is_number(cells[0]) and all(map(is_number, cells[1:]))
                    for cells in full))


#: A head of figures: its unit in brackets last, or a year.
_FIGURE_HEAD = regex.compile(r"[（(][^（）()]{1,6}[）)]$|^[0-9０-９]{4}年")


def _head_spans(heads: list[str], logical: list[_Logical]) -> list[int] | None:
    """How many columns each head is written once over, where rows print
    more cells than the header has heads, none empty (a Word table's head
    across two columns, ``二级指标`` over ``综合型  业态多样（10分）``; a head over
    a row's number and its category; not a spacer column's tab after a tab),
    two rows at least, not all of them two codes side by side (spaces inside
    cells, ``_body_width``; a clause and a standard, ``8.3.5e)  GJB 909-1990``,
    are two cells in a row or two): the heads cover the columns in order so that
    most columns stand under a head whose kind fits them, of several ways the
    one whose earlier heads span more; None where the rows show no such heads.

    >>> rows = [_Logical([], ["1", "南昌市", "东湖区", "12.5"]), _Logical([], ["2", "南昌市", "西湖区", "8.1"])]
    >>> _head_spans(["序号", "地区", "面积（万元）"], rows), _head_spans(["地区", "面积（万元）"], rows)
    ([1, 2, 1], [3, 1])
    >>> _head_spans(["序号", "地区", "区", "面积（万元）"], rows) is None
    True
    """
    width = max((len(row.cells) for row in logical), default=0)
    wider = [row.cells for row in logical if len(row.cells) == width and all(row.cells)]
    if width <= len(heads) or len(wider) < MIN_FULL_ROWS or all(_code_pair(cells) is not None for cells in wider):
        return None
    kinds = [majority_kind([cells[at] for cells in wider]) for at in range(width)]
    best: dict[tuple[int, int], tuple[int, tuple[int, ...]]] = {(0, 0): (0, ())}  # (heads, columns) → score, spans
    for head, text in enumerate(heads):
        for start in range(head, width):
            if (head, start) not in best:
                continue
            score, spans = best[head, start]
            for stop in range(start + 1, width - (len(heads) - head - 1) + 1):
                found = (score + sum(_head_fits(text, kinds[column]) for column in range(start, stop)),
                         (*spans, stop - start))
                best[head + 1, stop] = max(best.get((head + 1, stop), found), found)
    return list(best[len(heads), width][1])


def _head_fits(head: str, kind: str) -> bool:
    """Whether a column of cells of ``kind`` may stand under ``head`` (a head
    naming no kind stands over any column but one of row numbers)."""
    named = kind_of_head(head)
    return named == kind or (named == "text" and kind != "seq") or (named == "number" and kind == "seq")


def _common_ending(texts: list[str]) -> str:
    """The characters all ``texts`` end with (``值`` of ``最大值  最小值``)."""
    ending = texts[0] if texts else ""
    for text in texts[1:]:
        while not text.endswith(ending):
            ending = ending[1:]
    return ending


def _filled_columns(logical: list[_Logical], heads: list[str], width: int) -> range:
    """Which of a table's ``width`` columns its rows fill: all, unless no
    row has a cell for each head and every row has two cells at least (no
    numbers or categories printed apart before the rows). Then the rows
    fill the columns after the first where it names what the heads after
    it grade (``绩效指标`` over ``一级指标  二级指标  三级指标  年度指标值``, a
    绩效目标表: it is merged down over every row), else those before the
    last (``得分``, ``备注``: columns left empty, to fill in).

    >>> rows = [_Logical([], ["创新投入", "创新经费", "研发人员人均研发经费支出", "万元", "8"]),
    ...         _Logical([], ["研发经费支出占主营业务收入的比重", "%", "12"])]
    >>> _filled_columns(rows, ["一级指标", "二级指标", "三级指标", "单位", "权重", "得分"], 6)
    range(0, 5)
    >>> _filled_columns(rows, ["绩效指标", "一级指标", "二级指标", "三级指标", "单位", "指标值"], 6)
    range(1, 6)
    >>> _filled_columns([_Logical([], ["１"])] + rows, ["一级指标", "二级指标", "三级指标", "单位", "权重", "得分"], 6)
    range(0, 6)
    """
    most = max((len(row.cells) for row in logical), default=width)
    apart = any(len(row.cells) < 2 for row in logical)
    if not 2 <= most < width or apart:
        return range(width)
    return range(width - most, width) if _names_levels(heads) or _unprinted_numbers(logical, heads) else range(most)


def _unprinted_numbers(logical: list[_Logical], heads: list[str]) -> bool:
    """Whether the first column numbers the rows (``序号``) but no row prints
    its number: a word processor's numbering, which is not in the text.

    >>> rows = [_Logical([], ["美发师", "宁波市美发美容行业协会", "一类竞赛", "10月"])]
    >>> _unprinted_numbers(rows, ["序号", "竞赛职业（工种）", "承办单位", "竞赛类别", "比赛时间"])
    True
    >>> _unprinted_numbers([_Logical([], ["1", "美发师", "一类竞赛"])], ["序号", "竞赛职业", "竞赛类别", "备注"])
    False
    >>> _unprinted_numbers([_Logical([], ["一", "政府性基金支出", "253"])], ["序号", "项目", "预算数"])
    False
    """
    return (bool(heads) and kind_of_head(heads[0]) == "seq"
            and not any(row.cells and row_number(row.cells[0]) for row in logical))


def _names_levels(heads: list[str]) -> bool:
    """Whether the first head names what two heads or more after it grade
    (``绩效指标`` over ``一级指标  二级指标``; not ``一级指标`` itself).

    >>> _names_levels(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
    True
    >>> _names_levels(["一级指标", "二级指标", "三级指标"])
    False
    """
    levels = [head for head in heads[1:] if _LEVEL_HEAD.match(head)]
    return (len(levels) >= 2 and not _LEVEL_HEAD.match(heads[0])
            and all(heads[0].endswith(_LEVEL_HEAD.sub("", head)) for head in levels))


def _padded(row: Row, filled: range, width: int) -> Row:
    """A row of the ``filled`` columns, with empty cells for the others
    (a cell across the filled columns goes across them all)."""
    if len(filled) == width:
        return row
    if len(row.cells) == 1 and row.cells[0].colspan == len(filled):
        return Row([replace(row.cells[0], colspan=width)], row.header)
    before, after = [Cell("") for _ in range(filled.start)], [Cell("") for _ in range(width - filled.stop)]
    return Row(before + row.cells + after, row.header)


def _body_width(logical: list[_Logical]) -> int:
    """The number of columns the rows show: the most cells a row has, unless
    every such row has a cell split in two by a space (two code cells side
    by side) and other rows have one cell fewer."""
    counts = Counter(len(row.cells) for row in logical)
    top = max(counts)
    fullest = [row.cells for row in logical if len(row.cells) == top]
    split = all(_code_pair(cells) is not None for cells in fullest)
    return top - 1 if split and counts.get(top - 1) else top


def _width(logical: list[_Logical]) -> int:
    """Columns of a table whose header does not say: the widest row, plus the
    leading columns printed before the rows (``１`` / ``２`` / ``第一类``)."""
    widest = max(len(row.cells) for row in logical)
    lead = 0
    for row in logical:
        if len(row.cells) > 1:
            break
        lead = max(lead, 1 if INTEGER.match(row.cells[0]) else 2)
    first = next((len(row.cells) for row in logical if len(row.cells) > 1), widest)
    return max(widest, first + lead) if lead and INTEGER.match(logical[0].cells[0]) else widest


def _grouped_heads(header: list[Line], width: int) -> list[str]:
    """Header pieces grouped into ``width`` heads, a unit in brackets closing its head."""
    pieces: list[str] = []
    for line in header:
        text = line.text.strip()
        if pieces and text.startswith(("（", "(")):
            pieces[-1] += text
        else:
            pieces.append(text)
    return _group_pieces(pieces, width)


def _group_pieces(pieces: list[str], width: int) -> list[str]:
    """Join header pieces into ``width`` heads; a head should end in its unit.

    >>> _group_pieces(["领域", "项目数（个）", "“十四五”计划", "投资（亿元）", "占比", "比重（%）"], 4)
    ['领域', '项目数（个）', '“十四五”计划投资（亿元）', '占比比重（%）']
    """
    if len(pieces) < width:
        raise TableShapeError(f"{len(pieces)} header pieces for {width} columns")
    best: tuple[int, list[str]] | None = None
    for cuts in _cut_choices(len(pieces), width):
        heads = _joined(pieces, cuts)
        score = sum(1 for head in heads[1:] if head.endswith(("）", ")"))) - sum(
            1 for a, b in zip((0,) + cuts, cuts + (len(pieces),)) if pieces[a].startswith(("（", "("))
        )
        if best is None or score > best[0]:
            best = (score, heads)
    assert best is not None, "there is at least one way to cut (len(pieces) >= width)"
    return best[1]


def _cut_choices(count: int, width: int):
    """Every way to cut ``count`` pieces into ``width`` non-empty runs (as cut positions)."""
    return combinations(range(1, count), width - 1)


def _assemble(logical: list[_Logical], width: int, places: dict[int, str], units: tuple[str, ...],
              heads: list[str] | None = None, named: list[str] | None = None) -> list[Row]:
    """Rows from logical lines, filling cells that merged or wrapped; a
    heading printed between full rows is a row of one cell across them; the
    ``heads`` printed again head the table's next part (no cell above them
    merges into the rows below); ``named``: the head of each of the
    ``width`` columns, where known."""
    rows = [row.cells for row in logical if len(row.cells) >= 2 and row.cells != heads]
    first = next((row for row in logical if len(row.cells) > 1 or not is_section_row(row.cells[0], units)), None)
    short_first = first is not None and 2 <= len(first.cells) < width  # under the header or a section row
    widest = max((len(cells[0]) for cells in rows if len(cells) == width), default=0)
    assembler = _Assembler(width, *_columns(rows, width, short_first, named), widest=widest)
    assembler.settle(rows)
    groups = _group_headings(logical, width)
    every = any(_TAB_AFTER_TAB.search(line.text.strip(" \u3000").rstrip("\t")) for row in logical for line in row.lines)
    for index, row in enumerate(logical):
        if heads and not assembler.pending and (row.cells == heads or _part_heads(row.cells, heads)):
            # the header again, or the heads of a part of the table, over its rows
            assembler.rows.append(Row([Cell(text) for text in row.cells]
                                      + [Cell("") for _ in range(width - len(row.cells))], header=True))
            assembler.last.clear()
            places.update((line.no, "header again") for line in row.lines)
            continue
        titled = len(row.cells) == 1 and index + 1 < len(logical) and _part_heads(logical[index + 1].cells, heads)
        if not assembler.pending and ((width >= MIN_FULL_ROW and index in groups) or titled
                                      or (width >= 2 and _heads_rows(logical, index, width, units))):
            assembler.rows.append(Row([assembler.placed_across(row.cells[0], width)]))
            places.update((line.no, f"row {len(assembler.rows)}: {row.cells[0]}") for line in row.lines)
            continue
        if len(row.cells) > width:
            wide = wide_cells(row.text)
            row.cells = wide if len(wide) == width else assembler.rejoined(row.cells, row.lines[0].no)
        elif (tabbed := _tabbed(row, width, every)) is not None:
            row.cells = tabbed
        made = assembler.take(row.cells)
        for line in row.lines:
            places[line.no] = f"row {len(assembler.rows) + (0 if made else 1)}: {' | '.join(row.cells)}"
    assembler.flush()
    return assembler.rows


#: An empty cell between two, in a layer that parts every cell by a tab.
_TAB_AFTER_TAB = regex.compile(r"[^\t]\t\t+[^\t]")


def _part_heads(cells: list[str], heads: list[str] | None) -> bool:
    """Whether a line heads a part of the table with heads of its own: the
    header's first head first, fewer heads, no figure (``信息内容  本年处理决定数量``
    under ``信息内容  本年制发件数  本年废止件数  现行有效件数``, a 政府信息公开
    年度报告's table of the 条例's items, each part under its item's line).

    >>> heads = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    >>> _part_heads(["信息内容", "本年处理决定数量"], heads), _part_heads(["信息内容", "5"], heads)
    (True, False)
    """
    return (heads is not None and 2 <= len(cells) < len(heads) and cells[0] == heads[0]
            and not any(is_number(cell) for cell in cells))


def _tabbed(row: _Logical, width: int, every: bool = False) -> list[str] | None:
    """The cells of a row line whose tabs part every cell, an empty one as
    a tab after a tab, each in its column (``2\\t陈首伟…\\t\\t\\t警告并罚款14万元``
    under six heads: its last cell empty); None where the line shows no
    empty cell so, or more cells than the table has columns. In a table
    whose rows show empty cells so (``every``), a row of fewer cells, parted
    by tabs, holds its first ones: its last are empty, their tabs not printed
    at the line's end (``４\\t物业服务合同终止…\\t１０\\t５`` under five heads).

    >>> _tabbed(_Logical([Line(1, "2\\t陈首伟\\t\\t\\t警告\\t")], []), 6)
    ['2', '陈首伟', '', '', '警告', '']
    >>> _tabbed(_Logical([Line(1, "\\t\\t1996年\\t1997年")], []), 4) is None  # leading empties: merged above
    True
    >>> _tabbed(_Logical([Line(1, "4\\t物业服务合同终止\\t10\\t5")], []), 5, every=True)
    ['4', '物业服务合同终止', '10', '5', '']
    """
    text = row.lines[0].text.strip(" \u3000").rstrip("\t")
    if len(row.lines) > 1 or text.startswith("\t") or not ("\t\t" in text or (every and "\t" in text)):
        return None
    cells = wide_cells(text)
    return cells + [""] * (width - len(cells)) if len(cells) <= width else None


def _heads_rows(logical: list[_Logical], index: int, width: int, units: tuple[str, ...]) -> bool:
    """Whether a logical line is a heading over the rows after it: one cell,
    no sentence, opened by a division's marker (``一、城区``), the next line
    that is no such heading a row, full or up to ``MAX_SHORT_CELLS`` cells
    short (its last cell empty, its first merged down), two cells at least."""
    following = index
    while following < len(logical) and len(logical[following].cells) == 1 \
            and is_section_row(logical[following].cells[0], units):
        following += 1
    return following > index and following < len(logical) \
        and len(logical[following].cells) >= max(2, width - MAX_SHORT_CELLS)


#: A row under a section row may lack this many cells (an empty last, a first merged down).
MAX_SHORT_CELLS = 2


def _group_headings(logical: list[_Logical], width: int) -> set[int]:
    """The lines that head a group of rows though no division's marker opens
    them (``期末畜禽存栏`` over ``大牲畜（万头）  ９６．９  ８．７`` …, later
    ``期末畜禽出栏`` over its own rows): one cell of words, right after a
    full row or the header and over two full rows at least, shorter than
    the longest first cell of a full row, where a table has two such lines
    at least. A name wrapped over lines (``城乡建设（含改扩建项目）`` /
    ``建设规模  ７６ 个  ８．１``) is cut where its column ends: its first
    piece is as long as the longest first cells or longer.

    >>> lines = [_Logical([], cells) for cells in (["期末畜禽存栏"], ["大牲畜（万头）", "96.9", "8.7"],
    ...          ["奶牛", "60.2", "9.2"], ["期末畜禽出栏"], ["牛", "29.4", "5.2"], ["肥猪", "221.3", "12.9"])]
    >>> sorted(_group_headings(lines, 3)), sorted(_group_headings(lines[:3], 3))
    ([0, 3], [])
    >>> wrapped = [_Logical([], cells) for cells in (["城乡建设（含改扩建项目）"], ["建设规模", "76个", "8.1"],
    ...            ["生态环保", "83个", "13.4"], ["水利工程（含改扩建项目）"], ["建设规模", "70个", "18.3"],
    ...            ["交通设施", "70个", "28.2"])]
    >>> sorted(_group_headings(wrapped, 3))
    []
    """
    longest = max((len(row.cells[0]) for row in logical if len(row.cells) == width), default=0)
    found = {index for index in range(len(logical))
             if _heads_group(logical, index, width) and len(logical[index].cells[0]) < longest}
    return found if len(found) >= 2 else set()


def _heads_group(logical: list[_Logical], index: int, width: int) -> bool:
    """Whether a line may head the rows after it (``_group_headings``)."""
    cells = logical[index].cells
    after = logical[index + 1 : index + 1 + MIN_FULL_ROWS]
    return (len(cells) == 1 and not regex.search(r"[\d。，；：]", cells[0])
            and (index == 0 or len(logical[index - 1].cells) == width)
            and len(after) == MIN_FULL_ROWS and all(len(row.cells) == width for row in after))


def _columns(rows: list[list[str]], width: int, short_first: bool = False, named: list[str] | None = None) \
        -> tuple[list[str], list[float], list[frozenset[str]]]:
    """The kind, usual length and characters of each column, as the
    complete rows show them (the characters: as any complete row shows
    them). Without enough of those, rows that begin with their own key (a
    number, a code) show the columns from the key's column on (the first,
    or the second where the complete rows open with a category before
    their number), the rows lacking at most their last cell if there are
    enough (a shorter row may lack a cell between); rows lacking their
    leading cells (a category printed once for several rows) show them from
    the right, unless the table's first line is a row lacking cells
    (``short_first``: no cell above it merges into it, so rows lack their
    last cells, an empty 备注). Where cells may be of several kinds, the
    column's head (``named``) tells which (``majority_kind``)."""
    full = [cells for cells in rows if len(cells) == width]
    keyed = [cells for cells in rows if INTEGER.match(cells[0]) or not _HAN.search(cells[0])]
    if len(full) >= MIN_FULL_ROWS:
        columns = [[cells[col] for cells in full if cells[col]] for col in range(width)]  # "" tells no kind
    elif full and len(keyed) >= KEYED_SHARE * len(rows) and (merged := _merged_after_key(full, keyed, width)):
        columns = merged
    elif len(keyed) >= KEYED_SHARE * len(rows):
        key = 1 if full and all(_HAN.search(cells[0]) and INTEGER.match(cells[1]) for cells in full) else 0
        fullest = [cells for cells in keyed if len(cells) >= width - key - 1]
        shown = fullest if len(fullest) >= MIN_FULL_ROWS else keyed
        columns = [[cells[0] for cells in full]] * key + [
            [cells[col - key] for cells in shown if len(cells) > col - key] for col in range(key, width)]
    else:
        left = [[cells[col] for cells in rows if len(cells) > col] for col in range(width)]
        right = [[cells[col - width] for cells in rows if len(cells) >= width - col] for col in range(width)]
        # nothing above the first row to merge into (its empty cells are last), or the rows
        # show columns of one kind each only from the left (``4级  正高四级`` under four heads)
        columns = left if short_first or _purity(left) > _purity(right) else right
    kinds = [majority_kind(column, named[col] if named else "") for col, column in enumerate(columns)]
    lengths = [float(statistics.median(len(cell) for cell in column)) if column else 1.0 for column in columns]
    words = [words_of([cells[col] for cells in full]) for col in range(width)] if full else [
        words_of(column) for column in columns]  # a short row's cells are in no sure column
    return kinds, lengths, words


def _merged_after_key(full: list[list[str]], keyed: list[list[str]], width: int) -> list[list[str]] | None:
    """The columns the complete rows and the keyed rows show where the keyed
    rows lack cells right after their key (a category merged down from the
    complete row above: ``2  中医药文件政策资料印刷  印刷服务  5  2021.3`` under
    ``1  北京市中医管理局  行业管理会议服务  …  34.2  2021.5``, its 采购人
    merged), where the cells agree more that way than as rows lacking their
    last cells, figures with figures and words with words (the complete
    rows' cells counted, ``_agreement``); None where they do not.

    >>> full = [["1", "北京市中医管理局", "会议服务", "依据实际需要，完成", "34.2", "2021.5"]]
    >>> keyed = full + [["2", "资料印刷", "印刷服务", "5", "2021.3"], ["3", "培训服务", "提供培训", "100", "2021.4"]]
    >>> [column[-1] for column in _merged_after_key(full, keyed, 6)]
    ['3', '北京市中医管理局', '培训服务', '提供培训', '100', '2021.4']
    """
    short = [cells for cells in keyed if len(cells) < width]
    if not short or not all(INTEGER.match(cells[0]) or not _HAN.search(cells[0]) for cells in full):
        return None  # the complete rows open with a category before their key: ``_columns``'s keyed rows
    lacking = width - min(len(cells) for cells in short)
    placings = []
    for shift in range(lacking + 1):
        columns: list[list[str]] = [[cells[col] for cells in full] for col in range(width)]
        for cells in short:
            columns[0].append(cells[0])
            for at, cell in enumerate(cells[1:], start=1 + shift):
                if at < width:
                    columns[at].append(cell)
        placings.append((_agreement(columns, _figure_or_kind), -shift, columns))
    best = max(placings, key=lambda placing: placing[:2])
    return best[2] if best[1] < 0 and best[0] > placings[0][0] else None


def _agreement(columns: list[list[str]], kind: Callable[[str], str]) -> int:
    """How many cells are of the ``kind`` most cells of their column are.

    >>> _agreement([["34.2", "5"], ["依据实际需要", "印刷服务"]], _figure_or_kind)
    4
    >>> _agreement([["依据实际需要", "5"], ["34.2", "2021.3"]], _figure_or_kind)
    3
    """
    kinds = [Counter(map(kind, column)) for column in columns]
    return sum(max(counts.values()) for counts in kinds if counts)


def _figure_or_kind(cell: str) -> str:
    """A cell's kind with a row's number a figure as any other (``_merged_after_key``)."""
    return "figure" if is_number(cell) else kind_of_cells([cell])


def _cell_kind(cell: str) -> str:
    """A cell's kind (``columns.kind_of_cells``) as ``_purity`` counts it."""
    return kind_of_cells([cell])


def _purity(columns: list[list[str]]) -> float:
    """The share of cells of the kind most cells of their column have (``kind_of_cells``).

    >>> _purity([["3级", "4级"], ["正高三级", "正高四级"]]), _purity([["3级", "正高四级"], ["正高三级", "4级"]])
    (1.0, 0.5)
    """
    cells = sum(len(column) for column in columns)
    return _agreement(columns, _cell_kind) / cells if cells else 0.0


def _joined(pieces: list[str], cuts: tuple[int, ...]) -> list[str]:
    """The pieces joined into runs, a new run at each cut (``_cut_choices``).

    >>> _joined(["石凯", "13576210376", "在建"], (2,))
    ['石凯13576210376', '在建']
    """
    return ["".join(pieces[start:end]) for start, end in pairwise((0, *cuts, len(pieces)))]


def _code_pair(cells: list[str]) -> int | None:
    """Where two code cells (no Chinese, no number) stand side by side, after the row's key."""
    return next((i for i in range(1, len(cells) - 1) if _is_code(cells[i]) and _is_code(cells[i + 1])), None)


def _is_code(cell: str) -> bool:
    return not _HAN.search(cell) and not is_number(cell)


#: A row that may lack its first cells stands apart where its cells fit
#: other columns better by this much (``_Assembler._apart``): a cell of a
#: kind its column does not hold, not only of another length.
CLEARLY = 1.0


@dataclass
class _Assembler:
    """Collects fragments into rows (see the module docstring for the cases)."""

    width: int
    kinds: list[str]
    lengths: list[float]
    words: list[frozenset[str]]
    rows: list[Row] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    covering: dict[int, int] = field(default_factory=dict)
    last: dict[int, Cell] = field(default_factory=dict)
    #: Where the cells of a keyed row with fewer cells than columns stand, by their count (``settle``).
    shapes: dict[int, tuple[int, ...]] = field(default_factory=dict)
    #: Whether the rows have shown a column's further cells (``_further_cells``).
    listed: bool = False
    #: The longest first cell of a complete row (``_apart_rows``).
    widest: int = 0

    def settle(self, rows: list[list[str]]) -> None:
        """One place for the cells of all keyed rows with as many cells,
        fewer than the columns (``shapes``): of the places ``align`` finds
        for each, those that fit them all best; a row whose own cells fit
        other places clearly better stands there (``_own_or_shaped``). A
        table's rows lack the same cells, merged down or left empty, where one row's own cells tell
        which only weakly (``C0202600C020  涉及…  暂扣…`` under seven heads:
        its cells would fit 违法行为 and 违法行为依据 as well as 违法情节 and
        裁量阶次, the columns the other rows of three put them in)."""
        short = [cells for cells in rows if 2 <= len(cells) < self.width and self._keys(cells)]
        for count in {len(cells) for cells in short}:
            same = [cells for cells in short if len(cells) == count]
            found = {tuple(places) for cells in same if (places := align(cells, self.kinds, self.lengths, self.words))}
            if len(found) > 1:
                self.shapes[count] = max(sorted(found), key=lambda places: round(sum(
                    placed_fit(cells, places, self.kinds, self.lengths, self.words) for cells in same), 6))

    def take(self, cells: list[str]) -> bool:
        """Add one line's cells; True when they completed a row."""
        if self.pending and len(cells) >= 2 and (self._keys(cells) or self._unnumbered(cells)
                                                 or self._apart_rows(cells)):
            self._stand_alone()
        if not self.pending and len(cells) == 1 and TOTAL.match(cells[0]):  # an empty table's 合计, no figure
            self.rows.append(Row([self._placed(col, Cell(cells[0] if col == 0 else "")) for col in range(self.width)]))
            return True
        short = not self.pending and 2 <= len(cells) < self.width
        places = (self._keyed(cells) or self._unmerged(cells) or self._apart(cells)) if short else None
        if places is not None:
            self.rows.append(Row(self._ragged(cells, places)))
            return True
        missing = self.width - len(cells)
        closes = missing == 0 or (self._ends_row(cells) and (
            len(self.pending) + len(cells) >= self.width or self._covers(missing)
            or (not self.pending and bool(self.rows) and len(cells) >= 2)
        ))
        if not closes or self._further_cells(cells, missing):
            self.pending += cells
            return False
        if (not self.pending and missing and self.kinds[0] == "seq" and row_number(cells[0])
                and not any(self.covering.values())):  # its own number, which is never merged down
            self.rows.append(Row(self._ragged(cells, self._after_key(cells))))
            return True
        if self.pending and INTEGER.match(self.pending[0]) and missing >= 2 and self.kinds[0] in ("seq", "text"):
            leading, wrapped = self._numbered(missing)
        elif self.pending and missing and not self._covers(missing):
            leading, wrapped = self._leading(missing), []
        else:
            leading, wrapped = self._continued(missing), self.pending
        self.pending = []
        if wrapped:
            cells = ["".join(wrapped) + cells[0]] + cells[1:]
        trailing = [self._placed(missing + col, Cell(text)) for col, text in enumerate(cells)]
        self.rows.append(Row(leading + trailing))
        return True

    def _unnumbered(self, cells: list[str]) -> bool:
        """Whether a row lacks no cell but its number (``基金支出小计  253,709…``
        under ``序号  项目  2017年预算数…``): fragments before it are not its."""
        return len(cells) == self.width - 1 and self.kinds[0] == "seq" and not any(
            row_number(cell) for cell in self.pending)

    def _apart_rows(self, cells: list[str]) -> bool:
        """Whether the fragments gathered before a row are rows of their
        own, their other cells empty, neither its first cell wrapped nor its
        leading cells: a wrap cuts a cell where its column ends, so its first
        piece is as long as the column's longest cells; a shorter one is a
        row's whole cell (``高新区梅墟中心小学`` over ``高新区实验学校  95花园、…``
        under ``学校名称  小学教育服务区``, its longest name 21 characters). A
        row lacking cells keeps them as its leading cells where its own
        cells may be its last ones (``standing``), and only there
        (``梅墟街道广贤社区`` over ``梅墟街道菁华社区  500``, under ``单位名称
        单位捐款  个人捐款``, is a row of its own).

        >>> kinds = ["text", "number", "number"]
        >>> assembler = _Assembler(3, kinds, [8.0, 4.0, 4.0], [frozenset()] * 3, widest=15)
        >>> assembler.pending = ["梅墟街道广贤社区"]
        >>> assembler._apart_rows(["梅墟街道菁华社区", "500"]), assembler._apart_rows(["3000", "500"])
        (True, False)
        """
        last = list(range(self.width - len(cells), self.width))
        return 0 < len(self.pending[0]) < self.widest and (
            len(cells) == self.width or not standing(cells, last, self.kinds))

    def _stand_alone(self) -> None:
        """The fragments gathered before a row that opens with its own
        number, or lacks only that: no cell of it, but a row of their own where they fit
        (``其中：其他城市公用事业附加安排的支出``, no figures, over ``2  国有土地…``),
        each a row of one cell where they fit no row together: in the first
        columns (``align``), or as a column's further cells in the column
        each fits best (``_column_of``: ``京政发[2001]25号`` under 政策依据)."""
        places = align(self.pending, self.kinds, self.lengths, self.words)
        if places is not None:
            self.rows.append(Row(self._ragged(self.pending, places)))
            self.pending = []
            return
        alone = [align([cell], self.kinds, self.lengths, self.words) for cell in self.pending]
        placed = [place or self._column_of(cell) for cell, place in zip(self.pending, alone, strict=True)]
        if all(placed):  # a row of one cell each (``其中：用于体育事业…`` / ``用于其他社会公益事业…``)
            self.rows += [Row(self._ragged([cell], place)) for cell, place in zip(self.pending, placed) if place]
            self.listed = self.listed or not all(alone)
            self.pending = []

    def _further_cells(self, cells: list[str], missing: int) -> bool:
        """Whether the fragments gathered and a line of one cell are no row's
        leading cells but a column's further cells, each a row of its own
        (``京政发[2001]25号`` / ``京计投资字[2002]1792号`` / … under a row whose
        政策依据 is ``国发[1998]34号``, its other cells merged down or empty):
        taken as leading cells they would not stand in their columns (a
        document number where the rows' numbers stand), and each fits a
        column of its own (``_column_of``). They stay gathered until the next
        row with its own key, or the table's end, places them."""
        if not self.pending or not self.rows or len(cells) != 1 or missing <= 0 or self._covers(missing):
            return False
        gathered = self.pending + cells
        leading = gathered[: missing - 1] + ["".join(gathered[missing - 1 :])]
        further = not standing(leading, list(range(len(leading))), self.kinds) and all(
            self._column_of(cell) for cell in gathered)
        self.listed = self.listed or further
        return further

    def _column_of(self, cell: str) -> list[int] | None:
        """The column a column's further cell stands in (``_further_cells``): of
        the columns it may stand in (``row_fit``), the one it fits best, by
        kind, length and characters (``cell_fit``); None if none."""
        fits = [(cell_fit(cell, kind, length, words), col)
                for col, (kind, length, words) in enumerate(zip(self.kinds, self.lengths, self.words, strict=True))
                if row_fit(kind, cell) >= 0]
        return [max(fits)[1]] if fits else None

    def flush(self) -> None:
        """Place the fragments gathered at the table's end as rows of their
        own where the table's rows have shown a column's further cells
        (``_further_cells``); TableShapeError if fragments are left (a line of
        text right after the last row: ``tables._read_trimmed``)."""
        if self.pending and self.listed:
            self._stand_alone()
        if self.pending:
            raise TableShapeError(f"cells {self.pending} left over at the end of the table")

    def _ends_row(self, cells: list[str]) -> bool:
        """Whether a line's last cell may close a row: it fits the last
        column, or it is a figure after the line's own cells (``会议次数  １``
        in a column of values mostly words; a figure alone may be the next
        row's number).

        >>> assembler = _Assembler(5, ["text"] * 5, [4.0] * 5, [frozenset()] * 5)
        >>> assembler._ends_row(["会议次数", "1"]), assembler._ends_row(["1"]), assembler._ends_row(["促进"])
        (True, False, True)
        """
        return fits_loosely(self.kinds[-1], cells[-1]) or (
            len(cells) >= 2 and not INTEGER.match(cells[0]) and is_number(cells[-1]))

    def rejoined(self, cells: list[str], line: int) -> list[str]:
        """A row with more cells than the table has columns, because a tab
        after a tab printed a spacer column's empty cell (a Word table's
        ``大 豆\t7.0\t\t-1.6``: dropped), or spaces inside cells looked
        like gaps between them: neighbouring code cells (no Chinese, no
        number) were one cell (``R-2500.000 L-53.458``);
        beyond those, the cells are joined where the row then fits the
        columns best (``石凯 13576210376`` under 责任人, a name and its phone).

        >>> _Assembler(4, ["code", "number", "code", "text"], [2, 7, 19, 5], [frozenset()] * 4).rejoined(
        ...     ["C9", "13499.6", "R-2500.000", "L-53.458", "圆曲线起点"], 1)
        ['C9', '13499.6', 'R-2500.000 L-53.458', '圆曲线起点']
        >>> kinds = ["seq", "text", "number", "text"]
        >>> words = [frozenset(), frozenset("项目"), frozenset(), frozenset("白磊")]
        >>> _Assembler(4, kinds, [1, 6, 2, 13], words).rejoined(["4", "华勤项目", "40", "石凯", "13576210376"], 1)
        ['4', '华勤项目', '40', '石凯13576210376']
        >>> _Assembler(3, ["text", "number", "number"], [2, 4, 4], [frozenset()] * 3).rejoined(
        ...     ["大豆", "7.0", "", "-1.6"], 1)
        ['大豆', '7.0', '-1.6']
        """
        cells = list(cells)
        while len(cells) > self.width and "" in cells:
            cells.remove("")  # a tab after a tab: a spacer column's (Word), no cell of the table
        while len(cells) > self.width and (pair := _code_pair(cells)) is not None:
            cells[pair : pair + 2] = [f"{cells[pair]} {cells[pair + 1]}"]
        extra = len(cells) - self.width
        if extra <= 0:
            return cells
        if extra > MAX_EXTRA_CELLS:
            raise TableShapeError(f"line {line} has {len(cells)} cells, the table {self.width}")
        return _joined(cells, self._best_cuts(cells, extra))

    def _best_cuts(self, cells: list[str], extra: int) -> tuple[int, ...]:
        """Where to cut ``cells`` into the table's columns so that the sum of
        their ``cell_fit`` is highest: each column takes a run of one to
        ``extra + 1`` cells, found column by column (time linear in the row's
        cells, where trying every way to cut grows with their cube)."""
        best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}  # (column, end) →
        for column in range(self.width):
            fits = partial(cell_fit, kind=self.kinds[column], length=self.lengths[column], words=self.words[column])
            for end in range(column, column + extra + 1):
                if (column, end) not in best:
                    continue
                score, cuts = best[column, end]
                for stop in range(end + 1, min(end + extra + 1, len(cells) - self.width + column + 1) + 1):
                    found = score + fits("".join(cells[end:stop]))
                    if (column + 1, stop) not in best or found > best[column + 1, stop][0]:
                        best[column + 1, stop] = (found, (*cuts, stop))
        return best[self.width, len(cells)][1][:-1]

    def _keyed(self, cells: list[str]) -> list[int] | None:
        """Where the cells of a row printed without some of its cells stand,
        if it opens with its own key: its code or number in the first
        column, 合计 (a total row), or its number in a numbered column
        further right, with the cells before it (``加分指标  １  文化程度  …``,
        a group's first row) or without them (merged down from the row
        above: ``２  合法稳定就业  …`` under ``基础指标``); None if it does
        not, or they fit nowhere."""
        first = cells[0]
        if self._keys(cells):
            return self._own_or_shaped(cells)
        if TOTAL.match(first):  # 合计: its name in the first column, its figures in theirs
            return align(cells, ["text", *self.kinds[1:]], self.lengths, self.words)
        key = self.kinds.index("seq") if "seq" in self.kinds else None
        if key is None:
            return None
        if key < len(cells) and INTEGER.match(cells[key]):  # a row opening a group: cells missing after its own
            return align(cells, self.kinds, self.lengths, self.words)
        if not INTEGER.match(first) or len(cells) > self.width - key:
            return None
        places = align(cells, self.kinds[key:], self.lengths[key:], self.words[key:])
        return None if places is None else [key + place for place in places]

    def _after_key(self, cells: list[str]) -> list[int]:
        """Where the cells of a row opening with its own number stand when
        they fit the columns ``align`` knows nowhere: its number first, the others
        either next to it, the row lacking its last cells (an empty 备注:
        ``１  办公厅  政研处…  …  经济学`` under ten heads), or after the cells
        it lacks right after its number (merged down from the row above:
        ``３４  慢性乙型肝炎  600元/月  480元/月  两年`` under ``序号  分类  病种名称
        …``), the second only where they fit it clearly better (``placed_fit``,
        ``CLEARLY``: a cell of a kind its column does not hold).

        >>> assembler = _Assembler(4, ["seq", "text", "text", "text"], [1, 4, 6, 4], [frozenset()] * 4)
        >>> assembler._after_key(["1", "办公厅", "经济学"])
        [0, 1, 2]
        >>> assembler = _Assembler(4, ["seq", "text", "text", "number"], [1, 4, 6, 4], [frozenset()] * 4)
        >>> assembler._after_key(["34", "慢性乙型肝炎", "600"])
        [0, 2, 3]
        """
        missing = self.width - len(cells)
        last, after = list(range(len(cells))), [0, *range(missing + 1, self.width)]
        return after if self._clearly_better(cells, after, last) else last

    def _clearly_better(self, cells: list[str], places: list[int] | tuple[int, ...],
                        than: list[int] | tuple[int, ...]) -> bool:
        """Whether ``cells`` fit the columns ``places`` puts them in better
        than those of ``than`` by ``CLEARLY`` at least (``placed_fit``)."""
        fits = partial(placed_fit, cells, kinds=self.kinds, lengths=self.lengths, words=self.words)
        return fits(tuple(places)) >= fits(tuple(than)) + CLEARLY

    def _keys(self, cells: list[str]) -> bool:
        """Whether a row opens with its own key: its number or its code in a
        column of them, or a figure in a column of figures (``4级`` under
        ``岗位等级``: figures are not merged down)."""
        return bool((self.kinds[0] == "seq" and row_number(cells[0]))
                    or (self.kinds[0] == "number" and is_number(cells[0]))
                    or (self.kinds[0] == "code" and not _HAN.search(cells[0])))

    def _own_or_shaped(self, cells: list[str]) -> list[int] | None:
        """Where the cells of a keyed row lacking some stand: the places
        ``settle`` found for rows of as many cells, unless the row's own cells
        fit the places ``align`` finds for them by ``CLEARLY`` more (a row
        lacking another cell than the others of its count: ``５  东北师范大学
        美术学  本科  继续保持有效期  …``, its 本科 under 层次, where other rows of
        seven lack their 专业名称).

        >>> words = [frozenset(), frozenset("东北华中师范大学"), frozenset("本科硕士"), frozenset("继续保持有效期")]
        >>> assembler = _Assembler(4, ["seq", "text", "text", "text"], [1, 6, 2, 7], words, shapes={3: (0, 1, 2)})
        >>> assembler._own_or_shaped(["5", "东北师范大学", "继续保持有效期"])
        [0, 1, 3]
        >>> assembler._own_or_shaped(["6", "华中师范大学", "本科"])
        [0, 1, 2]
        """
        own = align(cells, self.kinds, self.lengths, self.words)
        places = self.shapes.get(len(cells))
        shaped = list(places) if places and standing(cells, places, self.kinds) else None
        if shaped and not (own and self._clearly_better(cells, own, shaped)):
            return shaped
        return own

    def _unmerged(self, cells: list[str]) -> list[int] | None:
        """Where the cells of a row lacking some stand where no row above has
        cells to merge into (the first row, the first under a heading): they
        lack empty cells, not cells merged down: where ``align`` puts them,
        else first (its last cells empty, as a row under its header lacks
        them most); None where a row above has cells."""
        if self.last:
            return None
        return align(cells, self.kinds, self.lengths, self.words) or list(range(len(cells)))

    def _apart(self, cells: list[str]) -> list[int] | None:
        """Where the cells of a row lacking some stand when they cannot be
        its last cells, under cells merged down from above (a name under a
        column of figures: ``梅墟街道梅福社区  4450`` under ``单位名称  单位捐款
        个人捐款``): as ``align`` places them, the name in its column, the
        figure in the first it fits (which of two figures a row lacks, the
        text does not say); None where they can be its last cells, or fit nowhere.

        A row whose cells could be its last ones stands apart still where
        ``align`` places them better by ``CLEARLY`` at least (a cell merged
        down between two: ``育婴员  海曙区人力社保局…学校  9月`` under
        ``竞赛职业  承办单位  竞赛类别  比赛时间``, its 竞赛类别 merged).

        >>> assembler = _Assembler(3, ["bodies", "number", "number"], [7, 5, 5], [frozenset()] * 3)
        >>> assembler._apart(["梅墟街道梅福社区", "4450"]), assembler._apart(["3000", "4450"])
        ([0, 1], None)
        >>> assembler = _Assembler(4, ["text", "bodies", "text", "date"], [4, 11, 4, 3], [frozenset()] * 4)
        >>> assembler._apart(["育婴员", "海曙区人力社保局宁波市成功育婴职业培训学校", "9月"])
        [0, 1, 3]
        """
        last = tuple(range(self.width - len(cells), self.width))
        places = align(cells, self.kinds, self.lengths, self.words)
        if not standing(cells, last, self.kinds):
            return places
        return places if places is not None and self._clearly_better(cells, places, last) else None

    def _ragged(self, cells: list[str], places: list[int]) -> list[Cell]:
        """A row printed without some of its cells: those right after its key
        go on the text cell above (merged down), the others are empty."""
        placed = dict(zip(places, cells))
        second = places[1] if len(places) > 1 else self.width
        row: list[Cell] = []
        for col in range(self.width):
            above = self.last.get(col)
            if col in placed:
                row.append(self._placed(col, Cell(placed[col])))
            elif col < second and self.kinds[col] == "text" and above is not None and above.text:
                above.rowspan += 1
            else:
                row.append(self._placed(col, Cell("")))
        return row

    def _covers(self, missing: int) -> bool:
        """Whether numbers left over and cells spanning down fill the missing columns."""
        return bool(self.numbers) and all(self.covering.get(col, 0) > 0 for col in range(1, missing))

    def placed_across(self, text: str, width: int) -> Cell:
        """A cell across the whole row (a heading between rows): no cell above to merge into."""
        self.last.clear()
        return Cell(text, colspan=width)

    def _placed(self, col: int, cell: Cell) -> Cell:
        self.last[col] = cell
        return cell

    def _leading(self, missing: int) -> list[Cell]:
        """Leading cells from fragments gathered before the row: the first
        column, then one fragment a column, the last taking the rest."""
        pending = self.pending
        if len(pending) < missing:
            raise TableShapeError(f"cannot place {pending} in {missing} columns")
        texts = pending[: missing - 1] + ["".join(pending[missing - 1 :])]
        return [self._placed(col, Cell(text)) for col, text in enumerate(texts)]

    def _numbered(self, missing: int) -> tuple[list[Cell], list[str]]:
        """``３`` / ``４`` / ``５`` / ``信用应用``: numbers for the next rows, a category
        spanning them; fragments beyond begin the row's first own cell."""
        numbers = [cell for cell in self.pending if INTEGER.match(cell)]
        others = [cell for cell in self.pending if not INTEGER.match(cell)]
        if len(others) < missing - 1:
            raise TableShapeError(f"cannot place {others} in {missing - 1} merged columns")
        self.numbers = numbers[1:]
        span = len(numbers)
        cells = [self._placed(0, Cell(numbers[0]))]
        for col, text in enumerate(others[: missing - 1], start=1):
            cells.append(self._placed(col, Cell(text, rowspan=span)))
            self.covering[col] = span - 1
        return cells, others[missing - 1 :]

    def _continued(self, missing: int) -> list[Cell]:
        """Leading cells of a row that has none of its own: numbers left over,
        or the cells above it extended (merged downwards)."""
        cells: list[Cell] = []
        for col in range(missing):
            if col == 0 and self.numbers:
                cells.append(self._placed(0, Cell(self.numbers.pop(0))))
            elif self.covering.get(col, 0) > 0:
                self.covering[col] -= 1
            elif self.kinds[col] == "seq":
                cells.append(self._placed(col, Cell("")))  # a row's own number: none spans rows (``其中：…``)
            elif col in self.last:
                self.last[col].rowspan += 1
            else:
                raise TableShapeError(f"no cell above to merge column {col + 1} into")
        return cells
