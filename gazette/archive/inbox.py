"""Inbox runs without orchestration: which files to take, and the run report.

The inbox is only read: files are never moved, changed or deleted, so a
user's inbox is never emptied by us. "New" is decided by the archive (the
``sources/`` index and the quarantine), not by file names or times.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

from .ingest import Outcome
from .layout import ArchiveLayout
from .package import write_text_atomic

#: File endings taken from an inbox.
INBOX_SUFFIXES = (".txt", ".pdf")


def inbox_files(inbox: str | Path) -> list[Path]:
    """The source files of an inbox (recursively), in a stable order.

    >>> [p.name for p in inbox_files("samples")][:2]
    ['000_5a95f0f51e0668fe.txt', '001_1ef70020bcf50eb9.txt']
    """
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise NotADirectoryError(f"{inbox}: not a folder")
    return sorted(p for p in inbox.rglob("*") if p.is_file() and p.suffix.lower() in INBOX_SUFFIXES
                  and not p.name.startswith("."))


def run_report(outcomes: list[Outcome], run_id: str) -> tuple[str, dict]:
    """The report of an inbox run as Markdown and as JSON-ready data."""
    counts = Counter(outcome.status for outcome in outcomes)
    data: dict[str, Any] = {
        "run": run_id,
        "counts": {status: counts.get(status, 0) for status in ("archived", "skipped", "quarantined")},
        "archived": [{"source": o.source, "package": o.package, "id": o.id, "articles": o.articles,
                      "warnings": list(o.warnings)} for o in outcomes if o.status == "archived"],
        "skipped": [o.source for o in outcomes if o.status == "skipped"],
        "quarantined": [{"source": o.source, "reason": o.reason} for o in outcomes if o.status == "quarantined"],
    }
    lines = [f"# gazette inbox run {run_id}", "",
             "| archived | skipped | quarantined |", "|---|---|---|",
             f"| {data['counts']['archived']} | {data['counts']['skipped']} | {data['counts']['quarantined']} |", ""]
    if data["quarantined"]:
        lines += ["## Quarantined", ""] + [f"- `{q['source']}`: {q['reason']}" for q in data["quarantined"]] + [""]
    warned = [a for a in data["archived"] if a["warnings"]]
    if warned:
        lines += ["## Warnings", ""]
        for item in warned:
            lines += [f"- `{item['source']}` ({item['id']}): {w}" for w in item["warnings"]]
        lines.append("")
    return "\n".join(lines), data


def save_report(layout: ArchiveLayout, markdown: str, data: dict) -> Path:
    """Write the report into ``ARCHIVE/reports/`` (Markdown and JSON); return the Markdown file."""
    target = layout.reports / f"{data['run']}.md"
    write_text_atomic(target, markdown)
    write_text_atomic(target.with_suffix(".json"), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return target


def new_run_id() -> str:
    """A sortable id for a run: its UTC start time."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
