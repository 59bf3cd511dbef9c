"""Typeset a whole gazette issue as a PDF, the way GB/T 9704 and the
gazettes lay out their pages, from an issue folder of ``tests/data/issues``.

An issue folder holds the issue's masthead (``masthead.txt``), its TOC
(``toc.txt``: an entry a line, ``title<TAB>page``; a line without a TAB is a
section head), its items (``items/NN.txt``: the title first, then one
paragraph a line, tables between ``[TABLE]`` and ``[/TABLE]`` a row a line,
cells parted by TABs) and ``gold.json`` (which items are parts of the one
before them). The typesetter sets, in ``STSong-Light``:

* a cover: the publication's name in large type over two lines, the other
  masthead lines, then ``目　　录`` and the TOC entries with leader dots and
  the page each item got in this layout, an entry wrapped over two or three
  lines, its later lines indented, a part's entry indented under its item
  (``Style.indent_parts``);
* each item on a new page (or run on after the item before it): its title
  centred in large type over as many lines as it needs, a document number
  centred, an addressee flush left, paragraphs indented two characters and
  wrapped at the column (closing punctuation never opens a line), a
  signature and a date set to the right, a bracketed line under a title
  centred, a table in columns (with rules, ``Style.ruled``, or without);
* a page number ``— N —`` at the foot (odd pages right, even pages left) from
  the first item's page on, and, if asked, a running head on even pages.

What it prints is what the PDF says: ``Typeset.toc`` gives each entry's
title, page and level as printed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import regex
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from gazette.normalize.patterns import visual_width

from .pdf_maker import FONT, HEIGHT, WIDTH

#: Line pitch over type size.
LEADING = 1.8
_NUMBER = regex.compile(r"^(\p{Han}{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d+号)\s+(\S.*)$")
_NUMBER_ALONE = regex.compile(r"^\p{Han}{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d+号$")
_DATE = regex.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零○一二三四五六七八九—]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")
_BRACKETED = regex.compile(r"^[（(].{2,40}[）)]$")
_ATTACHMENT = regex.compile(r"^附件[一二三四五六七八九十\d]*[：:]?$")
_SENTENCE = regex.compile("[。，；：、]")
#: A line does not begin with these (kinsoku): they hang at the end of the line before.
_NO_START = "，。、；：？！）》」』”’〕】"


@dataclass(frozen=True)
class Style:
    """The knobs of a layout (sizes in points)."""

    body: float = 15.0
    title: float = 21.0
    toc: float = 13.0
    chars: int = 28                  # characters a body line holds
    left: float = 79.0
    top: float = 100.0
    bottom: float = 760.0
    item_on_new_page: bool = True
    indent_parts: bool = True
    running_head: str | None = None
    leader: str = "…"
    page_style: str = "（{}）"
    first_item_page: int = 1         # the printed number of the first item's page
    ruled: bool = True               # tables drawn with rules


#: A second style: items run on, parts' entries not indented, dot leaders, bare
#: pages, a running head, tables in columns without rules, a smaller type.
STYLE_B = Style(item_on_new_page=False, indent_parts=False, leader=".", page_style="{}", running_head="国务院公报",
                body=14.0, chars=30, ruled=False)


@dataclass(frozen=True)
class Printed:
    """A printed line: how it is set (``kind``), its text, its type size; a
    table row also has its cells and their columns' widths (in characters)."""

    kind: str
    text: str = ""
    size: float = 0.0
    cells: tuple[str, ...] = ()
    widths: tuple[float, ...] = ()

    @property
    def height(self) -> float:
        if self.kind == "row":
            return max(len(_wrap(cell, int(width))) for cell, width in zip(self.cells, self.widths)) * self.size * 1.5
        return self.size * LEADING


@dataclass
class Issue:
    """An issue folder read: masthead lines, TOC lines, items (lines each), parts."""

    masthead: list[str]
    toc: list[tuple[str | None, str]]          # (section head or None, entry title)
    items: list[list[str]]
    part_of: list[int | None]                  # index of the item each item is a part of


def read_issue(folder: Path) -> Issue:
    """The issue of a folder of ``tests/data/issues``."""
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    files = [item["file"] for item in gold["items"]]
    part_of = [files.index(item["part_of"]) if item.get("part_of") else None for item in gold["items"]]
    toc: list[tuple[str | None, str]] = []
    for line in (folder / "toc.txt").read_text("utf-8").splitlines():
        if "\t" in line:
            toc.append((None, line.split("\t")[0]))
        elif line.strip():
            toc.append((line.strip(), ""))
    items = [[line for line in (folder / name).read_text("utf-8").splitlines() if line.strip()] for name in files]
    masthead = [line for line in (folder / "masthead.txt").read_text("utf-8").splitlines() if line.strip()]
    return Issue(masthead, toc, items, part_of)


@dataclass
class Typeset:
    """The issue as set: printed lines per page, how many pages the cover
    takes, and the TOC as printed (section, title, page, level)."""

    pages: list[list[Printed]] = field(default_factory=list)
    cover_pages: int = 0
    toc: list[tuple[str | None, str, int, int]] = field(default_factory=list)


