"""From a source file to an archive package, without any orchestration.

This is the library call the Prefect flows wrap (``gazette.flows``); it
runs, and is tested, without Prefect. The XML comes from
``gazette.render.render``; this module decides whether a source is new,
renders it within its budget (``budget.run_limited``) and stores or
quarantines it. ``archive_file`` never raises: whatever the file, its name
or its bytes, and whatever the machine does, its ``Outcome`` says what
happened.

>>> import tempfile
>>> outcome = archive_file("samples/004_c58432d889cd2317.txt", tempfile.mkdtemp())
>>> outcome.status, outcome.package
('archived', 'documents/绍政发-2022-26/8773e6b1f963b99e-v0.30.0')
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from gazette import __version__
from gazette.normalize import Profile, Repair, Source, default_profile
from gazette.normalize.read import MAX_SOURCE_BYTES, PageWorkers, load_engine, scanned, source_from_bytes
from gazette.render import Rendering, render

from . import catalog
from .budget import Limits, OverBudgetError, ReaderCrashError, run_limited
from .layout import ArchiveLayout, identity_path, package_name
from .lock import archive_lock
from .package import REPORT_NAME, PackageContent, build_bag, install, write_text_atomic
from .problem import Problem
from .quarantine import ERROR_NAME, quarantine
from .revise import corrections_of, reapply
from .take import NotTakenError, Taken, take


@dataclass(frozen=True)
class Outcome:
    """A small summary of what happened to one source (what flows pass around).

    ``status`` is ``archived``; ``skipped`` (already archived by this code
    version, or not taken now: ``reason`` says why); ``quarantined`` (a bad
    input: ``reason`` says why); or ``failed`` (the environment failed:
    ``reason`` says how; not quarantined, not marked done, so a later run
    takes the file again). ``source`` is the path as given, undecodable
    bytes of its name kept (``take.shown`` writes it out).
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


@dataclass(frozen=True)
class Prepared:
    """A rendered source, ready to install: what its package holds but the
    source bytes (small enough to pass from the rendering child cheaply)."""

    identity: str
    id: str
    xml: bytes
    repairs: list[Repair]
    report: dict


def archive_file(path: str | Path, archive: str | Path, profile: Profile | None = None,
                 code_version: str = __version__, limits: Limits | None = None, force: bool = False,
                 workers: PageWorkers | None = None) -> Outcome:
    """Archive one source file: skip it if done (by this code version, with
    these reading settings; ``force`` makes a new version anyway) or not to
    be taken now, quarantine it if bad, say so if the environment failed.
    A scan's pages are read by OCR by ``workers`` (the rendering process itself by default)."""
    try:
        return _archive(ArchiveLayout(Path(archive)), str(path), profile or default_profile(), code_version,
                        limits or Limits(), force, workers)
    except Exception as error:  # the last guard: one file never stops a batch
        return failed_outcome(str(path), Problem.of(error, "archive"))


def _archive(layout: ArchiveLayout, path: str, profile: Profile, code_version: str, limits: Limits,
             force: bool, workers: PageWorkers | None) -> Outcome:
    try:
        taken = take(path, limits.quiet_time)
    except NotTakenError as left:
        return Outcome(path, "skipped", reason=str(left))
    except OSError as error:
        return failed_outcome(path, Problem.of(error, "read"))
    done = None if force else _already_done(layout, taken.sha256, code_version, profile)
    if done is not None:
        status, where, reason = done
        return Outcome(path, status, package=where, reason=reason)
    again = layout.pointed(taken.sha256, code_version) is not None  # so made again on purpose, or with other settings
    prepared = _render_within(taken, profile, code_version, limits, workers)
    if isinstance(prepared, Problem):
        return _set_aside(layout, taken, prepared, code_version)
    try:
        return store(layout, taken, prepared, code_version, again)
    except Exception as error:
        return _set_aside(layout, taken, Problem.of(error, "store"), code_version)


def _render_within(taken: Taken, profile: Profile, code_version: str, limits: Limits,
                   workers: PageWorkers | None = None) -> Prepared | Problem:
    """The file's package content, rendered in a child process held to ``limits``."""
    if taken.data is None:
        return Problem("read", f"file too large ({taken.size} bytes, limit {MAX_SOURCE_BYTES})", "SourceError")
    if scanned(taken.data, profile.pdf):
        load_engine(profile.pdf)  # once per worker: the file's child, and its page workers, inherit it
    try:
        return run_limited(limits, prepare, taken.data, taken.name, profile, code_version, workers)
    except (OverBudgetError, ReaderCrashError) as error:
        return Problem.of(error, "budget")
    except OSError as error:  # the child could not start, or was killed from outside
        return Problem.of(error, "render")


def prepare(data: bytes, name: str, profile: Profile, code_version: str,
            workers: PageWorkers | None = None) -> Prepared | Problem:
    """Decode and render the bytes of ``name`` (a ``Problem`` if they are bad);
    what runs within the budget.

    A ``MemoryError``, whatever a reader made of it, is raised: the budget
    reports it.

    >>> data = Path("samples/004_c58432d889cd2317.txt").read_bytes()
    >>> prepare(data, "004.txt", default_profile(), __version__).identity
    'documents/绍政发-2022-26'
    >>> prepare(b"", "empty.txt", default_profile(), __version__).summary
    'decode: empty file (no text)'
    """
    stage = "decode"
    try:
        source = source_from_bytes(data, name, profile.pdf, workers)
        stage = "render"
        return _prepared(source, render(source, profile, code_version))
    except Exception as error:
        if _caused_by(error, MemoryError):
            raise MemoryError from error
        return Problem.of(error, stage)


