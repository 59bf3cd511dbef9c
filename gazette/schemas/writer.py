"""Writing a structured source as XML of the archive contract.

Reads: a ``Document`` and its ``Issue`` (both given by the caller, neither
changed). Writes: an lxml tree that
``validate`` accepts, or raises ``InvalidXML`` naming what is wrong; nothing
invalid is ever serialized for the archive.

A ``pb`` milestone is written wherever a printed page begins: inside the
title, heading or paragraph whose text crosses onto the new page.

>>> from gazette.normalize import normalize, source_from_bytes
>>> from gazette.normalize.structure import build_issue
>>> text = chr(10).join(["某市人民政府关于加强安全工作的通知", "某政发〔2023〕1号", "各区人民政府：",
...                        "到 ２０２５ 年，<市>&区。"])
>>> doc = normalize(source_from_bytes(text.encode(), "x.txt"))
>>> xml = to_xml_bytes(doc, build_issue(doc), code_version="0.1.0").decode()
>>> "<docNumber>某政发〔2023〕1号</docNumber>" in xml, "<p>到2025年，&lt;市&gt;&amp;区。</p>" in xml
(True, True)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from gazette.normalize.model import Block, Document, Page
from gazette.normalize.structure.model import (
    Article,
    Attachment,
    Box,
    Dateline,
    DateValue,
    ForeignToc,
    Issue,
    Paragraph,
    Section,
    Signature,
    TocSection,
)
from gazette.normalize.tables import Table

NAMESPACE = "urn:gazette-archive:1"
SCHEMA_VERSION = "1.8"
SCHEMA_PATH = Path(__file__).with_name("gazette.xsd")
_NS = f"{{{NAMESPACE}}}"
#: ``xml:lang`` (the XML namespace's own attribute).
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class InvalidXML(ValueError):  # noqa: N818 - a public name since schema 1.0
    """The XML built for a source does not validate against the schema."""


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The compiled XSD of the contract."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def validate(tree: etree._ElementTree | etree._Element, name: str = "XML") -> None:
    """Raise ``InvalidXML`` with the schema's first complaints if invalid."""
    if not schema().validate(tree):
        errors = "; ".join(f"line {e.line}: {e.message}" for e in list(schema().error_log)[:3])
        raise InvalidXML(f"{name}: does not validate against gazette.xsd: {errors}")


