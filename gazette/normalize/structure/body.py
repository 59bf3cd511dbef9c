"""The body tree of a document: numbered sections, run-in headings, 专栏 boxes.

Chinese official documents number their divisions ``一、`` → ``（一）`` →
``1.`` → ``（1）``, regulations ``第X章`` → ``第X条``. A division opens a
``Section`` when it has a heading: a line of its own (``一、总体要求``) or,
below the top level, a run-in heading, its first short sentence
(``（一）指导思想。以…`` → run-in heading 指导思想。 + paragraph 以…). Otherwise it is a
numbered item, kept as a numbered paragraph (``一、同意…。`` in a 批复).
Levels follow the order in which marker kinds first appear, so a document
that starts at ``（一）`` nests correctly too.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model import Block
from ..patterns import marker_match
from .blocks import slice_block
from .model import Box, Paragraph, Section

_BOX = regex.compile(r"^专栏\s*(\d+)?\s*(.*)$")
#: A 专栏 line longer than this is prose that starts with the word 专栏.
MAX_BOX_TITLE = 40
#: A heading on a line of its own is at most this long; one that ends in
#: ``。`` (``（二）发展目标。``) at most ``MAX_SENTENCE_HEADING``.
MAX_HEADING = 60
MAX_SENTENCE_HEADING = 15
#: Under a ``1.`` or ``（1）`` marker a sentence is an item, not a heading,
#: unless it is a label this short (``1.申请。``).
_ITEM_KINDS = ("arabic", "paren_arabic")
MAX_ITEM_LABEL = 6
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
    found = marker_match(text)
    return _Marker(found[0], found[1][0]) if found else None


def build_body(blocks: list[Block]) -> list:
    """The tree of a body from its blocks in reading order."""
    root: list = []
    stack: list[tuple[str, list]] = [("root", root)]
    box: Box | None = None
    for block in blocks:
        if block.kind in ("furniture", "table"):  # a table's first cell may begin like a division (第二十条…)
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
        node = _division(block, marker, _follows_item(stack, marker.kind))
        _place(stack, marker.kind, node)
    return root


def _follows_item(stack: list[tuple[str, list]], kind: str) -> bool:
    """Whether the last division of this kind at this place is a numbered item."""
    kinds = [k for k, _ in stack]
    siblings = stack[kinds.index(kind) - 1][1] if kind in kinds else stack[-1][1]
    last = siblings[-1] if siblings else None
    if not isinstance(last, Paragraph) or last.num is None:
        return False
    marker = marker_of(last.num)
    return marker is not None and marker.kind == kind


def _division(block: Block, marker: _Marker, in_item_list: bool = False) -> Section | Paragraph:
    """A section (with its heading and first paragraph) or a numbered item.

    In a list of items, a short last item (``（6）其他需要说明的情况。``) stays an item.
    """
    start = len(marker.num)
    while start < len(block.text) and block.text[start] in " \u3000":
        start += 1
    rest = block.text[start:]
    if marker.kind == "article":
        return Section(0, marker.num, None, [Paragraph(slice_block(block, start))])
    item = rest.endswith("。") and (in_item_list or (marker.kind in _ITEM_KINDS and len(rest) > MAX_ITEM_LABEL))
    if marker.kind in ("chapter", "part") or (_is_heading_line(rest) and not item):
        return Section(0, marker.num, slice_block(block, start, kind="heading"), [])
    sentence_end = rest.find("。")
    run_in = 0 < sentence_end <= MAX_RUN_IN_HEADING and sentence_end < len(rest) - 1
    if marker.kind != "cn" and run_in and "，" not in rest[:sentence_end]:
        heading = slice_block(block, start, start + sentence_end + 1, kind="heading")
        body = slice_block(block, start + sentence_end + 1, kind="paragraph")
        return Section(0, marker.num, heading, [Paragraph(body)], run_in=True)
    return Paragraph(slice_block(block, start), num=marker.num)


def _is_heading_line(rest: str) -> bool:
    """``总体要求``, ``发展目标。``: a heading standing alone on its line.

    A whole sentence ending in ``。`` is an item, not a heading, unless short.

    >>> _is_heading_line("总体要求"), _is_heading_line("发展目标。")
    (True, True)
    >>> _is_heading_line("同意浙江景宁抽水蓄能电站可行性研究报告阶段确定的工程占地和淹没区控制范围。")
    False
    """
    if rest.endswith("。"):
        return 0 < len(rest) - 1 <= MAX_SENTENCE_HEADING and not regex.search("[。；，]", rest[:-1])
    core = rest[:-1] if rest.endswith("：") else rest
    return 0 < len(core) <= MAX_HEADING and not regex.search("[。；]", core) and core.count("，") <= 1


def _place(stack: list[tuple[str, list]], kind: str, node: Section | Paragraph) -> None:
    """Nest a division by the order in which marker kinds appeared.

    A division closes the open divisions of its own kind and deeper; a
    section opens a new level, a numbered item does not.
    """
    kinds = [k for k, _ in stack]
    if kind in kinds:
        del stack[kinds.index(kind) :]
    stack[-1][1].append(node)
    if isinstance(node, Section):
        node.level = len(stack)
        stack.append((kind, node.children))
