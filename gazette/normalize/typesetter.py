"""Punctuation that a typesetter's fonts write under other code points.

Founder (方正) fonts of the E- series (``E-BX``, ``E-B6``, ``E-F1``) give a
PDF's text layer the full-width characters of GB 2312 row 3 under their GB
code read as a Unicode code point: ``，`` (GB ``A3AC``) comes out as ``ꎬ``
U+A3AC, a Yi syllable; ``；`` (``A3BB``) as ``ꎻ``; the ideographic full stop
``。`` is set at ``A3AE`` (the GB code of ``．``) and comes out as ``ꎮ``.
Book-title marks come out as guillemets ``«»`` and the decimal point as
U+1001B0, a private-use character. Seen in 川办规〔2025〕6号 (Sichuan), whose
text layer holds 114 ``ꎬ``, 66 ``ꎮ`` and not one ``，`` or ``。``; a text
layer copied out of such a PDF has them too.

The Yi syllables are decoded only in a document that shows the pattern
(``shows_founder_codes``): several of them right after Han characters and
no two Yi syllables in a row (Yi text is written in runs of syllables).
The decoding follows the fonts' convention, not the page's image, so the
repairs are recorded as guesses.
"""

from __future__ import annotations

import regex

from .edits import substitute
from .patterns import DIGIT, GAP, HAN

#: GB 2312 row 3 read as code points U+A3A1–U+A3FE (Yi syllables).
_ROW3 = regex.compile("[\ua3a1-\ua3fe]")
#: A row-3 code right after a Han character: the evidence of Founder codes.
_AFTER_HAN = regex.compile(rf"(?<={HAN})[\ua3a1-\ua3fe]")
#: Two Yi syllables in a row: Yi text, not a typesetter's codes.
_YI_RUN = regex.compile("[\ua000-\ua48c]{2}")
#: Founder codes after Han characters that make a document's pattern.
MIN_EVIDENCE = 3
#: Book-title marks set as guillemets next to Chinese text (the pair may
#: be on two lines of a title).
_GUILLEMET = regex.compile(rf"[«»](?={HAN})|(?<={HAN})[«»]")
#: Founder's decimal point (a private-use character) between two digits.
_DECIMAL_POINT = regex.compile(rf"(?<={DIGIT}){GAP}*\U001001b0{GAP}*(?={DIGIT})")
#: A line without any of these has nothing to decode.
TYPESETTER_CODES = regex.compile("[\ua3a1-\ua3fe«»\U001001b0]")
#: Where Founder's convention departs from GB 2312: its ideographic full stop.
_FOUNDER_EXCEPTIONS = {"\ua3ae": "。"}


def shows_founder_codes(texts: list[str]) -> bool:
    """Whether a document's lines write punctuation in Founder's codes.

    >>> shows_founder_codes(["人民政府ꎬ省政府各部门ꎬ有关单位:", "请认真贯彻落实ꎮ"])
    True
    >>> shows_founder_codes(["ꆈꌠꉙ ꎬꎮ", "人民政府，有关单位。"])
    False
    """
    evidence = 0
    for text in texts:
        if _YI_RUN.search(text):
            return False
        evidence += len(_AFTER_HAN.findall(text))
    return evidence >= MIN_EVIDENCE


def decode_typesetter_codes(text: str, founder_codes: bool) -> str:
    """Write a typesetter's punctuation as the characters printed: Founder's
    row-3 codes (only where ``founder_codes``, see ``shows_founder_codes``),
    guillemets around Chinese text as book-title marks, Founder's decimal
    point between digits.

    >>> decode_typesetter_codes("各直属机构ꎬ有关单位ꎻ请认真贯彻落实ꎮ", founder_codes=True)
    '各直属机构，有关单位；请认真贯彻落实。'
    >>> decode_typesetter_codes("印发«支持创业带动就业的若干政策措施»", founder_codes=False)
    '印发《支持创业带动就业的若干政策措施》'
    >>> decode_typesetter_codes("低于 ５\\U001001b0 ５％ 的企", founder_codes=False)
    '低于 ５.５％ 的企'
    >>> decode_typesetter_codes("关于印发«支持创业带动就业的", founder_codes=False)
    '关于印发《支持创业带动就业的'
    """
    if founder_codes:
        text = substitute(_ROW3, lambda match: _founder_character(match[0]), text)
    text = substitute(_GUILLEMET, lambda match: "《" if match[0] == "«" else "》", text)
    return substitute(_DECIMAL_POINT, lambda match: ".", text)


def _founder_character(code: str) -> str:
    """The character a Founder font prints at a row-3 code (``ꎬ`` → ``，``)."""
    if code in _FOUNDER_EXCEPTIONS:
        return _FOUNDER_EXCEPTIONS[code]
    return bytes([0xA3, ord(code) & 0xFF]).decode("gb2312", errors="replace")
