"""Read a Word document (``.docx``) into lines, with the layout cues Word records.

python-docx opens the package (``word/document.xml``, styles, sections,
headers and footers, core properties); the text of each paragraph is taken
from its runs in document order: ``w:t``, a tab, a line break (a new line of
the same paragraph), a page break (a new page). What is not printed text is
not taken: a field's instruction (``TOC \\o "1-5"``, ``PAGE``; its result is
text and is kept), deleted text, the fallback copy of a drawing
(``mc:Fallback``). A text box's paragraphs follow the paragraph that anchors it.

Every paragraph becomes a line (one per line break in it) whose ``Geometry``
says what Word says of it, so that everything after reading is shared with
PDFs: ``centred`` for centred alignment, ``indented`` for a first line
indented or set right, ``large`` for type larger than the body's; a line
goes on in the next only when a line break of the same paragraph follows it
(``full``). Its left edge is the paragraph's indent, so a TOC's sub-entries
stand right of their entries. A page starts at a page break and at a section
that starts a new page. A table becomes one line per row (``Line.grid``),
cells merged across (``gridSpan``) and down (``vMerge``) as Word merged them.
Headers and footers are page furniture (``page_template``). The core
properties (title, author, created) go in ``Source.meta``.

>>> source = read_docx(open("samples/gazette_guowuyuan_1999-01.docx", "rb").read(), "gwyb.docx")
>>> [line.text for line in source.lines if line.furniture is None][:2]
['中华人民共和国', '国务院公报']
"""

from __future__ import annotations

import hashlib
import io
import statistics
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph
from lxml import etree

from .. import rules
from ..model import Geometry, GridRow, Line, Source, SourceError
from .settings import PdfSettings

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Elements whose text is not printed: deleted text, a drawing's fallback copy,
#: properties, a text box (read as paragraphs of its own).
_SKIPPED = {f"{_W}del", f"{_MC}Fallback", f"{_W}pPr", f"{_W}rPr", f"{_W}txbxContent", f"{_W}instrText",
            f"{_W}delText"}
#: The type size Word uses when neither the text nor its styles set one (points).
DEFAULT_SIZE = 10.5
#: Points per EMU (Word stores lengths in English Metric Units).
PT_PER_EMU = 1 / 12700
#: What python-docx raises on a package whose parts are missing or malformed.
_DAMAGED = (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, IndexError, zipfile.BadZipFile,
            etree.XMLSyntaxError)
#: A section's headers and footers: on every page, on even pages, on its first page.
_TEMPLATES = {"header": ("header", "even_page_header", "first_page_header"),
              "footer": ("footer", "even_page_footer", "first_page_footer")}
#: A break Word records as a new page (``w:br w:type="page"``).
_PAGE_BREAK = "\f"


def read_docx(data: bytes, name: str, settings: PdfSettings | None = None) -> Source:
    """The lines of a Word document, with pages, layout cues, tables as grid
    rows, headers and footers as furniture (or ``SourceError``)."""
    settings = settings or PdfSettings()
    try:
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document)
        reader.read_body()
    except _DAMAGED as error:
        raise SourceError(name, f"damaged Word document ({error or type(error).__name__})") from error
    lines = reader.lines
    if not any(line.furniture is None for line in lines):
        raise SourceError(name, "no text in the Word document")
    _mark_large(lines, settings)
    return Source(Path(name).name, hashlib.sha256(data).hexdigest(), "docx", lines, data, "docx",
                  [], [], _core(document))


def _core(document: Any) -> dict[str, str]:
    """The document's core properties that say what it is; none when it has
    no core properties part (python-docx would make up a default one: the
    title ``Word Document``, the time it is read as ``modified``)."""
    try:
        document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return {}
    core = document.core_properties
    found = {"title": core.title, "author": core.author, "subject": core.subject,
             "created": core.created.isoformat() if core.created else "",
             "modified": core.modified.isoformat() if core.modified else ""}
    return {key: value.strip() for key, value in found.items() if value and value.strip()}


def _mark_large(lines: list[Line], settings: PdfSettings) -> None:
    """Lines in type larger than the body text's (by characters) are large."""
    body = [line for line in lines if line.furniture is None and line.grid is None and line.geometry]
    if not body:
        return
    size = statistics.median(line.geometry.size for line in body for _ in line.text if line.geometry)
    for line in body:
        assert line.geometry is not None
        line.geometry.large = line.geometry.size >= settings.title_size_ratio * size


