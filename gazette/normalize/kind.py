"""Is a source an issue of a gazette or a single official document?

An issue prints its issue number (``２０２２ 年第 １９ 期``) in the masthead,
the running head or the colophon, or at least carries several documents,
each with its own document number on a line of its own; a standalone 公文
has one.

>>> source_kind(["浙江省人民政府公报", "2022年第19期"])
'issue'
>>> source_kind(["浙政发〔2021〕14号", "正文", "浙政函〔2021〕45号"])
'issue'
>>> source_kind(["浙江省人民政府文件", "浙政发〔2021〕13号"])
'document'
"""

from __future__ import annotations

import regex

from .patterns import DOC_NUMBER

_ISSUE_NUMBER = regex.compile(r"\d{4}年第\d{1,3}期")



def source_kind(texts: list[str]) -> str:
    """``issue`` for a gazette issue, ``document`` for a single 公文."""
    if any(_ISSUE_NUMBER.search(text) for text in texts):
        return "issue"
    numbers = {text for text in texts if DOC_NUMBER.fullmatch(text)}
    return "issue" if len(numbers) >= 2 else "document"
