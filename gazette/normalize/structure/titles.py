"""Titles compared as a reader compares them: a TOC entry and the title
printed in the body are the same title despite spaces, punctuation, the
brackets or quotes one of them prints (``「」``, ``《》``), full-width letters
and an OCR slip or two (``腕町市`` / ``碗町市``).

>>> title_key("灾后重建、整治江湖、兴修水利现场办公会会议纪要（摘要）")
'灾后重建整治江湖兴修水利现场办公会会议纪要摘要'
>>> same_title("国务院关于同意云南省撤销腕町市将其行政区域并入瑞丽市的批复",
...            "国务院关于同意云南省撤销碗町市将其行政区域并入瑞丽市的批复")
True
>>> same_title("土地宗地信息", "土地综合信息")
False
"""

from __future__ import annotations

import regex
from rapidfuzz import fuzz

from ..chars import fold_width

#: What a title key leaves out: white space, punctuation, symbols.
_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")
#: Two keys are one title from this similarity on (``fuzz.ratio``, 0–100)…
MIN_SIMILARITY = 85.0
#: …when the shorter has at least this many characters; shorter titles must be equal.
MIN_FUZZY = 8


def title_key(text: str) -> str:
    """A title's characters without white space, punctuation and symbols, widths folded."""
    return _NOISE.sub("", fold_width(text))


def similarity(first: str, second: str) -> float:
    """How alike two title keys are (0–100); keys shorter than ``MIN_FUZZY`` are alike only when equal.

    >>> similarity("关于印发办法的通知", "关于印发办法的通知"), similarity("某某办法", "某某规定")
    (100.0, 0.0)
    """
    if min(len(first), len(second)) < MIN_FUZZY:
        return 100.0 if first == second else 0.0
    return fuzz.ratio(first, second)


def same_title(first: str, second: str) -> bool:
    """Whether two printed titles are one title (see the module docstring)."""
    return similarity(title_key(first), title_key(second)) >= MIN_SIMILARITY


def names(container: str, title: str) -> bool:
    """Whether a title ``container`` names ``title`` inside it: the notice
    that issues, forwards or approves a document names it
    (``国务院办公厅转发财政部整顿财政周转金方案的通知`` names ``整顿财政周转金方案``).

    >>> names("国务院批转国家经贸委关于加快农村电力体制改革加强农村电力管理意见的通知",
    ...       "关于加快农村电力体制改革加强农村电力管理的意见")
    True
    >>> names("国务院关于同意云南省撤销腕町市的批复", "中华人民共和国主席任免人员")
    False
    """
    inner, outer = title_key(title), title_key(container)
    if len(inner) < MIN_FUZZY or len(inner) >= len(outer):
        return inner in outer and inner != outer
    return fuzz.partial_ratio(inner, outer) >= MIN_SIMILARITY
