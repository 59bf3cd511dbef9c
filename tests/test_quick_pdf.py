"""PDF pages read by PDFium (``read/pdf/quick.py``): pdfminer's reading, faster.

The reader takes PDFium for a page wherever PDFium reads it as pdfminer
would, and pdfplumber for the others. These tests hold it to that on every
real PDF of the project: the same XML, the same characters and edges, every
page read by PDFium (a cell set down the page too); and they pin each way
PDFium's text page differs from pdfminer that the reader makes up for.
"""

from __future__ import annotations

import threading

import pdfplumber
import pypdfium2
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from gazette.normalize.read import PDFIUM, PdfSettings, read_source, source_from_bytes
from gazette.normalize.read.lines import printed_lines
from gazette.normalize.read.pdf.quick import odd_vertical_fonts, quick_page
from gazette.render import render
from gazette.review.source_view import page_image

from .conftest import DATA, PDF_DATA, SAMPLES

REAL = sorted(path for path in PDF_DATA.glob("*.pdf") if not path.name.startswith("scan_")) + [
    DATA / "issues" / "guowuyuan_1954-01" / "gwyb195401.pdf", SAMPLES / "demo_gazette.pdf",
    SAMPLES / "demo_tables.pdf"]


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_pdfium_and_pdfminer_give_the_same_xml_for_every_real_pdf(path):
    quick = render(read_source(path)).xml
    assert quick == render(read_source(path, PdfSettings(pdfium_text=False))).xml


def test_pdfium_reads_every_page_of_the_real_pdfs():
    for path, plumbed, quick in _pages(REAL):
        assert not odd_vertical_fonts(plumbed.page_obj.resources) and quick is not None, (path, plumbed.page_number)


def _pages(paths):
    """``(path, pdfplumber's page, QuickPage)`` of every page of the PDFs at ``paths``."""
    for path in paths:
        document = pypdfium2.PdfDocument(path.read_bytes())
        with pdfplumber.open(path) as pdf:
            for seq, page in enumerate(pdf.pages, start=1):
                yield path, page, quick_page(document, seq, (page.width, page.height), page.initial_doctop)
        document.close()


def _close(one: list[dict], other: list[dict], keys: tuple[str, ...], tolerance: float) -> bool:
    return len(one) == len(other) and all(abs(a[key] - b[key]) <= tolerance for a, b in zip(one, other) for key in keys)


def _printed(chars: list[dict]) -> list[dict]:
    """The glyphs, each once: without blanks (PDFium keeps one of two
    spaces in a row) and without a glyph printed again on itself within a
    point (bold by double printing: PDFium keeps one, the reader's
    ``dedupe_tolerance`` does the same on pdfminer's)."""
    kept: list[dict] = []
    for char in sorted(chars, key=lambda char: (round(char["top"]), char["x0"])):
        if char["text"].isspace() or any(
                other["text"] == char["text"] and abs(other["x0"] - char["x0"]) <= 1 and abs(other["top"] - char["top"]) <= 1
                for other in kept[-8:]):
            continue
        kept.append(char)
    return sorted(kept, key=lambda char: (char["text"], round(char["top"]), round(char["x0"])))


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_pdfium_gives_pdfminers_glyphs_boxes_and_edges(path):
    """Boxes within a hundredth of a point, and the same edges for the table
    finder. A glyph's right edge is PDFium's advance: within 0.2 pt in a font
    the PDF embeds (a subset, ``ABCDEF+Name``); in one it does not embed
    (``STSongStd-Light``), PDFium's substitute gives Latin digits up to 1.1 pt
    wider, and that is not compared (the XML above is the same all the same)."""
    for _, plumbed, quick in _pages([path]):
        mine, theirs = _printed(quick.chars), _printed(plumbed.chars)
        assert [char["text"] for char in mine] == [char["text"] for char in theirs]
        assert _close(mine, theirs, ("x0", "top", "bottom", "size"), 0.01)
        embedded = [index for index, char in enumerate(theirs) if "+" in str(char["fontname"])]
        assert _close([mine[index] for index in embedded], [theirs[index] for index in embedded], ("x1",), 0.2)
        assert _paired(quick.edges, plumbed.edges, 0.01)


def _paired(mine: list[dict], theirs: list[dict], tolerance: float) -> bool:
    """Whether each edge of one list has its own edge in the other, of the
    same orientation and within ``tolerance`` on all four sides."""
    if len(mine) != len(theirs):
        return False
    near: dict[tuple, list[dict]] = {}
    for edge in mine:
        near.setdefault((edge["orientation"], round(edge["top"]), round(edge["x0"])), []).append(edge)
    for edge in theirs:
        candidates = [other for top in (-1, 0, 1) for left in (-1, 0, 1)
                      for other in near.get((edge["orientation"], round(edge["top"]) + top, round(edge["x0"]) + left), [])]
        match = next((other for other in candidates if all(abs(other[key] - edge[key]) <= tolerance
                                                           for key in ("x0", "x1", "top", "bottom"))), None)
        if match is None:
            return False
        near[(match["orientation"], round(match["top"]), round(match["x0"]))].remove(match)
    return True


