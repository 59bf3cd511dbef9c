"""Tables: find table regions in a text layer and rebuild them as grids.

``find_tables`` runs before the character repairs (their space removal
would erase the gaps between cells) and marks the lines of each region;
the repairs that keep cell gaps run on them (width folding, ○ → 〇, …);
``build_tables`` then reads each region as a grid. A region that does not
read as a table of its shape is kept as a *raw* table, one source line a
row, with the reason: no text is lost, and the run report lists it.

Every table line gets a ``table`` repair (rule ``stacked_table``,
``rows_table``, ``pairs_table``, ``ruled_table``, ``aligned_table`` or ``raw_table``) saying
where it went, so the repair log still accounts for every line.

>>> from gazette.normalize.read import source_from_bytes
>>> from gazette.normalize.pipeline import normalize
>>> text = "类别 车型分类标准 收费标准（元 ／车次）\\n１ 类 ２ 轴 ５\\n２ 类 ３ 轴 ８\\n"
>>> normalize(source_from_bytes(text.encode(), "x.txt")).tables()[0].grid()
[['类别', '车型分类标准', '收费标准（元／车次）'], ['1类', '2轴', '5'], ['2类', '3轴', '8']]
"""

from __future__ import annotations

from .. import rules
from ..model import Line, Repair
from ..profile import Profile
from .cells import PHOTO_BOX, split_cells, wide_parts
from .detect import FORM_UNIT, Region, find_tables, form_fields, is_form_value, pair, table_units
from .grid import read_grid
from .model import Cell, Row, Table
from .rows import read_rows
from .stacked import TableShapeError, read_stacked

__all__ = ["Cell", "Region", "Row", "Table", "build_tables", "find_tables"]

#: The rule recorded for the lines of a table of each shape.
_SHAPE_RULES = {"stacked": rules.STACKED_TABLE, "rows": rules.ROWS_TABLE, "pairs": rules.PAIRS_TABLE,
                "ruled": rules.RULED_TABLE, "aligned": rules.ALIGNED_TABLE}


def build_tables(regions: list[Region], profile: Profile) -> tuple[dict[int, Table], list[Repair]]:
    """The table of each region (by region number) and the repairs made."""
    tables: dict[int, Table] = {}
    repairs: list[Repair] = []
    for number, region in enumerate(regions):
        texts = [line.text for line in region.lines]
        try:
            table, places, made = _read_trimmed(region, profile, texts)
        except TableShapeError as error:
            for line, text in zip(region.lines, texts):
                line.text, line.joins_next = text, False
            for line in region.table_lines:
                line.table = number
            table, places, made = _raw(region, str(error)), {}, []
        if region.names_document:
            table.title = None  # its caption is the document's title (detect._names_document)
        tables[number] = table
        repairs += made
        rule = rules.RAW_TABLE if table.raw else _SHAPE_RULES[region.shape]
        repairs += [
            Repair(rule.name, line.page, line.no, 0, line.text, places.get(line.no, "raw row"), op="table")
            for line in region.lines
            if line.table is not None
        ]
    return tables, repairs


#: At most this many lines of one cell after a table's last row are given back to the text.
MAX_TRAILING_FRAGMENTS = 2


def _read_trimmed(region: Region, profile: Profile, texts: list[str]) -> tuple[Table, dict[int, str], list[Repair]]:
    """The table of a region; where a rows table does not read because its
    last lines are cells left over (a short line of text right after the
    last row), it is read without them, and they are text again."""
    try:
        return _read(region, profile)
    except TableShapeError:
        cut = _trailing_fragments(region)
        if not cut:
            raise
        for line, text in zip(region.lines, texts):
            line.text = text
        found = _read(Region(region.shape, region.lines[:-cut], over=region.over, headed=region.headed), profile)
        for line in region.lines[-cut:]:
            line.table, line.table_note = None, False
        return found


def _trailing_fragments(region: Region) -> int:
    """How many of a rows region's last lines are one cell each (at most ``MAX_TRAILING_FRAGMENTS``)."""
    if region.shape != "rows":
        return 0
    count = 0
    while count < min(MAX_TRAILING_FRAGMENTS, len(region.lines) - 2) \
            and len(split_cells(region.lines[-1 - count].text.strip(), ())) == 1:
        count += 1
    return count


