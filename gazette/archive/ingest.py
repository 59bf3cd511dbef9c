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
from gazette.normalize.structure import build_issue
from gazette.schemas.writer import to_xml_bytes

from .package import PackageContent, write_package


@dataclass(frozen=True)
class ArchiveResult:
    """A small summary of one archived source (what flows pass around)."""

    source: str
    package: Path
    kind: str
    paragraphs: int
    repairs: int
    uncertain: int


def render(source: Source, profile: Profile | None = None) -> tuple[Document, bytes]:
    """Normalize a decoded source and build its validated XML."""
    profile = profile or default_profile()
    doc = normalize(source, profile)
    issue = build_issue(doc, profile)
    return doc, to_xml_bytes(doc, __version__, keep_furniture=profile.keep_furniture, issue=issue)


def store(archive: str | Path, source: Source, doc: Document, xml: bytes) -> ArchiveResult:
    """Write the package of a rendered source; return its summary."""
    package = write_package(
        archive,
        PackageContent(source.name, source.data, source.sha256, xml, doc.repairs),
    )
    return ArchiveResult(
        source=source.name,
        package=package,
        kind=doc.kind,
        paragraphs=len(doc.paragraphs()),
        repairs=len(doc.repairs),
        uncertain=sum(1 for r in doc.repairs if not r.certain),
    )


def archive_source(path: str | Path, archive: str | Path, profile: Profile | None = None) -> ArchiveResult:
    """Read, normalize, render and archive one source file."""
    source = read_source(path)
    doc, xml = render(source, profile)
    return store(archive, source, doc, xml)
