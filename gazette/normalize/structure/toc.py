"""The table of contents: sections, entries, document numbers and pages.

>>> sections = read_toc(["目录", "【省政府文件】",
...     "浙江省人民政府关于深化数字政府建设的实施意见（浙政发〔2022〕20号）（3）"])
>>> s = sections[0]
>>> s.title, s.entries[0].title, s.entries[0].doc_number, s.entries[0].page
('省政府文件', '浙江省人民政府关于深化数字政府建设的实施意见', '浙政发〔2022〕20号', 3)

A single document (a report, a budget, a standard) may have a TOC of its
own: ``document_toc`` finds it, and its entries end in a bare page number
(``4.1理解组织及其环境2``, the leader dots removed) or in none at all.
"""

from __future__ import annotations

import regex

from ..patterns import LINE_OPENER, TOC_HEAD
from .model import TocEntry, TocSection
from .parts import find_doc_number

_SECTION = regex.compile(r"^【(.+)】$")
_PAGE = regex.compile(r"[（(](\d{1,4})[）)]$")
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


def read_toc(texts: list[str]) -> list[TocSection]:
    """Sections and entries of TOC lines (the ``目录`` line may be included)."""
    sections: list[TocSection] = []
    for text in texts:
        if is_toc_head(text):
            continue
        section = _SECTION.match(text)
        if section:
            sections.append(TocSection(section[1], label="【】"))
            continue
        if not sections:
            sections.append(TocSection(None))
        sections[-1].entries.append(_entry(text))
    return sections


def _entry(text: str) -> TocEntry:
    """An entry: title, the document number in brackets, the page in brackets;
    the brackets are the entry's label."""
    label = ""
    page = _PAGE.search(text)
    if page:
        label = page[0].replace(page[1], "", 1)
        text = text[: page.start()]
    number = find_doc_number(text)
    title = text
    bracketed = regex.search(rf"([（(]){regex.escape(number)}([）)])", text) if number else None
    if bracketed:
        title = (text[: bracketed.start()] + text[bracketed.end() :]).strip()
        label = bracketed[1] + bracketed[2] + label
    return TocEntry(title=title, doc_number=number, page=int(page[1]) if page else None, label=label)
