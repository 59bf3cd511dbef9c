"""New versions of a package: an archivist's corrections applied to it.

``revise`` reads a package, applies corrections to its XML (each checked:
it must still find the value it corrects), validates the result against the
schema and installs it as a new package version beside the old one
(``<sha256[:16]>-v<code version>-r<n>``, a BagIt bag with fixity like any
package), with every correction it carries in ``data/corrections.jsonl``
and in the XML (``meta/correction``). The new version becomes current, the
catalog rows are read from it, and the source pointer names it: the
machine's package and every earlier version stay as they were.

``reapply`` carries the corrections of a source's earlier versions over to a
package just made from it again (a new code version, other settings): those
that still apply are applied, those the machine now gets right are dropped,
those that no longer apply are returned to be reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gazette.normalize.model import Repair
from gazette.schemas import InvalidXML, validate

from . import catalog
from .corrections import Correction, CorrectionError, apply, read_corrections
from .layout import ArchiveLayout, package_name
from .lock import archive_lock
from .package import (
    REPAIRS_NAME,
    REPORT_NAME,
    XML_NAME,
    PackageContent,
    bag_info,
    build_bag,
    install,
    source_file,
    write_text_atomic,
)


@dataclass
class Revision:
    """A new version of a package (``package``, relative to ``packages/``), and
    what became of each correction: ``applied``, already ``done``, ``stale``."""

    package: str
    applied: list[Correction] = field(default_factory=list)
    done: list[Correction] = field(default_factory=list)
    stale: list[Correction] = field(default_factory=list)


def revise(layout: ArchiveLayout, package: Path, fixes: list[Correction]) -> Revision:
    """Install a new version of ``package`` with ``fixes`` applied (``CorrectionError``
    if one does not apply or the result would not be valid; nothing is written then)."""
    package = _inside(layout, package)
    root = etree.parse(str(package / "data" / XML_NAME)).getroot()
    outcome: dict[str, list[Correction]] = {"applied": [], "done": [], "stale": []}
    for fix in fixes:
        outcome[apply(root, fix)].append(fix)
    if outcome["stale"]:
        stale = outcome["stale"][0]
        raise CorrectionError(f"{stale.article} {stale.field}: the package no longer says {stale.before!r}")
    if not outcome["applied"]:
        raise CorrectionError("nothing to change: every value is already as corrected")
    kept = read_corrections(package) + outcome["applied"]
    final = _install(layout, package, root, kept)
    return Revision(str(final.relative_to(layout.packages)), outcome["applied"], outcome["done"])


def reapply(layout: ArchiveLayout, package: Path, earlier: list[Correction]) -> Revision | None:
    """A new version of a package just made again, with the corrections of its
    source's earlier versions that still apply (None if none does)."""
    root = etree.parse(str(package / "data" / XML_NAME)).getroot()
    outcome: dict[str, list[Correction]] = {"applied": [], "done": [], "stale": []}
    for fix in earlier:
        outcome[apply(root, fix)].append(fix)
    if not outcome["applied"]:
        return Revision(str(package.relative_to(layout.packages)), [], outcome["done"], outcome["stale"])
    final = _install(layout, package, root, outcome["applied"])
    return Revision(str(final.relative_to(layout.packages)), outcome["applied"], outcome["done"], outcome["stale"])


def corrections_of(layout: ArchiveLayout, sha256: str) -> list[Correction]:
    """The corrections of the newest corrected version of these bytes (any code version)."""
    kept = [read_corrections(p) for p in layout.versions_of(sha256)
            if bag_info(p).get("Gazette-Source-SHA256") == sha256]
    return max((found for found in kept if found), key=lambda found: found[-1].when, default=[])


def _inside(layout: ArchiveLayout, package: Path) -> Path:
    """``package`` if it is a package of this archive (never a path outside it)."""
    found = layout.package_at(str(package.resolve()))
    if found is None:
        raise CorrectionError(f"{package}: not a package of {layout.root}")
    return found


def _install(layout: ArchiveLayout, package: Path, root: etree._Element, corrections: list[Correction]) -> Path:
    try:
        validate(etree.ElementTree(root), str(package / "data" / XML_NAME))
    except InvalidXML as error:
        raise CorrectionError(f"the corrected XML would not be valid: {error}") from error
    info = {key: value for key, value in bag_info(package).items() if key.startswith(_OURS)}
    sha256, version = info["Gazette-Source-SHA256"], info["Gazette-Code-Version"]
    source = source_file(package)
    repairs = [Repair(**json.loads(line)) for line in (package / "data" / REPAIRS_NAME).read_text("utf-8").splitlines()
               if line.strip()]
    report = json.loads((package / "data" / REPORT_NAME).read_text("utf-8"))
    report["corrections"] = len(corrections)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    content = PackageContent(source.name, source.read_bytes(), sha256, xml, repairs, report, corrections)
    bag = build_bag(layout, content, {**info, "Gazette-Revision-Of": package.name})
    with archive_lock(layout):
        final = package.parent / package_name(sha256, version, layout.next_revision(sha256, version))
        install(bag, final)
        with catalog.connect(layout) as connection:
            catalog.record(connection, layout, final)
        write_text_atomic(final.parent / "current", final.name + "\n", layout.staging)
        write_text_atomic(layout.source_pointer(sha256, version), str(final.relative_to(layout.packages)) + "\n",
                          layout.staging)
    return final


#: The bag-info fields a package's versions carry over (bagit writes the others).
_OURS = ("Gazette-", "Source-Organization", "External-")
