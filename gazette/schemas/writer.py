"""Writing a normalized ``Document`` as XML of the archive contract.

Reads: a ``Document``. Writes: an lxml tree that ``validate`` accepts, or
raises ``InvalidXML`` naming what is wrong; nothing invalid is ever
serialized for the archive.

>>> from gazette.normalize import normalize, source_from_bytes
>>> doc = normalize(source_from_bytes("到 ２０２５ 年，<市>&区。".encode(), "x.txt"))
>>> xml = to_xml_bytes(doc, code_version="0.1.0").decode()
>>> "<p>到2025年，&lt;市&gt;&amp;区。</p>" in xml
True
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from lxml import etree

from gazette.normalize.model import Block, Document, Page

NAMESPACE = "urn:gazette-archive:1"
SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).with_name("gazette.xsd")
_NS = f"{{{NAMESPACE}}}"


class InvalidXML(ValueError):
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


def document_id(doc: Document) -> str:
    """A stable id: the same source bytes always get the same id.

    >>> from gazette.normalize.model import Document
    >>> document_id(Document("a.txt", "ab" * 32, "utf-8", "text", [], [], [], kind="issue"))
    'issue-abababababababab'
    """
    return f"{doc.kind}-{doc.sha256[:16]}"


def build_tree(doc: Document, code_version: str, keep_furniture: bool = False) -> etree._Element:
    """The XML tree of a document (validated)."""
    root = etree.Element(_NS + ("gazette" if doc.kind == "issue" else "document"), nsmap={None: NAMESPACE})
    root.set("schemaVersion", SCHEMA_VERSION)
    root.set("id", document_id(doc))
    meta = etree.SubElement(root, _NS + "meta")
    etree.SubElement(
        meta,
        _NS + "source",
        name=doc.name,
        sha256=doc.sha256,
        format=doc.source_format,
        encoding=doc.encoding,
        script=doc.script,
        codeVersion=code_version,
    )
    article = etree.SubElement(root, _NS + "article", id="a1")
    _write_body(etree.SubElement(article, _NS + "body"), doc, keep_furniture)
    _write_repairs(etree.SubElement(root, _NS + "repairs"), doc)
    validate(root, doc.name)
    return root


def to_xml_bytes(doc: Document, code_version: str, keep_furniture: bool = False) -> bytes:
    """Serialized, validated XML of a document (UTF-8, with declaration)."""
    root = build_tree(doc, code_version, keep_furniture)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_body(body: etree._Element, doc: Document, keep_furniture: bool) -> None:
    pages = {page.seq: page for page in doc.pages}
    current = 0
    for block in doc.blocks:
        if block.kind == "furniture":
            if keep_furniture:
                fw = etree.SubElement(body, _NS + "fw", type=block.furniture or "furniture")
                fw.text = block.text
            continue
        if block.page != current:
            _pb(body, pages, block.page)
            current = block.page
        current = _write_paragraph(body, block, pages, current)


def _write_paragraph(body: etree._Element, block: Block, pages: dict[int, Page], current: int) -> int:
    """Write one block as ``p``; return the page it ends on."""
    p = etree.SubElement(body, _NS + "p")
    if block.kind != "paragraph":
        p.set("role", block.kind)
    p.text = block.segments[0].text
    tail_holder: etree._Element | None = None
    for joiner, segment in zip(block.joiners, block.segments[1:]):
        if segment.page != current:
            _append_text(p, tail_holder, joiner)
            tail_holder = _pb(p, pages, segment.page)
            current = segment.page
            tail_holder.tail = segment.text
        else:
            _append_text(p, tail_holder, joiner + segment.text)
    return current


def _append_text(p: etree._Element, last_child: etree._Element | None, text: str) -> None:
    if last_child is None:
        p.text = (p.text or "") + text
    else:
        last_child.tail = (last_child.tail or "") + text


def _pb(parent: etree._Element, pages: dict[int, Page], seq: int) -> etree._Element:
    pb = etree.SubElement(parent, _NS + "pb", seq=str(seq))
    page = pages.get(seq)
    if page is not None and page.printed:
        pb.set("n", str(page.printed))
        if not page.printed_certain:
            pb.set("certain", "false")
    return pb


def _write_repairs(element: etree._Element, doc: Document) -> None:
    counts = Counter(repair.rule for repair in doc.repairs)
    guesses = Counter(repair.rule for repair in doc.repairs if not repair.certain)
    for rule in sorted(counts):
        item = etree.SubElement(element, _NS + "repair", rule=rule, count=str(counts[rule]))
        if guesses[rule]:
            item.set("uncertain", str(guesses[rule]))
