"""Find the table regions of a text layer, before any repair touches its spaces.

Two shapes occur in gazette text layers:

* **stacked**: a long run of lines of one or two characters (seed 003's
  ``浙江跨境电子商务高质量发展重点工作清单``: ``序`` / ``号`` / ``重`` / …);
* **rows**: a header (one line of short cells, ``序号 类　 别 指　 　 标 …``, or a
  title ending in 表 over short header pieces, ``领域`` / ``项目数`` / ``（个）``),
  then one line per row, cells separated by spaces, until prose resumes
  (an indented line, a numbered heading, a long sentence). A ``注：`` line
  right after the rows is the table's note. A table printed without its
  header (continued from the page before) is rows only: three lines or
  more of three cells or more parted by wide gaps (``_headless_length``).

A form printed a label and its value a line (``被处罚当事人  复星联合…``,
three such lines at least) is a table of two columns, **pairs**.

Two more come from PDFs, whose reader already cut the rows into cells
(``Line.grid``): **ruled** (a table drawn with rules) and **aligned**
(printed in columns without rules). The title above and the notes below
join such a table, and one that goes on at the top of the next page with
as many columns (after ``续表``, maybe) is the same table.

Detection only marks lines (``Line.table``); ``tables.build`` reads them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, takewhile

import regex

from ..model import Line
from ..patterns import (
    ATTACHMENT_HEAD,
    BODY_ENDING,
    CAPTION,
    HEADING_LINE,
    LINE_OPENER,
    MAKER_LINE,
    TABLE_HEAD,
    TABLE_LABEL,
    UNIT_LINE,
    UNTITLED,
    is_date,
    marker_kind,
    opening_marks,
    visual_width,
)
from ..profile import Profile
from ..structure.parts import marker_number
from .arithmetic import TOTAL
from .cells import (
    AMOUNT,
    INTEGER,
    PHOTO_BOX,
    ROW_NUMBER,
    WIDE_GAP,
    bracket_depth,
    han_parts,
    is_number,
    opens_numbered,
    split_cells,
    wide_parts,
    word_gaps,
)

#: At least this many one- or two-character lines in a row make a stacked table.
MIN_STACKED_LINES = 20
#: Header cells are short, header pieces (a head broken over lines) shorter.
MAX_HEADER_CELL = 15
MAX_HEADER_PIECE = 10
#: A line this short without final punctuation may be a cell of its own.
MAX_SHORT_LINE = 20
#: A cell longer than this that ends a sentence is prose, not a table cell.
MAX_CELL_SENTENCE = 30
#: A note wraps over at most this many lines.
MAX_NOTE_LINES = 3
#: A title wraps over at most this many lines above its last (``_names_document``).
MAX_TITLE_PIECES = 5

#: A note under a table, and a table continued on a new page.
NOTE = regex.compile(r"^注[：:]")
CONTINUED = regex.compile(r"^[（(]?续表[）)]?$")
#: A row breaking down the row above it (a budget's, a statistics table's),
#: its name without a clause: ``其中：国有土地使用权出让金债务发行费用支出``.
SUB_ITEM = regex.compile(r"^其中[：:][^，。；,;]+$")
_SENTENCE_END = regex.compile(r"[。；：]$")
#: Punctuation a head never holds: a clause's or a list's.
_CLAUSE = regex.compile("[。，；：、]")
#: Punctuation a sentence holds, a list does not.
_SENTENCE = regex.compile("[。；]|(?<![0-9０-９])：|：(?![0-9０-９])")
#: A figure's digit, ASCII or full width.
_DIGIT = regex.compile(r"[0-9０-９]")


@dataclass
class Region:
    """Lines of one table: ``shape`` is ``stacked``, ``rows``, ``pairs``,
    ``ruled`` or ``aligned``. Where ``names_document``, its first line, the
    caption it is read with, is the document's title (``_names_document``)
    or an attachment's (``_names_attachment``), not the table's, and text
    (``Line.table`` None)."""

    shape: str
    lines: list[Line]
    names_document: bool = False
    #: How many of the first lines are rows printed above the header (``_rows_over``).
    over: int = 0
    #: Whether a rows region has a header; rows without one: ``_headless_length``.
    headed: bool = True

    @property
    def table_lines(self) -> list[Line]:
        """The lines that are the table's: all but a caption that names the document."""
        return self.lines[1:] if self.names_document else self.lines


def table_units(profile: Profile) -> tuple[str, ...]:
    """Words that, after a number, belong to the number's cell (``３７ 个``)."""
    return tuple(dict.fromkeys(profile.measure_words + profile.decimal_units))


def find_tables(lines: list[Line], profile: Profile) -> list[Region]:
    """The table regions among content lines, in order; marks ``Line.table``."""
    regions: list[Region] = []
    index = free = 0  # free: the first line after the last region
    while index < len(lines):
        length = _grid_length(lines, index) or _stacked_length(lines, index)
        rows = 0 if length else _rows_length(lines, index, profile)
        pairs = 0 if length or rows else _pairs_length(lines, index)
        headless = 0 if length or rows or pairs else _headless_length(lines, index, profile)
        if headless and (above := _rows_above(lines, index, free, table_units(profile))):
            index, headless = index - above, headless + above
        if length or rows or pairs or headless:
            end = index + (length or rows or pairs or headless)
            over = _rows_over(lines, index, free, profile) if rows else 0
            found = lines[index - over : end]
            named = len(found) > 1 and not over and (
                (not regions and _names_document(lines, index, profile)) or _names_attachment(lines, index, profile))
            shape = _shape(lines[index:end]) if length or rows or headless else "pairs"  # rows over the header aside
            regions.append(Region(shape, found, named, over, headed=not headless))
            index = free = end
        else:
            index += 1
    for number, region in enumerate(regions):
        noted = False
        for line in region.table_lines:
            line.table = number
            noted = noted or (region.shape != "stacked" and bool(NOTE.match(line.text.strip())))
            line.table_note = noted
    return regions


#: At least this many lines of cells open a table printed without a header.
MIN_HEADLESS_ROWS = 3


def _headless_length(lines: list[Line], start: int, profile: Profile) -> int:
    """How many lines from ``start`` are a table printed without a header
    (its caption above, maybe): ``MIN_HEADLESS_ROWS`` lines or more of
    cells parted by wide gaps (``_headless_row``), as many in most of the
    first ones and ``MIN_FULL_ROW`` at least (two cells a line are a list
    of members, ``梁言顺  中央宣传部副部长``, as often as a table) or the
    first holding a category merged down over the next (``_category_over``), then
    the rows as a header's would go on (``_rows_end``); 0 if none starts
    here.

    >>> rows = [Line(1, "7月14日  12：00前  市级实验学校发布公告"), Line(2, "7月15日  全天  市级实验学校报名"),
    ...         Line(3, "7月17日  12：00前  市级实验学校公布面试名单"), Line(4, "请各区认真组织实施。", indented=True)]
    >>> from gazette.normalize.profile import default_profile
    >>> _headless_length(rows, 0, default_profile()), _headless_length(rows[1:], 0, default_profile())
    (3, 0)
    """
    units = table_units(profile)
    index = start + (1 if is_title(lines[start]) else 0)
    first = lines[index : index + MIN_HEADLESS_ROWS]
    if len(first) < MIN_HEADLESS_ROWS or not all(_headless_row(line, units) for line in first):
        return 0
    pieces = [_row_pieces(line, units) for line in first]
    counts = [len(cells) for cells in pieces]
    full = max(counts) >= MIN_FULL_ROW and counts.count(max(counts)) * 2 > len(counts)
    if not full and not _category_over(pieces):
        return 0
    end = _rows_end(lines, index + 1, units, [lines[index]], profile)
    return end - start if end - index >= MIN_HEADLESS_ROWS else 0


def _category_over(pieces: list[list[str]]) -> bool:
    """Whether the first of a few lines' cells holds a category merged down
    over the others: a cell more than each of them, ``MIN_FULL_ROW`` at
    least without it, its second cell and their first ones the rows' keys
    (``基础指标  １  合法稳定住所  …`` over ``２  合法稳定就业  …``).

    >>> _category_over([["基础指标", "１", "住所", "计8分"], ["２", "就业", "计2分"], ["３", "年龄", "计30分"]])
    True
    >>> _category_over([["姓名", "性别", "出生年月", "相片"], ["民族", "籍贯", "出生地"], ["政治面貌", "婚姻", "健康"]])
    False
    """
    first, *others = pieces
    return len(first) > MIN_FULL_ROW and bool(_KEY.match(first[1])) and all(
        len(cells) == len(first) - 1 and _KEY.match(cells[0]) for cells in others)


def _rows_above(lines: list[Line], start: int, free: int, units: tuple[str, ...]) -> int:
    """How many lines right above a table without a header found at
    ``start`` (and below ``free``, the end of the region before) are its
    first rows: lines that may be rows (``_is_row_line``; not a line of
    joint issuers, ``财政部  教育部``), up to the highest of several cells.
    Its first rows hold lines of one cell (``１  城市公用事业附加安排的支出``
    over ``其中：其他城市公用事业附加安排的支出``), so three rows of cells in
    a row start only further down.

    >>> rows = [Line(1, "单位：万元"), Line(2, "１  城市公用事业附加安排的支出"),
    ...         Line(3, "其中：其他城市公用事业附加安排的支出"),
    ...         Line(4, "２  国有土地出让收入安排的支出  240,338  423,870")]
    >>> _rows_above(rows, 3, 0, ())
    2
    """
    highest = 0
    for count in range(1, start - free + 1):
        line = lines[start - count]
        parts = _parts(line)
        if not _is_row_line(line, units) or (len(parts) > 1 and _offices(parts)):
            break
        if len(parts) > 1:
            highest = count
    return highest


def _headless_row(line: Line, units: tuple[str, ...]) -> bool:
    """A line that may be a row of a table without a header: two cells or
    more parted by wide gaps, or, in a text layer, by one space where one
    stands between two words (``_row_pieces``), no list or heading marker, no
    form's choices (``□  内部讲师主题内训  □  外聘讲师主题内训``), not
    characters letter-spaced apart (``关  于``, ``_letter_spaced``), no line
    of joint issuers (``财政部  教育部``), the first cell no sentence.

    >>> _headless_row(Line(1, "7月20日  市级实验学校公布录取结果"), ()), _headless_row(Line(2, "财政部  教育部"), ())
    (True, False)
    >>> _headless_row(Line(3, "２ 履约保证金 发展改革委 《招标投标法》"), ())
    True
    >>> _headless_row(Line(4, "在川创业 ３ 年内"), ())
    False
    >>> _headless_row(Line(5, "塑料制品  吨  １８３９４６  ２６．６３"), ())
    True
    >>> _headless_row(Line(6, "□  内部讲师主题内训  □  外聘讲师主题内训"), ())
    False
    """
    text = line.text.strip()
    parted = WIDE_GAP.search(text) or "\u3000" in text or (line.geometry is None and (
        word_gaps(text) > 0 or _figures_apart(text)))  # a page's line (PDF, OCR) spaces words as it measured
    if not parted or not _cells_line(line) or NOTE.match(text) or _CHOICES.search(text):
        return False
    parts = _row_pieces(line, units)
    return (len(parts) >= 2 and not _SENTENCE.search(parts[0])
            and not _letter_spaced(parts, wide=len(_parts(line)) > 1) and not _offices(parts))


