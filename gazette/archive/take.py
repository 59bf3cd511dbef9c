"""Taking a source file: once, whole, and only what it is itself.

A file is taken only when it is a regular file reached without following a
symbolic link (a link in an inbox could point anywhere: ``/etc/passwd``),
has not changed for the quiet time (a file still being copied in would be
archived as several partial packages), and did not change while it was
read. Otherwise it is left where it is with the reason (``NotTakenError``), and a
later run looks again. Its bytes are read once: what is hashed is what is
rendered, stored or quarantined.

File names are kept as the file system gives them (bytes that are not UTF-8,
as in names from GBK zip archives, as surrogates) and written out through
``shown``, which escapes what a UTF-8 file or an XML attribute cannot hold.

>>> taken = take("samples/004_c58432d889cd2317.txt")
>>> taken.name, taken.sha256[:16], len(taken.data)
('004_c58432d889cd2317.txt', '8773e6b1f963b99e', 24044)
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

import regex

from gazette.normalize.read import MAX_SOURCE_BYTES

#: What a name may not show as is: C0 and C1 controls, DEL, the two noncharacters XML refuses.
_UNSHOWABLE = regex.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
_CHUNK = 1 << 20


class NotTakenError(Exception):
    """A file left where it is, for a reason that is not its content."""


@dataclass(frozen=True)
class Taken:
    """The bytes of a source file as read once; ``data`` is None when the
    file is larger than ``MAX_SOURCE_BYTES`` (``size`` says how large)."""

    path: str
    sha256: str
    size: int
    data: bytes | None

    @property
    def name(self) -> str:
        """The file's name as packages, the XML and reports show it."""
        return shown(Path(self.path).name)


def shown(text: str) -> str:
    """``text`` (a file name) as a UTF-8 file and an XML attribute can hold
    it: bytes that are not UTF-8 and control characters written as ``\\xNN``.

    >>> shown(os.fsdecode(b"\\xb9\\xab\\xb8\\xe6.txt")), shown("a\\x07b.txt"), shown("公告.txt")
    ('\\\\xb9\\\\xab\\\\xb8\\\\xe6.txt', 'a\\\\x07b.txt', '公告.txt')
    """
    return _UNSHOWABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if m[0] < "\u0100" else f"\\u{ord(m[0]):04x}",
                           utf8_safe(text))


def utf8_safe(text: str) -> str:
    """``text`` with the bytes that were not UTF-8 (surrogates, as the file
    system gives them) written as ``\\xNN``: any UTF-8 writer takes it.

    >>> utf8_safe(os.fsdecode(b"/inbox/\\xb9\\xab.txt"))
    '/inbox/\\\\xb9\\\\xab.txt'
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def take(path: str | Path, quiet_time: float = 0.0) -> Taken:
    """Read ``path`` if it may be taken now (``NotTakenError`` if not; ``OSError``
    if the file system fails)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotTakenError("a symbolic link: not followed") from error
        raise
    with open(handle, "rb", closefd=True) as stream:
        before = os.fstat(handle)
        _check_takeable(before, quiet_time)
        sha256, size, data = _read(stream)
        after = os.fstat(handle)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or size != before.st_size:
        raise NotTakenError("changed while it was read: left for a later run")
    return Taken(str(path), sha256, size, data)


def _check_takeable(status: os.stat_result, quiet_time: float) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise NotTakenError("not a regular file")
    age = time.time() - status.st_mtime
    if age < quiet_time:
        raise NotTakenError(f"changed {max(age, 0):.0f} s ago (quiet time {quiet_time:g} s): left for a later run")


def _read(stream) -> tuple[str, int, bytes | None]:
    """(sha256, size, bytes): the bytes only up to ``MAX_SOURCE_BYTES``,
    the hash of all of them (a huge file is hashed, not held)."""
    digest, size, kept = hashlib.sha256(), 0, []
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if size <= MAX_SOURCE_BYTES:
            kept.append(chunk)
    return digest.hexdigest(), size, b"".join(kept) if size <= MAX_SOURCE_BYTES else None
