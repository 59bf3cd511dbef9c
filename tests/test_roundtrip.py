"""Round trip: clean paragraphs → rendered like a gazette text layer → pipeline.

The clean paragraphs are those of seeds 002 and 004 (web texts, one
paragraph a line, reviewed by eye in tests/data/negative.txt); the renderer
(tests/renderer.py) adds hard wraps, indents, full-width digits with spaces,
page numbers, running heads, page-start spaces and blank lines.
"""

from __future__ import annotations

import difflib

import pytest

from gazette.normalize import normalize, replay, source_from_bytes

from .conftest import document
from .renderer import render

#: Character-level similarity the pipeline must reach (issue: aim ≥ 0.99).
MIN_SIMILARITY = 0.995


def _clean(seed: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in document(seed).blocks if b.kind != "furniture"]


@pytest.mark.parametrize("seed", ["002", "004"])
@pytest.mark.parametrize("width, lines_per_page", [(34, 22), (38, 29), (40, 25), (42, 29)])
def test_rendered_text_layer_comes_back_clean(seed, width, lines_per_page):
    paragraphs = _clean(seed)
    layer = render(paragraphs, seed=width, width=width, lines_per_page=lines_per_page)
    source = source_from_bytes(layer.encode("utf-8"), f"rendered-{seed}.txt")
    doc = normalize(source)
    clean = "\n".join(text for _, text in paragraphs)
    got = "\n".join(doc.paragraphs())
    similarity = difflib.SequenceMatcher(None, clean, got, autojunk=False).ratio()
    assert similarity >= MIN_SIMILARITY, f"similarity {similarity:.4f}"
    assert "—" not in "".join(p for p in doc.paragraphs() if p.startswith("—") and p.endswith("—"))
    assert not any("公报" in p for p in doc.paragraphs()), "running head left in text"
    assert replay(source.lines, doc.repairs) == doc.paragraphs()


def test_rendered_layer_has_the_artefacts_it_claims():
    layer = render(_clean("002"), width=38, lines_per_page=29)
    assert "到 ２０２５ 年" in layer and "—４—" in layer and "\n\n " in layer
    assert "某某省人民政府公报 ２０２３ 年第 ５ 期" in layer
