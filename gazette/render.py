"""From a decoded source to validated XML: the whole path, without archiving.

``render`` runs the three stages in order and keeps what each produced:
``normalize`` (source lines → repaired blocks, with the repair log),
``build_issue`` (blocks → issue metadata, TOC, articles) and ``to_xml_bytes``
(structure → XML validated against the schema). The archive calls it; so
can anyone who wants the XML without an archive.

>>> from gazette.normalize import read_source
>>> rendering = render(read_source("samples/004_c58432d889cd2317.txt"))
>>> rendering.issue.id, rendering.xml.startswith(b"<?xml")
('绍政发-2022-26', True)
"""

from __future__ import annotations

from dataclasses import dataclass

from gazette import __version__
from gazette.normalize import Document, Profile, Source, default_profile, normalize
from gazette.normalize.structure import Issue, build_issue
from gazette.schemas.writer import to_xml_bytes


@dataclass
class Rendering:
    """A source normalized, structured and written as validated XML."""

    doc: Document
    issue: Issue
    xml: bytes

    def report(self) -> dict:
        """The run report of this source (``report.json`` in its package)."""
        return {
            "source": self.doc.name,
            "sha256": self.doc.sha256,
            "kind": self.issue.kind,
            "id": self.issue.id,
            "articles": [article.id for article in self.issue.articles],
            "repairs": len(self.doc.repairs),
            "uncertain": sum(1 for r in self.doc.repairs if not r.certain),
            "warnings": self.issue.warnings,
        }


def render(source: Source, profile: Profile | None = None, code_version: str = __version__) -> Rendering:
    """Normalize, structure and write a decoded source as validated XML."""
    profile = profile or default_profile()
    doc = normalize(source, profile)
    issue = build_issue(doc, profile)
    xml = to_xml_bytes(doc, issue, code_version, keep_furniture=profile.keep_furniture)
    return Rendering(doc, issue, xml)