def _letter_spaced(parts: list[str], wide: bool) -> bool:
    """Whether a line's pieces are characters letter-spaced apart (``关  于
    印  发``): where wide gaps part them, more than half of them one
    character that is no key (a row holds such cells too, a unit or a short
    name, among longer ones: ``泵  台  ５２３８３  １９．０８``); where single
    spaces do, any (``到 ９０% ，实现…``: prose whose figures stand spaced
    from its words).

    >>> _letter_spaced(["关", "于"], wide=True), _letter_spaced(["附", "件", "1"], wide=True)
    (True, True)
    >>> _letter_spaced(["泵", "台", "５２３８３", "１９．０８"], wide=True)
    False
    >>> _letter_spaced(["到", "90%", "，实现中心城区光纤网络全覆盖", "2万个以上"], wide=False)
    True
    """
    single = sum(1 for part in parts if len(part) < 2 and not _KEY.match(part))
    return single * 2 > len(parts) if wide else single > 0


def _row_pieces(line: Line, units: tuple[str, ...]) -> list[str]:
    """A row line's cells: the pieces between its wide gaps (``_parts``), or,
    in a layer that parts cells by one space, its cells (``split_cells``).

    >>> _row_pieces(Line(1, "7月14日 12：00前  市级实验学校报名"), ()), _row_pieces(Line(2, "１ 投标保证金 财政部"), ())
    (['7月14日 12：00前', '市级实验学校报名'], ['１', '投标保证金', '财政部'])
    """
    parts = _parts(line)
    return parts if len(parts) > 1 else split_cells(line.text.strip(), units)


def _offices(parts: list[str]) -> bool:
    """Whether every piece of a line names an office: joint issuers side by
    side (``财政部  教育部``, ``自然资源部　中国银行保险监督管理委员会``), no row.

    >>> _offices(["财政部", "教育部"]), _offices(["财政部", "2020年"])
    (True, False)
    """
    return all(BODY_ENDING.search(part) for part in parts)


#: At most this many rows are printed above a table's header.
MAX_ROWS_OVER = 3


def _rows_over(lines: list[Line], start: int, free: int, profile: Profile) -> int:
    """How many lines right above the header at ``start`` (after ``free``,
    the end of the last table) are rows of its table printed over the heads:
    cells parted by wide gaps, no more than the header's, the first a label
    with a head word (``项目年度目标  2020年  1：抽查产品数≥500批次…`` over
    ``绩效指标  一级指标  二级指标  三级指标  年度指标值``, a 绩效目标表).

    >>> from gazette.normalize.profile import default_profile
    >>> lines = [Line(1, "７）绩效目标和指标"), Line(2, "项目年度目标  2020年  1：抽查产品数≥500批次"),
    ...          Line(3, "绩效指标  一级指标  二级指标  三级指标  年度指标值")]
    >>> _rows_over(lines, 2, 0, default_profile()), _rows_over(lines, 1, 0, default_profile())
    (1, 0)
    """
    units = table_units(profile)
    columns = len(split_cells(lines[start].text.strip(), units))
    spaced = lines[start].geometry is None and len(_parts(lines[start])) < columns  # heads parted by one space
    over = 0
    while (over < MAX_ROWS_OVER and start - over - 1 >= free
           and _is_row_over(lines[start - over - 1], columns, units, profile, spaced)):
        over += 1
    one_space = spaced and not WIDE_GAP.search(lines[start].text.strip())  # no head parted by a wide gap
    if not over and start - 1 >= free and _group_heads(lines[start - 1], columns, units, one_space):
        return 1
    return over


def _group_heads(line: Line, columns: int, units: tuple[str, ...], spaced: bool = False) -> bool:
    """Whether the line right above a header of ``columns`` heads heads
    groups of its columns (``本年收入  本年支出`` over ``项目  预算数  项目
    预算数``, a budget's two sides): fewer heads, two at least, parted by wide
    gaps, or by one space where the header's are (``spaced``: ``收入 支出``,
    flush as the header is; a caption is centred), words only (no figure,
    no clause: ``单位：元`` is none), no line of offices (joint issuers side
    by side), no caption.

    >>> _group_heads(Line(1, "本年收入  本年支出"), 4, ()), _group_heads(Line(1, "编制部门：万里街道  单位：元"), 4, ())
    (True, False)
    >>> _group_heads(Line(1, "财政部  教育部"), 4, ()), _group_heads(Line(1, "收入  支出"), 2, ())
    (False, False)
    >>> _group_heads(Line(1, "收入 支出"), 7, ()), _group_heads(Line(1, "收入 支出"), 7, (), spaced=True)
    (False, True)
    """
    if not _words_and_gaps(line, spaced):
        return False  # most lines: a figure, a clause, no gap
    cells = split_cells(line.text.strip(), units)
    return (_unindented(line) and not is_title(line) and 2 <= len(cells) < columns
            and (not line.indent if spaced else len(_parts(line)) == len(cells))  # flush, as the heads are
            and not all(BODY_ENDING.search(cell) for cell in cells)
            and all(len(cell) <= MAX_HEADER_CELL and _WORDS.match(cell) for cell in cells))


def _words_and_gaps(line: Line, spaced: bool = False) -> bool:
    """Whether a line holds what a line of group heads holds (``_group_heads``):
    words and a year's digits parted by wide gaps (or single spaces, where
    ``spaced``), nothing else (asked of every row of a table: the regex
    engine answers it first)."""
    text = line.text.strip()
    return bool(_WORDS_AND_GAPS.fullmatch(text)) and (" " in text if spaced else bool(WIDE_GAP.search(text)))


#: The characters of a line of group heads: Chinese, brackets, a year's digits, gaps.
_WORDS_AND_GAPS = regex.compile(r"[\p{Han}（）()、/0-9０-９ \t\u3000]+")


def _is_row_over(line: Line, columns: int, units: tuple[str, ...], profile: Profile, spaced: bool = False) -> bool:
    """Whether a line may be a row printed over a header of ``columns`` heads
    (``_rows_over``), its cells parted by wide gaps, or by one space where
    the header's are (``spaced``: ``项目年度目标 2020年 1：抽查产品数≥500批次…``)."""
    cells = split_cells(line.text.strip(), units)
    return (_unindented(line) and not is_title(line) and 2 <= len(cells) <= columns
            and (len(_parts(line)) == len(cells) or (spaced and line.geometry is None))
            and len(cells[0]) <= MAX_HEADER_CELL and not _CLAUSE.search(cells[0])
            and _head_words(cells[:1], profile) > 0)


def _names_document(lines: list[Line], start: int, profile: Profile) -> bool:
    """Whether the table caption at ``start`` ends the title a document
    opens with, or is all of it: above it stand only the marks above a title
    (``附件1``) and up to ``MAX_TITLE_PIECES`` lines of a title cut at its
    width (``高新区（新材料科技称`` / ``）工会第三次代表大会`` / ``代表名额分配表``),
    none a sentence, words parted by wide gaps, a date, a list item or a
    title of a document type (``…的通知``: the caption is its table's).

    >>> from gazette.normalize.profile import default_profile
    >>> lines = [Line(1, "附件1"), Line(2, "高新区工会第三次代表大会"), Line(3, "代表名额分配表"),
    ...          Line(4, "单位  工会干部  一线人员  小计")]
    >>> _names_document(lines, 2, default_profile()), _names_document(lines[1:], 1, default_profile())
    (True, True)
    >>> _names_document([Line(1, "现将有关事项通知如下："), *lines[2:]], 1, default_profile())
    False
    """
    if not is_title(lines[start]):
        return False
    above = lines[:start]
    pieces = above[opening_marks([line.text.strip() for line in above]):]
    return len(pieces) <= MAX_TITLE_PIECES and all(_title_line(line, profile) for line in pieces)


def _names_attachment(lines: list[Line], start: int, profile: Profile) -> bool:
    """Whether the table caption at ``start`` ends an attachment's title
    wrapped over lines under its head: above it, up to ``MAX_TITLE_PIECES``
    lines that may be a title's pieces (``_title_line``), one at least, then
    the attachment's head (``附件 ３`` / ``２０２６ 年“１ +`` / ``３”培养实验工作时间表``).

    >>> from gazette.normalize.profile import default_profile
    >>> lines = [Line(1, "附件 ３"), Line(2, "２０２６ 年“１ +"), Line(3, "３”培养实验工作时间表"),
    ...          Line(4, "时间  工作安排")]
    >>> _names_attachment(lines, 2, default_profile()), _names_attachment(lines[1:], 1, default_profile())
    (True, False)
    """
    if not is_title(lines[start]):
        return False
    for head in range(start - 1, max(start - MAX_TITLE_PIECES - 2, -1), -1):
        if ATTACHMENT_HEAD.match(lines[head].text.strip()):
            return head < start - 1
        if not _title_line(lines[head], profile):
            return False
    return False


def _title_line(line: Line, profile: Profile) -> bool:
    """A line that may be a piece of a title cut at its width (``_names_document``)."""
    text = line.text.strip()
    return (len(_parts(line)) == 1 and not UNTITLED.search(text) and not _date_line(text)
            and not marker_kind(text) and not text.endswith(tuple(profile.document_types)))


def _shape(lines: list[Line]) -> str:
    grid = next((line.grid for line in lines if line.grid is not None), None)
    if grid is not None:
        return "ruled" if grid.ruled else "aligned"
    return "stacked" if _is_stacked_line(lines[0]) else "rows"


def _grid_length(lines: list[Line], start: int) -> int:
    """Title, rows and notes of a PDF table starting at ``start`` (0 if none):
    consecutive rows of one table, or of its continuation on the next page
    (``续表`` between them is part of it)."""
    index = start + (1 if is_title(lines[start]) else 0)
    if index >= len(lines) or lines[index].grid is None:
        return 0
    index += 1
    while index < len(lines):
        if _continues(lines, index - 1, index):
            index += 1
        elif CONTINUED.match(lines[index].text.strip()) and _continues(lines, index - 1, index + 1):
            index += 2
        else:
            break
    if index < len(lines) and NOTE.match(lines[index].text.strip()):
        index = _note_end(lines, index)
    return index - start


def _continues(lines: list[Line], before: int, after: int) -> bool:
    """Whether the table row at ``after`` is in the table of the row at
    ``before``: the same table, or one with as many columns on the next page."""
    if after >= len(lines):
        return False
    a, b = lines[before].grid, lines[after].grid
    if a is None or b is None:
        return False
    return a.table == b.table or (b.table[0] == a.table[0] + 1 and b.table[1] == 0 and a.columns == b.columns)


def _is_stacked_line(line: Line) -> bool:
    if line.grid is not None:
        return False
    text = line.text.strip()
    return 0 < len(text) <= 2 or (text.isdigit() and len(text) <= 4)


