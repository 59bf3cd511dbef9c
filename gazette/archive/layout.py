"""Where things live in an archive folder (documented in the README).

```
ARCHIVE/
  packages/<identity>/<sha256[:16]>-v<code version>/   one BagIt bag per source and code version
  packages/<identity>/current                           name of the current package of that identity
  sources/<sha256>/<code version>                       which package holds that source (the skip index)
  quarantine/<sha256[:16]>-v<code version>/             a bad input, unchanged, with error.json
  reports/<run id>.md, .json                            run reports of inbox runs
  catalog.sqlite                                        the catalog (rebuilt from the packages on demand)
```

``<identity>`` is ``<publication>/<year>/<issue>`` for an issue,
``documents/<document number>`` for a standalone document, and
``unidentified/<sha256[:16]>`` when neither is printed.

>>> identity_path("issue", "浙江省人民政府公报", 2022, 19, None, "ab" * 32)
'浙江省人民政府公报/2022/19'
>>> identity_path("document", None, None, None, "浙政发〔2021〕13号", "ab" * 32)
'documents/浙政发-2021-13'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from gazette.normalize.structure.ids import slug

_UNSAFE = regex.compile(r'[/\\\0:*?"<>|]')


def identity_path(kind: str, publication: str | None, year: int | None, issue: int | None,
                  doc_number: str | None, sha256: str) -> str:
    """The folder (relative to ``packages/``) of everything archived for one issue or document."""
    if kind == "issue" and publication and year and issue:
        return f"{_safe(publication)}/{year}/{issue}"
    if kind == "document" and doc_number:
        return f"documents/{_safe(slug(doc_number))}"
    return f"unidentified/{sha256[:16]}"


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name)


def package_name(sha256: str, code_version: str, revision: int = 1) -> str:
    """``<sha256[:16]>-v<code version>``: the machine's package of a source by
    a code version; ``-r<n>`` for the n-th version of it (corrected, or made
    again on purpose).

    >>> package_name("ab" * 32, "0.8.0"), package_name("ab" * 32, "0.8.0", 3)
    ('abababababababab-v0.8.0', 'abababababababab-v0.8.0-r3')
    """
    base = f"{sha256[:16]}-v{code_version}"
    return base if revision == 1 else f"{base}-r{revision}"


def revision_of(name: str, sha256: str, code_version: str) -> int | None:
    """The revision a package name gives for these bytes and code version (None if it is not theirs).

    >>> revision_of("abababababababab-v0.8.0-r3", "ab" * 32, "0.8.0"), revision_of("x-v1", "ab" * 32, "0.8.0")
    (3, None)
    """
    base = package_name(sha256, code_version)
    if name == base:
        return 1
    tail = name[len(base):] if name.startswith(base) else ""
    return int(tail[2:]) if tail.startswith("-r") and tail[2:].isdigit() and int(tail[2:]) > 1 else None


@dataclass(frozen=True)
class ArchiveLayout:
    """The paths of one archive folder."""

    root: Path

    @property
    def packages(self) -> Path:
        return self.root / "packages"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def staging(self) -> Path:
        return self.root / ".staging"

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    def source_pointer(self, sha256: str, code_version: str) -> Path:
        """The file that says which package holds this source for this code version."""
        return self.root / "sources" / sha256 / code_version

    def quarantined(self, sha256: str, code_version: str) -> Path:
        return self.quarantine / package_name(sha256, code_version)

    def next_revision(self, sha256: str, code_version: str) -> int:
        """The revision a new version of these bytes by this code version gets."""
        found = [revision_of(p.name, sha256, code_version) for p in self.versions_of(sha256)]
        return max((r for r in found if r is not None), default=0) + 1

    def versions_of(self, sha256: str) -> list[Path]:
        """The packages whose name says they hold these bytes (any code version, any revision)."""
        return [p for p in self.package_dirs() if p.name.startswith(f"{sha256[:16]}-v")]

    def pointed(self, sha256: str, code_version: str) -> Path | None:
        """The package the source pointer of these bytes and this code version names (None: none, or gone)."""
        pointer = self.source_pointer(sha256, code_version)
        package = self.packages / pointer.read_text("utf-8").strip() if pointer.is_file() else None
        return package if package is not None and package.is_dir() else None

    def package_at(self, path: str) -> Path | None:
        """The package at ``path`` (relative to ``packages/``, or absolute), None
        for anything else, whatever the path holds (``..``, a file, a link out
        of the archive's packages)."""
        if not path:
            return None
        found, packages = (self.packages / path).resolve(), self.packages.resolve()
        if not found.is_relative_to(packages) or not (found / "bagit.txt").is_file():
            return None
        return self.packages / found.relative_to(packages)  # under this layout's root, as given

    def package_dirs(self) -> list[Path]:
        """Every package (a folder with ``bagit.txt``) in the archive."""
        return sorted(p.parent for p in self.packages.rglob("bagit.txt")) if self.packages.exists() else []
