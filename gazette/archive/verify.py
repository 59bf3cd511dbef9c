"""Re-check an archive: every package's BagIt manifests and XML against the
schema, the ``current`` pointers, the catalog against the packages, the
``sources/`` pointers (the skip index) and the quarantine records.

    >>> from pathlib import Path
    >>> verify_archive(Path("/nonexistent-archive"))
    ['/nonexistent-archive: no packages folder']
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import bagit
from lxml import etree

from gazette.schemas import NAMESPACE, InvalidXML, validate

from . import catalog
from .corrections import CORRECTIONS_NAME, Correction, read_corrections
from .layout import ArchiveLayout, package_name, revision_of
from .package import XML_NAME, bag_info
from .quarantine import ERROR_NAME

_NS = {"g": NAMESPACE}

#: What every quarantine record holds.
_RECORD_KEYS = ("file", "reason", "stage", "sha256", "code_version")


def verify_archive(root: Path) -> list[str]:
    """Every problem found, one line each; an empty list means the archive is sound."""
    layout = ArchiveLayout(root)
    if not layout.packages.is_dir():
        return [f"{root}: no packages folder"]
    problems: list[str] = []
    damaged = set()
    for package in layout.package_dirs():
        found = _verify_package(package)
        problems += found
        damaged |= {package} if found else set()
    for pointer in layout.packages.rglob("current"):
        target = pointer.parent / pointer.read_text("utf-8").strip()
        if not (target / "bagit.txt").is_file():
            problems.append(f"{pointer}: points to a missing package {target.name}")
    problems += catalog.differences(layout, skip=damaged)
    problems += _verify_sources(layout)
    problems += _verify_quarantine(layout)
    return problems


def _verify_package(package: Path) -> list[str]:
    try:
        bagit.Bag(str(package)).validate(processes=1)
    except bagit.BagError as error:
        return [f"{package}: damaged: {_first_line(error)}"]
    try:
        tree = etree.parse(str(package / "data" / XML_NAME))
        validate(tree, str(package / "data" / XML_NAME))
    except (InvalidXML, etree.XMLSyntaxError) as error:
        return [f"{package}: {error}"]
    return _verify_corrections(package, tree.getroot())


def _verify_corrections(package: Path, root: etree._Element) -> list[str]:
    """A corrected version's record of corrections is readable and is what its XML carries, in order."""
    try:
        kept = read_corrections(package)
    except (ValueError, TypeError) as error:
        return [f"{package}: {CORRECTIONS_NAME} cannot be read ({error})"]
    written = [Correction(c.get("article", ""), c.get("field", ""), c.findtext("g:before", "", _NS),
                          c.findtext("g:after", "", _NS), c.get("who", ""), c.get("when", ""))
               for c in root.iterfind("g:meta/g:correction", _NS)]
    if written != kept:
        return [f"{package}: {CORRECTIONS_NAME} does not match the corrections its XML carries"]
    return []


def _verify_sources(layout: ArchiveLayout) -> list[str]:
    """Each ``sources/<sha256>/<version>`` names the package of those bytes and that version."""
    problems = []
    for pointer in sorted(layout.root.glob("sources/*/*")):
        sha256, version = pointer.parent.name, pointer.name
        package = layout.packages / pointer.read_text("utf-8").strip()
        if not (package / "bagit.txt").is_file():
            problems.append(f"{pointer}: points to a missing package {package.name}")
        elif revision_of(package.name, sha256, version) is None \
                or bag_info(package).get("Gazette-Source-SHA256") != sha256:
            problems.append(f"{pointer}: points to {package}, which holds other bytes or another version")
    return problems


def _verify_quarantine(layout: ArchiveLayout) -> list[str]:
    """Each quarantine folder holds a readable record of its own bytes and version, and the copy of them."""
    folders = sorted(p for p in layout.quarantine.iterdir() if p.is_dir()) if layout.quarantine.is_dir() else []
    return [f"{folder}: {problem}" for folder in folders if (problem := _quarantine_problem(folder))]


def _quarantine_problem(folder: Path) -> str | None:
    try:
        record = json.loads((folder / ERROR_NAME).read_text("utf-8"))
        missing = [key for key in _RECORD_KEYS if key not in record]
    except (OSError, ValueError) as error:
        return f"no readable {ERROR_NAME} ({error})"
    if missing:
        return f"{ERROR_NAME} lacks {', '.join(missing)}"
    if folder.name != package_name(record["sha256"], record["code_version"]):
        return f"{ERROR_NAME} is the record of other bytes or another version"
    copies = [hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.name != ERROR_NAME]
    if record.get("copied", True) and copies != [record["sha256"]]:
        return "the copy of the input is missing or differs from its sha256"
    return None


def _first_line(error: Exception) -> str:
    details = getattr(error, "details", None)
    if details:
        return "; ".join(str(d) for d in details[:3])
    return str(error).splitlines()[0]
