"""Recording what a text rule changed, without burdening the rule.

Rules are plain ``str -> str`` functions. They make their changes through
``substitute`` (a regex ``sub``); when a ``recording()`` is active, each
replacement is noted as ``(col, before, after)`` with ``col`` counted in the
text as it is at that moment, so applying the notes in order replays the
change exactly; ``before`` and ``after`` carry a little unchanged context.
Outside ``recording()`` the rules cost nothing extra.

>>> import regex
>>> with recording() as edits:
...     substitute(regex.compile("[０-９]"), lambda m: str(int(m[0])), "第１９期")
'第19期'
>>> edits
[(0, '第１９期', '第1９期'), (0, '第1９期', '第19期')]
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

import regex

Edit = tuple[int, str, str]

#: Characters of unchanged text recorded on each side of a change, so that
#: ``before``/``after`` read well (``到␣20`` → ``到20``, not ``␣`` → ``)``).
CONTEXT = 2

_active: ContextVar[list[Edit] | None] = ContextVar("gazette_edits", default=None)


class recording:  # noqa: N801 - used like a function: ``with recording() as edits``
    """Collect the edits made by ``substitute`` calls inside the block.

    A plain class rather than ``@contextmanager``: it runs once per rule and
    line, on the hot path.
    """

    __slots__ = ("edits", "token")

    def __enter__(self) -> list[Edit]:
        self.edits: list[Edit] = []
        self.token = _active.set(self.edits)
        return self.edits

    def __exit__(self, *exc_info) -> None:
        _active.reset(self.token)


def substitute(
    pattern: regex.Pattern, repl: Callable[[regex.Match], str], text: str
) -> str:
    """``pattern.sub(repl, text)`` that notes each real change.

    A match whose replacement equals the matched text is not a change and is
    not noted (ftfy's rule: record a step only when it changed the text).
    """
    edits = _active.get()
    if edits is None:
        return pattern.sub(repl, text)
    out: list[str] = []
    done = 0  # the length of the edited text so far (kept, not summed: linear in the line)
    done_tail = ""  # the last CONTEXT characters of the edited text so far
    last = 0
    for match in pattern.finditer(text):
        new = repl(match)
        if new == match[0]:
            continue
        kept = text[last : match.start()]
        done_tail = (done_tail + kept)[-CONTEXT:]
        right = text[match.end() : match.end() + CONTEXT]
        edits.append((done + len(kept) - len(done_tail), done_tail + match[0] + right, done_tail + new + right))
        out += (kept, new)
        done += len(kept) + len(new)
        done_tail = (done_tail + new)[-CONTEXT:]
        last = match.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def diff_edit(before: str, after: str) -> Edit | None:
    """The smallest single edit that turns ``before`` into ``after``.

    Used for rules that are not regex based (OpenCC conversion).

    >>> diff_edit("發展數位政府", "发展数位政府")
    (0, '發展數', '发展数')
    >>> diff_edit("同", "同") is None
    True
    """
    if before == after:
        return None
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    return (start, before[start:end_b], after[start:end_a])


def note(edit: Edit) -> None:
    """Add an edit computed by hand to the active recording, if any."""
    edits = _active.get()
    if edits is not None:
        edits.append(edit)
