"""The ``gazette`` command line.

* ``gazette process FILE... [--archive DIR]``: the single-file Prefect flow on
  each file; a bad file is quarantined.
* ``gazette batch INBOX [--archive DIR] [--workers N | --dask-address ADDR]``:
  the inbox flow once, with a progress bar and a run report.
* both exit with ``EXIT_OK`` (every file archived or skipped),
  ``EXIT_QUARANTINED`` (some quarantined) or ``EXIT_FAILED`` (some failed by
  the environment: taken again by the next run); ``EXIT_USAGE`` for a bad
  command line, profile or setting.
* ``--time-limit S`` and ``--memory-limit MIB`` (a file's budget) on
  ``process``, ``batch`` and ``serve``; ``--quiet-time S`` on ``batch`` and
  ``serve`` (an inbox file changed in the last S seconds is left for later).
* ``gazette serve [--inbox DIR] [--archive DIR] [--cron EXPR]``: serve the
  inbox flow on a schedule and the single-file flow for manual runs
  (needs a Prefect server: ``PREFECT_API_URL``).
* ``gazette explain FILE``: the repairs a file gets, grouped by rule (no Prefect).
* ``--profile P.toml`` and ``--pdf NAME=VALUE`` (PDF reader settings, over
  the profile's ``[pdf]`` table) on ``process``, ``batch`` and ``explain``.
* ``gazette validate XML...``: check XML files against the schema.
* ``gazette verify [ARCHIVE]``: re-check every package's manifests and XML,
  the catalog, the ``sources/`` pointers and the quarantine records.
* ``gazette catalog rebuild|list [--archive DIR]``: the SQLite catalog.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from gazette import __version__
from gazette.archive import ArchiveLayout, Limits, Outcome
from gazette.archive.budget import INBOX_QUIET_TIME, LimitsError
from gazette.archive.take import shown
from gazette.normalize import SourceError, load_profile, normalize
from gazette.normalize.explain import format_explanation
from gazette.normalize.profile import Profile, ProfileError
from gazette.normalize.read import PageWorkers, read_source
from gazette.schemas import InvalidXML

#: Quiet, local defaults for Prefect; any of them can be overridden by the environment.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}
#: Exit statuses of ``process`` and ``batch`` (the worst outcome wins).
EXIT_OK, EXIT_QUARANTINED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
NEEDS_SERVER = ("gazette serve needs a running Prefect server: start one with 'prefect server start' "
                "and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api), then run gazette serve again.")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gazette`` console script."""
    args = _parser().parse_args(argv)
    try:
        overrides: dict[str, object] = {"keep_furniture": True} if getattr(args, "keep_furniture", False) else {}
        if getattr(args, "pdf", None):
            overrides["pdf"] = pdf_overrides(args.pdf)
        profile = load_profile(getattr(args, "profile", None), overrides)
    except (ProfileError, OSError) as exc:
        print(f"gazette: bad profile: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        args.limits = _limits(args)
    except LimitsError as exc:
        print(f"gazette: bad limit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return args.run(args, profile)


def _limits(args: argparse.Namespace) -> Limits | None:
    """The budget the command line gives (commands that archive only)."""
    if not hasattr(args, "time_limit"):
        return None
    return Limits(args.time_limit, args.memory_limit, getattr(args, "quiet_time", 0.0), args.ocr_page_time)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gazette", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"gazette {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    process = commands.add_parser("process", help="archive source files (single-file Prefect flow)")
    process.add_argument("files", nargs="+", metavar="FILE")
    process.add_argument("--force", action="store_true",
                         help="make a new package version even if this code version archived the file")
    process.add_argument("--workers", type=int, default=1,
                         help="processes that read a scan's pages by OCR at once (default 1)")
    process.add_argument("--dask-address", help="read a scan's pages on this Dask scheduler (tcp://host:port)")
    _archive_options(process)
    process.set_defaults(run=_process)

    batch = commands.add_parser("batch", help="archive the new files of an inbox once (inbox flow)")
    batch.add_argument("inbox", metavar="INBOX")
    batch.add_argument("--force", action="store_true",
                       help="make a new package version of every file, even those this code version archived")
    _archive_options(batch)
    batch.add_argument("--workers", type=int, default=2, help="worker processes on this machine (default 2)")
    batch.add_argument("--dask-address", help="run the tasks on this Dask scheduler (tcp://host:port)")
    batch.add_argument("--page-workers", type=int, default=1,
                       help="processes that read one scan's pages by OCR at once, per worker (default 1)")
    _quiet_option(batch)
    batch.set_defaults(run=_batch)

    serve = commands.add_parser("serve", help="serve the inbox flow on a schedule (needs a Prefect server)")
    serve.add_argument("--inbox", default="inbox", help="inbox folder (default ./inbox)")
    _archive_options(serve)
    serve.add_argument("--cron", default="0 2 * * *", help="schedule of the inbox run (default: 02:00 daily)")
    _quiet_option(serve)
    serve.set_defaults(run=_serve)

    explain = commands.add_parser("explain", help="show the repairs a file gets, write nothing")
    explain.add_argument("file", metavar="FILE")
    explain.add_argument("--max-per-rule", type=int, default=0, help="show at most N repairs per rule (0: all)")
    explain.add_argument("--profile", help="publication profile (TOML)")
    _pdf_option(explain)
    explain.set_defaults(run=_explain)

    review = commands.add_parser("review", help="serve the review web app over an archive")
    review.add_argument("archive", nargs="?", default="archive", metavar="ARCHIVE")
    review.add_argument("--port", type=int, default=8765)
    review.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1: this machine only)")
    review.add_argument("--token", help="a token every request must carry (made up when binding elsewhere)")
    review.set_defaults(run=_review)

    check = commands.add_parser("validate", help="validate XML files against gazette.xsd")
    check.add_argument("files", nargs="+", metavar="XML")
    check.set_defaults(run=_validate)

    verify = commands.add_parser("verify", help="re-check the packages, the catalog, the pointers and the quarantine")
    verify.add_argument("archive", nargs="?", default="archive", metavar="ARCHIVE")
    verify.set_defaults(run=_verify)

    catalog = commands.add_parser("catalog", help="the archive's SQLite catalog")
    actions = catalog.add_subparsers(required=True, metavar="ACTION")
    rebuild = actions.add_parser("rebuild", help="rebuild the catalog from the packages")
    rebuild.add_argument("--archive", default="archive")
    rebuild.set_defaults(run=_catalog_rebuild)
    listing = actions.add_parser("list", help="one line per article (current packages)")
    listing.add_argument("--archive", default="archive")
    listing.add_argument("--from", dest="date_from", help="signed on or after (YYYY-MM-DD)")
    listing.add_argument("--to", dest="date_to", help="signed on or before (YYYY-MM-DD)")
    listing.add_argument("--number", help="document number contains")
    listing.add_argument("--publication", help="publication contains")
    listing.add_argument("--all-versions", action="store_true", help="also packages that are not current")
    listing.set_defaults(run=_catalog_list)
    return parser


def _archive_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--archive", default="archive", help="archive folder (default ./archive)")
    parser.add_argument("--keep-furniture", action="store_true",
                        help="keep page numbers and running heads as <fw> in the XML")
    parser.add_argument("--profile", help="publication profile (TOML)")
    _pdf_option(parser)
    parser.add_argument("--time-limit", type=float, default=Limits.time_limit, metavar="S",
                        help=f"seconds one file may take to read and render (default {Limits.time_limit:g}), "
                        "plus --ocr-page-time for each page read by OCR")
    parser.add_argument("--ocr-page-time", type=float, default=Limits.ocr_page_time, metavar="S",
                        help=f"seconds more a file may take for each page read by OCR (default "
                        f"{Limits.ocr_page_time:g})")
    parser.add_argument("--memory-limit", type=int, default=Limits.memory_limit, metavar="MIB",
                        help=f"MiB of memory one file may add (default {Limits.memory_limit})")


def _quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet-time", type=float, default=INBOX_QUIET_TIME, metavar="S",
                        help="take a file only when it has not changed for S seconds "
                             f"(default {INBOX_QUIET_TIME:g})")


def _pdf_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdf", action="append", metavar="NAME=VALUE",
                        help="a PDF reader setting, over the profile's [pdf] table (repeatable; "
                             "e.g. --pdf crop_left=40 --pdf ruled_tables=false)")


