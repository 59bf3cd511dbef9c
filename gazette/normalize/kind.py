"""Is a source an issue of a gazette or a single official document?

An issue prints its issue number (``２０２２ 年第 １９ 期``, ``1999年第1号``,
``一九五四年第一号``) in the masthead, the running head or the colophon, or at
least carries several documents, each with its own document number on a
line of its own; a standalone 公文 has one. A 公告's number
(``公告2025年第17号``) is no issue number, nor is one a sentence cites.

>>> source_kind(["浙江省人民政府公报", "2022年第19期"])
'issue'
>>> source_kind(["中华人民共和国国务院公报", "一九五四年第一号（总第一号）"])
'issue'
>>> source_kind(["浙政发〔2021〕14号", "正文", "浙政函〔2021〕45号"])
'issue'
>>> source_kind(["浙江省人民政府文件", "浙政发〔2021〕13号"])
'document'
>>> source_kind(["财政部　税务总局公告2025年第17号", "现将有关事项公告如下："])
'document'
"""

from __future__ import annotations

from .patterns import DOC_NUMBER, ISSUE_NUMBER, number_line

#: A masthead, running head or colophon line is at most this long.
MAX_MASTHEAD_LINE = 40


def source_kind(texts: list[str]) -> str:
    """``issue`` for a gazette issue, ``document`` for a single 公文."""
    if any(len(text) <= MAX_MASTHEAD_LINE and ISSUE_NUMBER.search(text) and not DOC_NUMBER.search(text)
           for text in texts):
        return "issue"
    numbers = {found["number"] for text in texts if (found := number_line(text))}
    return "issue" if len(numbers) >= 2 else "document"
