"""Fuzzing the whole render path (``gazette.render``) with text layers and PDF bytes.

For every input: either the tool's own input error (``SourceError``: not
readable, not a document, …) or schema-valid XML, with every character of
the source in the output or in a recorded repair (``conservation``). Any
other exception is a bug. The number of examples is bounded for CI;
``GAZETTE_FUZZ_EXAMPLES=20000`` runs a longer search. What a longer search
found is kept as an ``@example``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from lxml import etree

from gazette.normalize import SourceError, source_from_bytes
from gazette.render import render
from gazette.schemas import validate

from .conftest import SAMPLES
from .conservation import unaccounted
from .generated import DOCUMENT, PDF, TEXT

_EXAMPLES = int(os.environ.get("GAZETTE_FUZZ_EXAMPLES", "100"))
_FUZZ = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_DEMO_PDF = (SAMPLES / "demo_gazette.pdf").read_bytes()
#: Found by longer runs: page boxes that are not four numbers (pdfplumber's
#: MalformedPDFException, and an IndexError for a box that is a string, got through).
_BROKEN_PAGE_BOX = _DEMO_PDF.replace(b"841.8898 ]", b"841/8898 ]", 1)
_PAGE_BOX_STRING = _DEMO_PDF.replace(b"/MediaBox [ 0 0 595.2756 841.8898 ]", b"/MediaBox <005905>", 1)


def _renders_or_refuses(data: bytes, name: str) -> None:
    try:
        source = source_from_bytes(data, name)
        rendering = render(source)
    except SourceError:
        return
    validate(etree.fromstring(rendering.xml), name)
    assert unaccounted(source, rendering) == {}


@_FUZZ
@given(TEXT)
def test_generated_text_layers_render_or_are_refused(text):
    _renders_or_refuses(text.encode("utf-8"), "generated.txt")


@_FUZZ
@given(DOCUMENT)
def test_a_document_with_lines_put_in_and_taken_out_renders_or_is_refused(text):
    _renders_or_refuses(text.encode("utf-8"), "document.txt")


@_FUZZ
@given(PDF)
@example(_BROKEN_PAGE_BOX)
@example(_PAGE_BOX_STRING)
def test_drawn_and_damaged_pdfs_render_or_are_refused(data):
    _renders_or_refuses(data, "generated.pdf")
