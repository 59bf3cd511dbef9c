"""The ``gazette`` command line.

* ``gazette process FILE... [--archive DIR]``: run the single-file Prefect
  flow on each file (embedded Prefect server unless ``PREFECT_API_URL`` is
  set); exit status 1 if any file failed.
* ``gazette explain FILE``: print the repairs a file gets, grouped by rule,
  without writing anything (no Prefect involved).
* ``gazette validate XML...``: check archived XML files against the schema.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence

from gazette import __version__
from gazette.normalize import SourceError, load_profile, normalize, read_source
from gazette.normalize.explain import format_explanation
from gazette.normalize.profile import ProfileError
from gazette.schemas import InvalidXML

#: Quiet, local defaults for Prefect; any of them can be overridden by the environment.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gazette`` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        overrides = {"keep_furniture": True} if getattr(args, "keep_furniture", False) else None
        profile = load_profile(getattr(args, "profile", None), overrides)
    except (ProfileError, OSError) as exc:
        print(f"gazette: bad profile: {exc}", file=sys.stderr)
        return 2
    return args.run(args, profile)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gazette", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"gazette {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    process = commands.add_parser("process", help="archive source files (Prefect flow)")
    process.add_argument("files", nargs="+", metavar="FILE")
    process.add_argument("--archive", default="archive", help="archive folder (default: ./archive)")
    process.add_argument("--keep-furniture", action="store_true", help="keep page numbers and running heads as <fw> in the XML")
    process.add_argument("--profile", help="publication profile (TOML)")
    process.set_defaults(run=_process)

    explain = commands.add_parser("explain", help="show the repairs a file gets, write nothing")
    explain.add_argument("file", metavar="FILE")
    explain.add_argument("--max-per-rule", type=int, default=0, help="show at most N repairs per rule (0: all)")
    explain.add_argument("--profile", help="publication profile (TOML)")
    explain.set_defaults(run=_explain)

    check = commands.add_parser("validate", help="validate archived XML files against gazette.xsd")
    check.add_argument("files", nargs="+", metavar="XML")
    check.set_defaults(run=_validate)
    return parser


def _validate(args: argparse.Namespace, profile) -> int:
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


def _explain(args: argparse.Namespace, profile) -> int:
    try:
        doc = normalize(read_source(args.file), profile)
    except SourceError as exc:
        print(f"gazette: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(format_explanation(doc, args.max_per_rule))
    return 0


def _process(args: argparse.Namespace, profile) -> int:
    _prefect_environment()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from gazette.flows.process import process_file

    failed = 0
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        for path in args.files:
            try:
                result = process_file(path, args.archive, profile)
            except (SourceError, InvalidXML, OSError) as exc:
                failed += 1
                print(f"gazette: {_error_text(exc, path)}", file=sys.stderr)
                continue
            print(
                f"{path}: {result.kind} {result.id}, {result.articles} articles, "
                f"{result.repairs} repairs ({result.uncertain} guesses), "
                f"{len(result.warnings)} warnings -> {result.package}"
            )
            for warning in result.warnings:
                print(f"  warning: {warning}")
    return 1 if failed else 0


def _error_text(exc: Exception, path: str) -> str:
    text = str(exc)
    return text if path in text or os.path.basename(path) in text else f"{path}: {text}"


def _prefect_environment() -> None:
    """Set quiet local defaults before Prefect is imported."""
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