def _stacked_length(lines: list[Line], start: int) -> int:
    end = start
    while end < len(lines) and _is_stacked_line(lines[end]):
        end += 1
    return end - start if end - start >= MIN_STACKED_LINES else 0


#: At least this many lines of a label and its value make a form.
MIN_PAIRS = 3
#: A label: a few Chinese words (``被处罚当事人``, ``单位地址/邮政编码``), longer than a
#: person's name (a list of members, ``王晓晖　　中央宣传部副部长``, is no form).
_LABEL = regex.compile(r"^[\p{Han}（）()、/]{4,16}$")
#: The gap between a label and its value: a wide gap or an ideographic space.
_LABEL_GAP = regex.compile(rf"(?:{WIDE_GAP.pattern}|\u3000)\s*")


def pair(line: Line) -> tuple[str, str] | None:
    """``(label, value)`` of a line of a form printed a label and its value
    a line, parted by a wide gap (``行政处罚决定书文号  金罚决字〔2024〕36号``)
    or, on a line holding no other space, by one (a layer that parts cells
    so), or None; a label that ends as an office's name does (``广州市财政局``) makes
    none: joint issuers side by side are no form.

    >>> pair(Line(1, "被处罚当事人  复星联合健康保险股份有限公司")), pair(Line(2, "广州市财政局  广州市医疗保障局"))
    (('被处罚当事人', '复星联合健康保险股份有限公司'), None)
    """
    text = line.text.strip()
    if not _cells_line(line):
        return None
    parts = _LABEL_GAP.split(text)
    if len(parts) == 1 and line.geometry is None and text.count(" ") == 1:
        parts = text.split(" ")  # a layer that parts cells by one space
    if len(parts) != 2 or not _is_label(parts[0]) or not parts[1]:
        return None
    return parts[0], parts[1]


def _cells_line(line: Line) -> bool:
    """A line that may hold a table's cells or a form's: flush left or set
    in (``_unindented``), ending no entry, not cut into cells by the PDF
    reader (its own region's), opened by no list marker."""
    return (_unindented(line) and not line.ends_entry and line.grid is None
            and not marker_kind(line.text.strip()))


def _is_label(text: str) -> bool:
    """A form's label (``_LABEL``), not an office's name (``广州市财政局``)."""
    return bool(_LABEL.match(text)) and not BODY_ENDING.search(text)


def _pairs_length(lines: list[Line], start: int) -> int:
    """How many lines from ``start`` are a form's labels and values (0 if
    fewer than ``MIN_PAIRS``), a label whose value is empty printed alone
    between two (``被处罚当事人`` between ``行政处罚决定书文号  金罚决字〔2024〕36号``
    and ``主要违法违规事实  一、…``), or a blank form's labels (``blank_length``)."""
    end = start
    pairs = 0
    while end < len(lines):
        after = end
        while pairs and after < len(lines) and _lone_label(lines[after]):
            after += 1
        if after == len(lines) or pair(lines[after]) is None:
            break
        pairs, end = pairs + 1, after + 1
    return end - start if pairs >= MIN_PAIRS else _blank_length(lines, start)


def _lone_label(line: Line) -> bool:
    """A form's label printed without its value (``pair``'s label alone).

    >>> _lone_label(Line(1, "被处罚当事人")), _lone_label(Line(2, "广州市财政局")), _lone_label(Line(3, "一、总则"))
    (True, False, False)
    """
    return _cells_line(line) and _is_label(line.text.strip())


#: A blank form's field: its label (``单位组织机构代码``, ``项目举办场所情况（…）:``,
#: ``平台资产总额（截至2017年底）``; one holding figures holds no space and is
#: no date: ``1996年 1997年``, a signature's ``2021年3月25日``) or what
#: is printed for the value to be filled (``（盖章）年 月 日``,
#: ``单位负责人签字（盖章）： 年 月 日``); no label's value (``单位名称：（盖章）``),
#: no decimal figure (``12.5万元``).
_FIELD = regex.compile(r"^(?=.*\p{Han}.*\p{Han})[\p{Han}0-9０-９（）()、/“”《》 ]{2,40}[：:]?(?: *年 *月 *日)?$")
#: What is printed in a blank form's value: a date to fill, a seal, a signature, boxes to tick.
_FORM_VALUE = regex.compile(r"年 *月 *日|盖章|签字|签名|[□☐]")
#: A unit printed after the blank a figure is to be written in (``万元``).
FORM_UNIT = regex.compile(r"^(?:[万亿]?元|人|户|个|家|平方米|亩|台|套|次|项|件|份|天|[%％])$")
#: A value printed to fill that ends in a seal and a date, whatever it says
#: before (``经审核，该申报项目投资额为____万元。 盖章： 年 月 日``).
_SEALED = regex.compile(r"(?:盖章|签字|签名)[）)]?[：:]? *年 *月 *日$")
#: One space after a label's closing bracket, before the next label (``平台资产总额（截至2017年底） 万元``).
_AFTER_BRACKET = regex.compile(r"(?<=\p{Han}[）)]) (?=\p{Han})(?! *年 *月 *日)")
#: One space between a label and what its value prints: the seal or signature to date
#: (``意见 （盖章）年 月 日``), or the choices to tick (``婚姻状况 □是 □否``), no box before it.
_VALUE_APART = regex.compile(r"(?<=^[^□☐]*\p{Han}) (?=[（(]?(?:盖章|签字|签名)[）)]?[：:]? *年 *月 *日$|[□☐])")
#: A value of choices to tick, whatever they say, the box before each choice
#: (``□纳税额200万元（含）以上的企业□…``) or after it (``否□ 是□ （退伍时间）``).
_CHOICES = regex.compile(r"^[□☐]|[□☐].*[□☐]")
#: A value printed as guidance in brackets (``（不超过500字，可另附页）``; not a
#: blank to fill under a caption, ``（ 年）``: two Chinese characters at least).
_GUIDANCE = regex.compile(r"^[（(](?=[^（）()]*\p{Han}[^（）()]*\p{Han})[^（）()]{2,60}[）)]$")
#: A photo box's label is at most this long (``近期免冠相片``, ``2寸免冠彩照``).
_MAX_PHOTO_BOX = 12


def form_fields(line: Line) -> list[str] | None:
    """The fields of a line of a blank form, parted by wide gaps or
    ideographic spaces (``cells.wide_parts``), or, in a text layer that
    parts them by one space, by the spaces between two Han characters
    (``cells.han_parts``); None if it is no such line.

    >>> form_fields(Line(1, "单位组织机构代码  工商注册号")), form_fields(Line(2, "单位名称：（盖章）"))
    (['单位组织机构代码', '工商注册号'], None)
    >>> form_fields(Line(3, "籍贯 出生年月 政治面貌"))
    ['籍贯', '出生年月', '政治面貌']
    >>> form_fields(Line(3, "附件 2")), form_fields(Line(4, "附表2"))
    (None, None)
    """
    text = line.text.strip()
    if not _cells_line(line) or ATTACHMENT_HEAD.match(text) or TABLE_HEAD.match(text):
        return None
    fields = _parts(line)
    if len(fields) == 1 and " " in text and line.geometry is None and len(spaced := _one_space_fields(text)) > 1 \
            and all(map(_is_field, spaced)):
        return spaced  # a layer that parts fields by one space (``籍贯 出生年月 政治面貌``)
    return fields if fields and all(map(_is_field, fields)) else None


def _one_space_fields(text: str) -> list[str]:
    """The fields of a blank form's line in a layer that parts them by one
    space: between two words (``cells.han_parts``), before what a label's
    value prints, a seal or a signature to date (``申请单位意见 （盖章）年 月
    日``) or the choices to tick (``婚姻状况 □是 □否``), and after a label's
    closing bracket, before the next label's word.

    >>> _one_space_fields("申请单位意见 （盖章）年 月 日"), _one_space_fields("籍贯 出生年月 政治面貌")
    (['申请单位意见', '（盖章）年 月 日'], ['籍贯', '出生年月', '政治面貌'])
    >>> _one_space_fields("婚姻状况 □是 □否"), _one_space_fields("平台资产总额（截至2017年底） 万元 平台地址")
    (['婚姻状况', '□是 □否'], ['平台资产总额（截至2017年底）', '万元', '平台地址'])
    """
    return [piece for part in han_parts(text) for value in _VALUE_APART.split(part, maxsplit=1)
            for piece in _AFTER_BRACKET.split(value)]


def _is_field(text: str) -> bool:
    """A label, a value printed to fill, choices to tick, guidance in
    brackets or a photo box (``2寸免冠彩照``).

    >>> _is_field("□是 □否"), _is_field("（不超过500字，可另附页）"), _is_field("2寸免冠彩照"), _is_field("（ 年）")
    (True, True, True, False)
    >>> _is_field("否□ 是□ （退伍时间）"), _is_field("符合条件的□"), _is_field("经审核，为____万元。 盖章： 年 月 日")
    (True, False, True)
    >>> _is_field("2017年服务企业户数"), _is_field("1996年 1997年 1998年"), _is_field("2021年3月25日")
    (True, False, False)
    """
    label = _FIELD.match(text) and not (_DIGIT.search(text) and (regex.search(r"\s", text) or is_date(text)))
    return bool(label or _CHOICES.search(text) or _GUIDANCE.match(text) or _SEALED.search(text)
                or FORM_UNIT.match(text) or (len(text) <= _MAX_PHOTO_BOX and PHOTO_BOX.search(text)))


def is_form_value(text: str) -> bool:
    """Whether a blank form's field is what its value cell prints, not a label.

    >>> is_form_value("（公章） 年 月 日"), is_form_value("□是 □否"), is_form_value("（不超过500字，可另附页）")
    (True, True, True)
    >>> is_form_value("万元")
    True
    >>> is_form_value("通讯地址及邮编")
    False
    """
    return bool(_FORM_VALUE.search(text) or _GUIDANCE.match(text) or FORM_UNIT.match(text))


def _blank_length(lines: list[Line], start: int) -> int:
    """How many lines from ``start`` are the fields of a blank form under
    its caption (``…申请表``, ``…信息表``: ``is_title``, maybe wrapped over
    two lines), the caption right above them or one line above that
    (``（ 年）``); 0 if fewer than ``MIN_PAIRS``. A caption that reads as a
    field itself (``设经费补助申请表`` under ``宁波市工业标准化建``) is one
    only over fields two a line at least once (``申请单位  法人代表``): a
    list of forms left out (``…登记表（略）`` / ``…通知书（略）``) is none.
    A personal form's first line, fields ending in its photo box (``姓 名
    性别  文化程度  2寸免冠彩照``), needs no caption: a cover page may stand
    between (``申报人姓名：____`` / ``年 月``). The offices over a date right
    after the fields are the text's signature, not fields; a date to fill
    alone under the caption is the form's, printed above it (``_lone_value``).

    >>> lines = [Line(1, "项目申请表"), Line(2, "单位名称  联系电话"), Line(3, "项目名称  实施地点"),
    ...          Line(4, "申报单位意见  （盖章） 年 月 日"), Line(5, "国务院办公厅"), Line(6, "2018年12月4日")]
    >>> _blank_length(lines, 1)
    3
    """
    if start == 0:
        return 0
    under = _caption_ends(lines, start)
    first = form_fields(lines[start])
    photo = first is not None and len(first) >= 2 and bool(PHOTO_BOX.search(first[-1]))
    if not (under or photo or _caption_ends(lines, start - 1)) or _lone_value(first):
        return 0
    fields: list[list[str]] = []
    index = start
    while index < len(lines):
        found = form_fields(lines[index])
        if found is None and fields and (numbered := _numbered_fields(lines, index)):
            fields += [[line.text.strip()] for line in lines[index : index + numbered]]
            index += numbered
            continue
        if found is None or is_title(lines[index]):
            break
        fields.append(found)
        index += 1
    if index < len(lines) and _date_line(lines[index].text):
        fields = fields[: _signature_start(lines, index, start) - start]  # the offices over the date sign
    paired = any(len(found) > 1 for found in fields)
    above = form_fields(lines[start - 1])
    if not photo and above is not None and not ((under and paired) or _lone_value(above)):
        return 0
    return len(fields) if len(fields) >= MIN_PAIRS else 0


