"""Structure: split a normalized source into issue metadata, TOC and articles.

Reads: a ``Document`` (blocks in reading order, pages), which it does not
change. Writes: an ``Issue`` whose warnings list what could not be found
(nothing is invented), with its own copy of the pages, numbered by the TOC
where the text layer printed no number.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .. import rules
from ..chars import fold_width, remove_spurious_spaces
from ..model import Block, Document, Page, SourceError
from ..pages import fill_page_numbers, head_beside_number
from ..profile import Profile, default_profile
from .articles import article_starts, read_article, read_item
from .blocks import joined, span
from .ids import article_ids, issue_id, part_id
from .items import ItemPlan, cut_blocks, locate_entries, on_page, plan_items, printed_ranges, title_cuts
from .masthead import COLOPHON, is_meta_line, read_meta
from .model import Article, Attachment, ForeignToc, Issue, IssueMeta, TocEntry, TocSection, Unplaced
from .titles import same_title, title_key
from .toc import IssueToc, document_toc, is_latin, is_toc_head, read_document_toc, read_foreign_toc, read_issue_toc

__all__ = ["Issue", "StructureError", "build_issue"]


class StructureError(SourceError):
    """A text in which no official document can be found (unparseable structure)."""

    def __init__(self, name: str, reason: str):
        super().__init__(name, reason, stage="structure")


def build_issue(doc: Document, profile: Profile | None = None) -> Issue:
    """The structure of a normalized document.

    Every content block ends up somewhere: in an article, the TOC, the
    masthead or colophon lines (``meta``), or, when none of them can hold
    it, as unplaced text where it stands (listed in the warnings). Only a
    source without any content is refused. An issue with a table of
    contents is split where its TOC's entries are printed (``items.py``);
    otherwise articles start at their document numbers.
    """
    profile = profile or default_profile()
    content = [b for b in doc.blocks if b.kind != "furniture"]
    if not content:
        raise StructureError(doc.name, "no text: every line is page furniture")
    starts = article_starts(content)
    issue_toc = _issue_toc(doc, content, starts, profile)
    if issue_toc is not None:
        return _issue_by_toc(doc, profile, content, starts, issue_toc)
    own_toc = None if starts else document_toc([b.text for b in content], [b.page for b in content])
    if own_toc is not None:  # a report's or a standard's TOC: out of its one article, into <toc>
        toc_blocks = content[own_toc[0] : own_toc[1]]
        content = content[: own_toc[0]] + content[own_toc[1] :]
    starts = starts or [0]
    front, colophon = content[: starts[0]], _colophon(content[starts[-1] :])
    toc_at = next((i for i, b in enumerate(front) if is_toc_head(b.text)), None)
    masthead = front if toc_at is None else front[:toc_at]
    toc = []
    toc_label: str | None = front[toc_at].text if toc_at is not None else None
    if toc_at is not None:
        toc = read_issue_toc(front, toc_at, profile.document_types).sections
    if own_toc is not None:
        toc, toc_label = read_document_toc([b.text for b in toc_blocks]), toc_blocks[0].text
    meta_lines = [b for b in masthead if is_meta_line(b.text)]
    meta = read_meta([b.text for b in meta_lines + colophon] + _running_heads(doc))
    ends = starts[1:] + [len(content) - len(colophon)]
    articles = [
        read_article(_without(span(doc.blocks, content[s], content[e - 1]), toc_blocks if own_toc else []),
                     profile.document_types)
        for s, e in zip(starts, ends)
        if e > s
    ]
    kind = doc.kind
    _name(articles, _issue_id(kind, meta, [], doc.sha256) if kind == "issue" else None)
    issue = Issue(kind, _issue_id(kind, meta, articles, doc.sha256), meta, toc, articles,
                  [replace(page) for page in doc.pages], masthead=[b.text for b in meta_lines],
                  colophon=[b.text for b in colophon], toc_label=toc_label,
                  unplaced=[Unplaced(0, b) for b in masthead if b not in meta_lines])
    if own_toc is None:  # an issue's TOC lists its articles
        issue.warnings += _link_toc(toc, articles)
        issue.warnings += _anchor_pages(issue.pages, toc, articles)
    return _finish(issue, doc)


#: The TOC of an issue is printed among its first blocks.
MAX_FRONT_BLOCKS = 120


def _issue_toc(doc: Document, content: list[Block], starts: list[int], profile: Profile) -> IssueToc | None:
    """The TOC of an issue, printed before its first article, that lists items
    printed after it; None for a single document or an issue without one."""
    front = min(starts[0] if starts else len(content), MAX_FRONT_BLOCKS)
    head = next((i for i, b in enumerate(content[:front]) if is_toc_head(b.text)), None)
    if doc.kind != "issue" or head is None:
        return None
    toc = read_issue_toc(content, head, profile.document_types)
    return toc if any(section.entries for section in toc.sections) else None


def _issue_by_toc(doc: Document, profile: Profile, content: list[Block], starts: list[int],
                  toc: IssueToc) -> Issue:
    """An issue split by its TOC (``items.py``): its masthead is what precedes
    the TOC, a TOC in another language may follow it, the items follow."""
    foreign_end = _foreign_run(content, toc.end)
    foreign = read_foreign_toc(content[toc.end : foreign_end], profile.document_types)
    body = foreign_end if foreign is not None else toc.end
    entries = [entry for section in toc.sections for entry in section.entries]
    pages = [replace(page) for page in doc.pages]
    located = locate_entries(entries, content, pages, body)
    all_blocks = doc.blocks
    if cuts := title_cuts(located):  # a title's line that reflow joined to the text beside it
        pieces = cut_blocks(content, cuts)
        content = [piece for block in content for piece in pieces.get(id(block), [block])]
        all_blocks = [piece for block in doc.blocks for piece in pieces.get(id(block), [block])]
        starts, located = article_starts(content), locate_entries(entries, content, pages, body)
    plans = plan_items(located, entries, content, starts, body)
    first = plans[0].start if plans else len(content)
    colophon = _colophon(content[plans[-1].start :]) if plans else []
    if plans:
        plans[-1].end -= len(colophon)
    read = [_read_planned(all_blocks, content, plan, profile) for plan in plans if plan.end > plan.start]
    articles = [article for article, _ in read]
    masthead = content[: toc.head]
    meta = read_meta(_lines(masthead + colophon) + _running_heads(doc))
    issue_key = issue_id(meta.publication, meta.year, meta.issue_number, None, doc.sha256)
    _name(articles, issue_key)
    issue = Issue("issue", issue_key, meta, toc.sections, articles, pages,
                  masthead=_lines(masthead), colophon=_lines(colophon),
                  toc_label=content[toc.head].text, foreign_toc=foreign, toc_notes=toc.notes,
                  unplaced=[Unplaced(0, b) for b in content[toc.end if foreign is None else foreign_end : first]])
    issue.warnings += _link_entries(entries, [plan for plan in plans if plan.end > plan.start], read)
    if foreign is not None:
        _link_foreign(foreign, entries)
    issue.warnings += _anchor_pages(issue.pages, toc.sections, articles)
    return _finish(issue, doc)


def _foreign_run(content: list[Block], start: int) -> int:
    """The end of the run of blocks in a Latin script (or printing only a
    page) from ``start`` on: a TOC in another language printed after the
    Chinese one."""
    end = start
    while end < len(content) and (is_latin(content[end].text) or title_key(content[end].text).isdigit()):
        end += 1
    return end


def _read_planned(all_blocks: list[Block], content: list[Block], plan: ItemPlan,
                  profile: Profile) -> tuple[Article, dict[int, Attachment]]:
    """The article of a planned item (``all_blocks``: the content and the
    furniture among it), and the attachment each of its parts (by TOC
    entry) became; its title and its parts' titles, each printed over one
    block or several, are read as one title each."""
    blocks = span(all_blocks, content[plan.start], content[plan.end - 1])
    spans = ([(plan.located.start, plan.located.end)] if plan.located else []) + [
        (part.located.start, part.located.end) for part in plan.parts]
    titles = {}
    for first, end in spans:
        titles[id(content[first])] = joined(content[first:end], "title")
        blocks = [block for block in blocks if not any(block is b for b in content[first + 1 : end])]
    blocks = [titles.get(id(block), block) for block in blocks]
    parts = [(titles[id(content[part.located.start])], content[part.head] if part.head is not None else None)
             for part in plan.parts]
    article, attachments = read_item(blocks, parts, profile.document_types)
    return article, {part.located.entry: attachment for part, attachment in zip(plan.parts, attachments)}


def _finish(issue: Issue, doc: Document) -> Issue:
    issue.warnings += _missing_parts(issue)
    issue.warnings += [str(notice) for notice in doc.notices] + _raw_tables(doc)
    return issue


def _name(articles: list[Article], issue: str | None) -> None:
    """Give each article its id, and in an issue each attachment of an article its own."""
    for article, article_id in zip(articles, article_ids([a.cited_number for a in articles], issue)):
        article.id = article_id
        if issue is not None:
            for position, attachment in enumerate(article.attachments, start=1):
                attachment.id = part_id(article_id, position)


def _without(blocks: list[Block], taken: list[Block]) -> list[Block]:
    """The blocks but those ``taken`` elsewhere (by identity)."""
    ids = {id(block) for block in taken}
    return [block for block in blocks if id(block) not in ids]


def _issue_id(kind: str, meta: IssueMeta, articles: list[Article], sha256: str) -> str:
    """The issue's id; a standalone document's is its number, or else its
    issuer, date and title."""
    if kind == "issue" or not articles:
        return issue_id(meta.publication if kind == "issue" else None, meta.year, meta.issue_number, None, sha256)
    first = articles[0]
    signature = first.signatures[0] if first.signatures else None
    return issue_id(None, None, None, first.cited_number, sha256,
                    issuer=signature.issuers[0].name if signature and signature.issuers else None,
                    date=signature.date.iso if signature and signature.date else None,
                    title=first.title.text if first.title else None)


#: A colophon may hold this many lines that show none of its words (codes misread by OCR).
MAX_COLOPHON_GAP = 2
#: A colophon line is at most this long; a block of several (lines a PDF's
#: reflow joined) holds no sentence.
MAX_COLOPHON_LINE = 40
_SENTENCE = regex.compile("[。，；]")


def _colophon(blocks: list[Block]) -> list[Block]:
    """Trailing colophon blocks of an issue (publication, issue, publisher,
    CN, ISSN, price…): at least two whose lines are short and show what a
    colophon prints, with at most ``MAX_COLOPHON_GAP`` others in a row among
    them; a table is none (a form's ``通讯地址及邮编``)."""
    first, found, gap = len(blocks), 0, 0
    for index in range(len(blocks) - 1, -1, -1):
        lines = _lines(blocks[index : index + 1])
        if blocks[index].kind == "table":
            break
        if len(blocks[index].text) > MAX_COLOPHON_LINE and (
                _SENTENCE.search(blocks[index].text) or max(len(line) for line in lines) > MAX_COLOPHON_LINE):
            break
        if any(COLOPHON.search(line) for line in lines):
            first, found, gap = index, found + len(lines), 0
        elif (gap := gap + 1) > MAX_COLOPHON_GAP:
            break
    return blocks[first:] if found >= 2 else []


def _lines(blocks: list[Block]) -> list[str]:
    """The printed lines of blocks (a block's segments: reflow may have joined a masthead's lines)."""
    return [segment.text for block in blocks for segment in block.segments]


def _running_heads(doc: Document) -> list[str]:
    """The running heads of the document, printed alone or beside a page number."""
    heads = [b.text if b.furniture == rules.RUNNING_HEAD.name else head_beside_number(b.text) or ""
             for b in doc.blocks if b.kind == "furniture"
             and b.furniture in (rules.RUNNING_HEAD.name, rules.HEAD_WITH_PAGE_NUMBER.name)]
    return [remove_spurious_spaces(fold_width(head)) for head in heads]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _link_toc(toc: list[TocSection], articles: list[Article]) -> list[str]:
    """Point each TOC entry at its article by number or title (an issue whose
    articles were found by their numbers); report what does not match."""
    warnings = []
    linked: set[str] = set()
    for entry in (entry for section in toc for entry in section.entries):
        article = _find_article(entry, articles)
        if article is None:
            warnings.append(f"TOC entry without article: {entry.title} ({entry.doc_number}) p.{entry.page}")
            continue
        entry.ref = article.id
        linked.add(article.id)
    return warnings + _not_listed(articles, linked) if toc else warnings


def _find_article(entry: TocEntry, articles: list[Article]) -> Article | None:
    if entry.doc_number:
        found = next((a for a in articles if a.doc_number == entry.doc_number), None)
        if found:
            return found
    return next((a for a in articles if a.title and same_title(a.title.text, entry.title)), None)


def _not_listed(articles: list[Article], linked: set[str]) -> list[str]:
    return [f"article not in the TOC: {a.title.text if a.title else a.id}" for a in articles if a.id not in linked]


def _link_entries(entries: list[TocEntry], plans: list[ItemPlan],
                  read: list[tuple[Article, dict[int, Attachment]]]) -> list[str]:
    """Point each TOC entry at the item (or the part of an item) its title
    opens; an entry whose title was not found may still name an item's
    number. Entries without an item and items without an entry are reported."""
    refs: dict[int, str | None] = {}
    for plan, (article, parts) in zip(plans, read):
        if plan.located is not None:
            refs[plan.located.entry] = article.id
        refs.update((entry, attachment.id) for entry, attachment in parts.items())
    articles = [article for article, _ in read]
    warnings = []
    for number, entry in enumerate(entries):
        found = _find_article(entry, articles) if number not in refs and entry.doc_number else None
        entry.ref = refs.get(number) or (found.id if found else None)
        if entry.ref is None:
            warnings.append(f"TOC entry without article: {entry.title} ({entry.doc_number}) p.{entry.page}")
    return warnings + _not_listed(articles, {entry.ref for entry in entries if entry.ref})


def _link_foreign(foreign: ForeignToc, entries: list[TocEntry]) -> None:
    """The entries of a translated TOC list the same items in the same order:
    each points where the Chinese entry of its page and place points (two
    TOCs whose pages disagree are aligned on the pages they share)."""
    theirs = [entry for section in foreign.sections for entry in section.entries]
    mine, at = entries, 0
    for entry in theirs:
        while at < len(mine) and entry.page is not None and (mine[at].page or 0) < entry.page:
            at += 1
        if at < len(mine) and mine[at].page == entry.page:
            entry.ref = mine[at].ref
            at += 1


def _anchor_pages(pages: list[Page], toc: list[TocSection], articles: list[Article]) -> list[str]:
    """Use the TOC's page numbers as anchors for pages the text layer did not
    number; report a TOC page the printed pages cannot hold."""
    starts = {article.id: article.page_seqs[0] for article in articles}
    starts.update((attachment.id, attachment.title.page) for article in articles
                  for attachment in article.attachments if attachment.id and attachment.title)
    ranges = printed_ranges(pages)
    anchors = []
    warnings = []
    for entry in (e for s in toc for e in s.entries):
        if entry.ref not in starts or not entry.page:
            continue
        seq = starts[entry.ref]
        if not on_page(entry.page, ranges[seq]):
            printed = pages[seq - 1].printed
            warnings.append(f"TOC gives page {entry.page} for {entry.ref}, the text layer prints {printed}")
        anchors.append((seq, entry.page))
    fill_page_numbers(pages, anchors)
    return warnings


def _raw_tables(doc: Document) -> list[str]:
    """Tables kept as raw lines, for review (``table[@raw]`` in the XML)."""
    return [
        f"table at line {block.line} (page {block.page}) kept as raw lines: {block.table.reason}"
        for block in doc.blocks
        if block.table is not None and block.table.raw
    ]


def _missing_parts(issue: Issue) -> list[str]:
    """What the run report warns of: text left unplaced, and the parts an
    issue or an article lacks; a signature is one printed (a budget's
    compiler, read from its ``编制部门：…`` line, signs nothing)."""
    warnings = [f"unplaced text (page {item.block.page}), kept as <unplaced>: {item.block.text[:30]}"
                for item in issue.unplaced]
    if issue.kind == "issue":
        meta: IssueMeta = issue.meta
        missing = [name for name, value in (("publication", meta.publication), ("year", meta.year),
                                            ("issue number", meta.issue_number)) if value is None]
        if missing:
            warnings.append(f"issue metadata not found: {', '.join(missing)}")
    for article in issue.articles:
        label = article.title.text[:40] if article.title else article.id
        missing = [name for name, value in (
            ("title", article.title), ("document number", article.doc_number or issue.kind == "issue"),
            ("signature", article.signatures and any(issuer.derived_from != "compiler"
                                                     for issuer in article.signatures[0].issuers)),
            ("date", article.signatures and article.signatures[0].date),
        ) if not value]
        if missing:
            warnings.append(f"{label}: not found: {', '.join(missing)}")
    return warnings
