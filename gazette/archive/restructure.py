"""Corrections of where items start and what the TOC points to.

Three corrections change the structure rather than a field's text, each
keeping every character the XML held:

* ``split`` (article ``A``, before: the start of the body part where the
  next item starts, after: the new item's id): that part (a paragraph, or a
  section's heading, with its printed number) becomes the new item's title,
  what follows it in ``A``'s body its body, and what stood after ``A``'s
  body (signature, attachments, cc…) goes with it;
* ``merge`` (article ``A``, before: the id of the item right after it,
  after: ``A``): that item's head (title, number, addressee…) becomes
  paragraphs of ``A``'s body, its body and its end join ``A``'s, and the TOC
  entries that pointed to it point to ``A``;
* ``tocRef`` (article: the TOC entry's title, before and after: the id it
  points to, "" for none): the entry points to another item or part.

Each returns ``applied``, ``done`` (the XML already is so) or ``stale`` (it
no longer finds what it corrects; nothing is changed).

>>> from gazette.render import render
>>> from gazette.normalize import read_source
>>> root = etree.fromstring(render(read_source("samples/001_1ef70020bcf50eb9.txt")).xml)
>>> split(root, "浙政办发-2018-109", "对推进“最多跑一次”改革", "浙政办发-2018-109-2")
'applied'
>>> [a.get("id") for a in root.iterfind("g:article", _NS)][2:4]
['浙政办发-2018-109', '浙政办发-2018-109-2']
>>> merge(root, "浙政办发-2018-109", "浙政办发-2018-109-2"), len(root.findall("g:article", _NS))
('applied', 6)
"""

from __future__ import annotations

from lxml import etree

from gazette.schemas import NAMESPACE

_NS = {"g": NAMESPACE}
_G = f"{{{NAMESPACE}}}"
#: An article's children before its body (its head) and after it (its end), in schema order.
HEAD = ("issuerMark", "registerCode", "title", "docNumber", "dateline", "addressee")
END = ("attachmentNote", "signature", "note", "attachment", "cc", "printInfo")
ORDER = (*HEAD, "body", *END)
#: Body parts that can open an item (their text, or their heading's, becomes its title).
_OPENERS = ("p", "heading", "section")


def split(root: etree._Element, article: str, start: str, new_id: str) -> str:
    """Split ``article`` where a top-level body part starting with ``start`` stands."""
    if _find(root, new_id) is not None:
        return "done"
    found = _find(root, article)
    body = found.find("g:body", _NS) if found is not None else None
    parts = list(body) if body is not None else []
    at = next((i for i, part in enumerate(parts) if i > 0 and _text(part).startswith(start)
               and etree.QName(part).localname in _OPENERS), None)
    if found is None or body is None or at is None:
        return "stale"
    item = etree.Element(f"{_G}article", id=new_id)
    opener = parts[at]
    heading = opener.find("g:heading", _NS) if etree.QName(opener).localname == "section" else None
    heading = opener if heading is None else heading
    etree.SubElement(item, f"{_G}title").text = (heading.get("num") or "") + _text(heading)
    new_body = etree.SubElement(item, f"{_G}body")
    body.remove(opener)
    inside = [c for c in opener if c is not heading] if heading is not opener else []  # a section's parts
    for part in inside + parts[at + 1:]:
        new_body.append(part)
    for child in [c for c in found if etree.QName(c).localname in END]:
        item.append(child)
    found.addnext(item)
    return "applied"


def merge(root: etree._Element, article: str, following: str) -> str:
    """Merge the item ``following`` (right after ``article``) into ``article``."""
    found, other = _find(root, article), _find(root, following)
    if found is not None and other is None:
        return "done"
    if found is None or other is None or found.getnext() is not other:
        return "stale"
    body = found.find("g:body", _NS)
    for child in [c for c in other if etree.QName(c).localname in HEAD]:
        paragraph = etree.SubElement(body, f"{_G}p")
        paragraph.text = _text(child)
    other_body = other.find("g:body", _NS)
    for part in list(other_body) if other_body is not None else []:
        body.append(part)
    for child in [c for c in other if etree.QName(c).localname in END]:
        found.append(child)
    found[:] = sorted(found, key=lambda c: ORDER.index(etree.QName(c).localname))
    root.remove(other)
    for entry in root.iterfind(".//g:toc//g:entry", _NS):
        if entry.get("ref") == following:
            entry.set("ref", article)
    return "applied"


def toc_ref(root: etree._Element, title: str, before: str, after: str) -> str:
    """Point the TOC entry titled ``title`` at ``after`` (an article or part id; "" for none)."""
    entries = [e for e in root.iterfind(".//g:toc//g:entry", _NS) if _text(e.find("g:title", _NS)) == title]
    if not entries:
        return "stale"
    entry = entries[0]
    now = entry.get("ref") or ""
    if now == after:
        return "done"
    if now != before or (after and not _target(root, after)):
        return "stale"
    if after:
        entry.set("ref", after)
    else:
        del entry.attrib["ref"]
    return "applied"


def toc_ref_of(root: etree._Element, title: str) -> str:
    """Where the TOC entry titled ``title`` points ("" for nowhere)."""
    for entry in root.iterfind(".//g:toc//g:entry", _NS):
        if _text(entry.find("g:title", _NS)) == title:
            return entry.get("ref") or ""
    return ""


def _target(root: etree._Element, ident: str) -> bool:
    return any(e.get("id") == ident for e in root.iterfind("g:article", _NS)) or any(
        e.get("id") == ident for e in root.iterfind("g:article/g:attachment", _NS))


def _find(root: etree._Element, ident: str) -> etree._Element | None:
    return next((a for a in root.iterfind("g:article", _NS) if a.get("id") == ident), None)


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""