def _lone_value(fields: list[str] | None) -> bool:
    """Whether a line's fields (``form_fields``) are a value to fill alone,
    no label before it: the date a form is filled in, printed under its
    caption, not in the form (``年 月 日`` under ``…账户信息表``).

    >>> _lone_value(form_fields(Line(1, "年 月 日"))), _lone_value(["申请单位意见", "（盖章）年 月 日"])
    (True, False)
    """
    return fields is not None and len(fields) == 1 and is_form_value(fields[0])


#: A form's field numbered in a list of its items (``1、技术改造、科技创新补助``).
_NUMBERED_FIELD = regex.compile(r"^[0-9０-９]{1,2}[、.．]\s*(?=\S)")


def _numbered_fields(lines: list[Line], start: int) -> int:
    """How many lines from ``start`` are fields of a blank form numbered as
    a list's items (``1、技术改造、科技创新补助`` / ``2、市场拓展补助``, each a
    label over a blank for its figure), a line of fields under them going on
    with the form (``合计``): 0 if none, or if the form ends with them (a
    list, headings, follow it).

    >>> lines = [Line(1, "申请补助项目  企业申请金额（万元）"), Line(2, "1、技术改造补助"), Line(3, "2、市场拓展补助"),
    ...          Line(4, "合计")]
    >>> _numbered_fields(lines, 1), _numbered_fields(lines[:3], 1)
    (2, 0)
    """
    end = start
    while end < len(lines) and (match := _NUMBERED_FIELD.match(text := lines[end].text.strip())) \
            and not lines[end].indented and _is_field(text[match.end():]):
        end += 1
    return end - start if end > start and end < len(lines) and form_fields(lines[end]) is not None else 0


def _caption_ends(lines: list[Line], end: int) -> bool:
    """Whether a table's caption (``is_title``) is the line before ``end``,
    or up to ``MAX_CAPTION_LINES`` lines before it joined (a caption wrapped
    at the column's edge, in a narrow one cut short: ``宁波国家高新`` / … /
    ``房申购表（企`` / ``业）``)."""
    return any(_caption("".join(line.text.strip() for line in lines[end - count : end]))
               for count in range(1, MAX_CAPTION_LINES + 1) if end - count >= 0)


#: A caption wraps over at most this many lines (a title's limit, ``roles.MAX_TITLE_LINES``).
MAX_CAPTION_LINES = 8


def _rows_length(lines: list[Line], start: int, profile: Profile) -> int:
    """How many lines from ``start`` form a row table (0 if none starts here);
    the header printed again as its last line (rows of another shape under
    it: ``一级指标  二级指标  评分标准  评分说明`` over rows of five cells, where
    the rows above had four) is not its row but the next table's header."""
    units = table_units(profile)
    index = head = start + (1 if is_title(lines[start]) else 0)
    if index >= len(lines) or _blank_length(lines, index) or (index > start and _blank_length(lines, index + 1)):
        return 0  # a blank form's fields (under its caption)
    if (_is_header_line(lines[index], units, profile) or _heads_over_rows(lines, index, units)
            or _two_heads(lines, index, units, profile) or _heads_over_figures(lines, index, units)):
        index += 1
        counted = index  # a line of heads under the header may be a row of short words as well
        if index + 1 < len(lines) and is_sub_head_line(lines[index], units):
            index += 1  # heads under the header's (职工医保 城乡居民医保 under 统筹基金最高支付限额)
    elif index > start:
        pieces = index
        while index < len(lines) and is_header_piece(lines[index], units):
            index += 1
        if index - pieces < 2:
            return 0
        counted = index
    else:
        return 0
    body_start = index
    index = _rows_end(lines, index, units, lines[start : body_start], profile)
    while index > body_start and lines[index - 1].text.strip() == lines[head].text.strip():
        index -= 1  # the header printed again as the last line, rows of another shape under it: theirs
    rows = sum(1 for line in lines[counted:index]
               if len(split_cells(line.text, units)) >= 2 or TOTAL.match(line.text.strip()))  # an empty table's 合计
    if rows >= 2:
        return index - start
    if rows == 1 and counted == head + 1 and _one_row(lines[head], lines[counted], units, profile):
        return counted + 1 - start  # lines of one cell under it are no rows of it
    return _blank_list_length(lines, start, head, units, profile) if counted == head + 1 else 0


def _one_row(header: Line, row: Line, units: tuple[str, ...], profile: Profile) -> bool:
    """Whether a table has one row only: under a header of short heads, one
    a head word (``_is_header_line``), a row of a cell for each head
    (``地块编号  用地性质  用地面积（ha）  容积率  建筑高度（m）`` over
    ``XCL02-03-12a  M0  5.25  1.5-4.0  80``), or a row opening with its
    number (``_full_row``: ``１  国家税务总局吉安市…  曾雅婕  女  …`` under nine
    heads, its 工作单位 and 备注 empty).

    >>> from gazette.normalize.profile import default_profile
    >>> header = Line(1, "地块编号  用地性质  用地面积（ha）  容积率  建筑高度（m）")
    >>> _one_row(header, Line(2, "XCL02-03-12a  M0  5.25  1.5-4.0  80"), (), default_profile())
    True
    >>> _one_row(header, Line(2, "调整地块容积率为1.5-4.0。建筑高度保持不变。"), (), default_profile())
    False
    """
    heads = split_cells(header.text.strip(), units)
    return _is_header_line(header, units, profile) and (
        len(split_cells(row.text.strip(), units)) == len(heads) or _full_row(row, units, len(heads)))


def _blank_list_length(lines: list[Line], start: int, head: int, units: tuple[str, ...], profile: Profile) -> int:
    """How many lines from ``start`` are a blank list to fill in: a header
    line at ``head`` with head words in ``MIN_HEAD_WORDS`` of its cells
    (``序号  姓名  身份证号  学历（职称）  备注``), over rows holding only their
    number (``１`` / ``２`` / ``……``), or over none, the next line then parted
    by no wide gap (rows not found are no blank list); 0 if not."""
    cells = [cell for cell in split_cells(lines[head].text.strip(), units) if cell]
    if _head_words(cells, profile) < MIN_HEAD_WORDS or len(cells) < 3 \
            or not _is_header_line(lines[head], units, profile):
        return 0
    end = head + 1
    while end < len(lines) and BLANK_ROW.match(lines[end].text.strip()):
        end += 1
    if end == head + 1 and end < len(lines) and len(_parts(lines[end])) >= 2:
        return 0
    return end - start


def _rows_end(lines: list[Line], index: int, units: tuple[str, ...], head: list[Line], profile: Profile) -> int:
    """The index after the last line of the rows (and note) starting at
    ``index`` (as many cells as the header has heads, or one more where one
    of the first three rows has one more, ``_spans_head``); another table's
    header (not this one's printed again), or the caption right above it (a
    line of one cell, or, where the header parts its heads by wide gaps, a
    line without any: ``Ｂ 匝道桥界址点坐标``), starts another table, and so
    does a row the PDF reader cut into cells (``Line.grid``): a caption
    read as a header, ``表 7.5 停车区用地指标基准值（公顷/处）``, has no rows of
    its own above a ruled table. The heads of another table's groups of
    columns over its header start it too (``_heads_next``), and the text's
    next heading ends the rows (``_text_heading``)."""
    heads = {line.text.strip() for line in head}
    counts = [len(split_cells(line.text.strip(), units)) for line in head]
    columns = max(counts, default=0)
    wide = any(len(parts := _parts(line)) > 1 and len(parts) >= count
               for line, count in zip(head, counts))  # parted by wide gaps, not by one space around ``说　明``
    if columns >= MIN_FULL_ROW and any(_spans_head(line, units, columns) for line in lines[index : index + 3]):
        columns += 1  # a head written once over two columns (``rows._head_spans``): the first rows show them
    start = index
    named = 0  # the most cells with head words a row has shown so far
    above = _headings_above(lines, start - len(head))  # the text's markers
    numbered: dict[str, int] = {}  # the markers of the table's rows
    while index < len(lines):
        line = lines[index]
        if NOTE.match(line.text.strip()):
            return _note_end(lines, index)
        if _text_heading(line, above, numbered, units) and not (
                index + 1 < len(lines) and _full_row(lines[index + 1], units, columns)):
            break  # the text's next heading (``三、`` after the text's ``二、``), not the table's over its rows
        if _closing_date(lines, index, units):
            return _signature_start(lines, index, start)
        previous = lines[index - 1].text
        if line.grid is not None:
            break  # a row of a table the PDF reader cut into cells: its own region's (``_grid_length``)
        if ATTACHMENT_HEAD.match(line.text.strip()):
            break  # the next attachment begins
        if wide and _unparted_sentence(line):
            break
        if not (bracket_depth(previous) > 0 or _is_row_line(line, units) or _full_row(line, units, columns)
                or _wide_row(line, columns) or (not wide and _spaced_row(line, units, columns))
                or _section_row(lines, index, units, columns) or _figures_row(line, units)
                or _cells_over_row(lines, index, units, columns)):
            break
        cells = _parts(line) if wide else split_cells(line.text.strip(), units)
        caption = len(cells) == 1
        if _heads_next(lines, index, heads, columns, units, profile, named) or (
                caption and _heads_next(lines, _past_unit_lines(lines, index + 1), heads, columns, units, profile,
                                        named)):
            break
        named = max(named, _head_words(cells, profile))
        if (marked := marker_number(line.text.strip())) is not None:
            numbered[marked[0]] = marked[1]
        index += 1
    return index


def _headings_above(lines: list[Line], first: int) -> dict[str, int]:
    """The number of the text's last division marker of each kind above a
    table's first line (``{"cn": 2}`` under ``二、主动公开政府信息情况``).

    >>> _headings_above([Line(1, "一、总体情况"), Line(2, "（一）主动公开。"), Line(3, "二、主动公开情况")], 3)
    {'cn': 2, 'paren_cn': 1}
    """
    found: dict[str, int] = {}
    for line in lines[:first]:
        if (marked := marker_number(line.text.strip())) is not None:
            found[marked[0]] = marked[1]
    return found