def to_xml_bytes(doc: Document, issue: Issue, code_version: str, keep_furniture: bool = False) -> bytes:
    """Serialized, validated XML of a document and its structure (UTF-8, with declaration)."""
    root = build_tree(doc, issue, code_version, keep_furniture)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build_tree(doc: Document, issue: Issue, code_version: str, keep_furniture: bool = False) -> etree._Element:
    """The validated XML tree of a document and its structure (``build_issue``)."""
    root = etree.Element(_NS + ("gazette" if issue.kind == "issue" else "document"), nsmap={None: NAMESPACE})
    root.set("schemaVersion", SCHEMA_VERSION)
    root.set("id", issue.id)
    _write_meta(_sub(root, "meta"), doc, issue, code_version)
    if issue.toc:
        _write_toc(_sub(root, "toc", label=issue.toc_label), issue.toc, notes=issue.toc_notes)
    if issue.foreign_toc is not None:
        _write_foreign_toc(root, issue.foreign_toc)
    writer = _TextWriter({page.seq: page for page in issue.pages}, keep_furniture)
    for index, article in enumerate(issue.articles):
        _write_unplaced(root, issue, index, writer)
        _write_article(_sub(root, "article"), article, issue.pages, writer)
    _write_unplaced(root, issue, len(issue.articles), writer)
    _write_repairs(_sub(root, "repairs"), doc)
    validate(root, doc.name)
    return root


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str | None) -> etree._Element:
    element = etree.SubElement(parent, _NS + tag, {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _write_meta(meta: etree._Element, doc: Document, issue: Issue, code_version: str) -> None:
    m = issue.meta
    for name, value in (("publication", m.publication), ("publisher", m.publisher), ("year", m.year),
                        ("issueNumber", m.issue_number), ("cumulativeNumber", m.cumulative_number)):
        if value is not None:
            _sub(meta, name, str(value))
    if m.published:
        _date(meta, "published", m.published)
    if m.serial_cn:
        _sub(meta, "serial", cn=m.serial_cn)
    if m.printer:
        _sub(meta, "printer", m.printer)
    if m.url:
        _sub(meta, "url", m.url)
    for name, lines in (("masthead", issue.masthead), ("colophon", issue.colophon)):
        if lines:
            holder = _sub(meta, name)
            for line in lines:
                _sub(holder, "line", line)
    for notice in doc.notices:
        _sub(meta, "problem", notice.message, page=str(notice.page) if notice.page else None, kind=notice.kind)
    for read in doc.ocr:
        _sub(meta, "ocr", page=str(read.page), engine=read.engine, dpi=str(read.dpi),
             confidence=f"{read.confidence:.3f}", doubtful=str(len(read.doubtful)) if read.doubtful else None)
    for name, value in doc.meta.items():
        _sub(meta, "property", value, name=name)
    for seal in doc.seals:
        _sub(meta, "seal", kind=seal.kind, signer=seal.signer or None, time=seal.time or None,
             page=str(seal.page) if seal.page else None, method=seal.method or None)
    _sub(meta, "source", name=doc.name, sha256=doc.sha256, format=doc.source_format,
         encoding=doc.encoding, script=doc.script, codeVersion=code_version)


def _write_unplaced(root: etree._Element, issue: Issue, before: int, writer: _TextWriter) -> None:
    """The unplaced text that stands before article ``before``."""
    for item in issue.unplaced:
        if item.before != before:
            continue
        element = _sub(root, "unplaced", page=str(item.block.page))
        if item.block.table is not None:
            writer.table(element, item.block, item.block.table)
        else:
            writer.text(element, item.block)


def _date(parent: etree._Element, name: str, date: DateValue) -> None:
    _sub(parent, name, date.text, iso=date.iso)


def _write_toc(toc: etree._Element, sections: list[TocSection], notes: list[str]) -> None:
    for section in sections:
        element = _sub(toc, "section", title=section.title, label=section.label or None)
        for entry in section.entries:
            item = _sub(element, "entry", page=str(entry.page) if entry.page else None, ref=entry.ref,
                        label=entry.label or None, level=str(entry.level) if entry.level > 1 else None)
            _sub(item, "title", entry.title)
            if entry.doc_number:
                _sub(item, "docNumber", entry.doc_number)
            if entry.issuer:
                _sub(item, "issuer", entry.issuer)
    for note in notes:
        _sub(toc, "note", note)


def _write_foreign_toc(root: etree._Element, foreign: ForeignToc) -> None:
    """A TOC in another language: ``toc[@xml:lang]``, the lines above its
    entries first (a translated masthead), its notes last."""
    toc = _sub(root, "toc", label=foreign.label)
    toc.set(XML_LANG, foreign.lang)
    for line in foreign.lines:
        _sub(toc, "line", line)
    _write_toc(toc, foreign.sections, foreign.notes)


def _write_article(element: etree._Element, article: Article, pages: list[Page], writer: _TextWriter) -> None:
    element.set("id", article.id)
    if article.type:
        element.set("type", article.type)
    first, last = (pages[seq - 1].printed for seq in article.page_seqs)
    if first and last:
        element.set("pages", f"{first}-{last}" if last != first else str(first))
    if article.issuer_mark:
        _sub(element, "issuerMark", article.issuer_mark)
    for code in article.registers:
        _sub(element, "registerCode", code)
    if article.title:
        writer.text(_sub(element, "title"), article.title)
    if article.doc_number:
        _sub(element, "docNumber", article.doc_number, label=article.doc_number_label or None)
    if article.dateline:
        _write_dateline(element, article.dateline)
    if article.addressee:
        _sub(element, "addressee", article.addressee, label=article.addressee_label or None)
    writer.body(_sub(element, "body"), article.body)
    for note in article.attachment_notes:
        _sub(element, "attachmentNote", note)
    for signature in article.signatures:
        _write_signature(element, signature)
    for note in article.notes:
        _sub(element, "note", note)
    for attachment in article.attachments:
        _write_attachment(_sub(element, "attachment", id=attachment.id, num=attachment.num, label=attachment.label),
                          attachment, writer)
    if article.cc:
        _sub(element, "cc", article.cc, label=article.cc_label)
    if article.print_info:
        info = _sub(element, "printInfo", label=article.print_info.label)
        if article.print_info.printer:
            _sub(info, "printer", article.print_info.printer)
        if article.print_info.date:
            _date(info, "date", article.print_info.date)


def _write_signature(parent: etree._Element, signature: Signature) -> None:
    element = _sub(parent, "signature", label=signature.label)
    for issuer in signature.issuers:
        _sub(element, "issuer", issuer.name, note=issuer.note, **{"from": issuer.derived_from})
    if signature.signer:
        _sub(element, "signer", signature.signer)
    if signature.date:
        _date(element, "date", signature.date)


def _write_dateline(parent: etree._Element, dateline: Dateline) -> None:
    element = _sub(parent, "dateline", label=dateline.label)
    for issuer in dateline.issuers:
        _sub(element, "issuer", issuer.name, note=issuer.note)
    if dateline.date:
        _date(element, "date", dateline.date)


def _write_attachment(element: etree._Element, attachment: Attachment, writer: _TextWriter) -> None:
    if attachment.title:
        writer.text(_sub(element, "title"), attachment.title)
    if attachment.dateline:
        _write_dateline(element, attachment.dateline)
    writer.body(_sub(element, "body"), attachment.body)
    for signature in attachment.signatures:
        _write_signature(element, signature)


@dataclass
class _TextWriter:
    """Writes text blocks and body trees, placing ``pb`` where pages begin."""

    pages: dict[int, Page]
    keep_furniture: bool
    current: int = 0

    def body(self, parent: etree._Element, nodes: list) -> None:
        for node in nodes:
            if isinstance(node, Section):
                section = _sub(parent, "section", level=str(node.level), num=node.num)
                if node.heading:
                    self.text(_sub(section, "heading", runIn="true" if node.run_in else None), node.heading)
                self.body(section, node.children)
            elif isinstance(node, Box):
                box = _sub(parent, "box", num=node.num, label=node.label)
                _sub(box, "title", node.title)
                self.body(box, node.children)
            elif isinstance(node, Paragraph):
                self.paragraph(parent, node)

    def paragraph(self, parent: etree._Element, node: Paragraph) -> None:
        block = node.block
        if block.table is not None:
            self.table(parent, block, block.table)
            return
        if block.kind == "furniture":
            if self.keep_furniture:
                _sub(parent, "fw", block.text, type=block.furniture or "furniture")
            return
        p = _sub(parent, "p", num=node.num, role=None if block.kind == "paragraph" else block.kind)
        self.text(p, block)

    def table(self, parent: etree._Element, block: Block, table: Table) -> None:
        """``table`` with ``title``, ``row[@header]``, ``cell[@rowspan|@colspan]``, ``note``.

        A page beginning inside the table puts its ``pb`` before the table;
        a table that could not be rebuilt says so (``raw="true"``).
        """
        if block.page != self.current:
            self._pb(parent, block.page)
        element = _sub(parent, "table", raw="true" if table.raw else None)
        if table.title:
            _sub(element, "title", table.title)
        for row in table.rows:
            row_element = _sub(element, "row", header="true" if row.header else None)
            for cell in row.cells:
                _sub(row_element, "cell", cell.text,
                     rowspan=str(cell.rowspan) if cell.rowspan > 1 else None,
                     colspan=str(cell.colspan) if cell.colspan > 1 else None)
        for note in table.notes:
            _sub(element, "note", note)
        self.current = block.segments[-1].page

    def text(self, element: etree._Element, block: Block) -> None:
        """Fill ``element`` with the block's text and its page milestones."""
        last: etree._Element | None = None
        for index, segment in enumerate(block.segments):
            joiner = block.joiners[index - 1] if index else ""
            if segment.page != self.current:
                _append(element, last, joiner)
                last = self._pb(element, segment.page)
                _append(element, last, segment.text)
            else:
                _append(element, last, joiner + segment.text)

    def _pb(self, parent: etree._Element, seq: int) -> etree._Element:
        self.current = seq
        page = self.pages.get(seq)
        pb = _sub(parent, "pb", seq=str(seq))
        if page is not None and page.printed:
            pb.set("n", str(page.printed))
            if not page.printed_certain:
                pb.set("certain", "false")
        return pb


def _append(element: etree._Element, last_child: etree._Element | None, text: str) -> None:
    if last_child is None:
        element.text = (element.text or "") + text
    else:
        last_child.tail = (last_child.tail or "") + text


def _write_repairs(element: etree._Element, doc: Document) -> None:
    counts = Counter(repair.rule for repair in doc.repairs)
    guesses = Counter(repair.rule for repair in doc.repairs if not repair.certain)
    for rule in sorted(counts):
        item = _sub(element, "repair", rule=rule, count=str(counts[rule]))
        if guesses[rule]:
            item.set("uncertain", str(guesses[rule]))
