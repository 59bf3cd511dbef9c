"""Zip containers (OFD and DOCX are both zips of XML parts), opened with care.

A zip is told apart by what it holds: ``OFD.xml`` at its root is an OFD
file (GB/T 33190), ``word/document.xml`` a Word document. A damaged zip, an
encrypted member, or one that would inflate beyond ``MAX_INFLATED_BYTES``
(or more than ``MAX_RATIO`` times its compressed size: a zip bomb) raises
``SourceError``; a member is never inflated past what its header declares.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
...     archive.writestr("OFD.xml", "<ofd:OFD/>")
>>> zip_format(buffer.getvalue(), "a.ofd")
'ofd'
>>> Zipped(buffer.getvalue(), "a.ofd").text("OFD.xml")
'<ofd:OFD/>'
"""

from __future__ import annotations

import io
import zipfile

from ..model import SourceError

#: Most bytes all members of a container may inflate to together.
MAX_INFLATED_BYTES = 512 * 1024 * 1024
#: Most a member may inflate to per compressed byte (XML compresses about 10:1).
MAX_RATIO = 200
#: Members smaller than this are not judged by their ratio (a page of spaces compresses well).
RATIO_FLOOR = 1024 * 1024


def zip_format(data: bytes, name: str) -> str:
    """``ofd`` or ``docx`` by the parts the zip holds, or ``SourceError``."""
    names = set(Zipped(data, name).names)
    if "OFD.xml" in names:
        return "ofd"
    if "word/document.xml" in names:
        return "docx"
    raise SourceError(name, "a zip archive that is neither an OFD file (no OFD.xml) "
                            "nor a Word document (no word/document.xml)")


class Zipped:
    """A zip's members, read by name within the bomb limits."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise SourceError(name, f"damaged zip archive ({error})") from error
        self._infos = {info.filename.lstrip("/"): info for info in infos}
        self.names = list(self._infos)
        self._check(infos)

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        if any(info.flag_bits & 0x1 for info in infos):
            raise SourceError(self.name, "encrypted zip archive: a password is needed to read it")
        total = sum(info.file_size for info in infos)
        if total > MAX_INFLATED_BYTES:
            raise SourceError(self.name, f"zip archive would inflate to {total} bytes "
                                         f"(limit {MAX_INFLATED_BYTES}): refused as a zip bomb")
        for info in infos:
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise SourceError(self.name, f"zip member {info.filename} inflates {info.compress_size} bytes "
                                             f"to {info.file_size}: refused as a zip bomb")

    def has(self, member: str) -> bool:
        """Whether the zip holds ``member`` (a path from its root, ``/`` or not)."""
        return member.lstrip("/") in self._infos

    def bytes(self, member: str) -> bytes:
        """A member's bytes, never more than its header declares."""
        info = self._infos.get(member.lstrip("/"))
        if info is None:
            raise SourceError(self.name, f"part {member} is missing from the zip archive")
        try:
            with self._zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as error:
            raise SourceError(self.name, f"damaged zip member {member} ({error})") from error
        if len(data) > info.file_size:
            raise SourceError(self.name, f"zip member {member} inflates past its declared size: refused as a zip bomb")
        return data

    def text(self, member: str) -> str:
        """A member decoded as UTF-8 (the XML parts of OFD and DOCX)."""
        return self.bytes(member).decode("utf-8", errors="replace")
