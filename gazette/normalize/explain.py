"""Human-readable explanation of a document's repairs (``gazette explain``).

Like ftfy's ``explain_unicode``, but per rule: which rule changed what, and
where. White space is made visible: ``␣`` an ASCII space, ``⎵`` an
ideographic space, ``⏎`` a line break that was joined. For a scan, the
pages read by OCR follow, and the lines read with a confidence under the
threshold, for a reviewer.

>>> from gazette.normalize import normalize, source_from_bytes
>>> doc = normalize(source_from_bytes("高程 １０３０ ００ 米。".encode(), "x.txt"))
>>> print(format_explanation(doc), end="")
x.txt: 5 repairs by 3 rules (1 guess)
page:line  before → after
<BLANKLINE>
fold_width (2)
  1:1  «程␣１０３０.０» → «程␣1030.０»
  1:1  «0.００␣米» → «0.00␣米»
<BLANKLINE>
remove_spurious_spaces (2)
  1:1  «高程␣10» → «高程10»
  1:1  «00␣米。» → «00米。»
<BLANKLINE>
restore_decimal_point (1, 1 guess)
  1:1  «程␣１０３０␣００␣米» → «程␣１０３０.００␣米»  [guess]
"""

from __future__ import annotations

from collections import defaultdict

from .model import Document, OcrPage, Repair

_VISIBLE = str.maketrans({" ": "␣", "\u3000": "⎵", "\n": "⏎", "\t": "⇥"})


def format_explanation(doc: Document, max_per_rule: int = 0) -> str:
    """All repairs of ``doc`` grouped by rule (at most ``max_per_rule`` each if > 0)."""
    by_rule: dict[str, list[Repair]] = defaultdict(list)
    for repair in doc.repairs:
        by_rule[repair.rule].append(repair)
    guesses = sum(1 for r in doc.repairs if not r.certain)
    out = [
        f"{doc.name}: {len(doc.repairs)} repairs by {len(by_rule)} rules ({_plural(guesses, 'guess')})\n",
        "page:line  before → after\n",
    ]
    out.extend(_rule_section(rule, by_rule[rule], max_per_rule) for rule in sorted(by_rule))
    out.extend(_ocr_section(doc.ocr) if doc.ocr else [])
    return "".join(out)


def _ocr_section(pages: list[OcrPage]) -> list[str]:
    """The pages read by OCR and, for a reviewer, their lines under the
    confidence threshold.

    >>> print("".join(_ocr_section([OcrPage(2, "rapidocr", 200, 0.95, ((31, 0.62, "2025年11月.25日"),))])), end="")
    <BLANKLINE>
    read by OCR: page 2 (rapidocr, 200 dpi, mean confidence 0.95)
    <BLANKLINE>
    to be checked (OCR confidence under the threshold):
      2:31  «2025年11月.25日»  (0.62)
    """
    read = ", ".join(f"page {p.page} ({p.engine}, {p.dpi} dpi, mean confidence {p.confidence:.2f})" for p in pages)
    doubtful = [f"  {p.page}:{no}  «{text.translate(_VISIBLE)}»  ({value:.2f})\n"
                for p in pages for no, value, text in p.doubtful]
    head = ["\nto be checked (OCR confidence under the threshold):\n"] if doubtful else []
    return [f"\nread by OCR: {read}\n", *head, *doubtful]


def _rule_section(rule: str, repairs: list[Repair], max_per_rule: int) -> str:
    guesses = sum(1 for r in repairs if not r.certain)
    header = f"\n{rule} ({len(repairs)}{', ' + _plural(guesses, 'guess') if guesses else ''})\n"
    shown = repairs[:max_per_rule] if max_per_rule > 0 else repairs
    lines = [header] + [_repair_line(r) for r in shown]
    if len(shown) < len(repairs):
        lines.append(f"  … {len(repairs) - len(shown)} more\n")
    return "".join(lines)


def _repair_line(repair: Repair) -> str:
    flag = ("" if repair.certain else "  [guess]") + (f"  ({repair.note})" if repair.note else "")
    after = "(removed)" if repair.op == "drop" else f"«{repair.after.translate(_VISIBLE)}»"
    return f"  {repair.page}:{repair.line}  «{repair.before.translate(_VISIBLE)}» → {after}{flag}\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}es"
