"""The table of contents: sections, entries, document numbers and pages.

>>> sections = read_toc(["目录", "【省政府文件】",
...     "浙江省人民政府关于深化数字政府建设的实施意见（浙政发〔2022〕20号）（3）"])
>>> s = sections[0]
>>> s.title, s.entries[0].title, s.entries[0].doc_number, s.entries[0].page
('省政府文件', '浙江省人民政府关于深化数字政府建设的实施意见', '浙政发〔2022〕20号', 3)
"""

from __future__ import annotations

import regex

from .model import TocEntry, TocSection
from .parts import find_doc_number

_TOC_HEAD = regex.compile(r"^目\s*录$")
_SECTION = regex.compile(r"^【(.+)】$")
_PAGE = regex.compile(r"[（(](\d{1,4})[）)]$")


def is_toc_head(text: str) -> bool:
    """The ``目录`` line that opens a table of contents."""
    return bool(_TOC_HEAD.match(text))


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
