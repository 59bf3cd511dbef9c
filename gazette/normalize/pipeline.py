"""The text pipeline: source lines → furniture → tables → characters → paragraphs.

Reads: a decoded ``Source``. Writes: a ``Document`` (pages, blocks, repairs).

The order matters and is fixed here, in one visible list (``line_rules``):
lost dots are restored while the spaces that betray them are still there,
widths are folded before spaces are judged, and script conversion comes
last. ``replay`` applies a repair log to the source lines and must give the
document's paragraphs exactly: that is how a test (and an auditor) checks
that the log tells the whole story.

>>> from gazette.normalize.sources import source_from_bytes
>>> doc = normalize(source_from_bytes("到 ２０２５ 年，高程 １０３０ ００ 米。".encode(), "x.txt"))
>>> doc.paragraphs()
['到2025年，高程1030.00米。']
>>> sorted({r.rule for r in doc.repairs})
['fold_width', 'remove_spurious_spaces', 'restore_decimal_point']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

import regex

from .chars import (
    CONTROL,
    SPACE,
    fix_ling,
    fold_width,
    fullwidth_punctuation,
    remove_spurious_spaces,
    strip_control_chars,
)
from .edits import recording
from .kind import source_kind
from .model import Document, Line, Repair
from .numbers import restore_decimal_point, restore_decimal_points_across_lines, restore_list_marker_dot
from .pages import find_furniture, number_pages, strip_layout
from .profile import Profile, default_profile
from .reflow import reflow
from .script import detect_script, to_simplified
from .sources import Source
from .tables import build_tables, find_tables


@dataclass(frozen=True)
class LineRule:
    """A named per-line repair, whether its changes are certain, and a cheap
    ``trigger``: a line the trigger does not match cannot be changed by the
    rule, so the rule is not run on it (the hot path of the pipeline).
    Rules that read or remove the gaps between characters do not run on
    table lines (``in_tables=False``): there a gap may separate two cells."""

    name: str
    apply: Callable[[str], str]
    certain: bool = True
    trigger: regex.Pattern | None = None
    in_tables: bool = True


_DIGIT_GAP_DIGIT = regex.compile(r"[0-9０-９][ \t\u3000]+[0-9０-９]")


def line_rules(profile: Profile, script: str) -> tuple[LineRule, ...]:
    """The per-line rules in the order they run; each name is its function's."""
    return (
        LineRule("strip_control_chars", strip_control_chars, trigger=CONTROL),
        LineRule("restore_decimal_point", partial(restore_decimal_point, profile=profile), False,
                 _DIGIT_GAP_DIGIT, in_tables=False),
        LineRule("restore_list_marker_dot", partial(restore_list_marker_dot, profile=profile), False,
                 regex.compile(r"^[0-9０-９]{1,2}[ \t\u3000]"), in_tables=False),
        LineRule("fix_ling", fix_ling, trigger=regex.compile("[○◯OＯ0０]")),
        LineRule("fold_width", fold_width, trigger=regex.compile("[０-９Ａ-Ｚａ-ｚ％＋－／．：＝＆＠＃＿]")),
        LineRule("fullwidth_punctuation", fullwidth_punctuation, trigger=regex.compile("[,:;?!()]")),
        LineRule("remove_spurious_spaces", remove_spurious_spaces, trigger=regex.compile(SPACE),
                 in_tables=False),
        LineRule("to_simplified", partial(to_simplified, document_script=script)),
    )


def normalize(source: Source, profile: Profile | None = None) -> Document:
    """Run every pass over a decoded source."""
    profile = profile or default_profile()
    lines = [replace(line) for line in source.lines]
    pages = find_furniture(lines, profile) if source.format == "text" else number_pages(lines)
    repairs = strip_layout(lines)
    content = [line for line in lines if not line.furniture]
    regions = find_tables(content, profile)
    script = detect_script([line.text for line in content])
    repairs += repair_lines(content, line_rules(profile, script))
    repairs += restore_decimal_points_across_lines(content, profile)
    tables, table_repairs = build_tables(regions, profile)
    repairs += table_repairs
    blocks, joins = reflow(lines, profile, tables)
    repairs += joins
    texts = [block.text for block in blocks if block.kind != "furniture"]
    return Document(
        name=source.name,
        sha256=source.sha256,
        encoding=source.encoding,
        source_format=source.format,
        pages=pages,
        blocks=blocks,
        repairs=repairs,
        script=script,
        kind=source_kind(texts),
        warnings=list(source.warnings),
    )


def repair_lines(lines: list[Line], rules: tuple[LineRule, ...]) -> list[Repair]:
    """Apply the per-line rules to each line in place; return the repairs."""
    repairs: list[Repair] = []
    for line in lines:
        for rule in rules:
            if rule.trigger is not None and not rule.trigger.search(line.text):
                continue
            if line.table is not None and not line.table_note and not rule.in_tables:
                continue
            with recording() as edits:
                line.text = rule.apply(line.text)
            repairs.extend(
                Repair(rule.name, line.page, line.no, col, before, after, rule.certain)
                for col, before, after in edits
            )
    return repairs


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
