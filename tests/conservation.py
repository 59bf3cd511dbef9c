"""Nothing is lost: every character of a source is in the XML, in a recorded
repair, or in a label an element stands for.

``unaccounted`` counts, character by character (white space aside), the
source's text, minus what repairs removed, plus what they added, and
compares it with the text of the XML: articles, TOC, unplaced text, the
masthead and colophon lines as printed (``meta/masthead``,
``meta/colophon``), and the attributes that hold printed text: division
numbers (``num``), labels an element stands for (``label``: ``抄送：`` of
``cc``), notes (``note``: ``（代章）`` of an issuer), TOC page numbers and
section titles.
Page numbers become ``pb`` milestones after a recorded drop; the values of
``meta`` are read from the masthead lines and not counted twice.

>>> from gazette.normalize import read_source
>>> from gazette.render import render
>>> source = read_source("samples/004_c58432d889cd2317.txt")
>>> unaccounted(source, render(source))
Counter()
"""

from __future__ import annotations

from collections import Counter

import regex
from lxml import etree

from gazette.normalize import Source
from gazette.render import Rendering

_WHITE = regex.compile(r"\s")
_NS = "{urn:gazette-archive:1}"
#: Where the XML holds text of the source (the rest of meta and the repair summary are derived).
_CONTENT = ("article", "toc", "unplaced", "masthead", "colophon")
#: Attributes that hold printed text.
_PRINTED = ("num", "label", "note")


def _chars(text: str) -> Counter:
    return Counter(_WHITE.sub("", text))


def expected_chars(source: Source, rendering: Rendering) -> Counter:
    """The source's characters as the repair log and the consumed labels leave them."""
    expected = _chars("".join(line.text for line in source.lines))
    for repair in rendering.doc.repairs:
        if repair.op == "edit":
            expected.subtract(_chars(repair.before))
            expected.update(_chars(repair.after))
        elif repair.op == "drop" or (repair.op == "table" and repair.after == "repeated header"):
            expected.subtract(_chars(repair.before))
    return expected


def xml_chars(xml: bytes) -> Counter:
    """The characters of the XML's content: element text and division numbers."""
    root = etree.fromstring(xml)
    found: Counter = Counter()
    parts = list(root) + list(root.find(f"{_NS}meta"))
    for part in parts:
        if etree.QName(part).localname not in _CONTENT:
            continue
        found.update(_chars("".join(part.itertext())))
        for derived in part.iterfind(f".//{_NS}issuer[@from]"):
            found.subtract(_chars(derived.text or ""))  # read from the head, counted there
        for element in part.iter():
            for name in _PRINTED:
                if name == "num" and element.tag == f"{_NS}attachment":
                    continue  # read from its label (附件1 → 1), or given (附件 → 1)
                found.update(_chars(element.get(name) or ""))
            name = etree.QName(element).localname
            if name == "entry":
                found.update(_chars(element.get("page") or ""))
            elif name == "section" and part.tag == f"{_NS}toc":
                found.update(_chars(element.get("title") or ""))
    return found


def unaccounted(source: Source, rendering: Rendering) -> Counter:
    """Characters missing from the XML (positive counts) or found there without
    a source (negative counts); empty when everything is accounted for."""
    difference = expected_chars(source, rendering)
    difference.subtract(xml_chars(rendering.xml))
    return Counter({ch: n for ch, n in difference.items() if n})