def _text_heading(line: Line, above: dict[str, int], numbered: dict[str, int], units: tuple[str, ...]) -> bool:
    """Whether a heading after a table's rows goes on from the text's headings
    above the table (``三、收到和处理政府信息公开申请情况`` where the text's
    last was ``二、主动公开政府信息情况``, ``_headings_above``) and not from
    the markers of the table's rows so far (``numbered``: ``四、政府信息公开
    行政复议…`` after the row ``四、结转下年度继续办理`` is the text's).

    >>> _text_heading(Line(1, "三、收到和处理申请情况"), {"cn": 2}, {}, ())
    True
    >>> _text_heading(Line(1, "二、郊区"), {"cn": 1}, {"cn": 1}, ()), _text_heading(Line(1, "三、城区"), {}, {}, ())
    (False, False)
    """
    text = line.text.strip()
    marked = marker_number(text)
    return (marked is not None and above.get(marked[0]) == marked[1] - 1
            and numbered.get(marked[0]) != marked[1] - 1 and is_section_row(text, units))


def _cells_over_row(lines: list[Line], index: int, units: tuple[str, ...], columns: int) -> bool:
    """Whether the line at ``index`` is one of a table's lines of one cell
    over a row of it: a column's further cells, each printed as a row of
    its own, the other cells empty (``京政发[2001]25号`` / …
    ``财政部、税务总局等六部门公告2026年第7号`` among the 政策依据 of a row: longer
    than a short line), or rows whose first cells are empty in a layer that
    prints every cell, their gaps read as an indent (``　　其中：其他城市公用事业附加安排的支出``
    between two numbered rows of a budget). Such lines hold no sentence, and
    lead to a full row of the table (the next item), not to prose.

    >>> rows = [Line(1, "财政部、税务总局等六部门公告2026年第7号"), Line(2, "京发改[2016]1332号"),
    ...         Line(3, "２  ６００００９  森林植被恢复费  《森林法》  缴入中央和地方国库  见文件")]
    >>> _cells_over_row(rows, 0, (), 6), _cells_over_row(rows[:2], 0, (), 6)
    (True, False)
    >>> empty = Line(1, "其中：其他城市公用事业附加安排的支出", indent=1.0, indented=True)
    >>> prose = Line(1, "为进一步做好住房保障工作，现将有关事项通知如下", indent=2.0, indented=True)
    >>> _cells_over_row([empty, rows[2]], 0, (), 6), _cells_over_row([prose, rows[2]], 0, (), 6)
    (True, False)
    """
    end = index
    while end < len(lines) and end - index < MAX_LONE_CELL_LINES and _one_cell(lines[end], units):
        end += 1
    return end > index and end < len(lines) and (_full_row(lines[end], units, columns)
                                                 or _wide_row(lines[end], columns))


#: Lines of one cell over a row run at most this many lines (``_cells_over_row``).
MAX_LONE_CELL_LINES = 12
#: A line of one cell over a row is at most this long.
MAX_LONE_CELL = 40


def _one_cell(line: Line, units: tuple[str, ...]) -> bool:
    """A line that may be one cell over a row (``_cells_over_row``), indented or not."""
    text = line.text.strip()
    return (not line.ends_entry and line.grid is None and len(text) <= MAX_LONE_CELL
            and len(split_cells(text, units)) == 1 and not _item_marker(text)
            and (SUB_ITEM.match(text) is not None or (not _SENTENCE.search(text) and "，" not in text)))


def _spans_head(line: Line, units: tuple[str, ...], columns: int) -> bool:
    """Whether a row under a header of ``columns`` heads shows a cell more,
    parted by wide gaps (``三、功能品质（20分）  综合型  业态多样(10分)  …  …`` under
    ``一级指标  二级指标  评分标准  评分说明``): a head spans two columns. On a
    page's line (OCR, PDF) an ideographic space is a gap measured there, no
    cell's (``_parts``)."""
    return (_unindented(line) and len(split_cells(line.text.strip(), units)) == columns + 1
            and len(_parts(line)) == columns + 1)


def _unparted_sentence(line: Line) -> bool:
    """A line of a sentence (``，`` or ``。`` inside) without a wide gap, under
    heads parted by wide gaps: prose resumed in a layer without indents
    (``全市完成地方财政收入 ２６３ 亿元，同比增长 ２４．８％。其中，公共财政``),
    not a row, whose cells would be parted as its heads.

    >>> _unparted_sentence(Line(1, "全市完成地方财政收入 ２６３ 亿元，同比增长 ２４．８％。其中")), _unparted_sentence(
    ...     Line(2, "第一产业  １５３．６  １１．０"))
    (True, False)
    """
    return len(_parts(line)) == 1 and bool(regex.search("[，。；][^，。；]", line.text.strip()))


def _closing_date(lines: list[Line], index: int, units: tuple[str, ...]) -> bool:
    """Whether the line at ``index`` is the date under the text's signature:
    a date alone (``２０２１ 年 ９ 月 ２ 日``), no row after it."""
    following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return _date_line(lines[index].text) and len(split_cells(following, units)) < 2


def _date_line(text: str) -> bool:
    """Whether a line is a date alone, however its layer spaces it.

    >>> _date_line("２０２１ 年 ９ 月 ２ 日"), _date_line("２０２１ 年 ９ 月")
    (True, False)
    """
    return is_date(regex.sub(r"\s+", "", text))


def _signature_start(lines: list[Line], index: int, start: int) -> int:
    """Where the signature over the date at ``index`` begins: the lines of
    offices' names right above it (``德宏州人民政府办公室``; joint issuers side
    by side, ``自然资源部　中国银行保险监督管理委员会``), not above ``start``."""
    while index > start and (parts := _parts(lines[index - 1])) and _offices(parts):
        index -= 1
    return index


#: A row's own key: its number (``１２``) or its code (``C0202500A020``, ``D6``).
_KEY = regex.compile(r"^(?:[0-9０-９]+|(?=[0-9A-Za-z.\-]*[0-9])[A-Za-z][0-9A-Za-z.\-]+)$")
#: A row of as many cells as the header's (at least this many) is a row whatever its cells hold.
MIN_FULL_ROW = 3
#: A numbered row may show this many cells more than the table has columns:
#: spaces inside its cells looked like gaps (``石凯 13576210376``).
MAX_EXTRA_CELLS = 3


def _full_row(line: Line, units: tuple[str, ...], columns: int) -> bool:
    """A line of as many cells as the table's header has (fewer, two at
    least, when it opens with its row number or code: an empty cell prints
    nothing, a cell merged down is printed in its first row only): a row,
    or up to ``MAX_EXTRA_CELLS`` more when it opens with its number, a
    row even of long sentences (``１  知识产权…审判  整合分散的审判资源，…。  最高人民法院  全国``;
    ``３  急需工种…  1. 职业工种…。`` under a merged 类别, its 备注 empty;
    ``加分指标  １  文化程度  1. 本科…。`` opening a group, its 备注 empty)."""
    if columns < MIN_FULL_ROW or not _unindented(line) or line.ends_entry:
        return False
    cells = split_cells(line.text.strip(), units)
    numbered = (any(_KEY.match(cell) for cell in cells[:2]) or bool(ROW_NUMBER.fullmatch(cells[0]))) \
        and len(cells) >= 2  # after its category, maybe; ``１．`` first
    return len(cells) == columns or (numbered and len(cells) <= columns + MAX_EXTRA_CELLS)


def _figures_row(line: Line, units: tuple[str, ...]) -> bool:
    """A line of ``MIN_ROW_FIGURES`` figures or more, its cells parted by wide
    gaps: a row of a table of figures, whatever its first cells hold and
    however many more cells than the header's last line it shows (row heads
    of three levels: ``三、本年度办理结果  （一）予以公开  ０  ０  ０  ０  ０  ０  ０``
    under ``商业企业  科研机构  社会公益组织  法律服务机构  其他``).

    >>> _figures_row(Line(1, "三、本年度办理结果  （一）予以公开  ０  ０  ０  ０"), ())
    True
    >>> _figures_row(Line(1, "三、到 ２０２５ 年，建成 ３ 个基地、５ 个中心"), ("个",))
    False
    """
    if not _unindented(line) or line.ends_entry:
        return False
    cells = split_cells(line.text.strip(), units)
    return (len(_parts(line)) == len(cells) and sum(map(is_number, cells)) >= MIN_ROW_FIGURES) or (
        line.geometry is None and _figures_apart(line.text.strip()))


#: A line of this many figures parted by wide gaps is a row of a table of figures.
MIN_ROW_FIGURES = 3


def _figures_apart(text: str) -> bool:
    """Whether a line ends with ``MIN_ROW_FIGURES`` figures or more side by
    side, single spaces between, one of them two characters at least: a row
    of a table of figures in a layer that parts cells by one space
    (``上海 ６６９．５ １５ ８９８ ３８．７``). Prose sets a figure between words
    (``达 ５１８１ 公里``), never figures side by side; digits letter-spaced
    apart (``第 ７ ０ ６ 号``) are one character each, and a number so spaced
    (an order's, a year) has fewer than ``MIN_LONE_DIGITS``: as many
    figures of one digit are a row's counts (``（一）予以公开 ０ ０ ０ ０ ０ ０ ０``).

    >>> _figures_apart("上海 ６６９．５ １５ ８９８ ３８．７"), _figures_apart("年全国地铁运营线路长度达 ５１８１ 公里")
    (True, False)
    >>> _figures_apart("国务院令 第 ７ ０ ６ 号"), _figures_apart("７ ０ ６")
    (False, False)
    >>> _figures_apart("（一）予以公开 ０ ０ ０ ０ ０")
    True
    """
    figures = list(takewhile(is_number, reversed(text.split(" "))))
    return len(figures) >= MIN_ROW_FIGURES and (
        any(len(figure) > 1 for figure in figures) or len(figures) >= MIN_LONE_DIGITS)


#: Figures of one digit side by side at a line's end, this many at least,
#: are a row's counts, not a number letter-spaced (``第 ７ ０ ６ 号``, ``２ ０ ２ ３``).
MIN_LONE_DIGITS = 5


def _unindented(line: Line) -> bool:
    """A line not indented as a paragraph is: without an indent, or one whose
    white space stands for a row's empty first cells: it opens a line of
    cells parted by wide gaps (``      1996年  1997年  1998年`` under
    ``省（市）  1995年招生人数  扩招  分年度招生任务``, a layer that prints every
    cell, empty or not, followed by its gap), not by ideographic spaces only
    (an indented list of names, ``王　湛　副省长``).

    >>> _unindented(Line(1, "1996年  1997年  1998年", indent=3.0, indented=True))
    True
    >>> prose = Line(1, "为贯彻落实", indent=2.0, indented=True)
    >>> names = Line(1, "王　湛　副省长", indent=2.0, indented=True)
    >>> _unindented(prose), _unindented(names)
    (False, False)
    """
    return not line.indented or bool(WIDE_GAP.search(line.text))


