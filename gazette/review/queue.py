"""What an archivist should look at first: each current package, with what
the machine was unsure of.

For every current package of an archive (``Entry``): its identity, what it
is (issue or document, id, publication, date, first title), and the counts
that ask for a look: warnings of its run report, repairs that are guesses,
lines read by OCR under the confidence threshold, fields missing from its
articles, text the structure could not place; and whether an archivist has
reviewed it (``meta/correction[@field='reviewed']``). ``queue`` orders them:
not reviewed first, then by how much asks for a look.

>>> import tempfile
>>> from gazette.archive.ingest import archive_file
>>> archive = Path(tempfile.mkdtemp())
>>> _ = archive_file("samples/004_c58432d889cd2317.txt", archive)
>>> [(e.id, e.state, e.attention) for e in queue(archive)]
[('绍政发-2022-26', 'to review', 0)]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gazette.archive.corrections import value
from gazette.archive.layout import ArchiveLayout
from gazette.archive.package import REPORT_NAME, XML_NAME
from gazette.schemas import NAMESPACE

_NS = {"g": NAMESPACE}
#: The fields an article is expected to have (a missing one asks for a look).
EXPECTED = (("title", "g:title"), ("docNumber", "g:docNumber"), ("date", "g:signature/g:date"))


@dataclass(frozen=True)
class Entry:
    """One current package as the review list shows it."""

    path: str
    kind: str
    id: str
    publication: str
    date: str
    title: str
    articles: int
    warnings: int
    guesses: int
    doubtful: int
    missing: int
    unplaced: int
    state: str

    @property
    def attention(self) -> int:
        """How much asks for a look (each count weighs one)."""
        return self.warnings + self.guesses + self.doubtful + self.missing + self.unplaced


def queue(archive: Path, publication: str = "", date_from: str = "", date_to: str = "",
          state: str = "") -> list[Entry]:
    """The current packages matching the filters, what needs a look first."""
    layout = ArchiveLayout(archive)
    entries = [entry_of(layout, package) for package in current_packages(layout)]
    chosen = [e for e in entries
              if publication in e.publication and (not date_from or e.date >= date_from)
              and (not date_to or (e.date and e.date <= date_to)) and (not state or e.state == state)]
    return sorted(chosen, key=lambda e: (e.state == "reviewed", -e.attention, e.path))


def current_packages(layout: ArchiveLayout) -> list[Path]:
    """The package each identity's ``current`` pointer names."""
    if not layout.packages.is_dir():
        return []
    found = [pointer.parent / pointer.read_text("utf-8").strip() for pointer in layout.packages.rglob("current")]
    return sorted(p for p in found if (p / "bagit.txt").is_file())


def entry_of(layout: ArchiveLayout, package: Path) -> Entry:
    root = etree.parse(str(package / "data" / XML_NAME)).getroot()
    report = json.loads((package / "data" / REPORT_NAME).read_text("utf-8"))
    articles = root.findall("g:article", _NS)
    dates = [d.get("iso") or "" for d in root.iterfind("g:article/g:signature/g:date", _NS)]
    published = root.find("g:meta/g:published", _NS)
    return Entry(
        path=str(package.relative_to(layout.packages)),
        kind=etree.QName(root).localname,
        id=root.get("id") or "",
        publication=root.findtext("g:meta/g:publication", "", _NS),
        date=published.get("iso", "") if published is not None else (min(dates) if dates else ""),
        title="".join(articles[0].find("g:title", _NS).itertext()) if articles and articles[0].find(
            "g:title", _NS) is not None else "",
        articles=len(articles),
        warnings=len(report.get("warnings", [])),
        guesses=int(report.get("uncertain", 0)),
        doubtful=sum(int(o.get("doubtful") or 0) for o in root.iterfind("g:meta/g:ocr", _NS)),
        missing=sum(1 for a in articles for _, path in EXPECTED if a.find(path, _NS) is None),
        unplaced=len(root.findall("g:unplaced", _NS)),
        state=state_of(root),
    )


def state_of(root: etree._Element) -> str:
    """``reviewed`` once an archivist has marked the package so, else ``to review``."""
    return "reviewed" if value(root, "", "reviewed") == "yes" else "to review"