#: A value that TOML would refuse unquoted but that can only mean a string (``tesseract``).
_BARE_WORD = re.compile(r"(?!(?:true|false|inf|nan)$)[A-Za-z_][A-Za-z0-9_-]*")


def pdf_overrides(pairs: list[str]) -> dict:
    """PDF settings given on the command line, values read as TOML (a bare
    word is a string).

    >>> pdf_overrides(["crop_left=40", "ruled_tables=false", "ocr_engine=tesseract"])
    {'crop_left': 40, 'ruled_tables': False, 'ocr_engine': 'tesseract'}
    >>> pdf_overrides(["crop_left"])
    Traceback (most recent call last):
    gazette.normalize.profile.ProfileError: --pdf 'crop_left': give NAME=VALUE
    """
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        try:
            if not sep:
                raise ValueError("give NAME=VALUE")
            word = value.strip()
            settings[name.strip()] = word if _BARE_WORD.fullmatch(word) else tomllib.loads(f"value = {word}")["value"]
        except (ValueError, tomllib.TOMLDecodeError) as error:
            raise ProfileError(f"--pdf {pair!r}: {error}") from error
    return settings


def _explain(args: argparse.Namespace, profile: Profile) -> int:
    try:
        doc = normalize(read_source(args.file, profile.pdf), profile)
    except SourceError as exc:
        print(f"gazette: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(format_explanation(doc, args.max_per_rule))
    return 0


def _process(args: argparse.Namespace, profile: Profile) -> int:
    _prefect_environment()
    from gazette.flows.process import flow_path, process_file

    statuses = []
    with _quiet_flows():
        for path in args.files:
            outcome = process_file(flow_path(path), args.archive, profile, args.limits, args.force,
                                   _page_workers(args.workers, args.dask_address))
            statuses.append(outcome.status)
            _print_outcome(outcome)
    return exit_status(statuses)


def _page_workers(count: int, dask_address: str | None) -> PageWorkers:
    """Who reads a scan's pages: ``count`` local processes, or the Dask cluster."""
    return PageWorkers(max(1, count), dask_address or "")


def _review(args: argparse.Namespace, _profile: Profile) -> int:
    import secrets

    import uvicorn

    from gazette.review.app import create_app

    token = args.token
    if token is None and args.host not in ("127.0.0.1", "localhost", "::1"):
        token = secrets.token_urlsafe(24)  # another address: never without a token
    start = f"http://{args.host}:{args.port}/" + (f"?token={token}" if token else "")
    print(f"gazette review: {args.archive} at {start}", flush=True)
    uvicorn.run(create_app(Path(args.archive), token), host=args.host, port=args.port, log_level="warning")
    return 0


def exit_status(statuses: Sequence[str]) -> int:
    """The exit status of a run whose files ended so: the worst outcome wins.

    >>> exit_status(["archived", "skipped"]), exit_status(["quarantined", "archived"])
    (0, 1)
    >>> exit_status(["quarantined", "failed"])
    3
    """
    if "failed" in statuses:
        return EXIT_FAILED
    return EXIT_QUARANTINED if "quarantined" in statuses else EXIT_OK


def _print_outcome(outcome: Outcome) -> None:
    source = shown(outcome.source)
    if outcome.status in ("quarantined", "failed"):
        where = f" -> {outcome.package}" if outcome.status == "quarantined" else " (not archived: try again)"
        print(f"gazette: {source}: {outcome.reason}{where}", file=sys.stderr)
        return
    if outcome.status == "skipped":
        said = f"not taken: {outcome.reason}" if outcome.reason else f"already archived by gazette {__version__}"
        print(f"{source}: {said}" + (f" -> {outcome.package}" if outcome.package else ""))
        return
    print(f"{source}: {outcome.id}, {outcome.articles} articles, {outcome.repairs} repairs "
          f"({outcome.uncertain} guesses), {len(outcome.warnings)} warnings -> {outcome.package}")
    for warning in outcome.warnings:
        print(f"  warning: {warning}")


def _batch(args: argparse.Namespace, profile: Profile) -> int:
    if not Path(args.inbox).is_dir():
        print(f"gazette: {args.inbox}: not a folder", file=sys.stderr)
        return 2
    _prefect_environment()
    from gazette.flows.process import process_inbox, runner_for

    flow = process_inbox.with_options(task_runner=runner_for(args.workers, args.dask_address))
    with _quiet_flows(), _one_server(args.workers > 1 and not args.dask_address):
        report = flow(str(Path(args.inbox).resolve()), str(Path(args.archive).resolve()), profile,
                      show_progress=True, workers=_worker_count(args), limits=args.limits,
                      page_workers=_page_workers(args.page_workers, None), force=args.force)
    counts = report["counts"]
    print(", ".join(f"{status} {count}" for status, count in counts.items()) + f"; report: {report['report_file']}")
    for status in ("failed", "quarantined", "skipped"):
        for item in report[status]:
            if item["reason"]:
                print(f"  {status}: {shown(item['source'])}: {item['reason']}")
    return exit_status([status for status, count in counts.items() if count])


@contextlib.contextmanager
def _one_server(pooled: bool) -> Iterator[None]:
    """With a process pool and no Prefect server named (``PREFECT_API_URL``),
    one embedded server for the command and its workers: each worker would
    otherwise start its own (about 10 s and 200 MB each). It stops when the
    command ends (Prefect's exit handler; the lifeline if the command is killed)."""
    if not pooled or "PREFECT_API_URL" in os.environ:
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the one Prefect's ephemeral mode uses here too; stopped at exit
    server.start(timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")))
    os.environ["PREFECT_API_URL"] = server.api_url  # the workers inherit it
    yield


def _worker_count(args: argparse.Namespace) -> int:
    """Workers to plan chunks for: the Dask cluster's, or ``--workers``."""
    if not args.dask_address:
        return args.workers
    from distributed import Client

    with Client(args.dask_address, timeout=30) as client:
        return max(1, len(client.scheduler_info()["workers"]))


def _serve(args: argparse.Namespace, profile: Profile) -> int:
    if not os.environ.get("PREFECT_API_URL"):
        print(f"gazette: {NEEDS_SERVER}", file=sys.stderr)
        return 2
    _prefect_environment()
    from prefect import serve

    from gazette.flows.process import process_file, process_inbox

    inbox, archive = str(Path(args.inbox).resolve()), str(Path(args.archive).resolve())
    limits = asdict(args.limits)
    deployments = (
        process_inbox.to_deployment(name="inbox", cron=args.cron,
                                    parameters={"inbox": inbox, "archive": archive, "limits": limits}),
        process_file.to_deployment(name="manual",
                                   parameters={"archive": archive, "limits": {**limits, "quiet_time": 0}}),
    )
    serve(*deployments)  # type: ignore[arg-type]  # to_deployment is sync here (no running event loop)
    return 0


def _validate(args: argparse.Namespace, profile: Profile) -> int:
    from lxml import etree

    from gazette.schemas import validate

    bad = 0
    for path in args.files:
        try:
            validate(etree.parse(path), path)
        except (InvalidXML, OSError, etree.XMLSyntaxError) as exc:
            bad += 1
            print(f"gazette: {_error_text(exc, path)}", file=sys.stderr)
            continue
        print(f"{path}: valid")
    return 1 if bad else 0


def _verify(args: argparse.Namespace, profile: Profile) -> int:
    from gazette.archive.verify import verify_archive

    problems = verify_archive(Path(args.archive))
    for problem in problems:
        print(f"gazette: {problem}", file=sys.stderr)
    packages = len(ArchiveLayout(Path(args.archive)).package_dirs())
    print(f"{args.archive}: {packages} packages, the catalog, source pointers and quarantine checked, "
          f"{len(problems)} problems")
    return 1 if problems else 0


def _catalog_rebuild(args: argparse.Namespace, profile: Profile) -> int:
    from gazette.archive import catalog
    from gazette.archive.lock import archive_lock

    layout = ArchiveLayout(Path(args.archive))
    try:
        with archive_lock(layout):
            count = catalog.rebuild(layout)
    except catalog.CatalogError as error:
        print(f"gazette: {layout.catalog} not rebuilt (the old one is kept): {error}", file=sys.stderr)
        return 1
    print(f"{layout.catalog}: rebuilt from {count} packages")
    return 0


def _catalog_list(args: argparse.Namespace, profile: Profile) -> int:
    from gazette.archive import catalog

    rows = catalog.articles(ArchiveLayout(Path(args.archive)), catalog.Query(
        args.date_from, args.date_to, args.number, args.publication, args.all_versions))
    for row in rows:
        print(f"{row['date'] or '----------'}  {row['doc_number'] or '-'}  {row['title'] or '-'}  [{row['path']}]")
    return 0


def _error_text(exc: Exception, path: str) -> str:
    text = str(exc)
    return text if path in text or os.path.basename(path) in text else f"{path}: {text}"


def _quiet_flows():
    """No flow heartbeats (they cost ~1 s per synchronous flow call)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def _prefect_environment() -> None:
    """Set quiet local defaults before Prefect is imported, and tie the
    processes it will start (server, workers) to this one."""
    from gazette.flows.lifeline import hold_lifeline

    hold_lifeline()
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if "PREFECT_API_URL" not in os.environ:
        # The embedded server is killed at exit while it still records task
        # runs; recording them would only print a traceback.
        os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED", "false")
    if "PREFECT_HOME" not in os.environ and not os.access(os.path.expanduser("~"), os.W_OK):
        os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="gazette-prefect-")


if __name__ == "__main__":
    sys.exit(main())
