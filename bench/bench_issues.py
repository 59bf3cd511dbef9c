"""Whole gazette issues: masthead, TOC entries and the items they open, against each issue's gold.

For every issue of ``tests/data/issues`` and every way it is given — the real
text layer, PDF or Word document, the text layer drawn as a PDF (``tests/layer_pdf.py``),
the issue typeset as a GB/T 9704 PDF in two styles (``tests/issue_pdf.py``:
A items on new pages, parts' entries indented, ``…`` leaders and ``（N）``
pages, ruled tables; B items run on, no indents, ``.`` leaders, bare pages,
a running head, tables in columns without rules) — the source is rendered (``render``: normalize, structure, validated
XML) and scored by ``tests/issue_metrics.py``: issue metadata right (of 3),
gold TOC entries read as entries, items (not parts) that are an article of
their own, entries linked (``ref``) to the right item or part, items whose
title, number and type are exact, items whose title is alike (an OCR slip),
the articles written, seconds.

    .venv/bin/python bench/bench_issues.py [--issue NAME]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazette.normalize import read_source  # noqa: E402
from gazette.render import render  # noqa: E402
from tests.issue_metrics import ISSUES, load_gold, score  # noqa: E402
from tests.issue_pdf import STYLE_B, Style, read_issue, typeset, write_pdf  # noqa: E402
from tests.layer_pdf import write_layer_pdf  # noqa: E402


def sources(name: str, work: Path) -> list[tuple[str, Callable[[], Path]]]:
    """The ways an issue is given: (label, a function that makes the file)."""
    folder = ISSUES / name
    gold = load_gold(name)
    found: list[tuple[str, Callable[[], Path]]] = []
    text = folder / "source.txt" if (folder / "source.txt").exists() else (ROOT / gold["source"] if "source" in gold
                                                                           else None)
    pdf = next(folder.glob("*.pdf"), None)
    word = next(folder.glob("*.docx"), None)
    if text is not None:
        found.append(("text (real)", lambda: text))
        layer = work / f"{name}-layer.pdf"
        found.append(("text layer as PDF", lambda: write_layer_pdf(text.read_text("utf-8"), layer)))
    if pdf is not None:
        found.append(("PDF (real)", lambda: pdf))
    if word is not None:
        found.append(("Word (real)", lambda: word))
    if (folder / "items").is_dir():
        first = min(item["page"] for item in gold["items"])
        for label, style in (("PDF typeset A", Style(first_item_page=first)),
                             ("PDF typeset B", Style(**{**STYLE_B.__dict__, "first_item_page": first}))):
            found.append((label, _typeset(name, folder, style, work / f"{name}-{label[-1]}.pdf")))
    return found


def _typeset(name: str, folder: Path, style: Style, path: Path) -> Callable[[], Path]:
    return lambda: write_pdf(typeset(read_issue(folder), style), path, style)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issue", help="only the issue folder of this name")
    args = parser.parse_args()
    names = sorted(p.name for p in ISSUES.iterdir() if (p / "gold.json").exists())
    if args.issue:
        names = [name for name in names if name == args.issue]
    header = ["issue", "given as", "meta", "entries read", "own items", "linked", "fields exact", "titles alike",
              "articles", "s"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            gold = load_gold(name)
            for label, make in sources(name, Path(tmp)):
                path = make()
                start = time.perf_counter()
                rendering = render(read_source(path))
                seconds = time.perf_counter() - start
                rows.append([name, label, *score(rendering.xml, gold).row(), f"{seconds:.1f}"])
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")


if __name__ == "__main__":
    main()