def _parts(line: Line) -> list[str]:
    """The pieces of a line between its wide gaps (``cells.wide_parts``). A
    page's line (PDF, OCR, OFD: it has geometry) is parted at wide ASCII
    gaps only: its ideographic spaces stand for gaps measured on the page,
    which the labels of a figure have as well (GJB 9001C's 图1, OCR).

    >>> from gazette.normalize.model import Geometry
    >>> text = "例如以材料、资源\u3000例如以产品、服务"
    >>> _parts(Line(1, text)), _parts(Line(1, text, geometry=Geometry(90, 300, 100, 16, bottom=116)))
    (['例如以材料、资源', '例如以产品、服务'], ['例如以材料、资源\u3000例如以产品、服务'])
    """
    text = line.text.strip()
    if line.geometry is None:
        return wide_parts(text)
    return [part for part in WIDE_GAP.split(text) if part]


def _wide_row(line: Line, columns: int) -> bool:
    """A line of two cells or more, but no more than the table has, parted
    by wide gaps or ideographic spaces (``cells.wide_parts``): a row lacking cells merged down from above,
    whatever its cells hold (``定位明确、目标清晰…。（2分）  1.根据…`` under
    ``一、规划布局（12分）  规划科学（5分）``)."""
    if columns < MIN_FULL_ROW or not _unindented(line) or line.ends_entry:
        return False
    return 2 <= len(_parts(line)) <= columns


def _spaced_row(line: Line, units: tuple[str, ...], columns: int) -> bool:
    """A line of two cells or more, but no more than the table has, in a
    text layer that parts cells by one space, one of them at least between two
    words (``cells.word_gaps``; prose sets one beside a figure only): a row
    lacking cells, whatever its cells hold (``初中语文 宁波国家高新区信懋中学 １
    具有相应教师资格证书，…。`` under ``选调岗位 单位 人数 学历（学位）要求、范围及资格条件
    备注``, its 备注 empty).

    >>> row = Line(1, "初中语文 宁波国家高新区信懋中学 １ 具有相应教师资格证书，本科及以上学历。")
    >>> _spaced_row(row, (), 5), _spaced_row(Line(2, "全市共有 １２ 个项目，总投资 ３４ 亿元。"), (), 5)
    (True, False)
    """
    if columns < MIN_FULL_ROW or not _unindented(line) or line.ends_entry or line.geometry is not None:
        return False  # a page's line (PDF, OCR) spaces words as it measured them
    cells = split_cells(line.text.strip(), units)
    return 2 <= len(cells) <= columns and (word_gaps(line.text) >= 1 or _figure_cells(cells))


def _figure_cells(cells: list[str]) -> bool:
    """Whether a line's cells hold an amount (a figure without a unit, its
    thousands parted: ``八、城乡社区支出 154,369,326``), or a figure without a
    unit before another one or before a cell opening with a division's
    marker: cells of a budget's row in a layer that parts them by one space
    (``九、卫生健康支出 ２３６．６３ ２３６．６３``, ``一、一般公共预算财政拨款
    ９７４６．５０ 一、一般公共服务支出``). Prose sets a figure between words
    and its unit after it (``全市共有 １２ 个项目``), and digits letter-spaced
    apart are one character each (``第 ７ ０ ６ 号``).

    >>> _figure_cells(["八、城乡社区支出", "154,369,326"]), _figure_cells(["九、卫生健康支出", "２３６．６３", "２３"])
    (True, True)
    >>> _figure_cells(["一、一般公共预算财政拨款", "９７４６．５０", "一、一般公共服务支出"])
    True
    >>> _figure_cells(["全市共有", "１２个项目，总投资", "３４亿元。"]), _figure_cells(["第", "７", "０", "６号"])
    (False, False)
    """
    return any(_AMOUNT.match(cell) for cell in cells) or any(_BARE_FIGURE.match(figure) and (
        (_BARE_FIGURE.match(after) and max(len(figure), len(after)) > 1) or marker_kind(after) in _SECTION_MARKERS)
        for figure, after in pairwise(cells))


#: A figure without a unit: digits, their separators and point.
_BARE_FIGURE = regex.compile(r"^[-－]?[0-9０-９][0-9０-９,，.．]*$")
#: An amount, signed or not (``154,369,326``: ``cells.AMOUNT``).
_AMOUNT = regex.compile(rf"^[-－]?{AMOUNT}$")


def _section_row(lines: list[Line], index: int, units: tuple[str, ...], columns: int) -> bool:
    """A heading inside a table, a row of its own between full rows
    (``一、知识产权保护方面（共5项）``; in a table of two columns, rows of
    two cells parted by a wide gap: ``二、九江市（7个）`` over ``９  江西艾普若…项目``),
    or before the next heading, or before a row of figures parted by one
    space (``四、公共安全支出`` over ``八、社会保障和就业支出 ７５４．７５ ７５４．７５``)."""
    following = index + 1
    while following < len(lines) and is_section_row(lines[following].text.strip(), units):
        following += 1
    if not is_section_row(lines[index].text.strip(), units) or following == len(lines):
        return False
    row = lines[following]
    if columns == 2:
        return len(_parts(row)) == 2 and _is_row_line(row, units)
    return columns >= MIN_FULL_ROW and (_full_row(row, units, columns) or _wide_row(row, columns) or (
        _spaced_row(row, units, columns) and _figure_cells(split_cells(row.text.strip(), units))))


def is_section_row(text: str, units: tuple[str, ...]) -> bool:
    """A heading a table prints as a row of its own: one cell, short, no
    sentence, opened by a division's marker (``一、``, ``（一）``, ``第一章``; a
    cell wrapped over lines, ``２类`` / ``乘用车列车``, is not one).

    >>> is_section_row("一、知识产权保护方面（共5项）", ()), is_section_row("乘用车列车", ())
    (True, False)
    """
    return (len(text) <= MAX_SECTION_ROW and len(split_cells(text, units)) == 1 and not _SENTENCE_END.search(text)
            and marker_kind(text) in _SECTION_MARKERS)


_SECTION_MARKERS = ("chapter", "part", "cn", "paren_cn")
#: A header's first rows may follow this many section rows (``一、城区`` under the header).
MAX_SECTION_ROWS = 2


#: A heading inside a table is at most this long.
MAX_SECTION_ROW = 40


def _past_unit_lines(lines: list[Line], index: int) -> int:
    """The index after the lines from ``index`` that say a table's unit or who
    made it (``编制部门：…``, ``单位：元``), between its caption and its header.

    >>> lines = [Line(1, "编制部门：万里街道办事处"), Line(2, "单位：元"), Line(3, "项目  预算数")]
    >>> _past_unit_lines(lines, 0), _past_unit_lines(lines, 2)
    (2, 2)
    """
    while index < len(lines) and (UNIT_LINE.match(text := lines[index].text.strip()) or MAKER_LINE.match(text)):
        index += 1
    return index


def _heads_next(lines: list[Line], index: int, heads: set[str], columns: int, units: tuple[str, ...],
                profile: Profile, named: int = 0) -> bool:
    """Whether another table's header starts at ``index`` (``_new_header``),
    maybe under the heads of its groups of columns (``_group_heads``:
    ``财政拨款收入  财政拨款支出`` over ``项目  预算数  项目  合计 …``)."""
    if _new_header(lines, index, heads, columns, units, profile, named):
        return True
    following = index + 1
    if following >= len(lines) or not _words_and_gaps(lines[index]):
        return False
    width = len(split_cells(lines[following].text.strip(), units))
    return (_group_heads(lines[index], width, units)
            and _new_header(lines, following, heads, columns, units, profile, named))


def _new_header(lines: list[Line], index: int, heads: set[str], columns: int, units: tuple[str, ...],
                profile: Profile, named: int = 0) -> bool:
    """A header line of another table: not this table's (right under a row,
    with more cells than its ``columns`` or head words in ``MIN_HEAD_WORDS``
    of them: ``紧急程度 常规 公开方式 不公开 公文处理类型 签阅`` under a table
    of four), or this table's printed again after its caption (a new table
    with the same columns), not right after a row (where the table goes on
    over a page break, or into its next part) or ``续表``. Head words in no
    more cells than a row above has them (``named``) tell no header: the
    table's rows name such things (``效益指标  经济效益指标  …  促进`` under
    ``产出指标  数量指标  重点领域价格监管(单位)数  …``, a 绩效目标表). A line of
    one head word under a section row (``一、城区``) is a row of the table."""
    text = lines[index].text.strip() if index < len(lines) else ""
    cells = split_cells(text, units) if text else []
    if not text or any(is_number(cell) for cell in cells):
        return False  # a row with figures (合计 235 …) is no header
    previous = lines[index - 1].text.strip()
    row_cells = min(3, len(cells))  # fewer: a caption (Ｄ 匝道桥界址点坐标)
    after_row = (len(split_cells(previous, units)) >= row_cells or _wide_row(lines[index - 1], len(cells))
                 or _spaced_row(lines[index - 1], units, len(cells)))
    if text in heads:  # printed again after a row (over a page break, or a part of the table) or 续表
        return not (CONTINUED.match(previous) or after_row) or _numbered_again(lines, index, units)
    if not _is_header_line(lines[index], units, profile):
        return False
    words = _head_words(cells, profile)
    return ((words >= MIN_HEAD_WORDS and words > named) or len(cells) > columns
            or not (after_row or is_section_row(previous, units))
            or _first_head_again(cells, heads, units))


def _numbered_again(lines: list[Line], index: int, units: tuple[str, ...]) -> bool:
    """Whether the rows under a header printed again at ``index`` number
    themselves from a lower number than the last row above it did: the rows
    of another table of the same columns (``序号  学校名称  专业名称 …`` again,
    then ``１  东北师范大学 …`` under ``２  华东师范大学 …``; a table going on
    over a page break goes on with its numbers).

    >>> lines = [Line(1, "２  华东师范大学  汉语言文学"), Line(2, "序号  学校名称  专业名称"),
    ...          Line(3, "１  东北师范大学  思想政治教育")]
    >>> _numbered_again(lines, 1, ()), _numbered_again(lines[:2] + [Line(3, "３  东北师范大学  思想政治教育")], 1, ())
    (True, False)
    """
    below = _row_number(lines[index + 1], units) if index + 1 < len(lines) else None
    above = next((number for line in reversed(lines[max(0, index - MAX_NUMBER_LOOKBACK) : index])
                  if (number := _row_number(line, units)) is not None), None)
    return below is not None and above is not None and below < above


def _row_number(line: Line, units: tuple[str, ...]) -> int | None:
    """The number a row line opens with (``１２``, ``３．``), or None."""
    first = split_cells(line.text.strip(), units)[0] if line.text.strip() else ""
    digits = unicodedata.normalize("NFKC", first).rstrip(".．、")
    return int(digits) if digits.isdigit() and len(digits) <= MAX_ROW_NUMBER_DIGITS else None


#: How many lines above a header printed again the last row's number is looked for (a row wraps).
MAX_NUMBER_LOOKBACK = 6
#: A row's number has at most this many digits (a longer figure is a code or an amount).
MAX_ROW_NUMBER_DIGITS = 4


