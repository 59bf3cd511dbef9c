"""Quarantine: a bad input set aside, unchanged, with the reason.

``ARCHIVE/quarantine/<sha256[:16]>-v<code version>/`` holds a copy of the
input's bytes as they were read (the original in the inbox is never moved,
changed or deleted), under its original name, and ``error.json``: file,
reason, stage, exception type, a traceback summary, whether the bytes were
copied (a file over the size limit is not), code version and time. Names and
reasons are written UTF-8-safe (bytes that are not UTF-8 as ``\\xNN``). The
same bad bytes are quarantined once per code version.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from pathlib import Path

from .layout import ArchiveLayout
from .lock import archive_lock
from .problem import Problem
from .take import Taken, utf8_safe

ERROR_NAME = "error.json"


def quarantine(layout: ArchiveLayout, taken: Taken, problem: Problem, code_version: str) -> Path:
    """Copy the bytes of ``taken`` into quarantine with ``error.json``; return the folder."""
    final = layout.quarantined(taken.sha256, code_version)
    layout.staging.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-q-", dir=layout.staging))  # removed if we die
    try:
        if taken.data is not None:
            (staging / Path(taken.path).name).write_bytes(taken.data)
        (staging / ERROR_NAME).write_text(json.dumps({
            "file": utf8_safe(taken.path),
            "reason": problem.reason,
            "stage": problem.stage,
            "exception": problem.exception,
            "traceback": list(problem.traceback),
            "copied": taken.data is not None,
            "sha256": taken.sha256,
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
