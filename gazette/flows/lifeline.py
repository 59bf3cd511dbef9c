"""A command's processes end with it, however it ends.

``gazette process``, ``batch`` and ``serve`` start processes the operating
system does not tie to them: Prefect's embedded server, the process pool's
workers, the flow runs of served deployments. Killed with ``SIGKILL`` (or
``SIGTERM`` after Prefect's own handling), the command would leave them
running: workers still writing into the archive, a server holding
hundreds of MB. So the command first calls ``hold_lifeline()``: it marks its
environment with ``GAZETTE_RUN=<id>`` (every process it starts from then on
inherits the mark) and starts a watcher, ``python -m gazette.flows.lifeline``,
in a session of its own. The watcher blocks on a pipe whose other end only the
command holds; when the command's process ends, the pipe closes and the
watcher kills every process still carrying the mark, then exits.
A file's rendering child (``archive.budget``) is tied to its parent by the
kernel instead (it is forked, so it carries no mark of its own).

>>> _marked(os.getpid(), b"GAZETTE_RUN=no-such-run")
False
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid

MARK = "GAZETTE_RUN"
_held: list[int] = []  # the write end of the pipe, open until this process ends


def hold_lifeline() -> str:
    """Mark this process's children and start their watcher (once per process); return the mark."""
    if _held:
        return os.environ[MARK]
    mark = uuid.uuid4().hex
    read_end, write_end = os.pipe()
    env = {key: value for key, value in os.environ.items() if key != MARK}
    subprocess.Popen([sys.executable, "-m", "gazette.flows.lifeline", str(read_end), mark], env=env,
                     pass_fds=(read_end,), start_new_session=True, stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(read_end)
    _held.append(write_end)
    os.environ[MARK] = mark
    return mark


def watch(pipe: int, mark: str) -> None:
    """Wait until the other end of ``pipe`` closes, then kill the marked processes."""
    while os.read(pipe, 1):
        pass
    needle = f"{MARK}={mark}".encode()
    for _ in range(10):  # a process may start another while it is being killed
        found = [pid for pid in _pids() if pid != os.getpid() and _marked(pid, needle)]
        if not found:
            return
        for pid in found:
            _kill(pid)
        time.sleep(0.2)


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _marked(pid: int, needle: bytes) -> bool:
    """Whether process ``pid`` was started with ``needle`` (``NAME=value``) in its environment."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as environ:
            return needle in environ.read().split(b"\0")
    except OSError:  # gone, or not ours
        return False


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):  # gone already
        os.kill(pid, signal.SIGKILL)


if __name__ == "__main__":
    watch(int(sys.argv[1]), sys.argv[2])
