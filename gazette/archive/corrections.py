"""Corrections an archivist makes to what the machine read, kept and reapplied.

A correction names an article, a field and the value before and after it,
who made it and when. Fields: ``docNumber``, ``title``, ``addressee``,
``issuers`` (``、`` between names), ``date`` (ISO), ``type``; ``reviewed``
(the package was looked at; before and after are "no"/"yes"); and the
corrections of structure (``restructure.py``): ``split`` and ``merge`` (where
an item starts), ``tocRef`` (what a TOC entry points to).
Values are checked before anything is written (``checked``): a date is a
real date, a number has the shape of a 文号 unless the archivist confirms it.

Corrections are applied to the XML (``apply``), written into it as
``meta/correction`` and kept beside it as ``data/corrections.jsonl`` in a new
package version (``gazette.archive.revise``): the machine's package is never
changed. A correction applies when the field still holds its ``before``
value; one whose field the machine now reads as its ``after`` value is
already done; any other no longer applies and is reported.

>>> from gazette.render import render
>>> from gazette.normalize import read_source
>>> root = etree.fromstring(render(read_source("samples/004_c58432d889cd2317.txt")).xml)
>>> fix = Correction("绍政发-2022-26", "date", "2022-12-30", "2022-12-31", "archivist", "2026-12-05T10:00:00")
>>> apply(root, fix)
'applied'
>>> value(root, "绍政发-2022-26", "date")
'2022-12-31'
"""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import regex
from lxml import etree

from gazette.schemas import NAMESPACE

from .restructure import merge, split, toc_ref

#: The fields of an article a correction may change, in the order a form shows them.
FIELDS = ("docNumber", "title", "addressee", "issuers", "date", "type")
#: What else a correction may be: a mark, or a change of structure (``restructure.py``).
KINDS = (*FIELDS, "reviewed", "split", "merge", "tocRef")
CORRECTIONS_NAME = "corrections.jsonl"
_NS = {"g": NAMESPACE}
_G = f"{{{NAMESPACE}}}"
#: The order of an article's children (gazette.xsd), to insert a field the machine did not find.
_ARTICLE_ORDER = ("issuerMark", "registerCode", "title", "docNumber", "dateline", "addressee", "body",
                  "attachmentNote", "signature", "note", "attachment", "cc", "printInfo")
#: The shape of a document number: issuer code, year in brackets, number (浙政发〔2021〕13号, 第706号).
DOC_NUMBER = regex.compile(r"^(?:\p{Han}[\p{Han}\w]*[〔\[（(【]\d{4}[〕\]）)】]\s*\d+\s*号"
                           r"|.*第\s*\d+\s*号|.*\d{4}年第\d+号)$")


#: An id an item may get (xs:ID: no space, no colon, not starting with a digit or -).
_ID = regex.compile(r"^[\p{L}_][\p{L}\p{N}_.-]*$")
_STRUCTURE = {"split": lambda root, article, before, after: split(root, article, before, after),
              "merge": lambda root, article, before, _after: merge(root, article, before),
              "tocRef": toc_ref}


class CorrectionError(ValueError):
    """A correction that cannot be made (the message says why)."""


@dataclass(frozen=True)
class Correction:
    """One change an archivist made: article, field, value before and after, who and when."""

    article: str
    field: str
    before: str
    after: str
    who: str
    when: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def checked(field: str, after: str, confirmed: bool = False) -> str:
    """The corrected value made canonical, or ``CorrectionError`` naming what is wrong.

    >>> checked("date", "2024-3-1"), checked("docNumber", "浙政发〔2021〕13号")
    ('2024-03-01', '浙政发〔2021〕13号')
    >>> checked("date", "2024-02-30")
    Traceback (most recent call last):
    gazette.archive.corrections.CorrectionError: date: 2024-02-30 is not a date (YYYY-MM-DD)
    >>> checked("docNumber", "13")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    gazette.archive.corrections.CorrectionError: docNumber: 13 does not have the shape of a document number ...
    """
    if field not in KINDS:
        raise CorrectionError(f"{field}: not a field that can be corrected ({', '.join(KINDS)})")
    after = after.strip()
    if field == "date":
        try:
            return datetime.date(*(int(part) for part in after.split("-"))).isoformat()
        except (TypeError, ValueError):
            raise CorrectionError(f"date: {after} is not a date (YYYY-MM-DD)") from None
    if field == "docNumber" and not confirmed and not DOC_NUMBER.match(after):
        raise CorrectionError(f"docNumber: {after} does not have the shape of a document number "
                              "(confirm it to keep it)")
    if field == "reviewed" and after not in ("yes", "no"):
        raise CorrectionError("reviewed: yes or no")
    if field in ("title", "type", "split", "merge") and not after:
        raise CorrectionError(f"{field}: may not be empty")
    if field == "split" and not _ID.match(after):
        raise CorrectionError(f"split: {after} cannot be an id (letters, digits, -, no space)")
    return after


