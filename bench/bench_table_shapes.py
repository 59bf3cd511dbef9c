"""The tuning part's tables printed in other shapes: table cells in place per shape.

Real text layers print tables in shapes the corpus's tables may not show:
without their header, cut to a few columns, a head noting its unit in
brackets, rows numbered with a point, heads lengthened by a year and a
unit, a fifth of the cells empty, heads letter-spaced with two spaces, a
column's runs of one cell merged down; and the document's tables printed
one right under another, the few lines between them left out (``back-to-back``).
Each shape (``tests/table_shapes.py``) rewrites the tables of every document of the unseen
corpus's tuning part (never its held-out third) that has one, renders the
document in one layout (gazette-38 by default) and scores the cells at
their row and column (``cells``) and with rows aligned (``algn``,
``corpus_metrics.cells_aligned``). A shape that loses cells is a class
to fix by its mechanism; the tests in ``tests/test_other_issuers.py``
make the same shapes of single documents (``table_shapes.reshaped``).

    .venv/bin/python bench/bench_table_shapes.py [--layout NAME] [SHAPE...]

``--cell-gap`` and ``--empty-cells`` print cells as ``bench_corpus.py``'s do.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazette.normalize import source_from_bytes  # noqa: E402
from gazette.render import render  # noqa: E402
from tests.corpus_metrics import cells_aligned, cells_exact, read_xml  # noqa: E402
from tests.corpus_renderer import LAYOUTS, UNSEEN, Document, corpus, held_out, render_document  # noqa: E402
from tests.table_shapes import SHAPES, back_to_back, reshaped  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [*SHAPES, BACK_TO_BACK]
    parser.add_argument("shapes", nargs="*", help=f"the shapes (default: all of {', '.join(names)})")
    parser.add_argument("--layout", default="gazette-38", help="the layout (default: gazette-38)")
    parser.add_argument("--cell-gap", default="  ", help="the gap between cells (default: two spaces)")
    parser.add_argument("--empty-cells", action="store_true", help="print empty cells between their gaps")
    args = parser.parse_args()
    if unknown := set(args.shapes) - set(names):
        parser.error(f"no such shape: {', '.join(sorted(unknown))}")
    layout = dataclasses.replace(next(layout for layout in LAYOUTS if layout.name == args.layout),
                                 cell_gap=args.cell_gap.replace("\\t", "\t"), empty_cells=args.empty_cells)
    docs = [doc for doc in corpus(UNSEEN) if not held_out(doc.name) and "[TABLE]" in doc.lines]
    print(f"{'shape':<22} {'docs':>4} {'cells':>6} {'exact':>6} {'algn':>6}")
    for name in args.shapes or names:
        _bench(name, [found for doc in docs if (found := _shaped(doc, name)) is not None], layout)


#: The shape of a document, not of its tables' rows (``table_shapes.back_to_back``).
BACK_TO_BACK = "back-to-back"


def _shaped(doc: Document, name: str) -> Document | None:
    """The document in the shape ``name``: its tables' rows rewritten, or its tables moved together."""
    return back_to_back(doc) if name == BACK_TO_BACK else reshaped(doc, SHAPES[name])


def _bench(name: str, docs: list[Document], layout) -> None:
    exact = aligned = total = 0
    for doc in docs:
        xml = read_xml(render(source_from_bytes(render_document(doc, layout).text.encode("utf-8"), doc.name)).xml)
        found, cells = cells_exact(doc.tables(), xml.tables)
        exact, aligned, total = exact + found, aligned + cells_aligned(doc.tables(), xml.tables)[0], total + cells
    print(f"{name:<22} {len(docs):>4} {total:>6} {exact / max(total, 1):6.3f} {aligned / max(total, 1):6.3f}")


if __name__ == "__main__":
    main()
