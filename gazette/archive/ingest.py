"""From a source file to an archive package, without any orchestration.

This is the library call the Prefect flows wrap (``gazette.flows``); it
runs, and is tested, without Prefect. The XML comes from
``gazette.render.render``; this module only decides whether a source is
new, and stores or quarantines it. ``archive_file`` never raises for a bad
input: it quarantines it and says so in its ``Outcome``.

>>> import tempfile
>>> outcome = archive_file("samples/004_c58432d889cd2317.txt", tempfile.mkdtemp())
>>> outcome.status, outcome.package
('archived', 'documents/绍政发-2022-26/8773e6b1f963b99e-v0.4.0')
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from gazette import __version__
from gazette.normalize import Profile, Source, default_profile
from gazette.normalize.sources import read_bytes, source_from_bytes
from gazette.render import Rendering, render

from . import catalog
from .layout import ArchiveLayout, identity_path, package_name
from .lock import archive_lock
from .package import PackageContent, build_bag, install, write_text_atomic
from .quarantine import quarantine


@dataclass(frozen=True)
class Outcome:
    """A small summary of what happened to one source (what flows pass around).

    ``status`` is ``archived``, ``skipped`` (already archived by this code
    version) or ``quarantined`` (``reason`` says why).
    """

    source: str
    status: str
    package: str | None = None
    id: str | None = None
    articles: int = 0
    repairs: int = 0
    uncertain: int = 0
    warnings: tuple[str, ...] = ()
    reason: str | None = None


def archive_file(path: str | Path, archive: str | Path, profile: Profile | None = None,
                 code_version: str = __version__) -> Outcome:
    """Archive one source file: skip it if done, quarantine it if bad."""
    layout = ArchiveLayout(Path(archive))
    stage = "read"
    try:
        data = read_bytes(path)
        sha256 = hashlib.sha256(data).hexdigest()
        done = _already_done(layout, sha256, code_version)
        if done is not None:
            status, where, reason = done
            return Outcome(str(path), status, package=where, reason=reason)
        stage = "decode"
        source = source_from_bytes(data, str(path), (profile or default_profile()).pdf)
        stage = "render"
        rendering = render(source, profile, code_version)
        stage = "store"
        return store(layout, source, rendering, code_version, str(path))
    except Exception as error:
        stage = getattr(error, "stage", None) or stage
        folder = quarantine(layout, Path(path), error, stage, code_version)
        reason = getattr(error, "reason", None) or str(error)
        return Outcome(str(path), "quarantined", reason=f"{stage}: {reason}", package=str(folder))


def _already_done(layout: ArchiveLayout, sha256: str, code_version: str) -> tuple[str, str, str | None] | None:
    """(status, where, reason) if this code version already archived or quarantined these bytes."""
    pointer = layout.source_pointer(sha256, code_version)
    package = pointer.read_text("utf-8").strip() if pointer.is_file() else None
    if package and (layout.packages / package).is_dir():
        return "skipped", package, None
    folder = layout.quarantined(sha256, code_version)
    if (folder / "error.json").is_file():
        error = json.loads((folder / "error.json").read_text("utf-8"))
        return "quarantined", str(folder), f"{error['stage']}: {error['reason']} (quarantined before)"
    return None


def store(layout: ArchiveLayout, source: Source, rendering: Rendering, code_version: str,
          given_path: str | None = None) -> Outcome:
    """Install the package of a rendered source, make it current, catalog it."""
    report = rendering.report()
    meta, issue = rendering.issue.meta, rendering.issue
    first_number = issue.articles[0].cited_number if issue.articles else None
    if first_number is None and not issue.id.startswith("src-"):
        first_number = issue.id  # named by its issuer, date and title
    identity = identity_path(issue.kind, meta.publication, meta.year, meta.issue_number, first_number, source.sha256)
    final = layout.packages / identity / package_name(source.sha256, code_version)
    bag = build_bag(layout, PackageContent(source.name, source.data, source.sha256, rendering.xml,
                                           rendering.doc.repairs, report), {
        "Source-Organization": "gazette",
        "External-Identifier": issue.id,
        "External-Description": source.name,
        "Gazette-Source-SHA256": source.sha256,
        "Gazette-Code-Version": code_version,
    })
    relative = str(final.relative_to(layout.packages))
    with archive_lock(layout):
        # The source pointer is the "done" mark, written last: after a crash
        # anywhere before it, the next run redoes these idempotent steps.
        install(bag, final)
        with catalog.connect(layout) as connection:
            catalog.record(connection, layout, final)
        write_text_atomic(final.parent / "current", final.name + "\n")
        write_text_atomic(layout.source_pointer(source.sha256, code_version), relative + "\n")
    return Outcome(
        source=given_path or source.name, status="archived", package=relative, id=report["id"],
        articles=len(report["articles"]), repairs=report["repairs"], uncertain=report["uncertain"],
        warnings=tuple(report["warnings"]),
    )
