"""Re-check an archive: every package's BagIt manifests and every XML against the schema.

    >>> from pathlib import Path
    >>> verify_archive(Path("/nonexistent-archive"))
    ['/nonexistent-archive: no packages folder']
"""

from __future__ import annotations

from pathlib import Path

import bagit
from lxml import etree

from gazette.schemas import InvalidXML, validate

from .layout import ArchiveLayout
from .package import XML_NAME


def verify_archive(root: Path) -> list[str]:
    """Every problem found, one line each; an empty list means the archive is sound."""
    layout = ArchiveLayout(root)
    if not layout.packages.is_dir():
        return [f"{root}: no packages folder"]
    problems: list[str] = []
    for package in layout.package_dirs():
        problems += _verify_package(package)
    for pointer in layout.packages.rglob("current"):
        target = pointer.parent / pointer.read_text("utf-8").strip()
        if not (target / "bagit.txt").is_file():
            problems.append(f"{pointer}: points to a missing package {target.name}")
    return problems


def _verify_package(package: Path) -> list[str]:
    try:
        bagit.Bag(str(package)).validate(processes=1)
    except bagit.BagError as error:
        return [f"{package}: damaged: {_first_line(error)}"]
    try:
        validate(etree.parse(str(package / "data" / XML_NAME)), str(package / "data" / XML_NAME))
    except (InvalidXML, etree.XMLSyntaxError) as error:
        return [f"{package}: {error}"]
    return []


def _first_line(error: Exception) -> str:
    details = getattr(error, "details", None)
    if details:
        return "; ".join(str(d) for d in details[:3])
    return str(error).splitlines()[0]
