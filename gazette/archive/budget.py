"""What one file may cost: a time and a memory limit, enforced per file.

The work that depends on a file's content (reading it as a PDF or text
layer, normalizing, structuring, writing the XML) runs in a child process
forked for that file (a copy of the worker, so nothing is imported or
pickled on the way in). The worker waits for its result and kills it when
``time_limit`` seconds have passed (plus ``ocr_page_time`` for each page the
child has read by OCR: it says so through a second pipe, see
``gazette.normalize.progress``) or its resident memory has grown by more
than ``memory_limit`` MiB (looked at 20 times a second); the child's address
space is capped at twice that (``RLIMIT_AS``), for growth too fast to see. A
file over either limit raises ``OverBudgetError``, one that crashes its
reader ``ReaderCrashError``; the worker goes on. The child dies with the
thread that forked it (``PR_SET_PDEATHSIG``), so a killed worker leaves no
child behind. Only the result comes back (pickled through a pipe).

Linux only (``/proc``, ``prctl``), as the archive is.

>>> run_limited(Limits(), sum, [1, 2, 3])
6
>>> run_limited(Limits(time_limit=1), time.sleep, 5)
Traceback (most recent call last):
gazette.archive.budget.OverBudgetError: over the time limit (1 s)
>>> Limits(memory_limit=10)
Traceback (most recent call last):
gazette.archive.budget.LimitsError: setting 'memory_limit' must be between 64 and 1048576, got 10
"""

from __future__ import annotations

import ctypes
import os
import pickle
import resource
import select
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from gazette.normalize import progress

T = TypeVar("T")

#: name → (low, high) allowed range, inclusive.
_RANGES = {
    "time_limit": (1, 7 * 24 * 3600),
    "memory_limit": (64, 1 << 20),
    "ocr_page_time": (0, 24 * 3600),
    "quiet_time": (0, 7 * 24 * 3600),
}
#: Exit status of a child that ran out of memory.
_OUT_OF_MEMORY = 3
_PR_SET_PDEATHSIG = 1
#: How often the worker looks at its child's memory, seconds.
_POLL = 0.05
_PAGE = os.sysconf("SC_PAGE_SIZE")
_PRCTL = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


class LimitsError(ValueError):
    """A limit out of its range (the message names the setting)."""


class OverBudgetError(Exception):
    """A file that took more time or memory than its limits allow."""


class ReaderCrashError(Exception):
    """A file whose reading crashed the process reading it (a signal, not an exception)."""


@dataclass(frozen=True)
class Limits:
    """The budget of one file, and when an inbox file may be taken.

    * ``time_limit``: seconds (wall clock) reading and rendering one file may
      take (300; a 250-page PDF takes about 15 s);
    * ``memory_limit``: MiB of resident memory rendering one file may add to
      the worker's (2048; a 1000-page PDF needs about 100, OCR about 1100
      with its models loaded);
    * ``quiet_time``: seconds a file must have gone unchanged before it is
      taken (0 here, for files named on purpose; inbox runs use
      ``INBOX_QUIET_TIME``), so a file still being written is left for a
      later run;
    * ``ocr_page_time``: seconds more for each page read by OCR (120; a
      page takes 10–20 s on one core).
    """

    time_limit: float = 300.0
    memory_limit: int = 2048
    quiet_time: float = 0.0
    ocr_page_time: float = 120.0

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            low, high = _RANGES[item.name]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
                raise LimitsError(f"setting {item.name!r} must be between {low} and {high}, got {value!r}")


#: The quiet time of inbox runs (``gazette batch``, ``gazette serve``), seconds.
INBOX_QUIET_TIME = 60.0


def run_limited(limits: Limits, function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a child process held to ``limits``: its result,
    or ``OverBudgetError``, ``ReaderCrashError``, or ``ChildProcessError`` if
    the child was killed from outside (the system's out-of-memory killer, say)."""
    read_end, write_end = os.pipe()
    pages_read, pages_write = os.pipe()
    parent, start = os.getpid(), _resident(os.getpid())
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        os.close(pages_read)
        _child(write_end, pages_write, parent, limits.memory_limit, function, args)
    os.close(write_end)
    os.close(pages_write)
    payload: bytes = b""
    over: str | None = "interrupted"
    try:
        payload, over = _receive(read_end, pages_read, pid, limits, start)
    finally:
        os.close(read_end)
        os.close(pages_read)
        if over is not None:
            os.kill(pid, signal.SIGKILL)
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if over is not None:
        raise OverBudgetError(over)
    if code == 0 and payload:
        return pickle.loads(payload)
    if code == _OUT_OF_MEMORY:
        raise OverBudgetError(f"over the memory limit ({limits.memory_limit} MiB)")
    if code < 0 and code != -signal.SIGKILL:
        raise ReaderCrashError(f"reading it crashed ({_exit_text(code)})")
    raise ChildProcessError(f"the rendering process died ({_exit_text(code)})")


def _child(pipe: int, pages: int, parent: int, memory_limit: int, function: Callable, args: tuple) -> None:
    """Run in the forked child: never returns. Each page read by OCR is one
    byte on ``pages``."""
    code = 1
    try:
        tie_to_parent(parent)
        _cap_address_space(2 * memory_limit)
        progress.listen(lambda seq: _tell(pages))
        data = pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)
        with open(pipe, "wb") as out:
            out.write(data)
        code = 0
    except MemoryError:
        code = _OUT_OF_MEMORY
    except BaseException:  # nothing may escape a forked child: it would run the worker's code
        code = 1
    finally:
        os._exit(code)


def _tell(pages: int) -> None:
    """One more page read by OCR, told to the worker."""
    os.write(pages, b"p")


def tie_to_parent(parent: int) -> None:
    """Be killed when the thread that started this process ends (or now, if
    process ``parent`` is gone already)."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _cap_address_space(mib: int) -> None:
    """No more address space than this process has now plus ``mib`` MiB; no core dumps."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        now = int(statm.read().split()[0]) * _PAGE
    resource.setrlimit(resource.RLIMIT_AS, (now + mib * 2**20,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _receive(pipe: int, pages: int, pid: int, limits: Limits, start: int) -> tuple[bytes, str | None]:
    """(everything written to ``pipe`` until it closed, None), or (b"", why
    the child must be stopped) when it goes over a limit first; each byte on
    ``pages`` (a page read by OCR) moves the deadline ``ocr_page_time`` on."""
    deadline, most = time.monotonic() + limits.time_limit, start + limits.memory_limit * 2**20
    chunks: list[bytes] = []
    read_by_ocr = 0
    while (left := deadline - time.monotonic()) > 0:
        if _resident(pid) > most:
            return b"", f"over the memory limit ({limits.memory_limit} MiB)"
        ready = select.select([pipe, pages], [], [], min(left, _POLL))[0]
        if pages in ready:
            more = len(os.read(pages, 1024))
            read_by_ocr += more
            deadline += more * limits.ocr_page_time
        if pipe in ready:
            chunk = os.read(pipe, 1 << 20)
            if not chunk:
                return b"".join(chunks), None
            chunks.append(chunk)
    pages_note = f" and {limits.ocr_page_time:g} s for each of {read_by_ocr} pages read by OCR" if read_by_ocr else ""
    return b"", f"over the time limit ({limits.time_limit:g} s{pages_note})"


def _resident(pid: int) -> int:
    """Bytes of memory process ``pid`` has resident (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _exit_text(code: int) -> str:
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