def typeset(issue: Issue, style: Style = Style()) -> Typeset:
    """Lay the issue out: the items first (the page each begins on), then the
    cover with the TOC that prints those pages."""
    body, starts = _items(issue, style)
    printed = {index: page + style.first_item_page for index, page in starts.items()}
    cover = _cover(issue, style, printed)
    return Typeset(cover + body, len(cover), _toc_entries(issue, printed))


def _toc_entries(issue: Issue, starts: dict[int, int]) -> list[tuple[str | None, str, int, int]]:
    entries = []
    section = None
    index = 0
    for head, title in issue.toc:
        if head is not None:
            section = head
            continue
        entries.append((section, title, starts[index], 2 if issue.part_of[index] is not None else 1))
        index += 1
    return entries


def _cover(issue: Issue, style: Style, starts: dict[int, int]) -> list[list[Printed]]:
    name, *rest = issue.masthead
    lines = [Printed("centre", part, 30.0) for part in _split_name(name)]
    lines += [Printed("centre", line, 14.0) for line in rest]
    lines += [Printed("gap", size=10.0), Printed("centre", "目　　录", style.title)]
    index = 0
    for head, title in issue.toc:
        if head is not None:
            lines.append(Printed("centre", head, style.toc))
            continue
        indent = 2 if style.indent_parts and issue.part_of[index] is not None else 0
        lines += _toc_lines(title, style.page_style.format(starts[index]), indent, style)
        index += 1
    return _paginate(lines, style)


def _split_name(name: str) -> list[str]:
    """A publication's name over two lines: ``中华人民共和国`` / ``国务院公报``."""
    if name.startswith("中华人民共和国") and len(name) > 7:
        return ["中华人民共和国", name[7:]]
    return [name]


def _toc_lines(title: str, page: str, indent: int, style: Style) -> list[Printed]:
    """An entry: its title wrapped (later lines one character further in),
    leader dots and the page after its last line."""
    room = int((style.chars * style.body) / style.toc) - 6 - indent
    pieces = _wrap(title, room)
    out = []
    for number, piece in enumerate(pieces):
        text = "　" * (indent + (1 if number else 0)) + piece
        last = number == len(pieces) - 1
        out.append(Printed("tocpage" if last else "toc", text + ("\t" + page if last else ""), style.toc))
    return out


def _items(issue: Issue, style: Style) -> tuple[list[list[Printed]], dict[int, int]]:
    """The items' pages, and the page (from 0) each item begins on."""
    lines: list[Printed] = []
    for index, item in enumerate(issue.items):
        if lines:
            own = issue.part_of[index] is None
            lines.append(Printed("break") if own and style.item_on_new_page else Printed("gap", size=style.body))
        lines.append(Printed("mark", str(index)))
        lines += _item_lines(item, style)
    marks: dict[int, int] = {}
    return _paginate(lines, style, marks), marks


def _item_lines(item: list[str], style: Style) -> list[Printed]:
    """An item: its title centred in title type, then its lines as GB/T 9704 sets them."""
    title, *rest = item
    out = [Printed("centre", piece, style.title)
           for piece in _wrap(title, int(style.chars * style.body / style.title) - 2)]
    out.append(Printed("gap", size=style.body / 2))
    head = True
    table: list[list[str]] | None = None
    for number, line in enumerate(rest):
        if line == "[TABLE]":
            table = []
            continue
        if line == "[/TABLE]":
            out += _table_rows(table or [], style)
            table = None
            continue
        if table is not None:
            table.append(line.split("\t"))
            continue
        following = rest[number + 1] if number + 1 < len(rest) else ""
        split = _NUMBER.match(line) if head else None
        if split:  # a number and the addressee on one line: set apart, as printed
            out += [Printed("centre", split[1], style.body)] + _wrap_kind("line", split[2], style)
        else:
            kind = _kind(line, following, head)
            out += [Printed(kind, line, style.body)] if kind in ("centre", "right") else _wrap_kind(kind, line, style)
        head = head and (split is not None or _BRACKETED.match(line) is not None or line.endswith("号"))
    return out


def _kind(line: str, following: str, head: bool) -> str:
    """How a line of an item is set: ``centre`` (a number or a bracketed line
    in the head), ``right`` (a date, the signature above it), ``line`` (flush
    left: an addressee, an attachment's head) or ``para``."""
    if head and (_NUMBER_ALONE.match(line) or _BRACKETED.match(line)):
        return "centre"
    if _DATE.match(line) or (_DATE.match(following) and len(line) <= 20 and not _SENTENCE.search(line)):
        return "right"
    if _ATTACHMENT.match(line) or (head and line.endswith("：") and len(line) < 120):
        return "line"
    return "para"


