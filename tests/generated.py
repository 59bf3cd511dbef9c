"""Generated inputs for the property and fuzzing tests.

* ``TEXT``: text layers of lines built from seed tokens (Han characters of
  the samples, digits and letters in both widths, punctuation, controls,
  typesetter garbage), indented, with page-start spaces and page numbers;
* ``DOCUMENT``: sample 004 (a whole 公文) with generated lines put in and
  lines taken out, so that what is generated reaches structure and the XML;
* ``PDF``: small PDFs drawn from generated lines, and the demo PDF with
  bytes flipped, cut off or put in (damaged streams, broken cross-reference
  tables, lying lengths).
"""

from __future__ import annotations

import io

import regex
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from .conftest import SAMPLES, sample_path, source
from .pdf_maker import FONT

_HAN = regex.compile(r"\p{Han}")
_SEED_HAN = sorted(set(_HAN.findall(source("000").lines[60].text + source("003").lines[30].text)))

_TOKENS = st.one_of(
    st.sampled_from(_SEED_HAN),
    st.sampled_from(list("０１２３４５６７８９ＡＣＥＰＴ0123456789ACx")),
    st.sampled_from(list("，。、；：（）《》“”〔〕—…％＋－／．,.:;()+-/% \u3000○〇")),
    st.sampled_from(["\x00", "\x07", "\u200b", "书书书", "CCCCCC", "<", "&", "乾", "覆", "著"]),
)
LINE = st.lists(_TOKENS, min_size=0, max_size=45).map("".join)
_PAGE_NUMBER = st.integers(1, 300).map(lambda n: f"—{n}—")
TEXT = st.lists(
    st.one_of(LINE, LINE.map(lambda line: " " + line), LINE.map(lambda line: "\u3000 " + line), _PAGE_NUMBER),
    min_size=1,
    max_size=30,
).map("\n".join)

_SAMPLE_LINES = sample_path("004").read_text("utf-8").splitlines()


@st.composite
def _document(draw) -> str:
    lines = list(_SAMPLE_LINES)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(lines)))
        if draw(st.booleans()) and at < len(lines):
            del lines[at]
        else:
            lines.insert(at, draw(st.one_of(LINE, _PAGE_NUMBER, st.sampled_from(_SAMPLE_LINES))))
    return "\n".join(lines)


DOCUMENT = _document()
_DEMO_PDF = (SAMPLES / "demo_gazette.pdf").read_bytes()


def drawn_pdf(pages: list[list[str]]) -> bytes:
    """A PDF of these lines, a page each list, in the CJK font of the test PDFs."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=1)  # no random document id: hypothesis forbids randomness in strategies
    for lines in pages:
        pdf.setFont(FONT, 12)
        for row, text in enumerate(lines):
            pdf.drawString(72, 760 - 18 * row, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@st.composite
def _damaged(draw) -> bytes:
    data = bytearray(_DEMO_PDF)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at:]
            if not data:
                break
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(data)


_PRINTABLE = LINE.map(lambda line: regex.sub(r"[\x00-\x1f\u200b]", "", line))
PDF = st.one_of(st.lists(st.lists(_PRINTABLE, min_size=0, max_size=12), min_size=1, max_size=3).map(drawn_pdf),
                _damaged())