def _same_chars(mine: list[dict], theirs: list[dict]) -> bool:
    """The same characters in the same order, boxes, sizes and matrices to a
    ten-thousandth of a point (PDFium's single precision rounded back)."""
    keys = ("x0", "x1", "top", "bottom", "doctop", "size")
    return ([(char["text"], char["upright"]) for char in mine] == [(char["text"], char["upright"]) for char in theirs]
            and _close(mine, theirs, keys, 0.0002)
            and all(abs(a - b) <= 0.0002 for one, other in zip(mine, theirs)
                    for a, b in zip(one["matrix"], other["matrix"])))


def test_a_cell_set_down_the_page_is_boxed_as_pdfminer_boxes_it():
    """The Hongze report's merged cell ``三、本年度办理结果``, one glyph a text
    object in an ``Identity-V`` font at 199 pt scaled by 0.05: each glyph an
    em wide centred on the pen, from an em above PDFium's origin down the
    font's advance; the whole page as pdfminer reads it."""
    path = PDF_DATA / "hongze_zfxxgk-annual-2023_p2-4.pdf"
    (mine, theirs), = [(quick.chars, plumbed.chars) for _, plumbed, quick in _pages([path]) if plumbed.page_number == 2]
    assert _same_chars(mine, theirs)
    down = [char for char in mine if char["x0"] == 85.601]
    assert "".join(char["text"] for char in down) == "三、本年度办理结果"
    assert (down[0]["top"], down[0]["bottom"], down[0]["matrix"][4:]) == (605.336, 615.286, (90.576, 235.47))


def test_a_string_shown_down_the_page_is_boxed_as_pdfminer_boxes_it(tmp_path):
    """A string in one text object down the page (a ``-V`` CMap the PDF does
    not embed, half-width digits, character spacing that shortens the
    advance), beside one across: every character as pdfminer reads it."""
    path = tmp_path / "down.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light", isVertical=True))
    try:
        pdf = canvas.Canvas(str(path))
        text = pdf.beginText(100, 700)
        text.setFont("STSong-Light", 14)
        text.setCharSpace(2)
        text.textOut("三、本年度2023年")
        pdf.drawText(text)
        pdf.setFont("Times-Roman", 10)
        pdf.drawString(200, 700, "across 2023")
        pdf.save()
    finally:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # across again, for the other tests
    ((mine, theirs),) = [(quick.chars, plumbed.chars) for _, plumbed, quick in _pages([path])]
    down = [char for char in theirs if char["fontname"] == "STSongStd-Light"]
    assert [char["matrix"][5] for char in down[:3]] == [700.0, 688.0, 676.0]  # 14 pt less 2 pt a character
    assert _same_chars(mine[:len(down)], down)


def test_a_space_drawn_as_a_string_of_its_own_parts_words_as_pdfminer_reads_it(tmp_path):
    """A space shown alone has no width, and PDFium leaves it out of its
    text page; pdfminer reads it, so ``GB/T 19001`` keeps its space though
    the gap is narrower than the 3 pt that make one (the GJB 9001C layer)."""
    path = tmp_path / "spaced.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10.56)
    pdf.drawString(72, 700, "GB/T")
    end = 72 + pdf.stringWidth("GB/T", "Helvetica", 10.56)
    pdf.drawString(end, 700, " ")
    pdf.drawString(end + 2.0, 700, "19001-2008")
    pdf.save()
    data = path.read_bytes()
    assert [line.text for line in source_from_bytes(data, "spaced.pdf").lines] == ["GB/T 19001-2008"]
    assert [line.text for line in source_from_bytes(data, "spaced.pdf", PdfSettings(pdfium_text=False)).lines] == [
        "GB/T 19001-2008"]


def test_a_gap_of_exactly_three_points_is_no_space_whatever_the_arithmetic():
    """696.12 − 693.12 is 3.0000000000000x in pdfminer's doubles and
    2.99997 in PDFium's singles: both are 3 pt, no space (the Putuo budget's
    ``全过程管理，投资``)."""
    def char(text, x0, x1):
        return {"text": text, "x0": x0, "x1": x1, "top": 306.99, "bottom": 318.51, "size": 11.52,
                "matrix": (1, 0, 0, 1, x0, 278.4)}
    for before, after in ((693.1199999999999, 696.12), (693.1199951171875, 696.1199951171875)):
        (line,) = printed_lines([char("理", before - 11.52, before), char("，", after, after + 11.52)])
        assert line["text"] == "理，"



@pytest.mark.parametrize("use", ["read", "draw"])
def test_a_thread_waits_its_turn_to_call_pdfium(use):
    """PDFium is not thread-safe (pypdfium2: two threads inside it at once
    may crash the process), and the review app's request threads read and
    draw PDFs at once: every use holds ``PDFIUM``. While this thread holds
    it, another one's reading (or drawing a page) waits."""
    data = (PDF_DATA / "sichuan_chuanbangui-2025-6_p1-4.pdf").read_bytes()
    work = {"read": lambda: source_from_bytes(data, "sichuan.pdf").lines[0].text,
            "draw": lambda: page_image.__wrapped__(data, 1)[:8]}[use]
    found: list = []
    with PDFIUM:
        other = threading.Thread(target=lambda: found.append(work()))
        other.start()
        other.join(timeout=3)
        assert other.is_alive() and not found  # waiting for PDFium
    other.join(timeout=60)
    assert found == [{"read": "四川省人民政府办公厅", "draw": b"\x89PNG\r\n\x1a\n"}[use]]
