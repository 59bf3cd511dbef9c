"""Tables drawn by hypothesis, of real heads and cells, in a real document.

The corpora's tables almost all have a head word of the profile
(``序号``, ``名称``, ``项目``…) in their header, and a first row as full as the
header: a rule fitted to them can pass every test and miss the table of the
next issuer. ``table_document`` draws a table on its own knobs (``KNOBS``), each one
seen in real gazettes: heads with or without a head word, a head of one
character (``区``) or a long one (``统筹基金最高支付限额（万元）``), a key column
(``序号`` over 1, 2, 3…) or none, a category merged down over several rows
(printed in its first row only), empty cells at a row's end (an empty
``备注``), long sentences in cells, figures, a caption above, a note below,
rows of one cell heading groups of rows (``一、南昌市（8个）``; ``sections``,
off in ``KNOBS``), a head written once over two columns (``spanned_head``,
off), the table right above the signature (``above_signature``, off).
Heads, cells and section rows are real: taken from the tables of the tuning corpora
(``tests/data/corpus`` and the unseen corpus without its held-out third).
The table is put into a real document of those corpora, after the
paragraph under its title.

    >>> from hypothesis import find
    >>> doc = find(KNOBS.flatmap(table_document), lambda doc: len(doc.tables()[0][0]) == 4)
    >>> doc.lines.count("[TABLE]"), len(doc.tables()[0][0])
    (1, 4)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from hypothesis import strategies as st

from gazette.normalize.profile import default_profile

from .corpus_renderer import Document, is_signature
from .drawn_layouts import NOT_DRAWN_YET, TUNING

#: The head words of the default profile (``profiles/default.toml``).
HEAD_WORDS = default_profile().table_header_words
_CLAUSE = regex.compile("[。，；：、]")
_SECTION = regex.compile("^[一二三四五六七八九十]+、")


#: Sets of the unseen corpus whose tables no head or column is drawn from yet:
#: adding a set re-draws every example, and the shares asserted hold on
#: their own draw (set K, tables of 宁波 and 重庆邮电大学, came at 0.19.0; set M,
#: forms and tables of 宁波, at 0.21.0; sets N and O, tables of 北京, 深圳, 佛山 and 宁波, at 0.22.0;
#: set Q, spreadsheets of 宁波, at 0.25.0; set R, tables cut out of real PDFs, at 0.27.0; set S,
#: Word tables of 江西 and central organs, at 0.28.0; set T, lists of central organs and 江西, at 0.29.0;
#: set U, blank forms of 住房公积金, at 0.30.0).
NOT_DRAWN_FROM_YET = ("K_", "L_", "M_", "N_", "O_", "Q_", "R_", "S_", "T_", "U_")
#: The tuning documents heads and columns are drawn from.
SOURCES = [doc for doc in TUNING if not doc.name.startswith(NOT_DRAWN_FROM_YET)]


def _real_heads() -> tuple[list[str], list[str]]:
    """The heads of the tuning corpora's tables, with a head word and without."""
    worded, plain = set(), set()
    for doc in SOURCES:
        for table in doc.tables():
            for cell in (cell.strip() for cell in table[0]):
                if 2 <= len(cell) <= 15 and " " not in cell and "\u3000" not in cell and not _CLAUSE.search(cell):
                    (worded if any(word in cell for word in HEAD_WORDS) else plain).add(cell)
    return sorted(worded), sorted(plain)


def _real_columns() -> dict[str, list[list[str]]]:
    """The body columns of the tuning corpora's tables (five cells at least,
    no space inside a cell, sub-heads and section rows left out; at most
    ``COLUMNS_PER_DOCUMENT`` of a kind from one document) by kind: ``figure``
    (all figures), ``long`` (half the cells longer than 20 characters), ``short``."""
    columns: dict[str, list[list[str]]] = {"figure": [], "long": [], "short": []}
    for doc in SOURCES:
        taken = dict.fromkeys(columns, 0)
        for table in doc.tables():
            for at in range(max(len(row) for row in table)):
                cells = [row[at].strip() for row in table[1:] if at < len(row) and row[at].strip()]
                cells = [cell for cell in cells if len(cell) > 1 and not cell.endswith("年") and "、" not in cell[:3]]
                kind = _kind(cells)
                if kind and taken[kind] < COLUMNS_PER_DOCUMENT:
                    columns[kind].append(cells)
                    taken[kind] += 1
    return columns


