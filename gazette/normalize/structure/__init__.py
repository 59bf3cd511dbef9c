"""Structure: split a normalized source into issue metadata, TOC and articles.

Reads: a ``Document`` (blocks in reading order, pages), which it does not
change. Writes: an ``Issue`` whose warnings list what could not be found
(nothing is invented), with its own copy of the pages, numbered by the TOC
where the text layer printed no number.
"""

from __future__ import annotations

from dataclasses import replace

from .. import rules
from ..chars import fold_width, remove_spurious_spaces
from ..model import Block, Document, Page, SourceError
from ..pages import fill_page_numbers
from ..profile import Profile, default_profile
from .articles import article_starts, read_article
from .blocks import span
from .ids import article_ids, issue_id
from .masthead import COLOPHON, is_meta_line, read_meta
from .model import Article, Issue, IssueMeta, TocSection, Unplaced
from .toc import document_toc, is_toc_head, read_document_toc, read_toc

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
    source without any content is refused.
    """
    profile = profile or default_profile()
    content = [b for b in doc.blocks if b.kind != "furniture"]
    if not content:
        raise StructureError(doc.name, "no text: every line is page furniture")
    starts = article_starts(content)
    own_toc = None if starts else document_toc([b.text for b in content], [b.page for b in content])
    if own_toc is not None:  # a report's or a standard's TOC: out of its one article, into <toc>
        toc_blocks = content[own_toc[0] : own_toc[1]]
        content = content[: own_toc[0]] + content[own_toc[1] :]
    starts = starts or [0]
    front, colophon = content[: starts[0]], _colophon(content[starts[-1] :])
    toc_at = next((i for i, b in enumerate(front) if is_toc_head(b.text)), None)
    masthead = front if toc_at is None else front[:toc_at]
    toc = read_toc([b.text for b in front[toc_at:]]) if toc_at is not None else []
    toc_label: str | None = front[toc_at].text if toc_at is not None else None
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
    for article, article_id in zip(articles, article_ids([a.cited_number for a in articles])):
        article.id = article_id
    kind = doc.kind
    issue = Issue(kind, _issue_id(kind, meta, articles, doc.sha256), meta, toc, articles,
                  [replace(page) for page in doc.pages], masthead=[b.text for b in meta_lines],
                  colophon=[b.text for b in colophon], toc_label=toc_label,
                  unplaced=[Unplaced(0, b) for b in masthead if b not in meta_lines])
    if own_toc is None:  # an issue's TOC lists its articles
        issue.warnings += _link_toc(toc, articles)
        issue.warnings += _anchor_pages(issue.pages, toc, articles)
    issue.warnings += _missing_parts(issue)
    issue.warnings += doc.warnings + _raw_tables(doc)
    return issue


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


def _colophon(blocks: list[Block]) -> list[Block]:
    """Trailing colophon lines of an issue (publication, issue, publisher, CN…)."""
    count = 0
    while count < len(blocks) and COLOPHON.search(blocks[-1 - count].text) and len(blocks[-1 - count].text) <= 40:
        count += 1
    return blocks[len(blocks) - count :] if count >= 2 else []


def _running_heads(doc: Document) -> list[str]:
    return [
        remove_spurious_spaces(fold_width(b.text))
        for b in doc.blocks
        if b.kind == "furniture" and b.furniture == rules.RUNNING_HEAD.name
    ]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _link_toc(toc: list[TocSection], articles: list[Article]) -> list[str]:
    """Point each TOC entry at its article; report what does not match."""
    warnings = []
    linked: set[str] = set()
    for section in toc:
        for entry in section.entries:
            article = _find_article(entry.doc_number, entry.title, articles)
            if article is None:
                warnings.append(f"TOC entry without article: {entry.title} ({entry.doc_number}) p.{entry.page}")
                continue
            entry.ref = article.id
            linked.add(article.id)
    if toc:
        warnings += [
            f"article not in the TOC: {a.title.text if a.title else a.id}" for a in articles if a.id not in linked
        ]
    return warnings


def _find_article(number: str | None, title: str, articles: list[Article]) -> Article | None:
    if number:
        found = next((a for a in articles if a.doc_number == number), None)
        if found:
            return found
    wanted = _squeeze(title)
    return next((a for a in articles if a.title and _squeeze(a.title.text) == wanted), None)


def _anchor_pages(pages: list[Page], toc: list[TocSection], articles: list[Article]) -> list[str]:
    """Use the TOC's page numbers as anchors for pages the text layer did not number."""
    by_id = {a.id: a for a in articles}
    anchors = []
    warnings = []
    for entry in (e for s in toc for e in s.entries):
        if entry.ref is None or not entry.page:
            continue
        seq = by_id[entry.ref].page_seqs[0]
        printed = pages[seq - 1].printed
        if printed is not None and printed != entry.page:
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
            ("title", article.title), ("document number", article.doc_number),
            ("signature", article.signatures and article.signatures[0].issuers),
            ("date", article.signatures and article.signatures[0].date),
        ) if not value]
        if missing:
            warnings.append(f"{label}: not found: {', '.join(missing)}")
    return warnings