def _table_rows(rows: list[list[str]], style: Style) -> list[Printed]:
    """A table's rows in columns as wide as their widest cell, the widest
    columns narrowed (their cells wrapped) until the table fits the column."""
    size = style.body * 0.8
    room = style.chars * style.body / size
    count = max(len(row) for row in rows)
    widths = [max(visual_width(row[col]) if col < len(row) else 0 for row in rows) + 1 for col in range(count)]
    while sum(widths) > room:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    cells = [tuple(row + [""] * (count - len(row))) for row in rows]
    return [Printed("row", size=size, cells=row, widths=tuple(widths)) for row in cells]


def _wrap(text: str, width: int) -> list[str]:
    """Lines of ``width`` characters; closing punctuation hangs on the line it closes."""
    lines: list[str] = []
    at = 0
    width = max(width, 1)
    while at < len(text):
        end = min(at + width, len(text))
        while end < len(text) and text[end] in _NO_START:
            end += 1
        lines.append(text[at:end])
        at = end
    return lines or [""]


def _wrap_kind(kind: str, text: str, style: Style) -> list[Printed]:
    """A paragraph (first line indented two characters) or a flush-left text, wrapped at the column."""
    first = style.chars - (2 if kind == "para" else 0)
    head = _wrap(text, first)[0]
    lines = [head] + _wrap(text[len(head):], style.chars) if len(text) > len(head) else [text]
    return [Printed("first" if kind == "para" and i == 0 else "line", piece, style.body)
            for i, piece in enumerate(lines) if piece or i == 0]


def _paginate(lines: list[Printed], style: Style, marks: dict[int, int] | None = None) -> list[list[Printed]]:
    """Lines into pages by their height; a ``break`` starts a page, a ``mark``
    records (in ``marks``) the page the next line lands on."""
    pages: list[list[Printed]] = [[]]
    y = style.top
    pending: list[int] = []
    for line in lines:
        if line.kind == "break":
            if pages[-1]:
                pages.append([])
                y = style.top
            continue
        if line.kind == "mark":
            pending.append(int(line.text))
            continue
        if y + line.height > style.bottom and pages[-1]:
            pages.append([])
            y = style.top
        if line.kind == "gap" and not pages[-1]:
            continue
        for index in pending:
            (marks if marks is not None else {})[index] = len(pages) - 1
        pending = []
        pages[-1].append(line)
        y += line.height
    return pages


def write_pdf(setting: Typeset, path: Path, style: Style = Style()) -> Path:
    """Draw the pages: the lines, the page numbers (from the first item's page on), a running head."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    right = style.left + style.chars * style.body
    for seq, page in enumerate(setting.pages, start=1):
        printed = seq - 1 - setting.cover_pages + style.first_item_page
        if style.running_head and printed >= 1 and printed % 2 == 0:
            _draw(pdf, style.running_head, (style.left + right - _width(style.running_head, 10.5)) / 2, 60.0, 10.5)
        y = style.top
        for line in page:
            _draw_line(pdf, line, y, style, right)
            y += line.height
        if printed >= 1:
            label = f"— {printed} —"
            _draw(pdf, label, right - _width(label, 14.0) - 14.0 if printed % 2 else style.left + 14.0, 800.0, 14.0)
        pdf.showPage()
    pdf.save()
    return path


def _draw_line(pdf: canvas.Canvas, line: Printed, y: float, style: Style, right: float) -> None:
    if line.kind == "gap":
        return
    if line.kind == "row":
        _draw_row(pdf, line, y, style)
    elif line.kind == "tocpage":
        title, number = line.text.split("\t")
        _leaders(pdf, title, number, y, line.size, style, right)
    else:
        x = {"first": style.left + 2 * line.size, "right": right - _width(line.text, line.size),
             "centre": (style.left + right - _width(line.text, line.size)) / 2}.get(line.kind, style.left)
        _draw(pdf, line.text, x, y, line.size)


def _draw_row(pdf: canvas.Canvas, row: Printed, y: float, style: Style) -> None:
    """A table row: each cell's lines in its column; rules round the cells when the style rules tables."""
    x = style.left
    for cell, width in zip(row.cells, row.widths):
        for number, piece in enumerate(_wrap(cell, int(width))):
            _draw(pdf, piece, x + row.size * 0.3, y + number * row.size * 1.5 + row.size * 0.25, row.size)
        if style.ruled:
            pdf.rect(x, HEIGHT - y - row.height, width * row.size, row.height, stroke=1, fill=0)
        x += width * row.size


def _leaders(pdf: canvas.Canvas, title: str, number: str, y: float, size: float, style: Style, right: float) -> None:
    """An entry's last line: its text, leader dots up to the page, the page flush right."""
    _draw(pdf, title, style.left, y, size)
    start = style.left + _width(title, size) + size / 2
    end = right - _width(number, size) - size / 2
    count = max(int((end - start) / _width(style.leader, size)), 2)
    _draw(pdf, style.leader * count, start, y, size)
    _draw(pdf, number, right - _width(number, size), y, size)


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def _draw(pdf: canvas.Canvas, text: str, x: float, top: float, size: float) -> None:
    pdf.setFont(FONT, size)
    pdf.drawString(x, HEIGHT - top - size, text)
