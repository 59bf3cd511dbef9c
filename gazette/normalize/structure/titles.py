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

Titles that share a long start are not one title for a slip or two more:
``MAX_SLIPS``.
"""

from __future__ import annotations

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..chars import fold_width

#: What a title key leaves out: white space, punctuation, symbols.
_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")
#: Two keys are one title when they differ in at most this share of the
#: longer's characters (an OCR slip in ten; titles that share a long start,
#: ``…联盟政府联合宣言`` / ``…联盟政府关于…``, differ in more)…
MAX_SLIPS = 0.1
#: …and the shorter has at least this many characters; shorter titles must be equal.
MIN_FUZZY = 8


def title_key(text: str) -> str:
    """A title's characters without white space, punctuation and symbols, widths folded."""
    return _NOISE.sub("", fold_width(text))


def slips(first: str, second: str) -> int:
    """How many slips (edits) two keys of one title may differ by.

    >>> slips("国务院关于同意撤销腕町市的批复", "国务院关于同意撤销碗町市的批复"), slips("某某办法", "某某办法")
    (1, 0)
    """
    if min(len(first), len(second)) < MIN_FUZZY:
        return 0
    return max(1, int(MAX_SLIPS * max(len(first), len(second))))


def alike(first: str, second: str) -> bool:
    """Whether two title keys are one title (see ``MAX_SLIPS``).

    >>> alike("中华人民共和国政府和苏联政府联合宣言", "中华人民共和国政府和苏联政府关于")
    False
    >>> alike("中华人民共和国和印度共和国贸易协定", "中华人民共和国和印度共和国贸易协议")
    True
    """
    return Levenshtein.distance(first, second, score_cutoff=slips(first, second) + 1) <= slips(first, second)


def same_title(first: str, second: str) -> bool:
    """Whether two printed titles are one title (see the module docstring)."""
    return alike(title_key(first), title_key(second))


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
    return fuzz.partial_ratio(inner, outer) >= 100 * (1 - MAX_SLIPS)
