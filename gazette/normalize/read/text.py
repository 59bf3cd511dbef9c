"""Reading a text layer: bytes → text → non-blank ``Line`` objects.

Text layers reach us as UTF-8 (with or without BOM), GB18030/GBK (older
government systems) or UTF-16 (Windows "Unicode" exports). We detect which
by BOM, then by strict decoding (UTF-8 first; UTF-16 and GB18030 compared by
how much of the result is common Chinese text); a file that is binary or
decodes to implausible text is refused with a ``SourceError`` that names the
file and the reason, so nothing half-read ever reaches the archive.

>>> text, enc = decode_text("２０２２ 年".encode("gb18030"), "x.txt")
>>> text, enc
('２０２２ 年', 'gb18030')
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import regex

from ..model import Line, Source, SourceError

#: Share of characters that must look like text for a decoding to count.
MIN_PLAUSIBLE_SHARE = 0.95
#: Without a BOM or valid UTF-8, the share of common Chinese text (Han, CJK
#: punctuation, ASCII) the best decoding must reach: binary bytes decode as
#: UTF-16 or GB18030 too, but to rare characters.
MIN_COMMON_SHARE = 0.9


def text_source(data: bytes, name: str) -> Source:
    """Decode the bytes of a text layer that came from ``name`` into a ``Source``.

    >>> src = text_source("浙江省人民政府文件\\n\\n浙政发〔2021〕13号".encode(), "a.txt")
    >>> src.encoding, [(line.no, line.text) for line in src.lines]
    ('utf-8', [(1, '浙江省人民政府文件'), (3, '浙政发〔2021〕13号')])
    """
    text, encoding = decode_text(data, name)
    return Source(
        name=Path(name).name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        lines=split_lines(text),
        data=data,
    )


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` as UTF-8, UTF-16 or GB18030, or raise ``SourceError``.

    >>> decode_text(codecs.BOM_UTF8 + "目录".encode(), "a.txt")
    ('目录', 'utf-8-sig')
    >>> decode_text("目录".encode("utf-16-le"), "a.txt")
    ('目录', 'utf-16-le')
    >>> decode_text("目录、第一条".encode("utf-16-be"), "a.txt")
    ('目录、第一条', 'utf-16-be')
    >>> decode_text(bytes(range(256)), "a.bin")
    Traceback (most recent call last):
    gazette.normalize.model.SourceError: a.bin: binary or undecodable content (not UTF-8, UTF-16 or GB18030 text)
    >>> decode_text(bytes([0, 1, 2, 255]), "b.bin")
    Traceback (most recent call last):
    gazette.normalize.model.SourceError: b.bin: binary or undecodable content (no encoding gives Chinese text)
    """
    if not data.strip():
        raise SourceError(name, "empty file (no text)")
    if _truncated_utf8(data):
        raise SourceError(name, "truncated UTF-8 text (the file ends inside a character)")
    decoded = [(text, enc) for enc in _candidate_encodings(data) if (text := _strict(data, enc)) is not None]
    plausible = [(text, enc) for text, enc in decoded if _share(text, _NOISE) <= 1 - MIN_PLAUSIBLE_SHARE]
    if not plausible:
        raise SourceError(
            name, "binary or undecodable content (not UTF-8, UTF-16 or GB18030 text)"
        )
    if plausible[0][1].startswith("utf-8"):
        return plausible[0][0].lstrip("\ufeff"), plausible[0][1]
    text, encoding = max(plausible, key=lambda item: _share(item[0], _COMMON))
    if _share(text, _COMMON) < MIN_COMMON_SHARE:
        raise SourceError(name, "binary or undecodable content (no encoding gives Chinese text)")
    return text.lstrip("\ufeff"), encoding


def _truncated_utf8(data: bytes) -> bool:
    """Valid UTF-8 up to an incomplete character at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
    return False


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _candidate_encodings(data: bytes) -> list[str]:
    """Encodings to try; a BOM settles it, UTF-8 wins when valid (and not UTF-16)."""
    if data.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ["utf-16"]
    utf16 = ["utf-16-le", "utf-16-be"] if len(data) % 2 == 0 else []
    if utf16 and data.count(b"\x00") > len(data) // 8:
        return utf16
    return ["utf-8"] + utf16 + ["gb18030"]


def _share(text: str, pattern: regex.Pattern) -> float:
    """Share of the first 200,000 characters that ``pattern`` matches."""
    sample = text[:200_000]
    return len(pattern.findall(sample)) / len(sample) if sample else 0.0


#: Control, private-use, unassigned and replacement characters: binary noise.
_NOISE = regex.compile(r"[^\n\r\t\ufeff\P{Cc}]|[\p{Co}\p{Cs}\p{Cn}\ufffd]")
#: Characters of real Chinese official text: common Han, CJK punctuation, ASCII.
_COMMON = regex.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef -~\n\r\t“”‘’…—·]")


def split_lines(text: str) -> list[Line]:
    """Split text into non-blank lines, keeping physical line numbers.

    Only ``\n`` ends a line, so line numbers match what an editor shows.
    Trailing spaces are dropped (they carry nothing); leading white space is
    kept, because it marks page starts and indents.

    >>> [(l.no, l.text) for l in split_lines("a\\n\\n b  \\r\\n")]
    [(1, 'a'), (3, ' b')]
    """
    lines = []
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.rstrip(" \t\r\u3000")
        if stripped.strip():
            lines.append(Line(no=no, text=stripped))
    return lines
