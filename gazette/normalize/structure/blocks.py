"""Cutting blocks: a part of a block keeps the pages of the lines it came from.

>>> from gazette.normalize.model import Block, Segment
>>> b = Block("paragraph", [Segment(1, 3, "（一）指导思想。以习近"), Segment(2, 4, "平新时代")], [""])
>>> rest = slice_block(b, 8)
>>> rest.text, [(s.line, s.page, s.text) for s in rest.segments]
('以习近平新时代', [(1, 3, '以习近'), (2, 4, '平新时代')])
"""

from __future__ import annotations

from ..model import Block, Segment


def slice_block(block: Block, start: int, end: int | None = None, kind: str | None = None) -> Block:
    """The part ``block.text[start:end]`` as a block with the right segments."""
    end = len(block.text) if end is None else end
    segments: list[Segment] = []
    joiners: list[str] = []
    offset = 0
    for index, segment in enumerate(block.segments):
        joiner = block.joiners[index - 1] if index else ""
        seg_start = offset + len(joiner)
        seg_end = seg_start + len(segment.text)
        offset = seg_end
        piece = segment.text[max(start, seg_start) - seg_start : max(min(end, seg_end) - seg_start, 0)]
        if not piece or seg_end <= start or seg_start >= end:
            continue
        if segments:
            joiners.append(joiner if seg_start >= start else "")
        segments.append(Segment(segment.line, segment.page, piece, segment.start if seg_start >= start else None))
    if not segments:
        segments = [Segment(block.line, block.page, "")]
    return Block(kind or block.kind, segments, joiners, block.furniture)


def span(all_blocks: list[Block], first: Block, last: Block) -> list[Block]:
    """The blocks from ``first`` to ``last`` (by identity), with what lies between
    them: the furniture among content blocks."""
    lo = next(i for i, b in enumerate(all_blocks) if b is first)
    hi = next(i for i, b in enumerate(all_blocks) if b is last)
    return all_blocks[lo : hi + 1]


def joined(blocks: list[Block], kind: str) -> Block:
    """One block made of several (a title the reflow left in pieces): their
    segments in order, joined without anything between.

    >>> joined([Block("paragraph", [Segment(1, 1, "关于印发《公务员申诉案件")]),
    ...         Block("title", [Segment(2, 1, "办案规则》的通知")])], "title").text
    '关于印发《公务员申诉案件办案规则》的通知'
    """
    segments = [segment for block in blocks for segment in block.segments]
    return Block(kind, segments, [""] * (len(segments) - 1))
