"""One archive package per source, written atomically.

A package is a folder ``ARCHIVE/<source stem>-<sha256[:12]>/`` holding:

* ``source/<original name>``: the original bytes, unchanged;
* ``gazette.xml``: the validated XML;
* ``repairs.jsonl``: every repair, one JSON object a line;
* ``report.json``: the run report (ids, counts, what could not be found);
* ``manifest-sha256.txt``: ``<sha256>  <path>`` for each file above.

The package is built in a temporary folder inside the archive (same file
system) and renamed into place, so a reader never sees half a package. The
same source always maps to the same folder; writing it again replaces it.

>>> package_name("samples/000_5a95f0f51e0668fe.txt", "0" * 64)
'000_5a95f0f51e0668fe-000000000000'
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from gazette.normalize.model import Repair

XML_NAME = "gazette.xml"
REPAIRS_NAME = "repairs.jsonl"
REPORT_NAME = "report.json"
MANIFEST_NAME = "manifest-sha256.txt"


@dataclass
class PackageContent:
    """What goes into a package."""

    source_name: str
    source_bytes: bytes
    sha256: str
    xml: bytes
    repairs: list[Repair]
    report: dict


def package_name(source_name: str, sha256: str) -> str:
    """The folder name of a source's package."""
    return f"{Path(source_name).stem}-{sha256[:12]}"


def write_package(archive: str | Path, content: PackageContent) -> Path:
    """Write a package atomically and return its folder."""
    archive = Path(archive)
    archive.mkdir(parents=True, exist_ok=True)
    target = archive / package_name(content.source_name, content.sha256)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=archive))
    try:
        _fill(staging, content)
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _fill(folder: Path, content: PackageContent) -> None:
    files = {
        f"source/{Path(content.source_name).name}": content.source_bytes,
        XML_NAME: content.xml,
        REPAIRS_NAME: _repairs_jsonl(content.repairs),
        REPORT_NAME: (json.dumps(content.report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }
    lines = []
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        lines.append(f"{hashlib.sha256(data).hexdigest()}  {relative}\n")
    (folder / MANIFEST_NAME).write_text("".join(lines), encoding="utf-8")
    _fsync_tree(folder)


def _repairs_jsonl(repairs: list[Repair]) -> bytes:
    return "".join(
        json.dumps(repair.to_json(), ensure_ascii=False) + "\n" for repair in repairs
    ).encode("utf-8")


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _swap_into_place(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    retired = Path(tempfile.mkdtemp(prefix=".retired-", dir=target.parent))
    os.rename(target, retired / target.name)
    os.rename(staging, target)
    shutil.rmtree(retired, ignore_errors=True)
