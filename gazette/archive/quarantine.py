"""Quarantine: a bad input set aside, unchanged, with the reason.

``ARCHIVE/quarantine/<sha256[:16]>-v<code version>/`` holds a copy of the
input (the original in the inbox is never moved, changed or deleted) and
``error.json``: file, reason, stage, exception type, a traceback summary, code
version and time. The same bad bytes are quarantined once per code version.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import shutil
import tempfile
import traceback
from pathlib import Path

from .layout import ArchiveLayout
from .lock import archive_lock


def quarantine(layout: ArchiveLayout, path: Path, error: BaseException, stage: str,
               code_version: str) -> Path:
    """Copy ``path`` into quarantine with ``error.json``; return the folder."""
    data = path.read_bytes() if path.is_file() else b""
    sha256 = hashlib.sha256(data).hexdigest()
    final = layout.quarantined(sha256, code_version)
    layout.staging.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="q-", dir=layout.staging))
    try:
        if path.is_file():
            shutil.copy2(path, staging / path.name)
        (staging / "error.json").write_text(json.dumps({
            "file": str(path),
            "reason": getattr(error, "reason", None) or str(error),
            "stage": stage,
            "exception": type(error).__name__,
            "traceback": traceback.format_exception(error)[-3:],
            "sha256": sha256,
            "code_version": code_version,
            "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        with archive_lock(layout):
            if not final.exists():
                final.parent.mkdir(parents=True, exist_ok=True)
                staging.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final
