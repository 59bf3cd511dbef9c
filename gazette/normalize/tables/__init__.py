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
from .detect import Region, find_tables, pair, table_units
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
            table, places, made = _read(region, profile)
        except TableShapeError as error:
            for line, text in zip(region.lines, texts):
                line.text, line.table, line.joins_next = text, number, False
            table, places, made = _raw(region, str(error)), {}, []
        tables[number] = table
        repairs += made
        rule = rules.RAW_TABLE if table.raw else _SHAPE_RULES[region.shape]
        repairs += [
            Repair(rule.name, line.page, line.no, 0, line.text, places.get(line.no, "raw row"), op="table")
            for line in region.lines
            if line.table is not None
        ]
    return tables, repairs


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
    rows = read_rows(region.lines, table_units(profile), profile.table_header_words)
    return rows.table, rows.places, rows.repairs


def read_pairs(lines: list[Line]) -> tuple[Table, dict[int, str], list[Repair]]:
    """The table of a form's lines: a row of two cells (label, value) each."""
    rows, places = [], {}
    for number, line in enumerate(lines, start=1):
        label, value = pair(line) or ("", line.text.strip())
        rows.append(Row([Cell(label), Cell(value)]))
        places[line.no] = f"row {number}: {label} | {value}"
    return Table(rows, shape="pairs", lines=[line.no for line in lines]), places, []


def _release_preface(groups: list[list[Line]]) -> None:
    """Lines stacked before the header (``附`` / ``件``, the title) are text:
    each group reads as one line."""
    for group in groups:
        for line in group:
            line.table = None
            line.joins_next = line is not group[-1]


def _raw(region: Region, reason: str) -> Table:
    """The region kept as it is: one row of one cell per source line."""
    rows = [Row([Cell(line.text.strip())]) for line in region.lines]
    return Table(rows, shape=region.shape, raw=True, reason=reason, lines=[line.no for line in region.lines])