def _prepared(source: Source, rendering: Rendering) -> Prepared:
    """The package content of a rendered source; its report records the
    reading settings where they count (a PDF, an OFD file)."""
    issue = rendering.issue
    report = rendering.report()
    if source.settings is not None:
        report["settings"] = asdict(source.settings)
    first_number = issue.articles[0].cited_number if issue.articles else None
    if first_number is None and not issue.id.startswith("src-"):
        first_number = issue.id  # named by its issuer, date and title
    identity = identity_path(issue.kind, issue.meta.publication, issue.meta.year, issue.meta.issue_number,
                             first_number, source.sha256)
    return Prepared(identity, issue.id, rendering.xml, rendering.doc.repairs, report)


def _caused_by(error: BaseException | None, kind: type[BaseException]) -> bool:
    """Whether ``error`` or an exception it was raised from or during is a ``kind``."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, kind):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _set_aside(layout: ArchiveLayout, taken: Taken, problem: Problem, code_version: str) -> Outcome:
    """Quarantine a bad input; a fault of the environment only fails the file for this run."""
    if problem.fault == "environment":
        return failed_outcome(taken.path, problem)
    try:
        folder = quarantine(layout, taken, problem, code_version)
    except OSError as error:
        return failed_outcome(taken.path, Problem.of(error, "quarantine"), also=problem)
    return Outcome(taken.path, "quarantined", reason=problem.summary, package=str(folder))


def failed_outcome(path: str, problem: Problem, also: Problem | None = None) -> Outcome:
    """The outcome of a file the environment failed (``also``: the problem it was being set aside for)."""
    reason = problem.summary + (f" (while setting aside: {also.summary})" if also else "")
    return Outcome(path, "failed", reason=reason)


def _already_done(layout: ArchiveLayout, sha256: str, code_version: str,
                  profile: Profile) -> tuple[str, str, str | None] | None:
    """(status, where, reason) if this code version already archived (with the
    same reading settings) or quarantined these bytes."""
    package = layout.pointed(sha256, code_version)
    if package is not None:
        return ("skipped", str(package.relative_to(layout.packages)), None) if _same_settings(package, profile) \
            else None
    folder = layout.quarantined(sha256, code_version)
    try:
        error = json.loads((folder / ERROR_NAME).read_text("utf-8"))
        return "quarantined", str(folder), f"{error['stage']}: {error['reason']} (quarantined before)"
    except (FileNotFoundError, ValueError, KeyError, TypeError):  # none, or a damaged record: judge again
        return None


def _same_settings(package: Path, profile: Profile) -> bool:
    """Whether a package was read with the reading settings of ``profile`` (a
    text layer, read without them, always was)."""
    try:
        recorded = json.loads((package / "data" / REPORT_NAME).read_text("utf-8")).get("settings")
    except (OSError, ValueError):
        return False
    return recorded is None or recorded == asdict(profile.pdf)


def store(layout: ArchiveLayout, taken: Taken, prepared: Prepared, code_version: str, again: bool = False) -> Outcome:
    """Install the package of a prepared source, make it current, catalog it;
    then carry the corrections of its earlier versions over. Made ``again``
    (on purpose, or with other settings), it is a new version; otherwise the
    package of these bytes by this code version is the same whoever installs
    it first (two runs at once, a run after a crash)."""
    bag = build_bag(layout, PackageContent(taken.name, taken.data or b"", taken.sha256, prepared.xml,
                                           prepared.repairs, prepared.report), {
        "Source-Organization": "gazette",
        "External-Identifier": prepared.id,
        "External-Description": taken.name,
        "Gazette-Source-SHA256": taken.sha256,
        "Gazette-Code-Version": code_version,
    })
    with archive_lock(layout):
        # The source pointer is the "done" mark, written last: after a crash
        # anywhere before it, the next run redoes these idempotent steps.
        revision = layout.next_revision(taken.sha256, code_version) if again else 1
        final = layout.packages / prepared.identity / package_name(taken.sha256, code_version, revision)
        relative = str(final.relative_to(layout.packages))
        install(bag, final)
        with catalog.connect(layout) as connection:
            catalog.record(connection, layout, final)
        write_text_atomic(final.parent / "current", final.name + "\n", layout.staging)
        write_text_atomic(layout.source_pointer(taken.sha256, code_version), relative + "\n", layout.staging)
    report = prepared.report
    earlier = corrections_of(layout, taken.sha256)
    carried = reapply(layout, final, earlier) if earlier else None
    stale = [f"correction of {c.field} of {c.article} ({c.before} → {c.after}, {c.who}) no longer applies"
             for c in (carried.stale if carried else [])]
    return Outcome(
        source=taken.path, status="archived", package=carried.package if carried else relative, id=prepared.id,
        articles=len(report["articles"]), repairs=report["repairs"], uncertain=report["uncertain"],
        warnings=tuple(report["warnings"]) + tuple(stale),
    )