def _read(region: Region, profile: Profile) -> tuple[Table, dict[int, str], list[Repair]]:
    if region.shape in ("ruled", "aligned"):
        grid = read_grid(region.lines, region.shape)
        return grid.table, grid.places, []
    if region.shape == "stacked":
        stacked = read_stacked(region.lines, profile.table_header_words)
        _release_preface(stacked.preface)
        return stacked.table, stacked.places, []
    if region.shape == "pairs":
        return read_pairs(region.lines)
    rows = read_rows(region.lines, table_units(profile), profile.table_header_words, region.over, region.headed)
    return rows.table, rows.places, rows.repairs


def read_pairs(lines: list[Line]) -> tuple[Table, dict[int, str], list[Repair]]:
    """The table of a form's lines: a row of two cells (label, value) each,
    or, where every line is fields of a blank form, of its fields (``form_row``);
    in a personal form, a line of three fields or more under a line of one
    (``起始、终止年月  学校及专业  备注`` under ``主要学习经历（高中及以后）``) heads
    a list to fill in, its heads side by side."""
    rows, places = [], {}
    fields = [form_fields(line) for line in lines]
    blank = all(fields)
    personal = blank and any(PHOTO_BOX.search(text) for found in fields for text in found or [])
    for number, (line, found) in enumerate(zip(lines, fields), start=1):
        labelled = None if blank else pair(line)
        above = fields[number - 2] if number > 1 else None
        list_heads = found is not None and len(found) > 2 and above is not None and len(above) == 1
        texts = list(labelled) if labelled else form_row(found or [line.text.strip()], personal and not list_heads)
        rows.append(Row([Cell(text) for text in texts]))
        places[line.no] = f"row {number}: {' | '.join(texts)}"
    return Table(rows, shape="pairs", lines=[line.no for line in lines]), places, []


def form_row(fields: list[str], personal: bool = False) -> list[str]:
    """A blank form's line as cells: each label followed by the empty cell
    its value is to be written in, unless what follows it is printed for
    that value (``（盖章）年 月 日``; a unit, ``万元``, is printed after the
    blank) or the line has more than two fields, none printed for a value
    (a row of heads: ``联系人姓名  工作部门和职务  联系电话/传真  电子邮箱``),
    but in a ``personal`` form (one with a photo box, ``PHOTO_BOX``), whose
    fields each hold one person's one answer (``姓 名  性别  民族  相片``); a
    photo box is its own cell.

    >>> form_row(["单位组织机构代码", "工商注册号"]), form_row(["复核部门意见", "年 月 日"])
    (['单位组织机构代码', '', '工商注册号', ''], ['复核部门意见', '年 月 日'])
    >>> form_row(["姓 名", "性别", "民族", "近期免冠相片"], personal=True)
    ['姓 名', '', '性别', '', '民族', '', '近期免冠相片']
    >>> form_row(["申报项目投资总额", "万元", "项目建设启动结束时间"])
    ['申报项目投资总额', '', '万元', '项目建设启动结束时间', '']
    """
    if len(fields) > 2 and not personal and not any(map(is_form_value, fields)):
        return fields
    cells: list[str] = []
    for index, text in enumerate(fields):
        cells.append(text)
        following = fields[index + 1] if index + 1 < len(fields) else ""
        value_follows = is_form_value(following) and not FORM_UNIT.match(following)
        if not value_follows and not is_form_value(text) and not PHOTO_BOX.search(text):
            cells.append("")
    return cells


def _release_preface(groups: list[list[Line]]) -> None:
    """Lines stacked before the header (``附`` / ``件``, the title) are text:
    each group reads as one line."""
    for group in groups:
        for line in group:
            line.table = None
            line.joins_next = line is not group[-1]


def _raw(region: Region, reason: str) -> Table:
    """The region kept as printed: one row per source line, its cells the
    pieces between the line's wide gaps and ideographic spaces
    (``wide_parts``: the text inside them as printed), in no column they
    were placed in, so a row may hold fewer cells than another.

    >>> region = Region("rows", [Line(1, "项目  预算数  调整数"), Line(2, "推荐单位意见\t（盖章）年 月 日")])
    >>> _raw(region, "no header").grid()
    [['项目', '预算数', '调整数'], ['推荐单位意见', '（盖章）年 月 日']]
    """
    rows = [Row([Cell(text) for text in wide_parts(line.text.strip())] or [Cell("")])
            for line in region.table_lines]
    return Table(rows, shape=region.shape, raw=True, reason=reason, lines=[line.no for line in region.table_lines])
