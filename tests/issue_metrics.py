"""How well the XML of a whole issue gives its masthead, TOC and items,
against the issue's ``gold.json`` (``tests/data/issues/<issue>/``).

Read by ``bench/bench_issues.py`` and the issue tests. The XML is read as a
downstream reader reads it (no code of the tool's): ``meta``, the ``toc``
without ``xml:lang``, ``article`` and ``attachment`` elements.

* ``meta``: publication, year and issue number right (of 3);
* ``entries``: gold TOC entries read as entries (an XML entry of the same
  title, in order);
* ``items``: gold items (not parts) that are an article of their own;
* ``linked``: gold entries whose XML entry points (``ref``) at the article,
  or the attachment of the right article, that prints their title;
* ``exact``: items whose title, document number and type are exact; titles
  are also counted alike apart.

Gold titles are the titles as the issue means them (a gold may correct what
OCR misread); a title of the XML is that title when their characters
(punctuation and spaces aside) differ in at most ``OCR_SLIPS`` of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from rapidfuzz.distance import Levenshtein

from gazette.normalize.structure.titles import title_key

NS = {"g": "urn:gazette-archive:1"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ISSUES = Path(__file__).resolve().parent / "data" / "issues"
#: A printed title is the gold's title when their keys differ in at most this share of characters.
OCR_SLIPS = 0.25


def same_title(printed: str, gold: str) -> bool:
    """Whether a title of the XML is the gold's title (see ``OCR_SLIPS``).

    >>> same_title("蕉联政府代表团焉将北京苏联展覧馆内的机床和农业机器赡给我国事致毛泽束主席的信",
    ...            "苏联政府代表团为将北京苏联展览馆内的机床和农业机器赠给我国事致毛泽东主席的信")
    True
    """
    first, second = title_key(printed), title_key(gold)
    return Levenshtein.distance(first, second) <= OCR_SLIPS * max(len(first), len(second), 1)


def load_gold(name: str) -> dict:
    """The gold of an issue folder."""
    return json.loads((ISSUES / name / "gold.json").read_text("utf-8"))


@dataclass
class IssueScore:
    """Counts of one issue against its gold."""

    meta: int
    entries: int
    gold_entries: int
    items: int
    gold_items: int
    linked: int
    exact: int
    titles_alike: int
    output_items: int
    output_entries: int

    def row(self) -> list[str]:
        """The benchmark's cells."""
        return [f"{self.meta}/3", f"{self.entries}/{self.gold_entries}", f"{self.items}/{self.gold_items}",
                f"{self.linked}/{self.gold_entries}", f"{self.exact}/{self.gold_items}",
                f"{self.titles_alike}/{self.gold_items}", str(self.output_items)]


def _text(element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def score(xml: bytes, gold: dict) -> IssueScore:
    """The counts of an issue's XML against its gold."""
    root = etree.fromstring(xml)
    meta = root.find("g:meta", NS)
    found = (meta.findtext("g:publication", namespaces=NS), meta.findtext("g:year", namespaces=NS),
             meta.findtext("g:issueNumber", namespaces=NS))
    wanted = (gold["publication"], str(gold["year"]), str(gold["number"]))
    toc = next((t for t in root.iterfind("g:toc", NS) if t.get(XML_LANG) is None), None)
    entries = list(toc.iterfind(".//g:entry", NS)) if toc is not None else []
    articles = list(root.iterfind("g:article", NS))
    items = [item for item in gold["items"] if not item.get("part_of")]
    owners = _own_articles(items, articles)
    targets = _targets(gold["items"], owners)
    read, linked = _entries(gold["items"], entries, targets)
    exact = alike = 0
    for item in items:
        article = owners.get(item["file"])
        if article is None:
            continue
        title = _text(article.find("g:title", NS))
        alike += same_title(title, item["title"])
        exact += (title == item["title"] and article.findtext("g:docNumber", namespaces=NS) == item["number"]
                  and article.get("type") == item["type"])
    return IssueScore(sum(a == b for a, b in zip(found, wanted)), read, len(gold["items"]), len(owners), len(items),
                      linked, exact, alike, len(articles), len(entries))


def _own_articles(items: list[dict], articles: list) -> dict[str, object]:
    """Each gold item's article: the first unused one, in order, printing its title."""
    owners: dict[str, object] = {}
    at = 0
    for item in items:
        for index in range(at, len(articles)):
            if same_title(_text(articles[index].find("g:title", NS)), item["title"]):
                owners[item["file"]] = articles[index]
                at = index + 1
                break
    return owners


def _targets(items: list[dict], owners: dict[str, object]) -> dict[str, str]:
    """The id each gold entry should point at: its item's article, or the
    attachment of its owner's article that prints its title."""
    targets: dict[str, str] = {}
    used: set[str] = set()
    for item in items:
        owner = owners.get(item.get("part_of") or item["file"])
        if owner is None:
            continue
        if not item.get("part_of"):
            targets[item["file"]] = owner.get("id")
            continue
        for attachment in owner.iterfind("g:attachment", NS):
            key = attachment.get("id")
            if key not in used and same_title(_text(attachment.find("g:title", NS)), item["title"]):
                targets[item["file"]] = key
                used.add(key)
                break
    return targets


def _entries(items: list[dict], entries: list, targets: dict[str, str]) -> tuple[int, int]:
    """Gold entries read as XML entries (in order, by title), and those whose ``ref`` is right."""
    read = linked = 0
    at = 0
    for item in items:
        for index in range(at, min(at + 4, len(entries))):
            if same_title(_text(entries[index].find("g:title", NS)), item["toc_title"]):
                read += 1
                linked += entries[index].get("ref") is not None and entries[index].get("ref") == targets.get(item["file"])
                at = index + 1
                break
    return read, linked
