"""What went wrong with one file, and whose fault it was.

A ``Problem`` is plain data (it crosses from the child process that renders
a file to the worker). Its ``fault`` decides what happens to the file:

* ``input``: the file is bad (undecodable, no official document, over its
  budget, a reader crash on its bytes): it is quarantined, and skipped by
  later runs of this code version;
* ``environment``: the machine failed (a full disk, a permission, another
  OS error, the database): the file's outcome is ``failed`` for this run; it
  is neither quarantined nor marked done, so a later run takes it again.

>>> Problem.of(OSError(28, "No space left on device"), "store").fault
'environment'
>>> problem = Problem.of(ValueError("bad table"), "render")
>>> problem.fault, problem.summary
('input', 'render: bad table')
"""

from __future__ import annotations

import sqlite3
import traceback
from dataclasses import dataclass

from .take import utf8_safe


@dataclass(frozen=True)
class Problem:
    """Stage, reason, exception type and the end of its traceback; ``fault`` is ``input`` or ``environment``."""

    stage: str
    reason: str
    exception: str
    traceback: tuple[str, ...] = ()
    fault: str = "input"

    @classmethod
    def of(cls, error: BaseException, stage: str) -> Problem:
        """The problem an exception raised at ``stage`` says (its own ``stage``
        and ``reason`` when it has them, as ``SourceError`` does)."""
        environment = isinstance(error, (OSError, sqlite3.Error))
        return cls(
            stage=getattr(error, "stage", None) or stage,
            reason=utf8_safe(getattr(error, "reason", None) or str(error) or type(error).__name__),
            exception=type(error).__name__,
            traceback=tuple(utf8_safe(line) for line in traceback.format_exception(error)[-3:]),
            fault="environment" if environment else "input",
        )

    @property
    def summary(self) -> str:
        """``stage: reason``, as outcomes and reports give it."""
        return f"{self.stage}: {self.reason}"
