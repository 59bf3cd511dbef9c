"""Recognising the parts of an official document (GB/T 9704-2012) in one block.

Each function looks at the text of one block, already normalized.

>>> doc_number("浙政发〔2022〕20号"), doc_number("第一条")
('浙政发〔2022〕20号', None)
>>> parse_date("2022年7月30日").iso, parse_date("二〇二二年七月三十日").iso
('2022-07-30', '2022-07-30')
>>> [issuer.name for issuer in split_issuers("浙江省医疗保障局\\u3000浙江省财政厅")]
['浙江省医疗保障局', '浙江省财政厅']
"""

from __future__ import annotations

import datetime

import regex

from ..patterns import (
    BODY_END,
    CN_NUMERAL,
    DOC_NUMBER,
    ISSUER_MARK,
    PRINT_LINE,
    SENTENCE_BEFORE_COLON,
    joint_bodies,
    marker_match,
    number_line,
)
from ..patterns import CN_DATE as _CN_DATE
from ..patterns import DATE as _DATE
from .model import DateValue, Issuer

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_NOT_ADDRESSEE = regex.compile(r"[。；]|^(?:附件|抄送|注)")
#: An addressee line lists bodies; longer lines ending in ： are sentences,
#: unless they stand where the addressee does (right after the title or
#: number), where a long list of bodies is no sentence.
MAX_ADDRESSEE = 80
MAX_HEAD_ADDRESSEE = 400


def doc_number(text: str) -> str | None:
    """The document number if the block prints one (``浙政办发〔2021〕24号``; in
    brackets, or after a register code: see ``patterns.NUMBER_LINE``).

    >>> doc_number("（皖政办秘〔2021〕82号）"), doc_number("各市人民政府：")
    ('皖政办秘〔2021〕82号', None)
    """
    found = number_line(text)
    return found["number"] if found else None


def find_doc_number(text: str) -> str | None:
    """A document number printed inside a text (a TOC entry, a title)."""
    match = DOC_NUMBER.search(text)
    return match[0] if match else None


def chinese_number(text: str) -> int:
    """Value of a Chinese numeral: ``三十`` → 30, ``二〇二二`` → 2022, ``一百零五`` → 105.

    >>> chinese_number("十"), chinese_number("二十一"), chinese_number("二〇三五"), chinese_number("一百二十")
    (10, 21, 2035, 120)
    """
    for unit, value in (("千", 1000), ("百", 100), ("十", 10)):
        if unit in text:
            high, _, low = text.partition(unit)
            low = low.lstrip("〇零○")
            return (chinese_number(high) if high else 1) * value + (chinese_number(low) if low else 0)
    return int("".join(str(_CN_DIGITS[ch]) for ch in text))


def number_value(text: str) -> int:
    """An issue's or a page's number, in digits or in Chinese numerals.

    >>> number_value("19"), number_value("一"), number_value("二十三")
    (19, 1, 23)
    """
    return int(text) if text.isdigit() else chinese_number(text)


def marker_number(text: str) -> tuple[str, int] | None:
    """The kind and the number of the division marker a line opens with.

    >>> marker_number("二十四、抗疫特别国债安排的支出"), marker_number("（3）其他"), marker_number("合计")
    (('cn', 24), ('paren_arabic', 3), None)
    """
    found = marker_match(text)
    digits = _MARKER_DIGITS.search(found[1][0]) if found else None
    return (found[0], number_value(digits[0])) if found and digits else None


#: The number a division's marker writes (``二十四`` of ``二十四、``, ``3`` of ``（3）``).
_MARKER_DIGITS = regex.compile(rf"[{CN_NUMERAL}]+|\d+")


def parse_date(text: str, year: int | None = None) -> DateValue | None:
    """A printed date with its ISO form; ``year`` fills ``1月16日`` without one."""
    match = _DATE.search(text)
    if match:
        numbers = [int(g) for g in match.groups()]
    elif (match := _CN_DATE.search(text)) is not None:
        numbers = [chinese_number(g) for g in match.groups()]
    elif year is not None and (match := regex.search(r"(\d{1,2})月(\d{1,2})日", text)) is not None:
        numbers = [year] + [int(g) for g in match.groups()]
    else:
        return None
    return DateValue(match[0], _iso(*numbers))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


#: A body's name and nothing else: ``中国证券投资基金业协会``.
_BODY_NAME = regex.compile(rf"^\p{{Han}}{{4,30}}{BODY_END}$")


def is_issuer_mark(text: str, above_number: bool = False) -> bool:
    """``浙江省人民政府文件``: the issuing authority's mark above a document;
    right ``above_number`` (the 发文字号), the body's name alone is one too.

    >>> is_issuer_mark("中国证券投资基金业协会"), is_issuer_mark("中国证券投资基金业协会", above_number=True)
    (False, True)
    """
    return bool(ISSUER_MARK.match(text)) or (above_number and bool(_BODY_NAME.match(text)))


def is_addressee(text: str, limit: int = MAX_ADDRESSEE) -> bool:
    """``各市、县（市、区）人民政府，省政府直属各单位：``."""
    names = text.rstrip("：")
    return (text.endswith("：") and len(names) >= 2 and len(text) <= limit and not _NOT_ADDRESSEE.search(text)
            and not SENTENCE_BEFORE_COLON.search(text))


#: What may follow an issuer's name: another body's seal stands for it.
_SEAL_NOTE = regex.compile(r"[（(](?:代章|代)[）)]$")


def split_issuers(text: str) -> list[Issuer]:
    """Joint issuers printed side by side, separated by a wide gap, or on
    one line by ``、`` (kept as the note of the name before it); a ``（代章）``
    after a name is its note.

    >>> split_issuers("省完善促进消费体制机制厅际联席会议（代章）")
    [Issuer(name='省完善促进消费体制机制厅际联席会议', note='（代章）', derived_from=None)]
    >>> [(issuer.name, issuer.note) for issuer in split_issuers("北京市科学技术委员会、中关村科技园区管理委员会")]
    [('北京市科学技术委员会', '、'), ('中关村科技园区管理委员会', None)]
    """
    issuers = []
    for printed in regex.split(r"\s+", text):
        joint = joint_bodies(printed) if printed else None
        if joint:
            issuers += [Issuer(name, "、") for name in joint[:-1]] + [Issuer(joint[-1])]
        elif printed:
            note = _SEAL_NOTE.search(printed)
            issuers.append(Issuer(printed[: note.start()], note[0]) if note and note.start() else Issuer(printed))
    return issuers


def print_info(text: str) -> tuple[str | None, str] | None:
    """(printer, date text) of ``浙江省人民政府办公厅 2021年6月8日印发``."""
    match = PRINT_LINE.match(text)
    if not match:
        return None
    return (match["printer"] or None), match["date"]


def article_type(title: str, types: tuple[str, ...]) -> str | None:
    """The document type (文种) a title ends with, the longest that fits.

    >>> article_type("浙江省人民政府关于深化数字政府建设的实施意见", ("意见", "实施意见"))
    '实施意见'
    """
    fitting = [t for t in types if title.endswith(t)]
    return max(fitting, key=len) if fitting else None
