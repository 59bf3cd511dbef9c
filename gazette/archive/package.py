"""Archive packages: BagIt bags built aside and renamed into place.

A package holds, inside a BagIt bag (``bagit.py --validate`` passes on it):

* ``data/source/<original name>``: the original bytes, unchanged;
* ``data/gazette.xml``: the validated XML;
* ``data/repairs.jsonl``: every repair, one JSON object a line;
* ``data/report.json``: the run report (ids, counts, what could not be found);
* ``data/corrections.jsonl``: in a corrected version only, the archivists'
  corrections it carries (``corrections.py``);
* ``manifest-sha256.txt``, ``tagmanifest-sha256.txt``, ``bag-info.txt``.

The bag is built in ``ARCHIVE/.staging/<pid>-…`` (same file system) and then
renamed to its final folder, so a reader never sees half a package and a
crash leaves at most a staging folder that the next run removes. The
pointers (``current``, ``sources/…``) are replaced atomically after it, by
files written in the staging folder too.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from gazette.normalize.model import Repair

from .corrections import CORRECTIONS_NAME, Correction
from .layout import ArchiveLayout

XML_NAME = "gazette.xml"
REPAIRS_NAME = "repairs.jsonl"
REPORT_NAME = "report.json"


@dataclass
class PackageContent:
    """What goes into a package."""

    source_name: str
    source_bytes: bytes
    sha256: str
    xml: bytes
    repairs: list[Repair]
    report: dict
    corrections: list[Correction] = field(default_factory=list)


def build_bag(layout: ArchiveLayout, content: PackageContent, bag_info: dict[str, str]) -> Path:
    """Build the package as a BagIt bag in a fresh staging folder; return it."""
    layout.staging.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=layout.staging))
    try:
        bag = staging / "bag"
        files = {
            f"source/{Path(content.source_name).name}": content.source_bytes,
            XML_NAME: content.xml,
            REPAIRS_NAME: _repairs_jsonl(content.repairs),
            REPORT_NAME: (json.dumps(content.report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        }
        if content.corrections:
            files[CORRECTIONS_NAME] = "".join(c.to_json() + "\n" for c in content.corrections).encode("utf-8")
        for relative, data in files.items():
            path = bag / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        bagit.make_bag(str(bag), bag_info, checksums=["sha256"])
        _fsync_tree(bag)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return bag


def source_file(package: Path) -> Path:
    """The original file a package holds (``data/source/<its name>``)."""
    return next((package / "data" / "source").iterdir())


def bag_info(package: Path) -> dict[str, str]:
    """The fields of a package's ``bag-info.txt``."""
    lines = (package / "bag-info.txt").read_text("utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def install(bag: Path, final: Path) -> bool:
    """Rename a staged bag to ``final``; False (and the bag dropped) if it exists.

    Call with the archive lock held.
    """
    try:
        if final.exists():
            return False
        final.parent.mkdir(parents=True, exist_ok=True)
        os.rename(bag, final)
        _fsync_dir(final.parent)
        return True
    finally:
        shutil.rmtree(bag.parent, ignore_errors=True)


def write_text_atomic(path: Path, text: str, aside: Path) -> None:
    """Replace ``path`` by a file holding ``text``, never leaving half of it.

    The text is written in ``aside`` (the archive's staging folder, on the
    same file system), in a file named by this process, then renamed over
    ``path``: a process killed before the rename leaves its file there, where
    the next run removes it, not beside the pointers that ``verify`` reads.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    aside.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f"{os.getpid()}-", suffix=".tmp", dir=aside)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def remove_abandoned_staging(layout: ArchiveLayout) -> list[Path]:
    """Remove staging folders and files whose process is gone (a crashed run); return them."""
    removed = []
    for found in layout.staging.glob("*-*") if layout.staging.exists() else []:
        pid = found.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            if found.is_dir():
                shutil.rmtree(found, ignore_errors=True)
            else:
                found.unlink(missing_ok=True)
            removed.append(found)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _repairs_jsonl(repairs: list[Repair]) -> bytes:
    return "".join(
        json.dumps(repair.to_json(), ensure_ascii=False) + "\n" for repair in repairs
    ).encode("utf-8")


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