@dataclass
class _Piece:
    """A line of a paragraph as Word breaks it: its text, and whether a page break comes before it."""

    text: str
    new_page: bool = False


@dataclass
class _Reader:
    """Walks the body in order, making lines; ``page`` and ``top`` say where the next goes."""

    document: Any
    lines: list[Line] = field(default_factory=list)
    page: int = 1
    top: float = 0.0
    no: int = 0
    tables: int = 0
    _page_starts: bool = True

    def read_body(self) -> None:
        sections = list(self.document.sections)
        index = 0
        if sections:
            self._template(sections[0], "header")
        for element in self.document.element.body.iterchildren():
            if element.tag == f"{_W}p":
                self._paragraph(Paragraph(element, self.document._body))
                if element.find(f"{_W}pPr/{_W}sectPr") is not None and index + 1 < len(sections):
                    index = self._next_section(sections, index)
            elif element.tag == f"{_W}tbl":
                self._table(element)
        if sections:
            self._template(sections[index], "footer")

    def _next_section(self, sections: list[Any], index: int) -> int:
        """The end of section ``index``: its footer; the next one's header, on a new page if it starts one."""
        self._template(sections[index], "footer")
        following = sections[index + 1]
        if following.start_type != WD_SECTION_START.CONTINUOUS:
            self._new_page()
        self._template(following, "header")
        return index + 1

    def _new_page(self) -> None:
        if not self._page_starts:
            self.page += 1
            self.top = 0.0
            self._page_starts = True

    def _template(self, section: Any, kind: str) -> None:
        """A section's headers or footers, as page furniture (one linked to the
        previous section's was read with that section)."""
        for variant in _TEMPLATES[kind]:
            part = getattr(section, variant)
            if not part.is_linked_to_previous:
                self._template_lines(part)

    def _template_lines(self, part: Any) -> None:
        for element in part._element.iter(f"{_W}p"):
            if _in_fallback(element):
                continue
            for piece in _pieces(element):
                self._add(piece.text, Geometry(0.0, 0.0, self.top, DEFAULT_SIZE, self.top + DEFAULT_SIZE),
                          furniture=rules.PAGE_TEMPLATE.name)

    def _paragraph(self, paragraph: Paragraph) -> None:
        pieces = _pieces(paragraph._p)
        if not any(piece.text.strip() for piece in pieces):
            self.no += 1  # an empty paragraph stands for a blank line
            if any(piece.new_page for piece in pieces):
                self._new_page()
            self._boxes(paragraph)
            return
        style = _Style(paragraph, self.document)
        for index, piece in enumerate(pieces):
            if piece.new_page:
                self._new_page()
            if not piece.text.strip():
                continue
            x0 = style.left + (style.first_line if index == 0 else 0.0)
            geometry = Geometry(x0, x0 + style.size * len(piece.text), self.top, style.size, self.top + style.size,
                                indented=index == 0 and style.starts, full=index + 1 < len(pieces),
                                centred=style.centred)
            self._add(piece.text, geometry)
        self._boxes(paragraph)

    def _boxes(self, paragraph: Paragraph) -> None:
        """The paragraphs of text boxes anchored in ``paragraph`` (not their fallback copies)."""
        for box in paragraph._p.iter(f"{_W}txbxContent"):
            if _in_fallback(box):
                continue
            for element in box.iterchildren(f"{_W}p"):
                self._paragraph(Paragraph(element, self.document._body))

    def _add(self, text: str, geometry: Geometry, furniture: str | None = None, grid: GridRow | None = None) -> None:
        self.no += 1
        line = Line(self.no, text, self.page, furniture=furniture, page_start=self._page_starts, geometry=geometry,
                    grid=grid)
        self._page_starts = False
        self.lines.append(line)
        self.top = geometry.bottom + geometry.size / 2

    def _table(self, table: Any) -> None:
        rows = _grid(table)
        heads = [tr.find(f"{_W}trPr/{_W}tblHeader") is not None for tr in table.iterfind(f"{_W}tr")]
        columns = max((col + span for row in rows for col, _, span, _ in row), default=0)
        if not columns:
            return
        self.tables += 1
        for number, row in enumerate(rows):
            starts = [(col, text, span, down) for col, text, span, down in row if down >= 1]
            if not starts:
                continue
            header = number == 0 or heads[number]
            grid = GridRow((self.page, self.tables), columns, [(down, span) for _, _, span, down in starts], header)
            text = "\t".join(text for _, text, _, _ in starts)
            self._add(text, Geometry(0.0, DEFAULT_SIZE * columns, self.top, DEFAULT_SIZE, self.top + DEFAULT_SIZE),
                      grid=grid)


