"""Real documents in layouts drawn by hypothesis (``tests/drawn_layouts``):
whatever the column, indents, blank lines, page numbers, running heads,
register codes, number spacing and gaps between table cells, a document
keeps every character, loses all its page furniture, and comes back with its
fields as read by hand (``gold.json``), its paragraphs whole and its tables'
cells in place.

The examples are drawn the same way on every run (``derandomize``), so CI is
stable; ``HYPOTHESIS_PROFILE=explore`` draws new ones, many more of them.
"""

from __future__ import annotations

from hypothesis import assume, given, settings

from gazette.normalize import source_from_bytes
from gazette.render import render

from .conservation import unaccounted
from .corpus_metrics import (
    cells_exact,
    clean_stream,
    fields_differing,
    furniture_left,
    paragraphs_exact,
    read_xml,
    unscored,
)
from .corpus_renderer import render_document
from .drawn_layouts import DOCUMENT, LAYOUT, UNREAD_TABLES, ambiguous_gap

#: Paragraphs a drawn layout may leave cut or joined (a short document has few).
PARAGRAPHS_EXACT = 0.9
#: Cells a drawn layout may leave out of place.
CELLS_EXACT = 0.9


@settings(max_examples=8 * settings.default.max_examples)  # an example takes some 25 ms
@given(DOCUMENT, LAYOUT)
def test_a_document_in_any_drawn_layout_keeps_its_text_fields_paragraphs_and_cells(doc, layout):
    assume(not ambiguous_gap(doc, layout))
    rendering = render_document(doc, layout)
    source = source_from_bytes(rendering.text.encode("utf-8"), doc.name)
    result = render(source)
    xml = read_xml(result.xml)
    assert unaccounted(source, result) == {}
    assert furniture_left(rendering.furniture, clean_stream(doc.lines), xml.stream) == 0
    assert fields_differing(doc.gold, xml.fields) == {}
    exact, total = paragraphs_exact(doc.paragraphs(), xml.paragraphs, unscored(doc.lines, doc.gold))
    assert exact >= PARAGRAPHS_EXACT * total, (exact, total)
    exact, total = cells_exact(doc.tables(), xml.tables)
    assert exact >= CELLS_EXACT * total or doc.name in UNREAD_TABLES, (exact, total)