#: A document gives at most this many columns of a kind.
COLUMNS_PER_DOCUMENT = 3


def _kind(cells: list[str]) -> str | None:
    """``figure``, ``long`` or ``short``; None for a key column, a column of
    fewer than five cells or of cells holding spaces."""
    if len(set(cells)) < 5 or any(" " in cell or "\u3000" in cell for cell in cells) \
            or all(regex.fullmatch(r"[0-9]+", cell) for cell in cells):
        return None
    if all(regex.fullmatch(r"[0-9.]+%?", cell) for cell in cells):
        return "figure"
    if sum(len(cell) > 20 for cell in cells) * 2 >= len(cells):
        return "long"
    return "short" if all(len(cell) <= 20 for cell in cells) else None


def _real_sections() -> list[str]:
    """The rows of one cell that head a group of rows in the tuning
    corpora's tables (``一、知识产权保护方面（共5项）``)."""
    return sorted({row[0] for doc in SOURCES for table in doc.tables() for row in table[1:]
                   if len(row) == 1 and _SECTION.match(row[0])})


HEADS_WORDED, HEADS_PLAIN = _real_heads()
COLUMNS = _real_columns()
SECTIONS = _real_sections()
#: Units printed after a head (``投资总额（亿元）``).
UNITS = ("（万元）", "（亿元）", "（个）", "（人）", "（%）", "（平方米）")
#: Captions of real tables (``tests/data``).
CAPTIONS = ("2021年政府采购意向表", "重点项目推进计划表", "广州市就业见习基地申请表", "主要指标表", "实验学校名单")
#: The documents a table is put into: tuning 公文 without tables of their own (of the sets
#: layouts are drawn for: a set added re-draws every table).
HOSTS = [doc for doc in TUNING if "[TABLE]" not in doc.lines and len(doc.paragraphs()) >= 6
         and not doc.name.startswith(NOT_DRAWN_YET)]


@dataclass(frozen=True)
class TableKnobs:
    """How a drawn table is made (each knob seen in real gazettes)."""

    columns: int
    rows: int
    worded_heads: bool  # a head word of the profile in the header
    key: bool  # a first column numbering the rows
    merged: bool  # a category column merged down over groups of rows
    empty_last: float  # the share of rows whose last cell is empty
    long_cells: bool  # a column of long sentences
    figures: bool  # a column of figures
    odd_head: str  # "", "one" (a head of one character) or "long" (of 16 or more)
    caption: bool
    note: bool
    sections: bool = False  # a row of one cell heading each group of rows (``一、城区``)
    spanned_head: bool = False  # a head written once over two columns: rows hold a cell more than the header
    above_signature: bool = False  # the table right above the signature, not after the first paragraph


KNOBS = st.builds(
    TableKnobs,
    columns=st.integers(3, 7),
    rows=st.integers(2, 25),
    worded_heads=st.booleans(),
    key=st.booleans(),
    merged=st.booleans(),
    empty_last=st.sampled_from([0.0, 0.0, 0.3, 1.0]),
    long_cells=st.booleans(),
    figures=st.booleans(),
    odd_head=st.sampled_from(["", "", "one", "long"]),
    caption=st.booleans(),
    note=st.booleans(),
)


