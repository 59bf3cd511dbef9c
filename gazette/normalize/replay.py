"""Replaying a repair log on the source lines: the log must tell the whole story.

``replay(source_lines, repairs)`` applies the log's edits, drops and joins in
order and must give the document's paragraphs exactly; a test checks it on
every sample, and an auditor can do the same from ``repairs.jsonl`` alone.
"""

from __future__ import annotations

from .model import Line, Repair


class ReplayError(AssertionError):
    """The repair log does not fit the text it is replayed on."""


def replay(lines: list[Line], repairs: list[Repair]) -> list[str]:
    """Apply a repair log to source lines; return the paragraphs it gives.

    Lines that went into a table leave the paragraphs (``op="table"``); the
    log shows the cells each gave, and ``Document.tables()`` holds the grids.

    >>> src = [Line(1, "到 ２０２５ 年"), Line(2, "—３—")]
    >>> log = [Repair("page_number", 1, 2, 0, "—３—", "", op="drop"),
    ...        Repair("fold_width", 1, 1, 2, "２０２５", "2025")]
    >>> replay(src, log)
    ['到 2025 年']
    """
    texts = {line.no: line.text for line in lines}
    joins: dict[int, Repair] = {}
    for repair in repairs:
        if repair.op == "edit":
            texts[repair.line] = _replay_edit(texts[repair.line], repair)
        elif repair.op in ("drop", "table"):
            if texts.pop(repair.line, None) != repair.before:
                raise ReplayError(f"{repair.op} does not fit line {repair.line}: {repair}")
        else:
            joins[repair.line] = repair
    return _replay_joins(texts, joins)


def _replay_edit(text: str, repair: Repair) -> str:
    end = repair.col + len(repair.before)
    if text[repair.col : end] != repair.before:
        raise ReplayError(f"edit does not fit line {repair.line}: {text!r} {repair}")
    return text[: repair.col] + repair.after + text[end:]


def _replay_joins(texts: dict[int, str], joins: dict[int, Repair]) -> list[str]:
    paragraphs: list[str] = []
    for no in sorted(texts):
        join = joins.get(no)
        if join is None or not paragraphs:
            paragraphs.append(texts[no])
            continue
        tail, head = join.before.split("\n")
        joiner = join.after[len(tail) : len(join.after) - len(head)]
        if not paragraphs[-1].endswith(tail) or not texts[no].startswith(head):
            raise ReplayError(f"join does not fit line {no}: {join}")
        paragraphs[-1] += joiner + texts[no]
    return paragraphs
