"""The table of contents: sections, entries, document numbers and pages.

An issue's TOC is read line by line (``TocParser``): entries wrapped over
lines, section heads, the page each entry ends with, the document number and
the issuing body printed with a title:

>>> parser = TocParser("bracketed", ("意见",))
>>> for line in ["【省政府文件】", "浙江省人民政府关于深化数字政府建设的实施意见",
...              "（浙政发〔2022〕20号）（3）"]:
...     assert parser.add(line)
>>> s = parser.reading.sections[0]
>>> s.title, s.entries[0].title, s.entries[0].doc_number, s.entries[0].page
('省政府文件', '浙江省人民政府关于深化数字政府建设的实施意见', '浙政发〔2022〕20号', 3)

A single document (a report, a budget, a standard) may have a TOC of its
own: ``document_toc`` finds it, and its entries end in a bare page number
(``4.1理解组织及其环境2``, the leader dots removed) or in none at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..model import Block
from ..patterns import BODY_END, LINE_OPENER, TOC_HEAD
from .model import ForeignToc, TocEntry, TocSection
from .parts import find_doc_number
from .titles import same_title, title_key

_SECTION = regex.compile(r"^【(.+)】$")
#: A bare page number ending an entry of a document's TOC (``范围1``, ``前言IV``).
_BARE_PAGE = regex.compile(r"(?<=\S)([1-9]\d{0,3}|[IVXLC]{1,6})$")
#: A document's TOC head stands among its first blocks; its entries are at most this many.
MAX_FRONT = 12
#: An entry of a TOC without page numbers: a short line that is no sentence.
_ENTRY_LIKE = regex.compile(r"^[^。；：，]{1,60}$")
MAX_ENTRIES = 200
#: An entry that wraps onto a second line is at least this long.
MIN_WRAPPED_ENTRY = 15


def is_toc_head(text: str) -> bool:
    """The ``目录`` (or ``目次``) line that opens a table of contents."""
    return bool(TOC_HEAD.match(text))


def document_toc(texts: list[str], pages: list[int] | None = None) -> tuple[int, int] | None:
    """Where a single document's own TOC stands among its blocks' texts:
    ``(head, end)``, the index of its ``目录`` and the one after its last
    entry; None if it has none.

    The entries run up to the block that prints the first entry again (the
    body's first heading: a TOC without page numbers), or else over the
    blocks that end in a page number, or else (given the blocks' ``pages``)
    over the pages after the head on which every block is as short as an
    entry (a TOC on pages of its own).

    >>> document_toc(["某街道2025年部门预算", "目录", "一、部门主要职能", "二、部门机构设置",
    ...               "一、部门主要职能", "负责…"])
    (1, 4)
    >>> document_toc(["质量管理体系要求", "目次", "前言IV", "1范围1", "4.1理解组织及其环境2", "前言", "本标准…"])
    (1, 5)
    >>> document_toc(["某街道2025年部门预算", "目录", "一、部门主要职能", "二、部门机构设置", "（部门）主要职能",
    ...               "万里街道办事处是普陀区政府的派出机关，依据法律法规行使职权。"], pages=[1, 2, 2, 2, 3, 3])
    (1, 4)
    """
    head = next((i for i, text in enumerate(texts[:MAX_FRONT]) if is_toc_head(text)), None)
    if head is None or head + 1 >= len(texts):
        return None
    entries = texts[head + 1 : head + 1 + MAX_ENTRIES]
    first = _entry_key(entries[0])
    again = next((i for i, text in enumerate(entries[1:], start=1) if _entry_key(text) == first), None)
    if again is not None:
        return head, head + 1 + again
    paged = next((i for i, text in enumerate(entries) if not _BARE_PAGE.search(text)), len(entries))
    if not paged and pages is not None:
        paged = _pages_of_entries(entries, pages[head + 1 : head + 1 + MAX_ENTRIES])
    return (head, head + 1 + paged) if paged else None


def _pages_of_entries(entries: list[str], pages: list[int]) -> int:
    """How many of ``entries`` stand on the pages, from the first, that hold
    nothing but entry-like blocks (short, no sentence); 0 if the TOC does not
    end at a page break."""
    end = 0
    for page in dict.fromkeys(pages):
        on_page = [i for i, p in enumerate(pages) if p == page]
        if on_page[-1] == len(entries) - 1 or not all(_ENTRY_LIKE.match(entries[i]) for i in on_page):
            break
        end = on_page[-1] + 1
    return end


def _entry_key(text: str) -> str:
    return "".join(_BARE_PAGE.sub("", text).split())


def read_document_toc(texts: list[str]) -> list[TocSection]:
    """The entries of a document's TOC (its head may be included), each
    with its bare page number when it has one.

    >>> [(e.title, e.page) for e in read_document_toc(["目次", "1范围1", "4.1理解组织及其环境2", "前言IV"])[0].entries]
    [('1范围', 1), ('4.1理解组织及其环境', 2), ('前言IV', None)]
    """
    section = TocSection(None)
    for text in _wrapped_entries([text for text in texts if not is_toc_head(text)]):
        page = _BARE_PAGE.search(text)
        number = page is not None and page[1].isdigit()
        section.entries.append(TocEntry(title=text[: page.start()] if number and page else text, doc_number=None,
                                        page=int(page[1]) if number and page else None))
    return [section]


def _wrapped_entries(texts: list[str]) -> list[str]:
    """Entries wrapped over two blocks made one again: a block without a
    marker after a long entry that opens with one and has no page number of
    its own (``第二部分…2024年度部门决算`` / ``表``; not ``一、总则`` / ``附录``).

    >>> _wrapped_entries(["第二部分某局2024年度部门决算", "表", "一、收入支出决算总表", "二、收入决算表"])
    ['第二部分某局2024年度部门决算表', '一、收入支出决算总表', '二、收入决算表']
    >>> _wrapped_entries(["前言IV", "引言V"]), _wrapped_entries(["一、总则", "附录"])
    (['前言IV', '引言V'], ['一、总则', '附录'])
    """
    entries: list[str] = []
    for text in texts:
        if entries and len(entries[-1]) >= MIN_WRAPPED_ENTRY and LINE_OPENER.match(entries[-1]) \
                and not LINE_OPENER.match(text) and not _BARE_PAGE.search(entries[-1]):
            entries[-1] += text
        else:
            entries.append(text)
    return entries



# -- the TOC of an issue ---------------------------------------------------
#: An entry's page: in brackets (``（15）``, ``( 27)``) or bare after its title (``…的通知 3``).
_BRACKETED_PAGE = regex.compile(r"\s*([（(])\s*(\d{1,4})\s*([）)])$")
_BARE_PAGE_END = regex.compile(r"(?<=[^\d\s.．,，]|[^\d]\s)\s*(\d{1,4})$")
#: How many lines after the head show the style of the pages.
STYLE_SAMPLE = 16
#: An entry wraps over at most this many lines before the one with its page.
MAX_WRAPPED_LINES = 3
#: A sub-entry is printed this many characters right of its page's entries.
SUB_ENTRY_INDENT = 1.5
#: A TOC holds at most this many blocks.
MAX_TOC_BLOCKS = 600
#: A section head (``国务院文件``, ``部门文件``) is a short line without a page
#: and without the words of a title.
MAX_SECTION = 12
_NOT_SECTION = regex.compile(r"关于|的|[，。；：、]")
#: The body printed after a title in a TOC: ``…的通知人事部（15）``.
_ISSUER_AFTER = regex.compile(rf"^\s*(?P<issuer>\p{{Han}}{{1,20}}{BODY_END})$")
#: The head of a TOC printed in another language, and the language.
FOREIGN_TOC_HEADS = {"CONTENTS": "en", "TABLE OF CONTENTS": "en", "SOMMAIRE": "fr", "INHALT": "de"}
_LATIN = regex.compile(r"[A-Za-z]")
_HAN = regex.compile(r"\p{Han}")


def is_latin(text: str) -> bool:
    """A line in a Latin script (a translated TOC or masthead), not Chinese.

    >>> is_latin("GAZETTE OF THE STATE COUNCIL OF THE"), is_latin("国务院公报 CN11-1611/D")
    (True, False)
    """
    latin = len(_LATIN.findall(text))
    return latin >= 3 and latin >= 2 * len(_HAN.findall(text))


def foreign_toc_lang(text: str) -> str | None:
    """The language of a TOC head in another language (``CONTENTS`` → en)."""
    return FOREIGN_TOC_HEADS.get(" ".join(text.split()).upper())


def page_style(lines: list[str]) -> str | None:
    """How a TOC prints its pages: ``bracketed`` (``（15）``), ``bare``
    (``…的通知 3``) or None (no pages), by the majority of its lines.

    >>> page_style(["国务院关于…的通知（1）", "整顿财政周转金方案（6）"]), page_style(["一、总则", "二、附则"])
    ('bracketed', None)
    """
    bracketed = sum(1 for line in lines if _BRACKETED_PAGE.search(line))
    bare = sum(1 for line in lines if not _BRACKETED_PAGE.search(line) and _BARE_PAGE_END.search(line))
    if bracketed and bracketed >= bare:
        return "bracketed"
    return "bare" if bare >= 2 else None


@dataclass
class _Reading:
    """What a TOC parser has read: sections, and the lines of an entry whose
    page has not come yet (``pending``)."""

    sections: list[TocSection] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: where each entry's first line starts, and its page (``Segment.start``, ``Segment.page``)
    starts: list[tuple[float | None, int | None]] = field(default_factory=list)
    pending_start: tuple[float | None, int | None] = (None, None)

    def copy(self) -> _Reading:
        return _Reading([TocSection(s.title, list(s.entries), s.label) for s in self.sections],
                        list(self.pending), list(self.notes), list(self.starts), self.pending_start)

    @property
    def entries(self) -> list[TocEntry]:
        return [entry for section in self.sections for entry in section.entries]


class TocParser:
    """Reads printed TOC lines one at a time into sections and entries.

    An entry ends at the line that prints its page; lines before it without
    a page are the entry wrapped (up to ``MAX_WRAPPED_LINES``). A short
    line without a page where no entry is open is a section head. A line
    printing only a page closes the entry open before it, or is kept as a
    note. Without pages (``style`` None) each line is an entry.

    >>> parser = TocParser("bracketed", types=("通知", "规则"))
    >>> for line in ["国务院文件", "国务院批转国家经贸委关于加快农村电力体制改革加强农村电力管理意",
    ...              "见的通知（1）", "关于印发《公务员申诉案件办案规则》的通知人事部（15）"]:
    ...     assert parser.add(line)
    >>> [s.title for s in parser.reading.sections]
    ['国务院文件']
    >>> [(e.title, e.issuer, e.page) for e in parser.reading.entries]  # doctest: +NORMALIZE_WHITESPACE
    [('国务院批转国家经贸委关于加快农村电力体制改革加强农村电力管理意见的通知', None, 1),
     ('关于印发《公务员申诉案件办案规则》的通知', '人事部', 15)]
    """

    def __init__(self, style: str | None, types: tuple[str, ...] = (), joiner: str = ""):
        self.style = style
        self.types = types
        self.joiner = joiner
        self.reading = _Reading()

    def add(self, line: str, start: float | None = None, page: int | None = None) -> bool:
        """Read one line (``start``: where it starts, see ``Segment.start``);
        False if it cannot be a TOC line here (a sentence, or more wrapped
        lines than an entry has)."""
        reading = self.reading
        if not reading.pending:
            reading.pending_start = (start, page)
        if is_toc_head(line):  # the head printed again over a TOC's next page
            return not reading.pending
        found = self._page(line)
        if found is None and not reading.pending and self._section(line):
            return True
        if self.style is None:
            if "。" in line:
                return False
            self._append(_entry(line, None, self.types))
            return True
        if found is None:
            if "。" in line or len(reading.pending) >= MAX_WRAPPED_LINES:
                return False
            reading.pending.append(line)
            return True
        text = self.joiner.join(reading.pending + [line])
        if not reading.pending and not text[: found.start()].strip():
            reading.notes.append(line)  # a page number alone on its line: printed, but no entry
            return True
        reading.pending = []
        self._append(_entry(text, self._page(text), self.types))
        return True

    def _page(self, text: str) -> regex.Match | None:
        if self.style is None:
            return None
        found = _BRACKETED_PAGE.search(text)
        if found is None and self.style == "bare":
            found = _BARE_PAGE_END.search(text)
        return found

    def _section(self, line: str) -> bool:
        bracketed = _SECTION.match(line)
        if bracketed:
            self.reading.sections.append(TocSection(bracketed[1], label="【】"))
            return True
        if self.style is None or len(line) > MAX_SECTION or _NOT_SECTION.search(line) or is_latin(line):
            return False
        self.reading.sections.append(TocSection(line))
        return True

    def _append(self, entry: TocEntry) -> None:
        if not self.reading.sections:
            self.reading.sections.append(TocSection(None))
        self.reading.sections[-1].entries.append(entry)
        self.reading.starts.append(self.reading.pending_start)

    def levels(self) -> None:
        """Entries printed ``SUB_ENTRY_INDENT`` further right than the leftmost
        entry of their page are sub-entries (``level`` 2)."""
        reading = self.reading
        left: dict[int | None, float] = {}
        for start, page in reading.starts:
            if start is not None:
                left[page] = min(start, left.get(page, start))
        for entry, (start, page) in zip(reading.entries, reading.starts):
            if start is not None and start - left[page] >= SUB_ENTRY_INDENT:
                entry.level = 2


def _entry(text: str, page: regex.Match | None, types: tuple[str, ...]) -> TocEntry:
    """An entry: title, the document number in brackets, the page, the issuer
    printed after the title; the brackets and gaps are the entry's label."""
    label, page_number = "", None
    if page is not None:
        digits = page[2] if page.lastindex == 3 else page[1]
        label, page_number = "".join(page[0].replace(digits, "", 1).split()), int(digits)
        text = text[: page.start()]
    number = find_doc_number(text)
    title = text.strip()
    bracketed = regex.search(rf"([（(]){regex.escape(number)}([）)])", text) if number else None
    if bracketed:
        title = (text[: bracketed.start()] + text[bracketed.end() :]).strip()
        label = bracketed[1] + bracketed[2] + label
    issuer = _issuer_after(title, types)
    if issuer is not None:
        title = title[: len(title) - len(issuer)].rstrip()
    return TocEntry(title=title, doc_number=number, page=page_number, label=label, issuer=issuer)


def _issuer_after(title: str, types: tuple[str, ...]) -> str | None:
    """The issuing body printed after a title that ends in its document type.

    >>> _issuer_after("关于建立建设用地信息发布制度的通知国土资源部", ("通知",))
    '国土资源部'
    >>> _issuer_after("国务院关于同意云南省撤销腕町市的批复", ("批复",)) is None
    True
    """
    for kind in types:
        end = title.rfind(kind) + len(kind)
        if end > len(kind) and (found := _ISSUER_AFTER.match(title[end:])):
            return found["issuer"]
    return None


@dataclass
class IssueToc:
    """The TOC of an issue: its head's and its end's block indices (``end``
    after its last block) and what it lists."""

    head: int
    end: int
    sections: list[TocSection]
    notes: list[str] = field(default_factory=list)


def read_issue_toc(blocks: list[Block], head: int, types: tuple[str, ...]) -> IssueToc:
    """The TOC that starts at the ``目录`` block ``head``: its entries read
    line by line (a block's lines are its segments, whatever reflow joined),
    up to the first block that cannot be a TOC line (without pages, each block
is an entry), that is in a Latin
    script (a translated TOC) or that prints the title of an entry already
    read without a page (the body has begun).

    >>> from gazette.normalize.model import Segment
    >>> def block(*lines):
    ...     return Block("paragraph", [Segment(n, 1, t) for n, t in enumerate(lines)], [""] * (len(lines) - 1))
    >>> blocks = [block("目录"), block("国务院关于同意云南省撤销腕町市将其行政区域并入瑞丽市的批复(27)"),
    ...           block("中华人民共和国主席任免人员(28)"), block("CONTENTS"),
    ...           block("国务院关于同意云南省撤销碗町市将其行政区域并入瑞丽市的批复")]
    >>> toc = read_issue_toc(blocks, 0, ("批复",))
    >>> toc.end, [e.page for e in toc.sections[0].entries]
    (3, [27, 28])
    """
    limit = min(len(blocks), head + 1 + MAX_TOC_BLOCKS)
    sample = [segment.text for block in blocks[head + 1 : limit] for segment in block.segments][:STYLE_SAMPLE]
    parser = TocParser(page_style(sample), types)
    committed, end = parser.reading.copy(), head + 1
    for index in range(head + 1, limit):
        block = blocks[index]
        if is_latin(block.text) or _prints_a_title(block.text, parser):
            break
        lines = [(s.text, s.start, s.page) for s in block.segments] if parser.style else [
            (block.text, block.segments[0].start, block.page)]
        if not all(parser.add(*line) for line in lines):
            break
        if not parser.reading.pending:
            committed, end = parser.reading.copy(), index + 1
    parser.reading = committed
    parser.levels()
    return IssueToc(head, end, committed.sections, committed.notes)


def _prints_a_title(text: str, parser: TocParser) -> bool:
    """Whether a block of a TOC without pages prints the title of an entry
    read (or its first line): the body has begun. (In a TOC with pages the
    body's first lines are no entries: they end in no page.)"""
    if parser.style is not None:
        return False
    key = title_key(text)
    return len(key) >= 2 and any(
        same_title(text, entry.title) or (len(key) >= len(title_key(entry.title)) / 2
                                          and title_key(entry.title).startswith(key))
        for entry in parser.reading.entries
    )


def read_foreign_toc(blocks: list[Block], types: tuple[str, ...] = ()) -> ForeignToc | None:
    """A TOC in another language, from the blocks of its page: the lines
    above its head (a translated masthead), its entries, and the lines
    below them (notes: translator, subscription…); None without a head.

    >>> from gazette.normalize.model import Segment
    >>> lines = ["GAZETTE OF THE STATE COUNCIL", "CONTENTS", "Circular of the State Council on Approving the",
    ...          "Proposals (1)", "Information on Tracts of Land (23)", "(23)", "Translator : Zhou Chaozhong"]
    >>> toc = read_foreign_toc([Block("paragraph", [Segment(n, 1, t)]) for n, t in enumerate(lines)])
    >>> toc.lang, toc.label, toc.lines, toc.notes
    ('en', 'CONTENTS', ['GAZETTE OF THE STATE COUNCIL'], ['(23)', 'Translator : Zhou Chaozhong'])
    >>> [(e.title, e.page) for e in toc.sections[0].entries]
    [('Circular of the State Council on Approving the Proposals', 1), ('Information on Tracts of Land', 23)]
    """
    lines = [segment.text for block in blocks for segment in block.segments]
    head = next((i for i, line in enumerate(lines) if foreign_toc_lang(line)), None)
    if head is None:
        return None
    parser = TocParser(page_style(lines[head + 1 :]) or "bracketed", types, joiner=" ")
    reading = parser.reading
    consumed: set[int] = set()
    wrapped: list[int] = []
    for index, line in enumerate(lines[head + 1 :], start=head + 1):
        counts = (len(reading.entries), len(reading.sections), len(reading.pending))
        if not parser.add(line):
            break
        if len(reading.pending) > counts[2]:
            wrapped.append(index)
        elif len(reading.entries) > counts[0]:
            consumed.update(wrapped + [index])
            wrapped = []
        elif len(reading.sections) > counts[1]:
            consumed.add(index)
    notes = [line for index, line in enumerate(lines) if index > head and index not in consumed]
    return ForeignToc(foreign_toc_lang(lines[head]) or "en", lines[head], lines[:head], reading.sections, notes)
