"""Repairs of what OCR gets wrong on Chinese official documents.

They run only on lines read by OCR (``Line.ocr_confidence`` set), before
the general character rules, in the order of ``pipeline.line_rules``; each
is a ``str -> str`` function that changes text through ``substitute``, so
every change is recorded (with the line's confidence in the repair's
``note``). Every one of them is a guess: a reader checks them with
``gazette explain``. Half-width ``:`` ``(`` ``)`` ``,`` in Chinese text and
spaces between Chinese characters are repaired by the general rules
(``fullwidth_punctuation``, ``remove_spurious_spaces``), which run on OCR
lines as on any other.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

import regex

from . import rules
from .edits import substitute
from .model import Line, Repair, ocr_note
from .patterns import CN_NUMERAL, DIGIT, HAN

_OPEN, _CLOSE = "【\\[(（〔［{｛〈<", "】\\])）〕］}｝〉>"
#: A 发文字号: an issuer's abbreviation, the year in brackets of any kind, a number, 号.
_DOC_NUMBER = regex.compile(
    rf"(?<={HAN})\s*[{_OPEN}]\s*((?:19|20){DIGIT}{{2}})\s*[{_CLOSE}]\s*({DIGIT}{{1,5}})\s*号")


def ocr_doc_number_brackets(text: str) -> str:
    """The brackets of a document number's year as the standard prints them
    (GB/T 9704: 〔〕); OCR reads them as 【】, [], () or （）, mixed.

    >>> ocr_doc_number_brackets("中基协处分（2025）334号")
    '中基协处分〔2025〕334号'
    >>> ocr_doc_number_brackets("杭政函【2024] 16号，本法（2024）第3条")
    '杭政函〔2024〕16号，本法（2024）第3条'
    """
    return substitute(_DOC_NUMBER, lambda m: f"〔{m[1]}〕{m[2]}号", text)


_MIXED_PAIR = regex.compile(r"（([^（）()]{1,60})\)|\(([^（）()]{1,60})）")


def ocr_mixed_brackets(text: str) -> str:
    """A pair of brackets OCR read half full width, half not: full width
    (the general rule ``fullwidth_punctuation`` handles whole half-width pairs).

    >>> ocr_mixed_brackets("（PDCA)循环，本标准（A部分)的章条")
    '（PDCA）循环，本标准（A部分）的章条'
    """
    return substitute(_MIXED_PAIR, lambda m: f"（{m[1] or m[2]}）", text)


#: ``一`` between a number (or a code's letter) and a number: a dash of a range or a code.
_DASH_IN_NUMBERS = regex.compile(rf"(?<=[0-9A-Za-z０-９])\s*一\s*(?={DIGIT})")
#: Two dashes starting a list item (——全员参与), read as 一一 or —一.
_LEADING_DASHES = regex.compile(rf"^(\s*)(?:一一|一—|—一)(?={HAN})")
#: A page number's dashes (—2—), one of them or both read as 一.
_PAGE_NUMBER_DASHES = regex.compile(rf"^(\s*)[一—](\s*{DIGIT}{{1,4}}\s*)[一—](\s*)$")


def ocr_dashes(text: str) -> str:
    """Dashes OCR read as the numeral 一: around a page number (``一2一``),
    in ranges and codes (``2021一2025年``, ``GJB 9001C一2017``), and the
    double dash that starts a list item in standards (``一一过程方法``).

    >>> ocr_dashes("一2一"), ocr_dashes("—34一"), ocr_dashes("2021一2025年，GJB 9001C一2017")
    ('—2—', '—34—', '2021—2025年，GJB 9001C—2017')
    >>> ocr_dashes("一一全员积极参与；一是")
    '——全员积极参与；一是'
    """
    text = substitute(_PAGE_NUMBER_DASHES, lambda m: f"{m[1]}—{m[2]}—{m[3]}", text)
    text = substitute(_LEADING_DASHES, lambda m: f"{m[1]}——", text)
    return substitute(_DASH_IN_NUMBERS, lambda m: "—", text)


#: A list item's closing bracket read full width, or read twice (``j)）``).
_LETTER_ITEM = regex.compile(r"^(\s*[a-z])(?:[)）]{2}|）)")
_HALF_LETTER_ITEM = regex.compile(r"^\s*[a-z]\)")
#: A letter's or a number's item bracket to mend (all that ``ocr_list_bracket`` may change).
NUMBERED_ITEM = regex.compile(r"^(\s*(?:[a-z]|\d{1,2}))(?:[)）]{2}|）)")


def ocr_list_bracket(text: str, standard_lists: bool = False) -> str:
    """The closing bracket of a list item as standards print it, half width
    (``a)``; and ``1)`` in a document whose lists are lettered as in a
    standard, GB/T 1.1: ``standard_lists``), where OCR read it full width
    (or twice); an item in a pair of brackets stays.

    >>> ocr_list_bracket("a）需要证实其具有稳定提供…"), ocr_list_bracket("（a）不变"), ocr_list_bracket("1）过程")
    ('a)需要证实其具有稳定提供…', '（a）不变', '1）过程')
    >>> ocr_list_bracket("j)）根据产品的特点")
    'j)根据产品的特点'
    >>> ocr_list_bracket("1）过程；", standard_lists=True)
    '1)过程；'
    """
    return substitute(NUMBERED_ITEM if standard_lists else _LETTER_ITEM, lambda m: f"{m[1]})", text)


#: A document with this many lettered list items (``a)``, ``b）``) letters its lists as standards do.
MIN_LETTERED_ITEMS = 2


def lettered_lists(texts: Iterable[str]) -> bool:
    """Whether a document's lists are lettered as in a standard (``a)`` …).

    >>> lettered_lists(["a）理解并持续满足要求；", "b)从增值的角度考虑过程；"]), lettered_lists(["1）过程；"])
    (True, False)
    """
    return sum(1 for text in texts if _LETTER_ITEM.match(text) or _HALF_LETTER_ITEM.match(text)) >= MIN_LETTERED_ITEMS


_TIMES = regex.compile(rf"(?<={DIGIT})\s*[Xx义]\s*(?={DIGIT})")


def ocr_times_sign(text: str) -> str:
    """A multiplication sign between two numbers, read as ``X``, ``x`` or 义.

    >>> ocr_times_sign("60X10平方米，3 义 4")
    '60×10平方米，3×4'
    """
    return substitute(_TIMES, lambda m: "×", text)


_LETTER_ZERO = regex.compile(
    rf"(?<={DIGIT})[Oo](?={DIGIT}|[Oo]?[年月日号%％])|(?<=[{CN_NUMERAL}])[Oo口](?=[{CN_NUMERAL}])")


def ocr_zero(text: str) -> str:
    """The zero read as a letter: ``O``/``o`` inside an Arabic number, ``O``,
    ``o`` or 口 between Chinese numerals (〇).

    >>> ocr_zero("2O25年，1O0%，二o二五年，ISO9001")
    '2025年，100%，二〇二五年，ISO9001'
    """
    return substitute(_LETTER_ZERO, lambda m: "0" if m.string[m.start() - 1].isdigit() else "〇", text)


#: A half-width full stop after a Chinese character, ending the line or before another one.
_HALF_FULL_STOP = regex.compile(rf"(?<={HAN})\.(?=\s*$|{HAN})")


def ocr_full_stop(text: str) -> str:
    """A full stop OCR read half width after Chinese text (a decimal point
    or an abbreviation's dot stands after a digit or a Latin letter).

    >>> ocr_full_stop("方可提交顾客验收."), ocr_full_stop("见8.1，GB/T 1.1"), ocr_full_stop("损坏.交付时")
    ('方可提交顾客验收。', '见8.1，GB/T 1.1', '损坏。交付时')
    """
    return substitute(_HALF_FULL_STOP, lambda m: "。", text)


_BROKEN_PERCENT = regex.compile(rf"(?<={DIGIT})9?%[6o](?!{DIGIT})")


def ocr_percent(text: str) -> str:
    """A percent sign read as ``9%6`` or ``%6`` (its circles taken for digits).

    >>> ocr_percent("增长1309%6，达到45%6。")
    '增长130%，达到45%。'
    """
    return substitute(_BROKEN_PERCENT, lambda m: "%", text)


#: read → what it may have been: characters OCR reads for a similar one, in
#: that direction only (自已 for 自己, 部內 for 部门, 末来 for 未来, 博土 for 博士).
CONFUSIONS = {"內": "门内", "已": "己", "末": "未", "土": "士"}
#: read → what it may have been, for characters that are as often right where
#: they stand (贵 of 贵单位, 续 of 继续): changed only where the document has the
#: other word at least ``MIN_SUPPORT`` times and the words the character makes
#: with its neighbours nowhere else (职贵 for 职责, 测盘 for 测量, 续效 for 绩效).
RIVALS = {"贵": "责", "贡": "责", "盘": "量", "续": "绩"}
MIN_SUPPORT = 3
CONFUSABLE = regex.compile(f"[{''.join(CONFUSIONS)}{''.join(RIVALS)}]")
_HAN_PAIR = regex.compile(rf"(?={HAN}{{2}})")


def bigrams(texts: Iterable[str]) -> Counter:
    """The pairs of Chinese characters of a document, counted: its own lexicon.

    >>> bigrams(["部门、部门"])["部门"]
    2
    """
    found: Counter = Counter()
    for text in texts:
        found.update(text[m.start() : m.start() + 2] for m in _HAN_PAIR.finditer(text))
    return found


def ocr_lexicon_confusion(text: str, lexicon: Counter) -> str:
    """A character OCR reads for a similar one (``CONFUSIONS``), changed only
    where the document itself supports it: the word the other character
    makes with a neighbour occurs in the document (for ``RIVALS``, often,
    and the words as read nowhere else).

    >>> lexicon = bigrams(["各部门", "部內", "为自已或他人", "为自己或他人", "已经"])
    >>> ocr_lexicon_confusion("部內，自已", lexicon), ocr_lexicon_confusion("已经，自已", bigrams(["已经"]))
    ('部门，自己', '已经，自已')
    >>> lexicon = bigrams(["职责", "职责", "职责", "请贵单位", "职贵和权限"])
    >>> ocr_lexicon_confusion("职贵和权限", lexicon), ocr_lexicon_confusion("请贵单位", lexicon)
    ('职责和权限', '请贵单位')
    """
    return substitute(CONFUSABLE, lambda m: _supported(m, lexicon), text)


def _supported(match: regex.Match, lexicon: Counter) -> str:
    text, at, read = match.string, match.start(), match[0]

    def words(char: str) -> list[str]:
        return [word for word in (text[at - 1 : at] + char if at else "", char + text[at + 1 : at + 2])
                if len(word) == 2 and _HAN_PAIR.match(word)]

    if read in RIVALS:
        meant = RIVALS[read]
        seen, read_elsewhere = sum(lexicon[word] for word in words(meant)), any(lexicon[w] > 1 for w in words(read))
        return meant if seen >= MIN_SUPPORT and not read_elsewhere else read
    return next((meant for meant in CONFUSIONS[read] if any(lexicon[word] for word in words(meant))), read)


#: A list item's marker opening a line: ``a)``, ``1)``, ``（一）``, ``（1）`` or a standard's ``——``.
_NUMERALS = "一二三四五六七八九十"
_ITEM_MARKER = regex.compile(rf"^\s*(?:([a-z])[)）]|(\d{{1,2}})[)）]|（([{_NUMERALS}]{{1,2}})）|（(\d{{1,2}})）|(——))")
#: How many lines above a colon an item's marker is looked for (its wrapped lines).
_ITEM_LINES = 6
_ENDS_ITEM = ("。", "；", "：", "！", "？", ";", ":")


def ocr_item_semicolons(lines: list[Line]) -> list[Repair]:
    """A list item that OCR ended with ``：`` where the next line opens the
    next item of the same list: a colon announces what follows, and that is
    not the item's sibling, so it was a ``；`` (the recogniser confuses the
    two). Items of lines read by OCR only; recorded as guesses.

    >>> lines = [Line(1, "b）促成增强顾客满意的机会：", page=6, ocr_confidence=0.98),
    ...          Line(2, "c)应对与组织环境和目标相关的风险和机遇；", page=6, ocr_confidence=0.99),
    ...          Line(3, "d)证实：", page=6, ocr_confidence=0.99), Line(4, "1)过程；", page=6, ocr_confidence=0.99)]
    >>> [(r.before, r.after) for r in ocr_item_semicolons(lines)], lines[0].text
    ([('：', '；')], 'b）促成增强顾客满意的机会；')
    """
    repairs: list[Repair] = []
    for at, (line, following) in enumerate(itertools.pairwise(lines)):
        if line.ocr_confidence is None or not line.text.endswith("：") or line.table is not None:
            continue
        item, next_item = _item_of(lines, at), _marker(following.text)
        if item is None or next_item is None or _successor(item) != next_item:
            continue
        line.text = line.text[:-1] + "；"
        repairs.append(Repair(rules.OCR_ITEM_SEMICOLON.name, line.page, line.no, len(line.text) - 1, "：", "；",
                              rules.OCR_ITEM_SEMICOLON.certain, note=ocr_note(line)))
    return repairs


def _item_of(lines: list[Line], at: int) -> tuple[str, str] | None:
    """The marker of the item line ``at`` ends: on that line, or on the line
    its wrapped lines start from; a line above that ends a sentence or an
    item (``。；：``) ends the search."""
    for back in range(at, max(-1, at - _ITEM_LINES), -1):
        marker = _marker(lines[back].text)
        if marker is not None:
            return marker
        if back == 0 or lines[back - 1].text.endswith(_ENDS_ITEM):
            return None
    return None


def _marker(text: str) -> tuple[str, str] | None:
    """(series, value) of the item marker opening ``text``, or None."""
    found = _ITEM_MARKER.match(text)
    if found is None:
        return None
    series = next(i for i in range(1, 6) if found[i] is not None)
    return str(series), found[series]


def _successor(marker: tuple[str, str]) -> tuple[str, str]:
    series, value = marker
    if series == "1":
        return series, chr(ord(value) + 1)
    if series in ("2", "4"):
        return series, str(int(value) + 1)
    if series == "3":
        at = _NUMERALS.find(value)
        return series, _NUMERALS[at + 1] if 0 <= at < len(_NUMERALS) - 1 else ""
    return marker  # —— follows ——


#: A lettered item's marker as OCR may have broken it: the letter without its
#: bracket (``g 确保…``, ``d按照…``), the bracket without its letter (``）包括…``),
#: or one character and the bracket (``0)`` for ``o)``, ``b)`` for ``h)``).
_BROKEN_LETTER = regex.compile(rf"^(\s*)(?:([a-z])\s*(?={HAN})|([)）])(?={HAN})|([0-9Ia-z])[)）])")
#: The letter a digit looks like.
_LOOKALIKE = {"0": "o", "1": "l", "I": "l"}
#: How far (lines) a sibling item is looked for, above and below.
_SIBLING_LINES = 12
#: A numbered clause (``6.1.2组织应策划：``) ends the search for a sibling.
_CLAUSE = regex.compile(r"^\s*\d+(?:\.\d+)+")


def ocr_item_markers(lines: list[Line]) -> list[Repair]:
    """A lettered list item's marker that OCR broke, made whole from its
    siblings: ``g 确保…`` after ``f)`` or before ``h)`` is ``g)确保…``; ``）包括…``
    after ``b)`` is ``c)包括…`` (and so before ``d)``); ``1)`` after ``k)`` or
    before ``m)`` is ``l)``; any marker between ``g)`` and ``i)`` is ``h)``. A
    numbered item (``2)`` after ``1)``, ``1)`` before ``2)``) stays. The bracket
    is the one its sibling has. Lines read by OCR only; recorded as guesses.

    >>> lines = [Line(1, "f)沟通…的重要性；", page=12, ocr_confidence=0.99),
    ...          Line(2, "g 确保质量管理体系实现其预期结果：", page=12, ocr_confidence=0.97),
    ...          Line(3, "h)促使人员积极参与；", page=12, ocr_confidence=0.99)]
    >>> [(r.before, r.after) for r in ocr_item_markers(lines)], lines[1].text
    ([('g ', 'g)')], 'g)确保质量管理体系实现其预期结果：')
    >>> lines = [Line(1, "b)为建立质量目标提供框架；", ocr_confidence=0.99),
    ...          Line(2, "）包括满足适用要求的承诺；", ocr_confidence=0.9),
    ...          Line(3, "d)包括持续改进…", ocr_confidence=0.99)]
    >>> [(r.before, r.after) for r in ocr_item_markers(lines)]
    [('）', 'c)')]
    >>> lines = [Line(1, "b)如何：", ocr_confidence=0.99), Line(2, "1)整合并实施这些措施；", ocr_confidence=0.99),
    ...          Line(3, "2)评价这些措施的有效性。", ocr_confidence=0.99), Line(4, "d)其他", ocr_confidence=0.99)]
    >>> ocr_item_markers(lines)  # a numbered list inside item b): its 1) and 2) stay
    []
    """
    repairs: list[Repair] = []
    for at, line in enumerate(lines):
        found = _BROKEN_LETTER.match(line.text) if line.ocr_confidence is not None and line.table is None else None
        if found is None:
            continue
        start, end = len(found[1]), found.end()
        before, meant = line.text[start:end], _meant_marker(found, _sibling(lines, at, -1), _sibling(lines, at, 1))
        if not meant or meant == before or _numbered(lines, at, found[4]):
            continue
        line.text = line.text[:start] + meant + line.text[end:]
        repairs.append(Repair(rules.OCR_ITEM_MARKER.name, line.page, line.no, start, before, meant,
                              rules.OCR_ITEM_MARKER.certain, note=ocr_note(line)))
    return repairs


def _sibling(lines: list[Line], at: int, step: int) -> tuple[str, str] | None:
    """(letter, bracket) of the nearest lettered item above (``step`` −1) or
    below (+1) line ``at``, before a numbered clause; None if there is none."""
    for other in _near(lines, at, step):
        if _CLAUSE.match(other.text):
            return None
        found = _ITEM_MARKER.match(other.text)
        if found and found[1]:
            return found[1], found[0].strip()[-1]
    return None


def _near(lines: list[Line], at: int, step: int) -> list[Line]:
    """The lines looked at for a sibling, nearest first."""
    return lines[at + 1 : at + 1 + _SIBLING_LINES] if step > 0 else lines[max(at - _SIBLING_LINES, 0) : at][::-1]


def _meant_marker(found: regex.Match, above: tuple[str, str] | None, below: tuple[str, str] | None) -> str:
    """The marker a broken one stands for, where a sibling says so; else ""."""
    def shifted(sibling: tuple[str, str] | None, by: int) -> str:
        return chr(ord(sibling[0]) + by) if sibling else ""

    bracket = (above or below or ("", ")"))[1]
    if found[2]:
        meant = found[2] if found[2] in (shifted(above, 1), shifted(below, -1)) else ""
    elif found[3]:
        meant = shifted(above, 1) if above and (below is None or shifted(below, -2) == above[0]) else ""
    elif above and below and shifted(above, 1) == shifted(below, -1):
        meant = shifted(above, 1)
    else:
        meant = _LOOKALIKE.get(found[4], "")
        meant = meant if meant in (shifted(above, 1), shifted(below, -1)) else ""
    return meant + bracket if meant else ""


def _numbered(lines: list[Line], at: int, read: str | None) -> bool:
    """Whether a marker read as a digit belongs to a numbered list: the
    nearest marker above is the number before it, or the one below the number after it."""
    if not read or not read.isdigit():
        return False
    for step, by in ((-1, -1), (1, 1)):
        marker = next((m for other in _near(lines, at, step) if (m := _marker(other.text))), None)
        if marker == ("2", str(int(read) + by)):
            return True
    return False
