"""The conservation invariant: nothing of a source is lost or invented,
except by a recorded repair.

``unaccounted`` is the one place that says what "accounted for" means, so
that it can be widened without touching its callers. For now it counts Han
characters: those of the source's lines, adjusted by every recorded repair
(an edit takes ``before`` away and puts ``after`` in, a line that went into a
table leaves the paragraphs: ``test_tables`` accounts for those cells),
against those of the document's paragraphs.
"""

from __future__ import annotations

from collections import Counter

import regex

from gazette.normalize import Document, Source
from gazette.render import Rendering

_HAN = regex.compile(r"\p{Han}")


def unaccounted(source: Source, rendering: Rendering | Document) -> Counter:
    """Characters neither in the output nor in a recorded repair: a positive
    count was lost, a negative one invented; empty when all is accounted for.
    ``rendering`` may also be just the normalized ``Document``."""
    doc = rendering.doc if isinstance(rendering, Rendering) else rendering
    expected = Counter(_HAN.findall("".join(line.text for line in source.lines)))
    for repair in doc.repairs:
        if repair.op == "join":
            continue
        expected.subtract(_HAN.findall(repair.before))
        if repair.op != "table":
            expected.update(_HAN.findall(repair.after))
    expected.subtract(_HAN.findall("".join(doc.paragraphs())))
    return Counter({ch: n for ch, n in expected.items() if n})