@st.composite
def drawn_table(draw, knobs: TableKnobs) -> list[list[str]]:
    """The rows of a table made as ``knobs`` say, header first: a key column
    and a merged category first (if drawn), then short cells, long ones and
    figures, the last column short (and maybe empty); a row prints two cells
    at least."""
    kinds = (["key"] if knobs.key else []) + (["category"] if knobs.merged else [])
    middle = ["short"] + (["long"] if knobs.long_cells else []) + (["figure"] if knobs.figures else [])
    while len(kinds) < knobs.columns - 1:
        kinds.append(middle[len(kinds) % len(middle)])
    kinds.append("last")
    rows = [_heads(draw, knobs, kinds)]
    sources = [draw(st.sampled_from(COLUMNS["short" if kind in ("category", "last") else kind]))
               if kind != "key" else [] for kind in kinds]
    category = ""
    for number in range(1, knobs.rows + 1):
        starts = number == 1 or draw(st.integers(0, 3)) == 0
        if knobs.sections and starts:
            rows.append([draw(st.sampled_from(SECTIONS))])
        category = draw(st.sampled_from(sources[kinds.index("category")])) if starts and knobs.merged else category
        empty = bool(knobs.empty_last) and draw(st.floats(0, 1)) < knobs.empty_last
        rows.append([_cell(draw, kind, source, number, category if starts else "", empty)
                     for kind, source in zip(kinds, sources, strict=True)])
    return rows


def _cell(draw, kind: str, source: list[str], number: int, category: str, empty: bool) -> str:
    """A cell of a column of ``kind`` whose cells are drawn from the real column ``source``."""
    if kind == "key":
        return str(number)
    if kind == "category":
        return category
    if kind == "last" and empty:
        return ""
    return draw(st.sampled_from(source))


def _heads(draw, knobs: TableKnobs, kinds: list[str]) -> list[str]:
    """Distinct real heads, one a head word's if ``worded_heads``, none else;
    a key column's head is ``序号`` or ``代码``."""
    pool = HEADS_PLAIN
    heads = draw(st.lists(st.sampled_from(pool), min_size=len(kinds), max_size=len(kinds), unique=True))
    if kinds[0] == "key":
        heads[0] = "序号" if knobs.worded_heads else "代码"
    if knobs.worded_heads and kinds[0] != "key":
        heads[draw(st.integers(0, len(heads) - 1))] = draw(st.sampled_from(HEADS_WORDED).filter(
            lambda head: head not in heads))
    worded = [at for at, head in enumerate(heads) if head in HEADS_WORDED]
    others = [at for at in range(1, len(heads)) if at not in worded and heads[at] != "代码"]
    if others and knobs.odd_head == "one":
        heads[draw(st.sampled_from(others))] = draw(st.sampled_from("区市县省年月"))
    elif others and knobs.odd_head == "long":
        at = draw(st.sampled_from(others))
        heads[at] = (heads[at] + draw(st.sampled_from(pool)) + draw(st.sampled_from(UNITS)))[:30]
    if knobs.spanned_head:
        at = draw(st.integers(1 if kinds[0] == "key" else 0, len(heads) - 2))
        del heads[at + 1]
    return heads


@st.composite
def table_document(draw, knobs: TableKnobs) -> Document:
    """A real tuning document with a table drawn as ``knobs`` say after
    its first paragraph of text (the first long line ending a sentence),
    or right above its signature (its first line naming an issuer; the
    end, where it prints none)."""
    host = draw(st.sampled_from(HOSTS))
    rows = draw(drawn_table(knobs))
    lines = list(host.lines)
    if knobs.above_signature:
        issuers = set(host.gold.get("issuers") or [])
        at = next((index for index, line in enumerate(lines) if is_signature(line.strip(), issuers)), len(lines))
    else:
        at = next(index for index, line in enumerate(lines) if len(line) > 40 and line.endswith(("。", "："))) + 1
    table = [*([draw(st.sampled_from(CAPTIONS))] if knobs.caption else []), "[TABLE]",
             *("\t".join(row) for row in rows), "[/TABLE]",
             *(["注：表中数据截至2023年底。"] if knobs.note else [])]
    return Document(f"drawn-table/{host.name}", lines[:at] + table + lines[at:], host.gold)
