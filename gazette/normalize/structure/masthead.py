"""Issue metadata from the masthead, the colophon and the running head.

>>> meta = read_meta(["浙江省人民政府公报", "浙江省人民政府主办", "2022年第19期",
...                   "（总第1324期）", "2022年8月19日出版"])
>>> meta.publication, meta.publisher, meta.year, meta.issue_number, meta.cumulative_number
('浙江省人民政府公报', '浙江省人民政府', 2022, 19, 1324)
>>> meta.published.iso
'2022-08-19'
"""

from __future__ import annotations

import regex

from .model import IssueMeta
from .parts import parse_date

_PUBLICATION = regex.compile(r"^(\p{Han}{2,20}公报)")
_ISSUE = regex.compile(r"(\d{4})年第(\d{1,3})[期号]")
_CUMULATIVE = regex.compile(r"总(?:第|号：?)(\d{1,5})")
_PUBLISHED = regex.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日出版")
_PUBLISHER = regex.compile(r"^(?:主管主办单位|主办单位|主办|编辑出版|出版)：(.+)$|^(\p{Han}{2,30})主办$")
_SERIAL = regex.compile(r"(CN\d{2}-\d{4}/[A-Z])")
_URL = regex.compile(r"^网址：(\S+)$")
_PRINTER = regex.compile(r"^印刷(?:单位)?：(.+)$")

#: What a colophon or masthead line looks like (any of these).
COLOPHON = regex.compile(
    r"公报$|\d{4}年第\d{1,3}[期号]|总(?:第|号)|出版$|主办|单位：|地址：|电话：|刊号：|网址：|邮编|定价|传真"
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
    for text in texts:
        _read_line(meta, text)
    if meta.published is None:
        for text in texts:
            if found := _PUBLISHED.search(text):
                meta.published = parse_date(found[0], meta.year)
                break
    return meta


def _read_line(meta: IssueMeta, text: str) -> None:
    if meta.publication is None and (m := _PUBLICATION.match(text)):
        meta.publication = m[1]
    if meta.year is None and (m := _ISSUE.search(text)):
        meta.year, meta.issue_number = int(m[1]), int(m[2])
    if meta.cumulative_number is None and (m := _CUMULATIVE.search(text)):
        meta.cumulative_number = int(m[1])
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
