"""Inbox runs without orchestration: which files to take, and the run report.

The inbox is only read: files are never moved, changed or deleted, so a
user's inbox is never emptied by us. "New" is decided by the archive (the
``sources/`` index and the quarantine), not by file names or times. Symbolic
links are listed but never followed (``archive_file`` reports them as
skipped), nor are linked folders entered.
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
from .take import shown, utf8_safe

#: File endings taken from an inbox.
INBOX_SUFFIXES = (".txt", ".pdf", ".ofd", ".docx")
#: What an inbox run can say of a file, in the report's order.
STATUSES = ("archived", "skipped", "quarantined", "failed")


def inbox_files(inbox: str | Path) -> list[Path]:
    """The source files of an inbox (recursively) and its symbolic links, in a stable order.

    >>> [p.name for p in inbox_files("samples")][:2]
    ['000_5a95f0f51e0668fe.txt', '001_1ef70020bcf50eb9.txt']
    """
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise NotADirectoryError(f"{inbox}: not a folder")
    return sorted(p for p in inbox.rglob("*") if not p.name.startswith(".")
                  and (p.is_symlink() or (p.is_file() and p.suffix.lower() in INBOX_SUFFIXES)))


def run_report(outcomes: list[Outcome], run_id: str) -> tuple[str, dict]:
    """The report of an inbox run as Markdown and as JSON-ready data (names
    UTF-8-safe: bytes that are not UTF-8 as ``\\xNN``)."""
    counts = Counter(outcome.status for outcome in outcomes)
    data: dict[str, Any] = {
        "run": run_id,
        "counts": {status: counts.get(status, 0) for status in STATUSES},
        "archived": [{"source": utf8_safe(o.source), "package": o.package, "id": o.id, "articles": o.articles,
                      "warnings": list(o.warnings)} for o in outcomes if o.status == "archived"],
        **{status: [{"source": utf8_safe(o.source), "reason": o.reason} for o in outcomes if o.status == status]
           for status in STATUSES[1:]},
    }
    lines = [f"# gazette inbox run {run_id}", "",
             "| " + " | ".join(STATUSES) + " |", "|" + "---|" * len(STATUSES),
             "| " + " | ".join(str(data["counts"][status]) for status in STATUSES) + " |", ""]
    for status, title in (("failed", "Failed (not archived: taken again by the next run)"),
                          ("quarantined", "Quarantined"), ("skipped", "Not taken")):
        listed = [item for item in data[status] if item["reason"]]
        if listed:
            lines += [f"## {title}", ""] + [f"- `{shown(i['source'])}`: {i['reason']}" for i in listed] + [""]
    warned = [a for a in data["archived"] if a["warnings"]]
    if warned:
        lines += ["## Warnings", ""]
        for item in warned:
            lines += [f"- `{shown(item['source'])}` ({item['id']}): {w}" for w in item["warnings"]]
        lines.append("")
    return "\n".join(lines), data


def save_report(layout: ArchiveLayout, markdown: str, data: dict) -> Path:
    """Write the report into ``ARCHIVE/reports/`` (Markdown and JSON); return the Markdown file."""
    target = layout.reports / f"{data['run']}.md"
    write_text_atomic(target, markdown, layout.staging)
    write_text_atomic(target.with_suffix(".json"), json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                      layout.staging)
    return target


def new_run_id() -> str:
    """A sortable id for a run: its UTC start time."""
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
