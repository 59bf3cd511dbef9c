"""Nothing is lost: every character of a source is in the XML, in a recorded
repair, or in a label an element stands for (``tests/conservation.py``).

Checked on every sample, on every corpus document under every layout of the
corpus renderer (generated inputs: `test_fuzz`). Text the structure
cannot place is kept as ``<unplaced>`` and listed in the warnings.
"""

from __future__ import annotations

import pytest
from lxml import etree

from gazette.normalize import read_source, source_from_bytes
from gazette.render import render

from .conftest import SAMPLES
from .conservation import unaccounted
from .corpus_renderer import LAYOUTS, corpus, render_document

NS = {"g": "urn:gazette-archive:1"}
DOCUMENTS = corpus()


@pytest.mark.parametrize("path", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_every_character_of_every_sample_is_accounted_for(path):
    source = read_source(path)
    assert unaccounted(source, render(source)) == {}


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_every_character_of_the_corpus_is_accounted_for_in_every_layout(layout):
    for doc in DOCUMENTS:
        source = source_from_bytes(render_document(doc, layout).text.encode(), doc.name)
        assert unaccounted(source, render(source)) == {}, (doc.name, layout.name)


def test_text_before_the_first_document_is_kept_as_unplaced_and_reported():
    """Lines the structure cannot place (here a note before a title and its
    number) stay in the XML, with their page, and in the warnings."""
    text = "\n".join(["内部资料　注意保存", "某市人民政府关于加强安全管理的通知", "某政发〔2023〕1号", "各区人民政府：",
                      "请认真贯彻执行。", "某市人民政府", "2023年1月5日"])
    source = source_from_bytes(text.encode(), "x.txt")
    rendering = render(source)
    root = etree.fromstring(rendering.xml)
    assert [(u.get("page"), "".join(u.itertext())) for u in root.iterfind("g:unplaced", NS)] == [("1", "内部资料\u3000注意保存")]
    assert any(w.startswith("unplaced text (page 1)") for w in rendering.issue.warnings)
    assert unaccounted(source, rendering) == {}