def _first_head_again(cells: list[str], heads: set[str], units: tuple[str, ...]) -> bool:
    """Whether a header line opens with the first head of the table's header
    and heads other columns: the header of the next table of its kind
    (``岗位等级  技术等级  备注`` under rows of ``岗位等级  其他专业技术岗位名称
    专业技术等级  备注``); no row's first cell is a head.

    >>> _first_head_again(["岗位等级", "技术等级", "备注"], {"岗位等级  其他专业技术岗位名称  备注"}, ())
    True
    """
    return any(cells[0] == split_cells(head, units)[0] for head in heads)


def _head_words(cells: list[str], profile: Profile) -> int:
    """How many of ``cells`` hold one of the profile's head words (``序号``, ``名称``…)."""
    return sum(1 for cell in cells if any(word in cell for word in profile.table_header_words))


#: A row of a blank list: its number alone, or an ellipsis (``……``).
BLANK_ROW = regex.compile(r"^(?:[0-9０-９]{1,3}|[…．.·]{2,})$")
#: Right under a row, a line of no more cells than the table's columns is
#: another table's header with head words in this many of its cells: one
#: may be a row's word (``市级以上部门称号``).
MIN_HEAD_WORDS = 2


def _note_end(lines: list[Line], index: int) -> int:
    """The index after a table's note opening at ``index``: it goes on to
    the line that ends a sentence, over ``MAX_NOTE_LINES`` lines at most, or
    more while every line is as wide as the others (a long note
    wrapped at the column's edge: ``注：岗位均应按已经明确的专业要求报考。…``
    over five lines).

    >>> note = [Line(1, "注：岗位均应按已经明确的专业要求报考。专业以毕业证", indent=2),
    ...         *(Line(no, "论、学科教学专业按所学专业方向报考，小学教育、初等教育") for no in (2, 3, 4)),
    ...         Line(5, "业报考。"), Line(6, "附件2")]
    >>> _note_end(note, 0), _note_end(note[:1] + [Line(2, "单位：万元"), *note[2:]], 0)
    (5, 3)
    """
    end = index + 1
    while end < len(lines) and not _SENTENCE_END.search(lines[end - 1].text.strip()) and (
            end - index < MAX_NOTE_LINES or _wrapped(lines[index:end])):
        end += 1
    return end


def _wrapped(lines: list[Line]) -> bool:
    """Whether lines of a text layer all end at about the same place (an
    indent and a width, in cells; ``WRAPPED_SHARE`` of the farthest at
    least: a word or a figure that did not fit went to the next line, the
    spaces around figures are narrow): wrapped at the column's edge."""
    ends = [line.indent + visual_width(line.text.strip()) for line in lines]
    return min(ends) >= WRAPPED_SHARE * max(ends)


#: Lines wrapped at a column's edge end at this share of its width at least (``_wrapped``).
WRAPPED_SHARE = 0.9


def _item_marker(text: str) -> bool:
    """A line opened by a list or heading marker (``一、``, ``（一）``, ``1.``, ``（1）``): prose, not a row."""
    return marker_kind(text) in ("cn", "paren_cn", "arabic", "paren_arabic")


def is_title(line: Line) -> bool:
    """A table's title: a short line ending in 表/清单 (``…主要指标表``), not in 代表.

    >>> is_title(Line(1, "代表名额分配表")), is_title(Line(2, "申请单位  法人代表"))
    (True, False)
    """
    return _caption(line.text.strip())


@lru_cache(maxsize=4096)
def _caption(text: str) -> bool:
    """``is_title`` of a stripped text (asked of every line, and of two lines
    joined, at each place a blank form or a table may start: kept)."""
    return bool(CAPTION.match(text)) and not _item_marker(text)


def _is_header_line(line: Line, units: tuple[str, ...], profile: Profile) -> bool:
    """``序号 类　 别 指　 　 标 ２０２０ 年 ２０２５ 年 属性``: short cells (but
    one, up to ``MAX_LONG_HEAD``, without a figure, beside no number: ``学历（学位）要求、范围及资格条件``,
    not a row's ``对11个地市开展重点领域价格监管``, nor a sentence's ``…时限为  2026年  7月  21``),
    one a head word, none a sentence's piece (a clause, a figure listed in a
    sentence: ``业单位在职人数 ７５ 人、全部补助事业在职人数 ４３６ 人、…``).

    >>> from gazette.normalize.profile import default_profile
    >>> text = "业单位在职人数 ７５ 人、全部补助事业在职人数 ４３６ 人、部分补助事业在职人数 ６３ 人、自收自支在"
    >>> _is_header_line(Line(1, text), ("人",), default_profile())
    False
    >>> sentence = Line(1, "季度新开工重大项目超 ７４ 个,完成重大项目投资 ３００ 亿元")  # a half-width comma
    >>> _is_header_line(sentence, ("个", "亿元"), default_profile())
    False
    >>> _is_header_line(Line(1, "选调岗位  单位  人数  学历（学位）要求、范围及资格条件  备注"), (), default_profile())
    True
    >>> _is_header_line(Line(1, "表 C.1 GJB 9001C-2017 相关国家军用标准"), (), default_profile())  # a caption
    False
    """
    cells = split_cells(line.text.strip(), units)
    return (
        not line.ends_entry
        and not TABLE_LABEL.match(line.text.strip())
        and len(cells) >= 3
        and _head_lengths_fit(cells)
        and not _long_figures(cells)
        and all(not _HEAD_CLAUSE.search(unbracketed(cell)) and not _LISTED_FIGURE.match(cell) for cell in cells)
        and _head_words(cells, profile) > 0
    )


def _long_figures(cells: list[str]) -> bool:
    """Whether a line's cells longer than a head's hold a figure, or stand
    beside a number: a row's (``对11个地市开展重点领域价格监管``), not a header's
    (a year before what a head counts is no figure: ``2020年度劳模、首席工人、五一劳动奖章``).

    >>> _long_figures(["机关", "对11个地市开展重点领域价格监管"])
    True
    >>> _long_figures(["单位", "2020年度劳模、首席工人、五一劳动奖章"])
    False
    """
    long = [cell for cell in map(unbracketed, cells) if len(cell) > MAX_HEADER_CELL]
    dated = [_YEAR_BEFORE.sub("", cell) for cell in long]
    return bool(long) and (any(_DIGIT.search(cell) for cell in dated) or any(map(is_number, cells)))


#: A head's year before what it counts (``2020年度一线人员``, ``2019年预算数``): no row's figure.
_HEAD_YEAR = r"[0-9０-９]{4}年度?"
_YEAR_BEFORE = regex.compile(rf"^{_HEAD_YEAR}(?=\p{{Han}})")


#: A clause's punctuation, full-width or half-width (a layer may print ``,``
#: for ``，``: ``７４ 个,完成重大项目投资``), not a figure's separator (``1,000``).
_HEAD_CLAUSE = regex.compile(r"[。，；：]|[,;:](?!\d)")
#: A head's note in brackets (``（单位：万元）``).
_BRACKETED = regex.compile(r"[（(][^（）()]*[）)]")


def unbracketed(head: str) -> str:
    """A head without its notes in brackets, whose punctuation is no clause's
    (``作出决定机关（单位：万元）``).

    >>> unbracketed("作出决定机关（单位：万元）"), unbracketed("学历（学位）要求、范围")
    ('作出决定机关', '学历要求、范围')
    """
    return _BRACKETED.sub("", head)


#: A figure and its unit listed in a sentence: ``７５人、``.
_LISTED_FIGURE = regex.compile(r"^[0-9０-９][0-9０-９.．]*\p{Han}{0,2}、")


#: A head under a head (``X``, ``职工医保``) is at most this long.
MAX_SUB_HEAD = 8
#: A year heading a column (``1996年``): a sub-head, not a row's number.
_YEAR = regex.compile(r"^\d{4}年$")


def is_sub_head(cell: str) -> bool:
    """A cell that may be a head under a head: short, no figure but a year.

    >>> is_sub_head("职工医保"), is_sub_head("2025年"), is_sub_head("6.2")
    (True, True, False)
    """
    return len(cell) <= MAX_SUB_HEAD and (bool(_YEAR.match(cell)) or not is_number(cell))


def is_sub_head_line(line: Line, units: tuple[str, ...]) -> bool:
    """A second line of heads, under the header's first (``分类  病种名称
    职工医保  城乡居民医保`` under ``序号  门诊特定病种  统筹基金最高支付限额
    审核确认有效期``): two or more sub-heads, no sentence. ``rows`` reads
    which heads above group which below.

    >>> heads, row = Line(1, "分类  病种名称  职工医保  城乡居民医保"), Line(2, "1  一类  高血压病")
    >>> is_sub_head_line(heads, ()), is_sub_head_line(row, ())
    (True, False)
    """
    cells = split_cells(line.text.strip(), units)
    return (len(cells) >= 2 and _unindented(line)
            and all(is_sub_head(cell) and not _CLAUSE.search(cell) for cell in cells))


def _heads_over_rows(lines: list[Line], index: int, units: tuple[str, ...]) -> bool:
    """A header without any of the profile's head words (``裁量基准编码  裁量档
    违法行为  违法行为依据 …``, ``序号  区  学校名称  培养计划``): three heads or
    more parted by wide gaps or ideographic spaces (``cells.wide_parts``),
    or, words only (no digit, no Latin letter), all by one space (a layer
    that parts cells so), no figure, no sentence, no line of offices (joint issuers side by side,
    ``财政部  教育部  科技部``), over ``MIN_HEADED_ROWS`` lines that are rows of
    as many columns (``_headed_row``), the second maybe two cells short
    (``_short_row``), whatever their cells hold: words as short as the heads
    (a list of schools) or sentences.

    >>> heads = Line(1, "裁量基准编码 裁量档（违法行为性质） 违法行为")
    >>> rows = [Line(2, "C0202500A010 A（社会危害性严重） 未取得许可证从事实验动物工作"),
    ...         Line(3, "C0201200A010 A（社会危害性严重） 转借、转让、出租许可证")]
    >>> phones = [Line(1, "高新区信懋小学 0574- 87751812（周老师）"), Line(2, "高新区实验学校 0574-55125411"),
    ...           Line(3, "高新区外国语学校 0574-87916261")]
    >>> _heads_over_rows([heads, *rows], 0, ()), _heads_over_rows(phones, 0, ())
    (True, False)
    """
    line = lines[index]
    heads = split_cells(line.text.strip(), units)
    if not _short_heads(line, heads) or all(BODY_ENDING.search(h) for h in heads):
        return False
    parts = len(_parts(line))
    if parts != len(heads) and not (parts == 1 and all(map(_WORDS.match, heads))):
        return False
    rows = [row for row in lines[index + 1 : index + 1 + MIN_HEADED_ROWS + MAX_SECTION_ROWS]
            if not is_section_row(row.text.strip(), units)][:MIN_HEADED_ROWS]
    if len(rows) < MIN_HEADED_ROWS or not _headed_row(rows[0], units, len(heads)):
        return False
    return all(_headed_row(row, units, len(heads)) or _short_row(row, units, len(heads), 2) for row in rows[1:])


