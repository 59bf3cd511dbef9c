"""From a source file to an archive package, without any orchestration.

This is the library call the Prefect flows wrap (``gazette.flows``); it
runs, and is tested, without Prefect.

>>> import tempfile
>>> result = archive_source("samples/004_c58432d889cd2317.txt", tempfile.mkdtemp())
>>> result.kind, result.package.name
('document', '004_c58432d889cd2317-8773e6b1f963')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gazette import __version__
from gazette.normalize import Document, Profile, default_profile, normalize, read_source
from gazette.normalize.sources import Source
from gazette.normalize.structure import Issue, build_issue
from gazette.schemas.writer import to_xml_bytes

from .package import PackageContent, write_package


@dataclass(frozen=True)
class ArchiveResult:
    """A small summary of one archived source (what flows pass around)."""

    source: str
    package: Path
    kind: str
    id: str
    articles: int
    repairs: int
    uncertain: int
    warnings: tuple[str, ...]


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


def render(source: Source, profile: Profile | None = None) -> Rendering:
    """Normalize, structure and write a decoded source as validated XML."""
    profile = profile or default_profile()
    doc = normalize(source, profile)
    issue = build_issue(doc, profile)
    xml = to_xml_bytes(doc, __version__, keep_furniture=profile.keep_furniture, issue=issue)
    return Rendering(doc, issue, xml)


def store(archive: str | Path, source: Source, rendering: Rendering) -> ArchiveResult:
    """Write the package of a rendered source; return its summary."""
    report = rendering.report()
    package = write_package(
        archive,
        PackageContent(source.name, source.data, source.sha256, rendering.xml, rendering.doc.repairs, report),
    )
    return ArchiveResult(
        source=source.name,
        package=package,
        kind=report["kind"],
        id=report["id"],
        articles=len(report["articles"]),
        repairs=report["repairs"],
        uncertain=report["uncertain"],
        warnings=tuple(report["warnings"]),
    )


def archive_source(path: str | Path, archive: str | Path, profile: Profile | None = None) -> ArchiveResult:
    """Read, normalize, structure, render and archive one source file."""
    source = read_source(path)
    return store(archive, source, render(source, profile))
