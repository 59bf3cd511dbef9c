"""Traditional → simplified script, only where the text is traditional.

OpenCC's ``t2s`` is right for traditional text and wrong for simplified
text: it turns the place name 乾潭镇 (seed 000) into 干潭镇 and 覆盖 (seed
002) into 复盖. So we first measure how traditional a document is, and
convert it as a whole only when it is; in a simplified document a line is
converted only when it is itself clearly traditional (a quoted block).

>>> detect_script(["浙江省人民政府關於深化數位政府建設的實施意見"])
'traditional'
>>> detect_script(["主要涉及乾潭镇大畈村", "全面覆盖群众和企业"])
'simplified'
"""

from __future__ import annotations

import operator
from functools import lru_cache

import opencc
import regex

from .edits import diff_edit, note

_HAN_RUNS = regex.compile(r"\p{Han}+")

#: Share of Han characters OpenCC would change, above which a text is
#: traditional (about a third in traditional text, under 0.1 % in the seeds).
TRADITIONAL_SHARE = 0.1
#: ... and at least this many of them, and of different ones, so two stray
#: characters (or one repeated) decide nothing.
MIN_TRADITIONAL_CHARS = 3


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def traditional_share(text: str) -> float:
    """Share of the Han characters that OpenCC's t2s would change.

    >>> traditional_share("數位政府")
    0.25
    """
    han = _han_count(text)
    if not han:
        return 0.0
    return _changed_chars(text) / han


def _changed_chars(text: str, converted: str | None = None) -> int:
    converted = _t2s().convert(text) if converted is None else converted
    if len(converted) != len(text):
        return sum(1 for ch in text if _t2s().convert(ch) != ch)
    return sum(map(operator.ne, text, converted))


def _han_count(text: str) -> int:
    return sum(map(len, _HAN_RUNS.findall(text)))


def detect_script(lines: list[str]) -> str:
    """``traditional`` or ``simplified``, judged on the whole text."""
    return "traditional" if _looks_traditional("".join(lines)) else "simplified"


def to_simplified(text: str, document_script: str = "traditional") -> str:
    """Convert a line to simplified script if it (or its document) is traditional.

    >>> to_simplified("發展數位政府")
    '发展数位政府'
    >>> to_simplified("著作权、乾坤和乾潭镇", "simplified")
    '著作权、乾坤和乾潭镇'
    """
    converted = _t2s().convert(text)
    if converted == text:
        return text
    if document_script != "traditional" and not _looks_traditional(text, converted):
        return text
    edit = diff_edit(text, converted)
    if edit is not None:
        note(edit)
    return converted


def _looks_traditional(text: str, converted: str | None = None) -> bool:
    """Enough of the text OpenCC would change, and by enough different
    characters: one variant repeated (菜薹, 红菜薹, 绿菜薹 in a list of
    vegetables) does not make a text traditional.

    >>> _looks_traditional("薹　菜心、菜蕻儿、大股子、红菜薹、绿菜薹")
    False
    >>> _looks_traditional("關於深化數位政府建設的實施意見")
    True
    """
    converted = _t2s().convert(text) if converted is None else converted
    changed = _changed_chars(text, converted)
    if changed < MIN_TRADITIONAL_CHARS or _distinct_changes(text, converted) < MIN_TRADITIONAL_CHARS:
        return False
    return changed / _han_count(text) >= TRADITIONAL_SHARE


def _distinct_changes(text: str, converted: str) -> int:
    if len(converted) != len(text):
        return len({ch for ch in text if _t2s().convert(ch) != ch})
    return len({before for before, after in zip(text, converted) if before != after})
