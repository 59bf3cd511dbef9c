"""Issue metadata from the masthead, the colophon and the running head.

>>> meta = read_meta(["浙江省人民政府公报", "浙江省人民政府主办", "2022年第19期",
...                   "（总第1324期）", "2022年8月19日出版"])
>>> meta.publication, meta.publisher, meta.year, meta.issue_number, meta.cumulative_number
('浙江省人民政府公报', '浙江省人民政府', 2022, 19, 1324)
>>> meta.published.iso
'2022-08-19'

Years and numbers may be printed in Chinese numerals, the number and the
year on lines of their own, the date beside the issue number:

>>> meta = read_meta(["中华人民共和国", "国务院公报", "一九五四年第一号（总第一号）", "一九五五年三月一日出版"])
>>> meta.publication, meta.year, meta.issue_number, meta.cumulative_number, meta.published.iso
('中华人民共和国国务院公报', 1954, 1, 1, '1955-03-01')
>>> meta = read_meta(["第1号（总号：928）", "1月29日1999年第1号（总号：928）"])
>>> meta.year, meta.issue_number, meta.cumulative_number, meta.published.iso
(1999, 1, 928, '1999-01-29')
"""

from __future__ import annotations

import regex

from ..patterns import CN_NUMERAL, ISSUE_NUMBER
from .model import IssueMeta
from .parts import number_value, parse_date

_PUBLICATION = regex.compile(r"^(\p{Han}{2,20}(?:公报|政报))")
#: The number alone on its line (the year printed elsewhere): ``第1号（总号：928）``.
_NUMBER_ALONE = regex.compile(rf"^第(\d{{1,3}}|[{CN_NUMERAL}]{{1,5}})[期号]")
_CUMULATIVE = regex.compile(rf"总(?:第|号[：:]?)(\d{{1,5}}|[{CN_NUMERAL}]{{1,8}})")
_PUBLISHED = regex.compile(r"""
    (?:(?:\d{4}年)?\d{1,2}月\d{1,2}日
      |(?:[〇零○一二三四五六七八九]{4}年)?[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)出版
""", regex.VERBOSE)
#: A masthead may print the place or body before the publication's name on a
#: line of its own: ``中华人民共和国`` / ``国务院公报``.
_NAME_PREFIX = regex.compile(r"^\p{Han}{1,12}(?:国|省|市|区|县|州|盟|旗|政府)$")
#: A day printed beside the issue number: ``1月29日1999年第1号``.
_DAY = regex.compile(r"\d{1,2}月\d{1,2}日")
_PUBLISHER = regex.compile(
    r"^(?:主管主办单位|主办单位|主办|编辑\s*[·•]?\s*出版|出版)：(.+)$|^(\p{Han}{2,30})(?:主办|编印)$")
_SERIAL = regex.compile(r"(CN\d{2}-\d{4}/[A-Z])")
_URL = regex.compile(r"^网址：(\S+)$")
_PRINTER = regex.compile(r"^印刷(?:单位)?：(.+)$")

#: What a colophon or masthead line looks like (any of these).
COLOPHON = regex.compile(
    r"公报$|\d{4}年第\d{1,3}[期号]|总(?:第|号)|出版$|主办|单位：|地址：|电话：|刊号|网址：|邮编|邮政编码|定价|传真"
    r"|发行|订阅|代号|ISSN|CN\d{2}-\d{4}"
)


def is_meta_line(text: str) -> bool:
    """Whether a masthead or colophon line gives a field of the metadata.

    >>> is_meta_line("浙江省人民政府公报"), is_meta_line("（总第1324期）"), is_meta_line("关于加强管理的通知")
    (True, True, False)
    """
    found = IssueMeta()
    _read_line(found, text)
    return found != IssueMeta()


def read_meta(texts: list[str]) -> IssueMeta:
    """Fill issue metadata from masthead/colophon/running-head texts (first wins)."""
    meta = IssueMeta()
    for before, text in zip([""] + texts, texts):
        _read_line(meta, text)
        if meta.publication == text and _NAME_PREFIX.match(before):
            meta.publication = before + text
    if meta.published is None:
        meta.published = next((parse_date(found[0], meta.year) for text in texts
                                if (found := _PUBLISHED.search(text))), None)
    if meta.published is None and meta.year is not None:
        meta.published = next((parse_date(day[0], meta.year) for text in texts
                               if ISSUE_NUMBER.search(text) and (day := _DAY.search(text))), None)
    return meta


def _read_line(meta: IssueMeta, text: str) -> None:
    if meta.publication is None and (m := _PUBLICATION.match(text)):
        meta.publication = m[1]
    if meta.year is None and (m := ISSUE_NUMBER.search(text)):
        meta.year, meta.issue_number = number_value(m["year"]), number_value(m["number"])
    if meta.issue_number is None and (m := _NUMBER_ALONE.match(text)):
        meta.issue_number = number_value(m[1])
    if meta.cumulative_number is None and (m := _CUMULATIVE.search(text)):
        meta.cumulative_number = number_value(m[1])
    if meta.publisher is None and (m := _PUBLISHER.match(text)):
        meta.publisher = m[1] or m[2]
    if meta.serial_cn is None and (m := _SERIAL.search(text)):
        meta.serial_cn = m[1]
    if meta.url is None and (m := _URL.match(text)):
        meta.url = m[1]
    if meta.printer is None and (m := _PRINTER.match(text)):
        meta.printer = m[1]
    if meta.published is None and regex.search(r"^\d{4}年\d{1,2}月\d{1,2}日出版$", text):
        meta.published = parse_date(text)