def _grid(table: Any) -> list[list[tuple[int, str, int, int]]]:
    """The rows of a table as ``(column, text, colspan, rowspan)`` cells; a
    cell merged into the one above has rowspan 0 (it starts nothing)."""
    rows: list[list[tuple[int, str, int, int]]] = []
    for tr in table.iterfind(f"{_W}tr"):
        row: list[tuple[int, str, int, int]] = []
        col = _skipped_before(tr)
        for tc in tr.iterfind(f"{_W}tc"):
            span = int(_attr(tc, "tcPr/gridSpan") or 1)
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            continues = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
            text = "".join(piece.text for p in tc.iter(f"{_W}p") for piece in _pieces(p)).replace("\t", " ")
            row.append((col, text, span, 0 if continues else 1))
            if continues:
                _extend_above(rows, col)
            col += span
        rows.append(row)
    return rows


def _skipped_before(tr: Any) -> int:
    """Grid columns a row leaves out before its first cell (``w:gridBefore``)."""
    return int(_attr(tr, "trPr/gridBefore") or 0)


def _attr(element: Any, path: str) -> str | None:
    """The ``w:val`` of the element at ``path`` (``tcPr/gridSpan``) under ``element``."""
    found = element.find("/".join(f"{_W}{part}" for part in path.split("/")))
    return None if found is None else found.get(f"{_W}val")


def _extend_above(rows: list[list[tuple[int, str, int, int]]], col: int) -> None:
    """One more row for the cell that starts a vertical merge above in column ``col``."""
    for row in reversed(rows):
        for index, (start, text, span, down) in enumerate(row):
            if start == col and down >= 1:
                row[index] = (start, text, span, down + 1)
                return


def _in_fallback(element: Any) -> bool:
    """Whether ``element`` is inside a drawing's fallback copy (``mc:Fallback``), drawn twice."""
    return any(ancestor.tag == f"{_MC}Fallback" for ancestor in element.iterancestors())


def _pieces(element: Any) -> list[_Piece]:
    """A paragraph's printed text, cut at its line and page breaks."""
    pieces = [_Piece("")]
    for text in _texts(element):
        if text == "\n":
            pieces.append(_Piece(""))
        elif text == _PAGE_BREAK:
            pieces.append(_Piece("", new_page=True))
        else:
            pieces[-1].text += text
    return pieces


def _texts(element: Any) -> Iterator[str]:
    """The printed text under ``element`` in document order (see the module docstring)."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            yield "\t"
        elif tag == f"{_W}br":
            yield _PAGE_BREAK if child.get(f"{_W}type") == "page" else "\n"
        elif tag == f"{_W}cr":
            yield "\n"
        elif tag == f"{_W}noBreakHyphen":
            yield "-"
        else:
            yield from _texts(child)


class _Style:
    """What a paragraph's own formatting and its styles say of its layout."""

    def __init__(self, paragraph: Paragraph, document: Any):
        formats = [paragraph.paragraph_format] + [style.paragraph_format for style in _styles(paragraph.style)]
        alignment = next((f.alignment for f in formats if f.alignment is not None), None)
        self.centred = alignment == WD_ALIGN_PARAGRAPH.CENTER
        self.left = _points(next((f.left_indent for f in formats if f.left_indent is not None), None))
        self.first_line = _points(next((f.first_line_indent for f in formats if f.first_line_indent is not None),
                                       None))
        self.starts = not self.centred and (self.first_line > 0 or alignment == WD_ALIGN_PARAGRAPH.RIGHT)
        self.size = _size(paragraph, document)


def _styles(style: Any) -> Iterator[Any]:
    """A style and the styles it is based on."""
    seen = 0
    while style is not None and seen < 20:
        yield style
        style, seen = style.base_style, seen + 1


def _points(length: Any) -> float:
    return float(length) * PT_PER_EMU if length else 0.0


def _size(paragraph: Paragraph, document: Any) -> float:
    """The type size of a paragraph's largest text: its runs', else its styles', else the document's default."""
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None and run.text.strip()]
    if sizes:
        return max(sizes)
    for style in _styles(paragraph.style):
        if style.font.size is not None:
            return style.font.size.pt
    default = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
    return int(default.get(f"{_W}val")) / 2 if default is not None else DEFAULT_SIZE