def value(root: etree._Element, article: str, field: str) -> str:
    """What the XML says of an article's field ("" when it says nothing)."""
    if field == "reviewed":
        marks = [c.findtext("g:after", namespaces=_NS) for c in root.iterfind("g:meta/g:correction", _NS)
                 if c.get("field") == "reviewed"]
        return marks[-1] if marks else "no"
    element = _article(root, article)
    if field == "type":
        return element.get("type") or ""
    if field == "issuers":
        return "、".join(i.text or "" for i in element.iterfind("g:signature/g:issuer", _NS))
    if field == "date":
        dates = element.findall("g:signature/g:date", _NS)
        return (dates[-1].get("iso") or "") if dates else ""
    found = element.find(f"g:{field}", _NS)
    return "".join(found.itertext()) if found is not None else ""


def apply(root: etree._Element, correction: Correction) -> str:
    """Apply one correction to the XML: ``applied``, ``done`` (the field already
    holds the corrected value) or ``stale`` (it holds neither value: the
    correction no longer applies, nothing is changed)."""
    if correction.field in _STRUCTURE:
        status = _STRUCTURE[correction.field](root, correction.article, correction.before, correction.after)
        if status == "applied":
            _record(root, correction)
        return status
    try:
        now = value(root, correction.article, correction.field)
    except CorrectionError:
        return "stale"
    if now == correction.after:
        return "done"
    if now != correction.before:
        return "stale"
    if correction.field != "reviewed":
        _set(_article(root, correction.article), correction.field, correction.after)
    _record(root, correction)
    return "applied"


def _article(root: etree._Element, article: str) -> etree._Element:
    for element in root.iterfind("g:article", _NS):
        if element.get("id") == article:
            return element
    raise CorrectionError(f"no article {article}")


def _set(article: etree._Element, field: str, after: str) -> None:
    if field == "type":
        article.set("type", after)
    elif field == "issuers":
        signature = _child(article, "signature")
        for issuer in signature.findall("g:issuer", _NS):
            signature.remove(issuer)
        for offset, name in enumerate(name for name in after.split("、") if name):
            element = etree.Element(f"{_G}issuer")
            element.text = name
            signature.insert(offset, element)
    elif field == "date":
        signatures = article.findall("g:signature", _NS)
        signature = signatures[-1] if signatures else _child(article, "signature")
        date = signature.find("g:date", _NS)
        if date is None:
            date = etree.SubElement(signature, f"{_G}date")
        year, month, day = (int(part) for part in after.split("-"))
        date.text, date.attrib["iso"] = f"{year}年{month}月{day}日", after
    else:
        element = _child(article, field)
        for child in list(element):
            element.remove(child)
        element.text = after


def _child(article: etree._Element, name: str) -> etree._Element:
    """The article's child ``name``, inserted in its place if missing."""
    found = article.find(f"g:{name}", _NS)
    if found is not None:
        return found
    rank = _ARTICLE_ORDER.index(name)
    after = [child for child in article if etree.QName(child).localname in _ARTICLE_ORDER
             and _ARTICLE_ORDER.index(etree.QName(child).localname) > rank]
    element = etree.Element(f"{_G}{name}")
    if after:
        after[0].addprevious(element)
    else:
        article.append(element)
    return element


def _record(root: etree._Element, correction: Correction) -> None:
    """The correction as ``meta/correction``, before ``meta/source``."""
    meta = root.find("g:meta", _NS)
    element = etree.Element(f"{_G}correction", article=correction.article, field=correction.field,
                            who=correction.who, when=correction.when)
    for name in ("before", "after"):
        etree.SubElement(element, f"{_G}{name}").text = getattr(correction, name)
    meta.find("g:source", _NS).addprevious(element)


def read_corrections(package: Path) -> list[Correction]:
    """The corrections recorded in a package (none for a machine's package)."""
    path = package / "data" / CORRECTIONS_NAME
    if not path.is_file():
        return []
    return [Correction(**json.loads(line)) for line in path.read_text("utf-8").splitlines() if line.strip()]
