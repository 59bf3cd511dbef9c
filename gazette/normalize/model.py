"""Plain data model shared by every pass of ``normalize``.

Data flows one way: a source becomes ``Line`` objects, passes edit their
text or mark them as furniture, reflow groups them into ``Block`` objects.
Every change a pass makes is a ``Repair`` record, so that
``replay(source_lines, repairs)`` gives back the output text exactly.

>>> Repair("fold_width", page=1, line=4, col=0, before="２０２２", after="2022").op
'edit'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from .rules import declared

if TYPE_CHECKING:  # tables.model imports nothing of ours, but tables/__init__ imports this module
    from .read import PdfSettings
    from .tables.model import Table


@dataclass(frozen=True)
class Repair:
    """One recorded change.

    ``op`` says how to replay it:

    * ``edit``: in line ``line``, at column ``col`` of the text as it was at
      that moment, ``before`` was replaced by ``after``;
    * ``drop``: line ``line`` (whose whole text was ``before``) was removed
      from the output (page furniture);
    * ``join``: line ``line`` was joined onto the line before it;
      ``before``/``after`` show the seam (``tail⏎head`` → ``tailhead``);
    * ``table``: line ``line`` (whose whole text was ``before``) went into a
      table; ``after`` shows the cells it gave, `` | `` between cells.

    ``page`` is the page's position in the source (1 = first page), ``line``
    the physical line number in the source file (1-based). ``certain`` is
    False when the repair is a guess (a lost decimal point, say); ``note``
    gives the evidence when a guess was checked (``column sums to 100.0``).
    """

    rule: str
    page: int
    line: int
    col: int
    before: str
    after: str
    certain: bool = True
    op: str = "edit"
    note: str = ""

    def __post_init__(self) -> None:
        declared(self.rule)  # an undeclared rule name is an error, not a log entry

    def to_json(self) -> dict:
        """The record as written to ``repairs.jsonl``."""
        return asdict(self)


@dataclass
class Geometry:
    """Where a PDF line was printed (points from the page's top left) and what
    that says about it: ``indented`` (starts a paragraph), ``full`` (reaches
    the right edge: its paragraph goes on), ``centred``, ``large`` (type larger
    than the body text's); ``bottom`` where its lowest glyph ends."""

    x0: float
    x1: float
    top: float
    size: float
    bottom: float
    indented: bool = False
    full: bool = False
    centred: bool = False
    large: bool = False


@dataclass
class GridRow:
    """A row of a PDF table whose cells the reader found by position: by the
    table's rules (``ruled``) or by its columns' alignment.

    The line's text holds the cells that start in this row, separated by
    tabs; ``spans`` gives each one's ``(rowspan, colspan)``; ``table`` is
    ``(page, number on the page)``, ``columns`` its number of columns;
    ``header`` marks the column heads.
    """

    table: tuple[int, int]
    columns: int
    spans: list[tuple[int, int]]
    header: bool = False
    ruled: bool = True


@dataclass
class Line:
    """One non-blank line of the source.

    ``no`` is the physical line number in the file; ``page`` is set by the
    page pass; ``furniture`` names the rule that found it to be page
    furniture (page number, running head, …) or is None for content;
    ``page_start`` is True when the text layer marks a new page here;
    ``indent`` is the white space the line started with, in cells (an
    ideographic space 1, an ASCII space ½), ``indented`` True when that is a
    paragraph's indent (at most a few cells; more sets the line off:
    centred, to the right); ``width`` is the line's width in the text
    layer as printed, in cells (``glyph_width`` before the character
    repairs), None until the layout pass sets it;
    ``ends_entry`` is True when leader dots showed it ends a TOC entry;
    ``table`` is the index of the table region the line belongs to, and
    ``table_note`` True for a note under a table (prose, not cells);
    ``joins_next`` is True when the next line continues it whatever reflow
    would say (characters of a stacked title, one a line); ``geometry`` is
    set for lines read from a PDF (for them ``no`` counts lines from the
    start of the PDF); ``grid`` is set for a row of a PDF table read by position;
    ``ocr_confidence`` is the OCR engine's confidence (0–1) in a line read
    from a page image, None for a line of a text layer.
    """

    no: int
    text: str
    page: int = 1
    furniture: str | None = None
    page_start: bool = False
    indent: float = 0.0
    width: float | None = None
    indented: bool = False
    ends_entry: bool = False
    table: int | None = None
    table_note: bool = False
    joins_next: bool = False
    geometry: Geometry | None = None
    grid: GridRow | None = None
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class OcrPage:
    """A page read by OCR: its position, the engine, the resolution the page
    image was rendered at (dots per inch) and the mean confidence of its lines;
    ``doubtful`` lists its lines under the confidence threshold as
    ``(line number, confidence, text)``."""

    page: int
    engine: str
    dpi: int
    confidence: float
    doubtful: tuple[tuple[int, float, str], ...] = ()


@dataclass(frozen=True)
class Notice:
    """What a reader noticed about a source, or about one of its pages: a
    record, not a sentence to parse. ``kind`` is one word that says what
    (``no-text``, ``unmapped``, ``damaged-stream``, ``pdfminer``, ``outside``,
    ``picture``, ``encrypted``, ``ocr-empty``, ``ocr-doubtful``, ``seal``,
    ``field``, ``template``); ``page`` is the page's position (1 = first), None
    for the whole source.

    >>> str(Notice("no-text", "no text layer (needs OCR)", page=3))
    'page 3: no text layer (needs OCR)'
    """

    kind: str
    message: str
    page: int | None = None

    def __str__(self) -> str:
        return self.message if self.page is None else f"page {self.page}: {self.message}"


@dataclass
class Page:
    """A page of the source: its position, printed number if known."""

    seq: int
    printed: int | None = None
    printed_certain: bool = True


@dataclass
class Segment:
    """A piece of a block's text that comes from one source line; ``start``
    says where that line starts, in character widths: a PDF line's left edge
    over its type size, a text layer line's indent in cells (None where
    unknown). A TOC's sub-entries are printed further right."""

    line: int
    page: int
    text: str
    start: float | None = None


@dataclass
class Block:
    """A unit of reading order: a paragraph, heading, title, … or furniture.

    ``kind`` is one of ``paragraph``, ``heading``, ``title``, ``signature``,
    ``date``, ``table``, ``furniture``. Its text is the concatenation of its
    segments (joined as reflow decided, see ``joiners``); a table block
    carries its grid in ``table`` and its text is the grid's text.
    """

    kind: str
    segments: list[Segment] = field(default_factory=list)
    joiners: list[str] = field(default_factory=list)
    furniture: str | None = None
    table: Table | None = None
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The block's text: segments joined by their joiners (computed once)."""
        if self._text is None and self.table is not None:
            self._text = self.table.text()
        if self._text is None:
            parts = [self.segments[0].text]
            for joiner, segment in zip(self.joiners, self.segments[1:]):
                parts.append(joiner + segment.text)
            self._text = "".join(parts)
        return self._text

    def append(self, joiner: str, segment: Segment) -> None:
        """Add a segment (a joined line) at the end of the block."""
        self._text = self.text + joiner + segment.text
        self.joiners.append(joiner)
        self.segments.append(segment)

    @property
    def page(self) -> int:
        """The page the block starts on."""
        return self.segments[0].page

    @property
    def line(self) -> int:
        """The source line the block starts on."""
        return self.segments[0].line


@dataclass
class Document:
    """The result of normalizing one source."""

    name: str
    sha256: str
    encoding: str
    source_format: str
    pages: list[Page]
    blocks: list[Block]
    repairs: list[Repair]
    script: str = "simplified"
    kind: str = "document"
    notices: list[Notice] = field(default_factory=list)
    ocr: list[OcrPage] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    seals: list[Seal] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        """The text of every content block (not furniture, not a table) in reading order."""
        return [b.text for b in self.blocks if b.kind not in ("furniture", "table")]

    def tables(self) -> list[Table]:
        """The tables in reading order."""
        return [b.table for b in self.blocks if b.table is not None]


class SourceError(Exception):
    """A source that cannot be read, with the file and the reason.

    >>> str(SourceError("a.txt", "empty file"))
    'a.txt: empty file'
    """

    def __init__(self, path: str, reason: str, stage: str | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.stage = stage


@dataclass(frozen=True)
class Seal:
    """An electronic seal or signature a source carries, as recorded in it
    (an OFD's ``Signatures.xml``): not verified. ``signer`` and ``time`` are
    what the file says, "" where it says nothing readable; ``page`` is where
    the seal is stamped, ``method`` the signature method's identifier.

    >>> Seal(signer="蚌埠市国土资源局", time="2023-07-12 10:00:00", page=1).signer
    '蚌埠市国土资源局'
    """

    signer: str = ""
    time: str = ""
    page: int | None = None
    method: str = ""
    kind: str = "seal"


@dataclass
class Source:
    """A decoded source: its name, bytes digest, encoding and lines.

    ``format`` is ``text``, ``pdf``, ``ofd`` or ``docx``; the lines of a
    PDF or an OFD carry their geometry, pages and page furniture already;
    ``notices`` are what reading found (``Notice``); ``ocr`` the pages read
    by OCR; ``meta`` what the file says of itself (``title``, ``author``,
    ``created``: an OFD's ``DocInfo``, a DOCX's core properties); ``seals``
    the electronic seals it carries (recorded, not verified); for lines read
    with their place (PDF, OFD), ``page_heights`` the height of each page
    (points) and ``settings`` those they were read with: the passes that
    find furniture and layout by position use both.
    """

    name: str
    sha256: str
    encoding: str
    lines: list[Line]
    data: bytes
    format: str = "text"
    notices: list[Notice] = field(default_factory=list)
    ocr: list[OcrPage] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    seals: list[Seal] = field(default_factory=list)
    page_heights: list[float] = field(default_factory=list)
    settings: PdfSettings | None = None


def placed(line: Line) -> Geometry:
    """The geometry of a line read from a page (a PDF's, an OFD file's, a scan's).

    >>> placed(Line(1, "通知", geometry=Geometry(72, 100, 90, 14, 104))).x0
    72
    """
    assert line.geometry is not None, f"line {line.no} was not read from a page"
    return line.geometry


def ocr_note(line: Line) -> str:
    """The note a repair of a line read by OCR carries (the engine's confidence), or "".

    >>> ocr_note(Line(1, "一2一", ocr_confidence=0.761)), ocr_note(Line(1, "—2—"))
    ('OCR confidence 0.76', '')
    """
    return "" if line.ocr_confidence is None else f"OCR confidence {line.ocr_confidence:.2f}"
