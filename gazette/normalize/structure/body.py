"""The body tree of a document: numbered sections, run-in headings, 专栏 boxes.

Chinese official documents number their divisions ``一、`` → ``（一）`` →
``1.`` → ``（1）``, regulations ``第X章`` → ``第X条``. A division opens a
``Section`` when it has a heading: a line of its own (``一、总体要求``) or a
run-in heading, its first short sentence (``（一）指导思想。以…`` → heading
指导思想 + paragraph 以…). Otherwise it is a numbered item, kept as a numbered
paragraph. Levels follow the order in which marker kinds first appear, so a
document that starts at ``（一）`` nests correctly too.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model import Block
from .blocks import slice_block
from .model import Box, Paragraph, Section

_NUM_CN = "一二三四五六七八九十百〇零"
_MARKERS = (
    ("chapter", regex.compile(rf"^第[{_NUM_CN}\d]+章\s*")),
    ("part", regex.compile(rf"^第[{_NUM_CN}\d]+节\s*")),
    ("article", regex.compile(rf"^第[{_NUM_CN}\d]+条\s*")),
    ("cn", regex.compile(rf"^[{_NUM_CN}]+、")),
    ("paren_cn", regex.compile(rf"^[（(][{_NUM_CN}]+[）)]")),
    ("arabic", regex.compile(r"^\d{1,2}[.、．](?!\d)")),
    ("paren_arabic", regex.compile(r"^[（(]\d{1,2}[）)]")),
)
_BOX = regex.compile(r"^专栏\s*(\d+)?\s*(.*)$")
#: A 专栏 line longer than this is prose that starts with the word 专栏.
MAX_BOX_TITLE = 40
#: A run-in heading is a first sentence at most this long.
MAX_RUN_IN_HEADING = 30


@dataclass
class _Marker:
    kind: str
    num: str


def marker_of(text: str) -> _Marker | None:
    """The division marker a paragraph starts with, if any.

    >>> marker_of("（一）指导思想。以…").num, marker_of("第三条 本办法…").kind
    ('（一）', 'article')
    """
    for kind, pattern in _MARKERS:
        match = pattern.match(text)
        if match:
            return _Marker(kind, match[0].strip())
    return None


def build_body(blocks: list[Block]) -> list:
    """The tree of a body from its blocks in reading order."""
    root: list = []
    stack: list[tuple[str, list]] = [("root", root)]
    box: Box | None = None
    for block in blocks:
        if block.kind == "furniture":
            (box.children if box else stack[-1][1]).append(Paragraph(block))
            continue
        marker = marker_of(block.text)
        boxed = _BOX.match(block.text)
        if boxed and len(block.text) <= MAX_BOX_TITLE:
            box = Box(boxed[1], boxed[2].strip("\u3000 "))
            stack[-1][1].append(box)
            continue
        if marker is None:
            (box.children if box else stack[-1][1]).append(Paragraph(block))
            continue
        box = None
        node = _division(block, marker)
        if isinstance(node, Paragraph):
            stack[-1][1].append(node)
            continue
        _place(stack, marker.kind, node)
    return root


def _division(block: Block, marker: _Marker) -> Section | Paragraph:
    """A section (with its heading and first paragraph) or a numbered item."""
    start = len(marker.num)
    while start < len(block.text) and block.text[start] in " \u3000":
        start += 1
    rest = block.text[start:]
    if marker.kind == "article":
        return Section(0, marker.num, None, [Paragraph(slice_block(block, start))])
    if marker.kind == "chapter" or marker.kind == "part" or _is_heading_line(rest):
        heading = slice_block(block, start, len(block.text) - rest.endswith("。"), kind="heading")
        return Section(0, marker.num, heading, [])
    sentence_end = rest.find("。")
    if 0 < sentence_end <= MAX_RUN_IN_HEADING and sentence_end < len(rest) - 1 and "，" not in rest[:sentence_end]:
        heading = slice_block(block, start, start + sentence_end, kind="heading")
        body = slice_block(block, start + sentence_end + 1, kind="paragraph")
        return Section(0, marker.num, heading, [Paragraph(body)])
    return Paragraph(slice_block(block, start), num=marker.num)


def _is_heading_line(rest: str) -> bool:
    """``总体要求``, ``发展目标。``: a heading standing alone on its line."""
    core = rest[:-1] if rest.endswith(("。", "：")) else rest
    return 0 < len(core) <= 60 and not regex.search("[。；]", core) and core.count("，") <= 1


def _place(stack: list[tuple[str, list]], kind: str, section: Section) -> None:
    """Nest ``section`` by the order in which marker kinds appeared."""
    kinds = [k for k, _ in stack]
    if kind in kinds:
        del stack[kinds.index(kind) :]
    section.level = len(stack)
    stack[-1][1].append(section)
    stack.append((kind, section.children))