def _heads_over_figures(lines: list[Line], index: int, units: tuple[str, ...]) -> bool:
    """A header without head words over a row of figures only, under a line
    of sub-heads maybe (``结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉
    复议后起诉`` over ``结果维持 … 总计  结果维持 … 总计`` over fifteen figures, a
    政府信息公开工作年度报告's last table): three heads or more of words only
    parted by wide gaps, and a row of ``MIN_ROW_FIGURES`` figures or more,
    no other cell, as many as the heads above it at least.

    >>> heads, sub = Line(1, "结果维持  结果纠正  总计  未经复议直接起诉"), Line(2, "结果维持  结果纠正  总计")
    >>> _heads_over_figures([heads, sub, Line(3, "10  1  0  0  0  5")], 0, ())
    True
    >>> _heads_over_figures([heads, Line(2, "城区  1  0  5")], 0, ())
    False
    """
    if not _words_and_gaps(lines[index]):
        return False  # most lines: a figure, a clause, no wide gap
    heads = split_cells(lines[index].text.strip(), units)
    if len(heads) < 3 or len(_parts(lines[index])) != len(heads) or not all(map(_WORDS.match, heads)):
        return False
    following = index + 1
    if following < len(lines) and is_sub_head_line(lines[following], units):
        following += 1
    if following >= len(lines):
        return False
    cells = split_cells(lines[following].text.strip(), units)
    above = len(split_cells(lines[following - 1].text.strip(), units))
    return _figures_row(lines[following], units) and all(map(is_number, cells)) and len(cells) >= above


#: A head of words only: Chinese, brackets, a list's marks, after its year maybe (``_HEAD_YEAR``).
_WORDS = regex.compile(rf"^(?:{_HEAD_YEAR})?[\p{{Han}}（）()、/]+$")
#: A header found by its place (no head word) is over this many rows at least.
MIN_HEADED_ROWS = 2


def _headed_row(line: Line, units: tuple[str, ...], columns: int) -> bool:
    """A row under a header of ``columns`` heads: a full row (``_full_row``),
    one cell short (an empty last cell prints nothing: ``备注``), or one cell
    more (a head across two columns, ``_spans_head``)."""
    return _full_row(line, units, columns) or _short_row(line, units, columns, 1) or _spans_head(line, units, columns)


def _short_row(line: Line, units: tuple[str, ...], columns: int, short: int) -> bool:
    """A row of ``short`` cells fewer than ``columns``, two at least, parted
    by wide gaps: one short, its last cell empty; two short under a row,
    its first cell merged down from that row as well
    (``年产12000吨高端精细化学品项目。  南明区政务服务大厅`` under
    ``性别  文化程度  年  申报主营业务``).

    >>> _short_row(Line(1, "年产12000吨高端精细化学品项目。  南明区政务服务大厅"), (), 4, 2), _short_row(
    ...     Line(2, "南明区政务服务大厅"), (), 3, 1)
    (True, False)
    """
    parts = len(_parts(line))
    return (parts == columns - short >= 2 and _wide_row(line, columns)
            and len(split_cells(line.text.strip(), units)) == parts)


def _two_heads(lines: list[Line], index: int, units: tuple[str, ...], profile: Profile) -> bool:
    """A header of two heads, one a head word (``专业名称  专业代码``), or
    any two over rows whose second cell is a figure (``行政村  永久基本农田示范区补偿面积``
    over ``东钱村  ０．００``), over ``MIN_PAIRS`` - 1 rows or more: each line two cells parted by a wide gap
    or an ideographic space (``cells.wide_parts``), or by the one space of
    a layer that parts cells so (``_spaced_pair``), no sentence in them
    (a row may hold a list: ``龙山村、上王村、方桥村（江南路以南）…``), no list
    in the heads; a row breaking down the one above it is no sentence
    (``其中：水电  万千瓦``), and a heading may stand between the header and
    its rows (``一、南昌市（8个）``, ``is_section_row``), and so may a row
    whose second cell is empty, its first alone over the next row
    (``高新区梅墟中心小学``, ``_one_cell``).

    >>> from gazette.normalize.profile import default_profile
    >>> lines = [Line(1, "序号  项目名称"), Line(2, "一、南昌市（8个）"), Line(3, "１  江铃新能源汽车新基地项目"),
    ...          Line(4, "２  瑶湖智能科技园（龙旗二期）")]
    >>> _two_heads(lines, 0, (), default_profile())
    True
    >>> units = [Line(1, "指标名称  单位"), Line(2, "全国发电装机容量  万千瓦"), Line(3, "其中：水电  万千瓦")]
    >>> _two_heads(units, 0, (), default_profile())
    True
    """
    if not _pair_row(lines[index], units) or _CLAUSE.search(lines[index].text):
        return False  # the header first: most lines are none, and the rows' search is dearer
    window = lines[index + 1 : index + MIN_PAIRS + MAX_SECTION_ROWS + 1]
    under = [line for at, line in enumerate(window) if not is_section_row(line.text.strip(), units) and not (
        _one_cell(line, units) and at + 1 < len(window) and _pair_row(window[at + 1], units))]
    rows = [lines[index], *under[: MIN_PAIRS - 1]]
    if len(rows) < MIN_PAIRS or not all(_pair_row(line, units) for line in rows[1:]):
        return False
    heads = split_cells(rows[0].text.strip(), units)
    figures = all(is_number(_parts(row)[-1]) for row in rows[1:])  # ``东钱村  ０．００`` under ``行政村  …补偿面积``
    return (all(len(head) <= MAX_HEADER_CELL for head in heads)
            and (figures or any(word in head for head in heads for word in profile.table_header_words)))


def _pair_row(line: Line, units: tuple[str, ...]) -> bool:
    """A line of two cells parted by a wide gap, an ideographic space or the
    one space of a layer that parts cells so (``_spaced_pair``), set in or
    not, no sentence in them but a row breaking the one above down
    (``其中：水电  万千瓦``)."""
    text = line.text.strip()
    if not _unindented(line) or line.ends_entry or (_SENTENCE.search(text) and not SUB_ITEM.match(text)):
        return False
    return len(_parts(line)) == 2 or (_spaced_pair(line) and len(split_cells(text, units)) == 2)


def _spaced_pair(line: Line) -> bool:
    """Two cells parted by the one space of a layer that parts cells so
    (``高新区信懋小学 龙山村、上王村…``, ``中医 3500``): Chinese or a row's
    number before it, Chinese or a figure after it, no other space (one each side of a
    figure, ``在川创业 ３ 年内``, is none).

    A page's line (PDF, OCR, OFD) parts no cells so: its spaces are gaps
    measured between glyphs. Nor does a heading's or a TOC entry's
    (``第二十章 建设高标准市场体系``).

    >>> _spaced_pair(Line(1, "高新区信懋小学 龙山村、上王村")), _spaced_pair(Line(2, "在川创业 ３ 年内"))
    (True, False)
    >>> _spaced_pair(Line(3, "１ 江铃新能源汽车新基地建设项目")), _spaced_pair(Line(4, "２０２５ 年底前完成"))
    (True, False)
    >>> _spaced_pair(Line(3, "第二十章 建设高标准市场体系")), _spaced_pair(Line(4, "一、总体要求 发展目标"))
    (False, False)
    """
    text = line.text.strip()
    return (line.geometry is None and not HEADING_LINE.match(text) and not LINE_OPENER.match(text)
            and bool(_SPACED_PAIR.match(text)))


#: Two runs of words (no space inside) parted by one space after a Chinese character, a
#: bracket or a row's number (``１ 江铃…项目``), before one or a figure (``中医 3500``).
_SPACED_PAIR = regex.compile(r"^(?:[^\s]*[\p{Han}）)]|[0-9０-９]{1,3}) [\p{Han}（(0-9０-９][^\s]*$")


def _short_heads(line: Line, cells: list[str]) -> bool:
    """Three heads or more as long as heads are (``_heads_fit``), none a
    figure (a time, ``12月末``, is none; not all of them times) nor holding
    a list or a sentence."""
    return (not line.ends_entry and _unindented(line) and len(cells) >= MIN_FULL_ROW and _heads_fit(cells)
            and all((_DATED.match(cell) or not is_number(cell)) and not _CLAUSE.search(unbracketed(cell))
                    for cell in cells)
            and not all(_DATED.match(cell) for cell in cells))


#: A head naming a time (``12月末``, ``1-9月累计``, ``2020年``): no figure.
_DATED = regex.compile(r"^[0-9０-９]{1,4}(?:[-－—~][0-9０-９]{1,2})?[年月](?:[末底初]|累计|[0-9０-９]{1,2}月)?$")


#: One head of a header may be this long (``统筹基金最高支付限额（万元）``).
MAX_LONG_HEAD = 24


def _heads_fit(cells: list[str]) -> bool:
    """Whether ``cells`` are as long as a header's heads: none longer than
    ``MAX_HEADER_CELL`` but one, up to ``MAX_LONG_HEAD``; at most one of a
    single character, a Chinese one (``区``), among longer heads.

    >>> _heads_fit(["序号", "区", "学校名称"]), _heads_fit(["总", "理", "李克强"])
    (True, False)
    """
    singles = [cell for cell in cells if len(cell) == 1]
    return _head_lengths_fit(cells) and len(singles) <= 1 and all(_HAN_CHAR.match(cell) for cell in singles)


def _head_lengths_fit(cells: list[str]) -> bool:
    """Whether no cell is longer than ``MAX_LONG_HEAD``, and at most half
    of them (one at least) longer than ``MAX_HEADER_CELL``, their notes in
    brackets aside (``…预算数（万元）``)."""
    lengths = sorted(len(unbracketed(cell)) for cell in cells)
    long = sum(1 for length in lengths if length > MAX_HEADER_CELL)
    return bool(lengths) and lengths[-1] <= MAX_LONG_HEAD and long <= max(1, len(lengths) // 2)


_HAN_CHAR = regex.compile(r"^\p{Han}$")


def is_header_piece(line: Line, units: tuple[str, ...]) -> bool:
    text = line.text.strip()
    return (
        len(text) <= MAX_HEADER_PIECE
        and len(split_cells(text, units)) == 1
        and not INTEGER.match(text)
        and not _CLAUSE.search(text)
        and not line.indented
    )


def _is_row_line(line: Line, units: tuple[str, ...]) -> bool:
    """A line that can be (part of) a table row, not prose (nor a TOC entry
    whose leader dots were taken off: ``6.1 应对风险和机遇的措施 5``, nor a
    PDF's line in title type: the title of the next item); a line of one
    cell is short, or a row breaking down the one above (``SUB_ITEM``)."""
    text = line.text.strip()
    if not _unindented(line) or line.ends_entry or line.grid is not None or not text \
            or (_item_marker(text) and not opens_numbered(split_cells(text, units))):
        return False
    if line.geometry is not None and line.geometry.large:
        return False
    if CONTINUED.match(text):
        return True
    cells = split_cells(text, units)
    if len(cells) >= 2:
        return not any(len(cell) > MAX_CELL_SENTENCE and cell.endswith("。") for cell in cells)
    if SUB_ITEM.match(text):
        return len(text) <= MAX_CELL_SENTENCE
    return len(text) <= MAX_SHORT_LINE and not _SENTENCE_END.search(text)
