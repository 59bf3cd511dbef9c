"""The items of an issue, found by its table of contents.

An issue's TOC lists every item with the page it starts on; most items of a
gazette carry no document number (communiqués, 公告, 任免, letters, rules
promulgated by an order), so the TOC, not the number, says where an item
begins. Each entry is looked for where its title is printed in the body:
on one printed line or over up to ``MAX_TITLE_LINES`` (a title wrapped over
lines, whatever blocks reflow made of them), compared as titles are (``titles.same_title``), and, where the TOC
gives a page, on a page that can be that page. An entry that is a part of
the item before it (the plan a notice issues, forwards or approves, named
in the notice's title; an attachment printed under its ``附件`` head or named
in the notice's attachment note; an entry the TOC prints indented under it)
is that item's part, not an item of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..model import Block, Page
from ..patterns import ATTACHMENT_HEAD
from .articles import attachment_notes
from .model import TocEntry
from .titles import MIN_FUZZY, alike, names, same_title, title_key

#: A title whose page and place the TOC confirms may differ from its entry
#: in this share of its characters (a TOC and a body OCR'd apart).
LOOSE_SLIPS = 0.2
#: A title is printed over at most this many blocks (and lines).
MAX_TITLE_BLOCKS = 3
MAX_TITLE_LINES = 5
#: A block longer than this is no title (nor a title's line).
MAX_TITLE_TEXT = 120
#: The printed page of a title may differ from the TOC's by this much (a
#: text layer that lost page numbers, a title at a page's foot).
PAGE_TOLERANCE = 1


@dataclass
class Located:
    """Where an entry's title is printed: from printed line ``at`` up to ``to``
    (exclusive), each a ``(block, segment)`` position; ``start`` and ``end``
    are its blocks (``end`` exclusive) once no title begins or ends inside a
    block (``title_cuts``)."""

    entry: int
    at: tuple[int, int]
    to: tuple[int, int]

    @property
    def start(self) -> int:
        return self.at[0]

    @property
    def end(self) -> int:
        return self.to[0] + (1 if self.to[1] else 0)


@dataclass
class Part:
    """A part of an item that has a TOC entry of its own: its title's blocks,
    and the attachment head printed above it (``head``, or None)."""

    located: Located
    head: int | None = None

    @property
    def start(self) -> int:
        """The first block of the part (its head, or else its title)."""
        return self.head if self.head is not None else self.located.start


@dataclass
class ItemPlan:
    """One item: its blocks ``start`` to ``end``, the TOC entry that opens it
    (None for an item found by its document number only) and its parts."""

    start: int
    end: int
    located: Located | None = None
    parts: list[Part] = field(default_factory=list)


def locate_entries(entries: list[TocEntry], blocks: list[Block], pages: list[Page], start: int) -> list[Located]:
    """Where each entry's title is printed in ``blocks[start:]`` (entries not
    found are left out): on one to ``MAX_TITLE_LINES`` printed lines (a
    block's segments), whatever blocks reflow made of them. Among several
    places the one on the TOC's page wins, then the first after the entry
    before it, then the closest match. A title that begins or ends inside a
    block (reflow joined its line to the text beside it) is cut out of it
    first (``title_cuts``), then the title's blocks are those its lines are."""
    lines = [(index, segment) for index in range(start, len(blocks)) if blocks[index].table is None
             for segment in range(len(blocks[index].segments))]
    spans = _title_spans(blocks, lines)
    keys = [key for _, _, key in spans]
    ranges = printed_ranges(pages)
    found: list[Located] = []
    taken: set[int] = set()
    previous = 0
    for number, entry in enumerate(entries):
        wanted = title_key(entry.title)
        if not wanted:
            continue
        best: tuple | None = None
        for closeness, index, same in _matches(wanted, keys):
            first, end, _ = spans[index]
            if any(i in taken for i in range(first, end)):
                continue
            paged = entry.page is None or on_page(entry.page, ranges.get(blocks[lines[first][0]].page))
            if not same and not (entry.page is not None and paged and first >= previous):
                continue
            rank = (paged, first >= previous, same, closeness, -first, -(end - first))
            if best is None or rank > best[0]:
                best = (rank, first, end)
        if best is None:
            continue
        _, first, end = best
        found.append(Located(number, lines[first], _after(lines[end - 1], blocks)))
        taken.update(range(first, end))
        previous = end
    return found


def _after(line: tuple[int, int], blocks: list[Block]) -> tuple[int, int]:
    """The position after a printed line: the next segment of its block, or the next block's first."""
    block, segment = line
    return (block, segment + 1) if segment + 1 < len(blocks[block].segments) else (block + 1, 0)


def title_cuts(located: list[Located]) -> set[tuple[int, int]]:
    """Where located titles begin or end inside a block: ``(block, segment)``
    positions at which the block must be cut in two."""
    return {position for found in located for position in (found.at, found.to) if position[1] > 0}


def cut_blocks(blocks: list[Block], cuts: set[tuple[int, int]]) -> dict[int, list[Block]]:
    """The blocks ``cuts`` cut in two or more (its segments from a cut on are
    a block of their own), by the ``id`` of the block cut."""
    pieces: dict[int, list[Block]] = {}
    for index in sorted({where for where, _ in cuts}):
        block = blocks[index]
        at = sorted(segment for where, segment in cuts if where == index)
        pieces[id(block)] = [Block(block.kind, block.segments[begin:end], block.joiners[begin : end - 1])
                             for begin, end in zip([0] + at, at + [len(block.segments)])]
    return pieces


def _title_spans(blocks: list[Block], lines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Every run of one to ``MAX_TITLE_LINES`` short printed lines of adjacent blocks, with its title key
    (positions into ``lines``)."""
    spans = []
    for first in range(len(lines)):
        key = ""
        for end in range(first, min(first + MAX_TITLE_LINES, len(lines))):
            block, segment = lines[end]
            if end > first and block not in (lines[end - 1][0], lines[end - 1][0] + 1):
                break
            text = blocks[block].segments[segment].text
            if len(text) > MAX_TITLE_TEXT:
                break
            key += title_key(text)
            spans.append((first, end + 1, key))
    return spans


def _matches(wanted: str, keys: list[str]) -> list[tuple[float, int, bool]]:
    """The keys that may print the wanted title: ``(closeness, index, alike)``,
    closeness the minus of the slips, ``alike`` when ``titles.alike`` says one
    title; others, up to ``LOOSE_SLIPS`` of the title (a TOC and a body
    OCR'd apart), count only where the TOC's page and order agree."""
    if len(wanted) < MIN_FUZZY:
        return [(0.0, index, True) for index, key in enumerate(keys) if key == wanted]
    cutoff = max(1, int(LOOSE_SLIPS * len(wanted)))
    found = process.extract(wanted, keys, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None)
    return [(-float(distance), index, alike(wanted, key)) for key, distance, index in found]


def printed_ranges(pages: list[Page]) -> dict[int, tuple[int | None, int | None]]:
    """For each page (by position), the printed pages its text may come from:
    up to its own number, from the number after the page before it (a text
    layer that lost the page numbers between holds several printed pages)."""
    ranges: dict[int, tuple[int | None, int | None]] = {}
    before: int | None = None
    for page in pages:
        low = before + 1 if before is not None and page.printed is not None and before < page.printed \
            else page.printed
        ranges[page.seq] = (low, page.printed)
        before = page.printed if page.printed is not None else before
    return ranges


def on_page(page: int, printed: tuple[int | None, int | None] | None) -> bool:
    """Whether a title printed on a page of these printed numbers can be on the TOC's ``page``."""
    if printed is None or printed[1] is None:
        return True
    low, high = printed[0] if printed[0] is not None else printed[1], printed[1]
    return low - PAGE_TOLERANCE <= page <= high + PAGE_TOLERANCE


def plan_items(located: list[Located], entries: list[TocEntry], blocks: list[Block],
               number_starts: list[int], start: int) -> list[ItemPlan]:
    """The items of ``blocks[start:]``, in order: each located entry opens an
    item or is a part of the item before it; a document number opens an item
    where no entry does (the caller reports it as not in the TOC). A number
    up to ``MAX_TITLE_BLOCKS`` blocks from an item's title is that item's (an
    issuer's mark and the number printed above the title move its start up),
    and one as close under a part's title is the part's."""
    numbers = sorted(n for n in number_starts if n >= start)
    items: list[ItemPlan] = []
    for found in sorted(located, key=lambda f: f.start):
        while numbers and numbers[0] < found.start - MAX_TITLE_BLOCKS:
            items.append(ItemPlan(numbers.pop(0), 0))
        near = []
        while numbers and numbers[0] <= found.start + MAX_TITLE_BLOCKS:
            near.append(numbers.pop(0))
        owner = items[-1] if items else None
        if owner is not None and _part_of(owner, found, entries, blocks):
            owner.parts.append(Part(found, _attachment_head(blocks, found.start, owner)))
            continue
        items.append(ItemPlan(min([found.start] + near), 0, found))
    items += [ItemPlan(number, 0) for number in numbers]
    for item, following in zip(items, items[1:] + [None]):
        item.end = following.start if following is not None else len(blocks)
    return items


def _part_of(owner: ItemPlan, found: Located, entries: list[TocEntry], blocks: list[Block]) -> bool:
    """Whether a located entry is a part of the item before it: printed under
    an ``附件`` head, indented under it in the TOC, named by its title (the
    document a notice issues, forwards or approves) or by its attachment note."""
    entry = entries[found.entry]
    return (_attachment_head(blocks, found.start, owner) is not None or entry.level > 1
            or names(_title_of(owner, entries, blocks), entry.title)
            or any(same_title(note, entry.title) for note in attachment_notes(blocks[owner.start : found.start])))


def _title_of(item: ItemPlan, entries: list[TocEntry], blocks: list[Block]) -> str:
    """An item's title: its entry's, or (an item its number opened) the title printed in its head."""
    if item.located is not None:
        return entries[item.located.entry].title
    head = blocks[item.start : item.start + MAX_TITLE_BLOCKS + 1]
    return next((block.text for block in head if block.kind == "title"), "")


def _attachment_head(blocks: list[Block], title: int, owner: ItemPlan | None) -> int | None:
    """The ``附件`` head printed right above a title, inside the item before it."""
    above = title - 1
    if owner is None or above <= owner.start or not ATTACHMENT_HEAD.match(blocks[above].text):
        return None
    return above
